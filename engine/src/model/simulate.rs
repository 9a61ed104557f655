//! The event sweep: NONMEM semantics over a piecewise-constant model.
//!
//! Records are turned into timed actions (boluses, infusion on/off,
//! steady-state resets, EVID 3/4 resets, observations, model changes), sorted by time and
//! processed in order; between two actions the state moves by the exact
//! propagator. Ties at the same time: a model change first (its values hold
//! from that time, last value carried forward), then the records in the order
//! given, then doses implied by ADDL, lag or infusion ends — so a trough
//! drawn "at" the time of an implied dose is pre-dose.
//!
//! F and ALAG of a record (and of its ADDL repeats) are those in force at the
//! record's time, as in NONMEM/PREDPP.

use super::kernel::{kernel_for, Kernel, Method};
use super::params::{ModelError, PkModel};
use super::system::Layout;
use crate::dosing::events::{validate, Dose, Event, SteadyState};
use nalgebra::DVector;

/// A model in force from `from` (h) until the next segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub from: f64,
    pub model: PkModel,
}

/// The prediction at one observation record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    pub time: f64,
    /// Concentration in the observed compartment (amount / V × scale for
    /// the central compartment; amount for any other).
    pub conc: f64,
    /// AUC of the central concentration from the first event (or the last
    /// SS = 1 dose or EVID 3/4 reset) to this time, when asked for.
    pub auc: Option<f64>,
}

/// Input of one dose as it reaches the system.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Input {
    /// State index receiving the dose.
    pub state: usize,
    /// Amount after bioavailability.
    pub amount: f64,
    /// Delay after the nominal time (ALAG for depot doses, else 0).
    pub lag: f64,
    /// Zero-order duration (0 = bolus).
    pub duration: f64,
}

impl Input {
    pub fn rate(&self) -> f64 {
        self.amount / self.duration
    }
    pub fn end(&self) -> f64 {
        self.lag + self.duration
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    ModelChange(usize),
    /// An observation record of compartment `cmt` (1-based).
    Observe {
        cmt: usize,
    },
    SteadyState {
        input: Input,
        ii: f64,
        add: bool,
    },
    Bolus {
        state: usize,
        amount: f64,
    },
    InfusionOn {
        id: usize,
        state: usize,
        rate: f64,
    },
    InfusionOff {
        id: usize,
    },
    /// EVID 3/4: amounts to 0, infusions stopped, inputs pending from
    /// earlier records cancelled.
    Reset,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Action {
    pub time: f64,
    /// 0 model change, 1 record as given, 2 implied.
    pub class: u8,
    /// Record index (ties: record order).
    pub seq: usize,
    /// Order within one record at one time (the steady state before the
    /// inputs it leaves pending).
    pub sub: u8,
    pub kind: Kind,
}

fn input_of(dose: &Dose, model: &PkModel, layout: &Layout) -> Input {
    let depot = layout.is_depot(dose.cmt);
    let f = if depot { model.bioavailability } else { 1.0 };
    let amount = dose.amount * f;
    // NONMEM: with RATE, the duration follows from F·AMT/RATE.
    let duration = match (dose.rate, dose.duration) {
        (Some(r), _) => amount / r,
        (None, Some(d)) => d,
        (None, None) => 0.0,
    };
    Input {
        state: dose.cmt - 1,
        amount,
        lag: if depot { model.lag } else { 0.0 },
        duration,
    }
}

fn segment_index(segments: &[Segment], t: f64) -> usize {
    segments.partition_point(|s| s.from <= t).saturating_sub(1)
}

/// Actions of one input given at `time`.
pub(super) fn push_input(
    actions: &mut Vec<Action>,
    time: f64,
    input: Input,
    class: u8,
    seq: usize,
    ids: &mut usize,
) {
    let start = time + input.lag;
    let class = if input.lag > 0.0 { 2 } else { class };
    if input.duration > 0.0 {
        *ids += 1;
        actions.push(Action {
            time: start,
            class,
            seq,
            sub: 1,
            kind: Kind::InfusionOn {
                id: *ids,
                state: input.state,
                rate: input.rate(),
            },
        });
        actions.push(Action {
            time: start + input.duration,
            class: 2,
            seq,
            sub: 1,
            kind: Kind::InfusionOff { id: *ids },
        });
    } else {
        actions.push(Action {
            time: start,
            class,
            seq,
            sub: 1,
            kind: Kind::Bolus {
                state: input.state,
                amount: input.amount,
            },
        });
    }
}

/// Time (as ordered bits), class, record, order within the record, push order.
type SortKey = (u64, u8, usize, u8, usize);

fn build_actions(segments: &[Segment], events: &[Event], layout: &Layout) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut ids = 0;
    for (i, s) in segments.iter().enumerate().skip(1) {
        actions.push(Action {
            time: s.from,
            class: 0,
            seq: i,
            sub: 0,
            kind: Kind::ModelChange(i),
        });
    }
    for (seq, e) in events.iter().enumerate() {
        match e {
            Event::Reset { time } => actions.push(Action {
                time: *time,
                class: 1,
                seq,
                sub: 0,
                kind: Kind::Reset,
            }),
            Event::Observation(o) => {
                actions.push(Action {
                    time: o.time,
                    class: 1,
                    seq,
                    sub: 0,
                    kind: Kind::Observe { cmt: o.cmt },
                });
            }
            Event::Dose(d) => {
                let model = &segments[segment_index(segments, d.time)].model;
                let input = input_of(d, model, layout);
                if d.ss != SteadyState::No {
                    actions.push(Action {
                        time: d.time,
                        class: 1,
                        seq,
                        sub: 0,
                        kind: Kind::SteadyState {
                            input,
                            ii: d.ii,
                            add: d.ss == SteadyState::Add,
                        },
                    });
                    super::steady_state::push_pending(
                        &mut actions,
                        d.time,
                        input,
                        d.ii,
                        seq,
                        &mut ids,
                    );
                }
                for (k, t) in d.times().enumerate() {
                    let class = if k == 0 { 1 } else { 2 };
                    push_input(&mut actions, t, input, class, seq, &mut ids);
                }
            }
        }
    }
    // Integer keys sort fast; the push order breaks remaining ties (stable).
    // Times are ≥ 0 here (validated records; segment starts after them),
    // where the IEEE bit pattern orders like the value.
    let mut keyed: Vec<(SortKey, Action)> = actions
        .into_iter()
        .enumerate()
        .map(|(i, a)| ((a.time.max(0.0).to_bits(), a.class, a.seq, a.sub, i), a))
        .collect();
    keyed.sort_unstable_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, a)| a).collect()
}

