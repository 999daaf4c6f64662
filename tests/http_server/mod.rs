//! A small HTTP/1.1 server on 127.0.0.1 for the tests of fetching web addresses: std
//! `TcpListener` threads serving fixed routes (pages, a feed, redirects, a slow answer, error
//! statuses, a huge body, legacy and mislabelled charsets, gzip), counting requests per path.
//!
//! It listens on a port of its own on the loopback address only, answers at most
//! [`MAX_CONNECTIONS`] connections, and stops when dropped or after [`LIFETIME`], whichever
//! comes first. Nothing in the tests reaches any other address.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Connections answered before the server stops by itself.
pub const MAX_CONNECTIONS: usize = 500;
/// How long the server runs at most.
pub const LIFETIME: Duration = Duration::from_secs(300);
/// How long `/slow.html` waits before answering (tests give the client less).
pub const SLOW: Duration = Duration::from_millis(2500);

/// A fictional report in French, written for these tests, with accented letters.
pub const FRENCH: &str = "Le conseil municipal de Valbonne a voté mardi soir la réouverture du \
    café de la gare, fermé depuis l’été dernier après un incendie. Selon la maire, les travaux \
    de rénovation ont coûté près de deux cent mille euros, financés en partie par la région. \
    « C’est un lieu de rencontre essentiel pour le quartier », a déclaré une habitante présente \
    à la séance. Le café rouvrira ses portes le premier lundi de décembre, avec une nouvelle \
    terrasse et des horaires élargis le week-end.";

/// A fictional report in English with curly quotes, written for these tests.
pub const ENGLISH: &str = "The harbour authority said on Tuesday that the northern pier would \
    stay closed for at least three more weeks while engineers inspect storm damage to its \
    pilings. “We will not reopen a structure we cannot vouch for,” the authority’s director \
    told reporters at the quayside. Fishing crews who rely on the pier have been moved to the \
    southern basin, where berths are limited and queues formed before dawn. The council has \
    promised a decision on repair funding by the end of the month.";

/// One request as the server saw it.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    /// Request headers, names lowercased.
    pub headers: HashMap<String, String>,
}

#[derive(Default)]
struct Log {
    hits: HashMap<String, usize>,
    last: HashMap<String, Seen>,
}

