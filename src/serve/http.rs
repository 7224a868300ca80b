//! The HTTP side of `serve`: files of the latest site (only those), the diagnostics page while
//! the project does not build, the reload script and its event stream.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server, StatusCode};

use super::{Files, State};
use crate::model::Language;
use crate::msg;

/// Where the reload script and its events are served; no site file can be there, since the
/// site has no folder starting with `__`.
const RELOAD_JS: &str = "/__resplist/reload.js";
const WAIT: &str = "/__resplist/wait";
/// The script that reloads the page after each build (serve mode only): it asks the server to
/// answer when the build it was served from is no longer the latest, and reloads then; when the
/// server is gone it asks again a second later.
const SCRIPT: &str = r#"(function () {
  var seen = document.currentScript.getAttribute("data-version");
  function wait() {
    fetch("/__resplist/wait?v=" + seen, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
      if (v !== seen) location.reload(); else wait();
    }, function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"#;
/// How long a wait is held open when nothing changes (the page then asks again).
const HOLD: Duration = Duration::from_secs(25);
/// How long a request for a download waits for it to be made.
const PENDING: Duration = Duration::from_secs(120);

/// Answers requests until the server is unblocked (Ctrl-C).
pub fn serve(server: &std::sync::Arc<Server>, state: &std::sync::Arc<State>) {
    for request in server.incoming_requests() {
        if state.stopping.load(Ordering::SeqCst) {
            break;
        }
        if request.url().split('?').next() == Some(WAIT) {
            let state = std::sync::Arc::clone(state);
            std::thread::spawn(move || wait(request, &state));
            continue;
        }
        let _ = answer(request, state);
    }
}

fn header(name: &str, value: &str) -> Header {
    // Only the constant ASCII names and values written in this file come here.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("headers written here are ASCII")
}

fn answer(request: Request, state: &State) -> std::io::Result<()> {
    let url = request.url().to_string();
    if !matches!(
        request.method(),
        tiny_http::Method::Get | tiny_http::Method::Head
    ) {
        return request.respond(Response::empty(StatusCode(405)));
    }
    if url.split('?').next() == Some(RELOAD_JS) {
        let response = Response::from_string(SCRIPT)
            .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
            .with_header(header("Cache-Control", "no-store"));
        return request.respond(response);
    }
    let Some(path) = requested(&url) else {
        return request.respond(Response::from_string("400").with_status_code(400));
    };
    let (failure, language, version) = {
        let shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
        (shown.failure.clone(), shown.language, shown.version)
    };
    if let Some(page) = &failure
        && (path.is_empty() || path.ends_with(".html") || !path.contains('.'))
    {
        return request.respond(html(page.clone(), 200, version));
    }
    let (site, file) = lookup(state, &path);
    let Some(site) = site else {
        return request.respond(html(failure.unwrap_or_default(), 503, version));
    };
    match file {
        Some(file) => send(request, &file, version),
        None => {
            let page = site
                .get("404.html")
                .and_then(|f| std::fs::read_to_string(f).ok())
                .unwrap_or_else(|| msg!("serve-not-found").text(language));
            request.respond(html(page, 404, version))
        }
    }
}

/// The site shown and its file at `path`. A download still being made (the workbook, the home
/// page, the search index…) is waited for: it is not served from an older build.
fn lookup(state: &State, path: &str) -> (Option<Arc<Files>>, Option<PathBuf>) {
    let mut shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
    let deadline = std::time::Instant::now() + PENDING;
    loop {
        let site = shown.site.clone();
        let file = site
            .as_ref()
            .and_then(|s| s.get(path))
            .map(Path::to_path_buf);
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let wait = shown.pending && site.as_ref().is_some_and(|s| s.may_come(path));
        if !wait || left.is_zero() || state.stopping.load(Ordering::SeqCst) {
            return (site, file);
        }
        shown = state
            .changed
            .wait_timeout(shown, left)
            .unwrap_or_else(|e| e.into_inner())
            .0;
    }
}

/// An HTML response, with the reload script before `</body>`, which knows which build the page
/// is from.
fn html(page: String, status: u16, version: u64) -> Response<std::io::Cursor<Vec<u8>>> {
    let script = format!("<script src=\"{RELOAD_JS}\" data-version=\"{version}\"></script>");
    let page = match page.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &page[..at], &page[at..]),
        None => format!("{page}{script}"),
    };
    Response::from_data(page.into_bytes())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn send(request: Request, file: &Path, version: u64) -> std::io::Result<()> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "html" {
        let page = std::fs::read_to_string(file).unwrap_or_default();
        return request.respond(html(page, 200, version));
    }
    let Ok(bytes) = std::fs::read(file) else {
        return request.respond(Response::empty(StatusCode(404)));
    };
    let response = Response::from_data(bytes)
        .with_header(header("Content-Type", content_type(ext)))
        .with_header(header("Cache-Control", "no-store"));
    request.respond(response)
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// The path a request asks for, percent-decoded, without query or fragment; `None` when it is
/// not a path of the site: a `..`, a backslash (encoded or not), a NUL, a drive (`C:`), or
/// bytes that are not UTF-8.
pub fn requested(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decoded(path)?;
    let bad = decoded.contains('\\') || decoded.contains('\0');
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(':') => return None,
            p => parts.push(p),
        }
    }
    (!bad).then(|| parts.join("/"))
}

fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The diagnostics page shown while the project does not build.
pub fn failure_page(text: &str, language: Language) -> String {
    let title = msg!("serve-failure-title").text(language);
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>body{{font-family:system-ui,sans-serif;margin:1.5rem;}}pre{{white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;background:#f6f6f6;padding:1rem;border-left:4px solid #b00020;}}</style></head><body><h1>{title}</h1><pre id=\"diagnostics\">{escaped}</pre></body></html>\n",
        language.key()
    )
}

/// A page's wait: answered with the latest build's number as soon as it differs from the
/// page's (`?v=`), or after `HOLD` with the same number. Long polling rather than server-sent
/// events: tiny_http buffers a streamed body, so events would sit in its buffer; each answer
/// here is a complete response.
fn wait(request: Request, state: &State) {
    let seen: Option<u64> = request
        .url()
        .split_once("v=")
        .and_then(|(_, v)| v.split('&').next())
        .and_then(|v| v.parse().ok());
    let shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
    let (shown, _) = state
        .changed
        .wait_timeout_while(shown, HOLD, |s| {
            Some(s.version) == seen && !state.stopping.load(Ordering::SeqCst)
        })
        .unwrap_or_else(|e| e.into_inner());
    let version = shown.version;
    drop(shown);
    let response = Response::from_string(version.to_string())
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_out_of_the_site_are_refused() {
        assert_eq!(
            requested("/departments/huanbao.html?x=1").as_deref(),
            Some("departments/huanbao.html")
        );
        assert_eq!(requested("/").as_deref(), Some(""));
        assert_eq!(
            requested("/search/index.html?q=%E5%99%AA").as_deref(),
            Some("search/index.html")
        );
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2e%2e/x",
            "/..%5c..%5cwindows",
            "/a\\..\\b",
            "/C:/Windows",
            "/%00",
            "/%zz",
            "/%ff",
        ] {
            assert_eq!(requested(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_files_the_build_wrote_are_served() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("boundaries")).unwrap();
        std::fs::write(site.join("index.html"), "home").unwrap();
        std::fs::write(site.join("boundaries/index.html"), "b").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("link.txt")).unwrap();
        let files = Files::of(&site).unwrap();
        assert!(files.get("").is_some_and(|p| p.ends_with("index.html")));
        assert!(
            files
                .get("boundaries")
                .is_some_and(|p| p.ends_with("boundaries/index.html"))
        );
        assert!(files.get("boundaries/").is_some());
        assert_eq!(files.get("link.txt"), None);
        assert_eq!(files.get("missing.html"), None);
        assert_eq!(files.get("secret.txt"), None);
    }
}
