//! The fast exact kernel.
//!
//! State: the amounts of the Erlang absorption chain (n compartments at rate
//! k; its transition is the lower-triangular Toeplitz matrix
//! `e^{−kΔ}(kΔ)^q/q!`), then the disposition compartments in the eigenbasis
//! of their rate matrix D. D of a mammillary model is similar to a symmetric
//! matrix (S·D·S⁻¹ with `s_p = √(k_p1/k_1p)`), so its eigenvalues μ are real
//! and its eigenvectors well conditioned: `D = W·diag(μ)·W⁻¹` with
//! `W = S⁻¹U`, `W⁻¹ = UᵀS`. The chain feeds each mode through
//! [`erlang::coupling`](super::erlang::coupling). AUC over a step follows
//! from mass balance: eliminated amount / CL.

use super::erlang::coupling;
use super::kernel::Kernel;
use super::params::{Absorption, PkModel};
use nalgebra::{DMatrix, DVector, SymmetricEigen};

/// Everything one step length needs, in one allocation: `chain`, `decay`,
/// `infuse`, `couple` one after the other (see [`StepView`]).
struct Step {
    dt: u64,
    data: Vec<f64>,
}

/// A step's parts.
struct StepView<'a> {
    /// `e^{−kΔ}(kΔ)^q/q!`, q = 0..n.
    chain: &'a [f64],
    /// `e^{μ_i Δ}`.
    decay: &'a [f64],
    /// `(e^{μ_i Δ} − 1)/μ_i` (Δ when μ_i = 0).
    infuse: &'a [f64],
    /// Row-major m×n: response of mode i to a unit amount in chain j.
    couple: &'a [f64],
}

impl Step {
    fn view(&self, n: usize, m: usize) -> StepView<'_> {
        let (chain, rest) = self.data.split_at(n);
        let (decay, rest) = rest.split_at(m);
        let (infuse, couple) = rest.split_at(m);
        StepView {
            chain,
            decay,
            infuse,
            couple,
        }
    }
}

pub(super) struct ModalKernel {
    n: usize,
    m: usize,
    k: f64,
    /// Eigenvalues of D (the first m of the array).
    mu: [f64; MAX_MODES],
    /// Row-major m×m: `W⁻¹` entry (mode i, compartment d) at `[d*m + i]`
    /// (= U[d][i]·s_d), and `W` entry (compartment d, mode i) (= U[d][i]/s_d).
    to_mode: [f64; MAX_MODES * MAX_MODES],
    from_mode: [f64; MAX_MODES * MAX_MODES],
    /// Flow from the chain into each mode per unit in the last chain
    /// compartment: k·W⁻¹[i][central].
    feed: [f64; MAX_MODES],
    /// Body amount per unit of each mode: Σ_j W[j][i].
    colsum: [f64; MAX_MODES],
    /// Whether `advance` reports the AUC (two body sums per step).
    track_auc: bool,
    /// CL/scale: eliminated amount per unit AUC.
    cl_per_auc: f64,
    steps: Vec<Step>,
    /// Index of the step used last.
    last: usize,
}

const CACHE_LIMIT: usize = 64;

/// Disposition modes the fast path holds without allocating: central and
/// up to two peripheral compartments (a model with more takes the
/// matrix-exponential path).
const MAX_MODES: usize = 3;

/// e^x − 1 over x, continuous at 0.
fn expm1_over(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else {
        x.exp_m1() / x
    }
}

impl ModalKernel {
    /// `None` when the model lies outside the fast path (no elimination, a
    /// peripheral compartment that does not exchange both ways, or more
    /// than two peripheral compartments).
    pub fn new(model: &PkModel, track_auc: bool) -> Option<Self> {
        let (n, k) = match model.absorption {
            Absorption::Iv => (0, 0.0),
            Absorption::FirstOrder { ka } => (1, ka),
            Absorption::Transit { n, ktr } => (n, ktr),
        };
        let (k10, per) = model.disposition.micro();
        if k10 <= 0.0 || per.iter().any(|(a, b)| *a <= 0.0 || *b <= 0.0) {
            return None;
        }
        let m = 1 + per.len();
        if m > MAX_MODES {
            return None;
        }
        // U (row-major, [d*m + i]: compartment d, mode i), μ and S.
        let mut s = [1.0; MAX_MODES];
        let mut mu = [0.0; MAX_MODES];
        let mut u = [0.0; MAX_MODES * MAX_MODES];
        if m == 1 {
            u[0] = 1.0;
            mu[0] = -k10;
        } else {
            let mut sym = DMatrix::zeros(m, m);
            sym[(0, 0)] = -k10;
            for (j, (k1p, kp1)) in per.iter().enumerate() {
                let p = j + 1;
                s[p] = (kp1 / k1p).sqrt();
                sym[(0, 0)] -= k1p;
                sym[(p, p)] = -kp1;
                sym[(0, p)] = (k1p * kp1).sqrt();
                sym[(p, 0)] = sym[(0, p)];
            }
            let eig = SymmetricEigen::new(sym);
            for i in 0..m {
                mu[i] = eig.eigenvalues[i].min(0.0);
                for d in 0..m {
                    u[d * m + i] = eig.eigenvectors[(d, i)];
                }
            }
        }
        let mut to_mode = [0.0; MAX_MODES * MAX_MODES];
        let mut from_mode = [0.0; MAX_MODES * MAX_MODES];
        let (mut colsum, mut feed) = ([0.0; MAX_MODES], [0.0; MAX_MODES]);
        for d in 0..m {
            for i in 0..m {
                to_mode[d * m + i] = u[d * m + i] * s[d];
                from_mode[d * m + i] = u[d * m + i] / s[d];
                colsum[i] += from_mode[d * m + i];
            }
        }
        for i in 0..m {
            feed[i] = k * u[i];
        }
        let v1 = model.disposition.v1();
        Some(ModalKernel {
            n,
            m,
            k,
            mu,
            to_mode,
            from_mode,
            feed,
            colsum,
            track_auc,
            cl_per_auc: k10 * v1 / model.scale,
            steps: Vec::with_capacity(8),
            last: 0,
        })
    }

