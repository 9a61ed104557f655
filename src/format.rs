//! Formatting of numbers for display, and reading numbers typed by a user.
//! Nothing here computes a clinical value: that is the engine's job.

/// Formats `x` with `digits` significant digits, without exponent for the
/// magnitudes a clinician reads (1e-4 … 1e6); `-` for a non-finite value.
pub fn significant(x: f64, digits: usize) -> String {
    if !x.is_finite() {
        return "-".to_owned();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    let digits = digits.max(1) as i32;
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (digits - 1 - magnitude).max(0) as usize;
    let text = format!("{x:.decimals$}");
    // Rounding may carry into a new digit (9.996 → "10.00"): re-format.
    let rounded: f64 = text.parse().unwrap_or(x);
    let new_magnitude = rounded.abs().log10().floor() as i32;
    if new_magnitude > magnitude && decimals > 0 {
        format!("{rounded:.prec$}", prec = decimals - 1)
    } else {
        text
    }
}

/// An axis tick label: up to 3 significant digits, no trailing zeros
/// (`20`, `0.5`, `1.25`).
pub fn tick(x: f64) -> String {
    let text = significant(x, 3);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A fraction as a whole percentage: `0.304` → "30 %"; "-" when absent.
pub fn percent(fraction: Option<f64>) -> String {
    fraction.map_or("-".to_owned(), |f| format!("{:.0} %", f * 100.0))
}

/// Reads a number as typed: trims spaces, accepts full-width digits and
/// signs from a Japanese IME. Anything else (empty, text) gives NaN, which
/// the engine rejects with its own message.
pub fn parse_number(text: &str) -> f64 {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            other => other,
        })
        .collect();
    ascii.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(percent(Some(0.304)), "30 %");
        assert_eq!(percent(Some(1.13)), "113 %");
        assert_eq!(percent(None), "-");
    }

    #[test]
    fn three_significant_digits() {
        assert_eq!(significant(2.34567, 3), "2.35");
        assert_eq!(significant(0.012345, 3), "0.0123");
        assert_eq!(significant(123.456, 3), "123");
        assert_eq!(significant(12345.6, 3), "12346");
        assert_eq!(significant(9.996, 3), "10.0");
        assert_eq!(significant(0.0, 3), "0");
        assert_eq!(significant(f64::NAN, 3), "-");
    }

    #[test]
    fn ticks_drop_trailing_zeros() {
        assert_eq!(tick(20.0), "20");
        assert_eq!(tick(0.5), "0.5");
        assert_eq!(tick(1.25), "1.25");
        assert_eq!(tick(0.0), "0");
        assert_eq!(tick(120.0), "120");
    }

    #[test]
    fn parses_ascii_and_full_width_numbers() {
        assert_eq!(parse_number(" 100 "), 100.0);
        assert_eq!(parse_number("１２．５"), 12.5);
        assert_eq!(parse_number("－３"), -3.0);
        assert!(parse_number("").is_nan());
        assert!(parse_number("abc").is_nan());
    }
}
