//! `postvakt scan`: JSON Lines records in, one line per record out, in input
//! order, scanned in parallel with one shared scanner.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use postvakt::batch::{self, Outcome};
use postvakt::input::{jsonl, lines::Lines};
use postvakt::output::{human, json};
use postvakt::{Lang, Severity};

use super::{open_lines, ScannerArgs, SeverityArg};

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// JSON Lines input ({"id","text"} per line); - or nothing reads stdin.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Output format: jsonl (the wire format) or human (findings per record).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Mask found texts and add each record's masked_text.
    #[arg(long)]
    mask: bool,
    /// Report and count only findings at or above this severity.
    #[arg(long, value_enum, default_value_t = SeverityArg::Low)]
    min_severity: SeverityArg,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Longest input line accepted, in bytes; longer lines become errors.
    #[arg(long, default_value_t = postvakt::input::lines::DEFAULT_MAX_LINE)]
    max_line_bytes: usize,
    /// Records read per parallel step.
    #[arg(long, default_value_t = batch::DEFAULT_CHUNK, hide = true)]
    chunk: usize,
    #[command(flatten)]
    scanner: ScannerArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Jsonl,
    Human,
}

fn human_record(outcome: Outcome, lang: Lang, masked: bool) -> String {
    match outcome {
        Err(e) => format!("line {}: error: {}\n", e.line, e.message),
        Ok((_, f)) if f.is_empty() => String::new(),
        Ok((rec, findings)) => {
            let mut s = format!(
                "{} ({}): {}\n",
                rec.id,
                rec.line,
                human::summary_line(&findings, lang)
            );
            for f in &findings {
                let shown = if masked {
                    format!("[{}]", f.kind)
                } else {
                    f.text.clone()
                };
                s.push_str(&format!(
                    "  {} {} {:.2} {}  ({})\n",
                    f.kind,
                    f.severity.label(lang),
                    f.score,
                    shown,
                    f.rule
                ));
            }
            s
        }
    }
}

pub fn run(a: ScanArgs) -> Result<ExitCode> {
    let scanner = a.scanner.build()?;
    let lang = a.scanner.lang();
    let min: Severity = a.min_severity.into();
    let reader = open_lines(&a.input)?;
    let lines = Lines::new(reader, a.max_line_bytes);
    // The process runs one scan, so the global pool is ours to size.
    rayon::ThreadPoolBuilder::new()
        .num_threads(a.threads.unwrap_or(0))
        .build_global()
        .context("starting worker threads")?;
    // `Stdout`, not its lock: the sink runs on whichever thread joins.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let masked = a.mask;
    let format = a.format;
    let mut with_findings = 0usize;
    let summary = batch::scan_ordered(
        &scanner,
        lines,
        a.chunk,
        |r| r.and_then(|(line, bytes)| jsonl::parse_record(line, &bytes)),
        |outcome: Outcome| {
            let outcome = outcome.map(|(r, mut f)| {
                f.retain(|f| f.severity >= min);
                (r, f)
            });
            let hit = matches!(&outcome, Ok((_, f)) if !f.is_empty());
            let line = match format {
                Format::Jsonl => {
                    let mut l = json::scan_line(outcome, masked);
                    l.push('\n');
                    l
                }
                Format::Human => human_record(outcome, lang, masked),
            };
            (hit, line)
        },
        |(hit, line): (bool, String)| {
            with_findings += usize::from(hit);
            out.write_all(line.as_bytes())
        },
    )?;
    out.flush()?;
    eprintln!(
        "postvakt: {} records in, {} scanned, {} failed; {} with findings at or above {}",
        summary.records, summary.scanned, summary.failed, with_findings, min
    );
    Ok(if summary.failed > 0 {
        ExitCode::from(2)
    } else if with_findings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