    fn compute(&self, dt: f64) -> Step {
        let (n, m, k) = (self.n, self.m, self.k);
        let mut data = vec![0.0; n + 2 * m + m * n];
        let (chain, rest) = data.split_at_mut(n);
        let (decay, rest) = rest.split_at_mut(m);
        let (infuse, couple) = rest.split_at_mut(m);
        let mut v = (-k * dt).exp();
        for (q, c) in chain.iter_mut().enumerate() {
            if q > 0 {
                v *= k * dt / q as f64;
            }
            *c = v;
        }
        for (i, mu) in self.mu[..m].iter().enumerate() {
            decay[i] = (mu * dt).exp();
            infuse[i] = dt * expm1_over(mu * dt);
        }
        if n > 0 {
            for (i, row) in couple.chunks_exact_mut(n).enumerate() {
                // F_p of the coupling, p counted from the last chain
                // compartment: reversed into chain order, times the feed.
                coupling(self.mu[i], k, dt, row);
                row.reverse();
                row.iter_mut().for_each(|c| *c *= self.feed[i]);
            }
        }
        Step {
            dt: dt.to_bits(),
            data,
        }
    }

    fn step_index(&mut self, dt: f64) -> usize {
        let key = dt.to_bits();
        // Most steps repeat the previous one (a grid, a regimen).
        if self.steps.get(self.last).is_some_and(|s| s.dt == key) {
            return self.last;
        }
        if let Some(i) = self.steps.iter().position(|s| s.dt == key) {
            self.last = i;
            return i;
        }
        let step = self.compute(dt);
        if self.steps.len() >= CACHE_LIMIT {
            self.steps.remove(0);
        }
        self.steps.push(step);
        self.last = self.steps.len() - 1;
        self.last
    }

    fn body(&self, x: &[f64]) -> f64 {
        let (chain, modes) = x.split_at(self.n);
        chain.iter().sum::<f64>()
            + modes
                .iter()
                .zip(&self.colsum)
                .map(|(z, c)| z * c)
                .sum::<f64>()
    }
}

impl Kernel for ModalKernel {
    fn dim(&self) -> usize {
        self.n + self.m
    }

    fn pk_dim(&self) -> usize {
        self.n + self.m
    }

    fn advance(&mut self, x: &mut DVector<f64>, dt: f64, rate: &[f64]) -> f64 {
        if dt <= 0.0 {
            return 0.0;
        }
        let x = x.as_mut_slice();
        let before = if self.track_auc { self.body(x) } else { 0.0 };
        let idx = self.step_index(dt);
        let (n, m) = (self.n, self.m);
        let step = self.steps[idx].view(n, m);
        let infusing = rate.iter().any(|r| *r != 0.0);
        let (chain, modes) = x.split_at_mut(n);
        // Modes first: they need the chain's amounts at the start.
        for (i, z) in modes.iter_mut().enumerate() {
            let couple = &step.couple[i * n..(i + 1) * n];
            let mut next = step.decay[i] * *z
                + couple
                    .iter()
                    .zip(chain.iter())
                    .map(|(c, a)| c * a)
                    .sum::<f64>();
            if infusing {
                let u: f64 = (0..m).map(|d| self.to_mode[d * m + i] * rate[n + d]).sum();
                next += step.infuse[i] * u;
            }
            *z = next;
        }
        // Chain from the top down, so each row still sees the old amounts.
        for q in (0..n).rev() {
            let a: f64 = chain[..=q]
                .iter()
                .enumerate()
                .map(|(j, a)| step.chain[q - j] * a)
                .sum();
            chain[q] = a;
        }
        if !self.track_auc {
            return 0.0;
        }
        let infused: f64 = rate.iter().sum::<f64>() * dt;
        (before + infused - self.body(x)) / self.cl_per_auc
    }

    fn add_bolus(&self, x: &mut DVector<f64>, index: usize, amount: f64) {
        if index < self.n {
            x[index] += amount;
        } else {
            let d = index - self.n;
            for i in 0..self.m {
                x[self.n + i] += self.to_mode[d * self.m + i] * amount;
            }
        }
    }

    fn amount(&self, x: &DVector<f64>, index: usize) -> f64 {
        if index < self.n {
            x[index]
        } else {
            let d = index - self.n;
            (0..self.m)
                .map(|i| self.from_mode[d * self.m + i] * x[self.n + i])
                .sum()
        }
    }

    fn transition(&mut self, dt: f64) -> DMatrix<f64> {
        let (n, m) = (self.n, self.m);
        let idx = self.step_index(dt);
        let step = self.steps[idx].view(n, m);
        let mut e = DMatrix::zeros(n + m, n + m);
        for q in 0..n {
            for j in 0..=q {
                e[(q, j)] = step.chain[q - j];
            }
        }
        for i in 0..m {
            e[(n + i, n + i)] = step.decay[i];
            for j in 0..n {
                e[(n + i, j)] = step.couple[i * n + j];
            }
        }
        e
    }
}
