//! Command-line parsing (clap derive) and what all subcommands share.

mod check;
mod eval;
mod generate;
#[cfg(feature = "ocr")]
mod ocr;
mod ocr_helper;
mod redact;
mod scan;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use postvakt::{Lang, Scanner, Severity};

/// Stops personal data and confidential wording from leaving a Swedish
/// municipality in its social-media posts.
///
/// Exit codes: 0 = nothing found at or above --min-severity, 1 = findings,
/// 2 = error.
#[derive(Debug, Parser)]
#[command(name = "postvakt", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check one draft (a file, or - / nothing for stdin) before posting.
    Check(check::CheckArgs),
    /// Scan JSON Lines records {"id","text"} in parallel; one output line per record.
    Scan(scan::ScanArgs),
    /// Score the scanner on labelled records: precision, recall and F1 per kind.
    Eval(eval::EvalArgs),
    /// Write a large deterministic labelled corpus (JSON Lines) for benchmarks.
    Generate(generate::GenerateArgs),
    /// Write a copy of an image with every finding filled black and all metadata removed.
    Redact(redact::RedactArgs),
    /// Print the text OCR reads in an image, as the scanner sees it.
    #[cfg(feature = "ocr")]
    Ocr(ocr::OcrArgs),
}

/// Options that shape the scanner, shared by check, scan and eval.
#[derive(Debug, Args)]
struct ScannerArgs {
    /// Language of explanations.
    #[arg(long, value_enum, default_value_t = LangArg::Sv, global = true)]
    lang: LangArg,
    /// A rule file (TOML), or a directory of them; repeatable.
    #[arg(long = "rules", value_name = "FILE|DIR")]
    rules: Vec<PathBuf>,
    /// Switch off a rule id, detector or kind (e.g. personnummer.valid_compact); repeatable.
    #[arg(long = "disable", value_name = "ID")]
    disable: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Sv,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum SeverityArg {
    Info,
    Low,
    Medium,
    High,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
        }
    }
}

impl ScannerArgs {
    fn lang(&self) -> Lang {
        match self.lang {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }

    fn build(&self) -> Result<Scanner> {
        self.build_with(|_| {})
    }

    /// Builds with extra settings from the subcommand.
    fn build_with(&self, extra: impl FnOnce(&mut postvakt::ScannerBuilder)) -> Result<Scanner> {
        let mut b = Scanner::builder();
        extra(&mut b);
        b.lang(self.lang());
        for path in &self.rules {
            for file in rule_files(path)? {
                b.rules_file(&file)?;
            }
        }
        for id in &self.disable {
            b.disable(id);
        }
        Ok(b.build()?)
    }
}

/// A rule file, or the `*.toml` files of a directory in name order.
fn rule_files(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))? {
        let p = entry
            .with_context(|| format!("reading {}", path.display()))?
            .path();
        if p.extension().is_some_and(|e| e == "toml") {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

/// Colour only on a terminal, and never with NO_COLOR set (no-color.org).
fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Reads a whole input file, `-` meaning stdin.
fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .context("reading stdin")?;
        Ok(buf)
    } else {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))
    }
}

/// Opens an input for line-by-line reading, `-` meaning stdin.
fn open_lines(path: &Path) -> Result<Box<dyn std::io::BufRead + Send>> {
    if path == Path::new("-") {
        Ok(Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            std::io::stdin(),
        )))
    } else {
        let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, f)))
    }
}

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(a) => check::run(a),
        Command::Scan(a) => scan::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Redact(a) => redact::run(a),
        #[cfg(feature = "ocr")]
        Command::Ocr(a) => ocr::run(a),
    }
}
