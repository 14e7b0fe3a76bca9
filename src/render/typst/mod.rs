//! Typst, in process: `typeset` lays the document out into pages with the template (the
//! document and the layout numbers go in as data, never as source), and `pdf` exports those
//! pages. Other exports of laid-out pages (OFD, images) start from `typeset` too.

pub mod pdf;
pub mod typeset;
mod world;
