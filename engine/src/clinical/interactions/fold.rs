//! How a typed drug name is compared with the names of the synonym table:
//! width folded as NFKC folds it (full-width ASCII, ideographic space,
//! half-width katakana with their voiced marks, ㎎ ㎖ ㎍ µ; [`width`], which
//! a test checks against the `unicode-normalization` crate's NFKC on every
//! character of those blocks — the crate's full tables would cost the
//! single-file build about 100 kB), lower case, hiragana as katakana,
//! separators dropped. Japanese names are
//! found anywhere in the text (no spaces in Japanese; strength and form
//! suffixes such as 「錠」「カプセル」「5mg」「日医工」 simply follow), Latin
//! names only between word boundaries (so "tac" is not found in "stacking",
//! nor "azole" in "metronidazole"), a plural "s" allowed.

/// A folded text: its characters without separators, and where a Latin
/// word starts or ends (between letters and digits too: "VRCZ200mg").
pub struct Folded {
    pub chars: Vec<char>,
    starts: Vec<bool>,
    ends: Vec<bool>,
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_'
                | '・'
                | '/'
                | '('
                | ')'
                | '['
                | ']'
                | '「'
                | '」'
                | '『'
                | '』'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '<'
                | '>'
                | '＜'
                | '＞'
                | ','
                | '、'
                | '.'
                | '。'
                | '+'
                | '&'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‐'
                | '‑'
                | '–'
                | '—'
                | '%'
        )
}

/// Hiragana (ぁ–ゖ) as katakana; everything else as is.
fn katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        c => c,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Letter,
    Digit,
    Other,
}

fn kind(c: char) -> Kind {
    if c.is_ascii_lowercase() {
        Kind::Letter
    } else if c.is_ascii_digit() {
        Kind::Digit
    } else {
        Kind::Other
    }
}

/// Half-width katakana U+FF66–U+FF9D as full-width (JIS X 0201 order).
const HALF_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// The voiced (゛) or semi-voiced (゜) form of a full-width katakana, as
/// NFKC composes a half-width kana and its mark.
fn voiced(c: char, semi: bool) -> Option<char> {
    let n = c as u32;
    let with = |d: u32| char::from_u32(n + d);
    match (c, semi) {
        ('ウ', false) => Some('ヴ'),
        ('ワ', false) => Some('ヷ'),
        ('ヲ', false) => Some('ヺ'),
        ('カ'..='チ', false) if (n - 'カ' as u32).is_multiple_of(2) => with(1),
        ('ツ' | 'テ' | 'ト', false) => with(1),
        ('ハ'..='ホ', false) if (n - 'ハ' as u32).is_multiple_of(3) => with(1),
        ('ハ'..='ホ', true) if (n - 'ハ' as u32).is_multiple_of(3) => with(2),
        _ => None,
    }
}

/// Width folded as NFKC folds the characters a drug name is typed with.
pub fn width(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{FF01}'..='\u{FF5E}' => out.extend(char::from_u32(c as u32 - 0xFEE0)),
            '\u{FF5F}' => out.push('\u{2985}'),
            '\u{FF60}' => out.push('\u{2986}'),
            '\u{3000}' => out.push(' '),
            '\u{FF61}' => out.push('。'),
            '\u{FF62}' => out.push('「'),
            '\u{FF63}' => out.push('」'),
            '\u{FF64}' => out.push('、'),
            '\u{FF65}' => out.push('・'),
            '\u{FF66}'..='\u{FF9D}' => out.extend(HALF_KANA.chars().nth(c as usize - 0xFF66)),
            '\u{FF9E}' | '\u{FF9F}' => {
                let semi = c == '\u{FF9F}';
                match out.last().and_then(|p| voiced(*p, semi)) {
                    Some(v) => {
                        out.pop();
                        out.push(v);
                    }
                    None => out.push(if semi { '\u{309A}' } else { '\u{3099}' }),
                }
            }
            '\u{00B5}' => out.push('μ'),
            '\u{338D}' => out.extend(['μ', 'g']),
            '\u{338E}' => out.extend(['m', 'g']),
            '\u{3396}' => out.extend(['m', 'l']),
            c => out.push(c),
        }
    }
    out
}

/// Width folded, lower case, hiragana → katakana: one character stream.
fn normalised(s: &str) -> Vec<char> {
    width(s)
        .into_iter()
        .flat_map(char::to_lowercase)
        .map(katakana)
        .collect()
}

/// The folded form of `s`.
pub fn fold(s: &str) -> Folded {
    let mut chars = Vec::new();
    let mut starts = Vec::new();
    let mut ends: Vec<bool> = Vec::new();
    let mut prev = Kind::Other;
    for c in normalised(s) {
        if is_separator(c) {
            if let Some(e) = ends.last_mut() {
                *e = true;
            }
            prev = Kind::Other;
            continue;
        }
        let k = kind(c);
        let boundary = k != prev || k == Kind::Other;
        if boundary {
            if let Some(e) = ends.last_mut() {
                *e = true;
            }
        }
        chars.push(c);
        starts.push(boundary);
        ends.push(false);
        prev = k;
    }
    if let Some(e) = ends.last_mut() {
        *e = true;
    }
    Folded {
        chars,
        starts,
        ends,
    }
}

/// The folded characters of a table name (no boundaries needed).
pub fn key(name: &str) -> Vec<char> {
    fold(name).chars
}

