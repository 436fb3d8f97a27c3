//! The readable text report of a [`Doc`]: metadata, then sentences grouped by
//! section and paragraph, then one section per stage (each stage writes its own).

use crate::doc::Doc;
use crate::{actors, channels, conflicts, events, quotes};
use std::fmt::Write;

/// The whole text report for one article.
pub fn to_text(doc: &Doc) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    let field = |out: &mut String, k: &str, v: Option<&str>| {
        if let Some(v) = v {
            let _ = writeln!(out, "{k:<10} {v}");
        }
    };
    field(&mut out, "id", m.id.as_deref());
    field(&mut out, "outlet", m.outlet.as_deref());
    field(&mut out, "headline", m.headline.as_deref());
    field(&mut out, "byline", m.byline.as_deref());
    if !m.authors.is_empty() {
        let _ = writeln!(out, "{:<10} {}", "authors", m.authors.join(", "));
    }
    if !m.sections.is_empty() {
        let _ = writeln!(out, "{:<10} {}", "sections", m.sections.join(" | "));
    }
    field(&mut out, "place", m.place.as_deref());
    field(&mut out, "email", m.email.as_deref());
    let published = m.published.map(|d| d.to_string());
    field(&mut out, "published", published.as_deref());
    let _ = writeln!(out, "\nSentences");
    let mut last_para = usize::MAX;
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.paragraph != last_para {
            if let Some(sec) = doc
                .sections
                .iter()
                .find(|x| x.first_paragraph == s.paragraph)
            {
                let _ = writeln!(out, "\n  == {} ==", doc.slice(sec.heading));
            }
            let _ = writeln!(out, "  [paragraph {}]", s.paragraph + 1);
            last_para = s.paragraph;
        }
        let _ = writeln!(out, "  {:>3}. {}", i + 1, doc.slice(s.span));
    }
    actors::report(doc, &mut out);
    quotes::report(doc, &mut out);
    events::report(doc, &mut out);
    channels::report(doc, &mut out);
    conflicts::report(doc, &mut out);
    for d in &doc.diagnostics {
        let _ = writeln!(out, "\n{:?}: {}", d.severity, d.message);
    }
    out
}
