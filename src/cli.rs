//! The command line: flags in, library calls, one place that prints errors and picks the exit
//! code (0 success, 1 the user's content or configuration, 2 usage).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::{ContentError, Diagnostic};
use crate::fsutil;
use crate::parse;

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
    /// Read a resume in any shape and print it as structured data (YAML by default).
    ///
    /// The format is detected from the content: JSON Resume (JSON or YAML), Markdown, or free
    /// text. What could not be found or was only guessed is reported on stderr.
    Import(ImportArgs),
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
    }
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

fn read_input(file: &str) -> Result<(String, Vec<u8>)> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("reading standard input")?;
        Ok(("<stdin>".to_string(), bytes))
    } else {
        Ok((file.to_string(), fsutil::read(Path::new(file))?))
    }
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
