//! Rendering: the model into HTML through Tera themes. Knows nothing of file formats or where
//! output goes; `site` decides URLs and writes files.

pub mod budget;
pub mod filters;
pub mod theme;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, anyhow};
use serde::Serialize;
use serde_json::{Map, Value};
use tera::{Context, Tera};

use crate::model::Resume;
pub use theme::{DEFAULT_THEME, Theme, ThemeInfo};

/// What every page knows about the site (`site` in templates).
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub title: String,
    /// Absolute base URL with a trailing slash, or `/` when none is configured.
    pub base_url: String,
    pub language: String,
    /// `a4` or `letter`.
    pub paper: String,
    pub generator: String,
    /// The project's home, for the footer's credit.
    pub repository: String,
    /// Whether the footer says "Built with vitae" (`credit` in vitae.toml).
    pub credit: bool,
}

/// Where a page sits (`page` in templates). Links are relative (`root` leads back to the site
/// root), so the output works under any base URL; `url` is absolute when the base URL is.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    pub slug: String,
    /// Relative path from this page to the site root: `./` or `../`.
    pub root: String,
    /// This page's URL under the base URL (`https://x.io/cv/ada/` or `/ada/`).
    pub url: String,
    /// Relative link to the resume's JSON Resume file from this page.
    pub json: String,
    /// Relative link to the resume's PDF, when PDFs are built.
    pub pdf: Option<String>,
}

/// One resume in the gallery (`resumes` on the index page).
#[derive(Debug, Clone, Serialize)]
pub struct GalleryEntry {
    pub slug: String,
    pub name: String,
    pub label: Option<String>,
    pub summary: Option<String>,
    /// Relative link from the index page.
    pub href: String,
}

/// A compiled set of templates for one theme.
pub struct Renderer {
    /// Shared with the render threads (see [`budget`]).
    tera: Arc<Tera>,
    theme: Theme,
    /// Template name → where it came from, for error messages.
    origins: HashMap<String, String>,
    /// The site's own templates, as the help of a render error lists them.
    own_templates: Arc<str>,
    params: Map<String, Value>,
}

impl Renderer {
    /// Loads the theme `theme_name` and the template layers of the site at `root`.
    /// `extra` (vitae.toml `[extra]`) overrides the theme's parameter defaults.
    pub fn new(root: &Path, theme_name: &str, extra: &Map<String, Value>) -> Result<Self> {
        let theme = theme::load(root, theme_name)?;
        let mut layers: HashMap<String, theme::Source> = HashMap::new();
        let builtin = theme::builtin_templates();
        // A site file identical to the built-in one is a copy, not an override: vitae's own
        // repository is a site whose templates/ *are* the built-ins, and they must not hide a
        // theme's templates.
        let site_layer: Vec<theme::Source> = theme::read_tree(&root.join("templates"))?
            .into_iter()
            .filter(|s| !builtin.iter().any(|b| b.name == s.name && b.text == s.text))
            .collect();
        for source in builtin.into_iter().chain(theme.templates.clone()).chain(site_layer) {
            layers.insert(source.name.clone(), source);
        }
        keep_referenced_builtins(&mut layers);
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml", ".htm"]);
        filters::register(&mut tera);
        let origins: HashMap<String, String> =
            layers.values().map(|s| (s.name.clone(), s.origin.clone())).collect();
        let mut sources: Vec<(String, String)> =
            layers.into_values().map(|s| (s.name, s.text)).collect();
        sources.sort();
        tera.add_raw_templates(sources).map_err(|e| template_error(&e, &origins))?;
        let mut params: Map<String, Value> = theme::defaults(&theme.manifest.params);
        params.extend(extra.clone());
        let own_templates = site_templates(&origins).into();
        Ok(Self { tera: Arc::new(tera), theme, origins, own_templates, params })
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Renders one resume page.
    pub fn render_resume(
        &self,
        resume: &Resume,
        page: &PageContext,
        site: &SiteContext,
    ) -> Result<String> {
        let mut ctx = self.base_context(site);
        ctx.insert("page", page);
        let complete = complete(resume);
        ctx.insert_value("basics", tera::Value::from_serializable(&complete["basics"]));
        ctx.insert_value("resume", tera::Value::from_serializable(&complete));
        ctx.insert_value("json_ld", tera::Value::from(json_ld(resume, page)));
        self.render("resume.html", ctx)
    }

    /// Renders the gallery of several resumes.
    pub fn render_gallery(
        &self,
        entries: &[GalleryEntry],
        page: &PageContext,
        site: &SiteContext,
    ) -> Result<String> {
        let mut ctx = self.base_context(site);
        ctx.insert("page", page);
        ctx.insert("resumes", entries);
        self.render("index.html", ctx)
    }

    fn base_context(&self, site: &SiteContext) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", site);
        ctx.insert_value(
            "theme",
            tera::Value::from_serializable(&serde_json::json!({
                "name": self.theme.name,
                "params": self.params,
            })),
        );
        ctx
    }

    /// Renders `name` within the render budget; an error names the template and where it
    /// came from.
    fn render(&self, name: &str, ctx: Context) -> Result<String> {
        let stopped = |why: String| {
            let origin = self.origins.get(name).map_or(String::new(), |o| format!(" from {o}"));
            anyhow!(
                "template error in `{name}`{origin}: {why}\n  help: look for a loop that never ends or output that grows without bound in this template or one it includes or extends{}",
                self.own_templates
            )
        };
        budget::render(&self.tera, name, ctx, &self.own_templates).map_err(
            |failure| match failure {
                budget::Failure::Template(e) => template_error(&e, &self.origins),
                budget::Failure::Time => stopped(format!(
                    "rendering one page took longer than {} s, so it was stopped",
                    budget::TIME.as_secs()
                )),
                budget::Failure::Output => stopped(format!(
                    "one page grew past {} MiB, so it was stopped",
                    budget::OUTPUT / (1024 * 1024)
                )),
                budget::Failure::Crashed(why) => stopped(why),
            },
        )
    }
}

