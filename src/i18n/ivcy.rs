//! Translation table for the cyclophosphamide planner and the disease profile (issue 9).

use super::table::table;

table! {
    IvcyKey;
    Title => "静注シクロホスファミド", "IV cyclophosphamide";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_placeholders() {
        super::super::check_table(IvcyKey::ALL, &[]);
    }
}
