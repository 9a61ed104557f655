//! Demo panel: dose and interval in, the engine's concentration–time curve
//! out (`dmip_engine::model::demo_curve`), with its peak and a plot.

use crate::format::{parse_number, significant};
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::plot::{AxisLabels, LinePlot};
use crate::widgets::NumberField;
use dmip_engine::model::{demo_curve, ModelError};
use leptos::prelude::*;

/// Time span shown, hours (three days: six 12-hourly doses).
const SPAN_H: f64 = 72.0;
/// Sampling points over the span (every 15 minutes).
const POINTS: usize = 289;
/// The engine's names of the two input fields (see `demo_curve`).
const DOSE_FIELD: &str = "dose";
const INTERVAL_FIELD: &str = "dosing interval";

type Curve = Result<Vec<(f64, f64)>, ModelError>;

/// The engine field an error is about, if it is about one.
fn error_field(error: &ModelError) -> Option<&'static str> {
    match error {
        ModelError::NotPositive { field, .. } | ModelError::TooSmall { field, .. } => Some(field),
        // The engine grows new kinds of error; they attach to no field.
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// The engine's error in the UI language; `typed` is what the user typed
/// (shown instead of the parsed value, which is NaN for text). Errors with
/// no translation yet show the engine's own (English) message.
fn describe(i18n: I18n, error: &ModelError, typed: Option<&str>) -> String {
    let field = match error_field(error) {
        Some(DOSE_FIELD) => i18n.t(Key::FieldDose),
        Some(INTERVAL_FIELD) => i18n.t(Key::FieldInterval),
        Some(other) => other,
        None => "",
    };
    match error {
        ModelError::NotPositive { value, .. } => {
            let value = typed.map_or_else(|| value.to_string(), |t| t.trim().to_owned());
            fill(
                i18n.t(Key::ErrNotPositive),
                &[("field", field), ("value", &value)],
            )
        }
        ModelError::TooSmall { value, min, .. } => fill(
            i18n.t(Key::ErrTooSmall),
            &[
                ("field", field),
                ("value", &value.to_string()),
                ("min", &min.to_string()),
            ],
        ),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// The highest point of the curve: picked from the engine's samples.
fn peak(curve: &[(f64, f64)]) -> Option<(f64, f64)> {
    curve
        .iter()
        .copied()
        .filter(|p| p.1.is_finite())
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

#[component]
pub fn ConcentrationDemo() -> impl IntoView {
    let i18n = use_i18n();
    let dose = RwSignal::new("100".to_owned());
    let interval = RwSignal::new("12".to_owned());
    let curve: Memo<Curve> = Memo::new(move |_| {
        demo_curve(
            parse_number(&dose.read()),
            parse_number(&interval.read()),
            SPAN_H,
            POINTS,
        )
    });
    let peak = Memo::new(move |_| curve.with(|c| c.as_ref().ok().and_then(|c| peak(c))));

    let field_error = move |field: &'static str, typed: RwSignal<String>| {
        Signal::derive(move || match curve.read().as_ref() {
            Err(e) if error_field(e) == Some(field) => Some(describe(i18n, e, Some(&typed.read()))),
            _ => None,
        })
    };
    let other_error = move || match curve.read().as_ref() {
        Err(e) if !matches!(error_field(e), Some(DOSE_FIELD | INTERVAL_FIELD)) => {
            Some(describe(i18n, e, None))
        }
        _ => None,
    };
    let points = Signal::derive(move || curve.with(|c| c.clone().unwrap_or_default()));
    let labels = Signal::derive(move || AxisLabels {
        x: i18n.t(Key::AxisTime),
        y: i18n.t(Key::AxisConcentration),
    });
    let peak_text = move || peak.get().map(|(_, c)| significant(c, 3));
    let description = Signal::derive(move || {
        fill(
            i18n.t(Key::PlotDescription),
            &[("peak", &peak_text().unwrap_or_else(|| "-".to_owned()))],
        )
    });

    view! {
        <section class="panel" aria-labelledby="demo-title">
            <h3 id="demo-title">{i18n.tx(Key::DemoTitle)}</h3>
            <p class="note">{i18n.tx(Key::DemoNote)}</p>
            <div class="fields">
                <NumberField
                    id="demo-dose"
                    label=Key::FieldDose
                    unit=Key::UnitMg
                    value=dose
                    error=field_error(DOSE_FIELD, dose)
                />
                <NumberField
                    id="demo-interval"
                    label=Key::FieldInterval
                    unit=Key::UnitHours
                    value=interval
                    error=field_error(INTERVAL_FIELD, interval)
                />
            </div>
            <p class="field-error" role="alert">{other_error}</p>
            <dl class="result">
                <dt>{move || fill(i18n.t(Key::PeakLabel), &[("hours", &SPAN_H.to_string())])}</dt>
                <dd>
                    {move || match (peak_text(), peak.get()) {
                        (Some(value), Some((time, _))) => {
                            view! {
                                <span class="value" id="demo-peak">{value}</span>
                                " "
                                <span class="unit">{i18n.t(Key::UnitMgPerL)}</span>
                                <span class="when">
                                    {fill(i18n.t(Key::PeakAt), &[("time", &significant(time, 3))])}
                                </span>
                            }
                                .into_any()
                        }
                        _ => {
                            view! { <span class="value" id="demo-peak">{i18n.t(Key::NotComputable)}</span> }
                                .into_any()
                        }
                    }}
                </dd>
            </dl>
            <LinePlot points=points labels=labels description=description />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field names this panel matches must be the engine's.
    #[test]
    fn engine_field_names_match() {
        let dose = demo_curve(-1.0, 12.0, SPAN_H, POINTS).unwrap_err();
        assert_eq!(error_field(&dose), Some(DOSE_FIELD));
        let interval = demo_curve(100.0, f64::NAN, SPAN_H, POINTS).unwrap_err();
        assert_eq!(error_field(&interval), Some(INTERVAL_FIELD));
    }

    #[test]
    fn default_inputs_give_a_curve_with_a_peak() {
        let curve = demo_curve(100.0, 12.0, SPAN_H, POINTS).unwrap();
        let (t, c) = peak(&curve).unwrap();
        assert!(t > 60.0 && t < SPAN_H, "peak after the sixth dose, got {t}");
        assert!(c > 1.0 && c < 5.0, "peak in mg/L, got {c}");
    }
}
