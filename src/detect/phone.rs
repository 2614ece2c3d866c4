//! Telephone numbers as people write them in posts: Swedish national forms
//! (`070-123 45 67`, `08-123 456 78`, `054 - 17 24 18`, `(08) 123 456 78`),
//! international ones (`+46 70 123 45 67`, `+46 (0)70 987 65 43`,
//! `0046 54 61 59 00`) and foreign numbers in international form.
//!
//! Candidates need a leading `0`, `+` or `00`, so prices, years, bankgiro and
//! case numbers (`KS 2024/276`) never start one; date and time shapes
//! (`2024-05-12`, `08.30-16.00`) are refused before validation. Swedish
//! numbers are validated against the Swedish numbering plan precomputed from
//! libphonenumber's metadata (`patterns/phone_se.toml`, generated from the
//! `phonenumber` crate and checked by `tests/phone_metadata.rs`); foreign
//! numbers go to the `phonenumber` crate itself, loaded on first use only.
//! A run of digits that holds two numbers is split where a valid number ends.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::Deserialize;

use super::{Detector, ScanCtx};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

const TABLE: &str = include_str!("../../patterns/phone_se.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    country_code: u16,
    types: Vec<TypeRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeRow {
    name: String,
    pattern: String,
    lengths: Vec<usize>,
}

/// What a valid number is, which decides how serious it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A mobile or personal number: it reaches one person.
    Personal,
    /// A landline: a household's or a workplace's.
    FixedLine,
    /// Toll-free, shared-cost, premium or corporate (UAN): an organisation's.
    Organisation,
    /// Valid in another country's numbering plan.
    Foreign,
}

/// Finds telephone numbers.
pub struct Phone {
    candidate: Regex,
    time_like: Regex,
    /// The numbering plan, compiled on the first candidate (its fixed-line
    /// pattern takes over a millisecond; `postvakt check` should not pay
    /// that for a draft without a number). A unit test compiles it.
    types: OnceLock<Vec<(Regex, Vec<usize>, Class)>>,
}

/// Compiles `patterns/phone_se.toml`.
fn load_types() -> Result<Vec<(Regex, Vec<usize>, Class)>, Error> {
    let bad = |message: String| Error::Rules {
        name: "patterns/phone_se.toml".into(),
        line: 0,
        message,
    };
    let table: Table = toml::from_str(TABLE)
        .map_err(|e| crate::rules::toml_error("patterns/phone_se.toml", TABLE, &e))?;
    if table.country_code != 46 {
        return Err(bad("country_code must be 46".into()));
    }
    let mut types = Vec::new();
    for t in table.types {
        let class = match t.name.as_str() {
            "mobile" | "personal_number" | "pager" => Class::Personal,
            "fixed_line" => Class::FixedLine,
            _ => Class::Organisation,
        };
        let re = Regex::new(&format!("^(?:{})$", t.pattern))
            .map_err(|e| bad(format!("{}: {e}", t.name)))?;
        types.push((re, t.lengths, class));
    }
    Ok(types)
}

const RULES: &[&str] = &[
    "phone.mobile",
    "phone.fixed_line",
    "phone.organisation",
    "phone.foreign",
];

impl Phone {
    /// Compiles the detector and the Swedish numbering plan.
    ///
    /// # Errors
    /// [`Error::Rules`] if `patterns/phone_se.toml` is malformed.
    pub fn new() -> Result<Self, Error> {
        let bad = |message: String| Error::Rules {
            name: "patterns/phone_se.toml".into(),
            line: 0,
            message,
        };
        // A leading `+`, `00` or `0`, then digits with the separators people
        // type between groups; a `(0)` or `(08)` is allowed. Splitting and
        // validation happen in code.
        let candidate = Regex::new(
            r"(?x)
            (?: \+ | (?-u:\b)00 | \(0 | (?-u:\b)0 )
            [0-9]
            (?: (?: [\ \u{a0}]? [-\u{2013}/.] [\ \u{a0}]?
                  | [\ \u{a0}]? \(0\) [\ \u{a0}]?
                  | \) [\ \u{a0}]?
                  | [\ \u{a0}] )? [0-9] ){5,16}
            ",
        )
        .map_err(|e| bad(e.to_string()))?;
        let time_like = Regex::new(r"^\(?[0-2]?[0-9][.:][0-5][0-9](?-u:\b)|[.:][0-5][0-9]$")
            .map_err(|e| bad(e.to_string()))?;
        Ok(Phone {
            candidate,
            time_like,
            types: OnceLock::new(),
        })
    }

