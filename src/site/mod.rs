//! The build: discover → parse → render → write. `build` writes a site; `check` does all but
//! the writing. Both return every diagnostic; content errors from all files are reported
//! together.

pub mod guard;
pub mod import_cache;
pub mod live;
pub mod write;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{ContentError, Diagnostic};
use crate::discover::{ContentFile, discover};
use crate::fsutil;
use crate::model::Resume;
use crate::parse;
use crate::pdf;
use crate::render::{GalleryEntry, PageContext, Renderer, SiteContext, filters};
use import_cache::ImportCache;
use write::Staging;

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    /// The resumes built, in slug order.
    pub pages: Vec<PageReport>,
    pub diagnostics: Vec<Diagnostic>,
    pub output: PathBuf,
    /// Number of files written.
    pub files: usize,
}

#[derive(Debug, Clone)]
pub struct PageReport {
    pub slug: String,
    pub source: PathBuf,
}

/// One parsed resume, ready to render.
pub struct Loaded {
    pub file: ContentFile,
    pub resume: Resume,
}

/// Reports how far a build is: the stage ("parsed", "rendered"), items done and the total.
/// Called from worker threads, in no particular order of `done`.
pub type Progress<'a> = &'a (dyn Fn(&'static str, usize, usize) + Sync);

/// Builds the site described by `config` into its output directory.
pub fn build(config: &Config) -> Result<Report> {
    build_with_progress(config, &|_, _, _| {})
}

/// [`build`], reporting progress as resumes are parsed and rendered.
pub fn build_with_progress(config: &Config, progress: Progress<'_>) -> Result<Report> {
    let output = config.output_path();
    guard::check_output(&config.root, &output, config.force)?;
    let cache = ImportCache::new(&config.root, true);
    let (loaded, mut diagnostics) = load_all_with_progress(config, &cache, progress)?;
    strict_gate(config, &diagnostics)?;
    let renderer = Renderer::new(&config.root, &config.theme, &config.extra)?;
    // Found before anything is written, so a missing browser fails fast.
    let browser = if config.pdf { Some(pdf::find_browser()?) } else { None };
    let staging = Staging::new(&config.root, &output)?;
    let mut files = render_all(config, &renderer, &loaded, &staging, progress)?;
    copy_static(config, &renderer, &staging)?;
    if let Some(browser) = browser {
        files += print_pdfs(&browser, &loaded, &staging)?;
    }
    staging.swap_into()?;
    diagnostics.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    Ok(Report { pages: page_reports(&loaded), diagnostics, output, files: files + 1 })
}

/// Parses and renders everything without writing: what `vitae check` reports.
pub fn check(config: &Config) -> Result<Report> {
    let cache = ImportCache::new(&config.root, false);
    let (loaded, diagnostics) = load_all_with_progress(config, &cache, &|_, _, _| {})?;
    strict_gate(config, &diagnostics)?;
    let renderer = Renderer::new(&config.root, &config.theme, &config.extra)?;
    let site = site_context(config);
    for l in &loaded {
        renderer.render_resume(&l.resume, &resume_page(config, &l.file.slug, false), &site)?;
    }
    Ok(Report { pages: page_reports(&loaded), diagnostics, output: config.output_path(), files: 0 })
}

/// Under `--strict`, any warning stops the build before anything is written.
fn strict_gate(config: &Config, diagnostics: &[Diagnostic]) -> Result<(), ContentError> {
    if config.strict && !diagnostics.is_empty() {
        return Err(ContentError(strict(diagnostics.to_vec())));
    }
    Ok(())
}

/// Warnings as `--strict` shows them: errors, each saying why.
pub fn strict(warnings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    warnings
        .into_iter()
        .map(|mut d| {
            if !d.is_error() {
                d.severity = crate::diag::Severity::Error;
                d.message.push_str(" (a warning; --strict makes it an error)");
            }
            d
        })
        .collect()
}

fn page_reports(loaded: &[Loaded]) -> Vec<PageReport> {
    loaded
        .iter()
        .map(|l| PageReport { slug: l.file.slug.clone(), source: l.file.path.clone() })
        .collect()
}

/// Discovers and parses every resume, in parallel, free-form ones through the site's import
/// cache. Errors from all files are collected.
pub fn load_all(config: &Config) -> Result<(Vec<Loaded>, Vec<Diagnostic>), ContentError> {
    load_all_with_progress(config, &ImportCache::new(&config.root, true), &|_, _, _| {})
}

fn load_all_with_progress(
    config: &Config,
    cache: &ImportCache,
    progress: Progress<'_>,
) -> Result<(Vec<Loaded>, Vec<Diagnostic>), ContentError> {
    let (files, mut diagnostics) = discover(&config.content_dir(), &config.output_path())?;
    if files.is_empty() {
        return Err(ContentError::one(
            Diagnostic::error("no resumes found")
                .in_file(config.content_dir())
                .hint("add a resume such as content/me.yaml (JSON Resume), content/me.md or content/me.txt"),
        ));
    }
    let total = files.len();
    let done = AtomicUsize::new(0);
    let results: Vec<_> = files
        .into_par_iter()
        .map(|f| {
            let r = load_one(f, cache);
            progress("parsed", done.fetch_add(1, Ordering::Relaxed) + 1, total);
            r
        })
        .collect();
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((l, warnings)) => {
                diagnostics.extend(warnings);
                loaded.push(l);
            }
            Err(e) => errors.extend(e.0),
        }
    }
    if !errors.is_empty() {
        return Err(ContentError(errors));
    }
    Ok((loaded, diagnostics))
}

