//! A generated library with known stories, built from real reporting text: the paragraphs of
//! the five bundled demo seeds, recombined per story, with each story's actors and places
//! swapped for its own (countries, cities, groups, officials), so that stories differ the way
//! real ones do — by who and where — while sharing the language of the genre. Countries and
//! armed groups come from short lists and recur across many stories; the officials, leaders and
//! places have names coined from syllables (600 possible), recurring across a few.
//!
//! Each story draws eight "core" paragraphs; each of its articles (a different outlet, a date
//! within three days of the story's) tells five to seven of them in its own order, one or two
//! lightly edited, plus one or two paragraphs from anywhere in the seeds (background that every
//! story may share). Deterministic for a given seed.

#![allow(dead_code)]

use parallax::corpus;

#[path = "rng.rs"]
mod rng;
pub use rng::Lcg;

const NAME_START: &[&str] = &[
    "Val", "Mar", "Kor", "Bel", "Tor", "Ren", "Sal", "Dor", "Fen", "Gal", "Hal", "Jor", "Kel",
    "Lun", "Mor", "Nor", "Pel", "Ros", "Sten", "Var", "Wen", "Zal", "Bran", "Cal", "Dun",
];

const NAME_END: &[&str] = &[
    "ovic", "ander", "essa", "ington", "oni", "berg", "ado", "etti", "vik", "ström", "ova", "enko",
    "ard", "ino", "escu", "ley", "mann", "aro", "uzzi", "elli", "anen", "oza", "ides", "holm",
];

/// A made-up name of a person or place, composed from syllables (25 × 24 = 600 names), so a
/// story's cast is its own, as in real reporting, while names still recur across stories.
fn coined(rng: &mut Lcg) -> String {
    format!("{}{}", rng.pick(NAME_START), rng.pick(NAME_END))
}

