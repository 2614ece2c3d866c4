//! Swedish personal identity numbers (personnummer) and coordination numbers
//! (samordningsnummer), in every written form.
//!
//! Forms: `YYMMDD-NNNC`, `YYMMDD+NNNC` (100 years or older), `YYYYMMDD-NNNC`,
//! `YYYYMMDDNNNC`, `YYMMDDNNNC`, and a space for the dash. The last digit is a
//! Luhn check digit over the ten-digit form (Skatteverket, SKV 704). A
//! samordningsnummer has 60 added to the day; Skatteverket's own test list
//! holds samordningsnummer with month `00` or day `60` (birth date partly
//! unknown) and some impossible dates (2003-02-31), so for samordningsnummer
//! only the ranges (month 0-12, day 60-91) are checked.
//!
//! Century of a ten-digit form: the latest century that does not put the birth
//! date after today, one century earlier with `+` (Folkbokföringslagen 18 §).
//!
//! Never reported: digits inside longer digit runs or identifiers, impossible
//! dates (so organisationsnummer, whose "month" is 20 or more, never match),
//! twelve-digit years before 1800, birth dates in the future, the birth
//! number `000` (never issued), and numbers
//! failing the check digit unless an identity word stands near them.

use super::{Detector, ScanCtx, WordList};
use crate::finding::{Finding, Kind, Severity};
use crate::validate::{date, luhn};
use crate::Error;

/// Finds personnummer and samordningsnummer.
pub struct Personnummer;

/// Words that say a number is an identity number (lowercased, whole words or prefixes).
const IDENTITY_WORDS: &[&str] = &[
    "pnr",
    "p-nr",
    "pers.nr",
    "persnr",
    "personnr",
    "personnr.",
    "född",
    "födda",
    "föddes",
    "födelsenummer",
    "födelsenr",
    "snr",
    "samordningsnr",
    "personid",
    "id-nummer",
    "id-nr",
];
/// Prefixes of identity words (`personnummer`, `personnumret`, `samordningsnumret`, ...).
const IDENTITY_PREFIXES: &[&str] = &["personnum", "samordningsnum", "födelsedat"];

/// Words that say a number is some other reference number.
const REFERENCE_WORDS: &[&str] = &[
    "order",
    "ordernr",
    "ordernummer",
    "faktura",
    "fakturanr",
    "fakturanummer",
    "ocr",
    "ocr-nr",
    "ocr-nummer",
    "kundnr",
    "kundnummer",
    "ärende",
    "ärendenr",
    "ärendenummer",
    "dnr",
    "diarienr",
    "diarienummer",
    "ref",
    "ref.",
    "referens",
    "referensnr",
    "referensnummer",
    "artikelnr",
    "artikelnummer",
    "art.nr",
    "bokningsnr",
    "bokningsnummer",
    "kvittonr",
    "kvittonummer",
    "orgnr",
    "org.nr",
    "organisationsnummer",
    "bankgiro",
    "plusgiro",
    "kontonr",
    "kontonummer",
    "serienummer",
    "lopnummer",
    "löpnummer",
];

const RULES: &[&str] = &[
    "personnummer.valid",
    "personnummer.valid_compact",
    "personnummer.valid_near_reference_word",
    "personnummer.checksum_failed_near_context",
    "samordningsnummer.valid",
    "samordningsnummer.valid_compact",
    "samordningsnummer.valid_near_reference_word",
    "samordningsnummer.checksum_failed_near_context",
];

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// With `-` or `+` between date and serial.
    Dashed,
    /// With a space between date and serial.
    Spaced,
    /// All digits in a row.
    Compact,
}

/// A candidate that passed the shape and date checks.
struct Parsed {
    kind: Kind,
    form: Form,
    checksum_ok: bool,
    /// The ten digits YYMMDDNNNC starts with `07[02369]` (a Swedish mobile prefix).
    mobile_like: bool,
}

impl Personnummer {
    /// Compiles the detector.
    ///
    /// # Errors
    /// Never in practice; the signature leaves room for rule-driven patterns.
    pub fn new() -> Result<Self, Error> {
        Ok(Personnummer)
    }

