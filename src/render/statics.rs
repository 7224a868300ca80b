//! The theme's static files (styles, scripts, icon), copied under `static/`.

use super::writer::Writer;
use crate::theme::Theme;

pub fn render(theme: &Theme, out: &Writer) -> anyhow::Result<()> {
    for (path, contents) in theme.statics() {
        out.write(&format!("static/{path}"), contents.as_bytes())?;
    }
    Ok(())
}
