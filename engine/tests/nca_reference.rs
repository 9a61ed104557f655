//! NCA against the reference values of ../shared/reference/README.md
//! (WinNonlin 6.4, NonCompart, PKNCA), to 1e-4 relative.

use dmip_engine::io::nca_csv;
use dmip_engine::nca::{nca, Method, NcaOptions, NcaResult, Route, Sample};

const REL: f64 = 1e-4;

fn samples(file: &str) -> Vec<Sample> {
    let path = format!(
        "{}/../../shared/reference/nca/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut subjects = nca_csv::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(subjects.len(), 1, "{file}: one subject");
    subjects.remove(0).samples
}

fn run(file: &str, opts: NcaOptions) -> NcaResult {
    nca(&samples(file), &opts).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[track_caller]
fn close(name: &str, got: Option<f64>, expected: f64, rel: f64) {
    let Some(got) = got else {
        panic!("{name}: null, expected {expected}")
    };
    assert!(
        ((got - expected) / expected).abs() <= rel,
        "{name}: got {got}, expected {expected} (rel tol {rel})"
    );
}

fn method(method: Method) -> NcaOptions {
    NcaOptions {
        method,
        ..NcaOptions::default()
    }
}

#[test]
fn theoph_s1_linear_matches_winnonlin() {
    let r = run("theoph_s1.csv", method(Method::Linear));
    close("cmax", r.cmax, 10.50, REL);
    close("tmax", r.tmax, 1.12, REL);
    close("auclast", r.auclast, 148.9231, REL);
    close("aucinf_obs", r.aucinf_obs, 216.6119, REL);
    close("lambda_z", r.lambda_z, 0.048457, REL);
    close("half_life", r.half_life, 14.3044, REL);
    assert_eq!(r.lambda_z_n_points, Some(3));
}

#[test]
fn theoph_s1_log_down_matches_noncompart() {
    let r = run("theoph_s1.csv", method(Method::LinUpLogDown));
    close("cmax", r.cmax, 10.50, REL);
    close("tmax", r.tmax, 1.12, REL);
    close("auclast", r.auclast, 147.2347, REL);
    close("aucinf_obs", r.aucinf_obs, 214.9236, REL);
    close("lambda_z", r.lambda_z, 0.048457, REL);
    close("half_life", r.half_life, 14.3044, REL);
    assert_eq!(r.lambda_z_n_points, Some(3));
    close("aumclast", r.aumclast, 1499.12909, REL);
    close("aumcinf_obs", r.aumcinf_obs, 4545.59280, REL);
    close("mrt_obs", r.mrt_obs, 21.1498, REL);
}

#[test]
fn theoph_s1_reports_poor_lambda_z_with_flags() {
    let r = run("theoph_s1.csv", NcaOptions::default());
    assert!(r.span_ratio.is_some_and(|s| s < 2.0));
    let flagged = |prefix: &str| r.flags.iter().any(|f| f.starts_with(prefix));
    assert!(flagged("lambda_z: span ratio 1.071 < 2"), "{:?}", r.flags);
    assert!(flagged("aucpext_obs: 31.49 %"), "{:?}", r.flags);
    assert!(flagged("auctau, cavg: no dosing interval (tau) given"));
    assert!(flagged("cl, vz: no dose given"));
}

#[test]
fn ss_oral_tau12_matches_pknca() {
    let opts = NcaOptions {
        dose: Some(100.0),
        tau: Some(12.0),
        ..NcaOptions::default()
    };
    let r = run("ss_oral_tau12.csv", opts);
    close("auctau", r.auctau, 67.5547, REL);
    close("cavg", r.cavg, 5.6296, REL);
    // The README gives λz only as ≈ 0.2132.
    close("lambda_z", r.lambda_z, 0.2132, 1e-3);
    // Steady state: CL/F = dose/AUCτ, not dose/AUCinf (74.59 → 1.3407).
    close("cl", r.cl, 1.4803, REL);
}

#[test]
fn iv_bolus_matches_pknca() {
    let opts = NcaOptions {
        route: Route::IvBolus,
        dose: Some(100.0),
        ..NcaOptions::default()
    };
    let r = run("iv_bolus.csv", opts);
    close("auclast", r.auclast, 20.172, REL);
    close("aucinf_obs", r.aucinf_obs, 20.2338, REL);
    assert_eq!(r.c0, Some(10.0));
    assert!(r
        .flags
        .iter()
        .any(|f| f == "c0: observed at the dose time (t = 0)"));
}

#[test]
fn method_contrast_matches_reference() {
    let lin = run("method_contrast.csv", method(Method::Linear));
    let log = run("method_contrast.csv", method(Method::LinUpLogDown));
    close("auclast linear", lin.auclast, 43.3000, REL);
    close("auclast lin-up/log-down", log.auclast, 42.2281, REL);
}
