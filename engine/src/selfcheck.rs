//! Self-check: the engine's reference cases, run where the engine runs (in
//! the browser for an on-site qualification record), as rows of expected
//! vs computed values. Each value's source is named on its row (the NCA
//! and MAP validation sets below, the formulas' publications).
//!
//! - NCA: WinNonlin 6.4, NonCompart, PKNCA (1e-4 relative).
//! - MAP: mapbayr example 001, subject 1, NONMEM POSTHOC η (1e-4 absolute).
//! - Formulas: BSA and renal function at 170 cm, 70 kg, 60 y, SCr 1.0.
//! - Typical values: each model's publication, at its typical covariates
//!   (1e-3 relative).

use crate::catalog::{builtin, Covariates, ModelDef};
use crate::clinical::body::{bsa, renal, BsaFormula, RenalEquation, RenalInput, Sex};
use crate::dosing::{Dose, Event, Observation};
use crate::estimate::{MapOptions, Problem};
use crate::io::nca_csv;
use crate::model::{predict, Segment};
use crate::nca::{nca, Method, NcaOptions, NcaResult, Route};
use serde::Serialize;
use std::collections::BTreeMap;

const THEOPH: &str = include_str!("../../../shared/reference/nca/theoph_s1.csv");
const SS_TAU12: &str = include_str!("../../../shared/reference/nca/ss_oral_tau12.csv");
const IV_BOLUS: &str = include_str!("../../../shared/reference/nca/iv_bolus.csv");
const CONTRAST: &str = include_str!("../../../shared/reference/nca/method_contrast.csv");

/// How a row's tolerance is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tolerance {
    Relative,
    Absolute,
}

/// One checked value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Group: "NCA", "MAP", "formula", "typical".
    pub group: &'static str,
    /// What is checked, e.g. "theoph_s1 linear: auclast".
    pub name: String,
    /// Reference software or source of the expected value.
    pub source: &'static str,
    pub expected: f64,
    /// `None` when the engine gave no value (an error or a missing result).
    pub computed: Option<f64>,
    pub tolerance: f64,
    pub kind: Tolerance,
    pub pass: bool,
}

fn row(
    group: &'static str,
    name: String,
    source: &'static str,
    expected: f64,
    computed: Option<f64>,
    tolerance: f64,
    kind: Tolerance,
) -> Row {
    let pass = computed.is_some_and(|c| {
        let diff = (c - expected).abs();
        match kind {
            Tolerance::Relative => diff <= tolerance * expected.abs(),
            Tolerance::Absolute => diff <= tolerance,
        }
    });
    Row {
        group,
        name,
        source,
        expected,
        computed,
        tolerance,
        kind,
        pass,
    }
}

fn nca_rows(out: &mut Vec<Row>) {
    let run = |csv: &str, opts: NcaOptions| -> Option<NcaResult> {
        let mut subjects = nca_csv::read(csv.as_bytes()).ok()?;
        if subjects.len() != 1 {
            return None;
        }
        nca(&subjects.remove(0).samples, &opts).ok()
    };
    let with = |method: Method| NcaOptions {
        method,
        ..NcaOptions::default()
    };
    let mut add =
        |case: &str, source: &'static str, r: &Option<NcaResult>, values: &[(&str, f64)]| {
            for (param, expected) in values {
                let got = r.as_ref().and_then(|r| r.value(param));
                out.push(row(
                    "NCA",
                    format!("{case}: {param}"),
                    source,
                    *expected,
                    got,
                    1e-4,
                    Tolerance::Relative,
                ));
            }
        };
    let lin = run(THEOPH, with(Method::Linear));
    add(
        "theoph_s1 linear",
        "WinNonlin 6.4",
        &lin,
        &[
            ("cmax", 10.50),
            ("tmax", 1.12),
            ("auclast", 148.9231),
            ("aucinf_obs", 216.6119),
            ("lambda_z", 0.048457),
            ("half_life", 14.3044),
        ],
    );
    let log = run(THEOPH, with(Method::LinUpLogDown));
    add(
        "theoph_s1 lin-up/log-down",
        "NonCompart",
        &log,
        &[
            ("auclast", 147.2347),
            ("aucinf_obs", 214.9236),
            ("aumclast", 1499.12909),
            ("aumcinf_obs", 4545.59280),
            ("mrt_obs", 21.1498),
        ],
    );
    let ss = run(
        SS_TAU12,
        NcaOptions {
            dose: Some(100.0),
            tau: Some(12.0),
            ..NcaOptions::default()
        },
    );
    add(
        "ss_oral_tau12",
        "PKNCA 0.12.1",
        &ss,
        &[("auctau", 67.5547), ("cavg", 5.6296), ("cl", 1.4803)],
    );
    let iv = run(
        IV_BOLUS,
        NcaOptions {
            route: Route::IvBolus,
            dose: Some(100.0),
            ..NcaOptions::default()
        },
    );
    add(
        "iv_bolus",
        "PKNCA",
        &iv,
        &[("auclast", 20.172), ("aucinf_obs", 20.2338)],
    );
    let c_lin = run(CONTRAST, with(Method::Linear));
    add(
        "method_contrast linear",
        "reference",
        &c_lin,
        &[("auclast", 43.3000)],
    );
    let c_log = run(CONTRAST, with(Method::LinUpLogDown));
    add(
        "method_contrast lin-up/log-down",
        "reference",
        &c_log,
        &[("auclast", 42.2281)],
    );
}

