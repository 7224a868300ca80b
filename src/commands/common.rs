//! What every command needs: whether to colour, and how to print a project's diagnostics.

use std::path::Path;

use anstream::stream::RawStream;
use anstream::{AutoStream, ColorChoice};

use crate::cli::Color;
use crate::diagnostic::{Diagnostic, Report, Sources};

/// Colour when asked, or on a terminal that wants it (`NO_COLOR`, `CLICOLOR` and `TERM=dumb`
/// turn `auto` off, as anstream reads them).
pub fn use_color(choice: Color, stream: &impl RawStream) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => AutoStream::choice(stream) != ColorChoice::Never,
    }
}

/// Prints every diagnostic to standard error, rustc-style, paths shown from `display_root`.
pub fn print_diagnostics(
    sources: &Sources,
    display_root: &Path,
    diagnostics: &[Diagnostic],
    color: Color,
) {
    let report = Report {
        sources,
        display_root: display_root.to_path_buf(),
    };
    let color = use_color(color, &std::io::stderr());
    for d in diagnostics {
        eprintln!("{}\n", report.human(d, color));
    }
}
