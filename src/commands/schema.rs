//! `resplist schema`: writes the JSON Schemas of `resplist.toml`, of department files and of a
//! workspace's `topics.toml`, for editors (completion, hover text and validation while typing).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::common::Session;
use super::exit;
use crate::cli::SchemaArgs;
use crate::model::schema;
use crate::msg;

/// The file name of the schema of `resplist.toml`.
pub const SITE_SCHEMA: &str = "resplist.schema.json";
/// The file name of the schema of department files.
pub const DEPARTMENT_SCHEMA: &str = "department.schema.json";
/// The file name of the schema of a workspace's `topics.toml`.
pub const TOPICS_SCHEMA: &str = "topics.schema.json";

pub fn run(args: &SchemaArgs, session: &mut Session) -> anyhow::Result<u8> {
    for path in write(&args.output)? {
        let wrote = msg!("wrote-file", file = path.display().to_string());
        println!("{}", session.say(&wrote));
    }
    Ok(exit::OK)
}

/// The schema files, by name, as they are written.
pub fn files() -> [(&'static str, String); 3] {
    [
        (SITE_SCHEMA, schema::to_pretty_json(&schema::site_file())),
        (
            DEPARTMENT_SCHEMA,
            schema::to_pretty_json(&schema::department()),
        ),
        (
            TOPICS_SCHEMA,
            schema::to_pretty_json(&schema::topics_file()),
        ),
    ]
}

/// Writes every schema into `dir` (created if missing) and returns their paths.
pub fn write(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)
        .with_context(|| msg!("cannot-create", path = dir.display().to_string()))?;
    let mut written = Vec::new();
    for (name, text) in files() {
        let path = dir.join(name);
        fs::write(&path, text)
            .with_context(|| msg!("cannot-write", path = path.display().to_string()))?;
        written.push(path);
    }
    Ok(written)
}
