//! A profile ready for NCA: validated samples after the BLQ rule, a
//! concentration at the dose time (t = 0), Cmax/Clast and the terminal fit.
//! It answers concentrations and partial areas at any time.

use super::auc::{self, Area};
use super::blq::{self, Kept};
use super::lambda_z::{self, LambdaZFit, NoLambdaZ};
use super::{AreaError, Conc, Method, NcaError, NcaOptions, Route, Sample};

/// A concentration-time point; `observed` is false for the value put at the
/// dose time when no sample was taken then.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub t: f64,
    pub c: f64,
    pub observed: bool,
}

/// The observed peak and last measurable concentration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Extremes {
    pub cmax: f64,
    pub tmax: f64,
    pub clast: f64,
    pub tlast: f64,
}

/// Validated, BLQ-cleaned profile with its terminal fit. Build it once with
/// [`Profile::new`], then ask for [`Profile::partial_auc`] as often as needed.
#[derive(Clone, Debug)]
pub struct Profile {
    pub(crate) points: Vec<Point>,
    pub(crate) method: Method,
    pub(crate) extremes: Option<Extremes>,
    pub(crate) fit: Result<LambdaZFit, NoLambdaZ>,
    pub(crate) c0: Option<f64>,
    pub(crate) flags: Vec<String>,
}

impl Profile {
    /// Validates `samples` (times finite, ≥ 0, strictly increasing;
    /// concentrations finite and ≥ 0), applies the BLQ rule, puts a value at
    /// the dose time and fits λz. Dose is at t = 0.
    pub fn new(samples: &[Sample], opts: &NcaOptions) -> Result<Self, NcaError> {
        validate(samples)?;
        opts.validate()?;
        let mut flags = Vec::new();
        let (kept, blq_flag) = blq::apply(&opts.blq, samples);
        flags.extend(blq_flag);
        let mut points: Vec<Point> = kept.iter().map(Point::from).collect();
        let extremes = extremes(&points);
        let c0 = dose_time_value(&mut points, opts, &mut flags);
        let fit = terminal_points(&points, extremes, opts.route)
            .map_or(Err(NoLambdaZ::TooFewPoints), |p| lambda_z::select(&p));
        Ok(Self {
            points,
            method: opts.method,
            extremes,
            fit,
            c0,
            flags,
        })
    }

    /// AUC from `t1` to `t2` (0 ≤ t1 ≤ t2), interpolating inside the data by
    /// the profile's method and extrapolating past Clast on the λz line.
    pub fn partial_auc(&self, t1: f64, t2: f64) -> Result<f64, AreaError> {
        self.integrate(t1, t2).map(|a| a.auc)
    }

    /// AUMC from `t1` to `t2`, same rules as [`Profile::partial_auc`].
    pub fn partial_aumc(&self, t1: f64, t2: f64) -> Result<f64, AreaError> {
        self.integrate(t1, t2).map(|a| a.aumc)
    }

    /// λz of the terminal fit, when it could be estimated.
    pub fn lambda_z(&self) -> Option<f64> {
        self.fit.ok().map(|f| f.lambda_z)
    }

    pub(crate) fn integrate(&self, t1: f64, t2: f64) -> Result<Area, AreaError> {
        if !(t1.is_finite() && t2.is_finite() && 0.0 <= t1 && t1 <= t2) {
            return Err(AreaError::Interval { from: t1, to: t2 });
        }
        // Every non-empty profile starts at the dose time t = 0.
        let Some(last) = self.points.last() else {
            return Err(AreaError::Empty);
        };
        let mut area = Area::default();
        for w in self.points.windows(2) {
            let (a, b) = (t1.max(w[0].t), t2.min(w[1].t));
            if a < b {
                let log = auc::use_log(self.method, w[0].c, w[1].c);
                let at = |t| auc::interpolate(w[0].t, w[0].c, w[1].t, w[1].c, log, t);
                area += auc::segment(a, at(a), b, at(b), log);
            }
        }
        if t2 > last.t && last.c > 0.0 {
            let lz = self.lambda_z().ok_or(AreaError::NoLambdaZ {
                to: t2,
                last: last.t,
            })?;
            area += auc::tail(last.c, last.t, lz, t1.max(last.t), t2);
        }
        Ok(area)
    }
}

