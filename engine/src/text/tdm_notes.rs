//! What the drug screen says beside its results ([`TdmNote`]): a part it
//! could not compute (the dose advice, a trapezoidal AUC) and why, a level
//! kept as typed though implausible, and what it did with the covariates
//! over time and the co-medications (an absorption occasion started by a
//! change of meal timing, a covariate read from the co-medication list, an
//! effect the model leaves out); and a co-medication with its period
//! ([`CoMedication`]), as the notes and the Safety screen name it. In
//! English and Japanese; the English is also their `Display`.

use super::{significant, tick, Lang, Say, Words};
use crate::record::CoMedication;
use crate::tdm::view::{display, DateTime};
use crate::tdm::{MealTiming, TdmNote};
use std::fmt;

impl Words for MealTiming {
    fn words(self, lang: Lang) -> &'static str {
        let (en, ja) = match self {
            MealTiming::BeforeMeal => ("before meals", "食前"),
            MealTiming::AfterMeal => ("after meals", "食後"),
        };
        lang.pick(en, ja)
    }
}

/// A clock time of a note (RFC 3339) as the tables show it.
fn when(text: &str) -> String {
    DateTime::parse_from_rfc3339(text).map_or_else(|_| text.to_owned(), |t| display(&t))
}

impl Say for TdmNote {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (TdmNote::NoAdvice { reason }, Lang::En) => {
                format!("No dose advice: {}", reason.say(lang))
            }
            (TdmNote::NoAdvice { reason }, Lang::Ja) => {
                format!("投与量の提案を計算できません：{}", reason.say(lang))
            }
            (TdmNote::TrapezoidAuc { interval, reason }, Lang::En) => {
                format!("{interval} by trapezoid not computable: {}", reason.say(lang))
            }
            (TdmNote::TrapezoidAuc { interval, reason }, Lang::Ja) => {
                format!("台形法による {interval} を計算できません：{}", reason.say(lang))
            }
            (TdmNote::Implausible { level, value }, Lang::En) => format!(
                "Level {} ({} ng/mL) is implausible for a whole-blood level of this drug and is used as typed: check the value and its unit.",
                level + 1,
                significant(*value, 3)
            ),
            (TdmNote::Implausible { level, value }, Lang::Ja) => format!(
                "{} 番目の測定値（{} ng/mL）はこの薬剤の全血中濃度として考えにくい値ですが、入力どおり計算に使っています。値と単位を確認してください。",
                level + 1,
                significant(*value, 3)
            ),
            (
                TdmNote::AbsorptionOccasion {
                    row,
                    from,
                    before,
                    after,
                    parameters,
                    levels,
                },
                _,
            ) => occasion(
                lang,
                &Occasion {
                    row: row + 1,
                    from: when(from),
                    before: before.words(lang),
                    after: after.words(lang),
                    parameters: parameters.join(", "),
                    levels: *levels,
                },
            ),
            (
                TdmNote::FromComedications {
                    covariate,
                    names,
                    after_stop_h,
                },
                Lang::En,
            ) => format!(
                "{covariate} is set from the co-medication list: {}; 1 from the start until {} days after the stop (the model's definition).",
                names.join(lang.list_separator()),
                tick(after_stop_h / 24.0)
            ),
            (
                TdmNote::FromComedications {
                    covariate,
                    names,
                    after_stop_h,
                },
                Lang::Ja,
            ) => format!(
                "{covariate} は併用薬一覧から設定しました：{}。開始から中止の {} 日後まで 1 とします（モデルの定義）。",
                names.join(lang.list_separator()),
                tick(after_stop_h / 24.0)
            ),
            (
                TdmNote::Unmodelled {
                    name,
                    drug_en,
                    start,
                    stop,
                    effect,
                    ..
                },
                Lang::En,
            ) => format!(
                "{} ({drug_en}): the model has no covariate for it, and the predictions leave out its effect: {} ({}).",
                taken(name, start, stop).say(lang),
                effect.en,
                effect.source.citation()
            ),
            (
                TdmNote::Unmodelled {
                    name,
                    drug_ja,
                    start,
                    stop,
                    effect,
                    ..
                },
                Lang::Ja,
            ) => format!(
                "{}（{drug_ja}）：このモデルには対応する共変量がなく、予測には次の影響が含まれていません：{}（{}）。",
                taken(name, start, stop).say(lang),
                effect.ja,
                effect.source.citation()
            ),
        }
    }
}

