//! The page `report watch --format html` serves on 127.0.0.1: the HTML output as written to
//! disk, with a small script added to what is served (never to the file) that asks the
//! server, by long-polling `/__report/events?since=N`, whether the report was rendered
//! again, and reloads the page when it was.
//!
//! Long-polling rather than Server-Sent Events: the HTTP server sends a body of unknown
//! length in 8 KiB chunks, so an event would wait in its buffer; a long-poll's answer is a
//! whole response. The server listens on the loopback address only, answers only requests
//! addressed to it by that address or `localhost` (a page elsewhere cannot reach it through
//! a name of its own that resolves to 127.0.0.1), and serves the one page, nothing else of
//! the folder.

use crate::error::Error;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The path the page's script polls.
pub const EVENTS_PATH: &str = "/__report/events";

/// The `id` of the script added to the served page.
pub const SCRIPT_ID: &str = "report-watch-reload";

/// How long a poll waits for a new rendering before it answers "nothing new" (the page then
/// asks again): well under the time a browser or a proxy gives up on a request.
const POLL_WAIT: Duration = Duration::from_secs(25);

/// What the page shows and when it last changed.
#[derive(Default)]
struct State {
    /// Counts the runs: a page served at generation N reloads once it is no longer N.
    generation: u64,
    /// A line shown above the page, e.g. that the report now has errors and this is the
    /// last good version.
    notice: Option<String>,
    stopped: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    page: PathBuf,
    port: u16,
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The server, running until it is dropped.
pub struct Live {
    shared: Arc<Shared>,
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

impl Live {
    /// Serves `page` (the HTML output's path) on 127.0.0.1:`port`; port 0 takes a free one.
    pub fn start(port: u16, page: &Path) -> Result<Live, Error> {
        let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| Error::Serve {
            port,
            why: e.to_string(),
        })?;
        let port = server.server_addr().to_ip().map_or(port, |a| a.port());
        let server = Arc::new(server);
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            page: page.to_owned(),
            port,
        });
        let thread = {
            let server = Arc::clone(&server);
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("report-live".into())
                .spawn(move || {
                    for request in server.incoming_requests() {
                        let shared = Arc::clone(&shared);
                        // A poll waits; each request has its own thread so that the page
                        // loads while another tab polls.
                        let _ = std::thread::Builder::new()
                            .name("report-live-request".into())
                            .spawn(move || answer(&shared, request));
                    }
                })
                .map_err(|e| Error::Serve {
                    port,
                    why: e.to_string(),
                })?
        };
        Ok(Live {
            shared,
            server,
            thread: Some(thread),
        })
    }

    /// The page's address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.shared.port)
    }

    /// Tells every open page to reload: the report was run again. `notice`, if any, is shown
    /// above the page from now on.
    pub fn reload(&self, notice: Option<String>) {
        let mut state = self.shared.state();
        state.generation += 1;
        state.notice = notice;
        self.shared.changed.notify_all();
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.shared.state().stopped = true;
        self.shared.changed.notify_all();
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(request: tiny_http::Request, status: u16, content_type: &str, body: Vec<u8>) {
    let mut response = tiny_http::Response::new(
        tiny_http::StatusCode(status),
        Vec::new(),
        Cursor::new(body.clone()),
        Some(body.len()),
        None,
    );
    for h in [
        header("Content-Type", content_type),
        header("Cache-Control", "no-store"),
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// Whether the request names this server as 127.0.0.1 or localhost, on its port.
fn addressed_to_us(request: &tiny_http::Request, port: u16) -> bool {
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return false;
    };
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

fn answer(shared: &Shared, request: tiny_http::Request) {
    use tiny_http::Method;
    if !matches!(request.method(), Method::Get | Method::Head) {
        return respond(request, 405, "text/plain; charset=utf-8", Vec::new());
    }
    if !addressed_to_us(&request, shared.port) {
        return respond(request, 403, "text/plain; charset=utf-8", Vec::new());
    }
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == EVENTS_PATH {
        let since = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|n| n.parse::<u64>().ok());
        let generation = wait_for_change(shared, since);
        return respond(
            request,
            200,
            "text/plain; charset=utf-8",
            generation.to_string().into_bytes(),
        );
    }
    let name = shared
        .page
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    if path == "/" || decoded.strip_prefix('/') == Some(name.as_str()) {
        let (generation, notice) = {
            let state = shared.state();
            (state.generation, state.notice.clone())
        };
        let page = match std::fs::read(&shared.page) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            // Nothing rendered yet (the first version has errors): a page that says so, and
            // reloads once there is one.
            Err(_) => placeholder(),
        };
        let body = served(&page, generation, notice.as_deref());
        return respond(request, 200, "text/html; charset=utf-8", body.into_bytes());
    }
    respond(request, 404, "text/plain; charset=utf-8", Vec::new())
}

/// The generation once it is other than `since` (at once if it already is), or after
/// [`POLL_WAIT`] whatever it is.
fn wait_for_change(shared: &Shared, since: Option<u64>) -> u64 {
    let deadline = Instant::now() + POLL_WAIT;
    let mut state = shared.state();
    while Some(state.generation) == since && !state.stopped {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        state = shared
            .changed
            .wait_timeout(state, left)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
    state.generation
}

/// The page shown before the first rendering.
fn placeholder() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>report watch</title></head>\n<body>\n<p>{}</p>\n</body>\n</html>\n",
        escape(crate::tr!("live-lang").as_str()),
        escape(&crate::tr!("live-not-yet")),
    )
}

