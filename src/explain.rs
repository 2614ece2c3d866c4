//! The message catalog: one explanation per rule id, Swedish and English.
//!
//! Messages live in `patterns/messages.toml` (embedded at build time) and can
//! be extended by user rule files. This module never sees scanned text: an
//! explanation must make sense without quoting what was found.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::finding::Lang;
use crate::Error;

/// The embedded default messages as written (the tests parse them; the
/// scanner reads the JSON `build.rs` made of them).
#[cfg(test)]
pub(crate) const DEFAULT_MESSAGES: &str = include_str!("../patterns/messages.toml");

/// One explanation in both languages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

/// A small multiplicative hasher for the catalog: every finding looks up
/// its rule's explanation, and rule ids are short and not attacker-chosen,
/// so SipHash's protection buys nothing here.
#[derive(Default)]
struct RuleHasher(u64);

impl Hasher for RuleHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut mix = |x: u64| {
            self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
        };
        let mut blocks = bytes.chunks_exact(8);
        for b in &mut blocks {
            mix(u64::from_le_bytes(b.try_into().expect("eight bytes")));
        }
        // The last bytes as in the lexicons' hash, with their count.
        let rest = blocks.remainder();
        if !rest.is_empty() {
            mix(crate::phf::tail_word(rest) | (rest.len() as u64) << 61);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Catalog = HashMap<String, Message, BuildHasherDefault<RuleHasher>>;

/// The embedded catalog, parsed once per process: `patterns/messages.toml`
/// plus the explanations of the embedded rule files' terms. Findings borrow
/// their explanations and rule ids from it instead of copying them.
static EMBEDDED: LazyLock<Catalog> = LazyLock::new(|| {
    let mut m: Catalog = serde_json::from_str(crate::rules::embedded::MESSAGES_JSON)
        .expect("the embedded messages are checked by the test suite");
    m.extend(crate::detect::term_messages(&crate::rules::EMBEDDED_FILES));
    m
});

/// Explanations keyed by rule id: the scanner's own (rule files, overrides)
/// over the embedded catalog.
#[derive(Debug, Clone, Default)]
pub struct Messages {
    by_rule: Catalog,
    /// The embedded catalog, when these messages extend it.
    base: Option<&'static Catalog>,
}

impl std::fmt::Debug for RuleHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RuleHasher")
    }
}

impl Messages {
    /// Parses a messages file (`["rule.id"] sv = "…" en = "…"`).
    ///
    /// # Errors
    /// [`Error::Rules`] naming the file and line when the TOML is malformed or
    /// a message lacks a language.
    pub fn parse(name: &str, src: &str) -> Result<Messages, Error> {
        let by_rule: Catalog =
            toml::from_str(src).map_err(|e| crate::rules::toml_error(name, src, &e))?;
        Ok(Messages {
            by_rule,
            base: None,
        })
    }

    /// The embedded messages (`patterns/messages.toml` and the embedded rule
    /// files' terms), parsed once per process.
    pub(crate) fn embedded() -> Messages {
        Messages {
            by_rule: Catalog::default(),
            base: Some(&EMBEDDED),
        }
    }

    /// Adds or replaces messages by rule id (a message equal to the embedded
    /// one is not copied).
    pub(crate) fn insert_all(&mut self, messages: impl IntoIterator<Item = (String, Message)>) {
        for (rule, m) in messages {
            let same = self
                .base
                .and_then(|b| b.get(&rule))
                .is_some_and(|e| e.sv == m.sv && e.en == m.en);
            if same {
                self.by_rule.remove(&rule);
            } else {
                self.by_rule.insert(rule, m);
            }
        }
    }

    fn lookup(&self, rule: &str) -> Option<&Message> {
        self.by_rule
            .get(rule)
            .or_else(|| self.base.and_then(|b| b.get(rule)))
    }

    /// True when the rule has a message.
    pub fn contains(&self, rule: &str) -> bool {
        self.lookup(rule).is_some()
    }

    /// The explanation for a rule in a language; the rule id itself if none
    /// is known (a scanner checks at build time that none is missing).
    pub fn get<'a>(&'a self, rule: &'a str, lang: Lang) -> &'a str {
        match (self.lookup(rule), lang) {
            (Some(m), Lang::Sv) => &m.sv,
            (Some(m), Lang::En) => &m.en,
            (None, _) => rule,
        }
    }

    /// [`Messages::get`] for a finding: borrowed from the embedded catalog
    /// (no copy per finding), copied only when a rule file replaced it.
    pub fn text(&self, rule: &str, lang: Lang) -> Cow<'static, str> {
        if let Some(m) = self.by_rule.get(rule) {
            return Cow::Owned(pick(m, lang).to_string());
        }
        match self.base.and_then(|b| b.get(rule)) {
            Some(m) => Cow::Borrowed(pick(m, lang)),
            None => Cow::Owned(rule.to_string()),
        }
    }
}

fn pick(m: &Message, lang: Lang) -> &str {
    match lang {
        Lang::Sv => &m.sv,
        Lang::En => &m.en,
    }
}

/// A rule id as a finding carries it: borrowed when the embedded catalog
/// knows it (every built-in rule), copied otherwise (user rule files).
pub(crate) fn rule_id(id: &str) -> Cow<'static, str> {
    match EMBEDDED.get_key_value(id) {
        Some((k, _)) => Cow::Borrowed(k.as_str()),
        None => Cow::Owned(id.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_messages_parse_and_are_complete() {
        let m = Messages::parse("patterns/messages.toml", DEFAULT_MESSAGES).unwrap();
        for msg in m.by_rule.values() {
            assert!(!msg.sv.trim().is_empty() && !msg.en.trim().is_empty());
        }
        assert!(m
            .get("personnummer.valid", Lang::Sv)
            .contains("personnummer"));
        assert!(m.get("personnummer.valid", Lang::En).contains("identity"));
    }

    #[test]
    fn the_embedded_json_is_the_catalog_as_written() {
        let toml = Messages::parse("patterns/messages.toml", DEFAULT_MESSAGES).unwrap();
        let json: Catalog = serde_json::from_str(crate::rules::embedded::MESSAGES_JSON).unwrap();
        assert_eq!(toml.by_rule, json);
    }

    #[test]
    fn missing_language_is_an_error_with_line() {
        let err = Messages::parse("x.toml", "[\"a.b\"]\nsv = \"hej\"\n").unwrap_err();
        let s = err.to_string();
        assert!(s.starts_with("x.toml:"), "{s}");
        assert!(s.contains("en"), "{s}");
    }
}
