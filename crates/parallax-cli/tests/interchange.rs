//! Interchange on the real `parallax` binary and real library files: `dump --format
//! jsonl|parquet|passim`, `load` of either dump, and `passages import`/`list` of passim's
//! reuse clusters.

use std::path::Path;

use serde_json::{json, Value};

mod common;
use common::{json_of, run_on, Workspace};

/// The library's JSON Lines dump, each record without what a load renumbers (ids).
fn records(library: &Path) -> Vec<Value> {
    let output = run_on(library, &["dump", "-"]);
    assert!(output.status.success(), "{output:?}");
    let mut records: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut record: Value = serde_json::from_str(line).unwrap();
            let fields = record.as_object_mut().unwrap();
            fields.remove("id");
            fields.remove("event");
            record
        })
        .collect();
    records.sort_by_key(|r| r["content_hash"].as_str().unwrap().to_string());
    records
}

/// The sample library with something of everything a person adds: a tag, a correction, a
/// note, an outlet group, an alignment correction.
fn annotated() -> Workspace {
    let setup = Workspace::with_samples();
    setup.json(&["tag", "4", "kyiv", "army"], 0);
    setup.json(&["edit", "6", "--byline", "Someone Else"], 0);
    setup.json(
        &["note", "add", "5:0", "Check the date", "--author", "tester"],
        0,
    );
    setup.json(
        &["outlet", "group", "set", "Northgate Wire", "leaning=centre"],
        0,
    );
    setup.json(&["align", "link", "4:0", "5:0"], 0);
    setup
}

fn articles(list: &Value) -> &Vec<Value> {
    list["articles"].as_array().unwrap()
}

#[test]
fn a_parquet_dump_loads_back_into_the_same_records() {
    let setup = annotated();
    let parquet = setup.path("library.parquet");
    let dumped = setup.json(&["dump", parquet.to_str().unwrap()], 0);
    assert_eq!(dumped["articles"], 8);
    assert_eq!(dumped["format"], "parquet", "the extension chooses Parquet");
    let bytes = std::fs::read(&parquet).unwrap();
    assert_eq!(&bytes[..4], b"PAR1");
    assert_eq!(&bytes[bytes.len() - 4..], b"PAR1");

    let other = setup.path("other.sqlite3");
    let loaded = json_of(&other, &["load", parquet.to_str().unwrap()], 0);
    assert_eq!(loaded["imported"].as_array().unwrap().len(), 8);
    assert!(loaded["imported"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("library.parquet:row 1"));
    assert_eq!(
        records(&other),
        records(&setup.library()),
        "every field, nested ones included, came back"
    );
    let notes = json_of(&other, &["note", "list"], 0);
    assert_eq!(notes["notes"][0]["text"], "Check the date");
    let tagged = json_of(&other, &["list", "--tag", "army"], 0);
    assert_eq!(articles(&tagged).len(), 1);

    let again = json_of(&other, &["load", parquet.to_str().unwrap()], 0);
    assert_eq!(again["duplicates"].as_array().unwrap().len(), 8);
    assert!(again["imported"].as_array().unwrap().is_empty());
}

#[test]
fn a_jsonl_dump_and_a_parquet_dump_carry_the_same_records() {
    let setup = annotated();
    setup.json(&["delete", "8"], 0);
    let jsonl = setup.path("library.jsonl");
    let parquet = setup.path("library.data");
    let as_jsonl = setup.json(&["dump", jsonl.to_str().unwrap(), "--format", "jsonl"], 0);
    let as_parquet = setup.json(
        &["dump", parquet.to_str().unwrap(), "--format", "parquet"],
        0,
    );
    assert_eq!(as_jsonl["articles"], 7, "the trash is left out");
    assert_eq!(as_parquet["articles"], 7);
    let plain = run_on(&setup.library(), &["dump", "-"]);
    assert_eq!(
        String::from_utf8(plain.stdout).unwrap(),
        std::fs::read_to_string(&jsonl).unwrap(),
        "--format jsonl is the dump it always was"
    );

    let from_jsonl = setup.path("from-jsonl.sqlite3");
    let from_parquet = setup.path("from-parquet.sqlite3");
    json_of(&from_jsonl, &["load", jsonl.to_str().unwrap()], 0);
    json_of(&from_parquet, &["load", parquet.to_str().unwrap()], 0);
    assert_eq!(records(&from_jsonl), records(&from_parquet));
    assert_eq!(
        json_of(&from_parquet, &["events"], 0),
        json_of(&from_jsonl, &["events"], 0)
    );

    let stdout = run_on(&setup.library(), &["dump", "-", "--format", "parquet"]);
    assert!(stdout.status.success());
    assert_eq!(&stdout.stdout[..4], b"PAR1", "Parquet goes to a pipe too");

    // Parquet is read from its end: standard input, which cannot seek, is refused in one line.
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["--library", from_parquet.to_str().unwrap(), "load", "-"])
        .stdin(std::fs::File::open(&parquet).unwrap())
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(1));
    let stderr = String::from_utf8(piped.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("from a file"), "{stderr}");
}

