//! Carrying out a plan of changes: the cheapest rebuild that covers it, written into the
//! preview's output directory, and the event the open pages should hear. A failed rebuild
//! changes nothing and is retried, merged with the next changes, on the next save.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use anyhow::{Result, bail};

use super::change::Plan;
use super::events::Event;
use crate::config::Config;
use crate::messages::{error_chain, print_diagnostics};
use crate::site::live::{Site, Update};

/// How the configuration is made: `vitae.toml` plus the command line's overrides.
pub type LoadConfig = Arc<dyn Fn() -> Result<Config> + Send + Sync>;

/// Which rebuilder may write into the output directory: the one of the current generation.
/// A rebuild that was abandoned (it ran away) may end long after a newer one wrote; by then its
/// generation is over and it writes nothing.
#[derive(Debug, Default)]
pub struct Fence {
    current: Mutex<u64>,
}

impl Fence {
    /// Runs `write` if `generation` is still the current one; never during another's write.
    fn admit(&self, generation: u64, write: impl FnOnce() -> Result<()>) -> Result<()> {
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if *current != generation {
            bail!("this rebuild was abandoned; a newer one owns the preview");
        }
        write()
    }

    /// Ends the current generation (waiting for a write in progress); returns the next one.
    pub fn advance(&self) -> u64 {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        *current = current.saturating_add(1);
        *current
    }

    /// No rebuild writes any more: the preview is stopping and its directory goes.
    pub fn close(&self) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = u64::MAX;
    }
}

/// The preview's output directory, as one generation of rebuilders may write it.
pub struct Output {
    pub dir: PathBuf,
    pub fence: Arc<Fence>,
    pub generation: u64,
}

impl Output {
    /// The only writer of `dir` (tests, and a preview's first generation).
    pub fn new(dir: &Path) -> Self {
        Self { dir: dir.to_path_buf(), fence: Arc::default(), generation: 0 }
    }

    fn write(&self, update: &Update) -> Result<()> {
        self.fence.admit(self.generation, || update.write_into(&self.dir))
    }
}

pub struct Rebuilder {
    load_config: LoadConfig,
    output: Output,
    /// The last good state; `None` until a build succeeded.
    site: Option<Site>,
    /// Changes of rebuilds that failed, still to be carried out.
    pending: Plan,
}

impl Rebuilder {
    pub fn new(load_config: LoadConfig, output: Output) -> Self {
        Self { load_config, output, site: None, pending: Plan::default() }
    }

    /// The first build, or a full one: configuration, every resume, every template.
    pub fn build_all(&mut self) -> Vec<Event> {
        self.apply(Plan::everything())
    }

    /// Rebuilds what `plan` (and any failed earlier plan) touches; returns the events for the
    /// open pages (none when nothing the site uses changed).
    pub fn apply(&mut self, plan: Plan) -> Vec<Event> {
        let mut plan = plan;
        plan.merge(std::mem::take(&mut self.pending));
        let started = Instant::now();
        match self.run(&plan) {
            Ok(events) => {
                if !events.is_empty() {
                    log_done(&plan, &events, started);
                }
                events
            }
            Err(e) => {
                let message = error_chain(&e);
                eprintln!("{message}");
                self.pending = plan;
                vec![Event::Error(message)]
            }
        }
    }

    fn run(&mut self, plan: &Plan) -> Result<Vec<Event>> {
        let site = match &mut self.site {
            Some(site) if !plan.config => site,
            _ => {
                let (site, diagnostics) = Site::load((self.load_config)()?)?;
                print_diagnostics(&diagnostics);
                let update = site.render_all()?;
                self.output.write(&update)?;
                self.site = Some(site);
                return Ok(vec![Event::Reload]);
            }
        };
        if plan.only_stylesheets() {
            return swap_stylesheets(site, plan, &self.output);
        }
        let paths: Vec<PathBuf> = plan.content.iter().cloned().collect();
        let update = match (plan.templates, paths.is_empty()) {
            (true, true) => site.rebuild_templates()?,
            (true, false) => site.rebuild_all()?,
            (false, false) => site.rebuild_resumes(&paths)?,
            (false, true) => Update::default(),
        };
        print_diagnostics(&update.diagnostics);
        self.output.write(&update)?;
        for path in &plan.stylesheets {
            if let Some(asset) = site.update_asset(path)? {
                self.output.write(&asset)?;
            }
        }
        Ok(vec![Event::Reload])
    }
}

