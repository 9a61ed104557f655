//! The laboratory and lung-function analytes the app records: names (en, ja),
//! accepted units (canonical first), assays, and the one-sided reference
//! limits the pack verifies. Two-sided intervals (JCCLS) are in
//! [`super::ranges`], which also gives each analyte's reference; anything
//! without one is [`Gap::LabReferenceRange`] — the lab's own range.

use super::sources::Source;
use super::status::{Gap, Status};
use super::units::Unit;
use crate::text::{Lang, Words};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Analyte {
    Kl6,
    SpD,
    SpA,
    Ferritin,
    Crp,
    Ldh,
    Ck,
    Aldolase,
    BetaDGlucan,
    CmvAntigenaemia,
    Procalcitonin,
    Wbc,
    Lymphocytes,
    IgG,
    Creatinine,
    Fvc,
    PercentVc,
    Dlco,
    PercentDlco,
    Tlc,
    Vc,
    Fev1,
    SpO2,
    PaO2,
    PaCo2,
    FiO2,
    Potassium,
    Glucose,
    Hba1c,
    Ast,
    Alt,
    SystolicBp,
    DiastolicBp,
}

impl Analyte {
    pub const ALL: [Analyte; 33] = [
        Analyte::Kl6,
        Analyte::SpD,
        Analyte::SpA,
        Analyte::Ferritin,
        Analyte::Crp,
        Analyte::Ldh,
        Analyte::Ck,
        Analyte::Aldolase,
        Analyte::BetaDGlucan,
        Analyte::CmvAntigenaemia,
        Analyte::Procalcitonin,
        Analyte::Wbc,
        Analyte::Lymphocytes,
        Analyte::IgG,
        Analyte::Creatinine,
        Analyte::Fvc,
        Analyte::PercentVc,
        Analyte::Dlco,
        Analyte::PercentDlco,
        Analyte::Tlc,
        Analyte::Vc,
        Analyte::Fev1,
        Analyte::SpO2,
        Analyte::PaO2,
        Analyte::PaCo2,
        Analyte::FiO2,
        Analyte::Potassium,
        Analyte::Glucose,
        Analyte::Hba1c,
        Analyte::Ast,
        Analyte::Alt,
        Analyte::SystolicBp,
        Analyte::DiastolicBp,
    ];

    /// In English (both languages: `crate::text`).
    pub fn en(self) -> &'static str {
        self.words(Lang::En)
    }

    /// Accepted units, canonical (as Japanese labs report) first.
    pub fn units(self) -> &'static [Unit] {
        match self {
            Analyte::Kl6 => &[Unit::UPerMl],
            Analyte::SpD | Analyte::SpA | Analyte::Procalcitonin => &[Unit::NgPerMl],
            Analyte::Ferritin => &[Unit::NgPerMl, Unit::UgPerL, Unit::PmolPerL],
            Analyte::Crp => &[Unit::MgPerDl, Unit::MgPerL],
            Analyte::Ldh | Analyte::Ck | Analyte::Aldolase => &[Unit::UPerL],
            Analyte::BetaDGlucan => &[Unit::PgPerMl],
            Analyte::CmvAntigenaemia => &[Unit::PositiveCells],
            Analyte::Wbc | Analyte::Lymphocytes => &[Unit::PerUl, Unit::GigaPerL],
            Analyte::IgG => &[Unit::MgPerDl],
            Analyte::Creatinine => &[Unit::MgPerDl, Unit::UmolPerL],
            Analyte::Fvc => &[Unit::Litre],
            Analyte::PercentVc | Analyte::PercentDlco => &[Unit::Percent],
            Analyte::Dlco => &[Unit::MlPerMinPerMmHg],
            Analyte::Tlc | Analyte::Vc | Analyte::Fev1 => &[Unit::Litre],
            Analyte::SpO2 | Analyte::FiO2 | Analyte::Hba1c => &[Unit::Percent],
            Analyte::PaO2 | Analyte::PaCo2 | Analyte::SystolicBp | Analyte::DiastolicBp => {
                &[Unit::MmHg]
            }
            Analyte::Potassium => &[Unit::MmolPerL],
            Analyte::Glucose => &[Unit::MgPerDl],
            Analyte::Ast | Analyte::Alt => &[Unit::UPerL],
        }
    }

    pub fn canonical_unit(self) -> Unit {
        self.units()[0]
    }
}

/// The assay or kit a result was measured with (store it with every result:
/// KL-6 and β-D-glucan limits depend on it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "assay", content = "name", rename_all = "snake_case")]
pub enum Assay {
    /// KL-6, BML CLEIA.
    Kl6BmlCleia,
    /// KL-6, HISCL.
    Kl6Hiscl,
    /// β-D-glucan, Fungitec G-test MK (chromogenic).
    FungitecGTestMk,
    /// β-D-glucan, β-glucan test Wako (turbidimetric).
    BetaGlucanTestWako,
    /// Anything else, as written on the lab report.
    Other(String),
}

/// How a limit reads.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    /// Reference: values below the limit are normal.
    Below,
    /// Reference: values at or below the limit are normal.
    AtMost,
    /// A study's cut-off (not a reference range).
    StudyCutOff,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceLimit {
    pub kind: LimitKind,
    pub value: f64,
    pub unit: Unit,
    pub source: Source,
}

impl ReferenceLimit {
    /// Whether `value` (in the limit's unit) is beyond the limit.
    pub fn exceeded_by(&self, value: f64) -> bool {
        match self.kind {
            LimitKind::Below => value >= self.value,
            LimitKind::AtMost | LimitKind::StudyCutOff => value > self.value,
        }
    }
}

