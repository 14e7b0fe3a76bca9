//! Renderers: each turns the composed document into the bytes of one output format.

pub mod docx;
pub mod pdf;
