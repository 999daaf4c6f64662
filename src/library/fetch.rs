//! Fetching one address over HTTP or HTTPS with `ureq` (TLS by rustls, certificates from the
//! bundled Mozilla root store; no OpenSSL).
//!
//! Every request: a `User-Agent` naming parallax, `Accept` preferring pages and feeds, gzip
//! (bodies are inflated as they arrive, and the size limit counts the inflated bytes, so a
//! small compressed body cannot grow past it), at most [`MAX_REDIRECTS`] redirects, one
//! overall time budget ([`WebOptions::timeout`](super::WebOptions::timeout)) for connecting,
//! redirects and the whole body, and proxies from the usual `HTTPS_PROXY`, `HTTP_PROXY`,
//! `ALL_PROXY` and `NO_PROXY` variables, except for addresses on this machine. When a saved
//! copy is fetched again, its `ETag` and `Last-Modified` go along, and a `304 Not Modified`
//! keeps the copy.
//!
//! Every way a fetch can fail is a [`FetchError`] whose message a person can act on.

use std::time::Duration;

use ureq::ResponseExt;

use super::WebOptions;
use super::address::Address;
use super::charset;
use super::store::{Entry, Format};
use crate::corpus::read::human_size;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// The `User-Agent` sent with every request.
pub const USER_AGENT: &str = concat!(
    "parallax/",
    env!("CARGO_PKG_VERSION"),
    " (terminal reader for comparing news coverage)"
);

