//! Any bytes as lines of a `postvakt scan` input: records or errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postvakt::input::{jsonl, lines::Lines};

fuzz_target!(|data: &[u8]| {
    for r in Lines::new(data, 1 << 12) {
        if let Ok((line, bytes)) = r {
            let _ = jsonl::parse_record(line, &bytes);
        }
    }
});
