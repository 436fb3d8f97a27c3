//! The JSON API under `/api`, and its OpenAPI description.

use crate::{ApiError, AppState};
use attache::input::RawArticle;
use attache_store::{channel_state_at, ChannelFilter, EventFilter, NewArticle, Page, QuoteFilter};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

type Params = Query<HashMap<String, String>>;
type ApiResult = Result<Json<Value>, ApiError>;

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api", get(index))
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(stats))
        .route("/api/articles", get(articles).post(post_article))
        .route("/api/articles/{id}", get(article))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/mentions", get(mentions))
        .route("/api/quotes", get(quotes))
        .route("/api/channels", get(channels))
        .route("/api/timeline", get(timeline))
        .route("/api/search", get(search))
}

/// Reads a parameter: absent or empty is `None`.
pub(crate) fn param<'a>(p: &'a HashMap<String, String>, k: &str) -> Option<&'a str> {
    p.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
}

pub(crate) fn date(p: &HashMap<String, String>, k: &str) -> Result<Option<NaiveDate>, ApiError> {
    param(p, k)
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| ApiError::BadRequest(format!("{k}: {s:?} is not a date (YYYY-MM-DD)")))
        })
        .transpose()
}

pub(crate) fn dyad(p: &HashMap<String, String>) -> Result<Option<(String, String)>, ApiError> {
    param(p, "dyad")
        .map(|s| match s.split_once(',') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Ok((a.trim().to_uppercase(), b.trim().to_uppercase()))
            }
            _ => Err(ApiError::BadRequest(format!(
                "dyad: {s:?} is not two codes A,B"
            ))),
        })
        .transpose()
}

/// `page` (1-based) and `per_page`, checked; the page asks one row more to know whether more follow.
fn page(p: &HashMap<String, String>, max: u64) -> Result<(u64, u64, Page), ApiError> {
    let num = |k: &str, default: u64| -> Result<u64, ApiError> {
        param(p, k)
            .map(|s| {
                s.parse::<u64>()
                    .map_err(|_| ApiError::BadRequest(format!("{k}: {s:?} is not a number")))
            })
            .transpose()
            .map(|v| v.unwrap_or(default))
    };
    let page = num("page", 1)?.max(1);
    let per_page = num("per_page", 50)?;
    if per_page == 0 || per_page > max {
        return Err(ApiError::BadRequest(format!("per_page must be 1 to {max}")));
    }
    let offset = (page - 1).saturating_mul(per_page);
    Ok((
        page,
        per_page,
        Page {
            offset,
            limit: per_page + 1,
        },
    ))
}

fn paged<T: Serialize>(mut items: Vec<T>, page: u64, per_page: u64) -> Json<Value> {
    let has_more = items.len() as u64 > per_page;
    items.truncate(per_page as usize);
    Json(json!({ "items": items, "page": page, "per_page": per_page, "has_more": has_more }))
}

pub(crate) fn event_filter(p: &HashMap<String, String>) -> Result<EventFilter, ApiError> {
    Ok(EventFilter {
        actor: param(p, "actor").map(str::to_string),
        dyad: dyad(p)?,
        code: param(p, "code").map(str::to_string),
        from: date(p, "from")?,
        to: date(p, "to")?,
    })
}

async fn index() -> Json<Value> {
    Json(json!({
        "name": "attache",
        "version": attache::ENGINE_VERSION,
        "openapi": "/api/openapi.json",
        "endpoints": ["/api/stats", "/api/articles", "/api/articles/{id}", "/api/events",
            "/api/events/{id}", "/api/mentions", "/api/quotes", "/api/channels", "/api/timeline",
            "/api/search"],
    }))
}

async fn stats(State(st): State<Arc<AppState>>) -> ApiResult {
    let (backend, counts) = st.with_store(|s| Ok((s.backend(), s.counts()?))).await?;
    Ok(Json(json!({ "backend": backend, "counts": counts })))
}

async fn articles(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let (n, per, pg) = page(&p, st.settings.max_per_page)?;
    let q = param(&p, "q").map(str::to_string);
    let items = st
        .with_store(move |s| Ok(s.search_articles(q.as_deref(), pg)?))
        .await?;
    Ok(paged(items, n, per))
}

async fn article(State(st): State<Arc<AppState>>, Path(id): Path<i64>) -> ApiResult {
    match st.with_store(move |s| Ok(s.article(id)?)).await? {
        Some(a) => Ok(Json(serde_json::to_value(a).unwrap_or_default())),
        None => Err(ApiError::NotFound(format!("no article {id}"))),
    }
}

/// The body of `POST /api/articles`: one article, as a line of a JSON Lines feed.
#[derive(serde::Deserialize)]
struct PostedArticle {
    text: String,
    id: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
}

