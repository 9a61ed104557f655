//! MAP estimation against NONMEM: subject 1 of the example model 001 of mapbayr
//! (the R package, its `inst/exmodel` and `inst/nm001/run001.phi`): NONMEM
//! POSTHOC η = 0.405058386, 0.0728505976, −0.0749540941, tolerance 1e-4
//! absolute.

use dmip_engine::estimate::{MapOptions, Problem};
use dmip_engine::selfcheck::{mapbayr001_problem, NONMEM_ETA};

fn problem() -> Problem {
    mapbayr001_problem().expect("valid model and problem")
}

#[test]
fn eta_matches_nonmem_posthoc() {
    let fit = problem().fit(&MapOptions::default());
    assert!(fit.converged, "{fit:?}");
    for (i, (got, want)) in fit.eta.iter().zip(NONMEM_ETA).enumerate() {
        assert!(
            (got - want).abs() < 1e-4,
            "η{}: {got} vs NONMEM {want}",
            i + 1
        );
    }
    assert!(fit.warnings.is_empty(), "{:?}", fit.warnings);
}

#[test]
fn objective_at_the_nonmem_eta_is_our_regression_value() {
    // Σ[(y−f)²/Var + ln Var] + ηᵀΩ⁻¹η at NONMEM's η (no 2π term); NONMEM's
    // printed OBJ 27.96777 adds ln|Ω| − ln|ETC|, which we do not have.
    let p = problem();
    let at_nonmem = p.objective(&NONMEM_ETA);
    let fit = p.fit(&MapOptions::default());
    assert!(
        (fit.objective - at_nonmem).abs() < 1e-7,
        "{} vs {}",
        fit.objective,
        at_nonmem
    );
    // 22.293512748420774 also by an independent closed-form (Bateman) evaluation.
    assert!(
        (at_nonmem - 22.293512748420774).abs() < 1e-9,
        "regression value changed: {at_nonmem}"
    );
}

#[test]
fn posterior_covariance_is_positive_and_shrinkage_in_range() {
    let fit = problem().fit(&MapOptions::default());
    let cov = fit.eta_cov.expect("Laplace covariance");
    for (i, row) in cov.iter().enumerate() {
        assert!(
            row[i] > 0.0 && row[i] < 0.2,
            "posterior variance {} must be below the prior 0.2",
            row[i]
        );
    }
    for s in fit.shrinkage.iter().flatten() {
        assert!(*s > 0.0 && *s < 1.0);
    }
    assert_eq!(fit.names, ["η CL", "η V", "η KA"]);
}
