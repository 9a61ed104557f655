//! Virtual patients (`dmip_engine::simulate`): reproducible, the draws
//! distributed as the model says (η from Ω, κ from the between-occasion
//! matrix per occasion, residual error per error model), the typical
//! patient reproducing the published typical values, the output CSV
//! readable again, bad input refused with its reason.

use dmip_engine::catalog::{builtin, Covariates, ModelDef, Slot};
use dmip_engine::dosing::{Convention, Event};
use dmip_engine::io::nonmem::{read_with, Options};
use dmip_engine::simulate::{
    simulate, Design, SimulateError, SimulateQuestion, Simulation, Variability, MAX_PATIENTS,
};

fn model(id: &str) -> ModelDef {
    builtin(id).expect("built in").expect("valid")
}

fn design(csv: &str, def: &ModelDef) -> Design {
    Design::read(csv.as_bytes(), def, Convention::Locf).expect("design")
}

fn ask(
    def: &ModelDef,
    d: &Design,
    n: usize,
    seed: u64,
    variability: Variability,
) -> Result<Simulation, SimulateError> {
    simulate(&SimulateQuestion {
        model: def,
        design: d,
        n,
        seed,
        variability,
        patients: None,
    })
}

fn run(def: &ModelDef, d: &Design, n: usize, seed: u64, variability: Variability) -> Simulation {
    ask(def, d, n, seed, variability).expect("simulated")
}

/// Woillard 2011's typical patient, 5 mg every 12 h at steady state, C2
/// and C0 (the fixture of tests/typical_values.rs).
const WOILLARD_SS: &str = "\
ID,TIME,EVID,AMT,II,SS,DV,MDV,HCT,CYP3A5,FORM
1,0,1,5,12,1,.,1,35,0,1
1,2,0,.,.,.,0,0,35,0,1
1,6,0,.,.,.,.,1,35,0,1
1,12,0,.,.,.,0,0,35,0,1
";

