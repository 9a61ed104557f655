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
    /// Index in `points` of the last positive concentration (else the last
    /// point): areas inside the data stop there, the λz line takes over.
    last: usize,
    /// Time of the first maximum over `points` (a bolus's C0 included):
    /// where lin-log turns from linear to log.
    peak: f64,
    pub(crate) fit: Result<LambdaZFit, NoLambdaZ>,
    pub(crate) c0: Option<f64>,
    /// Time of the last sample before the first measurable one, 0 when the
    /// first sample is measurable (WinNonlin's Tlag).
    pub(crate) tlag: Option<f64>,
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
        let allow_tmax = opts.rules.allow_tmax_in_half_life(opts.route);
        let fit = terminal_points(&points, extremes, allow_tmax)
            .map_or(Err(NoLambdaZ::TooFewPoints), |p| {
                lambda_z::select(&p, &opts.rules)
            });
        let last = points
            .iter()
            .rposition(|p| p.c > 0.0)
            .unwrap_or(points.len().saturating_sub(1));
        let peak = points
            .iter()
            .fold(None::<Point>, |m, p| match m {
                Some(m) if m.c >= p.c => Some(m),
                _ => Some(*p),
            })
            .map_or(0.0, |p| p.t);
        Ok(Self {
            points,
            method: opts.method,
            extremes,
            last,
            peak,
            fit,
            c0,
            tlag: tlag(samples),
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
        let Some(last) = self.points.get(self.last) else {
            return Err(AreaError::Empty);
        };
        let mut area = Area::default();
        for w in self.points[..=self.last].windows(2) {
            let (a, b) = (t1.max(w[0].t), t2.min(w[1].t));
            if a < b {
                let log = auc::use_log(self.method, w[0].c, w[1].c, w[1].t > self.peak);
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

    /// AUCall − AUClast: the linear fall from Clast to the first point kept
    /// after it (a BLQ sample kept as 0), none when no point follows.
    pub(crate) fn area_after_last(&self) -> f64 {
        match (self.points.get(self.last), self.points.get(self.last + 1)) {
            (Some(a), Some(b)) if a.c > 0.0 => (b.t - a.t) * (a.c + b.c) / 2.0,
            _ => 0.0,
        }
    }

    /// AUC from the dose to the first observed sample (what an IV bolus's
    /// back-extrapolated C0 adds).
    pub(crate) fn area_before_first_sample(&self) -> Result<f64, AreaError> {
        let first = self.points.iter().find(|p| p.observed).map_or(0.0, |p| p.t);
        self.partial_auc(0.0, first)
    }
}

/// WinNonlin's Tlag: the time of the sample just before the first measurable
/// concentration; 0 when that is the first sample.
fn tlag(samples: &[Sample]) -> Option<f64> {
    let first = samples
        .iter()
        .position(|s| matches!(s.conc, Conc::Measured(c) if c > 0.0))?;
    Some(first.checked_sub(1).map_or(0.0, |i| samples[i].time))
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
/// (from Tmax on when `allow.tmax.in.half.life`).
fn terminal_points(
    points: &[Point],
    ex: Option<Extremes>,
    include_tmax: bool,
) -> Option<Vec<(f64, f64)>> {
    let ex = ex?;
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
