//! The model average in words and as a table: model | weight | OFV | its
//! forecast of the next level | its dose, the average's line first; a
//! model left out with its reason; equal weights without a level; what
//! each model assumed. The headline's sentences (the average's suggestion
//! with the weights, the assumptions) and the report's lines come from
//! here too.

use super::session::Session;
use super::spec::DrugSpec;
use super::summary::CONC_UNIT;
use crate::format::{percent, significant, tick};
use crate::i18n::{fill, use_i18n, AvgKey, I18n, Key};
use crate::widgets::data_table;
use dmip_engine::tdm::transition::NextLevel;
use dmip_engine::tdm::view::{display, DateTime};
use dmip_engine::tdm::{Assumption, AveragedModel, ModelLeftOut, ScreenAverage, TdmOutput};
use dmip_engine::text::Say;
use leptos::prelude::*;

const COLUMNS: [AvgKey; 5] = [
    AvgKey::ColModel,
    AvgKey::ColWeight,
    AvgKey::ColOfv,
    AvgKey::ColNext,
    AvgKey::ColDose,
];

/// What the output assumed for `model`: its line's of an average, else the
/// output's own (one model).
pub fn assumptions_of<'a>(out: &'a TdmOutput, model: &str) -> &'a [Assumption] {
    match &out.average {
        Some(a) => a
            .models
            .iter()
            .find(|m| m.model_id == model)
            .map_or(&[][..], |m| &m.assumptions[..]),
        None => &out.assumptions,
    }
}

/// Why a model is left out, in the UI language: the engine's words.
pub fn left_out_text(i18n: I18n, why: &ModelLeftOut) -> String {
    why.say(i18n.lang())
}

/// The model's short name ("Press 2010") from its id.
fn name_of(id: &str) -> String {
    dmip_engine::catalog::builtin(id)
        .and_then(Result::ok)
        .map_or_else(
            || id.to_owned(),
            |d| dmip_engine::tdm::other_models::short_name(&d.file.name),
        )
}

/// "Press 2010 62 %, Umpierrez 2021 38 %" (the models kept).
pub fn weights_text(i18n: I18n, avg: &ScreenAverage) -> String {
    avg.models
        .iter()
        .filter(|m| m.left_out.is_none())
        .map(|m| format!("{} {}", m.name, percent(Some(m.weight))))
        .collect::<Vec<_>>()
        .join(i18n.t(Key::ListSeparator))
}

/// "C2 702 ng/mL (11/04 10:00)".
pub fn next_text(next: Option<&NextLevel>) -> String {
    next.map_or_else(
        || "-".to_owned(),
        |l| {
            let at = DateTime::parse_from_rfc3339(&l.at)
                .map(|t| display(&t))
                .unwrap_or_default();
            format!(
                "{} {} {CONC_UNIT} ({at})",
                l.metric,
                significant(l.value, 3)
            )
        },
    )
}

/// "150 mg, twice daily …" of a suggestion (regimen label, mg).
pub fn dose_text(i18n: I18n, spec: DrugSpec, suggested: Option<&(String, f64)>) -> String {
    suggested.map_or_else(
        || "-".to_owned(),
        |(id, mg)| {
            fill(
                i18n.t(Key::TdmAssumedAdvice),
                &[
                    ("dose", &tick(*mg)),
                    (
                        "regimen",
                        spec.regimen(id).map_or(id.as_str(), |r| i18n.t(r.name)),
                    ),
                ],
            )
        },
    )
}

/// The OFV as shown (2 decimals), "-" without one.
fn ofv_text(o: Option<f64>) -> String {
    o.map_or_else(|| "-".to_owned(), |o| format!("{o:.2}"))
}