fn validate(samples: &[Sample]) -> Result<(), NcaError> {
    let mut previous: Option<f64> = None;
    for (i, s) in samples.iter().enumerate() {
        let sample = i + 1;
        if !s.time.is_finite() || s.time < 0.0 {
            return Err(NcaError::Time {
                sample,
                time: s.time,
            });
        }
        if let Conc::Measured(c) = s.conc {
            if !c.is_finite() || c < 0.0 {
                return Err(NcaError::Concentration { sample, conc: c });
            }
        }
        if let Some(p) = previous.filter(|&p| s.time <= p) {
            return Err(NcaError::Order {
                sample,
                time: s.time,
                previous: p,
            });
        }
        previous = Some(s.time);
    }
    Ok(())
}

/// Cmax/Tmax (first occurrence) and Clast/Tlast over the observed points.
fn extremes(points: &[Point]) -> Option<Extremes> {
    let last = points.iter().rev().find(|p| p.c > 0.0)?;
    let max = points
        .iter()
        .fold(points[0], |m, p| if p.c > m.c { *p } else { m });
    Some(Extremes {
        cmax: max.c,
        tmax: max.t,
        clast: last.c,
        tlast: last.t,
    })
}

/// Points eligible for the terminal fit: observed, positive, after Tmax
/// (from Tmax on for an IV bolus, whose peak is the start of the decline).
fn terminal_points(
    points: &[Point],
    ex: Option<Extremes>,
    route: Route,
) -> Option<Vec<(f64, f64)>> {
    let ex = ex?;
    let include_tmax = matches!(route, Route::IvBolus);
    Some(
        points
            .iter()
            .filter(|p| p.observed && p.c > 0.0 && p.t <= ex.tlast)
            .filter(|p| p.t > ex.tmax || (include_tmax && p.t == ex.tmax))
            .map(|p| (p.t, p.c))
            .collect(),
    )
}

/// Makes sure a point sits at the dose time t = 0, saying in a flag what was
/// assumed. Returns C0 for an IV bolus.
fn dose_time_value(
    points: &mut Vec<Point>,
    opts: &NcaOptions,
    flags: &mut Vec<String>,
) -> Option<f64> {
    let first = *points.first()?;
    if matches!(opts.route, Route::IvBolus) {
        return bolus_c0(points, flags);
    }
    if first.t == 0.0 {
        return None;
    }
    let c = match opts.tau {
        None => {
            flags.push("auc: no sample at the dose time; C(0) = 0 assumed (single dose)".into());
            0.0
        }
        Some(tau) => {
            let cmin = points
                .iter()
                .filter(|p| p.t <= tau)
                .map(|p| p.c)
                .fold(first.c, f64::min);
            flags.push(format!(
                "auc: no sample at the dose time; C(0) = Cmin of the dosing interval = {cmin} assumed (steady state)"
            ));
            cmin
        }
    };
    points.insert(
        0,
        Point {
            t: 0.0,
            c,
            observed: false,
        },
    );
    None
}

/// C0 of an IV bolus: the sample at t = 0 when positive; else back-extrapolated
/// log-linearly from the first two samples when both are positive and
/// declining; else the first sample's concentration.
fn bolus_c0(points: &mut Vec<Point>, flags: &mut Vec<String>) -> Option<f64> {
    if points[0].t == 0.0 {
        if points[0].c > 0.0 {
            flags.push("c0: observed at the dose time (t = 0)".into());
            return Some(points[0].c);
        }
        flags.push("c0: the sample at t = 0 is 0 or BLQ; it is replaced".into());
        points.remove(0);
    }
    let c0 = match points.as_slice() {
        [a, b, ..] if a.c > 0.0 && b.c > 0.0 && b.c < a.c => {
            let c0 = a.c * (a.c / b.c).powf(a.t / (b.t - a.t));
            flags.push(format!(
                "c0: back-extrapolated log-linearly from the first two samples (t = {} and {} h)",
                a.t, b.t
            ));
            c0
        }
        [a, ..] => {
            flags.push(
                "c0: first two samples not positive and declining; C0 = first observed concentration"
                    .into(),
            );
            a.c
        }
        [] => return None,
    };
    points.insert(
        0,
        Point {
            t: 0.0,
            c: c0,
            observed: false,
        },
    );
    Some(c0)
}

impl From<&Kept> for Point {
    fn from(k: &Kept) -> Self {
        Point {
            t: k.t,
            c: k.c,
            observed: true,
        }
    }
}
