//! The printed report's clinical part: key laboratory results (latest value and
//! change from the first comparable one, from `dmip_engine::labs::rows`), the
//! IV cyclophosphamide totals (the planner's ledger), and one line per risk
//! model (details on the Biomarkers screen).

use crate::format::tick;
use crate::i18n::{fill, use_i18n, Key, Lang};
use crate::ivcy_ui::ledger;
use crate::labs_ui::risk_summary;
use crate::labs_ui::text::{analyte_name, date_text, num};
use dmip_engine::clinical::analyte::Analyte;
use dmip_engine::labs::rows;
use dmip_engine::record::PatientRecord;
use leptos::prelude::*;

/// One line per analyte with results: the latest, and its % change.
pub fn lab_lines(r: &PatientRecord, lang: Lang, line: &str, change: &str) -> Vec<String> {
    Analyte::ALL
        .into_iter()
        .filter_map(|a| {
            let last = rows(&r.labs, a, r.patient.sex).pop()?;
            let pct = last
                .change_pct
                .map(|p| fill(change, &[("pct", &format!("{p:+.1} %"))]))
                .unwrap_or_default();
            Some(fill(
                line,
                &[
                    ("name", analyte_name(lang, a)),
                    ("value", &num(last.result.value)),
                    ("unit", last.result.unit.symbol()),
                    ("date", &date_text(last.result.date)),
                    ("change", &pct),
                ],
            ))
        })
        .collect()
}

/// Laboratory results, IVCY totals and risk models of `r`.
pub fn clinical_sections(r: &PatientRecord) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let none = i18n.t(Key::ReportNotRecorded);
    let labs = lab_lines(
        r,
        lang,
        i18n.t(Key::ReportLabLine),
        i18n.t(Key::ReportLabChange),
    );
    let labs = if labs.is_empty() {
        view! { <p>{none}</p> }.into_any()
    } else {
        view! { <ul id="report-labs">{labs.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
            .into_any()
    };
    let ivcy = match ledger(r) {
        Ok(s) if s.pulses > 0 => fill(
            i18n.t(Key::ReportIvcyTotal),
            &[
                ("pulses", &s.pulses.to_string()),
                ("grams", &tick(s.cumulative_g)),
                (
                    "per_m2",
                    &s.cumulative_g_per_m2
                        .map_or_else(|| "— g/m²".to_owned(), |g| format!("{} g/m²", tick(g))),
                ),
            ],
        ),
        _ => none.to_owned(),
    };
    let risk = risk_summary(i18n, r)
        .into_iter()
        .map(|l| view! { <li>{l}</li> })
        .collect_view();
    view! {
        <section class="report-labs">
            <h3>{i18n.t(Key::ReportKeyLabs)}</h3>
            {labs}
        </section>
        <section class="report-ivcy">
            <h3>{i18n.t(Key::ReportIvcy)}</h3>
            <p id="report-ivcy">{ivcy}</p>
        </section>
        <section class="report-risk">
            <h3>{i18n.t(Key::ReportRisk)}</h3>
            <ul id="report-risk">{risk}</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use dmip_engine::clinical::analyte::Assay;
    use dmip_engine::clinical::biomarkers::LabResult;
    use dmip_engine::clinical::units::Unit;

    #[test]
    fn the_latest_result_and_its_change_from_the_first() {
        let mut r = PatientRecord::new("t");
        let kl6 = |d: u32, value: f64| LabResult {
            analyte: Analyte::Kl6,
            date: NaiveDate::from_ymd_opt(2026, 10, d).unwrap_or_default(),
            value,
            unit: Unit::UPerMl,
            assay: Some(Assay::Kl6BmlCleia),
        };
        r.labs = vec![kl6(1, 1200.0), kl6(20, 1500.0)];
        let lines = lab_lines(
            &r,
            Lang::En,
            "{name}: {value} {unit} ({date}){change}",
            ", {pct} from the first",
        );
        assert_eq!(
            lines,
            ["KL-6: 1500 U/mL (2026-10-20), +25.0 % from the first"]
        );
        assert!(lab_lines(&PatientRecord::new("e"), Lang::En, "{name}", "").is_empty());
    }
}
