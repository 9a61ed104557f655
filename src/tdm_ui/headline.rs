//! The headline of a drug screen, one paragraph in the UI language: the
//! latest level against the aim; why nothing could be computed; keep the
//! dose (an in-range patient) or the model's suggestion; the fit check; a
//! toxic level, whatever else failed; the hold plan; what was assumed.

use super::assumed;
use super::checked;
use super::spec::DrugSpec;
use super::summary::{range_text, Status, Summary, TargetKind, CONC_UNIT};
use super::text::{self, status, Reason};
use crate::format::{significant, tick};
use crate::i18n::{fill, I18n, Key};
use dmip_engine::tdm::{LevelRow, TdmOutput};

/// The headline of `summary` and the engine's `output`.
pub fn text(
    i18n: I18n,
    spec: DrugSpec,
    summary: &Summary,
    output: Result<&TdmOutput, &Reason>,
    levels: &[LevelRow],
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
    if let Some(k) = check.and_then(|c| checked::keep_sentence(i18n, spec, c)) {
        push(&k);
    }
    // An in-range patient the model does not move keeps the dose.
    let suggestion = summary
        .suggestion
        .as_ref()
        .filter(|_| !check.is_some_and(checked::keeps));
    if let Some((id, mg)) = suggestion {
        let name = spec
            .regimen(id)
            .map_or(id.clone(), |r| i18n.t(r.name).to_owned());
        push(&fill(
            i18n.t(Key::TdmSummarySuggest),
            &[("dose", &tick(*mg)), ("regimen", &name)],
        ));
    }
    for sentence in check.map_or(vec![], |c| checked::misfit_sentences(i18n, spec, c, levels)) {
        push(&sentence);
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
    for sentence in out.map_or(vec![], |o| assumed::sentences(i18n, spec, &o.assumptions)) {
        push(&sentence);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::spec::TACROLIMUS;
    use super::super::summary::summarize;
    use super::*;
    use crate::i18n::use_i18n;
    use dmip_engine::tdm::{defaults, view::DateTime, Drug, SampleLabel, TdmError};

    #[test]
    fn a_toxic_trough_is_flagged_when_nothing_can_be_computed() {
        let levels = vec![LevelRow {
            sampled: DateTime::parse_from_rfc3339("2026-11-03T07:55:00+09:00").expect("time"),
            value_ng_ml: Some(25.0),
            blq: false,
            lloq_ng_ml: None,
            label: SampleLabel::C0,
            assay: None,
        }];
        let aim = defaults(Drug::Tacrolimus).aim.range;
        let summary = summarize(Drug::Tacrolimus, aim, None, &levels, None);
        let reason = Reason::Engine(TdmError::NoDoses);
        // The default language outside the app: Japanese.
        let line = text(use_i18n(), TACROLIMUS, &summary, Err(&reason), &levels);
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
