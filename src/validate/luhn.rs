//! The Luhn (mod 10) check digit, as used by Skatteverket for the last digit of
//! personnummer and samordningsnummer (SKV 704).

/// True when the ASCII digits pass the Luhn check (the last digit is the check digit).
///
/// Returns false for an empty slice or any byte that is not an ASCII digit.
///
/// # Example
/// ```
/// use postvakt::validate::luhn::is_valid;
/// assert!(is_valid(b"8112289874"));
/// assert!(!is_valid(b"8112289875"));
/// ```
pub fn is_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) && sum(digits) % 10 == 0
}

/// The check digit that makes `payload` followed by it pass [`is_valid`].
///
/// # Example
/// ```
/// use postvakt::validate::luhn::check_digit;
/// assert_eq!(check_digit(b"811228987"), Some(4));
/// ```
pub fn check_digit(payload: &[u8]) -> Option<u8> {
    if !payload.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Append a zero and see how far the sum is from a multiple of ten.
    let mut with_zero = payload.to_vec();
    with_zero.push(b'0');
    Some(((10 - sum(&with_zero) % 10) % 10) as u8)
}

/// Luhn sum: every second digit from the right (excluding the last) doubled.
fn sum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        assert!(is_valid(b"1212121212"));
        assert!(is_valid(b"0"));
        assert!(!is_valid(b""));
        assert!(!is_valid(b"12a"));
        assert_eq!(check_digit(b"121212121"), Some(2));
    }

    proptest! {
        #[test]
        fn appended_check_digit_is_valid(payload in proptest::collection::vec(0u8..10, 1..20)) {
            let ascii: Vec<u8> = payload.iter().map(|d| d + b'0').collect();
            let c = check_digit(&ascii).unwrap();
            let mut full = ascii.clone();
            full.push(c + b'0');
            prop_assert!(is_valid(&full));
            // Any other last digit fails: Luhn catches every single-digit error.
            for other in 0..10u8 {
                if other != c {
                    let mut wrong = ascii.clone();
                    wrong.push(other + b'0');
                    prop_assert!(!is_valid(&wrong));
                }
            }
        }
    }
}