/// One assumption in a few words: "HCT 35 % (typical value assumed)",
/// "CYP3A5: non-expresser (84 %)".
pub(super) fn assumed_short(i18n: I18n, a: &Assumption) -> String {
    match a {
        Assumption::Typical {
            covariate,
            value,
            unit,
            ..
        } => fill(
            i18n.t(AvgKey::AssumedTypicalShort),
            &[
                ("name", covariate),
                ("value", &significant(*value, 3)),
                ("unit", unit),
            ],
        ),
        Assumption::Genotype {
            covariate,
            chosen,
            branches,
            ..
        } => {
            let weight = branches
                .iter()
                .find(|b| b.value == *chosen)
                .map(|b| b.weight);
            fill(
                i18n.t(AvgKey::AssumedGenotypeShort),
                &[
                    ("name", covariate),
                    (
                        "genotype",
                        &super::assumed::genotype(i18n, covariate, *chosen),
                    ),
                    ("weight", &percent(weight)),
                ],
            )
        }
    }
}

/// A model's assumptions in a few words, joined.
fn assumed_list(i18n: I18n, m: &AveragedModel) -> String {
    m.assumptions
        .iter()
        .map(|a| assumed_short(i18n, a))
        .collect::<Vec<_>>()
        .join(i18n.t(Key::ListSeparator))
}

/// The headline's sentence on what the models assumed: "Covariates not
/// given are computed with each model's stated default: Woillard 2011:
/// HCT 35 % …; Monchaud 2012: …".
pub fn assumed_sentence(i18n: I18n, avg: &ScreenAverage) -> Option<String> {
    let each: Vec<String> = avg
        .models
        .iter()
        .filter(|m| !m.assumptions.is_empty())
        .map(|m| {
            fill(
                i18n.t(AvgKey::ModelReason),
                &[("model", &m.name), ("reason", &assumed_list(i18n, m))],
            )
        })
        .collect();
    (!each.is_empty()).then(|| {
        fill(
            i18n.t(AvgKey::Assumed),
            &[("list", &each.join(i18n.t(Key::ListSeparator)))],
        )
    })
}

/// The headline's suggestion from the average: "The models' average
/// (Press 2010 62 %, Umpierrez 2021 38 %) suggests 150 mg, …", and, without
/// a level, that the weights are equal.
pub fn suggest_sentence(
    i18n: I18n,
    spec: DrugSpec,
    avg: &ScreenAverage,
    (regimen, mg): (&str, f64),
) -> String {
    let mut text = fill(
        i18n.t(AvgKey::Suggest),
        &[
            ("weights", &weights_text(i18n, avg)),
            ("dose", &tick(mg)),
            (
                "regimen",
                spec.regimen(regimen).map_or(regimen, |r| i18n.t(r.name)),
            ),
        ],
    );
    if avg.equal {
        text.push_str(i18n.sentence_gap());
        text.push_str(i18n.t(AvgKey::EqualShort));
    }
    text
}

/// The advice's suggested regimen (label) and amount, mg.
fn suggested(out: &TdmOutput) -> Option<(String, f64)> {
    let c = out.advice.as_ref()?.suggested()?;
    Some((c.regimen.label.clone(), c.dose.amount_mg))
}

/// One line of the report's weights table, with what the model alone
/// says under it: the defaults it assumed, then its own notes
/// (co-medications, absorption occasions, covariates over time).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLine {
    pub text: String,
    pub notes: Vec<String>,
}

impl ReportLine {
    fn bare(text: String) -> Self {
        Self {
            text,
            notes: Vec::new(),
        }
    }
}

/// A model's notes as the report prints them under its line.
fn model_notes(i18n: I18n, m: &AveragedModel) -> Vec<String> {
    let assumed = assumed_list(i18n, m);
    let assumed = (!assumed.is_empty())
        .then(|| fill(i18n.t(AvgKey::ReportAssumed), &[("list", assumed.as_str())]));
    assumed
        .into_iter()
        .chain(m.notes.iter().map(|n| super::text::note(i18n, n)))
        .collect()
}

