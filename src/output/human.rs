//! The report a communicator reads: the draft with findings highlighted,
//! then each finding with where it is, how sure and serious, and why.
//!
//! Colour (ANSI) only when the caller says so; without colour findings are
//! marked `«…»[n]`. Never writes anywhere itself: it returns a `String`.

use std::fmt::Write;

use crate::{Finding, Lang, Severity};

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colours (only for a terminal, and not with `NO_COLOR`).
    pub color: bool,
    /// Language of labels.
    pub lang: Lang,
    /// Print `[kind]` instead of found text.
    pub masked: bool,
}

/// Texts longer than this many lines show only the lines with findings.
const FULL_TEXT_LINES: usize = 40;

fn color_of(s: Severity) -> &'static str {
    match s {
        Severity::High => "\x1b[1;31m",
        Severity::Medium => "\x1b[1;33m",
        Severity::Low => "\x1b[36m",
        Severity::Info => "\x1b[2m",
    }
}
const RESET: &str = "\x1b[0m";

/// 1-based line and column (in characters) of byte `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let head = &text[..at];
    let line = head.matches('\n').count() + 1;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    (line, head[line_start..].chars().count() + 1)
}

/// Renders the report for one draft named `name`.
pub fn render_check(name: &str, text: &str, findings: &[Finding], style: Style) -> String {
    let sv = style.lang == Lang::Sv;
    let mut out = String::new();
    if findings.is_empty() {
        let _ = writeln!(
            out,
            "{name}: {}",
            if sv { "inga fynd." } else { "nothing found." }
        );
        return out;
    }
    // The text with each finding marked.
    let mut marked = String::with_capacity(text.len() + findings.len() * 16);
    let mut at = 0;
    for (i, f) in findings.iter().enumerate() {
        marked.push_str(&text[at..f.start]);
        let shown = if style.masked {
            format!("[{}]", f.kind)
        } else {
            text[f.start..f.end].to_string()
        };
        if style.color {
            let _ = write!(
                marked,
                "{}{shown}{RESET}\x1b[2m[{}]{RESET}",
                color_of(f.severity),
                i + 1
            );
        } else {
            let _ = write!(marked, "«{shown}»[{}]", i + 1);
        }
        at = f.end;
    }
    marked.push_str(&text[at..]);
    let lines: Vec<&str> = marked.lines().collect();
    let wanted: Vec<usize> = if lines.len() <= FULL_TEXT_LINES {
        (1..=lines.len()).collect()
    } else {
        let mut v: Vec<usize> = findings.iter().map(|f| line_col(text, f.start).0).collect();
        v.dedup();
        v
    };
    let width = lines.len().to_string().len();
    for n in wanted {
        if let Some(l) = lines.get(n - 1) {
            let _ = writeln!(out, "{n:>width$} | {l}");
        }
    }
    out.push('\n');
    for (i, f) in findings.iter().enumerate() {
        let (line, col) = line_col(text, f.start);
        write_finding(&mut out, i + 1, &format!("{name}:{line}:{col}"), f, style);
    }
    out.push_str(&summary_line(findings, style.lang));
    out.push('\n');
    out
}

/// One checked image: a header (format, size, OCR figures or the error),
/// then each finding with its box or metadata field. `number_from` continues
/// the numbering of the draft's findings.
#[cfg(feature = "images")]
pub fn render_image(
    report: &crate::images::ImageReport,
    findings: &[&Finding],
    number_from: usize,
    style: Style,
) -> String {
    let sv = style.lang == Lang::Sv;
    let mut out = String::new();
    let _ = write!(
        out,
        "{} {}",
        if sv { "bild" } else { "image" },
        report.image
    );
    if let Some(format) = report.format {
        let _ = write!(out, " ({format} {}×{}", report.width, report.height);
        if let Some(o) = &report.ocr {
            let _ = write!(
                out,
                ", OCR {} {}, {:.0} %",
                o.words,
                if sv { "ord" } else { "words" },
                o.mean_conf * 100.0
            );
        }
        out.push(')');
    }
    out.push_str(":\n");
    if let Some(e) = &report.error {
        let _ = writeln!(
            out,
            "    {} {e}",
            if sv {
                "KUNDE INTE KONTROLLERAS:"
            } else {
                "NOT CHECKED:"
            }
        );
    }
    for (i, f) in findings.iter().enumerate() {
        let place = match f.source.as_deref() {
            Some(crate::Source { bbox: Some(b), .. }) => {
                format!("x={} y={} {}×{}", b.x, b.y, b.width, b.height)
            }
            Some(crate::Source {
                metadata: Some(m), ..
            }) => format!("metadata {m}"),
            _ => String::new(),
        };
        write_finding(&mut out, number_from + i, &place, f, style);
    }
    if findings.is_empty() && report.error.is_none() {
        let _ = writeln!(
            out,
            "    {}",
            if sv { "inga fynd." } else { "nothing found." }
        );
    }
    out
}

/// One finding's entry: number, place, kind, severity, score, text, then
/// the explanation and the rule on their own lines.
fn write_finding(out: &mut String, number: usize, place: &str, f: &Finding, style: Style) {
    let sv = style.lang == Lang::Sv;
    let shown = if style.masked {
        format!("[{}]", f.kind)
    } else {
        f.text.clone()
    };
    let sev = f.severity.label(style.lang);
    let (c, r) = if style.color {
        (color_of(f.severity), RESET)
    } else {
        ("", "")
    };
    let _ = writeln!(
        out,
        "[{number}] {place}  {c}{} {sev}{r}  {}{:.2}  {shown}",
        f.kind,
        if sv { "säkerhet " } else { "score " },
        f.score,
    );
    let _ = writeln!(out, "    {}", f.explanation);
    let _ = writeln!(
        out,
        "    {} {}",
        if sv { "regel:" } else { "rule:" },
        f.rule
    );
}

/// "3 fynd: 1 hög, 2 medel" / "3 findings: 1 high, 2 medium".
pub fn summary_line(findings: &[Finding], lang: Lang) -> String {
    let mut parts = Vec::new();
    for s in Severity::ALL.iter().rev() {
        let n = findings.iter().filter(|f| f.severity == *s).count();
        if n > 0 {
            parts.push(format!("{n} {}", s.label(lang)));
        }
    }
    let noun = match (lang, findings.len()) {
        (Lang::Sv, _) => "fynd",
        (Lang::En, 1) => "finding",
        (Lang::En, _) => "findings",
    };
    format!("{} {noun}: {}", findings.len(), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let t = "åäö\nab 12";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, t.find("12").unwrap()), (2, 4));
        assert_eq!(line_col(t, 6), (1, 4));
    }
}
