//! HTML pages: metadata from meta tags and JSON-LD, body from the article.
//!
//! Parsed with `scraper` (html5ever), never with regular expressions.
//!
//! - **Metadata**: headline from the article's `<h1>`, JSON-LD `headline`,
//!   `og:title`, any `<h1>`, then `<title>` (without a trailing `| Outlet`);
//!   outlet from `og:site_name` or JSON-LD `publisher.name`; date from
//!   `article:published_time` (and similar meta tags), JSON-LD
//!   `datePublished` or a `<time datetime>` in the article; authors from
//!   `article:author`/`author` meta, JSON-LD `author`, or a byline element.
//!   JSON-LD objects of any article type (`NewsArticle`, `Article`,
//!   `ReportageNews`, …) are found at any depth, including `@graph`.
//! - **Body**: the `<article>` (or `itemprop=articleBody`, `<main>`) with the
//!   most text, else the element whose `<p>` children (and grandchildren, at
//!   half weight) hold the most text. Inside it, scripts, styles, navigation,
//!   headers, footers, asides, forms, figures and tables are skipped, and so
//!   is every element that is hidden or whose class or id names page
//!   furniture (cookie, consent, banner, newsletter, subscribe, share,
//!   social, related, advert, promo, …). Block elements (`<p>`, `<li>`,
//!   `<blockquote>`, `<div>` text) become paragraphs, `<br>` splits lines,
//!   `<h2>`–`<h6>` become section headings, and blocks that are mostly link
//!   text are dropped.

use super::plain::{parse_byline, parse_date_loose, parse_meta_line};
use super::{normalise_space, words, Block, BlockKind};
use crate::doc::Metadata;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;
use std::sync::OnceLock;

fn selector(css: &'static str) -> &'static Selector {
    static CACHE: OnceLock<std::sync::Mutex<HashMap<&'static str, &'static Selector>>> =
        OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = match cache.lock() {
        Ok(m) => m,
        Err(p) => p.into_inner(),
    };
    map.entry(css).or_insert_with(|| {
        // The selectors are constants of this module, tested to parse.
        let s = Selector::parse(css)
            .unwrap_or_else(|_| Selector::parse("never-matches").expect("valid"));
        Box::leak(Box::new(s))
    })
}

const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "figure",
    "figcaption",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "dialog",
    "menu",
    "head",
    "title",
    "meta",
    "link",
    "table",
    "h1",
];

/// Substrings of a class or id that mark page furniture.
const FURNITURE: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "newsletter",
    "subscri",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "advert",
    "promo",
    "sponsor",
    "popup",
    "modal",
    "sidebar",
    "breadcrumb",
    "paywall",
    "outbrain",
    "taboola",
    "navbar",
    "navigation",
    "footer",
    "masthead",
    "signup",
    "sign-up",
    "toolbar",
    "disqus",
    "most-read",
    "mostread",
    "trending",
    "widget",
    "caption",
    "byline",
    "author",
    "dateline",
    "timestamp",
];

/// Whole words of a class or id that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad", "ads", "nav", "menu", "comment", "comments", "tags", "share",
];

fn is_furniture_attr(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    FURNITURE.iter().any(|k| v.contains(k))
        || v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| FURNITURE_WORDS.contains(&t))
}

/// True when an element and everything in it is left out of the body.
fn is_skipped(e: &scraper::node::Element) -> bool {
    let name = e.name();
    if SKIP_TAGS.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = e.attr("role") {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "search"
                | "menu"
                | "menubar"
        ) {
            return true;
        }
    }
    if e.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    e.attr("class").is_some_and(is_furniture_attr) || e.attr("id").is_some_and(is_furniture_attr)
}

/// Words of a class or id that name the article itself ("story-body").
const CONTENT_WORDS: &[&str] = &[
    "article", "body", "content", "story", "entry", "main", "post", "text",
];