    /// The class and E.164 form of a candidate, if it is a valid number.
    fn validate(&self, s: &str) -> Option<(Class, String)> {
        if self.time_like.is_match(s) || identity_shaped(s) {
            return None;
        }
        let digits: String = s
            .replace("(0)", "")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let international = s.starts_with('+') || s.starts_with("00");
        let rest = if international {
            let d = digits.strip_prefix("00").unwrap_or(&digits);
            match d.strip_prefix("46") {
                Some(nsn) => nsn.strip_prefix('0').unwrap_or(nsn).to_string(),
                None => return self.foreign(d),
            }
        } else {
            digits.strip_prefix('0')?.to_string()
        };
        let class = self
            .types
            .get_or_init(|| {
                load_types().expect("patterns/phone_se.toml is compiled by a unit test")
            })
            .iter()
            .find(|(re, lengths, _)| lengths.contains(&rest.len()) && re.is_match(&rest))
            .map(|(_, _, class)| *class)?;
        Some((class, format!("+46{rest}")))
    }

    /// A number in another country's plan, checked with libphonenumber's
    /// full metadata (loaded once, on the first foreign number).
    fn foreign(&self, digits: &str) -> Option<(Class, String)> {
        static LOADED: LazyLock<()> = LazyLock::new(|| {
            let _ = &*phonenumber::metadata::DATABASE;
        });
        LazyLock::force(&LOADED);
        let n = phonenumber::parse(None, format!("+{digits}")).ok()?;
        phonenumber::is_valid(&n).then(|| {
            (
                Class::Foreign,
                n.format().mode(phonenumber::Mode::E164).to_string(),
            )
        })
    }
}

/// `YYMMDD-NNNN` and `YYYYMMDD-NNNN` are how identity numbers are written,
/// never how Swedes group a phone number.
fn identity_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    match b.len() {
        11 => digits(&b[..6]) && matches!(b[6], b'-' | b'+') && digits(&b[7..]),
        13 => digits(&b[..8]) && b[8] == b'-' && digits(&b[9..]),
        _ => false,
    }
}

/// Byte offsets where digit groups end inside `s` (after each group).
fn group_ends(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    (1..=b.len())
        .filter(|&i| b[i - 1].is_ascii_digit() && (i == b.len() || !b[i].is_ascii_digit()))
        .collect()
}

