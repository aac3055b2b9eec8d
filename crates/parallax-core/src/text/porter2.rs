//! A byte-level port of the Snowball English (Porter2) stemmer, for ASCII words.
//!
//! The engine stems every word of every article it compares, and the generic Snowball runtime
//! of `rust-stemmers` (which builds a new `String` at each rewrite and binary-searches its
//! suffix tables) costs a few thousand instructions per word. This module does the same work
//! in the one buffer it returns, reading it as bytes, with the suffix tables written out as
//! `match`es on the last letter.
//!
//! It follows exactly the algorithm generated into `rust-stemmers` 1.2.0
//! (`src/snowball/algorithms/english.rs`): the same exception lists, the same R1 prefixes
//! (`gener`, `commun`, `arsen`), the same step tables and order, and the same quirks (R1 and R2
//! are byte offsets fixed before step 1a, an input `Y` is treated as the marked consonant `y`,
//! only one leading apostrophe is dropped). Words that are not all ASCII are left to the crate,
//! which stays the reference: the tests check this port against it.

/// Stems an ASCII word as `rust_stemmers::Stemmer::create(Algorithm::English).stem(word)` does.
///
/// Returns `None` when `word` is not all ASCII. Any ASCII input gives the crate's answer,
/// whatever its case, digits or punctuation.
pub(crate) fn stem_ascii(word: &str) -> Option<String> {
    if !word.is_ascii() {
        return None;
    }
    Some(stem(word))
}

/// The Snowball `stem` routine: exceptions, then prelude, regions, steps and postlude.
fn stem(word: &str) -> String {
    // exception1: whole words with a fixed stem (or kept as they are).
    if let Some(fixed) = exception1(word.as_bytes()) {
        return fixed.to_string();
    }
    // Words of fewer than three letters are left alone.
    if word.len() < 3 {
        return word.to_string();
    }
    let mut w = prelude(word);
    mark_regions(&mut w);
    step_1a(&mut w);
    // exception2: words that step 1a leaves as they are and no later step may change.
    if !exception2(w.bytes()) {
        step_1b(&mut w);
        step_1c(&mut w);
        step_2(&mut w);
        step_3(&mut w);
        step_4(&mut w);
        step_5(&mut w);
    }
    postlude(&mut w);
    w.s
}

/// The word being stemmed, with the regions and flag the Snowball program keeps.
///
/// The buffer is the `String` that is returned: it is only ever changed by cutting and
/// appending ASCII and by changing the case of ASCII letters, so it needs no UTF-8 check.
/// The result is never longer than the input (every rewrite shrinks the word or keeps its
/// length, and step 1b adds its `e` only after removing at least two letters), so its first
/// allocation is its only one.
struct Word {
    s: String,
    /// Start of R1, a byte offset into the word as it was after the prelude.
    p1: usize,
    /// Start of R2, likewise.
    p2: usize,
    /// Whether the prelude marked some `y` as a consonant (`Y`); the postlude needs it.
    y_found: bool,
}

impl Word {
    fn bytes(&self) -> &[u8] {
        self.s.as_bytes()
    }

    fn len(&self) -> usize {
        self.s.len()
    }

    /// The byte `back` places before the end (`at_end(1)` is the last one), if any.
    fn at_end(&self, back: usize) -> Option<u8> {
        let b = self.bytes();
        b.len().checked_sub(back).map(|i| b[i])
    }

    /// Whether the word ends with `suffix` (the fixed length lets it compile to a few loads).
    fn ends_with<const N: usize>(&self, suffix: &[u8; N]) -> bool {
        let b = self.bytes();
        b.len() >= N && b[b.len() - N..] == suffix[..]
    }

    /// Replaces the last `len` bytes with `with`.
    fn replace_suffix(&mut self, len: usize, with: &str) {
        self.s.truncate(self.s.len() - len);
        self.s.push_str(with);
    }

    /// Whether a suffix of `len` bytes starts in R1.
    fn suffix_in_r1(&self, len: usize) -> bool {
        self.p1 + len <= self.len()
    }

