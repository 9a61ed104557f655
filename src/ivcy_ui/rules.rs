//! The dose rules of the adjusted plan in words: each rule's name, what it
//! did (with the figures), its source; the short "rules applied" cell of a
//! schedule row; the list of the next pulse's rules.

use super::text::{gap, missing, Cite, Need};
use crate::format::{significant, tick};
use crate::i18n::{fill, use_i18n, I18n, IvcyKey, Lang};
use dmip_engine::clinical::cyclophosphamide::eular2009::AgeBand;
use dmip_engine::clinical::cyclophosphamide::{AdjustedPulse, Outcome, Rule, Step};
use leptos::prelude::*;

pub fn band_key(b: AgeBand) -> IvcyKey {
    match b {
        AgeBand::Under60 => IvcyKey::AgeUnder60,
        AgeBand::From60To70 => IvcyKey::Age60To70,
        AgeBand::Over70 => IvcyKey::AgeOver70,
    }
}

pub fn rule_key(r: Rule) -> IvcyKey {
    match r {
        Rule::EularAge => IvcyKey::RuleEularAge,
        Rule::EularCreatinine => IvcyKey::RuleEularCreatinine,
        Rule::RenalFunction => IvcyKey::RuleRenal,
        Rule::PreviousNadir => IvcyKey::RulePreviousNadir,
        Rule::DayNeutrophils => IvcyKey::RuleDayNeutrophils,
        Rule::DayWbc => IvcyKey::RuleDayWbc,
    }
}

/// Whole mg (the rule texts; the schedule shows one decimal).
fn mg(x: f64) -> String {
    format!("{x:.0}")
}

fn count(x: f64) -> String {
    format!("{x:.0}")
}

/// What the step did, with its figures.
pub fn outcome_text(i18n: I18n, s: &Step) -> String {
    let t = |k| i18n.t(k);
    match &s.outcome {
        Outcome::Reduced {
            band,
            cell_mg_per_kg,
            factor,
            ..
        } => fill(
            t(IvcyKey::OutReduced),
            &[
                ("band", t(band_key(*band))),
                ("cell", &tick(*cell_mg_per_kg)),
                ("factor", &significant(*factor, 3)),
            ],
        ),
        Outcome::Unchanged {
            band,
            cell_mg_per_kg,
        } => fill(
            t(IvcyKey::OutUnchanged),
            &[
                ("band", t(band_key(*band))),
                ("cell", &tick(*cell_mg_per_kg)),
            ],
        ),
        Outcome::LowerColumn { creatinine_umol_l } => fill(
            t(IvcyKey::OutLowerColumn),
            &[("value", &count(*creatinine_umol_l))],
        ),
        Outcome::ColumnUnknown {
            creatinine_umol_l,
            higher_mg,
            higher_mg_per_kg,
        } => {
            let (key, value) = match creatinine_umol_l {
                Some(c) => (IvcyKey::OutColumnUnknown, count(*c)),
                None => (IvcyKey::OutColumnNoCreatinine, String::new()),
            };
            let text = fill(
                t(key),
                &[
                    ("value", &value),
                    ("cell", &tick(*higher_mg_per_kg)),
                    ("mg", &mg(*higher_mg)),
                ],
            );
            format!(
                "{text} — {}",
                gap(
                    i18n,
                    dmip_engine::clinical::status::Gap::EularCreatinineBands
                )
            )
        }
        Outcome::Held {
            value_per_ul,
            limit_per_ul,
            or_mg,
        } => {
            let key = match s.rule {
                Rule::DayNeutrophils => IvcyKey::OutHeldNeutrophils,
                _ => IvcyKey::OutHeldWbc,
            };
            fill(
                t(key),
                &[
                    ("value", &count(*value_per_ul)),
                    ("limit", &count(*limit_per_ul)),
                    ("mg", &or_mg.map(mg).unwrap_or_default()),
                ],
            )
        }
        Outcome::BelowRange {
            value_per_ul,
            low_per_ul,
            after_pulse,
        } => match after_pulse {
            Some(p) => fill(
                t(IvcyKey::OutNadirLow),
                &[
                    ("pulse", &p.to_string()),
                    ("value", &count(*value_per_ul)),
                    ("low", &count(*low_per_ul)),
                ],
            ),
            None => fill(
                t(IvcyKey::OutDayLow),
                &[
                    ("value", &count(*value_per_ul)),
                    ("low", &count(*low_per_ul)),
                ],
            ),
        },
        Outcome::Normal { value_per_ul } => {
            fill(t(IvcyKey::OutNormal), &[("value", &count(*value_per_ul))])
        }
        Outcome::Unavailable { gap: g, .. } => {
            format!("{} {}", t(IvcyKey::UnavailableLabel), gap(i18n, *g))
        }
        Outcome::Missing { field } => missing(i18n, &[Need::Field(*field)]),
        Outcome::Pending { pulse } => {
            fill(t(IvcyKey::OutPending), &[("pulse", &pulse.to_string())])
        }
    }
}

