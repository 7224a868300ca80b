//! `resplist diff`.

use crate::cli::DiffArgs;

pub fn run(_args: &DiffArgs) -> anyhow::Result<u8> {
    anyhow::bail!("resplist diff is not implemented yet")
}
