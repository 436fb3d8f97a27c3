//! The web page: search, article view and dyad page, rendered on the server
//! as plain HTML with inline CSS and SVG (no scripts, nothing fetched from
//! elsewhere). **Every string from the store goes through [`esc`]**: article
//! text, names and codes are untrusted input.

use crate::api::{date, param};
use crate::{ApiError, AppState};
use attache_store::{
    channel_state_at, ArticleView, ChannelFilter, Counts, EventFilter, Page, QuoteFilter,
    TimelineRow,
};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::sync::Arc;

/// HTML-escapes text for element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a query-string component.
fn url_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

const STYLE: &str = r#"
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1f3b5a;color:#fff;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:1em 1.2em}
form{margin:.5em 0}input{font:inherit;padding:.3em .5em}button{font:inherit;padding:.3em .8em}
table{border-collapse:collapse;margin:.5em 0 1.2em;background:#fff}td,th{border:1px solid #d5d9e0;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef1f5}.muted{color:#667}.text{white-space:pre-wrap;background:#fff;padding:1em;border:1px solid #d5d9e0;line-height:1.7}
.actor{background:#dbe9ff;border-bottom:2px solid #3b6fd4}.quote{background:#fff3c4}.trigger{background:#ffd0cc;font-weight:700;border-bottom:2px solid #c8372d}
.chip{display:inline-block;background:#fff;border:1px solid #c9d2de;border-radius:1em;padding:0 .6em;margin:.15em}
.legend span{margin-right:1em}li{margin:.2em 0}
"#;

/// No scripts, no outside resources: a second line of defence behind escaping.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";

fn page(title: &str, body: &str) -> Response {
    let html = Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>{} · attache</title><style>{STYLE}</style></head><body>\
         <header><a href=\"/\">attache</a> <span class=\"muted\" style=\"color:#c9d6e6\">· events, quotations and channels from the news</span></header>\
         <main>{body}</main></body></html>",
        esc(title)
    ));
    ([(axum::http::header::CONTENT_SECURITY_POLICY, CSP)], html).into_response()
}

fn error_page(e: ApiError) -> Response {
    let (status, msg) = match e {
        ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
        ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
        other => return other.into_response(),
    };
    (
        status,
        page(
            "error",
            &format!(
                "<h1>{}</h1><p><a href=\"/\">back to search</a></p>",
                esc(&msg)
            ),
        ),
    )
        .into_response()
}

fn opt(s: &Option<String>) -> String {
    esc(s.as_deref().unwrap_or("–"))
}

fn dyad_link(a: &Option<String>, b: &Option<String>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!(
            "<a href=\"/dyad?a={}&amp;b={}\">{} → {}</a>",
            url_part(a),
            url_part(b),
            esc(a),
            esc(b)
        ),
        _ => format!("{} → {}", opt(a), opt(b)),
    }
}

// ------------------------------------------------------------ search

