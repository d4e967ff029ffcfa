//! Themes and the layered template lookup.
//!
//! A template is looked up in three layers, the first that has it wins:
//! 1. the site's `templates/` (one file overrides one template, e.g. `partials/footer.html`);
//! 2. the theme's `templates/` (`themes/NAME/` in the site, else the built-in theme NAME; a
//!    site theme named like a built-in replaces it entirely);
//! 3. vitae's built-in `templates/`, compiled into the binary. Each is also reachable as
//!    `vitae/NAME`, so an override can extend the template it replaces.
//!
//! A theme's `static/` files are copied to `assets/` in the output.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use include_dir::{Dir, include_dir};
use serde::Deserialize;
use walkdir::WalkDir;

use crate::fsutil;

static BUILTIN_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static BUILTIN_THEMES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes");

/// The theme used when neither `--theme` nor `vitae.toml` names one.
pub const DEFAULT_THEME: &str = "classic";

/// Where a theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    Site(PathBuf),
}

/// `theme.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeManifest {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: String,
    /// Parameters with their defaults; `[extra]` in vitae.toml overrides them.
    #[serde(default)]
    pub params: toml::Table,
}

/// The type of a theme parameter, declared in `theme.toml` as
/// `[params.NAME]` with `type = "colour" | "text" | "boolean" | "number"`, `default` and
/// `description`; a plain `NAME = value` takes its type from the value (a string is text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A CSS colour: safe to put into a stylesheet.
    Colour,
    Text,
    Boolean,
    Number,
}

/// One parameter a theme declares.
#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub kind: ParamKind,
    pub default: toml::Value,
    pub description: String,
}

/// The parameters declared by a manifest's `[params]` table.
pub fn params(table: &toml::Table) -> Vec<Param> {
    table
        .iter()
        .map(|(name, value)| {
            let declared = value.as_table().filter(|t| t.contains_key("default"));
            let (default, kind_name, description) = match declared {
                Some(t) => (
                    t["default"].clone(),
                    t.get("type").and_then(|v| v.as_str()).unwrap_or(""),
                    t.get("description").and_then(|v| v.as_str()).unwrap_or("").to_string(),
                ),
                None => (value.clone(), "", String::new()),
            };
            let kind = match kind_name {
                "colour" | "color" => ParamKind::Colour,
                "boolean" => ParamKind::Boolean,
                "number" => ParamKind::Number,
                "text" => ParamKind::Text,
                _ => match default {
                    toml::Value::Boolean(_) => ParamKind::Boolean,
                    toml::Value::Integer(_) | toml::Value::Float(_) => ParamKind::Number,
                    _ => ParamKind::Text,
                },
            };
            Param { name: name.clone(), kind, default, description }
        })
        .collect()
}

/// Each parameter's default, as templates see them before `[extra]`.
pub fn defaults(table: &toml::Table) -> serde_json::Map<String, serde_json::Value> {
    params(table)
        .into_iter()
        .filter_map(|p| Some((p.name, serde_json::to_value(p.default).ok()?)))
        .collect()
}

impl ParamKind {
    pub fn name(self) -> &'static str {
        match self {
            ParamKind::Colour => "colour",
            ParamKind::Text => "text",
            ParamKind::Boolean => "boolean",
            ParamKind::Number => "number",
        }
    }

    /// Whether `value` is of this kind; otherwise what is wrong with it.
    pub fn check(self, value: &serde_json::Value) -> Result<(), String> {
        let ok = match self {
            ParamKind::Colour => value.as_str().is_some_and(is_css_colour),
            ParamKind::Text => value.is_string(),
            ParamKind::Boolean => value.is_boolean(),
            ParamKind::Number => value.is_number(),
        };
        if ok {
            return Ok(());
        }
        Err(match (self, value.as_str()) {
            (ParamKind::Colour, Some(s)) => format!("is not a CSS colour: `{s}`"),
            _ => format!("should be {} {}, not `{value}`", article(self.name()), self.name()),
        })
    }

    /// How to write a value of this kind.
    pub fn hint(self) -> &'static str {
        match self {
            ParamKind::Colour => {
                "write a CSS colour: a hex colour such as \"#1d4e89\", a name such as \"teal\", or rgb(…)/hsl(…)/oklch(…)"
            }
            ParamKind::Text => "write a string in quotes",
            ParamKind::Boolean => "write true or false",
            ParamKind::Number => "write a number",
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
}

/// A CSS colour that cannot break out of a declaration: `#rgb`, `#rgba`, `#rrggbb`,
/// `#rrggbbaa`, a named colour, or a colour function whose arguments are numbers, units,
/// `none`, commas, slashes and spaces.
pub fn is_css_colour(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        return [3, 4, 6, 8].contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if let Some((name, rest)) = v.split_once('(') {
        let Some(args) = rest.strip_suffix(')') else { return false };
        return COLOUR_FUNCTIONS.contains(&name)
            && !args.trim().is_empty()
            && args.split(|c: char| " ,/".contains(c)).filter(|w| !w.is_empty()).all(|w| {
                w == "none"
                    || w.trim_end_matches(['%']).trim_end_matches("deg").parse::<f64>().is_ok()
            });
    }
    NAMED_COLOURS.contains(&v.as_str())
}

