//! What vitae prints to a person: diagnostics and error chains, for the terminal and for the
//! preview's error overlay alike. Paths inside the site are shown relative to it (the same in
//! `build` and `serve`, whichever way `--root` was written), and control characters that came
//! from the input are shown, never sent to the terminal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diag::{ContentError, Diagnostic, visible};

/// The site's root as given and as resolved; paths under either are shown relative to it.
static SITE_ROOT: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Says which site the messages of this process are about (once, at start-up).
pub fn set_site_root(root: &Path) {
    let mut forms = vec![root.to_path_buf()];
    if let Ok(resolved) = root.canonicalize() {
        forms.push(resolved);
    }
    forms.retain(|p| !p.as_os_str().is_empty());
    let _ = SITE_ROOT.set(forms);
}

/// `path` as messages show it: relative to the site when it is inside, else as it is.
pub fn shown_path(root: &Path, path: &Path) -> String {
    let resolved = root.canonicalize().ok();
    let relative = path
        .strip_prefix(root)
        .ok()
        .or_else(|| resolved.as_deref().and_then(|r| path.strip_prefix(r).ok()));
    match relative {
        Some(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// Prints diagnostics to stderr, one group of lines each, in the order given.
pub fn print_diagnostics(list: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in list {
        let _ = writeln!(err, "{}", render(d));
    }
}

/// One diagnostic as shown to a person.
pub fn render(d: &Diagnostic) -> String {
    let mut d = d.clone();
    let relative = d.file.as_deref().and_then(|file| {
        SITE_ROOT.get()?.iter().find_map(|r| file.strip_prefix(r).ok()).map(Path::to_path_buf)
    });
    if let Some(rel) = relative.filter(|r| !r.as_os_str().is_empty()) {
        d.file = Some(rel);
    }
    d.to_string()
}

/// An error and its causes, one per line, as the terminal and the browser overlay show it.
pub fn error_chain(e: &anyhow::Error) -> String {
    let mut message = match e.downcast_ref::<ContentError>() {
        Some(content) => content.0.iter().map(render).collect::<Vec<_>>().join("\n"),
        None => format!("error: {}", relative_paths(&e.to_string())),
    };
    for cause in e.chain().skip(1) {
        message.push_str(&format!("\n  caused by: {}", relative_paths(&cause.to_string())));
    }
    visible(&message).into_owned()
}

/// Paths under the site written relative to it inside free text (`failed to read `…``).
fn relative_paths(text: &str) -> String {
    let mut out = text.to_string();
    // `.` stays: replacing `./` in free text would also cut into `../`.
    for root in SITE_ROOT.get().into_iter().flatten().filter(|r| r.is_absolute()) {
        let prefix = format!("{}{}", root.display(), std::path::MAIN_SEPARATOR);
        out = out.replace(&prefix, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_are_shown_relative_to_the_site() {
        let root = Path::new("/srv/site");
        assert_eq!(shown_path(root, Path::new("/srv/site/themes/x")), "themes/x");
        assert_eq!(shown_path(root, Path::new("/elsewhere/x")), "/elsewhere/x");
    }
}
