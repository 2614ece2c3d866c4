//! Splits a byte stream into lines with a length cap, so a huge or endless
//! line costs bounded memory and becomes one error instead of an abort.

use std::io::BufRead;

use super::RecordError;

/// The default cap on one line: 16 MiB.
pub const DEFAULT_MAX_LINE: usize = 16 << 20;

/// An iterator over non-blank lines (without the line ending) with their
/// 1-based numbers. A line over the cap yields an error for that line and
/// the reader skips to the next; an I/O error ends the iteration after it is
/// yielded.
pub struct Lines<R> {
    reader: R,
    max_line: usize,
    line: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Reads lines from `reader`, refusing lines longer than `max_line` bytes.
    pub fn new(reader: R, max_line: usize) -> Self {
        Lines {
            reader,
            max_line,
            line: 0,
            done: false,
        }
    }

    /// Reads one line into `buf`; Ok(false) at end of input. Returns
    /// `Ok(true)` with `too_long` set when the cap was passed (the rest of
    /// the line is consumed and dropped).
    fn read_line(&mut self, buf: &mut Vec<u8>, too_long: &mut bool) -> std::io::Result<bool> {
        let mut any = false;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any);
            }
            any = true;
            let (part, found_newline) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..i], true),
                None => (chunk, false),
            };
            if !*too_long {
                if buf.len() + part.len() > self.max_line {
                    *too_long = true;
                    buf.clear();
                } else {
                    buf.extend_from_slice(part);
                }
            }
            let used = part.len() + usize::from(found_newline);
            self.reader.consume(used);
            if found_newline {
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<(usize, Vec<u8>), RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut buf = Vec::new();
            let mut too_long = false;
            match self.read_line(&mut buf, &mut too_long) {
                Ok(false) => self.done = true,
                Ok(true) => {
                    self.line += 1;
                    if too_long {
                        return Some(Err(RecordError {
                            line: self.line,
                            id: None,
                            message: format!(
                                "line is longer than {} bytes; skipped",
                                self.max_line
                            ),
                        }));
                    }
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok((self.line, buf)));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        line: self.line + 1,
                        id: None,
                        message: format!("read error: {e}; input ends here"),
                    }));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8], max: usize) -> Vec<Result<(usize, Vec<u8>), RecordError>> {
        // A tiny buffer exercises lines split across reads.
        Lines::new(std::io::BufReader::with_capacity(3, input), max).collect()
    }

    #[test]
    fn numbers_lines_and_skips_blank_ones() {
        let got = collect(b"a\r\n\n  \nbcd\nlast", 100);
        let ok: Vec<_> = got.into_iter().map(Result::unwrap).collect();
        assert_eq!(
            ok,
            vec![
                (1, b"a".to_vec()),
                (4, b"bcd".to_vec()),
                (5, b"last".to_vec())
            ]
        );
    }

    #[test]
    fn long_lines_become_errors_and_reading_goes_on() {
        let got = collect(b"ok\n0123456789abcdef\nnext\n", 8);
        assert_eq!(got[0], Ok((1, b"ok".to_vec())));
        let err = got[1].as_ref().unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("longer than 8"));
        assert_eq!(got[2], Ok((3, b"next".to_vec())));
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(collect(b"", 10).is_empty());
    }
}
