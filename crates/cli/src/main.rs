//! `crosscheck`: the command-line shell over the crosscheck library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::model::Report;
use crosscheck::{render, Pipeline, Progress};

// The pipeline makes many small, short-lived allocations (tokens, spans,
// feature vectors); mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// crosscheck turns many overlapping news reports into one trustworthy
/// account: it cleans each article, finds wire copies, groups articles into
/// stories and writes a short brief per story in which every sentence cites
/// its exact source spans.
#[derive(Parser)]
#[command(name = "crosscheck", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: clean, deduplicate, group into stories and brief.
    ///
    /// PATH may be a file or a folder (read recursively). Formats by
    /// extension: .txt (one article), .jsonl/.ndjson (one article per line:
    /// id, text or html, optional title, source, url, published), .html/.htm,
    /// and Reuters-21578 .sgm. Inputs that cannot be read are listed under
    /// `skipped` with the reason; the rest is still analysed. The exit code is
    /// non-zero only when nothing could be analysed.
    Analyze {
        /// Files or folders to read.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        opts: Opts,
    },
    /// Run the whole pipeline on the built-in demo corpus (invented stories
    /// with page junk, a reprinted wire copy, spelling variants and a
    /// conflicting figure).
    Demo {
        #[command(flatten)]
        opts: Opts,
    },
    /// Add articles to the store (SQLite, `crosscheck.db` by default):
    /// cleaned, deduplicated and joined to stories incrementally.
    /// Re-ingesting the same article changes nothing.
    Ingest {
        /// Files or folders to read (same formats as `analyze`).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        db: DbOpt,
    },
    /// List the stored stories, most recently updated first.
    Stories {
        /// Page number (from 1).
        #[arg(long, default_value_t = 1)]
        page: usize,
        /// Stories per page (at most 200).
        #[arg(long, default_value_t = 20)]
        per_page: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbOpt,
    },
    /// Print one stored story: its cited brief, facts, conflicts, entities
    /// and timeline.
    Show {
        /// Story id (`story-N`).
        story: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
        #[command(flatten)]
        db: DbOpt,
    },
    /// Serve the JSON API and the web page over the store.
    Serve {
        /// Address to listen on (loopback by default; other addresses need
        /// --token).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Bearer token required by write endpoints.
        #[arg(long, env = "CROSSCHECK_TOKEN")]
        token: Option<String>,
        #[command(flatten)]
        db: DbOpt,
    },
    /// Extract the main text of saved web pages (like trafilatura's CLI).
    ///
    /// Prints the text of each page, or with --json its metadata (title,
    /// site, canonical URL, publication date, authors) and every removed
    /// block with the reason.
    Extract {
        /// HTML files (optionally .gz).
        #[arg(required = true, value_name = "PAGE")]
        pages: Vec<PathBuf>,
        /// Print JSON (one object per page, as a JSON array).
        #[arg(long)]
        json: bool,
        /// Keep photo captions.
        #[arg(long)]
        keep_captions: bool,
        /// Keep reader comments.
        #[arg(long)]
        keep_comments: bool,
    },
    /// Find exact, near and contained copies (wire reprints) among articles.
    Dedup {
        /// Files or folders to read (same formats as `analyze`).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print JSON (the `duplicates` array of the JSON contract).
        #[arg(long)]
        json: bool,
    },
    /// Speed benchmarks on real text.
    Bench {
        #[command(subcommand)]
        which: BenchCommand,
    },
    /// Measure quality on a public evaluation data set (read from a path,
    /// by default under ../shared/data).
    Eval {
        #[command(subcommand)]
        which: EvalCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// The facts and reconcile stages on one story of real articles (issue
    /// 7's target: under 50 ms for 50 articles on one core; pin the process
    /// to a core with `taskset -c 1` for steady figures): the first
    /// `--articles` documents read from `--dataset`, each from its own
    /// outlet, cleaned and split as `analyze` does, then best of `--runs`.
    Facts {
        /// Files or folders to read (by default the DUC 2003 documents:
        /// five event clusters of 10 articles for the default 50).
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
        /// Articles in the story (fewer documents are cycled).
        #[arg(long, default_value_t = 50)]
        articles: usize,
        /// Runs; the best time of each stage is kept.
        #[arg(long, default_value_t = 10)]
        runs: usize,
    },
    /// MinHash signature throughput (128 values, word 5-shingles) on one
    /// core, on the Reuters-21578 bodies by default.
    Dedup {
        /// Files or folders whose article text is signed.
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
        /// Seconds to run for (at least one full pass).
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
    /// Scale: N generated articles (joined Reuters bodies with 0–3 perturbed
    /// copies each, so the duplicate groups are known) through cleaning,
    /// dedup and clustering; time, peak memory, duplicate recall/precision.
    Scale {
        /// Text to generate from (Reuters-21578 by default).
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
        /// Numbers of articles, one run each (e.g. 10000,100000).
        #[arg(long, value_delimiter = ',', default_value = "10000")]
        articles: Vec<usize>,
    },
    /// The grouping stages (ingest, clean, dedup, cluster; no briefs) on a
    /// real corpus, each timed: Reuters-21578 by default.
    Group {
        /// Files or folders to read.
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Story clustering on DUC 2003: all 624 documents shuffled together,
    /// the 60 cluster folders as gold; B-cubed and pairwise P/R/F1.
    Clustering {
        /// The DUC 2003 folder.
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
    },
    /// HTML main-text extraction on the 181-page article-extraction
    /// benchmark: token 4-gram shingle precision/recall per page, macro
    /// averages, F1 of the means; the worst pages.
    Extraction {
        /// The article-extraction-benchmark folder.
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
    },
    /// Attribution (source, cue, content spans) on the PolNeAR dev split.
    Attribution {
        /// The PolNeAR folder.
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
    },
    /// The same-claim decision on the MSR Paraphrase Corpus test pairs.
    Paraphrase {
        /// The MSRP folder.
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
    },
    /// Briefs against human summaries (ROUGE, rouge-score conventions,
    /// mean over references), with the lead baseline.
    ///
    /// The data set is recognised by its layout: DUC 2003 (100 words, event
    /// and TREC clusters apart), MultiLing 2011 (250 words, per language), or
    /// a folder of .txt reports whose `000*.txt` file is the reference (the
    /// others are briefed as one story; cut at the reference's length).
    Summarization {
        /// The data set folder (default: ../shared/data/duc2003).
        #[arg(long, value_name = "PATH")]
        dataset: Option<PathBuf>,
        /// Word cut-off of the summaries (default: per data set).
        #[arg(long, value_name = "N")]
        words: Option<usize>,
        /// MultiLing languages to evaluate (default: all seven).
        #[arg(long = "language", value_name = "NAME")]
        languages: Vec<String>,
        /// Write every task's input, references, summaries and ROUGE scores
        /// as JSON Lines to FILE (read by scripts/rouge-check.sh and
        /// scripts/bench-summarizers.sh).
        #[arg(long, value_name = "FILE")]
        dump: Option<PathBuf>,
    },
}

#[derive(Args)]
struct DbOpt {
    /// The store's database file.
    #[arg(long, default_value = "crosscheck.db", value_name = "PATH")]
    db: PathBuf,
}

#[derive(Args)]
struct Opts {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Most words in one story's brief.
    #[arg(
        long = "words",
        alias = "brief-words",
        default_value_t = 250,
        value_name = "N"
    )]
    brief_words: usize,
    /// Most sentences in one story's brief.
    #[arg(
        long = "sentences",
        alias = "brief-sentences",
        default_value_t = 10,
        value_name = "N"
    )]
    brief_sentences: usize,
    /// Largest input file (or JSON Lines record) accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    max_file_size: u64,
    /// Treat all input as one story (skip clustering).
    #[arg(long)]
    single_story: bool,
    /// Update mode: BRIEF.json is an earlier JSON report; brief only what
    /// is new — sentences of articles it did not cover that its briefs do
    /// not already say (a story with nothing new gets an empty brief).
    #[arg(long, value_name = "BRIEF.json")]
    since: Option<PathBuf>,
    /// Print no progress or summary on standard error.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The versioned JSON contract (docs/json-contract.md).
    Json,
    /// A readable Markdown report with numbered citations.
    Md,
}