/// `page` as served: the reload script and the notice, if any, before `</body>`.
pub fn served(page: &str, generation: u64, notice: Option<&str>) -> String {
    let mut added = String::new();
    if let Some(notice) = notice {
        added.push_str(&format!(
            "<div id=\"report-watch-notice\" style=\"position:fixed;top:0;left:0;right:0;z-index:99999;padding:.5em 1em;background:#fff3cd;color:#664d03;border-bottom:1px solid #ffe69c;font:14px/1.5 sans-serif\">{}</div>\n",
            escape(notice)
        ));
    }
    added.push_str(&format!(
        "<script id=\"{SCRIPT_ID}\">\n\
         (function () {{\n\
         \x20 var seen = {generation};\n\
         \x20 function poll() {{\n\
         \x20   fetch(\"{EVENTS_PATH}?since=\" + seen, {{ cache: \"no-store\" }})\n\
         \x20     .then(function (r) {{ return r.text(); }})\n\
         \x20     .then(function (t) {{ if (String(seen) !== t.trim()) {{ location.reload(); }} else {{ poll(); }} }},\n\
         \x20           function () {{ setTimeout(poll, 1000); }});\n\
         \x20 }}\n\
         \x20 poll();\n\
         }})();\n\
         </script>\n"
    ));
    match page.rfind("</body>") {
        Some(at) => format!("{}{added}{}", &page[..at], &page[at..]),
        None => format!("{page}{added}"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = "<html><body><p>x</p></body></html>";
        let served = served(page, 3, Some("a <b> notice"));
        let script = served.find(SCRIPT_ID).unwrap();
        assert!(served.find("<p>x</p>").unwrap() < script);
        assert!(script < served.find("</body>").unwrap());
        assert!(served.contains("var seen = 3;"), "{served}");
        assert!(served.contains("a &lt;b&gt; notice"), "{served}");
        assert!(served.ends_with("</body></html>"));
    }

    #[test]
    fn a_poll_answers_once_the_generation_moves_on() {
        let dir = tempfile::tempdir().unwrap();
        let live = Live::start(0, &dir.path().join("a.html")).unwrap();
        let shared = Arc::clone(&live.shared);
        let waiting = std::thread::spawn(move || wait_for_change(&shared, Some(0)));
        live.reload(None);
        assert_eq!(waiting.join().unwrap(), 1);
        assert_eq!(wait_for_change(&live.shared, Some(0)), 1);
    }
}
