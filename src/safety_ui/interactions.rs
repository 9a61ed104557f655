//! The interaction table of each label checked: the co-medication as typed
//! and the drug it was read as, category (禁忌 / 併用注意 as the label writes
//! it), the label's wording, the change in the CsA / TAC blood level ("levels
//! will change — recheck", with numbers where a study gives them), sources.
//! Names not found are listed as not checked (with the nearest known name),
//! known drugs without a row as such. The report shows the same tables.

use super::session::Safety;
use super::text;
use crate::i18n::{fill, use_i18n, I18n, SafetyKey};
use dmip_engine::clinical::interactions::{Hit, InteractionReport, LevelChange, Severity};
use dmip_engine::clinical::Status;
use leptos::prelude::*;

fn category_cell(i18n: I18n, h: &Hit) -> AnyView {
    let lang = i18n.lang();
    match &h.category {
        Status::Available {
            value: Severity::Contraindicated,
        } => view! {
            <strong class="safety-cat contra">{text::severity(Severity::Contraindicated, lang)}</strong>
        }
        .into_any(),
        Status::Available { value } => {
            view! { <span class="safety-cat caution">{text::severity(*value, lang)}</span> }
                .into_any()
        }
        Status::Unavailable { gap } => view! {
            <span class="safety-cat unknown">
                {i18n.t(SafetyKey::CategoryUnavailable)} " " {text::gap(*gap, lang)}
            </span>
        }
        .into_any(),
    }
}

fn level_text(i18n: I18n, level: LevelChange) -> Option<&'static str> {
    match level {
        LevelChange::Up => Some(i18n.t(SafetyKey::LevelUp)),
        LevelChange::Down => Some(i18n.t(SafetyKey::LevelDown)),
        LevelChange::NotStated => None,
    }
}

fn row(i18n: I18n, h: Hit) -> impl IntoView {
    let lang = i18n.lang();
    let contra = h.category.clone().available() == Some(Severity::Contraindicated);
    let read_as = fill(
        i18n.t(SafetyKey::ReadAs),
        &[("drug", text::drug_name(&h, lang))],
    );
    let partner = fill(
        i18n.t(SafetyKey::PartnerAs),
        &[("partner", text::partner(&h, lang))],
    );
    let level = level_text(i18n, h.level);
    let quantified = text::quantified(&h, lang);
    view! {
        <tr class:contra=contra data-drug=h.drug.clone()>
            <td data-label=i18n.t(SafetyKey::ColComed)>
                <span class="safety-comed-name">{h.co_medication.clone()}</span>
                <span class="safety-read-as">{read_as}</span>
                <span class="safety-partner">{partner}</span>
            </td>
            <td data-label=i18n.t(SafetyKey::ColCategory)>{category_cell(i18n, &h)}</td>
            <td data-label=i18n.t(SafetyKey::ColEffect)>{text::effect(&h, lang)}</td>
            <td data-label=i18n.t(SafetyKey::ColLevel)>
                {level.map(|t| view! { <strong class="safety-recheck">{t}</strong> })}
                {quantified.map(|t| view! { <span class="safety-quantified">{t}</span> })}
            </td>
            <td class="source" data-label=i18n.t(SafetyKey::ColSource)>{text::sources(&h.sources)}</td>
        </tr>
    }
}

/// One label's table; `id` prefixes the element id (`safety-int`,
/// `report-int`).
pub(crate) fn report_view(i18n: I18n, r: InteractionReport, id: &str) -> impl IntoView {
    let lang = i18n.lang();
    let name = text::subject(r.subject, lang);
    let id = format!("{id}-{}", r.subject.en());
    let heading = fill(
        i18n.t(SafetyKey::LabelOf),
        &[("drug", &text::capitalised(name))],
    );
    let unlisted = text::not_checked(&r, lang).map(|names| {
        fill(
            i18n.t(SafetyKey::NotInTable),
            &[("drug", name), ("names", &names)],
        )
    });
    let no_row = text::no_row(&r, lang).map(|names| {
        fill(
            i18n.t(SafetyKey::NoRow),
            &[("drug", name), ("names", &names)],
        )
    });
    let empty = r.hits.is_empty();
    let recheck = r
        .recheck_levels
        .then(|| fill(i18n.t(SafetyKey::RecheckBanner), &[("drug", name)]));
    view! {
        <div class="safety-report" id=id.clone()>
            <h4>{heading}</h4>
            {recheck.map(|t| view! { <p class="safety-banner" role="status">{t}</p> })}
            <div class="table-wrap">
                <table class="tdm-table safety-int">
                    <thead>
                        <tr>
                            <th>{i18n.t(SafetyKey::ColComed)}</th>
                            <th>{i18n.t(SafetyKey::ColCategory)}</th>
                            <th>{i18n.t(SafetyKey::ColEffect)}</th>
                            <th>{i18n.t(SafetyKey::ColLevel)}</th>
                            <th>{i18n.t(SafetyKey::ColSource)}</th>
                        </tr>
                    </thead>
                    <tbody>{r.hits.into_iter().map(|h| row(i18n, h)).collect_view()}</tbody>
                </table>
            </div>
            {empty.then(|| view! { <p class="note">{i18n.t(SafetyKey::NoHits)}</p> })}
            {unlisted.map(|t| view! { <p class="safety-unlisted" role="status">{t}</p> })}
            {no_row.map(|t| view! { <p class="safety-no-row">{t}</p> })}
            <ul class="note safety-notes">
                {r.notes.into_iter().map(|n| view! { <li>{text::note(n, lang)} " — " {n.source().citation()}</li> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn InteractionTables(safety: Memo<Safety>) -> impl IntoView {
    let i18n = use_i18n();
    let scope = move || {
        safety.with(|s| {
            if s.on.is_empty() {
                i18n.t(SafetyKey::ScopeBoth).to_owned()
            } else {
                let names: Vec<&str> =
                    s.on.iter()
                        .map(|d| text::subject(*d, i18n.lang()))
                        .collect();
                fill(i18n.t(SafetyKey::ScopeOn), &[("drugs", &names.join(", "))])
            }
        })
    };
    view! {
        <p class="note" id="safety-scope">{scope}</p>
        {move || safety.get().reports.into_iter().map(|r| report_view(i18n, r, "safety-int")).collect_view()}
    }
}