/// ` (the site's own: …)` listing the templates that do not come with vitae, or nothing.
fn site_templates(origins: &HashMap<String, String>) -> String {
    let mut own: Vec<&str> =
        origins.values().filter(|o| !o.starts_with("built-in")).map(String::as_str).collect();
    if own.is_empty() {
        return String::new();
    }
    own.sort_unstable();
    format!(" (the site's own: {})", own.join(", "))
}

/// A template error with the template's origin and Tera's own report (line, caret, cause).
fn template_error(e: &tera::Error, origins: &HashMap<String, String>) -> anyhow::Error {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!("\n  caused by: {s}"));
        source = s.source();
    }
    let named: Vec<String> = origins
        .iter()
        .filter(|(name, _)| msg.contains(name.as_str()))
        .map(|(name, origin)| format!("`{name}` from {origin}"))
        .collect();
    if named.is_empty() {
        anyhow!("template error: {msg}")
    } else {
        anyhow!("template error in {}:\n{msg}", named.join(", "))
    }
}

/// The resume as templates see it: every section present (empty lists, an empty `basics` with
/// an empty `location` and `profiles`), so loops never meet an undefined value.
fn complete(resume: &Resume) -> Value {
    let mut v = serde_json::to_value(resume).unwrap_or_else(|_| Value::Object(Map::new()));
    let Some(map) = v.as_object_mut() else { return v };
    for section in crate::model::LIST_SECTIONS {
        map.entry(section).or_insert_with(|| Value::Array(Vec::new()));
    }
    let basics = map.entry("basics").or_insert_with(|| Value::Object(Map::new()));
    if let Some(b) = basics.as_object_mut() {
        b.entry("profiles").or_insert_with(|| Value::Array(Vec::new()));
        b.entry("location").or_insert_with(|| Value::Object(Map::new()));
    }
    v
}

/// schema.org `Person` structured data for the page, as a JSON string safe inside `<script>`.
fn json_ld(resume: &Resume, page: &PageContext) -> String {
    let basics = resume.basics.clone().unwrap_or_default();
    let mut person = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Person",
    });
    let Some(obj) = person.as_object_mut() else { return String::new() };
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            obj.insert(k.to_string(), Value::String(v));
        }
    };
    put("name", basics.name.clone());
    put("jobTitle", basics.label.clone());
    put("email", basics.email.clone());
    put("telephone", basics.phone.clone());
    put("url", Some(page.url.clone()).filter(|u| u.starts_with("http")));
    let same_as: Vec<Value> = basics
        .profiles
        .iter()
        .filter_map(|p| p.url.as_deref())
        .map(filters::safe_url)
        .filter(|u| !u.is_empty())
        .map(Value::String)
        .collect();
    if !same_as.is_empty() {
        obj.insert("sameAs".into(), Value::Array(same_as));
    }
    // No `<` may appear inside a script element: escape it as JSON allows.
    serde_json::to_string(&person).unwrap_or_default().replace('<', "\\u003c")
}

/// Drops the `vitae/…` copies of built-in templates that no template names. Only a theme or
/// site that extends or includes a built-in by that name needs its copy, and compiling the
/// templates is most of a one-resume build's CPU time.
fn keep_referenced_builtins(layers: &mut HashMap<String, theme::Source>) {
    let prefix = theme::BUILTIN_PREFIX;
    let mut needed: HashSet<String> = HashSet::new();
    let mut texts: Vec<&str> =
        layers.values().filter(|s| !s.name.starts_with(prefix)).map(|s| s.text.as_str()).collect();
    while let Some(text) = texts.pop() {
        let text = without_comments(text);
        for (at, _) in text.match_indices(prefix) {
            let name: String = text[at..]
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | ' ' | '%' | '}'))
                .collect();
            if let Some(source) = layers.get(&name)
                && needed.insert(name)
            {
                texts.push(source.text.as_str());
            }
        }
    }
    layers.retain(|name, _| !name.starts_with(prefix) || needed.contains(name));
}

/// `text` without its `{# … #}` comments, which may mention template names without using them.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{#") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("#}").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layers(sources: &[(&str, &str)]) -> HashMap<String, theme::Source> {
        sources
            .iter()
            .map(|(name, text)| {
                let source = theme::Source {
                    name: name.to_string(),
                    text: text.to_string(),
                    origin: "test".into(),
                };
                (name.to_string(), source)
            })
            .collect()
    }

    #[test]
    fn only_built_in_copies_that_some_template_names_are_compiled() {
        let mut l = layers(&[
            ("resume.html", "{% extends \"vitae/resume.html\" %}{# not \"vitae/index.html\" #}"),
            ("vitae/resume.html", "{% include 'vitae/partials/a.html' %}"),
            ("vitae/partials/a.html", "a"),
            ("vitae/index.html", "i"),
            ("vitae/partials/b.html", "b"),
            ("partials/b.html", "b"),
        ]);
        keep_referenced_builtins(&mut l);
        let mut names: Vec<&str> = l.keys().map(String::as_str).collect();
        names.sort();
        assert_eq!(
            names,
            ["partials/b.html", "resume.html", "vitae/partials/a.html", "vitae/resume.html"]
        );
    }

    #[test]
    fn comments_are_left_out_even_when_unclosed() {
        assert_eq!(without_comments("a{# x #}b{#c#}d"), "abd");
        assert_eq!(without_comments("a{# never closed"), "a");
    }
}
