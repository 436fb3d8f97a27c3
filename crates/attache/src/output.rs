//! The contract's JSON form of a [`Doc`] (see CONTRACT.md): one object per article.

use crate::doc::{Doc, QuoteKind};
use crate::events::cameo;
use serde_json::{json, Value};

/// The contract JSON object for one analysed article.
pub fn to_json(doc: &Doc) -> Value {
    let m = &doc.meta;
    let span_text = |s: crate::Span| doc.slice(s).to_string();
    json!({
        "article": {
            "id": m.id,
            "url": m.url,
            "outlet": m.outlet,
            "headline": m.headline,
            "byline": m.byline,
            "authors": m.authors,
            "place": m.place,
            "email": m.email,
            "published": m.published.map(|d| d.format("%Y-%m-%d").to_string()),
            "sections": m.sections,
            "text": doc.text,
        },
        "sentences": doc.sentences.iter().enumerate().map(|(i, s)| json!({
            "index": i, "start": s.span.start, "end": s.span.end, "paragraph": s.paragraph,
            "section": doc.paragraphs.get(s.paragraph).and_then(|p| p.section),
        })).collect::<Vec<_>>(),
        "paragraphs": doc.paragraphs.iter().map(|p| json!({
            "start": p.span.start, "end": p.span.end, "section": p.section,
        })).collect::<Vec<_>>(),
        "sections": doc.sections.iter().map(|s| json!({
            "heading": span_text(s.heading), "start": s.heading.start, "end": s.heading.end,
            "first_paragraph": s.first_paragraph,
        })).collect::<Vec<_>>(),
        "entities": doc.entities.iter().map(|e| json!({
            "id": e.id, "name": e.name, "code": e.code, "kind": e.kind, "roles": e.roles,
            "country": e.country,
        })).collect::<Vec<_>>(),
        "mentions": doc.mentions.iter().map(|x| json!({
            "entity": x.entity, "start": x.span.start, "end": x.span.end,
            "text": span_text(x.span), "kind": x.kind, "sentence": x.sentence,
        })).collect::<Vec<_>>(),
        "events": doc.events.iter().map(|e| {
            let info = cameo::lookup(&e.cameo);
            json!({
                "sentence": e.sentence, "source": e.source, "target": e.target,
                "cameo": e.cameo, "root": e.cameo.get(..2),
                "quad_class": info.map(|i| i.quad_class).or_else(|| cameo::quad_class(&e.cameo)),
                "goldstein": info.map(|i| i.goldstein),
                "plover": info.map(|i| i.plover),
                "label": info.map(|i| i.label),
                "date": e.date,
                "trigger": {"start": e.trigger.start, "end": e.trigger.end, "text": span_text(e.trigger)},
                "status": e.status, "quote": e.quote, "location": e.location,
                "target_inferred": e.target_inferred,
                "source_entity": e.source_entity, "target_entity": e.target_entity,
            })
        }).collect::<Vec<_>>(),
        "quotes": doc.quotes.iter().map(|q| json!({
            "start": q.span.start, "end": q.span.end, "text": span_text(q.span),
            "kind": match q.kind { QuoteKind::Direct => "direct", QuoteKind::Indirect => "indirect" },
            "speaker": {"name": q.speaker.name, "code": q.speaker.code, "entity": q.speaker.entity},
            "sentences": q.sentences,
        })).collect::<Vec<_>>(),
        "channels": doc.channels.iter().map(|c| json!({
            "holder": c.holder, "host": c.host, "name": c.name, "kind": c.kind, "change": c.change,
            "date": c.date, "sentence": c.sentence, "location": c.location,
            "hosted_at": c.hosted_at, "established": c.established, "status": c.status,
        })).collect::<Vec<_>>(),
        "conflicts": doc.conflicts.iter().map(|k| json!({
            "topic": k.topic,
            "claims": k.claims.iter().map(|c| json!({
                "speaker": c.speaker, "code": c.code, "sentence": c.sentence,
                "text": span_text(c.span), "quote": c.quote,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "timexes": doc.timexes.iter().map(|t| json!({
            "start": t.span.start, "end": t.span.end, "text": span_text(t.span),
            "sentence": t.sentence, "value": t.value, "precision": t.precision,
        })).collect::<Vec<_>>(),
        "diagnostics": doc.diagnostics,
    })
}