/// The report's lines: the weighting, then each model's weight, OFV,
/// forecast of the next level and dose (or why it was left out), each
/// with its own notes.
pub fn report_lines(i18n: I18n, spec: DrugSpec, out: &TdmOutput) -> Vec<ReportLine> {
    let Some(avg) = &out.average else {
        return Vec::new();
    };
    let suggested = suggested(out);
    let mut lines = vec![ReportLine::bare(fill(
        i18n.t(AvgKey::ReportLine),
        &[
            ("model", i18n.t(AvgKey::RowAverage)),
            ("weight", "100 %"),
            ("ofv", "-"),
            ("next", &next_text(avg.next_level.as_ref())),
            ("dose", &dose_text(i18n, spec, suggested.as_ref())),
        ],
    ))];
    // A note printed under an earlier model (the same co-medication every
    // model without its covariate leaves out) is referred to, not repeated.
    let mut printed: Vec<(String, &str)> = Vec::new();
    lines.extend(avg.models.iter().map(|m| {
        let text = match &m.left_out {
            Some(why) => fill(
                i18n.t(AvgKey::ModelReason),
                &[
                    ("model", &m.name),
                    (
                        "reason",
                        &fill(
                            i18n.t(AvgKey::LeftOut),
                            &[("reason", &left_out_text(i18n, why))],
                        ),
                    ),
                ],
            ),
            None => fill(
                i18n.t(AvgKey::ReportLine),
                &[
                    ("model", &m.name),
                    ("weight", &percent(Some(m.weight))),
                    ("ofv", &ofv_text(m.objective)),
                    ("next", &next_text(m.next_level.as_ref())),
                    ("dose", &dose_text(i18n, spec, m.suggested.as_ref())),
                ],
            ),
        };
        let notes = model_notes(i18n, m)
            .into_iter()
            .map(|n| match printed.iter().find(|(p, _)| *p == n) {
                Some((_, first)) => fill(i18n.t(AvgKey::ReportSameNote), &[("model", first)]),
                None => {
                    printed.push((n.clone(), &m.name));
                    n
                }
            })
            .collect();
        ReportLine { text, notes }
    }));
    if avg.equal {
        lines.push(ReportLine::bare(i18n.t(AvgKey::EqualWeights).to_owned()));
    }
    lines
}

/// Whose estimate and next sampling time the screen shows.
pub fn lead_note(i18n: I18n, avg: &ScreenAverage) -> String {
    fill(i18n.t(AvgKey::LeadNote), &[("model", &name_of(&avg.lead))])
}

/// The weighting's name.
pub fn weighting_text(i18n: I18n, avg: &ScreenAverage) -> &'static str {
    match avg.weighting {
        dmip_engine::estimate::Weighting::Ll => i18n.t(AvgKey::WeightingLl),
        dmip_engine::estimate::Weighting::Aic => i18n.t(AvgKey::WeightingAic),
        dmip_engine::estimate::Weighting::Evidence => i18n.t(AvgKey::WeightingEvidence),
    }
}

/// The table under the advice, when the models are averaged.
#[component]
pub fn ModelWeights(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let spec = session.spec;
    let slug = spec.slug;
    // The average and the average's own dose: what the table shows.
    let shown = Memo::new(move |_| {
        session.output.with(|o| {
            let o = o.as_ref().ok()?;
            Some((o.average.clone()?, suggested(o)))
        })
    });
    move || {
        shown.get().map(|(avg, suggested)| {
            let rows = avg
                .models
                .iter()
                .map(|m| model_row(i18n, spec, m))
                .collect_view();
            view! {
                <section class="panel" aria-labelledby=format!("{slug}-average-title")>
                    <h3 id=format!("{slug}-average-title")>{i18n.tx(AvgKey::Title)}" · "{weighting_text(i18n, &avg)}</h3>
                    {data_table(
                        format!("{slug}-weights"),
                        "tdm-table stack",
                        &COLUMNS,
                        0,
                        view! {
                            <tr class="average-row">
                                <td class="lead" data-label=i18n.t(AvgKey::ColModel)>{i18n.t(AvgKey::RowAverage)}</td>
                                <td data-label=i18n.t(AvgKey::ColWeight)>"100 %"</td>
                                <td data-label=i18n.t(AvgKey::ColOfv)>"-"</td>
                                <td data-label=i18n.t(AvgKey::ColNext)>{next_text(avg.next_level.as_ref())}</td>
                                <td data-label=i18n.t(AvgKey::ColDose)>{dose_text(i18n, spec, suggested.as_ref())}</td>
                            </tr>
                            {rows}
                        },
                    )}
                    {avg.equal.then(|| view! { <p class="note" id=format!("{slug}-weights-equal")>{i18n.t(AvgKey::EqualWeights)}</p> })}
                    <p class="note">{lead_note(i18n, &avg)}</p>
                    <p class="note">{i18n.t(AvgKey::OfvNote)}</p>
                </section>
            }
        })
    }
}

