//! One drug screen's state: memos over the shared record that build the
//! engine's input and call `dmip_engine::tdm::compute`, plus the screen's
//! own settings (disagreement %, "now", undo stack).

use super::market::use_market;
use super::spec::DrugSpec;
use super::text::Reason;
use crate::format::parse_number;
use crate::state::use_record;
use dmip_engine::catalog::{CovariateIssue, Covariates, ModelDef};
use dmip_engine::dose::Range;
use dmip_engine::record::{DrugRecord, PatientInfo};
use dmip_engine::tdm::view::{DateTime, FixedOffset};
use dmip_engine::tdm::{
    compute, compute_with, defaults, input_from_record, FitCache, Market, RecordQuestion, TdmInput,
    TdmOutput,
};
use leptos::prelude::*;

/// Posterior draws for the band and the probabilities while editing: 100
/// keeps a 30-dose history within one frame (200 takes ~14 ms natively).
/// They are computed one frame after the estimate (see `Session::new`).
pub const LIVE_DRAWS: usize = 100;
/// The AUC disagreement field's first text: the engine's default,
/// `from_record::DEFAULT_DISAGREEMENT_PCT` (a test holds them equal).
pub const DEFAULT_DISAGREEMENT_PCT: &str = "20";

/// What the model-choice section shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInfo {
    pub id: &'static str,
    pub name: String,
    pub citation: String,
    pub population: String,
    pub assay: Option<String>,
    pub products: Vec<(String, Vec<f64>)>,
    /// (name, value, unit) given to the model.
    pub covariates: Vec<(String, f64, String)>,
    pub issues: Vec<CovariateIssue>,
}

/// What the model section shows of one model.
fn model_info(id: &'static str, def: &ModelDef, covariates: &Covariates) -> ModelInfo {
    let issues = def.check_covariates(covariates);
    let shown = def
        .with_derived(covariates)
        .unwrap_or_else(|_| covariates.clone());
    let file = &def.file;
    ModelInfo {
        id,
        name: file.name.clone(),
        citation: file.citation.clone(),
        population: file.population.clone(),
        assay: file.assay.clone(),
        products: file
            .products
            .iter()
            .map(|p| (p.name.clone(), p.strengths_mg.clone()))
            .collect(),
        // With the covariates the model computes (fat-free mass).
        covariates: file
            .covariates
            .iter()
            .filter_map(|c| Some((c.name.clone(), *shown.get(&c.name)?, c.unit.clone())))
            .collect(),
        issues,
    }
}

/// The engine input for `record` (the engine's `input_from_record`, the
/// same for the report, the capsule and the CLI), or why there is none, and
/// what the model section shows of each model in use.
pub fn build_input(
    spec: DrugSpec,
    record: &DrugRecord,
    patient: &PatientInfo,
    now: DateTime<FixedOffset>,
    disagreement_pct: f64,
    draws: usize,
    market: Market,
) -> Result<(TdmInput, Vec<ModelInfo>), String> {
    let made = input_from_record(&RecordQuestion {
        drug: spec.drug,
        record,
        patient,
        now,
        draws,
        market,
        disagreement_pct: Some(disagreement_pct),
    })
    .map_err(|e| e.to_string())?;
    let infos = made
        .models
        .iter()
        .map(|m| model_info(m.id, &m.def, &m.covariates))
        .collect();
    Ok((made.input, infos))
}

