//! The floor a build is measured against: read every input file and parse it with the `toml`
//! crate alone (no model, no checks), then write the same number of bytes in the same number of
//! files. Both use every core, as `resplist build` does.
//!
//!     cargo run --release --example floor -- PROJECT OUT FILES BYTES
//!
//! Prints `read+parse MS`, `write MS` and `floor MS`.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [project, out, files, bytes] = args.as_slice() else {
        eprintln!("usage: floor PROJECT OUT FILES BYTES");
        std::process::exit(2);
    };
    let (Ok(files), Ok(bytes)) = (files.parse::<usize>(), bytes.parse::<usize>()) else {
        eprintln!("FILES and BYTES are numbers");
        std::process::exit(2);
    };
    let started = Instant::now();
    let inputs: Vec<PathBuf> = walkdir::WalkDir::new(project)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect();
    let parsed: usize = inputs
        .par_iter()
        .map(|p| {
            fs::read_to_string(p)
                .ok()
                .and_then(|t| t.parse::<toml::Table>().ok())
                .map_or(0, |t| t.len())
        })
        .sum();
    let read = started.elapsed();
    let out = PathBuf::from(out);
    let _ = fs::remove_dir_all(&out);
    let started = Instant::now();
    let per_file = bytes / files.max(1);
    let block = vec![b'x'; per_file];
    (0..files).into_par_iter().for_each(|i| {
        let dir = out.join(format!("{}", i % 64));
        let _ = fs::create_dir_all(&dir);
        let _ = fs::write(dir.join(format!("{i}.html")), &block);
    });
    let write = started.elapsed();
    println!("read+parse {:.1}", read.as_secs_f64() * 1000.0);
    println!("write {:.1}", write.as_secs_f64() * 1000.0);
    println!("floor {:.1}", (read + write).as_secs_f64() * 1000.0);
    eprintln!("({} files, {parsed} top-level keys)", inputs.len());
}