/// True when an element is left out of the body: [`is_skipped`], except that
/// a furniture-sounding class on an element that also names the content and
/// holds at least three paragraphs ("story-body related-enabled") is kept.
fn is_skipped_el(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if !is_skipped(e) {
        return false;
    }
    if SKIP_TAGS.contains(&e.name()) {
        return true;
    }
    let names_content = |v: Option<&str>| {
        v.is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            CONTENT_WORDS.iter().any(|w| v.contains(w))
        })
    };
    let by_attr_only = e.attr("hidden").is_none()
        && e.attr("aria-hidden") != Some("true")
        && e.attr("role").is_none()
        && !e.attr("style").is_some_and(|s| {
            s.replace(' ', "")
                .to_ascii_lowercase()
                .contains("display:none")
        });
    let content = names_content(e.attr("class")) || names_content(e.attr("id"));
    !(by_attr_only && content && el.select(selector("p")).take(3).count() == 3)
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "main",
    "article",
    "address",
    "center",
    "hr",
    "body",
    "html",
];

/// Collects the blocks of an element's content.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    pending: String,
    link_bytes: usize,
}

impl Walker {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.pending);
        let links = std::mem::take(&mut self.link_bytes);
        let len = text.trim().len();
        if len == 0 {
            return;
        }
        // Mostly link text: a list of links, not prose.
        if links * 10 > len * 6 && words(&text) <= 20 {
            return;
        }
        for line in text.split('\n') {
            let line = normalise_space(line);
            if !line.is_empty() {
                self.blocks.push(Block::auto(line));
            }
        }
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, in_link: bool) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    self.pending.push_str(t);
                    if in_link {
                        self.link_bytes += t.trim().len();
                    }
                }
                Node::Element(e) => {
                    if ElementRef::wrap(child).is_none_or(is_skipped_el) {
                        continue;
                    }
                    let name = e.name();
                    match name {
                        "br" => self.pending.push('\n'),
                        "h2" | "h3" | "h4" | "h5" | "h6" => {
                            self.flush();
                            let text = normalise_space(
                                &ElementRef::wrap(child)
                                    .map(|el| el.text().collect::<String>())
                                    .unwrap_or_default(),
                            );
                            if !text.is_empty() {
                                self.blocks.push(Block {
                                    text,
                                    kind: BlockKind::Heading,
                                });
                            }
                        }
                        _ if BLOCK_TAGS.contains(&name) => {
                            self.flush();
                            self.walk(child, in_link);
                            self.flush();
                        }
                        _ => {
                            // Inline: a space where inline elements meet text is the author's.
                            self.walk(child, in_link || name == "a");
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn blocks_of(el: ElementRef<'_>) -> Vec<Block> {
    let mut w = Walker::default();
    w.walk(*el, false);
    w.flush();
    w.blocks
}

fn text_len(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.len()).sum()
}

fn has_skipped_ancestor(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(is_skipped_el)
}

/// The element holding the article's body.
fn body_container<'a>(doc: &'a Html) -> Option<ElementRef<'a>> {
    for css in ["article, [itemprop=articleBody]", "main, [role=main]"] {
        let best = doc
            .select(selector(css))
            .filter(|e| !has_skipped_ancestor(*e))
            .map(|e| (text_len(&blocks_of(e)), e))
            .max_by_key(|(n, _)| *n);
        if let Some((n, e)) = best {
            if n > 0 {
                return Some(e);
            }
        }
    }
    // The densest container of paragraphs.
    // Scores in first-seen order, so ties go to the earlier element.
    let mut index: HashMap<ego_tree::NodeId, usize> = HashMap::new();
    let mut scores: Vec<(ego_tree::NodeId, usize)> = Vec::new();
    let mut add = |id: ego_tree::NodeId, n: usize| {
        let i = *index.entry(id).or_insert_with(|| {
            scores.push((id, 0));
            scores.len() - 1
        });
        scores[i].1 += n;
    };
    for p in doc.select(selector("p")) {
        if has_skipped_ancestor(p) {
            continue;
        }
        let len = p.text().map(str::len).sum::<usize>();
        let mut parents = p.ancestors();
        if let Some(parent) = parents.next() {
            add(parent.id(), len);
        }
        if let Some(grand) = parents.next() {
            add(grand.id(), len / 2);
        }
    }
    let best = scores.iter().rev().max_by_key(|(_, n)| *n).copied()?;
    doc.tree.get(best.0).and_then(ElementRef::wrap)
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    section: Vec<String>,
    body: Option<String>,
    url: Option<String>,
}

fn json_str(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(normalise_space(s)),
        serde_json::Value::Object(o) => o.get("name").and_then(json_str),
        serde_json::Value::Array(a) => a.first().and_then(json_str),
        _ => None,
    }
}

