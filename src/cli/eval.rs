//! `postvakt eval`: precision, recall and F1 per kind on labelled records.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use postvakt::eval;
use postvakt::input::lines::{Lines, DEFAULT_MAX_LINE};

use super::{open_lines, ScannerArgs};

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled JSON Lines: {"id","text","entities":[{"kind","start","end"}]}.
    gold: PathBuf,
    /// List every miss and false alarm with its context, and recall per tag.
    #[arg(long)]
    show_errors: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Count only findings at or above this severity (default: all; use
    /// `low` to score what check and scan show by default).
    #[arg(long, value_enum, default_value_t = super::SeverityArg::Info)]
    min_severity: super::SeverityArg,
    #[command(flatten)]
    scanner: ScannerArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

pub fn run(a: EvalArgs) -> Result<ExitCode> {
    let scanner = a.scanner.build()?;
    let records = Lines::new(open_lines(&a.gold)?, DEFAULT_MAX_LINE)
        .map(|r| r.and_then(|(line, bytes)| eval::parse_gold(line, &bytes)));
    let ev = eval::evaluate_at(&scanner, records, a.min_severity.into());
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Text => out.write_all(eval::render(&ev, a.show_errors).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &ev)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(if ev.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
