//! A figure stated by two outlets with different but interchangeable counted
//! nouns ("troops" / "soldiers") is one corroborated claim, not two
//! single-source ones; different counted sets stay apart.

mod common;
use common::{invented, run};

#[test]
fn troops_and_soldiers_corroborate_one_figure() {
    let docs = [
        invented(
            "valden-post/border-deployment",
            "Valden Post",
            "2026-04-02",
            "Ostria has moved about 4,000 troops to its northern border, the defence ministry of \
             Kelmark said on Wednesday. Officials in Kelmark called the move a provocation.",
        ),
        invented(
            "lakeside-wire/ostria-border",
            "Lakeside Wire",
            "2026-04-02",
            "Kelmark's defence ministry said on Wednesday that Ostria had sent around 4,000 \
             soldiers to the northern border. The ministry gave no further details.",
        ),
        invented(
            "harbour-herald/ostria-refugees",
            "Harbour Herald",
            "2026-04-03",
            "Aid groups in Kelmark said about 4,000 residents had left villages near the border \
             since the weekend.",
        ),
    ];
    let facts = run(&docs, &[]);
    let figure: Vec<_> = facts
        .claims
        .iter()
        .filter(|c| c.value.as_deref().is_some_and(|v| v.contains("4,000")))
        .collect();
    let troops: Vec<_> = figure
        .iter()
        .filter(|c| c.subject.as_deref().is_some_and(|s| s != "residents"))
        .collect();
    assert_eq!(
        troops.len(),
        1,
        "one claim for troops/soldiers: {figure:#?}"
    );
    assert_eq!(troops[0].independent_sources, 2, "{figure:#?}");
    assert_eq!(troops[0].citations.len(), 2);
    // The residents who left are another count, stated by one outlet.
    assert!(
        figure
            .iter()
            .any(|c| c.subject.as_deref() == Some("residents") && c.independent_sources == 1),
        "{figure:#?}"
    );
}