/// Copies the changed stylesheets the site uses; the page swaps each in without reloading.
/// Stylesheets of other themes change nothing.
fn swap_stylesheets(site: &Site, plan: &Plan, output: &Output) -> Result<Vec<Event>> {
    let mut events = Vec::new();
    for path in &plan.stylesheets {
        if let Some(update) = site.update_asset(path)? {
            output.write(&update)?;
            events.extend(update.files.into_iter().map(|(rel, _)| Event::Css(format!("/{rel}"))));
        }
    }
    Ok(events)
}

fn log_done(plan: &Plan, events: &[Event], started: Instant) {
    let how = if matches!(events, [Event::Css(_), ..]) { "swapped" } else { "rebuilt" };
    eprintln!("{how} {} in {} ms", plan.describe(), started.elapsed().as_millis());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::change::Change;

    fn rebuilder(root: &Path, out: &Path) -> Rebuilder {
        let root = root.to_path_buf();
        Rebuilder::new(Arc::new(move || Ok(Config::load(&root)?.0)), Output::new(out))
    }

    #[test]
    fn a_failed_rebuild_is_retried_with_the_next_changes() {
        let site = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let resume = site.path().join("content/ada.yaml");
        std::fs::create_dir_all(resume.parent().unwrap()).unwrap();
        std::fs::write(&resume, "basics:\n  name: Ada\n").unwrap();
        let mut r = rebuilder(site.path(), out.path());
        assert_eq!(r.build_all(), [Event::Reload]);

        let footer = site.path().join("templates/partials/footer.html");
        std::fs::create_dir_all(footer.parent().unwrap()).unwrap();
        std::fs::write(&footer, "{% if %}").unwrap();
        assert!(
            matches!(r.apply(Plan::from_changes([Change::Template])).as_slice(), [Event::Error(m)] if m.contains("footer.html"))
        );

        // The template is still broken: a content edit alone must not hide that.
        std::fs::write(&resume, "basics:\n  name: Ada King\n").unwrap();
        let content = Plan::from_changes([Change::Content(resume.clone())]);
        assert!(matches!(r.apply(content).as_slice(), [Event::Error(_)]));

        std::fs::write(&footer, "<footer>ok</footer>").unwrap();
        assert_eq!(r.apply(Plan::from_changes([Change::Template])), [Event::Reload]);
        let page = std::fs::read_to_string(out.path().join("ada/index.html")).unwrap();
        assert!(page.contains("Ada King") && page.contains("<footer>ok</footer>"), "{page}");
    }

    #[test]
    fn an_abandoned_generation_writes_nothing() {
        let site = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let resume = site.path().join("content/ada.yaml");
        std::fs::create_dir_all(resume.parent().unwrap()).unwrap();
        std::fs::write(&resume, "basics:\n  name: Ada\n").unwrap();
        let root = site.path().to_path_buf();
        let load: LoadConfig = Arc::new(move || Ok(Config::load(&root)?.0));
        let output = Output::new(out.path());
        let fence = Arc::clone(&output.fence);
        let mut old = Rebuilder::new(Arc::clone(&load), output);
        let next = fence.advance();
        let fresh =
            Output { dir: out.path().to_path_buf(), fence: Arc::clone(&fence), generation: next };
        assert!(matches!(old.build_all().as_slice(), [Event::Error(m)] if m.contains("abandoned")));
        assert!(!out.path().join("ada/index.html").exists());
        assert_eq!(Rebuilder::new(load, fresh).build_all(), [Event::Reload]);
        assert!(out.path().join("ada/index.html").is_file());
        fence.close();
        std::fs::write(&resume, "basics:\n  name: Ada King\n").unwrap();
        let content = Plan::from_changes([Change::Content(resume)]);
        assert!(matches!(old.apply(content).as_slice(), [Event::Error(_)]));
    }

    #[test]
    fn a_lone_stylesheet_is_swapped_and_a_first_failure_is_retried_in_full() {
        let site = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let css = site.path().join("static/site.css");
        std::fs::create_dir_all(css.parent().unwrap()).unwrap();
        std::fs::write(&css, "a{}").unwrap();
        let mut r = rebuilder(site.path(), out.path());
        assert!(matches!(r.build_all().as_slice(), [Event::Error(m)] if m.contains("content")));
        let resume = site.path().join("content/ada.yaml");
        std::fs::create_dir_all(resume.parent().unwrap()).unwrap();
        std::fs::write(&resume, "basics:\n  name: Ada\n").unwrap();
        assert_eq!(r.apply(Plan::from_changes([Change::Content(resume)])), [Event::Reload]);
        std::fs::write(&css, "b{}").unwrap();
        let event = r.apply(Plan::from_changes([Change::Stylesheet(css)]));
        assert_eq!(event, [Event::Css("/site.css".into())]);
        assert_eq!(std::fs::read_to_string(out.path().join("site.css")).unwrap(), "b{}");
    }
}
