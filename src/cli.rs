//! The command line: flags in, library calls, one place that prints errors and picks the exit
//! code (0 success, 1 the user's content or configuration, 2 usage).

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use std::time::Instant;

use crate::config::Config;
use crate::diag::{ContentError, Diagnostic};
use crate::messages::{self, print_diagnostics};
use crate::{fsutil, parse, render, site};

/// vitae turns the resume you already have (JSON Resume as JSON or YAML, Markdown, or plain
/// text such as text copied out of a PDF) into a fast, accessible personal site with a print
/// view that prints to a clean PDF, plus a JSON Resume file.
#[derive(Debug, Parser)]
#[command(name = "vitae", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new site in DIR: vitae.toml, a resume, .gitignore and a GitHub Pages workflow.
    ///
    /// DIR may exist and hold other files (a repository with a README): the site is added
    /// beside them, and nothing is written if one of the site's files exists already. An
    /// existing .gitignore gains the lines it lacks.
    New(NewArgs),
    /// Build the site: one page, JSON Resume file (and, with --pdf, PDF) per resume.
    ///
    /// Reads content/ (one resume per file; the file name is the page's slug) and writes the
    /// output directory (`output_dir` in vitae.toml, else public/). The new output is built in
    /// the site's cache (.vitae/) and swapped in at once when everything succeeded, so the output
    /// is always the complete previous build or the complete new one, even if vitae is stopped
    /// midway.
    Build(BuildArgs),
    /// Preview the site in a browser, rebuilding and reloading on every save.
    ///
    /// Builds into a private temporary directory (removed on exit; your output directory is
    /// left alone) and serves it at http://127.0.0.1:8000/ (or the next free port). Saving a
    /// resume, template, stylesheet or vitae.toml rebuilds what it touches and updates the open
    /// page by itself; a stylesheet is swapped in without reloading. A save that does not build
    /// shows its error over the page, which keeps showing the last good build. Only this
    /// computer can connect unless --bind says otherwise. Ctrl-C stops it and removes the
    /// temporary directory.
    Serve(ServeArgs),
    /// Parse and render everything without writing; print every diagnostic.
    Check(CheckArgs),
    /// List the themes this site can use: built-in ones and the site's own themes/.
    Themes(SiteArgs),
    /// Read a resume in any shape and print it as structured data (YAML by default).
    ///
    /// The format is detected from the content: JSON Resume (JSON or YAML), Markdown, or free
    /// text. What could not be found or was only guessed is reported on stderr.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
struct NewArgs {
    /// The site's directory (created if missing).
    dir: PathBuf,
    /// Start from the resume you have instead of the example: any file `vitae import` reads.
    /// Its warnings are written as comments at the top of the resume.
    #[arg(long, value_name = "FILE", conflicts_with = "update_workflow")]
    from: Option<PathBuf>,
    /// Only set the vitae version that DIR's Pages workflow installs to this vitae's version.
    #[arg(long)]
    update_workflow: bool,
}

/// Flags every command that works on a site shares.
#[derive(Debug, clap::Args)]
struct SiteArgs {
    /// The site directory (where vitae.toml and content/ are).
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Treat warnings as errors (exit 1 when there is any), as CI should.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site [default: `output_dir` in vitae.toml, else public]
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The URL the site is served from, e.g. https://USER.github.io/REPO/ [default: `base_url`
    /// in vitae.toml, else /]
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The theme to use (see `vitae themes`) [default: `theme` in vitae.toml, else classic]
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,
    /// Also print each resume to resume.pdf with a local Chromium or Chrome [default: `pdf`
    /// in vitae.toml, else off]
    #[arg(long)]
    pdf: bool,
    /// Replace the output directory even if vitae did not create it (never the site's own
    /// files, .git or .github).
    #[arg(long)]
    force: bool,
    /// Treat warnings as errors: exit 1 and leave the output alone when there is any.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The address to listen on. Anything but loopback shows the preview to your network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    bind: IpAddr,
    /// The port to listen on; 0 picks any free port [default: 8000, or the next free one]
    #[arg(long, value_name = "N")]
    port: Option<u16>,
    /// Open the preview in the default web browser.
    #[arg(long)]
    open: bool,
    /// The theme to use (see `vitae themes`) [default: `theme` in vitae.toml, else classic]
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The resume to read, or `-` for standard input.
    file: String,
    /// Output format: YAML is meant for hand editing, JSON is the JSON Resume document, and
    /// `tree` shows the document structure the importer read (headings, lists, tables), to see
    /// why something landed where it did.
    #[arg(long, value_enum, default_value_t = OutputFormat::Yaml)]
    to: OutputFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutputFormat {
    Yaml,
    Json,
    Tree,
}

/// Runs the command line and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, usage errors with exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Some(root) = cli.command.site_root() {
        messages::set_site_root(root);
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", messages::error_chain(&e));
            ExitCode::from(1)
        }
    }
}

