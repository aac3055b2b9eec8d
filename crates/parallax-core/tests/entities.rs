//! Entities of a whole article, their aliases, their resolution across articles and the overlap.

use parallax_core::entities::{find_entities, overlap, resolve_across, Entity, EntityKind};

fn fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/entities/delegation.txt"
    ))
    .unwrap()
}

fn named<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} not found in {entities:#?}"))
}

#[test]
fn a_surname_and_a_titled_full_name_are_one_person() {
    let entities = find_entities(&fixture());
    let driscoll = named(&entities, "Dan Driscoll");
    assert_eq!(driscoll.kind, EntityKind::Person);
    assert_eq!(driscoll.mentions, 3);
    assert_eq!(driscoll.aliases, ["Driscoll"]);
}

#[test]
fn spans_point_at_each_mention_in_the_text() {
    let text = fixture();
    let chars: Vec<char> = text.chars().collect();
    for entity in find_entities(&text) {
        assert_eq!(entity.spans.len(), entity.mentions);
        for &(start, end) in &entity.spans {
            let written: String = chars[start..end].iter().collect();
            // A dateline's `KYIV` is a form of `Kyiv`: names written in capitals keep their span.
            let is_form = |form: &String| form.to_lowercase() == written.to_lowercase();
            assert!(
                is_form(&entity.name) || entity.aliases.iter().any(is_form),
                "{written:?} is not a form of {}",
                entity.name
            );
        }
    }
}

#[test]
fn an_acronym_and_its_expansion_are_one_organisation() {
    let entities = find_entities(&fixture());
    let rnc = named(&entities, "Republican National Committee");
    assert_eq!(rnc.kind, EntityKind::Organization);
    assert_eq!(rnc.aliases, ["RNC"]);
}

#[test]
fn titles_party_tags_and_nationalities_are_left_out_and_a_dateline_city_is_a_place() {
    let entities = find_entities(&fixture());
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Rand Paul"), "{names:?}");
    assert!(names.contains(&"Volodymyr Zelensky"), "{names:?}");
    assert!(
        names.contains(&"US Army") && names.contains(&"Financial Times"),
        "{names:?}"
    );
    for wrong in [
        "KYIV",
        "Ukraine —",
        "Ukrainian",
        "R-Ky",
        "Army Secretary",
        "Sen",
        "Thursday",
        "We",
    ] {
        assert!(
            !names.iter().any(|n| n.contains(wrong)),
            "{wrong} in {names:?}"
        );
    }
    assert_eq!(named(&entities, "Kyiv").kind, EntityKind::Place);
    assert_eq!(named(&entities, "Kyiv").mentions, 3);
    assert_eq!(named(&entities, "Kyiv").spans[0], (0, 4));
    assert_eq!(named(&entities, "Ukraine").kind, EntityKind::Place);
}

#[test]
fn an_office_without_a_name_is_its_body_and_shouted_dateline_cities_are_places() {
    let entities = find_entities(
        "BRUSSELS/KYIV – The delegation includes the Sergeant Major of the Army. \
         The Sergeant Major of the Army advises the service. Talks in Kyiv went on.",
    );
    let names: Vec<(&str, EntityKind)> =
        entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert!(
        !names.iter().any(|(n, _)| n.contains("Sergeant")),
        "{names:?}"
    );
    assert!(!names.iter().any(|(n, _)| *n == "KYIV"), "{names:?}");
    assert_eq!(named(&entities, "Army").kind, EntityKind::Organization);
    assert_eq!(named(&entities, "Brussels").kind, EntityKind::Place);
    assert_eq!(named(&entities, "Kyiv").kind, EntityKind::Place);
    assert_eq!(named(&entities, "Kyiv").mentions, 2);
}

#[test]
fn a_plural_noun_opening_a_sentence_before_said_is_no_person() {
    let entities = find_entities(
        "The city closed the flood barrier on Sunday. Engineers said the gates would stay shut. \
         Officials say the river is falling. Mark Jones, the harbour master, agreed. Jones said so twice.",
    );
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert!(
        !names.contains(&"Engineers") && !names.contains(&"Officials"),
        "{names:?}"
    );
    assert_eq!(named(&entities, "Mark Jones").mentions, 2, "{names:?}");
}

