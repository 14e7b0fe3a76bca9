//! `report check`: each file through load → compose → check; the findings printed for a
//! person (stderr) or a script (JSON lines on stdout).

use super::{Outcome, exit, print_checked, session, status};
use crate::cli::CheckArgs;
use crate::pipeline::{LastYear, Neighbours, check_file};

pub fn run(args: &CheckArgs) -> Outcome {
    let session = session(&args.template, &args.fonts)?;
    let neighbours = Neighbours::default();
    let mut worst = exit::OK;
    for file in &args.files {
        let checked = check_file(
            &session,
            file,
            LastYear::from(args.previous.previous.as_deref(), &neighbours),
        );
        print_checked(&checked, args.format);
        super::detail_checked(file, &checked);
        worst = worst.max(status(&checked, args.strictness.deny_warnings));
    }
    Ok(worst)
}
