//! From OCR words to one text the scanner reads, and from a finding's byte
//! span back to boxes in pixels.
//!
//! Pure data work, no Tesseract: it is tested (and fuzzed) without it.

use crate::BBox;

/// One word Tesseract read, with its box and confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// The word as read.
    pub text: String,
    /// Tesseract's confidence, 0 to 1.
    pub conf: f32,
    /// The word's box in pixels of the image given to Tesseract.
    pub bbox: BBox,
    /// Text block (paragraphs and columns are separate blocks).
    pub block: u32,
    /// Line, unique within the image.
    pub line: u32,
}

/// Parses Tesseract's TSV output (`GetTSVText`): the word rows (level 5)
/// with a non-empty text. Malformed rows are skipped, never a panic: the
/// text comes from a C library reading untrusted pixels.
pub fn parse_tsv(tsv: &str) -> Vec<OcrWord> {
    let mut words = Vec::new();
    let mut line_ids: Vec<(u32, u32, u32, u32)> = Vec::new();
    for row in tsv.lines() {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() != 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<u32>().ok();
        let (Some(page), Some(block), Some(par), Some(line)) = (num(1), num(2), num(3), num(4))
        else {
            continue;
        };
        let (Some(x), Some(y), Some(width), Some(height)) = (num(6), num(7), num(8), num(9)) else {
            continue;
        };
        let Ok(conf) = cols[10].trim().parse::<f32>() else {
            continue;
        };
        let text = cols[11].trim();
        if text.is_empty() || !conf.is_finite() || conf < 0.0 {
            continue;
        }
        if x.checked_add(width).is_none() || y.checked_add(height).is_none() {
            continue;
        }
        let key = (page, block, par, line);
        let line = match line_ids.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                line_ids.push(key);
                line_ids.len() - 1
            }
        } as u32;
        words.push(OcrWord {
            text: text.to_string(),
            conf: (conf / 100.0).clamp(0.0, 1.0),
            bbox: BBox {
                x,
                y,
                width,
                height,
            },
            block: page.saturating_mul(10_000).saturating_add(block),
            line,
        });
    }
    words
}

/// The words joined into text: a space between words of a line, a newline
/// between lines, a blank line between blocks (so a name chain or an address
/// never runs from one column into the next).
#[derive(Debug, Clone, Default)]
pub struct OcrText {
    /// The text the scanner reads.
    pub text: String,
    words: Vec<OcrWord>,
    /// Byte span of each word in `text`.
    spans: Vec<(usize, usize)>,
}

impl OcrText {
    /// Joins `words` (in Tesseract's reading order), repairing the `@` that
    /// Tesseract reads as `Q` or `Ö` in e-mail addresses (see
    /// [`repair_at_sign`]).
    pub fn new(mut words: Vec<OcrWord>) -> OcrText {
        for w in &mut words {
            if let Some(fixed) = repair_at_sign(&w.text) {
                w.text = fixed;
            }
        }
        let mut text = String::new();
        let mut spans = Vec::with_capacity(words.len());
        let mut prev: Option<&OcrWord> = None;
        for w in &words {
            match prev {
                Some(p) if p.block != w.block => text.push_str("\n\n"),
                // A number broken at its hyphen by the end of a line
                // (`19261030-` / `1234`) is one number again.
                Some(p) if p.line != w.line && broken_number(&p.text, &w.text) => {}
                Some(p) if p.line != w.line => text.push('\n'),
                Some(_) => text.push(' '),
                None => {}
            }
            let start = text.len();
            text.push_str(&w.text);
            spans.push((start, text.len()));
            prev = Some(w);
        }
        OcrText { text, words, spans }
    }

    /// The words read.
    pub fn words(&self) -> &[OcrWord] {
        &self.words
    }

    /// Mean word confidence, 0 to 1 (0 without words).
    pub fn mean_conf(&self) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        self.words.iter().map(|w| w.conf).sum::<f32>() / self.words.len() as f32
    }

    /// The boxes under the byte span `start..end`: one per line it touches,
    /// each the union of its words' boxes, and the lowest confidence of those
    /// words. `None` when the span touches no word.
    pub fn locate(&self, start: usize, end: usize) -> Option<(Vec<BBox>, f32)> {
        let mut lines: Vec<(u32, BBox)> = Vec::new();
        let mut conf = 1.0f32;
        let first = self.spans.partition_point(|&(_, e)| e <= start);
        for (i, &(s, e)) in self.spans.iter().enumerate().skip(first) {
            if s >= end {
                break;
            }
            if e <= start {
                continue;
            }
            let w = &self.words[i];
            conf = conf.min(w.conf);
            match lines.last_mut() {
                Some((line, b)) if *line == w.line => *b = b.union(w.bbox),
                _ => lines.push((w.line, w.bbox)),
            }
        }
        if lines.is_empty() {
            return None;
        }
        Some((lines.into_iter().map(|(_, b)| b).collect(), conf))
    }
}

