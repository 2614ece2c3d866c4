//! Rule files: what users add to or switch off in the embedded defaults.
//!
//! A rule file is TOML with unknown keys refused, so a typo is an error that
//! names the file and line rather than a rule silently ignored:
//!
//! ```toml
//! # kommun.toml
//! disable = ["personnummer.valid_compact"]   # rule ids, detector ids or kinds
//!
//! allow_domains = ["forshaga.se"]            # e-mail addresses there are info
//!
//! [[allow]]                                   # the organisation's own public details
//! text = "054-17 20 00"
//! kind = "phone"                              # optional: only for this kind
//! note = "Forshaga kommuns växel"             # optional, for people
//!
//! [messages."personnummer.valid"]             # optional: reword an explanation
//! sv = "…"
//! en = "…"
//! ```
//!
//! This module parses and validates; it never scans text.

use std::collections::HashMap;

use serde::Deserialize;

use crate::explain::Message;
use crate::finding::Kind;
use crate::Error;

/// One parsed rule file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Rule ids (`personnummer.valid_compact`), detector ids or kinds to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Public details of the organisation, reported as `info`.
    #[serde(default)]
    pub allow: Vec<AllowEntry>,
    /// The organisation's own e-mail domains (`forshaga.se`): every address
    /// there is reported as `info`.
    #[serde(default)]
    pub allow_domains: Vec<String>,
    /// Replacement or additional explanations by rule id.
    #[serde(default)]
    pub messages: HashMap<String, Message>,
    /// Default kind of this file's `[[term]]` rules (`confidential`, `sensitive`).
    #[serde(default)]
    pub kind: Option<Kind>,
    /// What the file covers, for people (`social_services`, `health`).
    #[serde(default)]
    pub category: Option<String>,
    /// Default legal reference of this file's terms (`OSL 26 kap. 1 §`).
    #[serde(default)]
    pub reference: Option<String>,
    /// Phrases that, in the same sentence, show a term is used to explain
    /// rules or services to the public rather than about one person
    /// (`vi kan inte svara på frågor som omfattas av sekretess`).
    #[serde(default)]
    pub general_context: Vec<String>,
    /// Word and phrase rules.
    #[serde(default)]
    pub term: Vec<TermRule>,
}

/// A rule matching words or phrases, whole words, ignoring case (Å/Ä/Ö too).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermRule {
    /// Rule id, `kind.snake_case` (`confidential.orosanmalan`).
    pub id: String,
    /// Words or phrases in the forms that match; a trailing `*` matches any
    /// ending (`sekretessbelag*` covers `sekretessbelagd`, `-t`, `-a`).
    pub terms: Vec<String>,
    /// How serious a match is.
    pub severity: crate::Severity,
    /// The kind, when not the file's.
    #[serde(default)]
    pub kind: Option<Kind>,
    /// The explanation in Swedish.
    pub sv: String,
    /// The explanation in English.
    pub en: String,
    /// The legal reference, when not the file's.
    #[serde(default)]
    pub reference: Option<String>,
    /// How sure a match is (default 0.8).
    #[serde(default)]
    pub score: Option<f32>,
    /// Counts only written as a document marking (`UTKAST`, `Internt:`).
    #[serde(default)]
    pub marking: bool,
    /// Counts only written with capitals where the term has them, and not
    /// followed by a capitalised word (`KOL`, `har MS`: in lower case `kol`
    /// is coal; `MS Teams` is a product).
    #[serde(default)]
    pub capitals: bool,
    /// Counts only right after one of these words or phrases, which the
    /// finding then spans too (`after = ["medlem i", "aktiv i"]` with
    /// `terms = ["Vänsterpartiet"]`: `aktiv i Vänsterpartiet`, not the party
    /// alone). Each term is matched as `phrase term`.
    #[serde(default)]
    pub after: Vec<String>,
}