/// The engine's answer for `prepared`, in two steps so that an edit is
/// shown in the next frame (two frames at 4× CPU throttling on the bedside
/// phone): first without the 90 % band (the estimate, its curve, the
/// advice with its probabilities and checks), then, one frame later, with
/// it. Both steps share the screen's kept fits, so each model is fitted
/// once per edit, and not at all when the edit leaves its problem alone (a
/// target, a regimen). The full answer is used only while it belongs to
/// the input on screen, so a stale one is never shown.
fn deferred_draws(
    prepared: Memo<Result<(TdmInput, Vec<ModelInfo>), String>>,
) -> Memo<Result<TdmOutput, Reason>> {
    let fits = StoredValue::new_local(FitCache::new());
    let answer = move |input: &TdmInput| {
        fits.try_with_value(|f| compute_with(input, f))
            .unwrap_or_else(|| compute(input))
            .map_err(Reason::Engine)
    };
    let quick = Memo::new(move |_| {
        prepared.with(|p| match p {
            Ok((input, _)) => answer(&TdmInput {
                without_band: true,
                ..input.clone()
            }),
            Err(e) => Err(Reason::Setup(e.clone())),
        })
    });
    let full = RwSignal::new(None::<(TdmInput, Result<TdmOutput, Reason>)>);
    let current = move |input: &TdmInput| {
        prepared.with_untracked(|p| p.as_ref().is_ok_and(|(now, _)| now == input))
    };
    Effect::new(move |_| {
        let Some(input) = prepared.with(|p| p.as_ref().ok().map(|(i, _)| i.clone())) else {
            return;
        };
        if input.without_band || input.draws == 0 {
            return;
        }
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Skipped when another edit came in between (its own
                    // computation is on its way) or the screen is gone.
                    if prepared.try_with_untracked(|_| ()).is_some() && current(&input) {
                        let out = answer(&input);
                        let _ = full.try_set(Some((input, out)));
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
    Memo::new(move |_| {
        let fresh = full.with(|f| {
            f.as_ref()
                .filter(|(input, _)| {
                    prepared.with(|p| p.as_ref().is_ok_and(|(now, _)| now == input))
                })
                .map(|(_, out)| out.clone())
        });
        fresh.unwrap_or_else(|| quick.get())
    })
}

/// The screen's memos and settings (cheap to copy into closures).
#[derive(Clone, Copy)]
pub struct Session {
    pub spec: DrugSpec,
    pub drug: Memo<DrugRecord>,
    pub prepared: Memo<Result<(TdmInput, Vec<ModelInfo>), String>>,
    pub output: Memo<Result<TdmOutput, Reason>>,
    /// The AUC disagreement percentage as typed.
    pub disagreement: RwSignal<String>,
    pub now: RwSignal<Option<DateTime<FixedOffset>>>,
    pub patient: Memo<PatientInfo>,
    undo: RwSignal<Vec<DrugRecord>>,
}

impl Session {
    pub fn new(spec: DrugSpec) -> Self {
        let state = use_record();
        let disagreement = RwSignal::new(DEFAULT_DISAGREEMENT_PCT.to_owned());
        let now = RwSignal::new(super::clock::now());
        let drug = Memo::new(move |_| state.record.with(|r| spec.of(r).clone()));
        let patient = Memo::new(move |_| state.record.with(|r| r.patient.clone()));
        let market = use_market();
        let prepared = Memo::new(move |_| {
            let Some(now) = now.get() else {
                return Err("no clock".to_owned());
            };
            let pct = parse_number(&disagreement.read());
            let m = market.get();
            drug.with(|d| patient.with(|p| build_input(spec, d, p, now, pct, LIVE_DRAWS, m)))
        });
        let output = deferred_draws(prepared);
        Session {
            spec,
            drug,
            prepared,
            output,
            disagreement,
            now,
            patient,
            undo: RwSignal::new(Vec::new()),
        }
    }

    /// Changes this drug's record, keeping the previous one for undo.
    pub fn edit(self, change: impl FnOnce(&mut DrugRecord)) {
        let before = self.drug.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return;
        }
        self.undo.update(|u| u.push(before));
        let spec = self.spec;
        use_record().record.update(|r| *spec.of_mut(r) = after);
    }

    /// One table of the drug's record (doses, levels) as a memo: editing
    /// the target or another table leaves its view as it is (a history
    /// table has as many rows as the history).
    pub fn rows<T: Clone + PartialEq + Send + Sync + 'static>(
        self,
        pick: fn(&DrugRecord) -> &Vec<T>,
    ) -> Memo<Vec<T>> {
        let drug = self.drug;
        Memo::new(move |_| drug.with(|d| pick(d).clone()))
    }

    /// Removes row `i` of the table `rows` picks (doses, levels, changes);
    /// nothing if the row is already gone.
    pub fn remove_row<T>(self, rows: fn(&mut DrugRecord) -> &mut Vec<T>, i: usize) {
        self.edit(|d| {
            let rows = rows(d);
            if i < rows.len() {
                rows.remove(i);
            }
        });
    }

    pub fn can_undo(self) -> bool {
        self.undo.with(|u| !u.is_empty())
    }

    /// Restores the record before the last edit.
    pub fn undo(self) {
        let mut last = None;
        self.undo.update(|u| last = u.pop());
        if let Some(previous) = last {
            let spec = self.spec;
            use_record().record.update(|r| *spec.of_mut(r) = previous);
        }
    }

    /// The aim and limit in use (the record's or the defaults).
    pub fn targets(self) -> (Range, Option<Range>) {
        let d = defaults(self.spec.drug);
        self.drug.with(|r| {
            (
                r.target.unwrap_or(d.aim.range),
                r.limit.or(d.limit.map(|l| l.range)),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::spec::{CYCLOSPORINE, TACROLIMUS};
    use super::*;
    use dmip_engine::record::Formulation;
    use dmip_engine::tdm::SampleLabel;
    use dmip_engine::test_support::{at, dm_patient, level};

    /// The input with 50 draws, the Japanese market.
    fn prepared(
        spec: DrugSpec,
        record: &DrugRecord,
        now: DateTime<FixedOffset>,
    ) -> (TdmInput, Vec<ModelInfo>) {
        build_input(spec, record, &dm_patient(), now, 20.0, 50, Market::Japan).expect("prepared")
    }

    /// Twice daily at steady state.
    fn doses(amount: f64, count: u32) -> Vec<dmip_engine::tdm::DoseRow> {
        dmip_engine::test_support::doses(amount, 12.0, count)
    }

    #[test]
    fn the_disagreement_field_starts_at_the_engine_s_default() {
        assert_eq!(
            parse_number(DEFAULT_DISAGREEMENT_PCT),
            dmip_engine::tdm::from_record::DEFAULT_DISAGREEMENT_PCT
        );
        // The cyclosporine screen's input: the engine's, with both models
        // shown (the engine's own tests hold the values).
        let record = DrugRecord {
            doses: doses(100.0, 6),
            ..DrugRecord::default()
        };
        let (input, info) = prepared(CYCLOSPORINE, &record, at("2026-11-03T15:00:00+09:00"));
        let ids: Vec<&str> = info.iter().map(|m| m.id).collect();
        assert_eq!(ids, ["press2010_csa", "umpierrez2021_csa"]);
        assert_eq!(input.disagreement_pct, 20.0);
        assert!(info[0]
            .covariates
            .iter()
            .any(|(n, v, _)| n == "WT" && *v == 52.0));
    }

    #[test]
    fn tacrolimus_without_cyp3a5_is_computed_for_both_genotypes_and_says_so() {
        let record = DrugRecord {
            model_id: "woillard2011_tac".into(),
            formulation: Some(Formulation::Prograf),
            doses: doses(3.0, 6),
            levels: vec![level("2026-11-03T07:55:00+09:00", 4.0, SampleLabel::C0)],
            ..DrugRecord::default()
        };
        let now = at("2026-11-03T15:00:00+09:00");
        let (input, info) = prepared(TACROLIMUS, &record, now);
        assert!(
            info[0]
                .issues
                .iter()
                .any(|i| matches!(i, CovariateIssue::Missing { name, .. } if name == "CYP3A5")),
            "{:?}",
            info[0].issues
        );
        let out = compute(&input).expect("computed with the genotype assumed");
        assert!(out.advice.is_some());
        assert!(matches!(
            out.assumptions.as_slice(),
            [dmip_engine::tdm::Assumption::Genotype { covariate, branches, .. }]
                if covariate == "CYP3A5" && branches.len() == 2
        ));
    }
}
