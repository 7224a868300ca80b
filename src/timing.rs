//! Phase timings for profiling builds: set `RESPLIST_TIMINGS=1` and each phase prints its
//! wall time to stderr.

use std::time::Instant;

pub struct Phase {
    name: &'static str,
    started: Option<Instant>,
}

/// Starts timing `name` when `RESPLIST_TIMINGS` is set; the time prints when the value drops.
pub fn phase(name: &'static str) -> Phase {
    let on = std::env::var_os("RESPLIST_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
    Phase {
        name,
        started: on.then(Instant::now),
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some(started) = self.started {
            eprintln!(
                "timing: {:<12} {:>8.1} ms",
                self.name,
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
