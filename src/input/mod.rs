//! Reading records to scan: one [`Record`] (an id and a text) per post or
//! comment, or a [`RecordError`] for input that could not be read.
//!
//! Readers never stop a batch for one bad record: they yield an error for it
//! and go on. They never scan or print.

pub mod jsonl;
pub mod lines;

use serde::Serialize;

/// One text to scan, with the id that identifies it in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record's id (from the input, or made from its position).
    pub id: String,
    /// 1-based position of the record in its input (the line, for JSONL).
    pub line: usize,
    /// The text.
    pub text: String,
}

/// A record that could not be read; the batch goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RecordError {
    /// 1-based position in the input.
    pub line: usize,
    /// The record's id, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is wrong, never quoting the record's text.
    #[serde(rename = "error")]
    pub message: String,
}
