//! The parts of the prediction that are verifiable arithmetic, checked by hand.

use lvshen_filing::parse_filing;
use lvshen_law::Date;
use lvshen_predict::{Options, predict};

fn run(json: &str) -> lvshen_predict::Prediction {
    let parsed = parse_filing(json.as_bytes(), None).expect("filing parses");
    predict(
        &parsed.filing,
        &Options::new(Date::new(2026, 11, 30).expect("date")),
    )
}

const HEAD: &str = r#""schema_version":"1",
  "project":{"name":"t","applicant":"t","document_type":"report_book","operating_hours_per_day":24},
  "location":{"district":"柯桥区","longitude":120.5,"latitude":30.1,"dispersion_setting":"rural"}"#;

#[test]
fn one_noise_source_follows_hemispherical_divergence() {
    // Lp = Lw − 20 lg r − 8: 100 dB(A) at 100 m → 52; two identical units → +3.0 dB.
    let p = run(&format!(
        r#"{{{HEAD},"noise":{{"zone_class":"3",
          "sources":[{{"name":"风机","sound_power_db":100,"x_m":0,"y_m":0}}],
          "boundary_points":[{{"name":"东","x_m":100,"y_m":0}}]}}}}"#
    ));
    assert_eq!(p.noise.boundary[0].day_db, Some(52.0));
    let p = run(&format!(
        r#"{{{HEAD},"noise":{{"zone_class":"3",
          "sources":[{{"name":"风机","sound_power_db":100,"x_m":0,"y_m":0,"count":2,"indoor_loss_db":10}}],
          "boundary_points":[{{"name":"东","x_m":100,"y_m":0}}]}}}}"#
    ));
    assert_eq!(p.noise.boundary[0].day_db, Some(45.0));
}

#[test]
fn emission_rate_is_derived_in_the_declared_order() {
    // rate_kg_per_h first; else concentration × flow; else load ÷ hours.
    let p = run(&format!(
        r#"{{{HEAD},"air":{{"outlets":[{{"id":"DA001","height_m":20,"flow_m3_per_h":36000,
          "hours_per_year":7200,"inner_diameter_m":1.0,"exit_temperature_c":60,
          "pollutants":[{{"code":"NMHC","concentration_mg_per_m3":10}},
                        {{"code":"SO2","load_t_per_year":3.6}}]}}]}}}}"#
    ));
    let q = |code: &str| {
        p.air
            .results
            .iter()
            .find(|r| r.pollutant == code)
            .map(|r| r.emission_g_per_s)
            .expect("result")
    };
    assert!(
        (q("NMHC") - 0.1).abs() < 1e-12,
        "10 mg/m³ × 36000 m³/h = 0.36 kg/h = 0.1 g/s"
    );
    assert!(
        (q("SO2") - 0.138_888_888_9).abs() < 1e-9,
        "3.6 t / 7200 h = 0.5 kg/h"
    );
    // Linear in the source: the two concentrations are in the ratio of the rates.
    let c = |code: &str| {
        p.air
            .results
            .iter()
            .find(|r| r.pollutant == code)
            .map(|r| r.max_ug_per_m3)
            .expect("result")
    };
    assert!((c("NMHC") / c("SO2") - q("NMHC") / q("SO2")).abs() < 1e-9);
}

#[test]
fn missing_stack_parameters_are_named_not_guessed() {
    let p = run(&format!(
        r#"{{{HEAD},"air":{{"outlets":[{{"id":"DA009","height_m":20,
          "pollutants":[{{"code":"NMHC","rate_kg_per_h":0.5}}]}}]}}}}"#
    ));
    assert!(p.air.results.is_empty());
    let m = &p.air.missing[0].message;
    assert!(
        m.contains("DA009") && m.contains("inner_diameter_m") && m.contains("exit_temperature_c"),
        "{m}"
    );
}

