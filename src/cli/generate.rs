//! `postvakt generate`: a large deterministic labelled corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use postvakt::eval::{self, GoldRecord};
use postvakt::generate::generate;
use postvakt::input::lines::{Lines, DEFAULT_MAX_LINE};

use super::open_lines;

/// The bundled hand-written labelled corpus, the default pool.
const BUNDLED: &str = include_str!("../../corpus/labelled.jsonl");

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many records to write.
    #[arg(long, short = 'n', default_value_t = 10_000)]
    records: usize,
    /// Seed; the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Labelled records to recombine (default: the bundled corpus).
    #[arg(long)]
    from: Option<PathBuf>,
}

pub fn run(a: GenerateArgs) -> Result<ExitCode> {
    let pool: Vec<GoldRecord> = match &a.from {
        Some(p) => Lines::new(open_lines(p)?, DEFAULT_MAX_LINE)
            .map(|r| r.and_then(|(line, bytes)| eval::parse_gold(line, &bytes)))
            .collect::<Result<_, _>>()
            .with_context(|| format!("reading {}", p.display()))?,
        None => eval::parse_gold_lines(BUNDLED).context("the bundled corpus")?,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for rec in generate(&pool, a.records, a.seed) {
        serde_json::to_writer(&mut out, &rec)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
