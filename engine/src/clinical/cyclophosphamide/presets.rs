//! Published IVCY regimens as data, each with its citation. Regimens whose
//! dose the pack does not verify are [`Status::Unavailable`].

use super::dose::{Basis, Prescription};
use super::schedule::Spacing;
use crate::clinical::notes::Note;
use crate::clinical::sources::Source;
use crate::clinical::status::{Gap, Status};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regimen {
    Yamasaki,
    Nih,
    EuroLupus,
    Kameda,
    ShenLowDose,
    TsujiTriple,
    Cyclops,
}

/// Dose range per pulse (min = max for a single published dose).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoseRange {
    pub basis: Basis,
    pub min: f64,
    pub max: f64,
}

impl DoseRange {
    pub fn contains(&self, p: Prescription) -> bool {
        p.basis == self.basis && (self.min..=self.max).contains(&p.amount)
    }
}

/// Published spacing between pulses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "every", rename_all = "snake_case")]
pub enum Interval {
    Weeks { min: u32, max: u32 },
    Month,
}

impl Interval {
    /// The spacing to propose (the shortest published one).
    pub fn default_spacing(self) -> Spacing {
        match self {
            Interval::Weeks { min, .. } => Spacing::Days { days: 7 * min },
            Interval::Month => Spacing::CalendarMonths { months: 1 },
        }
    }

    pub fn allows(self, s: Spacing) -> bool {
        match (self, s) {
            (Interval::Weeks { min, max }, Spacing::Days { days }) => {
                (7 * min..=7 * max).contains(&days)
            }
            (Interval::Month, Spacing::CalendarMonths { months }) => months == 1,
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "count", rename_all = "snake_case")]
pub enum PulseCount {
    AtLeast { n: u32 },
    Exactly { n: u32 },
    Between { min: u32, max: u32 },
    NotStated,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    pub regimen: Regimen,
    pub dose: DoseRange,
    pub interval: Interval,
    pub pulses: PulseCount,
    pub source: Source,
    pub notes: Vec<Note>,
}

fn range(basis: Basis, min: f64, max: f64) -> DoseRange {
    DoseRange { basis, min, max }
}

impl Regimen {
    pub const ALL: [Regimen; 7] = [
        Regimen::Yamasaki,
        Regimen::Nih,
        Regimen::EuroLupus,
        Regimen::Kameda,
        Regimen::ShenLowDose,
        Regimen::TsujiTriple,
        Regimen::Cyclops,
    ];

    pub fn preset(self) -> Status<Preset> {
        use Basis::*;
        let (dose, interval, pulses, source, notes) = match self {
            // [V] 300–800 mg/m² every 4 weeks, at least 6 times (PM/DM progressive IP)
            Regimen::Yamasaki => (
                range(MgPerM2, 300.0, 800.0),
                Interval::Weeks { min: 4, max: 4 },
                PulseCount::AtLeast { n: 6 },
                Source::Yamasaki2007,
                vec![],
            ),
            // [V] 750–1000 mg/m²; MSD: monthly ×6; UpToDate: every 4 weeks for 3–6 doses
            Regimen::Nih => (
                range(MgPerM2, 750.0, 1000.0),
                Interval::Weeks { min: 4, max: 4 },
                PulseCount::Between { min: 3, max: 6 },
                Source::UpToDateIvcy,
                vec![Note::NihAdjustToResponseAndNadir],
            ),
            // [V] 500 mg fixed, weeks 0,2,4,6,8,10 (6 doses; total 3 g)
            Regimen::EuroLupus => (
                range(Mg, 500.0, 500.0),
                Interval::Weeks { min: 2, max: 2 },
                PulseCount::Exactly { n: 6 },
                Source::MsdManualSle,
                vec![Note::EuroLupusFertility],
            ),
            // [V] IVCY 10–30 mg/kg every 3–4 weeks (DM-A/SIP, triple therapy)
            Regimen::Kameda => (
                range(MgPerKg, 10.0, 30.0),
                Interval::Weeks { min: 3, max: 4 },
                PulseCount::NotStated,
                Source::Kameda2005,
                vec![Note::KamedaCoTherapy],
            ),
            // [V] CYC 0.4 g/m² monthly (CTD-ILD with pirfenidone, n=7)
            Regimen::ShenLowDose => (
                range(MgPerM2, 400.0, 400.0),
                Interval::Month,
                PulseCount::NotStated,
                Source::ShenArchRheumatol,
                vec![],
            ),
            // [M] 500–1000 mg/m² every 2 weeks: not used
            Regimen::TsujiTriple => {
                return Status::Unavailable {
                    gap: Gap::TsujiIvcyDose,
                }
            }
            // [M]/secondary 15 mg/kg weeks 0,2,4,7,10,13: not used
            Regimen::Cyclops => {
                return Status::Unavailable {
                    gap: Gap::CyclopsRegimen,
                }
            }
        };
        Status::Available {
            value: Preset {
                regimen: self,
                dose,
                interval,
                pulses,
                source,
                notes,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(r: Regimen) -> Preset {
        r.preset().available().unwrap()
    }

    #[test]
    fn published_doses() {
        let y = p(Regimen::Yamasaki);
        assert_eq!(
            (y.dose.min, y.dose.max, y.dose.basis),
            (300.0, 800.0, Basis::MgPerM2)
        );
        assert_eq!(y.pulses, PulseCount::AtLeast { n: 6 });
        assert_eq!(y.interval.default_spacing(), Spacing::Days { days: 28 });
        let n = p(Regimen::Nih);
        assert_eq!((n.dose.min, n.dose.max), (750.0, 1000.0));
        let e = p(Regimen::EuroLupus);
        assert_eq!((e.dose.basis, e.dose.min), (Basis::Mg, 500.0));
        assert_eq!(e.interval.default_spacing(), Spacing::Days { days: 14 });
        let k = p(Regimen::Kameda);
        assert_eq!(
            (k.dose.min, k.dose.max, k.dose.basis),
            (10.0, 30.0, Basis::MgPerKg)
        );
        assert!(k.interval.allows(Spacing::Days { days: 21 }));
        assert!(k.interval.allows(Spacing::Days { days: 28 }));
        assert!(!k.interval.allows(Spacing::Days { days: 14 }));
        assert_eq!(
            p(Regimen::ShenLowDose).interval.default_spacing(),
            Spacing::CalendarMonths { months: 1 }
        );
    }

    #[test]
    fn range_checks_basis_and_amount() {
        let y = p(Regimen::Yamasaki).dose;
        assert!(y.contains(Prescription {
            basis: Basis::MgPerM2,
            amount: 600.0
        }));
        assert!(!y.contains(Prescription {
            basis: Basis::MgPerM2,
            amount: 900.0
        }));
        assert!(!y.contains(Prescription {
            basis: Basis::MgPerKg,
            amount: 600.0
        }));
    }

    #[test]
    fn unverified_regimens_unavailable() {
        assert_eq!(
            Regimen::TsujiTriple.preset().gap(),
            Some(Gap::TsujiIvcyDose)
        );
        assert_eq!(Regimen::Cyclops.preset().gap(), Some(Gap::CyclopsRegimen));
        let available = Regimen::ALL
            .iter()
            .filter(|r| r.preset().available().is_some())
            .count();
        assert_eq!(available, 5);
    }
}
