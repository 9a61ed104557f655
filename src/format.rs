//! Formatting of numbers for display, and reading numbers typed by a user.
//! Nothing here computes a clinical value: that is the engine's job.

/// Significant digits and axis ticks: the engine's, so that a number reads
/// the same in the engine's sentences and on the screens.
pub use dmip_engine::text::{significant, tick};

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
    fn parses_ascii_and_full_width_numbers() {
        assert_eq!(parse_number(" 100 "), 100.0);
        assert_eq!(parse_number("１２．５"), 12.5);
        assert_eq!(parse_number("－３"), -3.0);
        assert!(parse_number("").is_nan());
        assert!(parse_number("abc").is_nan());
    }
}
