//! From the record to a model's covariates: weight, height, sex, creatinine
//! clearance (Cockcroft–Gault), haematocrit, CYP3A5, formulation, and over
//! time ([`covariate_steps`]) the prednisolone dose (PSL, from the rows) and
//! an azole antifungal (Kirubakaran 2022's AZOLE, from the co-medication
//! list and its periods). Without an azole in the list, AZOLE is not given:
//! the model file's "no azole" is assumed and stated.

use super::courses::in_order;
use super::{CoMedication, Cyp3a5, PatientInfo, PrednisoloneRow};
use crate::catalog::{Covariates, ModelDef};
use crate::clinical::body::{renal, RenalEquation, RenalInput, Sex};
use crate::clinical::interactions::{identify, AZOLES};
use crate::clinical::limits::{plausible, PatientField};
use crate::tdm::CovariateStep;
pub use crate::tdm::Formulation;
use chrono::{DateTime, Duration, FixedOffset};
use std::collections::BTreeMap;

/// A model covariate that a co-medication sets while it is taken (1) and
/// for a time after it is stopped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CarriedBy {
    pub covariate: &'static str,
    /// Synonym-table keys (`clinical::interactions::drugs`)…
    pub drugs: &'static [&'static str],
    /// …but these.
    pub except: &'static [&'static str],
    /// Hours the covariate stays 1 after the stop.
    pub after_stop_h: f64,
}

impl CarriedBy {
    /// Whether drug `key` sets the covariate.
    pub fn sets(&self, key: &str) -> bool {
        self.drugs.contains(&key) && !self.except.contains(&key)
    }
}

/// Kirubakaran 2022's AZOLE: an azole antifungal (itraconazole in 715 of
/// its 759 azole samples, voriconazole 23, fluconazole 21), kept at 1 for
/// one week after the azole is stopped (Kirubakaran R et al. Br J Clin
/// Pharmacol 2023;89:1162-1175, as encoded in nlmixr2lib
/// Kirubakaran_2022_tacrolimus.R [V-code]). The azoles of the labels' rows, systemic ones only:
/// miconazole is left out, its name does not tell an oral gel from a skin
/// cream.
pub const AZOLE: CarriedBy = CarriedBy {
    covariate: "AZOLE",
    drugs: AZOLES,
    except: &["miconazole"],
    after_stop_h: 7.0 * 24.0,
};

/// Every covariate a co-medication sets.
pub const CARRIED: &[CarriedBy] = &[AZOLE];

/// The covariate a drug (synonym-table key) sets, if any.
pub fn carried_by(drug_key: &str) -> Option<&'static CarriedBy> {
    CARRIED.iter().find(|c| c.sets(drug_key))
}

/// The co-medications of `list` that set `c`.
pub fn setting<'a>(c: &CarriedBy, list: &'a [CoMedication]) -> Vec<&'a CoMedication> {
    list.iter()
        .filter(|m| identify(&m.name).iter().any(|d| c.sets(d.key)))
        .collect()
}

/// The record's covariates that change over time, by the models' names,
/// whatever the model: PSL from the prednisolone rows (0 before the first
/// row with a start, unless a row without one says otherwise) and each
/// covariate a co-medication sets (1 from its start — or from before the
/// first dose without one — until `after_stop_h` after its stop, else 0).
/// A covariate the record says nothing about is left out.
pub fn covariate_steps(patient: &PatientInfo) -> BTreeMap<String, Vec<CovariateStep>> {
    let mut out = BTreeMap::new();
    if let Some(steps) = prednisolone_steps(&patient.prednisolone) {
        out.insert("PSL".to_owned(), steps);
    }
    for c in CARRIED {
        let on = setting(c, &patient.comedications);
        if !on.is_empty() {
            out.insert(c.covariate.to_owned(), period_steps(c, &on));
        }
    }
    out
}

