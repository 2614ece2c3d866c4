//! Scoring the scanner on labelled records: precision, recall and F1 per kind.
//!
//! Gold records are JSON Lines: `{"id","text","entities":[{"kind","start",
//! "end","tags"?}]}` with byte offsets. A finding matches a gold entity of the
//! same kind when their spans overlap; each side is matched at most once.
//! Gold kinds that no enabled detector reports are listed as not covered
//! rather than counted as misses. `tags` (for example `lowercase`) give
//! recall per hard case.

use std::collections::BTreeMap;
use std::fmt::Write;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::input::RecordError;
use crate::{Finding, Kind, Scanner, Severity};

/// One labelled record.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldRecord {
    /// The record's id.
    pub id: String,
    /// The text.
    pub text: String,
    /// What a perfect scanner reports.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// For a labelled image: its file, relative to the gold file, and `text`
    /// is what is written in it (see `postvakt eval --images`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Categories of the whole record (an image's variant, text size, font),
    /// counted in the per-tag recall for each of its entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// One labelled span.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEntity {
    /// Its kind.
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Hard-case categories (`lowercase`, `word_name`, ...), for per-category recall.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Parses and checks one gold line.
///
/// # Errors
/// A [`RecordError`] for invalid UTF-8 or JSON, unknown kinds or fields, and
/// spans that are empty, out of range or not on char boundaries.
pub fn parse_gold(line: usize, bytes: &[u8]) -> Result<GoldRecord, RecordError> {
    let err = |id: Option<String>, message: String| RecordError { line, id, message };
    let s = std::str::from_utf8(bytes).map_err(|e| {
        err(
            None,
            format!(
                "not valid UTF-8 (first bad byte at column {})",
                e.valid_up_to() + 1
            ),
        )
    })?;
    let rec: GoldRecord =
        serde_json::from_str(s).map_err(|e| err(None, format!("invalid gold record: {e}")))?;
    for e in &rec.entities {
        if e.start >= e.end
            || e.end > rec.text.len()
            || !rec.text.is_char_boundary(e.start)
            || !rec.text.is_char_boundary(e.end)
        {
            return Err(err(
                Some(rec.id.clone()),
                format!(
                    "entity {} {}..{} is empty, out of range or not on a char boundary",
                    e.kind, e.start, e.end
                ),
            ));
        }
    }
    Ok(rec)
}

/// Parses labelled JSON Lines held in memory (such as the bundled corpus),
/// stopping at the first bad record.
///
/// # Errors
/// The first record's [`RecordError`].
pub fn parse_gold_lines(src: &str) -> Result<Vec<GoldRecord>, RecordError> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| parse_gold(i + 1, l.as_bytes()))
        .collect()
}

/// True-positive, false-positive and false-negative counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Findings that match a gold entity.
    pub tp: usize,
    /// Findings that match none (false alarms).
    pub fp: usize,
    /// Gold entities no finding matches (misses).
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp), or None with no findings.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn), or None with no gold entities.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> Option<f64> {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        }
    }
    pub(crate) fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// A miss or a false alarm, with some text around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorCase {
    /// The record.
    pub id: String,
    /// Kind of the gold entity (miss) or finding (false alarm).
    pub kind: Kind,
    /// The span's text.
    pub text: String,
    /// Up to 40 bytes either side, with the span in `«»`.
    pub context: String,
    /// The rule that fired (false alarms only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The gold entity's tags (misses only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The severity found, where it is not the one the tag calls for
    /// (`wrong_severity` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

/// The severity the guidelines give a gold entity so tagged: the resident
/// greeted in a reply is `low`, a mention addressed to the public and the
/// writer's signature `info`.
pub fn expected_severity(tag: &str) -> Option<Severity> {
    match tag {
        "greeting" => Some(Severity::Low),
        "general" => Some(Severity::Info),
        // The writer's own name signing the text, as the guidelines ask.
        "signature" => Some(Severity::Info),
        _ => None,
    }
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    /// Records read, including failed ones.
    pub records: usize,
    /// Records that could not be read.
    pub failed: Vec<RecordError>,
    /// Counts per kind the scanner reports.
    pub kinds: BTreeMap<Kind, Counts>,
    /// Gold entities per kind that no enabled detector reports.
    pub not_covered: BTreeMap<Kind, usize>,
    /// (found, total) gold entities per tag, for covered kinds.
    pub tags: BTreeMap<String, (usize, usize)>,
    /// Gold entities not found.
    pub misses: Vec<ErrorCase>,
    /// Findings that match no gold entity.
    pub false_alarms: Vec<ErrorCase>,
    /// (at the expected severity, found) gold entities per tag that calls
    /// for one ([`expected_severity`]).
    pub severity: BTreeMap<String, (usize, usize)>,
    /// Gold entities found at another severity than their tag calls for.
    pub wrong_severity: Vec<ErrorCase>,
}

