//! Exact coupling between an Erlang absorption chain and one disposition
//! mode, computed without cancellation.
//!
//! A dose in chain compartment j reaches the last chain compartment as
//! `φ_p(s) = e^{−ks}(ks)^p/p!` (p = steps still to go) and flows into a
//! disposition mode of eigenvalue μ. The mode's response over a step Δ is
//!
//! `F_p(μ, k, Δ) = ∫₀^Δ e^{μ(Δ−s)} φ_p(s) ds`.
//!
//! With `c = μ + k` and `x = cΔ` (which may be positive, zero or negative),
//! each regime uses a form whose terms do not cancel:
//! - `0 ≤ x < p + 1`: `F_p = e^{−kΔ}·Δ·(kΔ)^p/p! · Σ_j x^j·p!/(p+1+j)!`
//!   (Kummer's series, positive terms);
//! - `x ≥ p + 1`: `F_p = e^{μΔ}(k/c)^p/c · (1 − e^{−x}Σ_{i≤p} x^i/i!)`
//!   (regularised incomplete gamma, no cancellation once x exceeds p);
//! - `−40 ≤ x < 0`: `F_p = e^{μΔ}·Δ·(kΔ)^p/p! · Σ_i |x|^i/(i!(p+i+1))`
//!   (positive terms);
//! - `x < −40`: the recurrence `|c|·F_p = φ_p(Δ) − k·F_{p−1}` from
//!   `F_0 = (e^{−kΔ} − e^{μΔ})/|c|`, whose error gain p/(|x| − p) is small.

/// Sums a series of positive terms `t_0, t_1, …` (given by `next(j, t_j)`)
/// to machine precision.
fn positive_series(first: f64, mut next: impl FnMut(usize, f64) -> f64) -> f64 {
    let mut term = first;
    let mut sum = 0.0;
    for j in 0..2000 {
        sum += term;
        if term <= sum * 1e-17 {
            break;
        }
        term = next(j, term);
    }
    sum
}

/// Fills `out[p] = F_p(μ, k, Δ)` for p = 0..out.len(). Requires k > 0,
/// Δ ≥ 0, μ ≤ 0.
pub fn coupling(mu: f64, k: f64, dt: f64, out: &mut [f64]) {
    let n = out.len();
    if n == 0 {
        return;
    }
    if dt <= 0.0 {
        out.iter_mut().for_each(|v| *v = 0.0);
        return;
    }
    let c = mu + k;
    let x = c * dt;
    // (kΔ)^p/p!, kept up to date as p grows (no table: no allocation).
    let kdt = k * dt;
    let mut pf = 1.0;
    if x < -40.0 {
        let a = -c;
        let ekdt = (-k * dt).exp();
        let mut prev = (ekdt - (mu * dt).exp()) / a;
        out[0] = prev;
        for (p, o) in out.iter_mut().enumerate().skip(1) {
            pf *= kdt / p as f64;
            prev = (ekdt * pf - k * prev) / a;
            *o = prev;
        }
        return;
    }
    for (p, o) in out.iter_mut().enumerate() {
        if p > 0 {
            pf *= kdt / p as f64;
        }
        let pp = p as f64;
        *o = if x < 0.0 {
            let ax = -x;
            let s = positive_series(1.0 / (pp + 1.0), |i, t| {
                // t_i = ax^i/(i!(p+i+1)) → t_{i+1}
                let i = i as f64;
                t * ax / (i + 1.0) * (pp + i + 1.0) / (pp + i + 2.0)
            });
            (mu * dt).exp() * dt * pf * s
        } else if x < pp + 1.0 {
            let s = positive_series(1.0 / (pp + 1.0), |j, t| t * x / (pp + 2.0 + j as f64));
            (-k * dt).exp() * dt * pf * s
        } else {
            let ex = (-x).exp();
            let mut partial = 0.0;
            let mut term = ex;
            for i in 0..=p {
                if i > 0 {
                    term *= x / i as f64;
                }
                partial += term;
            }
            let q = 1.0 - partial;
            (mu * dt).exp() * (k / c).powi(p as i32) / c * q
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gauss–Legendre quadrature on many panels: an independent value.
    fn quadrature(mu: f64, k: f64, dt: f64, p: usize) -> f64 {
        const X: [f64; 5] = [
            0.0,
            -0.538_469_310_105_683,
            0.538_469_310_105_683,
            -0.906_179_845_938_664,
            0.906_179_845_938_664,
        ];
        const W: [f64; 5] = [
            0.568_888_888_888_889,
            0.478_628_670_499_366,
            0.478_628_670_499_366,
            0.236_926_885_056_189,
            0.236_926_885_056_189,
        ];
        let panels = 4000;
        let h = dt / panels as f64;
        let fact: f64 = (1..=p).map(|i| i as f64).product();
        let f = |s: f64| (mu * (dt - s)).exp() * (-k * s).exp() * (k * s).powi(p as i32) / fact;
        (0..panels)
            .map(|i| {
                let mid = (i as f64 + 0.5) * h;
                X.iter()
                    .zip(W)
                    .map(|(x, w)| w * f(mid + x * h / 2.0))
                    .sum::<f64>()
                    * h
                    / 2.0
            })
            .sum()
    }

    #[test]
    fn every_regime_matches_quadrature() {
        // (μ, k, Δ): c > 0 large and small, c ≈ 0, c < 0 small and large.
        let cases = [
            (-0.2, 2.0, 12.0),
            (-0.2, 2.0, 0.05),
            (-1.9999, 2.0, 3.0),
            (-2.0, 2.0, 5.0),
            (-2.67, 0.523, 1.5),
            (-2.67, 0.523, 30.0),
            (-0.05, 7.06, 100.0),
            (0.0, 5.11, 2.0),
        ];
        for (mu, k, dt) in cases {
            let mut out = [0.0; 6];
            coupling(mu, k, dt, &mut out);
            for (p, got) in out.iter().enumerate() {
                let want = quadrature(mu, k, dt, p);
                let err = (got - want).abs() / want.abs().max(1e-300);
                assert!(err < 1e-11, "μ={mu} k={k} Δ={dt} p={p}: {got} vs {want}");
            }
        }
    }

    #[test]
    fn regimes_join_smoothly() {
        // Across each switch point the value is continuous to ~1e-13.
        let k = 2.0;
        for (mu, dt) in [(-2.0 + 1e-9, 1.0), (-1.0, 1.0), (-1.0 + 1e-12, 1.0)] {
            let mut a = [0.0; 4];
            let mut b = [0.0; 4];
            coupling(mu, k, dt, &mut a);
            coupling(mu, k, dt * (1.0 + 1e-12), &mut b);
            for p in 0..4 {
                assert!((a[p] - b[p]).abs() / a[p] < 1e-10, "{mu} p={p}");
            }
        }
    }
}
