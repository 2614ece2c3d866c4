//! Swedish postal addresses: a street name with a house number
//! (`Storgatan 14`, `Hammarvägen 12-14`, `Månsbergsvägen 3 B`,
//! `Drottning Kristinas väg 12`, `Dyvelstens industriväg 7`, `lärkgatan 3`),
//! an apartment number (`lgh 1102`), a `c/o`, a PO box (`Box 93`), and a
//! following postal code and town (`667 31 Forshaga`) as one span; and a
//! postal code with a town on its own; a known town (`patterns/towns.txt`)
//! after a street without a postal code joins the span, and raises the score
//! of a postal code with a town.
//!
//! A street name is a word ending in one of the suffixes of
//! `patterns/street_suffixes.txt`, with at least one letter before the
//! suffix, or a bare `väg`/`gata` after a genitive or a direction word
//! (`Drottning Kristinas väg`). A street name without a number is not
//! reported (`Dejevägen är avstängd`), nor is a road number (`väg 62`), a
//! postal code alone (`667 30`), or a street followed by a decimal or a
//! property designation.

use std::sync::LazyLock;

use regex::Regex;

use super::{Detector, ScanCtx};
use crate::finding::{Finding, Kind, Severity};
use crate::text::{ends_with_folded, fold};
use crate::Error;

const SUFFIXES: &str = include_str!("../../patterns/street_suffixes.txt");
const TOWNS: &str = include_str!("../../patterns/towns.txt");

const RULES: &[&str] = &[
    "address.street",
    "address.street_postal",
    "address.stretch",
    "address.po_box",
    "address.postal_town",
];

// The patterns below are compiled on the first text that needs them (see
// [`super::constant_regex`]).

/// After the street name: house number, optional letter, optional range,
/// optional apartment number, anchored. ASCII but for `lägenhet` and the en
/// dash, so it compiles fast.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    super::constant_regex(
        r"^[\ \u{a0}]+[0-9]{1,4}(?:\ ?[A-Ha-h](?-u:\b))?(?:\ ?[-\u{2013}]\ ?[0-9]{1,4}(?:\ ?[A-Ha-h](?-u:\b))?)?(?:,?\ *(?:(?i:lgh|lägenhet)|Igh)\.?\ *[0-9]{4})?",
    )
});
/// `Box 93`.
static PO_BOX: LazyLock<Regex> =
    LazyLock::new(|| super::constant_regex(r"(?-u:\b)(?:Box|BOX|Postbox|Pl)\ +[0-9]{1,5}(?-u:\b)"));
/// A postal code followed by a space; the town is checked in code (it may
/// have wrapped to the next line: `667 33` / `Forshaga`).
static POSTAL_CODE: LazyLock<Regex> =
    LazyLock::new(|| super::constant_regex(r"(?-u:\b)[1-9][0-9]{2}\ ?[0-9]{2}(?:\ +|\ *\n)"));
/// `c/o Andersson, ` ending right before a street.
static CARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    super::constant_regex(r"(?:c/o|C/O)\ +\p{Lu}[\p{L}\-]+(?:\ \p{Lu}[\p{L}\-]+)?,?\ +$")
});

