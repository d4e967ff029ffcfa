//! File-system events turned into what they mean for the site, by pure functions: which file
//! changed and what must be rebuilt. No I/O here, so table tests cover every rule.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use notify::EventKind;
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};

use crate::config::CONFIG_FILE;
use crate::parse::Format;

/// What one changed path means for the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A resume in `content/` was written, created, renamed or deleted.
    Content(PathBuf),
    /// A template, a theme manifest or a non-stylesheet static file: render everything again.
    Template,
    /// A stylesheet under `static/` or `themes/NAME/static/`: copy it and swap it in place.
    Stylesheet(PathBuf),
    /// `vitae.toml`: reload the configuration and build everything.
    Config,
    /// A source directory itself (`content`, …) appeared, went or was renamed: watch it again
    /// and build everything (what it holds now was never seen being written).
    SourceDir(&'static str),
    Ignored,
}

/// What an event says about the writing of its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// Created or written to: more may follow until it is closed.
    Started,
    /// Closed by a program that had it open for writing.
    Closed,
    /// Renamed, removed, its metadata changed: nothing left to wait for.
    Other,
}

/// One path an event was about: what it means for the site, and for its writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    pub path: PathBuf,
    pub change: Change,
    pub write: Write,
}

/// What a batch of changes asks for; several saves in one debounce window merge into one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub config: bool,
    pub templates: bool,
    pub content: BTreeSet<PathBuf>,
    pub stylesheets: BTreeSet<PathBuf>,
}

impl Plan {
    pub fn from_changes(changes: impl IntoIterator<Item = Change>) -> Self {
        let mut plan = Plan::default();
        for change in changes {
            plan.add(change);
        }
        plan
    }

    /// A full rebuild: the configuration, every resume, every template.
    pub fn everything() -> Self {
        Plan { config: true, ..Plan::default() }
    }

    pub fn add(&mut self, change: Change) {
        match change {
            Change::Content(p) => {
                self.content.insert(p);
            }
            Change::Template => self.templates = true,
            Change::Stylesheet(p) => {
                self.stylesheets.insert(p);
            }
            Change::Config | Change::SourceDir(_) => self.config = true,
            Change::Ignored => {}
        }
    }

    /// Folds in a plan that has not been carried out yet (a rebuild that failed).
    pub fn merge(&mut self, other: Plan) {
        self.config |= other.config;
        self.templates |= other.templates;
        self.content.extend(other.content);
        self.stylesheets.extend(other.stylesheets);
    }

    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }

    /// What the plan rebuilds, for messages: `everything`, `all pages` or the files' names.
    pub fn describe(&self) -> String {
        if self.config {
            return "everything".to_string();
        }
        if self.templates {
            return "all pages".to_string();
        }
        let names: Vec<String> = self
            .content
            .iter()
            .chain(&self.stylesheets)
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        names.join(", ")
    }

    /// Only stylesheets changed: they can be swapped into the open page without a reload.
    pub fn only_stylesheets(&self) -> bool {
        !self.config && !self.templates && self.content.is_empty() && !self.stylesheets.is_empty()
    }
}

/// What the paths of one file-system event stand for. `root` is the site directory, as watched.
pub fn classify(kind: &EventKind, paths: &[PathBuf], root: &Path) -> Vec<Touch> {
    let write = write_of(kind);
    let touch = |path: &PathBuf, change| Touch { path: path.clone(), change, write };
    match kind {
        // A writer closing a file counts as a change to it (and ends its writing). Other
        // accesses, vitae's own reads during a rebuild included, change nothing.
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => {}
        EventKind::Access(_) => return Vec::new(),
        // A source directory that appeared, went or was renamed (`git checkout`, a sync tool).
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
            if paths.iter().any(|p| source_dir(p, root).is_some()) =>
        {
            return paths
                .iter()
                .filter_map(|p| Some(touch(p, Change::SourceDir(source_dir(p, root)?))))
                .collect();
        }
        _ => {}
    }
    paths
        .iter()
        .map(|p| touch(p, classify_path(p, root)))
        .filter(|t| t.change != Change::Ignored)
        .collect()
}

