//! The prediction fixtures in `tests/prediction/`: what each must find, and a snapshot of the
//! computed grades and findings (`cargo insta review` after a deliberate change).

use std::path::Path;

use lvshen_filing::{Severity, parse_filing};
use lvshen_law::Date;
use lvshen_predict::{Grade, Options, Prediction, predict};

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("date")
}

fn load(name: &str, as_of: Date) -> Prediction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/prediction")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    let parsed = parse_filing(&bytes, None).expect("fixture parses");
    assert!(
        parsed.warnings.is_empty(),
        "{name}: unknown keys {:?}",
        parsed.warnings
    );
    predict(&parsed.filing, &Options::new(as_of))
}

fn ids(p: &Prediction) -> Vec<(&'static str, String)> {
    p.findings
        .iter()
        .map(|f| (f.rule_id, f.field.clone()))
        .collect()
}

/// The parts of a prediction worth pinning: grades, Pmax, per-result numbers (rounded to 3
/// significant figures), findings.
fn summary(p: &Prediction) -> serde_json::Value {
    let sig3 = |v: f64| {
        if v == 0.0 {
            0.0
        } else {
            let m = 10f64.powf(2.0 - v.abs().log10().floor());
            (v * m).round() / m
        }
    };
    serde_json::json!({
        "air": {
            "pmax_percent": p.air.pmax_percent.map(sig3),
            "pmax_source": p.air.pmax_source,
            "grade": p.air.grade,
            "range_km": p.air.range_km,
            "results": p.air.results.iter().map(|r| serde_json::json!({
                "outlet": r.outlet, "pollutant": r.pollutant,
                "max_ug_per_m3": sig3(r.max_ug_per_m3), "distance_m": r.distance_m.round(),
                "c0": r.c0_ug_per_m3, "pi_percent": r.pi_percent.map(sig3),
                "d10_m": r.d10_m, "met": format!("{}{}", r.stability, r.u10_m_per_s),
            })).collect::<Vec<_>>(),
        },
        "noise": p.noise.boundary.iter().chain(&p.noise.receptors)
            .map(|b| format!("{} {:?}/{:?}", b.point, b.day_db, b.night_db)).collect::<Vec<_>>(),
        "water": [p.water.grade.map(|g| g.label_zh()), p.water.grade_basis.as_deref()],
        "groundwater": p.groundwater.grade,
        "soil": p.soil.grade,
        "risk": [p.risk.grade.map(|g| g.label_zh()), p.risk.potential, p.risk.p],
        "findings": p.findings.iter().map(|f| format!("{:?} {} {}: {}", f.severity, f.rule_id, f.field, f.message)).collect::<Vec<_>>(),
    })
}

#[test]
fn keqiao_book_with_six_outlets() {
    let p = load("book_keqiao_six_outlets.json", date(2026, 11, 30));
    assert_eq!(
        p.air.results.len(),
        18,
        "six outlets and three fugitive entries"
    );
    // The wastewater plant's fugitive H2S decides: Pmax ≥ 10 % → 一级.
    assert_eq!(p.air.grade, Some(Grade::One));
    assert!(
        p.air
            .pmax_source
            .as_deref()
            .is_some_and(|s| s.contains("硫化氢"))
    );
    assert_eq!(p.water.grade, Some(Grade::ThreeB));
    assert_eq!(p.noise.grade, Some(Grade::Three));
    assert_eq!(p.noise.boundary.len(), 4);
    assert_eq!(p.risk.grade, Some(Grade::Simple));
    let found = ids(&p);
    assert!(found.contains(&("predict.air.grade_screening", "assessment.air_grade".into())));
    // The consultant used GB 3095-2012's PM10 C0 after GB 3095—2026 took effect.
    assert!(found.contains(&(
        "predict.air.benchmark",
        "assessment.air_results[1].c0_ug_per_m3".into()
    )));
    // No grade finding is an error: the thresholds are unverified.
    assert!(p.findings.iter().all(|f| f.severity != Severity::Error));
    insta::assert_json_snapshot!("keqiao_book", summary(&p));
}

#[test]
fn same_filing_before_gb3095_2026_uses_the_2012_c0() {
    let p = load("book_keqiao_six_outlets.json", date(2026, 2, 1));
    let pm = p
        .air
        .results
        .iter()
        .find(|r| r.pollutant == "particulate")
        .expect("particulate");
    assert_eq!(pm.c0_ug_per_m3, Some(450.0));
    assert!(
        !ids(&p)
            .iter()
            .any(|(id, f)| *id == "predict.air.benchmark" && f.ends_with("c0_ug_per_m3")),
        "450 was right on 2026-02-01"
    );
}

#[test]
fn direct_discharger_with_understated_grades() {
    let p = load("book_direct_understated.json", date(2026, 11, 30));
    let found: Vec<&str> = p.findings.iter().map(|f| f.rule_id).collect();
    for id in [
        "predict.air.grade_own_numbers",
        "predict.air.d10",
        "predict.air.range",
        "predict.air.protection_distance",
        "predict.water.grade",
        "predict.noise.declared_low",
        "predict.noise.grade",
        "predict.risk.grade",
        "predict.groundwater.sensitivity",
        "predict.soil.sensitivity",
    ] {
        assert!(found.contains(&id), "{id} missing from {found:?}");
    }
    // W of COD is its annual load in kg (当量值 1 kg).
    let cod = p
        .water
        .equivalents
        .iter()
        .find(|e| e.pollutant == "化学需氧量")
        .expect("COD");
    assert_eq!(cod.w, 84_000.0);
    assert_eq!(p.water.grade, Some(Grade::Two));
    // Cr6+ declared not detected: no 第一类 upgrade, and the interpretation is said.
    assert!(
        p.water
            .grade_basis
            .as_deref()
            .is_some_and(|b| b.contains("未检出"))
    );
    insta::assert_json_snapshot!("direct_understated", summary(&p));
}

#[test]
fn report_table_checks_special_assessments_not_grades() {
    let p = load("table_digital_printing.json", date(2026, 11, 30));
    let found: Vec<&str> = p.findings.iter().map(|f| f.rule_id).collect();
    assert!(found.contains(&"predict.table.special_air"));
    // The risk special assessment is declared: no finding.
    assert!(!found.contains(&"predict.table.special_risk"));
    assert!(!found.iter().any(|id| id.ends_with(".grade")));
    insta::assert_json_snapshot!("table_digital_printing", summary(&p));
}

#[test]
fn a_filing_without_prediction_inputs_gets_one_info() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/filings/ok_binhai_new_dyeing.json");
    let parsed = parse_filing(&std::fs::read(path).expect("fixture"), None).expect("parses");
    let p = predict(&parsed.filing, &Options::new(date(2026, 11, 30)));
    assert!(p.air.results.is_empty());
    let infos: Vec<_> = p
        .findings
        .iter()
        .filter(|f| f.rule_id == "predict.inputs")
        .collect();
    assert_eq!(infos.len(), 1);
    assert_eq!(infos[0].severity, Severity::Info);
    assert!(
        infos[0].message.contains("dispersion_setting"),
        "{}",
        infos[0].message
    );
}
