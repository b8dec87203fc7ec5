//! The knowledge base as a user drives it: `lvshen ingest`, `lvshen search`, the retrieval
//! evaluation, the real reference texts (when `../shared` is present), and a corpus of
//! corrupt PDFs that must give errors, never a panic or a hang.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lvshen"));
    cmd.env("NO_COLOR", "1")
        .env_remove("LVSHEN_DATA_DIR")
        .env_remove("LVSHEN_STANDARDS");
    cmd
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn reference() -> Option<PathBuf> {
    let dir = workspace().join("../shared/reference");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} not present (reference texts are only in CI and developer checkouts)",
            dir.display()
        );
        None
    }
}

fn search_json(data: &Path, query: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "search",
        query,
        "-f",
        "json",
        "--top",
        "10",
        "--data-dir",
        data.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("json")
}

#[test]
fn first_search_indexes_the_shipped_corpus() {
    let data = tempfile::tempdir().unwrap();
    let hits = search_json(data.path(), "排污许可证有效期", &[]);
    let first = &hits["hits"][0];
    assert_eq!(first["doc"], "排污许可管理条例");
    assert_eq!(first["clause"], "第十四条");
    for key in [
        "doc",
        "doc_number",
        "clause",
        "text",
        "score",
        "source",
        "snippet",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert!(
        first["snippet"].as_str().unwrap().contains('【'),
        "highlighted snippet"
    );
}

#[test]
fn type_filter_and_exact_clause_lookup() {
    let data = tempfile::tempdir().unwrap();
    let hits = search_json(data.path(), "定型机废气", &["--type", "approval"]);
    let hits = hits["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["doc_type"] == "approval"));
    let exact = search_json(data.path(), "排污许可管理条例 第二十条", &[]);
    assert_eq!(exact["hits"][0]["clause"], "第二十条");
    let bad = run(&[
        "search",
        "x",
        "--type",
        "novel",
        "--data-dir",
        data.path().to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("未知的文档类型"));
    let empty = run(&["search", "  ", "--data-dir", data.path().to_str().unwrap()]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("检索内容为空"));
    let long = "印染废水".repeat(2_000);
    let hits = search_json(data.path(), &long, &[]);
    assert!(
        !hits["hits"].as_array().unwrap().is_empty(),
        "a huge query is cut, not refused"
    );
}

#[test]
fn ingestion_is_incremental_and_replaces_changed_documents() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let file = docs.path().join("会议纪要.md");
    std::fs::write(&file, "# 会议纪要\n## 一、结论\n同意甲项目采用蓝色方案。\n").unwrap();
    let d = data.path().to_str().unwrap();
    let out = run(&["ingest", docs.path().to_str().unwrap(), "--data-dir", d]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("已索引"), "{}", stdout(&out));
    let out = run(&["ingest", docs.path().to_str().unwrap(), "--data-dir", d]);
    assert!(stdout(&out).contains("未变化"), "{}", stdout(&out));
    std::fs::write(&file, "# 会议纪要\n## 一、结论\n同意甲项目采用绿色方案。\n").unwrap();
    let out = run(&["ingest", docs.path().to_str().unwrap(), "--data-dir", d]);
    assert!(stdout(&out).contains("已索引"));
    let hits = search_json(data.path(), "甲项目 方案", &[]);
    let texts: Vec<&str> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["text"].as_str())
        .collect();
    assert!(texts.iter().any(|t| t.contains("绿色方案")));
    assert!(
        !texts.iter().any(|t| t.contains("蓝色方案")),
        "old version removed"
    );
    std::fs::write(docs.path().join("notes.docx"), b"PK").unwrap();
    let out = run(&["ingest", docs.path().to_str().unwrap(), "--data-dir", d]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "unsupported files are skipped, not failures"
    );
    assert!(stdout(&out).contains("跳过"));
    // A copy of an indexed file under another name is not indexed twice.
    let copies = tempfile::tempdir().unwrap();
    std::fs::copy(&file, copies.path().join("会议纪要副本.md")).unwrap();
    let out = run(&["ingest", copies.path().to_str().unwrap(), "--data-dir", d]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("内容相同，未重复索引"),
        "{}",
        stdout(&out)
    );
    let hits = search_json(data.path(), "甲项目 绿色方案", &[]);
    let same = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["text"].as_str().is_some_and(|t| t.contains("绿色方案")))
        .count();
    assert_eq!(same, 1, "{hits}");
}

/// A minimal one-page PDF with a line of Helvetica text (built here so that the corrupt
/// corpus does not depend on any file outside the repository).
fn tiny_pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A PDF whose content stream inflates to `size` bytes of zeros.
fn bomb_pdf(size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1 << 20];
    for _ in 0..size / block.len() {
        encoder.write_all(&block).unwrap();
    }
    let stream = encoder.finish().unwrap();
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n4 0 obj\n".to_vec();
    pdf.extend_from_slice(
        format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\n",
            stream.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&stream);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

#[test]
fn a_valid_tiny_pdf_is_ingested() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    std::fs::write(
        docs.path().join("tiny.pdf"),
        tiny_pdf("Dyeing wastewater note 4.5 Benchmark volume applies"),
    )
    .unwrap();
    let out = run(&[
        "ingest",
        docs.path().to_str().unwrap(),
        "--data-dir",
        data.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("已索引"), "{}", stdout(&out));
}

