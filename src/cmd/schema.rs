//! `report schema`: the JSON Schema of the report YAML, for editors' completion and checking.

use super::{Outcome, exit};
use crate::formats::Report;

pub fn run() -> Outcome {
    let schema = schemars::schema_for!(Report);
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|e| crate::error::Error::Bug(format!("cannot print the schema: {e}")))?;
    crate::out!("{text}");
    Ok(exit::OK)
}
