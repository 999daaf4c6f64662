//! Web addresses as parallax takes them: telling an address from a path, the form an address is
//! saved under, and the library id it gets.
//!
//! Only `http://` and `https://` addresses are taken (any case). The saved form drops the
//! `#fragment`, which names a place inside a page and is never sent to the server, and
//! lowercases the scheme and the host; everything else is kept as given. The id is built from
//! the host and the last telling part of the path, as a slug ([`crate::corpus::slug`]: lowercase
//! ASCII letters, digits and single dashes), so no address can lead a file name out of the
//! library folder.

use crate::corpus::slug;

/// Longest id made from an address, in bytes.
pub const MAX_ID_LEN: usize = 60;

/// A web address, split into the parts parallax uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// The address as it is saved and fetched: scheme and host lowercased, no fragment.
    pub url: String,
    /// The entry number asked for with a numeric fragment (`…/feed.xml#3` → 3), if any.
    pub entry: Option<usize>,
    host: String,
    path: String,
    query: String,
}

impl Address {
    /// Parse `s` as an `http://` or `https://` address; `None` when it is not one (a path,
    /// another scheme, or no host).
    pub fn parse(s: &str) -> Option<Address> {
        let s = s.trim();
        let (scheme, rest) = s.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let (rest, fragment) = match rest.split_once('#') {
            Some((r, f)) => (r, Some(f)),
            None => (rest, None),
        };
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        // Credentials (`user:pass@host`) are kept out of the id; the host is what follows them.
        let host_port = authority.rsplit('@').next().unwrap_or(authority);
        let host = host_port.to_ascii_lowercase();
        if host.is_empty()
            || host.starts_with(':')
            || host
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '<' | '>'))
            || tail.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return None;
        }
        let (path, query) = match tail.split_once('?') {
            Some((p, q)) => (p, q),
            None => (tail, ""),
        };
        let authority_shown = match authority.rsplit_once('@') {
            Some((cred, _)) => format!("{cred}@{host}"),
            None => host.clone(),
        };
        let url = format!("{scheme}://{authority_shown}{tail}");
        let entry = fragment
            .filter(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|f| f.parse().ok())
            .filter(|&n: &usize| n > 0);
        Some(Address {
            url,
            entry,
            host: host_name(&host),
            path: path.to_string(),
            query: query.to_string(),
        })
    }

    /// The address a person probably meant: `s` itself when it is an address, else `s` with
    /// `https://` in front when it looks like a host name followed by a path
    /// (`example.com/story`; `http://` for this machine, `127.0.0.1:8000/story`). For the
    /// reader's address line.
    pub fn guess(s: &str) -> Option<Address> {
        let s = s.trim();
        if let Some(a) = Address::parse(s) {
            return Some(a);
        }
        if s.contains("://") {
            return None;
        }
        let host = s.split(['/', '?', '#']).next().unwrap_or_default();
        let looks_like_host = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
        if !looks_like_host {
            return None;
        }
        // This machine's servers seldom speak HTTPS; everyone else's do.
        let https = Address::parse(&format!("https://{s}"))?;
        if https.is_loopback() {
            Address::parse(&format!("http://{s}"))
        } else {
            Some(https)
        }
    }

    /// The host name (lowercase, without port or credentials).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// True when the host is this machine (`localhost`, `127.0.0.0/8`, `[::1]`): such
    /// addresses never go through a proxy.
    pub fn is_loopback(&self) -> bool {
        let h = self.host.trim_start_matches('[').trim_end_matches(']');
        h == "localhost"
            || h.ends_with(".localhost")
            || h == "::1"
            || h.parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// The library id for this address: the host (without a leading `www.`) and the last
    /// telling part of the path, as a slug of at most [`MAX_ID_LEN`] bytes
    /// (`https://www.example.com/news/2024/storm-hits-coast.html` → `example-com-storm-hits-coast`).
    pub fn id(&self) -> String {
        let host = self
            .host
            .strip_prefix("www.")
            .unwrap_or(&self.host)
            .trim_start_matches('[')
            .trim_end_matches(']');
        let segments: Vec<&str> = self.path.split('/').filter(|s| !s.is_empty()).collect();
        let mut tail = String::new();
        if let Some(last) = segments.last() {
            let stem = strip_page_extension(last);
            tail = slug(stem);
            // A bare number (`/news/12345`) or a generic name (`/story/index.html`) says little
            // on its own: the segment before it goes first.
            let generic = matches!(
                tail.as_str(),
                "index" | "article" | "story" | "default" | "amp" | "feed" | "rss" | "atom"
            );
            if (generic || tail.bytes().all(|b| b.is_ascii_digit())) && segments.len() > 1 {
                let before = slug(strip_page_extension(segments[segments.len() - 2]));
                tail = format!("{before}-{tail}");
            }
            if tail == "article" && stem.is_empty() {
                tail.clear();
            }
        }
        if tail.is_empty() && !self.query.is_empty() {
            tail = slug(&self.query);
        }
        let joined = if tail.is_empty() {
            slug(host)
        } else {
            format!("{}-{tail}", slug(host))
        };
        shorten(&joined)
    }
}

