//! The law in force on the date of review (issue 13): no finding, siting reason or report of
//! a review dated today cites a document that is repealed or replaced on that date, and the
//! same filing reviewed before 2026-08-15 cites the law then in force.

use std::path::{Path, PathBuf};
use std::process::Command;

use lvshen_law::{Date, LawBook};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lvshen"));
    cmd.env("NO_COLOR", "1").env_remove("LVSHEN_STANDARDS");
    cmd
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/filings");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with("invalid_"))
        })
        .collect();
    files.sort();
    files
}

fn check_json(file: &Path, as_of: &str) -> serde_json::Value {
    let out = bin()
        .args([
            "check",
            file.to_str().expect("path"),
            "-f",
            "json",
            "--as-of",
            as_of,
        ])
        .output()
        .expect("binary runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json report")
}

/// Every (doc, clause) a report cites.
fn citations(report: &serde_json::Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .flat_map(|f| f["citations"].as_array().expect("citations").clone())
        .map(|c| {
            (
                c["doc"].as_str().expect("doc").to_owned(),
                c["clause"].as_str().expect("clause").to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_review_dated_today_cites_no_repealed_or_replaced_document() {
    let book = LawBook::builtin();
    let today = "2026-11-30";
    let date = Date::parse(today).expect("date");
    let mut code_cited = 0;
    for file in fixtures() {
        let report = check_json(&file, today);
        for (doc, clause) in citations(&report) {
            let status = book.status(&doc, date);
            assert!(
                status.is_current(),
                "{}: cites {doc} {clause}, which is {} on {today}",
                file.display(),
                status.label_zh()
            );
            assert!(
                !clause.contains("待核实") || !clause.contains("继承条款"),
                "{doc} {clause}: successor missing from the table"
            );
            code_cited += usize::from(doc == book.code);
        }
        for d in report["cited_documents"]
            .as_array()
            .expect("cited_documents")
        {
            assert_eq!(d["status"], "现行", "{}: {d}", file.display());
        }
        assert!(
            report["law_basis"]
                .as_str()
                .expect("law_basis")
                .contains("生态环境法典"),
            "{}",
            file.display()
        );
    }
    assert!(code_cited >= 10, "the Code is cited {code_cited} times");
}

#[test]
fn the_same_filing_before_the_code_cites_the_law_then_in_force() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/filings/err_sensitive_areas.json");
    let before = citations(&check_json(&file, "2026-08-14"));
    let after = citations(&check_json(&file, "2026-08-15"));
    let has = |c: &[(String, String)], doc: &str, clause: &str| {
        c.iter().any(|(d, k)| d == doc && k == clause)
    };
    // A 二级 protection zone (the receptor's name says so): 第六十六条, the Code's 第三百二十条.
    assert!(
        has(&before, "中华人民共和国水污染防治法", "第六十六条"),
        "{before:?}"
    );
    assert!(
        !before.iter().any(|(d, _)| d.contains("生态环境法典")),
        "{before:?}"
    );
    assert!(
        has(&after, "中华人民共和国生态环境法典", "第三百二十条"),
        "{after:?}"
    );
    assert!(
        !after.iter().any(|(d, _)| d.contains("水污染防治法")),
        "{after:?}"
    );
}

#[test]
fn the_report_names_the_law_set_and_the_legal_category_follows_the_code() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/filings/err_document_type_table.json");
    let text = |as_of: &str| {
        let out = bin()
            .args(["check", file.to_str().expect("path"), "--as-of", as_of])
            .output()
            .expect("runs");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let now = text("2026-11-30");
    assert!(
        now.contains("依据 2026-08-15 起施行的《中华人民共和国生态环境法典》"),
        "{now}"
    );
    assert!(now.contains("生态环境影响报告书"), "{now}");
    let then = text("2026-08-14");
    assert!(!then.contains("生态环境影响报告"), "{then}");
    let out = bin()
        .args([
            "check",
            file.to_str().expect("path"),
            "-f",
            "html",
            "--as-of",
            "2026-11-30",
        ])
        .output()
        .expect("runs");
    let html = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        html.contains("引用文件及其效力"),
        "no document status table"
    );
}

#[test]
fn siting_reasons_cite_the_law_in_force() {
    let run = |as_of: &str| {
        // Inside a water-source protection zone of the shipped (illustrative) layers.
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/filings/err_sensitive_areas.json");
        let out = bin()
            .args([
                "siting",
                file.to_str().expect("path"),
                "--format",
                "json",
                "--no-argument",
                "--as-of",
                as_of,
            ])
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v["analysis"]["reasons"]
            .as_array()
            .or_else(|| v["reasons"].as_array())
            .expect("reasons")
            .iter()
            .flat_map(|r| r["citations"].as_array().expect("citations").clone())
            .map(|c| c["doc"].as_str().expect("doc").to_owned())
            .collect::<Vec<_>>()
    };
    let book = LawBook::builtin();
    for doc in run("2026-11-30") {
        assert!(
            book.status(&doc, Date::parse("2026-11-30").expect("d"))
                .is_current(),
            "{doc}"
        );
    }
}