/// NONMEM POSTHOC η of mapbayr 001 subject 1 (mapbayr's validation set).
pub const NONMEM_ETA: [f64; 3] = [0.405058386, 0.0728505976, -0.0749540941];

/// mapbayr's example 001 data, subject 1, record by record.
pub fn mapbayr001_events() -> Vec<Event> {
    vec![
        Event::Dose(Dose::bolus(0.0, 10_000.0, 1)),
        Event::Observation(Observation::measured(1.5, 2, 91.2904)),
        Event::Observation(Observation::measured(4.4, 2, 110.826)),
        Event::Observation(Observation::measured(7.1, 2, 79.384)),
        Event::Observation(Observation::measured(24.6, 2, 20.6671)),
        Event::Dose(Dose::bolus(72.0, 10_000.0, 1).repeated(24.0, 6)),
    ]
}

/// The mapbayr 001 problem (model file `engine/tests/reference/`).
pub fn mapbayr001_problem() -> Option<Problem> {
    let def = ModelDef::from_json(crate::catalog::MAPBAYR001_JSON).ok()?;
    Problem::new(&def, mapbayr001_events(), &BTreeMap::new(), &[]).ok()
}

fn map_rows(out: &mut Vec<Row>) {
    let eta = mapbayr001_problem()
        .map(|p| p.fit(&MapOptions::default()))
        .filter(|fit| fit.converged)
        .map(|fit| fit.eta);
    for (i, (name, want)) in ["η CL", "η V", "η KA"].iter().zip(NONMEM_ETA).enumerate() {
        out.push(row(
            "MAP",
            format!("mapbayr 001 subject 1: {name}"),
            "NONMEM POSTHOC",
            want,
            eta.as_ref().and_then(|e| e.get(i).copied()),
            1e-4,
            Tolerance::Absolute,
        ));
    }
}

fn formula_rows(out: &mut Vec<Row>) {
    for (f, name, want) in [
        (BsaFormula::Mosteller, "Mosteller", 1.8181),
        (BsaFormula::DuBois, "DuBois", 1.8097),
        (BsaFormula::Haycock, "Haycock", 1.8257),
        (BsaFormula::Fujimoto, "Fujimoto", 1.7643),
    ] {
        out.push(row(
            "formula",
            format!("BSA {name}, 170 cm, 70 kg (m²)"),
            "published formula",
            want,
            bsa(f, 170.0, 70.0).ok(),
            5e-5,
            Tolerance::Absolute,
        ));
    }
    let man = RenalInput {
        age_years: 60.0,
        sex: Sex::Male,
        creatinine_mg_dl: 1.0,
        weight_kg: Some(70.0),
    };
    let woman = RenalInput {
        sex: Sex::Female,
        ..man
    };
    for (eq, input, name, want) in [
        (
            RenalEquation::CockcroftGault,
            man,
            "Cockcroft–Gault, male (mL/min)",
            77.78,
        ),
        (
            RenalEquation::CkdEpi2021,
            man,
            "CKD-EPI 2021, male (mL/min/1.73 m²)",
            86.16,
        ),
        (
            RenalEquation::Jsn,
            man,
            "JSN eGFR, male (mL/min/1.73 m²)",
            59.91,
        ),
        (
            RenalEquation::Jsn,
            woman,
            "JSN eGFR, female (mL/min/1.73 m²)",
            44.27,
        ),
    ] {
        out.push(row(
            "formula",
            format!("{name}, 60 y, SCr 1.0 mg/dL"),
            "published formula",
            want,
            renal(eq, &input).ok().map(|r| r.value),
            5e-3,
            Tolerance::Absolute,
        ));
    }
}

