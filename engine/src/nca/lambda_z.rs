//! Terminal elimination rate λz by log-linear regression on the last n points,
//! n chosen by the adjusted-R² rule (PKNCA / WinNonlin "best fit").

/// Candidates whose adjusted R² is within this of the best count as tied; the
/// tie goes to the fit with more points. PKNCA `adj.r.squared.factor` default.
pub const ADJ_R2_TOLERANCE: f64 = 1e-4;

/// Fewest points in a terminal-slope fit (PKNCA `min.hl.points` default).
pub const MIN_POINTS: usize = 3;

/// One log-linear fit ln C = intercept − λz·t over the last `n_points` points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LambdaZFit {
    pub lambda_z: f64,
    pub intercept: f64,
    pub n_points: usize,
    pub r_squared: f64,
    pub adj_r_squared: f64,
    /// Time of the first and the last point of the fit.
    pub t_first: f64,
    pub t_last: f64,
}

/// Why λz could not be estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoLambdaZ {
    TooFewPoints,
    NoDecline,
}

/// Fits ln C against t on `points` (time, concentration > 0). `None` when
/// the fit is degenerate (all concentrations equal).
fn fit(points: &[(f64, f64)]) -> Option<LambdaZFit> {
    let n = points.len() as f64;
    let mean_t = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1.ln()).sum::<f64>() / n;
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for &(t, c) in points {
        let (dx, dy) = (t - mean_t, c.ln() - mean_y);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let r_squared = sxy * sxy / (sxx * syy);
    let adj_r_squared = 1.0 - (1.0 - r_squared) * (n - 1.0) / (n - 2.0);
    Some(LambdaZFit {
        lambda_z: -slope,
        intercept: mean_y - slope * mean_t,
        n_points: points.len(),
        r_squared,
        adj_r_squared,
        t_first: points[0].0,
        t_last: points[points.len() - 1].0,
    })
}

/// Best terminal fit over the last 3, 4, … of `points` (already restricted to
/// positive concentrations in the terminal region, in time order): the
/// highest adjusted R² among fits with λz > 0; fits within
/// [`ADJ_R2_TOLERANCE`] of the best → the one with the most points.
pub fn select(points: &[(f64, f64)]) -> Result<LambdaZFit, NoLambdaZ> {
    if points.len() < MIN_POINTS {
        return Err(NoLambdaZ::TooFewPoints);
    }
    let fits: Vec<LambdaZFit> = (MIN_POINTS..=points.len())
        .filter_map(|n| fit(&points[points.len() - n..]))
        .collect();
    let best = fits
        .iter()
        .map(|f| f.adj_r_squared)
        .fold(f64::NEG_INFINITY, f64::max);
    fits.into_iter()
        .filter(|f| f.lambda_z > 0.0 && f.adj_r_squared > best - ADJ_R2_TOLERANCE)
        .max_by_key(|f| f.n_points)
        .ok_or(NoLambdaZ::NoDecline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_exponential_gives_exact_rate_and_uses_all_points() {
        let pts: Vec<(f64, f64)> = (0..6)
            .map(|i| (i as f64, 8.0 * (-0.2 * i as f64).exp()))
            .collect();
        let fit = select(&pts).unwrap();
        assert!((fit.lambda_z - 0.2).abs() < 1e-12);
        assert!((fit.intercept - 8f64.ln()).abs() < 1e-12);
        assert_eq!(fit.n_points, 6);
        assert_eq!((fit.t_first, fit.t_last), (0.0, 5.0));
    }

    #[test]
    fn a_late_shoulder_is_left_out() {
        // Distribution phase early, clean terminal line at the end.
        let pts = [(1.0, 20.0), (2.0, 9.0), (4.0, 4.0), (6.0, 2.0), (8.0, 1.0)];
        let fit = select(&pts).unwrap();
        assert_eq!(fit.n_points, 3);
        assert!((fit.lambda_z - 2f64.ln() / 2.0).abs() < 1e-12);
    }

    #[test]
    fn too_few_or_rising_points_give_reasons() {
        assert_eq!(
            select(&[(1.0, 2.0), (2.0, 1.0)]),
            Err(NoLambdaZ::TooFewPoints)
        );
        assert_eq!(
            select(&[(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)]),
            Err(NoLambdaZ::NoDecline)
        );
        assert_eq!(
            select(&[(1.0, 2.0), (2.0, 2.0), (3.0, 2.0)]),
            Err(NoLambdaZ::NoDecline)
        );
    }
}
