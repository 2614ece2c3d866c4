//! Numbers of identity documents (passports, national ID cards, driving
//! licences), reported only when such a document is named just before the
//! number: eight or nine characters, mostly digits, are otherwise order
//! numbers, case numbers or prices.

use super::{Detector, ScanCtx, WordList};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

const RULES: &[&str] = &["id_document.near_context"];

/// Words naming an identity document (whole words, lowercase).
const WORDS: &[&str] = &[
    "pass",
    "passet",
    "passnr",
    "pass-nr",
    "legitimation",
    "leg",
    "leg.nr",
];
/// Prefixes of words naming one (`passnumret`, `id-kortet`, `körkortsnummer`).
const PREFIXES: &[&str] = &[
    "passnum",
    "id-kort",
    "idkort",
    "legitimationsn",
    "körkort",
    "dokumentnum",
    "id-handling",
];

/// Finds identity-document numbers near a document word.
pub struct IdDocument;

impl IdDocument {
    /// The detector.
    ///
    /// # Errors
    /// Never; the signature matches the other detectors.
    pub fn new() -> Result<Self, Error> {
        Ok(IdDocument)
    }
}

fn is_document_word(w: &str) -> bool {
    const LIST: WordList = WordList::new(WORDS, PREFIXES);
    LIST.contains(w)
}

impl Detector for IdDocument {
    fn id(&self) -> &'static str {
        "id_document"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::IdDocument]
    }

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        let b = text.as_bytes();
        for &(s, e) in cx.digit_runs() {
            if !(6..=9).contains(&(e - s)) {
                continue;
            }
            // Up to two capital letters may lead (`AA1234567`).
            let lead = b[..s]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_uppercase())
                .count();
            if lead > 2 {
                continue;
            }
            let start = s - lead;
            let len = e - start;
            if !(8..=9).contains(&len) {
                continue;
            }
            let before = text[..start].chars().next_back();
            let after = text[e..].chars().next();
            let joined = |c: Option<char>| {
                c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ','))
            };
            if joined(before) || (joined(after) && !matches!(after, Some('.' | ','))) {
                continue;
            }
            // The document word must come right before: no other number between.
            let near = cx.words_since_number(start, 4).any(is_document_word);
            if near {
                out.push(cx.finding(
                    Kind::IdDocument,
                    (start, e),
                    0.8,
                    Severity::High,
                    "id_document.near_context",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_no};
    use crate::Kind;

    #[test]
    fn document_numbers_after_a_document_word() {
        assert_finds(
            "Mitt passnummer är 87654321.",
            &[(Kind::IdDocument, "87654321")],
        );
        assert_finds(
            "ID-kortets nummer: AB1234567",
            &[(Kind::IdDocument, "AB1234567")],
        );
        assert_finds(
            "körkort 123456789, tack",
            &[(Kind::IdDocument, "123456789")],
        );
    }

    #[test]
    fn not_document_numbers() {
        assert_no(
            Kind::IdDocument,
            "Passet kostar 400 kr och ordernummer 87654321 skickas.",
        );
        assert_no(Kind::IdDocument, "Ordernummer 87654321 gäller passfotot.");
        assert_no(Kind::IdDocument, "Pass 2024-05-12, lista 12345678-9.");
    }
}