#[test]
fn a_damaged_parquet_file_is_refused_with_one_line() {
    let setup = Workspace::with_samples();
    let parquet = setup.path("cut.parquet");
    setup.json(&["dump", parquet.to_str().unwrap()], 0);
    let bytes = std::fs::read(&parquet).unwrap();
    std::fs::write(&parquet, &bytes[..bytes.len() / 2]).unwrap();
    let other = setup.path("other.sqlite3");
    let output = run_on(&other, &["load", parquet.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cut.parquet"), "{stderr}");
}

#[test]
fn the_passim_dump_has_passims_fields() {
    let setup = Workspace::with_samples();
    setup.json(&["edit", "3", "--outlet", ""], 0);
    let path = setup.path("passim.jsonl");
    let dumped = setup.json(&["dump", path.to_str().unwrap(), "--format", "passim"], 0);
    assert_eq!(dumped["format"], "passim");
    let listed = setup.json(&["list"], 0);
    let lines: Vec<Value> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 8);
    for line in &lines {
        let id = line["id"].as_str().expect("passim's ids are strings");
        let article = articles(&listed)
            .iter()
            .find(|a| a["id"].as_i64() == id.parse::<i64>().ok())
            .unwrap();
        assert_eq!(line["title"], article["title"]);
        assert_eq!(line["date"], article["published"]);
        match article["outlet"].as_str() {
            Some(outlet) => assert_eq!(line["series"], outlet),
            None => assert_eq!(line["series"], format!("article-{id}")),
        }
        assert!(line["text"].as_str().unwrap().len() > 200);
        assert_eq!(line["content_hash"].as_str().unwrap().len(), 64);
    }
    assert!(lines.iter().any(|l| l["series"] == "article-3"));

    // passim's input loads as articles: series as the outlet, date as the publication date.
    let other = setup.path("from-passim.sqlite3");
    let loaded = json_of(&other, &["load", path.to_str().unwrap()], 0);
    assert_eq!(loaded["imported"].as_array().unwrap().len(), 8);
    let there = json_of(&other, &["list", "--outlet", "Northgate Wire"], 0);
    let here = setup.json(&["list", "--outlet", "Northgate Wire"], 0);
    assert_eq!(articles(&there)[0]["title"], articles(&here)[0]["title"]);
    assert_eq!(
        articles(&there)[0]["published"],
        articles(&here)[0]["published"]
    );
}

/// The character offsets of `quote` in article `id`'s text.
fn span(setup: &Workspace, id: i64, quote: &str) -> (usize, usize) {
    let passim = setup.path("passim-input.jsonl");
    setup.json(&["dump", passim.to_str().unwrap(), "--format", "passim"], 0);
    let text = std::fs::read_to_string(&passim)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|l| l["id"].as_str().and_then(|s| s.parse::<i64>().ok()) == Some(id))
        .unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    let byte = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in {id}"));
    let start = text[..byte].chars().count();
    (start, start + quote.chars().count())
}

