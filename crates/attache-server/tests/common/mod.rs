//! Shared by the HTTP and browser tests: a fixture store, the real server on
//! port 0, and a minimal HTTP/1.1 client (no client library needed).

#![allow(dead_code)]

use attache::doc::*;
use attache::input::RawArticle;
use attache_store::NewArticle;
use chrono::NaiveDate;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A hand-written analysed article (`events`: source, target, cameo, trigger, date).
pub fn article(
    name: &str,
    outlet: &str,
    published: &str,
    headline: &str,
    text: &str,
    events: &[(&str, &str, &str, &str, Option<&str>)],
) -> NewArticle {
    let mut raw = RawArticle::plain(name, text);
    raw.meta.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    raw.meta.outlet = Some(outlet.into());
    let mut doc = Doc {
        text: text.into(),
        meta: raw.meta.clone(),
        ..Doc::default()
    };
    doc.meta.headline = Some(headline.into());
    doc.sentences.push(Sentence {
        span: Span::new(0, text.len()),
        paragraph: 0,
        tokens: Span::new(0, 0),
    });
    for (s, t, code, trig, date) in events {
        let at = text.find(trig).expect("trigger in text");
        doc.events.push(Event {
            sentence: 0,
            source: Some(s.to_string()),
            target: Some(t.to_string()),
            source_entity: None,
            target_entity: None,
            cameo: code.to_string(),
            trigger: Span::new(at, at + trig.len()),
            status: EventStatus::Asserted,
            date: date.map(str::to_string),
            quote: None,
            location: None,
            target_inferred: false,
        });
    }
    NewArticle::new(&raw, doc)
}

/// Adds an actor mention (`who` found in the text) with a code.
pub fn actor(mut a: NewArticle, who: &str, code: &str, kind: EntityKind) -> NewArticle {
    let at = a.doc.text.find(who).expect("actor in text");
    let id = a.doc.entities.len();
    a.doc.entities.push(Entity {
        id,
        name: who.into(),
        code: Some(code.into()),
        kind,
        roles: vec![],
        gender: None,
        country: None,
    });
    a.doc.mentions.push(Mention {
        entity: id,
        span: Span::new(at, at + who.len()),
        sentence: 0,
        kind: MentionKind::Name,
    });
    a
}

/// Adds a direct quotation.
pub fn quote(mut a: NewArticle, quoted: &str, speaker: &str, code: &str) -> NewArticle {
    let at = a.doc.text.find(quoted).expect("quote in text");
    a.doc.quotes.push(Quote {
        span: Span::new(at, at + quoted.len()),
        kind: QuoteKind::Direct,
        speaker: Speaker {
            name: Some(speaker.into()),
            code: Some(code.into()),
            entity: None,
        },
        cue: None,
        sentences: vec![0],
    });
    a
}

/// Adds a channel change.
pub fn channel(
    mut a: NewArticle,
    holder: &str,
    host: &str,
    change: ChannelChangeKind,
    date: &str,
) -> NewArticle {
    a.doc.channels.push(ChannelChange {
        holder: Some(holder.into()),
        host: Some(host.into()),
        name: format!("{holder} embassy in {host}"),
        kind: "embassy".into(),
        change,
        date: Some(date.into()),
        sentence: 0,
        location: None,
        hosted_at: None,
        established: None,
        status: attache::doc::EventStatus::Asserted,
    });
    a
}

/// A small corpus: two reports of one expulsion, a closure and a reopening,
/// and an article whose text tries to inject markup.
pub fn corpus() -> Vec<NewArticle> {
    vec![
        quote(
            actor(
                article(
                    "a.txt",
                    "Harbour Gazette",
                    "2024-03-04",
                    "Ruritania expels Bordurian diplomats",
                    "Ruritania expelled two Bordurian diplomats on Sunday.\n\n\"We will not tolerate interference,\" the spokeswoman Mira Holt said.",
                    &[("RUR", "BOR", "1663", "expelled", Some("2024-03-03"))],
                ),
                "Ruritania",
                "RURGOV",
                EntityKind::State,
            ),
            "We will not tolerate interference",
            "Mira Holt",
            "RURGOV",
        ),
        article(
            "b.txt",
            "Example Wire",
            "2024-03-05",
            "Diplomats leave",
            "Bordurian diplomats were expelled by Ruritania on Sunday.",
            &[("RUR", "BOR", "1663", "expelled", Some("2024-03-03"))],
        ),
        channel(
            article(
                "c.txt",
                "Example Wire",
                "2024-04-20",
                "Embassy closed",
                "Ruritania closed its embassy in Borduria on Friday.",
                &[("RUR", "BOR", "161", "closed", Some("2024-04-19"))],
            ),
            "RUR",
            "BOR",
            ChannelChangeKind::Closed,
            "2024-04-19",
        ),
        channel(
            article(
                "d.txt",
                "Harbour Gazette",
                "2024-06-01",
                "Embassy reopens",
                "Borduria and Ruritania held talks, and Ruritania reopened its embassy.",
                &[("BOR", "RUR", "036", "held talks", None)],
            ),
            "RUR",
            "BOR",
            ChannelChangeKind::Reopened,
            "2024-05-30",
        ),
        actor(
            article(
                "x.html",
                "Mallory <b>Daily</b>",
                "2024-06-02",
                "<script>document.title='pwned'</script> embassy",
                "Genovia warned <script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> the embassy.",
                &[("GEN", "RUR", "130", "warned", None)],
            ),
            "Genovia",
            "GEN",
            EntityKind::State,
        ),
    ]
}

/// A store at a fresh SQLite file holding [`corpus`].
pub fn fixture_store(dir: &std::path::Path) -> Box<dyn attache_store::Store> {
    let mut s = attache_store::open(&format!("sqlite:{}", dir.join("t.db").display())).unwrap();
    s.insert_batch(&corpus()).unwrap();
    s
}

/// Starts the real server on 127.0.0.1, port 0; returns its address.
pub fn start(
    store: Box<dyn attache_store::Store>,
    settings: attache_server::Settings,
) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let addr = "127.0.0.1:0".parse().unwrap();
        attache_server::run(store, settings, addr, |a| {
            let _ = tx.send(a);
        })
        .unwrap();
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("server started")
}

/// A response: status, headers (lower-case names) and body.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.0 == name)
            .map(|h| h.1.as_str())
    }
}

/// One HTTP/1.1 request with `Connection: close`.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    // A server may answer (413) before reading a large body: ignore write errors.
    let _ = s.write_all(body);
    // Read the head, then exactly the body (some servers keep the connection open).
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..split]).to_lowercase();
            let body = raw.len() - split - 4;
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            let done = match length {
                Some(n) => body >= n,
                None if head.contains("transfer-encoding: chunked") => raw.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if done {
                break;
            }
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    }
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|h| h.0 == "transfer-encoding" && h.1.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(nl) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..nl]).trim(), 16).unwrap_or(0);
        let start = nl + 2;
        if size == 0 || b.len() < start + size + 2 {
            break;
        }
        out.extend_from_slice(&b[start..start + size]);
        b = &b[start + size + 2..];
    }
    out
}

pub fn get(addr: SocketAddr, path: &str) -> Response {
    request(addr, "GET", path, &[], b"")
}
