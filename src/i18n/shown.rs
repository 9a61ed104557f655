//! Every clinical text the app shows can be cited: the translation tables,
//! the engine's gaps, notes and cumulative-dose thresholds in both
//! languages (`dmip_engine::text`), the sources shown with them, the
//! default targets and the built-in model files' citations carry no
//! workshop words ("issue", "brief", "pack", "[M]", repository paths,
//! 参照資料, copy-site hosts: `dmip_engine::clinical::citable`).

#[cfg(test)]
mod tests {
    use super::super::{AvgKey, IvcyKey, Key, LabKey, Lang, PopKey, SafetyKey, Text, TimeKey};
    use crate::safety_ui::{gap_text, note_text};
    use dmip_engine::catalog::{builtin, builtin_ids};
    use dmip_engine::clinical::citable::workshop_words;
    use dmip_engine::clinical::cyclophosphamide::ledger::Threshold;
    use dmip_engine::clinical::notes::Note;
    use dmip_engine::clinical::sources::Source;
    use dmip_engine::clinical::Gap;
    use dmip_engine::tdm::{defaults, Drug};
    use dmip_engine::text::Words;

    /// Japanese workshop words (the reference material, the project).
    const JA: &[&str] = &["参照資料", "本プロジェクト", "プロジェクトの", "未検証 [M]"];

    fn offenders(place: &str, text: &str) -> Vec<String> {
        let mut bad: Vec<String> = workshop_words(text)
            .into_iter()
            .map(str::to_owned)
            .collect();
        bad.extend(
            JA.iter()
                .filter(|w| text.contains(*w))
                .map(|w| w.to_string()),
        );
        bad.into_iter()
            .map(|w| format!("{place}: {w:?} in “{text}”"))
            .collect()
    }

    fn table<K: Text + std::fmt::Debug>(all: &[K], out: &mut Vec<String>) {
        for &k in all {
            for lang in Lang::ALL {
                out.extend(offenders(&format!("{k:?} ({lang:?})"), k.text(lang)));
            }
        }
    }

    #[test]
    fn every_shown_string_can_be_cited() {
        let mut out = Vec::new();
        table(Key::ALL, &mut out);
        table(SafetyKey::ALL, &mut out);
        table(LabKey::ALL, &mut out);
        table(IvcyKey::ALL, &mut out);
        table(TimeKey::ALL, &mut out);
        table(AvgKey::ALL, &mut out);
        table(PopKey::ALL, &mut out);
        for c in dmip_engine::tdm::cohorts::COHORTS {
            out.extend(offenders(c.id, c.source));
        }
        out.extend(offenders(
            "starting dose",
            dmip_engine::tdm::starting_dose::LABEL_SOURCE,
        ));
        out.extend(offenders(
            "starting dose formula",
            dmip_engine::tdm::starting_dose::FORMULA_SOURCE,
        ));
        for g in Gap::ALL {
            for lang in Lang::ALL {
                out.extend(offenders(&format!("{g:?} ({lang:?})"), g.words(lang)));
                out.extend(offenders(
                    &format!("{g:?} safety ({lang:?})"),
                    &gap_text(g, lang),
                ));
            }
        }
        for n in Note::ALL {
            for lang in Lang::ALL {
                out.extend(offenders(&format!("{n:?} ({lang:?})"), n.words(lang)));
                out.extend(offenders(
                    &format!("{n:?} safety ({lang:?})"),
                    &note_text(n, lang),
                ));
            }
        }
        for t in Threshold::ALL {
            for lang in Lang::ALL {
                out.extend(offenders(&format!("{t:?} ({lang:?})"), t.words(lang)));
            }
        }
        for s in Source::ALL {
            out.extend(offenders(&format!("{s:?}"), s.citation()));
        }
        for drug in [Drug::Cyclosporine, Drug::Tacrolimus] {
            let t = defaults(drug);
            let mut shown = vec![t.aim.source];
            shown.extend(t.limit.as_ref().map(|l| l.source));
            shown.extend(t.preferred.as_ref().map(|l| l.source));
            shown.extend(t.warn_at_or_above.map(|w| w.2));
            for s in shown {
                out.extend(offenders(&format!("{drug:?} target"), s));
            }
        }
        for id in builtin_ids() {
            let Some(Ok(m)) = builtin(id) else { continue };
            out.extend(offenders(id, &m.file.citation));
            out.extend(offenders(id, &m.file.population));
        }
        assert!(
            out.is_empty(),
            "{} offenders:\n{}",
            out.len(),
            out.join("\n")
        );
    }

    #[test]
    fn the_scan_names_the_offender() {
        let bad = offenders(
            "Example",
            "project brief (keep C0 ≤ 200), copy at medilib.ir, 参照資料",
        );
        assert_eq!(
            bad,
            vec![
                "Example: \"brief\" in “project brief (keep C0 ≤ 200), copy at medilib.ir, 参照資料”",
                "Example: \"medilib.ir\" in “project brief (keep C0 ≤ 200), copy at medilib.ir, 参照資料”",
                "Example: \"参照資料\" in “project brief (keep C0 ≤ 200), copy at medilib.ir, 参照資料”",
            ]
        );
    }
}
