//! `report schema`: the JSON Schema of the report YAML, for editors' completion and checking.

use super::exit;
use crate::model::Report;

/// Prints the schema; returns the exit status.
pub fn run() -> u8 {
    let schema = schemars::schema_for!(Report);
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => {
            crate::out!("{text}");
            exit::OK
        }
        Err(err) => {
            eprintln!("error: cannot print the schema: {err}");
            exit::COULD_NOT_RUN
        }
    }
}
