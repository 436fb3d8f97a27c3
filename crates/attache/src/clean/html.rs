//! HTML pages: metadata from meta tags and JSON-LD, body from the article.
pub(crate) fn extract(_c: &str, _m: &mut crate::doc::Metadata) -> Vec<super::Block> {
    Vec::new()
}
