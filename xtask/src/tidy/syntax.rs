//! The rules that read a Rust file's syntax tree: Japanese literals,
//! wildcard arms of translating matches, effects that write signals, web
//! crates named in the engine, and numbers without a source beside them.
//! Literals inside macros (`view!`, `format!`, the text tables) are read
//! from the macro's tokens; doc comments and `#[cfg(test)]` items are not
//! held to these rules.

use super::rules::{cites, is_japanese, WEB_CRATES};
use super::{Finding, Rule};
use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

/// Which syntax rules apply to a file.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scope {
    pub japanese: bool,
    pub wildcard: bool,
    pub effects: bool,
    pub web: bool,
    pub numbers: bool,
    pub widget: bool,
}

impl Scope {
    pub fn any(self) -> bool {
        self.japanese || self.wildcard || self.effects || self.web || self.numbers || self.widget
    }
}

/// How many lines above a number its citing comment may stand.
const BESIDE: usize = 12;

/// Methods that write a Leptos signal.
const WRITES: [&str; 7] = [
    "set",
    "update",
    "set_untracked",
    "update_untracked",
    "write",
    "try_set",
    "try_update",
];

/// Numbers that are definitions or structure, not clinical values: unit
/// and time conversions, halves, percentages.
const PLAIN_NUMBERS: [f64; 11] = [
    0.0, 0.5, 1.0, 2.0, 10.0, 100.0, 1000.0, 24.0, 60.0, 3600.0, 7.0,
];

pub fn check(rel: &str, text: &str, file: &syn::File, scope: Scope) -> Vec<Finding> {
    let mut v = Visitor {
        rel,
        lines: text.lines().collect(),
        scope,
        findings: Vec::new(),
        item_cited: false,
    };
    v.visit_file(file);
    v.findings
}

struct Visitor<'a> {
    rel: &'a str,
    lines: Vec<&'a str>,
    scope: Scope,
    findings: Vec<Finding>,
    /// Whether the innermost item being read names its source.
    item_cited: bool,
}

impl Visitor<'_> {
    fn push(&mut self, rule: Rule, line: usize, message: String) {
        self.findings.push(Finding {
            rule,
            path: self.rel.to_owned(),
            line,
            message,
        });
    }

    /// A literal's text (as written, quotes included) at `line`.
    fn literal(&mut self, repr: &str, line: usize) {
        let quoted = repr.starts_with(['"', '\'', 'r', 'b']) && repr.contains(['"', '\'']);
        if quoted {
            if self.scope.japanese && repr.chars().any(is_japanese) {
                let shown: String = repr.chars().take(30).collect();
                self.push(
                    Rule::JapaneseLiteral,
                    line,
                    format!("Japanese text {shown} outside the text homes (src/i18n/)"),
                );
            }
        } else if self.scope.numbers && repr.starts_with(|c: char| c.is_ascii_digit()) {
            self.number(repr, line);
        }
    }

    fn number(&mut self, repr: &str, line: usize) {
        let digits: String = repr
            .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '_')
            .chars()
            .filter(|&c| c != '_')
            .collect();
        let Ok(value) = digits.parse::<f64>() else {
            return;
        };
        let float = repr.contains(['.', 'e']) && !repr.starts_with("0x");
        if (!float && value < 10.0) || PLAIN_NUMBERS.contains(&value) {
            return;
        }
        let from = line.saturating_sub(BESIDE).max(1);
        let beside = (from..=line)
            .filter_map(|l| self.lines.get(l - 1))
            .any(|l| cites(l));
        if !(self.item_cited || beside) {
            self.push(
                Rule::UncitedNumber,
                line,
                format!("the number {repr} has no source beside it (a `Source`, or a comment citing it within {BESIDE} lines)"),
            );
        }
    }

    fn tokens(&mut self, tokens: TokenStream) {
        for tt in tokens {
            match tt {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Literal(lit) => {
                    let line = lit.span().start().line;
                    self.literal(&lit.to_string(), line);
                }
                TokenTree::Ident(id) if self.scope.web => {
                    let name = id.to_string();
                    self.web(&name, id.span().start().line);
                }
                _ => {}
            }
        }
    }

    /// `crate::<module>` named by a widget: a feature module is a finding.
    fn widget_import(&mut self, module: &str, line: usize) {
        if module.ends_with("_ui") || module == "screens" || module == "panels" {
            self.push(
                Rule::WidgetImportsFeature,
                line,
                format!("a widget imports the feature module `crate::{module}`: move what it needs into src/widgets/ (or a shared layer)"),
            );
        }
    }

    fn web(&mut self, ident: &str, line: usize) {
        let krate = ident.replace('_', "-");
        if WEB_CRATES.contains(&krate.as_str()) || krate.starts_with("gloo") {
            self.push(
                Rule::EngineWeb,
                line,
                format!("the engine names `{ident}`, a web crate"),
            );
        }
    }

    /// Runs `f` with `item_cited` set for an item of these attributes and tokens.
    fn in_item(
        &mut self,
        attrs: &[syn::Attribute],
        tokens: TokenStream,
        f: impl FnOnce(&mut Self),
    ) {
        if attrs.iter().any(is_cfg_test) {
            return;
        }
        let before = self.item_cited;
        self.item_cited =
            attrs.iter().any(|a| doc_of(a).is_some_and(|d| cites(&d))) || names_source(tokens);
        f(self);
        self.item_cited = before;
    }
}

