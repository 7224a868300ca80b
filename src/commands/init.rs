//! `resplist init` and `resplist new department`.

use crate::cli::{InitArgs, NewDepartmentArgs};

pub fn init(_args: &InitArgs) -> anyhow::Result<u8> {
    anyhow::bail!("resplist init is not implemented yet")
}

pub fn new_department(_args: &NewDepartmentArgs) -> anyhow::Result<u8> {
    anyhow::bail!("resplist new department is not implemented yet")
}
