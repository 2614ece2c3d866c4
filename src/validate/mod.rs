//! Pure validators for identifiers: check digits and calendar dates.
//!
//! No I/O, no allocation, no knowledge of text positions: detectors call these
//! on candidate digits. Property-tested.

pub mod date;
pub mod luhn;