/// Prints one line per finished stage on standard error.
struct StderrProgress {
    quiet: bool,
}

impl Progress for StderrProgress {
    fn stage(&mut self, name: &str, items: usize, seconds: f64) {
        if !self.quiet {
            eprintln!("crosscheck: {name:<8} {items:>8} item(s) in {seconds:.3} s");
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Analyze { paths, opts } => {
            let mut progress = StderrProgress { quiet: opts.quiet };
            let report = pipeline(&opts)?.analyze_paths(&paths, &mut progress);
            finish(&report, &opts)
        }
        Command::Demo { opts } => {
            let mut progress = StderrProgress { quiet: opts.quiet };
            let report = pipeline(&opts)?.analyze_files(&crosscheck::demo::files(), &mut progress);
            finish(&report, &opts)
        }
        Command::Ingest { paths, db } => {
            let store = crosscheck_store::Store::open(&db.db)
                .with_context(|| format!("cannot open {}", db.db.display()))?;
            let summary = store.ingest_paths(&paths)?;
            for s in &summary.skipped {
                eprintln!("crosscheck: skipped {}: {}", s.path, s.reason);
            }
            println!(
                "{} stored, {} unchanged, {} skipped; {} stor{} updated",
                summary.stored.len(),
                summary.unchanged.len(),
                summary.skipped.len(),
                summary.stories.len(),
                if summary.stories.len() == 1 {
                    "y"
                } else {
                    "ies"
                }
            );
            Ok(
                if summary.stored.is_empty() && summary.unchanged.is_empty() {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                },
            )
        }
        Command::Stories {
            page,
            per_page,
            json,
            db,
        } => {
            let store = crosscheck_store::Store::open(&db.db)
                .with_context(|| format!("cannot open {}", db.db.display()))?;
            let listing = store.stories(crosscheck_store::Page { page, per_page })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&listing)?);
            } else {
                println!(
                    "{} stories (page {} of {} per page)\n",
                    listing.total, listing.page, listing.per_page
                );
                for s in &listing.stories {
                    println!(
                        "{:<12} {:>3} article(s) {:>3} independent  {}  {}",
                        s.id,
                        s.articles,
                        s.independent_sources,
                        s.last_published.as_deref().unwrap_or("undated"),
                        s.title
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { story, format, db } => {
            let store = crosscheck_store::Store::open(&db.db)
                .with_context(|| format!("cannot open {}", db.db.display()))?;
            let Some(found) = store.story(&story)? else {
                anyhow::bail!("no story {story:?} in {}", db.db.display());
            };
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&found)?),
                Format::Md => print!(
                    "{}",
                    render::story_markdown(1, &found, |id| {
                        store
                            .article(id)
                            .ok()
                            .flatten()
                            .and_then(|a| a.article.source)
                    })
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { addr, token, db } => {
            crosscheck_server::tune_allocator();
            eprintln!("crosscheck: serving {} on http://{addr}/", db.db.display());
            crosscheck_server::serve_blocking(crosscheck_server::ServerConfig {
                addr,
                db: db.db,
                token,
                ..Default::default()
            })
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Dedup { paths, json } => {
            let pipeline = Pipeline::default();
            let grouping = pipeline.group(
                crosscheck::ingest::Ingestor::new().read_paths(&paths),
                &mut StderrProgress { quiet: true },
            );
            for s in &grouping.skipped {
                eprintln!("crosscheck: skipped {}: {}", s.path, s.reason);
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&grouping.duplicates)?);
            } else {
                for d in &grouping.duplicates {
                    let original = d
                        .original
                        .as_deref()
                        .map(|o| format!(" original={o}"))
                        .unwrap_or_default();
                    println!(
                        "{:?} {:.3}{original}: {}",
                        d.kind,
                        d.similarity,
                        d.articles.join(" ")
                    );
                }
                eprintln!(
                    "crosscheck: {} duplicate group(s) among {} article(s)",
                    grouping.duplicates.len(),
                    grouping.docs.len()
                );
            }
            Ok(if grouping.docs.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Bench { which } => {
            let reuters = || crosscheck_eval::default_dataset("reuters21578");
            match which {
                BenchCommand::Facts {
                    dataset,
                    articles,
                    runs,
                } => {
                    let path = dataset.unwrap_or_else(|| {
                        crosscheck_eval::default_dataset("duc2003").join("docs.without.headlines")
                    });
                    let texts = crosscheck_eval::bench::texts(&path);
                    anyhow::ensure!(
                        !texts.is_empty(),
                        "no article text under {}",
                        path.display()
                    );
                    let docs = crosscheck_eval::bench::story(&texts, articles);
                    let result = crosscheck_eval::bench::facts(&docs, runs, None);
                    println!("bench facts ({})\n{result}", path.display());
                }
                BenchCommand::Dedup { dataset, seconds } => {
                    let path = dataset.unwrap_or_else(reuters);
                    let texts = crosscheck_eval::bench::texts(&path);
                    anyhow::ensure!(
                        !texts.is_empty(),
                        "no article text under {}",
                        path.display()
                    );
                    let result = crosscheck_eval::bench::dedup(
                        &texts,
                        std::time::Duration::from_secs_f64(seconds),
                    );
                    println!("bench dedup ({})\n{result}", path.display());
                }
                BenchCommand::Scale { dataset, articles } => {
                    let path = dataset.unwrap_or_else(reuters);
                    let texts = crosscheck_eval::bench::texts(&path);
                    anyhow::ensure!(
                        !texts.is_empty(),
                        "no article text under {}",
                        path.display()
                    );
                    let pipeline = Pipeline::default();
                    for n in articles {
                        println!("{}", crosscheck_eval::bench::scale(&texts, n, &pipeline));
                    }
                }
                BenchCommand::Group { dataset } => {
                    let path = dataset.unwrap_or_else(reuters);
                    let result = crosscheck_eval::bench::group(&path, &Pipeline::default());
                    anyhow::ensure!(result.articles > 0, "no articles under {}", path.display());
                    println!("bench group ({})\n{result}", path.display());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            pages,
            json,
            keep_captions,
            keep_comments,
        } => extract(&pages, json, keep_captions, keep_comments),
        Command::Eval { which } => {
            eval(which)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn eval(which: EvalCommand) -> anyhow::Result<()> {
    use crosscheck_eval as ev;
    let dataset = |given: Option<PathBuf>, name: &str| {
        let path = given.unwrap_or_else(|| ev::default_dataset(name));
        anyhow::ensure!(path.exists(), "data set not found: {}", path.display());
        Ok(path)
    };
    match which {
        EvalCommand::Clustering { dataset: d } => {
            let path = dataset(d, "duc2003")?;
            let report = ev::clustering::evaluate(&path, &Pipeline::default())
                .with_context(|| format!("cannot read {}", path.display()))?;
            println!(
                "Story clustering, DUC 2003 ({})\n\n{report}",
                path.display()
            );
        }
        EvalCommand::Extraction { dataset: d } => {
            let path = dataset(d, "article-extraction-benchmark")?;
            let extractor = crosscheck::extract::Extractor::new().record_removed(false);
            let scores = crosscheck::extract::eval::evaluate(&path, &|h| extractor.extract(h).text);
            println!("HTML extraction ({})\n\n{scores}", path.display());
        }
        EvalCommand::Attribution { dataset: d } => {
            let path = dataset(d, "polnear")?;
            let scores = crosscheck::facts::eval::attribution(&path)
                .with_context(|| format!("no PolNeAR dev split under {}", path.display()))?;
            println!("Attribution, PolNeAR dev ({})\n\n{scores}", path.display());
        }
        EvalCommand::Paraphrase { dataset: d } => {
            let path = dataset(d, "msrp")?;
            let scores = crosscheck::reconcile::eval::paraphrase(&path)
                .with_context(|| format!("no MSRP test file under {}", path.display()))?;
            println!(
                "Same-claim decision, MSRP test ({})\n\n{scores}",
                path.display()
            );
        }
        EvalCommand::Summarization {
            dataset: d,
            words,
            languages,
            dump,
        } => {
            let path = dataset(d, "duc2003")?;
            let options = ev::summarization::Options {
                words,
                languages,
                dump,
            };
            let report = ev::summarization::evaluate(&path, &options)
                .with_context(|| format!("cannot read {}", path.display()))?;
            println!("Summarization ({})\n\n{report}", path.display());
        }
    }
    Ok(())
}

/// `crosscheck extract`: every page is tried; unreadable ones are reported
/// and the rest still printed.
fn extract(
    pages: &[PathBuf],
    json: bool,
    keep_captions: bool,
    keep_comments: bool,
) -> anyhow::Result<ExitCode> {
    use crosscheck::extract::{decode_html, Extractor};
    let extractor = Extractor::new()
        .keep_captions(keep_captions)
        .keep_comments(keep_comments);
    let mut results = Vec::new();
    let mut failed = 0;
    for page in pages {
        let bytes = match read_page(page) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("crosscheck: skipped {}: {e:#}", page.display());
                failed += 1;
                continue;
            }
        };
        let extracted = extractor.extract(&decode_html(&bytes));
        if let Some(why) = &extracted.empty_reason {
            eprintln!("crosscheck: {}: no article text ({why})", page.display());
        }
        results.push((page, extracted));
    }
    let mut out = std::io::stdout().lock();
    if json {
        let items: Vec<serde_json::Value> = results
            .iter()
            .map(|(p, e)| {
                let mut v = serde_json::to_value(e).expect("extracted serialises");
                v["path"] = serde_json::Value::String(p.display().to_string());
                v
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &items)?;
        writeln!(out)?;
    } else {
        for (i, (_, e)) in results.iter().enumerate() {
            if i > 0 {
                writeln!(out, "\n")?;
            }
            writeln!(out, "{}", e.text)?;
        }
    }
    Ok(if failed == pages.len() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A page's bytes, gunzipped when the name ends in `.gz`.
fn read_page(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out)
            .context("truncated or invalid gzip")?;
        return Ok(out);
    }
    Ok(bytes)
}

fn pipeline(opts: &Opts) -> anyhow::Result<Pipeline> {
    let mut builder = Pipeline::builder()
        .brief_words(opts.brief_words)
        .brief_sentences(opts.brief_sentences)
        .max_file_bytes(opts.max_file_size)
        .single_story(opts.single_story);
    if let Some(path) = &opts.since {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let previous: Report = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a crosscheck JSON report", path.display()))?;
        builder = builder.since(&previous);
    }
    Ok(builder.build())
}

/// Write the report and pick the exit code.
fn finish(report: &Report, opts: &Opts) -> anyhow::Result<ExitCode> {
    let text = match opts.format {
        Format::Json => render::json(report),
        Format::Md => render::markdown(report),
    };
    match &opts.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                // A closed pipe (`| head`) is not an error worth a message.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("cannot write to standard output");
                }
            }
        }
    }
    if !opts.quiet {
        const SHOWN: usize = 20;
        for s in report.skipped.iter().take(SHOWN) {
            eprintln!("crosscheck: skipped {}: {}", s.path, s.reason);
        }
        if report.skipped.len() > SHOWN {
            eprintln!(
                "crosscheck: … and {} more skipped (all are listed in the report)",
                report.skipped.len() - SHOWN
            );
        }
        eprintln!(
            "crosscheck: {} article(s), {} stor{}, {} duplicate group(s), {} skipped",
            report.articles.len(),
            report.stories.len(),
            if report.stories.len() == 1 {
                "y"
            } else {
                "ies"
            },
            report.duplicates.len(),
            report.skipped.len()
        );
    }
    if report.articles.is_empty() {
        eprintln!("crosscheck: nothing could be analysed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
