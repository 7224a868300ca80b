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

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::check;
use crate::cli::ServeArgs;
use crate::commands::common::Session;
use crate::commands::exit;
use crate::diagnostic::Report;
use crate::load;
use crate::model::Language;
use crate::msg;
use crate::render;
use crate::theme::{self, Theme};

/// How long the project must be quiet after a change before it is built.
const QUIET: Duration = Duration::from_millis(150);
/// How often a vanished project folder is looked for.
const LOOK_AGAIN: Duration = Duration::from_millis(500);
/// Ports tried after the first.
const PORTS: u16 = 100;

/// What the server shows: the latest complete site, or why the project does not build.
pub struct Shown {
    /// Incremented after every build, for the pages waiting to reload.
    pub version: u64,
    pub site: Option<PathBuf>,
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
            failure: None,
            language: session.language,
        }),
        changed: Condvar::new(),
        stopping: AtomicBool::new(false),
    });
    // Watch before the first build, so that no save after the address is printed is missed.
    let (tx, rx) = channel();
    let watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .ok();
    let mut builds = 0u64;
    let mut watcher = watcher;
    let watching = watcher
        .as_mut()
        .is_some_and(|w| w.watch(&root, RecursiveMode::Recursive).is_ok());
    rebuild(&root, temp.path(), &mut builds, &state, session);
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
        let (state, root, temp) = (Arc::clone(&state), root.clone(), temp.path().to_path_buf());
        let mut session = session.clone();
        let watch_state = Watch {
            watcher,
            rx,
            watching,
        };
        std::thread::spawn(move || {
            watch(watch_state, &root, &temp, &mut builds, &state, &mut session)
        })
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

/// Watches the project and rebuilds after each burst of changes; looks for the folder again
/// when it vanishes, and builds as soon as it is back.
/// The watcher, its events, and whether it watches the project now.
struct Watch {
    watcher: Option<notify::RecommendedWatcher>,
    rx: Receiver<notify::Result<notify::Event>>,
    watching: bool,
}

fn watch(
    w: Watch,
    root: &Path,
    temp: &Path,
    builds: &mut u64,
    state: &State,
    session: &mut Session,
) {
    let Watch {
        mut watcher,
        rx,
        mut watching,
    } = w;
    while !state.stopping.load(Ordering::SeqCst) {
        if !watching {
            std::thread::sleep(LOOK_AGAIN);
            if root.is_dir() {
                watching = watcher
                    .as_mut()
                    .is_some_and(|w| w.watch(root, RecursiveMode::Recursive).is_ok());
                rebuild(root, temp, builds, state, session);
            }
            continue;
        }
        match rx.recv_timeout(LOOK_AGAIN) {
            Ok(event) => {
                if !matters(&event, temp) {
                    continue;
                }
                settle(&rx);
                rebuild(root, temp, builds, state, session);
                if !root.is_dir() {
                    watching = false;
                    if let Some(w) = watcher.as_mut() {
                        let _ = w.unwatch(root);
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                if !root.is_dir() {
                    rebuild(root, temp, builds, state, session);
                    watching = false;
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
}

/// Whether an event is about the project's sources: not the built output below it, nor an
/// editor's swap and backup files, nor git's own files.
fn matters(event: &notify::Result<notify::Event>, temp: &Path) -> bool {
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
        !noise && !p.starts_with(temp)
    })
}

/// Waits until no event has come for `QUIET`: an editor saving writes, renames and touches.
fn settle(rx: &Receiver<notify::Result<notify::Event>>) {
    let mut last = Instant::now();
    loop {
        match rx.recv_timeout(QUIET) {
            Ok(_) => last = Instant::now(),
            Err(RecvTimeoutError::Timeout) if last.elapsed() >= QUIET => return,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Builds the project into a fresh folder and shows it, or shows why it does not build; prints
/// the same to the terminal.
fn rebuild(root: &Path, temp: &Path, builds: &mut u64, state: &State, session: &mut Session) {
    *builds += 1;
    let dir = temp.join(format!("site-{builds}"));
    let started = Instant::now();
    let outcome = build(root, &dir, session);
    let mut shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
    shown.language = session.language;
    match outcome {
        Ok(()) => {
            let old = shown.site.replace(dir);
            shown.failure = None;
            if let Some(old) = old {
                let _ = std::fs::remove_dir_all(old);
            }
            let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            println!("{}", session.say(&msg!("serve-built", ms = ms)));
        }
        Err(text) => {
            let _ = std::fs::remove_dir_all(&dir);
            eprintln!("{text}");
            shown.failure = Some(http::failure_page(&text, session.language));
        }
    }
    shown.version += 1;
    state.changed.notify_all();
}

/// One build of the project into `dir`; `Err` is what to show instead, in the run's language.
fn build(root: &Path, dir: &Path, session: &mut Session) -> Result<(), String> {
    if !root.is_dir() {
        let gone = msg!("serve-folder-gone", dir = root.display().to_string());
        return Err(session.say(&gone));
    }
    let project = load::load(root).map_err(|e| session.error(&e))?;
    session.project(&project);
    // A preview shows example content too; `build` refuses to publish it.
    let (diagnostics, checked) = check::checked(&project, true)
        .map_err(|u| session.say(&msg!("build-unresolved", reference = u.0)))?;
    let Some(checked) = checked else {
        let report = Report {
            sources: &project.sources,
            display_root: root.to_path_buf(),
            language: session.language,
        };
        let mut text: String = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| report.human(d, false) + "\n")
            .collect();
        let summary = crate::commands::check::summary(&project, &diagnostics);
        text.push_str(&session.say(&summary));
        return Err(text);
    };
    let configured = checked.build().and_then(|b| b.theme.as_ref());
    let theme_dir = theme::theme_dir(None, configured.map(|t| t.get_ref().as_str()), root);
    let theme = Theme::load(theme_dir.as_deref()).map_err(|e| session.error(&e))?;
    std::fs::create_dir_all(dir).map_err(|e| session.error(&e.into()))?;
    render::render(&checked, &theme, dir, None)
        .map(|_| ())
        .map_err(|e| session.error(&e.context(msg!("build-failed"))))
}
