//! The exported page in a real browser: headless Chromium loads the file the reader's export
//! key writes, and the test checks the page's DOM (both columns, highlights of every class, the
//! legend; no script, no reference to anything outside the page), Chromium's network log (the
//! page requested nothing — checked against a control page that does), and a screenshot (not
//! blank, and showing the highlight colours).
//!
//! Without Chromium the test passes as skipped — its name says it may be, and the notice goes
//! straight to the terminal, past the test harness's capture — unless
//! `PARALLAX_REQUIRE_BROWSER=1` is set (CI sets it), in which case a missing browser fails the
//! test. `PARALLAX_CHROMIUM`
//! names the browser binary when it is not `chromium` on the `PATH`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use parallax::compare::HighlightKind;
use parallax::tui::action::{Action, Msg};

/// The Chromium binary, if there is one.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

fn browser_or_skip() -> Option<PathBuf> {
    match chromium() {
        Some(p) => Some(p),
        None if std::env::var("PARALLAX_REQUIRE_BROWSER").is_ok_and(|v| v == "1") => {
            panic!("PARALLAX_REQUIRE_BROWSER=1 but no Chromium was found (install `chromium`)")
        }
        None => {
            // Written to the terminal itself: `eprintln!` would be captured with the output
            // of a passing test and never seen.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr().lock(),
                "\nbrowser_export: SKIPPED — Chromium not found (install `chromium`, or set \
                 PARALLAX_CHROMIUM); set PARALLAX_REQUIRE_BROWSER=1 to make this a failure"
            );
            None
        }
    }
}

/// Run headless Chromium on `page` with `extra` arguments in a fresh profile under `work`;
/// returns its standard output.
fn run_chromium(browser: &Path, work: &Path, name: &str, page: &Path, extra: &[String]) -> String {
    let profile = work.join(format!("profile-{name}"));
    let out_path = work.join(format!("{name}.stdout"));
    let out = std::fs::File::create(&out_path).unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // A guard against a browser that never exits, not a speed check.
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish ({name})");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed ({name}): {status}");
    std::fs::read_to_string(out_path).unwrap()
}

/// URLs of network requests made on behalf of the page (not the browser's own background
/// traffic), from a Chromium net log.
fn page_requests(netlog: &Path) -> Vec<String> {
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(netlog).unwrap()).unwrap();
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .expect("net log names URL_REQUEST_START_JOB");
    let mut urls = Vec::new();
    for ev in log["events"].as_array().unwrap() {
        if ev["type"].as_u64() != Some(start_job) {
            continue;
        }
        let p = &ev["params"];
        let Some(url) = p["url"].as_str() else {
            continue;
        };
        // Chromium's own requests (time sync, accounts) have no initiating origin; the
        // page's have the file's (opaque) origin and a file:// isolation key.
        let from_page = p["initiator"].as_str() != Some("not an origin")
            || p["network_isolation_key"]
                .as_str()
                .is_some_and(|k| k.contains("file://"));
        if from_page {
            urls.push(url.to_string());
        }
    }
    urls
}

/// The demo comparison of Meduza's report with the coalition report (it has highlights of
/// every class), exported with the reader's key into `dir`.
fn export_from_reader(dir: &Path) -> (PathBuf, String, String) {
    let lib = demo_library();
    let at = |id: &str| lib.articles.iter().position(|a| a.id == id).unwrap();
    let (a, b) = (at("meduza-screenshot"), at("coalition-hampering"));
    let mut s = state(lib, 120, 40);
    s.library.cursor = a;
    press(&mut s, &[Action::MarkA]);
    s.library.cursor = b;
    press(&mut s, &[Action::MarkB, Action::Select]);
    let c = s.compare.as_ref().expect("compare screen");
    let titles = (c.cmp.a.title.clone(), c.cmp.b.title.clone());
    let scare = [&c.cmp.highlights.a, &c.cmp.highlights.b]
        .iter()
        .any(|l| l.iter().any(|h| h.kind == HighlightKind::ScareQuote));
    assert!(
        !scare,
        "this pair has no scare quotes: the Meduza article's “secret deal” is the BBC's words"
    );
    let Msg::ExportDone(Ok(path)) = parallax::tui::export(&s, dir) else {
        panic!("export failed")
    };
    (PathBuf::from(path), titles.0, titles.1)
}

