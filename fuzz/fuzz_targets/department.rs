//! Loading and checking one department file from arbitrary bytes, and rendering every
//! diagnostic in every format: no panic, no hang.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use resplist::diagnostic::Report;
use resplist::model::Language;

const SITE: &[u8] = b"[site]\ntitle = \"t\"\njurisdiction = \"j\"\n";

fuzz_target!(|data: &[u8]| {
    let project = resplist::load::load_from_memory(
        Path::new("fuzz"),
        SITE.to_vec(),
        vec![(PathBuf::from("departments/a.toml"), data.to_vec())],
    );
    let diagnostics = resplist::check::check(&project);
    // Both languages: every message must take its arguments in each.
    for language in [Language::ZhCn, Language::En] {
        let report = Report {
            sources: &project.sources,
            display_root: PathBuf::from("."),
            language,
        };
        for d in &diagnostics {
            let _ = report.human(d, true);
            let _ = report.json(d);
            let _ = report.github(d);
        }
        let _ = report.gitlab(&diagnostics);
    }
});