/// One generated article: its file name, its Markdown text and its story number.
pub struct Generated {
    pub name: String,
    pub text: String,
    pub story: usize,
}

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Norway", "Norwegian", "Oslo"),
    ("Chile", "Chilean", "Santiago"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Peru", "Peruvian", "Lima"),
    ("Poland", "Polish", "Warsaw"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Canada", "Canadian", "Ottawa"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Japan", "Japanese", "Tokyo"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Greece", "Greek", "Athens"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Portugal", "Portuguese", "Lisbon"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Finland", "Finnish", "Helsinki"),
    ("Colombia", "Colombian", "Bogota"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Hungary", "Hungarian", "Budapest"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Austria", "Austrian", "Vienna"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Thailand", "Thai", "Bangkok"),
    ("Ireland", "Irish", "Dublin"),
    ("Tunisia", "Tunisian", "Tunis"),
    ("Bolivia", "Bolivian", "La Paz"),
    ("Denmark", "Danish", "Copenhagen"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Romania", "Romanian", "Bucharest"),
];

const PLACES: &[&str] = &[
    "Kirkenes",
    "Arica",
    "Mombasa",
    "Hue",
    "Cusco",
    "Gdansk",
    "Aswan",
    "Halifax",
    "Manaus",
    "Sendai",
    "Kano",
    "Patras",
    "Oaxaca",
    "Kiruna",
    "Tamale",
    "Faro",
    "Agadir",
    "Oulu",
    "Cartagena",
    "Gondar",
    "Szeged",
    "Medan",
    "Salta",
    "Graz",
    "Ziguinchor",
    "Chiang Mai",
    "Galway",
    "Sfax",
    "Sucre",
    "Aalborg",
    "Darkhan",
    "Cluj",
    "Tromso",
    "Iquique",
    "Kisumu",
    "Da Nang",
    "Arequipa",
    "Poznan",
    "Luxor",
    "Moncton",
    "Recife",
    "Nagano",
    "Jos",
    "Volos",
    "Merida",
    "Umea",
    "Kumasi",
    "Braga",
];

const GROUPS: &[&str] = &[
    "Red Dawn",
    "the Northern Front",
    "Black Harbour",
    "the Ash Brigade",
    "Free Valley",
    "the Iron League",
    "Silver Crescent",
    "the River Army",
    "the Delta Movement",
    "Stone Lion",
    "the Coastal Union",
    "Blue Thorn",
    "the Eastern Shield",
    "Night Falcon",
    "the Salt Guard",
    "the Highland Council",
    "Amber Wolves",
    "the Southern Path",
    "Granite Hand",
    "the Old Guard",
];

const SURNAMES: &[&str] = &[
    "Halvorsen",
    "Mendoza",
    "Otieno",
    "Nguyen",
    "Quispe",
    "Kowalski",
    "Mansour",
    "Tremblay",
    "Carvalho",
    "Tanaka",
    "Okafor",
    "Papadopoulos",
    "Herrera",
    "Lindqvist",
    "Mensah",
    "Sousa",
    "Benali",
    "Virtanen",
    "Restrepo",
    "Tesfaye",
    "Nagy",
    "Wibowo",
    "Ferreyra",
    "Gruber",
    "Diallo",
    "Srisai",
    "Brennan",
    "Trabelsi",
    "Mamani",
    "Nielsen",
    "Bold",
    "Popescu",
    "Aalto",
    "Castillo",
    "Wanjiru",
    "Pham",
    "Rojas",
    "Zielinski",
    "Farouk",
    "Leblanc",
];

const OUTLETS: &[&str] = &[
    "Daily Ledger",
    "Morning Post",
    "The Courier",
    "Evening Standard-Bearer",
    "Wire Service",
    "Global Observer",
    "The Sentinel",
    "Metro Times",
    "Northern Herald",
    "The Dispatch",
    "Public Radio",
    "City Journal",
];

/// The seed paragraphs that read as reporting (at least twelve words).
pub fn seed_paragraphs() -> Vec<String> {
    corpus::demo()
        .articles
        .iter()
        .flat_map(|a| {
            a.text
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        })
        .filter(|p| p.split_whitespace().count() >= 12)
        .collect()
}

/// The actors and places of one story.
struct Cast {
    home: (&'static str, &'static str, &'static str),
    away: (&'static str, &'static str, &'static str),
    rival: (&'static str, &'static str, &'static str),
    place: String,
    place2: String,
    group: &'static str,
    official: String,
    leader: String,
}

impl Cast {
    fn new(rng: &mut Lcg) -> Cast {
        let mut three = [0usize; 3];
        loop {
            for t in three.iter_mut() {
                *t = rng.below(COUNTRIES.len());
            }
            if three[0] != three[1] && three[1] != three[2] && three[0] != three[2] {
                break;
            }
        }
        Cast {
            home: COUNTRIES[three[0]],
            away: COUNTRIES[three[1]],
            rival: COUNTRIES[three[2]],
            place: format!("{} {}", rng.pick(PLACES), coined(rng)),
            place2: coined(rng),
            group: rng.pick(GROUPS),
            official: format!("{} {}", rng.pick(SURNAMES), coined(rng)),
            leader: coined(rng),
        }
    }

    /// The seed paragraph with this story's actors and places.
    fn cast(&self, p: &str) -> String {
        let subs: [(&str, &str); 20] = [
            ("Russian Federation", self.home.0),
            ("Russian", self.home.1),
            ("Russia", self.home.0),
            ("Moscow", self.home.2),
            ("Deir Ezzor", &self.place),
            ("Deir ez-Zor", &self.place),
            ("Al Tanf", &self.place2),
            ("Tanf", &self.place2),
            ("Syrian", self.away.1),
            ("Syria", self.away.0),
            ("Damascus", self.away.2),
            ("Bashar al-Assad", &self.leader),
            ("Assad", &self.leader),
            ("Islamic State", self.group),
            ("ISIS", self.group),
            ("United States", self.rival.0),
            ("American", self.rival.1),
            ("America", self.rival.0),
            ("USA", self.rival.0),
            ("U.S.", self.rival.0),
        ];
        let mut s = p.to_string();
        for (from, to) in subs {
            s = s.replace(from, to);
        }
        s = s
            .replace("IS ", &format!("{} ", self.group))
            .replace("US ", &format!("{} ", self.rival.0));
        for name in ["Konashenkov", "Karpov", "Kamal"] {
            s = s.replace(name, &self.official);
        }
        s
    }
}

fn edit(p: &str, rng: &mut Lcg) -> String {
    let mut words: Vec<String> = p
        .split(' ')
        .map(|w| match w {
            "said" => "claimed".to_string(),
            "says" => "insists".to_string(),
            w => w.to_string(),
        })
        .collect();
    if words.len() > 10 {
        let k = rng.below(words.len());
        words.remove(k);
    }
    words.join(" ")
}

fn headline(p: &str) -> String {
    let words: Vec<&str> = p.split_whitespace().take(11).collect();
    words
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .replace('"', "")
}

/// Generate `n` articles in stories of 2 to 12 articles (about seven on average), numbered
/// from 0. Articles of a story are spread over the library, as a folder of downloads is.
pub fn generate(n: usize, seed: u64) -> Vec<Generated> {
    let paras = seed_paragraphs();
    let mut rng = Lcg(seed);
    let mut sizes: Vec<usize> = Vec::new();
    let mut total = 0;
    while total < n {
        let s = (2 + rng.below(11)).min(n - total).max(1);
        sizes.push(s);
        total += s;
    }
    let mut out: Vec<Generated> = Vec::with_capacity(n);
    for (story, &size) in sizes.iter().enumerate() {
        let cast = Cast::new(&mut rng);
        let mut core: Vec<usize> = Vec::new();
        while core.len() < 8 {
            let k = rng.below(paras.len());
            if !core.contains(&k) {
                core.push(k);
            }
        }
        let day = 1 + rng.below(27);
        let month = 1 + rng.below(12);
        for i in 0..size {
            let mut picked: Vec<usize> = core.clone();
            for j in (1..picked.len()).rev() {
                picked.swap(j, rng.below(j + 1));
            }
            picked.truncate(5 + rng.below(3));
            let mut body: Vec<String> = picked
                .iter()
                .map(|&k| {
                    let p = cast.cast(&paras[k]);
                    if rng.below(3) == 0 {
                        edit(&p, &mut rng)
                    } else {
                        p
                    }
                })
                .collect();
            for _ in 0..1 + rng.below(2) {
                let at = rng.below(body.len() + 1);
                body.insert(at, cast.cast(&paras[rng.below(paras.len())]));
            }
            let title = headline(&body[0]);
            // A wire-style dateline opens the story, as it does in most agency copy.
            body[0] = format!(
                "{}, {} — {}",
                cast.place.to_uppercase(),
                cast.home.0,
                body[0]
            );
            let outlet = OUTLETS[(story + i) % OUTLETS.len()];
            let date = format!("2024-{month:02}-{:02}", day + rng.below(3));
            let text = format!(
                "---\ntitle: \"{title}\"\noutlet: {outlet}\ndate: {date}\n---\n\n{}\n",
                body.join("\n\n")
            );
            out.push(Generated {
                name: String::new(),
                text,
                story,
            });
        }
    }
    // Spread the stories over the library: a fixed shuffle, then names in that order.
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    for (i, g) in out.iter_mut().enumerate() {
        g.name = format!("{i:05}.md");
    }
    out
}

/// Pairwise precision and recall, and the adjusted Rand index, of a grouping (`found[i]`: the
/// group of article `i`, `None` alone) against the truth (`truth[i]`).
pub fn recovery(found: &[Option<usize>], truth: &[usize]) -> (f64, f64, f64) {
    use std::collections::HashMap;
    let n = truth.len();
    // Singletons get groups of their own.
    let found: Vec<usize> = found
        .iter()
        .enumerate()
        .map(|(i, f)| f.map_or(usize::MAX - i, |g| g))
        .collect();
    fn pairs<K>(m: &HashMap<K, u64>) -> u64 {
        m.values().map(|&c| c * c.saturating_sub(1) / 2).sum()
    }
    let mut f: HashMap<usize, u64> = HashMap::new();
    let mut t: HashMap<usize, u64> = HashMap::new();
    let mut ft: HashMap<(usize, usize), u64> = HashMap::new();
    for i in 0..n {
        *f.entry(found[i]).or_insert(0) += 1;
        *t.entry(truth[i]).or_insert(0) += 1;
        *ft.entry((found[i], truth[i])).or_insert(0) += 1;
    }
    let (pf, pt, both) = (pairs(&f) as f64, pairs(&t) as f64, pairs(&ft) as f64);
    let precision = if pf > 0.0 { both / pf } else { 1.0 };
    let recall = if pt > 0.0 { both / pt } else { 1.0 };
    let total = (n as f64) * (n as f64 - 1.0) / 2.0;
    let expected = pf * pt / total.max(1.0);
    let max = (pf + pt) / 2.0;
    let ari = if max == expected {
        1.0
    } else {
        (both - expected) / (max - expected)
    };
    (precision, recall, ari)
}
