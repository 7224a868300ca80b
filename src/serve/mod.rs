//! `resplist serve`: the site as it would be published, on a local web server, rebuilt when a
//! file of the project changes, and reloaded in every open page.
//!
//! - Each build goes into a fresh folder in a temporary directory, never into the published
//!   output; the server switches to it only once it is complete, so a file saved halfway never
//!   shows a half-built site. When a change breaks the project, every page shows the
//!   diagnostics instead, as `check` words them, until it is fixed.
//! - The watcher (`notify`) waits for a quiet moment after a burst of saves before it builds.
//! - Open pages reload by long polling: a page asks to be answered when the build it came from
//!   is no longer the latest, and reloads then. Server-sent events were tried first, but
//!   tiny_http buffers a streamed body, so the events sat in its buffer; a WebSocket needs a
//!   handshake the HTTP crate does not do. Each long-poll answer is a complete response, and a
//!   page whose server went away just asks again. The script exists only in serve mode: it is
//!   added to pages as they are served, never written into the site.
//! - The HTTP side is `tiny_http`: a small, synchronous, well-kept server, which suits one user
//!   on one machine and needs no async runtime.

mod http;
mod site;

pub use site::{Builder, Downloads, Files, Finished, LARGE_PAGE, Made, Update};

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::cli::ServeArgs;
use crate::commands::common::Session;
use crate::commands::exit;
use crate::model::Language;
use crate::msg;

/// How long the project must be quiet after a change before it is built.
const QUIET: Duration = Duration::from_millis(100);
/// How often a vanished project folder is looked for.
const LOOK_AGAIN: Duration = Duration::from_millis(500);
/// Ports tried after the first.
const PORTS: u16 = 100;

/// What the server shows: the latest complete site, or why the project does not build.
pub struct Shown {
    /// Incremented after every build's pages, for the pages waiting to reload.
    pub version: u64,
    pub site: Option<Arc<Files>>,
    /// Whether the downloads of `site` are still being made: a request for a file the site
    /// lacks waits for them.
    pub pending: bool,
    /// The diagnostics page, when the latest build failed.
    pub failure: Option<String>,
    pub language: Language,
}

/// The state shared by the builder and the server's threads.
pub struct State {
    pub shown: Mutex<Shown>,
    pub changed: Condvar,
    pub stopping: AtomicBool,
}

pub fn run(args: &ServeArgs, session: &mut Session) -> anyhow::Result<u8> {
    crate::commands::common::not_a_workspace(&args.dir, "serve", session)?;
    let root = args.dir.clone();
    let (listener, address) = listen(args)?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| anyhow::anyhow!(msg!("serve-cannot-listen", error = e.to_string())))?;
    let server = Arc::new(server);
    let temp = tempfile::Builder::new()
        .prefix("resplist-serve-")
        .tempdir()?;
    let state = Arc::new(State {
        shown: Mutex::new(Shown {
            version: 0,
            site: None,
            pending: false,
            failure: None,
            language: session.language,
        }),
        changed: Condvar::new(),
        stopping: AtomicBool::new(false),
    });
    // Watch before the first build, so that no save after the address is printed is missed.
    let (tx, rx) = channel();
    let events = tx.clone();
    let watcher = notify::recommended_watcher(move |event| {
        let _ = events.send(Signal::Changed(event));
    })
    .ok();
    let mut builder = Builder::new(&root, temp.path());
    let mut background = Background::new(tx, Arc::clone(&state))?;
    let mut watcher = watcher;
    let watching = watcher
        .as_mut()
        .is_some_and(|w| w.watch(&root, RecursiveMode::Recursive).is_ok());
    rebuild(&mut builder, &state, session, &mut background);
    let url = format!("http://{address}/");
    println!(
        "{}",
        session.say(&msg!("serve-listening", url = url.as_str()))
    );
    if !address.ip().is_loopback() {
        eprintln!(
            "{}",
            session.say(&msg!("serve-not-loopback", address = address.to_string()))
        );
    }
    if args.open {
        open_browser(&url);
    }
    {
        let (server, state) = (Arc::clone(&server), Arc::clone(&state));
        let _ = ctrlc::set_handler(move || {
            state.stopping.store(true, Ordering::SeqCst);
            state.changed.notify_all();
            server.unblock();
        });
    }
    let watching = {
        let (state, root) = (Arc::clone(&state), root.clone());
        let mut session = session.clone();
        let watch_state = Watch {
            watcher,
            rx,
            watching,
            background,
        };
        std::thread::spawn(move || watch(watch_state, &root, &mut builder, &state, &mut session))
    };
    http::serve(&server, &state);
    state.stopping.store(true, Ordering::SeqCst);
    let _ = watching.join();
    println!("{}", session.say(&msg!("serve-stopped")));
    Ok(exit::OK)
}