/// Finds street and postal addresses.
pub struct Address {
    /// Street suffixes, folded to lowercase, longest first.
    suffixes: Vec<String>,
    /// A bit per last two bytes of a suffix (see [`Address::tail_slot`]).
    tails: Vec<u64>,
    /// Known towns (`patterns/towns.txt`).
    towns: std::collections::HashSet<&'static str>,
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
        let mut tails = vec![0u64; (1 << 16) / 64];
        for x in &suffixes {
            let t = Self::tail_slot(x.as_bytes()).ok_or_else(|| Error::Rules {
                name: "patterns/street_suffixes.txt".into(),
                line: 0,
                message: format!("street suffix `{x}` is shorter than two bytes"),
            })?;
            tails[t / 64] |= 1 << (t % 64);
        }
        Ok(Address {
            tails,
            suffixes: suffixes.iter().map(|x| fold(x)).collect(),
            towns: TOWNS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        })
    }

    /// The slot of a word's last two bytes, folded by setting bit 5 (which
    /// folds ASCII letters and the second byte of Å/Ä/Ö alike).
    fn tail_slot(word: &[u8]) -> Option<usize> {
        match word {
            [.., a, b] => Some(usize::from(a | 0x20) << 8 | usize::from(b | 0x20)),
            _ => None,
        }
    }

    /// False when no street suffix ends as `word` does (one bit test turns
    /// away the words before most numbers: dates, times, amounts).
    fn may_end_a_street(&self, word: &[u8]) -> bool {
        Self::tail_slot(word).is_some_and(|t| self.tails[t / 64] & (1 << (t % 64)) != 0)
    }

    /// The street address whose suffix starts at `suffix` and whose number
    /// starts at `number_at` (the spaces before it), if it is one, and
    /// whether its numbers span a stretch of the street.
    fn street_at(
        &self,
        text: &str,
        suffix: usize,
        number_at: usize,
    ) -> Option<(usize, usize, bool)> {
        let is_word = |c: char| c.is_alphabetic() || c == '-';
        // The word holding the suffix: `Storgatan`, `industriväg`, `väg`.
        let word_start = text[..suffix]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word(c))
            .last()
            .map_or(suffix, |(i, _)| i);
        // Up to two words before it that belong to the name.
        let mut start = word_start;
        let mut leads = 0;
        // The lead word taken last ends in a genitive `s` (`Johans`).
        let mut after_genitive = false;
        while leads < 2 && text[..start].ends_with(' ') {
            let end = start - 1;
            let begin = text[..end]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic() || c == ':')
                .last()
                .map_or(end, |(i, _)| i);
            let w = &text[begin..end];
            // `Adress Storgatan 5`, `Postadress Box 93`: a label, not a
            // genitive opening the name.
            let label = crate::text::ends_with_folded(w.as_bytes(), b"adress");
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            // `Karl Johans väg`, `Gustav Adolfs torg`: a given name before a
            // genitive that opens the name.
            let first_name =
                after_genitive && capitalised && super::name::is_given_name(&crate::text::fold(w));
            let lead = LEADS.contains(&w)
                || first_name
                || (capitalised && w.ends_with('s') && w.chars().count() > 2 && !label);
            if !lead {
                break;
            }
            start = begin;
            leads += 1;
            after_genitive = w.ends_with('s');
        }
        // `väg 62` is a road number: a bare suffix needs a name before it.
        if word_start == suffix && leads == 0 {
            return None;
        }
        if text[..word_start].ends_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let number = NUMBER.find(&text[number_at..])?;
        let mut end = number_at + number.end();
        // The pattern's boundary after a house letter is ASCII: in
        // `Storgatan 12 får` it takes the `f` of `får` for the letter B of
        // `12 B`. A letter followed by a letter is no house letter.
        if number.as_str().ends_with(|c: char| c.is_ascii_alphabetic())
            && text[end..].starts_with(char::is_alphabetic)
        {
            end = number_at + number.as_str()[..number.len() - 1].trim_end().len();
        }
        let postal = self.postal_town_at(text, end);
        let house = house(number.as_str());
        if postal.is_none() && house == House::Year {
            return None;
        }
        if let Some(e) = postal {
            end = e;
        } else if let Some(rest) = text[end..].strip_prefix(", ") {
            // `Storgatan 14, Forshaga`: a known town without a postal code.
            if let Some(e) = town_end(text, end + 2) {
                if self.towns.contains(&text[end + 2..e]) && !rest.starts_with(char::is_lowercase) {
                    end = e;
                }
            }
        }
        let head = &text[super::floor_char_boundary(text, start.saturating_sub(60))..start];
        if head.contains("c/o") || head.contains("C/O") {
            if let Some(m) = CARE_OF.find(head) {
                start -= head.len() - m.start();
            }
        }
        Some((start, end, postal.is_none() && house == House::Stretch))
    }

    /// The end of `, 667 31 Forshaga` (comma optional; also on the next
    /// line, as in signatures and forms) starting at `pos`.
    fn postal_town_at(&self, text: &str, pos: usize) -> Option<usize> {
        let rest = &text[pos..];
        let trimmed = rest.trim_start_matches([',', ' ', '\n', '\r']);
        if rest[..rest.len() - trimmed.len()].matches('\n').count() > 1 {
            return None;
        }
        let skip = rest.len() - trimmed.len();
        // Only the code's own bytes are searched (the pattern is not
        // anchored: over the whole rest of the text, a long text of
        // streets without codes took time in the square of its length).
        let window = &trimmed[..super::floor_char_boundary(trimmed, trimmed.len().min(64))];
        let m = POSTAL_CODE.find(window).filter(|m| m.start() == 0)?;
        town_end(text, pos + skip + m.end())
    }
}

