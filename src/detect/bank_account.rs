//! Bank accounts: IBANs (any country, ISO 13616 mod-97 check and the
//! country's length) and Swedish domestic account numbers (clearing number
//! plus account number) when a banking word stands near them.
//!
//! Bankgiro and plusgiro numbers are not reported: they are organisations'
//! public payment addresses, and their shapes (`5050-1055`, `12 34 56-7`)
//! never match a clearing number followed by a 7-10 digit account.
//! Swedish domestic numbers of banks whose accounts end in a Luhn check
//! digit (Swedbank 8xxx, Danske Bank 9180, Nordea personkonto, …) are
//! validated; for the other banks (mod 11 over clearing and account, per
//! Bankgirot's "Bankernas kontonummeruppbyggnad") only shape and context are
//! checked, and those findings carry a lower score and say so.

use regex::Regex;

use super::{word_in, Detector, ScanCtx};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

const RULES: &[&str] = &[
    "bank_account.iban",
    "bank_account.swedish_valid",
    "bank_account.swedish_near_context",
];

/// Clearing ranges whose account numbers end in a Luhn (mod 10) check digit
/// over a ten-digit, zero-filled account (Bankgirot's type 2, comments 1 and
/// 3, and Nordea's personkonto, whose account is a personnummer).
/// Checked against examples from public account libraries; the type 1 banks
/// (mod 11 over clearing and account) are not checked yet.
const LUHN_CLEARING: &[(u32, u32)] = &[
    (3300, 3300),
    (3782, 3782),
    (8000, 8999),
    (9180, 9189),
    (9300, 9349),
    (9500, 9549),
    (9570, 9579),
    (9960, 9969),
];

/// True when the account validates by its bank's rule; None when the
/// bank's rule is not implemented.
fn swedish_valid(clearing: u32, account: &[u8]) -> Option<bool> {
    if !LUHN_CLEARING
        .iter()
        .any(|&(a, b)| (a..=b).contains(&clearing))
        || account.len() > 10
    {
        return None;
    }
    let mut ten = vec![b'0'; 10 - account.len()];
    ten.extend_from_slice(account);
    Some(crate::validate::luhn::is_valid(&ten))
}

/// IBAN lengths per country (ISO 13616 registry), for the countries residents
/// of a Swedish municipality most often bank in.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("SE", 24),
    ("NO", 15),
    ("DK", 18),
    ("FI", 18),
    ("IS", 26),
    ("DE", 22),
    ("PL", 28),
    ("GB", 22),
    ("NL", 18),
    ("FR", 27),
    ("ES", 24),
    ("IT", 27),
    ("EE", 20),
    ("LV", 21),
    ("LT", 20),
    ("AT", 20),
    ("BE", 16),
    ("CH", 21),
    ("IE", 22),
    ("PT", 25),
    ("BA", 20),
    ("HR", 21),
    ("RS", 22),
    ("TR", 26),
    ("UA", 29),
    ("GR", 27),
    ("HU", 28),
    ("CZ", 24),
    ("RO", 24),
    ("BG", 22),
];

/// Words that make a digit group a bank account (prefixes, lowercase).
const CONTEXT_PREFIXES: &[&str] = &[
    "kontonummer",
    "kontonr",
    "konto",
    "bankkonto",
    "clearing",
    "lönekonto",
    "sparkonto",
    "personkonto",
];
const CONTEXT_WORDS: &[&str] = &[
    "swedbank",
    "nordea",
    "handelsbanken",
    "seb",
    "danske",
    "länsförsäkringar",
    "sparbank",
    "sparbanken",
    "icabanken",
    "ica",
    "skandia",
    "avanza",
    "nordnet",
    "bank",
    "banken",
    "kto",
];

/// Finds bank account numbers.
pub struct BankAccount {
    iban: Regex,
    swedish: Regex,
}

impl BankAccount {
    /// Compiles the detector.
    ///
    /// # Errors
    /// Never in practice.
    pub fn new() -> Result<Self, Error> {
        let bad = |e: regex::Error| Error::pattern("detect/bank_account.rs", e);
        Ok(BankAccount {
            iban: Regex::new(r"(?-u:\b)[A-Z]{2}[0-9]{2}(?:\ ?[A-Z0-9]{4}){2,7}(?:\ ?[A-Z0-9]{1,3})?(?-u:\b)")
                .map_err(bad)?,
            // Clearing (4 digits, or 5 for Swedbank's 8xxx-x), a separator,
            // then 7-10 account digits in groups.
            swedish: Regex::new(
                r"(?-u:\b)[1-9][0-9]{3}(?:-[0-9])?(?:\ ?[-,]\ ?|\ )[0-9]{1,4}(?:[\ \-]?[0-9]{1,4}){1,4}(?-u:\b)",
            )
            .map_err(bad)?,
        })
    }
}

