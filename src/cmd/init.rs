//! `report init`: a new report to fill in: the conventional preamble, the parts and, for the
//! 2021 format, every table zero-filled, so the file checks clean from the start.

use super::exit;
use crate::cli::{InitArgs, InitFormat};
use crate::diag;
use crate::error::Error;
use crate::tables2021::PART_TITLES;
use crate::write::write_atomic;

/// Runs the command; returns the exit status.
pub fn run(args: &InitArgs) -> u8 {
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| format!("report-{}.yaml", args.year).into());
    if path.exists() && !args.force {
        let err = Error::Usage(format!(
            "{} exists; choose another name with -o, or --force to replace it",
            path.display()
        ));
        eprintln!("{}", diag::render(&err));
        return exit::COULD_NOT_RUN;
    }
    let text = match args.format {
        InitFormat::Standard2021 => standard_2021(&args.issuer, args.year),
        InitFormat::FreeForm => free_form(&args.issuer, args.year),
    };
    match write_atomic(&path, text.as_bytes()) {
        Ok(()) => {
            crate::out!("{}", path.display());
            exit::OK
        }
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            exit::COULD_NOT_RUN
        }
    }
}

/// A YAML double-quoted string: the issuer is typed by the user.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn preamble(issuer: &str, year: u16) -> String {
    format!(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据统计期限为{year}年1月1日至{year}年12月31日。本报告电子版可在{issuer}门户网站下载。如对本报告有疑问，请与{issuer}办公室联系。"
    )
}

fn free_form(issuer: &str, year: u16) -> String {
    format!(
        "# yaml-language-server: $schema=report.schema.json\n# {issuer}{year}年政府信息公开工作年度报告. Numbers 一、（一） are generated; write only the text.\nformat: free_form\nissuer: {}\nyear: {year}\npreamble:\n  - {}\nparts:\n  - heading: 主动公开政府信息情况\n    sections:\n      - heading: 主动公开。\n        text: 全年主动公开政府信息0条。\n  - heading: 依申请公开政府信息情况\n    body:\n      - 全年收到政府信息公开申请0件。\n",
        quoted(issuer),
        quoted(&preamble(issuer, year)),
    )
}

fn standard_2021(issuer: &str, year: u16) -> String {
    let zero = "[0, 0, 0, 0, 0, 0, 0]";
    let row = |key: &str, indent: usize| format!("{}{key}: {zero}\n", " ".repeat(indent));
    let mut s = format!(
        "# yaml-language-server: $schema=report.schema.json\n# {issuer}{year}年政府信息公开工作年度报告 in the national format of 国办公开办函〔2021〕30号.\n# The six parts are printed with their titles ({}); write their text.\n# Table rows: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]; 总计 may be left out.\nformat: standard_2021\nissuer: {}\nyear: {year}\npreamble:\n  - {}\nparts:\n",
        PART_TITLES.join("、"),
        quoted(issuer),
        quoted(&preamble(issuer, year)),
    );
    let bodies = [
        "本年度政府信息公开工作总体情况。".to_owned(),
        format!("{year}年主动公开政府信息情况如下表。"),
        format!("{year}年收到和处理政府信息公开申请情况如下表。"),
        format!("{year}年政府信息公开行政复议、行政诉讼情况如下表。"),
        "本年度政府信息公开工作存在的主要问题及改进情况。".to_owned(),
        "本年度未收取信息处理费。".to_owned(),
    ];
    for body in bodies {
        s.push_str(&format!("  - body:\n      - {body}\n"));
    }
    s.push_str("tables:\n  active:\n    rules: {issued: 0, repealed: 0, in_force: 0}\n    normative_documents: {issued: 0, repealed: 0, in_force: 0}\n    licensing: 0\n    penalties: 0\n    enforcement: 0\n    fees: \"0\"\n  applications:\n");
    for key in ["received", "carried_over", "disclosed", "partly_disclosed"] {
        s.push_str(&row(key, 4));
    }
    let groups: [(&str, &[&str]); 4] = [
        (
            "withheld",
            &[
                "state_secret",
                "prohibited_by_law",
                "three_safeties",
                "third_party",
                "internal_affairs",
                "process_information",
                "enforcement_files",
                "inquiry_matters",
            ],
        ),
        ("unavailable", &["not_held", "needs_creation", "still_unclear"]),
        (
            "not_processed",
            &[
                "complaints",
                "repeated",
                "publications",
                "excessive",
                "confirmation",
            ],
        ),
        ("other_handling", &["no_correction", "fee_unpaid", "other"]),
    ];
    for (group, leaves) in groups {
        s.push_str(&format!("    {group}:\n"));
        for leaf in leaves {
            s.push_str(&row(leaf, 6));
        }
    }
    s.push_str(&row("total", 4));
    s.push_str(&row("carried_forward", 4));
    s.push_str("  reviews:\n");
    for key in [
        "reconsideration",
        "litigation_direct",
        "litigation_after_reconsideration",
    ] {
        s.push_str(&format!(
            "    {key}: {{upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}}\n"
        ));
    }
    s
}
