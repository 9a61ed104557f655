//! What the engine assumed for a covariate the record lacks, in words: a
//! sentence per assumption for the headline (what was computed, and the
//! advice the other way), and the same with the frequencies and their
//! source for the model section.

use super::spec::DrugSpec;
use crate::format::{percent, significant, tick};
use crate::i18n::{covariate_description, fill, I18n, Key};
use dmip_engine::tdm::{Assumption, GenotypeBranch};

/// A genotype value in words (CYP3A5: expresser / non-expresser).
pub(super) fn genotype(i18n: I18n, covariate: &str, value: f64) -> String {
    match (covariate, value) {
        ("CYP3A5", 0.0) => i18n.t(Key::TdmCyp3a5NonExpresser).to_owned(),
        ("CYP3A5", 1.0) => i18n.t(Key::TdmCyp3a5Expresser).to_owned(),
        (name, v) => format!("{name} = {}", tick(v)),
    }
}

/// "… mg, twice daily …" of a branch's suggestion.
fn suggestion(i18n: I18n, spec: DrugSpec, (id, mg): &(String, f64)) -> (String, String) {
    let regimen = spec
        .regimen(id)
        .map_or(id.clone(), |r| i18n.t(r.name).to_owned());
    (tick(*mg), regimen)
}

/// The headline's sentences: what was assumed and, for a genotype, the
/// advice if it were the other one.
pub fn sentences(i18n: I18n, spec: DrugSpec, assumptions: &[Assumption]) -> Vec<String> {
    assumptions
        .iter()
        .map(|a| match a {
            Assumption::Typical {
                covariate,
                value,
                description,
                unit,
            } => fill(
                i18n.t(Key::TdmAssumedTypical),
                &[
                    ("name", covariate),
                    (
                        "description",
                        covariate_description(i18n.lang(), description),
                    ),
                    ("value", &significant(*value, 3)),
                    ("unit", unit),
                ],
            ),
            Assumption::Genotype {
                covariate,
                chosen,
                branches,
                ..
            } => genotype_sentence(i18n, spec, covariate, *chosen, branches),
        })
        .collect()
}

fn genotype_sentence(
    i18n: I18n,
    spec: DrugSpec,
    covariate: &str,
    chosen: f64,
    branches: &[GenotypeBranch],
) -> String {
    let Some(this) = branches.iter().find(|b| b.value == chosen) else {
        return String::new();
    };
    let fitted = branches.iter().any(|b| b.objective.is_some());
    let key = if fitted {
        Key::TdmAssumedGenotypeLevels
    } else {
        Key::TdmAssumedGenotypePrior
    };
    let mut text = fill(
        i18n.t(key),
        &[
            ("name", covariate),
            ("genotype", &genotype(i18n, covariate, chosen)),
            ("weight", &percent(Some(this.weight))),
            ("prior", &percent(Some(this.prior))),
        ],
    );
    for other in branches.iter().filter(|b| b.value != chosen) {
        let Some(s) = &other.suggested else {
            continue;
        };
        let (dose, regimen) = suggestion(i18n, spec, s);
        text.push_str(i18n.sentence_gap());
        text.push_str(&fill(
            i18n.t(Key::TdmAssumedOther),
            &[
                ("genotype", &genotype(i18n, covariate, other.value)),
                ("dose", &dose),
                ("regimen", &regimen),
            ],
        ));
    }
    text
}

/// The model section's line for an assumption: the headline's sentence,
/// then, for a genotype, each genotype's frequency, probability given the
/// levels and advice, and the frequencies' source.
pub fn detail(i18n: I18n, spec: DrugSpec, assumption: &Assumption) -> String {
    let mut text = sentences(i18n, spec, std::slice::from_ref(assumption)).concat();
    if let Assumption::Genotype {
        covariate,
        branches,
        source,
        ..
    } = assumption
    {
        for b in branches {
            let advice = b.suggested.as_ref().map_or("-".to_owned(), |s| {
                let (dose, regimen) = suggestion(i18n, spec, s);
                fill(
                    i18n.t(Key::TdmAssumedAdvice),
                    &[("dose", &dose), ("regimen", &regimen)],
                )
            });
            text.push_str(i18n.sentence_gap());
            text.push_str(&fill(
                i18n.t(Key::TdmAssumedBranch),
                &[
                    ("genotype", &genotype(i18n, covariate, b.value)),
                    ("prior", &percent(Some(b.prior))),
                    ("weight", &percent(Some(b.weight))),
                    ("advice", &advice),
                ],
            ));
        }
        text.push_str(i18n.sentence_gap());
        text.push_str(&fill(i18n.t(Key::TdmAssumedSource), &[("source", source)]));
    }
    text
}

/// The covariate an assumption is about.
pub fn covariate_of(a: &Assumption) -> &str {
    match a {
        Assumption::Typical { covariate, .. } | Assumption::Genotype { covariate, .. } => covariate,
    }
}
