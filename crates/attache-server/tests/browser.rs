//! A click-through of the web page in headless Chromium, driven over
//! WebDriver (chromedriver): search, open an article, follow a dyad link,
//! check the timeline chart, and save screenshots under the target folder
//! (`target/tmp/attache-*.png`) for a person to look at.
//! Skips with a message when chromium or chromedriver is not installed.

mod common;

use common::*;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

struct Driver {
    child: Child,
    addr: SocketAddr,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = request(
            self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            &[],
            b"",
        );
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = if method == "GET" {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        let r = request(
            self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            &[("content-type", "application/json")],
            &body,
        );
        let v = r.json();
        assert_eq!(r.status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }
    fn go(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url }));
    }
    fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.call(
            "POST",
            "/elements",
            json!({"using": "css selector", "value": css}),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// Waits (up to 10 s) for an element.
    fn find(&self, css: &str) -> String {
        let start = Instant::now();
        loop {
            if let Some(e) = self.find_all(css).into_iter().next() {
                return e;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no element {css}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    fn text(&self, el: &str) -> String {
        self.call("GET", &format!("/element/{el}/text"), Value::Null)
            .as_str()
            .unwrap_or("")
            .to_string()
    }
    fn click(&self, el: &str) {
        self.call("POST", &format!("/element/{el}/click"), json!({}));
    }
    fn type_in(&self, el: &str, text: &str) {
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            json!({ "text": text }),
        );
    }
    fn title(&self) -> String {
        self.call("GET", "/title", Value::Null)
            .as_str()
            .unwrap_or("")
            .to_string()
    }
    fn url(&self) -> String {
        self.call("GET", "/url", Value::Null)
            .as_str()
            .unwrap_or("")
            .to_string()
    }
    fn screenshot(&self, name: &str) -> PathBuf {
        let b64 = self.call("GET", "/screenshot", Value::Null);
        let png = base64_decode(b64.as_str().unwrap_or(""));
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let path = dir.join(format!("attache-{name}.png"));
        std::fs::write(&path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
        path
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_driver(
    chromium: &str,
    chromedriver: &std::path::Path,
    profile: &std::path::Path,
) -> Driver {
    let port = free_port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(addr).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let caps = json!({"capabilities": {"alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {"binary": chromium, "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1200,1000",
            format!("--user-data-dir={}", profile.display()),
        ]}
    }}});
    let r = request(
        addr,
        "POST",
        "/session",
        &[("content-type", "application/json")],
        caps.to_string().as_bytes(),
    );
    let v = r.json();
    let session = v["value"]["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no session: {v}"))
        .to_string();
    Driver {
        child,
        addr,
        session,
    }
}

#[test]
fn click_through_in_headless_chromium() {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(which);
    let (Some(chromium), Some(chromedriver)) = (chromium, which("chromedriver")) else {
        eprintln!("chromium or chromedriver is not installed: skipping the browser test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let base = format!(
        "http://{}",
        start(
            fixture_store(dir.path()),
            attache_server::Settings::default()
        )
    );
    let profile = tempfile::tempdir().unwrap();
    let d = start_driver(chromium.to_str().unwrap(), &chromedriver, profile.path());

    // Search.
    d.go(&format!("{base}/"));
    let q = d.find("#q");
    d.type_in(&q, "expelled");
    d.click(&d.find("#go"));
    let start = Instant::now();
    while !d.url().contains("q=expelled") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "search did not load"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let results = d.find_all("a.result");
    assert_eq!(results.len(), 2, "two articles mention the expulsion");
    d.screenshot("search");

    // Open the article that quotes the spokeswoman.
    let target = results
        .iter()
        .find(|r| d.text(r).contains("Ruritania expels"))
        .expect("the headline is listed")
        .clone();
    d.click(&target);
    let h = d.find("#headline");
    assert_eq!(d.text(&h), "Ruritania expels Bordurian diplomats");
    assert_eq!(d.text(&d.find("#text span.trigger")), "expelled");
    assert_eq!(d.text(&d.find("#text span.actor")), "Ruritania");
    assert_eq!(
        d.text(&d.find("#text span.quote")),
        "We will not tolerate interference"
    );
    d.screenshot("article");

    // Follow the dyad link from the events table.
    d.click(&d.find("#events a"));
    let title = d.find("#dyad");
    assert_eq!(d.text(&title), "RUR and BOR");
    assert_eq!(d.find_all("#timeline rect.bar").len(), 3);
    assert!(d.text(&d.find("#channels")).contains("reopened"));
    d.screenshot("dyad");

    // Hostile markup in an article is shown, never run.
    d.go(&format!("{base}/?q=genovia"));
    d.click(&d.find("a.result"));
    let text = d.text(&d.find("#text"));
    assert!(
        text.contains("<script>document.title='pwned'</script>"),
        "{text}"
    );
    assert_ne!(d.title(), "pwned");
    assert!(
        !d.title().contains("pwned")
            || d.title().contains("&lt;")
            || d.title().contains("<script>")
    );
    d.screenshot("hostile");
}
