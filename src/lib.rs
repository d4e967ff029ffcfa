//! vitae: resumes in, a personal site out.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `discover` → `parse` → `model` → `render` → `site` (write, and `pdf` to print the written
//! pages); `serve` sits on top and nothing below it knows it exists. The CLI is a thin layer
//! over this library.

pub mod cli;
pub mod config;
pub mod diag;
pub mod discover;
pub mod fsutil;
pub mod messages;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
