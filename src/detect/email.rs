//! E-mail addresses: RFC 5322-shaped `local@domain`, with Swedish letters in
//! the local part and domain (`märta.öberg@karlstad.se`), subdomains, and
//! trailing punctuation left out of the span.
//!
//! A role mailbox of an organisation (`info@`, `fardtjanst@`, `registrator@`)
//! is still reported, as `low`: publishing it is usually fine, but it should
//! be the organisation's own. A person's address (`anna.lindqvist@…`,
//! `kalle.persson74@…`) is `medium`.

use regex::Regex;

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
pub struct Email {
    candidate: Regex,
}

impl Email {
    /// Compiles the detector.
    ///
    /// # Errors
    /// Never in practice.
    pub fn new() -> Result<Self, Error> {
        // Local part: letters (any script), digits and . _ % + - ; domain
        // labels of letters, digits and hyphens; a top-level domain of 2-24
        // letters. Boundaries and dots at the ends are checked in code.
        let candidate = Regex::new(
            r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)*\.\p{L}{2,24}",
        )
        .map_err(|e| Error::Rules {
            name: "detect/email.rs".into(),
            line: 0,
            message: e.to_string(),
        })?;
        Ok(Email { candidate })
    }
}

fn is_role(local: &str) -> bool {
    let folded: String = local
        .chars()
        .filter(|c| !matches!(c, '.' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c => c,
        })
        .collect();
    ROLE_LOCAL_PARTS
        .iter()
        .any(|r| folded == r.replace('-', ""))
}

impl Detector for Email {
    fn id(&self) -> &'static str {
        "email"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Email]
    }

    fn rules(&self) -> &'static [&'static str] {
        RULES
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        if memchr::memchr(b'@', text.as_bytes()).is_none() {
            return;
        }
        for m in self.candidate.find_iter(text) {
            let s = m.as_str();
            // A local part cannot start or end with a dot (`.anna@` is `anna@`).
            let lead = s.len() - s.trim_start_matches(['.', '-', '+']).len();
            let start = m.start() + lead;
            let Some((local, _)) = text[start..m.end()].split_once('@') else {
                continue;
            };
            if local.is_empty() || local.ends_with('.') || local.contains("..") {
                continue;
            }
            let rule = if is_role(local) {
                ("email.role", Severity::Low, 0.9)
            } else {
                ("email.personal", Severity::Medium, 0.95)
            };
            out.push(cx.finding(Kind::Email, (start, m.end()), rule.2, rule.1, rule.0));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_finds_nothing, scan};
    use crate::{Kind, Severity};

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
    fn role_addresses_are_less_serious_than_personal_ones() {
        let f = scan("fardtjanst@forshaga.se eller anna.lindqvist@forshaga.se");
        assert_eq!(
            (f[0].severity, f[0].rule.as_str()),
            (Severity::Low, "email.role")
        );
        assert_eq!(
            (f[1].severity, f[1].rule.as_str()),
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
