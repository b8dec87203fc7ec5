//! `lvshen intake` as a user runs it, on the generated fixture set (`tests/intake/fixtures`,
//! made by `tests/intake/make_fixtures.py` from the 报告表 format with seeded defects) and on
//! hostile files (`tests/intake/hostile`): defect recall and false flags per half (p1–p3
//! development, p4–p6 test, never tuned on), the draft accepted by `lvshen check`, the
//! comparison with a filing, and a clear message for every hostile file.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lvshen"));
    cmd.env("NO_COLOR", "1");
    cmd
}

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/intake")
        .join(name)
}

fn intake(path: &Path, extra: &[&str]) -> Output {
    let library = dir("fixtures/library");
    bin()
        .args([
            "intake",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--as-of",
            "2026-11-30",
        ])
        .args(["--library", library.to_str().unwrap()])
        .args(extra)
        .output()
        .expect("binary runs")
}

fn json(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json report")
}

/// Rules that report on reading and the library, not on the document's content.
fn is_defect_rule(rule: &str) -> bool {
    !rule.starts_with("doc.reading.") && !rule.starts_with("doc.filing.")
}

#[test]
fn seeded_defects_are_found_and_clean_reports_are_not_flagged() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir("fixtures"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("docx" | "pdf")))
        .collect();
    files.sort();
    // (half, expected, found, false flags, clean files, clean files flagged)
    let mut table: Vec<(String, usize, usize, usize, usize, usize)> = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let truth: Value = serde_json::from_slice(
            &std::fs::read(path.with_file_name(format!("{stem}.truth.json"))).unwrap(),
        )
        .unwrap();
        let expected: BTreeSet<String> = truth["expected_rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        let report = json(&intake(path, &[]));
        let got: BTreeSet<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] != "info")
            .map(|f| f["rule_id"].as_str().unwrap().to_owned())
            .filter(|r| is_defect_rule(r))
            .collect();
        let found = expected.intersection(&got).count();
        let false_flags: Vec<&String> = got.difference(&expected).collect();
        if found < expected.len() || !false_flags.is_empty() {
            problems.push(format!(
                "{name}: missed {:?}, false {:?}",
                expected.difference(&got).collect::<Vec<_>>(),
                false_flags
            ));
        }
        let half = truth["half"].as_str().unwrap().to_owned();
        let clean = expected.is_empty();
        let row = match table.iter_mut().find(|r| r.0 == half) {
            Some(r) => r,
            None => {
                table.push((half.clone(), 0, 0, 0, 0, 0));
                table.last_mut().unwrap()
            }
        };
        row.1 += expected.len();
        row.2 += found;
        row.3 += false_flags.len();
        if clean {
            row.4 += 1;
            row.5 += usize::from(!false_flags.is_empty());
        }
    }
    println!("half  seeded  found  recall  false-flags  clean-files  clean-flagged");
    for (half, expected, found, false_flags, clean, flagged) in &table {
        println!(
            "{half:5} {expected:6} {found:6} {:6.1}% {false_flags:11} {clean:11} {flagged:13}",
            100.0 * *found as f64 / (*expected).max(1) as f64
        );
    }
    for p in &problems {
        println!("  {p}");
    }
    for (half, expected, found, false_flags, _, _) in &table {
        assert!(*expected > 0, "{half}: no seeded defects");
        assert!(
            *found as f64 >= 0.9 * *expected as f64,
            "{half}: recall {found}/{expected}"
        );
        assert!(*false_flags <= 1, "{half}: {false_flags} false flags");
    }
}

#[test]
fn the_draft_is_a_filing_that_check_reads() {
    let doc = dir("fixtures/p1_clean.docx");
    let tmp = std::env::temp_dir().join(format!("lvshen-intake-{}.json", std::process::id()));
    let report = json(&intake(&doc, &["--filing", tmp.to_str().unwrap()]));
    assert_eq!(report["format"], "报告表2021");
    assert_eq!(
        report["filing"]["project"]["applicant"],
        "绍兴华纺印染有限公司"
    );
    let prov = &report["provenance"]["project.applicant"];
    assert_eq!(prov["table"], 1, "{prov}");
    assert_eq!(prov["text"], "绍兴华纺印染有限公司");
    // The draft is read by `lvshen check` (it exits 0 or 1 with findings, never 2).
    let out = bin()
        .args([
            "check",
            tmp.to_str().unwrap(),
            "--as-of",
            "2026-11-30",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&tmp);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "check could not read the draft: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_document_is_compared_with_the_filed_form() {
    let doc = dir("fixtures/p1_clean.pdf");
    let first = json(&intake(&doc, &[]));
    // The applicant's form says 20 m for DA001 and another investment.
    let mut filed = first["filing"].clone();
    filed["air"]["outlets"][0]["height_m"] = serde_json::json!(20);
    filed["project"]["investment_total_wan_yuan"] = serde_json::json!(6500);
    let tmp = std::env::temp_dir().join(format!("lvshen-filed-{}.json", std::process::id()));
    std::fs::write(&tmp, serde_json::to_vec(&filed).unwrap()).unwrap();
    let report = json(&intake(&doc, &["--compare", tmp.to_str().unwrap()]));
    let _ = std::fs::remove_file(&tmp);
    let diffs = report["comparison"]["differences"].as_array().unwrap();
    let fields: BTreeSet<&str> = diffs.iter().map(|d| d["field"].as_str().unwrap()).collect();
    assert_eq!(
        fields,
        BTreeSet::from([
            "air.outlets[0].height_m",
            "project.investment_total_wan_yuan"
        ])
    );
    assert!(report["comparison"]["compared"].as_u64().unwrap() > 40);
    let mismatch = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "doc.filing.mismatch")
        .expect("mismatch finding");
    assert!(
        mismatch["location"]["page"].as_u64().is_some(),
        "{mismatch}"
    );
}

#[test]
fn hostile_files_end_with_a_clear_message() {
    let cases = [
        ("truncated.docx", "不是完整的 DOCX"),
        ("bomb.docx", "压缩炸弹"),
        ("entities.docx", "DOCTYPE"),
        ("tables10k.docx", "表格"),
        ("encrypted.pdf", "已加密"),
        ("scanned.pdf", "扫描件"),
        ("legacy.doc", "另存为 .docx"),
        ("not-a-report.pdf", "既不是 DOCX 也不是 PDF"),
    ];
    for (file, message) in cases {
        let out = bin()
            .args(["intake", dir("hostile").join(file).to_str().unwrap()])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(message), "{file}: {stderr}");
        assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    }
    // 500 pages are read (no report format in them: said so, not an error).
    let out = bin()
        .args([
            "intake",
            dir("hostile/pages500.pdf").to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report = json(&out);
    assert_eq!(report["pages"], 500);
    assert_eq!(report["format"], "未识别");
}
