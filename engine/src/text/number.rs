//! Numbers as a person reads them: significant digits without an
//! exponent, and the short form of an axis tick or a time (`20`, `0.5`).
//! The engine's sentences and the app's screens use these same two (the
//! app's `format` re-exports them), so a number reads the same everywhere.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
