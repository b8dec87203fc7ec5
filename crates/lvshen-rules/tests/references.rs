//! The laws the rules cite, checked against the real texts in `../shared/reference/laws/`:
//! every article a rule or a fixture finding cites exists, and the key articles say what the
//! rules claim they say. The reference texts are read at test time, never copied.
//!
//! `../shared` exists in CI and on the developers' machines, not in a user's clone: there the
//! tests print that they were skipped and pass.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lvshen_filing::parse_filing;
use lvshen_law::article_text;
use lvshen_rules::{Date, Engine, RULES, Standards};

fn laws_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/laws");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} not present (the reference texts are only in CI and developer checkouts)",
            dir.display()
        );
        None
    }
}

/// The text of the law a citation names, if we have it.
fn law_text(dir: &Path, doc: &str) -> Option<String> {
    let short = doc.trim_start_matches("中华人民共和国");
    let entry = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.split('(').next() == Some(short)
        })?;
    std::fs::read_to_string(entry.path()).ok()
}

/// `第十一条（五）`, `第六十五条、第六十六条` → ["第十一条", "第六十五条", "第六十六条"].
fn articles(clause: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = clause;
    while let Some(start) = rest.find('第') {
        let tail = &rest[start..];
        match tail.find('条') {
            Some(end) if tail[..end].chars().count() <= 8 => {
                let article = &tail[..end + '条'.len_utf8()];
                if !article.contains('款') {
                    out.push(article.to_owned());
                }
                rest = &tail[end + '条'.len_utf8()..];
            }
            _ => rest = &tail['第'.len_utf8()..],
        }
    }
    out
}

#[test]
fn cited_articles_exist_in_the_reference_texts() {
    let Some(dir) = laws_dir() else { return };
    let mut citations: BTreeSet<(String, String)> = RULES
        .iter()
        .flat_map(|r| {
            r.basis
                .iter()
                .map(|b| (b.doc.to_owned(), b.clause.to_owned()))
        })
        .collect();
    let engine = Engine::new(Standards::builtin());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/filings");
    for entry in std::fs::read_dir(fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(parsed) = parse_filing(&std::fs::read(&path).expect("read"), None) else {
            continue;
        };
        for f in engine
            .check(&parsed, Date::parse("2026-11-29").expect("date"))
            .findings
        {
            for c in f.citations {
                citations.insert((c.doc, c.clause));
            }
        }
    }
    let mut checked = 0;
    for (doc, clause) in &citations {
        let Some(law) = law_text(&dir, doc) else {
            continue;
        };
        for article in articles(clause) {
            assert!(
                article_text(&law, &article).is_some(),
                "{doc} {clause}: {article} not found in the reference text"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 20,
        "only {checked} article citations were checked"
    );
}

#[test]
fn key_articles_say_what_the_rules_rely_on() {
    let Some(dir) = laws_dir() else { return };
    let expectations = [
        ("浙江省水污染防治条例", "第四十六条", "事故应急池"),
        (
            "浙江省曹娥江流域水环境保护条例",
            "第十三条",
            "新建、扩建排放生产性污染物的工业类建设项目",
        ),
        ("浙江省曹娥江流域水环境保护条例", "第十三条", "印染"),
        (
            "浙江省曹娥江流域水环境保护条例",
            "第八条",
            "严格控制工业园区外新建工业企业",
        ),
        (
            "中华人民共和国水污染防治法",
            "第六十六条",
            "禁止在饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目",
        ),
        ("中华人民共和国水污染防治法", "第二十三条", "自动监测设备"),
        ("排污许可管理条例", "第二十条", "自动监测设备"),
        ("排污许可管理条例", "第八条", "削减替代"),
        ("排污许可管理条例", "第十一条", "环境影响报告书(表)批准文件"),
        ("中华人民共和国大气污染防治法", "第八十条", "防护距离"),
        (
            "建设项目环境保护管理条例",
            "第十一条",
            "基础资料数据明显不实",
        ),
        ("中华人民共和国环境保护法", "第四十四条", "总量控制指标"),
        ("中华人民共和国环境保护法", "第二十九条", "生态保护红线"),
        ("浙江省大气污染防治条例", "第十四条", "削减替代"),
        (
            "中华人民共和国环境影响评价法",
            "第十七条",
            "环境影响报告书应当包括",
        ),
    ];
    for (doc, article, words) in expectations {
        let law = law_text(&dir, doc).unwrap_or_else(|| panic!("{doc} missing from reference"));
        let text = article_text(&law, article).unwrap_or_else(|| panic!("{doc} {article} missing"));
        assert!(
            text.contains(words),
            "{doc} {article} does not say “{words}”: {text}"
        );
    }
}

#[test]
fn article_parsing() {
    assert_eq!(articles("第十一条（五）"), ["第十一条"]);
    assert_eq!(
        articles("第六十五条、第六十六条"),
        ["第六十五条", "第六十六条"]
    );
    assert_eq!(articles("第四十六条第二款"), ["第四十六条"]);
    assert!(articles("表2").is_empty());
}