/// The embedded rule files parsed, once per process.
pub(crate) static EMBEDDED_FILES: std::sync::LazyLock<Vec<(String, RuleFile)>> =
    std::sync::LazyLock::new(|| {
        EMBEDDED
            .iter()
            .map(|(name, src)| {
                let file = RuleFile::parse(name, src)
                    .expect("the embedded rule files are checked by the test suite");
                (name.to_string(), file)
            })
            .collect()
    });

/// The rule files embedded at build time, one per category.
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    (
        "patterns/rules/confidential_markings.toml",
        include_str!("../patterns/rules/confidential_markings.toml"),
    ),
    (
        "patterns/rules/confidential_secrecy.toml",
        include_str!("../patterns/rules/confidential_secrecy.toml"),
    ),
    (
        "patterns/rules/confidential_protected_identity.toml",
        include_str!("../patterns/rules/confidential_protected_identity.toml"),
    ),
    (
        "patterns/rules/confidential_social_services.toml",
        include_str!("../patterns/rules/confidential_social_services.toml"),
    ),
    (
        "patterns/rules/confidential_student_health.toml",
        include_str!("../patterns/rules/confidential_student_health.toml"),
    ),
    (
        "patterns/rules/confidential_personnel.toml",
        include_str!("../patterns/rules/confidential_personnel.toml"),
    ),
    (
        "patterns/rules/sensitive_health.toml",
        include_str!("../patterns/rules/sensitive_health.toml"),
    ),
    (
        "patterns/rules/sensitive_ethnicity.toml",
        include_str!("../patterns/rules/sensitive_ethnicity.toml"),
    ),
    (
        "patterns/rules/sensitive_religion.toml",
        include_str!("../patterns/rules/sensitive_religion.toml"),
    ),
    (
        "patterns/rules/sensitive_politics.toml",
        include_str!("../patterns/rules/sensitive_politics.toml"),
    ),
    (
        "patterns/rules/sensitive_trade_union.toml",
        include_str!("../patterns/rules/sensitive_trade_union.toml"),
    ),
    (
        "patterns/rules/sensitive_sexual_orientation.toml",
        include_str!("../patterns/rules/sensitive_sexual_orientation.toml"),
    ),
    (
        "patterns/rules/sensitive_genetic_biometric.toml",
        include_str!("../patterns/rules/sensitive_genetic_biometric.toml"),
    ),
    (
        "patterns/rules/sensitive_criminal.toml",
        include_str!("../patterns/rules/sensitive_criminal.toml"),
    ),
];

/// One allowed text: the organisation's own number, address or domain.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowEntry {
    /// The text as people write it; compared ignoring case, spaces and punctuation.
    pub text: String,
    /// Only findings of this kind match, when given.
    #[serde(default)]
    pub kind: Option<Kind>,
    /// Why it is allowed, for people reading the file.
    #[serde(default)]
    pub note: Option<String>,
}

impl RuleFile {
    /// Parses a rule file's text; `name` appears in errors.
    ///
    /// # Errors
    /// [`Error::Rules`] with the file name and line of the first problem.
    pub fn parse(name: &str, src: &str) -> Result<RuleFile, Error> {
        let file: RuleFile = toml::from_str(src).map_err(|e| toml_error(name, src, &e))?;
        for t in &file.term {
            let line = line_of(src, &format!("\"{}\"", t.id));
            let err = |message: String| Error::Rules {
                name: name.to_string(),
                line,
                message,
            };
            match t.kind.or(file.kind) {
                Some(Kind::Confidential | Kind::Sensitive) => {}
                Some(k) => {
                    return Err(err(format!(
                        "term rule `{}`: kind `{k}` is not confidential or sensitive",
                        t.id
                    )))
                }
                None => {
                    return Err(err(format!(
                        "term rule `{}` needs a kind (in the rule or the file)",
                        t.id
                    )))
                }
            }
            if t.terms
                .iter()
                .any(|w| w.trim_end_matches('*').trim().chars().count() < 2)
            {
                return Err(err(format!(
                    "term rule `{}`: every term needs two letters or more",
                    t.id
                )));
            }
            if t.after
                .iter()
                .any(|p| p.trim().is_empty() || p.contains('*'))
            {
                return Err(err(format!(
                    "term rule `{}`: every `after` phrase needs a word and no `*`",
                    t.id
                )));
            }
            if t.score.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
                return Err(err(format!(
                    "term rule `{}`: score must be between 0 and 1",
                    t.id
                )));
            }
        }
        for a in &file.allow {
            if normalize(&a.text).is_empty() {
                return Err(Error::Rules {
                    name: name.to_string(),
                    line: line_of(src, &a.text),
                    message: "an [[allow]] entry needs a text with letters or digits".into(),
                });
            }
        }
        Ok(file)
    }
}

