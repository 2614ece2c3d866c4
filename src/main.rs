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

/// `postvakt scan … | head` closing the pipe early is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