/// What an event kind says about the writing of its file: a file created or written to may
/// be written to again until the writer closes it.
pub fn write_of(kind: &EventKind) -> Write {
    match kind {
        EventKind::Create(CreateKind::File | CreateKind::Any)
        | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => Write::Started,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Write::Closed,
        _ => Write::Other,
    }
}

/// What a change to `path` means, from its place in the site alone.
pub fn classify_path(path: &Path, root: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else { return Change::Ignored };
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str().unwrap_or("\u{fffd}"),
            _ => "\u{fffd}",
        })
        .collect();
    let Some(name) = parts.last() else { return Change::Ignored };
    if parts.iter().any(|p| p.starts_with('.')) || is_editor_temp(name) {
        return Change::Ignored;
    }
    match parts.as_slice() {
        [file] if *file == CONFIG_FILE => Change::Config,
        ["content", _] if Format::from_path(rel).is_some() => Change::Content(path.to_path_buf()),
        ["templates", _, ..] => Change::Template,
        ["static", _, ..] | ["themes", _, "static", _, ..] if is_stylesheet(name) => {
            Change::Stylesheet(path.to_path_buf())
        }
        ["static", _, ..] | ["themes", _, ..] => Change::Template,
        _ => Change::Ignored,
    }
}

/// The directories of a site that hold its sources.
pub const SOURCES: [&str; 4] = ["content", "templates", "themes", "static"];

/// The name of the source directory `path` is, if it is one.
fn source_dir(path: &Path, root: &Path) -> Option<&'static str> {
    if path.parent() != Some(root) {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    SOURCES.iter().find(|s| **s == name).copied()
}

fn is_stylesheet(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("css"))
}