/// The listening socket: `--bind` (loopback by default) on `--port`, or the next free port.
fn listen(args: &ServeArgs) -> anyhow::Result<(TcpListener, SocketAddr)> {
    let ip: IpAddr = args
        .bind
        .parse()
        .map_err(|_| anyhow::anyhow!(msg!("serve-bad-address", address = args.bind.as_str())))?;
    let mut last = None;
    for port in args.port..=args.port.saturating_add(PORTS) {
        match TcpListener::bind((ip, port)) {
            Ok(listener) => {
                let address = listener.local_addr()?;
                return Ok((listener, address));
            }
            Err(e) => last = Some(e),
        }
        if args.port == 0 {
            break;
        }
    }
    let error = last.map(|e| e.to_string()).unwrap_or_default();
    Err(anyhow::anyhow!(msg!(
        "serve-no-port",
        first = usize::from(args.port),
        error = error
    )))
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        vec!["open"]
    } else if cfg!(windows) {
        vec!["cmd", "/C", "start", ""]
    } else {
        vec!["xdg-open"]
    };
    let mut command = std::process::Command::new(opener[0]);
    command
        .args(&opener[1..])
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let _ = command.spawn();
}

/// What the builder thread hears: a change of the project's files, or a stage two made.
pub enum Signal {
    Changed(notify::Result<notify::Event>),
    Made(Made),
}

/// The watcher, what it and stage two send, whether it watches the project now, and the stage
/// two being made.
struct Watch {
    watcher: Option<notify::RecommendedWatcher>,
    rx: Receiver<Signal>,
    watching: bool,
    background: Background,
}

/// Watches the project and rebuilds after each burst of changes; looks for the folder again
/// when it vanishes, and builds as soon as it is back.
fn watch(w: Watch, root: &Path, builder: &mut Builder, state: &State, session: &mut Session) {
    let Watch {
        mut watcher,
        rx,
        mut watching,
        mut background,
    } = w;
    while !state.stopping.load(Ordering::SeqCst) {
        if !watching {
            std::thread::sleep(LOOK_AGAIN);
            if root.is_dir() {
                watching = watcher
                    .as_mut()
                    .is_some_and(|w| w.watch(root, RecursiveMode::Recursive).is_ok());
                rebuild(builder, state, session, &mut background);
            }
            continue;
        }
        match rx.recv_timeout(LOOK_AGAIN) {
            Ok(Signal::Made(made)) => {
                took(builder, made, state, session, &background);
                continue;
            }
            Ok(Signal::Changed(event)) if matters(&event) => {}
            Ok(Signal::Changed(_)) => continue,
            Err(RecvTimeoutError::Timeout) => {
                if !root.is_dir() {
                    rebuild(builder, state, session, &mut background);
                    watching = false;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
        // The downloads being made are for sources that just changed.
        background.cancel();
        for made in settle(&rx) {
            took(builder, made, state, session, &background);
        }
        rebuild(builder, state, session, &mut background);
        if !root.is_dir() {
            watching = false;
            if let Some(w) = watcher.as_mut() {
                let _ = w.unwatch(root);
            }
        }
    }
    background.cancel();
}

/// Whether an event is about the project's sources: not the built output below it, nor an
/// editor's swap and backup files, nor git's own files.
fn matters(event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else {
        return true;
    };
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let noise = name.starts_with(".#")
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".tmp")
            || p.components().any(|c| {
                matches!(c.as_os_str().to_str(), Some(".git" | "public" | "target"))
                    || c.as_os_str().to_string_lossy().starts_with(".resplist-")
            });
        !noise
    })
}

