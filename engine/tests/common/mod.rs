//! Test support: an independent high-accuracy solution of linear compartment
//! models (Taylor series of the right-hand side, written by hand from the
//! parameters, no matrix exponential), and model builders.
#![allow(dead_code)]

use dmip_engine::dosing::{Dose, Event, Observation};
use dmip_engine::model::{predict_with, Absorption, Disposition, Method, PkModel, Segment};

/// Right-hand side of the compartment ODE written out from the parameters,
/// with `input[i]` a constant zero-order input into compartment i.
fn rhs(m: &PkModel, x: &[f64], input: &[f64]) -> Vec<f64> {
    let (n_abs, k_abs) = match m.absorption {
        Absorption::Iv => (0, 0.0),
        Absorption::FirstOrder { ka } => (1, ka),
        Absorption::Transit { n, ktr } => (n, ktr),
    };
    let (k10, v1, per) = match &m.disposition {
        Disposition::Clearance {
            cl,
            v1,
            peripherals,
        } => (
            cl / v1,
            *v1,
            peripherals
                .iter()
                .map(|(q, v)| (q / v1, q / v))
                .collect::<Vec<_>>(),
        ),
        Disposition::Micro {
            k10,
            v1,
            peripherals,
        } => (*k10, *v1, peripherals.clone()),
    };
    let _ = v1;
    let mut dx = input.to_vec();
    for i in 0..n_abs {
        dx[i] -= k_abs * x[i];
        dx[i + 1] += k_abs * x[i];
    }
    let c = n_abs;
    dx[c] -= k10 * x[c];
    for (j, (k1p, kp1)) in per.iter().enumerate() {
        let p = c + 1 + j;
        dx[c] += kp1 * x[p] - k1p * x[c];
        dx[p] += k1p * x[c] - kp1 * x[p];
    }
    dx
}

/// Advances `x` by `dt` with Taylor series steps small enough to converge to
/// machine precision.
fn advance(m: &PkModel, x: &mut [f64], input: &[f64], dt: f64) {
    if dt <= 0.0 {
        return;
    }
    let steps = (dt * 2.0 * max_rate(m)).ceil().max(1.0) as usize;
    let h = dt / steps as f64;
    let zero = vec![0.0; x.len()];
    for _ in 0..steps {
        // term_k = h^k/k! · d^k x/dt^k; the input only enters the first derivative.
        let mut term: Vec<f64> = rhs(m, x, input).iter().map(|d| d * h).collect();
        let mut sum: Vec<f64> = x.iter().zip(&term).map(|(a, b)| a + b).collect();
        for k in 2..60 {
            term = rhs(m, &term, &zero)
                .iter()
                .map(|d| d * h / k as f64)
                .collect();
            for (s, t) in sum.iter_mut().zip(&term) {
                *s += t;
            }
            if term.iter().all(|t| t.abs() < 1e-300) {
                break;
            }
        }
        x.copy_from_slice(&sum);
    }
}

fn max_rate(m: &PkModel) -> f64 {
    let k_abs = match m.absorption {
        Absorption::Iv => 0.0,
        Absorption::FirstOrder { ka } => ka,
        Absorption::Transit { ktr, .. } => ktr,
    };
    let (k10, v1, per): (f64, f64, Vec<(f64, f64)>) = match &m.disposition {
        Disposition::Clearance {
            cl,
            v1,
            peripherals,
        } => (
            cl / v1,
            *v1,
            peripherals.iter().map(|(q, v)| (q / v1, q / v)).collect(),
        ),
        Disposition::Micro {
            k10,
            v1,
            peripherals,
        } => (*k10, *v1, peripherals.clone()),
    };
    let _ = v1;
    let central: f64 = k10 + per.iter().map(|p| p.0).sum::<f64>();
    let periph = per.iter().map(|p| p.1).fold(0.0, f64::max);
    k_abs.max(central).max(periph).max(1e-9)
}

/// A dose for the reference solver: nominal time, amount, 1-based
/// compartment, infusion duration (0 = bolus).
#[derive(Clone, Copy, Debug)]
pub struct RefDose {
    pub time: f64,
    pub amount: f64,
    pub cmt: usize,
    pub duration: f64,
}