impl Evaluation {
    /// Sum over all covered kinds (micro-average).
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in self.kinds.values() {
            t.add(*c);
        }
        t
    }
}

pub(crate) fn context(text: &str, start: usize, end: usize) -> String {
    let from = crate::detect::floor_char_boundary(text, start.saturating_sub(40));
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!(
        "{}«{}»{}",
        &text[from..start],
        &text[start..end],
        &text[end..to]
    )
    .replace('\n', " ")
}

pub(crate) struct RecordResult {
    counts: BTreeMap<Kind, Counts>,
    not_covered: BTreeMap<Kind, usize>,
    tags: BTreeMap<String, (usize, usize)>,
    misses: Vec<ErrorCase>,
    false_alarms: Vec<ErrorCase>,
    severity: BTreeMap<String, (usize, usize)>,
    wrong_severity: Vec<ErrorCase>,
}

fn score_record(
    scanner: &Scanner,
    covered: &[Kind],
    min: Severity,
    rec: &GoldRecord,
) -> RecordResult {
    let mut found: Vec<Finding> = scanner.scan_text(&rec.text);
    found.retain(|f| f.severity >= min);
    score_findings(
        covered,
        rec,
        &found,
        |g, f| g.start < f.end && f.start < g.end,
        |f| context(&rec.text, f.start, f.end),
    )
}

/// Scores `found` against `rec`'s entities: a finding matches the first
/// unmatched entity of its kind for which `same` holds. `fp_context` shows a
/// false alarm. Record tags count for every entity in the per-tag recall.
pub(crate) fn score_findings(
    covered: &[Kind],
    rec: &GoldRecord,
    found: &[Finding],
    same: impl Fn(&GoldEntity, &Finding) -> bool,
    fp_context: impl Fn(&Finding) -> String,
) -> RecordResult {
    // The severity of the finding each gold entity matched.
    let mut matched_gold: Vec<Option<Severity>> = vec![None; rec.entities.len()];
    let mut r = RecordResult {
        counts: covered.iter().map(|k| (*k, Counts::default())).collect(),
        not_covered: BTreeMap::new(),
        tags: BTreeMap::new(),
        misses: Vec::new(),
        false_alarms: Vec::new(),
        severity: BTreeMap::new(),
        wrong_severity: Vec::new(),
    };
    for f in found {
        let hit = rec
            .entities
            .iter()
            .enumerate()
            .position(|(i, g)| matched_gold[i].is_none() && g.kind == f.kind && same(g, f));
        let c = r.counts.entry(f.kind).or_default();
        match hit {
            Some(i) => {
                matched_gold[i] = Some(f.severity);
                c.tp += 1;
            }
            None => {
                c.fp += 1;
                r.false_alarms.push(ErrorCase {
                    id: rec.id.clone(),
                    kind: f.kind,
                    text: f.text.clone(),
                    context: fp_context(f),
                    rule: Some(f.rule.to_string()),
                    tags: Vec::new(),
                    severity: None,
                });
            }
        }
    }
    for (g, matched) in rec.entities.iter().zip(matched_gold) {
        let case = |severity: Option<Severity>| ErrorCase {
            id: rec.id.clone(),
            kind: g.kind,
            text: rec.text[g.start..g.end].to_string(),
            context: context(&rec.text, g.start, g.end),
            rule: None,
            tags: g.tags.clone(),
            severity,
        };
        if !covered.contains(&g.kind) {
            *r.not_covered.entry(g.kind).or_default() += 1;
            continue;
        }
        for t in g.tags.iter().chain(&rec.tags) {
            tally(&mut r.tags, t, matched.is_some());
        }
        if let Some(found) = matched {
            for t in &g.tags {
                let Some(want) = expected_severity(t) else {
                    continue;
                };
                tally(&mut r.severity, t, found == want);
                if found != want {
                    r.wrong_severity.push(case(Some(found)));
                }
            }
        }
        if matched.is_none() {
            r.counts.entry(g.kind).or_default().fn_ += 1;
            r.misses.push(case(None));
        }
    }
    r
}

/// Counts one case under `tag`: (hits, cases).
fn tally(counts: &mut BTreeMap<String, (usize, usize)>, tag: &str, hit: bool) {
    let e = counts.entry(tag.to_string()).or_default();
    e.0 += usize::from(hit);
    e.1 += 1;
}

/// Adds one record's tallies to the totals.
fn add_tallies(
    total: &mut BTreeMap<String, (usize, usize)>,
    record: BTreeMap<String, (usize, usize)>,
) {
    for (t, (a, b)) in record {
        let e = total.entry(t).or_default();
        e.0 += a;
        e.1 += b;
    }
}

