//! Myositis type, autoantibodies (anti-MDA5 with grade and titre, anti-ARS,
//! SRP, others), IP pattern and course.

use super::bound::{check, number, select, Options};
use crate::i18n::{use_i18n, IvcyKey};
use crate::state::use_record;
use crate::widgets::field::Field;
use dmip_engine::clinical::risk::AntiMda5;
use dmip_engine::record::{Autoantibody, DiseaseProfile, IpCourse, IpPattern, MyositisType};
use leptos::prelude::*;

/// Guard against impossible entries, not a clinical range (the titre is in
/// the assay's own unit).
const TITRE: (f64, f64) = (0.0, 100_000.0);

const TYPES: Options = &[
    ("", IvcyKey::NotRecorded),
    ("dm", IvcyKey::TypeDm),
    ("pm", IvcyKey::TypePm),
    ("cadm", IvcyKey::TypeCadm),
];
const MDA5: Options = &[
    ("", IvcyKey::NotRecorded),
    ("negative", IvcyKey::Negative),
    ("positive", IvcyKey::PositiveNoGrade),
    ("plus1", IvcyKey::Plus1),
    ("plus2", IvcyKey::Plus2),
    ("plus3", IvcyKey::Plus3),
];
const PATTERNS: Options = &[
    ("", IvcyKey::NotRecorded),
    ("nsip", IvcyKey::PatternNsip),
    ("cop", IvcyKey::PatternCop),
    ("dad", IvcyKey::PatternDad),
    ("uip", IvcyKey::PatternUip),
    ("unclassified", IvcyKey::PatternUnclassified),
];
const COURSES: Options = &[
    ("", IvcyKey::NotRecorded),
    ("acute", IvcyKey::CourseAcute),
    ("chronic", IvcyKey::CourseChronic),
    ("asymptomatic", IvcyKey::CourseAsymptomatic),
];

/// The named antibodies, as their reports write them.
const NAMED: [(Autoantibody, &str, &str); 7] = [
    (Autoantibody::Jo1, "dz-ab-jo1", "Jo-1"),
    (Autoantibody::Pl7, "dz-ab-pl7", "PL-7"),
    (Autoantibody::Pl12, "dz-ab-pl12", "PL-12"),
    (Autoantibody::Ej, "dz-ab-ej", "EJ"),
    (Autoantibody::Oj, "dz-ab-oj", "OJ"),
    (Autoantibody::Ks, "dz-ab-ks", "KS"),
    (Autoantibody::Srp, "dz-ab-srp", "SRP"),
];

