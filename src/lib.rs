//! postvakt scans Swedish social-media posts for personal data and
//! confidential wording before they go out.
//!
//! Build one [`Scanner`] and share it; [`Scanner::scan_text`] returns
//! [`Finding`]s with byte spans, a score, a severity, the rule that fired and
//! an explanation a communicator understands (Swedish, or English).
//!
//! ```
//! use postvakt::{Kind, Scanner, Severity};
//! let scanner = Scanner::new();
//! let post = "Hej! Skicka inte ditt personnummer 811228-9874 här.";
//! let findings = scanner.scan_text(post);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].kind, Kind::Personnummer);
//! assert_eq!(findings[0].severity, Severity::High);
//! assert_eq!(&post[findings[0].start..findings[0].end], "811228-9874");
//! assert_eq!(postvakt::output::mask(post, &findings), "Hej! Skicka inte ditt personnummer [personnummer] här.");
//! ```
//!
//! # Features
//! - `cli` (default): the `postvakt` binary. Embedders use
//!   `default-features = false` and get only the library (no clap, anyhow).
//!
//! # Guarantees
//! - Building can fail (a bad rule file names its file and line); scanning cannot.
//! - Spans are byte offsets on char boundaries, findings never overlap and
//!   come sorted by `(start, end)`.
//! - The library does no I/O while scanning, no network ever, and never logs
//!   or prints scanned text.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod annotate;
pub mod batch;
pub mod detect;
mod error;
pub mod eval;
pub mod explain;
mod finding;
pub mod generate;
#[cfg(feature = "images")]
pub mod images;
pub mod input;
pub mod output;
mod phf;
pub mod rules;
mod scanner;
mod text;
pub mod validate;

#[cfg(test)]
mod testutil;

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use error::Error;
pub use finding::{BBox, Finding, Kind, Lang, ParseNameError, Severity, Source};
pub use scanner::{ScanOptions, Scanner, ScannerBuilder};