/// Steady-state C0, C2 and AUC0-12 of the typical patient (every 12 h).
fn typical(id: &str, covariates: &[(&str, f64)], dose_mg: f64) -> Option<[f64; 3]> {
    let def = builtin(id)?.ok()?;
    let cov: Covariates = covariates
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    let model = def.individual(&cov, &[], &[]).ok()?;
    let central = model.layout(false).central_cmt();
    let mut events = vec![Event::Dose(
        Dose::bolus(0.0, dose_mg, 1).at_steady_state(12.0),
    )];
    events.extend(
        [0.0, 2.0, 12.0]
            .iter()
            .map(|&t| Event::Observation(Observation::prediction(t, central))),
    );
    let p = predict(&[Segment { from: 0.0, model }], &events, true).ok()?;
    let auc = p.get(2)?.auc? - p.first()?.auc?;
    Some([p.first()?.conc, p.get(1)?.conc, auc])
}

/// Model id, covariates, dose (mg every 12 h), expected C0, C2, AUC0-12.
type Fixture = (&'static str, &'static [(&'static str, f64)], f64, [f64; 3]);

fn typical_rows(out: &mut Vec<Row>) {
    // (model, covariates, dose mg every 12 h, C0, C2 ng/mL, AUC0-12 ng·h/mL)
    let fixtures: [Fixture; 4] = [
        (
            "press2010_csa",
            &[("WT", 76.0), ("PSL", 10.0)],
            150.0,
            [188.855, 873.195, 5000.0],
        ),
        (
            "umpierrez2021_csa",
            &[("CRCL", 98.62)],
            150.0,
            [141.871, 1055.558, 4950.5],
        ),
        (
            "woillard2011_tac",
            &[("HCT", 35.0), ("CYP3A5", 0.0), ("FORM", 1.0)],
            5.0,
            [13.407, 28.224, 235.8],
        ),
        (
            "monchaud2012_tac",
            &[("CF", 0.0), ("CYP3A5", 0.0)],
            5.0,
            [16.512, 37.480, 285.7],
        ),
    ];
    for (id, cov, dose, values) in fixtures {
        typical_row(out, (id, cov, dose, values), "poppk-models.md §4b", 1e-3);
    }
    // A Japanese DM-ILD patient, values computed apart from the engine (55-kg,
    // 158-cm woman, fat-free mass from weight, height and sex), no azole;
    // values given to 3–4 significant digits (agree within 5e-4).
    typical_row(
        out,
        (
            "kirubakaran2022_tac",
            &[
                ("WT", 55.0),
                ("HT", 158.0),
                ("SEX", 1.0),
                ("HCT", 35.0),
                ("AZOLE", 0.0),
            ],
            2.0,
            [8.39, 14.41, 137.0],
        ),
        "poppk-autoimmune.md §1.5",
        1e-3,
    );
}

fn typical_row(out: &mut Vec<Row>, fixture: Fixture, source: &'static str, tolerance: f64) {
    let (id, cov, dose, values) = fixture;
    let got = typical(id, cov, dose);
    for (i, label) in ["C0", "C2", "AUC0-12"].iter().enumerate() {
        out.push(row(
            "typical",
            format!("{id}, {dose} mg q12h, steady state: {label}"),
            source,
            values[i],
            got.map(|g| g[i]),
            tolerance,
            Tolerance::Relative,
        ));
    }
}

/// Runs every reference case.
pub fn run() -> Vec<Row> {
    let mut out = Vec::new();
    nca_rows(&mut out);
    map_rows(&mut out);
    formula_rows(&mut out);
    typical_rows(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_case_passes() {
        let rows = run();
        assert_eq!(rows.len(), 18 + 3 + 8 + 15);
        for r in &rows {
            assert!(r.pass, "{r:?}");
        }
        let eta_cl = rows
            .iter()
            .find(|r| r.name.ends_with("η CL"))
            .and_then(|r| r.computed);
        assert!(eta_cl.is_some_and(|e| (e - 0.405058386).abs() < 1e-4));
    }

    #[test]
    fn a_wrong_value_fails_and_a_missing_one_too() {
        let bad = row(
            "NCA",
            "x".into(),
            "s",
            10.0,
            Some(10.01),
            1e-4,
            Tolerance::Relative,
        );
        assert!(!bad.pass);
        let ok = row(
            "NCA",
            "x".into(),
            "s",
            10.0,
            Some(10.0009),
            1e-4,
            Tolerance::Relative,
        );
        assert!(ok.pass);
        assert!(!row("MAP", "x".into(), "s", 0.4, None, 1e-4, Tolerance::Absolute).pass);
    }
}
