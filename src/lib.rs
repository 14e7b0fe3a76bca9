//! `report`: a government information-disclosure annual report, from YAML to official-format
//! PDF. The pipeline reads top to bottom: load (model) → compose (document) → layout
//! (template numbers) → render (pdf) → write.

pub mod batch;
pub mod cli;
pub mod cmd;
pub mod diag;
pub mod document;
pub mod error;
pub mod fonts;
pub mod layout;
pub mod model;
pub mod render;
pub mod tables2021;
pub mod template;
pub mod write;
