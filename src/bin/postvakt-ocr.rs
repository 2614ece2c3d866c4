//! `postvakt-ocr`: Tesseract for the `postvakt` binary, in a process of its
//! own, so that `postvakt` itself starts without loading Tesseract and its
//! shared libraries (a text-only `check`: 18.3 ms median with them linked,
//! 7.3 ms without, `benches/process.sh`).
//!
//! Not for people: `postvakt` starts one per worker thread when it reads
//! images, and talks to it on stdin/stdout until it closes stdin.
//!
//! Protocol, little endian. Request: layout byte (6 = one block, 3 =
//! automatic), width u32, height u32, then width × height bytes of 8-bit
//! gray. Response: status byte (0 = ok, 1 = error), length u32, then that
//! many bytes of UTF-8: Tesseract's TSV, or the error message. Pixels and
//! text only ever pass through the pipes: nothing is written to disk.

use std::io::{Read, Write};
use std::process::ExitCode;

use postvakt::images::{Layout, OcrEngine, Tesseract};

/// Larger requests are refused (the caller's own limit is 50 megapixels,
/// upscaled readings stay under 16).
const MAX_PIXELS: u64 = 64_000_000;

fn respond(out: &mut impl Write, ok: bool, body: &[u8]) -> std::io::Result<()> {
    out.write_all(&[u8::from(!ok)])?;
    out.write_all(&(body.len() as u32).to_le_bytes())?;
    out.write_all(body)?;
    out.flush()
}

fn main() -> ExitCode {
    let mut input = std::io::stdin().lock();
    let mut output = std::io::stdout().lock();
    loop {
        let mut head = [0u8; 9];
        match input.read_exact(&mut head) {
            Ok(()) => {}
            // The caller closed the pipe: done.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return ExitCode::SUCCESS,
            Err(_) => return ExitCode::from(2),
        }
        let width = u32::from_le_bytes([head[1], head[2], head[3], head[4]]);
        let height = u32::from_le_bytes([head[5], head[6], head[7], head[8]]);
        let pixels = u64::from(width) * u64::from(height);
        let Some(layout) = Layout::from_byte(head[0]).filter(|_| pixels <= MAX_PIXELS) else {
            // The stream cannot be trusted after a bad header: answer and stop.
            let _ = respond(&mut output, false, b"bad request");
            return ExitCode::from(2);
        };
        let mut gray = vec![0u8; pixels as usize];
        if input.read_exact(&mut gray).is_err() {
            return ExitCode::from(2);
        }
        let sent = match Tesseract.recognize(&gray, width, height, layout) {
            Ok(tsv) => respond(&mut output, true, tsv.as_bytes()),
            Err(e) => respond(&mut output, false, e.to_string().as_bytes()),
        };
        if sent.is_err() {
            return ExitCode::from(2);
        }
    }
}