const COLOUR_FUNCTIONS: [&str; 9] =
    ["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch"];

/// CSS Color Module Level 4 named colours, with the keywords a colour may be.
const NAMED_COLOURS: &[&str] = &[
    "transparent",
    "currentcolor",
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
];

/// One file of a theme or template layer: its name and text, and where it came from (for
/// error messages).
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
    pub origin: String,
}

/// A loaded theme: its manifest, templates and static assets.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub origin: Origin,
    pub manifest: ThemeManifest,
    pub templates: Vec<Source>,
    /// Paths relative to `assets/` and their bytes.
    pub assets: Vec<(String, Vec<u8>)>,
}

/// A theme as `vitae themes` lists it.
#[derive(Debug, Clone)]
pub struct ThemeInfo {
    pub name: String,
    pub description: String,
    pub origin: Origin,
    /// Parameters and their defaults.
    pub params: toml::Table,
    /// For a site theme: what it does to the built-in theme of its name.
    pub over_builtin: OverBuiltin,
}

/// What a site theme does to the built-in theme of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverBuiltin {
    /// There is no built-in theme of that name (or this is the built-in).
    Nothing,
    /// It replaces the built-in.
    Replaces,
    /// Its files are the built-in's, byte for byte (vitae's own repository is such a site).
    Copies,
}

