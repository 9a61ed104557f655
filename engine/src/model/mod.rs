//! Linear compartment models (under construction: the exact matrix-exponential
//! engine lands here). `demo_curve` is the stable entry point the app shell
//! uses for its first plot.

/// Error from a model computation, in words a user can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("{field} must be a positive finite number (got {value})")]
    NotPositive { field: &'static str, value: f64 },
    #[error("{field} must be at least {min} (got {value})")]
    TooSmall {
        field: &'static str,
        value: f64,
        min: f64,
    },
}

fn positive(field: &'static str, value: f64) -> Result<f64, ModelError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(ModelError::NotPositive { field, value })
    }
}

/// Concentration–time curve of the typical subject of mapbayr's example
/// model 001 (one compartment, first-order absorption; CL 4 L/h, V 70 L,
/// KA 1 /h — `../shared/reference/README.md`, map/), dosed `dose` every
/// `interval_h` hours from t = 0, sampled at `points` evenly spaced times over
/// `[0, hours]`. Returns `(time h, concentration in dose-units per L)`.
pub fn demo_curve(
    dose: f64,
    interval_h: f64,
    hours: f64,
    points: usize,
) -> Result<Vec<(f64, f64)>, ModelError> {
    // mapbayr 001 typical values (shared/reference/README.md, map/).
    const CL: f64 = 4.0;
    const V: f64 = 70.0;
    const KA: f64 = 1.0;
    let dose = positive("dose", dose)?;
    let tau = positive("dosing interval", interval_h)?;
    let hours = positive("time span", hours)?;
    if points < 2 {
        return Err(ModelError::TooSmall {
            field: "number of points",
            value: points as f64,
            min: 2.0,
        });
    }
    let k = CL / V;
    let unit = |t: f64| dose * KA / (V * (KA - k)) * ((-k * t).exp() - (-KA * t).exp());
    let curve = (0..points)
        .map(|i| {
            let t = hours * i as f64 / (points - 1) as f64;
            let n_given = (t / tau).floor() as usize + 1;
            let c: f64 = (0..n_given).map(|j| unit(t - j as f64 * tau)).sum();
            (t, c)
        })
        .collect();
    Ok(curve)
}
