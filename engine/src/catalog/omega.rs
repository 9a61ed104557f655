//! Variance–covariance of the random effects (Ω, or the between-occasion
//! matrix), converted from the way papers print it.

use super::schema::OmegaSpec;
use super::CatalogError;
use nalgebra::DMatrix;

/// A validated, positive-definite variance–covariance matrix of named η's.
#[derive(Debug, Clone, PartialEq)]
pub struct Omega {
    pub names: Vec<String>,
    pub matrix: DMatrix<f64>,
}

impl Omega {
    /// Converts `spec` (`field` names it in errors): variances as given;
    /// CV% as ω² = ln(1 + CV²); SDs as SD²; a block as the full matrix.
    pub fn from_spec(field: &str, spec: &OmegaSpec) -> Result<Omega, CatalogError> {
        let n = spec.eta.len();
        if n == 0 {
            return Err(CatalogError::new(&format!("{field}.eta"), "lists no η"));
        }
        let given = [
            spec.variance.is_some(),
            spec.cv_percent.is_some(),
            spec.sd.is_some(),
            spec.block.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1 {
            return Err(CatalogError::new(
                field,
                "give exactly one of variance, cv_percent, sd or block",
            ));
        }
        let diagonal = |key: &str, values: &[f64], convert: fn(f64) -> f64| {
            if values.len() != n {
                return Err(CatalogError::new(
                    &format!("{field}.{key}"),
                    format!("has {} values for {n} η", values.len()),
                ));
            }
            let mut m = DMatrix::zeros(n, n);
            for (i, v) in values.iter().enumerate() {
                if !(v.is_finite() && *v > 0.0) {
                    return Err(CatalogError::new(
                        &format!("{field}.{key}[{i}]"),
                        format!("must be > 0 (got {v})"),
                    ));
                }
                m[(i, i)] = convert(*v);
            }
            Ok(m)
        };
        let matrix = if let Some(v) = &spec.variance {
            diagonal("variance", v, |x| x)?
        } else if let Some(v) = &spec.cv_percent {
            diagonal("cv_percent", v, |cv| (1.0 + (cv / 100.0).powi(2)).ln())?
        } else if let Some(v) = &spec.sd {
            diagonal("sd", v, |sd| sd * sd)?
        } else {
            block(field, spec.block.as_deref().unwrap_or_default(), n)?
        };
        if matrix.clone().cholesky().is_none() {
            return Err(CatalogError::new(field, "is not positive definite"));
        }
        Ok(Omega {
            names: spec.eta.clone(),
            matrix,
        })
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn index(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }
}

fn block(field: &str, rows: &[Vec<f64>], n: usize) -> Result<DMatrix<f64>, CatalogError> {
    if rows.len() != n || rows.iter().any(|r| r.len() != n) {
        return Err(CatalogError::new(
            &format!("{field}.block"),
            format!("must be a full {n}×{n} matrix"),
        ));
    }
    let m = DMatrix::from_fn(n, n, |i, j| rows[i][j]);
    for i in 0..n {
        for j in 0..n {
            if !m[(i, j)].is_finite() || (m[(i, j)] - m[(j, i)]).abs() > 1e-12 {
                return Err(CatalogError::new(
                    &format!("{field}.block[{i}][{j}]"),
                    "must be finite and symmetric",
                ));
            }
        }
    }
    Ok(m)
}
