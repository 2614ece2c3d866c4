//! Any text as Tesseract's TSV output: words or nothing, and every span of
//! the joined text maps to boxes without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postvakt::images::{parse_tsv, OcrText};

fuzz_target!(|input: (&str, u16, u16)| {
    let (tsv, a, b) = input;
    let text = OcrText::new(parse_tsv(tsv));
    let len = text.text.len();
    let (s, e) = (usize::from(a).min(len), usize::from(b).min(len));
    if let Some((boxes, conf)) = text.locate(s.min(e), s.max(e)) {
        assert!(!boxes.is_empty() && (0.0..=1.0).contains(&conf));
    }
});
