//! Unconstrained minimisation of a smooth objective of a few variables:
//! quasi-Newton (BFGS) with central-difference gradients and a backtracking
//! (Armijo) line search, and a Nelder–Mead simplex as fallback.
//!
//! Written here rather than taken from `argmin`: argmin's vector backend
//! pulls `getrandom` into the wasm build (which has no OS randomness), and
//! its executor allocates per iteration, while a refit must take well under
//! a millisecond. The algorithms are the textbook ones (Nocedal & Wright,
//! Numerical Optimization, 2nd ed., Alg. 6.1 and 3.1; Nelder & Mead 1965).

/// Result of a minimisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    pub x: Vec<f64>,
    pub f: f64,
    pub converged: bool,
    pub iterations: usize,
    pub evaluations: usize,
    /// ‖gradient‖∞ at `x` (BFGS), NaN for the simplex.
    pub gradient_norm: f64,
}

/// Stopping rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerances {
    /// Converged when every gradient component is below this.
    pub gradient: f64,
    pub max_iterations: usize,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            gradient: 1e-6,
            max_iterations: 200,
        }
    }
}

struct Counted<'a, F: Fn(&[f64]) -> f64> {
    f: &'a F,
    evaluations: usize,
}

impl<F: Fn(&[f64]) -> f64> Counted<'_, F> {
    fn eval(&mut self, x: &[f64]) -> f64 {
        self.evaluations += 1;
        (self.f)(x)
    }

    /// Central-difference gradient; `None` if any evaluation is not finite.
    fn gradient(&mut self, x: &[f64]) -> Option<Vec<f64>> {
        let mut g = vec![0.0; x.len()];
        let mut probe = x.to_vec();
        for i in 0..x.len() {
            let h = 1e-5 * x[i].abs().max(1.0);
            probe[i] = x[i] + h;
            let up = self.eval(&probe);
            probe[i] = x[i] - h;
            let down = self.eval(&probe);
            probe[i] = x[i];
            g[i] = (up - down) / (2.0 * h);
            if !g[i].is_finite() {
                return None;
            }
        }
        Some(g)
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn inf_norm(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// BFGS from `x0`; `h0` is the diagonal of the initial inverse Hessian
/// (for a MAP objective, half the prior variances is a good guess).
pub fn bfgs<F: Fn(&[f64]) -> f64>(f: &F, x0: &[f64], h0: &[f64], tol: Tolerances) -> Minimum {
    let n = x0.len();
    let mut c = Counted { f, evaluations: 0 };
    let mut x = x0.to_vec();
    let mut fx = c.eval(&x);
    let fail = |x: Vec<f64>, fx: f64, it: usize, ev: usize| Minimum {
        x,
        f: fx,
        converged: false,
        iterations: it,
        evaluations: ev,
        gradient_norm: f64::NAN,
    };
    if n == 0 {
        return Minimum {
            x,
            f: fx,
            converged: fx.is_finite(),
            iterations: 0,
            evaluations: 1,
            gradient_norm: 0.0,
        };
    }
    let Some(mut g) = c.gradient(&x).filter(|_| fx.is_finite()) else {
        return fail(x, fx, 0, c.evaluations);
    };
    // Inverse Hessian approximation, row-major.
    let identity = |h: &mut Vec<f64>| {
        h.iter_mut().for_each(|v| *v = 0.0);
        for i in 0..n {
            h[i * n + i] = h0
                .get(i)
                .copied()
                .filter(|v| v.is_finite() && *v > 0.0)
                .unwrap_or(1.0);
        }
    };
    let mut h = vec![0.0; n * n];
    identity(&mut h);
    for it in 0..tol.max_iterations {
        if inf_norm(&g) < tol.gradient {
            return Minimum {
                x,
                f: fx,
                converged: true,
                iterations: it,
                evaluations: c.evaluations,
                gradient_norm: inf_norm(&g),
            };
        }
        let mut p: Vec<f64> = (0..n).map(|i| -dot(&h[i * n..(i + 1) * n], &g)).collect();
        let mut slope = dot(&p, &g);
        if slope >= 0.0 {
            identity(&mut h);
            p = g.iter().map(|v| -v).collect();
            slope = dot(&p, &g);
        }
        // Backtracking line search (Armijo, c1 = 1e-4), step capped at 1 in η units.
        let mut step = 1.0f64.min(1.0 / inf_norm(&p).max(1e-300));
        let mut accepted = None;
        for _ in 0..40 {
            let trial: Vec<f64> = x.iter().zip(&p).map(|(xi, pi)| xi + step * pi).collect();
            let ft = c.eval(&trial);
            if ft.is_finite() && ft <= fx + 1e-4 * step * slope {
                accepted = Some((trial, ft));
                break;
            }
            step *= 0.5;
        }
        let Some((x_new, f_new)) = accepted else {
            // No decrease along the direction: at the numerical floor.
            let converged = inf_norm(&g) < tol.gradient * 100.0;
            return Minimum {
                x,
                f: fx,
                converged,
                iterations: it,
                evaluations: c.evaluations,
                gradient_norm: inf_norm(&g),
            };
        };
        let Some(g_new) = c.gradient(&x_new) else {
            return fail(x_new, f_new, it, c.evaluations);
        };
        let s: Vec<f64> = x_new.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 * dot(&s, &s).sqrt() * dot(&y, &y).sqrt() {
            // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
            let rho = 1.0 / sy;
            let hy: Vec<f64> = (0..n).map(|i| dot(&h[i * n..(i + 1) * n], &y)).collect();
            let yhy = dot(&y, &hy);
            for i in 0..n {
                for j in 0..n {
                    h[i * n + j] += -rho * (s[i] * hy[j] + hy[i] * s[j])
                        + (rho * rho * yhy + rho) * s[i] * s[j];
                }
            }
        }
        let small_change = (fx - f_new).abs() <= 1e-14 * fx.abs().max(1.0);
        x = x_new;
        fx = f_new;
        g = g_new;
        if small_change && inf_norm(&g) < tol.gradient * 100.0 {
            return Minimum {
                x,
                f: fx,
                converged: true,
                iterations: it + 1,
                evaluations: c.evaluations,
                gradient_norm: inf_norm(&g),
            };
        }
    }
    Minimum {
        x,
        f: fx,
        converged: false,
        iterations: tol.max_iterations,
        evaluations: c.evaluations,
        gradient_norm: inf_norm(&g),
    }
}

/// Nelder–Mead simplex from `x0` with initial steps `scale`.
pub fn nelder_mead<F: Fn(&[f64]) -> f64>(
    f: &F,
    x0: &[f64],
    scale: f64,
    max_evaluations: usize,
) -> Minimum {
    let n = x0.len();
    let mut c = Counted { f, evaluations: 0 };
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    let f0 = c.eval(x0);
    simplex.push((x0.to_vec(), f0));
    for i in 0..n {
        let mut v = x0.to_vec();
        v[i] += scale;
        let fv = c.eval(&v);
        simplex.push((v, fv));
    }
    let mut iterations = 0;
    let key = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
    while c.evaluations < max_evaluations {
        iterations += 1;
        simplex.sort_by(|a, b| key(a.1).total_cmp(&key(b.1)));
        let (best, worst) = (simplex[0].1, simplex[n].1);
        if (worst - best).abs() <= 1e-12 * best.abs().max(1.0) {
            break;
        }
        let centroid: Vec<f64> = (0..n)
            .map(|i| simplex[..n].iter().map(|v| v.0[i]).sum::<f64>() / n as f64)
            .collect();
        let along = |t: f64| -> Vec<f64> {
            centroid
                .iter()
                .zip(&simplex[n].0)
                .map(|(c, w)| c + t * (w - c))
                .collect()
        };
        let reflected = along(-1.0);
        let fr = c.eval(&reflected);
        if key(fr) < key(best) {
            let expanded = along(-2.0);
            let fe = c.eval(&expanded);
            simplex[n] = if key(fe) < key(fr) {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if key(fr) < key(simplex[n - 1].1) {
            simplex[n] = (reflected, fr);
        } else {
            let contracted = along(0.5);
            let fc = c.eval(&contracted);
            if key(fc) < key(worst) {
                simplex[n] = (contracted, fc);
            } else {
                let b = simplex[0].0.clone();
                for v in simplex.iter_mut().skip(1) {
                    v.0 =
                        v.0.iter()
                            .zip(&b)
                            .map(|(x, bx)| bx + 0.5 * (x - bx))
                            .collect();
                    v.1 = c.eval(&v.0);
                }
            }
        }
    }
    simplex.sort_by(|a, b| key(a.1).total_cmp(&key(b.1)));
    let (x, fx) = simplex.swap_remove(0);
    Minimum {
        converged: fx.is_finite() && c.evaluations < max_evaluations,
        x,
        f: fx,
        iterations,
        evaluations: c.evaluations,
        gradient_norm: f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rosenbrock(x: &[f64]) -> f64 {
        (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2)
    }

    #[test]
    fn bfgs_finds_the_rosenbrock_minimum() {
        let m = bfgs(&rosenbrock, &[-1.2, 1.0], &[], Tolerances::default());
        assert!(m.converged, "{m:?}");
        assert!(
            (m.x[0] - 1.0).abs() < 1e-5 && (m.x[1] - 1.0).abs() < 1e-5,
            "{m:?}"
        );
    }

    #[test]
    fn nelder_mead_finds_a_quadratic_minimum() {
        let q = |x: &[f64]| (x[0] - 0.3).powi(2) + 2.0 * (x[1] + 0.7).powi(2) + 1.0;
        let m = nelder_mead(&q, &[0.0, 0.0], 0.5, 2000);
        assert!(
            (m.x[0] - 0.3).abs() < 1e-5 && (m.x[1] + 0.7).abs() < 1e-5,
            "{m:?}"
        );
        assert!((m.f - 1.0).abs() < 1e-10);
    }

    #[test]
    fn bfgs_reports_failure_on_an_objective_that_is_never_finite() {
        let m = bfgs(
            &|_: &[f64]| f64::INFINITY,
            &[0.0],
            &[],
            Tolerances::default(),
        );
        assert!(!m.converged);
    }
}
