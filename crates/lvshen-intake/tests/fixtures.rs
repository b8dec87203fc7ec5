//! The generated fixture set (`tests/intake/fixtures`, made by `tests/intake/make_fixtures.py`):
//! extraction accuracy field by field against the truth files, for the development half
//! (p1–p3) and the test half (p4–p6) separately, DOCX and PDF.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/intake/fixtures")
}

fn same(expected: &Value, got: Option<&Value>) -> bool {
    match (expected, got) {
        (Value::Number(e), Some(Value::Number(g))) => {
            let (e, g) = (
                e.as_f64().unwrap_or(f64::NAN),
                g.as_f64().unwrap_or(f64::NAN),
            );
            (e - g).abs() <= 1e-5_f64.max(e.abs() * 1e-6)
        }
        (e, Some(g)) => e == g,
        (_, None) => false,
    }
}

#[derive(Debug)]
pub struct Score {
    pub right: usize,
    pub total: usize,
    pub misses: Vec<String>,
}

pub fn score(path: &Path) -> Score {
    let bytes = std::fs::read(path).expect("fixture");
    let doc = lvshen_intake::read_bytes(&path.display().to_string(), &bytes).expect("readable");
    let structure = lvshen_intake::structure::analyse(&doc);
    let draft = lvshen_intake::extract::extract(&doc, &structure);
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    let truth: Value = serde_json::from_slice(
        &std::fs::read(path.with_file_name(format!("{stem}.truth.json"))).expect("truth"),
    )
    .expect("truth json");
    let fields = truth["fields"].as_object().expect("fields");
    let mut s = Score {
        right: 0,
        total: 0,
        misses: Vec::new(),
    };
    for (key, expected) in fields {
        s.total += 1;
        let got = lvshen_intake::extract::get_path(&draft.filing, key);
        if same(expected, got) {
            s.right += 1;
        } else {
            s.misses
                .push(format!("{key}: expected {expected}, got {got:?}"));
        }
    }
    s
}

#[test]
fn extraction_accuracy_by_half_and_format() {
    let dir = fixtures();
    let mut rows: Vec<(String, String, usize, usize)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("docx" | "pdf")))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let half = if ["p1", "p2", "p3"].iter().any(|p| name.starts_with(p)) {
            "dev"
        } else {
            "test"
        };
        let kind = path.extension().unwrap().to_string_lossy().to_string();
        let s = score(&path);
        for miss in &s.misses {
            println!("  {name}: {miss}");
        }
        rows.push((half.to_owned(), kind, s.right, s.total));
    }
    println!("half  format  fields right / total  accuracy");
    for half in ["dev", "test"] {
        for kind in ["docx", "pdf"] {
            let (r, t) = rows
                .iter()
                .filter(|x| x.0 == half && x.1 == kind)
                .fold((0, 0), |a, x| (a.0 + x.2, a.1 + x.3));
            println!(
                "{half:5} {kind:6}  {r:5} / {t:5}  {:.1} %",
                100.0 * r as f64 / t.max(1) as f64
            );
            assert!(t > 0);
            assert!(r as f64 >= 0.9 * t as f64, "{half} {kind}: {r}/{t}");
        }
    }
}

fn read(path: &Path) -> lvshen_intake::Document {
    let bytes = std::fs::read(path).expect("fixture");
    lvshen_intake::read_bytes(&path.display().to_string(), &bytes).expect("readable")
}

#[test]
fn the_three_formats_are_told_apart_and_a_table_of_contents_is_not_a_heading() {
    let dir = fixtures().join("../formats");
    let old = read(&dir.join("report_table_1999.docx"));
    let s = lvshen_intake::structure::analyse(&old);
    assert_eq!(
        s.format,
        lvshen_intake::structure::Format::ReportTable1999,
        "{}",
        s.evidence
    );
    let draft = lvshen_intake::extract::extract(&old, &s);
    let get = |k: &str| lvshen_intake::extract::get_path(&draft.filing, k).cloned();
    assert_eq!(
        get("project.industry_code"),
        Some(serde_json::json!("C1713"))
    );
    assert_eq!(
        get("project.applicant"),
        Some(serde_json::json!("绍兴华纺印染有限公司"))
    );
    assert_eq!(
        get("project.investment_env_wan_yuan"),
        Some(serde_json::json!(720.0))
    );

    let book = read(&dir.join("report_book.docx"));
    let s = lvshen_intake::structure::analyse(&book);
    assert_eq!(
        s.format,
        lvshen_intake::structure::Format::ReportBook,
        "{}",
        s.evidence
    );
    // Each chapter starts at its heading, not at its 目录 line.
    let first = s.sections.iter().find(|x| x.key == "概述").expect("概述");
    match &book.blocks[first.start] {
        lvshen_intake::Block::Paragraph(p) => assert_eq!(p.heading, Some(1), "{}", p.text),
        other => panic!("{other:?}"),
    }

    let other = read(&dir.join("not_an_eia.docx"));
    let s = lvshen_intake::structure::analyse(&other);
    assert_eq!(s.format, lvshen_intake::structure::Format::Unknown);
    assert!(s.evidence.contains("未找到足够的章节标题"));

    for name in ["p1_clean.docx", "p4_clean.pdf"] {
        let doc = read(&fixtures().join(name));
        let s = lvshen_intake::structure::analyse(&doc);
        assert_eq!(
            s.format,
            lvshen_intake::structure::Format::ReportTable2021,
            "{name}"
        );
        let keys: Vec<&str> = s.sections.iter().map(|x| x.key.as_str()).collect();
        assert_eq!(
            keys,
            ["一", "二", "三", "四", "五", "六", "附表", "附件"],
            "{name}"
        );
    }
}
