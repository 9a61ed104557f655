//! Dose and observation records with NONMEM semantics.
//!
//! Times are hours from the first event of the history. Compartments are
//! numbered from 1 as in NONMEM: for a model with absorption, CMT 1 is the
//! depot and the central compartment follows the transit chain (see
//! `model::Layout`).

use serde::{Deserialize, Serialize};

/// Steady-state flag of a dose record (NONMEM `SS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SteadyState {
    /// SS = 0: an ordinary dose.
    #[default]
    No,
    /// SS = 1: the system is at steady state for this dose repeated every II
    /// before it is given; amounts from earlier records are discarded.
    Reset,
    /// SS = 2: the steady state of this regimen is added to what is there.
    Add,
}

/// A dose record (NONMEM EVID = 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dose {
    /// Time of the dose, h.
    pub time: f64,
    /// Amount (AMT), in the model's dose unit (mg for the built-in models).
    pub amount: f64,
    /// Compartment that receives the dose (CMT, 1-based).
    pub cmt: usize,
    /// Zero-order input: infusion rate (amount/h). `None` = bolus.
    pub rate: Option<f64>,
    /// Zero-order input given by its duration (h) instead of its rate.
    pub duration: Option<f64>,
    /// Interdose interval II, h (0 = none).
    pub ii: f64,
    /// Number of additional doses ADDL given every II after this one.
    pub addl: u32,
    /// Steady-state flag SS.
    pub ss: SteadyState,
}

impl Dose {
    /// A bolus (or oral) dose into `cmt`.
    pub fn bolus(time: f64, amount: f64, cmt: usize) -> Self {
        Dose {
            time,
            amount,
            cmt,
            rate: None,
            duration: None,
            ii: 0.0,
            addl: 0,
            ss: SteadyState::No,
        }
    }

    /// The same dose repeated: `addl` more doses every `ii` hours.
    pub fn repeated(mut self, ii: f64, addl: u32) -> Self {
        self.ii = ii;
        self.addl = addl;
        self
    }

    /// Marks the dose as given at steady state (SS = 1) for interval `ii`.
    pub fn at_steady_state(mut self, ii: f64) -> Self {
        self.ii = ii;
        self.ss = SteadyState::Reset;
        self
    }

    /// Zero-order infusion over `duration` hours.
    pub fn infused_over(mut self, duration: f64) -> Self {
        self.duration = Some(duration);
        self.rate = None;
        self
    }

    /// Times of this record and of its ADDL repeats.
    pub fn times(&self) -> impl Iterator<Item = f64> + '_ {
        (0..=self.addl).map(move |k| self.time + k as f64 * self.ii)
    }
}

/// An observation record (NONMEM EVID = 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// Sampling time, h.
    pub time: f64,
    /// Observed compartment (1-based).
    pub cmt: usize,
    /// Measured value in the model's concentration unit; `None` when the
    /// record only asks for a prediction (MDV = 1).
    pub dv: Option<f64>,
    /// Lower limit of quantification, if known.
    pub lloq: Option<f64>,
    /// The sample was below the LLOQ (the value, if any, is not used).
    pub blq: bool,
}

impl Observation {
    /// A measured concentration.
    pub fn measured(time: f64, cmt: usize, dv: f64) -> Self {
        Observation {
            time,
            cmt,
            dv: Some(dv),
            lloq: None,
            blq: false,
        }
    }

    /// A time at which only a prediction is wanted.
    pub fn prediction(time: f64, cmt: usize) -> Self {
        Observation {
            time,
            cmt,
            dv: None,
            lloq: None,
            blq: false,
        }
    }

    /// A sample reported below the limit of quantification `lloq`.
    pub fn below_lloq(time: f64, cmt: usize, lloq: f64) -> Self {
        Observation {
            time,
            cmt,
            dv: None,
            lloq: Some(lloq),
            blq: true,
        }
    }
}

/// One record of a history, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    Dose(Dose),
    Observation(Observation),
    /// NONMEM EVID 3: the system is re-initialised at `time` — every
    /// compartment's amount goes to 0 and infusions in progress stop; what
    /// earlier records left pending (a lagged dose not yet given, the rest
    /// of an infusion) is cancelled. EVID 4 (reset and dose) is a reset
    /// followed by a dose record at the same time. ADDL repeats of an
    /// earlier record may not run past a reset ([`validate`]).
    Reset {
        time: f64,
    },
}

