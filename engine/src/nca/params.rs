//! From a prepared [`Profile`] to the reported [`NcaResult`]: every value
//! either computed or `null` with a flag saying why.

use super::auc::{self, Area};
use super::lambda_z::{LambdaZFit, NoLambdaZ};
use super::profile::{Extremes, Profile};
use super::{NcaOptions, NcaResult, Route};

/// Span ratio (fit time span / half-life) below which λz is flagged as
/// resting on a short terminal phase: PKNCA `min.span.ratio` default, the
/// "strict default" of ../shared/reference/README.md.
const MIN_SPAN_RATIO: f64 = 2.0;

/// Extrapolated share of AUCinf (%) above which AUCinf is flagged: PKNCA
/// `max.aucinf.pext` default, same reference.
const MAX_PEXT: f64 = 20.0;

pub(crate) fn compute(p: &Profile, opts: &NcaOptions) -> NcaResult {
    let mut r = NcaResult {
        c0: p.c0,
        method: opts.method,
        route: opts.route.name(),
        blq_rule: opts.blq.to_string(),
        flags: p.flags.clone(),
        ..NcaResult::default()
    };
    match p.extremes {
        Some(ex) => observed(&mut r, p, opts, ex),
        None => r.flags.push(
            "cmax, tmax, clast, tlast, auclast, aumclast, lambda_z and all that follow from them: \
             no measurable (positive) concentration"
                .into(),
        ),
    }
    sanitize(&mut r);
    r
}

fn observed(r: &mut NcaResult, p: &Profile, opts: &NcaOptions, ex: Extremes) {
    r.cmax = Some(ex.cmax);
    r.tmax = Some(ex.tmax);
    r.clast = Some(ex.clast);
    r.tlast = Some(ex.tlast);
    let last = match p.integrate(0.0, ex.tlast) {
        Ok(a) => Some(a),
        Err(e) => {
            r.flags.push(format!("auclast, aumclast: {e}"));
            None
        }
    };
    r.auclast = last.map(|a| a.auc);
    r.aumclast = last.map(|a| a.aumc);
    match p.fit {
        Ok(fit) => terminal(r, fit, ex, last),
        Err(why) => r.flags.push(no_lambda_z(why, opts)),
    }
    let tau_area = match opts.tau {
        Some(tau) => steady_state(r, p, tau),
        None => {
            r.flags
                .push("auctau, cavg: no dosing interval (tau) given".into());
            None
        }
    };
    r.mrt_obs = mrt(r, opts, tau_area);
    clearance(r, opts);
}

fn no_lambda_z(why: NoLambdaZ, opts: &NcaOptions) -> String {
    let keys = if opts.tau.is_some() {
        "lambda_z, half_life, r_squared, adj_r_squared, span_ratio, aucinf_obs, aucinf_pred, \
         aucpext_obs, aucpext_pred, aumcinf_obs, mrt_obs, vz"
    } else {
        "lambda_z, half_life, r_squared, adj_r_squared, span_ratio, aucinf_obs, aucinf_pred, \
         aucpext_obs, aucpext_pred, aumcinf_obs, mrt_obs, cl, vz"
    };
    let after = if opts.route == Route::IvBolus {
        "from Cmax on"
    } else {
        "after Cmax"
    };
    let reason = match why {
        NoLambdaZ::TooFewPoints => format!("fewer than 3 positive concentrations {after}"),
        NoLambdaZ::NoDecline => "no terminal fit has a declining slope".to_string(),
    };
    format!("{keys}: {reason}")
}

