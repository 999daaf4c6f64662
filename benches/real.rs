//! Real-news benchmarks: pairs built at run time from an evaluation data set of real news
//! (never bundled with the project), timed in process and as whole processes beside the tools a
//! user would otherwise reach for.
//!
//! Run with `cargo bench --bench real`. The data directory is `PARALLAX_BENCH_DATA`, by default
//! `/work/shared/eval/data`; it must hold `basil-dev/` (one folder per news event with
//! `fox.txt`, `hpo.txt`, `nyt.txt`: title line, blank line, paragraphs). Without it the
//! benchmark prints why and exits successfully.
//!
//! Pairs, written to a temporary directory:
//! - **typical**: the event whose Fox and New York Times articles together come closest to 900
//!   words (about the median real pair);
//! - **demo**: the bundled demo articles `hoax-denial` and `duran-doubles-down`;
//! - **basil_6k**, **basil_60k**: the Fox and HuffPost articles of the first events (in folder
//!   order) concatenated per outlet: as many events as make 6,000 words together, and all 50
//!   (about 60,000 words).
//!
//! First, whole processes, alternating: each round runs every tool once on the pair, in turn,
//! so that the load of a shared machine falls on all of them alike. `parallax compare A B
//! --format json` (the binary this bench was built with), `dwdiff A B` (`DWDIFF`, else `dwdiff`
//! on the `PATH`; left out when missing) and `git diff --no-index --word-diff=porcelain A B`.
//! The table gives the median wall time and the median CPU time (user + system, from
//! `getrusage`) of each, and parallax's ratio to each other tool from the same rounds.
//! `PARALLAX_BENCH_BASELINE` names another parallax binary (an earlier build) to run in the
//! same rounds, for before-and-after ratios. `PARALLAX_BENCH_ROUNDS` sets the rounds for the short pairs (default 30; the long pairs
//! run a sixth of that, at least 3).
//!
//! Then divan times, in process: the analysis of both texts and the comparison of the typical
//! pair with the demo library's word statistics (what `parallax compare` does after start-up),
//! and the comparison of the two concatenated pairs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use parallax::compare::{Options, compare};
use parallax::corpus::{self, Article, LoadOptions};

/// The pair files and the articles read from them.
struct Pairs {
    _dir: tempfile::TempDir,
    /// (name, a path, b path), in table order.
    files: Vec<(&'static str, PathBuf, PathBuf)>,
}

static PAIRS: OnceLock<Option<Pairs>> = OnceLock::new();

fn data_dir() -> PathBuf {
    std::env::var_os("PARALLAX_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/eval/data"))
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// Build the pairs, or say why not.
fn build_pairs() -> Result<Pairs, String> {
    let basil = data_dir().join("basil-dev");
    let mut events: Vec<PathBuf> = std::fs::read_dir(&basil)
        .map_err(|e| format!("{}: {e}", basil.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("fox.txt").is_file() && p.join("hpo.txt").is_file())
        .collect();
    events.sort();
    if events.len() < 50 {
        return Err(format!(
            "{}: {} events with fox.txt and hpo.txt, 50 needed",
            basil.display(),
            events.len()
        ));
    }
    events.truncate(50);
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let write = |name: &str, text: &str| -> Result<PathBuf, String> {
        let path = dir.path().join(name);
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        Ok(path)
    };
    let mut files = Vec::new();

    // Typical: Fox against the New York Times, closest to 900 words together.
    let typical = events
        .iter()
        .filter_map(|e| Some((read(&e.join("fox.txt"))?, read(&e.join("nyt.txt"))?)))
        .min_by_key(|(a, b)| (words(a) + words(b)).abs_diff(900))
        .ok_or("no event with fox.txt and nyt.txt")?;
    files.push((
        "typical",
        write("typical_a.txt", &typical.0)?,
        write("typical_b.txt", &typical.1)?,
    ));

    let demo = corpus::demo();
    let demo_text = |id: &str| -> Result<String, String> {
        demo.articles
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.text.clone())
            .ok_or(format!("demo article {id} missing"))
    };
    files.push((
        "demo",
        write("demo_a.txt", &demo_text("hoax-denial")?)?,
        write("demo_b.txt", &demo_text("duran-doubles-down")?)?,
    ));

    let pair_words = |e: &PathBuf| {
        words(&read(&e.join("fox.txt")).unwrap_or_default())
            + words(&read(&e.join("hpo.txt")).unwrap_or_default())
    };
    let mut small = 0;
    let mut total = 0;
    while total < 6000 && small < events.len() {
        total += pair_words(&events[small]);
        small += 1;
    }
    for (name, n) in [("basil_6k", small), ("basil_60k", 50)] {
        let joined = |outlet: &str| -> Result<String, String> {
            let mut out = String::new();
            for e in &events[..n] {
                let path = e.join(outlet);
                out.push_str(&read(&path).ok_or(format!("{}: unreadable", path.display()))?);
                out.push_str("\n\n");
            }
            Ok(out)
        };
        files.push((
            name,
            write(&format!("{name}_a.txt"), &joined("fox.txt")?)?,
            write(&format!("{name}_b.txt"), &joined("hpo.txt")?)?,
        ));
    }
    Ok(Pairs { _dir: dir, files })
}

fn pairs() -> Option<&'static Pairs> {
    PAIRS
        .get_or_init(|| match build_pairs() {
            Ok(p) => Some(p),
            Err(why) => {
                eprintln!(
                    "real-news benchmarks skipped: {why} (set PARALLAX_BENCH_DATA to a folder \
                     holding basil-dev/)"
                );
                None
            }
        })
        .as_ref()
}

