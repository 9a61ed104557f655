//! The results block: a one-line summary, levels against the targets
//! (editable, defaults with their sources), AUC by trapezoid / limited
//! sampling / model with disagreement flags, the MAP estimate, the best
//! next sampling time, and why anything could not be computed.

use super::comeds;
use super::headline;
use super::next_sample::NextSampleLine;
use super::session::Session;
use super::summary::{range_text, summarize, Status, TargetKind, AUC_UNIT, CONC_UNIT};
use super::text::{self, status};
use crate::format::{percent, significant, tick};
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::state::use_record;
use crate::widgets::data_table;
use crate::widgets::field::{number_error, number_value, Field, Unit};
use dmip_engine::dose::Range;
use dmip_engine::estimate::MapFit;
use dmip_engine::tdm::{defaults, AucBasis, AucMethod};
use leptos::prelude::*;

fn param_unit(name: &str) -> &'static str {
    let n = name.to_ascii_uppercase();
    if n.starts_with("CL") || n.starts_with('Q') {
        "L/h"
    } else if n.starts_with('V') {
        "L"
    } else if n.starts_with('K') {
        "1/h"
    } else if n.starts_with("MTT") || n.starts_with("ALAG") || n.starts_with("TLAG") {
        "h"
    } else {
        ""
    }
}

/// Editable aim (low–high) and limit (high).
#[component]
fn TargetFields(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let (aim, limit) = session.targets();
    let text = |v: Option<f64>| v.map(tick).unwrap_or_default();
    let low = RwSignal::new(text(aim.low));
    let high = RwSignal::new(text(aim.high));
    let lim = RwSignal::new(text(limit.and_then(|l| l.high)));
    Effect::new(move |_| {
        let (lo, hi, li) = (low.get(), high.get(), lim.get());
        let (aim, limit) = session.targets();
        let (Some(l), Some(h)) = (number_value(&lo, 0.0), number_value(&hi, 0.0)) else {
            return;
        };
        if h < l {
            return;
        }
        let new_aim = Range {
            low: Some(l),
            high: Some(h),
            ..aim
        };
        let new_limit = limit.map(|r| Range {
            high: number_value(&li, 0.0).or(r.high),
            ..r
        });
        if new_aim != aim || new_limit != limit {
            session.edit(|d| {
                d.target = Some(new_aim);
                d.limit = new_limit;
            });
        }
    });
    let order_error = Signal::derive(move || {
        number_error(i18n, &high.read(), 0.0).or_else(|| {
            match (
                number_value(&low.read(), 0.0),
                number_value(&high.read(), 0.0),
            ) {
                (Some(l), Some(h)) if h < l => Some(i18n.t(Key::TdmErrHighBelowLow).to_owned()),
                _ => None,
            }
        })
    });
    let metric = aim.metric.label();
    let limit_metric = limit.map(|l| l.metric.label());
    view! {
        <div class="fields targets">
            <Field id=format!("{slug}-target-low") label=Key::TdmTargetLow unit=Unit::Symbol(CONC_UNIT) value=low error=Signal::derive(move || number_error(i18n, &low.read(), 0.0)) />
            <Field id=format!("{slug}-target-high") label=Key::TdmTargetHigh unit=Unit::Symbol(CONC_UNIT) value=high error=order_error />
            {limit_metric.map(|_| view! {
                <Field id=format!("{slug}-limit-high") label=Key::TdmLimitHigh unit=Unit::Symbol(CONC_UNIT) value=lim error=Signal::derive(move || number_error(i18n, &lim.read(), 0.0)) />
            })}
            <p class="note">{move || fill(i18n.t(Key::TdmTargetMetric), &[("metric", &metric)])}</p>
        </div>
    }
}

/// What an AUC rests on, in the screen's language (model names and an
/// equation's formula and population are the sources' own words).
fn auc_basis(i18n: I18n, basis: &AucBasis) -> String {
    match basis {
        AucBasis::Trapezoid { levels } => fill(
            i18n.t(Key::TdmAucBasisTrapezoid),
            &[("levels", &levels.to_string())],
        ),
        AucBasis::Model(_) | AucBasis::Lss { .. } => basis.to_string(),
    }
}

/// The summary of the levels against the targets, with the engine's output.
fn summary_memo(session: Session) -> Memo<super::summary::Summary> {
    let spec = session.spec;
    Memo::new(move |_| {
        let (aim, limit) = session.targets();
        session.output.with(|o| {
            session
                .drug
                .with(|d| summarize(spec.drug, aim, limit, &d.levels, o.as_ref().ok()))
        })
    })
}

