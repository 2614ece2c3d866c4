//! `postvakt redact`: a copy of an image with every finding filled black and
//! all metadata removed.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use postvakt::images::{self, ImageOptions, OutputFormat};
use postvakt::Severity;

use super::{ScannerArgs, SeverityArg};

#[derive(Debug, Args)]
pub struct RedactArgs {
    /// The image to redact.
    image: PathBuf,
    /// Where to write the copy; its extension picks the format (png, jpg,
    /// webp, gif, tiff, bmp).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Fill only findings at or above this severity.
    #[arg(long, value_enum, default_value_t = SeverityArg::Low)]
    min_severity: SeverityArg,
    #[command(flatten)]
    scanner: ScannerArgs,
}

pub fn run(a: RedactArgs) -> Result<ExitCode> {
    let Some(format) = OutputFormat::from_path(&a.out) else {
        bail!(
            "{}: give the output a .png, .jpg, .webp, .gif, .tiff or .bmp extension",
            a.out.display()
        );
    };
    if a.out.exists() && std::fs::canonicalize(&a.out).ok() == std::fs::canonicalize(&a.image).ok()
    {
        bail!("--out must not be the image itself (the original is kept)");
    }
    let scanner = a.scanner.build()?;
    let min: Severity = a.min_severity.into();
    let bytes =
        std::fs::read(&a.image).with_context(|| format!("reading {}", a.image.display()))?;
    let name = a.image.display().to_string();
    let (report, img) = images::check_image_with(
        &scanner,
        &name,
        &bytes,
        &ImageOptions::default(),
        super::ocr_helper::engine(),
    );
    let Some(img) = img else {
        bail!("{name}: {}", report.error.unwrap_or_default());
    };
    if let Some(e) = &report.error {
        // OCR failed: filling nothing and calling it redacted would mislead.
        bail!("{name}: {e}; no copy written");
    }
    let boxes: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity >= min)
        .filter_map(|f| f.source.as_ref())
        .flat_map(|s| s.boxes())
        .collect();
    let metadata = report
        .findings
        .iter()
        .filter(|f| f.source.as_ref().is_some_and(|s| s.metadata.is_some()))
        .count();
    let out = images::redact(&img, &boxes, format)?;
    std::fs::write(&a.out, out).with_context(|| format!("writing {}", a.out.display()))?;
    let sv = a.scanner.lang() == postvakt::Lang::Sv;
    if sv {
        eprintln!(
            "postvakt: skrev {}: {} område(n) svärtade, all metadata borttagen ({metadata} fynd i metadata)",
            a.out.display(),
            boxes.len()
        );
    } else {
        eprintln!(
            "postvakt: wrote {}: {} area(s) filled, all metadata removed ({metadata} findings in metadata)",
            a.out.display(),
            boxes.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
