//! Tesseract in process, one engine per thread, reused across images.
//!
//! Pixels are handed over in memory (`SetImage`), never through a file.
//! Tesseract's own OpenMP threads fight rayon's workers for the cores: run
//! with `OMP_THREAD_LIMIT=1` in the environment from the process's start
//! (OpenMP reads it when the library loads; measured: 1,449 ms of CPU per
//! image without, 295 ms with, README, Benchmarks).

use std::cell::RefCell;

use tesseract_plumbing::TessBaseApi;

use super::engine::{Layout, OcrEngine, OcrError};

/// Tesseract with Swedish and English trained data, in this process.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tesseract;

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

impl OcrEngine for Tesseract {
    fn recognize(
        &self,
        gray: &[u8],
        width: u32,
        height: u32,
        layout: Layout,
    ) -> Result<String, OcrError> {
        let fail = |why: &str| OcrError::Recognize(why.to_string());
        let (Ok(w), Ok(h)) = (i32::try_from(width), i32::try_from(height)) else {
            return Err(fail("image too large"));
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
                .map_err(|_| fail("page segmentation mode refused"))?;
            api.set_image(gray, w, h, 1, w)
                .map_err(|_| fail("pixel buffer does not match its size"))?;
            api.set_source_resolution(300);
            api.recognize().map_err(|_| fail("recognition failed"))?;
            let tsv = api.get_tsv_text(0).map_err(|_| fail("no result"))?;
            let tsv = tsv.as_ref().to_string_lossy().into_owned();
            Ok(tsv)
        })
    }
}
