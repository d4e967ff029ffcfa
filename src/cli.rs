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
use crate::fsutil;
use crate::{parse, render, site};

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
    /// Create a new site in DIR: vitae.toml, an example resume, .gitignore and a GitHub Pages
    /// workflow. DIR must be new or empty.
    New {
        /// The directory to create.
        dir: PathBuf,
    },
    /// Build the site: one page, JSON Resume file (and, with --pdf, PDF) per resume.
    ///
    /// Reads content/ (one resume per file; the file name is the page's slug) and writes the
    /// output directory (public/ by default). The new output is built in the site's cache
    /// (.vitae/) and swapped in at once when everything succeeded, so the output is always the
    /// complete previous build or the complete new one, even if vitae is stopped midway.
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
    Check(SiteArgs),
    /// List the themes this site can use: built-in ones and the site's own themes/.
    Themes(SiteArgs),
    /// Read a resume in any shape and print it as structured data (YAML by default).
    ///
    /// The format is detected from the content: JSON Resume (JSON or YAML), Markdown, or free
    /// text. What could not be found or was only guessed is reported on stderr.
    Import(ImportArgs),
}

/// Flags every command that works on a site shares.
#[derive(Debug, clap::Args)]
struct SiteArgs {
    /// The site directory (where vitae.toml and content/ are).
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site [default: `output_dir` in vitae.toml, else public]
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The URL the site is served from, e.g. https://USER.github.io/REPO/ [default: /]
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The theme to use (see `vitae themes`) [default: classic]
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,
    /// Also print each resume to resume.pdf with a local Chromium or Chrome.
    #[arg(long)]
    pdf: bool,
    /// Replace the output directory even if vitae did not create it (never the site's own
    /// files, .git or .github).
    #[arg(long)]
    force: bool,
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
    /// Output format: YAML is meant for hand editing, JSON is the JSON Resume document.
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
    match run(cli) {
        Ok(code) => code,
        Err(e) => report(&e),
    }
}

/// Prints an error with its whole cause chain, once, and picks the exit code.
fn report(e: &anyhow::Error) -> ExitCode {
    if let Some(content) = e.downcast_ref::<ContentError>() {
        eprintln!("{content}");
        return ExitCode::from(1);
    }
    let mut msg = format!("error: {e}");
    for cause in e.chain().skip(1) {
        msg.push_str(&format!("\n  caused by: {cause}"));
    }
    eprintln!("{msg}");
    ExitCode::from(1)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Import(args) => import(args),
        Command::New { dir } => new(&dir),
        Command::Build(args) => build(args),
        Command::Serve(args) => serve(args),
        Command::Check(args) => check(args),
        Command::Themes(args) => themes(args),
    }
}

/// Loads vitae.toml under `--root` and prints its warnings.
fn load_config(site: &SiteArgs) -> Result<Config> {
    if !site.root.is_dir() {
        return Err(missing_root(&site.root).into());
    }
    let (config, warnings) = Config::load(&site.root)?;
    print_diagnostics(&warnings);
    Ok(config)
}

fn missing_root(root: &Path) -> ContentError {
    ContentError::one(
        Diagnostic::error("the site directory does not exist")
            .in_file(root)
            .hint("pass --root DIR with an existing site, or create one with `vitae new DIR`"),
    )
}

fn new(dir: &Path) -> Result<ExitCode> {
    let written = crate::scaffold::new_site(dir)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "Created a vitae site in {}:", dir.display())?;
    for path in &written {
        writeln!(out, "  {}", path.strip_prefix(dir).unwrap_or(path).display())?;
    }
    writeln!(
        out,
        "\nNext steps:\n  cd {}\n  vitae serve                 # preview while you edit content/example.yaml\n  vitae build                 # write the site to public/\n\nTo publish on GitHub Pages: push to GitHub, then in the repository's\nSettings → Pages choose \"GitHub Actions\" as the source. Every push to main publishes.",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn build(args: BuildArgs) -> Result<ExitCode> {
    let mut config = load_config(&args.site)?;
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
    let started = Instant::now();
    let report = site::build_with_progress(&config, &progress_line(started))?;
    print_diagnostics(&report.diagnostics);
    eprintln!(
        "built {} resume{} into {} in {} ms",
        report.pages.len(),
        if report.pages.len() == 1 { "" } else { "s" },
        report.output.display(),
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

fn check(args: SiteArgs) -> Result<ExitCode> {
    let config = load_config(&args)?;
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
    let config = load_config(&args)?;
    let mut out = std::io::stdout().lock();
    for t in render::theme::list(&config.root)? {
        let origin = match &t.origin {
            render::theme::Origin::BuiltIn => "built-in".to_string(),
            render::theme::Origin::Site(p) => format!("site: {}", p.display()),
        };
        let current = if t.name == config.theme { " (selected)" } else { "" };
        writeln!(out, "{}{current}\n    {}\n    [{origin}]", t.name, t.description)?;
        if !t.params.is_empty() {
            let params: Vec<String> = t.params.iter().map(|(k, v)| format!("{k} = {v}")).collect();
            writeln!(out, "    parameters ([extra] in vitae.toml): {}", params.join(", "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn import(args: ImportArgs) -> Result<ExitCode> {
    if let Some(out) = &args.output {
        refuse_overwrite(out, args.force)?;
    }
    let (name, bytes) = read_input(&args.file)?;
    let parsed = parse::import(&bytes, Path::new(&name))?;
    print_diagnostics(&parsed.diagnostics);
    let text = match args.to {
        OutputFormat::Json => parsed.resume.to_json_pretty(),
        OutputFormat::Yaml => parse::yaml::to_string(&parsed.resume),
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

/// Diagnostics go to stderr, one per line group, in the order the readers found them.
pub fn print_diagnostics(list: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in list {
        let _ = writeln!(err, "{d}");
    }
}