/// A model's row: weight, OFV, its forecast and dose, what it assumed; a
/// model left out with its reason.
fn model_row(i18n: I18n, spec: DrugSpec, m: &AveragedModel) -> impl IntoView {
    let assumed = assumed_list(i18n, m);
    let assumed =
        (!assumed.is_empty()).then(|| view! { <br /><span class="muted">{assumed}</span> });
    let cells = match &m.left_out {
        Some(why) => {
            let reason = fill(
                i18n.t(AvgKey::LeftOut),
                &[("reason", &left_out_text(i18n, why))],
            );
            view! {
                <td data-label=i18n.t(AvgKey::ColWeight)>"0 %"</td>
                <td class="row-warning" colspan="3">{reason}</td>
            }
            .into_any()
        }
        None => view! {
            <td data-label=i18n.t(AvgKey::ColWeight)>{percent(Some(m.weight))}</td>
            <td data-label=i18n.t(AvgKey::ColOfv)>{ofv_text(m.objective)}</td>
            <td data-label=i18n.t(AvgKey::ColNext)>{next_text(m.next_level.as_ref())}</td>
            <td data-label=i18n.t(AvgKey::ColDose)>{dose_text(i18n, spec, m.suggested.as_ref())}</td>
        }
        .into_any(),
    };
    // Its own notes (co-medications, absorption occasions) under its row:
    // they differ between models.
    let notes = (!m.notes.is_empty()).then(|| {
        let items = m
            .notes
            .iter()
            .map(|n| view! { <li>{super::text::note(i18n, n)}</li> })
            .collect_view();
        view! {
            <tr class="model-notes" data-model-notes=m.model_id.clone()>
                <td colspan="5"><ul class="note">{items}</ul></td>
            </tr>
        }
    });
    view! {
        <tr class:flagged=m.left_out.is_some() data-model=m.model_id.clone()>
            <td class="lead" data-label=i18n.t(AvgKey::ColModel)>{m.name.clone()}{assumed}</td>
            {cells}
        </tr>
        {notes}
    }
}

#[cfg(test)]
mod tests {
    use super::super::spec::CYCLOSPORINE;
    use super::super::text::{self, Reason};
    use super::*;
    use crate::i18n::{fixed_i18n, Lang};
    use dmip_engine::estimate::average::LeftOut;
    use dmip_engine::estimate::Weighting;
    use dmip_engine::tdm::{GenotypeBranch, TdmError};

    fn line(name: &str, weight: f64, left_out: Option<ModelLeftOut>) -> AveragedModel {
        AveragedModel {
            model_id: name.to_lowercase().replace(' ', ""),
            name: name.to_owned(),
            weight,
            objective: Some(12.345),
            next_level: Some(NextLevel {
                at: "2026-11-04T10:00:00+09:00".into(),
                metric: "C2".into(),
                value: 702.4,
            }),
            suggested: Some(("csa_q12h_after_meals".into(), 150.0)),
            assumptions: vec![],
            notes: vec![],
            left_out,
        }
    }