const fn limit(kind: LimitKind, value: f64, unit: Unit, source: Source) -> ReferenceLimit {
    ReferenceLimit {
        kind,
        value,
        unit,
        source,
    }
}

/// The reference limit the pack verifies for `analyte` measured by `assay`.
pub fn reference_limit(analyte: Analyte, assay: Option<&Assay>) -> Status<ReferenceLimit> {
    use LimitKind::*;
    let found = match (analyte, assay) {
        // [V] KL-6 <500 U/mL, CLEIA (BML code 00147) — Source::BmlKl6
        (Analyte::Kl6, Some(Assay::Kl6BmlCleia)) => {
            Ok(limit(Below, 500.0, Unit::UPerMl, Source::BmlKl6))
        }
        // [V] HISCL KL-6: ILD vs healthy cut-off 304 U/mL — Source::HisclKl6
        (Analyte::Kl6, Some(Assay::Kl6Hiscl)) => {
            Ok(limit(StudyCutOff, 304.0, Unit::UPerMl, Source::HisclKl6))
        }
        (Analyte::Kl6, _) => Err(Gap::Kl6OtherAssay),
        // [V] SP-D <110 ng/mL (ELISA/EIA/CLEIA/latex) — Source::LabDataBook
        (Analyte::SpD, _) => Ok(limit(Below, 110.0, Unit::NgPerMl, Source::LabDataBook)),
        // [V] SP-A cut-off 43.8 ng/mL (24.6±9.6) — Source::LabDataBook
        (Analyte::SpA, _) => Ok(limit(AtMost, 43.8, Unit::NgPerMl, Source::LabDataBook)),
        // [V] β-D-glucan ≤20 pg/mL Fungitec G-test MK; ≤11 pg/mL Wako — Source::FujifilmWakoBdg
        (Analyte::BetaDGlucan, Some(Assay::FungitecGTestMk)) => {
            Ok(limit(AtMost, 20.0, Unit::PgPerMl, Source::FujifilmWakoBdg))
        }
        (Analyte::BetaDGlucan, Some(Assay::BetaGlucanTestWako)) => {
            Ok(limit(AtMost, 11.0, Unit::PgPerMl, Source::FujifilmWakoBdg))
        }
        (Analyte::BetaDGlucan, _) => Err(Gap::BetaDGlucanOtherKit),
        (Analyte::CmvAntigenaemia, _) => Err(Gap::CmvCtdThreshold),
        // [V] procalcitonin ≤ 0.05 ng/mL (ECLIA, BML) — Source::BmlProcalcitonin
        (Analyte::Procalcitonin, _) => {
            Ok(limit(AtMost, 0.05, Unit::NgPerMl, Source::BmlProcalcitonin))
        }
        _ => Err(Gap::LabReferenceRange),
    };
    match found {
        Ok(value) => Status::Available { value },
        Err(gap) => Status::Unavailable { gap },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lim(a: Analyte, assay: Option<Assay>) -> Status<ReferenceLimit> {
        reference_limit(a, assay.as_ref())
    }

    #[test]
    fn verified_limits() {
        let kl6 = lim(Analyte::Kl6, Some(Assay::Kl6BmlCleia))
            .available()
            .unwrap();
        assert_eq!((kl6.value, kl6.unit), (500.0, Unit::UPerMl));
        assert!(kl6.exceeded_by(500.0) && !kl6.exceeded_by(499.0));
        assert_eq!(lim(Analyte::SpD, None).available().unwrap().value, 110.0);
        assert_eq!(lim(Analyte::SpA, None).available().unwrap().value, 43.8);
        let mk = lim(Analyte::BetaDGlucan, Some(Assay::FungitecGTestMk))
            .available()
            .unwrap();
        assert!(!mk.exceeded_by(20.0) && mk.exceeded_by(20.1));
        let wako = lim(Analyte::BetaDGlucan, Some(Assay::BetaGlucanTestWako))
            .available()
            .unwrap();
        assert_eq!(wako.value, 11.0);
    }

    #[test]
    fn assay_dependence_and_gaps() {
        assert_eq!(lim(Analyte::Kl6, None).gap(), Some(Gap::Kl6OtherAssay));
        assert_eq!(
            lim(Analyte::Kl6, Some(Assay::Other("ECLIA".into()))).gap(),
            Some(Gap::Kl6OtherAssay)
        );
        assert_eq!(
            lim(Analyte::BetaDGlucan, None).gap(),
            Some(Gap::BetaDGlucanOtherKit)
        );
        assert_eq!(
            lim(Analyte::Ferritin, None).gap(),
            Some(Gap::LabReferenceRange)
        );
        assert_eq!(
            lim(Analyte::CmvAntigenaemia, None).gap(),
            Some(Gap::CmvCtdThreshold)
        );
        let hiscl = lim(Analyte::Kl6, Some(Assay::Kl6Hiscl))
            .available()
            .unwrap();
        assert_eq!((hiscl.kind, hiscl.value), (LimitKind::StudyCutOff, 304.0));
    }

    #[test]
    fn every_analyte_has_names_and_a_unit() {
        for a in Analyte::ALL {
            assert!(!a.en().is_empty() && !a.words(Lang::Ja).is_empty());
            assert_eq!(a.canonical_unit(), a.units()[0]);
        }
        assert_eq!(Analyte::Ferritin.words(Lang::Ja), "フェリチン");
    }
}