#[test]
fn transliterations_resolve_to_one_row_with_a_confidence() {
    let a = find_entities("Volodymyr Zelensky spoke in Kyiv. Zelensky said more.");
    let b = find_entities("President Zelenskyy met Muammar Gaddafi's son.");
    let c = find_entities("They met Volodymyr Zelenskiy and Moammar Qaddafi.");
    let rows = resolve_across(&[a, b, c]);
    let zelensky: Vec<_> = rows.iter().filter(|r| r.name.contains("Zelensk")).collect();
    assert_eq!(zelensky.len(), 1, "{rows:#?}");
    assert_eq!(zelensky[0].name, "Volodymyr Zelensky");
    assert_eq!(zelensky[0].mentions, [2, 1, 1]);
    assert!(zelensky[0].confidence < 1.0 && zelensky[0].confidence >= 0.75);
    let gaddafi: Vec<_> = rows.iter().filter(|r| r.name.contains("addafi")).collect();
    assert_eq!(gaddafi.len(), 1, "{rows:#?}");
    assert_eq!(gaddafi[0].mentions, [0, 1, 1]);
}

#[test]
fn people_sharing_a_surname_but_not_a_given_name_stay_apart() {
    let a = find_entities("Bill Clinton spoke in Ohio.");
    let b = find_entities("Hillary Clinton spoke in Iowa.");
    let rows = resolve_across(&[a, b]);
    let clintons: Vec<_> = rows
        .iter()
        .filter(|r| r.name.ends_with("Clinton"))
        .collect();
    assert_eq!(clintons.len(), 2, "{rows:#?}");
}

#[test]
fn overlap_reports_shared_and_partial_entities_per_kind_and_pair() {
    let articles = [
        find_entities("Rick Perry campaigned in Iowa. Perry attacked Barack Obama."),
        find_entities("Gov. Rick Perry spoke in Iowa, Politico reported."),
    ];
    let rows = resolve_across(&articles);
    let result = overlap(&rows, 2);
    let shared: Vec<&str> = result
        .shared
        .iter()
        .map(|&i| rows[i].name.as_str())
        .collect();
    assert_eq!(shared, ["Rick Perry", "Iowa"]);
    let partial: Vec<&str> = result
        .partial
        .iter()
        .map(|&i| rows[i].name.as_str())
        .collect();
    assert!(
        partial.contains(&"Barack Obama") && partial.contains(&"Politico"),
        "{partial:?}"
    );
    assert_eq!(result.matrix.len(), rows.len());
    let place = result
        .by_kind
        .iter()
        .find(|k| k.kind == EntityKind::Place)
        .unwrap();
    assert_eq!((place.shared, place.named, place.score), (1, 1, 1.0));
    assert_eq!(result.pairs.len(), 1);
    assert_eq!(
        result.pairs[0].left_only.len() + result.pairs[0].right_only.len(),
        partial.len()
    );
    let json = serde_json::to_value(&result).unwrap();
    assert!(json["by_kind"][0]["kind"].is_string());
}

fn kinds(text: &str) -> Vec<(String, EntityKind)> {
    find_entities(text)
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect()
}

fn has(found: &[(String, EntityKind)], name: &str, kind: EntityKind) -> bool {
    found.iter().any(|(n, k)| n == name && *k == kind)
}