/// The short cell of a schedule row: the rules that changed the dose or
/// held the pulse, and the flags.
pub fn applied_cell(i18n: I18n, p: &AdjustedPulse) -> String {
    if p.given_mg.is_some() {
        return i18n.t(IvcyKey::Given).to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    if p.held {
        parts.push(i18n.t(IvcyKey::Held).to_owned());
    }
    for s in &p.steps {
        match (&s.outcome, s.rule) {
            (Outcome::Reduced { band, factor, .. }, r) => parts.push(format!(
                "{} ({}, ×{})",
                i18n.t(rule_key(r)),
                i18n.t(band_key(*band)),
                significant(*factor, 3)
            )),
            (Outcome::Held { .. }, r) => parts.push(i18n.t(rule_key(r)).to_owned()),
            (Outcome::BelowRange { .. }, Rule::PreviousNadir) => {
                parts.push(i18n.t(IvcyKey::NadirBelowRange).to_owned())
            }
            (Outcome::BelowRange { .. }, _) => {
                parts.push(i18n.t(IvcyKey::DayBelowRange).to_owned())
            }
            _ => {}
        }
    }
    if parts.is_empty() {
        return i18n.t(IvcyKey::NoRuleApplied).to_owned();
    }
    parts.join("; ")
}

/// Every rule looked at for `p`, with what it did and its source.
#[component]
pub fn RuleList(pulse: AdjustedPulse) -> impl IntoView {
    let i18n = use_i18n();
    let items = pulse
        .steps
        .into_iter()
        .map(|s| {
            let applied = s.outcome.applied();
            let flagged = matches!(s.outcome, Outcome::BelowRange { .. });
            let source = s.source;
            let rule = s.rule;
            view! {
                <li class:applied=applied class:flagged=flagged data-rule=format!("{rule:?}")>
                    <strong>{move || i18n.t(rule_key(rule))}</strong>
                    {move || if i18n.lang() == Lang::Ja { "：" } else { ": " }}
                    {move || outcome_text(i18n, &s)}
                    " "
                    <Cite source=source />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="ivcy-rules" id="ivcy-rules">{items}</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::fixed;
    use dmip_engine::clinical::cyclophosphamide::{
        adjust, schedule, AdjustInput, DayCounts, GivenPulse, Spacing, WbcNadir,
    };
    use dmip_engine::clinical::units::Unit;
    use dmip_engine::record::NaiveDate;

    /// 756 mg × 6 every 2 weeks; pulses 1–2 given, nadir 2500/µL after 2;
    /// 72 y, creatinine 2.1 mg/dL = 185.6 µmol/L.
    fn scenario() -> Vec<AdjustedPulse> {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap_or_default();
        let planned = schedule(d(4, 1), Spacing::Days { days: 14 }, 6, 756.0).unwrap_or_default();
        let pulse = |date, nadir| GivenPulse {
            date,
            dose_mg: 756.0,
            bsa_m2: None,
            wbc_nadir: Some(WbcNadir {
                date: None,
                value: nadir,
                unit: Unit::PerUl,
            }),
        };
        let given = [pulse(d(4, 1), 4100.0), pulse(d(4, 15), 2500.0)];
        adjust(&AdjustInput {
            planned: &planned,
            given: &given,
            age_years: Some(72.0),
            creatinine_umol_l: Some(2.1 * 88.4),
            day: DayCounts {
                wbc_per_ul: Some(4200.0),
                neutrophils_per_ul: Some(1200.0),
            },
        })
        .map(|a| a.pulses)
        .unwrap_or_default()
    }

    #[test]
    fn the_rules_are_named_in_both_languages() {
        let p = scenario();
        assert_eq!(p.len(), 6);
        let en = fixed(Lang::En);
        let ja = fixed(Lang::Ja);
        assert_eq!(applied_cell(en, &p[1]), "given");
        assert_eq!(
            applied_cell(en, &p[2]),
            "held; EULAR 2009 Table 6, age row (> 70 y, ×0.667); Neutrophils on the pulse day"
        );
        assert_eq!(
            applied_cell(en, &p[3]),
            "EULAR 2009 Table 6, age row (> 70 y, ×0.667)"
        );
        assert_eq!(
            applied_cell(ja, &p[3]),
            "EULAR 2009 表6（年齢の行） (70歳超, ×0.667)"
        );
        let text = |i18n, rule| {
            p[2].steps
                .iter()
                .find(|s| s.rule == rule)
                .map(|s| outcome_text(i18n, s))
                .unwrap_or_default()
        };
        assert_eq!(
            text(en, Rule::EularAge),
            "> 70 y: 10 mg/kg of the trial's full 15 mg/kg → 0.667 × the planned dose"
        );
        assert!(text(en, Rule::EularCreatinine).starts_with(
            "creatinine 186 µmol/L (150 or more): which column applies is not in the source, \
             so the lower column's dose is planned; the higher column (7.5 mg/kg) gives 378 mg"
        ));
        // No verified WBC interval: the nadir is not judged.
        assert!(text(en, Rule::PreviousNadir).contains(
            "No verified reference range for this analyte; use the laboratory's own range."
        ));
        // 504 mg × 0.75 = 378 mg.
        assert_eq!(
            text(en, Rule::DayNeutrophils),
            "1200/µL (below 1500/µL): postpone this pulse (not more than 2 weeks) or reduce it by 25 % to 378 mg"
        );
        assert!(text(ja, Rule::RenalFunction).contains("eGFR では投与量を変えません"));
    }
}