/// Where the cut-off suffix of `Storg.` (gatan) or `Kyrkv.` (vägen) starts
/// when `head` ends with one: a capitalised word of three letters or more
/// before the `g` or `v` (not `Fig.`, `Avg.`, `Ang.`).
fn abbreviated(head: &str) -> Option<usize> {
    let stem = head
        .strip_suffix("g.")
        .or_else(|| head.strip_suffix("v."))?;
    let letters = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<char>>();
    let first = *letters.last()?;
    let before = &stem[..stem.len() - letters.iter().map(|c| c.len_utf8()).sum::<usize>()];
    (letters.len() >= 3
        && first.is_uppercase()
        && letters[..letters.len() - 1]
            .iter()
            .all(|c| c.is_lowercase())
        && !before.ends_with(|c: char| c.is_alphanumeric() || c == '-'))
    .then_some(stem.len())
}

/// What the number after a street name points at.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum House {
    /// One building: `Storgatan 12`, `Hammarvägen 12-14`, `3 B, lgh 1102`.
    One,
    /// A stretch of the street, many homes: `Lingonstigen 1–29`,
    /// `Granvägen 2-16`, `Drottninggatan 1-100` (a range over ten).
    Stretch,
    /// A year: `Kvarnvägen 2024: så blev ombyggnaden`, `Älvgatan
    /// 2025–2027 byggs om` (a postal code after it makes it an address all
    /// the same).
    Year,
}

fn house(number: &str) -> House {
    // The apartment number (`, lgh 1102`) aside.
    let house = number
        .find(|c: char| c == ',' || c.is_ascii_alphabetic() && "lLI".contains(c))
        .map_or(number, |i| &number[..i]);
    let mut groups = house
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(|g| g.parse::<u32>().unwrap_or(0));
    let Some(first) = groups.next() else {
        return House::One;
    };
    if (1900..=2099).contains(&first) {
        return House::Year;
    }
    match groups.next() {
        Some(to) if to > first && to - first > 10 => House::Stretch,
        _ => House::One,
    }
}

/// Words that open street names (`Norra Skogsvägen`, `Drottning Kristinas väg`).
/// Kinds of public road, numbered by the road authority: such a word alone
/// before a number is a road (`Riksväg 62`), not a street address.
const ROADS: &[&str] = &[
    "riksväg",
    "riksvägen",
    "länsväg",
    "länsvägen",
    "europaväg",
    "europavägen",
    "motorväg",
    "motorvägen",
    "landsväg",
    "landsvägen",
];

const LEADS: &[&str] = &[
    "Norra",
    "Södra",
    "Östra",
    "Västra",
    "Stora",
    "Lilla",
    "Gamla",
    "Nya",
    "Övre",
    "Nedre",
    "S:t",
    "Sankt",
    "Kung",
    "Drottning",
    "Prins",
    "Prinsessan",
    "Fru",
    "Doktor",
];

/// Words that may open a two-word town name (`Upplands Väsby`, `Stora Höga`).
const TOWN_LEADS: &[&str] = &[
    "Stora", "Lilla", "Norra", "Södra", "Östra", "Västra", "Övre", "Nedre",
];

