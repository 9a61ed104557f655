//! Why a clinical input was refused ([`ClinicalError`]) and the unit
//! question of a laboratory value ([`UnitSuggestion`]), in English and
//! Japanese. The English is also their `Display`.

use super::{Lang, Say, Words};
use crate::clinical::error::ClinicalError;
use crate::clinical::units::{fmt_sig, UnitSuggestion};
use std::fmt;

impl Say for ClinicalError {
    fn say(&self, lang: Lang) -> String {
        let field = |f: &crate::clinical::error::Field| f.words(lang);
        match (self, lang) {
            (ClinicalError::NotFinite { field: f, value }, Lang::En) => {
                format!("{}: please enter a number (got {value})", field(f))
            }
            (ClinicalError::NotFinite { field: f, value }, Lang::Ja) => {
                format!("{}：数値を入力してください（入力：「{value}」）", field(f))
            }
            (ClinicalError::NotPositive { field: f, value }, Lang::En) => {
                format!("{}: must be greater than 0 (got {value})", field(f))
            }
            (ClinicalError::NotPositive { field: f, value }, Lang::Ja) => {
                format!(
                    "{}：0 より大きい値を入力してください（入力：{value}）",
                    field(f)
                )
            }
            (ClinicalError::Negative { field: f, value }, Lang::En) => {
                format!("{}: cannot be negative (got {value})", field(f))
            }
            (ClinicalError::Negative { field: f, value }, Lang::Ja) => {
                format!("{}：負の値は入力できません（入力：{value}）", field(f))
            }
            (
                ClinicalError::OutOfRange {
                    field: f,
                    value,
                    min,
                    max,
                },
                Lang::En,
            ) => format!("{}: {value} is outside {min}–{max}", field(f)),
            (
                ClinicalError::OutOfRange {
                    field: f,
                    value,
                    min,
                    max,
                },
                Lang::Ja,
            ) => format!("{}：{value} は {min}–{max} の範囲外です", field(f)),
            (ClinicalError::NotAdult { field: f, value }, Lang::En) => format!(
                "{}: the adult equation needs age ≥ 18 years (got {value})",
                field(f)
            ),
            (ClinicalError::NotAdult { field: f, value }, Lang::Ja) => format!(
                "{}：成人用の式のため 18 歳以上が必要です（入力：{value}）",
                field(f)
            ),
            (ClinicalError::Missing { field: f }, Lang::En) => {
                format!("{}: missing, needed for this calculation", field(f))
            }
            (ClinicalError::Missing { field: f }, Lang::Ja) => {
                format!("{}：この計算に必要ですが、入力されていません", field(f))
            }
            (ClinicalError::ZeroBaseline { field: f }, Lang::En) => {
                format!("{}: percent change needs a baseline other than 0", field(f))
            }
            (ClinicalError::ZeroBaseline { field: f }, Lang::Ja) => format!(
                "{}：変化率の計算には 0 以外のベースライン値が必要です",
                field(f)
            ),
            (ClinicalError::UnitNotAccepted { analyte, unit }, Lang::En) => {
                format!("{unit} is not a unit for {analyte}")
            }
            (ClinicalError::UnitNotAccepted { analyte, unit }, Lang::Ja) => {
                format!("{unit} は {analyte} の単位として使えません")
            }
            (ClinicalError::UnknownDrug { name }, Lang::En) => {
                format!("{name}: interactions are checked for cyclosporine and tacrolimus only")
            }
            (ClinicalError::UnknownDrug { name }, Lang::Ja) => {
                format!("{name}：相互作用を確認できるのはシクロスポリンとタクロリムスのみです")
            }
            (ClinicalError::BadDate { field: f, value }, Lang::En) => format!(
                "{}: please enter a date as YYYY-MM-DD (got {value})",
                field(f)
            ),
            (ClinicalError::BadDate { field: f, value }, Lang::Ja) => format!(
                "{}：YYYY-MM-DD の形式で入力してください（入力：「{value}」）",
                field(f)
            ),
            (ClinicalError::DateOutOfRange, Lang::En) => {
                "the schedule runs past the last date the calendar can hold".to_owned()
            }
            (ClinicalError::DateOutOfRange, Lang::Ja) => {
                "予定がカレンダーで扱える最後の日付を超えます".to_owned()
            }
            (ClinicalError::NonFiniteResult, Lang::En) => {
                "the calculation did not give a finite number; please check the inputs".to_owned()
            }
            (ClinicalError::NonFiniteResult, Lang::Ja) => {
                "計算結果が有限の数値になりませんでした。入力を確認してください".to_owned()
            }
        }
    }
}

impl fmt::Display for ClinicalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for ClinicalError {}

/// e.g. "CRP 35 mg/dL — did you mean mg/L? That is 3.5 mg/dL."
impl Say for UnitSuggestion {
    fn say(&self, lang: Lang) -> String {
        let (name, typed, typed_unit, suggested, meant, meant_unit) = (
            self.analyte.words(lang),
            fmt_sig(self.typed.value),
            self.typed.unit.symbol(),
            self.suggested_unit.symbol(),
            fmt_sig(self.reinterpreted.value),
            self.reinterpreted.unit.symbol(),
        );
        match lang {
            Lang::En => format!(
                "{name} {typed} {typed_unit} — did you mean {suggested}? That is {meant} {meant_unit}."
            ),
            Lang::Ja => format!(
                "{name} {typed} {typed_unit} — {suggested}の誤りではありませんか？その場合 {meant} {meant_unit} です。"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::has_japanese;
    use super::*;
    use crate::clinical::analyte::Analyte;
    use crate::clinical::error::Field;

    #[test]
    fn every_error_is_said_in_both_languages() {
        let f = Field::WeightKg;
        let all = [
            ClinicalError::NotFinite {
                field: f,
                value: "x".into(),
            },
            ClinicalError::NotPositive {
                field: f,
                value: -3.0,
            },
            ClinicalError::Negative {
                field: f,
                value: -3.0,
            },
            ClinicalError::OutOfRange {
                field: f,
                value: 600.0,
                min: 1.0,
                max: 500.0,
            },
            ClinicalError::NotAdult {
                field: Field::AgeYears,
                value: 12.0,
            },
            ClinicalError::Missing { field: f },
            ClinicalError::ZeroBaseline {
                field: Field::Baseline,
            },
            ClinicalError::UnitNotAccepted {
                analyte: "CRP".into(),
                unit: "mmHg".into(),
            },
            ClinicalError::UnknownDrug {
                name: "aspirin".into(),
            },
            ClinicalError::BadDate {
                field: Field::Date,
                value: "2025-02-30".into(),
            },
            ClinicalError::DateOutOfRange,
            ClinicalError::NonFiniteResult,
        ];
        for e in all {
            let (en, ja) = (e.say(Lang::En), e.say(Lang::Ja));
            assert_eq!(en, e.to_string());
            assert!(!has_japanese(&en) && has_japanese(&ja), "{e:?}: {ja}");
        }
        let e = ClinicalError::OutOfRange {
            field: Field::FiO2,
            value: 1.2,
            min: 0.21,
            max: 1.0,
        };
        assert_eq!(e.say(Lang::Ja), "FiO2：1.2 は 0.21–1 の範囲外です");
        assert_eq!(
            ClinicalError::Missing {
                field: Field::Lab(Analyte::Crp)
            }
            .say(Lang::Ja),
            "CRP：この計算に必要ですが、入力されていません"
        );
    }
}
