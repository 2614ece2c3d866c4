//! Scoring OCR findings on labelled images (`postvakt eval --images`).
//!
//! A gold record names its image and holds the text written in it. An OCR
//! finding matches a gold entity of its kind when their texts agree once
//! case, spaces, punctuation and diacritics are set aside (OCR rarely keeps
//! spacing exactly and often drops the dots of `ö`), or one holds the other
//! and covers at least 60 % of it (an address read without its town). A
//! digit read wrong is a miss. The same records are also scanned as
//! plain text, so false alarms in images can be compared with false alarms
//! on the text itself.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::{check_image_with, ImageOptions, OcrEngine};
use crate::eval::{self, Evaluation, GoldRecord};
use crate::input::RecordError;
use crate::{Finding, Kind, Scanner, Severity};

/// The result of [`evaluate_images`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImageEvaluation {
    /// Scores of the OCR findings.
    pub images: Evaluation,
    /// False alarms per kind when the same gold texts are scanned as plain
    /// text: the baseline for `images.false_alarms`.
    pub text_false_alarms: BTreeMap<Kind, usize>,
    /// Images that could not be read or OCR'd: `(image, error)`.
    pub failed_images: Vec<(String, String)>,
    /// Milliseconds in Tesseract, summed over images.
    pub ocr_ms: f64,
    /// Milliseconds in the scanner, summed over images.
    pub scan_ms: f64,
}

/// Letters, digits, lowercase, diacritics dropped: OCR often loses the dots
/// and accents (`Öberg` → `Oberg`) while finding the right thing in the
/// right place, and redaction covers it all the same.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ć' | 'č' | 'ç' => 'c',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ñ' | 'ń' => 'n',
            'ł' => 'l',
            'ý' => 'y',
            'đ' => 'd',
            c => c,
        })
        .collect()
}

/// Kinds where one character read wrong makes another value: digits.
fn exact_kind(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::Name | Kind::Address | Kind::Confidential | Kind::Sensitive
    )
}

/// Levenshtein distance over chars, stopping early above `max`.
fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|&m| m > max) {
            return false;
        }
        prev = cur;
    }
    prev[b.len()] <= max
}

fn same_text(kind: Kind, gold: &str, found: &str) -> bool {
    let (g, f) = (norm(gold), norm(found));
    if g.is_empty() || f.is_empty() {
        return false;
    }
    if g == f {
        return true;
    }
    // Names and addresses: one letter in ten may be read wrong (`Igh` for
    // `lgh`); numbers must be read right.
    if !exact_kind(kind) && within_edits(&g, &f, (g.chars().count() / 10).max(1)) {
        return true;
    }
    let (short, long) = if g.len() < f.len() {
        (&g, &f)
    } else {
        (&f, &g)
    };
    long.contains(short.as_str()) && short.len() * 10 >= long.len() * 6
}