impl Command {
    /// The site a command works on, for showing paths relative to it.
    fn site_root(&self) -> Option<&Path> {
        match self {
            Command::Build(a) => Some(&a.site.root),
            Command::Serve(a) => Some(&a.site.root),
            Command::Check(a) => Some(&a.site.root),
            Command::Themes(a) => Some(&a.root),
            Command::New(a) => Some(&a.dir),
            Command::Import(_) => None,
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Import(args) => import(args),
        Command::New(args) => new(&args),
        Command::Build(args) => build(args),
        Command::Serve(args) => serve(args),
        Command::Check(args) => check(args),
        Command::Themes(args) => themes(args),
    }
}

/// Loads vitae.toml under `--root` and prints its warnings (errors, with `strict`).
fn load_config(site: &SiteArgs, strict: bool) -> Result<Config> {
    if !site.root.is_dir() {
        return Err(missing_root(&site.root).into());
    }
    let (mut config, warnings) = Config::load(&site.root)?;
    config.strict = strict;
    gate(&config, warnings)?;
    Ok(config)
}

/// Prints warnings, or under `--strict` fails with them as errors.
fn gate(config: &Config, warnings: Vec<Diagnostic>) -> Result<(), ContentError> {
    if config.strict && !warnings.is_empty() {
        return Err(ContentError(site::strict(warnings)));
    }
    print_diagnostics(&warnings);
    Ok(())
}

fn missing_root(root: &Path) -> ContentError {
    ContentError::one(
        Diagnostic::error("the site directory does not exist")
            .in_file(root)
            .hint("pass --root DIR with an existing site, or create one with `vitae new DIR`"),
    )
}

fn new(args: &NewArgs) -> Result<ExitCode> {
    let dir = &args.dir;
    if args.update_workflow {
        let old = crate::scaffold::update_workflow(dir)?;
        let path = dir.join(crate::scaffold::WORKFLOW_PATH);
        let version = env!("CARGO_PKG_VERSION");
        match old {
            Some(old) => eprintln!("{}: vitae {old} → {version}", path.display()),
            None => eprintln!("wrote {} (vitae {version})", path.display()),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let content = match &args.from {
        Some(file) => {
            let (content, diagnostics) = crate::scaffold::Content::import(file)?;
            print_diagnostics(&diagnostics);
            content
        }
        None => crate::scaffold::Content::Example,
    };
    let written = crate::scaffold::new_site(dir, &content)?;
    let resume = written
        .iter()
        .filter_map(|p| p.strip_prefix(dir).ok())
        .find(|p| p.starts_with("content"))
        .map_or_else(|| "content/".to_string(), |p| p.display().to_string());
    let mut out = std::io::stdout().lock();
    writeln!(out, "Created a vitae site in {}:", dir.display())?;
    for path in &written {
        writeln!(out, "  {}", path.strip_prefix(dir).unwrap_or(path).display())?;
    }
    writeln!(
        out,
        "\nNext steps:\n  cd {}\n  vitae serve                 # preview while you edit {resume}\n  vitae build                 # write the site to public/\n\nTo publish on GitHub Pages: push to GitHub, then in the repository's\nSettings → Pages choose \"GitHub Actions\" as the source. Every push to main publishes.",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn build(args: BuildArgs) -> Result<ExitCode> {
    let mut config = load_config(&args.site, args.strict)?;
    if let Some(out) = args.output {
        config.output_dir = out;
    }
    if let Some(url) = &args.base_url {
        config.set_base_url(url).map_err(|d| ContentError::one(d.hint("check --base-url")))?;
    }
    if let Some(theme) = args.theme {
        config.theme = theme;
    }
    config.pdf |= args.pdf;
    config.force = args.force;
    gate(&config, config.check_theme()?)?;
    let started = Instant::now();
    let report = site::build_with_progress(&config, &progress_line(started))?;
    print_diagnostics(&report.diagnostics);
    eprintln!(
        "built {} resume{} into {} in {} ms",
        report.pages.len(),
        if report.pages.len() == 1 { "" } else { "s" },
        messages::shown_path(&config.root, &report.output),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

fn serve(args: ServeArgs) -> Result<ExitCode> {
    if !args.site.root.is_dir() {
        return Err(missing_root(&args.site.root).into());
    }
    crate::serve::run(&crate::serve::Options {
        root: args.site.root,
        theme: args.theme,
        bind: args.bind,
        port: args.port,
        open: args.open,
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A progress line on stderr for builds that take more than a second, on terminals only
/// (logs stay clean).
fn progress_line(started: Instant) -> impl Fn(&'static str, usize, usize) + Sync {
    let terminal = std::io::stderr().is_terminal();
    let last = std::sync::Mutex::new(Instant::now());
    move |stage, done, total| {
        if !terminal || started.elapsed().as_secs() < 1 {
            return;
        }
        let Ok(mut last) = last.lock() else { return };
        if done == total || last.elapsed().as_millis() >= 100 {
            *last = Instant::now();
            let end = if stage == "rendered" && done == total { "\n" } else { "" };
            eprint!("\r{stage} {done}/{total} resumes{end}");
        }
    }
}

fn check(args: CheckArgs) -> Result<ExitCode> {
    let config = load_config(&args.site, args.strict)?;
    gate(&config, config.check_theme()?)?;
    let report = site::check(&config)?;
    print_diagnostics(&report.diagnostics);
    let warnings = report.diagnostics.len();
    eprintln!(
        "checked {} resume{}: no errors, {warnings} warning{}",
        report.pages.len(),
        if report.pages.len() == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

fn themes(args: SiteArgs) -> Result<ExitCode> {
    let config = load_config(&args, false)?;
    let mut out = std::io::stdout().lock();
    for t in render::theme::list(&config.root)? {
        let current = if t.name == config.theme { " (selected)" } else { "" };
        writeln!(
            out,
            "{}{current}\n    {}\n    [{}]",
            t.name,
            t.description,
            theme_origin(&config, &t)
        )?;
        for p in render::theme::params(&t.params) {
            let about = if p.description.is_empty() {
                String::new()
            } else {
                format!(": {}", p.description)
            };
            writeln!(out, "    [extra] {} = {} ({}){about}", p.name, p.default, p.kind.name())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where a theme comes from, with site paths relative to the site.
fn theme_origin(config: &Config, t: &render::ThemeInfo) -> String {
    use render::theme::{Origin, OverBuiltin};
    let Origin::Site(path) = &t.origin else { return "built-in".to_string() };
    let shown = messages::shown_path(&config.root, path);
    match t.over_builtin {
        OverBuiltin::Nothing => format!("site: {shown}"),
        OverBuiltin::Replaces => format!("site: {shown}, replaces the built-in `{}`", t.name),
        OverBuiltin::Copies => format!("built-in; {shown} is an unchanged copy of it"),
    }
}

fn import(args: ImportArgs) -> Result<ExitCode> {
    if let Some(out) = &args.output {
        refuse_overwrite(out, args.force)?;
    }
    let (name, bytes) = read_input(&args.file)?;
    let text = match args.to {
        OutputFormat::Tree => parse::document_tree(&bytes, Path::new(&name))?.outline(),
        to => {
            let parsed = parse::import(&bytes, Path::new(&name))?;
            print_diagnostics(&parsed.diagnostics);
            match to {
                OutputFormat::Json => parsed.resume.to_json_pretty(),
                _ => parse::yaml::to_string(&parsed.resume),
            }
        }
    };
    match &args.output {
        Some(out) => fsutil::write(out, text.as_bytes())?,
        None => std::io::stdout().lock().write_all(text.as_bytes()).context("writing to stdout")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The input's name and bytes, read no further than the size limit.
fn read_input(file: &str) -> Result<(String, Vec<u8>), ContentError> {
    let (name, read) = if file == "-" {
        ("<stdin>".to_string(), parse::input::read_stdin())
    } else {
        (file.to_string(), parse::input::read_file(Path::new(file)))
    };
    Ok((name, read.map_err(ContentError::one)?))
}

fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        return Err(ContentError::one(
            Diagnostic::error("the output file exists already")
                .in_file(path)
                .hint("pass --force to overwrite it, or choose another --output"),
        )
        .into());
    }
    Ok(())
}