fn is_article_type(v: Option<&serde_json::Value>) -> bool {
    let is = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "ReportageNews" | "BlogPosting" | "LiveBlogPosting" | "Report"
            )
    };
    match v {
        Some(serde_json::Value::String(s)) => is(s),
        Some(serde_json::Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

fn find_ld(v: &serde_json::Value, out: &mut LdArticle, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| find_ld(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            if is_article_type(o.get("@type")) && out.headline.is_none() {
                out.headline = o.get("headline").and_then(json_str);
                out.published = o.get("datePublished").and_then(json_str);
                out.publisher = o.get("publisher").and_then(json_str);
                out.body = o
                    .get("articleBody")
                    .and_then(|b| b.as_str().map(str::to_string));
                out.url = o.get("url").and_then(json_str);
                match o.get("author") {
                    Some(serde_json::Value::Array(a)) => {
                        out.authors.extend(a.iter().filter_map(json_str))
                    }
                    Some(a) => out.authors.extend(json_str(a)),
                    None => {}
                }
                match o.get("articleSection") {
                    Some(serde_json::Value::Array(a)) => {
                        out.section.extend(a.iter().filter_map(json_str))
                    }
                    Some(s) => out.section.extend(json_str(s)),
                    None => {}
                }
            }
            o.values().for_each(|x| find_ld(x, out, depth + 1));
        }
        _ => {}
    }
}

/// Extracts metadata into `meta` and returns the body's blocks.
pub(crate) fn extract(content: &str, meta: &mut Metadata) -> Vec<Block> {
    let doc = Html::parse_document(content);
    let first_text = |css: &'static str| {
        doc.select(selector(css))
            .map(|e| normalise_space(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };

    // Meta tags.
    let mut tags: HashMap<String, String> = HashMap::new();
    let mut tag_authors = Vec::new();
    for m in doc.select(selector("meta")) {
        let e = m.value();
        let Some(key) = e
            .attr("property")
            .or_else(|| e.attr("name"))
            .or_else(|| e.attr("itemprop"))
        else {
            continue;
        };
        let Some(value) = e
            .attr("content")
            .map(normalise_space)
            .filter(|v| !v.is_empty())
        else {
            continue;
        };
        let key = key.to_ascii_lowercase();
        if matches!(
            key.as_str(),
            "article:author"
                | "author"
                | "byl"
                | "dc.creator"
                | "parsely-author"
                | "sailthru.author"
        ) && !value.starts_with("http")
        {
            tag_authors.push(value.clone());
        }
        tags.entry(key).or_insert(value);
    }
    let tag = |keys: &[&str]| keys.iter().find_map(|k| tags.get(*k).cloned());

    // JSON-LD.
    let mut ld = LdArticle::default();
    for s in doc.select(selector("script[type=\"application/ld+json\"]")) {
        let text: String = s.text().collect();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text.trim()) {
            find_ld(&v, &mut ld, 0);
        }
    }

    let container = body_container(&doc).or_else(|| doc.select(selector("body")).next());
    let mut blocks = container.map(blocks_of).unwrap_or_default();
    if blocks.is_empty() {
        if let Some(body) = &ld.body {
            blocks = super::plain::extract(body, &mut Metadata::default());
        }
    }

    if meta.outlet.is_none() {
        meta.outlet = tag(&["og:site_name", "application-name"]).or(ld.publisher.clone());
    }
    if meta.url.is_none() {
        meta.url = tag(&["og:url"]).or(ld.url.clone());
    }
    if meta.headline.is_none() {
        let container_h1 = container.and_then(|c| {
            c.select(selector("h1"))
                .map(|e| normalise_space(&e.text().collect::<String>()))
                .find(|t| !t.is_empty())
        });
        meta.headline = container_h1
            .or(ld.headline.clone())
            .or_else(|| tag(&["og:title", "twitter:title"]))
            .or_else(|| first_text("h1"))
            .or_else(|| first_text("title").map(|t| strip_site_suffix(&t, meta.outlet.as_deref())));
    }
    if meta.published.is_none() {
        meta.published = tag(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "dc.date",
            "dc.date.issued",
            "date",
            "sailthru.date",
            "parsely-pub-date",
        ])
        .as_deref()
        .or(ld.published.as_deref())
        .and_then(parse_date_loose)
        .or_else(|| {
            let scope = container.map(|c| c.select(selector("time[datetime]")).next());
            scope
                .flatten()
                .or_else(|| doc.select(selector("time[datetime]")).next())
                .and_then(|t| t.value().attr("datetime"))
                .and_then(parse_date_loose)
        });
    }
    if meta.sections.is_empty() {
        meta.sections = tag(&["article:section"]).into_iter().collect();
        if meta.sections.is_empty() {
            meta.sections = ld.section.clone();
        }
    }
    if meta.byline.is_none() {
        let byline_text = doc
            .select(selector(
                "[class*=byline], [rel=author], [itemprop=author], [class*=author]",
            ))
            .map(|e| normalise_space(&e.text().collect::<String>()))
            .find(|t| !t.is_empty() && words(t) <= 20);
        if let Some(t) = byline_text {
            if let Some(b) = parse_byline(&t).or_else(|| parse_byline(&format!("By {t}"))) {
                meta.byline = Some(b.text);
                meta.authors = b.authors;
                meta.place = meta.place.take().or(b.place);
                meta.email = meta.email.take().or(b.email);
            }
        }
    }
    if meta.authors.is_empty() {
        meta.authors = if ld.authors.is_empty() {
            tag_authors
        } else {
            ld.authors.clone()
        };
    }

    // Header lines repeated at the top of the body.
    while let Some(first) = blocks.first() {
        let t = first.text.as_str();
        if meta.headline.as_deref() == Some(t) {
            blocks.remove(0);
        } else if let Some(b) = parse_byline(t) {
            if meta.byline.is_none() {
                meta.byline = Some(b.text);
                meta.authors = b.authors;
                meta.place = meta.place.take().or(b.place);
                meta.email = meta.email.take().or(b.email);
            }
            blocks.remove(0);
        } else if let Some((sections, date)) = parse_meta_line(t) {
            meta.sections.extend(sections);
            meta.published = meta.published.or(date);
            blocks.remove(0);
        } else {
            break;
        }
    }
    blocks
}

