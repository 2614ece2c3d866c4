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
//! numbers against each calling code's general pattern and lengths from the
//! same metadata (`patterns/phone_intl.toml`). The crate's own metadata
//! load took 61 ms on the first foreign number, and `scan`'s peak memory
//! fell from 56 to 49 MB without it: neither `check` nor a parallel `scan`
//! should pay that.
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

/// A time opening a candidate (`08.00-16.30`); compiled on the first
/// candidate, as the one below (see [`super::constant_regex`]).
static TIME_LIKE: LazyLock<Regex> =
    LazyLock::new(|| super::constant_regex(r"^\(?[0-2]?[0-9][.:][0-5][0-9](?-u:\b)"));
/// A time closing a candidate (`… 16.30`), unless dots group the whole
/// number (`070.174.06.21`).
static TIME_AT_END: LazyLock<Regex> = LazyLock::new(|| super::constant_regex(r"[.:][0-5][0-9]$"));

/// Finds telephone numbers.
pub struct Phone {
    /// The numbering plan, compiled on the first candidate (its fixed-line
    /// pattern takes over a millisecond; `postvakt check` should not pay
    /// that for a draft without a number). A unit test compiles it.
    types: OnceLock<Vec<(Regex, Vec<usize>, Class)>>,
}

/// Compiles `patterns/phone_se.toml`.
fn load_types() -> Result<Vec<(Regex, Vec<usize>, Class)>, Error> {
    let bad = |message: String| Error::pattern("patterns/phone_se.toml", message);
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
    "phone.unit",
];

/// Endings of the words that name an organisation's unit or service, in
/// lower case: a landline given as theirs (`ring socialtjänsten på 054-…`,
/// `kommunens kontaktcenter 054-…`, `Kvinnofridslinjen 020-…`) is the
/// organisation's, not a home's. Written here.
const UNIT_ENDINGS: &[&str] = &[
    "tjänsten",
    "tjänst",
    "centret",
    "center",
    "centrum",
    "enheten",
    "kontoret",
    "växeln",
    "växel",
    "receptionen",
    "nämnden",
    "förvaltningen",
    "kansliet",
    "skolan",
    "biblioteket",
    "mottagningen",
    "jouren",
    "linjen",
    "kommun",
    "kommunen",
];

/// Words between a unit's name and its number: `på`, `via`, `tel.`.
const UNIT_FILLERS: &[&str] = &[
    "på",
    "via",
    "nr",
    "nummer",
    "tel",
    "tfn",
    "telefon",
    "telefonnummer",
    "nås",
    "direkt",
];

/// True when the words right before `start`, in its sentence, name a unit
/// of an organisation: `Ring socialtjänsten på`, `växeln:`, `kontaktcenter,
/// tel.`.
fn given_as_units(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut h = &text[from..start];
    if let Some(i) = h.rfind(['!', '?', '\n']) {
        h = &h[i + 1..];
    }
    loop {
        h = h.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '(' | '.'));
        let word_at = h
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |i| i + h[i..].chars().next().map_or(1, char::len_utf8));
        let word = &h[word_at..];
        if word.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        if UNIT_FILLERS.contains(&lower.as_str()) {
            h = &h[..word_at];
            continue;
        }
        // (A genitive too: `kommunens nummer`, `skolans växel`.)
        let stem = lower.strip_suffix('s').unwrap_or(&lower);
        return UNIT_ENDINGS
            .iter()
            .any(|e| lower.ends_with(e) || stem.ends_with(e));
    }
}

impl Phone {
    /// Compiles the detector and the Swedish numbering plan.
    ///
    /// # Errors
    /// [`Error::Rules`] if `patterns/phone_se.toml` is malformed.
    pub fn new() -> Result<Self, Error> {
        Ok(Phone {
            types: OnceLock::new(),
        })
    }