/// The sweep's state.
pub(super) struct Sweep {
    pub layout: Layout,
    pub kernel: Box<dyn Kernel>,
    /// Central amount → concentration: scale / V1 of the model in force.
    pub conc_per_amount: f64,
    pub method: Method,
    pub chain_infusion: bool,
    pub track_auc: bool,
    pub x: DVector<f64>,
    /// AUC of the central concentration since the start (or the last reset).
    pub auc: f64,
    /// Active infusions `(id, compartment, rate)`.
    pub infusions: Vec<(usize, usize, f64)>,
    pub rate: Vec<f64>,
    pub t: f64,
}

impl Sweep {
    fn new(
        model: &PkModel,
        layout: Layout,
        t0: f64,
        method: Method,
        chain_infusion: bool,
        track_auc: bool,
    ) -> Self {
        let kernel = kernel_for(model, method, chain_infusion, track_auc);
        Sweep {
            layout,
            x: DVector::zeros(kernel.dim()),
            kernel,
            conc_per_amount: model.scale / model.disposition.v1(),
            method,
            chain_infusion,
            track_auc,
            auc: 0.0,
            infusions: Vec::new(),
            rate: vec![0.0; layout.compartments],
            t: t0,
        }
    }

    /// Switches to another model (a covariate changed): the amounts carry
    /// over into the new kernel's basis.
    fn set_model(&mut self, model: &PkModel) {
        let amounts: Vec<f64> = (0..self.layout.compartments)
            .map(|i| self.kernel.amount(&self.x, i))
            .collect();
        self.kernel = kernel_for(model, self.method, self.chain_infusion, self.track_auc);
        self.x = DVector::zeros(self.kernel.dim());
        for (i, a) in amounts.into_iter().enumerate() {
            self.kernel.add_bolus(&mut self.x, i, a);
        }
        self.conc_per_amount = model.scale / model.disposition.v1();
    }

    /// Every amount to 0, infusions stopped, AUC restarted (EVID 3/4).
    fn reset(&mut self) {
        self.x.fill(0.0);
        self.auc = 0.0;
        self.infusions.clear();
        self.refresh_rate();
    }

    pub fn refresh_rate(&mut self) {
        self.rate.iter_mut().for_each(|r| *r = 0.0);
        for (_, cmt, rate) in &self.infusions {
            self.rate[*cmt] += rate;
        }
    }

    fn advance_to(&mut self, t: f64) {
        let dt = t - self.t;
        if dt > 0.0 {
            self.auc += self.kernel.advance(&mut self.x, dt, &self.rate);
        }
        self.t = t;
    }

    fn concentration(&self, cmt: usize) -> f64 {
        let i = cmt - 1;
        let amount = self.kernel.amount(&self.x, i);
        if i == self.layout.central {
            amount * self.conc_per_amount
        } else {
            amount
        }
    }
}

/// Whether some zero-order input of `events` goes into the absorption chain.
fn has_chain_infusion(events: &[Event], layout: &Layout) -> bool {
    events.iter().any(|e| match e {
        Event::Dose(d) => d.cmt <= layout.absorption && (d.rate.is_some() || d.duration.is_some()),
        Event::Observation(_) | Event::Reset { .. } => false,
    })
}

