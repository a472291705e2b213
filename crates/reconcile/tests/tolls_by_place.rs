//! Tolls for different places are different counts, not a conflict; the
//! same place with different tolls on the same day still is.

mod common;
use common::{invented, run};

#[test]
fn tolls_of_different_places_do_not_conflict() {
    let docs = [
        invented(
            "valden-post/storm",
            "Valden Post",
            "2026-09-02",
            "Typhoon Tessel killed at least 40 people in Ormand province on Tuesday, \
             officials said.",
        ),
        invented(
            "lakeside-wire/storm",
            "Lakeside Wire",
            "2026-09-02",
            "The storm killed 12 people in Varn, the regional governor said on Tuesday.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn the_same_place_with_different_tolls_conflicts() {
    let docs = [
        invented(
            "valden-post/storm",
            "Valden Post",
            "2026-09-02",
            "Typhoon Tessel killed 40 people in Ormand province on Tuesday, officials said.",
        ),
        invented(
            "lakeside-wire/storm",
            "Lakeside Wire",
            "2026-09-02",
            "The storm killed 400 people in Ormand province, the regional governor said on \
             Tuesday.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(facts.conflicts.len(), 1, "{:#?}", facts.conflicts);
}