    /// The class and E.164 form of a candidate, if it is a valid number.
    fn validate(&self, s: &str) -> Option<(Class, String)> {
        let dotted = s.matches('.').count() >= 2 && !s.contains(':');
        if TIME_LIKE.is_match(s) || (TIME_AT_END.is_match(s) && !dotted) || identity_shaped(s) {
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

    /// A number in another country's plan: its calling code (ITU codes are
    /// prefix-free, one to three digits) and the general pattern and lengths
    /// of that code's regions, precomputed from libphonenumber's metadata in
    /// `patterns/phone_intl.toml`. The table is parsed on the first foreign
    /// number, and each country's pattern compiled on its first number.
    fn foreign(&self, digits: &str) -> Option<(Class, String)> {
        let table = INTL.get_or_init(|| {
            load_intl().expect("patterns/phone_intl.toml is loaded by a unit test")
        });
        (1..=3).find_map(|cc_len| {
            let code: u16 = digits.get(..cc_len)?.parse().ok()?;
            let country = table.get(&code)?;
            let nsn = &digits[cc_len..];
            let ok = country.lengths.contains(&nsn.len())
                && country
                    .regex
                    .get_or_init(|| {
                        Regex::new(&format!("^(?:{})$", country.pattern))
                            .expect("patterns/phone_intl.toml is compiled by a unit test")
                    })
                    .is_match(nsn);
            ok.then(|| (Class::Foreign, format!("+{digits}")))
        })
    }
}

const INTL_TABLE: &str = include_str!("../../patterns/phone_intl.toml");

/// Per country calling code, its pattern (compiled on first use) and lengths.
struct Country {
    pattern: String,
    lengths: Vec<usize>,
    regex: OnceLock<Regex>,
}

static INTL: OnceLock<std::collections::HashMap<u16, Country>> = OnceLock::new();

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntlTable {
    country: Vec<IntlRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntlRow {
    code: u16,
    #[allow(dead_code)]
    regions: Vec<String>,
    pattern: String,
    lengths: Vec<usize>,
}

/// Parses `patterns/phone_intl.toml`.
fn load_intl() -> Result<std::collections::HashMap<u16, Country>, Error> {
    let table: IntlTable = toml::from_str(INTL_TABLE)
        .map_err(|e| crate::rules::toml_error("patterns/phone_intl.toml", INTL_TABLE, &e))?;
    Ok(table
        .country
        .into_iter()
        .filter(|c| c.code != 46)
        .map(|c| {
            (
                c.code,
                Country {
                    pattern: c.pattern,
                    lengths: c.lengths,
                    regex: OnceLock::new(),
                },
            )
        })
        .collect())
}

/// Separators people type between the digit groups of a phone number.
fn is_separator(gap: &str) -> bool {
    let gap = gap.trim_matches([' ', '\u{a0}']);
    matches!(gap, "" | "-" | "\u{2013}" | "/" | "." | ")")
}

/// The candidate starting at digit run `i`, as (start, end, index of the
/// first run after it): a run that begins with `0` (or `(0`) or follows a
/// `+`, joined with the runs after it across separators, 7 to 18 digits.
/// A `(0)` after the country code is a separator, not a digit group.
fn candidate_at(text: &str, runs: &[(usize, usize)], i: usize) -> Option<(usize, usize, usize)> {
    let b = text.as_bytes();
    let (s, e) = runs[i];
    let start = if s > 0 && b[s - 1] == b'+' {
        s - 1
    } else if b[s] == b'0' {
        if s > 0 && b[s - 1] == b'(' {
            s - 1
        } else {
            s
        }
    } else {
        return None;
    };
    let mut end = e;
    let mut digits = e - s;
    let mut j = i + 1;
    while let Some(&(s2, e2)) = runs.get(j) {
        let gap = &text[end..s2];
        // `+46 (0)70`: the lone 0 in brackets is skipped with its brackets.
        if e2 - s2 == 1
            && b[s2] == b'0'
            && gap.trim_end().ends_with('(')
            && b.get(e2) == Some(&b')')
        {
            if !gap.trim().trim_end_matches('(').is_empty() {
                break;
            }
            let after = &text[e2 + 1..];
            let spaces = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
            match runs.get(j + 1) {
                Some(&(s3, e3)) if s3 == e2 + 1 + spaces && digits + (e3 - s3) <= 18 => {
                    end = e3;
                    digits += e3 - s3;
                    j += 2;
                    continue;
                }
                _ => break,
            }
        }
        if gap.len() > 5 || !is_separator(gap) || digits + (e2 - s2) > 18 {
            break;
        }
        end = e2;
        digits += e2 - s2;
        j += 1;
    }
    (digits >= 7).then_some((start, end, j))
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

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
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
        let mut i = 0;
        while i < runs.len() {
            let Some((start, stop, next)) = candidate_at(text, runs, i) else {
                i += 1;
                continue;
            };
            i = next;
            // Inside a longer number or a word: `2024-05-12`, `SE0701…`.
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '.') {
                continue;
            }
            let after = text[stop..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            // Longest prefix, ending after a digit group, that validates.
            let s = &text[start..stop];
            let Some((end, (class, e164))) = group_ends(s)
                .into_iter()
                .rev()
                .find_map(|e| self.validate(&s[..e]).map(|v| (e, v)))
            else {
                continue;
            };
            if end < s.len() {
                // The rest may be the next number: try again from there.
                i = runs.partition_point(|&(rs, _)| rs < start + end);
            }
            let span = &s[..end];
            let compact = span.bytes().all(|b| b.is_ascii_digit() || b == b'+');
            let (score, severity, rule) = match class {
                Class::Personal => (0.9, Severity::Medium, "phone.mobile"),
                Class::FixedLine if given_as_units(text, start) => {
                    (0.8, Severity::Info, "phone.unit")
                }
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
    use crate::testutil::{assert_finds, assert_finds_nothing, assert_no, scan};
    use crate::{Kind, Severity};

    #[test]
    fn the_time_patterns_compile() {
        std::sync::LazyLock::force(&super::TIME_LIKE);
        std::sync::LazyLock::force(&super::TIME_AT_END);
    }

    #[test]
    fn a_landline_given_as_a_units_is_the_organisations() {
        for t in [
            "Frågor? Ring kommunens kontaktcenter 054-17 20 00.",
            "Vill du göra en anmälan gör du det till socialtjänsten på 054-17 20 00.",
            "Kommunens nummer: 054-17 20 00",
            "Biblioteket, tel. 054-17 21 00",
            "Ring Kvinnofridslinjen 020-50 50 50 eller växeln 054-17 20 00.",
        ] {
            let f = scan(t);
            assert!(!f.is_empty(), "{t}");
            for x in f {
                assert_eq!(x.severity, Severity::Info, "{t}: {}", x.rule);
            }
        }
        // A home's number, a mobile, and a unit in another sentence.
        for t in [
            "Min granne på socialtjänsten har nummer 054-12 34 56.",
            "Ring hemtjänsten på 070-174 06 10.",
            "Jag pratade med skolan. Ring mig på 054-12 34 56.",
        ] {
            let f = scan(t);
            assert_eq!(f.len(), 1, "{t}");
            assert!(f[0].severity > Severity::Info, "{t}");
        }
    }

    #[test]
    fn numbering_plans_compile() {
        assert!(super::load_types().unwrap().len() >= 5);
        let intl = super::load_intl().unwrap();
        assert!(intl.len() > 200);
        for c in intl.values() {
            assert!(
                regex::Regex::new(&format!("^(?:{})$", c.pattern)).is_ok(),
                "{}",
                c.pattern
            );
        }
    }

    #[test]
    fn numbers_grouped_with_dots_are_no_times() {
        assert_finds(
            "Ring 070.174.06.21 om du ser katten.",
            &[(Kind::Phone, "070.174.06.21")],
        );
        assert_finds("Växeln: 054.17.20.00.", &[(Kind::Phone, "054.17.20.00")]);
        assert_no(Kind::Phone, "Öppet kl 08.00-16.30 i dag.");
        assert_no(Kind::Phone, "Datum 01.02.2026, version 0.12.45.");
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
