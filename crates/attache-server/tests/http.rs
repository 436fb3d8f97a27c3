//! The HTTP API and web page, through the real router on port 0.

mod common;

use attache_server::Settings;
use common::*;

fn server(settings: Settings) -> (std::net::SocketAddr, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    (start(store, settings), dir)
}

#[test]
fn json_endpoints() {
    let (addr, _d) = server(Settings::default());
    // (path, status, check on the JSON)
    type Check = fn(&serde_json::Value) -> bool;
    #[rustfmt::skip]
    let cases: Vec<(&str, u16, Check)> = vec![
        ("/api", 200, |v| v["openapi"] == "/api/openapi.json"),
        ("/api/stats", 200, |v| v["counts"]["articles"] == 5 && v["backend"] == "sqlite"),
        ("/api/articles", 200, |v| v["items"].as_array().unwrap().len() == 5 && v["has_more"] == false),
        ("/api/articles?per_page=2", 200, |v| v["items"].as_array().unwrap().len() == 2 && v["has_more"] == true),
        ("/api/articles?per_page=2&page=3", 200, |v| v["items"].as_array().unwrap().len() == 1 && v["has_more"] == false),
        ("/api/articles?q=embassy", 200, |v| v["items"].as_array().unwrap().len() == 3),
        ("/api/articles?per_page=0", 400, |v| v["error"].as_str().unwrap().contains("per_page")),
        ("/api/articles?per_page=100000", 400, |_| true),
        ("/api/articles?page=x", 400, |_| true),
        ("/api/articles/999999", 404, |v| v["error"] == "no article 999999"),
        ("/api/events", 200, |v| v["items"].as_array().unwrap().len() == 4),
        ("/api/events?dyad=BOR,RUR&code=16", 200, |v| v["items"].as_array().unwrap().len() == 2),
        ("/api/events?actor=GEN", 200, |v| v["items"][0]["cameo"] == "130"),
        ("/api/events?from=2024-03-01&to=2024-03-31", 200, |v| v["items"][0]["num_mentions"] == 2 && v["items"][0]["num_sources"] == 2),
        ("/api/events?from=March", 400, |v| v["error"].as_str().unwrap().contains("from")),
        ("/api/events?dyad=RUR", 400, |_| true),
        ("/api/mentions?dyad=RUR,BOR", 200, |v| v["items"].as_array().unwrap().len() == 4),
        ("/api/quotes?q=tolerate", 200, |v| v["items"][0]["speaker_name"] == "Mira Holt"),
        ("/api/quotes?actor=BOR", 200, |v| v["items"].as_array().unwrap().is_empty()),
        ("/api/channels?dyad=RUR,BOR", 200, |v| v["items"].as_array().unwrap().len() == 2),
        ("/api/channels?dyad=RUR,BOR&as_of=2024-05-01", 200, |v| v["items"][0]["change"] == "closed" && v["items"].as_array().unwrap().len() == 1),
        ("/api/timeline?dyad=RUR,BOR", 200, |v| v["items"][0]["period"] == "2024-03" && v["items"][0]["mentions"] == 2),
        ("/api/search?q=tolerate", 200, |v| v["articles"].as_array().unwrap().len() == 1 && v["quotes"].as_array().unwrap().len() == 1),
        ("/api/search", 400, |_| true),
        ("/api/nothing", 404, |_| true),
    ];
    for (path, status, check) in cases {
        let r = get(addr, path);
        assert_eq!(r.status, status, "{path}: {}", r.text());
        if r.body.is_empty() {
            continue;
        }
        assert!(check(&r.json()), "{path}: {}", r.text());
    }
    // One article, one event with its sources.
    let list = get(addr, "/api/articles?q=tolerate").json();
    let id = list["items"][0]["id"].as_i64().unwrap();
    let a = get(addr, &format!("/api/articles/{id}")).json();
    assert!(a["text"]
        .as_str()
        .unwrap()
        .starts_with("Ruritania expelled"));
    assert_eq!(a["events"][0]["trigger"], "expelled");
    let ev = get(addr, "/api/events?code=1663").json();
    let eid = ev["items"][0]["id"].as_i64().unwrap();
    let one = get(addr, &format!("/api/events/{eid}")).json();
    assert_eq!(one["mentions"].as_array().unwrap().len(), 2);
}

