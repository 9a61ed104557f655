//! EULAR 2009 AAV recommendations, Table 6 (from CYCLOPS): pulsed CYC dose by
//! age and creatinine. The doses and age rows are verified [V]; the
//! creatinine limits of the two columns were not in the copy read, only the
//! footnote (no separate regimen below 150 µmol/L). So below 150 µmol/L the
//! lower column applies; at 150 or more the column is
//! [`Status::Unavailable`]. [`super::adjust`] applies the table to a plan.

use crate::clinical::analyte::Analyte;
use crate::clinical::error::{non_negative, within, Field, Result};
use crate::clinical::limits::PatientField;
use crate::clinical::notes::Note;
use crate::clinical::sources::Source;
use crate::clinical::status::{Gap, Status};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    /// < 60 y
    Under60,
    /// 60–70 y
    From60To70,
    /// > 70 y
    Over70,
}

/// One row of Table 6, mg/kg per pulse.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub age: AgeBand,
    /// Column for the lower creatinine band (band limits not verified).
    pub lower_creatinine_mg_per_kg: f64,
    /// Column for the higher creatinine band (band limits not verified).
    pub higher_creatinine_mg_per_kg: f64,
}

pub const SOURCE: Source = Source::Eular2009Table6;
pub const FOOTNOTE: Note = Note::Eular2009NoRegimenBelow150;

/// [V] EULAR 2009 Table 6 (ard.bmj.com table expansion).
pub const TABLE: [Row; 3] = [
    Row {
        age: AgeBand::Under60,
        lower_creatinine_mg_per_kg: 15.0,
        higher_creatinine_mg_per_kg: 12.5,
    },
    Row {
        age: AgeBand::From60To70,
        lower_creatinine_mg_per_kg: 12.5,
        higher_creatinine_mg_per_kg: 10.0,
    },
    Row {
        age: AgeBand::Over70,
        lower_creatinine_mg_per_kg: 10.0,
        higher_creatinine_mg_per_kg: 7.5,
    },
];

/// The table row for an age in years.
pub fn row(age_years: f64) -> Result<Row> {
    let (lowest, highest) = PatientField::AgeYears.range();
    let age = within(Field::AgeYears, age_years, lowest, highest)?;
    // EULAR 2009 Table 6's rows, in TABLE order: <60, 60–70, >70 years.
    let i = if age < 60.0 {
        0
    } else if age <= 70.0 {
        1
    } else {
        2
    };
    Ok(TABLE[i])
}

/// The mg/kg per pulse for this age and creatinine: the lower column below
/// 150 µmol/L (footnote); at 150 or more the column is not known.
pub fn dose_mg_per_kg(age_years: f64, creatinine_umol_l: f64) -> Result<Status<f64>> {
    let c = non_negative(Field::Lab(Analyte::Creatinine), creatinine_umol_l)?;
    let r = row(age_years)?;
    Ok(if c < super::adjust::LOWER_COLUMN_BELOW_UMOL_L {
        Status::Available {
            value: r.lower_creatinine_mg_per_kg,
        }
    } else {
        Status::Unavailable {
            gap: Gap::EularCreatinineBands,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_age() {
        assert_eq!(row(45.0).unwrap().lower_creatinine_mg_per_kg, 15.0);
        assert_eq!(row(59.9).unwrap().higher_creatinine_mg_per_kg, 12.5);
        assert_eq!(row(60.0).unwrap().age, AgeBand::From60To70);
        assert_eq!(row(70.0).unwrap().higher_creatinine_mg_per_kg, 10.0);
        assert_eq!(row(70.5).unwrap().age, AgeBand::Over70);
        assert_eq!(row(80.0).unwrap().higher_creatinine_mg_per_kg, 7.5);
        assert!(row(-1.0).is_err());
    }

    #[test]
    fn lower_column_below_150_and_unknown_above() {
        let mg = |age, cr| dose_mg_per_kg(age, cr).unwrap().available();
        assert_eq!(mg(30.0, 120.0), Some(15.0));
        assert_eq!(mg(65.0, 149.9), Some(12.5));
        assert_eq!(mg(72.0, 80.0), Some(10.0));
        for age in [30.0, 65.0, 75.0] {
            assert_eq!(
                dose_mg_per_kg(age, 150.0).unwrap().gap(),
                Some(Gap::EularCreatinineBands)
            );
        }
        assert!(dose_mg_per_kg(65.0, f64::NAN).is_err());
    }
}
