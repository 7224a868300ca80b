//! resplist compiles a repository of TOML files — one per government department — into a
//! published responsibility list (责任清单). The pipeline runs one way:
//! files → [`load`] → [`model`] → [`check`] → diagnostics → rendered output.

pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod fmt;
pub mod git;
pub mod history;
pub mod i18n;
pub mod import;
pub mod load;
pub mod model;
pub mod render;
pub mod serve;
pub mod suggest;
pub mod text;
pub mod theme;
pub mod timing;
pub mod workspace;
