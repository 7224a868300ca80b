//! `resplist fmt`.

use crate::cli::FmtArgs;

pub fn run(_args: &FmtArgs) -> anyhow::Result<u8> {
    anyhow::bail!("resplist fmt is not implemented yet")
}
