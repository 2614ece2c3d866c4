//! Proleptic Gregorian calendar dates: validity, leap years and today's date.
//!
//! Used to resolve the century of a personnummer and to reject impossible
//! birth dates. Computes today's date from the system clock in UTC, with no
//! time-zone database (a scan a few hours off at New Year's Eve only shifts
//! which century a `YYMMDD` number born that very day resolves to).

use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 1985.
    pub year: u32,
    /// Month 1-12.
    pub month: u32,
    /// Day 1-31.
    pub day: u32,
}

impl Date {
    /// A date, if it exists in the calendar.
    ///
    /// # Example
    /// ```
    /// use postvakt::validate::date::Date;
    /// assert!(Date::new(2000, 2, 29).is_some());
    /// assert!(Date::new(1900, 2, 29).is_none());
    /// ```
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        is_valid(year, month, day).then_some(Date { year, month, day })
    }

    /// Today's date in UTC from the system clock.
    pub fn today() -> Date {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = if m <= 2 { y + 1 } else { y };
        Date {
            year: y.max(0) as u32,
            month: m as u32,
            day: d as u32,
        }
    }
}

/// True for Gregorian leap years.
pub fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in the month, 0 for a month outside 1-12.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True when the date exists in the calendar.
pub fn is_valid(year: u32, month: u32, day: u32) -> bool {
    day >= 1 && day <= days_in_month(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn leap_years() {
        assert!(is_leap(2000));
        assert!(is_leap(2024));
        assert!(!is_leap(1900));
        assert!(!is_leap(2023));
        assert!(is_valid(2024, 2, 29));
        assert!(!is_valid(2023, 2, 29));
        assert!(!is_valid(2023, 4, 31));
        assert!(!is_valid(2023, 13, 1));
        assert!(!is_valid(2023, 0, 1));
        assert!(!is_valid(2023, 1, 0));
    }

    #[test]
    fn epoch_days() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date::new(1970, 1, 1).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782),
            Date::new(2024, 2, 29).unwrap()
        );
        assert!(Date::today().year >= 2024);
    }

    proptest! {
        #[test]
        fn consecutive_days_are_valid_and_increasing(days in 0i64..200_000) {
            let a = Date::from_days_since_epoch(days);
            let b = Date::from_days_since_epoch(days + 1);
            prop_assert!(is_valid(a.year, a.month, a.day));
            prop_assert!(a < b);
        }
    }
}
