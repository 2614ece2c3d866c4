//! Any text as a hand-annotated corpus file: records with valid spans or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    if let Ok(recs) = postvakt::annotate::parse("fuzz.txt", src) {
        for r in &recs {
            for e in &r.entities {
                let _ = &r.text[e.start..e.end];
            }
        }
    }
});
