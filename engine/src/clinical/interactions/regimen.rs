//! The interaction check of a patient's regimen: the co-medication list
//! against the label of each calcineurin inhibitor on (both labels while
//! neither is recorded), and the names the synonym table knows (for
//! suggestions while typing).

use super::drugs::DRUGS;
use super::{check_subject, InteractionReport, Subject};

/// The labels to check: those of the drugs on; both when none is on (the
/// regimen may be planned before the first dose is recorded).
pub fn labels_to_check(on: &[Subject]) -> Vec<Subject> {
    let all = [Subject::Cyclosporine, Subject::Tacrolimus];
    let on: Vec<Subject> = all.into_iter().filter(|s| on.contains(s)).collect();
    if on.is_empty() {
        all.to_vec()
    } else {
        on
    }
}

/// One report per label of [`labels_to_check`].
pub fn check_regimen(co_medications: &[&str], on: &[Subject]) -> Vec<InteractionReport> {
    labels_to_check(on)
        .into_iter()
        .map(|s| check_subject(co_medications, s))
        .collect()
}

/// Every name the synonym table matches that is longer than three
/// characters (abbreviations are matched, not suggested), sorted, once each.
pub fn known_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = DRUGS
        .iter()
        .flat_map(|d| d.all_names())
        .filter(|n| n.chars().count() > 3)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::interactions::{LevelChange, Severity};

    #[test]
    fn both_labels_until_a_drug_is_on() {
        let both = vec![Subject::Cyclosporine, Subject::Tacrolimus];
        assert_eq!(labels_to_check(&[]), both);
        assert_eq!(
            labels_to_check(&[Subject::Tacrolimus]),
            vec![Subject::Tacrolimus]
        );
        let r = check_regimen(&["rosuvastatin", "fluconazole", "zzz-unknown"], &[]);
        assert_eq!(r.len(), 2);
        let csa = &r[0];
        assert_eq!(csa.hits[0].drug, "rosuvastatin");
        assert_eq!(
            csa.hits[0].category.clone().available(),
            Some(Severity::Contraindicated)
        );
        assert_eq!(csa.not_checked.len(), 1);
        assert_eq!(csa.not_checked[0].typed, "zzz-unknown");
        assert_eq!(csa.not_checked[0].suggestion, None);
        // On tacrolimus: rosuvastatin has no row on the tacrolimus label.
        let tac = &r[1];
        assert_eq!(tac.hits.len(), 1);
        assert_eq!(tac.hits[0].level, LevelChange::Up);
        assert!(tac.recheck_levels);
        assert_eq!(tac.no_row.len(), 1);
        assert_eq!(tac.no_row[0].drug_en, "rosuvastatin");
    }

    #[test]
    fn known_names_are_the_table_names() {
        let names = known_names();
        for n in [
            "rosuvastatin",
            "ロスバスタチン",
            "クレストール",
            "fluconazole",
            "スピロノラクトン",
            "rifampicin",
        ] {
            assert!(names.contains(&n), "{n}");
        }
        assert!(!names.contains(&"tac"));
        assert!(!names.contains(&"cam"));
        assert!(names.windows(2).all(|w| w[0] < w[1]));
    }
}
