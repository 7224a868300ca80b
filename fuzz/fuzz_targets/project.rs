//! A whole project from arbitrary contents: after a first byte (kept for the corpus format), the
//! data is `resplist.toml` and up to eight department files separated by 0xFF bytes (never in
//! UTF-8); the project is loaded, checked and, when it checks clean, built into a temporary
//! directory.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((site, rest)) = data.split_first().map(|(_, rest)| {
        let mut parts = rest.split(|b| *b == 0xFF);
        (
            parts.next().unwrap_or_default().to_vec(),
            parts.map(<[u8]>::to_vec).collect::<Vec<_>>(),
        )
    }) else {
        return;
    };
    let departments: Vec<(PathBuf, Vec<u8>)> = rest
        .into_iter()
        .take(8)
        .enumerate()
        .map(|(i, bytes)| (PathBuf::from(format!("departments/d{i}.toml")), bytes))
        .collect();
    let project = resplist::load::load_from_memory(Path::new("fuzz"), site, departments);
    // A reference that does not resolve although every rule passed is a bug: let it crash.
    let checked = match resplist::check::checked(&project, true) {
        Ok((_, checked)) => checked,
        Err(unresolved) => panic!("the rules passed but {} does not resolve", unresolved.0),
    };
    let Some(checked) = checked else {
        return;
    };
    let Ok(theme) = resplist::theme::Theme::load(None) else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else { return };
    let _ = resplist::render::render(&checked, &theme, dir.path(), None);
});