pub(crate) async fn search(
    State(st): State<Arc<AppState>>,
    Query(p): Query<HashMap<String, String>>,
) -> Response {
    let q = param(&p, "q").map(str::to_string);
    let q2 = q.clone();
    let result = st
        .with_store(move |s| {
            let articles = s.search_articles(q2.as_deref(), Page::first(50))?;
            let quotes = match &q2 {
                Some(q) => s.quotes(
                    &QuoteFilter {
                        text: Some(q.clone()),
                        ..Default::default()
                    },
                    Page::first(20),
                )?,
                None => Vec::new(),
            };
            Ok((articles, quotes, s.counts()?))
        })
        .await;
    let (articles, quotes, counts) = match result {
        Ok(r) => r,
        Err(e) => return error_page(e),
    };
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>Search the articles</h1>\
         <form action=\"/\" method=\"get\"><input id=\"q\" name=\"q\" size=\"40\" placeholder=\"words, e.g. embassy closed\" value=\"{}\"> <button id=\"go\" type=\"submit\">Search</button></form>\
         <form action=\"/dyad\" method=\"get\">Dyad: <input name=\"a\" size=\"8\" placeholder=\"RUS\"> <input name=\"b\" size=\"8\" placeholder=\"USA\"> <button type=\"submit\">Show</button></form>",
        esc(q.as_deref().unwrap_or(""))
    );
    let _ = write!(b, "<p class=\"muted\">{}</p>", stats_line(&counts));
    match &q {
        Some(q) => {
            let _ = write!(
                b,
                "<h2>Articles matching “{}” ({})</h2>",
                esc(q),
                articles.len()
            );
        }
        None => b.push_str("<h2>Latest articles</h2>"),
    }
    if articles.is_empty() {
        b.push_str("<p>No article found.</p>");
    }
    b.push_str("<ul id=\"results\">");
    for a in &articles {
        let _ = write!(
            b,
            "<li><a class=\"result\" href=\"/article/{}\">{}</a> <span class=\"muted\">{} · {} · {}</span></li>",
            a.id,
            esc(a.headline.as_deref().unwrap_or(&a.origin)),
            opt(&a.outlet),
            opt(&a.published),
            esc(&a.origin)
        );
    }
    b.push_str("</ul>");
    if !quotes.is_empty() {
        b.push_str(
            "<h2>Quotations</h2><table><tr><th>speaker</th><th>quotation</th><th>article</th></tr>",
        );
        for qt in &quotes {
            let _ = write!(
                b,
                "<tr><td>{} <span class=\"muted\">{}</span></td><td>{}</td><td><a href=\"/article/{}\">open</a></td></tr>",
                opt(&qt.speaker_name),
                opt(&qt.speaker_code),
                esc(&qt.text),
                qt.article_id
            );
        }
        b.push_str("</table>");
    }
    page("search", &b)
}

fn stats_line(c: &Counts) -> String {
    format!(
        "{} articles · {} events from {} event mentions · {} quotations · {} channel changes",
        c.articles, c.events, c.event_mentions, c.quotes, c.channels
    )
}

// ------------------------------------------------------------ article

/// A highlighted stretch of the article text.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
}

/// The text with every mark wrapped in a `<span>`: the text is cut at every
/// mark boundary and each piece carries the classes of the marks covering it,
/// so overlapping marks never produce crossed tags. Marks outside the text or
/// off character boundaries are ignored.
fn highlight(text: &str, marks: &[Mark]) -> String {
    let ok = |m: &Mark| {
        m.start < m.end
            && m.end <= text.len()
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end)
    };
    let marks: Vec<&Mark> = marks.iter().filter(|m| ok(m)).collect();
    let mut cuts: BTreeSet<usize> = [0, text.len()].into_iter().collect();
    for m in &marks {
        cuts.insert(m.start);
        cuts.insert(m.end);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = esc(&text[a..b]);
        let on: Vec<&&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        if on.is_empty() {
            out.push_str(&piece);
        } else {
            let classes: BTreeSet<&str> = on.iter().map(|m| m.class).collect();
            let titles: Vec<&str> = on.iter().map(|m| m.title.as_str()).collect();
            let _ = write!(
                out,
                "<span class=\"{}\" title=\"{}\">{piece}</span>",
                classes.into_iter().collect::<Vec<_>>().join(" "),
                esc(&titles.join(" | "))
            );
        }
    }
    out
}

fn marks(v: &ArticleView) -> Vec<Mark> {
    let mut m = Vec::new();
    let us = |x: i64| usize::try_from(x).unwrap_or(usize::MAX);
    for q in &v.quotes {
        m.push(Mark {
            start: us(q.start),
            end: us(q.end),
            class: "quote",
            title: format!(
                "{} quotation: {}",
                q.kind,
                q.speaker_name.as_deref().unwrap_or("speaker unknown")
            ),
        });
    }
    for x in &v.mentions {
        let e = usize::try_from(x.entity)
            .ok()
            .and_then(|i| v.entities.get(i));
        m.push(Mark {
            start: us(x.start),
            end: us(x.end),
            class: "actor",
            title: match e {
                Some(e) => format!("{} ({})", e.name, e.code.as_deref().unwrap_or(&e.kind)),
                None => "actor".into(),
            },
        });
    }
    for e in &v.events {
        m.push(Mark {
            start: us(e.trigger_start),
            end: us(e.trigger_end),
            class: "trigger",
            title: format!(
                "event {} {} → {} ({})",
                e.cameo,
                e.source.as_deref().unwrap_or("?"),
                e.target.as_deref().unwrap_or("?"),
                e.status
            ),
        });
    }
    m
}