fn prednisolone_steps(rows: &[PrednisoloneRow]) -> Option<Vec<CovariateStep>> {
    let mut ordered = in_order(rows);
    // A row outside the limits (an imported -5 mg/day) is not used.
    ordered.retain(|r| plausible(PatientField::PrednisoloneMgDay, r.mg_day).is_some());
    let first = ordered.first()?;
    let mut steps = Vec::with_capacity(ordered.len() + 1);
    if first.start.is_some() {
        steps.push(CovariateStep {
            from: None,
            value: 0.0,
        });
    }
    steps.extend(ordered.iter().map(|r| CovariateStep {
        from: r.start,
        value: r.mg_day,
    }));
    Some(steps)
}

/// A clock time or, `None`, unbounded.
type Bound = Option<DateTime<FixedOffset>>;

/// 1 while one of `on` is taken (and `after_stop_h` after), else 0.
fn period_steps(c: &CarriedBy, on: &[&CoMedication]) -> Vec<CovariateStep> {
    let after = Duration::minutes((c.after_stop_h * 60.0).round() as i64);
    // [from, until): None = unbounded.
    let periods: Vec<(Bound, Bound)> = on
        .iter()
        .map(|m| (m.start, m.stop.and_then(|s| s.checked_add_signed(after))))
        .collect();
    let value_at = |t: Bound| {
        let inside = periods.iter().any(|&(from, until)| {
            let started = match (from, t) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(f), Some(t)) => f <= t,
            };
            // `t` None: before everything.
            started && until.is_none_or(|u| t.is_none_or(|t| t < u))
        });
        if inside {
            1.0
        } else {
            0.0
        }
    };
    let mut times: Vec<DateTime<FixedOffset>> = periods
        .iter()
        .flat_map(|&(from, until)| [from, until])
        .flatten()
        .collect();
    times.sort();
    times.dedup();
    let mut steps = vec![CovariateStep {
        from: None,
        value: value_at(None),
    }];
    for t in times {
        let value = value_at(Some(t));
        if steps.last().is_some_and(|s| s.value != value) {
            steps.push(CovariateStep {
                from: Some(t),
                value,
            });
        }
    }
    steps
}

/// The covariates `def` uses, from `patient` (and the formulation), and the
/// descriptions of those that cannot be derived. A covariate that changes
/// over time ([`covariate_steps`]) is given its latest value here. A value
/// outside its plausibility limits (`clinical::limits`: a haematocrit of
/// 0.35 typed as a fraction, a weight of 0.00001 kg from an imported file)
/// is not used: the covariate counts as missing.
pub fn covariates_for(
    def: &ModelDef,
    patient: &PatientInfo,
    formulation: Option<Formulation>,
) -> (Covariates, Vec<String>) {
    let mut cov = Covariates::new();
    let mut missing = Vec::new();
    let steps = covariate_steps(patient);
    let latest = |name: &str| Some(steps.get(name)?.last()?.value);
    for c in &def.file.covariates {
        let value = match c.name.as_str() {
            "WT" => checked(PatientField::WeightKg, patient.weight_kg),
            "AGE" => checked(PatientField::AgeYears, patient.age_years),
            "HT" => checked(PatientField::HeightCm, patient.height_cm),
            // Kirubakaran 2022 (fat-free mass): 1 = female, 0 = male.
            "SEX" => patient.sex.map(|s| match s {
                Sex::Female => 1.0,
                Sex::Male => 0.0,
            }),
            "PSL" | "AZOLE" => latest(&c.name),
            "HCT" => checked(PatientField::HematocritPct, patient.hematocrit_pct),
            "CYP3A5" => match patient.cyp3a5 {
                Cyp3a5::Expresser => Some(1.0),
                Cyp3a5::NonExpresser => Some(0.0),
                Cyp3a5::Unknown => None,
            },
            // Woillard 2011: FORM = 1 Prograf, 0 Advagraf (once daily).
            "FORM" => formulation.and_then(Formulation::form_code),
            // Monchaud 2012: cystic fibrosis is not part of DM/PM-IP.
            "CF" => Some(0.0),
            // Umpierrez 2021: Cockcroft–Gault in mL/min, not BSA-normalised.
            "CRCL" => crcl(patient),
            _ => None,
        };
        match value {
            Some(v) => {
                cov.insert(c.name.clone(), v);
            }
            None => missing.push(format!("{} ({})", c.description, c.name)),
        }
    }
    (cov, missing)
}

