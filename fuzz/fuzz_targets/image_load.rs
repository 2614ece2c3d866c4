//! Any bytes as an image: decoded within small limits or a clear error,
//! and what decodes can be redacted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postvakt::images::{load, redact, ImageLimits, OutputFormat};
use postvakt::BBox;

fuzz_target!(|bytes: &[u8]| {
    let limits = ImageLimits {
        max_bytes: 1 << 20,
        max_side: 2048,
        max_pixels: 1 << 20,
    };
    if let Ok(img) = load(bytes, &limits) {
        assert!(u64::from(img.width()) * u64::from(img.height()) <= limits.max_pixels);
        let b = BBox { x: 1, y: 1, width: 5, height: 5 };
        redact(&img, &[b], OutputFormat::Png).expect("a decoded image re-encodes");
    }
});
