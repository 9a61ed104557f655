//! The adverse-event checks, one card each: baseline, latest, change, the
//! threshold with its source (or why it is unavailable), the drugs on that
//! the pack ties to the concern.

use super::session::Safety;
use super::text;
use crate::format::significant;
use crate::i18n::{fill, use_i18n, I18n, SafetyKey};
use dmip_engine::clinical::adverse::AdverseCheck;
use dmip_engine::clinical::analyte::{Analyte, LimitKind};
use dmip_engine::clinical::biomarkers::TrendPoint;
use dmip_engine::clinical::{ClinicalError, Status};
use leptos::prelude::*;

/// A signed number: "+0.300", "−12.5".
fn signed(x: f64) -> String {
    let s = significant(x.abs(), 3);
    if x > 0.0 {
        format!("+{s}")
    } else if x < 0.0 {
        format!("−{s}")
    } else {
        s
    }
}

fn point(i18n: I18n, p: Option<&TrendPoint>, unit: &str) -> String {
    p.map_or_else(
        || i18n.t(SafetyKey::NoResult).to_owned(),
        |p| format!("{} {unit} ({})", significant(p.value, 3), p.date),
    )
}

/// "0.700 (01-10) → 0.850 (01-24) → 1.00 (02-10)": the values by date.
fn series(points: &[TrendPoint]) -> String {
    points
        .iter()
        .map(|p| format!("{} ({})", significant(p.value, 3), p.date.format("%m-%d")))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn change(c: &AdverseCheck) -> Option<String> {
    let abs = c.change?;
    let pct = c
        .change_pct
        .map(|p| format!(" ({} %)", signed(p)))
        .unwrap_or_default();
    Some(format!("{} {}{pct}", signed(abs), c.unit.symbol()))
}

fn threshold(i18n: I18n, c: &AdverseCheck) -> String {
    match &c.threshold {
        Status::Available { value } => {
            let kind = match value.kind {
                LimitKind::Below => "<",
                LimitKind::AtMost => "≤",
                LimitKind::StudyCutOff => i18n.t(SafetyKey::CutOff),
            };
            format!(
                "{kind} {} {} — {}",
                significant(value.value, 3),
                value.unit.symbol(),
                value.source.citation()
            )
        }
        Status::Unavailable { gap } => fill(
            i18n.t(SafetyKey::Unavailable),
            &[("reason", &text::gap(*gap, i18n.lang()))],
        ),
    }
}

fn slug(a: Analyte) -> String {
    format!("{a:?}").to_lowercase()
}

fn body(i18n: I18n, c: AdverseCheck) -> AnyView {
    let lang = i18n.lang();
    let unit = c.unit.symbol();
    let links: Vec<String> = c
        .links
        .iter()
        .map(|l| {
            fill(
                i18n.t(SafetyKey::LinkedBy),
                &[
                    ("drug", text::subject(l.drug, lang)),
                    ("concern", text::concern(l.concern, lang)),
                    ("source", l.source.citation()),
                ],
            )
        })
        .collect();
    let skipped = (!c.not_comparable.is_empty()).then(|| {
        let dates: Vec<String> = c.not_comparable.iter().map(|d| d.to_string()).collect();
        fill(
            i18n.t(SafetyKey::NotComparable),
            &[("dates", &dates.join(", "))],
        )
    });
    view! {
        <dl class="safety-facts">
            <dt>{i18n.t(SafetyKey::Baseline)}</dt>
            <dd class="baseline">{point(i18n, c.baseline.as_ref(), unit)}</dd>
            <dt>{i18n.t(SafetyKey::Latest)}</dt>
            <dd class="latest">{point(i18n, c.latest.as_ref(), unit)}</dd>
            {(c.points.len() > 2).then(|| view! {
                <dt>{i18n.t(SafetyKey::Trend)}</dt>
                <dd class="trend">{series(&c.points)}</dd>
            })}
            <dt>{i18n.t(SafetyKey::Change)}</dt>
            <dd class="change">{change(&c).unwrap_or_else(|| "—".to_owned())}</dd>
            <dt>{i18n.t(SafetyKey::Threshold)}</dt>
            <dd class="threshold">{threshold(i18n, &c)}</dd>
        </dl>
        {links.into_iter().map(|t| view! { <p class="safety-link">{t}</p> }).collect_view()}
        {skipped.map(|t| view! { <p class="field-error">{t}</p> })}
    }
    .into_any()
}

fn card(
    i18n: I18n,
    analyte: Analyte,
    result: Result<AdverseCheck, ClinicalError>,
) -> impl IntoView {
    let lang = i18n.lang();
    let concern = dmip_engine::clinical::adverse::CHECKED
        .iter()
        .find(|(a, _)| *a == analyte)
        .map(|(_, c)| text::concern(*c, lang))
        .unwrap_or_default();
    let content = match result {
        Ok(c) => body(i18n, c),
        Err(e) => view! { <p class="field-error">{text::error(&e, "", lang)}</p> }.into_any(),
    };
    view! {
        <article class="safety-check" data-analyte=slug(analyte)>
            <h4>
                {text::capitalised(text::analyte(analyte, lang))} " "
                <span class="unit">"(" {analyte.canonical_unit().symbol()} ")"</span>
            </h4>
            <p class="safety-concern">{fill(i18n.t(SafetyKey::WatchFor), &[("concern", concern)])}</p>
            {content}
        </article>
    }
}

/// Cards for the checks with results (or an error); one line naming the rest.
#[component]
pub fn AdverseChecks(safety: Memo<Safety>) -> impl IntoView {
    let i18n = use_i18n();
    let split = Memo::new(move |_| {
        let (shown, empty): (Vec<_>, Vec<_>) = safety
            .get()
            .checks
            .into_iter()
            .partition(|(_, r)| r.as_ref().map_or(true, |c| c.count > 0));
        let names: Vec<&str> = empty
            .iter()
            .map(|(a, _)| text::analyte(*a, i18n.lang()))
            .collect();
        (shown, names.join(", "))
    });
    view! {
        <div class="safety-checks" id="safety-checks">
            {move || split.get().0.into_iter().map(|(a, r)| card(i18n, a, r)).collect_view()}
        </div>
        {move || {
            let names = split.get().1;
            (!names.is_empty()).then(|| view! {
                <p class="note" id="safety-checks-empty">
                    {fill(i18n.t(SafetyKey::NoResultsFor), &[("names", &names)])}
                </p>
            })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_are_explicit() {
        assert_eq!(signed(0.3), "+0.300");
        assert_eq!(signed(-12.5), "−12.5");
        assert_eq!(signed(0.0), "0");
    }
}
