//! The `vitae` binary: a thin shell over the library; see `vitae::cli`.

fn main() -> std::process::ExitCode {
    vitae::cli::main()
}
