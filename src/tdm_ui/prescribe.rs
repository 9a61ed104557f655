//! Writing the advice into the dosing history as a prescription says it
//! (`dmip_engine::tdm::apply`): "Apply" writes the regimen at its clock
//! times from the dose due next, until changed; "Continue the current
//! dose" makes the current regimen ongoing. Each says what it wrote.

use super::clock::display;
use super::spec::DrugSpec;
use crate::format::tick;
use crate::i18n::{fill, DoseKey, I18n, Key};
use dmip_engine::dose::Candidate;
use dmip_engine::record::{DrugRecord, PatientInfo};
use dmip_engine::tdm::apply::{
    apply, breakfast_or_default, continue_current, next_due, ApplyArgs, Prescription,
};
use dmip_engine::tdm::view::{DateTime, FixedOffset};
use dmip_engine::tdm::DoseRow;

/// "100 mg every 12 h".
pub fn row_dose(i18n: I18n, r: &DoseRow) -> String {
    match r.interval_h {
        Some(h) => format!(
            "{} mg {}",
            tick(r.amount_mg),
            fill(i18n.t(Key::TdmEveryHours), &[("hours", &tick(h))])
        ),
        None => format!("{} mg", tick(r.amount_mg)),
    }
}

/// Writes candidate `c` into `d`; the sentence saying what was written.
pub fn write_candidate(
    i18n: I18n,
    spec: &DrugSpec,
    d: &mut DrugRecord,
    patient: &PatientInfo,
    now: DateTime<FixedOffset>,
    c: &Candidate,
) -> String {
    let Some(regimen) = spec.regimen(&c.regimen.label) else {
        return fill(
            i18n.t(DoseKey::ApplyFailed),
            &[("reason", &c.regimen.label)],
        );
    };
    let due = next_due(&d.doses, now);
    let args = ApplyArgs {
        rows: &d.doses,
        now,
        prescription: Prescription {
            amount_mg: c.dose.amount_mg,
            interval_h: regimen.choice.interval_h,
            formulation: regimen.choice.formulation,
            meal: Some(regimen.choice.meal),
            first_of_day: breakfast_or_default(patient.breakfast),
        },
    };
    match apply(args) {
        Ok(applied) => {
            let extended = applied.extended.and_then(|e| {
                let row = d.doses.get(e.row)?;
                Some(fill(
                    i18n.t(DoseKey::AppliedExtended),
                    &[
                        ("dose", &row_dose(i18n, row)),
                        ("ended", &display(&e.ended)),
                    ],
                ))
            });
            d.doses = applied.rows;
            d.formulation = Some(regimen.choice.formulation);
            let mut text = fill(
                i18n.t(DoseKey::Applied),
                &[
                    ("regimen", i18n.t(regimen.name)),
                    ("amount", &tick(c.dose.amount_mg)),
                    ("start", &display(&applied.start)),
                ],
            );
            if let Some(due) = due.filter(|_| !applied.shortened.is_empty()) {
                text.push_str(i18n.sentence_gap());
                text.push_str(&fill(
                    i18n.t(DoseKey::AppliedReplaces),
                    &[("due", &display(&due))],
                ));
            }
            if let Some(e) = extended {
                text.push_str(i18n.sentence_gap());
                text.push_str(&e);
            }
            text
        }
        Err(e) => fill(i18n.t(DoseKey::ApplyFailed), &[("reason", &e.to_string())]),
    }
}

/// Makes the current regimen ongoing; the sentence saying so.
pub fn continue_dose(i18n: I18n, d: &mut DrugRecord) -> String {
    let latest = d
        .doses
        .iter()
        .filter(|r| r.interval_h.is_some())
        .max_by_key(|r| r.start)
        .cloned();
    let Some(row) = latest else {
        return i18n.t(DoseKey::NoCurrent).to_owned();
    };
    let dose = row_dose(i18n, &row);
    match continue_current(&d.doses) {
        Some(rows) => {
            d.doses = rows;
            fill(i18n.t(DoseKey::Continued), &[("dose", &dose)])
        }
        None => fill(i18n.t(DoseKey::AlreadyOngoing), &[("dose", &dose)]),
    }
}