impl Event {
    pub fn time(&self) -> f64 {
        match self {
            Event::Dose(d) => d.time,
            Event::Observation(o) => o.time,
            Event::Reset { time } => *time,
        }
    }
}

/// A record or field that cannot be used, named so the user can fix it.
/// `record` is 1-based in the order the records were given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DosingError {
    #[error("record {record}: {field} must be a finite number ≥ 0 (got {value})")]
    Negative {
        record: usize,
        field: &'static str,
        value: f64,
    },
    #[error("record {record}: {field} must be a finite number > 0 (got {value})")]
    NotPositive {
        record: usize,
        field: &'static str,
        value: f64,
    },
    #[error("record {record}: II must be > 0 when ADDL > 0 (ADDL = {addl})")]
    RepeatsWithoutInterval { record: usize, addl: u32 },
    #[error("record {record}: {field} {value} is beyond the supported range (at most {max})")]
    TooLarge {
        record: usize,
        field: &'static str,
        value: f64,
        max: f64,
    },
    #[error("record {record}: ADDL {addl} is more than {max} repeats")]
    TooManyRepeats { record: usize, addl: u32, max: u32 },
    #[error("record {record}: a steady-state dose (SS = 1 or 2) needs II > 0")]
    SteadyStateWithoutInterval { record: usize },
    #[error("record {record}: give either RATE or DUR for an infusion, not both")]
    RateAndDuration { record: usize },
    #[error("record {record}: CMT {cmt} does not exist in this model (compartments 1–{n_cmt})")]
    UnknownCompartment {
        record: usize,
        cmt: usize,
        n_cmt: usize,
    },
    #[error("record {record}: time {time} h is earlier than the record before it ({previous} h); records must be in time order")]
    Unsorted {
        record: usize,
        time: f64,
        previous: f64,
    },
    #[error("record {record}: a measured level at {time} h comes before any dose, so no model can explain it")]
    ObservationBeforeDose { record: usize, time: f64 },
    #[error("record {record}: ADDL repeats until {last} h run past the reset at {reset} h; end them before the reset")]
    RepeatsPastReset {
        record: usize,
        last: f64,
        reset: f64,
        reset_record: usize,
    },
    #[error("the history has no dose")]
    NoDose,
}

/// Largest time, and infusion duration, accepted: 10⁶ h (114 years). A
/// sanity bound that keeps every computation finite, not a clinical limit.
/// These two bound the NONMEM-style datasets of the CLI and the reference
/// cases, whose amounts are in the dataset's own unit; the drug screens'
/// inputs (mg, clock times) are held to the tighter `dosing::limits`
/// before they become events.
pub const MAX_TIME_H: f64 = 1e6;
/// Largest amount accepted (10⁹ dose units): a sanity bound, as above.
pub const MAX_AMOUNT: f64 = 1e9;

/// Most ADDL repeats one record may carry (a sanity bound: 100 000 doses is
/// over a century of twice-daily dosing).
pub const MAX_ADDL: u32 = 100_000;

fn finite_non_negative(record: usize, field: &'static str, value: f64) -> Result<(), DosingError> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(DosingError::Negative {
            record,
            field,
            value,
        })
    }
}

fn finite_positive(record: usize, field: &'static str, value: f64) -> Result<(), DosingError> {
    if value.is_finite() && value > 0.0 {
        Ok(())
    } else {
        Err(DosingError::NotPositive {
            record,
            field,
            value,
        })
    }
}

fn at_most(record: usize, field: &'static str, value: f64, max: f64) -> Result<(), DosingError> {
    if value <= max {
        Ok(())
    } else {
        Err(DosingError::TooLarge {
            record,
            field,
            value,
            max,
        })
    }
}