/// An absorption occasion's values, as the note shows them.
struct Occasion {
    /// 1-based.
    row: usize,
    from: String,
    before: &'static str,
    after: &'static str,
    parameters: String,
    levels: usize,
}

fn occasion(lang: Lang, o: &Occasion) -> String {
    let Occasion {
        row,
        from,
        before,
        after,
        parameters,
        levels,
    } = o;
    match (lang, levels) {
        (Lang::En, 0) => format!(
            "Dose row {row} (from {from}) changes the meal timing from {before} to {after}: a new occasion starts for the between-occasion variability of {parameters}, and the absorption estimated from the levels before the change is not carried over. With no level on the new timing yet, the forecast after the change uses the population's values."
        ),
        (Lang::En, _) => format!(
            "Dose row {row} (from {from}) changes the meal timing from {before} to {after}: a new occasion starts for the between-occasion variability of {parameters}; the absorption estimated from the levels before the change is not carried over, and the {levels} level(s) on the new timing estimate it."
        ),
        (Lang::Ja, 0) => format!(
            "投与歴 {row} 行目（{from} から）で服用タイミングが{before}から{after}に変わります。{parameters} の機会間変動は新しい機会として扱い、変更前の測定値から推定した吸収は引き継ぎません。新しいタイミングでの測定値がないため、変更後は集団の値で予測しています。"
        ),
        (Lang::Ja, _) => format!(
            "投与歴 {row} 行目（{from} から）で服用タイミングが{before}から{after}に変わります。{parameters} の機会間変動は新しい機会として扱い、変更前の測定値から推定した吸収は引き継がず、新しいタイミングでの測定値 {levels} 件から推定しています。"
        ),
    }
}

/// The co-medication of an unmodelled effect, its times as RFC 3339.
fn taken(name: &str, start: &Option<String>, stop: &Option<String>) -> CoMedication {
    let clock = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
    };
    CoMedication {
        name: name.to_owned(),
        start: clock(start),
        stop: clock(stop),
    }
}