#[test]
fn datelines_name_their_cities_as_the_text_writes_them() {
    let houston = find_entities("HOUSTON (AP) -- Flooding closed roads across Houston on Sunday.");
    assert_eq!(named(&houston, "Houston").kind, EntityKind::Place);
    assert_eq!(named(&houston, "Houston").mentions, 2);
    let orleans = kinds("NEW ORLEANS, March 3 (Wire) – The levee board met on Friday.");
    assert!(
        has(&orleans, "New Orleans", EntityKind::Place),
        "{orleans:?}"
    );
    let unknown = kinds("SPRINGDALE, Ark. — The mayor of the town resigned on Monday.");
    assert!(
        has(&unknown, "Springdale", EntityKind::Place),
        "{unknown:?}"
    );
    assert!(has(&unknown, "Ark.", EntityKind::Place), "{unknown:?}");
    let saint = kinds("ST. LOUIS — Voters in the suburbs of St. Louis lined up early.");
    assert!(has(&saint, "St. Louis", EntityKind::Place), "{saint:?}");
    assert_eq!(saint.len(), 1, "{saint:?}");
    let acronym = kinds("NRDC — The group sued the agency in Denver.");
    assert!(!acronym.iter().any(|(n, _)| n == "Nrdc"), "{acronym:?}");
    let not_a_city = kinds("NATO — The alliance met in Brussels.");
    assert!(
        has(&not_a_city, "NATO", EntityKind::Organization),
        "{not_a_city:?}"
    );
    assert!(
        !not_a_city.iter().any(|(n, _)| n == "Nato"),
        "{not_a_city:?}"
    );
}

#[test]
fn a_city_before_a_state_abbreviation_and_the_state_are_places() {
    let found = find_entities(
        "The plant in Fremont, Calif., closed last year, and a Dayton, Ohio, firm bought it. \
         A Bentonville, Ark.-based chain opened a store in Lodi, California.",
    );
    let kinds: Vec<(&str, EntityKind)> = found.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    for place in ["Fremont", "Dayton", "Ohio", "Bentonville", "Ark.", "Lodi"] {
        assert!(
            kinds.contains(&(place, EntityKind::Place)),
            "{place} in {kinds:?}"
        );
    }
    let california = named(&found, "California");
    assert_eq!(california.kind, EntityKind::Place);
    assert_eq!(california.aliases, ["Calif."]);
}

#[test]
fn state_abbreviations_leave_party_tags_and_honorifics_alone() {
    let found = kinds(
        "Judge Ann Wells of Jackson, Miss., ruled. Later Miss. Wells spoke with \
         Sen. Ted Morrow (R-Ky.) and Sen. Joe Harlan, Ind.-Vt., about the case.",
    );
    assert!(has(&found, "Jackson", EntityKind::Place), "{found:?}");
    assert!(has(&found, "Miss.", EntityKind::Place), "{found:?}");
    assert!(has(&found, "Ann Wells", EntityKind::Person), "{found:?}");
    assert!(has(&found, "Ted Morrow", EntityKind::Person), "{found:?}");
    assert!(has(&found, "Joe Harlan", EntityKind::Person), "{found:?}");
    for wrong in ["Ind.", "Ky.", "R-Ky", "Vt."] {
        assert!(
            !found.iter().any(|(n, _)| n == wrong),
            "{wrong} in {found:?}"
        );
    }
    let miss = find_entities("Jackson, Miss., voted. Miss. Wells spoke.");
    let state = named(&miss, "Miss.");
    assert_eq!(state.mentions, 1, "{miss:?}");
}

