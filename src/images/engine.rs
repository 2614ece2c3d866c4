//! The OCR engine seam: what reads pixels into words.
//!
//! The library's own engine is Tesseract in process ([`super::Tesseract`],
//! feature `ocr`). The `postvakt` binary uses the same engine in a helper
//! process instead (`postvakt-ocr`), so that a text-only `postvakt check`
//! does not load Tesseract and the 52 shared libraries it brings (measured
//! with `benches/process.sh`: `check` 18.3 ms median with them linked,
//! 7.3 ms without; README, Benchmarks). Embedders can plug in
//! their own.

/// How the engine should find the text's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One uniform block of text (Tesseract's PSM 6): keeps the lines of a
    /// tilted photo of a sheet together.
    Block,
    /// Automatic layout analysis (PSM 3): finds separate notes, columns and
    /// chat bubbles.
    Auto,
}

impl Layout {
    /// One byte for the helper process's protocol.
    pub fn to_byte(self) -> u8 {
        match self {
            Layout::Block => 6,
            Layout::Auto => 3,
        }
    }

    /// The layout a protocol byte names.
    pub fn from_byte(b: u8) -> Option<Layout> {
        match b {
            6 => Some(Layout::Block),
            3 => Some(Layout::Auto),
            _ => None,
        }
    }
}

/// Why OCR failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OcrError {
    /// The engine did not start: trained data missing.
    #[error(
        "Tesseract could not start with Swedish and English trained data (swe+eng): install \
         the Debian packages tesseract-ocr-swe and tesseract-ocr-eng, or set TESSDATA_PREFIX \
         to a folder holding swe.traineddata and eng.traineddata"
    )]
    Init,
    /// The engine refused the image or failed while reading it.
    #[error("OCR failed on this image ({0})")]
    Recognize(String),
}

/// Reads 8-bit grayscale pixels (`width × height`, rows without padding)
/// and returns Tesseract's TSV (`GetTSVText`): word rows with boxes and
/// confidences, parsed by [`super::parse_tsv`]. Called from many threads.
pub trait OcrEngine: Sync {
    /// Reads one image.
    ///
    /// # Errors
    /// [`OcrError`] when the engine cannot start or read the image.
    fn recognize(
        &self,
        gray: &[u8],
        width: u32,
        height: u32,
        layout: Layout,
    ) -> Result<String, OcrError>;
}
