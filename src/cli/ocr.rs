//! `postvakt ocr`: the text Tesseract reads in an image, as the scanner sees
//! it (to understand why something was or was not found).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use postvakt::images::{self, ImageLimits};

#[derive(Debug, Args)]
pub struct OcrArgs {
    /// The image to read.
    image: PathBuf,
    /// Also print each word's box and confidence (tab-separated: x, y,
    /// width, height, confidence, word).
    #[arg(long)]
    words: bool,
    /// Read the image as it is, without upscaling small text.
    #[arg(long)]
    no_preprocess: bool,
}

pub fn run(a: OcrArgs) -> Result<ExitCode> {
    let bytes =
        std::fs::read(&a.image).with_context(|| format!("reading {}", a.image.display()))?;
    let img = match images::load(&bytes, &ImageLimits::default()) {
        Ok(img) => img,
        Err(e) => bail!("{}: {e}", a.image.display()),
    };
    let options = images::ImageOptions {
        preprocess: !a.no_preprocess,
        ..Default::default()
    };
    let readings = images::read_text(&img, &options, &super::ocr_helper::HelperOcr)
        .map_err(|e| anyhow::anyhow!("{}: {e}", a.image.display()))?;
    // The first reading, as one block (findings come from all; see `check`).
    let text = &readings[0].text;
    let mut out = std::io::stdout().lock();
    if a.words {
        for w in text.words() {
            let b = w.bbox;
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{:.2}\t{}",
                b.x, b.y, b.width, b.height, w.conf, w.text
            )?;
        }
    } else {
        writeln!(out, "{}", text.text)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
