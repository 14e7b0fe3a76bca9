//! `report watch FILE`: renders the report as `report render` does, then again on every
//! save, until Ctrl-C. A version with errors is not rendered, so the last good outputs stay;
//! with `--format html` the page is served on 127.0.0.1 and reloads itself (see `live`).
//!
//! The folder holding the file is watched, not the file: editors save by writing a
//! temporary and renaming it over the file (vim, VS Code, WPS), which replaces the file a
//! watch on it would follow. The folder of last year's report and the template folder are
//! watched too.

use super::one::{Job, Rendered, render_file};
use super::{Outcome, exit, print_error, session};
use crate::cli::WatchArgs;
use crate::error::Error;
use crate::live::Live;
use crate::pipeline::{self, Gate, LastYear, Neighbours};
use crate::render::{Format, RenderOptions, Renderer};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// How long the folder must be quiet before a change is acted on: an editor's save (a
/// temporary written, renamed over the file) is then one change, not three.
const SETTLE: Duration = Duration::from_millis(200);

/// What wakes the loop.
enum Wake {
    Files(DebounceEventResult),
    Stop,
}

/// What changed.
#[derive(Default)]
struct Change {
    report: bool,
    template: bool,
}

/// The files whose changes call for a new run, by absolute path.
struct Watched {
    /// The report and last year's report.
    files: Vec<PathBuf>,
    /// The template folder (anything in it).
    template: Option<PathBuf>,
}

impl Watched {
    fn classify(&self, change: &mut Change, paths: &[PathBuf]) {
        for path in paths {
            if self.files.iter().any(|f| f == path) {
                change.report = true;
            }
            if self.template.as_ref().is_some_and(|t| path.starts_with(t)) {
                change.template = true;
            }
        }
    }
}

pub fn run(args: &WatchArgs) -> Outcome {
    let file = args.file.as_path();
    if crate::files::is_stdin(file) {
        return Err(Error::Usage(crate::tr!("watch-stdin")));
    }
    let Some(name) = file.file_name() else {
        return Err(Error::Usage(crate::tr!("watch-not-a-file", file = file)));
    };
    let options = RenderOptions::from(&args.output);
    let dir = args.output_dir.as_deref();
    pipeline::prepare_outputs(std::slice::from_ref(&args.file), dir, &options.formats)?;
    let folder = absolute_folder(file)?;
    let previous = match &args.previous.previous {
        Some(p) => Some(absolute_folder(p)?.join(p.file_name().unwrap_or_default())),
        None => None,
    };
    let template = match &args.template.template {
        Some(t) => Some(std::fs::canonicalize(t).map_err(|source| Error::Read {
            path: t.clone(),
            source,
        })?),
        None => None,
    };

    let (tx, rx) = channel();
    stop_on_signals(tx.clone(), file)?;
    let events = tx.clone();
    let mut debouncer = new_debouncer(SETTLE, None, move |result| {
        let _ = events.send(Wake::Files(result));
    })
    .map_err(|e| watch_error(&folder, &e))?;
    let mut folders = vec![(folder.clone(), RecursiveMode::NonRecursive)];
    if let Some(parent) = previous.as_deref().and_then(Path::parent) {
        folders.push((parent.to_owned(), RecursiveMode::NonRecursive));
    }
    if let Some(t) = &template {
        folders.push((t.clone(), RecursiveMode::Recursive));
    }
    folders.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    for (path, mode) in &folders {
        debouncer.watch(path, *mode).map_err(|e| watch_error(path, &e))?;
    }
    let mut watched = Watched {
        files: [Some(folder.join(name)), previous.clone()]
            .into_iter()
            .flatten()
            .collect(),
        template,
    };

    let live = if options.formats.contains(&Format::Html) {
        let page = pipeline::output_path(file, dir, Format::Html);
        Some(Live::start(args.port.unwrap_or(0), &page)?)
    } else {
        None
    };
    let screen = Screen::new(file, live.as_ref().map(Live::url));
    if !screen.terminal {
        screen.footer();
    }
    let gate = Gate {
        deny_warnings: args.strictness.deny_warnings,
        allow_errors: false,
    };
    let mut written_before = false;
    'session: loop {
        // The template and fonts, loaded again when the template folder changes.
        let session = match session(&args.template, &args.fonts) {
            Ok(session) => session,
            Err(err) => match stuck(&screen, live.as_ref(), &err, &rx, &watched) {
                Some(_) => continue 'session,
                None => break 'session,
            },
        };
        let renderer = match Renderer::new(&session.template, &session.fonts, &options) {
            Ok(renderer) => renderer,
            Err(err) => match stuck(&screen, live.as_ref(), &err, &rx, &watched) {
                Some(_) => continue 'session,
                None => break 'session,
            },
        };
        let job = Job {
            session: &session,
            renderer: &renderer,
            dir,
            gate,
        };
        loop {
            screen.begin();
            // Read afresh each run: last year's report may have been saved in the meantime.
            let neighbours = Neighbours::default();
            let last_year = LastYear::from(args.previous.previous.as_deref(), &neighbours);
            let run = render_file(&job, file, last_year);
            if previous.is_none() {
                // The report beside the file that served as last year's, watched from now on.
                let found = run
                    .checked
                    .report
                    .as_ref()
                    .and_then(|report| neighbours.previous_file(file, report))
                    .and_then(|p| p.file_name().map(|n| folder.join(n)));
                watched.files.truncate(1);
                watched.files.extend(found);
            }
            let time = now();
            let notice = match &run.rendered {
                Rendered::Written(paths) => {
                    written_before = true;
                    let names: Vec<String> = paths
                        .iter()
                        .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned())
                        .collect();
                    let files = names.join(&crate::tr!("watch-list-separator"));
                    screen.status(&crate::tr!("watch-rendered", time = time, files = files), false);
                    None
                }
                Rendered::Refused if written_before => {
                    screen.status(&crate::tr!("watch-kept", time = time), true);
                    Some(crate::tr!("live-notice-errors"))
                }
                Rendered::Refused => {
                    screen.status(&crate::tr!("watch-nothing-yet", time = time), true);
                    Some(crate::tr!("live-notice-errors"))
                }
                Rendered::Failed => {
                    screen.status(&crate::tr!("watch-failed", time = time), true);
                    Some(crate::tr!("live-notice-failed"))
                }
            };
            if let Some(live) = &live {
                live.reload(notice);
            }
            if screen.terminal {
                screen.footer();
            }
            match wait(&rx, &watched) {
                None => break 'session,
                Some(change) if change.template => continue 'session,
                Some(_) => {}
            }
        }
    }
    crate::progress!("{}", crate::tr!("watch-stopped", file = file));
    // The server's threads end with it; the debouncer stops watching when dropped.
    drop(live);
    drop(debouncer);
    Ok(exit::OK)
}

