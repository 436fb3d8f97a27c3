//! What the benchmarks share: a per-thread CPU clock and the text files they read.

#![allow(dead_code)] // each benchmark uses its own part

use std::path::{Path, PathBuf};
use std::time::Instant;

/// The thread's CPU time in nanoseconds, where the system reports it
/// (`/proc/thread-self/schedstat` on Linux).
pub fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// What the clock measures, for the benchmark's first line.
pub fn clock_kind() -> &'static str {
    if cpu_ns().is_some() {
        "thread CPU time"
    } else {
        "wall-clock time"
    }
}

/// Measures the thread's CPU time when available, wall-clock time otherwise,
/// so that figures stay per core on a busy machine.
pub struct Clock {
    pub wall: Instant,
    cpu: Option<u64>,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_ns(),
        }
    }
    pub fn secs(&self) -> f64 {
        match (self.cpu, cpu_ns()) {
            (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

/// The `.txt` files directly in `dir`, sorted (none when it cannot be read).
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
}

/// The `.txt` files below `dir`, recursively, sorted by path.
pub fn txt_files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            txt_files_below(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}