fn pair_path(name: &str) -> (&'static Path, &'static Path) {
    let p = pairs().expect("pairs checked in main");
    let (_, a, b) = p.files.iter().find(|(n, _, _)| *n == name).expect("pair");
    (a, b)
}

/// CPU time (user + system) of the waited-for children so far.
fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Run `argv` once with output discarded: (wall, CPU).
fn run_once(argv: &[String]) -> (Duration, Duration) {
    let cpu0 = children_cpu();
    let start = Instant::now();
    let status = Command::new(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("{}: {e}", argv[0]));
    let wall = start.elapsed();
    // dwdiff and git diff exit 1 when the texts differ; only a crash is a failure.
    assert!(status.code().is_some(), "{argv:?} killed: {status}");
    (wall, children_cpu() - cpu0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn on_path(name: &str) -> Option<String> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
}

fn whole_process(p: &Pairs) {
    let rounds: usize = std::env::var("PARALLAX_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(30);
    let dwdiff = std::env::var("DWDIFF").ok().or_else(|| on_path("dwdiff"));
    let git = on_path("git");
    println!(
        "Whole process, alternating; median wall / median CPU (user + system) in ms; parallax's \
         ratio to each tool from the same rounds (wall, CPU)."
    );
    if dwdiff.is_none() {
        println!("(dwdiff not found: set DWDIFF or put it on the PATH)");
    }
    let baseline = std::env::var("PARALLAX_BENCH_BASELINE").ok();
    println!(
        "| pair | words | rounds | parallax | dwdiff | git word diff | parallax/dwdiff | parallax/git | baseline | parallax/baseline |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (name, a, b) in &p.files {
        let (a, b) = (a.display().to_string(), b.display().to_string());
        let n = words(&read(Path::new(&a)).unwrap_or_default())
            + words(&read(Path::new(&b)).unwrap_or_default());
        let rounds = if n > 3000 {
            (rounds / 6).max(3)
        } else {
            rounds
        };
        let mut tools: Vec<Option<Vec<String>>> = vec![
            Some(vec![
                env!("CARGO_BIN_EXE_parallax").to_string(),
                "compare".into(),
                a.clone(),
                b.clone(),
                "--format".into(),
                "json".into(),
            ]),
            dwdiff
                .as_ref()
                .map(|d| vec![d.clone(), a.clone(), b.clone()]),
            git.as_ref().map(|g| {
                [
                    g.as_str(),
                    "diff",
                    "--no-index",
                    "--word-diff=porcelain",
                    &a,
                    &b,
                ]
                .map(String::from)
                .to_vec()
            }),
            baseline.as_ref().map(|p| {
                [p.as_str(), "compare", &a, &b, "--format", "json"]
                    .map(String::from)
                    .to_vec()
            }),
        ];
        // One warm-up run each.
        for argv in tools.iter().flatten() {
            run_once(argv);
        }
        let mut times: Vec<(Vec<Duration>, Vec<Duration>)> = vec![Default::default(); 4];
        for _ in 0..rounds {
            for (i, argv) in tools.iter_mut().enumerate() {
                if let Some(argv) = argv {
                    let (wall, cpu) = run_once(argv);
                    times[i].0.push(wall);
                    times[i].1.push(cpu);
                }
            }
        }
        let med: Vec<Option<(Duration, Duration)>> = times
            .into_iter()
            .map(|(w, c)| (!w.is_empty()).then(|| (median(w), median(c))))
            .collect();
        let cell = |m: &Option<(Duration, Duration)>| {
            m.map_or("—".to_string(), |(w, c)| format!("{} / {}", ms(w), ms(c)))
        };
        let ratio = |other: &Option<(Duration, Duration)>| match (&med[0], other) {
            (Some((pw, pc)), Some((ow, oc))) => format!(
                "{:.2} / {:.2}",
                pw.as_secs_f64() / ow.as_secs_f64(),
                pc.as_secs_f64() / oc.as_secs_f64().max(1e-6)
            ),
            _ => "—".to_string(),
        };
        println!(
            "| {name} | {n} | {rounds} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&med[0]),
            cell(&med[1]),
            cell(&med[2]),
            ratio(&med[1]),
            ratio(&med[2]),
            cell(&med[3]),
            ratio(&med[3])
        );
    }
    println!();
}

fn main() {
    let Some(p) = pairs() else {
        return;
    };
    if std::env::var_os("PARALLAX_BENCH_NO_PROCESS").is_none() {
        whole_process(p);
    }
    divan::main();
}

fn load_pair(name: &str) -> (Article, Article) {
    let (a, b) = pair_path(name);
    let lib = corpus::load(&[a.to_path_buf(), b.to_path_buf()], &LoadOptions::default());
    let mut it = lib.articles.into_iter();
    (it.next().expect("a"), it.next().expect("b"))
}

/// Analysis of both files and the comparison, as `parallax compare` does after start-up.
#[divan::bench(sample_count = 50)]
fn typical_load_and_compare(bencher: divan::Bencher) {
    let opts = cli_options();
    let (a, b) = pair_path("typical");
    let paths = [a.to_path_buf(), b.to_path_buf()];
    bencher.bench(|| {
        let lib = corpus::load(divan::black_box(&paths), &LoadOptions::default());
        compare(&lib.articles[0], &lib.articles[1], &opts)
    });
}

/// Engine options as `parallax compare` has them on files: the demo library's word statistics.
fn cli_options() -> Options {
    Options::for_library(&corpus::demo().articles, &Default::default()).0
}

#[divan::bench(sample_count = 20)]
fn basil_6k_compare(bencher: divan::Bencher) {
    let (a, b) = load_pair("basil_6k");
    let opts = cli_options();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &opts));
}

#[divan::bench(sample_count = 5)]
fn basil_60k_compare(bencher: divan::Bencher) {
    let (a, b) = load_pair("basil_60k");
    let opts = cli_options();
    bencher.bench(|| compare(divan::black_box(&a), divan::black_box(&b), &opts));
}

#[divan::bench(sample_count = 5)]
fn basil_60k_load(bencher: divan::Bencher) {
    let (a, b) = pair_path("basil_60k");
    let paths = [a.to_path_buf(), b.to_path_buf()];
    bencher.bench(|| corpus::load(divan::black_box(&paths), &LoadOptions::default()));
}
