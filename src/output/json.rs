//! The JSON wire format: what `postvakt check --format json|jsonl` and
//! `postvakt scan` write, for other tools to parse.
//!
//! # A finding
//! ```json
//! {"kind":"personnummer","start":22,"end":33,"text":"811228-9874","score":0.95,
//!  "severity":"high","rule":"personnummer.valid","explanation":"Ett personnummer …"}
//! ```
//! - `kind`: snake_case, one of `personnummer`, `samordningsnummer`, `phone`,
//!   `email`, `address`, `name`, `confidential`, `sensitive`, `bank_account`,
//!   `license_plate`, `id_document`, `location`, `policy`, `device_id` (more may come:
//!   ignore unknown kinds or treat them as personal data).
//! - `normalized` (optional): E.164 for phone numbers, the compact IBAN.
//! - `start`, `end`: byte offsets into the UTF-8 text, end exclusive, on char
//!   boundaries. (JavaScript strings count UTF-16 units: convert.)
//! - `text`: the text at that span, or `[kind]` when output is masked.
//! - `score`: 0 to 1, how sure the scanner is.
//! - `severity`: `info` < `low` < `medium` < `high`.
//! - `rule`: the id of the rule that fired, `detector.rule`.
//! - `explanation`: one sentence for a communicator, in the chosen language.
//!
//! - `source` (only for findings in images): `{"image": "a.jpg", "box": {"x",
//!   "y", "width", "height"}, "lines"?: [box, ...]}` for text read by OCR
//!   (`lines` when it wraps: one box per line; `start`/`end` then index the
//!   OCR text), or `{"image": "a.jpg", "metadata": "Exif.GPSInfo"}` for a
//!   metadata field (`start`/`end` index the field's value).
//!
//! # `check --format json`
//! One object: `{"source"?: "draft.txt" | "-", "findings": [...],
//! "masked_text"?: "...", "images"?: [...]}` (`masked_text` only with
//! `--mask`; `images` with `--image`: one `{"image", "format"?, "width",
//! "height", "findings": count, "ocr_words"?, "ocr_conf"?, "error"?,
//! "redacted"?}` per image, in the order given).
//!
//! # `check --format jsonl`
//! One finding object per line, nothing else.
//!
//! # `scan` output, one line per input record, in input order
//! - scanned: `{"id": "...", "findings": [...], "masked_text"?: "..."}`
//! - failed: `{"line": N, "id"?: "...", "error": "..."}` (`id` when it could be read)
//!
//! Fields are only ever added; a field's meaning never changes. Snapshot
//! tests in `tests/` pin this format.

use serde::Serialize;

use crate::batch::Outcome;
use crate::output::{mask, mask_findings};
use crate::Finding;

/// The output of `check --format json`.
#[derive(Debug, Serialize)]
pub struct CheckReport<'a> {
    /// Where the draft came from (`-` for stdin); absent when only images
    /// were checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// The draft's findings in text order, then each image's findings (those
    /// carry `source`).
    pub findings: &'a [Finding],
    /// The text with findings replaced, when masking was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub masked_text: Option<String>,
    /// One entry per image given, in order (absent without images).
    #[serde(skip_serializing_if = "<[ImageSummary]>::is_empty")]
    pub images: &'a [ImageSummary<'a>],
}

/// What `check --format json` says of one image beside its findings.
#[derive(Debug, Serialize)]
pub struct ImageSummary<'a> {
    /// The image as named on the command line.
    pub image: &'a str,
    /// `png`, `jpeg`...; absent when unreadable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'a str>,
    /// Width in pixels (0 when unreadable).
    pub width: u32,
    /// Height in pixels (0 when unreadable).
    pub height: u32,
    /// How many of `findings` come from this image.
    pub findings: usize,
    /// Words OCR read and their mean confidence, when OCR ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr_words: Option<usize>,
    /// Mean OCR word confidence, 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr_conf: Option<f32>,
    /// Why the image was not (fully) checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
    /// Where the redacted copy was written, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redacted: Option<String>,
}

/// One line of `scan` output for a scanned record.
#[derive(Debug, Serialize)]
struct ScannedLine<'a> {
    id: &'a str,
    findings: &'a [Finding],
    #[serde(skip_serializing_if = "Option::is_none")]
    masked_text: Option<String>,
}

/// The `scan` output line (without newline) for one record's outcome.
/// With `masked`, finding texts are masked and `masked_text` is added.
pub fn scan_line(outcome: Outcome, masked: bool) -> String {
    let line = match outcome {
        Ok((rec, mut findings)) => {
            let masked_text = masked.then(|| mask(&rec.text, &findings));
            if masked {
                mask_findings(&mut findings);
            }
            serde_json::to_string(&ScannedLine {
                id: &rec.id,
                findings: &findings,
                masked_text,
            })
        }
        Err(e) => serde_json::to_string(&e),
    };
    line.expect("plain structs with string keys always serialize")
}