/// The headline (the latest level against the aim, the co-medications
/// that matter, the advice and its checks) and the next sampling time: the
/// top of the drug screen.
#[component]
pub fn Results(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let slug = spec.slug;
    let summary = summary_memo(session);
    // The co-medications against this drug's label (as on the Safety screen).
    let record = use_record().record;
    let interactions = Memo::new(move |_| record.with(|r| comeds::report(r, spec.drug)));
    let headline = move || {
        let s = summary.get();
        interactions.with(|c| {
            session.output.with(|o| {
                session
                    .drug
                    .with(|d| headline::text(i18n, spec, &s, o.as_ref(), &d.levels, c))
            })
        })
    };
    view! {
        <section class="panel results" aria-labelledby=format!("{slug}-results-title")>
            <h3 id=format!("{slug}-results-title")>{i18n.tx(Key::TdmResultsTitle)}</h3>
            <p class="summary" id=format!("{slug}-summary") role="status">{headline}</p>
            <NextSampleLine session=session />
        </section>
    }
}

/// The levels against each target (editable), AUC by trapezoid, limited
/// sampling and model, the MAP estimate and the notes: in the fold.
#[component]
pub fn ResultDetails(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let slug = spec.slug;
    let summary = summary_memo(session);
    let kind_key = |k: TargetKind| match k {
        TargetKind::Aim => Key::TdmTargetAim,
        TargetKind::Limit => Key::TdmTargetLimit,
        TargetKind::Preferred => Key::TdmTargetPreferred,
        TargetKind::Warning => Key::TdmTargetWarning,
    };
    let out = Memo::new(move |_| session.output.get().ok());
    view! {
        <section class="panel results-details" aria-labelledby=format!("{slug}-targets-title")>
            <h3 id=format!("{slug}-targets-title")>{i18n.tx(Key::TdmTargetsTitle)}</h3>
            {data_table(
                format!("{slug}-targets"),
                "tdm-table stack",
                &[Key::TdmColTarget, Key::TdmColRange, Key::TdmColLatest, Key::TdmColSource],
                0,
                view! {
                    {move || summary.get().rows.into_iter().map(|r| {
                        let latest = match (r.observed, r.status) {
                            (Some(v), Some(st)) => format!("{} {CONC_UNIT} ({})", significant(v, 3), status(i18n, st)),
                            _ => "-".to_owned(),
                        };
                        view! {
                            <tr class:flagged=r.status.is_some_and(|s| s != Status::Within)>
                                <td class="lead" data-label=i18n.t(Key::TdmColTarget)>{format!("{} {}", i18n.t(kind_key(r.kind)), r.range.metric.label())}</td>
                                <td data-label=i18n.t(Key::TdmColRange)>{range_text(&r.range)}</td>
                                <td data-label=i18n.t(Key::TdmColLatest)>{latest}</td>
                                <td class="source" data-label=i18n.t(Key::TdmColSource)>{r.source.map_or_else(|| i18n.t(Key::TdmSourceUser).to_owned(), str::to_owned)}</td>
                            </tr>
                        }
                    }).collect_view()}
                },
            )}
            <TargetFields session=session />
            <h4>{i18n.tx(Key::TdmAucTitle)}</h4>
            <p class="note">{i18n.tx(Key::TdmAucNote)}</p>
            <crate::widgets::field::Field
                id=format!("{slug}-disagree")
                label=Key::TdmDisagreement
                unit=Unit::Symbol("%")
                value=session.disagreement
                error=Signal::derive(move || number_error(i18n, &session.disagreement.read(), 0.0))
            />
            {data_table(
                format!("{slug}-aucs"),
                "tdm-table stack",
                &[Key::TdmColMethod, Key::TdmColInterval, Key::TdmColValue, Key::TdmColBasis],
                0,
                view! {
                    {move || out.get().map(|o| o.aucs.into_iter().map(|a| {
                        let method = match a.method {
                            AucMethod::Trapezoid => Key::TdmMethodTrapezoid,
                            AucMethod::Lss => Key::TdmMethodLss,
                            AucMethod::Model => Key::TdmMethodModel,
                        };
                        let basis = auc_basis(i18n, &a.basis);
                        view! {
                            <tr class:flagged=a.disagrees>
                                <td class="lead" data-label=i18n.t(Key::TdmColMethod)>{i18n.t(method)}</td>
                                <td data-label=i18n.t(Key::TdmColInterval)>{a.interval.clone()}</td>
                                <td data-label=i18n.t(Key::TdmColValue)>
                                    {format!("{} {AUC_UNIT}", significant(a.value, 3))}
                                    {a.disagrees.then(|| view! { <span class="row-warning">{i18n.t(Key::TdmDisagrees)}</span> })}
                                </td>
                                <td class="source" data-label=i18n.t(Key::TdmColBasis)>{basis}</td>
                            </tr>
                        }
                    }).collect_view())}
                },
            )}
            <h4>{i18n.tx(Key::TdmFitTitle)}</h4>
            <p class="note">{i18n.tx(Key::TdmFitNote)}</p>
            {move || out.get().and_then(|o| o.average).map(|a| view! { <p class="note" id=format!("{slug}-fit-lead")>{super::average::lead_note(i18n, &a)}</p> })}
            {move || out.get().map(|o| match o.fit {
                None => view! { <p class="muted">{i18n.t(Key::TdmFitNone)}</p> }.into_any(),
                Some(f) => {
                    let typical = f.typical_params.clone();
                    view! {
                        {data_table(
                            format!("{slug}-fit"),
                            "tdm-table",
                            &[Key::TdmColParameter, Key::TdmColIndividual, Key::TdmColTypical],
                            0,
                            view! {
                                {f.params.iter().map(|(n, v)| {
                                    let unit = param_unit(n);
                                    let t = typical.iter().find(|(m, _)| m == n).map_or("-".to_owned(), |(_, t)| format!("{} {unit}", significant(*t, 3)));
                                    view! {
                                        <tr>
                                            <td>{n.clone()}</td>
                                            <td>{format!("{} {unit}", significant(*v, 3))}</td>
                                            <td>{t}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            },
                        )}
                        {eta_table(i18n, &f, slug)}
                        <ul class="warnings" id=format!("{slug}-fit-warnings")>
                            {f.warnings.iter().map(|w| view! { <li>{text::fit_warning(i18n, w)}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
            <ul class="warnings" id=format!("{slug}-notes")>
                {move || out.get().map(|o| o.notes.iter().map(|n| view! { <li>{text::note(i18n, n)}</li> }).collect_view())}
            </ul>
            <p class="note">{move || {
                let d = defaults(spec.drug);
                fill(i18n.t(Key::TdmDefaultsFrom), &[("source", d.aim.source)])
            }}</p>
        </section>
    }
}

/// A shrinkage shown above 100 %. An η the levels say nothing about (e.g.
/// Kirubakaran's CL-with-azole η while no azole is given) has its prior
/// variance back up to rounding (1.000 000 1): shown as 100 %, not flagged.
fn above_prior(shrinkage: f64) -> bool {
    (shrinkage * 100.0).round() > 100.0
}

/// Each η (and κ) of the fit with its posterior SD and shrinkage: how much
/// the levels say about it. A plain function, so that its texts follow
/// the language through the caller's reactive closure.
fn eta_table(i18n: I18n, fit: &MapFit, slug: &'static str) -> impl IntoView {
    let sd = |i: usize| {
        fit.eta_cov
            .as_ref()
            .and_then(|c| c.get(i)?.get(i).copied())
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map_or("-".to_owned(), |v| significant(v.sqrt(), 3))
    };
    let rows = fit
        .names
        .iter()
        .zip(&fit.eta)
        .enumerate()
        .map(|(i, (n, e))| {
            let shrinkage = fit.shrinkage.get(i).copied().flatten();
            let shrink = percent(shrinkage);
            view! {
                <tr class:flagged=shrinkage.is_some_and(above_prior)>
                    <td class="lead" data-label=i18n.t(Key::TdmColEta)>{n.clone()}</td>
                    <td data-label=i18n.t(Key::TdmColEstimate)>{format!("{e:.3}")}</td>
                    <td data-label=i18n.t(Key::TdmColPosteriorSd)>{sd(i)}</td>
                    <td data-label=i18n.t(Key::TdmColShrinkage)>{shrink}</td>
                </tr>
            }
        })
        .collect_view();
    // Posterior variance above the prior: the data term is not convex there.
    let above = fit.shrinkage.iter().flatten().any(|s| above_prior(*s));
    view! {
            <p class="note">{i18n.tx(Key::TdmEtaNote)}</p>
            {data_table(
                format!("{slug}-eta"),
                "tdm-table stack",
                &[Key::TdmColEta, Key::TdmColEstimate, Key::TdmColPosteriorSd, Key::TdmColShrinkage],
                0,
                view! {
    {rows}
                },
            )}
            {above.then(|| view! { <p class="row-warning" id=format!("{slug}-eta-above")>{i18n.t(Key::TdmEtaAbove100)}</p> })}
        }
}

#[cfg(test)]
mod auc_basis_tests {
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};

    #[test]
    fn the_trapezoid_s_levels_are_worded_in_each_language() {
        let t = AucBasis::Trapezoid { levels: 3 };
        assert_eq!(
            auc_basis(fixed_i18n(Lang::Ja), &t),
            "実測値 3 点、線形台形法"
        );
        assert_eq!(
            auc_basis(fixed_i18n(Lang::En), &t),
            "3 levels, linear trapezoid"
        );
        // The JSON keeps the English phrase it had before it was typed.
        assert_eq!(t.to_string(), "3 levels, linear trapezoid");
    }
}
