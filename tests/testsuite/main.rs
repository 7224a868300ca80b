//! resplist's integration tests, in one test binary (one link of the crate and its
//! dependencies instead of one per file). Each module tests one part of the tool; the helpers they
//! share are in `common`. The data they read stays beside this folder: `tests/cmd/` (trycmd
//! cases), `tests/fixtures/`, `tests/snapshots/` and `tests/browser/`.
//!
//! Tests that need a tool outside Rust (Chromium, the Nu HTML Checker, frictionless) or root are
//! `#[ignore]`d with the reason, so plain `cargo test` passes on a bare machine and lists them as
//! ignored. `.ci/run` installs the tools and runs them all with
//! `cargo test --locked -- --include-ignored`; run that way, a test whose tool is missing fails
//! saying what to install.

mod architecture;
mod browser;
mod build;
mod ci_recipes;
mod clerks;
mod cli;
mod common;
mod diff;
mod docs;
mod every_field;
mod external;
mod files;
mod fmt;
mod formats;
mod hostile;
mod import;
mod incremental;
mod limits;
mod province;
mod publish;
mod sample;
mod scaffold;
mod schema;
mod search;
mod serve;
mod synth;
mod workbook;
mod workspace;
