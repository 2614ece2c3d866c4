//! Any bytes as a labelled record: accepted records have valid spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postvakt::eval::parse_gold;

fuzz_target!(|data: &[u8]| {
    if let Ok(rec) = parse_gold(1, data) {
        for e in &rec.entities {
            let _ = &rec.text[e.start..e.end];
        }
    }
});
