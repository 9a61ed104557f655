//! From a prepared [`Profile`] to the reported [`NcaResult`]: the observed
//! values, the terminal ones, then those derived from them (`derived.rs`);
//! the exclusions; and every value either computed or `null` with a flag
//! saying why, from the parameter table's needs.

use super::auc::{self, Area};
use super::derived;
use super::lambda_z::{LambdaZFit, NoLambdaZ};
use super::profile::{Extremes, Profile};
use super::rules::{AppliedRules, Exclusion};
use super::table::{self, Need};
use super::{NcaOptions, NcaResult, Route};

/// Why each kind of value could not be computed (`None`: it could).
#[derive(Default)]
struct Why {
    observed: Option<String>,
    lambda_z: Option<String>,
    tau: Option<String>,
    dose: Option<String>,
}

pub(crate) fn compute(p: &Profile, opts: &NcaOptions) -> NcaResult {
    let mut r = NcaResult {
        c0: p.c0,
        tlag: p.tlag,
        method: opts.method,
        route: opts.route,
        steady_state: opts.tau.is_some(),
        blq_rule: opts.blq.to_string(),
        rules: AppliedRules {
            rules: opts.rules,
            route: opts.route,
        },
        flags: p.flags.clone(),
        ..NcaResult::default()
    };
    let mut why = Why::default();
    if opts.dose.is_none() {
        why.dose = Some("no dose given".into());
    }
    match p.extremes {
        Some(ex) => observed(&mut r, p, opts, ex, &mut why),
        None => why.observed = Some("no measurable (positive) concentration".into()),
    }
    sanitize(&mut r);
    exclusions(&mut r, opts);
    explain_nulls(&mut r, &why);
    r
}

fn observed(r: &mut NcaResult, p: &Profile, opts: &NcaOptions, ex: Extremes, why: &mut Why) {
    r.cmax = Some(ex.cmax);
    r.tmax = Some(ex.tmax);
    r.clast = Some(ex.clast);
    r.tlast = Some(ex.tlast);
    let last = match p.integrate(0.0, ex.tlast) {
        Ok(a) => a,
        Err(e) => {
            why.observed = Some(e.to_string());
            return;
        }
    };
    r.auclast = Some(last.auc);
    r.aumclast = Some(last.aumc);
    r.aucall = Some(last.auc + p.area_after_last());
    match p.fit {
        Ok(fit) => terminal(r, p, fit, ex, last),
        Err(e) => why.lambda_z = Some(no_lambda_z(e, opts)),
    }
    let tau_area = match opts.tau {
        Some(tau) => steady_state(r, p, tau, why),
        None => {
            why.tau = Some("no dosing interval (tau) given".into());
            None
        }
    };
    derived::compute(r, opts, last, tau_area);
}

fn no_lambda_z(why: NoLambdaZ, opts: &NcaOptions) -> String {
    let after = if opts.rules.allow_tmax_in_half_life(opts.route) {
        "from Tmax on"
    } else {
        "after Tmax"
    };
    match why {
        NoLambdaZ::TooFewPoints => format!(
            "fewer than {} positive concentrations {after} (min.hl.points)",
            opts.rules.min_hl_points()
        ),
        NoLambdaZ::NoDecline => {
            "no terminal fit with a declining slope within adj.r.squared.factor of the best fit"
                .to_string()
        }
    }
}

fn terminal(r: &mut NcaResult, p: &Profile, fit: LambdaZFit, ex: Extremes, last: Area) {
    let lz = fit.lambda_z;
    let half_life = std::f64::consts::LN_2 / lz;
    r.lambda_z = Some(lz);
    r.half_life = Some(half_life);
    r.lambda_z_n_points = Some(fit.n_points);
    r.lambda_z_time_first = Some(fit.t_first);
    r.lambda_z_time_last = Some(fit.t_last);
    r.r_squared = Some(fit.r_squared);
    r.adj_r_squared = Some(fit.adj_r_squared).filter(|x| x.is_finite());
    if r.adj_r_squared.is_none() {
        r.flags
            .push("adj_r_squared: undefined for a fit on 2 points".into());
    }
    r.corr_xy = Some(fit.corr_xy);
    r.span_ratio = Some((fit.t_last - fit.t_first) / half_life);
    let clast_pred = (fit.intercept - lz * ex.tlast).exp();
    r.clast_pred = Some(clast_pred);
    let obs = last_plus_tail(last, ex.clast, ex.tlast, lz);
    let pred = last_plus_tail(last, clast_pred, ex.tlast, lz);
    r.aucinf_obs = Some(obs.auc);
    r.aucinf_pred = Some(pred.auc);
    r.aucpext_obs = Some(percent_after(last.auc, obs.auc));
    r.aucpext_pred = Some(percent_after(last.auc, pred.auc));
    r.aumcinf_obs = Some(obs.aumc);
    r.aumcinf_pred = Some(pred.aumc);
    r.aumcpext_obs = Some(percent_after(last.aumc, obs.aumc));
    r.aumcpext_pred = Some(percent_after(last.aumc, pred.aumc));
    if r.route == Route::IvBolus {
        if let Ok(front) = p.area_before_first_sample() {
            r.aucpbext_obs = Some(100.0 * front / obs.auc);
            r.aucpbext_pred = Some(100.0 * front / pred.auc);
        }
    }
}