/// A sentence of article `id`, whole: the first that ends with a full stop.
fn sentence_of(setup: &Workspace, id: i64) -> String {
    let other = if id == 1 { "2" } else { "1" };
    let compared = setup.json(&["compare", &id.to_string(), other], 0);
    compared["articles"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .find(|s| s.ends_with('.') && s.len() > 40)
        .unwrap()
}

#[test]
fn passims_clusters_are_stored_and_listed_as_shared_passages() {
    let setup = Workspace::with_samples();
    let listed = setup.json(&["list"], 0);
    let hash_of = |id: i64| -> String {
        let passim = setup.path("hashes.jsonl");
        setup.json(&["dump", passim.to_str().unwrap(), "--format", "passim"], 0);
        std::fs::read_to_string(&passim)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|l| l["id"].as_str().and_then(|s| s.parse::<i64>().ok()) == Some(id))
            .unwrap()["content_hash"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(articles(&listed).len(), 8);
    let quote_2 = sentence_of(&setup, 2);
    let quote_3 = sentence_of(&setup, 3);
    let (b2, e2) = span(&setup, 2, &quote_2);
    let (b3, e3) = span(&setup, 3, &quote_3);
    // passim's output, written by hand: cluster 17 is a passage of articles 2 and 3 (3 named
    // by its content hash only, its id another library's, and its offsets shifted by 4 as
    // passim's XML reading may shift them); cluster 99 names a document this library lacks.
    let records = [
        json!({"cluster": 17, "size": 2, "uid": -5, "id": "2", "series": "Harbour City Bulletin",
               "begin": b2, "end": e2, "text": quote_2, "title": "whatever"}),
        json!({"cluster": 17, "size": 2, "uid": 8, "id": "4711", "series": "Coastline Radio News",
               "begin": b3 + 4, "end": e3 + 4, "text": quote_3, "content_hash": hash_of(3)}),
        json!({"cluster": 99, "size": 2, "uid": 9, "id": "elsewhere-12", "series": "Other",
               "begin": 0, "end": 10, "text": "Some words"}),
    ];
    let out = setup.path("out.json");
    std::fs::create_dir(&out).unwrap();
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(out.join("part-00000"), &lines).unwrap();
    std::fs::write(out.join("_SUCCESS"), "").unwrap();

    let imported = setup.json(&["passages", "import", out.to_str().unwrap()], 0);
    assert_eq!(imported["imported"], 2);
    assert_eq!(imported["already_held"], 0);
    assert_eq!(imported["clusters"], 1);
    assert_eq!(imported["unmatched"][0]["id"], "elsewhere-12");
    assert_eq!(imported["unmatched"][0]["cluster"], "99");

    let list = setup.json(&["passages", "list"], 0);
    let clusters = list["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0]["cluster"], "17");
    assert_eq!(clusters[0]["size"], 2);
    assert_eq!(clusters[0]["source"], "passim");
    let passages = clusters[0]["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 2);
    // Earliest first: the Bulletin (14 October) before Coastline Radio (15 October).
    assert_eq!(passages[0]["article"], 2);
    assert_eq!(passages[0]["outlet"], "Harbour City Bulletin");
    assert_eq!((passages[0]["start"].as_u64().unwrap() as usize), b2);
    assert_eq!(passages[0]["text"], quote_2.as_str());
    assert_eq!(passages[1]["article"], 3);
    assert_eq!(
        (
            passages[1]["start"].as_u64().unwrap() as usize,
            passages[1]["end"].as_u64().unwrap() as usize
        ),
        (b3, e3),
        "the shifted span moved back onto the quote"
    );

    let of_2 = setup.json(&["passages", "list", "--article", "2"], 0);
    assert_eq!(of_2["clusters"].as_array().unwrap().len(), 1);
    let of_7 = setup.json(&["passages", "list", "--article", "7"], 0);
    assert!(of_7["clusters"].as_array().unwrap().is_empty());
    let text = run_on(&setup.library(), &["passages", "list"]);
    assert!(String::from_utf8(text.stdout)
        .unwrap()
        .contains("cluster 17 (passim, 2 passages in the run)"));

    // The comparison of those articles shows the cluster; one of only one of them names the
    // other; one of neither has none.
    let compared = setup.json(&["compare", "3", "2"], 0);
    let cluster = &compared["reuse_clusters"][0];
    assert_eq!(cluster["cluster"], "17");
    let indices: Vec<&Value> = cluster["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["article"])
        .collect();
    assert_eq!(indices, [&json!(1), &json!(0)], "indices into articles");
    assert_eq!(cluster["passages"][1]["start"], b3);
    assert_eq!(cluster["other_articles"], json!([]));
    let with_one = setup.json(&["compare", "7", "2"], 0);
    assert_eq!(with_one["reuse_clusters"][0]["passages"][0]["article"], 1);
    assert_eq!(with_one["reuse_clusters"][0]["other_articles"], json!([3]));
    let with_none = setup.json(&["compare", "7", "8"], 0);
    assert!(with_none.get("reuse_clusters").is_none());

    let again = setup.json(
        &[
            "passages",
            "import",
            out.join("part-00000").to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(again["imported"], 0);
    assert_eq!(again["already_held"], 2);

    // The passages travel with their articles through a dump and load, in both formats.
    for name in ["passages.jsonl", "passages.parquet"] {
        let dump = setup.path(name);
        setup.json(&["dump", dump.to_str().unwrap()], 0);
        let other = setup.path(&format!("{name}.sqlite3"));
        json_of(&other, &["load", dump.to_str().unwrap()], 0);
        let moved = json_of(&other, &["passages", "list"], 0);
        let here: Vec<&Value> = passages.iter().collect();
        let there = moved["clusters"][0]["passages"].as_array().unwrap();
        assert_eq!(there.len(), 2, "{name}");
        for (a, b) in here.iter().zip(there) {
            assert_eq!(
                (&a["start"], &a["end"], &a["text"], &a["title"]),
                (&b["start"], &b["end"], &b["text"], &b["title"]),
                "{name}"
            );
        }
    }

    let bad = setup.path("bad.json");
    std::fs::write(&bad, "{\"cluster\": 1}\nnot json\n").unwrap();
    let refused = setup.json(&["passages", "import", bad.to_str().unwrap()], 1);
    assert_eq!(refused["failed"].as_array().unwrap().len(), 2);
    assert!(refused["failed"][1]["path"]
        .as_str()
        .unwrap()
        .ends_with("bad.json:2"));
}

#[test]
fn a_deleted_articles_passages_are_not_listed_and_come_back_with_it() {
    let setup = Workspace::with_samples();
    let quote = sentence_of(&setup, 2);
    let (begin, end) = span(&setup, 2, &quote);
    let quote_1 = sentence_of(&setup, 1);
    let (b1, e1) = span(&setup, 1, &quote_1);
    let file = setup.path("clusters.json");
    std::fs::write(
        &file,
        format!(
            "{}\n{}\n",
            json!({"cluster": 5, "size": 2, "id": "2", "begin": begin, "end": end, "text": quote}),
            json!({"cluster": 5, "size": 2, "id": 1, "begin": b1, "end": e1, "text": quote_1})
        ),
    )
    .unwrap();
    setup.json(&["passages", "import", file.to_str().unwrap()], 0);
    setup.json(&["delete", "2"], 0);
    let list = setup.json(&["passages", "list"], 0);
    let passages = list["clusters"][0]["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0]["article"], 1);
    setup.json(&["restore", "2"], 0);
    let list = setup.json(&["passages", "list"], 0);
    assert_eq!(list["clusters"][0]["passages"].as_array().unwrap().len(), 2);

    // A backup holds them; emptying the trash forgets those of the articles deleted for good.
    let copy = setup.path("backup.sqlite3");
    setup.json(&["backup", copy.to_str().unwrap()], 0);
    let backed_up = json_of(&copy, &["passages", "list"], 0);
    assert_eq!(backed_up, list);
    setup.json(&["delete", "2"], 0);
    let emptied = setup.json(&["trash", "empty"], 0);
    assert_eq!(emptied["reuse_passages"], 1);
    let list = setup.json(&["passages", "list"], 0);
    assert_eq!(list["clusters"][0]["passages"].as_array().unwrap().len(), 1);
}