pub(crate) async fn article(State(st): State<Arc<AppState>>, Path(id): Path<i64>) -> Response {
    let v = match st.with_store(move |s| Ok(s.article(id)?)).await {
        Ok(Some(v)) => v,
        Ok(None) => return error_page(ApiError::NotFound(format!("no article {id}"))),
        Err(e) => return error_page(e),
    };
    let a = &v.article;
    let title = a.headline.clone().unwrap_or_else(|| a.origin.clone());
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1 id=\"headline\">{}</h1><p class=\"muted\">{} · {} · {}{}</p>",
        esc(&title),
        opt(&a.outlet),
        opt(&a.published),
        esc(&a.origin),
        v.byline
            .as_deref()
            .map(|x| format!(" · {}", esc(x)))
            .unwrap_or_default()
    );
    b.push_str("<p class=\"legend\"><span class=\"actor\">actor</span><span class=\"quote\">quotation</span><span class=\"trigger\">event trigger</span></p>");
    if !v.entities.is_empty() {
        b.push_str("<p id=\"actors\">");
        for e in &v.entities {
            let _ = write!(
                b,
                "<span class=\"chip\">{} <span class=\"muted\">{} · {}</span></span>",
                esc(&e.name),
                opt(&e.code),
                esc(&e.kind)
            );
        }
        b.push_str("</p>");
    }
    let _ = write!(
        b,
        "<div class=\"text\" id=\"text\">{}</div>",
        highlight(&v.text, &marks(&v))
    );
    if !v.events.is_empty() {
        b.push_str("<h2>Events</h2><table id=\"events\"><tr><th>dyad</th><th>code</th><th>trigger</th><th>status</th><th>date</th></tr>");
        for e in &v.events {
            let _ = write!(
                b,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                dyad_link(&e.source, &e.target),
                esc(&e.cameo),
                esc(&e.trigger),
                esc(&e.status),
                opt(&e.date)
            );
        }
        b.push_str("</table>");
    }
    if !v.quotes.is_empty() {
        b.push_str("<h2>Quotations</h2><table id=\"quotes\"><tr><th>speaker</th><th>kind</th><th>quotation</th></tr>");
        for q in &v.quotes {
            let _ = write!(
                b,
                "<tr><td>{} <span class=\"muted\">{}</span></td><td>{}</td><td>{}</td></tr>",
                opt(&q.speaker_name),
                opt(&q.speaker_code),
                esc(&q.kind),
                esc(&q.text)
            );
        }
        b.push_str("</table>");
    }
    if !v.channels.is_empty() {
        b.push_str("<h2>Channels</h2><table><tr><th>dyad</th><th>channel</th><th>change</th><th>date</th></tr>");
        for c in &v.channels {
            let _ = write!(
                b,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                dyad_link(&c.holder, &c.host),
                esc(&c.name),
                esc(&c.change),
                opt(&c.date)
            );
        }
        b.push_str("</table>");
    }
    page(&title, &b)
}

// ------------------------------------------------------------ dyad

/// CAMEO root codes and their names.
const ROOTS: [(&str, &str); 20] = [
    ("01", "make public statement"),
    ("02", "appeal"),
    ("03", "express intent to cooperate"),
    ("04", "consult"),
    ("05", "engage in diplomatic cooperation"),
    ("06", "engage in material cooperation"),
    ("07", "provide aid"),
    ("08", "yield"),
    ("09", "investigate"),
    ("10", "demand"),
    ("11", "disapprove"),
    ("12", "reject"),
    ("13", "threaten"),
    ("14", "protest"),
    ("15", "exhibit force posture"),
    ("16", "reduce relations"),
    ("17", "coerce"),
    ("18", "assault"),
    ("19", "fight"),
    ("20", "use unconventional mass violence"),
];

/// A colour per root: cooperation in blues and greens, conflict in oranges and reds.
fn root_colour(root: &str) -> &'static str {
    const C: [&str; 20] = [
        "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#74c476", "#41ab5d", "#238b45",
        "#bcbddc", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#a63603", "#e7298a",
        "#ef3b2c", "#cb181d", "#a50f15", "#67000d",
    ];
    root.parse::<usize>()
        .ok()
        .and_then(|r| r.checked_sub(1))
        .and_then(|i| C.get(i))
        .copied()
        .unwrap_or("#999999")
}