    /// Whether a suffix of `len` bytes starts in R2.
    fn suffix_in_r2(&self, len: usize) -> bool {
        self.p2 + len <= self.len()
    }
}

/// The Snowball grouping `v`.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The Snowball grouping `v_WXY`: the vowels, `w`, `x` and the consonant marker `Y`.
fn is_vowel_wxy(c: u8) -> bool {
    is_vowel(c) || matches!(c, b'w' | b'x' | b'Y')
}

/// The Snowball grouping `valid_LI`: letters that may precede a removed `li`.
fn is_valid_li(c: u8) -> bool {
    matches!(
        c,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// Routine `exception1`: the whole word is one of the special forms.
fn exception1(word: &[u8]) -> Option<&'static str> {
    if !(3..=6).contains(&word.len()) {
        return None;
    }
    Some(match word {
        b"skis" => "ski",
        b"skies" => "sky",
        b"dying" => "die",
        b"lying" => "lie",
        b"tying" => "tie",
        b"idly" => "idl",
        b"gently" => "gentl",
        b"ugly" => "ugli",
        b"early" => "earli",
        b"only" => "onli",
        b"singly" => "singl",
        // Invariant forms.
        b"sky" => "sky",
        b"news" => "news",
        b"howe" => "howe",
        b"atlas" => "atlas",
        b"cosmos" => "cosmos",
        b"bias" => "bias",
        b"andes" => "andes",
        _ => return None,
    })
}

/// Routine `exception2`: after step 1a, the whole word is one of these.
fn exception2(word: &[u8]) -> bool {
    if !(6..=7).contains(&word.len()) {
        return false;
    }
    matches!(
        word,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// Routine `prelude`: drop one leading apostrophe, and mark as `Y` an initial `y` and every `y`
/// that follows a vowel (left to right, so in `ayy` only the first `y` is marked).
fn prelude(word: &str) -> Word {
    let mut s = String::with_capacity(word.len());
    s.push_str(word.strip_prefix('\'').unwrap_or(word));
    let mut y_found = false;
    // Most words have no `y` at all.
    if s.as_bytes().contains(&b'y') {
        // What precedes the letter at `i`, after marking; `Y` (a consonant) before the first.
        let mut previous = b'Y';
        for i in 0..s.len() {
            let c = s.as_bytes()[i];
            if c == b'y' && (i == 0 || is_vowel(previous)) {
                s[i..=i].make_ascii_uppercase();
                y_found = true;
                previous = b'Y';
            } else {
                previous = c;
            }
        }
    }
    Word {
        s,
        p1: 0,
        p2: 0,
        y_found,
    }
}

/// Routine `mark_regions`: R1 starts after the first non-vowel following a vowel (or after one
/// of the prefixes `gener`, `commun`, `arsen`), R2 likewise after R1's start.
fn mark_regions(w: &mut Word) {
    let b = w.bytes();
    let n = b.len();
    let p1 = if b.starts_with(b"gener") || b.starts_with(b"arsen") {
        Some(5)
    } else if b.starts_with(b"commun") {
        Some(6)
    } else {
        after_vowel_then_consonant(b, 0)
    };
    let p2 = p1.and_then(|p1| after_vowel_then_consonant(b, p1));
    w.p1 = p1.unwrap_or(n);
    w.p2 = p2.unwrap_or(n);
}

/// `gopast v gopast non-v` from `from`: the offset just after the first non-vowel that follows
/// a vowel.
fn after_vowel_then_consonant(b: &[u8], from: usize) -> Option<usize> {
    let vowel = from + b[from..].iter().position(|&c| is_vowel(c))?;
    let consonant = vowel + 1 + b[vowel + 1..].iter().position(|&c| !is_vowel(c))?;
    Some(consonant + 1)
}

/// Routine `shortv`: `b` ends in a short syllable, either non-vowel, vowel,
/// non-vowel other than `w`, `x`, `Y`; or, at the very start, vowel, non-vowel.
fn ends_in_short_syllable(b: &[u8]) -> bool {
    match *b {
        [.., c1, v, c2] if !is_vowel(c1) && is_vowel(v) && !is_vowel_wxy(c2) => true,
        [v, c] => is_vowel(v) && !is_vowel(c),
        _ => false,
    }
}

/// Step 1a: apostrophe suffixes (`'s'`, `'s`, `'`), then `sses`, `ied`/`ies`, `s`.
fn step_1a(w: &mut Word) {
    if w.ends_with(b"'s'") {
        w.replace_suffix(3, "");
    } else if w.ends_with(b"'s") {
        w.replace_suffix(2, "");
    } else if w.ends_with(b"'") {
        w.replace_suffix(1, "");
    }
    let n = w.len();
    if w.ends_with(b"sses") {
        w.replace_suffix(4, "ss");
    } else if w.ends_with(b"ied") || w.ends_with(b"ies") {
        // `i` when at least two letters precede the suffix, else `ie`.
        w.replace_suffix(3, if n >= 5 { "i" } else { "ie" });
    } else if w.ends_with(b"ss") || w.ends_with(b"us") {
        // Kept.
    } else if w.ends_with(b"s") {
        // Delete when a vowel comes before the letter preceding the `s`.
        if n >= 2 && w.bytes()[..n - 2].iter().any(|&c| is_vowel(c)) {
            w.s.pop();
        }
    }
}

/// Step 1b: `eed`/`eedly` to `ee` in R1; `ed`, `edly`, `ing`, `ingly` removed after a vowel,
/// then `at`/`bl`/`iz` get an `e`, a double consonant is undoubled, a short word gets an `e`.
fn step_1b(w: &mut Word) {
    let (len, is_eed) = match w.at_end(1) {
        Some(b'y') if w.ends_with(b"eedly") => (5, true),
        Some(b'y') if w.ends_with(b"ingly") => (5, false),
        Some(b'y') if w.ends_with(b"edly") => (4, false),
        Some(b'd') if w.ends_with(b"eed") => (3, true),
        Some(b'd') if w.ends_with(b"ed") => (2, false),
        Some(b'g') if w.ends_with(b"ing") => (3, false),
        _ => return,
    };
    if is_eed {
        if w.suffix_in_r1(len) {
            w.replace_suffix(len, "ee");
        }
        return;
    }
    let stem = w.len() - len;
    if !w.bytes()[..stem].iter().any(|&c| is_vowel(c)) {
        return;
    }
    w.s.truncate(stem);
    match *w.bytes() {
        [.., b'a', b't'] | [.., b'b', b'l'] | [.., b'i', b'z'] => w.s.push('e'),
        [.., x, y]
            if x == y
                && matches!(
                    x,
                    b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
                ) =>
        {
            w.s.pop();
        }
        _ => {
            // A short word: R1 is empty and it ends in a short syllable.
            if w.p1 == w.len() && ends_in_short_syllable(w.bytes()) {
                w.s.push('e');
            }
        }
    }
}

/// Step 1c: a final `y` (or `Y`) after a non-vowel that is not the first letter becomes `i`.
fn step_1c(w: &mut Word) {
    if let [_, .., c, b'y' | b'Y'] = *w.bytes() {
        if !is_vowel(c) {
            w.replace_suffix(1, "i");
        }
    }
}

/// Step 2: the longest of its suffixes, if in R1, is replaced.
fn step_2(w: &mut Word) {
    // (suffix length, replacement); among suffixes ending alike, the longest comes first.
    let (len, with) = match w.at_end(1) {
        Some(b'i') => {
            if w.ends_with(b"lessli") {
                (6, "less")
            } else if w.ends_with(b"biliti") {
                (6, "ble")
            } else if w.ends_with(b"fulli") {
                (5, "ful")
            } else if w.ends_with(b"ousli") {
                (5, "ous")
            } else if w.ends_with(b"entli") {
                (5, "ent")
            } else if w.ends_with(b"aliti") {
                (5, "al")
            } else if w.ends_with(b"iviti") {
                (5, "ive")
            } else if w.ends_with(b"anci") {
                (4, "ance")
            } else if w.ends_with(b"enci") {
                (4, "ence")
            } else if w.ends_with(b"abli") {
                (4, "able")
            } else if w.ends_with(b"alli") {
                (4, "al")
            } else if w.ends_with(b"bli") {
                (3, "ble")
            } else if w.ends_with(b"ogi") {
                // `ogi` to `og`, only after an `l`.
                if w.suffix_in_r1(3) && w.at_end(4) == Some(b'l') {
                    w.s.pop();
                }
                return;
            } else if w.ends_with(b"li") {
                // `li` removed after a valid li-ending.
                if w.suffix_in_r1(2) && w.at_end(3).is_some_and(is_valid_li) {
                    w.replace_suffix(2, "");
                }
                return;
            } else {
                return;
            }
        }
        Some(b'l') if w.ends_with(b"ational") => (7, "ate"),
        Some(b'l') if w.ends_with(b"tional") => (6, "tion"),
        Some(b'm') if w.ends_with(b"alism") => (5, "al"),
        Some(b'n') if w.ends_with(b"ization") => (7, "ize"),
        Some(b'n') if w.ends_with(b"ation") => (5, "ate"),
        Some(b'r') if w.ends_with(b"izer") => (4, "ize"),
        Some(b'r') if w.ends_with(b"ator") => (4, "ate"),
        Some(b's') if w.ends_with(b"iveness") => (7, "ive"),
        Some(b's') if w.ends_with(b"fulness") => (7, "ful"),
        Some(b's') if w.ends_with(b"ousness") => (7, "ous"),
        _ => return,
    };
    if w.suffix_in_r1(len) {
        w.replace_suffix(len, with);
    }
}

/// Step 3: the longest of its suffixes, if in R1, is replaced (`ative` removed, in R2 only).
fn step_3(w: &mut Word) {
    let (len, with) = match w.at_end(1) {
        Some(b'l') if w.ends_with(b"ational") => (7, "ate"),
        Some(b'l') if w.ends_with(b"tional") => (6, "tion"),
        Some(b'l') if w.ends_with(b"ical") => (4, "ic"),
        Some(b'l') if w.ends_with(b"ful") => (3, ""),
        Some(b'e') if w.ends_with(b"alize") => (5, "al"),
        Some(b'e') if w.ends_with(b"icate") => (5, "ic"),
        Some(b'e') if w.ends_with(b"ative") => {
            if w.suffix_in_r1(5) && w.suffix_in_r2(5) {
                w.replace_suffix(5, "");
            }
            return;
        }
        Some(b'i') if w.ends_with(b"iciti") => (5, "ic"),
        Some(b's') if w.ends_with(b"ness") => (4, ""),
        _ => return,
    };
    if w.suffix_in_r1(len) {
        w.replace_suffix(len, with);
    }
}

/// Step 4: the longest of its suffixes, if in R2, is removed (`ion` only after `s` or `t`).
fn step_4(w: &mut Word) {
    let len = match w.at_end(1) {
        Some(b'e') => {
            if w.ends_with(b"ance")
                || w.ends_with(b"ence")
                || w.ends_with(b"able")
                || w.ends_with(b"ible")
            {
                4
            } else if w.ends_with(b"ate") || w.ends_with(b"ive") || w.ends_with(b"ize") {
                3
            } else {
                return;
            }
        }
        Some(b't') => {
            if w.ends_with(b"ement") {
                5
            } else if w.ends_with(b"ment") {
                4
            } else if w.ends_with(b"ent") || w.ends_with(b"ant") {
                3
            } else {
                return;
            }
        }
        Some(b'n') if w.ends_with(b"ion") => {
            if w.suffix_in_r2(3) && matches!(w.at_end(4), Some(b's' | b't')) {
                w.replace_suffix(3, "");
            }
            return;
        }
        Some(b'i') if w.ends_with(b"iti") => 3,
        Some(b'm') if w.ends_with(b"ism") => 3,
        Some(b's') if w.ends_with(b"ous") => 3,
        Some(b'c') if w.ends_with(b"ic") => 2,
        Some(b'l') if w.ends_with(b"al") => 2,
        Some(b'r') if w.ends_with(b"er") => 2,
        _ => return,
    };
    if w.suffix_in_r2(len) {
        w.replace_suffix(len, "");
    }
}

/// Step 5: a final `e` goes in R2, or in R1 unless after a short syllable; a final `l` goes
/// after another `l`, in R2.
fn step_5(w: &mut Word) {
    let n = w.len();
    let delete = match w.at_end(1) {
        Some(b'e') => {
            w.suffix_in_r2(1) || (w.suffix_in_r1(1) && !ends_in_short_syllable(&w.bytes()[..n - 1]))
        }
        Some(b'l') => w.suffix_in_r2(1) && w.at_end(2) == Some(b'l'),
        _ => false,
    };
    if delete {
        w.s.pop();
    }
}

/// Routine `postlude`: if the prelude marked any `y`, every `Y` becomes `y` again.
fn postlude(w: &mut Word) {
    if w.y_found {
        for i in 0..w.len() {
            if w.bytes()[i] == b'Y' {
                w.s[i..=i].make_ascii_lowercase();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem_ascii;
    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};
    use std::collections::BTreeSet;

    fn reference(word: &str) -> String {
        Stemmer::create(Algorithm::English).stem(word).into_owned()
    }

    /// Checks every word, returning the ones where the port and the crate differ.
    fn mismatches<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<(String, String, String)> {
        let stemmer = Stemmer::create(Algorithm::English);
        words
            .into_iter()
            .filter_map(|word| {
                let expected = stemmer.stem(word).into_owned();
                let got = stem_ascii(word).expect("ASCII word");
                (got != expected).then(|| (word.to_string(), got, expected))
            })
            .collect()
    }

    #[test]
    fn tricky_words_stem_as_the_crate_does() {
        // Whitespace-separated, in groups: exception1, exception2, the R1 prefixes, the
        // prelude's `y`, steps 1a, 1b, 1c, 2, 3, 4 and 5, then short words, digits, hyphens,
        // capitals and punctuation.
        let words = "
        skis skies dying lying tying idly gently ugly early only singly sky news howe atlas
        cosmos bias andes skiing skys newsy biases atlases ugliness onlys dyings
        inning innings outing outings canning cannings herring herrings earring earrings
        proceed proceeds exceed exceeds succeed succeeds beginning shouting scanning proceeded
        generous generously general generate generation gener genera communism communist
        community communication commune arsenal arsenic arsen generic
        sayings saying crying cry cries say says yes yesterday youth boyish enjoying employee
        yyy ayy ayyy eyeing yaying toy toys by bye ayes player buyer obeying royalty Yay YES
        Yesterday aYe
        caresses ponies ties tied cried died ied ies sses ss caress cats gas this gaps kiwis us
        bus focus crisis news's it's dogs' 's s' ' '' ''' o's 'tis 'bout rock'n'roll 's' s's
        's's x's' ab's abs' a' 'a 'ab
        agreed agreedly feed feedly bleed freed luxuriated luxuriating hoping hopping hoped
        hopped sized tanned falling hissing fizzed failing filing conflated troubled sized ed
        ing sing bring red shed speed exceedingly hopingly rated rating abled filed fixed
        snowing boxing controlled happening opened bed bing ping aiming ringing
        happy sky cry say by dry fly flying enjoy try Happy happY
        relational conditional rational valenci hesitanci digitizer conformabli radicalli
        differentli vileli analogousli vietnamization predication operator feudalism
        decisiveness hopefulness callousness formaliti sensitiviti sensibiliti archaeologi
        apologi biologi hopefulli homelessli quickli sadli fli bli abli alli entli ousli lessli
        ogi logi li abili electricity quickly happily sensibility
        triplicate formative formalize electriciti electrical hopeful goodness additional
        sensational ative native creative informative ness ful careful awful
        revival allowance inference airliner gyroscopic adjustable defensible irritant
        replacement adjustment dependent adoption decision communion fusion onion homologous
        effective bowdlerize activate angulariti cement ement ment torment government mention
        nation lion vision
        probate rate cease controll roll fill tell hope size bake care love movie cellule
        a i an as is ye yy y aaa abc ies eed ing 1st 2nd 1990s covid-19 mid-1990s co-operation
        well-being x-rays e-mails UK USA Running RUNNING NATO's McDonald's iPhone a1b2c3 ---
        ... @#$% under_score ALL'S 'Y' Y YYY yay ayY
        ";
        // Strings with spaces or control characters, and the empty string.
        let odd = ["", "   ", "hello world", "tab\tbed", "\u{7f}bed"];
        let words = words.split_whitespace().chain(odd);
        let bad = mismatches(words);
        assert!(bad.is_empty(), "(word, port, crate): {bad:?}");
    }

    #[test]
    fn non_ascii_words_are_left_to_the_crate() {
        assert_eq!(stem_ascii("café"), None);
        assert_eq!(stem_ascii("naïve"), None);
        assert_eq!(stem_ascii("it\u{2019}s"), None);
    }

    #[test]
    fn fixture_words_stem_as_the_crate_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut words = BTreeSet::new();
        let mut pending = vec![dir];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                let text_like = matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("txt" | "md" | "html" | "htm" | "eml" | "mhtml")
                );
                if !text_like {
                    continue;
                }
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                let text = text.to_lowercase().replace('\u{2019}', "'");
                for word in text.split(|c: char| !(c.is_alphabetic() || c == '\'')) {
                    if !word.is_empty() && word.is_ascii() {
                        words.insert(word.to_string());
                        // Also as the engine passes them: trailing apostrophes trimmed.
                        words.insert(word.trim_end_matches('\'').to_string());
                    }
                }
            }
        }
        assert!(words.len() > 500, "only {} fixture words", words.len());
        let bad = mismatches(words.iter().map(String::as_str));
        assert!(bad.is_empty(), "(word, port, crate): {bad:?}");
    }

    /// English-looking words: a short stem, then zero to three common suffixes.
    fn english_like() -> impl Strategy<Value = String> {
        const SUFFIXES: &[&str] = &[
            "ational", "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli", "eli",
            "ousli", "ization", "ation", "ator", "alism", "aliti", "iviti", "biliti", "logi",
            "ogi", "fulli", "lessli", "li", "ic", "ical", "icate", "iciti", "ative", "alize",
            "ness", "ful", "fulness", "iveness", "ousness", "ement", "ment", "ent", "ion", "sion",
            "tion", "ing", "ingly", "ed", "edly", "eed", "eedly", "s", "es", "ies", "ied", "ss",
            "sses", "us", "y", "ly", "er", "able", "ible", "ant", "ance", "ence", "ism", "ate",
            "iti", "ous", "ive", "ize", "al", "e", "l", "ll", "at", "bl", "iz", "bb", "dd", "ff",
            "gg", "mm", "nn", "pp", "rr", "tt", "'s", "s'", "'", "ning", "ring", "ceed", "gener",
            "commun", "arsen",
        ];
        let stem = "[a-z]{0,2}[aeiouy]{0,2}[bcdfghlmnprstvwxyz]{0,3}[aeiouy']{0,1}[a-z]{0,1}";
        let prefix = prop::sample::select(&["", "", "", "'", "y", "gener", "commun", "arsen"][..]);
        (
            prefix,
            stem,
            prop::collection::vec(prop::sample::select(SUFFIXES), 0..=3),
        )
            .prop_map(|(prefix, stem, suffixes)| {
                let mut word = format!("{prefix}{stem}");
                for suffix in suffixes {
                    word.push_str(suffix);
                }
                word
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn english_like_words_stem_as_the_crate_does(word in english_like()) {
            prop_assert_eq!(stem_ascii(&word), Some(reference(&word)));
        }

        #[test]
        fn short_words_of_stemming_letters_stem_as_the_crate_does(
            word in "[aeiouyYsltdgnbcrw'x]{0,9}"
        ) {
            prop_assert_eq!(stem_ascii(&word), Some(reference(&word)));
        }

        #[test]
        fn printable_ascii_stems_as_the_crate_does(word in "[ -~]{0,16}") {
            prop_assert_eq!(stem_ascii(&word), Some(reference(&word)));
        }

        #[test]
        fn any_ascii_stems_as_the_crate_does(word in "[\\x00-\\x7f]{0,12}") {
            prop_assert_eq!(stem_ascii(&word), Some(reference(&word)));
        }
    }
}