/// The first names of a use tree after `crate::` (`{a::X, b}` → a, b).
fn use_heads(tree: &syn::UseTree) -> Vec<(String, usize)> {
    match tree {
        syn::UseTree::Path(p) => vec![(p.ident.to_string(), p.ident.span().start().line)],
        syn::UseTree::Name(n) => vec![(n.ident.to_string(), n.ident.span().start().line)],
        syn::UseTree::Rename(r) => vec![(r.ident.to_string(), r.ident.span().start().line)],
        syn::UseTree::Group(g) => g.items.iter().flat_map(use_heads).collect(),
        syn::UseTree::Glob(_) => Vec::new(),
    }
}

fn is_cfg_test(a: &syn::Attribute) -> bool {
    a.path().is_ident("cfg") && a.meta.to_token_stream().to_string().contains("test")
}

fn doc_of(a: &syn::Attribute) -> Option<String> {
    match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => {
            Some(nv.value.to_token_stream().to_string())
        }
        _ => None,
    }
}

/// Whether tokens name a source (`Source`, `source`, `SOURCE`, `cite…`).
fn names_source(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|tt| match tt {
        TokenTree::Group(g) => names_source(g.stream()),
        TokenTree::Ident(id) => {
            let s = id.to_string().to_lowercase();
            s.contains("source") || s.contains("citation") || s.starts_with("cite")
        }
        _ => false,
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    use syn::Item::*;
    match item {
        Const(i) => &i.attrs,
        Enum(i) => &i.attrs,
        Fn(i) => &i.attrs,
        Impl(i) => &i.attrs,
        Macro(i) => &i.attrs,
        Mod(i) => &i.attrs,
        Static(i) => &i.attrs,
        Struct(i) => &i.attrs,
        Trait(i) => &i.attrs,
        Type(i) => &i.attrs,
        Use(i) => &i.attrs,
        _ => &[],
    }
}

/// A pattern that takes every value: `_` or a lower-case binding.
fn catch_all(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Wild(_) => true,
        syn::Pat::Ident(p) => {
            p.subpat.is_none() && p.ident.to_string().starts_with(|c: char| c.is_lowercase())
        }
        _ => false,
    }
}

/// Whether `tokens` hold Japanese text: a string literal with a Japanese
/// character. A character literal is not text but a character mapped (a
/// width fold's 'ｱ' => 'ア'), and a match over characters cannot name every
/// case.
fn has_japanese_text(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|tt| match tt {
        TokenTree::Group(g) => has_japanese_text(g.stream()),
        TokenTree::Literal(l) => {
            let l = l.to_string();
            !l.starts_with('\'') && l.chars().any(is_japanese)
        }
        _ => false,
    })
}