/// "Headline | Outlet" -> "Headline" (also " - Outlet" when the outlet is known).
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    if let Some(o) = outlet {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(h) = title.strip_suffix(&format!("{sep}{o}")) {
                return h.trim().to_string();
            }
        }
    }
    match title.rsplit_once(" | ") {
        Some((h, site)) if words(site) <= 4 && !h.trim().is_empty() => h.trim().to_string(),
        _ => title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::input::RawArticle;

    const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<title>Envoys recalled after border row | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="og:title" content="Envoys recalled after border row">
<meta property="article:published_time" content="2026-03-04T09:15:00+01:00">
<meta name="author" content="Jane Roe">
<script>var tracking = "Do not read this.";</script>
<style>p { color: red }</style>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Wire"},{"@type":"NewsArticle","headline":"Envoys recalled after border row","datePublished":"2026-03-04","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],"publisher":{"@type":"Organization","name":"Example Wire Ltd"}}]}</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main>
<article>
<h1>Envoys recalled after border row</h1>
<p class="byline">By Jane Roe and John Doe in Strelsau</p>
<p>Ruritania recalled its ambassador from Borduria on Tuesday, the foreign ministry said.</p>
<div class="share-tools"><a href="#">Share on Facebook</a></div>
<p>The move follows the expulsion of three diplomats.<br>Borduria denied any wrongdoing.</p>
<h2>Fallback contacts</h2>
<p>Urgent matters will go through the Swiss embassy, officials said. See <a href="/x">the statement</a> for details.</p>
<aside><p>Read more: other stories from the region that you will like.</p></aside>
<div class="newsletter"><p>Subscribe to our daily briefing for the latest news.</p></div>
</article>
<section class="related-articles"><p>Another article about something else entirely, with many words in it.</p></section>
</main>
<footer><p>Copyright 2026 Example Wire. All rights reserved.</p></footer>
</body></html>"##;

    #[test]
    fn page_with_furniture_gives_body_and_metadata() {
        let doc = clean(RawArticle::html("page.html", PAGE));
        assert_eq!(
            doc.text,
            "Envoys recalled after border row\n\n\
             Ruritania recalled its ambassador from Borduria on Tuesday, the foreign ministry said.\n\n\
             The move follows the expulsion of three diplomats.\n\n\
             Borduria denied any wrongdoing.\n\n\
             Fallback contacts\n\n\
             Urgent matters will go through the Swiss embassy, officials said. See the statement for details."
        );
        assert!(doc.paragraphs[0].headline && !doc.paragraphs[1].headline);
        assert_eq!(doc.sections.len(), 1);
        assert_eq!(doc.slice(doc.sections[0].heading), "Fallback contacts");
        let m = &doc.meta;
        assert_eq!(m.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(
            m.headline.as_deref(),
            Some("Envoys recalled after border row")
        );
        assert_eq!(m.published, chrono::NaiveDate::from_ymd_opt(2026, 3, 4));
        assert_eq!(m.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(m.place.as_deref(), Some("Strelsau"));
    }

    #[test]
    fn json_ld_only_and_densest_container() {
        let page = r#"<html><head><title>Talks resume - Some Site</title>
<script type="application/ld+json">[{"@type":["NewsArticle"],"headline":"Talks resume","datePublished":"2025-01-02T10:00:00Z","author":"Ali Khan","publisher":{"name":"Some Site"}}]</script></head>
<body><div id="menu"><a href="/">Home</a> <a href="/a">A</a></div>
<div class="content"><div class="story"><p>Talks between the two states resumed in Geneva on Thursday.</p><p>Both delegations said the mood was constructive.</p></div></div>
<div><p>Short.</p></div></body></html>"#;
        let doc = clean(RawArticle::html("p.html", page));
        assert_eq!(
            doc.text,
            "Talks resume\n\nTalks between the two states resumed in Geneva on Thursday.\n\nBoth delegations said the mood was constructive."
        );
        assert_eq!(doc.meta.headline.as_deref(), Some("Talks resume"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Some Site"));
        assert_eq!(doc.meta.authors, ["Ali Khan"]);
        assert_eq!(
            doc.meta.published,
            chrono::NaiveDate::from_ymd_opt(2025, 1, 2)
        );
    }

    #[test]
    fn title_fallback_and_odd_pages() {
        let doc = clean(RawArticle::html("t.html", "<html><head><title>A headline | Site</title></head><body><p>Body text here.</p></body></html>"));
        assert_eq!(doc.meta.headline.as_deref(), Some("A headline"));
        assert_eq!(doc.text, "A headline\n\nBody text here.");
        for page in [
            "",
            "<html>",
            "<p>",
            "<<<>>>",
            "<script>x</script>",
            "<article></article>",
            "<p>&amp; &lt;ok&gt;</p>",
        ] {
            let doc = clean(RawArticle::html("odd.html", page));
            assert!(doc.text.len() < 20, "{page:?}");
        }
    }

    #[test]
    fn content_container_with_a_furniture_class_is_kept() {
        let page = r#"<html><body><div id="story-body" class="story-body related-enabled">
<p>First paragraph of the story.</p><p>Second paragraph of the story.</p><p>Third paragraph.</p>
<div class="related-links"><p>Related: another story</p></div></div></body></html>"#;
        let doc = clean(RawArticle::html("p.html", page));
        assert_eq!(
            doc.text,
            "First paragraph of the story.\n\nSecond paragraph of the story.\n\nThird paragraph."
        );
    }

    #[test]
    fn text_without_paragraph_elements() {
        let doc = clean(RawArticle::html("d.html", "<html><body><nav>Home</nav><div>Talks resumed on Monday.<br>Both sides met.</div></body></html>"));
        assert_eq!(doc.text, "Talks resumed on Monday.\n\nBoth sides met.");
        let doc = clean(RawArticle::html(
            "t.html",
            "Just some text that was called html.",
        ));
        assert_eq!(doc.text, "Just some text that was called html.");
    }

    #[test]
    fn all_selectors_parse() {
        for css in [
            "body",
            "article, [itemprop=articleBody]",
            "main, [role=main]",
            "p",
            "meta",
            "h1",
            "title",
            "time[datetime]",
            "script[type=\"application/ld+json\"]",
            "[class*=byline], [rel=author], [itemprop=author], [class*=author]",
        ] {
            assert!(Selector::parse(css).is_ok(), "{css}");
        }
    }
}
