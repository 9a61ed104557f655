//! The NCA result: every parameter of the table (`table.rs`) as a field,
//! written to JSON under its key, and again under its CDISC PPTESTCD in
//! `"pptestcd"`, beside the method, route, BLQ rule, λz rules, exclusions
//! and flags.

use super::rules::{AppliedRules, Exclusion};
use super::table::{self, Context};
use super::{Method, Route};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// NCA parameters. Units follow the input (time h, concentration as given;
/// areas conc·h, dose-normalised values per dose unit). `null` means not
/// computable; `flags` says why. A parameter that does not apply to the
/// route or regimen (C0 and %AUC back-extrapolated: IV bolus; Tlag:
/// extravascular; Vss: intravascular; CL,pred and Vz,pred: single dose) is
/// absent from the JSON. For an extravascular dose CL and V are apparent
/// (CL/F, Vz/F); at steady state (`tau` given) `cl` = dose/AUCτ and
/// `vz` = dose/(λz·AUCτ).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NcaResult {
    pub cmax: Option<f64>,
    pub tmax: Option<f64>,
    /// Time of the last sample before the first measurable concentration
    /// (0 when the first sample is measurable), as WinNonlin.
    pub tlag: Option<f64>,
    pub clast: Option<f64>,
    pub tlast: Option<f64>,
    /// Concentration at the dose time, observed or back-extrapolated.
    pub c0: Option<f64>,
    pub auclast: Option<f64>,
    /// AUC to the first sample after Tlast when the BLQ rule keeps it (as
    /// 0): AUClast plus the linear fall from Clast to 0 (PKNCA, WinNonlin).
    pub aucall: Option<f64>,
    pub aumclast: Option<f64>,
    /// AUMClast/AUClast (minus half the infusion time).
    pub mrt_last: Option<f64>,
    pub lambda_z: Option<f64>,
    pub half_life: Option<f64>,
    pub lambda_z_n_points: Option<usize>,
    pub lambda_z_time_first: Option<f64>,
    pub lambda_z_time_last: Option<f64>,
    pub r_squared: Option<f64>,
    pub adj_r_squared: Option<f64>,
    /// Correlation of time and ln C over the terminal fit.
    pub corr_xy: Option<f64>,
    pub span_ratio: Option<f64>,
    /// Clast on the terminal line at Tlast.
    pub clast_pred: Option<f64>,
    pub aucinf_obs: Option<f64>,
    pub aucinf_pred: Option<f64>,
    pub aucpext_obs: Option<f64>,
    pub aucpext_pred: Option<f64>,
    /// % of AUCinf between the dose and the first sample (IV bolus).
    pub aucpbext_obs: Option<f64>,
    pub aucpbext_pred: Option<f64>,
    pub aumcinf_obs: Option<f64>,
    pub aumcinf_pred: Option<f64>,
    pub aumcpext_obs: Option<f64>,
    pub aumcpext_pred: Option<f64>,
    pub mrt_obs: Option<f64>,
    pub mrt_pred: Option<f64>,
    pub auctau: Option<f64>,
    pub cavg: Option<f64>,
    pub cl: Option<f64>,
    pub cl_pred: Option<f64>,
    pub vz: Option<f64>,
    pub vz_pred: Option<f64>,
    /// MRT·CL (intravascular).
    pub vss_obs: Option<f64>,
    pub vss_pred: Option<f64>,
    pub cmax_dose: Option<f64>,
    pub auclast_dose: Option<f64>,
    pub aucinf_obs_dose: Option<f64>,
    pub aucinf_pred_dose: Option<f64>,
    pub method: Method,
    pub route: Route,
    pub steady_state: bool,
    pub blq_rule: String,
    pub exclusions: Vec<Exclusion>,
    pub flags: Vec<String>,
    pub(crate) rules: AppliedRules,
}

impl NcaResult {
    pub(crate) fn context(&self) -> Context {
        Context {
            route: self.route,
            steady_state: self.steady_state,
        }
    }

    /// The parameters that apply to this route and regimen, in output order:
    /// (JSON key, CDISC PPTESTCD, value).
    pub fn reported(&self) -> impl Iterator<Item = (&'static str, &'static str, Option<f64>)> + '_ {
        let ctx = self.context();
        table::applicable(ctx).map(move |p| (p.key, p.code(ctx), (p.get)(self).as_f64()))
    }

    /// A parameter by JSON key (`auclast`) or CDISC PPTESTCD (`AUCLST`);
    /// `None` when it is null, unknown or does not apply.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.reported()
            .find(|&(key, code, _)| key == name || code == name)
            .and_then(|(_, _, v)| v)
    }
}

/// The `pptestcd` object: code → value.
struct Codes<'a>(&'a NcaResult);

impl Serialize for Codes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ctx = self.0.context();
        let mut map = s.serialize_map(None)?;
        for p in table::applicable(ctx) {
            map.serialize_entry(p.code(ctx), &(p.get)(self.0))?;
        }
        map.end()
    }
}

impl Serialize for NcaResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ctx = self.context();
        let mut map = s.serialize_map(None)?;
        for p in table::applicable(ctx) {
            map.serialize_entry(p.key, &(p.get)(self))?;
        }
        map.serialize_entry("pptestcd", &Codes(self))?;
        map.serialize_entry("method", &self.method)?;
        map.serialize_entry("route", self.route.name())?;
        map.serialize_entry("steady_state", &self.steady_state)?;
        map.serialize_entry("blq_rule", &self.blq_rule)?;
        map.serialize_entry("lambda_z_rules", &self.rules)?;
        map.serialize_entry("exclusions", &self.exclusions)?;
        map.serialize_entry("flags", &self.flags)?;
        map.end()
    }
}