/// ISO 13616: move the first four characters to the end, letters to
/// numbers (A = 10), and the remainder modulo 97 must be 1.
fn iban_valid(compact: &str) -> bool {
    let Some(&(_, len)) = IBAN_LENGTHS.iter().find(|(c, _)| compact.starts_with(c)) else {
        return false;
    };
    if compact.len() != len {
        return false;
    }
    let rearranged = compact[4..].bytes().chain(compact[..4].bytes());
    let mut rem: u32 = 0;
    for b in rearranged {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

impl Detector for BankAccount {
    fn id(&self) -> &'static str {
        "bank_account"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::BankAccount]
    }

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        let b = text.as_bytes();
        let runs = cx.digit_runs();
        // An IBAN starts with two capitals and two digits: look for such a
        // digit run before running the pattern.
        let iban_possible = runs.iter().any(|&(s, _)| {
            s >= 2 && b[s - 1].is_ascii_uppercase() && b[s - 2].is_ascii_uppercase()
        });
        for m in self.iban.find_iter(if iban_possible { text } else { "" }) {
            let compact: String = m.as_str().chars().filter(|c| *c != ' ').collect();
            if iban_valid(&compact) {
                let mut f = cx.finding(
                    Kind::BankAccount,
                    (m.start(), m.end()),
                    1.0,
                    Severity::High,
                    "bank_account.iban",
                );
                f.normalized = Some(compact);
                out.push(f);
            }
        }
        // A domestic number starts with a four-digit clearing number that
        // another digit group follows closely; only then look for the
        // banking word the rule needs.
        let clearing_like = runs.iter().enumerate().any(|(i, &(s, e))| {
            if e - s != 4 || b[s] == b'0' {
                return false;
            }
            // Seven or more account digits in the groups that follow closely.
            let mut end = e;
            let mut digits = 0;
            for &(s2, e2) in runs[i + 1..].iter().take(5) {
                if s2 - end > 3 {
                    break;
                }
                digits += e2 - s2;
                end = e2;
            }
            digits >= 7
        });
        let banking = clearing_like && {
            let lower = crate::text::fold_bytes(text);
            ["konto", "bank", "clearing", "seb", "kto", "nordea", "ica"]
                .iter()
                .any(|w| memchr::memmem::find(&lower, w.as_bytes()).is_some())
        };
        for m in self.swedish.find_iter(if banking { text } else { "" }) {
            let s = m.as_str();
            let b = s.as_bytes();
            let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
            // Swedbank's clearing numbers carry a fifth, check digit: 8327-9.
            let swedbank =
                b.len() > 6 && b[4] == b'-' && b[5].is_ascii_digit() && !b[6].is_ascii_digit();
            let account = digits - if swedbank { 5 } else { 4 };
            if !(7..=10).contains(&account) {
                continue;
            }
            let near = cx
                .words_since_number(m.start(), 6)
                .any(|w| word_in(w, CONTEXT_WORDS, CONTEXT_PREFIXES));
            if near {
                let all: Vec<u8> = b.iter().copied().filter(u8::is_ascii_digit).collect();
                let clearing = all[..4]
                    .iter()
                    .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
                let account = &all[if swedbank { 5 } else { 4 }..];
                let (score, rule) = match swedish_valid(clearing, account) {
                    Some(true) => (0.95, "bank_account.swedish_valid"),
                    // A wrong check digit beside a banking word: still
                    // someone's account, likely mistyped.
                    Some(false) | None => (0.6, "bank_account.swedish_near_context"),
                };
                out.push(cx.finding(
                    Kind::BankAccount,
                    (m.start(), m.end()),
                    score,
                    Severity::High,
                    rule,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::iban_valid;
    use crate::testutil::{assert_finds, assert_no};
    use crate::Kind;

    #[test]
    fn iban_check() {
        // ISO 13616 examples (the registry's own sample IBANs).
        assert!(iban_valid("SE4550000000058398257466"));
        assert!(iban_valid("GB82WEST12345698765432"));
        assert!(iban_valid("NO9386011117947"));
        assert!(!iban_valid("SE4550000000058398257467"));
        assert!(!iban_valid("SE455000000005839825746"));
    }

    #[test]
    fn ibans_in_text() {
        assert_finds(
            "Betala till SE45 5000 0000 0583 9825 7466 tack.",
            &[(Kind::BankAccount, "SE45 5000 0000 0583 9825 7466")],
        );
        assert_no(
            Kind::BankAccount,
            "Betala till SE45 5000 0000 0583 9825 7467 tack.",
        );
    }

    #[test]
    fn luhn_banks_are_validated() {
        use super::swedish_valid;
        // Swedbank 8xxx-x (account zero-filled to ten digits), Danske Bank
        // 9180, Nordea personkonto 3300 (the account is a personnummer).
        assert_eq!(swedish_valid(8351, b"3922422245"), Some(true));
        assert_eq!(swedish_valid(8351, b"3922422240"), Some(false));
        assert_eq!(swedish_valid(9180, b"3922422245"), Some(true));
        assert_eq!(swedish_valid(3300, b"8009286249"), Some(true));
        assert_eq!(swedish_valid(6789, b"123456789"), None);
        let f = crate::testutil::scan("Lönekonto 8351-9, 392 242 224-5");
        assert_eq!(f[0].rule, "bank_account.swedish_valid");
    }

    #[test]
    fn swedish_accounts_need_a_banking_word() {
        assert_finds(
            "Sätt in lönen på mitt konto 8327-9, 914 123 456-7",
            &[(Kind::BankAccount, "8327-9, 914 123 456-7")],
        );
        assert_finds(
            "Kontonummer: 6789 123 456 789",
            &[(Kind::BankAccount, "6789 123 456 789")],
        );
        assert_no(
            Kind::BankAccount,
            "Bankgiro 5050-1055 och plusgiro 12 34 56-7.",
        );
        assert_no(Kind::BankAccount, "Mellan 1200 och 1 300 000 kr.");
    }
}
