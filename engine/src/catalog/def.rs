//! A validated model definition and the individual parameters it gives.

use super::derived::Derivation;
use super::effects::{Covariates, Effect};
use super::omega::Omega;
use super::residual::ResidualError;
use super::schema::{ModelFile, StateSpec};
use super::CatalogError;
use crate::model::{Absorption, Disposition, PkModel};
use serde::Serialize;

/// Parameters a model file may define.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Slot {
    Cl,
    V1,
    Q,
    V2,
    Q3,
    V3,
    Ka,
    Ktr,
    F,
    Alag,
    K10,
    K12,
    K21,
    K13,
    K31,
}

const SLOTS: [(&str, Slot); 15] = [
    ("CL", Slot::Cl),
    ("V1", Slot::V1),
    ("Q", Slot::Q),
    ("V2", Slot::V2),
    ("Q3", Slot::Q3),
    ("V3", Slot::V3),
    ("KA", Slot::Ka),
    ("KTR", Slot::Ktr),
    ("F", Slot::F),
    ("ALAG", Slot::Alag),
    ("K10", Slot::K10),
    ("K12", Slot::K12),
    ("K21", Slot::K21),
    ("K13", Slot::K13),
    ("K31", Slot::K31),
];

impl Slot {
    pub fn name(self) -> &'static str {
        SLOTS
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("?", |(n, _)| n)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum AbsorptionKind {
    Iv,
    FirstOrder,
    Transit(usize),
}

#[derive(Debug, Clone, PartialEq)]
struct Param {
    slot: Slot,
    typical: f64,
    effects: Vec<Effect>,
    eta: Option<usize>,
    iov: Option<usize>,
    states: Vec<State>,
}

/// A covariate state with its own typical value and η (`when` in the file).
#[derive(Debug, Clone, PartialEq)]
struct State {
    cov: String,
    equals: f64,
    typical: f64,
    eta: Option<usize>,
}

impl Param {
    /// Typical value and η in force for `cov` (the first state that holds).
    fn base(&self, cov: &Covariates) -> (f64, Option<usize>) {
        self.states
            .iter()
            .find(|s| cov.get(&s.cov) == Some(&s.equals))
            .map_or((self.typical, self.eta), |s| (s.typical, s.eta))
    }

    /// Every covariate the parameter reads.
    fn covariates(&self) -> impl Iterator<Item = &str> {
        let effects = self.effects.iter().map(Effect::covariate);
        effects.chain(self.states.iter().map(|s| s.cov.as_str()))
    }
}

/// A model file, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelDef {
    /// The file as written (names, citation, population, products…).
    pub file: ModelFile,
    params: Vec<Param>,
    /// Between-subject variability (None: no η).
    pub omega: Option<Omega>,
    /// Between-occasion variability, when the model has it.
    pub iov: Option<Omega>,
    pub error: ResidualError,
    absorption: AbsorptionKind,
    peripherals: usize,
    micro: bool,
    /// Covariates computed from others when not given.
    derived: Vec<(String, Derivation)>,
}

/// A covariate problem for one patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CovariateIssue {
    /// The model needs it and it was not given: no prediction possible.
    Missing { name: String, description: String },
    /// Given, but outside the source population: predictions extrapolate.
    OutsideRange {
        name: String,
        value: f64,
        min: f64,
        max: f64,
        unit: String,
    },
}

/// Typical values for one patient's covariates: add η to get a model.
#[derive(Debug, Clone, PartialEq)]
pub struct Typical {
    values: Vec<(Slot, f64, Option<usize>, Option<usize>)>,
    absorption: AbsorptionKind,
    peripherals: usize,
    micro: bool,
    scale: f64,
}