    /// Checks the date and check digit of `date_part` (6 or 8 digits), the
    /// separator and `serial` (4 digits).
    fn parse(
        &self,
        cx: &ScanCtx<'_>,
        date_part: &[u8],
        sep: Option<&str>,
        serial: &[u8],
    ) -> Option<Parsed> {
        let num = |d: &[u8]| d.iter().fold(0u32, |a, &x| a * 10 + u32::from(x - b'0'));
        let (yy, explicit_year) = if date_part.len() == 8 {
            (num(&date_part[2..4]), Some(num(&date_part[..4])))
        } else {
            (num(&date_part[..2]), None)
        };
        let md = &date_part[date_part.len() - 4..];
        let month = num(&md[..2]);
        let raw_day = num(&md[2..]);
        let (kind, day) = if (60..=91).contains(&raw_day) {
            (Kind::Samordningsnummer, raw_day - 60)
        } else {
            (Kind::Personnummer, raw_day)
        };
        // Samordningsnummer are not bound to a calendar date: Skatteverket's
        // test list has month 00, day 60 and also impossible dates such as
        // 2003-02-31 (24 of 2,264 numbers). Only the ranges are checked.
        let partly_unknown = kind == Kind::Samordningsnummer;
        if month > 12 || (month == 0 && kind == Kind::Personnummer) || day > 31 {
            return None;
        }
        let today = cx.today();
        let today_t = (today.year, today.month, today.day);
        let year = match explicit_year {
            Some(y) => {
                // `+` in a twelve-digit form is redundant but seen; accept it.
                if !(1800..=today.year).contains(&y) || (y, month, day) > today_t {
                    return None;
                }
                y
            }
            None => {
                let mut y = today.year / 100 * 100 + yy;
                if (y, month, day) > today_t {
                    y -= 100;
                }
                if sep == Some("+") {
                    y -= 100;
                }
                y
            }
        };
        if !partly_unknown && !date::is_valid(year, month, day) {
            return None;
        }
        // The birth number 000 is never issued (personnummer/meta list.json).
        if serial[..3] == *b"000" {
            return None;
        }
        let mut ten = [0u8; 10];
        ten[..6].copy_from_slice(&date_part[date_part.len() - 6..]);
        ten[6..].copy_from_slice(serial);
        let form = match sep {
            Some(" " | "\u{a0}") => Form::Spaced,
            Some(_) => Form::Dashed,
            None => Form::Compact,
        };
        Some(Parsed {
            kind,
            form,
            checksum_ok: luhn::is_valid(&ten),
            mobile_like: form == Form::Compact
                && date_part.len() == 6
                && ten[0] == b'0'
                && ten[1] == b'7'
                && matches!(ten[2], b'0' | b'2' | b'3' | b'6' | b'9'),
        })
    }
}

/// What may stand between date and serial: hyphen, plus, space, no-break
/// space, and what word processors put in: en dash, non-breaking hyphen,
/// minus sign.
const SEPARATORS: &[&str] = &["-", "+", " ", "\u{a0}", "\u{2013}", "\u{2011}", "\u{2212}"];

/// Candidate spans built from the digit runs, with no pass over the text:
/// ten or twelve digits in a row, or six or eight digits, a separator and
/// four digits.
fn candidates<'a>(
    text: &'a str,
    runs: &'a [(usize, usize)],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    runs.iter()
        .enumerate()
        .filter_map(move |(i, &(s, e))| match e - s {
            10 | 12 => Some((s, e)),
            6 | 8 => runs
                .get(i + 1)
                .filter(|&&(s2, e2)| e2 - s2 == 4 && SEPARATORS.contains(&&text[e..s2]))
                .map(|&(_, e2)| (s, e2)),
            _ => None,
        })
}

/// True when the match sits inside a longer number or identifier.
fn embedded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let after1 = after.next();
    let after2 = after.next();
    let before2 = text[..start].chars().rev().nth(1);
    let joins_number = |c: Option<char>| matches!(c, Some('-' | '/' | '.' | ',' | ':' | '+'));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '+' || c == '=')
        || after1.is_some_and(|c| c.is_alphanumeric() || c == '_')
        || (joins_number(before) && before != Some('+') && digit(before2))
        || (joins_number(after1) && digit(after2))
        // `/123456-7890` and `123456-7890/` are path or URL segments.
        || before == Some('/')
        || (after1 == Some('/') && after2.is_some_and(|c| !c.is_whitespace()))
}

