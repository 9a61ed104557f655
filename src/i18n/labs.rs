//! Translation table for the biomarker, lung-function and infection timeline and the risk models (issue 9).

use super::table::table;

table! {
    LabKey;
    Title => "検査値", "Laboratory results";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(LabKey::ALL, &[]);
    }
}
