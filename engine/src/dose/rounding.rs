//! Amounts a patient can actually take: sums of the product's strengths,
//! with the fewest capsules.

use serde::Serialize;

/// An amount made of capsules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capsules {
    pub amount_mg: f64,
    /// `(strength mg, count)`, largest strength first.
    pub capsules: Vec<(f64, u32)>,
}

/// Grid the strengths are expressed on (0.05 mg: covers 0.5 mg capsules).
const GRID_MG: f64 = 0.05;

/// The achievable amounts just below and just above `exact_mg` (either may
/// be missing: nothing below the smallest strength), each with the fewest
/// capsules. `None` when `strengths` is empty or not positive.
pub fn nearest(exact_mg: f64, strengths: &[f64]) -> Option<(Option<Capsules>, Option<Capsules>)> {
    if strengths.is_empty()
        || strengths.iter().any(|s| !(s.is_finite() && *s > 0.0))
        || !exact_mg.is_finite()
    {
        return None;
    }
    let units: Vec<usize> = strengths
        .iter()
        .map(|s| (s / GRID_MG).round().max(1.0) as usize)
        .collect();
    let largest = units.iter().copied().max()?;
    let limit = ((exact_mg.max(0.0) / GRID_MG).ceil() as usize)
        .saturating_add(largest)
        .min(2_000_000);
    // Fewest capsules for each amount (u32::MAX = not reachable), and the
    // strength used last.
    let mut count = vec![u32::MAX; limit + 1];
    let mut last = vec![usize::MAX; limit + 1];
    count[0] = 0;
    for a in 1..=limit {
        for (i, &u) in units.iter().enumerate() {
            if u <= a && count[a - u] != u32::MAX && count[a - u] + 1 < count[a] {
                count[a] = count[a - u] + 1;
                last[a] = i;
            }
        }
    }
    let build = |mut a: usize| {
        let mut per = vec![0u32; units.len()];
        let amount = a as f64 * GRID_MG;
        while a > 0 {
            let i = last[a];
            per[i] += 1;
            a -= units[i];
        }
        let mut capsules: Vec<(f64, u32)> = strengths
            .iter()
            .copied()
            .zip(per)
            .filter(|(_, n)| *n > 0)
            .collect();
        capsules.sort_by(|x, y| y.0.total_cmp(&x.0));
        Capsules {
            amount_mg: (amount * 1000.0).round() / 1000.0,
            capsules,
        }
    };
    let exact_units = exact_mg / GRID_MG;
    let below = (1..=limit)
        .rev()
        .find(|&a| (a as f64) <= exact_units + 1e-9 && count[a] != u32::MAX)
        .map(build);
    let above = (1..=limit)
        .find(|&a| (a as f64) >= exact_units - 1e-9 && count[a] != u32::MAX)
        .map(build);
    Some((below, above))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neoral_and_prograf_amounts() {
        let neoral = [10.0, 25.0, 50.0, 100.0];
        let (b, a) = nearest(142.0, &neoral).unwrap();
        assert_eq!(b.unwrap().amount_mg, 140.0);
        let a = a.unwrap();
        assert_eq!(a.amount_mg, 145.0);
        assert_eq!(a.capsules, vec![(100.0, 1), (25.0, 1), (10.0, 2)]);
        let (b, a) = nearest(2.3, &[0.5, 1.0, 5.0]).unwrap();
        assert_eq!((b.unwrap().amount_mg, a.unwrap().amount_mg), (2.0, 2.5));
        let (b, a) = nearest(4.0, &neoral).unwrap();
        assert!(b.is_none());
        assert_eq!(a.unwrap().amount_mg, 10.0);
        assert!(nearest(10.0, &[]).is_none());
    }
}