impl RecordResult {
    /// The kinds of the false alarms, one entry each.
    #[cfg_attr(not(feature = "images"), allow(dead_code))]
    pub(crate) fn false_alarm_kinds(&self) -> Vec<Kind> {
        self.false_alarms.iter().map(|e| e.kind).collect()
    }
}

impl Evaluation {
    /// An empty evaluation counting `covered` kinds.
    pub(crate) fn for_kinds(covered: &[Kind]) -> Evaluation {
        Evaluation {
            kinds: covered.iter().map(|k| (*k, Counts::default())).collect(),
            ..Evaluation::default()
        }
    }

    /// Adds one record's result.
    pub(crate) fn merge(&mut self, r: RecordResult) {
        for (k, c) in r.counts {
            self.kinds.entry(k).or_default().add(c);
        }
        for (k, n) in r.not_covered {
            *self.not_covered.entry(k).or_default() += n;
        }
        add_tallies(&mut self.tags, r.tags);
        self.misses.extend(r.misses);
        self.false_alarms.extend(r.false_alarms);
        add_tallies(&mut self.severity, r.severity);
        self.wrong_severity.extend(r.wrong_severity);
    }
}

/// Scans every gold record (in parallel) and scores the findings.
///
/// # Example
/// ```
/// use postvakt::{eval, Scanner};
/// let line = br#"{"id":"1","text":"pnr 811228-9874","entities":[{"kind":"personnummer","start":4,"end":15}]}"#;
/// let e = eval::evaluate(&Scanner::new(), [eval::parse_gold(1, line)]);
/// assert_eq!(e.total().recall(), Some(1.0));
/// ```
pub fn evaluate<I>(scanner: &Scanner, records: I) -> Evaluation
where
    I: IntoIterator<Item = Result<GoldRecord, RecordError>>,
{
    evaluate_at(scanner, records, Severity::Info)
}

/// Like [`evaluate`] (which counts every finding), counting only findings
/// at or above `min`: with `low`, what `postvakt check` and `scan` show by
/// default.
pub fn evaluate_at<I>(scanner: &Scanner, records: I, min: Severity) -> Evaluation
where
    I: IntoIterator<Item = Result<GoldRecord, RecordError>>,
{
    let covered = scanner.kinds();
    let all: Vec<_> = records.into_iter().collect();
    let results: Vec<Result<RecordResult, RecordError>> = all
        .par_iter()
        .map(|r| match r {
            Ok(rec) => Ok(score_record(scanner, &covered, min, rec)),
            Err(e) => Err(e.clone()),
        })
        .collect();
    let mut ev = Evaluation::for_kinds(&covered);
    ev.records = all.len();
    for r in results {
        match r {
            Ok(r) => ev.merge(r),
            Err(e) => ev.failed.push(e),
        }
    }
    ev
}

fn fmt_ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "    -".to_string(), |v| format!("{v:.3}"))
}

