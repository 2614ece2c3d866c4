//! `postvakt check`: one draft, highlighted findings, grep-like exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use postvakt::output::{self, human, json};
use postvakt::Severity;

use super::{read_input, use_color, ColorArg, ScannerArgs, SeverityArg};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The draft to check; - or nothing reads stdin.
    #[arg(default_value = "-")]
    file: PathBuf,
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

pub fn run(a: CheckArgs) -> Result<ExitCode> {
    let scanner = a.scanner.build_with(|b| {
        b.reply(a.reply);
    })?;
    let bytes = read_input(&a.file)?;
    let name = a.file.display().to_string();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => bail!(
            "{name}: not valid UTF-8 (first bad byte at offset {}); save the draft as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    };
    let min: Severity = a.min_severity.into();
    let mut findings = scanner.scan_text(&text);
    findings.retain(|f| f.severity >= min);
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
            out.write_all(human::render_check(&name, &text, &findings, style).as_bytes())?;
        }
        Format::Json => {
            let masked_text = a.mask.then(|| output::mask(&text, &findings));
            let mut shown = findings.clone();
            if a.mask {
                output::mask_findings(&mut shown);
            }
            let report = json::CheckReport {
                source: &name,
                findings: &shown,
                masked_text,
            };
            serde_json::to_writer(&mut out, &report)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            let mut shown = findings.clone();
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
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
