//! The `postvakt` command line: check a draft, scan a batch, evaluate on
//! labelled data, generate corpora.

mod cli;

use std::process::ExitCode;

/// glibc's malloc contends when rayon workers allocate and free findings and
/// output lines: `postvakt scan` at 2 threads ran 1.75x its 1-thread speed
/// with it and 1.92x with mimalloc (README, Benchmarks).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    limit_openmp_threads();
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("postvakt: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Tesseract's OpenMP threads compete with rayon's workers: the labelled
/// image set took 1449 ms of CPU per image with them and 295 ms with
/// `OMP_THREAD_LIMIT=1` (README, Benchmarks). OpenMP reads the variable when
/// the library is loaded, before `main`, so setting it here is too late:
/// when a command will run OCR and the user has not set it, the process
/// re-executes itself once with it set. A user's own setting wins.
fn limit_openmp_threads() {
    use std::os::unix::process::CommandExt;

    if std::env::var_os("OMP_THREAD_LIMIT").is_some() {
        return;
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let ocr = args.iter().skip(1).any(|a| {
        a == "redact"
            || a == "ocr"
            || a == "--images"
            || a == "--image"
            || a.to_string_lossy().starts_with("--image=")
    });
    if !ocr {
        return;
    }
    if let Ok(exe) = std::env::current_exe() {
        // `exec` only returns on failure; then go on, only slower.
        let _ = std::process::Command::new(exe)
            .args(&args[1..])
            .env("OMP_THREAD_LIMIT", "1")
            .exec();
    }
}

/// `postvakt scan … | head` closing the pipe early is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
