//! Swedish vehicle registration numbers (`ABC 123`, `ABC 12A`), reported only
//! with a vehicle word near them (`registreringsnummer`, `reg.nr`, `bilen`,
//! `parkerad`, ...): three capitals and three digits alone are as often a
//! product code, a flight or a form number.
//!
//! Letters I, Q, V, Å, Ä and Ö are not used on Swedish plates
//! (Transportstyrelsen), which rules out many look-alikes.

use std::sync::LazyLock;

use regex::Regex;

use super::{Detector, ScanCtx, WordList};
use crate::finding::{Finding, Kind, Severity};
use crate::Error;

const RULES: &[&str] = &["license_plate.near_context"];

const VEHICLE_PREFIXES: &[&str] = &[
    "registreringsnummer",
    "registreringsnr",
    "registreringsskylt",
    "regnr",
    "reg.nr",
    "reg-nr",
    "bil",
    "fordon",
    "husbil",
    "lastbil",
    "släp",
    "motorcykel",
    "moped",
    "felparker",
    "parker",
    "skylt",
    "taxi",
    "traktor",
    "husvagn",
    // Makes, also in the definite form residents write (`Volvon`, `Saaben`).
    "volvo",
    "saab",
    "toyota",
    "tesla",
    "skoda",
    "opel",
    "peugeot",
    "renault",
    "nissan",
    "mercedes",
];
// (`Ford` and `Audi` as words: `fordran` and `audiens` are no cars.)
const VEHICLE_WORDS: &[&str] = &[
    "reg", "mc", "bmw", "vw", "kia", "ford", "forden", "audi", "audin",
];

/// Three letters (no I, Q, V or Å/Ä/Ö) and three digits, the last may be a
/// letter.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    super::constant_regex(r"(?-u:\b)[A-HJ-PR-UW-Z]{3}\ ?[0-9]{2}[0-9A-HJ-PR-UW-Z](?-u:\b)")
});

/// Finds licence plates near vehicle words ([`CANDIDATE`] is compiled on
/// the first text with capitals before digits: [`super::constant_regex`]).
pub struct LicensePlate;

impl LicensePlate {
    /// Compiles the detector.
    ///
    /// # Errors
    /// Never in practice.
    pub fn new() -> Result<Self, Error> {
        Ok(LicensePlate)
    }
}

fn is_vehicle_word(w: &str) -> bool {
    const LIST: WordList = WordList::new(VEHICLE_WORDS, VEHICLE_PREFIXES);
    LIST.contains(w) || car_compound(w)
}

/// A compound ending in `bil` in any of its forms (`skåpbilen`, `elbilar`,
/// `tjänstebilens`), but not the adjectives and words that only end like
/// one (`mobil`, `stabil`, `labil`, `automobil` aside).
fn car_compound(w: &str) -> bool {
    use crate::text::ends_with_folded;
    let b = w.as_bytes();
    let Some(tail) = [
        "bil", "bilen", "bilens", "bils", "bilar", "bilarna", "bilarnas",
    ]
    .iter()
    .find(|t| ends_with_folded(b, t.as_bytes())) else {
        return false;
    };
    // Longer than `bil` itself, which the word list holds.
    let stem = &b[..b.len() - tail.len() + 3];
    stem.len() > 3
        && !["mobil", "stabil", "labil"]
            .iter()
            .any(|x| ends_with_folded(stem, x.as_bytes()))
}

impl Detector for LicensePlate {
    fn id(&self) -> &'static str {
        "license_plate"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::LicensePlate]
    }

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        // A plate's three letters stand right before its digits (or one
        // space before): check the digit runs before running the pattern.
        let b = text.as_bytes();
        let caps = |i: usize| i >= 3 && b[i - 3..i].iter().all(u8::is_ascii_uppercase);
        let possible = cx
            .digit_runs()
            .iter()
            .any(|&(s, _)| caps(s) || (s > 0 && b[s - 1] == b' ' && caps(s - 1)));
        if !possible {
            return;
        }
        for m in CANDIDATE.find_iter(text) {
            let near = cx.words_before(m.start(), 6).any(is_vehicle_word)
                || cx.words_after(m.end(), 3).any(is_vehicle_word);
            if near {
                out.push(cx.finding(
                    Kind::LicensePlate,
                    (m.start(), m.end()),
                    0.85,
                    Severity::Medium,
                    "license_plate.near_context",
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
    fn the_pattern_compiles() {
        std::sync::LazyLock::force(&super::CANDIDATE);
    }

    #[test]
    fn plates_near_vehicle_words() {
        assert_finds(
            "Bilen med reg.nr ABC 123 står på gatan.",
            &[(Kind::LicensePlate, "ABC 123")],
        );
        assert_finds(
            "Registreringsnummer: MLB12X",
            &[(Kind::LicensePlate, "MLB12X")],
        );
        assert_finds(
            "En vit Volvo, GHT 45B, är felparkerad.",
            &[(Kind::LicensePlate, "GHT 45B")],
        );
        assert_finds(
            "Den vita Volvon med KLM 45B har stått på vändplanen i två månader.",
            &[(Kind::LicensePlate, "KLM 45B")],
        );
        assert_finds(
            "Den vita skåpbilen HRK 29D har stått med motorn igång.",
            &[(Kind::LicensePlate, "HRK 29D")],
        );
        assert_finds(
            "Två elbilar, MXR 112 och GTP 42A, laddar på fel plats.",
            &[
                (Kind::LicensePlate, "MXR 112"),
                (Kind::LicensePlate, "GTP 42A"),
            ],
        );
        assert_finds(
            "Saaben XTR 882 blockerar infarten.",
            &[(Kind::LicensePlate, "XTR 882")],
        );
    }

    #[test]
    fn not_plates() {
        assert_no(Kind::LicensePlate, "Blankett ABC 123 finns på webben.");
        assert_no(Kind::LicensePlate, "Flyg SAS 123 landar 14.05.");
        assert_no(Kind::LicensePlate, "Fordran KLM 452 är betald.");
        // Words that only end like a car.
        assert_no(
            Kind::LicensePlate,
            "Ladda ner appen i mobilen: kod MKR 123.",
        );
        assert_no(
            Kind::LicensePlate,
            "Läget är stabilt, labilt väder, SMHI 12A.",
        );
        assert_no(Kind::LicensePlate, "Vi har en stabil plan: steg KLM 452.");
        assert_no(
            Kind::LicensePlate,
            "Bilen har plats för ABI 123 och QAB 123.",
        );
    }
}