fn check_token(st: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(want) = &st.settings.token else {
        return Err(ApiError::WritesDisabled);
    };
    let got = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // Compare without stopping at the first difference.
    let same = got.len() == want.len()
        && got
            .bytes()
            .zip(want.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if same {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

async fn post_article(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult {
    check_token(&st, &headers)?;
    let posted: PostedArticle =
        serde_json::from_slice(&body).map_err(|e| ApiError::BadRequest(format!("body: {e}")))?;
    if posted.text.trim().is_empty() {
        return Err(ApiError::BadRequest("text: the article has no text".into()));
    }
    let mut raw = RawArticle::plain(
        posted.id.clone().unwrap_or_else(|| "api".into()),
        posted.text,
    );
    raw.meta.id = posted.id;
    raw.meta.url = posted.url;
    raw.meta.outlet = posted.outlet;
    raw.meta.headline = posted.title;
    raw.meta.published = posted
        .published
        .as_deref()
        .map(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| ApiError::BadRequest(format!("published: {d:?} is not a date")))
        })
        .transpose()?;
    let st2 = st.clone();
    let article = tokio::task::spawn_blocking(move || -> Result<NewArticle, ApiError> {
        let engine = st2.engine()?;
        let doc = engine.analyse(raw.clone());
        Ok(NewArticle::new(&raw, doc))
    })
    .await
    .map_err(|e| ApiError::Internal(format!("analysis failed: {e}")))??;
    let hash = article.hash.clone();
    let (out, found) = st
        .with_store(move |s| {
            let out = s.insert_batch(std::slice::from_ref(&article))?;
            Ok((out, s.article_id(&article.hash)?))
        })
        .await?;
    Ok(Json(
        json!({ "id": found, "hash": hash, "inserted": out.inserted == 1 }),
    ))
}

async fn events(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let (n, per, pg) = page(&p, st.settings.max_per_page)?;
    let f = event_filter(&p)?;
    let items = st.with_store(move |s| Ok(s.events(&f, pg)?)).await?;
    Ok(paged(items, n, per))
}

async fn event(State(st): State<Arc<AppState>>, Path(id): Path<i64>) -> ApiResult {
    match st.with_store(move |s| Ok(s.event(id)?)).await? {
        Some((e, m)) => Ok(Json(json!({ "event": e, "mentions": m }))),
        None => Err(ApiError::NotFound(format!("no event {id}"))),
    }
}

async fn mentions(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let (n, per, pg) = page(&p, st.settings.max_per_page)?;
    let f = event_filter(&p)?;
    let items = st
        .with_store(move |s| Ok(s.event_mentions(&f, pg)?))
        .await?;
    Ok(paged(items, n, per))
}

async fn quotes(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let (n, per, pg) = page(&p, st.settings.max_per_page)?;
    let f = QuoteFilter {
        actor: param(&p, "actor").map(str::to_string),
        speaker: param(&p, "speaker").map(str::to_string),
        text: param(&p, "q").map(str::to_string),
        from: date(&p, "from")?,
        to: date(&p, "to")?,
    };
    let items = st.with_store(move |s| Ok(s.quotes(&f, pg)?)).await?;
    Ok(paged(items, n, per))
}

async fn channels(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let (n, per, pg) = page(&p, st.settings.max_per_page)?;
    let f = ChannelFilter {
        actor: param(&p, "actor").map(str::to_string),
        dyad: dyad(&p)?,
        from: date(&p, "from")?,
        to: date(&p, "to")?,
    };
    let as_of = date(&p, "as_of")?;
    if as_of.is_some() {
        let all = st
            .with_store(move |s| Ok(s.channels(&f, Page::all())?))
            .await?;
        let state: Vec<_> = channel_state_at(&all, as_of)
            .into_iter()
            .skip(pg.offset as usize)
            .take(pg.limit as usize)
            .collect();
        return Ok(paged(state, n, per));
    }
    let items = st.with_store(move |s| Ok(s.channels(&f, pg)?)).await?;
    Ok(paged(items, n, per))
}

async fn timeline(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let f = event_filter(&p)?;
    let items = st.with_store(move |s| Ok(s.timeline(&f)?)).await?;
    Ok(Json(json!({ "items": items })))
}

async fn search(State(st): State<Arc<AppState>>, Query(p): Params) -> ApiResult {
    let q = param(&p, "q")
        .ok_or_else(|| ApiError::BadRequest("q: give words to search for".into()))?
        .to_string();
    let (n, per, pg) = page(&p, st.settings.max_per_page)?;
    let (mut a, mut qs) = st
        .with_store(move |s| {
            let a = s.search_articles(Some(&q), pg)?;
            let f = QuoteFilter {
                text: Some(q),
                ..Default::default()
            };
            Ok((a, s.quotes(&f, pg)?))
        })
        .await?;
    let more = a.len() as u64 > per || qs.len() as u64 > per;
    a.truncate(per as usize);
    qs.truncate(per as usize);
    Ok(Json(
        json!({ "articles": a, "quotes": qs, "page": n, "per_page": per, "has_more": more }),
    ))
}

async fn openapi() -> Json<Value> {
    Json(openapi_doc())
}

/// The OpenAPI 3 description of the API.
pub(crate) fn openapi_doc() -> Value {
    let p = |name: &str, desc: &str| json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "string"}});
    let paging = vec![
        json!({"name": "page", "in": "query", "description": "1-based page", "schema": {"type": "integer", "minimum": 1, "default": 1}}),
        json!({"name": "per_page", "in": "query", "description": "rows per page", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}}),
    ];
    let filters = |extra: Vec<Value>| -> Vec<Value> {
        let mut v = vec![
            p("actor", "actor code prefix (source or target)"),
            p("dyad", "two actor code prefixes A,B, either direction"),
            p("code", "CAMEO code prefix (root or full code)"),
            p("from", "first day, YYYY-MM-DD"),
            p("to", "last day, YYYY-MM-DD"),
        ];
        v.extend(extra);
        v
    };
    let id = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}});
    let list = |desc: &str, item: &str| json!({"200": {"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}, "400": {"$ref": "#/components/responses/Error"}, "x-item": item});
    let obj = |desc: &str| json!({"200": {"description": desc, "content": {"application/json": {"schema": {"type": "object"}}}}, "404": {"$ref": "#/components/responses/Error"}});
    let with_paging = |v: Vec<Value>| -> Vec<Value> {
        let mut v = v;
        v.extend(paging.clone());
        v
    };
    json!({
        "openapi": "3.0.3",
        "info": {"title": "attache", "version": attache::ENGINE_VERSION,
                 "description": "Events, quotations and diplomatic channels coded from news articles."},
        "paths": {
            "/api/stats": {"get": {"summary": "row counts of the store", "responses": obj("counts")}},
            "/api/articles": {
                "get": {"summary": "articles, newest first; full-text search with q",
                        "parameters": with_paging(vec![p("q", "words that must all appear")]),
                        "responses": list("a page of articles", "ArticleSummary")},
                "post": {"summary": "analyse and store one article (needs the token)",
                         "security": [{"bearer": []}],
                         "requestBody": {"required": true, "content": {"application/json": {"schema": {
                             "type": "object", "required": ["text"],
                             "properties": {"text": {"type": "string"}, "id": {"type": "string"},
                                 "url": {"type": "string"}, "outlet": {"type": "string"},
                                 "published": {"type": "string", "format": "date"}, "title": {"type": "string"}}}}}},
                         "responses": {"200": {"description": "stored (or already there)"},
                                       "401": {"$ref": "#/components/responses/Error"},
                                       "403": {"$ref": "#/components/responses/Error"},
                                       "413": {"description": "body too large"}}}
            },
            "/api/articles/{id}": {"get": {"summary": "one article with every layer", "parameters": [id.clone()], "responses": obj("the article")}},
            "/api/events": {"get": {"summary": "merged events (GDELT-like counts), oldest first", "parameters": with_paging(filters(vec![])), "responses": list("a page of events", "EventRow")}},
            "/api/events/{id}": {"get": {"summary": "one merged event and its mentions", "parameters": [id.clone()], "responses": obj("the event")}},
            "/api/mentions": {"get": {"summary": "event mentions (one per coded sentence)", "parameters": with_paging(filters(vec![])), "responses": list("a page of event mentions", "EventMentionRow")}},
            "/api/quotes": {"get": {"summary": "quotations", "parameters": with_paging(vec![
                p("actor", "speaker code prefix"), p("speaker", "words of the speaker's name"),
                p("q", "words of the quotation"), p("from", "first day"), p("to", "last day")]),
                "responses": list("a page of quotations", "QuoteRow")}},
            "/api/channels": {"get": {"summary": "channel changes, or with as_of the state of each channel on that day",
                "parameters": with_paging(vec![p("actor", "holder or host code prefix"), p("dyad", "A,B"),
                    p("from", "first day"), p("to", "last day"), p("as_of", "state on this day")]),
                "responses": list("a page of channel changes", "ChannelRow")}},
            "/api/timeline": {"get": {"summary": "merged events per month and root code", "parameters": filters(vec![]),
                "responses": {"200": {"description": "rows {period, root, events, mentions}"}}}},
            "/api/search": {"get": {"summary": "full-text search of articles and quotations",
                "parameters": with_paging(vec![json!({"name": "q", "in": "query", "required": true, "schema": {"type": "string"}})]),
                "responses": {"200": {"description": "{articles, quotes}"}, "400": {"$ref": "#/components/responses/Error"}}}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Page": {"type": "object", "properties": {
                    "items": {"type": "array", "items": {"type": "object"}},
                    "page": {"type": "integer"}, "per_page": {"type": "integer"}, "has_more": {"type": "boolean"}}},
                "Error": {"type": "object", "properties": {"error": {"type": "string"}}}
            },
            "responses": {"Error": {"description": "what went wrong", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
        }
    })
}