fn required_slots(abs: AbsorptionKind, peripherals: usize, micro: bool) -> Vec<Slot> {
    let mut req = if micro {
        vec![Slot::K10, Slot::V1]
    } else {
        vec![Slot::Cl, Slot::V1]
    };
    let per: [[Slot; 2]; 2] = if micro {
        [[Slot::K12, Slot::K21], [Slot::K13, Slot::K31]]
    } else {
        [[Slot::Q, Slot::V2], [Slot::Q3, Slot::V3]]
    };
    req.extend(per[..peripherals].iter().flatten());
    match abs {
        AbsorptionKind::Iv => {}
        AbsorptionKind::FirstOrder => req.push(Slot::Ka),
        AbsorptionKind::Transit(_) => req.push(Slot::Ktr),
    }
    req
}

fn eta_index(
    field: &str,
    name: &Option<String>,
    omega: &Option<Omega>,
    block: &str,
) -> Result<Option<usize>, CatalogError> {
    let Some(name) = name else { return Ok(None) };
    omega
        .as_ref()
        .and_then(|o| o.index(name))
        .map(Some)
        .ok_or_else(|| {
            CatalogError::new(field, format!("η “{name}” is not listed in [{block}] eta"))
        })
}

/// A parameter's state (`when`), validated: the state's typical value and
/// η default to the parameter's.
fn state(
    field: &str,
    w: &StateSpec,
    typical: f64,
    eta: Option<usize>,
    omega: &Option<Omega>,
) -> Result<State, CatalogError> {
    if !w.equals.is_finite() {
        return Err(CatalogError::new(
            &format!("{field}.equals"),
            "must be a finite number",
        ));
    }
    let typical = w.typical.unwrap_or(typical);
    if !(typical.is_finite() && typical >= 0.0) {
        return Err(CatalogError::new(
            &format!("{field}.typical"),
            format!("must be ≥ 0 (got {typical})"),
        ));
    }
    let own = eta_index(&format!("{field}.eta"), &w.eta, omega, "omega")?;
    Ok(State {
        cov: w.name.clone(),
        equals: w.equals,
        typical,
        eta: own.or(eta),
    })
}

/// The `derived` covariates of a file, each input described in
/// `[[covariates]]` and not itself derived.
fn derived_covariates(file: &ModelFile) -> Result<Vec<(String, Derivation)>, CatalogError> {
    let mut out = Vec::new();
    for (i, c) in file.covariates.iter().enumerate() {
        let Some(name) = &c.derived else { continue };
        let field = format!("covariates[{i}].derived");
        let d = Derivation::from_name(&field, name)?;
        for input in d.inputs() {
            let described = file.covariates.iter().find(|c| c.name == *input);
            if described.is_none_or(|c| c.derived.is_some()) {
                return Err(CatalogError::new(
                    &field,
                    format!("input “{input}” must be described in [[covariates]], not derived"),
                ));
            }
        }
        out.push((c.name.clone(), d));
    }
    Ok(out)
}

impl ModelDef {
    /// Parses and validates a model file.
    #[cfg(feature = "model-files")]
    pub fn from_toml(text: &str) -> Result<ModelDef, CatalogError> {
        let file: ModelFile = toml::from_str(text).map_err(|e| {
            let field = e
                .span()
                .map_or("file".to_string(), |s| format!("at byte {}", s.start));
            CatalogError::new(&field, e.message().to_string())
        })?;
        ModelDef::from_file(file)
    }

    /// Parses and validates a model given as JSON (the built-ins, converted
    /// from their TOML files at build time).
    pub fn from_json(text: &str) -> Result<ModelDef, CatalogError> {
        let file: ModelFile =
            serde_json::from_str(text).map_err(|e| CatalogError::new("file", e.to_string()))?;
        ModelDef::from_file(file)
    }

