//! Property tests: every valid identity number in every written form is
//! found with its exact span; a wrong check digit without context is not;
//! and for any input, findings are well-formed.

use postvakt::validate::date::Date;
use postvakt::validate::luhn;
use postvakt::{Kind, Scanner};
use proptest::prelude::*;
use std::sync::LazyLock;

static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::new);

/// The identity-number findings only (the same digits may also be, say, a
/// valid 010 number, which is the phone detector's business).
fn identity(text: &str) -> Vec<postvakt::Finding> {
    SCANNER
        .scan_text(text)
        .into_iter()
        .filter(|f| matches!(f.kind, Kind::Personnummer | Kind::Samordningsnummer))
        .collect()
}

/// A birth date between 1900-01-01 and yesterday, a serial and a kind.
fn number() -> impl Strategy<Value = (Date, u32, bool)> {
    let today = Date::today();
    let days_today = days_since_epoch(today);
    (-25_567i64..days_today, 1u32..1000, any::<bool>())
        .prop_map(|(d, serial, snr)| (Date::from_days_since_epoch(d), serial, snr))
}

fn days_since_epoch(d: Date) -> i64 {
    // Count back from a known date; slow but only called once per strategy.
    let mut n = 0i64;
    while Date::from_days_since_epoch(n) < d {
        n += 365;
    }
    while Date::from_days_since_epoch(n) > d {
        n -= 1;
    }
    n
}

/// The ten-digit YYMMDDNNN payload plus check digit, and the 12-digit form.
fn render(date: Date, serial: u32, snr: bool, correct: bool) -> (String, String) {
    let day = date.day + if snr { 60 } else { 0 };
    let payload = format!(
        "{:02}{:02}{:02}{:03}",
        date.year % 100,
        date.month,
        day,
        serial
    );
    let c = luhn::check_digit(payload.as_bytes()).unwrap();
    let c = if correct { c } else { (c + 1) % 10 };
    let ten = format!("{payload}{c}");
    let twelve = format!("{}{}", date.year / 100, ten);
    (ten, twelve)
}

fn written_forms(date: Date, ten: &str, twelve: &str) -> Vec<String> {
    let today = Date::today();
    let centenarian =
        (date.year + 100, date.month, date.day) <= (today.year, today.month, today.day);
    let sep = if centenarian { "+" } else { "-" };
    let mut v = vec![
        format!("{}{sep}{}", &ten[..6], &ten[6..]),
        format!("{}-{}", &twelve[..8], &twelve[8..]),
        twelve.to_string(),
        format!("{} {}", &twelve[..8], &twelve[8..]),
    ];
    if !centenarian && !ten.starts_with("070") {
        v.push(ten.to_string());
        v.push(format!("{} {}", &ten[..6], &ten[6..]));
    }
    v
}

