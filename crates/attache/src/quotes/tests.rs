//! Table tests for the quotation stage: one line per case.

use super::testdoc::{doc, DocBuilder};
use super::*;
use crate::doc::{EntityKind as K, Gender};

/// The cast every case may mention.
fn cast(b: DocBuilder) -> DocBuilder {
    b.entity(
        "Jane Doe",
        K::Person,
        "USAGOV",
        Some(Gender::Female),
        &["Jane Doe", "Doe", "@the secretary"],
    )
    .entity(
        "John Smith",
        K::Person,
        "GBRGOV",
        Some(Gender::Male),
        &["John Smith", "Smith"],
    )
    .entity(
        "Ivan Petrenko",
        K::Person,
        "RUSGOV",
        None,
        &["Ivan Petrenko", "Petrenko"],
    )
    .entity(
        "NATO",
        K::Organization,
        "IGOWSTNAT",
        None,
        &["NATO", "@the alliance"],
    )
    .entity(
        "Russia",
        K::State,
        "RUS",
        None,
        &["Russia", "Moscow", "~Russian"],
    )
    .entity(
        "Russian Foreign Ministry",
        K::Organization,
        "RUSGOV",
        None,
        &["Russian Foreign Ministry"],
    )
    .entity("Interfax", K::Organization, "RUSMED", None, &["Interfax"])
    .entity(
        "United States",
        K::State,
        "USA",
        None,
        &["United States", "~U.S.", "Washington"],
    )
    .entity("protesters", K::Group, "", None, &["protesters"])
}

fn run(text: &str) -> Vec<(String, String, String)> {
    let mut d = cast(doc(text)).build();
    attribute(&mut d);
    d.quotes
        .iter()
        .map(|q| {
            let k = match q.kind {
                QuoteKind::Direct => "d",
                QuoteKind::Indirect => "i",
            };
            (
                k.to_string(),
                d.slice(q.span).to_string(),
                q.speaker.name.clone().unwrap_or_default(),
            )
        })
        .collect()
}

type Want = &'static [(&'static str, &'static str, &'static str)];

fn check(cases: &[(&str, Want)]) {
    let mut failed = Vec::new();
    for (text, want) in cases {
        let got = run(text);
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        if got != want {
            failed.push(format!(
                "\n  text: {text}\n  want: {want:?}\n  got:  {got:?}"
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:{}",
        failed.len(),
        cases.len(),
        failed.concat()
    );
}

#[test]
fn direct_quotations() {
    check(&[(
        "“We will not back down,” Doe said.",
        &[("d", "We will not back down,", "Jane Doe")],
    )]);
}