/// Every theme the site can use: its own first, then built-ins it does not replace.
pub fn list(root: &Path) -> Result<Vec<ThemeInfo>> {
    let mut out = Vec::new();
    let site_dir = root.join("themes");
    if site_dir.is_dir() {
        for entry in std::fs::read_dir(&site_dir)
            .with_context(|| format!("failed to list `{}`", site_dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                let name = file_name(&path);
                let manifest = read_site_manifest(&path)?;
                let over_builtin = match BUILTIN_THEMES.get_dir(&name) {
                    None => OverBuiltin::Nothing,
                    Some(builtin) if same_files(&path, builtin)? => OverBuiltin::Copies,
                    Some(_) => OverBuiltin::Replaces,
                };
                out.push(ThemeInfo {
                    name,
                    description: manifest.description,
                    origin: Origin::Site(path),
                    params: manifest.params,
                    over_builtin,
                });
            }
        }
    }
    for dir in BUILTIN_THEMES.dirs() {
        let name = file_name(dir.path());
        if out.iter().any(|t| t.name == name) {
            continue;
        }
        let manifest = builtin_manifest(dir)?;
        out.push(ThemeInfo {
            name,
            description: manifest.description,
            origin: Origin::BuiltIn,
            params: manifest.params,
            over_builtin: OverBuiltin::Nothing,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Whether the site theme at `dir` holds exactly the built-in theme's files.
fn same_files(dir: &Path, builtin: &'static Dir<'static>) -> Result<bool> {
    let site = files_under(dir)?;
    let prefix = builtin.path();
    let ours: Vec<_> = all_files(builtin).collect();
    if site.len() != ours.len() {
        return Ok(false);
    }
    for (rel, path) in site {
        let Some(file) = ours
            .iter()
            .find(|f| slash_path(f.path().strip_prefix(prefix).unwrap_or(f.path())) == rel)
        else {
            return Ok(false);
        };
        if fsutil::read(&path)? != file.contents() {
            return Ok(false);
        }
    }
    Ok(true)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Loads theme `name` for the site at `root`.
pub fn load(root: &Path, name: &str) -> Result<Theme> {
    let site_dir = root.join("themes").join(name);
    if site_dir.is_dir() {
        return load_site_theme(&site_dir, name);
    }
    match BUILTIN_THEMES.get_dir(name) {
        Some(dir) => load_builtin_theme(dir, name),
        None => {
            let known: Vec<String> = list(root)?.into_iter().map(|t| t.name).collect();
            bail!(
                "there is no theme named `{name}`; available: {} (see `vitae themes`)",
                known.join(", ")
            )
        }
    }
}

fn builtin_manifest(dir: &'static Dir<'static>) -> Result<ThemeManifest> {
    let text = dir
        .get_file(dir.path().join("theme.toml"))
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default();
    parse_manifest(text, &format!("built-in theme {}/theme.toml", dir.path().display()))
}

fn read_site_manifest(dir: &Path) -> Result<ThemeManifest> {
    let path = dir.join("theme.toml");
    if !path.is_file() {
        return Ok(ThemeManifest::default());
    }
    parse_manifest(&fsutil::read_to_string(&path)?, &path.display().to_string())
}

fn parse_manifest(text: &str, origin: &str) -> Result<ThemeManifest> {
    toml::from_str(text).with_context(|| format!("invalid theme manifest `{origin}`"))
}

fn load_builtin_theme(dir: &'static Dir<'static>, name: &str) -> Result<Theme> {
    let mut templates = Vec::new();
    let mut assets = Vec::new();
    let prefix = dir.path().to_path_buf();
    for file in all_files(dir) {
        let rel = file.path().strip_prefix(&prefix).unwrap_or(file.path());
        let rel_str = slash_path(rel);
        if let Some(t) = rel_str.strip_prefix("templates/") {
            templates.push(Source {
                name: t.to_string(),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
                origin: format!("built-in theme `{name}`"),
            });
        } else if let Some(a) = rel_str.strip_prefix("static/") {
            assets.push((a.to_string(), file.contents().to_vec()));
        }
    }
    Ok(Theme {
        name: name.to_string(),
        origin: Origin::BuiltIn,
        manifest: builtin_manifest(dir)?,
        templates,
        assets,
    })
}

fn load_site_theme(dir: &Path, name: &str) -> Result<Theme> {
    let templates = read_tree(&dir.join("templates"))?;
    let mut assets = Vec::new();
    let static_dir = dir.join("static");
    for (rel, path) in files_under(&static_dir)? {
        assets.push((rel, fsutil::read(&path)?));
    }
    Ok(Theme {
        name: name.to_string(),
        origin: Origin::Site(dir.to_path_buf()),
        manifest: read_site_manifest(dir)?,
        templates,
        assets,
    })
}

/// Prefix under which every built-in template stays reachable even when a theme or site
/// overrides it, so a theme's `resume.html` can `{% extends "vitae/resume.html" %}` and
/// replace only some blocks.
pub const BUILTIN_PREFIX: &str = "vitae/";

/// The built-in template layer: each file under its own name and under [`BUILTIN_PREFIX`].
pub fn builtin_templates() -> Vec<Source> {
    all_files(&BUILTIN_TEMPLATES)
        .flat_map(|f| {
            let name = slash_path(f.path());
            let text = String::from_utf8_lossy(f.contents()).into_owned();
            let origin = "built-in templates".to_string();
            [
                Source {
                    name: format!("{BUILTIN_PREFIX}{name}"),
                    text: text.clone(),
                    origin: origin.clone(),
                },
                Source { name, text, origin },
            ]
        })
        .collect()
}

/// Every template file under `dir` (a site's `templates/` or a theme's), named by its
/// relative path. A missing directory is an empty layer.
pub fn read_tree(dir: &Path) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for (rel, path) in files_under(dir)? {
        out.push(Source {
            name: rel,
            text: fsutil::read_to_string(&path)?,
            origin: path.display().to_string(),
        });
    }
    Ok(out)
}

/// Regular files below `dir` (following no links out of it), sorted, skipping hidden ones.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("failed to walk `{}`", dir.display()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            out.push((slash_path(rel), entry.path().to_path_buf()));
        }
    }
    Ok(out)
}

fn all_files(
    dir: &'static Dir<'static>,
) -> impl Iterator<Item = &'static include_dir::File<'static>> {
    let mut stack = vec![dir];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        files.extend(d.files());
        stack.extend(d.dirs());
    }
    files.sort_by_key(|f| f.path());
    files.into_iter()
}

/// Template names use `/` on every platform.
fn slash_path(p: &Path) -> String {
    p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_colours_are_told_from_what_could_break_out_of_a_declaration() {
        for ok in [
            "#1d4e89",
            "#FFF",
            "#0f766e80",
            "teal",
            "RebeccaPurple",
            "rgb(10, 20, 30)",
            "rgb(10 20 30 / 50%)",
            "hsl(210deg 40% 30%)",
            "oklch(0.5 0.1 200)",
            "transparent",
        ] {
            assert!(is_css_colour(ok), "{ok}");
        }
        for bad in [
            "not a colour; } body{display:none",
            "#12345",
            "#ggg",
            "red;",
            "rgb()",
            "url(x)",
            "rgb(1,2,3);x",
            "expression(alert(1))",
            "var(--x)",
            "",
        ] {
            assert!(!is_css_colour(bad), "{bad}");
        }
    }

    #[test]
    fn parameters_are_declared_with_a_type_or_take_it_from_their_value() {
        let table: toml::Table = toml::from_str(
            "[accent]\ntype = \"colour\"\ndefault = \"#123\"\ndescription = \"Links.\"\n",
        )
        .unwrap();
        let p = &params(&table)[0];
        assert_eq!((p.kind, p.description.as_str()), (ParamKind::Colour, "Links."));
        assert_eq!(defaults(&table)["accent"], "#123");
        let table: toml::Table = toml::from_str("dense = true\nlabel = \"x\"\n").unwrap();
        let kinds: Vec<ParamKind> = params(&table).iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [ParamKind::Boolean, ParamKind::Text]);
    }
}