/// A stacked bar chart of events per month, one colour per root code, as inline SVG.
pub(crate) fn timeline_svg(rows: &[TimelineRow]) -> String {
    if rows.is_empty() {
        return "<p>No dated events for this dyad.</p>".into();
    }
    let mut months: BTreeMap<String, Vec<&TimelineRow>> = BTreeMap::new();
    for r in rows {
        months.entry(r.period.clone()).or_default().push(r);
    }
    // Every month from the first to the last (at most 20 years), so gaps show as gaps.
    let parse = |p: &str| -> Option<(i32, u32)> {
        let (y, m) = p.split_once('-')?;
        Some((y.parse().ok()?, m.parse().ok()?))
    };
    let first = months.keys().next().and_then(|p| parse(p));
    let last = months.keys().next_back().and_then(|p| parse(p));
    if let (Some((mut y, mut m)), Some(end)) = (first, last) {
        for _ in 0..240 {
            if (y, m) >= end {
                break;
            }
            months.entry(format!("{y:04}-{m:02}")).or_default();
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }
    let max = months
        .values()
        .map(|v| v.iter().map(|r| r.events).sum::<i64>())
        .max()
        .unwrap_or(1)
        .max(1);
    let (bar, gap, h, left, bottom) = (28.0, 8.0, 200.0, 40.0, 60.0);
    let width = left + months.len() as f64 * (bar + gap) + 50.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{}\" role=\"img\" aria-label=\"events per month by root code\">",
        h + bottom + 10.0
    );
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" stroke=\"#667\"/>",
        h + 10.0,
        h + 10.0
    );
    let _ = write!(s, "<text x=\"4\" y=\"20\" font-size=\"12\">{max}</text><text x=\"4\" y=\"{}\" font-size=\"12\">0</text>", h + 10.0);
    for (i, (month, rs)) in months.iter().enumerate() {
        let x = left + i as f64 * (bar + gap) + gap / 2.0;
        let mut y = h + 10.0;
        for r in rs {
            let bh = r.events as f64 / max as f64 * h;
            y -= bh;
            let _ = write!(
                s,
                "<rect class=\"bar\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar}\" height=\"{bh:.1}\" fill=\"{}\"><title>{} root {}: {} events, {} mentions</title></rect>",
                root_colour(&r.root),
                esc(month),
                esc(&r.root),
                r.events,
                r.mentions
            );
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" transform=\"rotate(45 {:.1} {})\">{}</text>",
            x + 6.0,
            h + 22.0,
            x + 6.0,
            h + 22.0,
            esc(month)
        );
    }
    s.push_str("</svg><p class=\"legend\">");
    let present: BTreeSet<&str> = rows.iter().map(|r| r.root.as_str()).collect();
    for root in present {
        let name = ROOTS
            .iter()
            .find(|r| r.0 == root)
            .map(|r| r.1)
            .unwrap_or("other");
        let _ = write!(
            s,
            "<span><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"{}\"/></svg> {} {}</span>",
            root_colour(root),
            esc(root),
            esc(name)
        );
    }
    s.push_str("</p>");
    s
}

