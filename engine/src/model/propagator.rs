//! The exact step of a linear system with constant input over an interval:
//! `x(t+Δ) = E(Δ)·x(t) + w(Δ)` with `E(Δ) = exp(AΔ)` and
//! `w(Δ) = ∫₀^Δ exp(As) ds · r`, both read off the exponential of the
//! augmented matrix `[[A, r], [0, 0]]·Δ` (nalgebra's scaling-and-squaring
//! Padé `exp`, Al-Mohy & Higham 2009). Results are cached per (Δ, r): a
//! regular regimen needs only a handful of distinct steps.

use nalgebra::{DMatrix, DVector};

struct Entry {
    dt: u64,
    rate: Vec<u64>,
    e: DMatrix<f64>,
    w: DVector<f64>,
}

/// Exact propagation for one rate matrix.
pub struct Propagator {
    a: DMatrix<f64>,
    cache: Vec<Entry>,
}

/// Cache entries kept before the oldest are dropped (a dense plot asks for
/// many distinct steps; a regimen reuses a few).
const CACHE_LIMIT: usize = 64;

impl Propagator {
    pub fn new(a: DMatrix<f64>) -> Self {
        Propagator {
            a,
            cache: Vec::new(),
        }
    }

    pub fn dim(&self) -> usize {
        self.a.nrows()
    }

    fn lookup(&self, dt: u64, rate: &[f64]) -> Option<usize> {
        self.cache.iter().position(|en| {
            en.dt == dt
                && en.rate.len() == rate.len()
                && en.rate.iter().zip(rate).all(|(b, r)| *b == r.to_bits())
        })
    }

    fn compute(&self, dt: f64, rate: &[f64]) -> (DMatrix<f64>, DVector<f64>) {
        let n = self.dim();
        if rate.iter().all(|r| *r == 0.0) {
            return ((&self.a * dt).exp(), DVector::zeros(n));
        }
        let mut m = DMatrix::zeros(n + 1, n + 1);
        m.view_mut((0, 0), (n, n)).copy_from(&(&self.a * dt));
        for (i, r) in rate.iter().enumerate() {
            m[(i, n)] = r * dt;
        }
        let em = m.exp();
        let e = em.view((0, 0), (n, n)).into_owned();
        let w = em.view((0, n), (n, 1)).column(0).into_owned();
        (e, w)
    }

    /// `(E(Δ), w(Δ))` for a step of `dt` hours under constant input `rate`
    /// (amount/h into each state).
    pub fn step(&mut self, dt: f64, rate: &[f64]) -> (&DMatrix<f64>, &DVector<f64>) {
        let key = dt.to_bits();
        let i = match self.lookup(key, rate) {
            Some(i) => i,
            None => {
                let (e, w) = self.compute(dt, rate);
                if self.cache.len() >= CACHE_LIMIT {
                    self.cache.remove(0);
                }
                self.cache.push(Entry {
                    dt: key,
                    rate: rate.iter().map(|r| r.to_bits()).collect(),
                    e,
                    w,
                });
                self.cache.len() - 1
            }
        };
        let en = &self.cache[i];
        (&en.e, &en.w)
    }

    /// Advances `x` by `dt` hours under constant input `rate`.
    pub fn advance(&mut self, x: &mut DVector<f64>, dt: f64, rate: &[f64]) {
        if dt <= 0.0 {
            return;
        }
        let (e, w) = self.step(dt, rate);
        let next = e * &*x + w;
        *x = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_compartment_infusion_matches_closed_form() {
        // dx/dt = -k x + R: x(t) = R/k (1 - e^{-kt}).
        let k = 0.3;
        let mut p = Propagator::new(DMatrix::from_element(1, 1, -k));
        let mut x = DVector::zeros(1);
        p.advance(&mut x, 2.5, &[10.0]);
        let exact = 10.0 / k * (1.0 - (-k * 2.5f64).exp());
        assert!((x[0] - exact).abs() / exact < 1e-14, "{} vs {exact}", x[0]);
        // Then free decay.
        p.advance(&mut x, 4.0, &[0.0]);
        let decayed = exact * (-k * 4.0f64).exp();
        assert!((x[0] - decayed).abs() / decayed < 1e-14);
    }
}