/// The running server.
pub struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Log>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Start the server on a free port of 127.0.0.1.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let addr = listener.local_addr().expect("local address");
        let log = Arc::new(Mutex::new(Log::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (thread_log, thread_stop) = (Arc::clone(&log), Arc::clone(&stop));
        std::thread::spawn(move || {
            let start = Instant::now();
            let mut served = 0;
            while !thread_stop.load(Ordering::SeqCst)
                && start.elapsed() < LIFETIME
                && served < MAX_CONNECTIONS
            {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        let log = Arc::clone(&thread_log);
                        let stop = Arc::clone(&thread_stop);
                        std::thread::spawn(move || serve(stream, addr, &log, &stop));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server { addr, log, stop }
    }

    /// The full address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// How many requests `path` has had.
    pub fn hits(&self, path: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .hits
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    /// The last request for `path`.
    pub fn last(&self, path: &str) -> Option<Seen> {
        self.log.lock().unwrap().last.get(path).cloned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// An address on 127.0.0.1 where nothing listens (a port just given back by the system).
pub fn refused_url() -> String {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("address");
    drop(l);
    format!("http://{addr}/story.html")
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(rel),
    )
    .expect("fixture")
}

/// A page holding `body` paragraphs, its `<head>` carrying `head`.
pub fn page(title: &str, head: &str, body: &str) -> String {
    let paras: String = body
        .split(". ")
        .map(|s| format!("<p>{}.</p>\n", s.trim_end_matches('.')))
        .collect();
    format!(
        "<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><article>\
         <h1>{title}</h1>\n{paras}</article></body></html>"
    )
}

fn latin1(s: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
    bytes.into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn reply(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
    }
}

fn redirect(to: &str) -> Reply {
    Reply {
        status: 302,
        headers: vec![("Location".into(), to.into())],
        body: Vec::new(),
    }
}

fn serve(mut stream: TcpStream, addr: SocketAddr, log: &Mutex<Log>, stop: &AtomicBool) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half.take(64 * 1024));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Routes and counts ignore the query.
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_string();
    let mut seen = Seen::default();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {
                if let Some((k, v)) = line.split_once(':') {
                    seen.headers
                        .insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                }
            }
        }
    }
    let hit = {
        let mut log = log.lock().unwrap();
        let n = log.hits.entry(path.clone()).or_insert(0);
        *n += 1;
        let hit = *n;
        log.last.insert(path.clone(), seen.clone());
        hit
    };
    let html = "text/html; charset=utf-8";
    let r = match path.as_str() {
        "/a.html" => reply(200, html, fixture("web/duran-doubles-down.html")),
        "/b.htm" => reply(200, html, fixture("web/meduza-screenshot.htm")),
        "/feed.rss" => reply(200, "application/rss+xml", fixture("feeds/syria-desk.rss")),
        "/error-page.html" => reply(200, html, fixture("web/not-found.html")),
        "/missing.html" => reply(404, html, "<h1>Not found</h1>"),
        "/broken.html" => reply(500, html, "<h1>Server error</h1>"),
        "/image.png" => reply(200, "image/png", b"\x89PNG\r\n\x1a\n0000".to_vec()),
        "/loop" => redirect("/loop"),
        // Escape sequences in the title, the text and a header.
        "/hostile.html" => reply(
            200,
            html,
            page("Pier \u{1b}[2J\u{1b}]0;owned\u{7} closed", "", ENGLISH),
        ),
        "/hostile-type" => reply(200, "text/\u{1b}[2Jevil", "x"),
        "/slow.html" => {
            let until = Instant::now() + SLOW;
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
            }
            reply(200, html, page("Slow", "", ENGLISH))
        }
        "/latin1.html" => reply(
            200,
            "text/html; charset=iso-8859-1",
            latin1(&page("Le café rouvre", "", FRENCH)),
        ),
        "/mislabelled.html" => reply(
            200,
            html,
            latin1(&page(
                "Pier stays closed",
                "<meta charset=\"windows-1252\">",
                ENGLISH,
            )),
        ),
        "/gzip.html" => {
            let mut r = reply(
                200,
                html,
                gzip(page("Harbour pier", "", ENGLISH).as_bytes()),
            );
            r.headers.push(("Content-Encoding".into(), "gzip".into()));
            r
        }
        "/gzip-bomb.html" => {
            let mut big = page("Bomb", "", ENGLISH);
            big.push_str(&"<p>padding</p>".repeat(200_000));
            let mut r = reply(200, html, gzip(big.as_bytes()));
            r.headers.push(("Content-Encoding".into(), "gzip".into()));
            r
        }
        "/etag.html" => {
            if seen.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                Reply {
                    status: 304,
                    headers: vec![("ETag".into(), "\"v1\"".into())],
                    body: Vec::new(),
                }
            } else {
                let mut r = reply(200, html, page("Harbour pier", "", ENGLISH));
                r.headers.push(("ETag".into(), "\"v1\"".into()));
                r
            }
        }
        // Answers once, then fails.
        "/flaky.html" if hit == 1 => reply(200, html, page("Harbour pier", "", ENGLISH)),
        "/flaky.html" => reply(503, html, "<h1>Unavailable</h1>"),
        "/huge.html" => {
            // Says how big it is, then sends a little of it: a client that trusts the header
            // never reads on.
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {html}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                64u64 << 20
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&[b'x'; 4096]);
            return;
        }
        "/huge-chunked.html" => {
            // No length: the body just goes on, 2 MiB of it.
            let head =
                format!("HTTP/1.1 200 OK\r\nContent-Type: {html}\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(b"<!DOCTYPE html><html><body><p>");
            let chunk = [b'y'; 16 * 1024];
            for _ in 0..128 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
            return;
        }
        p if p.starts_with("/redirect/") => match p["/redirect/".len()..].parse::<u32>() {
            Ok(0) | Err(_) => redirect(&format!("http://{addr}/a.html")),
            Ok(n) => redirect(&format!("/redirect/{}", n - 1)),
        },
        _ => reply(404, html, "<h1>Not found</h1>"),
    };
    let reason = match r.status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", r.status);
    for (k, v) in &r.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        r.body.len()
    ));
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&r.body);
    let _ = stream.flush();
}