/// The first signal write inside an effect's closure.
struct FirstWrite(Option<(String, usize)>);

impl<'ast> Visit<'ast> for FirstWrite {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let name = call.method.to_string();
        if self.0.is_none() && WRITES.contains(&name.as_str()) {
            self.0 = Some((name, call.method.span().start().line));
        }
        visit::visit_expr_method_call(self, call);
    }
}

fn is_effect(func: &syn::Expr) -> bool {
    let syn::Expr::Path(p) = func else {
        return false;
    };
    let names: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    match names.as_slice() {
        [.., ty, f] => ty == "Effect" && (f.starts_with("new") || f == "watch"),
        [f] => f == "create_effect",
        _ => false,
    }
}

impl<'ast> Visit<'ast> for Visitor<'_> {
    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_item(&mut self, item: &'ast syn::Item) {
        let tokens = item.to_token_stream();
        self.in_item(item_attrs(item), tokens, |v| visit::visit_item(v, item));
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.in_item(&f.attrs, f.to_token_stream(), |v| {
            visit::visit_impl_item_fn(v, f)
        });
    }

    fn visit_impl_item_const(&mut self, c: &'ast syn::ImplItemConst) {
        self.in_item(&c.attrs, c.to_token_stream(), |v| {
            visit::visit_impl_item_const(v, c)
        });
    }

    /// An array type's length is structure (`[Analyte; 33]`), not a value.
    fn visit_type_array(&mut self, t: &'ast syn::TypeArray) {
        self.visit_type(&t.elem);
    }

    fn visit_lit(&mut self, lit: &'ast syn::Lit) {
        let line = lit.span().start().line;
        self.literal(&lit.to_token_stream().to_string(), line);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        self.tokens(mac.tokens.clone());
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if self.scope.widget {
            let mut segments = path.segments.iter();
            if let (Some(first), Some(second)) = (segments.next(), segments.next()) {
                if first.ident == "crate" {
                    let line = second.ident.span().start().line;
                    self.widget_import(&second.ident.to_string(), line);
                }
            }
        }
        if self.scope.web {
            if let Some(first) = path.segments.first() {
                self.web(&first.ident.to_string(), first.ident.span().start().line);
            }
        }
        visit::visit_path(self, path);
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        if self.scope.widget {
            if let syn::UseTree::Path(p) = &u.tree {
                if p.ident == "crate" {
                    for (module, line) in use_heads(&p.tree) {
                        self.widget_import(&module, line);
                    }
                }
            }
        }
        if self.scope.web {
            if let syn::UseTree::Path(p) = &u.tree {
                self.web(&p.ident.to_string(), p.ident.span().start().line);
            }
        }
        visit::visit_item_use(self, u);
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        if self.scope.wildcard
            && m.arms
                .iter()
                .any(|a| has_japanese_text(a.body.to_token_stream()))
        {
            for arm in m
                .arms
                .iter()
                .filter(|a| a.guard.is_none() && catch_all(&a.pat))
            {
                self.push(
                    Rule::WildcardTranslation,
                    arm.pat.span().start().line,
                    "a translating match falls back with a catch-all arm: name every case, so a missing translation does not compile".into(),
                );
            }
        }
        visit::visit_expr_match(self, m);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if self.scope.effects && is_effect(&call.func) {
            let mut write = FirstWrite(None);
            for arg in &call.args {
                write.visit_expr(arg);
            }
            if let Some((method, line)) = write.0 {
                self.push(
                    Rule::EffectWrites,
                    call.span().start().line,
                    format!("an Effect writes a signal (`.{method}(` on line {line}): write from the event handler, or derive with a Memo"),
                );
            }
        }
        visit::visit_expr_call(self, call);
    }
}
