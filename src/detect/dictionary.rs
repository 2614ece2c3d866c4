//! Ordinary Swedish words: the lowercase stems of the Swedish spelling
//! dictionary (`patterns/swedish_words.txt`, 135,911 words from Debian's
//! `hunspell-sv`, LGPL-3: see `patterns/LICENSES.md`). The name detector
//! asks it of capitalised words outside its name lexicons, so that `Röda
//! Korset`, `Svenska Kyrkan` and `Värmlands Museum` are no people while
//! `Zeynep Demir` is one.
//!
//! The file is sorted bytewise, one word a line, and searched as it is
//! embedded: a binary search over its bytes, no table built at start-up.

/// The words, sorted bytewise, a newline after each.
const WORDS: &str = include_str!("../../patterns/swedish_words.txt");

/// True when the folded `word` is a stem in the dictionary.
pub(crate) fn is_stem(word: &str) -> bool {
    let b = WORDS.as_bytes();
    let key = word.as_bytes();
    if key.is_empty() {
        return false;
    }
    // Invariant: every line starting before `lo` sorts below `key`, every
    // line starting at or after `hi` sorts above it.
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // The line holding `mid`.
        let start = memchr::memrchr(b'\n', &b[lo..mid]).map_or(lo, |p| lo + p + 1);
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |p| start + p);
        match b[start..end].cmp(key) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Endings of inflected nouns, adjectives and verbs, longest first, with
/// what the stem may have ended in instead (`kyrkorna`: `kyrk` + `a`).
const ENDINGS: &[(&str, &[&str])] = &[
    ("arna", &["", "e"]),
    ("erna", &["", "e"]),
    ("orna", &["a"]),
    ("ar", &["", "e"]),
    ("er", &["", "e", "a"]),
    ("or", &["a"]),
    ("en", &[""]),
    ("et", &[""]),
    ("na", &[""]),
    ("n", &[""]),
    ("t", &[""]),
    ("a", &[""]),
    // The past tense of verbs (`träffade`, `ringde`, `köpte`).
    ("de", &[""]),
    ("te", &[""]),
];

/// True when the folded `word` is a dictionary stem or an inflected form of
/// one (`korset`, `barnen`, `örnar`, `svenska`).
pub(crate) fn is_word(word: &str) -> bool {
    is_stem(word) || is_inflected(word)
}

/// True when the folded `word` is an inflected form of a dictionary stem
/// (whether or not it is a stem itself).
pub(crate) fn is_inflected(word: &str) -> bool {
    // The stem with what it may have ended in, in a buffer on the stack
    // (no word of the dictionary is longer).
    let mut buf = [0u8; 64];
    ENDINGS.iter().any(|&(ending, instead)| {
        word.strip_suffix(ending).is_some_and(|stem| {
            // (A one-letter ending needs a longer stem: `Hala` is no `hal`
            // + `a`, `Milan` no `mila` + `n`; `örnar` is `örn` + `ar`.)
            let least = if ending.len() == 1 { 4 } else { 3 };
            stem.len() + 1 < buf.len()
                && instead.iter().any(|i| {
                    let n = stem.len() + i.len();
                    buf[..stem.len()].copy_from_slice(stem.as_bytes());
                    buf[stem.len()..n].copy_from_slice(i.as_bytes());
                    let s = std::str::from_utf8(&buf[..n]).expect("a stem and an ASCII ending");
                    s.chars().count() >= least && is_stem(s)
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_is_sorted_unique_and_folded() {
        let lines: Vec<&str> = WORDS.lines().collect();
        assert!(lines.len() > 100_000);
        for w in lines.windows(2) {
            assert!(w[0].as_bytes() < w[1].as_bytes(), "{} {}", w[0], w[1]);
        }
        for w in &lines {
            assert_eq!(crate::text::fold(w), *w);
            assert!(!w.is_empty() && !w.contains(' '));
        }
        // Every word is found, the first and the last too.
        for w in lines
            .iter()
            .step_by(997)
            .chain([lines[0], lines[lines.len() - 1]].iter())
        {
            assert!(is_stem(w), "{w}");
        }
    }

    #[test]
    fn stems_and_inflected_forms() {
        for w in ["kyrka", "kors", "universitet", "museum", "arena", "handel"] {
            assert!(is_stem(w), "{w}");
        }
        for w in [
            "kyrkan",
            "korset",
            "barnen",
            "örnar",
            "svenska",
            "verken",
            "kyrkorna",
            "bryggan",
            "träffade",
            "ringde",
            "köpte",
            "kommer",
            "säger",
        ] {
            assert!(is_word(w), "{w}");
        }
        // Names outside the dictionary, and words with nothing like them.
        for w in [
            "zeynep",
            "demir",
            "telia",
            "petrović",
            "nilufar",
            "zz",
            "a",
            "",
        ] {
            assert!(!is_word(w), "{w}");
        }
    }
}