fn validate_dose(record: usize, d: &Dose, n_cmt: usize) -> Result<(), DosingError> {
    finite_non_negative(record, "TIME", d.time)?;
    finite_non_negative(record, "AMT", d.amount)?;
    finite_non_negative(record, "II", d.ii)?;
    at_most(record, "TIME", d.time, MAX_TIME_H)?;
    at_most(record, "AMT", d.amount, MAX_AMOUNT)?;
    at_most(record, "II", d.ii, MAX_TIME_H)?;
    at_most(
        record,
        "last ADDL time",
        d.time + d.ii * f64::from(d.addl),
        MAX_TIME_H,
    )?;
    if d.cmt == 0 || d.cmt > n_cmt {
        return Err(DosingError::UnknownCompartment {
            record,
            cmt: d.cmt,
            n_cmt,
        });
    }
    if d.addl > MAX_ADDL {
        return Err(DosingError::TooManyRepeats {
            record,
            addl: d.addl,
            max: MAX_ADDL,
        });
    }
    if d.addl > 0 && d.ii <= 0.0 {
        return Err(DosingError::RepeatsWithoutInterval {
            record,
            addl: d.addl,
        });
    }
    if d.ss != SteadyState::No && d.ii <= 0.0 {
        return Err(DosingError::SteadyStateWithoutInterval { record });
    }
    match (d.rate, d.duration) {
        (Some(_), Some(_)) => Err(DosingError::RateAndDuration { record }),
        (Some(r), None) => {
            finite_positive(record, "RATE", r)?;
            at_most(
                record,
                "infusion duration AMT/RATE",
                d.amount / r,
                MAX_TIME_H,
            )
        }
        (None, Some(t)) => {
            finite_positive(record, "DUR", t)?;
            at_most(record, "DUR", t, MAX_TIME_H)
        }
        (None, None) => Ok(()),
    }
}

fn validate_observation(record: usize, o: &Observation, n_cmt: usize) -> Result<(), DosingError> {
    finite_non_negative(record, "TIME", o.time)?;
    at_most(record, "TIME", o.time, MAX_TIME_H)?;
    if let Some(dv) = o.dv {
        finite_non_negative(record, "DV", dv)?;
    }
    if let Some(lloq) = o.lloq {
        finite_positive(record, "LLOQ", lloq)?;
    }
    if o.cmt == 0 || o.cmt > n_cmt {
        return Err(DosingError::UnknownCompartment {
            record,
            cmt: o.cmt,
            n_cmt,
        });
    }
    Ok(())
}

/// Checks every record of a history for a model with `n_cmt` compartments:
/// finite non-negative times and amounts, known compartments, II with ADDL
/// and SS, time order, no measured level before the first dose
/// (prediction-only records may come first), and no ADDL repeats past a
/// later reset (NONMEM's handling of those is not reproduced).
pub fn validate(events: &[Event], n_cmt: usize) -> Result<(), DosingError> {
    let mut previous = f64::NEG_INFINITY;
    let mut first_dose: Option<f64> = None;
    // The dose record whose ADDL repeats end last so far.
    let mut last_repeat: Option<(usize, f64)> = None;
    for (i, e) in events.iter().enumerate() {
        let record = i + 1;
        match e {
            Event::Reset { time } => {
                finite_non_negative(record, "TIME", *time)?;
                at_most(record, "TIME", *time, MAX_TIME_H)?;
                if let Some((r, last)) = last_repeat.filter(|(_, last)| *last >= *time) {
                    return Err(DosingError::RepeatsPastReset {
                        record: r,
                        last,
                        reset: *time,
                        reset_record: record,
                    });
                }
            }
            Event::Dose(d) => {
                validate_dose(record, d, n_cmt)?;
                first_dose.get_or_insert(d.time);
                if d.addl > 0 {
                    let last = d.time + d.ii * f64::from(d.addl);
                    if last_repeat.is_none_or(|(_, l)| last > l) {
                        last_repeat = Some((record, last));
                    }
                }
            }
            Event::Observation(o) => {
                validate_observation(record, o, n_cmt)?;
                if first_dose.is_none() && o.dv.is_some() {
                    return Err(DosingError::ObservationBeforeDose {
                        record,
                        time: o.time,
                    });
                }
            }
        }
        let t = e.time();
        if t < previous {
            return Err(DosingError::Unsorted {
                record,
                time: t,
                previous,
            });
        }
        previous = t;
    }
    if first_dose.is_none() {
        return Err(DosingError::NoDose);
    }
    Ok(())
}
