//! The message catalog: one explanation per rule id, Swedish and English.
//!
//! Messages live in `patterns/messages.toml` (embedded at build time) and can
//! be extended by user rule files. This module never sees scanned text: an
//! explanation must make sense without quoting what was found.

use std::collections::HashMap;

use serde::Deserialize;

use crate::finding::Lang;
use crate::Error;

/// The embedded default messages.
pub(crate) const DEFAULT_MESSAGES: &str = include_str!("../patterns/messages.toml");

/// One explanation in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

/// Explanations keyed by rule id.
#[derive(Debug, Clone, Default)]
pub struct Messages {
    by_rule: HashMap<String, Message>,
}

impl Messages {
    /// Parses a messages file (`["rule.id"] sv = "…" en = "…"`).
    ///
    /// # Errors
    /// [`Error::Rules`] naming the file and line when the TOML is malformed or
    /// a message lacks a language.
    pub fn parse(name: &str, src: &str) -> Result<Messages, Error> {
        let by_rule: HashMap<String, Message> =
            toml::from_str(src).map_err(|e| crate::rules::toml_error(name, src, &e))?;
        Ok(Messages { by_rule })
    }

    /// Adds or replaces messages by rule id.
    pub(crate) fn insert_all(&mut self, messages: impl IntoIterator<Item = (String, Message)>) {
        self.by_rule.extend(messages);
    }

    /// True when the rule has a message.
    pub fn contains(&self, rule: &str) -> bool {
        self.by_rule.contains_key(rule)
    }

    /// The explanation for a rule in a language; the rule id itself if none
    /// is known (a scanner checks at build time that none is missing).
    pub fn get<'a>(&'a self, rule: &'a str, lang: Lang) -> &'a str {
        match (self.by_rule.get(rule), lang) {
            (Some(m), Lang::Sv) => &m.sv,
            (Some(m), Lang::En) => &m.en,
            (None, _) => rule,
        }
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
    fn missing_language_is_an_error_with_line() {
        let err = Messages::parse("x.toml", "[\"a.b\"]\nsv = \"hej\"\n").unwrap_err();
        let s = err.to_string();
        assert!(s.starts_with("x.toml:"), "{s}");
        assert!(s.contains("en"), "{s}");
    }
}