/// Text around a number: letters that form no identity word, and a
/// separator that is not part of a number.
fn filler() -> impl Strategy<Value = String> {
    "[a-eåäö ,!?\n]{0,30}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn valid_numbers_are_found_with_their_exact_span(
        (date, serial, snr) in number(),
        before in filler(),
        after in filler(),
        form_index in 0usize..6,
    ) {
        let (ten, twelve) = render(date, serial, snr, true);
        let forms = written_forms(date, &ten, &twelve);
        let form = &forms[form_index % forms.len()];
        let text = format!("{before} {form} {after}");
        let found = identity(&text);
        prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
        let f = &found[0];
        prop_assert_eq!(&text[f.start..f.end], form.as_str());
        let kind = if snr { Kind::Samordningsnummer } else { Kind::Personnummer };
        prop_assert_eq!(f.kind, kind);
    }

    #[test]
    fn wrong_check_digit_without_context_is_not_reported(
        (date, serial, snr) in number(),
        before in filler(),
        after in filler(),
        form_index in 0usize..6,
    ) {
        let (ten, twelve) = render(date, serial, snr, false);
        let forms = written_forms(date, &ten, &twelve);
        let form = &forms[form_index % forms.len()];
        let text = format!("{before} {form} {after}");
        prop_assert!(identity(&text).is_empty(), "{}", text);
    }

    #[test]
    fn wrong_check_digit_next_to_personnummer_is_reported_low(
        (date, serial, _snr) in number(),
    ) {
        let (ten, _) = render(date, serial, false, false);
        let text = format!("Mitt personnummer är {}-{}.", &ten[..6], &ten[6..]);
        let found = identity(&text);
        // Centenarians written with `-` resolve to another century and may
        // hit an impossible date (1900 is no leap year): then nothing. For
        // everyone else the mistyped number must be reported.
        let today = Date::today();
        let centenarian =
            (date.year + 100, date.month, date.day) <= (today.year, today.month, today.day);
        if centenarian {
            prop_assert!(found.len() <= 1);
        } else {
            prop_assert_eq!(found.len(), 1, "{}", text);
        }
        if let Some(f) = found.first() {
            prop_assert!(f.score < 0.5);
            prop_assert!(f.rule.ends_with("checksum_failed_near_context"));
        }
    }

    #[test]
    fn findings_are_well_formed_for_any_text(text in "\\PC{0,200}|[0-9 +\\-–åä]{0,60}") {
        let found = SCANNER.scan_text(&text);
        let mut last_end = 0;
        for f in &found {
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert!(f.start < f.end && f.start >= last_end);
            prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
            prop_assert!((0.0..=1.0).contains(&f.score));
            last_end = f.end;
        }
        let masked = postvakt::output::mask(&text, &found);
        prop_assert!(SCANNER.scan_text(&masked).iter().all(|f| !found.iter().any(|g| g.text == f.text)));
    }
}

/// A Swedish national significant number: a mobile (07x + 7 digits), a
/// Stockholm landline (08 + 7-8 digits) or a Karlstad one (054 + 6 digits).
fn swedish_number() -> impl Strategy<Value = (String, bool)> {
    prop_oneof![
        ("[02369]", "[0-9]{7}").prop_map(|(p, r)| (format!("7{p}{r}"), true)),
        ("[1-9][0-9]{6,7}").prop_map(|r| (format!("8{r}"), false)),
        ("[1-9][0-9]{5}").prop_map(|r| (format!("54{r}"), false)),
    ]
}

/// The ways people write a number with national significant number `nsn`.
fn phone_forms(nsn: &str, mobile: bool) -> Vec<String> {
    let area_len = if nsn.starts_with('8') { 1 } else { 2 };
    let (area, rest) = nsn.split_at(area_len);
    let mut groups = Vec::new();
    let mut r = rest;
    // Pairs from the end, like 123 45 67.
    while r.len() > 3 {
        let (a, b) = r.split_at(r.len() - 2);
        groups.insert(0, b.to_string());
        r = a;
    }
    groups.insert(0, r.to_string());
    let spaced = groups.join(" ");
    let mut forms = vec![
        format!("0{area}-{spaced}"),
        format!("0{area} {spaced}"),
        format!("0{area} - {spaced}"),
        format!("+46 {area} {spaced}"),
        format!("+46 (0){area} {spaced}"),
        format!("0046 {area} {spaced}"),
        format!("+46{nsn}"),
    ];
    if mobile {
        // Ten digits in a row: only mobiles, since a landline's could also
        // be a valid personnummer, which then wins.
        forms.push(format!("0{nsn}"));
    }
    forms
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn valid_swedish_phone_numbers_are_found_in_every_form(
        (nsn, mobile) in swedish_number(),
        before in filler(),
        after in filler(),
        form_index in 0usize..8,
    ) {
        let forms = phone_forms(&nsn, mobile);
        let form = &forms[form_index % forms.len()];
        let text = format!("{before} {form} {after}");
        let phones: Vec<_> = SCANNER
            .scan_text(&text)
            .into_iter()
            .filter(|f| f.kind == Kind::Phone)
            .collect();
        prop_assert_eq!(phones.len(), 1, "{:?} in {:?}", phones, text);
        prop_assert_eq!(&text[phones[0].start..phones[0].end], form.as_str());
        let want = format!("+46{nsn}");
        prop_assert_eq!(phones[0].normalized.as_deref(), Some(want.as_str()));
    }
}