#[test]
fn a_place_before_a_title_is_a_place_after_an_adjective_or_a_party() {
    let found = kinds(
        "The deal was praised by outspoken Nevada Sheriff Tom Baker, by Ohio Democratic Gov. \
         Ann Lee and by Utah State Rep. Carl Moss.",
    );
    for place in ["Nevada", "Ohio", "Utah"] {
        assert!(
            has(&found, place, EntityKind::Place),
            "{place} in {found:?}"
        );
    }
    for person in ["Tom Baker", "Ann Lee", "Carl Moss"] {
        assert!(
            has(&found, person, EntityKind::Person),
            "{person} in {found:?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|(n, _)| n.contains("State") || n.contains("Democratic")),
        "{found:?}"
    );
    let coach = kinds("He thanked Ohio State Coach Lee Brand for the season and the rally.");
    assert!(!has(&coach, "Ohio", EntityKind::Place), "{coach:?}");
    assert!(has(&coach, "Lee Brand", EntityKind::Person), "{coach:?}");
}

#[test]
fn every_name_after_a_plural_title_is_a_person() {
    let found = kinds(
        "Reps. Dale Hoskins (R-Ga.), Ferris Quade and Orla Brennick wrote to the agency. \
         Democratic Sens. Hal Dorn in Ohio and Rudd Kessler in Iowa did not sign.",
    );
    for person in [
        "Dale Hoskins",
        "Ferris Quade",
        "Orla Brennick",
        "Hal Dorn",
        "Rudd Kessler",
    ] {
        assert!(
            has(&found, person, EntityKind::Person),
            "{person} in {found:?}"
        );
    }
    assert!(has(&found, "Ohio", EntityKind::Place) && has(&found, "Iowa", EntityKind::Place));
}

#[test]
fn two_known_bodies_joined_by_and_are_two_organisations() {
    let found = kinds("The House and Senate passed the bill, and the Senate sent it on.");
    assert!(has(&found, "House", EntityKind::Organization), "{found:?}");
    assert!(has(&found, "Senate", EntityKind::Organization), "{found:?}");
    assert!(!found.iter().any(|(n, _)| n.contains(" and ")), "{found:?}");
}

#[test]
fn laws_and_their_parts_are_not_names() {
    let found = kinds(
        "Lawmakers passed HB 212 and SB1404, citing Title IX, Article 4 and Section 8 of the \
         code, and the governor signed AB 9 in Sacramento.",
    );
    assert_eq!(found, [("Sacramento".to_string(), EntityKind::Place)]);
}

#[test]
fn a_place_and_its_party_members_name_the_place_not_an_organisation() {
    let found = kinds(
        "Ohio Republicans, Iowa Evangelicals and Texas Democrats met, and Senate Republicans left.",
    );
    assert!(has(&found, "Iowa", EntityKind::Place), "{found:?}");
    assert!(has(&found, "Ohio", EntityKind::Place), "{found:?}");
    assert!(has(&found, "Texas", EntityKind::Place), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(n, _)| n.contains("Ohio Republicans") || n.contains("Texas Democrats")),
        "{found:?}"
    );
}

#[test]
fn a_party_with_a_lower_case_party_is_the_organisation() {
    let found = find_entities(
        "He left the Democratic party in 2004 and the Republican Party a year later.",
    );
    let democrats = named(&found, "Democratic Party");
    assert_eq!(democrats.kind, EntityKind::Organization);
    assert_eq!(
        named(&found, "Republican Party").kind,
        EntityKind::Organization
    );
}

#[test]
fn the_other_end_of_a_range_from_a_place_is_a_place() {
    let found = kinds(
        "The line runs from Kenmore to Baltimore, and the road between Odessa and Farwell is shut.",
    );
    for place in ["Kenmore", "Baltimore", "Odessa", "Farwell"] {
        assert!(
            has(&found, place, EntityKind::Place),
            "{place} in {found:?}"
        );
    }
    let people = kinds("The race went from Obama to Romney in a week.");
    assert!(
        !people.iter().any(|(_, k)| *k == EntityKind::Place),
        "{people:?}"
    );
}

#[test]
fn a_dateline_after_a_byline_is_a_place_too() {
    let found = kinds("By Jane Roe and Sam Ortiz\n\nDENVER — The council met on Tuesday.");
    assert!(has(&found, "Denver", EntityKind::Place), "{found:?}");
    assert!(has(&found, "Jane Roe", EntityKind::Person), "{found:?}");
}

#[test]
fn a_state_abbreviation_ending_a_sentence_keeps_the_next_sentence_apart() {
    let found = kinds("The firm moved to Tampa, Fla. The move cost Hillsborough jobs.");
    assert!(has(&found, "Fla.", EntityKind::Place), "{found:?}");
    assert!(!found.iter().any(|(n, _)| n.contains("The")), "{found:?}");
}

#[test]
fn a_title_word_after_a_given_name_is_a_surname() {
    let found = kinds("The seat left by Carl Major went to Sen. Ann Judge, not to the Judge.");
    assert!(has(&found, "Carl Major", EntityKind::Person), "{found:?}");
    assert!(has(&found, "Ann Judge", EntityKind::Person), "{found:?}");
}
