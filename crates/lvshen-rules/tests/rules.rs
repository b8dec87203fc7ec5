//! Targeted rule tests: small edits of the clean fixture, each expected to raise (or not)
//! a given rule at a given severity. `check(edit, rule, expected)` is the helper.

use lvshen_filing::{Severity, filing_from_value};
use lvshen_rules::{Date, Engine, Standards};
use serde_json::{Value, json};

fn base() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/filings/ok_binhai_new_dyeing.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// Applies `edit` to the clean filing and returns the severities `rule` reports.
fn run(edit: impl FnOnce(&mut Value), rule: &str) -> Vec<Severity> {
    let mut value = base();
    edit(&mut value);
    let parsed = filing_from_value(&value).expect("edited filing stays valid");
    let report =
        Engine::new(Standards::builtin()).check(&parsed, Date::parse("2026-11-29").expect("date"));
    report
        .findings
        .iter()
        .filter(|f| f.rule_id == rule)
        .map(|f| f.severity)
        .collect()
}

fn check(edit: impl FnOnce(&mut Value), rule: &str, expected: &[Severity]) {
    assert_eq!(run(edit, rule), expected, "rule {rule}");
}

use Severity::{Error, Info, Warning};

#[test]
fn clean_fixture_raises_nothing_but_the_risk_note() {
    let mut value = base();
    let parsed = filing_from_value(&value).expect("valid");
    let report =
        Engine::new(Standards::builtin()).check(&parsed, Date::parse("2026-11-29").expect("date"));
    let ids: Vec<_> = report.findings.iter().map(|f| f.rule_id).collect();
    // The risk note, and what GB 4287 表3 would change if the site were designated (it is not
    // said: the ordinary table applies).
    assert_eq!(ids, ["water.limit.indirect", "risk.q_value"]);
    value["project"]["name"] = json!("x");
}

#[test]
fn water_limit_at_the_limit_passes_and_just_above_fails() {
    let set_cod = |c: f64| {
        move |v: &mut Value| {
            v["water"]["pollutants"][1]["concentration_mg_per_l"] = json!(c);
            v["water"]["pollutants"][1]["load_t_per_year"] = json!(1_050_000.0 * c * 1e-6);
        }
    };
    // The info says what 表3 would change (the designation is not said).
    check(set_cod(200.0), "water.limit.indirect", &[Info]);
    check(set_cod(200.5), "water.limit.indirect", &[Error, Info]);
}

#[test]
fn existing_plant_before_2015_used_table_1() {
    // An existing plant (no construction project: a 技改/改建/扩建 approved from 2013 counts as
    // 新建企业 under GB 4287 3.4).
    let mut value = base();
    value["project"]
        .as_object_mut()
        .expect("project")
        .remove("construction_type");
    value["water"]["pollutants"][1]["concentration_mg_per_l"] = json!(190);
    value["water"]["pollutants"][1]["load_t_per_year"] = json!(199.5);
    value["water"]["discharge_mode"] = json!("direct");
    value["water"]["receiving_kind"] = json!("water_body");
    let parsed = filing_from_value(&value).expect("valid");
    let engine = Engine::new(Standards::builtin());
    let in_2014 = engine.check(&parsed, Date::parse("2014-06-01").expect("date"));
    let cod_2014 = in_2014
        .findings
        .iter()
        .find(|f| f.rule_id == "water.limit.direct" && f.field.contains("[1]"))
        .expect("finding");
    assert!(cod_2014.message.contains("表1"), "{}", cod_2014.message);
    assert_eq!(
        cod_2014.expected,
        Some(lvshen_filing::Quantity::Number(100.0))
    );
    let in_2026 = engine.check(&parsed, Date::parse("2026-11-29").expect("date"));
    let cod_2026 = in_2026
        .findings
        .iter()
        .find(|f| f.rule_id == "water.limit.direct" && f.field.contains("[1]"))
        .expect("finding");
    assert_eq!(
        cod_2026.expected,
        Some(lvshen_filing::Quantity::Number(80.0))
    );
}

#[test]
fn special_limit_area_uses_table_3() {
    // GB 4287 4.4: 表3 where a designating document says so (audit E1).
    check(
        |v| {
            v["location"]["special_limits"] =
                json!({"water": "示例：某省关于执行水污染物特别排放限值的公告"})
        },
        "water.limit.indirect",
        // COD 180 > 80, BOD5 45 > 20, SS 80 > 50, colour 60 > 50, NH3-N 15 > 10, TN 25 > 15,
        // TP 1.0 > 0.5, sulphide 0.3 ≠ not detected.
        &[Error; 8],
    );
}

#[test]
fn document_type_lower_than_catalogue_is_an_error_higher_is_info() {
    check(
        |v| v["project"]["document_type"] = json!("report_table"),
        "classification.eia_document_type",
        &[Error],
    );
    check(
        |v| {
            v["processes"] = json!(["digital_printing", "heat_setting"]);
            v["project"]["document_type"] = json!("report_book");
        },
        "classification.eia_document_type",
        &[Info],
    );
    check(
        |v| {
            v["processes"] = json!(["digital_printing", "heat_setting"]);
            v["project"]["document_type"] = json!("registration_form");
        },
        "classification.eia_document_type",
        &[Error],
    );
}