/// The template or the fonts could not be loaded: says so, and waits for a change.
fn stuck(
    screen: &Screen,
    live: Option<&Live>,
    err: &Error,
    rx: &Receiver<Wake>,
    watched: &Watched,
) -> Option<Change> {
    screen.begin();
    print_error(err);
    screen.status(&crate::tr!("watch-template-error", time = now()), true);
    if let Some(live) = live {
        live.reload(Some(crate::tr!("live-notice-failed")));
    }
    if screen.terminal {
        screen.footer();
    }
    wait(rx, watched)
}

/// The absolute folder holding `file`, which must exist.
fn absolute_folder(file: &Path) -> Result<PathBuf, Error> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(folder).map_err(|source| Error::Read {
        path: folder.to_owned(),
        source,
    })
}

fn watch_error(path: &Path, err: &notify::Error) -> Error {
    Error::Watch {
        path: path.to_owned(),
        why: err.to_string(),
    }
}

/// Ctrl-C, SIGTERM and SIGHUP end the watch once the run under way has written what it
/// writes, so no temporary is left; a second one ends it at once.
fn stop_on_signals(tx: Sender<Wake>, file: &Path) -> Result<(), Error> {
    let mut signals = 0u8;
    ctrlc::set_handler(move || {
        signals = signals.saturating_add(1);
        if signals > 1 {
            std::process::exit(130);
        }
        let _ = tx.send(Wake::Stop);
    })
    .map_err(|e| Error::Watch {
        path: file.to_owned(),
        why: e.to_string(),
    })
}

/// Waits for a change that calls for a new run; `None` when the watch is to end.
fn wait(rx: &Receiver<Wake>, watched: &Watched) -> Option<Change> {
    let mut change = Change::default();
    loop {
        let wake = if change.report || change.template {
            // Take what else has come in, then run once for all of it.
            match rx.try_recv() {
                Ok(wake) => wake,
                Err(_) => return Some(change),
            }
        } else {
            rx.recv().ok()?
        };
        match wake {
            Wake::Stop => return None,
            Wake::Files(Ok(events)) => {
                for event in events {
                    if counts(&event.kind) {
                        watched.classify(&mut change, &event.paths);
                    }
                }
            }
            Wake::Files(Err(errors)) => {
                for e in errors {
                    let path = e.paths.first().cloned().unwrap_or_default();
                    print_error(&watch_error(&path, &e));
                }
            }
        }
    }
}

/// Whether an event may have changed a file's contents: not a read, not a change of
/// permissions or times.
fn counts(kind: &EventKind) -> bool {
    use notify::event::ModifyKind;
    match kind {
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// The local time of a run, as its status line shows it.
fn now() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

/// Where each run is shown: on a terminal the screen is cleared and drawn again; in a pipe
/// or a file each run follows the one before after a separator line, without escape codes.
struct Screen<'a> {
    terminal: bool,
    file: &'a Path,
    url: Option<String>,
}

impl<'a> Screen<'a> {
    fn new(file: &'a Path, url: Option<String>) -> Screen<'a> {
        use std::io::IsTerminal;
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Screen {
            terminal: std::io::stderr().is_terminal() && !dumb,
            file,
            url,
        }
    }

    /// Starts a run's output.
    fn begin(&self) {
        if self.terminal {
            // Cursor home, then clear the screen.
            use std::io::Write as _;
            let mut err = std::io::stderr();
            let _ = write!(err, "\x1b[H\x1b[2J");
            let _ = err.flush();
        } else {
            crate::note!(
                "{}",
                crate::tr!("watch-separator", time = now(), file = self.file)
            );
        }
    }

    /// The run's status line: an error's always, a success's unless `--quiet`.
    fn status(&self, line: &str, error: bool) {
        if error {
            crate::note!("{line}");
        } else {
            crate::progress!("{line}");
        }
    }

    /// Where to look and how to stop: under each run on a terminal, once at the start
    /// otherwise.
    fn footer(&self) {
        if let Some(url) = &self.url {
            crate::note!("{}", crate::tr!("watch-open", url = url.as_str()));
        }
        crate::progress!("{}", crate::tr!("watch-watching", file = self.file));
    }
}