/// The timed actions of a history for given segments, validated and sorted
/// once. They depend on the models only through F and ALAG (and the segment
/// starts), so a fit or a band reuses them across η while those stay put.
#[derive(Debug, Clone)]
pub struct Schedule {
    actions: Vec<Action>,
    /// Actions up to and including the last observation.
    last: usize,
    n_obs: usize,
    layout: Layout,
    chain_infusion: bool,
    /// Per segment: start, F, ALAG (bits), to tell whether it still fits.
    key: Vec<(u64, u64, u64)>,
}

fn schedule_key(segments: &[Segment]) -> Vec<(u64, u64, u64)> {
    segments
        .iter()
        .map(|s| {
            (
                s.from.to_bits(),
                s.model.bioavailability.to_bits(),
                s.model.lag.to_bits(),
            )
        })
        .collect()
}

impl Schedule {
    /// Validates `events` and builds their actions for `segments`.
    pub fn new(segments: &[Segment], events: &[Event]) -> Result<Schedule, ModelError> {
        let Some(first) = segments.first() else {
            return Err(ModelError::TooSmall {
                field: "number of model segments",
                value: 0.0,
                min: 1.0,
            });
        };
        let layout = first.model.layout(false);
        validate(events, layout.compartments)?;
        let actions = build_actions(segments, events, &layout);
        // Nothing after the last observation can change a prediction.
        let last = actions
            .iter()
            .rposition(|a| matches!(a.kind, Kind::Observe { .. }))
            .map_or(0, |i| i + 1);
        Ok(Schedule {
            actions,
            last,
            n_obs: events
                .iter()
                .filter(|e| matches!(e, Event::Observation(_)))
                .count(),
            chain_infusion: has_chain_infusion(events, &layout),
            layout,
            key: schedule_key(segments),
        })
    }

    /// Whether the schedule was built for segments with these starts, F and
    /// ALAG (and the same compartment layout).
    pub fn fits(&self, segments: &[Segment]) -> bool {
        segments
            .first()
            .is_some_and(|s| s.model.layout(false) == self.layout)
            && schedule_key(segments) == self.key
    }
}

/// Predictions at every observation record of `events` (validated first),
/// for a model that may change over time (`segments`, sorted by `from`; the
/// first one also holds before its `from`).
pub fn predict(
    segments: &[Segment],
    events: &[Event],
    with_auc: bool,
) -> Result<Vec<Prediction>, ModelError> {
    predict_with(segments, events, with_auc, Method::Auto)
}

/// [`predict`] with a choice of kernel (the matrix-exponential path serves
/// as an independent check of the fast one).
pub fn predict_with(
    segments: &[Segment],
    events: &[Event],
    with_auc: bool,
    method: Method,
) -> Result<Vec<Prediction>, ModelError> {
    let schedule = Schedule::new(segments, events)?;
    run(&schedule, segments, with_auc, method)
}

/// Predictions along a prepared `schedule`, which must [fit](Schedule::fits)
/// `segments`.
pub fn run(
    schedule: &Schedule,
    segments: &[Segment],
    with_auc: bool,
    method: Method,
) -> Result<Vec<Prediction>, ModelError> {
    if !schedule.fits(segments) {
        return Err(ModelError::TooSmall {
            field: "schedule built for other segments (F, ALAG or starts changed)",
            value: 0.0,
            min: 1.0,
        });
    }
    for s in segments {
        s.model.validate()?;
    }
    let first = &segments[0].model;
    let actions = &schedule.actions;
    let t0 = actions.first().map_or(0.0, |a| a.time);
    let mut sweep = Sweep::new(
        first,
        schedule.layout,
        t0,
        method,
        schedule.chain_infusion,
        with_auc,
    );
    let mut out = Vec::with_capacity(schedule.n_obs);
    // Inputs of records before the last reset are cancelled after it.
    let mut reset_seq = 0;
    for action in &actions[..schedule.last] {
        sweep.advance_to(action.time);
        let cancelled = action.seq < reset_seq
            && matches!(
                action.kind,
                Kind::Bolus { .. } | Kind::InfusionOn { .. } | Kind::SteadyState { .. }
            );
        if cancelled {
            continue;
        }
        match action.kind {
            Kind::Reset => {
                reset_seq = action.seq;
                sweep.reset();
            }
            Kind::ModelChange(i) => sweep.set_model(&segments[i].model),
            Kind::Observe { cmt } => out.push(Prediction {
                time: action.time,
                conc: sweep.concentration(cmt),
                auc: with_auc.then_some(sweep.auc),
            }),
            Kind::Bolus { state, amount } => sweep.kernel.add_bolus(&mut sweep.x, state, amount),
            Kind::InfusionOn { id, state, rate } => {
                sweep.infusions.push((id, state, rate));
                sweep.refresh_rate();
            }
            Kind::InfusionOff { id } => {
                sweep.infusions.retain(|(i, _, _)| *i != id);
                sweep.refresh_rate();
            }
            Kind::SteadyState { input, ii, add } => sweep.steady_state(input, ii, add)?,
        }
    }
    Ok(out)
}
