//! Model files: built-ins load, Ω conversions, and loading errors that name
//! the field.

use dmip_engine::catalog::{builtin, builtin_ids, CovariateIssue, Covariates, ModelDef};

const MAPBAYR: &str = include_str!("reference/mapbayr001.model.toml");

#[test]
fn every_builtin_model_loads_with_citation_and_products() {
    let ids: Vec<&str> = builtin_ids().collect();
    assert_eq!(ids.len(), 5);
    for id in ids {
        let def = builtin(id)
            .expect("listed")
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(def.id(), id);
        assert!(def.file.citation.contains("doi:") || def.file.citation.contains("Biomed Res Int"));
        assert!(!def.file.products.is_empty(), "{id}");
        assert!(def.n_eta() >= 2, "{id}");
    }
    assert!(builtin("nonexistent").is_none());
}

#[test]
fn omega_conversions_sd_and_cv() {
    let monchaud = builtin("monchaud2012_tac").expect("listed").expect("valid");
    let om = monchaud.omega.expect("has omega");
    // SD 1.26 → variance 1.5876 (Tucuxi's model files, like NONMEM's
    // `$OMEGA STANDARD`, hold standard deviations, not variances).
    assert!((om.matrix[(3, 3)] - 1.5876).abs() < 1e-12);
    let cv = MAPBAYR.replace(
        "variance = [0.2, 0.2, 0.2]",
        "cv_percent = [30.0, 30.0, 30.0]",
    );
    let def = ModelDef::from_toml(&cv).expect("valid");
    let w2 = def.omega.expect("omega").matrix[(0, 0)];
    assert!(
        (w2 - (1.0f64 + 0.09).ln()).abs() < 1e-15,
        "ω² = ln(1 + CV²)"
    );
}

#[test]
fn umpierrez_iov_block_keeps_the_ka_cl_covariance() {
    let def = builtin("umpierrez2021_csa")
        .expect("listed")
        .expect("valid");
    let iov = def.iov.as_ref().expect("iov");
    assert_eq!(iov.names, ["KA", "CL", "ALAG"]);
    assert_eq!(iov.matrix[(0, 1)], -0.10001);
    assert_eq!(def.n_iov(), 3);
}

fn load_error(text: &str) -> String {
    ModelDef::from_toml(text)
        .expect_err("must be rejected")
        .to_string()
}

#[test]
fn loading_errors_name_the_field() {
    let cases = [
        (MAPBAYR.replace("typical = 70.0", "typical = -70.0"), "model file: parameters.V1.typical: must be ≥ 0 (got -70)"),
        (MAPBAYR.replace("KA = { typical = 1.0, eta = \"KA\" }", ""), "model file: parameters.KA: is required by this structure and missing"),
        (MAPBAYR.replace("eta = \"KA\"", "eta = \"KAPPA\""), "model file: parameters.KA.eta: η “KAPPA” is not listed in [omega] eta"),
        (MAPBAYR.replace("compartments = 1", "compartments = 4"), "model file: structure.compartments: must be 1, 2 or 3 (got 4)"),
        (MAPBAYR.replace("\"first_order\"", "\"zero_order\""), "model file: structure.absorption: “zero_order” is not iv, first_order or transit"),
        (MAPBAYR.replace("variance = [0.2, 0.2, 0.2]", "variance = [0.2, 0.2]"), "model file: omega.variance: has 2 values for 3 η"),
        (MAPBAYR.replace("model = \"proportional\"", "model = \"poisson\""), "model file: error.model: “poisson” is not one of additive, proportional, combined, additive_plus_proportional_sd, log_additive"),
        (MAPBAYR.replace("CL = { typical = 4.0, eta = \"CL\" }", "CL = { typical = 4.0, eta = \"CL\", covariates = [{ name = \"WT\", power = 0.75, reference = 70.0 }] }"), "model file: parameters.CL: covariate “WT” is not described in [[covariates]]"),
        (MAPBAYR.replace("CL = {", "KTR = { typical = 1.0 }\nCL = {"), "model file: parameters.KTR: is not used by this structure"),
    ];
    for (text, want) in cases {
        assert_eq!(load_error(&text), want);
    }
    assert!(load_error("format = 1\nid = 3").starts_with("model file: at byte"));
}