/// The area to Tlast plus the exponential tail from `clast` (observed or
/// predicted) at Tlast to infinity.
fn last_plus_tail(last: Area, clast: f64, tlast: f64, lambda_z: f64) -> Area {
    let mut area = last;
    area += auc::tail(clast, tlast, lambda_z, tlast, f64::INFINITY);
    area
}

/// The share (%) of `whole` beyond `part`.
fn percent_after(part: f64, whole: f64) -> f64 {
    100.0 * (whole - part) / whole
}

/// AUCτ and Cavg; returns the area over [0, τ] for MRT.
fn steady_state(r: &mut NcaResult, p: &Profile, tau: f64, why: &mut Why) -> Option<Area> {
    match p.integrate(0.0, tau) {
        Ok(a) => {
            r.auctau = Some(a.auc);
            r.cavg = Some(a.auc / tau);
            Some(a)
        }
        Err(e) => {
            why.tau = Some(e.to_string());
            None
        }
    }
}

/// Replaces any non-finite value by `null`, with a flag.
fn sanitize(r: &mut NcaResult) {
    let mut bad = Vec::new();
    for p in table::PARAMS {
        let Some(slot) = p.slot else { continue };
        let v = slot(r);
        if v.is_some_and(|x| !x.is_finite()) {
            *v = None;
            bad.push(p.key);
        }
    }
    if !bad.is_empty() {
        r.flags.push(format!(
            "{}: not a finite number (overflow or division by zero); set to null",
            bad.join(", ")
        ));
    }
}

/// The reported values that `need` stands on.
fn standing_on(r: &NcaResult, need: Need) -> Vec<&'static str> {
    let ctx = r.context();
    table::applicable(ctx)
        .filter(|p| p.needs(ctx, need) && (p.get)(r).as_f64().is_some())
        .map(|p| p.key)
        .collect()
}

/// PKNCA's `exclude_nca_span.ratio`, `exclude_nca_min.hl.r.squared` and
/// `exclude_nca_max.aucinf.pext` (observed and predicted): each broken rule
/// is an [`Exclusion`] and a flag; the values stay.
fn exclusions(r: &mut NcaResult, opts: &NcaOptions) {
    let rules = &opts.rules;
    let checks = [
        (
            "min.span.ratio",
            "span_ratio",
            r.span_ratio.filter(|&x| x < rules.min_span_ratio()),
            rules.min_span_ratio(),
            Need::LambdaZ,
        ),
        (
            "min.hl.r.squared",
            "r_squared",
            r.r_squared.filter(|&x| x < rules.min_hl_r_squared()),
            rules.min_hl_r_squared(),
            Need::LambdaZ,
        ),
        (
            "max.aucinf.pext",
            "aucpext_obs",
            r.aucpext_obs.filter(|&x| x > rules.max_aucinf_pext()),
            rules.max_aucinf_pext(),
            Need::TailObs,
        ),
        (
            "max.aucinf.pext",
            "aucpext_pred",
            r.aucpext_pred.filter(|&x| x > rules.max_aucinf_pext()),
            rules.max_aucinf_pext(),
            Need::TailPred,
        ),
    ];
    for (rule, parameter, broken, limit, need) in checks {
        if let Some(value) = broken {
            let e = Exclusion {
                rule,
                parameter,
                value,
                limit,
                excludes: standing_on(r, need),
            };
            r.flags.push(e.sentence());
            r.exclusions.push(e);
        }
    }
}

/// One flag per reason, naming the null values it explains; a value is
/// named under the first of its reasons (observed data, λz, τ, dose).
fn explain_nulls(r: &mut NcaResult, why: &Why) {
    let ctx = r.context();
    let mut named: Vec<&'static str> = Vec::new();
    let reasons = [
        (why.observed.as_deref(), None),
        (why.lambda_z.as_deref(), Some(Need::LambdaZ)),
        (why.tau.as_deref(), Some(Need::Tau)),
        (why.dose.as_deref(), Some(Need::Dose)),
    ];
    for (reason, need) in reasons {
        let Some(reason) = reason else { continue };
        let keys: Vec<&'static str> = table::applicable(ctx)
            .filter(|p| need.is_none_or(|n| p.needs(ctx, n)))
            .filter(|p| (p.get)(r).as_f64().is_none() && !named.contains(&p.key))
            .map(|p| p.key)
            .collect();
        if !keys.is_empty() {
            r.flags.push(format!("{}: {reason}", keys.join(", ")));
            named.extend(keys);
        }
    }
}