fn load_one(
    file: ContentFile,
    cache: &ImportCache,
) -> Result<(Loaded, Vec<Diagnostic>), ContentError> {
    let bytes = parse::input::read_file(&file.path).map_err(ContentError::one)?;
    let parsed = cache.parse(&file.path, file.format, &bytes)?;
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(page_warnings(&parsed.resume, &file.path));
    Ok((Loaded { file, resume: parsed.resume }, diagnostics))
}

/// What the page will not show although the data has it: a remote `basics.image`, and
/// images inside text (pages load nothing from other hosts; see `filters::markdown_to_html`).
fn page_warnings(resume: &Resume, path: &Path) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let image = resume.basics.as_ref().and_then(|b| b.image.as_deref());
    if let Some(image) = image.filter(|i| filters::local_path(i).is_empty()) {
        warnings.push(
            Diagnostic::warning(format!(
                "the image `{image}` is not shown: pages load nothing from other hosts"
            ))
            .in_file(path)
            .field("basics.image")
            .hint("put the picture in static/ (e.g. static/me.jpg) and write `image: me.jpg`"),
        );
    }
    for (field, src) in images_in_text(resume) {
        let why = if filters::local_path(&src).is_empty() {
            "pages load nothing from other hosts"
        } else {
            "pictures inside text are not shown"
        };
        warnings.push(
            Diagnostic::warning(format!("the image `{src}` in this text is not shown: {why}; its alt text is shown instead"))
                .in_file(path)
                .field(field)
                .hint("remove the image, or link to it instead: [title](https://…); for your photo use basics.image"),
        );
    }
    warnings
}