/// Tesseract reads `@` as `Q` (eng) or `Ö` (swe) often enough to miss
/// e-mail addresses (corpus/images: 2 of 26). A word with no `@`, a
/// lowercase local part, one of those letters, and a lowercase dotted
/// domain ending in a top-level domain gets its `@` back:
/// `elevhalsanQforshaga.se` → `elevhalsan@forshaga.se`. `Qatar.se`,
/// `FAQ.pdf` and ordinary words do not match (the local part must be
/// lowercase and non-empty, the domain must have a dot).
pub fn repair_at_sign(word: &str) -> Option<String> {
    if word.contains('@') {
        return None;
    }
    let body = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    let (i, c) = body
        .char_indices()
        .find(|&(i, c)| i > 0 && matches!(c, 'Q' | 'Ö' | '©' | '®'))?;
    let (local, domain) = (&body[..i], &body[i + c.len_utf8()..]);
    let local_ok = local
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._+-".contains(c))
        && local.starts_with(|c: char| c.is_ascii_alphanumeric());
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()));
    (local_ok && domain_ok).then(|| format!("{local}@{domain}{}", &word[body.len()..]))
}

/// `prev` ends in a digit and a hyphen, `next` starts with a digit.
fn broken_number(prev: &str, next: &str) -> bool {
    let mut tail = prev.chars().rev();
    matches!(
        (tail.next(), tail.next()),
        (Some('-' | '–'), Some(d)) if d.is_ascii_digit()
    ) && next.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t1000\t236\t-1\t
4\t1\t1\t1\t1\t0\t20\t20\t600\t30\t-1\t
5\t1\t1\t1\t1\t1\t20\t20\t90\t30\t96.5\tKontakta
5\t1\t1\t1\t1\t2\t120\t20\t80\t30\t91\tMärta
5\t1\t1\t1\t1\t3\t210\t22\t90\t28\t93\tÖberg
5\t1\t1\t1\t2\t1\t20\t60\t70\t30\t88\tpå
5\t1\t1\t1\t2\t2\t100\t60\t150\t30\t90\t054-540
5\t1\t2\t1\t1\t1\t20\t200\t70\t30\t-1\t
5\t1\t2\t1\t1\t2\t20\t200\t70\t30\t95\tSlut
5\tbad\trow
";

    #[test]
    fn words_lines_and_blocks() {
        let words = parse_tsv(TSV);
        assert_eq!(words.len(), 6);
        assert_eq!(words[1].text, "Märta");
        assert!((words[0].conf - 0.965).abs() < 1e-6);
        let t = OcrText::new(words);
        assert_eq!(t.text, "Kontakta Märta Öberg\npå 054-540\n\nSlut");
    }

    #[test]
    fn a_span_maps_to_the_union_of_its_words_per_line() {
        let t = OcrText::new(parse_tsv(TSV));
        let start = t.text.find("Märta").unwrap();
        let end = t.text.find("Öberg").unwrap() + "Öberg".len();
        let (boxes, conf) = t.locate(start, end).unwrap();
        assert_eq!(
            boxes,
            vec![BBox {
                x: 120,
                y: 20,
                width: 180,
                height: 30
            }]
        );
        assert!((conf - 0.91).abs() < 1e-6);
        // Wrapping over two lines: two boxes.
        let end = t.text.find("054").unwrap() + 3;
        let (boxes, _) = t.locate(start, end).unwrap();
        assert_eq!(boxes.len(), 2);
        assert_eq!(boxes[1].y, 60);
        // Inside one word.
        let at = t.text.find("054").unwrap();
        let (boxes, _) = t.locate(at + 1, at + 3).unwrap();
        assert_eq!(boxes[0].x, 100);
        // Between words (the blank line).
        let gap = t.text.find("\n\n").unwrap();
        assert!(t.locate(gap, gap + 2).is_none());
    }

    #[test]
    fn a_number_broken_at_a_line_end_is_joined() {
        let w = |text: &str, line: u32, x: u32| OcrWord {
            text: text.into(),
            conf: 0.9,
            bbox: BBox {
                x,
                y: line * 30,
                width: 100,
                height: 20,
            },
            block: 1,
            line,
        };
        let t = OcrText::new(vec![
            w("Personnummer", 0, 0),
            w("19261030-", 0, 120),
            w("1234", 1, 0),
            w("står", 1, 110),
            w("social-", 1, 200),
            w("tjänsten", 2, 0),
        ]);
        assert_eq!(t.text, "Personnummer 19261030-1234 står social-\ntjänsten");
        let start = t.text.find("1926").unwrap();
        let (boxes, _) = t.locate(start, start + 13).unwrap();
        assert_eq!(boxes.len(), 2, "one box per line");
    }

    #[test]
    fn at_signs_read_as_letters_are_repaired() {
        assert_eq!(
            repair_at_sign("elevhalsanQforshaga.se").as_deref(),
            Some("elevhalsan@forshaga.se")
        );
        assert_eq!(
            repair_at_sign("marta.obergÖkarlstad.se,").as_deref(),
            Some("marta.oberg@karlstad.se,")
        );
        for word in [
            "Qatar.se",
            "FAQ.pdf",
            "QÖ",
            "ÖrebroQkommun.se",
            "aQb",
            "kalle@x.se",
            "xQ.se",
            "Öberg",
        ] {
            assert_eq!(repair_at_sign(word), None, "{word}");
        }
    }

    #[test]
    fn garbage_never_panics() {
        for s in [
            "",
            "\t\t\t",
            "5\t1\t1\t1\t1\t1\t4294967295\t0\t5\t5\t90\tx",
            "5\t1",
        ] {
            let t = OcrText::new(parse_tsv(s));
            let _ = t.locate(0, t.text.len());
        }
    }
}