/// The end of a town name at `pos`: a capitalised word of two letters or
/// more, or two words when the first is a genitive or a direction.
fn town_end(text: &str, pos: usize) -> Option<usize> {
    let word = |p: usize| -> Option<usize> {
        let mut chars = text[p..].char_indices();
        let (_, first) = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        let mut end = p + first.len_utf8();
        for (i, c) in chars {
            if !(c.is_alphabetic() || c == '-') {
                break;
            }
            end = p + i + c.len_utf8();
        }
        (text[p..end].chars().count() >= 2).then_some(end)
    };
    let first = word(pos)?;
    let w = &text[pos..first];
    if (w.ends_with('s') || TOWN_LEADS.contains(&w)) && text[first..].starts_with(' ') {
        if let Some(second) = word(first + 1) {
            return Some(second);
        }
    }
    Some(first)
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
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | ')' | ':' | ';'))
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

    fn rules(&self) -> Vec<&str> {
        RULES.to_vec()
    }

    fn detect(&self, cx: &ScanCtx<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        // Streets, boxes and postal codes all have a digit run after a space.
        let b = text.as_bytes();
        if !cx
            .digit_runs()
            .iter()
            .any(|&(s, _)| s > 0 && matches!(b[s - 1], b' ' | 0xa0))
        {
            return;
        }
        // Each digit run after spaces may be a house number: the word before
        // it must end in a street suffix. No pass over the whole text.
        let mut streets: Vec<(usize, usize, bool)> = Vec::new();
        for &(s, _) in cx.digit_runs() {
            if streets.last().is_some_and(|&(_, e, _)| s < e) {
                continue;
            }
            let head = text[..s].trim_end_matches([' ', '\u{a0}']);
            // `Storg. 14`, `Kyrkv. 5`: a street's name cut short, as fast
            // typing and signs write it.
            if let Some(cut) = abbreviated(head).filter(|_| head.len() < s) {
                if let Some(span) = self.street_at(text, cut, head.len()) {
                    streets.push(span);
                }
                continue;
            }
            // The word's last two bytes are the text's before the spaces:
            // most numbers (dates, times, amounts) are turned away here,
            // before the word is read back char by char.
            if head.len() == s || !self.may_end_a_street(head.as_bytes()) {
                continue;
            }
            let word_start = head
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic())
                .last()
                .map_or(head.len(), |(i, _)| i);
            let word = &head.as_bytes()[word_start..];
            if !self.may_end_a_street(word) {
                continue;
            }
            // Longest suffix first (`gatan` before `gata`), compared folded.
            let Some(suffix) = self
                .suffixes
                .iter()
                .find(|x| ends_with_folded(word, x.as_bytes()))
            else {
                continue;
            };
            let suffix_start = head.len() - suffix.len();
            if let Some(span) = self.street_at(text, suffix_start, head.len()) {
                // `Riksväg 62`, `länsväg 240`: a road's number, not a
                // house's (`Gamla riksvägen 12` is a street).
                let name = &text[span.0..head.len()];
                if !ROADS.iter().any(|r| super::word_is(name, r)) {
                    streets.push(span);
                }
            }
        }
        for (start, end, stretch) in streets {
            let m = &text[start..end];
            if runs_on(text, end) {
                continue;
            }
            // Does the match end with `NNN NN Town`?
            let with_postal = POSTAL_CODE
                .find_iter(m)
                .last()
                .is_some_and(|p| town_end(m, p.end()) == Some(m.len()));
            let (rule, score, severity) = if with_postal {
                ("address.street_postal", 0.95, Severity::Medium)
            } else if stretch {
                // Works, outages and plowing along a street name no home.
                ("address.stretch", 0.6, Severity::Info)
            } else {
                ("address.street", 0.85, Severity::Medium)
            };
            out.push(cx.finding(Kind::Address, (start, end), score, severity, rule));
        }
        // `Box 93`: only where a digit run follows one of the box words.
        let boxes = cx.digit_runs().iter().filter_map(|&(s, _)| {
            let head = text[..s].trim_end_matches(' ');
            let word = ["Box", "BOX", "Postbox", "Pl"]
                .iter()
                .find(|w| head.len() < s && head.ends_with(*w))?;
            let at = head.len() - word.len();
            PO_BOX.find_at(text, at).filter(|m| m.start() == at)
        });
        for m in boxes {
            let end = self.postal_town_at(text, m.end()).unwrap_or(m.end());
            out.push(cx.finding(
                Kind::Address,
                (m.start(), end),
                0.8,
                Severity::Low,
                "address.po_box",
            ));
        }
        // A postal code with a town: lower than a street, and swallowed by
        // a street address or box that ends with it (overlaps go to the
        // more serious, then the surer).
        let runs = cx.digit_runs();
        for (i, &(s, e)) in runs.iter().enumerate() {
            // `667 31` or `66731`, then a space and a town.
            let code_end = match e - s {
                5 => e,
                3 => match runs.get(i + 1) {
                    Some(&(s2, e2)) if s2 == e + 1 && b[e] == b' ' && e2 - s2 == 2 => e2,
                    _ => continue,
                },
                _ => continue,
            };
            if b[s] == b'0' || (s > 0 && !matches!(b[s - 1], b' ' | b'\n' | b',' | b'(' | b'\t')) {
                continue;
            }
            let rest = &text[code_end..];
            let spaces = rest.len() - rest.trim_start_matches(' ').len();
            if spaces == 0 {
                continue;
            }
            let Some(end) = town_end(text, code_end + spaces) else {
                continue;
            };
            let known = self.towns.contains(&text[code_end + spaces..end]);
            out.push(cx.finding(
                Kind::Address,
                (s, end),
                if known { 0.75 } else { 0.6 },
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
    fn the_patterns_compile() {
        for re in [
            &super::NUMBER,
            &super::PO_BOX,
            &super::POSTAL_CODE,
            &super::CARE_OF,
        ] {
            std::sync::LazyLock::force(re);
        }
    }

    #[test]
    fn care_of_pattern_compiles() {
        assert!(super::CARE_OF.is_match("c/o Andersson, "));
    }

    #[test]
    fn a_house_letter_is_not_the_first_letter_of_the_next_word() {
        assert_finds(
            "Storgatan 12 får nya gatlyktor, liksom Karl Johans väg 3 och Drottninggatan 12 bärs.",
            &[
                (Kind::Address, "Storgatan 12"),
                (Kind::Address, "Karl Johans väg 3"),
                (Kind::Address, "Drottninggatan 12"),
            ],
        );
        assert_finds(
            "Bor på Månsbergsvägen 3 B, andra våningen.",
            &[(Kind::Address, "Månsbergsvägen 3 B")],
        );
    }

    #[test]
    fn street_addresses() {
        for a in [
            "Karl Johans väg 3",
            "Gustav Adolfs torg 1",
            "Hammarvägen 12-14",
            "Månsbergsvägen 3 B",
            "Drottning Kristinas väg 12",
            "Norra Skogsvägen 4",
            "Dyvelstens industriväg 7",
            "Fältgatan 6 lgh 1102, 667 31 Forshaga",
            "Storgatan 14, 667 30 Forshaga",
            "c/o Andersson, Kyrkvägen 8",
            "lärkgatan 3",
            "Storgatan 14, Forshaga",
        ] {
            assert_finds(
                &format!("Adressen är {a}, välkommen."),
                &[(Kind::Address, a)],
            );
        }
    }

    #[test]
    fn labels_forms_and_ocr_text() {
        // A label before the street is not part of its name.
        assert_finds(
            "Adress Videvägen 9, 667 33 Forshaga",
            &[(Kind::Address, "Videvägen 9, 667 33 Forshaga")],
        );
        assert_finds(
            "Besöksadress Storgatan 14.",
            &[(Kind::Address, "Storgatan 14")],
        );
        // Street on one line, postal code and town on the next.
        assert_finds(
            "Forshaga kommun\nStorgatan 14\n667 30 Forshaga",
            &[(Kind::Address, "Storgatan 14\n667 30 Forshaga")],
        );
        // But not across a blank line.
        assert_finds(
            "Storgatan 14\n\n667 30 Forshaga",
            &[
                (Kind::Address, "Storgatan 14"),
                (Kind::Address, "667 30 Forshaga"),
            ],
        );
        // As typed without å/ä/ö, or read by OCR (`Igh` for `lgh`).
        assert_finds(
            "Adress: Faltgatan 6 Igh 1102, 667 31 Forshaga",
            &[(Kind::Address, "Faltgatan 6 Igh 1102, 667 31 Forshaga")],
        );
        assert_finds("Kvarnvagen 3", &[(Kind::Address, "Kvarnvagen 3")]);
        assert_finds(
            "Adress Videvägen 9, 667 33\nForshaga",
            &[(Kind::Address, "Videvägen 9, 667 33\nForshaga")],
        );
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
            "Riksväg 62 stängs av natten mot torsdag.",
            "Ekhagen 2-3 år, Solängen 4-5 år: avdelningarna på förskolan.",
            "Vi träffas i Björklunden 10.00 och grillar.",
            "Matchen spelas på Forsvallen 14.00 på lördag.",
            "Omledning via länsväg 240 och Europaväg 18.",
            // Abbreviations that are no street.
            "Se Fig. 3 och Avg. 14 i tabellen, ang. 12 st.",
            // Years.
            "Kvarnvägen 2024: så blev ombyggnaden.",
            "Älvgatan 2025–2027 byggs om i tre etapper.",
        ] {
            assert_no(Kind::Address, t);
        }
        // Streets named after the land they cross.
        for a in [
            "Skogsbrynet 7",
            "Ekhagen 3 B",
            "Solängen 12",
            "Björklunden 2",
        ] {
            assert_finds(
                &format!("Vi bor på {a} sedan i höstas."),
                &[(Kind::Address, a)],
            );
        }
        // One building, a number over a hundred, a year with its postal
        // code, an apartment.
        for a in [
            "Hammarvägen 12-14",
            "Tingvallagatan 3–5 B",
            "Storgatan 102",
            "Byvägen 1999, 667 91 Forshaga",
            "Lingonstigen 14 lgh 1203",
            "Malmgatan 1 B, lgh 1102",
            "Storg. 14",
            "Kyrkv. 5 B",
        ] {
            assert_finds(
                &format!("Adressen är {a} sedan i höstas."),
                &[(Kind::Address, a)],
            );
        }
        // A stretch of a street: at info, not a home.
        for t in [
            "Lingonstigen 1–29 får fiber i höst.",
            "Drottninggatan 1-100 får ny belysning.",
            "Vattnet stängs av på Granvägen 2-16 i dag.",
        ] {
            crate::testutil::assert_only_info(Kind::Address, t);
        }
        // A street named after the road it was.
        assert_finds(
            "Vi bor på Gamla riksvägen 12.",
            &[(Kind::Address, "Gamla riksvägen 12")],
        );
    }
}
