//! Terminal elimination rate λz by log-linear regression on the last n points,
//! n chosen by the adjusted-R² rule (PKNCA `pk.calc.half.life` / WinNonlin
//! "best fit") under [`LambdaZRules`].

use super::LambdaZRules;

/// One log-linear fit ln C = intercept − λz·t over the last `n_points` points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LambdaZFit {
    pub lambda_z: f64,
    pub intercept: f64,
    pub n_points: usize,
    pub r_squared: f64,
    /// NaN for a two-point fit (no degree of freedom left).
    pub adj_r_squared: f64,
    /// Correlation of t and ln C (negative for a decline).
    pub corr_xy: f64,
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
        corr_xy: sxy / (sxx * syy).sqrt(),
        t_first: points[0].0,
        t_last: points[points.len() - 1].0,
    })
}

/// Best terminal fit over the last `min.hl.points`, … of `points` (already
/// restricted to positive concentrations in the terminal region, in time
/// order): among fits with λz > 0 whose adjusted R² is within
/// `adj.r.squared.factor` of the best adjusted R² of all fits, the one with
/// the most points. As PKNCA, a two-point fit (adjusted R² undefined) is
/// taken only when `min.hl.points` is 2 and there are just 2 points.
pub fn select(points: &[(f64, f64)], rules: &LambdaZRules) -> Result<LambdaZFit, NoLambdaZ> {
    let min = rules.min_hl_points();
    if points.len() < min {
        return Err(NoLambdaZ::TooFewPoints);
    }
    let fits: Vec<LambdaZFit> = (min..=points.len())
        .filter_map(|n| fit(&points[points.len() - n..]))
        .collect();
    if points.len() == 2 {
        return fits
            .into_iter()
            .find(|f| f.lambda_z > 0.0)
            .ok_or(NoLambdaZ::NoDecline);
    }
    let best = fits
        .iter()
        .map(|f| f.adj_r_squared)
        .fold(f64::NEG_INFINITY, f64::max);
    let factor = rules.adj_r_squared_factor();
    fits.into_iter()
        .filter(|f| f.lambda_z > 0.0 && f.adj_r_squared > best - factor)
        .max_by_key(|f| f.n_points)
        .ok_or(NoLambdaZ::NoDecline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(points: &[(f64, f64)]) -> Result<LambdaZFit, NoLambdaZ> {
        super::select(points, &LambdaZRules::default())
    }

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

    #[test]
    fn min_points_and_factor_are_the_rules() {
        let pts = [(1.0, 20.0), (2.0, 9.0), (4.0, 4.0), (6.0, 2.0), (8.0, 1.0)];
        let four = LambdaZRules::default().with_min_hl_points(4).unwrap();
        assert_eq!(super::select(&pts, &four).unwrap().n_points, 4);
        // A wide factor ties every fit: the one with all points wins.
        let wide = LambdaZRules::default()
            .with_adj_r_squared_factor(0.5)
            .unwrap();
        assert_eq!(super::select(&pts, &wide).unwrap().n_points, 5);
        let two = LambdaZRules::default().with_min_hl_points(2).unwrap();
        let fit = super::select(&[(1.0, 4.0), (3.0, 1.0)], &two).unwrap();
        assert!((fit.lambda_z - 4f64.ln() / 2.0).abs() < 1e-12);
        assert!((fit.corr_xy + 1.0).abs() < 1e-12);
        // With more points, two-point fits (adjusted R² undefined) are not chosen.
        assert_eq!(super::select(&pts, &two).unwrap().n_points, 3);
    }
}