impl fmt::Display for TdmNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// The name as typed, with its period when one is known
/// ("itraconazole (from 2026-11-02 08:00)").
impl Say for CoMedication {
    fn say(&self, lang: Lang) -> String {
        let (start, stop) = (
            self.start.as_ref().map(display),
            self.stop.as_ref().map(display),
        );
        let name = &self.name;
        match (start, stop, lang) {
            (None, None, _) => name.clone(),
            (Some(a), None, Lang::En) => format!("{name} (from {a})"),
            (Some(a), None, Lang::Ja) => format!("{name}（{a} から）"),
            (None, Some(b), Lang::En) => format!("{name} (until {b})"),
            (None, Some(b), Lang::Ja) => format!("{name}（{b} まで）"),
            (Some(a), Some(b), Lang::En) => format!("{name} ({a} to {b})"),
            (Some(a), Some(b), Lang::Ja) => format!("{name}（{a}〜{b}）"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::has_japanese;
    use super::*;
    use crate::clinical::interactions::{effects::quantified, Subject};
    use crate::dose::DoseError;
    use crate::nca::{AreaError, NcaError};

    fn notes() -> Vec<TdmNote> {
        let effect = quantified(Subject::Tacrolimus, "itraconazole").expect("figure");
        let occasion = |levels| TdmNote::AbsorptionOccasion {
            row: 1,
            from: "2026-11-03T08:00:00+09:00".into(),
            before: MealTiming::AfterMeal,
            after: MealTiming::BeforeMeal,
            parameters: vec!["CL".into(), "KA".into(), "ALAG".into()],
            levels,
        };
        vec![
            TdmNote::NoAdvice {
                reason: DoseError::MetricOutsideInterval("C6".into(), 4.0),
            },
            TdmNote::TrapezoidAuc {
                interval: "AUC0-4".into(),
                reason: NcaError::Order {
                    sample: 3,
                    time: 2.0,
                    previous: 2.0,
                },
            },
            TdmNote::Implausible {
                level: 0,
                value: 1234.4,
            },
            occasion(0),
            occasion(2),
            TdmNote::FromComedications {
                covariate: "AZOLE".into(),
                names: vec!["itraconazole".into(), "VRCZ".into()],
                after_stop_h: 168.0,
            },
            TdmNote::Unmodelled {
                name: "itraconazole".into(),
                drug_en: "itraconazole".into(),
                drug_ja: "イトラコナゾール".into(),
                start: Some("2026-11-02T08:00:00+09:00".into()),
                stop: None,
                effect,
            },
        ]
    }

    #[test]
    fn every_note_is_said_in_both_languages() {
        for n in notes() {
            let (en, ja) = (n.say(Lang::En), n.say(Lang::Ja));
            assert_eq!(en, n.to_string());
            assert!(!has_japanese(&en), "{n:?}: {en}");
            assert!(has_japanese(&ja), "{n:?}: {ja}");
        }
        for m in [MealTiming::BeforeMeal, MealTiming::AfterMeal] {
            assert!(!has_japanese(m.words(Lang::En)) && has_japanese(m.words(Lang::Ja)));
        }
    }

    #[test]
    fn notes_read_as_the_screen_shows_them() {
        let all = notes();
        assert_eq!(
            all[0].say(Lang::Ja),
            "投与量の提案を計算できません：C6 は 4 時間の投与間隔の終わりより後です"
        );
        assert_eq!(
            all[1].say(Lang::Ja),
            "台形法による AUC0-4 を計算できません：3 番目の採血：投与後時間 2 が前の採血（2）より後ではありません。同じ時刻の測定値が重複していないか確認してください"
        );
        let tail = TdmNote::TrapezoidAuc {
            interval: "AUC0-4".into(),
            reason: NcaError::Area(AreaError::NoLambdaZ { to: 4.0, last: 3.8 }),
        };
        assert_eq!(
            tail.say(Lang::Ja),
            "台形法による AUC0-4 を計算できません：4 時間までの AUC には最後の測定（3.8 時間）より後の外挿が必要ですが、消失速度定数 λz を推定できません"
        );
        assert_eq!(
            all[2].to_string(),
            "Level 1 (1234 ng/mL) is implausible for a whole-blood level of this drug and is used as typed: check the value and its unit."
        );
        assert_eq!(
            all[3].say(Lang::Ja),
            "投与歴 2 行目（2026-11-03 08:00 から）で服用タイミングが食後から食前に変わります。CL, KA, ALAG の機会間変動は新しい機会として扱い、変更前の測定値から推定した吸収は引き継ぎません。新しいタイミングでの測定値がないため、変更後は集団の値で予測しています。"
        );
        assert_eq!(
            all[5].to_string(),
            "AZOLE is set from the co-medication list: itraconazole, VRCZ; 1 from the start until 7 days after the stop (the model's definition)."
        );
        let TdmNote::Unmodelled { effect, .. } = &all[6] else {
            unreachable!()
        };
        assert_eq!(
            all[6].say(Lang::Ja),
            format!(
                "itraconazole（2026-11-02 08:00 から）（イトラコナゾール）：このモデルには対応する共変量がなく、予測には次の影響が含まれていません：{}（{}）。",
                effect.ja,
                effect.source.citation()
            )
        );
        assert!(all[6].to_string().starts_with(
            "itraconazole (from 2026-11-02 08:00) (itraconazole): the model has no covariate"
        ));
    }

    #[test]
    fn a_co_medication_is_named_with_its_period() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).ok();
        let m = |start, stop| CoMedication {
            name: "VRCZ".into(),
            start,
            stop,
        };
        let a = t("2026-11-02T08:00:00+09:00");
        let b = t("2026-11-09T08:00:00+09:00");
        assert_eq!(m(None, None).say(Lang::Ja), "VRCZ");
        assert_eq!(m(a, None).say(Lang::En), "VRCZ (from 2026-11-02 08:00)");
        assert_eq!(m(None, b).say(Lang::Ja), "VRCZ（2026-11-09 08:00 まで）");
        assert_eq!(
            m(a, b).say(Lang::Ja),
            "VRCZ（2026-11-02 08:00〜2026-11-09 08:00）"
        );
        assert_eq!(
            m(a, b).say(Lang::En),
            "VRCZ (2026-11-02 08:00 to 2026-11-09 08:00)"
        );
    }
}
