//! Printable report: the open record in plain language first, then the
//! numbers (one or two A4 pages with the print CSS). Each drug's section:
//! `report_drug.rs`; the co-medications and their label rows:
//! `report_comeds.rs`; the clinical sections: `report_clinical.rs`.

use super::report_clinical::clinical_sections;
use super::report_comeds::comed_section;
use super::report_drug::drug_section;
use super::{Screen, ScreenFrame};
use crate::app::{BUILD, VERSION};
use crate::i18n::{fill, use_i18n, Key, Lang};
use crate::state::use_record;
use dmip_engine::tdm::view::{DateTime, FixedOffset};
use dmip_engine::tdm::Drug;
use leptos::prelude::*;

fn opt(x: Option<f64>, unit: &str, none: &str) -> String {
    x.map(|v| format!("{v} {unit}").trim_end().to_string())
        .unwrap_or_else(|| none.to_string())
}

/// A date as the language writes it: 2026年4月1日 / 1 Apr 2026.
pub(super) fn date(lang: Lang, y: u32, m: u32, d: u32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Ja => format!("{y}年{m}月{d}日"),
        Lang::En => format!(
            "{d} {} {y}",
            MONTHS
                .get(m.wrapping_sub(1) as usize)
                .copied()
                .unwrap_or("?")
        ),
    }
}

/// `text` holding year, month, day, hour, minute (any separators) as the
/// language writes it; `text` itself when it does not.
pub(super) fn date_time_text(lang: Lang, text: &str) -> String {
    let n: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|p| p.parse().ok())
        .collect();
    match n.as_slice() {
        [y, m, d, h, mi, ..] => format!("{} {h:02}:{mi:02}", date(lang, *y, *m, *d)),
        _ => text.to_string(),
    }
}

pub(super) fn clock(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    date_time_text(lang, &t.format("%Y-%m-%d %H:%M").to_string())
}

fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    date(lang, d.get_full_year(), d.get_month() + 1, d.get_date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(date(Lang::Ja, 2026, 4, 1), "2026年4月1日");
        assert_eq!(date(Lang::En, 2026, 4, 1), "1 Apr 2026");
        assert_eq!(
            date_time_text(Lang::Ja, "2026-11-03T07:50"),
            "2026年11月3日 07:50"
        );
        assert_eq!(
            date_time_text(Lang::En, "2026-11-03T07:50"),
            "3 Nov 2026 07:50"
        );
        assert_eq!(date_time_text(Lang::En, ""), "");
    }
}

#[component]
pub fn ReportScreen() -> impl IntoView {
    let i18n = use_i18n();
    let record = use_record();
    view! {
        <ScreenFrame screen=Screen::Report>
            <button type="button" class="no-print" id="report-print"
                on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                {i18n.tx(Key::Print)}
            </button>
            <article class="report" id="report">
                {move || {
                    let r = record.record.get();
                    let none = i18n.t(Key::ReportNotRecorded);
                    let p = &r.patient;
                    let label = if r.label.is_empty() { none.to_string() } else { r.label.clone() };
                    view! {
                        <header class="report-head">
                            <p class="report-date">{today(i18n.lang())}</p>
                            <p>{i18n.t(Key::ReportPlain)}</p>
                        </header>
                        <section>
                            <h3>{i18n.t(Key::ReportPatient)}</h3>
                            <dl class="report-facts">
                                <dt>{i18n.t(Key::RecLabel)}</dt><dd id="report-label">{label}</dd>
                                <dt>{i18n.t(Key::ReportAge)}</dt><dd>{opt(p.age_years, "", none)}</dd>
                                <dt>{i18n.t(Key::ReportWeight)}</dt><dd>{opt(p.weight_kg, "kg", none)}</dd>
                                <dt>{i18n.t(Key::ReportHeight)}</dt><dd>{opt(p.height_cm, "cm", none)}</dd>
                                <dt>{i18n.t(Key::ReportCreatinine)}</dt><dd>{opt(p.creatinine_mg_dl(), "mg/dL", none)}</dd>
                            </dl>
                        </section>
                        {drug_section(&r, Drug::Cyclosporine, i18n.lang())}
                        {drug_section(&r, Drug::Tacrolimus, i18n.lang())}
                        {comed_section(&r)}
                        {clinical_sections(&r)}
                        <footer class="report-foot">
                            <p>{fill(i18n.t(Key::ReportFooter), &[("version", VERSION)])}" · "{i18n.t(Key::ReportBuild)}" "{BUILD}</p>
                            <p>{i18n.t(Key::Disclaimer)}</p>
                        </footer>
                    }
                }}
            </article>
        </ScreenFrame>
    }
}
