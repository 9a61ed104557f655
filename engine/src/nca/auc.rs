//! Areas under the concentration curve (AUC) and its first moment (AUMC):
//! one interval at a time by the linear or the logarithmic trapezoid, and the
//! exponential tail past the last measurable concentration.

use super::Method;

/// Area and first-moment area over some time range.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Area {
    pub auc: f64,
    pub aumc: f64,
}

impl std::ops::AddAssign for Area {
    fn add_assign(&mut self, other: Self) {
        self.auc += other.auc;
        self.aumc += other.aumc;
    }
}

/// Whether the interval from `c1` to `c2`, ending after Tmax or not, uses the
/// log trapezoid (PKNCA `choose_interval_method`): linear-up/log-down going
/// down between positive values; lin-log after Tmax between positive
/// values (equal values: the linear trapezoid, the log one's limit).
pub(crate) fn use_log(method: Method, c1: f64, c2: f64, after_tmax: bool) -> bool {
    match method {
        Method::Linear => false,
        Method::LinUpLogDown => c2 < c1 && c2 > 0.0,
        Method::LinLog => after_tmax && c1 > 0.0 && c2 > 0.0 && c1 != c2,
    }
}

/// Area of one interval (t1, c1) → (t2, c2), with `log` chosen by [`use_log`]
/// on the interval's observed ends.
pub(crate) fn segment(t1: f64, c1: f64, t2: f64, c2: f64, log: bool) -> Area {
    if log {
        let k = (c1 / c2).ln() / (t2 - t1);
        exponential(t1, c1, t2, c2, k)
    } else {
        let dt = t2 - t1;
        Area {
            auc: dt * (c1 + c2) / 2.0,
            aumc: dt * (c1 * t1 + c2 * t2) / 2.0,
        }
    }
}

/// Integral of a mono-exponential with rate `k` ≠ 0 passing through (t1, c1)
/// and (t2, c2): ∫C dt = (c1 − c2)/k, ∫t·C dt = (c1·t1 − c2·t2)/k + (c1 − c2)/k².
fn exponential(t1: f64, c1: f64, t2: f64, c2: f64, k: f64) -> Area {
    Area {
        auc: (c1 - c2) / k,
        aumc: (c1 * t1 - c2 * t2) / k + (c1 - c2) / (k * k),
    }
}

/// Concentration at `t` inside (t1, c1) → (t2, c2): log-linear when the
/// interval uses the log trapezoid, else linear.
pub(crate) fn interpolate(t1: f64, c1: f64, t2: f64, c2: f64, log: bool, t: f64) -> f64 {
    let f = (t - t1) / (t2 - t1);
    if log {
        c1 * (c2 / c1).powf(f)
    } else {
        c1 + (c2 - c1) * f
    }
}

/// Concentration `clast·exp(−λz·(t − tlast))` on the terminal line.
pub(crate) fn extrapolate(clast: f64, tlast: f64, lambda_z: f64, t: f64) -> f64 {
    clast * (-lambda_z * (t - tlast)).exp()
}

/// Area of the terminal exponential from `a` to `b` (`b` may be +∞), both ≥ tlast.
pub(crate) fn tail(clast: f64, tlast: f64, lambda_z: f64, a: f64, b: f64) -> Area {
    let ca = extrapolate(clast, tlast, lambda_z, a);
    let cb = if b.is_infinite() {
        0.0
    } else {
        extrapolate(clast, tlast, lambda_z, b)
    };
    // b·C(b) → 0 as b → ∞; written out so that ∞·0 never appears.
    let bcb = if cb == 0.0 { 0.0 } else { b * cb };
    Area {
        auc: (ca - cb) / lambda_z,
        aumc: (a * ca - bcb) / lambda_z + (ca - cb) / (lambda_z * lambda_z),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_segment_is_the_trapezoid() {
        let a = segment(1.0, 4.0, 3.0, 2.0, false);
        assert_eq!(a.auc, 6.0);
        assert_eq!(a.aumc, 2.0 * (4.0 + 6.0) / 2.0);
    }

    #[test]
    fn log_segment_is_exact_for_an_exponential() {
        let k: f64 = 0.3;
        let c = |t: f64| 10.0 * (-k * t).exp();
        let a = segment(1.0, c(1.0), 4.0, c(4.0), true);
        let auc = (c(1.0) - c(4.0)) / k;
        let aumc = (1.0 / k + 1.0 / (k * k)) * c(1.0) - (4.0 / k + 1.0 / (k * k)) * c(4.0);
        assert!((a.auc - auc).abs() < 1e-12);
        assert!((a.aumc - aumc).abs() < 1e-12);
        assert!((interpolate(1.0, c(1.0), 4.0, c(4.0), true, 2.5) - c(2.5)).abs() < 1e-12);
    }

    #[test]
    fn log_is_used_only_going_down_between_positive_values() {
        assert!(use_log(Method::LinUpLogDown, 5.0, 4.0, false));
        assert!(!use_log(Method::LinUpLogDown, 4.0, 5.0, true));
        assert!(!use_log(Method::LinUpLogDown, 4.0, 4.0, true));
        assert!(!use_log(Method::LinUpLogDown, 4.0, 0.0, true));
        assert!(!use_log(Method::Linear, 5.0, 4.0, true));
    }

    #[test]
    fn lin_log_is_log_after_tmax_up_or_down() {
        assert!(!use_log(Method::LinLog, 5.0, 4.0, false));
        assert!(use_log(Method::LinLog, 5.0, 4.0, true));
        assert!(use_log(Method::LinLog, 4.0, 5.0, true));
        assert!(!use_log(Method::LinLog, 4.0, 4.0, true));
        assert!(!use_log(Method::LinLog, 4.0, 0.0, true));
        assert!(!use_log(Method::LinLog, 0.0, 4.0, true));
        // The log trapezoid is exact for a rising exponential too.
        let c = |t: f64| 2.0 * (0.4 * t).exp();
        let a = segment(1.0, c(1.0), 3.0, c(3.0), true);
        assert!((a.auc - (c(3.0) - c(1.0)) / 0.4).abs() < 1e-12);
    }

    #[test]
    fn infinite_tail_is_clast_over_lambda() {
        let a = tail(2.0, 10.0, 0.5, 10.0, f64::INFINITY);
        assert_eq!(a.auc, 4.0);
        assert_eq!(a.aumc, 2.0 * 10.0 / 0.5 + 2.0 / 0.25);
    }
}
