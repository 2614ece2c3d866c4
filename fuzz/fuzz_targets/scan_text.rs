//! Any UTF-8 text: scanning never panics, spans are on char boundaries,
//! findings are sorted and disjoint, and masking removes them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postvakt::Scanner;
use std::sync::LazyLock;

static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::new);

fuzz_target!(|text: &str| {
    let found = SCANNER.scan_text(text);
    let mut last = 0;
    for f in &found {
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.start >= last && f.start < f.end);
        assert_eq!(&text[f.start..f.end], f.text);
        last = f.end;
    }
    let _ = postvakt::output::mask(text, &found);
});