fn has_digit(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
}

const REFERENCES: WordList = WordList::new(REFERENCE_WORDS, &[]);

fn is_identity_word(w: &str) -> bool {
    const LIST: WordList = WordList::new(IDENTITY_WORDS, IDENTITY_PREFIXES);
    LIST.contains(w)
}

/// An identity word after the number counts (`811228-9874 är mitt
/// personnummer`) unless a number follows it, which it then labels instead
/// (`0701740607, pnr 811130-2389`).
fn identity_word_after(cx: &ScanCtx<'_>, end: usize) -> bool {
    let mut words = cx.words_after(end, 4).peekable();
    while let Some(w) = words.next() {
        if is_identity_word(w) && !words.peek().is_some_and(|n| has_digit(n)) {
            return true;
        }
    }
    false
}

impl Detector for Personnummer {
    fn id(&self) -> &'static str {
        "personnummer"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Personnummer, Kind::Samordningsnummer]
    }

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        for (start, end) in candidates(text, cx.digit_runs()) {
            if embedded(text, start, end) {
                continue;
            }
            // Leading digits (6 or 8), separator, last 4 digits.
            let s = &text[start..end];
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let (date_len, sep) = match digits {
                6 | 8 => (
                    digits,
                    Some(&s[digits..s.len() - 4]).filter(|x| !x.is_empty()),
                ),
                10 => (6, None),
                12 => (8, None),
                _ => continue,
            };
            let Some(p) = self.parse(
                cx,
                &s.as_bytes()[..date_len],
                sep,
                &s.as_bytes()[s.len() - 4..],
            ) else {
                continue;
            };
            let identity = cx.words_since_number(start, 5).any(is_identity_word)
                || identity_word_after(cx, end);
            // Only asked when it can change the verdict.
            let reference = || {
                cx.words_since_number(start, 5)
                    .any(|w| REFERENCES.contains(w))
            };
            let pnr = p.kind == Kind::Personnummer;
            let rule = |pnr_rule: &'static str, snr_rule: &'static str| {
                if pnr {
                    pnr_rule
                } else {
                    snr_rule
                }
            };
            if !p.checksum_ok {
                // A mistyped number still identifies a person, but only the
                // context tells it apart from any other ten digits.
                if identity {
                    out.push(cx.finding(
                        p.kind,
                        (start, end),
                        0.4,
                        Severity::Medium,
                        rule(
                            "personnummer.checksum_failed_near_context",
                            "samordningsnummer.checksum_failed_near_context",
                        ),
                    ));
                }
                continue;
            }
            if p.mobile_like && !identity {
                // `0701740607` is a date-valid number for someone born in
                // 2007 and a common way to write a 070 mobile number; 1 in
                // 10 such numbers passes the check digit. Without an identity
                // word it is a phone number: the phone detector owns it.
                continue;
            }
            let (mut score, mut severity, mut rule_id) = match p.form {
                Form::Dashed => (
                    0.95,
                    Severity::High,
                    rule("personnummer.valid", "samordningsnummer.valid"),
                ),
                Form::Spaced => (
                    0.85,
                    Severity::High,
                    rule("personnummer.valid", "samordningsnummer.valid"),
                ),
                Form::Compact => (
                    if p.mobile_like { 0.6 } else { 0.75 },
                    Severity::Medium,
                    rule(
                        "personnummer.valid_compact",
                        "samordningsnummer.valid_compact",
                    ),
                ),
            };
            if identity {
                // Presidio-style context boost: the word settles it.
                score = 1.0;
                severity = Severity::High;
                rule_id = rule("personnummer.valid", "samordningsnummer.valid");
            } else if reference() {
                score -= 0.35;
                severity = Severity::Medium;
                rule_id = rule(
                    "personnummer.valid_near_reference_word",
                    "samordningsnummer.valid_near_reference_word",
                );
            }
            out.push(cx.finding(p.kind, (start, end), score, severity, rule_id));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_finds_nothing, assert_no, scan};
    use crate::Kind;

    #[test]
    fn every_written_form() {
        for form in [
            "811228-9874",
            "811228+9874",
            "19811228-9874",
            "198112289874",
            "8112289874",
            "811228 9874",
            "19811228 9874",
            "811228–9874",
            "811228\u{a0}9874",
            "19811228‑9874",
        ] {
            assert_finds(
                &format!("Mitt nummer är {form}, tack."),
                &[(Kind::Personnummer, form)],
            );
        }
    }

    #[test]
    fn samordningsnummer_has_day_plus_sixty() {
        assert_finds(
            "Samordningsnummer 730288-9931 finns.",
            &[(Kind::Samordningsnummer, "730288-9931")],
        );
        assert_finds(
            "id 19730288-9931",
            &[(Kind::Samordningsnummer, "19730288-9931")],
        );
    }

    #[test]
    fn organisationsnummer_is_not_personnummer() {
        assert_finds_nothing("Forshaga kommun, organisationsnummer 212000-1777.");
        assert_finds_nothing("AP-fonden 802005-1952 och 857209-0606");
    }

    #[test]
    fn dates_phone_numbers_and_long_runs_are_not_personnummer() {
        assert_finds_nothing("Mötet hålls 20240101 kl 18.");
        assert_finds_nothing("Datum: 2024-01-01, tid 18:00-20:00");
        assert_no(Kind::Personnummer, "Ring 070-123 45 67 eller 054-17 20 00.");
        assert_finds_nothing("Kod 198112289874123 och 12811228-9874 och AB811228-9874");
        assert_finds_nothing("https://example.se/a/811228-9874/b");
        assert_finds_nothing("ärende 811228-9874-2 och 3.8112289874");
        assert_finds_nothing("+468112289874");
    }

    #[test]
    fn wrong_check_digit_needs_context() {
        assert_finds_nothing("Ordernummer 811228-9875 skickas idag.");
        let f = scan("Mitt personnummer är 811228-9875.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "personnummer.checksum_failed_near_context");
        assert!(f[0].score < 0.5);
        assert!(f[0].explanation.contains("kontrollsiffra"));
    }

    #[test]
    fn plus_means_a_century_earlier_and_leap_years_count() {
        // 000229 exists in 2000 but not in 1900.
        assert_finds("pnr 000229-2399", &[(Kind::Personnummer, "000229-2399")]);
        assert_finds_nothing("000229+2399");
        assert_finds("090527+1474", &[(Kind::Personnummer, "090527+1474")]);
    }

    #[test]
    fn future_and_ancient_twelve_digit_forms_are_rejected() {
        assert_finds_nothing("20991228-9874");
        assert_finds_nothing("17811228-9874");
    }

    #[test]
    fn mobile_number_written_compactly_is_left_to_phone() {
        // 0701234569 is date-valid (2007-01-23) and passes the check digit.
        assert_no(Kind::Personnummer, "Ring mig på 0701234569 i kväll");
        // "pnr" labels the number after it, not the mobile before it.
        assert_finds(
            "mejla eller sms:a 0701234569, pnr 811228-9875",
            &[
                (Kind::Phone, "0701234569"),
                (Kind::Personnummer, "811228-9875"),
            ],
        );
        // With an identity word it is a personnummer.
        assert_finds(
            "personnummer 0701234569",
            &[(Kind::Personnummer, "0701234569")],
        );
        assert_finds(
            "0701234569 är mitt personnummer",
            &[(Kind::Personnummer, "0701234569")],
        );
    }

    #[test]
    fn context_words_label_the_nearest_number() {
        let f = scan("personnummer 200710262387. Ordernummer 811228-9874 gäller fotot.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].rule, "personnummer.valid");
        assert_eq!(f[1].rule, "personnummer.valid_near_reference_word");
    }

    #[test]
    fn reference_words_lower_the_score() {
        let f = scan("Ordernummer 811228-9874 skickas idag.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "personnummer.valid_near_reference_word");
        assert!(f[0].score < 0.95);
    }
}
