//! The OCR engine of the `postvakt` binary: Tesseract in `postvakt-ocr`
//! helper processes, one per worker thread, started on first use and
//! reused for every image that thread reads.

use std::cell::RefCell;
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use postvakt::images::{Layout, OcrEngine, OcrError};

/// The engine for commands that read images: the helper when this build
/// has OCR (the `ocr` feature builds `postvakt-ocr`), else none (metadata
/// only, and each image says so).
pub fn engine() -> Option<&'static dyn OcrEngine> {
    if cfg!(feature = "ocr") {
        Some(&HelperOcr)
    } else {
        None
    }
}

/// Talks to `postvakt-ocr` beside the running binary.
#[derive(Debug, Default)]
pub struct HelperOcr;

struct Helper {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Drop for Helper {
    fn drop(&mut self) {
        // Stop the helper (it may be inside Tesseract) and reap it.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

thread_local! {
    static HELPER: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

fn helper_path() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.with_file_name("postvakt-ocr"))
}

fn spawn() -> Result<Helper, OcrError> {
    let path = helper_path().ok_or_else(|| OcrError::Recognize("cannot locate postvakt".into()))?;
    let mut cmd = Command::new(&path);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    // Tesseract's OpenMP threads would fight the workers for the cores
    // (README, Benchmarks); OpenMP reads this as the helper starts. A
    // user's own setting wins.
    if std::env::var_os("OMP_THREAD_LIMIT").is_none() {
        cmd.env("OMP_THREAD_LIMIT", "1");
    }
    let mut child = cmd.spawn().map_err(|e| {
        OcrError::Recognize(format!(
            "the OCR helper {} could not start ({e}); it is built and installed with postvakt",
            path.display()
        ))
    })?;
    let stdin = child.stdin.take().expect("piped");
    let stdout = BufReader::new(child.stdout.take().expect("piped"));
    Ok(Helper {
        child,
        stdin,
        stdout,
    })
}

fn exchange(
    h: &mut Helper,
    gray: &[u8],
    width: u32,
    height: u32,
    layout: Layout,
) -> std::io::Result<(bool, String)> {
    let mut head = [0u8; 9];
    head[0] = layout.to_byte();
    head[1..5].copy_from_slice(&width.to_le_bytes());
    head[5..9].copy_from_slice(&height.to_le_bytes());
    h.stdin.write_all(&head)?;
    h.stdin.write_all(gray)?;
    h.stdin.flush()?;
    let mut status = [0u8; 5];
    h.stdout.read_exact(&mut status)?;
    let len = u32::from_le_bytes([status[1], status[2], status[3], status[4]]) as usize;
    let mut body = vec![0u8; len];
    h.stdout.read_exact(&mut body)?;
    Ok((status[0] == 0, String::from_utf8_lossy(&body).into_owned()))
}

impl OcrEngine for HelperOcr {
    fn recognize(
        &self,
        gray: &[u8],
        width: u32,
        height: u32,
        layout: Layout,
    ) -> Result<String, OcrError> {
        HELPER.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.is_none() {
                *slot = Some(spawn()?);
            }
            let helper = slot.as_mut().expect("just started");
            match exchange(helper, gray, width, height, layout) {
                Ok((true, tsv)) => Ok(tsv),
                Ok((false, message)) if message.starts_with("Tesseract could not start") => {
                    Err(OcrError::Init)
                }
                Ok((false, message)) => Err(OcrError::Recognize(message)),
                Err(e) => {
                    // The helper died (a crash inside Tesseract): start a new
                    // one for the next image; this one is reported.
                    *slot = None;
                    Err(OcrError::Recognize(format!("the OCR helper stopped ({e})")))
                }
            }
        })
    }
}
