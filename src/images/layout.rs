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
    /// Joins `words` (in Tesseract's reading order).
    pub fn new(words: Vec<OcrWord>) -> OcrText {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(words.len());
        let mut prev: Option<&OcrWord> = None;
        for w in &words {
            match prev {
                Some(p) if p.block != w.block => text.push_str("\n\n"),
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
