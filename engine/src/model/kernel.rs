//! How the sweep moves the state between events. Two exact kernels:
//! - [`ModalKernel`](super::modal::ModalKernel): the fast path — the Erlang
//!   chain in closed form and the disposition in its eigenbasis, O(n) per
//!   step once a step length has been seen;
//! - [`PadeKernel`]: the general path — the matrix exponential of the
//!   augmented system (also an independent cross-check of the first).

use super::params::PkModel;
use super::propagator::Propagator;
use super::system::Layout;
use nalgebra::{DMatrix, DVector};

/// Exact propagation of one model's state.
pub(super) trait Kernel {
    /// Length of the internal state vector.
    fn dim(&self) -> usize;
    /// The pharmacokinetic part: the first `pk_dim` entries.
    fn pk_dim(&self) -> usize;
    /// Advances `x` by `dt` h under constant input `rate` (amount/h into
    /// each compartment); returns the AUC of the central concentration over
    /// the step.
    fn advance(&mut self, x: &mut DVector<f64>, dt: f64, rate: &[f64]) -> f64;
    /// Adds `amount` to compartment `index` (0-based).
    fn add_bolus(&self, x: &mut DVector<f64>, index: usize, amount: f64);
    /// Amount in compartment `index`.
    fn amount(&self, x: &DVector<f64>, index: usize) -> f64;
    /// The free-decay transition over `dt` on the pharmacokinetic part, in
    /// the internal basis.
    fn transition(&mut self, dt: f64) -> DMatrix<f64>;
}

/// The matrix-exponential kernel; an AUC accumulator rides along as the
/// last state.
pub(super) struct PadeKernel {
    propagator: Propagator,
    layout: Layout,
    rate: Vec<f64>,
}

impl PadeKernel {
    pub fn new(model: &PkModel) -> Self {
        let layout = model.layout(true);
        PadeKernel {
            propagator: Propagator::new(model.rate_matrix(&layout)),
            rate: vec![0.0; layout.states()],
            layout,
        }
    }
}

impl Kernel for PadeKernel {
    fn dim(&self) -> usize {
        self.layout.states()
    }

    fn pk_dim(&self) -> usize {
        self.layout.compartments
    }

    fn advance(&mut self, x: &mut DVector<f64>, dt: f64, rate: &[f64]) -> f64 {
        let auc = self.layout.compartments;
        let before = x[auc];
        self.rate[..rate.len()].copy_from_slice(rate);
        self.propagator.advance(x, dt, &self.rate);
        x[auc] - before
    }

    fn add_bolus(&self, x: &mut DVector<f64>, index: usize, amount: f64) {
        x[index] += amount;
    }

    fn amount(&self, x: &DVector<f64>, index: usize) -> f64 {
        x[index]
    }

    fn transition(&mut self, dt: f64) -> DMatrix<f64> {
        let n = self.layout.compartments;
        let zero = vec![0.0; self.dim()];
        let (e, _) = self.propagator.step(dt, &zero);
        e.view((0, 0), (n, n)).into_owned()
    }
}

/// Which kernel to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// The fast modal kernel where it applies, else the matrix exponential.
    #[default]
    Auto,
    /// Always the matrix exponential (reference path).
    MatrixExponential,
}

/// The kernel for `model`; `chain_infusion` says whether some zero-order
/// input goes into the absorption chain (the modal kernel does not take it).
pub(super) fn kernel_for(
    model: &PkModel,
    method: Method,
    chain_infusion: bool,
    track_auc: bool,
) -> Box<dyn Kernel> {
    if method == Method::Auto && !chain_infusion {
        if let Some(k) = super::modal::ModalKernel::new(model, track_auc) {
            return Box::new(k);
        }
    }
    Box::new(PadeKernel::new(model))
}
