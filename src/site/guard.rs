//! Where a build may write. The output must not overlap the site itself: its root (or a parent
//! of it), its inputs (`content/`, `templates/`, `themes/`, `static/`, `vitae.toml` and every
//! file a resume link points to), vitae's cache `.vitae/`, nor any `.git` or `.github`. Paths
//! are compared both as written and with symbolic links resolved, so no link makes an input look
//! like somewhere else. These hold whatever the flags; `--force` only lets a build replace a
//! non-empty directory vitae did not create.

use std::path::{Component, Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::diag::{ContentError, Diagnostic};
use crate::fsutil::{absolute, lexical};

use super::write::{CACHE_DIR, MARKER};

/// The site's directories and files a build never writes into, deletes or replaces.
const INPUTS: [&str; 5] = ["content", "templates", "themes", "static", CONFIG_FILE];

/// Directory names no output may be or lie inside, wherever they are.
const NEVER: [&str; 2] = [".git", ".github"];

/// Refuses an output that would destroy the site or someone else's files: one that overlaps
/// the site (always), and a non-empty directory vitae did not create (unless `force`).
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<(), ContentError> {
    let refuse = |what: String| {
        Err(ContentError::one(
            Diagnostic::error(format!("{what}; nothing was changed"))
                .in_file(output)
                .hint("choose an output directory of its own inside the site, such as `public`"),
        ))
    };
    let out = absolute(output);
    let root_abs = absolute(root);
    if root_abs.starts_with(&out) {
        return refuse(
            "the output directory contains the site itself; building there would delete your content"
                .into(),
        );
    }
    if let Some(name) = out.components().find_map(|c| match c {
        Component::Normal(n) if NEVER.iter().any(|never| n == *never) => Some(n.to_os_string()),
        _ => None,
    }) {
        return refuse(format!(
            "the output directory is or lies inside a `{}` directory, which vitae never writes",
            name.to_string_lossy()
        ));
    }
    let ours = output.join(MARKER).is_file();
    for (name, path) in protected(root, ours.then_some(out.as_path())) {
        if out.starts_with(&path) {
            return refuse(format!(
                "the output directory is or lies inside {name} (`{}`)",
                path.display()
            ));
        }
        if path.starts_with(&out) {
            return refuse(format!(
                "the output directory holds {name} (`{}`); building there would delete it",
                path.display()
            ));
        }
    }
    if output.is_file() {
        return Err(ContentError::one(
            Diagnostic::error("the output path is a file, not a directory")
                .in_file(output)
                .hint("choose another --output"),
        ));
    }
    let foreign = output.is_dir()
        && !output.join(MARKER).is_file()
        && std::fs::read_dir(output).map(|mut d| d.next().is_some()).unwrap_or(true);
    if foreign && !force {
        return Err(ContentError::one(
            Diagnostic::error("the output directory is not empty and was not created by vitae; nothing was changed")
                .in_file(output)
                .hint("choose another --output, or pass --force to replace its contents"),
        ));
    }
    Ok(())
}

/// Every protected path of the site at `root`, as written and with links resolved, with how
/// to name it in a message: its inputs, the cache, an existing `.git` or `.github` beside the
/// site or a parent (a site may sit in a repository's subdirectory; other such paths have a
/// `.git` component, refused anyway), and the target of each linked resume (but not those
/// inside vitae's own `output`: vitae wrote them, and discovery skips them).
fn protected(root: &Path, output: Option<&Path>) -> Vec<(String, PathBuf)> {
    let (written, resolved) = (lexical(root), absolute(root));
    let mut out = Vec::new();
    // Below the resolved root only a path that exists can resolve elsewhere.
    let resolve = |p: PathBuf| if std::fs::symlink_metadata(&p).is_ok() { absolute(&p) } else { p };
    for name in INPUTS.iter().chain(&[CACHE_DIR]) {
        let what = format!("the site's `{name}`");
        out.push((what.clone(), written.join(name)));
        out.push((what, resolve(resolved.join(name))));
    }
    for dir in resolved.ancestors() {
        for name in NEVER {
            let path = dir.join(name);
            if std::fs::symlink_metadata(&path).is_ok() {
                out.push((format!("the repository's `{name}`"), absolute(&path)));
            }
        }
    }
    let links = std::fs::read_dir(root.join("content")).into_iter().flatten().flatten();
    let links = links.filter(|e| e.file_type().is_ok_and(|t| t.is_symlink()));
    for entry in links {
        let target = absolute(&entry.path());
        if !output.is_some_and(|o| target.starts_with(o)) {
            let file = entry.file_name();
            out.push((
                format!("the file that `content/{}` links to", file.to_string_lossy()),
                target,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_site_root_its_parents_inputs_and_repositories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for bad in [
            root.clone(),
            dir.path().to_path_buf(),
            root.join("content/out"),
            root.join("x/../.."),
            root.join(".git"),
            root.join(".github/pages"),
            root.join(".vitae"),
            root.join("themes"),
            dir.path().join("elsewhere/.git/x"),
        ] {
            assert!(check_output(&root, &bad, true).is_err(), "{}", bad.display());
        }
        assert!(check_output(&root, &root.join("public"), false).is_ok());
        assert!(check_output(&root, &dir.path().join("out"), false).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_do_not_disguise_an_input() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let real = dir.path().join("real-content");
        std::fs::create_dir_all(&real).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        symlink(&real, root.join("content")).unwrap();
        std::fs::write(real.join("me.yaml"), "basics: {}").unwrap();
        let err = check_output(&root, &real, true).unwrap_err().to_string();
        assert!(err.contains("inside the site's `content`"), "{err}");
        // An output reached through a link of its own.
        symlink(&real, dir.path().join("alias")).unwrap();
        assert!(check_output(&root, &dir.path().join("alias"), true).is_err());
        // A linked resume's own directory.
        let cv = dir.path().join("home");
        std::fs::create_dir_all(&cv).unwrap();
        std::fs::write(cv.join("cv.yaml"), "basics: {}").unwrap();
        symlink(cv.join("cv.yaml"), real.join("linked.yaml")).unwrap();
        let err = check_output(&root, &cv, true).unwrap_err().to_string();
        assert!(err.contains("holds the file that `content/linked.yaml` links to"), "{err}");
    }

    #[test]
    fn a_foreign_non_empty_directory_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        assert!(check_output(dir.path(), &out, false).is_ok(), "empty is fine");
        std::fs::write(out.join("keep.txt"), "mine").unwrap();
        assert!(check_output(dir.path(), &out, false).is_err());
        assert!(check_output(dir.path(), &out, true).is_ok());
        std::fs::write(out.join(MARKER), "").unwrap();
        assert!(check_output(dir.path(), &out, false).is_ok(), "ours");
    }
}
