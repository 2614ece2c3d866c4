//! Detectors: one small trait, one file per detector, one registry line each.
//!
//! A detector sees only text through [`ScanCtx`]: it never reads files, runs
//! OCR, prints or logs. It pushes [`Finding`]s; the [`crate::Scanner`] then
//! resolves overlaps between detectors, applies allow-lists and sorts.

use crate::explain::Messages;
use crate::finding::{Finding, Kind, Lang, Severity};
use crate::validate::date::Date;
use crate::Error;

mod address;
mod bank_account;
mod email;
mod id_document;
mod license_plate;
mod name;
mod personnummer;
mod phone;
mod terms;

pub use address::Address;
pub use bank_account::BankAccount;
pub use email::Email;
pub use id_document::IdDocument;
pub use license_plate::LicensePlate;
pub use name::Name;
pub use personnummer::Personnummer;
pub use phone::Phone;
pub(crate) use terms::term_messages;
pub use terms::Terms;

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
    fn rules(&self) -> Vec<&str>;
    /// Explanations the detector brings itself (rules from rule files), by
    /// rule id; merged into the catalog when the scanner is built.
    fn messages(&self) -> Vec<(String, crate::explain::Message)> {
        Vec::new()
    }
    /// Appends what it finds in `cx.text()` to `out`, in any order.
    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>);
}

/// The detectors of a default scanner, in priority order (earlier wins ties
/// when two findings over the same characters are otherwise equal).
pub(crate) fn default_detectors(
    rule_files: &[(String, crate::rules::RuleFile)],
) -> Result<Vec<Box<dyn Detector>>, Error> {
    Ok(vec![
        Box::new(Personnummer::new()?),
        Box::new(Phone::new()?),
        Box::new(Email::new()?),
        Box::new(Address::new()?),
        Box::new(BankAccount::new()?),
        Box::new(LicensePlate::new()?),
        Box::new(IdDocument::new()?),
        Box::new(Terms::new(rule_files)?),
        Box::new(Name::new()?),
    ])
}

/// Per-scan context handed to every detector: the text plus what is shared.
pub struct ScanCtx<'t> {
    text: &'t str,
    lang: Lang,
    messages: &'t Messages,
    /// Fixed by the scanner's builder, or read from the clock on first use.
    today: std::cell::Cell<Option<Date>>,
    /// Maximal runs of ASCII digits, computed once on first use and shared
    /// by the number detectors as a cheap gate before their regex passes.
    digit_runs: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl<'t> ScanCtx<'t> {
    pub(crate) fn new(
        text: &'t str,
        lang: Lang,
        messages: &'t Messages,
        today: Option<Date>,
    ) -> Self {
        ScanCtx {
            text,
            lang,
            messages,
            today: std::cell::Cell::new(today),
            digit_runs: std::cell::OnceCell::new(),
        }
    }

    /// The maximal runs of ASCII digits as byte ranges, in text order.
    pub fn digit_runs(&self) -> &[(usize, usize)] {
        self.digit_runs.get_or_init(|| {
            let b = self.text.as_bytes();
            let mut runs = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i].is_ascii_digit() {
                    let start = i;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    runs.push((start, i));
                } else {
                    i += 1;
                }
            }
            runs
        })
    }

    /// The text being scanned.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Today's date, for resolving centuries and rejecting future dates.
    /// The explanation of a rule in the scan's language.
    pub fn message(&self, rule: &'t str) -> &'t str {
        self.messages.get(rule, self.lang)
    }

    /// Today's date, for resolving centuries and rejecting future dates.
    pub fn today(&self) -> Date {
        match self.today.get() {
            Some(d) => d,
            None => {
                let d = Date::today();
                self.today.set(Some(d));
                d
            }
        }
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
        rule: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Finding {
        let rule = rule.into();
        Finding {
            kind,
            start,
            end,
            text: self.text[start..end].to_string(),
            score: score.clamp(0.0, 1.0),
            severity,
            explanation: self.messages.text(&rule, self.lang),
            rule,
            normalized: None,
            source: None,
        }
    }

    /// Up to `n` words before byte `start`, nearest first, as they are
    /// written (compare with [`word_is`] and [`word_starts_with`]).
    ///
    /// A word is a run of alphanumeric characters, with `.` or `-` inside it
    /// (`pers.nr`, `p-nr`), so `personnr:` yields `personnr`. Allocates nothing.
    pub fn words_before(&self, start: usize, n: usize) -> impl Iterator<Item = &'t str> + Clone {
        let head = &self.text[..start];
        let from = floor_char_boundary(head, head.len().saturating_sub(n * 24));
        words(&head[from..]).rev().take(n)
    }

    /// Up to `n` words before byte `start`, nearest first, but none beyond
    /// the previous number: a context word labels the nearest number after
    /// it (`personnummer 2007… Ordernummer 8112…` says nothing of the second).
    pub fn words_since_number(
        &self,
        start: usize,
        n: usize,
    ) -> impl Iterator<Item = &'t str> + Clone {
        self.words_before(start, n)
            .take_while(|w| !w.bytes().any(|b| b.is_ascii_digit()))
    }

    /// Up to `n` words after byte `end`, nearest first.
    pub fn words_after(&self, end: usize, n: usize) -> impl Iterator<Item = &'t str> + Clone {
        let tail = &self.text[end..];
        let to = floor_char_boundary(tail, (n * 24).min(tail.len()));
        words(&tail[..to]).take(n)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// The words of `s`; see [`ScanCtx::words_before`].
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    s.split(|c: char| !is_word_char(c))
        .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
}

