//! `report`: a government information-disclosure annual report, from YAML to official-format
//! PDF and DOCX. The pipeline reads top to bottom, one module a stage:
//! `load` (YAML → `formats::Report`) → `compose` (→ `document::Document`, placed by
//! `placement`) → `check` (the reviewer's rules) → `render` (one renderer per format) →
//! `write` (whole or not at all). `pipeline` runs it for one report, `batch` for many, and
//! `live` serves the page `report watch` renders; `cli` and `cmd` are the command line over
//! it, and nothing below them uses them.

pub mod batch;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod compose;
pub mod config;
pub mod diag;
pub mod document;
pub mod error;
pub mod files;
pub mod fonts;
pub mod formats;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod live;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod placement;
pub mod render;
pub mod template;
pub mod text;
pub mod write;