#[test]
fn corrupt_pdfs_give_errors_not_panics_or_hangs() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let base = match reference() {
        Some(r) => std::fs::read(r.join("standards/GB-4287-2012.pdf")).unwrap(),
        None => tiny_pdf("Dyeing wastewater note"),
    };
    let write = |name: &str, bytes: &[u8]| std::fs::write(docs.path().join(name), bytes).unwrap();
    write("empty.pdf", b"");
    write(
        "junk.pdf",
        &(0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761u32) >> 24) as u8)
            .collect::<Vec<_>>(),
    );
    write("header-only.pdf", b"%PDF-1.7\n");
    write(
        "deep.pdf",
        format!(
            "%PDF-1.4\n1 0 obj\n{}\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF",
            "[".repeat(200_000)
        )
        .as_bytes(),
    );
    write("bomb.pdf", &bomb_pdf(256 << 20));
    for (i, fraction) in [0.1, 0.3, 0.5, 0.7, 0.95].iter().enumerate() {
        write(
            &format!("truncated-{i}.pdf"),
            &base[..(base.len() as f64 * fraction) as usize],
        );
    }
    // Deterministic byte flips across the file.
    let mut state = 0x2545_F491_u64;
    for i in 0..20 {
        let mut bytes = base.clone();
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state as usize) % bytes.len();
            bytes[at] = (state >> 32) as u8;
        }
        write(&format!("flipped-{i:02}.pdf"), &bytes);
    }
    let started = Instant::now();
    let out = run(&[
        "ingest",
        docs.path().to_str().unwrap(),
        "--data-dir",
        data.path().to_str().unwrap(),
        "--pdf-timeout",
        "15",
        "--json",
    ]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(600), "took {elapsed:?}");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "exit {:?}: {err}",
        out.status.code()
    );
    let reports: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json report");
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 30, "one line per file");
    for name in ["empty.pdf", "junk.pdf", "header-only.pdf", "deep.pdf"] {
        let r = reports
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name))
            .unwrap();
        assert_eq!(r["status"], "failed", "{name}: {r}");
        assert!(!r["reason"].as_str().unwrap().is_empty());
    }
    assert_eq!(out.status.code(), Some(1), "failures give a non-zero exit");
}

#[test]
fn reference_texts_are_ingested_faithfully() {
    let Some(reference) = reference() else { return };
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let out = run(&[
        "ingest",
        reference.to_str().unwrap(),
        "--data-dir",
        d,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reports: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let status_of = |name: &str| {
        reports
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name))
            .map(|r| r["status"].as_str().unwrap().to_owned())
            .unwrap()
    };
    for scan in [
        "GB-16297-1996.pdf",
        "GB-3838-2002.pdf",
        "GB-8978-1996.pdf",
        "GB-14553-93.pdf",
    ] {
        assert_eq!(
            status_of(scan),
            "scanned",
            "{scan} is a scan without a text layer"
        );
    }
    for text in [
        "GB-4287-2012.pdf",
        "GB-37822-2019.pdf",
        "GB-13271-2014.pdf",
        "GB-12348-2008.pdf",
    ] {
        assert_eq!(status_of(text), "indexed", "{text}");
    }

    // Table rows of GB 4287-2012 表2, character for character as the standard prints them
    // (NFKC-normalised: full-width brackets become ASCII).
    let hits = search_json(
        data.path(),
        "GB 4287 表2 化学需氧量 氨氮 总氮",
        &["--type", "standard"],
    );
    let texts: Vec<String> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap().to_owned())
        .collect();
    for row in [
        "2 化学需氧量(CODCr) 80 200",
        "6 氨氮 10 15(1) 20 30(1)",
        "7 总氮 15 25(1) 30 50(1)",
    ] {
        assert!(
            texts.iter().any(|t| t.lines().any(|l| l == row)),
            "row {row:?} not found in {texts:#?}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("表2 新建企业水污染物排放浓度限值及单位产品基准排水量"))
    );

    // GB 13271-2014 表2 values for gas boilers.
    let hits = search_json(
        data.path(),
        "GB 13271 表2 新建锅炉",
        &["--type", "standard"],
    );
    let table = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["clause"] == "表2" && h["doc"] == "锅炉大气污染物排放标准")
        .expect("表2");
    assert!(
        table["text"].as_str().unwrap().contains("颗粒物 50 30 20"),
        "{}",
        table["text"]
    );
    assert!(
        table["text"]
            .as_str()
            .unwrap()
            .contains("氮氧化物 300 250 200")
    );

    // A law article equals the reference text after normalisation.
    let law =
        std::fs::read_to_string(reference.join("laws/环境影响评价法(2018-12-29).md")).unwrap();
    let article: Vec<String> = law
        .lines()
        .skip_while(|l| !l.starts_with("第二十二条 "))
        .take_while(|l| !l.starts_with("第二十三条"))
        .map(lvshen_corpus::normalize::normalize_line)
        .filter(|l| !l.is_empty())
        .collect();
    let hits = search_json(data.path(), "环境影响评价法 第二十二条", &["--type", "law"]);
    let first = &hits["hits"][0];
    assert_eq!(first["clause"], "第二十二条");
    assert_eq!(first["text"].as_str().unwrap(), article.join("\n"));
}

#[test]
fn retrieval_evaluation_meets_the_target() {
    let questions = workspace().join("tests/retrieval/questions.toml");
    let mut args = vec![
        "eval".to_owned(),
        "search".to_owned(),
        "--json".to_owned(),
        "--questions".to_owned(),
        questions.display().to_string(),
    ];
    if let Some(r) = reference() {
        args.push("--reference".to_owned());
        args.push(r.display().to_string());
    }
    let out = bin().args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(report["questions"].as_u64().unwrap() >= 60);
    let hit5 = report["hit_at_5"].as_f64().unwrap();
    assert!(hit5 >= 0.9, "hit@5 {hit5}: {:#}", report["misses"]);
}
