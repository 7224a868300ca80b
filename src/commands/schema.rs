//! `resplist schema`.

use crate::cli::SchemaArgs;

pub fn run(_args: &SchemaArgs) -> anyhow::Result<u8> {
    anyhow::bail!("resplist schema is not implemented yet")
}
