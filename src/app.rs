//! The app shell: header (name, version, language switch), navigation and
//! the current screen.

use crate::i18n::{provide_i18n, Key, Lang};
use crate::screens::Screen;
use crate::state::provide_record;
use crate::storage::conflict::ConflictStatus;
use crate::storage::live::provide_vault;
use crate::storage::save_state::SaveStatus;
use leptos::prelude::*;

/// The app version, from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The commit the app was built from (`build.rs`; "unknown" outside git).
pub const BUILD: &str = env!("DMIP_BUILD");

/// The screen named by the page's URL fragment.
fn screen_from_location() -> Screen {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| Screen::from_hash(&h))
        .unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    crate::tdm_ui::market::provide_market();
    let record = provide_record();
    provide_vault(record);
    let screen = RwSignal::new(screen_from_location());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        screen.set(screen_from_location())
    });
    on_cleanup(move || listener.remove());

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{i18n.tx(Key::AppName)}</h1>
                <span class="version" title=i18n.tx(Key::Version)>
                    "v"{VERSION}
                </span>
                <p class="tagline">{i18n.tx(Key::AppTagline)}</p>
            </div>
            <div class="lang-switch" role="group" aria-label=i18n.tx(Key::LangSwitch)>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <button
                                type="button"
                                lang=lang.tag()
                                data-lang=lang.tag()
                                aria-pressed=move || (i18n.lang() == lang).to_string()
                                on:click=move |_| i18n.set_lang(lang)
                            >
                                {lang.endonym()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </header>
        <nav class="app-nav" aria-label=i18n.tx(Key::NavLabel)>
            <ul>
                {Screen::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li>
                                <a
                                    href=s.href()
                                    data-screen=s.slug()
                                    aria-current=move || (screen.get() == s).then_some("page")
                                >
                                    {move || i18n.t(s.title())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <SaveStatus />
        <ConflictStatus />
        <main class="app-main">{move || screen.get().view()}</main>
        <footer class="app-footer">
            <p>{i18n.tx(Key::Disclaimer)}</p>
        </footer>
    }
}