/// The host name of `host[:port]`, brackets kept for IPv6 (`[::1]:80` → `[::1]`).
fn host_name(host_port: &str) -> String {
    match host_port.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((ip, _)) => format!("[{ip}]"),
            None => host_port.to_string(),
        },
        None => host_port.split(':').next().unwrap_or_default().to_string(),
    }
}

/// True when `s` is an `http://` or `https://` address rather than a path.
pub fn is_address(s: &str) -> bool {
    Address::parse(s).is_some()
}

/// `story.html` → `story`; other names as they are.
fn strip_page_extension(segment: &str) -> &str {
    for ext in [
        ".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".xml", ".rss", ".atom",
    ] {
        if segment.len() > ext.len()
            && segment.is_char_boundary(segment.len() - ext.len())
            && segment[segment.len() - ext.len()..].eq_ignore_ascii_case(ext)
        {
            return &segment[..segment.len() - ext.len()];
        }
    }
    segment
}

/// Cut a slug to [`MAX_ID_LEN`] bytes at a dash where possible.
fn shorten(id: &str) -> String {
    if id.len() <= MAX_ID_LEN {
        return id.to_string();
    }
    let cut = &id[..MAX_ID_LEN];
    let cut = match cut.rfind('-') {
        Some(i) if i > MAX_ID_LEN / 2 => &cut[..i],
        _ => cut,
    };
    cut.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> String {
        Address::parse(s).unwrap().id()
    }

    #[test]
    fn addresses_and_paths_are_told_apart() {
        assert!(is_address("https://example.com/a"));
        assert!(is_address("HTTP://Example.com"));
        assert!(!is_address("example.com/a"));
        assert!(!is_address("ftp://example.com/a"));
        assert!(!is_address("dir/https://x"));
        assert!(!is_address("https://"));
        assert!(!is_address("https:///path"));
        assert!(!is_address("https://exa mple.com/"));
    }

    #[test]
    fn the_saved_form_drops_the_fragment_and_lowercases_the_host() {
        let a = Address::parse("HTTPS://News.Example.COM/Story?id=3#comments").unwrap();
        assert_eq!(a.url, "https://news.example.com/Story?id=3");
        assert_eq!(a.entry, None);
        let f = Address::parse("https://example.com/feed.xml#2").unwrap();
        assert_eq!(f.url, "https://example.com/feed.xml");
        assert_eq!(f.entry, Some(2));
    }

    #[test]
    fn ids_name_the_site_and_the_story() {
        assert_eq!(
            id("https://www.example.com/news/2024/storm-hits-coast.html"),
            "example-com-storm-hits-coast"
        );
        assert_eq!(id("https://example.com/"), "example-com");
        assert_eq!(
            id("https://example.com/world/12345"),
            "example-com-world-12345"
        );
        assert_eq!(id("https://example.com/feed.xml"), "example-com-feed");
        assert_eq!(id("https://example.com/?p=42"), "example-com-p-42");
        assert_eq!(id("http://127.0.0.1:8080/a.html"), "127-0-0-1-a");
        let long = id(&format!("https://example.com/{}", "word-".repeat(40)));
        assert!(long.len() <= MAX_ID_LEN, "{long}");
        assert!(!long.ends_with('-'));
    }

    #[test]
    fn no_address_leads_out_of_the_library() {
        for s in [
            "https://example.com/../../etc/passwd",
            "https://example.com/%2e%2e%2f%2e%2e%2fetc",
            "https://../../x",
            "https://example.com/a/..",
            "https://example.com/\u{202e}gnp.exe",
        ] {
            if let Some(a) = Address::parse(s) {
                let id = a.id();
                assert!(
                    id.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{s} → {id}"
                );
                assert!(!id.is_empty());
            }
        }
    }

    #[test]
    fn a_host_and_path_without_a_scheme_is_taken_for_https() {
        assert_eq!(
            Address::guess("example.com/story").map(|a| a.url),
            Some("https://example.com/story".to_string())
        );
        assert_eq!(Address::guess("not an address"), None);
        assert_eq!(
            Address::guess("notes.txt/"),
            Address::parse("https://notes.txt/")
        );
        assert_eq!(Address::guess("ftp://example.com"), None);
        assert_eq!(
            Address::guess("127.0.0.1:8000/a").map(|a| a.url),
            Some("http://127.0.0.1:8000/a".to_string())
        );
    }

    #[test]
    fn loopback_hosts_are_recognised() {
        assert!(Address::parse("http://127.0.0.1:9/").unwrap().is_loopback());
        assert!(Address::parse("http://localhost/").unwrap().is_loopback());
        assert!(Address::parse("http://[::1]:80/").unwrap().is_loopback());
        assert!(!Address::parse("http://example.com/").unwrap().is_loopback());
    }
}