#[test]
fn the_typical_patient_reproduces_the_published_typical_values() {
    // poppk-models.md §4b (matrix exponential cross-checked with LSODA):
    // C2 28.224, C0 13.407 ng/mL.
    let def = model("woillard2011_tac");
    let d = design(WOILLARD_SS, &def);
    assert_eq!(
        d.simulated,
        vec![true, false, true],
        "the MDV = 1 row stays a prediction"
    );
    let sim = run(&def, &d, 3, 9, Variability::None);
    for p in &sim.patients {
        let c2 = p.levels[0].expect("simulated").value;
        let c0 = p.levels[2].expect("simulated").value;
        assert!((c2 / 28.224 - 1.0).abs() < 1e-3, "{c2}");
        assert!((c0 / 13.407 - 1.0).abs() < 1e-3, "{c0}");
        assert!(p.levels[1].is_none());
        assert!(p.eta.iter().all(|e| *e == 0.0));
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_ones() {
    let def = model("press2010_csa");
    let csv = dmip_engine::simulate::designs::CYCLOSPORINE;
    let d = design(csv, &def);
    let text = |n, seed| {
        run(&def, &d, n, seed, Variability::Full)
            .to_csv(&d)
            .expect("csv")
    };
    let a = text(25, 42);
    assert_eq!(a, text(25, 42));
    assert_ne!(a, text(25, 43));
    // Patient k is the same whatever N ≥ k: the first 10 patients' rows
    // (5 design rows each) open the 25-patient file.
    let ten = text(10, 42);
    let first: Vec<&str> = ten.lines().collect();
    let lines: Vec<&str> = a.lines().collect();
    assert_eq!(first[..], lines[..51]);
    assert_eq!(lines.len(), 1 + 25 * 5);
    assert_eq!(
        lines[0],
        "ID,TIME,EVID,AMT,CMT,II,ADDL,DV,MDV,LLOQ,WT,PSL,CRCL,OCC"
    );
    assert!(lines[125].starts_with("25,144,0,"), "{}", lines[125]);
}

/// Mean and variance of `x` and the 4-standard-error bounds of each for a
/// normal sample of variance `var`: a bound a correct draw misses with a
/// probability of about 6·10⁻⁵ (the seed is fixed, so the test is
/// deterministic; the bound says how close a correct sampler must come).
fn check_normal(what: &str, x: &[f64], var: f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let s2 = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let se_mean = (var / n).sqrt();
    let se_var = var * (2.0 / (n - 1.0)).sqrt();
    assert!(
        mean.abs() < 4.0 * se_mean,
        "{what}: mean {mean}, SE {se_mean}"
    );
    assert!(
        (s2 - var).abs() < 4.0 * se_var,
        "{what}: variance {s2} vs {var}, SE {se_var}"
    );
}

#[test]
fn eta_and_the_residual_error_are_distributed_as_the_model_says() {
    // Woillard 2011: 5 η, diagonal Ω; combined error Var = 0.71² + 0.113²f².
    let def = model("woillard2011_tac");
    let d = design(dmip_engine::simulate::designs::TACROLIMUS, &def);
    let n = 4000;
    let sim = run(&def, &d, n, 2024, Variability::Full);
    let omega = &def.omega.as_ref().expect("Ω").matrix;
    for k in 0..def.n_eta() {
        let eta: Vec<f64> = sim.patients.iter().map(|p| p.eta[k]).collect();
        check_normal(&format!("η {k}"), &eta, omega[(k, k)]);
    }
    // The standardised residuals (DV − IPRED)/SD(IPRED) are N(0, 1).
    let z: Vec<f64> = sim
        .patients
        .iter()
        .flat_map(|p| {
            p.levels.iter().zip(&p.ipred).filter_map(|(l, f)| {
                let l = l.as_ref()?;
                Some((l.value - f) / def.error.variance(*f).sqrt())
            })
        })
        .collect();
    assert_eq!(z.len(), 3 * n);
    check_normal("standardised residual", &z, 1.0);
    // ln CL of the patients (the model's own parameter function): mean
    // ln(typical CL), variance ω²_CL — typical CL for HCT 35, CYP3A5 0:
    // 21.2 × (35/35)^−1.14 × 1 = 21.2 L/h.
    let cov: Covariates = [("HCT", 35.0), ("CYP3A5", 0.0), ("FORM", 1.0)]
        .map(|(k, v)| (k.to_string(), v))
        .into_iter()
        .collect();
    let typical = def.typical(&cov).expect("covariates");
    let ln_cl: Vec<f64> = sim
        .patients
        .iter()
        .map(|p| (typical.value(Slot::Cl, &p.eta, &[]).expect("CL") / 21.2).ln())
        .collect();
    check_normal("ln CL − ln 21.2", &ln_cl, 0.07546);
}

#[test]
fn a_log_additive_error_scatters_ln_dv_around_ln_ipred() {
    // Kirubakaran 2022: ln DV − ln IPRED ~ N(0, 0.41²).
    let def = model("kirubakaran2022_tac");
    let d = design(dmip_engine::simulate::designs::TACROLIMUS, &def);
    let sim = run(&def, &d, 2000, 5, Variability::Full);
    let r: Vec<f64> = sim
        .patients
        .iter()
        .flat_map(|p| {
            p.levels
                .iter()
                .zip(&p.ipred)
                .filter_map(|(l, f)| Some((l.as_ref()?.value / f).ln()))
        })
        .collect();
    check_normal("ln DV − ln IPRED", &r, 0.41 * 0.41);
    // Without residual error every level is the patient's concentration.
    let sim = run(&def, &d, 50, 5, Variability::Parameters);
    for p in &sim.patients {
        for (l, f) in p.levels.iter().zip(&p.ipred) {
            assert_eq!(l.expect("simulated").value, *f);
        }
    }
}

#[test]
fn kappa_is_drawn_for_every_occasion_with_the_block_correlation() {
    // Umpierrez 2021: [iov] KA, CL, ALAG with Cov(KA, CL) = −0.10001; the
    // cyclosporine design has 2 occasions (OCC), so 2 κ vectors each.
    let def = model("umpierrez2021_csa");
    let d = design(dmip_engine::simulate::designs::CYCLOSPORINE, &def);
    assert_eq!(d.occasions, vec![0.0, 120.0]);
    let n = 4000;
    let sim = run(&def, &d, n, 77, Variability::Full);
    let pi = &def.iov.as_ref().expect("IOV").matrix;
    for occ in 0..2 {
        for k in 0..3 {
            let x: Vec<f64> = sim.patients.iter().map(|p| p.kappa[occ][k]).collect();
            check_normal(&format!("κ {k} occasion {occ}"), &x, pi[(k, k)]);
        }
        // Sample covariance of κ_KA and κ_CL: SE √((σ₁₁σ₂₂ + σ₁₂²)/n).
        let cov = sim
            .patients
            .iter()
            .map(|p| p.kappa[occ][0] * p.kappa[occ][1])
            .sum::<f64>()
            / n as f64;
        let se = ((pi[(0, 0)] * pi[(1, 1)] + pi[(0, 1)].powi(2)) / n as f64).sqrt();
        assert!((cov - pi[(0, 1)]).abs() < 4.0 * se, "cov {cov}");
    }
    // The two occasions are independent draws.
    let both = sim
        .patients
        .iter()
        .map(|p| p.kappa[0][1] * p.kappa[1][1])
        .sum::<f64>()
        / n as f64;
    assert!(both.abs() < 4.0 * pi[(1, 1)] / (n as f64).sqrt(), "{both}");
}

#[test]
fn a_level_below_the_lloq_is_written_as_m3_data_and_reads_back() {
    // No ID and no DV column; an LLOQ above every Press level at 1 h.
    let csv = "TIME,AMT,EVID,LLOQ,WT,PSL\n0,100,1,.,76,0\n1,.,0,100000,76,0\n";
    let def = model("press2010_csa");
    let d = design(csv, &def);
    let sim = run(&def, &d, 2, 1, Variability::Full);
    let text = sim.to_csv(&d).expect("csv");
    assert_eq!(
        text,
        "ID,TIME,AMT,EVID,LLOQ,WT,PSL,DV,BLQ\n\
         1,0,100,1,.,76,0,.,.\n1,1,.,0,100000,76,0,100000,1\n\
         2,0,100,1,.,76,0,.,.\n2,1,.,0,100000,76,0,100000,1\n"
    );
    let back = read_with(
        text.as_bytes(),
        &Options {
            observation_cmt: Some(3),
        },
    )
    .expect("reads");
    assert_eq!(back.len(), 2);
    let Event::Observation(o) = &back[1].events[1] else {
        panic!("observation")
    };
    assert!(o.blq && o.lloq == Some(100000.0));
}

#[test]
fn bad_input_is_refused_with_its_reason() {
    let def = model("woillard2011_tac");
    let d = design(WOILLARD_SS, &def);
    let fails = |d: &Design, n| ask(&def, d, n, 1, Variability::Full).unwrap_err();
    assert_eq!(fails(&d, 0), SimulateError::NoPatients);
    assert_eq!(
        fails(&d, MAX_PATIENTS + 1).to_string(),
        "at most 100000 virtual patients can be simulated at once (got 100001)"
    );
    // Only a prediction row: nothing to simulate.
    let only_mdv = "ID,TIME,AMT,DV,MDV,HCT,CYP3A5,FORM\n1,0,5,.,1,35,0,1\n1,2,.,.,1,35,0,1\n";
    let d2 = design(only_mdv, &def);
    let e = fails(&d2, 1);
    assert_eq!(
        e.to_string(),
        "the design has no observation row to simulate (an EVID 0 row without MDV = 1)"
    );
    // A genotype has no stated default: the design must give it.
    let no_cyp = "ID,TIME,AMT,DV,HCT,FORM\n1,0,5,.,35,1\n1,2,.,0,35,1\n";
    let d3 = design(no_cyp, &def);
    let e = fails(&d3, 1);
    assert_eq!(
        e.to_string(),
        "design: CYP3A5 expresser (*1 carrier = 1, *3/*3 = 0) (CYP3A5) is needed by this model and was not given; add its column to the design"
    );
    // A missing covariate with a stated default is used and said.
    let no_hct = "ID,TIME,AMT,DV,CYP3A5,FORM\n1,0,5,.,0,1\n1,2,.,0,0,1\n";
    let d4 = design(no_hct, &def);
    assert_eq!(
        serde_json::to_value(&d4.assumptions).expect("json")[0]["covariate"],
        "HCT"
    );
    // A file that is not a design names the line and field.
    let e = Design::read(b"ID,TIME,AMT\n1,x,5\n", &def, Convention::Locf).unwrap_err();
    assert_eq!(
        e.to_string(),
        "design: line 2, field TIME: 'x' is not a number"
    );
}