    pub fn from_file(file: ModelFile) -> Result<ModelDef, CatalogError> {
        if file.format != 1 {
            return Err(CatalogError::new(
                "format",
                format!("version {} is not supported (1 is)", file.format),
            ));
        }
        let s = &file.structure;
        if !(1..=3).contains(&s.compartments) {
            return Err(CatalogError::new(
                "structure.compartments",
                format!("must be 1, 2 or 3 (got {})", s.compartments),
            ));
        }
        let absorption = match (s.absorption.as_str(), s.transit_compartments) {
            ("iv", None) => AbsorptionKind::Iv,
            ("first_order", None) => AbsorptionKind::FirstOrder,
            ("transit", Some(n)) if (1..=crate::model::params::MAX_TRANSIT).contains(&n) => {
                AbsorptionKind::Transit(n)
            }
            ("transit", _) => {
                return Err(CatalogError::new(
                    "structure.transit_compartments",
                    "a transit model needs 1–24 ktr-draining compartments (counting the depot)",
                ))
            }
            ("iv" | "first_order", Some(_)) => {
                return Err(CatalogError::new(
                    "structure.transit_compartments",
                    "only a transit model has transit compartments",
                ))
            }
            (other, _) => {
                return Err(CatalogError::new(
                    "structure.absorption",
                    format!("“{other}” is not iv, first_order or transit"),
                ))
            }
        };
        let peripherals = s.compartments - 1;
        let micro = file.parameters.contains_key("K10");
        if !(file.units.scale.is_finite() && file.units.scale > 0.0) {
            return Err(CatalogError::new("units.scale", "must be > 0"));
        }
        let omega = file
            .omega
            .as_ref()
            .map(|o| Omega::from_spec("omega", o))
            .transpose()?;
        let iov = file
            .iov
            .as_ref()
            .map(|o| Omega::from_spec("iov", o))
            .transpose()?;
        let error = ResidualError::from_spec(&file.error)?;
        let required = required_slots(absorption, peripherals, micro);
        let mut params = Vec::new();
        for (name, spec) in &file.parameters {
            let field = format!("parameters.{name}");
            let slot = SLOTS
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, s)| *s)
                .ok_or_else(|| CatalogError::new(&field, "is not a known parameter (CL V1 Q V2 Q3 V3 KA KTR F ALAG K10 K12 K21 K13 K31)"))?;
            if !required.contains(&slot) && !matches!(slot, Slot::F | Slot::Alag) {
                return Err(CatalogError::new(&field, "is not used by this structure"));
            }
            if !(spec.typical.is_finite() && spec.typical >= 0.0) {
                return Err(CatalogError::new(
                    &format!("{field}.typical"),
                    format!("must be ≥ 0 (got {})", spec.typical),
                ));
            }
            let effects = spec
                .covariates
                .iter()
                .enumerate()
                .map(|(i, e)| Effect::from_spec(&format!("{field}.covariates[{i}]"), e))
                .collect::<Result<Vec<_>, _>>()?;
            let eta = eta_index(&format!("{field}.eta"), &spec.eta, &omega, "omega")?;
            let states = spec
                .when
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let field = format!("{field}.when[{i}]");
                    state(&field, w, spec.typical, eta, &omega)
                })
                .collect::<Result<Vec<_>, _>>()?;
            let param = Param {
                slot,
                typical: spec.typical,
                effects,
                eta,
                iov: eta_index(&format!("{field}.iov"), &spec.iov, &iov, "iov")?,
                states,
            };
            for name in param.covariates() {
                if !file.covariates.iter().any(|c| c.name == name) {
                    return Err(CatalogError::new(
                        &field,
                        format!("covariate “{name}” is not described in [[covariates]]"),
                    ));
                }
            }
            params.push(param);
        }
        for slot in required {
            if !params.iter().any(|p| p.slot == slot) {
                return Err(CatalogError::new(
                    &format!("parameters.{}", slot.name()),
                    "is required by this structure and missing",
                ));
            }
        }
        params.sort_by_key(|p| p.slot);
        for (i, p) in file.products.iter().enumerate() {
            if p.strengths_mg.is_empty()
                || p.strengths_mg.iter().any(|s| !(s.is_finite() && *s > 0.0))
            {
                return Err(CatalogError::new(
                    &format!("products[{i}].strengths_mg"),
                    "must list strengths > 0",
                ));
            }
        }
        let derived = derived_covariates(&file)?;
        Ok(ModelDef {
            file,
            params,
            omega,
            iov,
            error,
            absorption,
            peripherals,
            micro,
            derived,
        })
    }

    pub fn id(&self) -> &str {
        &self.file.id
    }

    /// Compartments of the model and the 1-based number of the central one
    /// (observations are taken there; CMT 1 is the depot of oral models).
    pub fn compartments(&self) -> (usize, usize) {
        let absorption = match self.absorption {
            AbsorptionKind::Iv => 0,
            AbsorptionKind::FirstOrder => 1,
            AbsorptionKind::Transit(n) => n,
        };
        (absorption + 1 + self.peripherals, absorption + 1)
    }

    /// Number of between-subject η.
    pub fn n_eta(&self) -> usize {
        self.omega.as_ref().map_or(0, Omega::len)
    }

    /// Number of between-occasion η per occasion.
    pub fn n_iov(&self) -> usize {
        self.iov.as_ref().map_or(0, Omega::len)
    }

    /// The parameters with between-occasion variability (CL, volumes, then
    /// absorption: the order of [`Slot`]).
    pub fn iov_parameters(&self) -> impl Iterator<Item = Slot> + '_ {
        self.params
            .iter()
            .filter(|p| p.iov.is_some())
            .map(|p| p.slot)
    }

    /// Covariates the model needs but were not given, and any given value
    /// outside the range of the source population.
    /// Every covariate effect of the model's parameters.
    pub fn effects(&self) -> impl Iterator<Item = &Effect> {
        self.params.iter().flat_map(|p| &p.effects)
    }

    /// Whether a parameter of the model depends on covariate `name` (by an
    /// effect or a state).
    pub fn uses_covariate(&self, name: &str) -> bool {
        self.params
            .iter()
            .any(|p| p.covariates().any(|c| c == name))
    }

    /// Whether covariate `name` is computed from others, all of which `has`.
    pub fn derivable(&self, name: &str, has: impl Fn(&str) -> bool) -> bool {
        self.derived
            .iter()
            .any(|(n, d)| n == name && d.inputs().iter().all(|i| has(i)))
    }

    /// `cov` with the derived covariates it does not give computed from
    /// their inputs (left out while an input is missing); an input that
    /// cannot be used is an error in words.
    pub fn with_derived(&self, cov: &Covariates) -> Result<Covariates, String> {
        let mut out = cov.clone();
        for (name, d) in &self.derived {
            if !cov.contains_key(name) {
                if let Some(value) = d.compute(cov) {
                    out.insert(name.clone(), value?);
                }
            }
        }
        Ok(out)
    }

    pub fn check_covariates(&self, cov: &Covariates) -> Vec<CovariateIssue> {
        let derived = self.with_derived(cov);
        let cov = derived.as_ref().unwrap_or(cov);
        let mut issues = Vec::new();
        for c in &self.file.covariates {
            match (cov.get(&c.name), c.range) {
                (None, _) if self.uses_covariate(&c.name) => issues.push(CovariateIssue::Missing {
                    name: c.name.clone(),
                    description: c.description.clone(),
                }),
                (Some(&v), Some([min, max])) if v < min || v > max => {
                    issues.push(CovariateIssue::OutsideRange {
                        name: c.name.clone(),
                        value: v,
                        min,
                        max,
                        unit: c.unit.clone(),
                    })
                }
                _ => {}
            }
        }
        issues
    }

    /// Typical parameter values for these covariates; every covariate the
    /// model needs and that is missing is named.
    pub fn typical(&self, cov: &Covariates) -> Result<Typical, String> {
        let cov = &self.with_derived(cov)?;
        let mut missing: Vec<&str> = Vec::new();
        for name in self.params.iter().flat_map(Param::covariates) {
            if !cov.contains_key(name) && !missing.contains(&name) {
                missing.push(name);
            }
        }
        // Named as the model file describes them: "body weight (WT)".
        let named: Vec<String> = missing
            .iter()
            .map(
                |name| match self.file.covariates.iter().find(|c| c.name == *name) {
                    Some(c) => format!("{} ({name})", c.description),
                    None => (*name).to_string(),
                },
            )
            .collect();
        match named.as_slice() {
            [] => {}
            [one] => return Err(format!("{one} is needed by this model and was not given")),
            many => {
                return Err(format!(
                    "{} are needed by this model and were not given",
                    many.join(", ")
                ))
            }
        }
        let mut values = Vec::with_capacity(self.params.len());
        for p in &self.params {
            let (mut v, eta) = p.base(cov);
            for e in &p.effects {
                v *= e.factor(cov.get(e.covariate()).copied().unwrap_or(f64::NAN))?;
            }
            values.push((p.slot, v, eta, p.iov));
        }
        Ok(Typical {
            values,
            absorption: self.absorption,
            peripherals: self.peripherals,
            micro: self.micro,
            scale: self.file.units.scale,
        })
    }

    /// Individual model for covariates, η and (for one occasion) IOV η.
    pub fn individual(
        &self,
        cov: &Covariates,
        eta: &[f64],
        iov: &[f64],
    ) -> Result<PkModel, String> {
        Ok(self.typical(cov)?.model(eta, iov))
    }
}

