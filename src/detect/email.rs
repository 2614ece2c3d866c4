//! E-mail addresses: RFC 5322-shaped `local@domain`, with Swedish letters in
//! the local part and domain (`märta.öberg@karlstad.se`), subdomains, and
//! trailing punctuation left out of the span.
//!
//! A role mailbox of an organisation (`info@`, `fardtjanst@`, `registrator@`)
//! is still reported, as `low`: publishing it is usually fine, but it should
//! be the organisation's own. A person's address (`anna.lindqvist@…`,
//! `kalle.persson74@…`) is `medium`. A pattern for addresses in a how-to
//! text (`förnamn.efternamn@forshaga.se`) is nobody's and not reported.

use std::sync::LazyLock;

use super::{Detector, ScanCtx};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

/// Local parts of functional mailboxes (lowercase, compared without `.-_`).
/// Written here from Swedish municipal and company practice.
const ROLE_LOCAL_PARTS: &[&str] = &[
    "info",
    "kontakt",
    "kundtjanst",
    "kundservice",
    "support",
    "registrator",
    "kommun",
    "kommunen",
    "fardtjanst",
    "bygglov",
    "miljo",
    "socialtjansten",
    "forskola",
    "skola",
    "elevhalsan",
    "biblioteket",
    "bibliotek",
    "simhallen",
    "planering",
    "val",
    "press",
    "media",
    "kommunikation",
    "webb",
    "ekonomi",
    "faktura",
    "fakturor",
    "hr",
    "jobb",
    "rekrytering",
    "sommarjobb",
    "post",
    "postmottagning",
    "reception",
    "vaxel",
    "noreply",
    "no-reply",
    "admin",
    "office",
    "kansli",
    "naringsliv",
    "kultur",
    "fritid",
    "ovrigt",
    "felanmalan",
    "servicecenter",
    "medborgarkontoret",
    "overformyndare",
    "upphandling",
];

const RULES: &[&str] = &["email.personal", "email.role"];

/// Finds e-mail addresses.
///
/// No regex: each `@` (found with memchr) is expanded by hand to the
/// characters an address may hold, which is faster to build and to run than
/// a Unicode-aware pattern.
pub struct Email;

impl Email {
    /// The detector.
    ///
    /// # Errors
    /// Never; the signature matches the other detectors.
    pub fn new() -> Result<Self, Error> {
        Ok(Email)
    }
}

fn local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// The span of the address around the `@` at byte `at`, written with
/// `at_len` bytes (1 for `@`, 4 for `(at)`), if it is one.
fn address_at(text: &str, at: usize, at_len: usize) -> Option<(usize, usize)> {
    let head = &text[..at];
    let mut start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| local_char(c))
        .last()
        .map_or(at, |(i, _)| i);
    // A local part cannot start with a dot or hyphen (`.anna@` is `anna@`).
    while text[start..at].starts_with(['.', '-', '+']) {
        start += 1;
    }
    let local = &text[start..at];
    if local.is_empty() || local.ends_with('.') || local.contains("..") {
        return None;
    }
    let tail = &text[at + at_len..];
    let mut len = tail
        .char_indices()
        .take_while(|&(_, c)| domain_char(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    // Trailing punctuation is not part of the address.
    while tail[..len].ends_with(['.', '-']) {
        len -= 1;
    }
    let domain = &tail[..len];
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last()?;
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && (2..=24).contains(&tld.chars().count())
        && tld.chars().all(char::is_alphabetic);
    ok.then_some((start, at + at_len + len))
}

/// Words of a local part that stands for anyone's address, in how-to
/// texts (`förnamn.efternamn@forshaga.se`, `ditt.namn@…`), folded as
/// [`is_role`] folds. Written here.
const PLACEHOLDER_PARTS: &[&str] = &[
    "fornamn",
    "efternamn",
    "fnamn",
    "enamn",
    "namn",
    "ditt",
    "dittnamn",
    "firstname",
    "lastname",
    "first",
    "last",
    "name",
    "yourname",
    "your",
    "xxx",
    "xx",
    "x",
];

/// `förnamn.efternamn@`, `firstname.lastname@`: a pattern for addresses,
/// not anyone's address. Every part between `.`, `-` and `_` is a
/// placeholder word, and one of them says name.
fn is_placeholder(local: &str) -> bool {
    let mut named = false;
    let all = local.split(['.', '-', '_']).all(|p| {
        let f = fold_local(p);
        named |= f.contains("namn") || f.contains("name");
        PLACEHOLDER_PARTS.contains(&f.as_str())
    });
    all && named
}

/// A local part in lower case without `.-_`, with å, ä and ö as a, a, o
/// (as mailboxes are spelled).
fn fold_local(local: &str) -> String {
    if local.is_ascii() {
        let mut f = String::with_capacity(local.len());
        f.extend(
            local
                .bytes()
                .filter(|b| !matches!(b, b'.' | b'-' | b'_'))
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        f
    } else {
        local
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'å' | 'ä' => 'a',
                'ö' => 'o',
                c => c,
            })
            .collect()
    }
}