/// Checks each gold record's image (read from `dir`) with `engine` and
/// scores its OCR findings at or above `min`. Records without `image` are read as failed.
pub fn evaluate_images<I>(
    scanner: &Scanner,
    dir: &Path,
    records: I,
    options: &ImageOptions,
    min: Severity,
    engine: &dyn OcrEngine,
) -> ImageEvaluation
where
    I: IntoIterator<Item = Result<GoldRecord, RecordError>>,
{
    let covered = scanner.kinds();
    let all: Vec<_> = records.into_iter().collect();
    let mut out = ImageEvaluation {
        images: Evaluation::for_kinds(&covered),
        ..ImageEvaluation::default()
    };
    out.images.records = all.len();
    let results: Vec<_> = all
        .par_iter()
        .map(|r| {
            let rec = r.as_ref().map_err(Clone::clone)?;
            let Some(image) = &rec.image else {
                return Err(RecordError {
                    line: 0,
                    id: Some(rec.id.clone()),
                    message: "no `image` field".into(),
                });
            };
            let (report, error) = match std::fs::read(dir.join(image)) {
                Ok(bytes) => {
                    let (report, _) =
                        check_image_with(scanner, image, &bytes, options, Some(engine));
                    let e = report.error.clone();
                    (Some(report), e)
                }
                Err(e) => (None, Some(format!("could not read: {e}"))),
            };
            let mut found: Vec<Finding> = report
                .as_ref()
                .map(|r| r.findings.clone())
                .unwrap_or_default();
            found.retain(|f| {
                f.severity >= min && f.source.as_ref().is_some_and(|s| s.bbox.is_some())
            });
            let scored = eval::score_findings(
                &covered,
                rec,
                &found,
                |g, f| same_text(g.kind, &rec.text[g.start..g.end], &f.text),
                |f| format!("«{}» (OCR)", f.text.replace('\n', " ")),
            );
            let mut plain = scanner.scan_text(&rec.text);
            plain.retain(|f| f.severity >= min);
            let baseline = eval::score_findings(
                &covered,
                rec,
                &plain,
                |g, f| g.start < f.end && f.start < g.end,
                |_| String::new(),
            );
            let text_fp: Vec<Kind> = baseline.false_alarm_kinds();
            let stats = report.as_ref().and_then(|r| r.ocr);
            Ok((scored, text_fp, stats, error.map(|e| (image.clone(), e))))
        })
        .collect();
    for r in results {
        match r {
            Ok((scored, text_fp, stats, error)) => {
                out.images.merge(scored);
                for k in text_fp {
                    *out.text_false_alarms.entry(k).or_default() += 1;
                }
                if let Some(s) = stats {
                    out.ocr_ms += s.ocr_ms;
                    out.scan_ms += s.scan_ms;
                }
                out.failed_images.extend(error);
            }
            Err(e) => out.images.failed.push(e),
        }
    }
    out
}

/// The plain-text report: the per-kind table for images, false alarms
/// against the plain-text baseline, time in OCR versus scanning, then (with
/// `show_errors`) per-tag recall, misses and false alarms.
pub fn render(ev: &ImageEvaluation, show_errors: bool) -> String {
    let mut out = String::from("images (OCR):\n");
    out.push_str(&eval::render(&ev.images, show_errors));
    let text_fp: usize = ev.text_false_alarms.values().sum();
    let _ = writeln!(
        out,
        "false alarms: {} in images, {} when the same texts are scanned as plain text",
        ev.images.total().fp,
        text_fp
    );
    let total = ev.ocr_ms + ev.scan_ms;
    if total > 0.0 {
        let n = ev.images.records.max(1) as f64;
        let _ = writeln!(
            out,
            "time: {:.0} ms per image ({:.1} % OCR, {:.1} % scanning), summed over threads",
            total / n,
            100.0 * ev.ocr_ms / total,
            100.0 * ev.scan_ms / total
        );
    }
    for (image, e) in &ev.failed_images {
        let _ = writeln!(out, "image failed: {image}: {e}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_text_matching() {
        use Kind::*;
        assert!(same_text(Phone, "054-540 12 34", "054-540 1234"));
        assert!(same_text(Name, "Märta Öberg", "MÄRTA ÖBERG"));
        assert!(same_text(Name, "Milan Petrović", "Milan Petrovic"));
        assert!(same_text(
            Address,
            "Åsgatan 12, 652 25 Karlstad",
            "Åsgatan 12, 652 25"
        ));
        assert!(same_text(
            Address,
            "Fältgatan 6 lgh 1102",
            "Faltgatan 6 Igh 1102"
        ));
        assert!(!same_text(Personnummer, "811228-9874", "811228-9875"));
        assert!(!same_text(Phone, "070-123 45 67", "070-123 45 61"));
        assert!(!same_text(
            Address,
            "Åsgatan 12, 652 25 Karlstad",
            "Karlstad"
        ));
        assert!(!same_text(Name, "", "x"));
        assert!(within_edits("kitten", "sitting", 3) && !within_edits("kitten", "sitting", 2));
    }
}
