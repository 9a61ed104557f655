//! The headline of a drug screen, one paragraph in the UI language: the
//! latest level against the aim; the co-medications that matter before any
//! dose (禁忌, level changes with their numbers; `comeds`); why nothing
//! could be computed; keep the
//! dose (an in-range patient) or the model's suggestion (of an average:
//! with each model's weight); the fit check; a toxic level, whatever else
//! failed; the hold plan; what was assumed.

use super::assumed;
use super::average;
use super::checked;
use super::comeds;
use super::spec::DrugSpec;
use super::summary::{range_text, Status, Summary, TargetKind, CONC_UNIT};
use super::text::{self, status, Reason};
use crate::format::{significant, tick};
use crate::i18n::{fill, I18n, Key};
use dmip_engine::clinical::interactions::InteractionReport;
use dmip_engine::tdm::{LevelRow, TdmOutput};

/// The headline of `summary` and the engine's `output`.
pub fn text(
    i18n: I18n,
    spec: DrugSpec,
    summary: &Summary,
    output: Result<&TdmOutput, &Reason>,
    levels: &[LevelRow],
    interactions: &InteractionReport,
) -> String {
    let aim = &summary.rows[0];
    let metric = aim.range.metric.label();
    let mut line = match (aim.observed, aim.status) {
        (Some(v), Some(st)) => fill(
            i18n.t(Key::TdmSummaryLevel),
            &[
                ("metric", &metric),
                ("value", &format!("{} {CONC_UNIT}", significant(v, 3))),
                ("status", status(i18n, st)),
                ("range", &range_text(&aim.range)),
            ],
        ),
        _ => fill(i18n.t(Key::TdmSummaryNoLevel), &[("metric", &metric)]),
    };
    let mut push = |text: &str| {
        if !line.is_empty() {
            line.push_str(i18n.sentence_gap());
        }
        line.push_str(text);
    };
    for sentence in comeds::sentences(i18n, interactions) {
        push(&sentence);
    }
    let out = match output {
        Err(e) => {
            push(&fill(
                i18n.t(Key::TdmNotComputable),
                &[("reason", &text::reason(i18n, e))],
            ));
            None
        }
        Ok(out) => Some(out),
    };
    let check = out.map(|o| &o.fit_check);
    let average = out.and_then(|o| o.average.as_ref());
    let averaged = average.is_some();
    if let Some(k) = check.and_then(|c| checked::keep_sentence(i18n, spec, c, averaged)) {
        push(&k);
    }
    // An in-range patient the model does not move keeps the dose.
    let suggestion = summary
        .suggestion
        .as_ref()
        .filter(|_| !check.is_some_and(checked::keeps));
    if let Some((id, mg)) = suggestion {
        match average {
            Some(a) => push(&average::suggest_sentence(i18n, spec, a, (id, *mg))),
            None => {
                let name = spec
                    .regimen(id)
                    .map_or(id.clone(), |r| i18n.t(r.name).to_owned());
                push(&fill(
                    i18n.t(Key::TdmSummarySuggest),
                    &[("dose", &tick(*mg)), ("regimen", &name)],
                ));
            }
        }
        if aim.status == Some(Status::Below) {
            if let Some(start) = out.and_then(|o| checked::advice_start(o, id, *mg)) {
                push(&fill(i18n.t(Key::TdmLowNoExtra), &[("start", &start)]));
            }
        }
    }
    let misfit = check.map_or(vec![], |c| {
        checked::misfit_sentences(i18n, spec, c, levels, averaged)
    });
    for sentence in misfit {
        push(&sentence);
    }
    if let Some(s) = out.and_then(|o| checked::other_models_sentence(i18n, spec, &o.other_models)) {
        push(&s);
    }
    if summary
        .rows
        .iter()
        .any(|r| r.kind == TargetKind::Warning && r.status == Some(Status::Above))
    {
        push(i18n.t(Key::TdmSummaryTooHigh));
    }
    if let Some(h) = out.and_then(|o| o.hold.as_ref()) {
        push(&checked::hold_sentence(i18n, spec, h));
    }
    // Of an average, each model's assumptions in a few words (in full in
    // the model section).
    match average {
        Some(a) => {
            if let Some(s) = average::assumed_sentence(i18n, a) {
                push(&s);
            }
        }
        None => {
            for sentence in out.map_or(vec![], |o| assumed::sentences(i18n, spec, &o.assumptions)) {
                push(&sentence);
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::spec::TACROLIMUS;
    use super::super::summary::summarize;
    use super::*;
    use crate::i18n::use_i18n;
    use crate::i18n::{fixed_i18n, Lang};
    use dmip_engine::clinical::interactions::{check_subject, Subject};
    use dmip_engine::tdm::{defaults, view::DateTime, Drug, SampleLabel, TdmError};

    fn trough(value: f64) -> Vec<LevelRow> {
        vec![LevelRow {
            sampled: DateTime::parse_from_rfc3339("2026-11-03T07:55:00+09:00").expect("time"),
            value_ng_ml: Some(value),
            blq: false,
            lloq_ng_ml: None,
            label: SampleLabel::C0,
            assay: None,
        }]
    }

    #[test]
    fn interactions_come_before_anything_else_is_said() {
        let levels = trough(7.0);
        let aim = defaults(Drug::Tacrolimus).aim.range;
        let summary = summarize(Drug::Tacrolimus, aim, None, &levels, None);
        let reason = Reason::Engine(TdmError::NoDoses);
        let comeds = check_subject(
            &[
                "スピロノラクトン",
                "ST合剤",
                "アムホテリシンB",
                "生ワクチン",
                "ボリコナゾール",
            ],
            Subject::Tacrolimus,
        );
        let ja = text(
            use_i18n(),
            TACROLIMUS,
            &summary,
            Err(&reason),
            &levels,
            &comeds,
        );
        assert!(
            ja.starts_with(
                "最新の C0（7.00 ng/mL）は目標範囲 5–10 ng/mL に対して範囲内です。タクロリムスと併用禁忌（添付文書）：スピロノラクトン、生ワクチン — 併用しないこととされています。タクロリムスの血中濃度を変える併用薬：ボリコナゾール（↑上昇：タクロリムスの濃度/投与量比 +115.6 %"
            ),
            "{ja}"
        );
        assert!(ja.contains("ほかに併用注意・区分不明の併用薬 2 件"), "{ja}");
        let not_computable = ja.find("計算できません").expect(&ja);
        assert!(
            ja.find("併用禁忌").is_some_and(|i| i < not_computable),
            "{ja}"
        );
        let en = text(
            fixed_i18n(Lang::En),
            TACROLIMUS,
            &summary,
            Err(&reason),
            &levels,
            &comeds,
        );
        assert!(
            en.contains("Contraindicated with tacrolimus (Japanese label, 禁忌): spironolactone, live vaccines — the label says not to combine them. Co-medications that change the tacrolimus level: voriconazole (↑ rise: tacrolimus concentration/dose ratio +115.6 %"),
            "{en}"
        );
    }

    #[test]
    fn a_toxic_trough_is_flagged_when_nothing_can_be_computed() {
        let levels = trough(25.0);
        let aim = defaults(Drug::Tacrolimus).aim.range;
        let summary = summarize(Drug::Tacrolimus, aim, None, &levels, None);
        let reason = Reason::Engine(TdmError::NoDoses);
        // The default language outside the app: Japanese.
        let none = check_subject(&[], Subject::Tacrolimus);
        let line = text(
            use_i18n(),
            TACROLIMUS,
            &summary,
            Err(&reason),
            &levels,
            &none,
        );
        assert!(
            line.starts_with(
                "最新の C0（25.0 ng/mL）は目標範囲 5–10 ng/mL に対して高値です。計算できません："
            ),
            "{line}"
        );
        assert!(
            line.ends_with("警告：有害事象が増える濃度に達しています。"),
            "{line}"
        );
    }
}