#[test]
fn a_long_thin_area_is_refused_with_the_reason() {
    let p = run(&format!(
        r#"{{{HEAD},"air":{{"unorganized":[{{"code":"NMHC","rate_kg_per_h":0.1,"source":"长廊",
          "length_m":300,"width_m":10,"release_height_m":5}}]}}}}"#
    ));
    assert!(p.air.results.is_empty());
    assert!(
        p.air.missing[0].message.contains("长宽比"),
        "{:?}",
        p.air.missing
    );
}

#[test]
fn water_grades_follow_q_and_w() {
    let water = |q_daily: f64, cod_t: f64| {
        run(&format!(
            r#"{{{HEAD},"water":{{"discharge_mode":"direct","daily_discharged_m3":{q_daily},
              "pollutants":[{{"code":"COD","load_t_per_year":{cod_t}}}]}}}}"#
        ))
        .water
        .grade
        .map(|g| g.label_zh())
    };
    assert_eq!(water(150.0, 5.0), Some("三级A")); // W 5000 < 6000, Q < 200
    assert_eq!(water(150.0, 7.0), Some("二级")); // W 7000
    assert_eq!(water(20000.0, 1.0), Some("一级")); // Q ≥ 20000
    assert_eq!(water(1000.0, 600.0), Some("一级")); // W 600000
}

#[test]
fn risk_potential_from_the_tables() {
    // Q = 2/0.5 + 30/10 = 7 (1 ≤ Q < 10), M = 5 → M4 → P4; E1 (population 500 m > 1000) → III → 二级.
    let p = run(&format!(
        r#"{{{HEAD},"processes":["dyeing"],"risk":{{"substances":[
          {{"name":"甲醛","max_storage_t":2,"critical_quantity_t":0.5}},
          {{"name":"硫酸","max_storage_t":30,"critical_quantity_t":10}}],
          "population_500m":1200}}}}"#
    ));
    assert_eq!(p.risk.q, Some(7.0));
    assert_eq!(p.risk.p, Some("P4"));
    assert_eq!(p.risk.e_air, Some("E1"));
    assert_eq!(p.risk.potential, Some("III"));
    assert_eq!(p.risk.grade.map(|g| g.label_zh()), Some("二级"));
}

#[test]
fn extreme_and_degenerate_inputs_do_not_panic() {
    // Every shipped rule fixture, and values at the edges of what the walker accepts.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/filings");
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json")
            && let Ok(parsed) = parse_filing(&std::fs::read(&path).expect("read"), None)
        {
            let p = predict(
                &parsed.filing,
                &Options::new(Date::new(2026, 11, 30).expect("d")),
            );
            let _ = lvshen_predict::render::text(&p);
            let _ = lvshen_predict::render::html_page(&p);
        }
    }
    for (h, d, t, v, rate) in [
        (0.0f64, 0.01, -50.0, 0.0, 0.0),
        (500.0, 30.0, 1500.0, 200.0, 1e6),
        (1.0, 0.01, 20.0, 0.0, 1e-12),
    ] {
        let p = run(&format!(
            r#"{{{HEAD},"air":{{"outlets":[{{"id":"X","height_m":{h},"inner_diameter_m":{d},
              "exit_temperature_c":{t},"exit_velocity_m_per_s":{v},
              "pollutants":[{{"code":"SO2","rate_kg_per_h":{rate}}}]}}],
              "unorganized":[{{"code":"NH3","rate_kg_per_h":{rate},"length_m":0.1,"width_m":0.1,"release_height_m":{}}}]}},
              "noise":{{"zone_class":"3","sources":[{{"name":"s","sound_power_db":200,"x_m":0,"y_m":0}}],
              "boundary_points":[{{"name":"b","x_m":0,"y_m":0}}]}}}}"#,
            h.min(200.0)
        ));
        assert!(serde_json::to_string(&p).is_ok());
        let _ = lvshen_predict::render::html_page(&p);
    }
}
