//! Hand-annotated corpus text: the way labelled posts are written here, so
//! that a person (a DPO, a developer) can add a labelled example without
//! counting bytes.
//!
//! ```text
//! %% a comment line
//! === reply-003
//! Hej {{name:Karin}}! Barnet med personnummer {{pnr:200710262387}} har fått plats.
//! /{{name:Anna Lindqvist}}, handläggare
//! ```
//!
//! A record starts at `=== id` and runs to the next; its text is its lines
//! joined with `\n`, without leading and trailing blank lines. `{{kind:text}}`
//! marks an entity, `{{kind/tag,tag:text}}` adds tags. Kinds are the JSON
//! names or the short forms `pnr`, `snr`, `addr`, `conf`, `sens`, `bank`,
//! `plate`, `iddoc`, `loc`. [`parse`] turns this into [`GoldRecord`]s with byte spans.

use std::collections::HashSet;

use crate::eval::{GoldEntity, GoldRecord};
use crate::{Error, Kind};

fn kind_of(s: &str) -> Option<Kind> {
    Some(match s {
        "pnr" => Kind::Personnummer,
        "snr" => Kind::Samordningsnummer,
        "addr" => Kind::Address,
        "conf" => Kind::Confidential,
        "sens" => Kind::Sensitive,
        "bank" => Kind::BankAccount,
        "plate" => Kind::LicensePlate,
        "iddoc" => Kind::IdDocument,
        "loc" => Kind::Location,
        other => return other.parse().ok(),
    })
}

/// Parses annotated text; `name` appears in errors.
///
/// # Errors
/// [`Error::Rules`] with the line of an unknown kind, unclosed `{{`, text
/// before the first record, an empty id or a repeated id.
///
/// # Example
/// ```
/// let recs = postvakt::annotate::parse("x.txt", "=== a\nRing {{phone:070-174 06 05}}!\n")?;
/// assert_eq!(recs[0].text, "Ring 070-174 06 05!");
/// assert_eq!((recs[0].entities[0].start, recs[0].entities[0].end), (5, 18));
/// # Ok::<(), postvakt::Error>(())
/// ```
pub fn parse(name: &str, src: &str) -> Result<Vec<GoldRecord>, Error> {
    let err = |line: usize, message: String| Error::Rules {
        name: name.to_string(),
        line,
        message,
    };
    /// (line of `=== id`, id, numbered text lines)
    type Raw<'s> = (usize, String, Vec<(usize, &'s str)>);
    let mut records: Vec<Raw<'_>> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.starts_with("%%") {
            continue;
        }
        if let Some(id) = line.strip_prefix("===") {
            let id = id.trim();
            if id.is_empty() {
                return Err(err(n, "a record needs an id after ===".into()));
            }
            records.push((n, id.to_string(), Vec::new()));
        } else if let Some((_, _, lines)) = records.last_mut() {
            lines.push((n, line));
        } else if !line.trim().is_empty() {
            return Err(err(n, "text before the first `=== id` line".into()));
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(records.len());
    for (n, id, mut lines) in records {
        if !seen.insert(id.clone()) {
            return Err(err(n, format!("record id `{id}` is used twice")));
        }
        while lines.first().is_some_and(|(_, l)| l.trim().is_empty()) {
            lines.remove(0);
        }
        while lines.last().is_some_and(|(_, l)| l.trim().is_empty()) {
            lines.pop();
        }
        let mut text = String::new();
        let mut entities = Vec::new();
        for (k, (ln, line)) in lines.iter().enumerate() {
            if k > 0 {
                text.push('\n');
            }
            let mut rest = *line;
            while let Some(open) = rest.find("{{") {
                text.push_str(&rest[..open]);
                let after = &rest[open + 2..];
                let close = after
                    .find("}}")
                    .ok_or_else(|| err(*ln, "`{{` without `}}`".into()))?;
                let inner = &after[..close];
                let (label, body) = inner
                    .split_once(':')
                    .ok_or_else(|| err(*ln, format!("`{{{{{inner}}}}}` needs `kind:text`")))?;
                let (kind, tags) = match label.split_once('/') {
                    Some((k, t)) => (k, t.split(',').map(|t| t.trim().to_string()).collect()),
                    None => (label, Vec::new()),
                };
                let kind = kind_of(kind.trim())
                    .ok_or_else(|| err(*ln, format!("unknown kind `{kind}`")))?;
                if body.is_empty() {
                    return Err(err(*ln, "an entity needs text".into()));
                }
                let start = text.len();
                text.push_str(body);
                entities.push(GoldEntity {
                    kind,
                    start,
                    end: text.len(),
                    tags,
                });
                rest = &after[close + 2..];
            }
            text.push_str(rest);
        }
        out.push(GoldRecord {
            id,
            text,
            entities,
            image: None,
            tags: Vec::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_records_with_tags() {
        let src =
            "%% c\n=== a\n\nHej {{name/lowercase:stina}}!\n{{pnr:811228-9874}}\n\n=== b\nInget.\n";
        let r = parse("t.txt", src).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].text, "Hej stina!\n811228-9874");
        assert_eq!(r[0].entities[0].tags, ["lowercase"]);
        assert_eq!(
            &r[0].text[r[0].entities[1].start..r[0].entities[1].end],
            "811228-9874"
        );
        assert_eq!(r[1].entities.len(), 0);
    }

    #[test]
    fn errors_name_the_line() {
        for (src, want) in [
            ("=== a\nx {{fax:1}}\n", "t.txt:2: unknown kind"),
            ("=== a\nx {{pnr:1\n", "t.txt:2: `{{` without"),
            ("hej\n=== a\n", "t.txt:1: text before"),
            ("=== a\n=== a\n", "t.txt:2: record id"),
        ] {
            let e = parse("t.txt", src).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}");
        }
    }
}
