//! Ordered parallel scanning of many records with one shared [`Scanner`].
//!
//! Input is read in chunks of raw items (for example JSONL lines). While one
//! chunk is parsed, scanned and turned into output by the caller's `map` in
//! parallel (rayon), the next chunk is read; results go to the sink in input
//! order. Memory stays flat whatever the input size, and the output is the
//! same for any number of threads. Failed records pass through as data.

use rayon::prelude::*;

use crate::input::{Record, RecordError};
use crate::{Finding, Scanner};

/// The default number of records read before a parallel step.
pub const DEFAULT_CHUNK: usize = 4096;

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

/// Reads raw items from `input`, turns each into a record with `parse`,
/// scans it, maps the outcome with `map` (parse, scan and map run in
/// parallel) and hands the results to `sink` in input order.
///
/// # Errors
/// Only the sink's errors (for example a closed stdout) stop the run; a bad
/// record never does.
///
/// # Example
/// ```
/// use postvakt::{batch, input::Record, Scanner};
/// let scanner = Scanner::new();
/// let texts = vec!["811228-9874", "inget", "730288-9931"];
/// let mut ids = Vec::new();
/// let summary = batch::scan_ordered(
///     &scanner,
///     texts.into_iter().enumerate(),
///     2,
///     |(i, t)| Ok(Record { id: i.to_string(), line: i + 1, text: t.to_string() }),
///     |o| o.map(|(r, f)| (r.id, f.len())).unwrap(),
///     |x| {
///         ids.push(x);
///         Ok::<(), std::io::Error>(())
///     },
/// )?;
/// assert_eq!(ids, [("0".to_string(), 1), ("1".to_string(), 0), ("2".to_string(), 1)]);
/// assert_eq!((summary.records, summary.findings), (3, 2));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn scan_ordered<I, R, P, T, M, S, E>(
    scanner: &Scanner,
    input: I,
    chunk: usize,
    parse: P,
    map: M,
    mut sink: S,
) -> Result<Summary, E>
where
    I: IntoIterator<Item = R>,
    I::IntoIter: Send,
    R: Send,
    P: Fn(R) -> Result<Record, RecordError> + Sync,
    T: Send,
    M: Fn(Outcome) -> T + Sync,
    S: FnMut(T) -> Result<(), E> + Send,
    E: Send,
{
    let mut summary = Summary::default();
    let mut input = input.into_iter();
    let chunk = chunk.max(1);
    let read = |input: &mut I::IntoIter| input.by_ref().take(chunk).collect::<Vec<R>>();
    let process = |batch: Vec<R>| -> Vec<(T, Option<usize>)> {
        batch
            .into_par_iter()
            .map(|raw| {
                let outcome = parse(raw).map(|rec| {
                    let found = scanner.scan_text(&rec.text);
                    (rec, found)
                });
                let n = outcome.as_ref().ok().map(|(_, f)| f.len());
                (map(outcome), n)
            })
            .collect()
    };
    let mut batch = read(&mut input);
    let mut done: Vec<(T, Option<usize>)> = Vec::new();
    while !batch.is_empty() || !done.is_empty() {
        // Three stages at once: the caller's thread hands the previous
        // chunk's results to the sink and reads the next chunk while the
        // pool parses, scans and maps this one.
        let (next, results) = rayon::join(
            || -> Result<Vec<R>, E> {
                for (t, n) in done.drain(..) {
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
                Ok(read(&mut input))
            },
            || process(std::mem::take(&mut batch)),
        );
        batch = next?;
        done = results;
    }
    Ok(summary)
}