const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                      application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,\
                      */*;q=0.1";

/// A page or feed fetched and decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The address it finally came from, after redirects.
    pub final_url: String,
    /// The `Content-Type` sent, if any.
    pub content_type: Option<String>,
    /// What it is.
    pub format: Format,
    /// Its text, decoded to UTF-8 (see [`charset`]).
    pub text: String,
    /// The `ETag` sent, if usable.
    pub etag: Option<String>,
    /// The `Last-Modified` sent, if usable.
    pub last_modified: Option<String>,
}

/// What a fetch brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A page or feed.
    Page(Page),
    /// The server says the saved copy is still current (`304 Not Modified`).
    NotModified,
}

/// Why an address could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The host name could not be resolved.
    #[error("host not found (DNS lookup of {0} failed)")]
    Dns(String),
    /// Nothing listens at the address.
    #[error("connection refused")]
    Refused,
    /// The time budget ran out.
    #[error("timed out after {}", human_duration(*.0))]
    Timeout(Duration),
    /// The server answered with an error status.
    #[error("HTTP {}{}", .0, status_reason(*.0))]
    Status(u16),
    /// The body is larger than the size limit.
    #[error("too large (over the limit of {}, see --max-file-size)", human_size(*.0))]
    TooLarge(u64),
    /// Redirects went on past the cap.
    #[error("too many redirects (more than {MAX_REDIRECTS})")]
    TooManyRedirects,
    /// The document is not a page, a feed or text.
    #[error("not an article: {0}")]
    NotAnArticle(String),
    /// TLS failed (certificate, handshake).
    #[error("secure connection failed: {0}")]
    Tls(String),
    /// Anything else the connection or the server did wrong.
    #[error("{0}")]
    Other(String),
}

fn status_reason(code: u16) -> String {
    ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// `90 s`, `2 min`, `1.5 s`: a duration for messages.
pub fn human_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 120.0 && d.as_secs().is_multiple_of(60) {
        format!("{} min", d.as_secs() / 60)
    } else if s.fract() == 0.0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{s:.1} s")
    }
}

/// Fetch `address`. With `prior` (the saved copy), its validators are sent and a
/// `304 Not Modified` answers [`Outcome::NotModified`].
pub fn fetch(
    address: &Address,
    opts: &WebOptions,
    prior: Option<&Entry>,
) -> Result<Outcome, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .timeout_global(Some(opts.timeout))
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .build()
        .into();
    let mut request = agent.get(&address.url);
    if address.is_loopback() {
        request = request.config().proxy(None).build();
    }
    if let Some(p) = prior {
        if let Some(etag) = &p.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &p.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
    }
    let mut response = request.call().map_err(|e| from_ureq(e, address, opts))?;
    let status = response.status().as_u16();
    if status == 304 && prior.is_some() {
        return Ok(Outcome::NotModified);
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let final_url = response.get_uri().to_string();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.len() <= 512)
            .map(str::to_string)
    };
    let content_type = header("content-type");
    let etag = header("etag");
    let last_modified = header("last-modified");
    if let Some(len) = response.body().content_length()
        && len > opts.max_size
    {
        return Err(FetchError::TooLarge(opts.max_size));
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(opts.max_size)
        .read_to_vec()
        .map_err(|e| from_ureq(e, address, opts))?;
    let charset = content_type.as_deref().and_then(charset::header_charset);
    let text = charset::decode(&bytes, charset.as_deref());
    let format = format_of(content_type.as_deref(), &text)?;
    Ok(Outcome::Page(Page {
        final_url,
        content_type,
        format,
        text,
        etag,
        last_modified,
    }))
}

/// What the document is, from its media type, looking at the text when the type is missing or
/// vague.
pub fn format_of(content_type: Option<&str>, text: &str) -> Result<Format, FetchError> {
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    let looks_html = head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || head.contains("<head")
        || head.contains("<body");
    let feed = || crate::corpus::feed::is_feed(start);
    let xml_not_feed = || {
        let root = crate::corpus::feed::root_element(start)
            .map(|r| format!("<{}>", crate::text::sanitize::sanitize_line(r)))
            .unwrap_or_else(|| "no root element".to_string());
        FetchError::NotAnArticle(format!(
            "an XML document that is not an RSS or Atom feed (its root element is {root})"
        ))
    };
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => {
            Ok(if feed() { Format::Feed } else { Format::Html })
        }
        // application/rss+xml, application/atom+xml, application/x-rss+xml, text/xml, …
        m if m.ends_with("/xml") || m.ends_with("+xml") => {
            if feed() {
                Ok(Format::Feed)
            } else if looks_html {
                Ok(Format::Html)
            } else {
                Err(xml_not_feed())
            }
        }
        "text/plain" => Ok(if feed() {
            Format::Feed
        } else if looks_html {
            Format::Html
        } else {
            Format::Text
        }),
        "text/markdown" | "text/x-markdown" => Ok(Format::Markdown),
        "" | "application/octet-stream" | "binary/octet-stream" => {
            if feed() {
                Ok(Format::Feed)
            } else if looks_html {
                Ok(Format::Html)
            } else {
                Err(FetchError::NotAnArticle(
                    "the server did not say what it sent, and it is neither a web page nor a feed"
                        .to_string(),
                ))
            }
        }
        other => Err(FetchError::NotAnArticle(format!(
            "the address serves {}, not a web page, a feed or text",
            crate::text::sanitize::sanitize_line(other)
        ))),
    }
}

/// A ureq error as a [`FetchError`].
fn from_ureq(e: ureq::Error, address: &Address, opts: &WebOptions) -> FetchError {
    use std::io::ErrorKind;
    match e {
        ureq::Error::HostNotFound => FetchError::Dns(address.host().to_string()),
        ureq::Error::Timeout(_) => FetchError::Timeout(opts.timeout),
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(opts.max_size),
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::Tls(why) => FetchError::Tls(why.to_string()),
        ureq::Error::Rustls(why) => FetchError::Tls(why.to_string()),
        ureq::Error::BadUri(why) => FetchError::Other(format!("not a valid web address ({why})")),
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => FetchError::Refused,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout(opts.timeout),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                FetchError::Other("the server closed the connection".to_string())
            }
            // rustls reports through the connection as invalid data.
            ErrorKind::InvalidData => {
                let msg = io.to_string();
                if msg.contains("InvalidContentType") {
                    FetchError::Tls(
                        "the server answered in plain HTTP; try the address with http://"
                            .to_string(),
                    )
                } else {
                    FetchError::Tls(msg)
                }
            }
            ErrorKind::UnexpectedEof => {
                FetchError::Other("the server closed the connection before the end".to_string())
            }
            _ => {
                let msg = io.to_string();
                if msg.contains("failed to lookup address")
                    || msg.contains("Name or service not known")
                    || msg.contains("nodename nor servname")
                {
                    FetchError::Dns(address.host().to_string())
                } else {
                    FetchError::Other(format!("connection failed: {msg}"))
                }
            }
        },
        ureq::Error::Decompress(_, io) => {
            FetchError::Other(format!("the server sent a damaged compressed body ({io})"))
        }
        ureq::Error::Protocol(p) => FetchError::Other(format!("the server broke HTTP ({p})")),
        ureq::Error::ConnectionFailed => FetchError::Other("connection failed".to_string()),
        ureq::Error::LargeResponseHeader(..) => {
            FetchError::Other("the server sent oversized headers".to_string())
        }
        other => FetchError::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_choose_the_reader() {
        let page = "<!DOCTYPE html><html><body><p>x</p></body></html>";
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>";
        assert_eq!(
            format_of(Some("text/html; charset=utf-8"), page),
            Ok(Format::Html)
        );
        assert_eq!(
            format_of(Some("application/rss+xml"), rss),
            Ok(Format::Feed)
        );
        assert_eq!(format_of(Some("text/xml"), rss), Ok(Format::Feed));
        assert_eq!(
            format_of(Some("application/x-rss+xml"), rss),
            Ok(Format::Feed)
        );
        assert_eq!(format_of(Some("text/html"), rss), Ok(Format::Feed));
        assert_eq!(format_of(None, page), Ok(Format::Html));
        assert_eq!(
            format_of(Some("text/plain"), "Just words."),
            Ok(Format::Text)
        );
        assert!(matches!(
            format_of(Some("image/png"), "\u{89}PNG"),
            Err(FetchError::NotAnArticle(m)) if m.contains("image/png")
        ));
        assert!(matches!(
            format_of(Some("application/xml"), "<urlset></urlset>"),
            Err(FetchError::NotAnArticle(m)) if m.contains("<urlset>")
        ));
    }

    #[test]
    fn failures_read_as_plain_reasons() {
        assert_eq!(FetchError::Status(404).to_string(), "HTTP 404 Not Found");
        assert_eq!(
            FetchError::Status(500).to_string(),
            "HTTP 500 Internal Server Error"
        );
        assert_eq!(
            FetchError::Timeout(Duration::from_secs(30)).to_string(),
            "timed out after 30 s"
        );
        assert_eq!(
            FetchError::TooLarge(8 << 20).to_string(),
            "too large (over the limit of 8 MiB, see --max-file-size)"
        );
        assert_eq!(
            FetchError::Dns("example.invalid".into()).to_string(),
            "host not found (DNS lookup of example.invalid failed)"
        );
    }
}
