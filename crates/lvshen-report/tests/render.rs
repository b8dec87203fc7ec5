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

fn siting_analysis() -> lvshen_siting::Analysis {
    use lvshen_filing::codes::{ConstructionType, Process};
    let mut site = lvshen_siting::Site::at(120.45, 29.95);
    site.processes = vec![Process::Pretreatment, Process::Dyeing];
    site.construction = Some(ConstructionType::New);
    let layers = lvshen_siting::Layers::embedded().expect("layers");
    lvshen_siting::analyze(layers, &site, &lvshen_siting::Options::default()).expect("analysis")
}

#[test]
fn siting_text_report() {
    insta::assert_snapshot!(lvshen_report::siting_text(&siting_analysis(), None));
}

#[test]
fn siting_html_section_embeds_the_map_and_escapes() {
    let analysis = siting_analysis();
    let section = lvshen_report::siting_html_section(
        &analysis,
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>图</text></svg>",
        Some(lvshen_report::ArgumentView {
            text: "<b>论证</b>",
            method: "model",
        }),
    );
    assert!(
        section.contains("<svg><text>图</text></svg>"),
        "namespace dropped for inline SVG"
    );
    assert!(section.contains("&lt;b&gt;论证&lt;/b&gt;"));
    assert!(section.contains("选址不符合"));
}
