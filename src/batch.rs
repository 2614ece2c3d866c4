//! Ordered parallel scanning of many records with one shared [`Scanner`].
//!
//! Records are read in chunks; each chunk is scanned (and turned into output
//! by the caller's `map`) in parallel with rayon, then handed to the sink in
//! input order. Memory stays flat whatever the input size, and the output is
//! the same for any number of threads. Failed records pass through as data.

use rayon::prelude::*;

use crate::input::{Record, RecordError};
use crate::{Finding, Scanner};

/// The default number of records read before a parallel step.
pub const DEFAULT_CHUNK: usize = 2048;

/// What became of one input record.
pub type Outcome = Result<(Record, Vec<Finding>), RecordError>;

/// Counts of a batch run: `records == scanned + failed`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Records read (including failed ones).
    pub records: usize,
    /// Records scanned.
    pub scanned: usize,
    /// Records that could not be read.
    pub failed: usize,
    /// Findings in all scanned records.
    pub findings: usize,
}

/// Scans every record of `input` in parallel, maps each outcome with `map`
/// (also in parallel) and hands the results to `sink` in input order.
///
/// # Errors
/// Only the sink's errors (for example a closed stdout) stop the run; a bad
/// record never does.
///
/// # Example
/// ```
/// use postvakt::{batch, input::Record, Scanner};
/// let scanner = Scanner::new();
/// let records = (0..3).map(|i| Ok(Record { id: i.to_string(), line: i + 1, text: "811228-9874".into() }));
/// let mut ids = Vec::new();
/// let summary = batch::scan_ordered(&scanner, records, 2, |o| o.unwrap().0.id, |id| {
///     ids.push(id);
///     Ok::<(), std::io::Error>(())
/// })?;
/// assert_eq!(ids, ["0", "1", "2"]);
/// assert_eq!((summary.records, summary.findings), (3, 3));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn scan_ordered<I, T, M, S, E>(
    scanner: &Scanner,
    input: I,
    chunk: usize,
    map: M,
    mut sink: S,
) -> Result<Summary, E>
where
    I: IntoIterator<Item = Result<Record, RecordError>>,
    T: Send,
    M: Fn(Outcome) -> T + Sync,
    S: FnMut(T) -> Result<(), E>,
{
    let mut summary = Summary::default();
    let mut input = input.into_iter();
    let chunk = chunk.max(1);
    loop {
        let batch: Vec<_> = input.by_ref().take(chunk).collect();
        if batch.is_empty() {
            return Ok(summary);
        }
        let results: Vec<(T, Option<usize>)> = batch
            .into_par_iter()
            .map(|r| {
                let outcome = r.map(|rec| {
                    let found = scanner.scan_text(&rec.text);
                    (rec, found)
                });
                let n = outcome.as_ref().ok().map(|(_, f)| f.len());
                (map(outcome), n)
            })
            .collect();
        for (t, n) in results {
            summary.records += 1;
            match n {
                Some(n) => {
                    summary.scanned += 1;
                    summary.findings += n;
                }
                None => summary.failed += 1,
            }
            sink(t)?;
        }
    }
}