/// Every image in the resume's text fields (any of them may be shown as Markdown), with the
/// field's path. The serialised text is searched first: most resumes have none.
fn images_in_text(resume: &Resume) -> Vec<(String, String)> {
    let json = serde_json::to_string(resume).unwrap_or_default();
    let has_img = json.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"<img"));
    if !json.contains("![") && !has_img {
        return Vec::new();
    }
    fn walk(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(text) => {
                out.extend(
                    filters::images_not_shown(text).into_iter().map(|s| (path.to_string(), s)),
                );
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    walk(item, &path, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(resume).unwrap_or_default(), "", &mut out);
    out
}

pub fn site_context(config: &Config) -> SiteContext {
    SiteContext {
        title: config.title.clone(),
        base_url: config.base_url.clone(),
        language: config.language.clone(),
        paper: config.paper.as_str().to_string(),
        generator: format!("vitae {}", env!("CARGO_PKG_VERSION")),
        repository: env!("CARGO_PKG_REPOSITORY").to_string(),
        credit: config.credit,
    }
}

/// The page context of a resume: at `<slug>/`, or at the site root when it is the only one.
pub fn resume_page(config: &Config, slug: &str, at_root: bool) -> PageContext {
    let (root, prefix, url) = if at_root {
        ("./", format!("{slug}/"), config.base_url.clone())
    } else {
        ("../", String::new(), format!("{}{slug}/", config.base_url))
    };
    PageContext {
        slug: slug.to_string(),
        root: root.to_string(),
        url,
        json: format!("{prefix}resume.json"),
        pdf: config.pdf.then(|| format!("{prefix}resume.pdf")),
    }
}

/// Renders every page into the staging directory; returns the number of files written.
fn render_all(
    config: &Config,
    renderer: &Renderer,
    loaded: &[Loaded],
    staging: &Staging,
    progress: Progress<'_>,
) -> Result<usize> {
    let site = site_context(config);
    let done = AtomicUsize::new(0);
    let written: Vec<usize> = loaded
        .par_iter()
        .map(|l| -> Result<usize> {
            progress("rendered", done.fetch_add(1, Ordering::Relaxed) + 1, loaded.len());
            let slug = &l.file.slug;
            let html =
                renderer.render_resume(&l.resume, &resume_page(config, slug, false), &site)?;
            staging.write(&format!("{slug}/index.html"), html.as_bytes())?;
            staging.write(&format!("{slug}/resume.json"), l.resume.to_json_pretty().as_bytes())?;
            Ok(2)
        })
        .collect::<Result<_>>()?;
    let index = match loaded {
        [only] => renderer.render_resume(
            &only.resume,
            &resume_page(config, &only.file.slug, true),
            &site,
        )?,
        _ => renderer.render_gallery(&gallery(loaded), &gallery_page(config), &site)?,
    };
    staging.write("index.html", index.as_bytes())?;
    staging.write(".nojekyll", b"")?;
    let slugs: Vec<&str> = loaded.iter().map(|l| l.file.slug.as_str()).collect();
    staging.write("robots.txt", robots_txt(&config.base_url).as_bytes())?;
    let mut files = written.iter().sum::<usize>() + 3;
    if let Some(xml) = sitemap_xml(&config.base_url, &slugs) {
        staging.write("sitemap.xml", xml.as_bytes())?;
        files += 1;
    }
    Ok(files)
}

/// Sitemaps need absolute URLs: written only when the base URL is absolute. No dates, so the
/// same input builds the same bytes.
pub fn sitemap_xml(base_url: &str, slugs: &[&str]) -> Option<String> {
    if !base_url.starts_with("http") {
        return None;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let pages = std::iter::once(String::new()).chain(slugs.iter().map(|s| format!("{s}/")));
    for page in pages {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&format!("{base_url}{page}"))
        ));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

fn robots_txt(base_url: &str) -> String {
    let mut txt = String::from("User-agent: *\nAllow: /\n");
    if base_url.starts_with("http") {
        txt.push_str(&format!("Sitemap: {base_url}sitemap.xml\n"));
    }
    txt
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn gallery(loaded: &[Loaded]) -> Vec<GalleryEntry> {
    loaded
        .iter()
        .map(|l| {
            let basics = l.resume.basics.as_ref();
            GalleryEntry {
                slug: l.file.slug.clone(),
                name: l.resume.name().unwrap_or(&l.file.slug).to_string(),
                label: basics.and_then(|b| b.label.clone()),
                summary: basics.and_then(|b| b.summary.clone()),
                href: format!("{}/", l.file.slug),
            }
        })
        .collect()
}

fn gallery_page(config: &Config) -> PageContext {
    PageContext {
        slug: String::new(),
        root: "./".to_string(),
        url: config.base_url.clone(),
        json: String::new(),
        pdf: None,
    }
}

/// Prints each staged resume page to `<slug>/resume.pdf` beside it, before the swap, so a
/// failed print leaves the previous output untouched. Returns the number of PDFs written.
fn print_pdfs(browser: &Path, loaded: &[Loaded], staging: &Staging) -> Result<usize> {
    let jobs: Vec<pdf::PrintJob> = loaded
        .iter()
        .map(|l| {
            let slug = &l.file.slug;
            let html = staging.path().join(slug).join("index.html");
            Ok(pdf::PrintJob { html, pdf: staging.reserve(&format!("{slug}/resume.pdf"))? })
        })
        .collect::<Result<_>>()?;
    pdf::print_all(browser, &jobs).context("failed to print the resumes to PDF")?;
    Ok(jobs.len())
}

/// Theme assets go to `assets/`; the site's `static/` is copied verbatim to the root.
fn copy_static(config: &Config, renderer: &Renderer, staging: &Staging) -> Result<()> {
    for (rel, bytes) in &renderer.theme().assets {
        staging.write(&format!("assets/{rel}"), bytes)?;
    }
    let static_dir = config.root.join("static");
    for (rel, path) in crate::render::theme::files_under(&static_dir)? {
        staging.write(&rel, &fsutil::read(&path)?)?;
    }
    Ok(())
}