/// The plain-text report: a table per kind, then (with `show_errors`) the
/// misses and false alarms.
pub fn render(ev: &Evaluation, show_errors: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} records, {} failed", ev.records, ev.failed.len());
    let _ = writeln!(
        out,
        "{:<18} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
        "kind", "tp", "fp", "fn", "precision", "recall", "f1"
    );
    let mut row = |name: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            name,
            c.tp,
            c.fp,
            c.fn_,
            fmt_ratio(c.precision()),
            fmt_ratio(c.recall()),
            fmt_ratio(c.f1())
        );
    };
    for (k, c) in &ev.kinds {
        row(k.as_str(), c);
    }
    row("all", &ev.total());
    if !ev.not_covered.is_empty() {
        let list: Vec<String> = ev
            .not_covered
            .iter()
            .map(|(k, n)| format!("{k} ({n})"))
            .collect();
        let _ = writeln!(
            out,
            "gold kinds no enabled detector reports (not scored): {}",
            list.join(", ")
        );
    }
    for e in &ev.failed {
        let _ = writeln!(out, "failed: {e}");
    }
    if show_errors {
        if !ev.tags.is_empty() {
            let _ = writeln!(out, "\nrecall per tag:");
            for (t, (a, b)) in &ev.tags {
                let _ = writeln!(out, "  {t:<16} {a}/{b} {}", fmt_ratio(ratio(*a, *b)));
            }
        }
        if !ev.severity.is_empty() {
            let _ = writeln!(out, "\nseverity as the tag calls for (of those found):");
            for (t, (a, b)) in &ev.severity {
                let want = expected_severity(t).map_or("", |s| s.as_str());
                let _ = writeln!(out, "  {t:<16} {a}/{b} {want}");
            }
            if !ev.wrong_severity.is_empty() {
                let _ = writeln!(out, "\nwrong severity ({}):", ev.wrong_severity.len());
                for m in &ev.wrong_severity {
                    let found = m.severity.map_or("", |s| s.as_str());
                    let _ = writeln!(
                        out,
                        "  {} {} [{}] {found}: {}",
                        m.id,
                        m.kind,
                        m.tags.join(","),
                        m.context
                    );
                }
            }
        }
        let _ = writeln!(out, "\nmisses ({}):", ev.misses.len());
        for m in &ev.misses {
            let tags = if m.tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", m.tags.join(","))
            };
            let _ = writeln!(out, "  {} {}{}: {}", m.id, m.kind, tags, m.context);
        }
        let _ = writeln!(out, "\nfalse alarms ({}):", ev.false_alarms.len());
        for m in &ev.false_alarms {
            let _ = writeln!(
                out,
                "  {} {} ({}): {}",
                m.id,
                m.kind,
                m.rule.as_deref().unwrap_or(""),
                m.context
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(text: &str, ents: &[(Kind, &str)]) -> Result<GoldRecord, RecordError> {
        Ok(GoldRecord {
            image: None,
            tags: Vec::new(),
            id: "r".into(),
            text: text.into(),
            entities: ents
                .iter()
                .map(|(k, s)| {
                    let start = text.find(s).unwrap();
                    GoldEntity {
                        kind: *k,
                        start,
                        end: start + s.len(),
                        tags: vec!["t".into()],
                    }
                })
                .collect(),
        })
    }

    #[test]
    fn counts_hits_misses_and_false_alarms() {
        let s = Scanner::new();
        let ev = evaluate(
            &s,
            [
                gold("pnr 811228-9874", &[(Kind::Personnummer, "811228-9874")]),
                // labelled wrongly as samordningsnummer: one miss, one false alarm
                gold(
                    "pnr 811228-9874",
                    &[(Kind::Samordningsnummer, "811228-9874")],
                ),
                gold("Ring mig", &[(Kind::Location, "mig")]),
            ],
        );
        let p = ev.kinds[&Kind::Personnummer];
        assert_eq!((p.tp, p.fp, p.fn_), (1, 1, 0));
        let c = ev.kinds[&Kind::Samordningsnummer];
        assert_eq!((c.tp, c.fp, c.fn_), (0, 0, 1));
        assert_eq!(ev.not_covered[&Kind::Location], 1);
        assert_eq!(ev.misses.len(), 1);
        assert_eq!(ev.false_alarms[0].context, "pnr «811228-9874»");
        assert_eq!(ev.tags["t"], (1, 2));
        assert_eq!(p.precision(), Some(0.5));
        let report = render(&ev, true);
        assert!(report.contains("personnummer"));
        assert!(report.contains("location (1)"));
    }

    #[test]
    fn greetings_and_general_mentions_are_scored_for_their_severity() {
        let tagged = |text: &str, kind: Kind, span: &str, tag: &str| {
            let mut g = gold(text, &[(kind, span)]).unwrap();
            g.entities[0].tags = vec![tag.into()];
            Ok(g)
        };
        let ev = evaluate(
            &Scanner::new(),
            [
                // The greeted resident: low, as the tag calls for.
                tagged("Hej Lisa! Vi har öppet.", Kind::Name, "Lisa", "greeting"),
                // Tagged a greeting but found as a third person: wrong.
                tagged("Vi träffade Lisa i går.", Kind::Name, "Lisa", "greeting"),
                // The writer's signature: info.
                tagged(
                    "Vi har öppet till 19.\n/Anna Berg, kommunikatör",
                    Kind::Name,
                    "Anna Berg",
                    "signature",
                ),
            ],
        );
        assert_eq!(ev.severity["greeting"], (1, 2));
        assert_eq!(ev.severity["signature"], (1, 1));
        assert_eq!(ev.wrong_severity.len(), 1);
        assert_eq!(ev.wrong_severity[0].severity, Some(Severity::Medium));
        assert!(render(&ev, true).contains("wrong severity (1):"));
        // Found either way: recall does not see it.
        assert_eq!(ev.kinds[&Kind::Name].recall(), Some(1.0));
    }

    #[test]
    fn bad_gold_spans_are_errors() {
        let e = parse_gold(
            4,
            r#"{"id":"x","text":"åb","entities":[{"kind":"name","start":1,"end":2}]}"#.as_bytes(),
        )
        .unwrap_err();
        assert!(e.message.contains("char boundary"), "{e}");
        let e = parse_gold(
            4,
            br#"{"id":"x","text":"a","entities":[{"kind":"nam","start":0,"end":1}]}"#,
        )
        .unwrap_err();
        assert!(e.message.contains("nam"), "{e}");
    }
}
