//! A site kept in memory between builds, for a preview that rebuilds on every save: everything
//! after a template change, only the touched resume (and the index) after a content change.
//! Rebuilds render into memory first, so a failed one changes nothing on disk or in memory.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;

use super::import_cache::ImportCache;
use super::{
    Loaded, gallery, gallery_page, load_all, load_one, resume_page, robots_txt, site_context,
    sitemap_xml,
};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::discover::discover;
use crate::fsutil;
use crate::render::Renderer;
use crate::render::theme::{Origin, files_under};

/// The loaded state of a site: its configuration, compiled templates and parsed resumes.
pub struct Site {
    config: Config,
    renderer: Renderer,
    /// Parsed resumes, in slug order.
    loaded: Vec<Loaded>,
}

/// What a rebuild produced: files to write (relative to the output directory), page
/// directories to remove, and the warnings of reading.
#[derive(Debug, Default)]
pub struct Update {
    pub files: Vec<(String, Vec<u8>)>,
    /// Relative directories of resumes that no longer exist.
    pub removed: Vec<String>,
    /// The update is the whole site: files in the output that it does not list are stale.
    pub complete: bool,
    pub diagnostics: Vec<Diagnostic>,
}

impl Site {
    /// Reads every resume and compiles the templates of the site `config` describes.
    pub fn load(config: Config) -> Result<(Self, Vec<Diagnostic>)> {
        let (loaded, diagnostics) = load_all(&config)?;
        let renderer = Renderer::new(&config.root, &config.theme, &config.extra)?;
        Ok((Self { config, renderer, loaded }, diagnostics))
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Every file of the site: pages, JSON Resume files, theme assets and `static/`.
    pub fn render_all(&self) -> Result<Update> {
        let slugs: Vec<&str> = self.loaded.iter().map(|l| l.file.slug.as_str()).collect();
        let mut files = self.render_pages(&slugs)?;
        files.push((".nojekyll".to_string(), Vec::new()));
        for (rel, bytes) in &self.renderer.theme().assets {
            files.push((format!("assets/{rel}"), bytes.clone()));
        }
        for (rel, path) in files_under(&self.config.root.join("static"))? {
            files.push((rel, fsutil::read(&path)?));
        }
        Ok(Update { files, complete: true, ..Update::default() })
    }

    /// Re-reads every resume and recompiles the templates, then renders everything.
    pub fn rebuild_all(&mut self) -> Result<Update> {
        let (site, diagnostics) = Site::load(self.config.clone())?;
        let update = site.render_all()?;
        *self = site;
        Ok(Update { diagnostics, ..update })
    }

    /// Recompiles the templates (and the theme) and renders everything; resumes are not
    /// re-read.
    pub fn rebuild_templates(&mut self) -> Result<Update> {
        let c = &self.config;
        let renderer = Renderer::new(&c.root, &c.theme, &c.extra)?;
        let old = std::mem::replace(&mut self.renderer, renderer);
        match self.render_all() {
            Ok(update) => Ok(update),
            Err(e) => {
                self.renderer = old;
                Err(e)
            }
        }
    }

    /// Re-reads the resumes at `paths` (changed, new or deleted) and renders their pages and
    /// the index; the other resumes are neither re-read nor re-rendered.
    pub fn rebuild_resumes(&mut self, paths: &[PathBuf]) -> Result<Update> {
        let (files, mut diagnostics) =
            discover(&self.config.content_dir(), &self.config.output_path())?;
        let known: BTreeSet<&Path> = self.loaded.iter().map(|l| l.file.path.as_path()).collect();
        let to_read: Vec<_> = files
            .iter()
            .filter(|f| !known.contains(f.path.as_path()) || paths.contains(&f.path))
            .cloned()
            .collect();
        if files.is_empty() {
            // `load_all` owns the message for an empty content directory.
            load_all(&self.config)?;
        }
        let mut fresh = BTreeMap::new();
        let mut errors = Vec::new();
        let cache = ImportCache::new(&self.config.root, true);
        let loads: Vec<_> = to_read.into_par_iter().map(|f| load_one(f, &cache)).collect();
        for result in loads {
            match result {
                Ok((l, warnings)) => {
                    diagnostics.extend(warnings);
                    fresh.insert(l.file.slug.clone(), l);
                }
                Err(e) => errors.extend(e.0),
            }
        }
        if !errors.is_empty() {
            return Err(crate::diag::ContentError(errors).into());
        }
        let present: BTreeSet<&str> = files.iter().map(|f| f.slug.as_str()).collect();
        let removed: Vec<String> = self
            .loaded
            .iter()
            .map(|l| l.file.slug.clone())
            .filter(|s| !present.contains(s.as_str()))
            .collect();
        let changed: Vec<String> = fresh.keys().cloned().collect();
        let mut next: Vec<Loaded> = std::mem::take(&mut self.loaded)
            .into_iter()
            .filter(|l| present.contains(l.file.slug.as_str()) && !fresh.contains_key(&l.file.slug))
            .collect();
        next.extend(fresh.into_values());
        next.sort_by(|a, b| a.file.slug.cmp(&b.file.slug));
        self.loaded = next;
        let slugs: Vec<&str> = changed.iter().map(String::as_str).collect();
        let files = self.render_pages(&slugs)?;
        Ok(Update { files, removed, complete: false, diagnostics })
    }

    /// Where a stylesheet or other static file of the site or of its theme is published
    /// (`static/a.css` → `a.css`, `themes/NAME/static/a.css` → `assets/a.css`), or `None` when
    /// `path` is not one the current build uses.
    pub fn asset_output(&self, path: &Path) -> Option<String> {
        let root = &self.config.root;
        let theme_static = match &self.renderer.theme().origin {
            Origin::Site(dir) => Some(dir.join("static")),
            Origin::BuiltIn => None,
        };
        let (base, prefix) = if let Ok(rel) = path.strip_prefix(root.join("static")) {
            (rel, "")
        } else {
            (path.strip_prefix(theme_static?).ok()?, "assets/")
        };
        let parts: Vec<String> =
            base.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        if parts.is_empty() || parts.iter().any(|p| p.starts_with('.')) {
            return None;
        }
        Some(format!("{prefix}{}", parts.join("/")))
    }

    /// The one file a changed static asset publishes, read from disk.
    pub fn update_asset(&self, path: &Path) -> Result<Option<Update>> {
        let Some(rel) = self.asset_output(path) else { return Ok(None) };
        let bytes = fsutil::read(path)?;
        Ok(Some(Update { files: vec![(rel, bytes)], ..Update::default() }))
    }

    /// The pages of the resumes `slugs`, the index page, robots.txt and the sitemap, rendered in
    /// parallel.
    fn render_pages(&self, slugs: &[&str]) -> Result<Vec<(String, Vec<u8>)>> {
        let site = site_context(&self.config);
        let wanted: Vec<&Loaded> =
            self.loaded.iter().filter(|l| slugs.contains(&l.file.slug.as_str())).collect();
        let pages: Vec<Vec<(String, Vec<u8>)>> = wanted
            .par_iter()
            .map(|l| -> Result<_> {
                let slug = &l.file.slug;
                let page = resume_page(&self.config, slug, false);
                let html = self.renderer.render_resume(&l.resume, &page, &site)?;
                Ok(vec![
                    (format!("{slug}/index.html"), html.into_bytes()),
                    (format!("{slug}/resume.json"), l.resume.to_json_pretty().into_bytes()),
                ])
            })
            .collect::<Result<_>>()?;
        let index = match self.loaded.as_slice() {
            [only] => self.renderer.render_resume(
                &only.resume,
                &resume_page(&self.config, &only.file.slug, true),
                &site,
            )?,
            all => {
                self.renderer.render_gallery(&gallery(all), &gallery_page(&self.config), &site)?
            }
        };
        let mut files: Vec<_> = pages.into_iter().flatten().collect();
        files.push(("index.html".to_string(), index.into_bytes()));
        // Cheap, and they list every page: written whenever the index is.
        let base_url = &self.config.base_url;
        files.push(("robots.txt".to_string(), robots_txt(base_url).into_bytes()));
        let all: Vec<&str> = self.loaded.iter().map(|l| l.file.slug.as_str()).collect();
        if let Some(xml) = sitemap_xml(base_url, &all) {
            files.push(("sitemap.xml".to_string(), xml.into_bytes()));
        }
        Ok(files)
    }
}

impl Update {
    /// Writes the update into `dir`, one file at a time by rename, so a reader never sees a
    /// half-written file; a complete update also deletes the files it does not list.
    pub fn write_into(&self, dir: &Path) -> Result<()> {
        for (rel, bytes) in &self.files {
            if rel.split('/').any(|part| part == ".." || part.is_empty()) {
                anyhow::bail!("refusing to write outside the output directory: `{rel}`");
            }
            let target = dir.join(rel);
            let temp = dir.join(format!("{rel}.vitae-tmp"));
            fsutil::write(&temp, bytes)?;
            fsutil::rename(&temp, &target)?;
        }
        for rel in &self.removed {
            let path = dir.join(rel);
            if path.is_dir() {
                fsutil::remove_dir_all(&path)?;
            }
        }
        if self.complete {
            self.remove_stale(dir)?;
        }
        Ok(())
    }