/// Endings of the names of an organisation's units and places, folded as
/// [`is_role`] folds: a one-word local part ending so is the mailbox of a
/// unit (`familjehem@`, `familjehemsenheten@`, `lillangsskolan@`,
/// `kontaktcenter@`), not a person's. Written here.
const UNIT_ENDINGS: &[&str] = &[
    "enheten",
    "enhet",
    "center",
    "centret",
    "centrum",
    "kontoret",
    "tjansten",
    "forvaltningen",
    "namnden",
    "kansliet",
    "gruppen",
    "skolan",
    "forskolan",
    "gymnasiet",
    "biblioteket",
    "hallen",
    "huset",
    "boendet",
    "hemmet",
    "hem",
    "jouren",
    "mottagningen",
    "radgivningen",
];

fn is_role(local: &str) -> bool {
    // The list without its hyphens, made once.
    static ROLES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        ROLE_LOCAL_PARTS
            .iter()
            .map(|r| r.replace('-', ""))
            .collect()
    });
    let f = fold_local(local);
    // (One word of letters only: `anna.hem@`, `stina.hallen@` and
    // `elin.center82@` are people's.)
    ROLES.contains(&f)
        || (!local.contains(['.', '-', '_'])
            && local.chars().all(char::is_alphabetic)
            && UNIT_ENDINGS
                .iter()
                .any(|e| f.len() >= e.len() + 3 && f.ends_with(e)))
}

