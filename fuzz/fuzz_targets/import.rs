//! `resplist import`'s own reading on arbitrary bytes: the CSV reader (UTF-8 or GBK), header
//! detection and assembly never panic, and whatever project they make, its files parse as TOML
//! and load. (Workbooks are read by calamine in a child process with time and memory limits:
//! fuzzing found calamine looping without end on a malformed `.xls`.)
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sheets) = resplist::import::read::csv(data, "名单.csv", "名单") else {
        return;
    };
    let files = resplist::import::project_of(&sheets);
    let mut site = Vec::new();
    let mut departments = Vec::new();
    for (path, text) in files {
        assert!(
            text.parse::<toml::Table>().is_ok(),
            "{}:\n{text}",
            path.display()
        );
        if path == Path::new("resplist.toml") {
            site = text.into_bytes();
        } else {
            departments.push((PathBuf::from(&path), text.into_bytes()));
        }
    }
    let project = resplist::load::load_from_memory(Path::new("fuzz"), site, departments);
    let _ = resplist::check::check(&project);
});