    fn remove_stale(&self, dir: &Path) -> Result<()> {
        let keep: BTreeSet<&str> = self.files.iter().map(|(rel, _)| rel.as_str()).collect();
        for (rel, path) in files_under(dir)? {
            if !keep.contains(rel.as_str()) && rel != super::write::MARKER {
                std::fs::remove_file(&path)
                    .map_err(|e| anyhow::anyhow!("failed to remove `{}`: {e}", path.display()))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADA: &str = "basics:\n  name: Ada Lovelace\n";
    const GRACE: &str = "basics:\n  name: Grace Hopper\n";

    fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn names(update: &Update) -> Vec<&str> {
        let mut v: Vec<&str> = update.files.iter().map(|(r, _)| r.as_str()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_changed_resume_renders_only_its_page_and_the_index() {
        let dir = site_with(&[("content/ada.yaml", ADA), ("content/grace.yaml", GRACE)]);
        let (mut site, _) = Site::load(Config::defaults(dir.path())).unwrap();
        assert!(names(&site.render_all().unwrap()).contains(&"grace/index.html"));
        let ada = dir.path().join("content/ada.yaml");
        std::fs::write(&ada, "basics:\n  name: Ada King\n").unwrap();
        let update = site.rebuild_resumes(std::slice::from_ref(&ada)).unwrap();
        assert_eq!(
            names(&update),
            ["ada/index.html", "ada/resume.json", "index.html", "robots.txt"]
        );
        let page = String::from_utf8_lossy(&update.files[0].1).into_owned();
        assert!(page.contains("Ada King"), "{page}");
    }

    #[test]
    fn a_broken_resume_fails_and_keeps_the_last_good_state() {
        let dir = site_with(&[("content/ada.yaml", ADA)]);
        let (mut site, _) = Site::load(Config::defaults(dir.path())).unwrap();
        let ada = dir.path().join("content/ada.yaml");
        std::fs::write(&ada, "basics: [\n").unwrap();
        let err = site.rebuild_resumes(std::slice::from_ref(&ada)).unwrap_err();
        assert!(format!("{err:#}").contains("ada.yaml"), "{err:#}");
        assert_eq!(site.loaded[0].resume.name(), Some("Ada Lovelace"));
    }

    #[test]
    fn deleted_and_new_resumes_are_noticed() {
        let dir = site_with(&[("content/ada.yaml", ADA), ("content/grace.yaml", GRACE)]);
        let (mut site, _) = Site::load(Config::defaults(dir.path())).unwrap();
        let grace = dir.path().join("content/grace.yaml");
        std::fs::remove_file(&grace).unwrap();
        let update = site.rebuild_resumes(std::slice::from_ref(&grace)).unwrap();
        assert_eq!(update.removed, ["grace"]);
        assert_eq!(names(&update), ["index.html", "robots.txt"]);
        let lin = dir.path().join("content/lin.yaml");
        std::fs::write(&lin, "basics:\n  name: Lin\n").unwrap();
        let update = site.rebuild_resumes(std::slice::from_ref(&lin)).unwrap();
        assert_eq!(
            names(&update),
            ["index.html", "lin/index.html", "lin/resume.json", "robots.txt"]
        );
    }

    #[test]
    fn assets_map_to_their_published_path() {
        let dir = site_with(&[
            ("content/ada.yaml", ADA),
            ("themes/mine/templates/.keep", ""),
            ("static/site.css", "a{}"),
        ]);
        let mut config = Config::defaults(dir.path());
        config.theme = "mine".to_string();
        let (site, _) = Site::load(config).unwrap();
        let root = dir.path();
        assert_eq!(site.asset_output(&root.join("static/css/a.css")).as_deref(), Some("css/a.css"));
        assert_eq!(
            site.asset_output(&root.join("themes/mine/static/screen.css")).as_deref(),
            Some("assets/screen.css")
        );
        assert_eq!(site.asset_output(&root.join("themes/other/static/screen.css")), None);
        assert_eq!(site.asset_output(&root.join("static/.hidden.css")), None);
    }

    /// Every file below `dir` with its bytes, but vitae's marker.
    fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.file_name() != super::super::write::MARKER)
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_live_site_writes_what_build_writes() {
        let dir = site_with(&[
            ("content/ada.yaml", ADA),
            ("content/grace.yaml", GRACE),
            ("static/me.txt", "hi"),
        ]);
        let mut config = Config::defaults(dir.path());
        config.set_base_url("https://example.org/cv").unwrap();
        let built = tempfile::tempdir().unwrap();
        config.output_dir = built.path().join("public");
        crate::site::build(&config).unwrap();
        let live = tempfile::tempdir().unwrap();
        let (site, _) = Site::load(config.clone()).unwrap();
        site.render_all().unwrap().write_into(live.path()).unwrap();
        assert_eq!(snapshot(&config.output_dir), snapshot(live.path()));
    }

    #[test]
    fn a_complete_update_removes_stale_files() {
        let dir = site_with(&[("content/ada.yaml", ADA)]);
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join("stale.html"), "old").unwrap();
        let (site, _) = Site::load(Config::defaults(dir.path())).unwrap();
        site.render_all().unwrap().write_into(out.path()).unwrap();
        assert!(out.path().join("ada/index.html").is_file());
        assert!(out.path().join("assets/screen.css").is_file());
        assert!(!out.path().join("stale.html").exists());
    }
}
