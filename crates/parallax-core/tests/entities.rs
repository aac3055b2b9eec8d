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
            assert!(
                written == entity.name || entity.aliases.contains(&written),
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
fn titles_party_tags_datelines_and_nationalities_are_left_out() {
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
    assert_eq!(named(&entities, "Kyiv").mentions, 2);
}

#[test]
fn an_office_without_a_name_is_its_body_and_a_shouted_dateline_city_is_left_out() {
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
    assert_eq!(named(&entities, "Kyiv").kind, EntityKind::Place);
    assert_eq!(named(&entities, "Kyiv").mentions, 1);
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
