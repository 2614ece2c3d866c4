//! Turning findings into bytes: masked text, the JSON wire format, and the
//! human report. Nothing here scans or reads input.

pub mod human;
pub mod json;

use crate::Finding;

/// The text with each finding replaced by its kind in brackets
/// (`[personnummer]`): the version a communicator can post.
///
/// Findings must not overlap (as a [`crate::Scanner`] returns them).
///
/// # Example
/// ```
/// let s = postvakt::Scanner::new();
/// let t = "pnr 811228-9874!";
/// assert_eq!(postvakt::output::mask(t, &s.scan_text(t)), "pnr [personnummer]!");
/// ```
pub fn mask(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in findings {
        if f.start < at || f.end > text.len() {
            continue;
        }
        out.push_str(&text[at..f.start]);
        out.push('[');
        out.push_str(f.kind.as_str());
        out.push(']');
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Replaces each finding's `text` with its mask, for output that must not
/// repeat personal data (spans and kinds are kept).
pub fn mask_findings(findings: &mut [Finding]) {
    for f in findings {
        f.text = format!("[{}]", f.kind.as_str());
    }
}
