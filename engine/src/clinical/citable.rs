//! What a shown clinical text must not contain: references to how this
//! calculator was made (an issue number, "project brief", "the pack", "[M]",
//! repository paths) or the hosts of the copies and web pages its sources
//! were read at. A clinician cites the publication, label or guideline.
//! Tests run [`workshop_words`] over every `Source`, every gap and note,
//! the default targets and the app's translation tables.

/// Words matched as whole words, case-insensitive.
const WORDS: &[&str] = &["issue", "issues", "brief", "pack", "packs"];

/// Matched anywhere, case-insensitive.
const FRAGMENTS: &[&str] = &[
    "[m]", "shared/", "seed/", "engine/", "src/", ".md", ".toml", "http", "www.",
];

/// The hosts found in the source columns of the clinical reference
/// material (copies, blogs, drug databases, publishers' pages).
const HOSTS: &[&str] = &[
    "120ty.net",
    "medpeer.jp",
    "kegg.jp",
    "dsu-system.jp",
    "droracle.ai",
    "ncbi.nlm.nih.gov",
    "researcher.life",
    "bmj.com",
    "shirobon.net",
    "packageinsert.jp",
    "drugs.com",
    "clinicalsup.jp",
    "acemap.info",
    "bml.co.jp",
    "pubmed.gov",
    "physiciansweekly.com",
    "kotobank.jp",
    "elsevier.com",
    "elsevierpure.com",
    "kaken.nii.ac.jp",
    "jrheum.org",
    "jccls.org",
    "igaku-shoin.co.jp",
    "expydoc.com",
    "empathia.ai",
    "carenet.com",
    "zendy.io",
    "yumino-medical.com",
    "yakuzaic.com",
    "yakuten-ichiba.com",
    "akimasa21.net",
    "wnt-signaling.com",
    "isho.jp",
    "weblio.jp",
    "twmu.ac.jp",
    "sblo.jp",
    "wilddata.cn",
    "studylib.net",
    "scite.ai",
    "ssk.or.jp",
    "spandidos-publications.com",
    "sosyao.com",
    "slideshare.net",
    "shindan.co.jp",
    "scilit.net",
    "scholarmate.com",
    "rxkinetics.com",
    "pbworks.com",
    "renalmed.co.uk",
    "raresnet.com",
    "hatenadiary.jp",
    "hatenadiary.org",
    "questionsmedicales.fr",
    "concepedia.online",
    "pmda.go.jp",
    "medicalonline.jp",
    "paperzz.com",
    "okusuri110.com",
    "biomedcentral.com",
    "newpages.asia",
    "msdmanuals.com",
    "qlifepro.com",
    "medluna.com",
    "medley.life",
    "medilib.ir",
    "medicalalgorithms.com",
    "taishotoyama.co.jp",
    "nikkeibp.co.jp",
    "itp.ne.jp",
    "medical-tribune.co.jp",
    "shionogi.co.jp",
    "mdat.biz",
    "springer.com",
    "lelumira.com.tr",
    "ame-zaiku.com",
    "kidney.org",
    "plos.org",
    "jmedj.co.jp",
    "pharm.or.jp",
    "walshmedicalmedia.com",
    "ovid.com",
    "iatrism.jp",
    "hindawi.com",
    "hellopharmacist.com",
    "goo.ne.jp",
    "grainofsound.org",
    "ganryoyo.jp",
    "frontiersin.org",
    "fmlabo.com",
    "edren.org",
    "otsuka-medinfo.jp",
    "e-pharma.jp",
    "ds-pharma.jp",
    "meta-alchemist.co.jp",
    "m3.com",
    "aspetjournals.org",
    "fujifilm.com",
    "medience.co.jp",
    "chinaphar.com",
    "vukou.com",
    "booksci.cn",
    "insight-rx.com",
    "infomart.co.jp",
    "archivesofrheumatology.org",
    "fda.gov",
    "antaa-med.com",
    "astellas.jp",
    "ai-bt.com",
    "aci-expert.com",
    "a-s-t.org",
    "38-8931.com",
    "123deta.com",
    "qxmd",
    "mendeley",
    "47.251.13.51",
];

fn whole_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// The workshop words and hosts found in `text` (empty: it can be shown).
pub fn workshop_words(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let words = WORDS.iter().filter(|w| whole_word(&lower, w));
    let rest = FRAGMENTS.iter().chain(HOSTS).filter(|f| lower.contains(*f));
    words.chain(rest).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_workshop_words_not_ordinary_ones() {
        assert_eq!(
            workshop_words("project brief (keep C0 ≤ 200)"),
            vec!["brief"]
        );
        assert_eq!(workshop_words("cited in issue 9"), vec!["issue"]);
        assert_eq!(workshop_words("not in the clinical pack"), vec!["pack"]);
        assert_eq!(workshop_words("unverified [M]"), vec!["[m]"]);
        assert_eq!(
            workshop_words("Fluconazole SmPC (copy at grainofsound.org)"),
            vec!["grainofsound.org"]
        );
        assert!(workshop_words("Japanese package insert; tissue damage; Packaged").is_empty());
    }
}
