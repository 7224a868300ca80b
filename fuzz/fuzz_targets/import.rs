//! `resplist import` on arbitrary bytes, read as a CSV and as a workbook: reading, header
//! detection and assembly never panic, and whatever a project they make, its files parse as
//! TOML and load.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["名单.csv", "名单.xlsx"] {
        let Ok(sheets) = resplist::import::read::parse(data.to_vec(), name) else {
            continue;
        };
        let files = resplist::import::project_of(&sheets);
        let mut site = Vec::new();
        let mut departments = Vec::new();
        for (path, text) in files {
            assert!(text.parse::<toml::Table>().is_ok(), "{}:\n{text}", path.display());
            if path == Path::new("resplist.toml") {
                site = text.into_bytes();
            } else {
                departments.push((PathBuf::from(&path), text.into_bytes()));
            }
        }
        let project = resplist::load::load_from_memory(Path::new("fuzz"), site, departments);
        let _ = resplist::check::check(&project);
    }
});
