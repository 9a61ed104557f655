//! Names and texts of the labs screen in the UI language: analytes, units,
//! assays, the engine's notes and gap reasons, fields of the risk models;
//! dates typed in `<input type=date>`.

use crate::i18n::{LabKey, Lang};
use chrono::NaiveDate;
use dmip_engine::clinical::analyte::{Analyte, Assay};
use dmip_engine::clinical::notes::Note;
use dmip_engine::clinical::units::Unit;
use dmip_engine::clinical::{Field, Gap};
use dmip_engine::labs::panels::{BLOOD_GAS, INFECTION, LUNG_FUNCTION, MARKERS};
use dmip_engine::text::Words;

/// The sections of the screen, in the order clinicians read them (the
/// engine's lists, which also place the tests on the time axis).
pub const GROUPS: [(LabKey, &[Analyte]); 4] = [
    (LabKey::GroupMarkers, MARKERS),
    (LabKey::GroupLung, LUNG_FUNCTION),
    (LabKey::GroupGas, BLOOD_GAS),
    (LabKey::GroupInfection, INFECTION),
];

fn snake<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// `kl6`, `percent_dlco`: the value of an analyte in a `<select>`.
pub fn analyte_slug(a: Analyte) -> String {
    snake(a)
}

pub fn analyte_from(slug: &str) -> Option<Analyte> {
    Analyte::ALL.into_iter().find(|a| analyte_slug(*a) == slug)
}

/// `mg_per_dl`: the value of a unit in a `<select>`.
pub fn unit_slug(u: Unit) -> String {
    snake(u)
}

pub fn unit_from(a: Analyte, slug: &str) -> Unit {
    a.units()
        .iter()
        .copied()
        .find(|u| unit_slug(*u) == slug)
        .unwrap_or(a.canonical_unit())
}

pub fn analyte_name(lang: Lang, a: Analyte) -> &'static str {
    a.words(lang)
}

pub fn field_name(lang: Lang, f: Field) -> &'static str {
    f.words(lang)
}

pub fn note_text(lang: Lang, n: Note) -> &'static str {
    n.words(lang)
}

pub fn gap_text(lang: Lang, g: Gap) -> &'static str {
    g.words(lang)
}

/// The assays offered for `a` (value, text); empty when not asked.
pub fn assay_choices(a: Analyte) -> &'static [(&'static str, LabKey)] {
    match a {
        Analyte::Kl6 => &[
            ("bml", LabKey::AssayBml),
            ("hiscl", LabKey::AssayHiscl),
            ("none", LabKey::AssayNone),
            ("other", LabKey::AssayOther),
        ],
        Analyte::BetaDGlucan => &[
            ("mk", LabKey::AssayMk),
            ("wako", LabKey::AssayWako),
            ("none", LabKey::AssayNone),
            ("other", LabKey::AssayOther),
        ],
        _ => &[],
    }
}

/// The assay chosen; `Err(())` for "other" without a name.
pub fn assay_from(choice: &str, other: &str) -> Result<Option<Assay>, ()> {
    Ok(match choice {
        "bml" => Some(Assay::Kl6BmlCleia),
        "hiscl" => Some(Assay::Kl6Hiscl),
        "mk" => Some(Assay::FungitecGTestMk),
        "wako" => Some(Assay::BetaGlucanTestWako),
        "other" if other.trim().is_empty() => return Err(()),
        "other" => Some(Assay::Other(other.trim().to_owned())),
        _ => None,
    })
}

pub fn assay_text(lang: Lang, a: Option<&Assay>) -> String {
    let key = match a {
        None => return String::new(),
        Some(Assay::Other(name)) => return name.clone(),
        Some(Assay::Kl6BmlCleia) => LabKey::AssayBml,
        Some(Assay::Kl6Hiscl) => LabKey::AssayHiscl,
        Some(Assay::FungitecGTestMk) => LabKey::AssayMk,
        Some(Assay::BetaGlucanTestWako) => LabKey::AssayWako,
    };
    key.text(lang).to_owned()
}

/// A measured value: 4 significant digits, no trailing zeros (`35`, `0.82`).
pub fn num(v: f64) -> String {
    let t = crate::format::significant(v, 4);
    if t.contains('.') {
        t.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        t
    }
}

/// A date as `<input type=date>` gives it (`YYYY-MM-DD`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Today in the browser's time zone.
pub fn today() -> NaiveDate {
    let d = web_sys::js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for a in Analyte::ALL {
            assert_eq!(analyte_from(&analyte_slug(a)), Some(a));
            for u in a.units() {
                assert_eq!(unit_from(a, &unit_slug(*u)), *u);
            }
        }
        assert_eq!(analyte_slug(Analyte::Kl6), "kl6");
        assert_eq!(unit_slug(Unit::MgPerL), "mg_per_l");
    }

    #[test]
    fn assays_and_dates() {
        assert_eq!(assay_from("bml", ""), Ok(Some(Assay::Kl6BmlCleia)));
        assert_eq!(assay_from("other", " "), Err(()));
        assert_eq!(assay_from("none", ""), Ok(None));
        assert_eq!(
            parse_date("2025-03-01").map(date_text).as_deref(),
            Some("2025-03-01")
        );
        assert_eq!(parse_date("3/1"), None);
        assert_eq!(
            (num(35.0), num(0.82), num(1500.0), num(99.734)),
            ("35".into(), "0.82".into(), "1500".into(), "99.73".into())
        );
    }
}