#[test]
fn openapi_describes_every_route() {
    let (addr, _d) = server(Settings::default());
    let doc = get(addr, "/api/openapi.json").json();
    assert_eq!(doc["openapi"], "3.0.3");
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/stats",
        "/api/articles",
        "/api/articles/{id}",
        "/api/events",
        "/api/events/{id}",
        "/api/mentions",
        "/api/quotes",
        "/api/channels",
        "/api/timeline",
        "/api/search",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
        // Every described GET path answers (ids replaced by a real one).
        let real = p.replace("{id}", "1");
        let status = get(
            addr,
            &format!("{real}{}", if p == "/api/search" { "?q=x" } else { "" }),
        )
        .status;
        assert!(status == 200 || status == 404, "{p}: {status}");
    }
    assert!(doc["paths"]["/api/articles"]["post"]["security"].is_array());
}

#[test]
fn writes_need_the_token() {
    let body = br#"{"text": "Genovia recalled its ambassador from Borduria on Monday.", "outlet": "Test", "published": "2024-07-01"}"#;
    let auth = [
        ("authorization", "Bearer s3cret"),
        ("content-type", "application/json"),
    ];
    // No token configured: writes refused.
    let (addr, _d) = server(Settings::default());
    assert_eq!(
        request(addr, "POST", "/api/articles", &auth, body).status,
        403
    );

    let (addr, _d2) = server(Settings {
        token: Some("s3cret".into()),
        max_body_bytes: 4096,
        ..Settings::default()
    });
    let wrong = [("authorization", "Bearer nope")];
    assert_eq!(
        request(addr, "POST", "/api/articles", &wrong, body).status,
        401
    );
    assert_eq!(
        request(addr, "POST", "/api/articles", &[], body).status,
        401
    );
    let r = request(addr, "POST", "/api/articles", &auth, body);
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["inserted"], true);
    let id = v["id"].as_i64().unwrap();
    assert_eq!(get(addr, &format!("/api/articles/{id}")).status, 200);
    // The same article again: stored once.
    let again = request(addr, "POST", "/api/articles", &auth, body).json();
    assert_eq!(
        (again["inserted"].clone(), again["id"].as_i64()),
        (false.into(), Some(id))
    );
    assert_eq!(get(addr, "/api/stats").json()["counts"]["articles"], 6);
    // Bad bodies.
    assert_eq!(
        request(addr, "POST", "/api/articles", &auth, b"{").status,
        400
    );
    assert_eq!(
        request(addr, "POST", "/api/articles", &auth, br#"{"text": "  "}"#).status,
        400
    );
    let big = format!(r#"{{"text": "{}"}}"#, "a".repeat(10_000));
    assert_eq!(
        request(addr, "POST", "/api/articles", &auth, big.as_bytes()).status,
        413
    );
}

#[test]
fn pages_escape_untrusted_text() {
    let (addr, _d) = server(Settings::default());
    let home = get(addr, "/");
    assert_eq!(home.status, 200);
    assert!(home
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(home
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    assert!(home.text().contains("<form action=\"/\""));

    let found = get(addr, "/?q=pwned").text();
    assert!(
        !found.contains("<script>document"),
        "headline escaped in results"
    );
    assert!(found.contains("&lt;script&gt;"));
    let id = {
        let v = get(addr, "/api/articles?q=genovia").json();
        v["items"][0]["id"].as_i64().unwrap()
    };
    let page = get(addr, &format!("/article/{id}")).text();
    assert!(!page.contains("<script>document"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(page.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"));
    assert!(page.contains("Mallory &lt;b&gt;Daily&lt;/b&gt;"));
    assert!(page.contains("<span class=\"actor\" title=\"Genovia (GEN)\">Genovia</span>"));
    assert!(page.contains("<span class=\"trigger\""));

    let quoted = get(addr, "/api/articles?q=tolerate").json()["items"][0]["id"]
        .as_i64()
        .unwrap();
    let page = get(addr, &format!("/article/{quoted}")).text();
    assert!(page.contains("<span class=\"quote\" title=\"direct quotation: Mira Holt\">We will not tolerate interference</span>"));
    assert!(page.contains("href=\"/dyad?a=RUR&amp;b=BOR\""));

    let dyad = get(addr, "/dyad?a=rur&b=bor");
    assert_eq!(dyad.status, 200);
    let d = dyad.text();
    assert!(d.contains("<svg id=\"timeline\""));
    assert_eq!(d.matches("class=\"bar\"").count(), 3, "{d}");
    assert!(d.contains("<td>reopened</td>"));
    let earlier = get(addr, "/dyad?a=RUR&b=BOR&as_of=2024-05-01").text();
    assert!(earlier.contains("<td>closed</td>") && !earlier.contains("<td>reopened</td><td>"));
    assert_eq!(get(addr, "/dyad?a=RUR").status, 400);
    assert_eq!(get(addr, "/article/424242").status, 404);
}
