//! Compartment layout and rate matrix of `dx/dt = A·x + r`.
//!
//! States, in order: the absorption chain (depot first; none for IV), the
//! central compartment, the peripheral compartments, and optionally an AUC
//! accumulator (`d AUC/dt = concentration`), so AUC over any interval is
//! exact too. NONMEM-style compartment numbers are the 1-based indices of
//! this order (CMT 1 = depot for oral models).

use super::params::{Absorption, PkModel};
use nalgebra::DMatrix;

/// Where each compartment sits in the state vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Compartments of the absorption chain (0 for IV models).
    pub absorption: usize,
    /// Index of the central compartment.
    pub central: usize,
    /// Number of pharmacokinetic compartments (without the AUC state).
    pub compartments: usize,
    /// Index of the AUC accumulator, when present.
    pub auc: Option<usize>,
}

impl Layout {
    /// Number of states, AUC accumulator included.
    pub fn states(&self) -> usize {
        self.compartments + usize::from(self.auc.is_some())
    }

    /// The 1-based NONMEM compartment number of the central compartment.
    pub fn central_cmt(&self) -> usize {
        self.central + 1
    }

    /// Whether doses into 1-based compartment `cmt` get F and ALAG (the
    /// depot of an absorption model).
    pub fn is_depot(&self, cmt: usize) -> bool {
        self.absorption > 0 && cmt == 1
    }
}

impl PkModel {
    /// The compartment layout, with or without the AUC accumulator.
    pub fn layout(&self, with_auc: bool) -> Layout {
        let absorption = match self.absorption {
            Absorption::Iv => 0,
            Absorption::FirstOrder { .. } => 1,
            Absorption::Transit { n, .. } => n,
        };
        let compartments = absorption + 1 + self.disposition.peripherals();
        Layout {
            absorption,
            central: absorption,
            compartments,
            auc: with_auc.then_some(compartments),
        }
    }

    /// The rate matrix `A` for `layout` (from [`PkModel::layout`]).
    pub fn rate_matrix(&self, layout: &Layout) -> DMatrix<f64> {
        let n = layout.states();
        let mut a = DMatrix::zeros(n, n);
        let k_abs = match self.absorption {
            Absorption::Iv => 0.0,
            Absorption::FirstOrder { ka } => ka,
            Absorption::Transit { ktr, .. } => ktr,
        };
        for i in 0..layout.absorption {
            a[(i, i)] = -k_abs;
            a[(i + 1, i)] = k_abs;
        }
        let c = layout.central;
        let (k10, peripherals) = self.disposition.micro();
        a[(c, c)] = -k10;
        for (j, (k1p, kp1)) in peripherals.into_iter().enumerate() {
            let p = c + 1 + j;
            a[(c, c)] -= k1p;
            a[(p, c)] = k1p;
            a[(c, p)] = kp1;
            a[(p, p)] = -kp1;
        }
        if let Some(auc) = layout.auc {
            a[(auc, c)] = self.scale / self.disposition.v1();
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Disposition;

    #[test]
    fn two_compartment_transit_matrix_conserves_mass_without_elimination() {
        let m = PkModel {
            absorption: Absorption::Transit { n: 3, ktr: 2.0 },
            disposition: Disposition::Clearance {
                cl: 0.0,
                v1: 10.0,
                peripherals: vec![(5.0, 20.0)],
            },
            bioavailability: 1.0,
            lag: 0.0,
            scale: 1.0,
        };
        let layout = m.layout(false);
        assert_eq!(layout.compartments, 5);
        assert_eq!(layout.central_cmt(), 4);
        let a = m.rate_matrix(&layout);
        // Columns sum to zero: whatever leaves one compartment enters another.
        for j in 0..5 {
            assert!(a.column(j).sum().abs() < 1e-15, "column {j}");
        }
        assert_eq!(a[(3, 3)], -0.5);
        assert_eq!(a[(4, 3)], 0.5);
        assert_eq!(a[(3, 4)], 0.25);
    }
}
