//! Translation table for interactions and adverse-event checks (issue 9).

use super::table::table;

table! {
    SafetyKey;
    Title => "安全性", "Safety";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(SafetyKey::ALL, &[]);
    }
}