/// Editor backups and swap files (`a~`, `a.swp`, `a.tmp`), vitae's own half-written files and
/// vim's write test file `4913`. Dot files (`.git`, `.#lock`) are skipped before this.
fn is_editor_temp(name: &str) -> bool {
    name.ends_with('~')
        || [".swp", ".swx", ".swo", ".tmp", ".vitae-tmp"].iter().any(|ext| name.ends_with(ext))
        || name.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use notify::event::{DataChange, MetadataKind, RemoveKind, RenameMode};

    use super::*;

    fn root() -> PathBuf {
        PathBuf::from("/site")
    }

    #[test]
    fn paths_map_to_changes() {
        let content = |p: &str| Change::Content(root().join(p));
        let css = |p: &str| Change::Stylesheet(root().join(p));
        let table: Vec<(&str, Change)> = vec![
            ("vitae.toml", Change::Config),
            ("content/ada.yaml", content("content/ada.yaml")),
            ("content/ada.md", content("content/ada.md")),
            ("content/cv.pdf", content("content/cv.pdf")),
            ("content/cv.docx", content("content/cv.docx")),
            ("content/notes.zip", Change::Ignored),
            ("content/drafts/ada.yaml", Change::Ignored),
            ("content", Change::Ignored),
            ("templates/partials/footer.html", Change::Template),
            ("themes/mine/templates/base.html", Change::Template),
            ("themes/mine/theme.toml", Change::Template),
            ("themes/mine/static/screen.css", css("themes/mine/static/screen.css")),
            ("themes/mine/static/print.CSS", css("themes/mine/static/print.CSS")),
            ("static/site.css", css("static/site.css")),
            ("static/img/me.png", Change::Template),
            ("public/index.html", Change::Ignored),
            ("README.md", Change::Ignored),
            (".git/index", Change::Ignored),
            ("content/.ada.yaml.swp", Change::Ignored),
            ("content/ada.yaml.swp", Change::Ignored),
            ("content/ada.yaml~", Change::Ignored),
            ("content/.#ada.yaml", Change::Ignored),
            ("content/4913", Change::Ignored),
            ("templates/4913", Change::Ignored),
            ("static/site.css.vitae-tmp", Change::Ignored),
            ("themes/.git/HEAD", Change::Ignored),
            ("static/2024/me.png", Change::Template),
        ];
        for (rel, want) in table {
            assert_eq!(classify_path(&root().join(rel), &root()), want, "{rel}");
        }
        assert_eq!(classify_path(Path::new("/elsewhere/vitae.toml"), &root()), Change::Ignored);
    }

    #[test]
    fn event_kinds_reads_are_ignored_and_renames_count_both_ends() {
        let p = |rel: &str| root().join(rel);
        let table: Vec<(EventKind, Vec<PathBuf>, usize)> = vec![
            (EventKind::Access(AccessKind::Any), vec![p("content/a.yaml")], 0),
            (EventKind::Access(AccessKind::Open(AccessMode::Any)), vec![p("content/a.yaml")], 0),
            (EventKind::Create(CreateKind::Folder), vec![p("templates")], 1),
            (EventKind::Remove(RemoveKind::Folder), vec![p("content")], 1),
            (EventKind::Modify(ModifyKind::Name(RenameMode::From)), vec![p("content")], 1),
            (EventKind::Modify(ModifyKind::Any), vec![p("templates")], 0),
            (EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)), vec![p("content")], 0),
            (EventKind::Remove(RemoveKind::Folder), vec![p("content/old")], 0),
            (EventKind::Create(CreateKind::Folder), vec![p("public")], 0),
            (EventKind::Modify(ModifyKind::Any), vec![p("content/a.yaml")], 1),
            (EventKind::Create(CreateKind::File), vec![p("templates/x.html")], 1),
            (EventKind::Remove(RemoveKind::File), vec![p("content/a.yaml")], 1),
            (
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                vec![p("content/.a.yaml.swp"), p("content/a.yaml")],
                1,
            ),
            (
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                vec![p("content/a.yaml"), p("content/b.yaml")],
                2,
            ),
        ];
        for (kind, paths, n) in table {
            assert_eq!(classify(&kind, &paths, &root()).len(), n, "{kind:?} {paths:?}");
        }
        let gone = classify(&EventKind::Remove(RemoveKind::Any), &[p("content")], &root());
        let gone: Vec<Change> = gone.into_iter().map(|t| t.change).collect();
        assert_eq!(gone, [Change::SourceDir("content")]);
        assert!(Plan::from_changes(gone).config, "everything is built again");
    }

    #[test]
    fn writes_start_with_creation_or_data_and_end_with_a_close() {
        let p = root().join("content/a.yaml");
        let write = |kind: EventKind| {
            let touches = classify(&kind, std::slice::from_ref(&p), &root());
            assert_eq!(touches.len(), 1, "{kind:?}");
            assert_eq!(touches[0].change, Change::Content(p.clone()));
            touches[0].write
        };
        assert_eq!(write(EventKind::Create(CreateKind::File)), Write::Started);
        assert_eq!(write(EventKind::Modify(ModifyKind::Data(DataChange::Any))), Write::Started);
        assert_eq!(write(EventKind::Modify(ModifyKind::Any)), Write::Started);
        assert_eq!(write(EventKind::Access(AccessKind::Close(AccessMode::Write))), Write::Closed);
        assert_eq!(write(EventKind::Remove(RemoveKind::File)), Write::Other);
        assert_eq!(write(EventKind::Modify(ModifyKind::Name(RenameMode::To))), Write::Other);
        assert_eq!(write(EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any))), Write::Other);
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert!(classify(&read, std::slice::from_ref(&p), &root()).is_empty());
    }

    #[test]
    fn plans_merge_and_know_when_only_stylesheets_changed() {
        let css = Change::Stylesheet(root().join("static/a.css"));
        let plan = Plan::from_changes([css.clone(), Change::Ignored, css.clone()]);
        assert!(plan.only_stylesheets());
        assert_eq!(plan.stylesheets.len(), 1);
        let mut plan = Plan::from_changes([Change::Content(root().join("content/a.yaml"))]);
        assert!(!plan.only_stylesheets());
        plan.merge(Plan::from_changes([Change::Template, css]));
        assert!(plan.templates && plan.content.len() == 1 && plan.stylesheets.len() == 1);
        assert!(Plan::from_changes([Change::Ignored]).is_empty());
        assert_eq!(plan.describe(), "all pages");
        assert_eq!(Plan::everything().describe(), "everything");
        let two = [Change::Content(root().join("content/b.yaml")), css_b()];
        assert_eq!(Plan::from_changes(two).describe(), "b.yaml, b.css");
    }

    fn css_b() -> Change {
        Change::Stylesheet(root().join("static/b.css"))
    }
}