/// True when `word` is one of `words` or starts with one of `prefixes`
/// (both lowercase), ignoring case.
pub fn word_in(word: &str, words: &[&str], prefixes: &[&str]) -> bool {
    words.iter().any(|w| word_is(word, w)) || prefixes.iter().any(|p| word_starts_with(word, p))
}

/// True when `word` equals `lower` ignoring case (`lower` must be lowercase).
/// Allocates nothing; folds Å/Ä/Ö too, which ASCII folding would not.
#[inline]
pub fn word_is(word: &str, lower: &str) -> bool {
    word.len() == lower.len()
        && (word.eq_ignore_ascii_case(lower) || (!word.is_ascii() && word_starts_with(word, lower)))
}

/// True when `word` starts with `lower` ignoring case (`lower` lowercase).
#[inline]
pub fn word_starts_with(word: &str, lower: &str) -> bool {
    let n = lower.len();
    // ASCII on both sides: compare bytes (the common case, no decoding).
    if let Some(head) = word.as_bytes().get(..n) {
        if head.is_ascii() && lower.is_ascii() {
            return head.eq_ignore_ascii_case(lower.as_bytes());
        }
    }
    // Cheap rejection on the first byte when both start with ASCII.
    if let (Some(&a), Some(&b)) = (word.as_bytes().first(), lower.as_bytes().first()) {
        if a.is_ascii() && b.is_ascii() && a.to_ascii_lowercase() != b {
            return false;
        }
    }
    let mut w = word.chars().flat_map(char::to_lowercase);
    lower.chars().all(|c| w.next() == Some(c))
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
        let cx = ScanCtx::new(text, Lang::Sv, &m, None);
        let start = text.find("121212").unwrap();
        let before: Vec<_> = cx.words_before(start, 5).collect();
        assert_eq!(before, vec!["Personnr", "Mitt"]);
        assert_eq!(
            cx.words_before(start, 1).collect::<Vec<_>>(),
            vec!["Personnr"]
        );
        let after: Vec<_> = cx.words_after(start + 11, 2).collect();
        assert_eq!(after, vec!["är", "hemligt"]);
        assert!(word_is("Personnr", "personnr"));
        assert!(word_is("FÖDD", "född"));
        assert!(!word_is("födda", "född"));
        assert!(word_starts_with("PERSONNUMRET", "personnum"));
    }

    #[test]
    fn windows_respect_char_boundaries() {
        let m = Messages::default();
        let text = "ååååååååååååååååååååååååååååååååååååååååååååååå1";
        let cx = ScanCtx::new(text, Lang::Sv, &m, None);
        let start = text.len() - 1;
        assert_eq!(cx.words_before(start, 1).count(), 1);
        assert!(cx.words_after(0, 3).count() <= 1);
    }
}
