//! `postvakt check`: one draft and its images, highlighted findings,
//! grep-like exit code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use postvakt::images::{self, ImageOptions, ImageReport, OutputFormat};
use postvakt::output::{self, human, json};
use postvakt::{Finding, Scanner, Severity};
use rayon::prelude::*;

use super::{read_input, use_color, ColorArg, ScannerArgs, SeverityArg};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The draft to check; - reads stdin. Without it (and without --image)
    /// stdin is read.
    file: Option<PathBuf>,
    /// An image attached to the post: its text (OCR) and metadata are
    /// checked too; repeatable. PNG, JPEG, WebP, GIF, TIFF, BMP.
    #[arg(long = "image", value_name = "FILE")]
    images: Vec<PathBuf>,
    /// Write a redacted copy of each image (findings filled black, metadata
    /// removed) into this directory, as NAME.redacted.EXT.
    #[arg(long, value_name = "DIR")]
    redact_dir: Option<PathBuf>,
    /// Do not run OCR on images (metadata only).
    #[arg(long)]
    no_ocr: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Print the text with each finding replaced by its kind, ready to post
    /// (with json: mask finding texts and add masked_text).
    #[arg(long)]
    mask: bool,
    /// Report and count only findings at or above this severity.
    #[arg(long, value_enum, default_value_t = SeverityArg::Low)]
    min_severity: SeverityArg,
    /// The draft is a reply to a resident: also check that it is signed
    /// with a name and a title, as the guidelines require.
    #[arg(long)]
    reply: bool,
    /// When to colour the human report.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    #[command(flatten)]
    scanner: ScannerArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Jsonl,
}

/// One image after checking (and redacting, when asked).
struct Checked {
    report: ImageReport,
    redacted: Option<PathBuf>,
}

