//! Snapshots of the rendered reports (text, Markdown, HTML) for one defective filing.

use lvshen_filing::parse_filing;
use lvshen_rules::{Date, Engine, Standards};

fn report() -> lvshen_filing::Report {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/filings/err_boilers.json"
    );
    let parsed = parse_filing(&std::fs::read(path).expect("fixture"), None).expect("valid");
    Engine::new(Standards::builtin()).check(&parsed, Date::parse("2026-11-29").expect("date"))
}

#[test]
fn text_report() {
    insta::assert_snapshot!(lvshen_report::text(&report(), false));
}

#[test]
fn coloured_text_has_ansi_codes_only_when_asked() {
    let report = report();
    assert!(lvshen_report::text(&report, true).contains("\x1b[31m"));
    assert!(!lvshen_report::text(&report, false).contains('\x1b'));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(lvshen_report::markdown(&report()));
}

#[test]
fn html_report() {
    insta::assert_snapshot!(lvshen_report::html(&report()));
}
