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
    /// The gold records name images (field `image`, relative to the gold
    /// file): run OCR on each and score what is found in the pixels; the
    /// same texts scanned as plain text give the false-alarm baseline.
    #[arg(long)]
    images: bool,
    /// Score only records with this record tag (e.g. `paper`, `px12`); repeatable: any of them.
    #[arg(long = "only-tag", value_name = "TAG")]
    only_tag: Vec<String>,
    /// Leave out records with this record tag (e.g. `tiny`); repeatable.
    #[arg(long = "skip-tag", value_name = "TAG")]
    skip_tag: Vec<String>,
    /// With --images: no upscaling of small text (to measure what it adds).
    #[arg(long, requires = "images")]
    no_preprocess: bool,
    /// With --images: read each image as one block only, without the
    /// second reading with automatic layout (to measure what it adds).
    #[arg(long, requires = "images")]
    one_layout: bool,
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
    let (only, skip) = (a.only_tag.clone(), a.skip_tag.clone());
    let records = Lines::new(open_lines(&a.gold)?, DEFAULT_MAX_LINE)
        .map(|r| r.and_then(|(line, bytes)| eval::parse_gold(line, &bytes)))
        .filter(move |r| match r {
            Ok(rec) => {
                (only.is_empty() || rec.tags.iter().any(|t| only.contains(t)))
                    && !rec.tags.iter().any(|t| skip.contains(t))
            }
            Err(_) => true,
        });
    if a.images {
        let dir = a.gold.parent().unwrap_or(std::path::Path::new("."));
        let options = postvakt::images::ImageOptions {
            preprocess: !a.no_preprocess,
            both_layouts: !a.one_layout,
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let ev = postvakt::images::eval::evaluate_images(
            &scanner,
            dir,
            records,
            &options,
            a.min_severity.into(),
            super::ocr_helper::engine()
                .ok_or_else(|| anyhow::anyhow!("this build has no OCR (cargo feature `ocr`)"))?,
        );
        let wall = started.elapsed();
        let mut out = std::io::stdout().lock();
        match a.format {
            Format::Text => {
                out.write_all(postvakt::images::eval::render(&ev, a.show_errors).as_bytes())?;
                writeln!(
                    out,
                    "wall time: {:.1} s for {} images on {} threads",
                    wall.as_secs_f64(),
                    ev.images.records,
                    rayon::current_num_threads()
                )?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &ev)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
        return Ok(
            if ev.images.failed.is_empty() && ev.failed_images.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            },
        );
    }
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