fn others(antibodies: &[Autoantibody]) -> String {
    antibodies
        .iter()
        .filter_map(|a| match a {
            Autoantibody::Other(name) => Some(name.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Other antibodies typed as a list (`,`, `、` or new line between).
fn set_others(d: &mut DiseaseProfile, text: &str) {
    d.antibodies
        .retain(|a| !matches!(a, Autoantibody::Other(_)));
    d.antibodies.extend(
        text.split([',', '、', '，', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Autoantibody::Other(s.to_owned())),
    );
}

/// Checkboxes of the named antibodies of the anti-ARS family, or the others.
fn antibody_checks(ars: bool) -> impl IntoView {
    NAMED
        .into_iter()
        .filter(|(ab, _, _)| ab.is_anti_ars() == ars)
        .map(|(ab, id, name)| {
            check(
                id,
                move || name.to_owned(),
                {
                    let ab = ab.clone();
                    move |d| d.antibodies.contains(&ab)
                },
                move |d, on| {
                    d.antibodies.retain(|a| *a != ab);
                    if on {
                        d.antibodies.push(ab.clone());
                    }
                },
            )
        })
        .collect_view()
}

#[component]
pub fn ProfileFields() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_record();
    let other = RwSignal::new(
        state
            .record
            .with_untracked(|r| others(&r.disease.antibodies)),
    );
    // The antibodies as typed here; changed elsewhere (another tab), shown.
    crate::widgets::follow(
        other,
        move || state.record.with(|r| r.disease.antibodies.clone()),
        move |a| state.record.update(|r| r.disease.antibodies = a),
        move |text| {
            let mut d = state.record.with(|r| r.disease.clone());
            set_others(&mut d, text);
            Some(d.antibodies)
        },
        |a| others(a),
    );
    let no_error = Signal::derive(|| None::<String>);
    view! {
        <div class="fields">
            {select("dz-type", IvcyKey::MyositisType, TYPES,
                |d| match d.myositis { Some(MyositisType::Dm) => "dm", Some(MyositisType::Pm) => "pm", Some(MyositisType::Cadm) => "cadm", None => "" },
                |d, v| d.myositis = match v { "dm" => Some(MyositisType::Dm), "pm" => Some(MyositisType::Pm), "cadm" => Some(MyositisType::Cadm), _ => None })}
            {select("dz-mda5", IvcyKey::AntiMda5, MDA5,
                |d| match d.anti_mda5 { Some(AntiMda5::Negative) => "negative", Some(AntiMda5::Positive) => "positive", Some(AntiMda5::Plus1) => "plus1", Some(AntiMda5::Plus2) => "plus2", Some(AntiMda5::Plus3) => "plus3", None => "" },
                |d, v| d.anti_mda5 = match v { "negative" => Some(AntiMda5::Negative), "positive" => Some(AntiMda5::Positive), "plus1" => Some(AntiMda5::Plus1), "plus2" => Some(AntiMda5::Plus2), "plus3" => Some(AntiMda5::Plus3), _ => None })}
            {number("dz-mda5-titre", IvcyKey::AntiMda5Titre, "index", TITRE, |d| d.anti_mda5_titre, |d, v| d.anti_mda5_titre = v)}
        </div>
        <fieldset class="ivcy-checks">
            <legend>{i18n.tx(IvcyKey::AntiArs)}</legend>
            {antibody_checks(true)}
        </fieldset>
        <fieldset class="ivcy-checks">
            <legend>{i18n.tx(IvcyKey::Antibodies)}</legend>
            {antibody_checks(false)}
        </fieldset>
        <div class="fields">
            <Field id="dz-ab-other".to_owned() label=IvcyKey::OtherAntibodies words=true value=other error=no_error />
            {select("dz-pattern", IvcyKey::IpPattern, PATTERNS,
                |d| match d.ip_pattern { Some(IpPattern::Nsip) => "nsip", Some(IpPattern::Cop) => "cop", Some(IpPattern::Dad) => "dad", Some(IpPattern::Uip) => "uip", Some(IpPattern::Unclassified) => "unclassified", None => "" },
                |d, v| d.ip_pattern = match v { "nsip" => Some(IpPattern::Nsip), "cop" => Some(IpPattern::Cop), "dad" => Some(IpPattern::Dad), "uip" => Some(IpPattern::Uip), "unclassified" => Some(IpPattern::Unclassified), _ => None })}
            {select("dz-course", IvcyKey::IpCourse, COURSES,
                |d| match d.ip_course { Some(IpCourse::AcuteSubacute) => "acute", Some(IpCourse::Chronic) => "chronic", Some(IpCourse::Asymptomatic) => "asymptomatic", None => "" },
                |d, v| d.ip_course = match v { "acute" => Some(IpCourse::AcuteSubacute), "chronic" => Some(IpCourse::Chronic), "asymptomatic" => Some(IpCourse::Asymptomatic), _ => None })}
            {check("dz-rp", move || i18n.t(IvcyKey::RapidlyProgressive).to_owned(), |d| d.rapidly_progressive, |d, on| d.rapidly_progressive = on)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_antibodies_split_and_keep_the_named_ones() {
        let mut d = DiseaseProfile {
            antibodies: vec![Autoantibody::Jo1, Autoantibody::Other("old".into())],
            ..DiseaseProfile::default()
        };
        set_others(&mut d, "TIF1-γ、Mi-2, Ro52\n ");
        assert_eq!(
            d.antibodies,
            vec![
                Autoantibody::Jo1,
                Autoantibody::Other("TIF1-γ".into()),
                Autoantibody::Other("Mi-2".into()),
                Autoantibody::Other("Ro52".into()),
            ]
        );
        assert_eq!(others(&d.antibodies), "TIF1-γ, Mi-2, Ro52");
    }
}