impl Detector for Phone {
    fn id(&self) -> &'static str {
        "phone"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Phone]
    }

    fn rules(&self) -> &'static [&'static str] {
        RULES
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        // Every candidate starts with a digit run that begins with 0 or
        // follows a `+`, and holds seven digits or more in all.
        let runs = cx.digit_runs();
        let b = text.as_bytes();
        let may_start = runs
            .iter()
            .any(|&(s, _)| b[s] == b'0' || (s > 0 && b[s - 1] == b'+'));
        if !may_start || runs.iter().map(|(s, e)| e - s).sum::<usize>() < 7 {
            return;
        }
        let mut at = 0;
        while let Some(m) = self.candidate.find_at(text, at) {
            at = m.end();
            let start = m.start();
            // Inside a longer number or a word: `2024-05-12`, `SE0701…`.
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '.')
                && !text[..start].ends_with(' ')
            {
                continue;
            }
            let after = text[m.end()..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            // Longest prefix, ending after a digit group, that validates.
            let s = m.as_str();
            let Some((end, (class, e164))) = group_ends(s)
                .into_iter()
                .rev()
                .find_map(|e| self.validate(&s[..e]).map(|v| (e, v)))
            else {
                continue;
            };
            if end < s.len() {
                // The rest may be the next number: search again from there.
                at = start + end;
            }
            let span = &s[..end];
            let compact = span.bytes().all(|b| b.is_ascii_digit() || b == b'+');
            let (score, severity, rule) = match class {
                Class::Personal => (0.9, Severity::Medium, "phone.mobile"),
                Class::FixedLine => (0.85, Severity::Low, "phone.fixed_line"),
                Class::Organisation => (0.8, Severity::Info, "phone.organisation"),
                Class::Foreign => (0.8, Severity::Medium, "phone.foreign"),
            };
            // Ten bare digits may be other numbers (a personnummer wins ties).
            let score = if compact && !span.starts_with('+') {
                score - 0.2
            } else {
                score
            };
            let mut f = cx.finding(Kind::Phone, (start, start + end), score, severity, rule);
            f.normalized = Some(e164);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_finds_nothing, scan};
    use crate::Kind;

    #[test]
    fn numbering_plan_compiles() {
        assert!(super::load_types().unwrap().len() >= 5);
    }

    #[test]
    fn swedish_forms() {
        for n in [
            "070-123 45 67",
            "0701234567",
            "073 456 78 90",
            "08-123 456 78",
            "031-12 34 56",
            "054-17 20 00",
            "054 - 17 24 18",
            "0771-25 25 25",
            "+46 70 123 45 67",
            "+46 (0)70 987 65 43",
            "+46701234568",
            "0046 54 61 59 00",
            "(08) 123 456 78",
            "08/123 456 78",
        ] {
            assert_finds(&format!("Ring {n} i dag."), &[(Kind::Phone, n)]);
        }
    }

    #[test]
    fn normalized_e164() {
        let f = scan("Ring +46 (0)70 987 65 43!");
        assert_eq!(f[0].normalized.as_deref(), Some("+46709876543"));
        let f = scan("tel 054-17 20 00");
        assert_eq!(f[0].normalized.as_deref(), Some("+4654172000"));
    }

    #[test]
    fn foreign_numbers_in_international_form() {
        assert_finds(
            "Norge: +47 22 12 34 56.",
            &[(Kind::Phone, "+47 22 12 34 56")],
        );
        assert_finds(
            "Suomi +358 40 123 4567",
            &[(Kind::Phone, "+358 40 123 4567")],
        );
    }

    #[test]
    fn decoys() {
        assert_finds_nothing("Mötet 2024-05-12 kl. 18.00-20.00 i sal 1 245.");
        assert_finds_nothing("Öppet 08.30-16.00, lunch 12.00-13.00, buss 07.12 och 07.42.");
        assert_finds_nothing("Ärende KS 2024/276, bankgiro 5050-1055, kod 123-4567.");
        assert_finds_nothing("Postnummer 113 21 och 0-6 år, 010-2024 och 031-2024.");
        assert_finds_nothing("070-123 45 6 är för kort och SE0701234567 är ett id.");
    }

    #[test]
    fn two_numbers_in_a_row_are_split() {
        assert_finds(
            "Ring 070-123 45 67 08-123 456 78",
            &[
                (Kind::Phone, "070-123 45 67"),
                (Kind::Phone, "08-123 456 78"),
            ],
        );
    }

    #[test]
    fn personnummer_keeps_its_digits() {
        assert_finds("pnr 0103072393", &[(Kind::Personnummer, "0103072393")]);
        // Identity-number shape, wrong check digit, no context: nothing.
        assert_finds_nothing("nr 010101-0016");
    }
}