impl Folded {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Every span `[from, to)` where the table name `name` (already
    /// [`key`]ed) is found.
    pub fn find(&self, name: &[char]) -> Vec<(usize, usize)> {
        if name.is_empty() || name.len() > self.chars.len() {
            return vec![];
        }
        let latin = name.iter().all(|c| c.is_ascii());
        let mut out = Vec::new();
        for i in 0..=self.chars.len() - name.len() {
            if self.chars[i..i + name.len()] != *name {
                continue;
            }
            let end = i + name.len();
            if !latin {
                out.push((i, end));
                continue;
            }
            if !self.starts[i] {
                continue;
            }
            if self.ends[end - 1] {
                out.push((i, end));
            } else if self.chars.get(end) == Some(&'s') && self.ends[end] {
                out.push((i, end + 1));
            }
        }
        out
    }
}

/// Levenshtein distance over characters.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (up + 1).min(row[j] + 1).min(diag + usize::from(ca != cb));
            diag = up;
        }
    }
    row[b.len()]
}

/// Form and strength words dropped before a name is compared for a
/// suggestion: "ロスバスタチソ錠2.5mg「DSEP」" is compared as "ロスバスタチソ".
const FORM_WORDS: &[&str] = &[
    "錠",
    "カプセル",
    "細粒",
    "顆粒",
    "散",
    "内用液",
    "液",
    "シロップ",
    "点滴静注用",
    "点滴静注",
    "静注用",
    "注射用",
    "注射液",
    "注射",
    "注",
    "配合",
    "ゲル",
    "軟膏",
    "tablets",
    "tablet",
    "tab",
    "capsules",
    "capsule",
    "cap",
    "injection",
    "inj",
    "iv",
    "po",
    "mg",
    "µg",
    "μg",
    "mcg",
    "g",
    "ml",
    "%",
];

/// `typed` without brackets' content, digits and form words: the part of a
/// name that is compared for a suggestion.
pub fn stem(typed: &str) -> Vec<char> {
    let mut s = String::new();
    let mut depth = 0usize;
    for c in normalised(typed) {
        match c {
            '「' | '(' | '[' | '【' | '『' => depth += 1,
            '」' | ')' | ']' | '】' | '』' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_ascii_digit() && c != '.' => s.push(c),
            _ => {}
        }
    }
    // Latin form words as whole runs of letters ("5mg", "tablet"), others anywhere.
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !FORM_WORDS.contains(&run.as_str()) {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_alphabetic() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    for w in FORM_WORDS.iter().filter(|w| !w.is_ascii()) {
        out = out.replace(w, "");
    }
    let s = out;
    key(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, name: &str) -> bool {
        !fold(text).find(&key(name)).is_empty()
    }

    #[test]
    fn width_case_kana_and_spacing_fold() {
        assert_eq!(fold("ＳＴ合剤").text(), "st合剤");
        assert_eq!(fold("ﾛｽﾊﾞｽﾀﾁﾝ錠 5mg").text(), "ロスバスタチン錠5mg");
        assert_eq!(fold("ろすばすたちん").text(), "ロスバスタチン");
        assert_eq!(fold("TMP / SMX").text(), "tmpsmx");
        assert_eq!(fold("Amphotericin-B").text(), "amphotericinb");
    }

    #[test]
    fn latin_names_between_word_boundaries() {
        assert!(found("TMP-SMX", "tmp-smx"));
        assert!(found("tmp smx", "tmpsmx"));
        assert!(found("VRCZ200mg", "vrcz"));
        assert!(found("azoles", "azole"));
        assert!(found("FK506", "fk-506"));
        assert!(!found("stacking", "tac"));
        assert!(!found("metronidazole", "azole"));
        assert!(!found("esomeprazole", "azole"));
        assert!(found("ロスバスタチン錠2.5mg「DSEP」", "ロスバスタチン"));
    }

    #[test]
    fn width_is_nfkc_on_the_blocks_names_are_typed_in() {
        use unicode_normalization::UnicodeNormalization;
        let nfkc = |s: &str| s.nfkc().collect::<String>();
        let mut texts: Vec<String> = (0xFF01..=0xFF9F)
            .chain(0x3000..=0x3000)
            .chain([0x00B5, 0x338D, 0x338E, 0x3396])
            .filter_map(char::from_u32)
            .map(String::from)
            .collect();
        // Every half-width kana with each voiced mark, as typed.
        for c in (0xFF66..=0xFF9D).filter_map(char::from_u32) {
            for m in ['\u{FF9E}', '\u{FF9F}'] {
                texts.push([c, m].iter().collect());
            }
        }
        for t in texts {
            assert_eq!(width(&t).iter().collect::<String>(), nfkc(&t), "{t:?}");
        }
    }

    #[test]
    fn distance_and_stem() {
        assert_eq!(distance(&key("kitten"), &key("sitting")), 3);
        assert_eq!(distance(&key("ロスバスタチソ"), &key("ロスバスタチン")), 1);
        assert_eq!(
            stem("ロスバスタチソ錠2.5mg「DSEP」")
                .iter()
                .collect::<String>(),
            "ロスバスタチソ"
        );
        assert_eq!(
            stem("Rosuvastatn 5 mg tablet").iter().collect::<String>(),
            "rosuvastatn"
        );
    }
}
