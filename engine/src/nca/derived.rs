//! The values derived from the areas: MRT, clearance and volumes, and the
//! dose-normalised ones (WinNonlin's formulas, as NonCompart's `sNCA`).
//!
//! - MRTlast = AUMClast/AUClast; MRTinf = AUMCinf/AUCinf for a single dose,
//!   (AUMCτ + τ·(AUCinf − AUCτ))/AUCτ at steady state; minus half the
//!   infusion time for an infusion. Observed and predicted AUCinf give
//!   `mrt_obs` and `mrt_pred`.
//! - CL = dose/AUCinf (single dose; obs and pred) or dose/AUCτ (steady
//!   state); Vz = CL/λz; Vss = MRTinf·CL (intravascular only).

use super::auc::Area;
use super::{NcaOptions, NcaResult, Route};

pub(crate) fn compute(r: &mut NcaResult, opts: &NcaOptions, last: Area, tau_area: Option<Area>) {
    let infusion = match opts.route {
        Route::IvInfusion { duration } => duration / 2.0,
        _ => 0.0,
    };
    r.mrt_last = Some(last.aumc / last.auc - infusion);
    let mrt = |aucinf: Option<f64>, aumcinf: Option<f64>| -> Option<f64> {
        let raw = match opts.tau {
            None => aumcinf? / aucinf?,
            Some(tau) => {
                let a = tau_area?;
                (a.aumc + tau * (aucinf? - a.auc)) / a.auc
            }
        };
        Some(raw - infusion)
    };
    r.mrt_obs = mrt(r.aucinf_obs, r.aumcinf_obs);
    r.mrt_pred = mrt(r.aucinf_pred, r.aumcinf_pred);
    let Some(dose) = opts.dose else { return };
    let per_dose = |v: Option<f64>| v.map(|v| v / dose);
    r.cmax_dose = per_dose(r.cmax);
    r.auclast_dose = per_dose(r.auclast);
    r.aucinf_obs_dose = per_dose(r.aucinf_obs);
    r.aucinf_pred_dose = per_dose(r.aucinf_pred);
    let clearance = |area: Option<f64>| area.map(|a| dose / a);
    let (cl, cl_pred) = if opts.tau.is_some() {
        let cl = clearance(r.auctau);
        (cl, cl)
    } else {
        (clearance(r.aucinf_obs), clearance(r.aucinf_pred))
    };
    r.cl = cl;
    r.vz = cl.zip(r.lambda_z).map(|(cl, lz)| cl / lz);
    if opts.tau.is_none() {
        r.cl_pred = cl_pred;
        r.vz_pred = cl_pred.zip(r.lambda_z).map(|(cl, lz)| cl / lz);
    }
    if opts.route != Route::Extravascular {
        r.vss_obs = r.mrt_obs.zip(cl).map(|(m, cl)| m * cl);
        r.vss_pred = r.mrt_pred.zip(cl_pred).map(|(m, cl)| m * cl);
    }
}