/// `value` when within the limits of `field`.
fn checked(field: PatientField, value: Option<f64>) -> Option<f64> {
    plausible(field, value?)
}

fn crcl(p: &PatientInfo) -> Option<f64> {
    let input = RenalInput {
        age_years: checked(PatientField::AgeYears, p.age_years)?,
        sex: p.sex?,
        creatinine_mg_dl: checked(PatientField::CreatinineMgDl, p.creatinine_mg_dl())?,
        weight_kg: checked(PatientField::WeightKg, p.weight_kg),
    };
    renal(RenalEquation::CockcroftGault, &input)
        .ok()
        .map(|r| r.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin;

    #[test]
    fn umpierrez_gets_cockcroft_gault_and_woillard_the_formulation() {
        let p = PatientInfo {
            age_years: Some(60.0),
            sex: Some(Sex::Male),
            weight_kg: Some(70.0),
            creatinine: Some(88.4),
            creatinine_unit: super::super::CreatinineUnit::UmolL,
            hematocrit_pct: Some(30.0),
            ..PatientInfo::default()
        };
        let u = builtin("umpierrez2021_csa")
            .expect("built in")
            .expect("valid");
        let (cov, missing) = covariates_for(&u, &p, None);
        // Cockcroft–Gault's reference case: 60 y male, 70 kg, SCr 1.0 → 77.78 mL/min.
        assert!((cov["CRCL"] - 77.78).abs() < 0.01, "{cov:?}");
        assert!(missing.is_empty());
        let w = builtin("woillard2011_tac")
            .expect("built in")
            .expect("valid");
        let (cov, missing) = covariates_for(&w, &p, Some(Formulation::Prograf));
        assert_eq!(cov["FORM"], 1.0);
        assert_eq!(
            missing,
            vec!["CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0) (CYP3A5)".to_string()]
        );
    }

    #[test]
    fn kirubakaran_gets_height_and_sex_and_assumes_no_azole() {
        let p = PatientInfo {
            sex: Some(Sex::Female),
            weight_kg: Some(55.0),
            height_cm: Some(158.0),
            hematocrit_pct: Some(35.0),
            ..PatientInfo::default()
        };
        let k = builtin("kirubakaran2022_tac")
            .expect("built in")
            .expect("valid");
        let (cov, _) = covariates_for(&k, &p, None);
        assert_eq!((cov["SEX"], cov["HT"]), (1.0, 158.0));
        let (filled, assumed, genotype) = crate::tdm::assume::fill_missing(&k, &cov);
        assert!(genotype.is_none());
        // Fat-free mass comes from weight, height and sex: only the azole is assumed.
        let names: Vec<String> = assumed
            .iter()
            .map(|a| match a {
                crate::tdm::Assumption::Typical { covariate, .. } => covariate.clone(),
                crate::tdm::Assumption::Genotype { covariate, .. } => covariate.clone(),
            })
            .collect();
        assert_eq!(names, ["AZOLE"]);
        assert_eq!(filled["AZOLE"], 0.0);
        assert!(k.typical(&filled).is_ok());
    }

    #[test]
    fn values_outside_the_limits_count_as_missing() {
        // A haematocrit typed as a fraction (0.35) once reached the
        // model as 0.35 % and tacrolimus advised 100 000 mg.
        let p = PatientInfo {
            weight_kg: Some(0.00001),
            hematocrit_pct: Some(0.35),
            ..PatientInfo::default()
        };
        let w = builtin("woillard2011_tac")
            .expect("built in")
            .expect("valid");
        let (cov, missing) = covariates_for(&w, &p, Some(Formulation::Prograf));
        assert!(!cov.contains_key("HCT"), "{cov:?}");
        assert!(missing.iter().any(|m| m.ends_with("(HCT)")), "{missing:?}");
        let ok = PatientInfo {
            hematocrit_pct: Some(5.0),
            ..p
        };
        let (cov, _) = covariates_for(&w, &ok, Some(Formulation::Prograf));
        assert_eq!(cov["HCT"], 5.0);
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn step(from: Option<&str>, value: f64) -> CovariateStep {
        CovariateStep {
            from: from.map(at),
            value,
        }
    }

    #[test]
    fn a_prednisolone_taper_is_a_step_series_with_none_before_it() {
        let mut p = PatientInfo {
            prednisolone: vec![
                PrednisoloneRow {
                    start: Some(at("2026-11-15T08:00:00+09:00")),
                    mg_day: 15.0,
                },
                PrednisoloneRow {
                    start: Some(at("2026-11-01T08:00:00+09:00")),
                    mg_day: 30.0,
                },
            ],
            ..PatientInfo::default()
        };
        assert_eq!(
            covariate_steps(&p)["PSL"],
            vec![
                step(None, 0.0),
                step(Some("2026-11-01T08:00:00+09:00"), 30.0),
                step(Some("2026-11-15T08:00:00+09:00"), 15.0)
            ]
        );
        let press = builtin("press2010_csa").expect("built in").expect("valid");
        // The constant is the latest row's.
        assert_eq!(covariates_for(&press, &p, None).0["PSL"], 15.0);
        // A row without a start holds from before the first dose.
        p.prednisolone[1].start = None;
        assert_eq!(covariate_steps(&p)["PSL"][0], step(None, 30.0));
        assert_eq!(covariate_steps(&p)["PSL"].len(), 2);
        // No rows: not given (Press names it as missing).
        p.prednisolone.clear();
        assert!(covariate_steps(&p).is_empty());
        let (_, missing) = covariates_for(&press, &p, None);
        assert_eq!(missing, ["body weight (WT)", "prednisolone dose (PSL)"]);
    }

    #[test]
    fn an_azole_period_sets_azole_until_a_week_after_the_stop() {
        let mut p = PatientInfo {
            comedications: vec![
                CoMedication::named("ST合剤"),
                CoMedication {
                    name: "ブイフェンド錠 200mg".into(),
                    start: Some(at("2026-11-02T08:00:00+09:00")),
                    stop: Some(at("2026-11-10T08:00:00+09:00")),
                },
            ],
            ..PatientInfo::default()
        };
        assert_eq!(
            covariate_steps(&p)["AZOLE"],
            vec![
                step(None, 0.0),
                step(Some("2026-11-02T08:00:00+09:00"), 1.0),
                step(Some("2026-11-17T08:00:00+09:00"), 0.0)
            ]
        );
        // Itraconazole restarted before the week is over: one period.
        p.comedications.push(CoMedication {
            name: "itraconazole".into(),
            start: Some(at("2026-11-12T08:00:00+09:00")),
            stop: None,
        });
        assert_eq!(
            covariate_steps(&p)["AZOLE"],
            vec![
                step(None, 0.0),
                step(Some("2026-11-02T08:00:00+09:00"), 1.0)
            ]
        );
        let k = builtin("kirubakaran2022_tac")
            .expect("built in")
            .expect("valid");
        assert_eq!(covariates_for(&k, &p, None).0["AZOLE"], 1.0);
        // Listed without dates (a version-2 record): throughout.
        p.comedications = vec![CoMedication::named("イトリゾール")];
        assert_eq!(covariate_steps(&p)["AZOLE"], vec![step(None, 1.0)]);
        // Stopped, with no start: on from before everything.
        p.comedications[0].stop = Some(at("2026-11-03T08:00:00+09:00"));
        assert_eq!(
            covariate_steps(&p)["AZOLE"],
            vec![
                step(None, 1.0),
                step(Some("2026-11-10T08:00:00+09:00"), 0.0)
            ]
        );
        // No systemic azole (miconazole may be a skin cream): not given.
        p.comedications = vec![
            CoMedication::named("miconazole"),
            CoMedication::named("ST合剤"),
        ];
        assert!(covariate_steps(&p).is_empty());
        assert_eq!(
            carried_by("voriconazole").map(|c| c.covariate),
            Some("AZOLE")
        );
        assert!(carried_by("miconazole").is_none());
    }
}
