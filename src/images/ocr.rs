//! Tesseract, one engine per thread, reused across images.
//!
//! Pixels are handed over in memory (`SetImage`), never through a file.
//! Tesseract's own OpenMP threads fight rayon's workers for the cores: set
//! `OMP_THREAD_LIMIT=1` before the first image (the `postvakt` binary does;
//! measured in DATA-SOURCES.md: 1.06 s per image without, 185 ms with).

use std::cell::RefCell;

use tesseract_plumbing::TessBaseApi;

use super::layout::{parse_tsv, OcrWord};

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
    /// Tesseract refused the image or failed while reading it.
    #[error("Tesseract failed on this image ({0})")]
    Recognize(&'static str),
}

thread_local! {
    static ENGINE: RefCell<Option<Result<TessBaseApi, OcrError>>> = const { RefCell::new(None) };
}

fn start() -> Result<TessBaseApi, OcrError> {
    let mut api = TessBaseApi::create();
    // Swedish first; English reads `@` (swe alone reads it as `Ö`).
    api.init_2(None, Some(c"swe+eng"))
        .map_err(|_| OcrError::Init)?;
    // Tesseract's diagnostics ("Estimating resolution...") go nowhere.
    let _ = api.set_variable(c"debug_file", c"/dev/null");
    Ok(api)
}

/// How Tesseract finds the text's layout (its page segmentation mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One uniform block of text (PSM 6, the API's default): keeps the lines
    /// of a tilted photo of a sheet together.
    Block,
    /// Automatic layout analysis (PSM 3, what the `tesseract` command uses):
    /// finds separate notes, columns and bubbles.
    Auto,
}

/// Reads the words in an 8-bit grayscale image of `width` × `height`.
pub(crate) fn recognize(
    gray: &[u8],
    width: u32,
    height: u32,
    layout: Layout,
) -> Result<Vec<OcrWord>, OcrError> {
    let (Ok(w), Ok(h)) = (i32::try_from(width), i32::try_from(height)) else {
        return Err(OcrError::Recognize("image too large"));
    };
    ENGINE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let api = match slot.get_or_insert_with(start) {
            Ok(api) => api,
            Err(e) => return Err(e.clone()),
        };
        let psm = match layout {
            Layout::Block => c"6",
            Layout::Auto => c"3",
        };
        api.set_variable(c"tessedit_pageseg_mode", psm)
            .map_err(|_| OcrError::Recognize("page segmentation mode refused"))?;
        api.set_image(gray, w, h, 1, w)
            .map_err(|_| OcrError::Recognize("pixel buffer does not match its size"))?;
        api.set_source_resolution(300);
        api.recognize()
            .map_err(|_| OcrError::Recognize("recognition failed"))?;
        let tsv = api
            .get_tsv_text(0)
            .map_err(|_| OcrError::Recognize("no result"))?;
        let tsv = tsv.as_ref().to_string_lossy();
        Ok(parse_tsv(&tsv))
    })
}