/// Folds a text for allow-list comparison: lowercase letters and digits only.
pub(crate) fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An [`Error::Rules`] from a TOML error, with the 1-based line of its span.
pub(crate) fn toml_error(name: &str, src: &str, e: &toml::de::Error) -> Error {
    let line = e
        .span()
        .map(|s| src[..s.start.min(src.len())].matches('\n').count() + 1)
        .unwrap_or(0);
    Error::Rules {
        name: name.to_string(),
        line,
        message: e.message().to_string(),
    }
}

fn line_of(src: &str, needle: &str) -> usize {
    src.find(needle)
        .map(|i| src[..i].matches('\n').count() + 1)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_file() {
        let f = RuleFile::parse(
            "k.toml",
            r#"
disable = ["personnummer.valid_compact"]
[[allow]]
text = "054-17 20 00"
kind = "phone"
note = "Växeln"
[messages."personnummer.valid"]
sv = "x"
en = "y"
"#,
        )
        .unwrap();
        assert_eq!(f.disable, ["personnummer.valid_compact"]);
        assert_eq!(f.allow[0].kind, Some(Kind::Phone));
        assert_eq!(normalize(&f.allow[0].text), "054172000");
        assert_eq!(f.messages["personnummer.valid"].en, "y");
    }

    #[test]
    fn embedded_rule_files_parse_and_have_terms() {
        for (name, src) in EMBEDDED {
            let f = RuleFile::parse(name, src).unwrap();
            assert!(f.kind.is_some() && f.category.is_some(), "{name}");
            assert!(!f.term.is_empty(), "{name}");
            for t in &f.term {
                let kind = t.kind.or(f.kind).unwrap();
                assert!(t.id.starts_with(kind.as_str()), "{name}: {}", t.id);
                assert!(
                    t.reference.is_some() || f.reference.is_some() || kind == Kind::Confidential,
                    "{name}: {}",
                    t.id
                );
            }
        }
    }

    #[test]
    fn unknown_keys_and_kinds_name_file_and_line() {
        let err = RuleFile::parse("k.toml", "disable = []\nallowed = 1\n").unwrap_err();
        assert!(err.to_string().starts_with("k.toml:2:"), "{err}");
        let err = RuleFile::parse("k.toml", "[[allow]]\ntext = \"a\"\nkind = \"fax\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("k.toml:3") && err.contains("fax"), "{err}");
        let err = RuleFile::parse("k.toml", "[[allow]]\ntext = \" - \"\n").unwrap_err();
        assert!(err.to_string().contains("k.toml:2"), "{err}");
    }

    #[test]
    fn after_phrases_need_a_word() {
        let rule = |after: &str| {
            format!(
                "kind = \"sensitive\"\n[[term]]\nid = \"sensitive.x\"\nterms = [\"partiet\"]\nafter = {after}\nseverity = \"high\"\nsv = \"s\"\nen = \"e\"\n"
            )
        };
        let f = RuleFile::parse("k.toml", &rule("[\"medlem i\"]")).unwrap();
        assert_eq!(f.term[0].after, ["medlem i"]);
        for bad in ["[\" \"]", "[\"med*\"]"] {
            let err = RuleFile::parse("k.toml", &rule(bad))
                .unwrap_err()
                .to_string();
            assert!(err.contains("k.toml:3") && err.contains("after"), "{err}");
        }
    }
}