impl Typical {
    /// The value of `slot` with the given η (missing η count as 0).
    pub fn value(&self, slot: Slot, eta: &[f64], iov: &[f64]) -> Option<f64> {
        self.values
            .iter()
            .find(|v| v.0 == slot)
            .map(|&(_, tv, e, o)| {
                let e = e.and_then(|i| eta.get(i)).copied().unwrap_or(0.0);
                let o = o.and_then(|i| iov.get(i)).copied().unwrap_or(0.0);
                tv * (e + o).exp()
            })
    }

    /// All parameter values by name, for reports.
    pub fn named(&self, eta: &[f64], iov: &[f64]) -> Vec<(&'static str, f64)> {
        self.values
            .iter()
            .filter_map(|v| self.value(v.0, eta, iov).map(|x| (v.0.name(), x)))
            .collect()
    }

    /// The linear compartment model for η (and occasion η).
    pub fn model(&self, eta: &[f64], iov: &[f64]) -> PkModel {
        let get = |s: Slot| self.value(s, eta, iov).unwrap_or(0.0);
        let absorption = match self.absorption {
            AbsorptionKind::Iv => Absorption::Iv,
            AbsorptionKind::FirstOrder => Absorption::FirstOrder { ka: get(Slot::Ka) },
            AbsorptionKind::Transit(n) => Absorption::Transit {
                n,
                ktr: get(Slot::Ktr),
            },
        };
        let per: [[Slot; 2]; 2] = if self.micro {
            [[Slot::K12, Slot::K21], [Slot::K13, Slot::K31]]
        } else {
            [[Slot::Q, Slot::V2], [Slot::Q3, Slot::V3]]
        };
        let peripherals: Vec<(f64, f64)> = per[..self.peripherals]
            .iter()
            .map(|[a, b]| (get(*a), get(*b)))
            .collect();
        let disposition = if self.micro {
            Disposition::Micro {
                k10: get(Slot::K10),
                v1: get(Slot::V1),
                peripherals,
            }
        } else {
            Disposition::Clearance {
                cl: get(Slot::Cl),
                v1: get(Slot::V1),
                peripherals,
            }
        };
        PkModel {
            absorption,
            disposition,
            bioavailability: self.value(Slot::F, eta, iov).unwrap_or(1.0),
            lag: self.value(Slot::Alag, eta, iov).unwrap_or(0.0),
            scale: self.scale,
        }
    }
}
