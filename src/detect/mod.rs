//! Detectors: one small trait, one file per detector, one registry line each.
//!
//! A detector sees only text through [`ScanCtx`]: it never reads files, runs
//! OCR, prints or logs. It pushes [`Finding`]s; the [`crate::Scanner`] then
//! resolves overlaps between detectors, applies allow-lists and sorts.

use crate::explain::Messages;
use crate::finding::{Finding, Kind, Lang, Severity};
use crate::validate::date::Date;
use crate::Error;

mod personnummer;

pub use personnummer::Personnummer;

/// A recognizer of one family of personal or confidential data.
///
/// Implementors compile everything they need in their constructor, so that
/// [`Detector::detect`] cannot fail and holds no mutable state.
pub trait Detector: Send + Sync {
    /// The detector's id, the first part of its rule ids (`"personnummer"`).
    fn id(&self) -> &'static str;
    /// The kinds this detector can report.
    fn kinds(&self) -> &'static [Kind];
    /// Every rule id this detector can put in [`Finding::rule`]; each must
    /// have an explanation in the message catalog (checked when building).
    fn rules(&self) -> &'static [&'static str];
    /// Appends what it finds in `cx.text()` to `out`, in any order.
    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>);
}

/// The detectors of a default scanner, in priority order (earlier wins ties
/// when two findings over the same characters are otherwise equal).
pub(crate) fn default_detectors() -> Result<Vec<Box<dyn Detector>>, Error> {
    Ok(vec![Box::new(Personnummer::new()?)])
}

/// Per-scan context handed to every detector: the text plus what is shared.
pub struct ScanCtx<'t> {
    text: &'t str,
    lang: Lang,
    messages: &'t Messages,
    today: Date,
}

impl<'t> ScanCtx<'t> {
    pub(crate) fn new(text: &'t str, lang: Lang, messages: &'t Messages, today: Date) -> Self {
        ScanCtx {
            text,
            lang,
            messages,
            today,
        }
    }

    /// The text being scanned.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Today's date, for resolving centuries and rejecting future dates.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Builds a finding over `start..end` with the rule's explanation.
    ///
    /// `start` and `end` must be char boundaries of the text.
    pub fn finding(
        &self,
        kind: Kind,
        (start, end): (usize, usize),
        score: f32,
        severity: Severity,
        rule: &'static str,
    ) -> Finding {
        Finding {
            kind,
            start,
            end,
            text: self.text[start..end].to_string(),
            score: score.clamp(0.0, 1.0),
            severity,
            rule: rule.to_string(),
            explanation: self.messages.get(rule, self.lang).to_string(),
        }
    }

    /// Up to `n` words before byte `start`, nearest last, each lowercased.
    ///
    /// A word is a run of alphanumeric characters, `.` or `-` inside it
    /// (`pers.nr`, `p-nr`), so `personnr:` yields `personnr`.
    pub fn words_before(&self, start: usize, n: usize) -> Vec<String> {
        let head = &self.text[..start];
        let from = floor_char_boundary(head, head.len().saturating_sub(n * 24));
        let mut words = words(&head[from..]);
        let skip = words.len().saturating_sub(n);
        words.drain(..skip);
        words
    }

    /// Up to `n` words after byte `end`, nearest first, each lowercased.
    pub fn words_after(&self, end: usize, n: usize) -> Vec<String> {
        let tail = &self.text[end..];
        let to = floor_char_boundary(tail, (n * 24).min(tail.len()));
        let mut words = words(&tail[..to]);
        words.truncate(n);
        words
    }
}

/// Splits into lowercased words; see [`ScanCtx::words_before`].
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_words_are_lowercased_and_bounded() {
        let m = Messages::default();
        let text = "Mitt Personnr: 121212-1212 är hemligt, säger Åsa.";
        let cx = ScanCtx::new(text, Lang::Sv, &m, Date::today());
        let start = text.find("121212").unwrap();
        assert_eq!(cx.words_before(start, 5), vec!["mitt", "personnr"]);
        assert_eq!(cx.words_before(start, 1), vec!["personnr"]);
        assert_eq!(cx.words_after(start + 11, 2), vec!["är", "hemligt"]);
    }

    #[test]
    fn windows_respect_char_boundaries() {
        let m = Messages::default();
        let text = "ååååååååååååååååååååååååååååååååååååååååååååååå1";
        let cx = ScanCtx::new(text, Lang::Sv, &m, Date::today());
        let start = text.len() - 1;
        assert_eq!(cx.words_before(start, 1).len(), 1);
        assert!(cx.words_after(0, 3).len() <= 1);
    }
}