    fn average(equal: bool) -> ScreenAverage {
        ScreenAverage {
            weighting: Weighting::Ll,
            equal,
            lead: "press2010_csa".into(),
            next_level: None,
            models: vec![
                line("Press 2010", 0.62, None),
                line("Umpierrez 2021", 0.38, None),
                line(
                    "Other 2020",
                    0.0,
                    Some(ModelLeftOut::Fit(LeftOut::NonPositiveLevel)),
                ),
            ],
        }
    }

    #[test]
    fn the_suggestion_names_the_models_kept_with_their_weights() {
        let en = fixed_i18n(Lang::En);
        let avg = average(false);
        assert_eq!(
            suggest_sentence(en, CYCLOSPORINE, &avg, ("csa_q12h_after_meals", 150.0)),
            "The models' average (Press 2010 62 %; Umpierrez 2021 38 %) suggests 150 mg, \
             twice daily after breakfast and dinner (every 12 h)."
        );
        let ja = fixed_i18n(Lang::Ja);
        assert_eq!(
            suggest_sentence(ja, CYCLOSPORINE, &average(true), ("csa_q12h_after_meals", 150.0)),
            "モデル平均（Press 2010 62 %、Umpierrez 2021 38 %）の推奨：1日2回朝食後・夕食後（12 時間ごと）、1回 150 mg。\
             測定値がないため、各モデルの重みは等しくしています。"
        );
    }

    #[test]
    fn a_model_left_out_gives_its_reason_in_both_languages() {
        let why = ModelLeftOut::Fit(LeftOut::NonPositiveLevel);
        assert_eq!(
            left_out_text(fixed_i18n(Lang::En), &why),
            "a level ≤ 0 cannot be fitted by a model whose error is on ln C"
        );
        assert_eq!(
            left_out_text(fixed_i18n(Lang::Ja), &why),
            "0 以下の測定値は、誤差を ln C 上に置くこのモデルでは当てはめられません"
        );
        let unknown = ModelLeftOut::Error(TdmError::UnknownModel("x".into(), String::new()));
        assert_eq!(
            left_out_text(fixed_i18n(Lang::Ja), &unknown),
            "内蔵モデル「x」がありません"
        );
        let all = [
            ("press2010_csa".to_owned(), why.clone()),
            (
                "umpierrez2021_csa".to_owned(),
                ModelLeftOut::Fit(LeftOut::NotFinite),
            ),
        ];
        assert_eq!(
            text::reason(
                fixed_i18n(Lang::En),
                &Reason::Engine(TdmError::NoModel(all.to_vec()))
            ),
            "no model could be computed: Press 2010: a level ≤ 0 cannot be fitted by a model \
             whose error is on ln C; Umpierrez 2021: the model cannot explain the levels \
             (objective not finite)"
        );
    }

