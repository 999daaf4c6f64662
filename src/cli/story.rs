//! `parallax compare A B C …`: three to eight articles of one story compared fact by fact, as
//! text (paged on a terminal), Markdown, JSON (`parallax.story/1`) or the HTML grid.

use std::path::PathBuf;

use rayon::prelude::*;

use parallax::compare::story::{MAX_ARTICLES, compare_many};
use parallax::corpus::LoadOptions;
use parallax::corpus::walk::STDIN;
use parallax::library::WebOptions;

use super::pool::IdPool;
use super::{CliError, ReportFormat, engine_options, one_line, pager};

/// Load the articles `args` name (ids, paths, addresses, `-`) and print their story report.
pub fn compare_story(
    args: &[String],
    format: ReportFormat,
    library: &[PathBuf],
    opts: &LoadOptions,
    web: &WebOptions,
) -> Result<(), CliError> {
    if args.len() > MAX_ARTICLES {
        return Err(CliError::Usage(format!(
            "{} articles given; a story compares at most {MAX_ARTICLES} (pick the outlets to \
             read side by side, or compare them in groups)",
            args.len()
        )));
    }
    if args.iter().filter(|a| a.as_str() == STDIN).count() > 1 {
        return Err(CliError::Usage(
            "standard input (-) can be given only once".to_string(),
        ));
    }
    let (pool, ()) = rayon::join(
        || IdPool::new(library, opts, web),
        parallax::compare::warm_up,
    );
    let pool = pool?;
    let articles: Vec<_> = args
        .par_iter()
        .map(|arg| pool.resolve(arg, opts, web))
        .collect::<Result<_, _>>()?;
    for (i, a) in articles.iter().enumerate() {
        if let Some(j) = articles[..i]
            .iter()
            .position(|b| b.id == a.id && b.text == a.text)
        {
            return Err(CliError::Usage(format!(
                "'{}' and '{}' are the same article ({}); give each article once",
                one_line(&args[j]),
                one_line(&args[i]),
                one_line(&a.id)
            )));
        }
    }
    let story = compare_many(&articles, &engine_options(&[]));
    if format == ReportFormat::Text {
        return pager::write_paged(&parallax::report::story::text::render(&story));
    }
    let mut out = std::io::stdout().lock();
    match parallax::report::story::write(&story, format.into(), &mut out) {
        Ok(()) => Ok(()),
        // A closed pipe (`parallax compare … | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Other(e.into())),
    }
}
