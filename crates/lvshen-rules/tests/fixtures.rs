//! Golden tests over `tests/filings/`: every fixture's JSON report (or its list of input
//! problems) is snapshot-tested, every rule is hit by at least one fixture, and the report
//! invariants hold on all of them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lvshen_filing::{Confidence, Severity, parse_filing};
use lvshen_rules::{Date, Engine, RULES, Standards};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/filings")
}

fn as_of() -> Date {
    Date::parse("2026-11-29").expect("valid date")
}

fn fixture_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/filings exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "json" || e == "toml" || e == "yaml")
        })
        .collect();
    paths.sort();
    paths
}

fn format_of(path: &Path) -> Option<lvshen_filing::Format> {
    path.extension()
        .and_then(|e| e.to_str())
        .and_then(lvshen_filing::Format::from_extension)
}

#[test]
fn fixture_reports_match_snapshots() {
    let engine = Engine::new(Standards::builtin());
    insta::glob!("../../../tests/filings", "*.{json,toml,yaml}", |path| {
        let bytes = std::fs::read(path).expect("fixture readable");
        match parse_filing(&bytes, format_of(path)) {
            Ok(parsed) => {
                let report = engine.check(&parsed, as_of());
                insta::assert_json_snapshot!(report);
            }
            Err(error) => {
                insta::assert_json_snapshot!(error.issues());
            }
        }
    });
}

#[test]
fn there_are_at_least_25_fixtures_good_and_bad() {
    let paths = fixture_paths();
    assert!(paths.len() >= 25, "only {} fixtures", paths.len());
    let engine = Engine::new(Standards::builtin());
    let (mut clean, mut defective) = (0, 0);
    for path in &paths {
        if let Ok(parsed) = parse_filing(&std::fs::read(path).expect("read"), format_of(path)) {
            if engine.check(&parsed, as_of()).has_errors() {
                defective += 1;
            } else {
                clean += 1;
            }
        }
    }
    assert!(
        clean >= 3 && defective >= 10,
        "clean {clean}, defective {defective}"
    );
}

#[test]
fn every_rule_is_hit_by_some_fixture() {
    let engine = Engine::new(Standards::builtin());
    let mut hit = BTreeSet::new();
    for path in fixture_paths() {
        let Ok(parsed) = parse_filing(&std::fs::read(&path).expect("read"), format_of(&path))
        else {
            continue;
        };
        for finding in engine.check(&parsed, as_of()).findings {
            hit.insert(finding.rule_id);
        }
    }
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !hit.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules no fixture triggers: {missing:?}");
}

#[test]
fn report_invariants_hold_on_every_fixture() {
    let engine = Engine::new(Standards::builtin());
    for path in fixture_paths() {
        let Ok(parsed) = parse_filing(&std::fs::read(&path).expect("read"), format_of(&path))
        else {
            continue;
        };
        let report = engine.check(&parsed, as_of());
        for f in &report.findings {
            let at = format!("{} {} {}", path.display(), f.rule_id, f.field);
            assert!(!f.citations.is_empty(), "{at}: no citation");
            assert!(!f.message.is_empty(), "{at}: no message");
            assert!(
                RULES.iter().any(|r| r.id == f.rule_id),
                "{at}: unknown rule id"
            );
            if f.basis_confidence != Confidence::V {
                assert!(
                    f.severity <= Severity::Warning,
                    "{at}: unverified basis blocks"
                );
                assert!(f.message.contains("待核实"), "{at}: caveat missing");
            }
        }
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        assert_eq!(errors, report.summary.errors, "{}", path.display());
    }
}

#[test]
fn the_three_syntaxes_give_the_same_findings() {
    let engine = Engine::new(Standards::builtin());
    let ids = |name: &str| {
        let path = fixtures_dir().join(name);
        let parsed = parse_filing(&std::fs::read(&path).expect("read"), format_of(&path))
            .expect("valid fixture");
        engine
            .check(&parsed, as_of())
            .findings
            .iter()
            .map(|f| (f.rule_id, f.field.clone(), f.message.clone()))
            .collect::<Vec<_>>()
    };
    let json = ids("ok_binhai_new_dyeing.json");
    assert_eq!(json, ids("ok_binhai_new_dyeing.toml"));
    assert_eq!(json, ids("ok_binhai_new_dyeing.yaml"));
}