    #[test]
    fn the_report_prints_the_weights_table_line_by_line() {
        let en = fixed_i18n(Lang::En);
        let out = TdmOutput {
            average: Some(average(true)),
            ..empty_output()
        };
        let lines = report_lines(en, CYCLOSPORINE, &out);
        assert_eq!(
            lines[0].text,
            "Average: weight 100 %, OFV -, next level -, its dose -"
        );
        assert_eq!(
            lines[1].text,
            "Press 2010: weight 62 %, OFV 12.35, next level C2 702 ng/mL (2026-11-04 10:00), \
             its dose 150 mg, twice daily after breakfast and dinner (every 12 h)"
        );
        assert_eq!(
            lines[3].text,
            "Other 2020: Left out: a level ≤ 0 cannot be fitted by a model whose error is on ln C"
        );
        assert_eq!(lines[4].text, "No level yet: the models weigh the same.");
        let ja = report_lines(fixed_i18n(Lang::Ja), CYCLOSPORINE, &out);
        assert_eq!(
            ja[1].text,
            "Press 2010：重み 62 %、OFV 12.35、次回の予測 C2 702 ng/mL (2026-11-04 10:00)、推奨 1日2回朝食後・夕食後（12 時間ごと）、1回 150 mg"
        );
        assert!(report_lines(en, CYCLOSPORINE, &empty_output()).is_empty());
        // What a model assumed is printed under its own line.
        let mut avg = average(false);
        avg.models[1].assumptions = vec![Assumption::Typical {
            covariate: "HCT".into(),
            value: 35.0,
            description: "haematocrit".into(),
            unit: "%".into(),
        }];
        let out = TdmOutput {
            average: Some(avg),
            ..empty_output()
        };
        let lines = report_lines(en, CYCLOSPORINE, &out);
        assert!(lines[1].notes.is_empty());
        assert_eq!(
            lines[2].notes,
            ["Covariates not given, at the model's default: HCT 35.0 % (typical value assumed)"]
        );
        // The same note under a second model is referred to.
        let mut avg = average(false);
        avg.models[0].assumptions = out.average.as_ref().expect("avg").models[1]
            .assumptions
            .clone();
        avg.models[1].assumptions = avg.models[0].assumptions.clone();
        let twice = TdmOutput {
            average: Some(avg),
            ..empty_output()
        };
        let lines = report_lines(en, CYCLOSPORINE, &twice);
        assert_eq!(lines[1].notes.len(), 1);
        assert_eq!(lines[2].notes, ["Same note as Press 2010"]);
        let ja = report_lines(fixed_i18n(Lang::Ja), CYCLOSPORINE, &out);
        assert_eq!(
            ja[2].notes,
            ["未入力の共変量は既定値：HCT 35.0 %（典型値を仮定）"]
        );
    }

    #[test]
    fn what_each_model_assumed_is_said_in_a_few_words() {
        let mut avg = average(false);
        avg.models[0].assumptions = vec![Assumption::Typical {
            covariate: "HCT".into(),
            value: 35.0,
            description: "haematocrit".into(),
            unit: "%".into(),
        }];
        avg.models[1].assumptions = vec![Assumption::Genotype {
            covariate: "CYP3A5".into(),
            chosen: 0.0,
            branches: vec![
                GenotypeBranch {
                    value: 0.0,
                    prior: 0.56,
                    weight: 0.84,
                    objective: Some(3.0),
                    suggested: None,
                    error: None,
                },
                GenotypeBranch {
                    value: 1.0,
                    prior: 0.44,
                    weight: 0.16,
                    objective: Some(6.0),
                    suggested: None,
                    error: None,
                },
            ],
            population: "",
            source: "",
        }];
        assert_eq!(
            assumed_sentence(fixed_i18n(Lang::En), &avg).as_deref(),
            Some(
                "Covariates not given are computed with each model's stated default: \
                 Press 2010: HCT 35.0 % (typical value assumed); Umpierrez 2021: CYP3A5: \
                 non-expresser (*3/*3) (84 %)."
            )
        );
        let ja = assumed_sentence(fixed_i18n(Lang::Ja), &avg).expect("a sentence");
        assert!(ja.starts_with("未入力の共変量は各モデルの既定値で計算しています：Press 2010：HCT 35.0 %（典型値を仮定）、Umpierrez 2021：CYP3A5："), "{ja}");
        assert_eq!(
            assumed_sentence(fixed_i18n(Lang::En), &average(false)),
            None
        );
    }

    fn empty_output() -> TdmOutput {
        TdmOutput {
            origin: String::new(),
            levels: vec![],
            fit: None,
            curves: dmip_engine::tdm::Curves {
                plan: None,
                time_h: vec![],
                population: vec![],
                individual: None,
                band: None,
                dose_times_h: vec![],
                dose_amounts_mg: vec![],
                now_h: 0.0,
            },
            aucs: vec![],
            lss: vec![],
            advice: None,
            notes: vec![],
            unmatched_changes: vec![],
            assumptions: vec![],
            fit_check: dmip_engine::tdm::FitCheck {
                proportional: None,
                warnings: vec![],
                keep: None,
            },
            hold: None,
            daily_doses: vec![],
            transitions: vec![],
            next_sample: None,
            other_models: vec![],
            average: None,
        }
    }
}
