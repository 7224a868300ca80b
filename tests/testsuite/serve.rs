//! `resplist serve` over HTTP: pages served, an edit shown, a broken file shown as the
//! diagnostics page and the site back once fixed, traversal refused, a page's wait answered
//! after a build, and a clean stop on Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{command, copy_project, repo};

/// A `resplist serve` of `dir` on a free port, and its address (`127.0.0.1:PORT`); stopped
/// when dropped.
pub struct Served {
    pub child: Child,
    pub address: String,
}

impl Served {
    pub fn start(dir: &Path) -> Served {
        let mut child = command()
            .args(["--lang", "zh-CN", "serve", "--port", "0"])
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines.next().expect("serve printed its address").unwrap();
            if let Some(at) = line.find("http://") {
                let rest = &line[at + "http://".len()..];
                break rest[..rest.find('/').unwrap()].to_string();
            }
        };
        // Keep reading what it prints, so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Served { child, address }
    }

    fn get(&self, path: &str) -> (u16, String) {
        get(&self.address, path)
    }

    /// Waits until the page at `path` holds `text`.
    fn until(&self, path: &str, text: &str) -> String {
        let started = Instant::now();
        loop {
            let (_, body) = self.get(path);
            if body.contains(text) {
                return body;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{path} never showed {text:?}:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The status and body of a GET of `path` from `address`, sent as written (no normalisation).
fn get(address: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        address
    )
    .unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_shows_edits_errors_and_nothing_outside_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("data"), &project);
    let served = Served::start(&project);
    let (status, home) = served.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("春江县政府部门责任清单"));
    assert!(
        home.contains("/__resplist/reload.js"),
        "the reload script is added"
    );
    assert!(
        !project.join("public").exists(),
        "serve never writes the published output"
    );
    // An edit shows.
    let file = project.join("departments/huanbao.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("0000-6301 0103", "0000-6301 0177")).unwrap();
    served.until("/departments/huanbao.html", "0000-6301 0177");
    // The downloads are made after the pages; asked for meanwhile, they are waited for, never
    // served from the build before.
    let (status, json) = served.get("/opendata/resplist.json");
    assert_eq!(status, 200);
    assert!(
        json.contains("0000-6301 0177"),
        "open data from before the edit"
    );
    // A page's wait is answered once a build has happened since it was served.
    let (_, version) = served.get("/__resplist/wait?v=none");
    let waiting = {
        let address = served.address.clone();
        let version = version.clone();
        std::thread::spawn(move || get(&address, &format!("/__resplist/wait?v={version}")).1)
    };
    std::thread::sleep(Duration::from_millis(300));
    let broken = text.replace("name = \"春江县环境保护局\"", "name = “春江县环境保护局”");
    std::fs::write(&file, &broken).unwrap();
    let answered = waiting.join().unwrap();
    assert_ne!(answered, version, "the wait is answered with the new build");
    // A broken file: every page shows the diagnostics, with file, line and column.
    let page = served.until("/departments/jiaoyu.html", "E0113");
    assert!(page.contains("huanbao.toml:2:8"), "{page}");
    assert!(page.contains("中文引号"), "{page}");
    // Fixed: the site is back.
    std::fs::write(&file, &text).unwrap();
    served.until("/", "春江县政府部门责任清单");
    // Nothing outside the site.
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2Fresplist.toml",
        "/..%5c..%5cresplist.toml",
        "/static/..\\..\\resplist.toml",
        "/C:/Windows/win.ini",
        "/%00",
    ] {
        let (status, body) = served.get(path);
        assert!(matches!(status, 400 | 404), "{path}: {status}");
        assert!(!body.contains("[site]"), "{path} served a source file");
    }
    let (status, _) = served.get("/departments/missing.html");
    assert_eq!(status, 404);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_serve_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("examples/minimal"), &project);
    let mut served = Served::start(&project);
    assert_eq!(served.get("/").0, 200);
    let pid = served.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "serve did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}

/// A project folder renamed away while serving gives a message on every page; serving resumes
/// once it is back. Garbage instead of HTTP gets an error, and the server carries on.
#[test]
fn serve_survives_a_vanished_folder_and_bad_requests() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("examples/minimal"), &project);
    let served = Served::start(&project);
    served.until("/", "Maple County");
    let away = tmp.path().join("away");
    std::fs::rename(&project, &away).unwrap();
    served.until("/", "不见了");
    std::fs::rename(&away, &project).unwrap();
    served.until("/", "Maple County");
    for garbage in [
        &b"\x00\x01\x02 not http\r\n\r\n"[..],
        &b"GET\r\n\r\n"[..],
        &b"GET / HTTP/9.9\r\nHost: \xff\xfe\r\n\r\n"[..],
    ] {
        let mut stream = TcpStream::connect(&served.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let _ = stream.write_all(garbage);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
    }
    assert_eq!(served.get("/").0, 200, "the server carries on");
}
