//! The time grid of the forecast curves. A uniform grid over a long
//! history misses the peaks (cyclosporine peaks 1–2 h after a dose; at 240
//! points over two weeks the spacing is 1.7 h), so the grid follows the
//! doses: dense after every dose in the recent window (the last 48 h before
//! now and the forecast, what the plot's zoom shows), a few points per
//! interval before it, thinned evenly when the history is long.

/// Hours after a dose sampled in the recent window (absorption and peak
/// densely, then the decline), cut at the next dose.
const AFTER_DOSE_H: [f64; 22] = [
    0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0,
    12.0, 16.0, 20.0, 24.0,
];
/// Hours after a dose sampled before the recent window: trough, rise, peak,
/// decline.
const AFTER_DOSE_OLD_H: [f64; 6] = [0.0, 1.0, 2.0, 4.0, 8.0, 16.0];
/// The recent window: hours before now, as the plot's zoom.
pub const RECENT_H: f64 = 48.0;
/// Points kept before the recent window (thinned evenly beyond).
const OLD_POINTS: usize = 150;
/// Points between doses further apart than the offsets reach (and across
/// the forecast when no dose follows).
const STEP_H: f64 = 4.0;

/// Sorted, distinct grid times from the first dose to `end`. `dose_times`
/// sorted; `now_h` marks the recent window.
pub fn forecast_grid(dose_times: &[f64], now_h: f64, end: f64) -> Vec<f64> {
    let Some(&start) = dose_times.first() else {
        return Vec::new();
    };
    let recent = (now_h - RECENT_H).max(start);
    let mut old = Vec::new();
    let mut new = Vec::new();
    for (i, &d) in dose_times.iter().enumerate() {
        let next = dose_times.get(i + 1).copied().unwrap_or(end).min(end);
        let offsets: &[f64] = if next > recent {
            &AFTER_DOSE_H
        } else {
            &AFTER_DOSE_OLD_H
        };
        let mut t = d;
        for off in offsets.iter().map(|o| d + o).take_while(|t| *t < next) {
            t = off;
            if t >= recent {
                new.push(t)
            } else {
                old.push(t)
            }
        }
        // Long gaps (and the forecast after the last dose): a point every STEP_H.
        while t + STEP_H < next {
            t += STEP_H;
            if t >= recent {
                new.push(t)
            } else {
                old.push(t)
            }
        }
    }
    if old.len() > OLD_POINTS {
        let n = old.len();
        old = (0..OLD_POINTS)
            .map(|k| old[k * (n - 1) / (OLD_POINTS - 1)])
            .collect();
    }
    let mut grid: Vec<f64> = old
        .into_iter()
        .chain(new)
        .chain([recent, now_h, end])
        .collect();
    grid.retain(|t| t.is_finite() && *t >= start && *t <= end);
    grid.sort_by(f64::total_cmp);
    grid.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q12h(n: usize) -> Vec<f64> {
        (0..n).map(|k| 12.0 * k as f64).collect()
    }

    #[test]
    fn every_recent_dose_has_its_peak_and_trough_on_the_grid() {
        let doses = q12h(30); // 0 … 348 h
        let now = 352.0;
        let grid = forecast_grid(&doses, now, now + 48.0);
        assert!(grid.windows(2).all(|w| w[0] < w[1]), "sorted, distinct");
        assert_eq!(grid.first(), Some(&0.0));
        assert_eq!(grid.last(), Some(&400.0));
        for d in doses.iter().filter(|d| **d >= now - RECENT_H) {
            for off in [0.0, 1.0, 1.5, 2.0, 4.0] {
                assert!(grid.contains(&(d + off)), "dose {d} + {off} h");
            }
        }
        // Older doses keep their trough and peak too.
        assert!(grid.contains(&12.0) && grid.contains(&14.0));
        // The forecast after the last dose is sampled every 4 h at most.
        assert!(
            grid.windows(2).all(|w| w[1] - w[0] <= STEP_H + 1e-9),
            "{grid:?}"
        );
        assert!(grid.len() < 400, "{} points", grid.len());
    }

    #[test]
    fn a_long_history_is_thinned_before_the_window_only() {
        let doses = q12h(1000);
        let now = 12.0 * 999.0 + 4.0;
        let grid = forecast_grid(&doses, now, now + 48.0);
        let old = grid.iter().filter(|t| **t < now - RECENT_H).count();
        assert!(old <= OLD_POINTS + 1, "{old}");
        assert!(grid.contains(&(12.0 * 999.0 + 2.0)), "last dose's peak");
        assert!(grid.len() < 400, "{} points", grid.len());
        assert!(forecast_grid(&[], 0.0, 10.0).is_empty());
    }
}