pub(crate) async fn dyad(
    State(st): State<Arc<AppState>>,
    Query(p): Query<HashMap<String, String>>,
) -> Response {
    let (Some(a), Some(b)) = (param(&p, "a"), param(&p, "b")) else {
        return error_page(ApiError::BadRequest(
            "give two actor codes: /dyad?a=RUS&b=USA".into(),
        ));
    };
    let as_of = match date(&p, "as_of") {
        Ok(d) => d,
        Err(e) => return error_page(e),
    };
    let (a, b) = (a.to_uppercase(), b.to_uppercase());
    let pair = (a.clone(), b.clone());
    let result = st
        .with_store(move |s| {
            let ef = EventFilter {
                dyad: Some(pair.clone()),
                ..Default::default()
            };
            let cf = ChannelFilter {
                dyad: Some(pair),
                ..Default::default()
            };
            Ok((
                s.channels(&cf, Page::all())?,
                s.timeline(&ef)?,
                s.events(&ef, Page::first(200))?,
            ))
        })
        .await;
    let (changes, timeline, events) = match result {
        Ok(r) => r,
        Err(e) => return error_page(e),
    };
    let title = format!("{a} and {b}");
    let mut h = String::new();
    let _ = write!(h, "<h1 id=\"dyad\">{}</h1>", esc(&title));
    let state = channel_state_at(&changes, as_of);
    let _ = write!(
        h,
        "<h2>Channels{}</h2>",
        as_of.map(|d| format!(" as of {d}")).unwrap_or_default()
    );
    if state.is_empty() {
        h.push_str("<p>No channel between them is recorded.</p>");
    } else {
        h.push_str("<table id=\"channels\"><tr><th>holder</th><th>host</th><th>channel</th><th>kind</th><th>last change</th><th>on</th><th>evidence</th></tr>");
        for c in &state {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/article/{}\">article</a></td></tr>",
                opt(&c.holder),
                opt(&c.host),
                esc(&c.name),
                esc(&c.kind),
                esc(&c.change),
                opt(&c.day),
                c.article_id
            );
        }
        h.push_str("</table>");
    }
    if changes.len() > state.len() {
        let _ = write!(h, "<details><summary>All {} channel changes</summary><table><tr><th>day</th><th>channel</th><th>change</th></tr>", changes.len());
        for c in &changes {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                opt(&c.day),
                esc(&c.name),
                esc(&c.change)
            );
        }
        h.push_str("</table></details>");
    }
    h.push_str("<h2>Timeline of events by root code</h2>");
    h.push_str(&timeline_svg(&timeline));
    let _ = write!(h, "<h2>Events ({})</h2>", events.len());
    if !events.is_empty() {
        h.push_str("<table id=\"dyad-events\"><tr><th>date</th><th>source → target</th><th>code</th><th>label</th><th>mentions</th><th>sources</th></tr>");
        for e in &events {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                opt(&e.date),
                opt(&e.source),
                opt(&e.target),
                esc(&e.cameo),
                opt(&e.label),
                e.num_mentions,
                e.num_sources
            );
        }
        h.push_str("</table>");
    }
    page(&title, &h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_table() {
        for (input, want) in [
            ("plain", "plain"),
            (
                "<script>alert('x')</script>",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            ),
            ("a & \"b\"", "a &amp; &quot;b&quot;"),
        ] {
            assert_eq!(esc(input), want);
        }
    }

    fn mark(start: usize, end: usize, class: &'static str) -> Mark {
        Mark {
            start,
            end,
            class,
            title: class.into(),
        }
    }

    #[test]
    fn highlight_table() {
        #[rustfmt::skip]
        let cases: Vec<(&str, Vec<Mark>, &str)> = vec![
            ("no marks", vec![], "no marks"),
            ("Kenya said", vec![mark(0, 5, "actor")], "<span class=\"actor\" title=\"actor\">Kenya</span> said"),
            // overlapping marks: pieces, never crossed tags
            ("abcd", vec![mark(0, 3, "quote"), mark(2, 4, "trigger")],
             "<span class=\"quote\" title=\"quote\">ab</span><span class=\"quote trigger\" title=\"quote | trigger\">c</span><span class=\"trigger\" title=\"trigger\">d</span>"),
            // escaping inside and outside marks
            ("<b>x</b>", vec![mark(3, 4, "actor")], "&lt;b&gt;<span class=\"actor\" title=\"actor\">x</span>&lt;/b&gt;"),
            // out of range and mid-character marks are dropped
            ("é!", vec![mark(1, 2, "actor"), mark(0, 99, "quote")], "é!"),
        ];
        for (text, marks, want) in cases {
            assert_eq!(highlight(text, &marks), want, "{text}");
        }
    }

    #[test]
    fn timeline_svg_stacks_roots() {
        let rows = vec![
            TimelineRow {
                period: "2024-01".into(),
                root: "04".into(),
                events: 2,
                mentions: 3,
            },
            TimelineRow {
                period: "2024-01".into(),
                root: "16".into(),
                events: 1,
                mentions: 1,
            },
            TimelineRow {
                period: "2024-03".into(),
                root: "16".into(),
                events: 3,
                mentions: 5,
            },
        ];
        let svg = timeline_svg(&rows);
        assert_eq!(svg.matches("class=\"bar\"").count(), 3);
        assert!(svg.contains("reduce relations"));
        assert!(svg.contains("2024-03 root 16: 3 events"));
        assert!(timeline_svg(&[]).contains("No dated events"));
    }
}
