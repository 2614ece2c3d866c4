//! Any text as a user rule file: a scanner or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let mut b = postvakt::Scanner::builder();
    if b.rules_str("fuzz.toml", src).is_ok() {
        let _ = b.build();
    }
});
