//! Swedish case folding that keeps byte offsets.
//!
//! ASCII capitals and the Latin-1 capitals (Å, Ä, Ö, É, Ü, Æ, Ø, …) fold to
//! lowercase forms of the same UTF-8 length (`C3 80..=9E` to `C3 A0..=BE`),
//! so a span found in folded text is the same span in the original. Other
//! characters are left as they are. One rule, used by every detector that
//! compares words ignoring case; nothing here scans for findings.

/// The folded form of byte `b`, given the byte before it.
fn fold_byte(prev: Option<u8>, b: u8) -> u8 {
    // U+00C0..U+00DE after the lead byte 0xC3, except U+00D7 (×).
    let latin1_capital = prev == Some(0xC3) && (0x80..=0x9E).contains(&b) && b != 0x97;
    if b.is_ascii_uppercase() || latin1_capital {
        b + 0x20
    } else {
        b
    }
}

/// The folded bytes of `s` (same length, valid UTF-8).
pub(crate) fn fold_bytes(s: &str) -> Vec<u8> {
    let mut prev = None;
    s.bytes()
        .map(|b| {
            let f = fold_byte(prev, b);
            prev = Some(b);
            f
        })
        .collect()
}

/// [`fold_bytes`] as a string. ASCII capitals are folded in one (vectorised)
/// pass; only a text with a Latin-1 capital takes the byte-wise path.
pub(crate) fn fold(s: &str) -> String {
    fold_known(s, has_latin1_capital(s.as_bytes()))
}

/// [`fold`] when the caller knows whether `s` holds a Latin-1 capital.
pub(crate) fn fold_known(s: &str, latin1_capital: bool) -> String {
    if latin1_capital {
        String::from_utf8(fold_bytes(s)).expect("folding maps UTF-8 to UTF-8")
    } else {
        s.to_ascii_lowercase()
    }
}

/// [`fold_known`] into `out` (emptied first), reusing its memory.
pub(crate) fn fold_into(s: &str, latin1_capital: bool, out: &mut String) {
    out.clear();
    if latin1_capital {
        // The text between Latin-1 capitals copied as it is, each capital
        // pushed as its lowercase letter (two bytes either way): no byte
        // loop and no UTF-8 check of the result.
        let b = s.as_bytes();
        let mut from = 0;
        for i in memchr::memchr_iter(0xC3, b) {
            let Some(&c) = b.get(i + 1) else { break };
            if (0x80..=0x9E).contains(&c) && c != 0x97 {
                out.push_str(&s[from..i]);
                let lower = char::from_u32(0xE0 + u32::from(c - 0x80)).expect("U+00E0..U+00FE");
                out.push(lower);
                from = i + 2;
            }
        }
        out.push_str(&s[from..]);
    } else {
        out.push_str(s);
    }
    out.make_ascii_lowercase();
}

/// True when the text holds a Latin-1 capital (`Å`, `Ä`, `Ö`, `É`…), the
/// only capitals besides ASCII that folding changes.
pub(crate) fn has_latin1_capital(b: &[u8]) -> bool {
    memchr::memchr_iter(0xC3, b).any(|i| {
        b.get(i + 1)
            .is_some_and(|&c| (0x80..=0x9E).contains(&c) && c != 0x97)
    })
}

/// True when `word` ends with `suffix` (already folded) ignoring case,
/// without allocating.
pub(crate) fn ends_with_folded(word: &[u8], suffix: &[u8]) -> bool {
    let Some(from) = word.len().checked_sub(suffix.len()) else {
        return false;
    };
    (from..word.len())
        .zip(suffix)
        .all(|(i, &x)| fold_byte(i.checked_sub(1).map(|j| word[j]), word[i]) == x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_byte_offsets() {
        let s = "SEKRETESS Ärende ÖVER Åsa Émile × 5";
        assert_eq!(fold(s).len(), s.len());
        assert_eq!(fold(s), "sekretess ärende över åsa émile × 5");
    }

    #[test]
    fn both_paths_fold_alike() {
        for s in ["ANNA Berg, SEKRETESS", "Åsa ÖSTERBERG × É", "ß ÿ ÷ Ł", ""] {
            assert_eq!(fold(s).as_bytes(), fold_bytes(s).as_slice(), "{s}");
        }
        assert!(has_latin1_capital("Öppet".as_bytes()));
        assert!(!has_latin1_capital("öppet × 2".as_bytes()));
    }

    proptest::proptest! {
        /// The copy-and-push fold into a kept buffer gives the byte-wise
        /// fold's bytes, for any text (Latin-1 letters, signs and other
        /// scripts drawn often).
        #[test]
        fn fold_into_is_the_bytewise_fold(
            s in "([A-Za-z ÀÁÅÄÖÉÜÆØÞßàåäöé×÷ÿŁłΩ€🙂\\-]|\\PC){0,40}"
        ) {
            let mut out = String::from("left over");
            fold_into(&s, has_latin1_capital(s.as_bytes()), &mut out);
            let want = fold_bytes(&s);
            proptest::prop_assert_eq!(out.as_bytes(), want.as_slice());
        }
    }

    #[test]
    fn suffixes_compare_folded() {
        assert!(ends_with_folded("STORGATAN".as_bytes(), b"gatan"));
        assert!(ends_with_folded("KYRKVÄGEN".as_bytes(), "vägen".as_bytes()));
        assert!(ends_with_folded("väg".as_bytes(), "väg".as_bytes()));
        assert!(!ends_with_folded("ag".as_bytes(), "väg".as_bytes()));
    }
}
