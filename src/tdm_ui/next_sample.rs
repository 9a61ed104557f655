//! The best next sampling time in one sentence, on the drug screen's
//! results: "draw the next sample at <clock time> (<label>): narrows the
//! <metric> forecast by x %" (the engine's `tdm::next_sample`).

use super::clock::display;
use super::session::Session;
use super::text::label_value;
use crate::format::percent;
use crate::i18n::{fill, use_i18n, Key};
use dmip_engine::tdm::view::DateTime;
use dmip_engine::tdm::NextSample;
use leptos::prelude::*;

/// Below this narrowing (percent) the screen says that no grid time helps:
/// it would show as "0 %".
const NEGLIGIBLE_PCT: f64 = 0.5;

/// The key of the sentence for `ns`.
pub fn key(ns: &NextSample) -> Key {
    if ns.best_time().narrowing_pct < NEGLIGIBLE_PCT {
        Key::TdmNextSampleNone
    } else {
        Key::TdmNextSample
    }
}

/// The sentence for `ns` from the `template` of [`key`].
pub fn sentence(template: &str, ns: &NextSample) -> String {
    let best = ns.best_time();
    let at = best
        .at
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map_or_else(|| "-".to_owned(), |t| display(&t));
    fill(
        template,
        &[
            ("at", &at),
            ("label", label_value(best.label)),
            ("metric", &ns.metric),
            ("pct", &percent(Some(best.narrowing_pct / 100.0))),
        ],
    )
}

/// The sentence under the headline, when the engine has an answer.
#[component]
pub fn NextSampleLine(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let slug = session.spec.slug;
    let line = move || {
        session.output.with(|o| {
            let ns = o.as_ref().ok()?.next_sample.as_ref()?;
            Some(sentence(i18n.t(key(ns)), ns))
        })
    };
    move || {
        line().map(|text| view! { <p class="note next-sample" id=format!("{slug}-next-sample")>{text}</p> })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use dmip_engine::tdm::{SampleLabel, SampleTime};

    fn answer(pct: f64) -> NextSample {
        let time = |label, h: f64, narrowing_pct| SampleTime {
            label,
            after_dose_h: h,
            time_h: 60.0 + h,
            at: Some(format!("2026-11-03T{:02}:00:00+09:00", 20 + h as u32)),
            variance: 1.0,
            narrowing_pct,
        };
        NextSample {
            metric: "C2".into(),
            forecast: 534.3,
            variance_now: 13456.0,
            sd_now: 116.0,
            between_occasion_variance: 5709.0,
            next_dose_h: 60.0,
            next_dose_at: Some("2026-11-03T20:00:00+09:00".into()),
            times: vec![
                time(SampleLabel::C0, 0.0, 0.1),
                time(SampleLabel::C1, 1.0, pct),
            ],
            best: 1,
        }
    }

    #[test]
    fn the_sentence_names_the_clock_time_the_label_and_the_narrowing() {
        let ns = answer(10.1);
        assert_eq!(key(&ns), Key::TdmNextSample);
        assert_eq!(
            sentence(key(&ns).text(Lang::En), &ns),
            "Draw the next sample at 2026-11-03 21:00 (C1): it narrows the C2 forecast by 10 %."
        );
        assert_eq!(
            sentence(key(&ns).text(Lang::Ja), &ns),
            "次回の採血は 2026-11-03 21:00（C1）が最適です：C2 の予測の幅が 10 % 狭まります。"
        );
        let flat = answer(0.3);
        assert_eq!(key(&flat), Key::TdmNextSampleNone);
        assert_eq!(
            sentence(key(&flat).text(Lang::En), &flat),
            "No sampling time of the next dose (C0–C6) would narrow the C2 forecast by 1 % or more."
        );
    }
}
