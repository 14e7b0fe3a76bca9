//! `report completions SHELL` and `report man`: the shell completion scripts and the manual
//! pages, made from the same localized command as `--help` (`cli::command()`), so they follow
//! `--lang`.

use super::{Outcome, exit};
use crate::cli::{CompletionsArgs, ManArgs};
use crate::error::Error;
use std::io::Write as _;

/// The program's name, as the scripts complete it and the pages are named.
const BIN: &str = "report";

pub fn completions(args: &CompletionsArgs) -> Outcome {
    let mut cmd = crate::cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, BIN, &mut script);
    print_raw(&script)
}

pub fn man(args: &ManArgs) -> Outcome {
    let pages = man_pages()?;
    match &args.output_dir {
        None => {
            // The top page alone: `report man | man -l -`.
            let (_, top) = pages.last().ok_or_else(|| Error::Bug("no manual page".into()))?;
            print_raw(top)
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            let paths: Vec<_> = pages.iter().map(|(name, _)| dir.join(name)).collect();
            let outputs: Vec<(&std::path::Path, &[u8])> = paths
                .iter()
                .zip(&pages)
                .map(|(path, (_, page))| (path.as_path(), page.as_slice()))
                .collect();
            crate::write::write_all_atomic(&outputs)?;
            for path in &paths {
                crate::result!("{}", crate::tr!("man-written", path = path.as_path()));
            }
            Ok(exit::OK)
        }
    }
}

/// Every manual page, `(file name, roff)`: one per command, `report.1` last.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>, Error> {
    fn walk(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), Error> {
        for sub in cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
            .cloned()
        {
            walk(sub, pages)?;
        }
        let man = clap_mangen::Man::new(cmd);
        let mut page = Vec::new();
        man.render(&mut page).map_err(|e| Error::Bug(e.to_string()))?;
        pages.push((man.get_filename(), section_headings(&page)));
        Ok(())
    }
    let mut cmd = crate::cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    walk(cmd, &mut pages)?;
    Ok(pages)
}

/// The page with clap_mangen's section headings (`.SH NAME`, `.SH OPTIONS` …), which it
/// writes in English, in the run's language.
fn section_headings(page: &[u8]) -> Vec<u8> {
    const SECTIONS: [(&str, &str); 7] = [
        ("NAME", "man-section-name"),
        ("SYNOPSIS", "man-section-synopsis"),
        ("DESCRIPTION", "man-section-description"),
        ("OPTIONS", "man-section-options"),
        ("SUBCOMMANDS", "man-section-subcommands"),
        ("EXTRA", "man-section-extra"),
        ("VERSION", "man-section-version"),
    ];
    let text = String::from_utf8_lossy(page);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let heading = line.strip_prefix(".SH ").map(str::trim_end);
        match heading.and_then(|h| SECTIONS.iter().find(|(name, _)| *name == h)) {
            Some((_, id)) => {
                out.push_str(".SH ");
                out.push_str(&crate::i18n::text(id, &[]));
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out.into_bytes()
}

/// Writes generated text to stdout exactly (a script or a page is for a file or a pipe).
fn print_raw(bytes: &[u8]) -> Outcome {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(exit::OK),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(exit::OK),
        Err(e) => Err(Error::Write {
            path: "-".into(),
            source: e,
        }),
    }
}