#[test]
fn covariates_outside_the_population_are_named() {
    let press = builtin("press2010_csa").expect("listed").expect("valid");
    let cov: Covariates = [("WT".to_string(), 150.0)].into();
    let issues = press.check_covariates(&cov);
    assert_eq!(issues.len(), 2);
    assert!(matches!(&issues[1], CovariateIssue::Missing { name, .. } if name == "PSL"));
    assert_eq!(
        issues[0].to_string(),
        "WT 150 kg is outside the model's source population (49.0–140 kg); the prediction extrapolates."
    );
    assert_eq!(
        press.individual(&cov, &[], &[]).expect_err("PSL missing"),
        "prednisolone dose (PSL) is needed by this model and was not given"
    );
    // The screens and the CLI fill it with the model file's stated default,
    // 0 mg/day (the model's reference: no prednisolone effect), and say so.
    let (assumed, genotype) = dmip_engine::tdm::defaults_for(&press, |n| cov.contains_key(n));
    assert!(genotype.is_none());
    assert!(
        matches!(&assumed[..], [dmip_engine::tdm::Assumption::Typical { covariate, value, .. }] if covariate == "PSL" && *value == 0.0),
        "{assumed:?}"
    );
}

#[test]
fn states_and_derived_covariates_are_checked_when_loading() {
    let states = MAPBAYR.replace(
        "CL = { typical = 4.0, eta = \"CL\" }",
        "CL = { typical = 4.0, eta = \"CL\", when = [{ name = \"AZ\", equals = 1.0, typical = 1.0, eta = \"KAPPA\" }] }",
    );
    assert_eq!(
        load_error(&states),
        "model file: parameters.CL.when[0].eta: η “KAPPA” is not listed in [omega] eta"
    );
    assert_eq!(
        load_error(&states.replace("\"KAPPA\"", "\"V\"")),
        "model file: parameters.CL: covariate “AZ” is not described in [[covariates]]"
    );
    let derived = format!(
        "{MAPBAYR}\n[[covariates]]\nname = \"FFM\"\nunit = \"kg\"\ndescription = \"fat-free mass\"\nderived = \"ffm_janmahasatian\"\n"
    );
    assert_eq!(
        load_error(&derived),
        "model file: covariates[0].derived: input “WT” must be described in [[covariates]], not derived"
    );
    assert_eq!(
        load_error(&derived.replace("ffm_janmahasatian", "bmi")),
        "model file: covariates[0].derived: “bmi” is not a known formula (ffm_janmahasatian)"
    );
}

#[test]
fn a_state_switches_typical_value_and_eta_and_is_a_needed_covariate() {
    let text = format!(
        "{}\n[[covariates]]\nname = \"AZ\"\nunit = \"0/1\"\ndescription = \"azole\"\n",
        MAPBAYR.replace(
            "CL = { typical = 4.0, eta = \"CL\" }",
            "CL = { typical = 4.0, eta = \"CL\", when = [{ name = \"AZ\", equals = 1.0, typical = 1.0, eta = \"KA\" }] }",
        )
    );
    let def = ModelDef::from_toml(&text).expect("valid");
    assert!(def.uses_covariate("AZ"));
    use dmip_engine::catalog::Slot;
    let eta = [0.1, 0.2, 0.3];
    let cl = |az: f64| {
        let cov: Covariates = [("AZ".to_string(), az)].into();
        def.typical(&cov)
            .expect("complete")
            .value(Slot::Cl, &eta, &[])
            .unwrap_or(f64::NAN)
    };
    assert!((cl(0.0) - 4.0 * 0.1f64.exp()).abs() < 1e-12);
    assert!((cl(1.0) - 1.0 * 0.3f64.exp()).abs() < 1e-12);
    assert_eq!(
        def.typical(&Covariates::new()).expect_err("AZ missing"),
        "azole (AZ) is needed by this model and was not given"
    );
}
