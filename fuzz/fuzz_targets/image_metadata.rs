//! Any bytes as an image file's metadata (EXIF, XMP, PNG text chunks, JPEG
//! comments): fields or nothing, never a panic, and every field scans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SCANNER: LazyLock<postvakt::Scanner> = LazyLock::new(postvakt::Scanner::new);

fuzz_target!(|bytes: &[u8]| {
    for f in postvakt::images::metadata::read(bytes) {
        assert!(!f.value.trim().is_empty());
        let _ = SCANNER.scan_text(&f.value);
    }
});
