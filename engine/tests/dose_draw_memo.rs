//! The draws' values kept between questions (`dose::DrawMemo`): the advice
//! is the same with or without the memo, in either order of questions, and
//! a mixture's share of a model's draws is taken from that model's own.

use dmip_engine::dose::{
    mixture_probability_at, recommend_mixture, recommend_with, Advise, DrawMemo, HeldRegimen,
    Range, Recommendation, Regimen, Rounding,
};
use dmip_engine::estimate::{
    mixture_band, mixture_interval, ColumnMemo, MapFit, MapOptions, Part, Problem,
};

mod dose_support;
use dose_support::{press_problem, regimens};

struct Case {
    fitted: Problem,
    fit: MapFit,
    prior: Problem,
    target: Range,
    regimens: Vec<Regimen>,
    rounding: Rounding,
}

fn case() -> Case {
    let fitted = press_problem(&[(36.0, 2.0 * 188.855), (38.0, 2.0 * 873.195)]);
    let fit = fitted.fit(&MapOptions::default());
    assert!(fit.converged);
    Case {
        fitted,
        fit,
        prior: press_problem(&[]),
        target: Range::parse("c2=1000..1200").expect("valid"),
        regimens: regimens(),
        rounding: Rounding::capsules(&[10.0, 25.0, 50.0]),
    }
}

impl Case {
    fn ask<'a>(
        &'a self,
        problem: &'a Problem,
        fit: Option<&'a MapFit>,
        memo: Option<&'a DrawMemo>,
    ) -> Advise<'a> {
        Advise {
            problem,
            fit,
            target: &self.target,
            limit: None,
            regimens: &self.regimens,
            n_draws: 200,
            seed: 3,
            rounding: &self.rounding,
            memo,
        }
    }

    /// The fitted model (weight 0.7) and the prior (0.3) as an average.
    fn mixture(&self, memo: Option<&DrawMemo>) -> Recommendation {
        recommend_mixture(&[
            (0.7, self.ask(&self.fitted, Some(&self.fit), memo)),
            (0.3, self.ask(&self.prior, None, memo)),
        ])
        .expect("advice")
    }
}

#[test]
fn the_average_is_the_same_with_the_models_draws_kept() {
    let c = case();
    let plain = c.mixture(None);
    let memo = DrawMemo::new();
    // Each model's own advice first, as the drug screen asks: 2 models × 2
    // intervals kept.
    let own = recommend_with(&c.ask(&c.fitted, Some(&c.fit), Some(&memo))).expect("advice");
    recommend_with(&c.ask(&c.prior, None, Some(&memo))).expect("advice");
    assert_eq!(memo.len(), 4);
    assert_eq!(
        own,
        recommend_with(&c.ask(&c.fitted, Some(&c.fit), None)).expect("advice")
    );
    // The average takes its shares (140 and 60 draws) from what is kept.
    let kept = c.mixture(Some(&memo));
    assert_eq!(memo.len(), 4, "no new model's draws");
    assert_eq!(kept, plain);
    assert_eq!(kept.draws, 200);
    let p = kept.candidates[0].probability_in_range.expect("drawn");
    assert!(p > 0.0 && p < 1.0, "{p}");
}

#[test]
fn a_share_kept_first_is_redrawn_when_more_draws_are_asked() {
    let c = case();
    let memo = DrawMemo::new();
    let mixture = c.mixture(Some(&memo));
    assert_eq!(mixture, c.mixture(None));
    // The fitted model's 140 draws are kept; its own advice needs 200.
    let own = recommend_with(&c.ask(&c.fitted, Some(&c.fit), Some(&memo))).expect("advice");
    assert_eq!(
        own,
        recommend_with(&c.ask(&c.fitted, Some(&c.fit), None)).expect("advice")
    );
    assert_eq!(memo.len(), 4);
}

#[test]
fn the_keep_rule_counts_over_the_same_draws() {
    let c = case();
    let parts = [
        Part {
            weight: 0.7,
            problem: &c.fitted,
            fit: Some(&c.fit),
        },
        Part {
            weight: 0.3,
            problem: &c.prior,
            fit: None,
        },
    ];
    let memo = DrawMemo::new();
    let held = |memo| HeldRegimen {
        target: &c.target,
        limit: None,
        interval_h: 12.0,
        amount_mg: 125.0,
        draws: 200,
        seed: 3,
        memo,
    };
    let plain = mixture_probability_at(&parts, &held(None)).expect("drawn");
    c.mixture(Some(&memo));
    let before = memo.len();
    let kept = mixture_probability_at(&parts, &held(Some(&memo))).expect("drawn");
    assert_eq!(memo.len(), before);
    assert_eq!(kept, plain);
    assert!(plain.is_some_and(|p| p > 0.0 && p < 1.0), "{plain:?}");
}

#[test]
fn the_band_and_the_interval_are_the_same_when_kept() {
    let c = case();
    let parts = [
        Part {
            weight: 0.6,
            problem: &c.fitted,
            fit: Some(&c.fit),
        },
        Part {
            weight: 0.4,
            problem: &c.fitted,
            fit: Some(&c.fit),
        },
    ];
    let times: Vec<f64> = (0..48).map(f64::from).collect();
    let memo = ColumnMemo::new();
    let plain = mixture_band(&parts, &times, (100, 1), None).expect("band");
    assert_eq!(
        mixture_band(&parts, &times, (100, 1), Some(&memo)),
        Some(plain.clone())
    );
    assert_eq!(
        mixture_band(&parts, &times, (100, 1), Some(&memo)),
        Some(plain.clone())
    );
    assert_eq!(memo.len(), 1, "the second band is the kept one");
    let interval = mixture_interval(&parts, &times, (100, 2), None).expect("interval");
    assert_eq!(
        mixture_interval(&parts, &times, (100, 2), Some(&memo)),
        Some(interval.clone())
    );
    assert_eq!(memo.len(), 2);
    // Another weight is another mixture.
    let moved = [
        Part {
            weight: 0.5,
            ..parts[0]
        },
        Part {
            weight: 0.5,
            ..parts[1]
        },
    ];
    mixture_band(&moved, &times, (100, 1), Some(&memo)).expect("band");
    assert_eq!(memo.len(), 3);
    // The residual error widens the interval beyond the band.
    assert!(interval[40].1 > plain[40].p95 && interval[40].0 < plain[40].p05);
}
