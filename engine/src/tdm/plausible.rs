//! Is a typed level plausible for the drug? A whole-blood level outside
//! these bounds is almost always a unit or typing slip (a cyclosporine C2
//! of 1.15 typed in µg/mL); the screen asks before the level enters the
//! fit. Conventions of data entry, not clinical thresholds: cyclosporine
//! below 20 or above 5000 ng/mL, tacrolimus above 100 ng/mL.

use super::targets::Drug;
use serde::Serialize;

/// The plausible whole-blood range of a drug's level, ng/mL.
pub fn plausible_range(drug: Drug) -> (Option<f64>, f64) {
    match drug {
        Drug::Cyclosporine => (Some(20.0), 5000.0),
        Drug::Tacrolimus => (None, 100.0),
    }
}

/// A typed level outside the plausible range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Implausible {
    pub value: f64,
    pub low: Option<f64>,
    pub high: f64,
    /// The value read as µg/mL (× 1000), when that reading is plausible.
    pub as_ug_ml: Option<f64>,
}

/// `None` when `value_ng_ml` is plausible for `drug`.
pub fn plausibility(drug: Drug, value_ng_ml: f64) -> Option<Implausible> {
    let (low, high) = plausible_range(drug);
    let inside = |v: f64| low.is_none_or(|l| v >= l) && v <= high;
    if inside(value_ng_ml) {
        return None;
    }
    let converted = value_ng_ml * 1000.0;
    Some(Implausible {
        value: value_ng_ml,
        low,
        high,
        as_ug_ml: (value_ng_ml > 0.0 && inside(converted)).then_some(converted),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_c2_typed_in_micrograms_per_ml_is_asked_about_with_its_ng_ml_reading() {
        let q = plausibility(Drug::Cyclosporine, 1.15).expect("implausible");
        assert_eq!(q.as_ug_ml, Some(1150.0));
        assert_eq!((q.low, q.high), (Some(20.0), 5000.0));
        let high = plausibility(Drug::Cyclosporine, 11_500.0).expect("implausible");
        assert_eq!(high.as_ug_ml, None);
        assert_eq!(plausibility(Drug::Cyclosporine, 20.0), None);
        assert_eq!(plausibility(Drug::Cyclosporine, 5000.0), None);
        assert_eq!(plausibility(Drug::Tacrolimus, 25.0), None);
        assert_eq!(plausibility(Drug::Tacrolimus, 0.4), None);
        let tac = plausibility(Drug::Tacrolimus, 250.0).expect("implausible");
        assert_eq!(tac.as_ug_ml, None);
    }
}