/// Waits until no change has come for `QUIET` (an editor saving writes, renames and touches);
/// returns the stages two that came meanwhile.
fn settle(rx: &Receiver<Signal>) -> Vec<Made> {
    let mut last = Instant::now();
    let mut made = Vec::new();
    loop {
        match rx.recv_timeout(QUIET) {
            Ok(Signal::Made(m)) => made.push(m),
            Ok(Signal::Changed(_)) => last = Instant::now(),
            Err(RecvTimeoutError::Timeout) if last.elapsed() >= QUIET => return made,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return made,
        }
    }
}

/// Builds the project's pages and shows them, then leaves the downloads to `background`; shows
/// why the project does not build instead when it does not, and prints the same to the
/// terminal.
fn rebuild(
    builder: &mut Builder,
    state: &State,
    session: &mut Session,
    background: &mut Background,
) {
    let started = Instant::now();
    match builder.pages(session) {
        Ok((site, rendered, downloads)) => {
            let mut shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
            shown.site = Some(site);
            shown.pending = true;
            shown.failure = None;
            shown.language = session.language;
            shown.version += 1;
            state.changed.notify_all();
            drop(shown);
            let ms = millis(started);
            println!(
                "{}",
                session.say(&msg!("serve-built", pages = rendered, ms = ms))
            );
            background.start(downloads);
        }
        Err(text) => show_failure(&text, state, session),
    }
}

/// Shows stage two when it is the latest build's: the downloads, and the pages that waited for
/// them.
fn took(
    builder: &mut Builder,
    made: Made,
    state: &State,
    session: &Session,
    background: &Background,
) {
    match builder.take(made) {
        Ok(Some(site)) => {
            let mut shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
            shown.site = Some(site);
            shown.pending = false;
            state.changed.notify_all();
            drop(shown);
            let ms = millis(background.started);
            println!("{}", session.say(&msg!("serve-built-downloads", ms = ms)));
        }
        Ok(None) => {}
        Err(text) => show_failure(&text, state, session),
    }
}

fn show_failure(text: &str, state: &State, session: &Session) {
    eprintln!("{text}");
    let mut shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
    shown.pending = false;
    shown.failure = Some(http::failure_page(text, session.language));
    shown.language = session.language;
    shown.version += 1;
    state.changed.notify_all();
}

/// Makes each build's downloads on a thread of their own, at the lowest priority, so that they
/// never slow the pages of the next save; a newer save abandons them.
struct Background {
    pool: Arc<rayon::ThreadPool>,
    tx: Sender<Signal>,
    state: Arc<State>,
    cancel: Arc<AtomicBool>,
    started: Instant,
}

impl Background {
    fn new(tx: Sender<Signal>, state: Arc<State>) -> anyhow::Result<Background> {
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|n| format!("resplist-downloads-{n}"))
            .start_handler(|_| lowest_priority())
            .build()?;
        Ok(Background {
            pool: Arc::new(pool),
            tx,
            state,
            cancel: Arc::new(AtomicBool::new(false)),
            started: Instant::now(),
        })
    }

    fn start(&mut self, downloads: Downloads) {
        self.cancel = Arc::new(AtomicBool::new(false));
        self.started = Instant::now();
        let (pool, tx, state, cancel) = (
            Arc::clone(&self.pool),
            self.tx.clone(),
            Arc::clone(&self.state),
            Arc::clone(&self.cancel),
        );
        std::thread::spawn(move || {
            lowest_priority();
            let mut go_on =
                || !cancel.load(Ordering::SeqCst) && !state.stopping.load(Ordering::SeqCst);
            let made = pool.install(|| downloads.make(&mut go_on));
            let _ = tx.send(Signal::Made(made));
        });
    }

    fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// Runs the calling thread only when nothing else wants the processor (`SCHED_IDLE` on Linux,
/// the lowest priority elsewhere).
fn lowest_priority() {
    #[cfg(target_os = "linux")]
    let _ = thread_priority::set_thread_priority_and_policy(
        thread_priority::thread_native_id(),
        thread_priority::ThreadPriority::Min,
        thread_priority::ThreadSchedulePolicy::Normal(
            thread_priority::NormalThreadSchedulePolicy::Idle,
        ),
    );
    #[cfg(not(target_os = "linux"))]
    let _ = thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
}

fn millis(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}
