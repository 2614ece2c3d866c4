//! Swedish postal addresses: a street name with a house number
//! (`Storgatan 14`, `Hammarvägen 12-14`, `Månsbergsvägen 3 B`,
//! `Drottning Kristinas väg 12`, `Dyvelstens industriväg 7`, `lärkgatan 3`),
//! an apartment number (`lgh 1102`), a `c/o`, a PO box (`Box 93`), and a
//! following postal code and town (`667 31 Forshaga`) as one span; and a
//! postal code with a town on its own.
//!
//! A street name is a word ending in one of the suffixes of
//! `patterns/street_suffixes.txt`, with at least one letter before the
//! suffix, or a bare `väg`/`gata` after a genitive or a direction word
//! (`Drottning Kristinas väg`). A street name without a number is not
//! reported (`Dejevägen är avstängd`), nor is a road number (`väg 62`), a
//! postal code alone (`667 30`), or a street followed by a decimal or a
//! property designation.

use regex::Regex;

use super::{Detector, ScanCtx};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

const SUFFIXES: &str = include_str!("../../patterns/street_suffixes.txt");

const RULES: &[&str] = &[
    "address.street",
    "address.street_postal",
    "address.po_box",
    "address.postal_town",
];

/// Finds street and postal addresses.
pub struct Address {
    street: Regex,
    po_box: Regex,
    postal_town: Regex,
}

impl Address {
    /// Compiles the detector from the suffix list.
    ///
    /// # Errors
    /// [`Error::Rules`] when the suffix list yields no valid pattern.
    pub fn new() -> Result<Self, Error> {
        let mut suffixes: Vec<&str> = SUFFIXES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        // Longest first, so `gatan` wins over `gata`.
        suffixes.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let alt = suffixes.join("|");
        let town = r"\p{Lu}[\p{L}\-]+(?:\ \p{Lu}[\p{L}\-]+)?";
        let postal = format!(r"[1-9][0-9]{{2}}\ ?[0-9]{{2}}\ +{town}");
        let lead = r"(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|S:t|Sankt|Kung|Drottning|Prins|Prinsessan|Fru|Doktor|\p{Lu}\p{L}*s)";
        let number =
            r"[0-9]{1,4}(?:\ ?[A-Ha-h]\b)?(?:\ ?[-\u{2013}]\ ?[0-9]{1,4}(?:\ ?[A-Ha-h]\b)?)?";
        let street = format!(
            r"(?x)
            (?: \b[cC]/[oO]\ +\p{{Lu}}[\p{{L}}\-]+(?:\ \p{{Lu}}[\p{{L}}\-]+)?,?\ + )?
            (?:
                (?: {lead}\ + ){{1,2}} (?i:\p{{L}}[\p{{L}}\-]*?)?(?i:{alt})
              | \b\p{{L}}[\p{{L}}\-]*?(?i:{alt})
            )
            \ + {number}
            (?: ,?\ *(?i:lgh|lägenhet)\.?\ *[0-9]{{4}} )?
            (?: ,?\ +{postal} )?
            "
        );
        let bad = |e: regex::Error| Error::Rules {
            name: "patterns/street_suffixes.txt".into(),
            line: 0,
            message: e.to_string(),
        };
        Ok(Address {
            street: Regex::new(&street).map_err(bad)?,
            po_box: Regex::new(&format!(
                r"\b(?:Box|BOX|Postbox|Pl)\ +[0-9]{{1,5}}(?:,?\ +{postal})?"
            ))
            .map_err(bad)?,
            postal_town: Regex::new(&format!(r"\b{postal}")).map_err(bad)?,
        })
    }
}

/// Words after a number that make it a quantity, not a house number
/// (`parkeringen 20 kr`, `skolgården 3 timmar`).
const UNITS: &[&str] = &[
    "kr", "kronor", "sek", "tkr", "mkr", "km", "m", "meter", "mil", "min", "minuter", "timme",
    "timmar", "h", "dagar", "dag", "veckor", "vecka", "år", "månader", "st", "stycken", "procent",
    "%", "personer", "barn", "elever", "platser", "gånger", "grader", "liter", "kg", "kvm", "m2",
    "km/h", "sidor", "bilar", "cyklar",
];

/// True when the match runs on into a decimal, a ratio, a longer number or
/// a unit (`Dejevägen 2,3 km`, `Åsen 1:234`, `bryggan 2 personer`).
fn runs_on(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(c), _) if c.is_alphanumeric() => return true,
        (Some(',' | '.' | ':' | '/'), Some(d)) if d.is_ascii_digit() => return true,
        _ => {}
    }
    let next = rest
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | ')'))
        .next()
        .unwrap_or("");
    UNITS.iter().any(|u| super::word_is(next, u))
}

impl Detector for Address {
    fn id(&self) -> &'static str {
        "address"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Address]
    }

    fn rules(&self) -> &'static [&'static str] {
        RULES
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        for m in self.street.find_iter(text) {
            if runs_on(text, m.end()) {
                continue;
            }
            let with_postal = self
                .postal_town
                .find(m.as_str())
                .is_some_and(|p| p.end() == m.len());
            let (rule, score) = if with_postal {
                ("address.street_postal", 0.95)
            } else {
                ("address.street", 0.85)
            };
            out.push(cx.finding(
                Kind::Address,
                (m.start(), m.end()),
                score,
                Severity::Medium,
                rule,
            ));
        }
        for m in self.po_box.find_iter(text) {
            out.push(cx.finding(
                Kind::Address,
                (m.start(), m.end()),
                0.8,
                Severity::Low,
                "address.po_box",
            ));
        }
        // A postal code with a town: lower than a street, and swallowed by
        // a street address that ends with it (overlaps go to the longer).
        for m in self.postal_town.find_iter(text) {
            if text[..m.start()].ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            out.push(cx.finding(
                Kind::Address,
                (m.start(), m.end()),
                0.6,
                Severity::Low,
                "address.postal_town",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_finds, assert_no};
    use crate::Kind;

    #[test]
    fn street_addresses() {
        for a in [
            "Storgatan 14",
            "Hammarvägen 12-14",
            "Månsbergsvägen 3 B",
            "Drottning Kristinas väg 12",
            "Norra Skogsvägen 4",
            "Dyvelstens industriväg 7",
            "Fältgatan 6 lgh 1102, 667 31 Forshaga",
            "Storgatan 14, 667 30 Forshaga",
            "c/o Andersson, Kyrkvägen 8",
            "lärkgatan 3",
        ] {
            assert_finds(
                &format!("Adressen är {a}, välkommen."),
                &[(Kind::Address, a)],
            );
        }
    }

    #[test]
    fn po_box_and_postal_code_with_town() {
        assert_finds(
            "Box 93, 667 22 Forshaga",
            &[(Kind::Address, "Box 93, 667 22 Forshaga")],
        );
        assert_finds(
            "Skicka till 652 25 Karlstad.",
            &[(Kind::Address, "652 25 Karlstad")],
        );
    }

    #[test]
    fn not_addresses() {
        for t in [
            "Dejevägen är avstängd mellan km 2,3 och 4,1.",
            "Trafikverket ansvarar för väg 62.",
            "Postnummer 667 30 gäller centrala Forshaga.",
            "Fastigheten Forshaga Åsen 1:234 och Olsäter 2:15.",
            "Detaljplan 2022/18 och vecka 26.",
            "Dejevägen 2,3 km söderut.",
            "Varför kostar parkeringen 20 kr i timmen?",
            "Vi var på skolgården 3 timmar och på bryggan 2 personer.",
        ] {
            assert_no(Kind::Address, t);
        }
    }
}