#[test]
fn big_coal_boilers_need_a_report_book() {
    check(
        |v| {
            v["processes"] = json!(["heat_setting"]);
            v["project"]["document_type"] = json!("report_table");
            v["air"]["outlets"][0]["source"] = json!("燃煤锅炉");
            v["air"]["outlets"][0]["boiler"] = json!({"fuel": "coal", "capacity_t_per_h": 75});
        },
        "classification.eia_document_type",
        &[Error],
    );
}

#[test]
fn stack_rate_is_halved_next_to_taller_buildings() {
    // NMHC 0.6 kg/h at 20 m is far below 17 kg/h; raise it to 10 kg/h: allowed 17, or 8.5
    // when a 18 m building stands within 200 m.
    let edit = |building: Option<f64>| {
        move |v: &mut Value| {
            let p = &mut v["air"]["outlets"][0]["pollutants"][2];
            p["concentration_mg_per_m3"] = json!(100);
            p["rate_kg_per_h"] = json!(3.0);
            p["load_t_per_year"] = json!(21.6);
            v["air"]["outlets"][0]["flow_m3_per_h"] = json!(30000);
            v["air"]["outlets"][0]["pollutants"][2]["rate_kg_per_h"] = json!(10.0);
            if let Some(b) = building {
                v["air"]["outlets"][0]["max_building_height_m"] = json!(b);
            }
        }
    };
    check(edit(None), "air.limit.rate", &[]);
    check(edit(Some(18.0)), "air.limit.rate", &[Error]);
}

#[test]
fn voc_treatment_band_between_two_and_three_kg_is_only_a_warning() {
    let edit = |rate: f64, efficiency: f64| {
        move |v: &mut Value| {
            let outlet = &mut v["air"]["outlets"][0];
            outlet["removal_efficiency"] = json!(efficiency);
            outlet["pollutants"][2]["rate_kg_per_h"] = json!(rate);
            outlet["pollutants"][2]["concentration_mg_per_m3"] = json!(rate / 0.03);
            outlet["pollutants"][2]["load_t_per_year"] = json!(rate * 7.2);
        }
    };
    // initial = 1.0 / (1 - 0.6) = 2.5 kg/h: key-region band, unverified → warning.
    check(edit(1.0, 0.6), "air.vocs_treatment", &[Warning]);
    // initial = 1.6 / 0.4 = 4 kg/h ≥ 3: verified threshold → error.
    check(edit(1.6, 0.6), "air.vocs_treatment", &[Error]);
    check(edit(1.6, 0.85), "air.vocs_treatment", &[]);
}

#[test]
fn missing_cod_quota_is_an_error_and_a_small_quota_too() {
    check(
        |v| {
            v["total_control"].as_array_mut().expect("array").remove(0);
        },
        "total_control.key_pollutants",
        &[Error],
    );
    check(
        |v| {
            v["total_control"][0] = json!({"pollutant": "COD", "amount_t_per_year": 150, "basis": "outlet",
                                           "source": "emission_rights_trading", "offset_ratio": 1.0});
            v["permit"]["permitted_t_per_year"][0]["basis"] = json!("outlet");
            v["permit"]["permitted_t_per_year"][0]["amount"] = json!(150);
        },
        "total_control.coverage",
        &[Error],
    );
}

#[test]
fn inside_a_water_source_zone_blocks_near_it_warns() {
    let at = |d: f64| {
        move |v: &mut Value| {
            v["receptors"] = json!([{"name": "示例水源", "kind": "water_source", "distance_m": d}])
        }
    };
    check(at(0.0), "siting.sensitive_area", &[Error]);
    check(at(500.0), "siting.sensitive_area", &[Warning]);
    check(at(5000.0), "siting.sensitive_area", &[]);
}

#[test]
fn caoejiang_belt_only_applies_in_the_basin() {
    let river = |district: &str| {
        let district = district.to_owned();
        move |v: &mut Value| {
            v["location"]["district"] = json!(district);
            v["receptors"] = json!([{"name": "曹娥江", "kind": "river", "distance_m": 80}]);
        }
    };
    check(river("上虞区"), "siting.caoejiang_zone", &[Error]);
    check(river("诸暨市"), "siting.caoejiang_zone", &[]);
}

#[test]
fn key_unit_without_automatic_cod_monitoring_is_an_error() {
    // Which pollutants are automatic comes from HJ 879 [M]: a warning (audit E10); no
    // automatic monitoring at all at the final outlet is the statutory error.
    check(
        |v| v["permit"]["self_monitoring"][0]["frequency"] = json!("daily"),
        "permit.automatic_monitoring",
        &[Warning],
    );
    check(
        |v| {
            for i in 0..6 {
                v["permit"]["self_monitoring"][i]["frequency"] = json!("daily");
            }
        },
        "permit.automatic_monitoring",
        &[Error, Warning],
    );
    check(
        |v| v["permit"]["self_monitoring"][3]["frequency"] = json!("daily"),
        "permit.automatic_monitoring",
        &[Warning],
    );
}

#[test]
fn hazardous_storage_without_pool_is_an_error() {
    check(
        |v| v["risk"]["emergency_pool_m3"] = json!(0),
        "risk.emergency_pool",
        &[Error],
    );
}
