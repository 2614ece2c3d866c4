//! Test helpers shared by the unit tests of every detector.

use crate::{Finding, Kind, Scanner};
use std::sync::LazyLock;

static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::new);

/// Scans with the default scanner.
pub(crate) fn scan(text: &str) -> Vec<Finding> {
    SCANNER.scan_text(text)
}

/// Asserts exactly these (kind, text) findings, in text order.
#[track_caller]
pub(crate) fn assert_finds(text: &str, expected: &[(Kind, &str)]) {
    let found: Vec<(Kind, &str)> = scan(text)
        .iter()
        .map(|f| (f.kind, &text[f.start..f.end]))
        .collect();
    assert_eq!(found, expected, "in {text:?}");
}

/// Asserts that nothing is found.
#[track_caller]
pub(crate) fn assert_finds_nothing(text: &str) {
    assert_finds(text, &[]);
}

/// Asserts that nothing of `kind` is found (other kinds may be).
#[track_caller]
pub(crate) fn assert_no(kind: Kind, text: &str) {
    let found: Vec<&str> = scan(text)
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| &text[f.start..f.end])
        .collect();
    assert!(found.is_empty(), "{kind} {found:?} in {text:?}");
}

/// Asserts that `kind` is found, and only as `info` (a mention addressed to
/// the public: `Vi söker familjehem`).
#[track_caller]
pub(crate) fn assert_only_info(kind: Kind, text: &str) {
    let found: Vec<Finding> = scan(text).into_iter().filter(|f| f.kind == kind).collect();
    assert!(
        !found.is_empty() && found.iter().all(|f| f.severity == crate::Severity::Info),
        "{kind} in {text:?}: {found:?}"
    );
}