#[test]
fn exported_page_renders_in_chromium_with_everything_and_loads_nothing_or_skips_without_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let (page, title_a, title_b) = export_from_reader(work.path());

    // --- The DOM as Chromium built it.
    let netlog = work.path().join("netlog.json");
    let dom = run_chromium(
        &browser,
        work.path(),
        "dom",
        &page,
        &[
            "--dump-dom".to_string(),
            format!("--log-net-log={}", netlog.display()),
        ],
    );
    assert!(dom.contains("<h2>Side by side</h2>"), "{dom}");
    let columns = dom
        .split("<h2>Side by side</h2>")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    // Both columns, headed by both titles, with sentences in each.
    // As a browser serialises text: only `&`, `<` and `>` escaped.
    let esc = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    assert!(columns.contains(&format!("<div class=\"a\">A: {}</div>", esc(&title_a))));
    assert!(columns.contains(&format!("<div class=\"b\">B: {}</div>", esc(&title_b))));
    assert!(columns.matches("<span class=\"ref\">A").count() > 3);
    assert!(columns.matches("<span class=\"ref\">B").count() > 3);
    // Highlights of every class, inside the columns, each explaining itself.
    // (Scare quotes are drawn in the HTML test of tests/displays_agree.rs: the demo pairs that
    // have them share no quotation.)
    for class in [
        "quote",
        "change",
        "loaded-strong",
        "loaded-weak",
        "loaded-quoted",
    ] {
        let pat = format!("<mark class=\"{class}");
        assert!(
            columns.contains(&pat),
            "no {class} highlight in the columns"
        );
    }
    assert!(columns.contains("tabindex=\"0\" data-why=\""));
    // The legend names every class.
    let legend = dom
        .split("<section class=\"legend\">")
        .nth(1)
        .expect("legend")
        .split("</section>")
        .next()
        .unwrap();
    for class in [
        "quote",
        "change",
        "loaded-strong",
        "loaded-weak",
        "loaded-quoted",
        "scare",
    ] {
        assert!(
            legend.contains(&format!("<mark class=\"{class}\">")),
            "legend lacks {class}"
        );
    }
    // No script and nothing that could reference another resource.
    let lower = dom.to_lowercase();
    for bad in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "<video", "<audio", "<source",
        " src=", " href=", " srcset=", "url(", "@import",
    ] {
        assert!(!lower.contains(bad), "the page contains {bad:?}");
    }

    // --- The network: the page requested nothing. A control page with a stylesheet, an
    // image and a script from elsewhere shows the check sees such requests.
    let page_urls = page_requests(&netlog);
    assert!(page_urls.is_empty(), "the page requested {page_urls:?}");
    let control = work.path().join("control.html");
    std::fs::write(
        &control,
        "<!doctype html><link rel=stylesheet href=\"https://styles.invalid/a.css\">\
         <p>control</p><img src=\"http://images.invalid/b.png\">\
         <script src=\"https://scripts.invalid/c.js\"></script>",
    )
    .unwrap();
    let control_log = work.path().join("control-netlog.json");
    run_chromium(
        &browser,
        work.path(),
        "control",
        &control,
        &[
            "--dump-dom".to_string(),
            format!("--log-net-log={}", control_log.display()),
        ],
    );
    let control_urls = page_requests(&control_log);
    for want in ["styles.invalid", "images.invalid", "scripts.invalid"] {
        assert!(
            control_urls.iter().any(|u| u.contains(want)),
            "the net-log check missed {want}: {control_urls:?}"
        );
    }

    // --- The pixels: not blank, and the highlight colours are on screen.
    let shot = work.path().join("shot.png");
    run_chromium(
        &browser,
        work.path(),
        "shot",
        &page,
        &[
            "--window-size=1000,1400".to_string(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert!(channels >= 3, "{:?}", info.color_type);
    let pixels: Vec<[u8; 3]> = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    let white = pixels
        .iter()
        .filter(|p| p.iter().all(|&c| c >= 250))
        .count();
    let share_white = white as f64 / pixels.len() as f64;
    assert!(
        (0.3..0.995).contains(&share_white),
        "screenshot looks blank or unstyled ({:.1}% white)",
        share_white * 100.0
    );
    let near = |want: [u8; 3]| {
        pixels
            .iter()
            .filter(|p| p.iter().zip(want).all(|(&c, w)| c.abs_diff(w) <= 4))
            .count()
    };
    // Each highlight's colour on white, as the stylesheet defines it.
    for (what, rgb) in [
        ("loaded-term border #D55E00", [0xD5, 0x5E, 0x00]),
        ("shared-quote tint", [225, 241, 251]),
        ("changed-words tint", [250, 234, 199]),
        ("scare-quote tint", [244, 226, 236]),
    ] {
        assert!(near(rgb) > 50, "the screenshot does not show the {what}");
    }
}
