//! Long articles for benchmarks: the paragraphs of the five demo seeds, repeated and shuffled
//! with a fixed seed, lightly edited on one side (attribution verbs swapped, a word dropped now
//! and then) so that alignment and framing have work to do.

#![allow(dead_code)]

use parallax::corpus::{self, Article, Meta, Source};

#[path = "rng.rs"]
mod rng;
pub use rng::Lcg;

pub fn paragraphs() -> Vec<String> {
    corpus::demo()
        .articles
        .iter()
        .flat_map(|a| a.text.split("\n\n").map(str::trim).map(str::to_string))
        .filter(|p| !p.is_empty())
        .collect()
}

pub fn edit(p: &str, rng: &mut Lcg) -> String {
    let mut words: Vec<String> = p
        .split(' ')
        .map(|w| match w {
            "said" => "claimed".to_string(),
            "says" => "insists".to_string(),
            w => w.to_string(),
        })
        .collect();
    if words.len() > 8 && rng.below(3) == 0 {
        let k = rng.below(words.len());
        words.remove(k);
    }
    words.join(" ")
}

/// A long article of at least `words` words: shuffled demo paragraphs, edited when `edited`.
pub fn long_text(words: usize, seed: u64, edited: bool) -> String {
    let paras = paragraphs();
    let mut rng = Lcg(seed);
    let mut out = String::from("A long article\n");
    let mut n = 0;
    while n < words {
        let mut order: Vec<usize> = (0..paras.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for k in order {
            let p = if edited {
                edit(&paras[k], &mut rng)
            } else {
                paras[k].clone()
            };
            n += p.split_whitespace().count();
            out.push('\n');
            out.push_str(&p);
            out.push('\n');
        }
    }
    out
}

pub fn article(id: &str, text: String) -> Article {
    let title = corpus::first_headline_line(&text);
    Article::new(
        id.to_string(),
        Meta::default(),
        Source::Demo {
            name: id.to_string(),
        },
        text,
        title,
    )
}