impl Detector for Email {
    fn id(&self) -> &'static str {
        "email"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Email]
    }

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        let b = text.as_bytes();
        // `@`, and `(at)` or `[at]` as people write to keep an address from
        // spam robots (`anna.berg(at)forshaga.se`): still an address.
        let mut ats: Vec<(usize, usize)> = memchr::memchr_iter(b'@', b).map(|i| (i, 1)).collect();
        ats.extend(memchr::memchr2_iter(b'(', b'[', b).filter_map(|i| {
            let close = if b[i] == b'(' { b')' } else { b']' };
            let word = b.get(i + 1..i + 4)?;
            if !(word[..2].eq_ignore_ascii_case(b"at") && word[2] == close) {
                return None;
            }
            // With a space on each side too: `info [at] forshaga.se`.
            let spaced = i > 0 && b[i - 1] == b' ' && b.get(i + 4) == Some(&b' ');
            Some(if spaced { (i - 1, 6) } else { (i, 4) })
        }));
        // `jonas.berg snabel-a gmail.com`, the at sign's Swedish name.
        // (A finder built once: building one for each text costs more
        // than searching a post.)
        static SNABEL: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new(b"snabel-a "));
        ats.extend(
            SNABEL
                .find_iter(b)
                .filter(|&i| i > 0 && b[i - 1] == b' ')
                .map(|i| (i - 1, 10)),
        );
        if ats.is_empty() {
            return;
        }
        ats.sort_unstable();
        let mut covered = 0;
        for (at, at_len) in ats {
            if at < covered {
                continue;
            }
            let Some((start, end)) = address_at(text, at, at_len) else {
                continue;
            };
            covered = end;
            let local = &text[start..at];
            if is_placeholder(local) {
                continue;
            }
            let rule = if is_role(local) {
                ("email.role", Severity::Low, 0.9)
            } else {
                ("email.personal", Severity::Medium, 0.95)
            };
            out.push(cx.finding(Kind::Email, (start, end), rule.2, rule.1, rule.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_finds_nothing, scan};
    use crate::{Kind, Severity};

    #[test]
    fn placeholders_for_addresses_are_nobodys() {
        for t in [
            "Alla nås på förnamn.efternamn@forshaga.se.",
            "Staff: firstname.lastname@forshaga.se",
            "Skriv till FORNAMN.EFTERNAMN@karlstad.se eller fnamn-enamn@deje.se",
            "Formatet är ditt.namn@skola.forshaga.se",
        ] {
            assert_finds_nothing(t);
        }
        // Real people, and a mailbox called name.
        for a in [
            "anna.efternamn@forshaga.se",
            "namnsdag@forshaga.se",
            "x.lind@forshaga.se",
        ] {
            assert_finds(&format!("Skriv till {a}."), &[(Kind::Email, a)]);
        }
    }

    #[test]
    fn addresses_written_against_spam_robots() {
        assert_finds(
            "Skriv till anna.berg(at)forshaga.se eller kalle[AT]example.com, tack.",
            &[
                (Kind::Email, "anna.berg(at)forshaga.se"),
                (Kind::Email, "kalle[AT]example.com"),
            ],
        );
        // Brackets that are no `@`.
        assert_finds_nothing("Vi ses (at) 18 eller [at] lunch, se (bilaga).");
        assert_finds(
            "Mejla info [at] forshaga.se eller jonas.berg snabel-a gmail.com!",
            &[
                (Kind::Email, "info [at] forshaga.se"),
                (Kind::Email, "jonas.berg snabel-a gmail.com"),
            ],
        );
        assert_finds_nothing("Skriv snabel-a så här: @. Vi ses [at] kaféet.");
        assert_finds_nothing("Priset (at least 20 kr) gäller alla.");
    }

    #[test]
    fn addresses_with_swedish_letters_and_subdomains() {
        for a in [
            "anna.lindqvist@forshaga.se",
            "märta.öberg@karlstad.se",
            "kalle.persson74@example.com",
            "hanna_s@mail.example.se",
            "a+b@x.io",
        ] {
            assert_finds(&format!("Mejla {a}."), &[(Kind::Email, a)]);
        }
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_the_address() {
        assert_finds("(info@forshaga.se),", &[(Kind::Email, "info@forshaga.se")]);
        assert_finds(
            "Skriv till info@forshaga.se!",
            &[(Kind::Email, "info@forshaga.se")],
        );
    }

    #[test]
    fn a_units_mailbox_is_a_role_address() {
        for t in [
            "Kontakta familjehemsenheten på familjehem@forshaga.se.",
            "Mejla lillangsskolan@forshaga.se eller kontaktcenter@deje.se",
            "Skriv till Familjehemsenheten@forshaga.se",
        ] {
            let f = scan(t);
            assert!(!f.is_empty(), "{t}");
            for x in &f {
                assert_eq!((x.kind, &*x.rule), (Kind::Email, "email.role"), "{t}");
            }
        }
        // People's addresses that happen to end like a unit, and a word too
        // short to be one.
        for t in [
            "anna.hem@forshaga.se",
            "stina.hallen@gmail.com",
            "elincenter82@hotmail.com",
            "ahem@deje.se",
        ] {
            let f = scan(t);
            assert_eq!(f.len(), 1, "{t}");
            assert_eq!(&*f[0].rule, "email.personal", "{t}");
        }
    }

    #[test]
    fn role_addresses_are_less_serious_than_personal_ones() {
        let f = scan("fardtjanst@forshaga.se eller anna.lindqvist@forshaga.se");
        assert_eq!((f[0].severity, &*f[0].rule), (Severity::Low, "email.role"));
        assert_eq!(
            (f[1].severity, &*f[1].rule),
            (Severity::Medium, "email.personal")
        );
    }

    #[test]
    fn not_emails() {
        assert_finds_nothing(
            "Följ @forshagakommun och #sommar, 10 st @ 20 kr, a@b, user@localhost",
        );
    }
}
