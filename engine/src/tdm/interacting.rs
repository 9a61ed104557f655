//! The co-medications against the model in use. A drug that sets one of
//! the model's covariates (an azole and Kirubakaran 2022's AZOLE) is in the
//! computation, and the output says where the covariate came from; a drug
//! with a quantified effect on the level (`interactions::effects`, verified
//! sources only) that the model has no covariate for is a warning quoting
//! the effect and its source: the predictions leave it out. Only drugs
//! taken at some time between the first dose and the end of the forecast
//! count.

use super::input::{CoMedication, TdmInput};
use super::session::TdmNote;
use super::targets::Drug;
use crate::catalog::ModelDef;
use crate::clinical::interactions::{effects::quantified, identify, Subject};
use crate::record::{carried_by, setting, CARRIED};
use chrono::{DateTime, FixedOffset};

fn subject(drug: Drug) -> Subject {
    match drug {
        Drug::Cyclosporine => Subject::Cyclosporine,
        Drug::Tacrolimus => Subject::Tacrolimus,
    }
}

/// The notes on `input.comedications` for `def`, over `[from, to]`.
pub fn comedication_notes(
    def: &ModelDef,
    input: &TdmInput,
    (from, to): (DateTime<FixedOffset>, DateTime<FixedOffset>),
) -> Vec<TdmNote> {
    let taken: Vec<CoMedication> = input
        .comedications
        .iter()
        .filter(|m| m.overlaps(from, to))
        .cloned()
        .collect();
    let mut notes: Vec<TdmNote> = CARRIED
        .iter()
        .filter(|c| def.uses_covariate(c.covariate))
        .filter_map(|c| {
            let names: Vec<String> = setting(c, &taken).iter().map(|m| m.name.clone()).collect();
            (!names.is_empty()).then(|| TdmNote::FromComedications {
                covariate: c.covariate.to_owned(),
                names,
                after_stop_h: c.after_stop_h,
            })
        })
        .collect();
    for m in &taken {
        for d in identify(&m.name) {
            let carried = carried_by(d.key).is_some_and(|c| def.uses_covariate(c.covariate));
            let Some(effect) = quantified(subject(input.drug), d.key).filter(|_| !carried) else {
                continue;
            };
            notes.push(TdmNote::Unmodelled {
                name: m.name.clone(),
                drug_en: d.en.to_owned(),
                drug_ja: d.ja.to_owned(),
                start: m.start.map(|t| t.to_rfc3339()),
                stop: m.stop.map(|t| t.to_rfc3339()),
                effect,
            });
        }
    }
    notes
}
