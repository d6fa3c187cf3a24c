//! A progress line on standard error for long runs over many files.
//!
//! It appears only when standard error is a terminal and the run has lasted a second,
//! so short runs, pipes and CI logs never see it, and it is erased before the results
//! are printed.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

const FIRST_DRAW: Duration = Duration::from_secs(1);
const REDRAW_EVERY: Duration = Duration::from_millis(200);

pub struct Progress {
    done: Arc<AtomicUsize>,
    finished: Arc<AtomicBool>,
    painter: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts counting towards `total` files, drawing only on a terminal.
    pub fn start(total: usize) -> Progress {
        let done = Arc::new(AtomicUsize::new(0));
        let finished = Arc::new(AtomicBool::new(false));
        let painter = std::io::stderr().is_terminal().then(|| {
            let done = Arc::clone(&done);
            let finished = Arc::clone(&finished);
            std::thread::spawn(move || paint(total, &done, &finished))
        });
        Progress { done, finished, painter }
    }

    /// Records that one more file is done.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Stops drawing and erases the line.
    pub fn finish(mut self) {
        self.finished.store(true, Ordering::Relaxed);
        if let Some(painter) = self.painter.take() {
            let _ = painter.join();
        }
    }
}

fn paint(total: usize, done: &AtomicUsize, finished: &AtomicBool) {
    let mut waited = Duration::ZERO;
    let mut drawn = false;
    while !finished.load(Ordering::Relaxed) {
        std::thread::sleep(REDRAW_EVERY);
        waited += REDRAW_EVERY;
        if waited < FIRST_DRAW {
            continue;
        }
        let count = done.load(Ordering::Relaxed);
        let _ = write!(std::io::stderr().lock(), "\r\x1b[Kgoleakfix: {count} of {total} files");
        drawn = true;
    }
    if drawn {
        let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
    }
}
