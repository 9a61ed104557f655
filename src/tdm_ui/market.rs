//! The market whose products the dose advice is made of: a setting of
//! this browser (not patient data), Japan unless changed, remembered in
//! localStorage like the language.

use crate::i18n::{use_i18n, DoseKey};
use dmip_engine::tdm::Market;
use leptos::prelude::*;

const STORAGE_KEY: &str = "dmip.market";

fn tag(m: Market) -> &'static str {
    match m {
        Market::Japan => "jp",
        Market::ModelFile => "model",
    }
}

fn from_tag(t: &str) -> Option<Market> {
    [Market::Japan, Market::ModelFile]
        .into_iter()
        .find(|m| tag(*m) == t)
}

/// This browser's settings store (the language's, the market's, the
/// drug screen's fold).
pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored choice (Japan when none or storage is refused).
pub fn stored() -> Market {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .as_deref()
        .and_then(from_tag)
        .unwrap_or_default()
}

#[derive(Clone, Copy)]
struct MarketSetting(RwSignal<Market>);

/// Creates the setting from the stored choice and provides it.
pub fn provide_market() {
    provide_context(MarketSetting(RwSignal::new(stored())));
}

/// The provided setting (a fresh one from storage outside the app).
pub fn use_market() -> RwSignal<Market> {
    use_context::<MarketSetting>()
        .map(|m| m.0)
        .unwrap_or_else(|| RwSignal::new(stored()))
}

/// The choice, on the advice panel.
#[component]
pub fn MarketChoice(slug: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let market = use_market();
    let id = format!("{slug}-market");
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.tx(DoseKey::Market)}</label>
            <select
                id=id
                on:change=move |ev| {
                    if let Some(m) = from_tag(&event_target_value(&ev)) {
                        market.set(m);
                        if let Some(s) = storage() {
                            // Failing to remember the choice is harmless.
                            let _ = s.set_item(STORAGE_KEY, tag(m));
                        }
                    }
                }
            >
                {[(Market::Japan, DoseKey::MarketJapan), (Market::ModelFile, DoseKey::MarketModelFile)]
                    .into_iter()
                    .map(|(m, k)| view! {
                        <option value=tag(m) selected=move || market.get() == m>{i18n.tx(k)}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for m in [Market::Japan, Market::ModelFile] {
            assert_eq!(from_tag(tag(m)), Some(m));
        }
        assert_eq!(from_tag("us"), None);
    }
}