pub fn n_states(m: &PkModel) -> usize {
    let n_abs = match m.absorption {
        Absorption::Iv => 0,
        Absorption::FirstOrder { .. } => 1,
        Absorption::Transit { n, .. } => n,
    };
    n_abs + 1 + m.disposition.peripherals()
}

/// Central concentrations at `times` (sorted) by the independent solver.
/// F and ALAG apply to doses into compartment 1 of absorption models.
pub fn reference_concentrations(m: &PkModel, doses: &[RefDose], times: &[f64]) -> Vec<f64> {
    reference_over_time(&[(f64::NEG_INFINITY, m.clone())], doses, times)
}

/// [`reference_concentrations`] for a model that changes over time:
/// `models` are `(from, model)` in time order, each in force from its time
/// on (a dose takes the F and ALAG of the model in force at its time; the
/// amounts carry over a change). The models share their compartments.
pub fn reference_over_time(
    models: &[(f64, PkModel)],
    doses: &[RefDose],
    times: &[f64],
) -> Vec<f64> {
    let at = |t: f64| {
        let i = models.partition_point(|(from, _)| *from <= t).max(1) - 1;
        &models[i].1
    };
    let first = &models[0].1;
    let n = n_states(first);
    let depot = !matches!(first.absorption, Absorption::Iv);
    let central = n - 1 - first.disposition.peripherals();
    // Breakpoints: (time, state, bolus amount, rate change); model changes
    // are breakpoints without an amount.
    let mut marks: Vec<(f64, usize, f64, f64)> = Vec::new();
    for d in doses {
        let m = at(d.time);
        let is_depot = depot && d.cmt == 1;
        let amount = d.amount * if is_depot { m.bioavailability } else { 1.0 };
        let start = d.time + if is_depot { m.lag } else { 0.0 };
        if d.duration > 0.0 {
            marks.push((start, d.cmt - 1, 0.0, amount / d.duration));
            marks.push((start + d.duration, d.cmt - 1, 0.0, -amount / d.duration));
        } else {
            marks.push((start, d.cmt - 1, amount, 0.0));
        }
    }
    for (from, _) in models.iter().filter(|(from, _)| from.is_finite()) {
        marks.push((*from, 0, 0.0, 0.0));
    }
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut x = vec![0.0; n];
    let mut input = vec![0.0; n];
    let mut t = marks.first().map_or(0.0, |m| m.0.min(0.0));
    let mut out = Vec::new();
    let mut mi = 0;
    for &to in times {
        // Observations come before doses at the same time.
        while mi < marks.len() && marks[mi].0 < to {
            advance(at(t), &mut x, &input, marks[mi].0 - t);
            t = marks[mi].0;
            x[marks[mi].1] += marks[mi].2;
            input[marks[mi].1] += marks[mi].3;
            mi += 1;
        }
        advance(at(t), &mut x, &input, to - t);
        t = to;
        let m = at(t);
        out.push(x[central] / m.disposition.v1() * m.scale);
    }
    out
}

pub fn model(absorption: Absorption, peripherals: usize) -> PkModel {
    let per = [(14.0, 125.0), (3.0, 40.0)];
    PkModel {
        absorption,
        disposition: Disposition::Clearance {
            cl: 15.0,
            v1: 56.0,
            peripherals: per[..peripherals].to_vec(),
        },
        bioavailability: 0.5,
        lag: 0.0,
        scale: 1000.0,
    }
}

/// Relative difference, with an absolute floor for values near zero.
pub fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-12)
}

/// Concentrations (and AUC) at `times` in the central compartment after
/// `doses`; observation records come first, so a time equal to a dose time
/// is pre-dose.
pub fn predict_by(
    m: &PkModel,
    doses: &[Dose],
    times: &[f64],
    with_auc: bool,
    method: Method,
) -> Vec<(f64, Option<f64>)> {
    let cmt = m.layout(false).central_cmt();
    let mut events: Vec<Event> = times
        .iter()
        .map(|&t| Event::Observation(Observation::prediction(t, cmt)))
        .collect();
    events.extend(doses.iter().cloned().map(Event::Dose));
    events.sort_by(|a, b| a.time().total_cmp(&b.time()));
    let seg = [Segment {
        from: 0.0,
        model: m.clone(),
    }];
    predict_with(&seg, &events, with_auc, method)
        .expect("valid history")
        .iter()
        .map(|p| (p.conc, p.auc))
        .collect()
}