pub fn run(a: CheckArgs) -> Result<ExitCode> {
    let scanner = a.scanner.build_with(|b| {
        b.reply(a.reply);
    })?;
    let min: Severity = a.min_severity.into();
    if let Some(dir) = &a.redact_dir {
        if a.images.is_empty() {
            bail!("--redact-dir needs at least one --image");
        }
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let file = match (&a.file, a.images.is_empty()) {
        (Some(f), _) => Some(f.clone()),
        (None, true) => Some(PathBuf::from("-")),
        (None, false) => None,
    };
    let (name, text) = match &file {
        Some(path) => {
            let name = path.display().to_string();
            let bytes = read_input(path)?;
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => bail!(
                    "{name}: not valid UTF-8 (first bad byte at offset {}); save the draft as UTF-8",
                    e.utf8_error().valid_up_to()
                ),
            };
            (Some(name), text)
        }
        None => (None, String::new()),
    };
    let mut findings = scanner.scan_text(&text);
    findings.retain(|f| f.severity >= min);

    let opts = ImageOptions {
        ocr: !a.no_ocr,
        ..ImageOptions::default()
    };
    // Each rayon worker keeps its own Tesseract engine. (No images, no
    // pool: starting rayon's threads cost a check of one draft about a
    // millisecond.)
    let checked: Vec<Checked> = if a.images.is_empty() {
        Vec::new()
    } else {
        a.images
            .par_iter()
            .map(|path| check_one(&scanner, path, &opts, min, a.redact_dir.as_deref()))
            .collect()
    };

    let text_count = findings.len();
    let mut all: Vec<Finding> = findings.clone();
    for c in &checked {
        all.extend(c.report.findings.iter().cloned());
    }
    let failed = checked.iter().filter(|c| c.report.error.is_some()).count();
    let mut out = std::io::stdout().lock();
    match a.format {
        Format::Human if a.mask => {
            out.write_all(output::mask(&text, &findings).as_bytes())?;
        }
        Format::Human => {
            let style = human::Style {
                color: use_color(a.color),
                lang: a.scanner.lang(),
                masked: false,
            };
            if let Some(name) = &name {
                let report = human::render_check(name, &text, &findings, style);
                // The summary comes once, after the images.
                let body = if checked.is_empty() {
                    report
                } else {
                    report
                        .trim_end()
                        .rsplit_once('\n')
                        .map_or(String::new(), |(b, _)| format!("{b}\n"))
                };
                out.write_all(body.as_bytes())?;
            }
            let mut number = text_count + 1;
            for c in &checked {
                let shown: Vec<&Finding> = c.report.findings.iter().collect();
                out.write_all(b"\n")?;
                out.write_all(human::render_image(&c.report, &shown, number, style).as_bytes())?;
                if let Some(p) = &c.redacted {
                    let label = match style.lang {
                        postvakt::Lang::Sv => "maskerad kopia:",
                        postvakt::Lang::En => "redacted copy:",
                    };
                    writeln!(out, "    {label} {}", p.display())?;
                }
                number += shown.len();
            }
            if !checked.is_empty() {
                writeln!(out, "\n{}", human::summary_line(&all, a.scanner.lang()))?;
            }
        }
        Format::Json => {
            let masked_text = (a.mask && name.is_some()).then(|| output::mask(&text, &findings));
            let mut shown = all.clone();
            if a.mask {
                output::mask_findings(&mut shown);
            }
            let summaries: Vec<json::ImageSummary> = checked
                .iter()
                .map(|c| json::ImageSummary {
                    image: &c.report.image,
                    format: c.report.format,
                    width: c.report.width,
                    height: c.report.height,
                    findings: c.report.findings.len(),
                    ocr_words: c.report.ocr.map(|o| o.words),
                    ocr_conf: c.report.ocr.map(|o| (o.mean_conf * 100.0).round() / 100.0),
                    error: c.report.error.as_deref(),
                    redacted: c.redacted.as_ref().map(|p| p.display().to_string()),
                })
                .collect();
            let report = json::CheckReport {
                source: name.as_deref(),
                findings: &shown,
                masked_text,
                images: &summaries,
            };
            serde_json::to_writer(&mut out, &report)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            let mut shown = all.clone();
            if a.mask {
                output::mask_findings(&mut shown);
            }
            for f in &shown {
                serde_json::to_writer(&mut out, f)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    for c in &checked {
        if let Some(e) = &c.report.error {
            eprintln!("postvakt: {}: {e}", c.report.image);
        }
    }
    Ok(if !all.is_empty() {
        ExitCode::from(1)
    } else if failed > 0 {
        // Nothing found, but not everything could be checked: not "all clear".
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_one(
    scanner: &Scanner,
    path: &Path,
    opts: &ImageOptions,
    min: Severity,
    redact_dir: Option<&Path>,
) -> Checked {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Checked {
                report: ImageReport::failed(&name, format!("could not read the file: {e}")),
                redacted: None,
            };
        }
    };
    let (mut report, img) =
        images::check_image_with(scanner, &name, &bytes, opts, super::ocr_helper::engine());
    report.findings.retain(|f| f.severity >= min);
    let mut redacted = None;
    // No copy when OCR failed: filling nothing and calling it redacted would mislead.
    if let (Some(dir), Some(img), None) = (redact_dir, &img, &report.error) {
        let format = OutputFormat::like(img.format);
        let stem = path
            .file_stem()
            .map_or("image".into(), |s| s.to_string_lossy().into_owned());
        let out = dir.join(format!("{stem}.redacted.{}", format.extension()));
        let boxes: Vec<_> = report
            .findings
            .iter()
            .filter_map(|f| f.source.as_ref())
            .flat_map(|s| s.boxes())
            .collect();
        match images::redact(img, &boxes, format)
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(&out, bytes).map_err(|e| e.to_string()))
        {
            Ok(()) => redacted = Some(out),
            Err(e) => report.error = Some(format!("redacted copy not written: {e}")),
        }
    }
    Checked { report, redacted }
}