fn terminal(r: &mut NcaResult, fit: LambdaZFit, ex: Extremes, last: Option<Area>) {
    let lz = fit.lambda_z;
    let half_life = std::f64::consts::LN_2 / lz;
    let span = (fit.t_last - fit.t_first) / half_life;
    r.lambda_z = Some(lz);
    r.half_life = Some(half_life);
    r.lambda_z_n_points = Some(fit.n_points);
    r.lambda_z_time_first = Some(fit.t_first);
    r.lambda_z_time_last = Some(fit.t_last);
    r.r_squared = Some(fit.r_squared);
    r.adj_r_squared = Some(fit.adj_r_squared);
    r.span_ratio = Some(span);
    if span < MIN_SPAN_RATIO {
        r.flags.push(format!(
            "lambda_z: span ratio {span:.3} < {MIN_SPAN_RATIO} (fit covers less than two half-lives); reported anyway"
        ));
    }
    let Some(last) = last else { return };
    let tail = auc::tail(ex.clast, ex.tlast, lz, ex.tlast, f64::INFINITY);
    let tail_pred = (fit.intercept - lz * ex.tlast).exp() / lz;
    let inf_obs = last.auc + tail.auc;
    let inf_pred = last.auc + tail_pred;
    r.aucinf_obs = Some(inf_obs);
    r.aucinf_pred = Some(inf_pred);
    r.aumcinf_obs = Some(last.aumc + tail.aumc);
    let pext = 100.0 * tail.auc / inf_obs;
    r.aucpext_obs = Some(pext);
    r.aucpext_pred = Some(100.0 * tail_pred / inf_pred);
    if pext > MAX_PEXT {
        r.flags.push(format!(
            "aucpext_obs: {pext:.2} % of AUCinf is extrapolated (> {MAX_PEXT} %); reported anyway"
        ));
    }
}

/// AUCτ and Cavg; returns the area over [0, τ] for MRT.
fn steady_state(r: &mut NcaResult, p: &Profile, tau: f64) -> Option<Area> {
    match p.integrate(0.0, tau) {
        Ok(a) => {
            r.auctau = Some(a.auc);
            r.cavg = Some(a.auc / tau);
            Some(a)
        }
        Err(e) => {
            r.flags
                .push(format!("auctau, cavg, mrt_obs, cl, vz (steady state): {e}"));
            None
        }
    }
}

/// MRT: AUMCinf/AUCinf for a single dose; at steady state
/// (AUMCτ + τ·(AUCinf − AUCτ))/AUCτ (WinNonlin). Minus duration/2 for an infusion.
fn mrt(r: &NcaResult, opts: &NcaOptions, tau_area: Option<Area>) -> Option<f64> {
    let inf = r.aucinf_obs?;
    let raw = match opts.tau {
        None => r.aumcinf_obs? / inf,
        Some(tau) => {
            let a = tau_area?;
            (a.aumc + tau * (inf - a.auc)) / a.auc
        }
    };
    let infusion = match opts.route {
        Route::IvInfusion { duration } => duration / 2.0,
        _ => 0.0,
    };
    Some(raw - infusion)
}

/// CL = dose/AUCinf,obs (single dose) or dose/AUCτ (steady state); Vz = CL/λz.
fn clearance(r: &mut NcaResult, opts: &NcaOptions) {
    let Some(dose) = opts.dose else {
        r.flags.push("cl, vz: no dose given".into());
        return;
    };
    let area = if opts.tau.is_some() {
        r.auctau
    } else {
        r.aucinf_obs
    };
    r.cl = area.map(|a| dose / a);
    r.vz = r.cl.zip(r.lambda_z).map(|(cl, lz)| cl / lz);
}

/// Replaces any non-finite value by `null`, with a flag.
fn sanitize(r: &mut NcaResult) {
    let mut bad = Vec::new();
    for (name, v) in [
        ("cmax", &mut r.cmax),
        ("tmax", &mut r.tmax),
        ("clast", &mut r.clast),
        ("tlast", &mut r.tlast),
        ("c0", &mut r.c0),
        ("auclast", &mut r.auclast),
        ("aucinf_obs", &mut r.aucinf_obs),
        ("aucinf_pred", &mut r.aucinf_pred),
        ("aucpext_obs", &mut r.aucpext_obs),
        ("aucpext_pred", &mut r.aucpext_pred),
        ("aumclast", &mut r.aumclast),
        ("aumcinf_obs", &mut r.aumcinf_obs),
        ("mrt_obs", &mut r.mrt_obs),
        ("lambda_z", &mut r.lambda_z),
        ("half_life", &mut r.half_life),
        ("r_squared", &mut r.r_squared),
        ("adj_r_squared", &mut r.adj_r_squared),
        ("span_ratio", &mut r.span_ratio),
        ("auctau", &mut r.auctau),
        ("cavg", &mut r.cavg),
        ("cl", &mut r.cl),
        ("vz", &mut r.vz),
    ] {
        if v.is_some_and(|x| !x.is_finite()) {
            *v = None;
            bad.push(name);
        }
    }
    if !bad.is_empty() {
        r.flags.push(format!(
            "{}: not a finite number (overflow or division by zero); set to null",
            bad.join(", ")
        ));
    }
}
