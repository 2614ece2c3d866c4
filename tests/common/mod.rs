//! Helpers shared by the integration tests.

use std::path::Path;

/// Asserts that the committed file at `rel` (from the crate root) equals
/// `want`, the output of the generator the calling test runs; with the
/// environment variable `update` set, rewrites the file first. How a test
/// keeps generated data (corpus, numbering plans) in step with its source.
#[track_caller]
pub fn assert_generated(rel: &str, want: &str, update: &str, rerun: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if std::env::var_os(update).is_some() {
        std::fs::write(&path, want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "{rel} is stale: run `{update}=1 {rerun}`");
}
