//! Exact steady state of a dose repeated every τ since forever (NONMEM
//! SS = 1 and SS = 2), for boluses, infusions and lagged doses.
//!
//! With `g(t)` the state `t` after one dose given to an empty system, the
//! state just before the steady-state dose is `S = Σ_{k≥1} g(kτ)`. Once its
//! input has ended (time `T = lag + duration`), one dose decays as
//! `g(t) = E(t − T)·g(T)`, so with `m` the first k ≥ 1 with `kτ ≥ T`:
//!
//! `S = Σ_{k=1}^{m−1} g(kτ) + E(mτ − T)·(I − E(τ))⁻¹·g(T)`
//!
//! — a linear solve, no "simulate 50 doses". Inputs of earlier doses of the
//! train that have not finished at the record time (a lag, or an infusion
//! longer than τ) are scheduled as pending actions.

use super::params::ModelError;
use super::simulate::{push_input, Action, Input, Sweep};
use nalgebra::{DMatrix, DVector};

/// Pending inputs at time `t` of the doses given at `t − kτ`, k ≥ 1.
pub(super) fn push_pending(
    actions: &mut Vec<Action>,
    t: f64,
    input: Input,
    ii: f64,
    seq: usize,
    ids: &mut usize,
) {
    // `steady_state` refuses trains longer than MAX_OVERLAP intervals.
    let mut k = 1.0;
    while k * ii < input.end() && k <= MAX_OVERLAP as f64 {
        let start = t - k * ii + input.lag;
        if input.duration == 0.0 {
            if start > t {
                push_input(actions, start, Input { lag: 0.0, ..input }, 2, seq, ids);
            }
        } else {
            let end = start + input.duration;
            let from = start.max(t);
            let remaining = Input {
                lag: 0.0,
                amount: input.rate() * (end - from),
                duration: end - from,
                ..input
            };
            // `sub` 1: after the steady-state reset of the same record.
            push_input(actions, from, remaining, 1, seq, ids);
        }
        k += 1.0;
    }
}

/// Most dosing intervals one dose's input (lag + infusion) may span at
/// steady state.
const MAX_OVERLAP: usize = 1000;

impl Sweep {
    /// State `t` after one dose of `input` given to an empty system.
    fn single_dose(&mut self, input: &Input, t: f64) -> DVector<f64> {
        let mut x = DVector::zeros(self.kernel.dim());
        if t < input.lag {
            return x;
        }
        let zero = vec![0.0; self.layout.compartments];
        if input.duration == 0.0 {
            self.kernel.add_bolus(&mut x, input.state, input.amount);
            self.kernel.advance(&mut x, t - input.lag, &zero);
        } else {
            let mut rate = zero.clone();
            rate[input.state] = input.rate();
            let on = (t - input.lag).min(input.duration);
            self.kernel.advance(&mut x, on, &rate);
            self.kernel.advance(&mut x, t - input.lag - on, &zero);
        }
        x
    }

    /// Applies the steady state of `input` every `ii` hours at the current
    /// time: replaces the state (SS = 1) or adds to it (SS = 2).
    pub(super) fn steady_state(
        &mut self,
        input: Input,
        ii: f64,
        add: bool,
    ) -> Result<(), ModelError> {
        let nc = self.kernel.pk_dim();
        let n = self.kernel.dim();
        let end = input.end();
        // Intervals one dose's input spans, checked before any integer
        // conversion (a tiny II would overflow it).
        let spans = (end / ii).ceil();
        if spans.is_nan() || spans > MAX_OVERLAP as f64 {
            return Err(ModelError::SteadyStateOverlap {
                detail: format!(
                    "lag + duration {end} h spans more than {MAX_OVERLAP} intervals of {ii} h"
                ),
            });
        }
        let m = (spans as usize).max(1);
        let m = if (m as f64) * ii < end { m + 1 } else { m };
        let mut s = DVector::zeros(n);
        for k in 1..m {
            s += self.single_dose(&input, k as f64 * ii);
        }
        let g_end = self.single_dose(&input, end);
        let e_tau = self.kernel.transition(ii);
        let lhs = DMatrix::identity(nc, nc) - e_tau;
        let rhs = g_end.rows(0, nc).into_owned();
        let y = lhs.lu().solve(&rhs).ok_or(ModelError::NoSteadyState)?;
        if y.iter().any(|v| !v.is_finite()) {
            return Err(ModelError::NoSteadyState);
        }
        let mut y_full = DVector::zeros(n);
        y_full.rows_mut(0, nc).copy_from(&y);
        let zero = vec![0.0; self.layout.compartments];
        self.kernel.advance(&mut y_full, m as f64 * ii - end, &zero);
        s += y_full;
        // Internal entries past the pharmacokinetic part (the matrix kernel's
        // AUC accumulator) start from zero.
        s.rows_mut(nc, n - nc).fill(0.0);
        if add {
            self.x += s;
        } else {
            self.x = s;
            self.auc = 0.0;
            self.infusions.clear();
            self.refresh_rate();
        }
        Ok(())
    }
}
