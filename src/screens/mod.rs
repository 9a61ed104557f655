//! The screens of the app, one module each, and the navigation between
//! them (by URL fragment: `#/cyclosporine`, so links and Back work, also
//! from `file://`).

mod biomarkers;
mod cyclophosphamide;
mod cyclosporine;
mod patient;
mod records;
mod report;
mod report_clinical;
mod report_comeds;
mod report_drug;
mod report_popcheck;
mod safety;
mod selfcheck;
mod tacrolimus;

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// A screen of the app, in navigation order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Patient,
    Cyclosporine,
    Tacrolimus,
    Cyclophosphamide,
    Biomarkers,
    Safety,
    Report,
    Records,
    SelfCheck,
}

impl Screen {
    /// Every screen, in navigation order.
    pub const ALL: [Screen; 9] = [
        Screen::Patient,
        Screen::Cyclosporine,
        Screen::Tacrolimus,
        Screen::Cyclophosphamide,
        Screen::Biomarkers,
        Screen::Safety,
        Screen::Report,
        Screen::Records,
        Screen::SelfCheck,
    ];

    /// The URL fragment name of the screen.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Patient => "patient",
            Screen::Cyclosporine => "cyclosporine",
            Screen::Tacrolimus => "tacrolimus",
            Screen::Cyclophosphamide => "cyclophosphamide",
            Screen::Biomarkers => "biomarkers",
            Screen::Safety => "safety",
            Screen::Report => "report",
            Screen::Records => "records",
            Screen::SelfCheck => "selfcheck",
        }
    }

    /// The screen's title (and navigation label).
    pub fn title(self) -> Key {
        match self {
            Screen::Patient => Key::ScreenPatient,
            Screen::Cyclosporine => Key::ScreenCyclosporine,
            Screen::Tacrolimus => Key::ScreenTacrolimus,
            Screen::Cyclophosphamide => Key::ScreenCyclophosphamide,
            Screen::Biomarkers => Key::ScreenBiomarkers,
            Screen::Safety => Key::ScreenSafety,
            Screen::Report => Key::ScreenReport,
            Screen::Records => Key::ScreenRecords,
            Screen::SelfCheck => Key::ScreenSelfCheck,
        }
    }

    /// The link to the screen: `#/slug`.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The screen a URL fragment (`#/slug`, `#slug`, or empty) names.
    pub fn from_hash(hash: &str) -> Option<Screen> {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Screen::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The screen's content.
    pub fn view(self) -> AnyView {
        match self {
            Screen::Patient => patient::PatientScreen().into_any(),
            Screen::Cyclosporine => cyclosporine::CyclosporineScreen().into_any(),
            Screen::Tacrolimus => tacrolimus::TacrolimusScreen().into_any(),
            Screen::Cyclophosphamide => cyclophosphamide::CyclophosphamideScreen().into_any(),
            Screen::Biomarkers => biomarkers::BiomarkersScreen().into_any(),
            Screen::Safety => safety::SafetyScreen().into_any(),
            Screen::Report => report::ReportScreen().into_any(),
            Screen::Records => records::RecordsScreen().into_any(),
            Screen::SelfCheck => selfcheck::SelfCheckScreen().into_any(),
        }
    }
}

/// Frame of every screen: its title, then its content.
#[component]
fn ScreenFrame(screen: Screen, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen" data-screen=screen.slug() aria-labelledby="screen-title">
            <h2 id="screen-title">{move || i18n.t(screen.title())}</h2>
            {children()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_round_trips_through_its_link() {
        for screen in Screen::ALL {
            assert_eq!(Screen::from_hash(&screen.href()), Some(screen));
        }
        assert_eq!(Screen::from_hash("#safety"), Some(Screen::Safety));
        assert_eq!(Screen::from_hash(""), None);
        assert_eq!(Screen::from_hash("#/nowhere"), None);
    }
}
