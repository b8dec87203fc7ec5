//! The corrections of the independent rule audit (`shared/spec/audit-2026-11.md` §F), one test
//! per corrected behaviour, each named after the item and the clause it rests on. Every test
//! failed on the code before the correction (see the issue-14 note). Small edits of the clean
//! fixture, checked as of 2026-11-30.

use lvshen_filing::{Finding, Severity, filing_from_value};
use lvshen_rules::{Date, Engine, Standards, Table};
use serde_json::{Value, json};

fn base() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/filings/ok_binhai_new_dyeing.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

fn findings(edit: impl FnOnce(&mut Value), rule: &str) -> Vec<Finding> {
    let mut value = base();
    edit(&mut value);
    let parsed = filing_from_value(&value).expect("edited filing stays valid");
    Engine::new(Standards::builtin())
        .check(&parsed, Date::parse("2026-11-30").expect("date"))
        .findings
        .into_iter()
        .filter(|f| f.rule_id == rule)
        .collect()
}

fn severities(found: &[Finding]) -> Vec<Severity> {
    found.iter().map(|f| f.severity).collect()
}

fn boiler(v: &mut Value, fuel: &str, capacity: f64, pollutants: Value, extra: Value) {
    let mut b = json!({"fuel": fuel, "capacity_t_per_h": capacity});
    if let (Some(b), Some(extra)) = (b.as_object_mut(), extra.as_object()) {
        for (k, x) in extra {
            b.insert(k.clone(), x.clone());
        }
    }
    v["air"]["outlets"]
        .as_array_mut()
        .expect("outlets")
        .push(json!({
            "id": "DA009", "source": "锅炉废气", "height_m": 45, "flow_m3_per_h": 8000,
            "hours_per_year": 7200, "boiler": b, "pollutants": pollutants
        }));
}

use Severity::{Error, Info, Warning};

// E1 ----------------------------------------------------------------------------------------

#[test]
fn e1_gb4287_4_4_legacy_switch_no_longer_imposes_table_3_on_water() {
    let found = findings(
        |v| v["location"]["special_emission_limits"] = json!(true),
        "water.limit.indirect",
    );
    // Before: 8 errors against 表3. Now: the ordinary table and an info saying what 表3 would change.
    assert_eq!(severities(&found), [Info], "{found:#?}");
    assert!(
        found[0].message.contains("若已划定执行表3"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.contains("special_limits.water"));
}

#[test]
fn e1_gb13271_4_4_boiler_table_3_needs_its_own_designation() {
    let oil = json!([{"code": "SO2", "concentration_mg_per_m3": 150}]);
    // Water designated, boilers not: 表2 for the oil boiler (SO2 200), so no error…
    let found = findings(
        |v| {
            v["location"]["special_limits"] = json!({"water": "示例水文件", "boiler": false});
            boiler(v, "oil", 4.0, oil.clone(), json!({}));
        },
        "air.boiler",
    );
    assert!(!severities(&found).contains(&Error), "{found:#?}");
    // …and designated for boilers: 表3 oil SO2 100 (a row that was missing before).
    let found = findings(
        |v| {
            v["location"]["special_limits"] = json!({"boiler": "示例锅炉特别排放限值文件"});
            boiler(v, "oil", 4.0, oil.clone(), json!({}));
        },
        "air.boiler",
    );
    assert_eq!(severities(&found), [Error], "{found:#?}");
    assert!(
        found[0].message.contains("表3") && found[0].message.contains("示例锅炉特别排放限值文件")
    );
}

#[test]
fn e1_a_designation_without_its_document_is_refused_with_the_field() {
    let mut v = base();
    v["location"]["special_limits"] = json!({"vocs": true});
    let err = filing_from_value(&v).expect_err("true without a document");
    let text = format!("{err:?}");
    assert!(text.contains("location.special_limits.vocs"), "{text}");
}

// E2 ----------------------------------------------------------------------------------------

#[test]
fn e2_gb37822_annex_a_is_informative_so_a_breach_is_a_warning() {
    let found = findings(
        |v| v["air"]["unorganized"][0]["concentration_mg_per_m3"] = json!(12.0),
        "air.vocs_fugitive",
    );
    assert_eq!(severities(&found), [Warning], "{found:#?}");
    assert!(found[0].message.contains("资料性附录") && found[0].message.contains("待核实"));
}

// E3 ----------------------------------------------------------------------------------------

#[test]
fn e3_gb4287_3_2_and_4_5_a_breach_only_after_conversion_cannot_block() {
    // Half the output: actual drainage 1.56 × the benchmark, COD 180 → 281 > 200 only after
    // the conversion, which used actual (not 标准品) tonnes and annual totals.
    let found = findings(
        |v| v["products"][0]["output"] = json!(4000),
        "water.limit.indirect",
    );
    let cod: Vec<_> = found.iter().filter(|f| f.field.contains("[1]")).collect();
    assert_eq!(cod.len(), 1, "{found:#?}");
    assert_eq!(cod[0].severity, Warning);
    assert!(cod[0].message.contains("标准品") && cod[0].message.contains("工作日"));
}

#[test]
fn e3_gb4287_3_2_and_4_5_standard_products_counted_per_working_day_may_block() {
    // The same plant when the filing gives what the standard counts: a 标准品 (152 cm,
    // 12 kg/100 m cotton woven) and one working day's output and drainage → the converted
    // breach is an error again.
    let found = findings(
        |v| {
            v["products"][0]["output"] = json!(4000);
            v["products"][0]["width_cm"] = json!(152);
            v["products"][0]["daily_output"] = json!(12.12);
            v["water"]["daily_discharged_m3"] = json!(3182);
        },
        "water.limit.indirect",
    );
    let cod: Vec<_> = found.iter().filter(|f| f.field.contains("[1]")).collect();
    assert_eq!(cod.len(), 1, "{found:#?}");
    assert_eq!(cod[0].severity, Error, "{:#?}", cod[0]);
}

// E4 ----------------------------------------------------------------------------------------

#[test]
fn e4_gb4287_4_5_mixed_batik_plant_meets_the_strictest_limit() {
    let found = findings(
        |v| {
            v["water"]["discharge_mode"] = json!("direct");
            v["water"]["receiving_kind"] = json!("water_body");
            v["products"].as_array_mut().expect("products").push(json!({
                "name": "蜡染布", "output": 100, "unit": "万米/a", "fabric": "cotton_woven",
                "weight_kg_per_100m": 12
            }));
            // NH3-N 12: above the non-batik 10, within the batik 15.
            v["water"]["pollutants"][5]["concentration_mg_per_l"] = json!(12);
        },
        "water.limit.direct",
    );
    let nh3n: Vec<_> = found.iter().filter(|f| f.field.contains("[5]")).collect();
    assert_eq!(nh3n.len(), 1, "{found:#?}");
    assert!(nh3n[0].message.contains("最严格"), "{}", nh3n[0].message);
}

// E5–E7 -------------------------------------------------------------------------------------

#[test]
fn e5_gb13271_table_1_for_in_use_boilers() {
    let gas = json!([{"code": "NOx", "concentration_mg_per_m3": 300}]);
    let found = findings(
        |v| boiler(v, "gas", 4.0, gas, json!({"in_use": true})),
        "air.boiler",
    );
    // 表1 gas NOx 400: no error (before: 表2 200, an error that blocks a lawful boiler).
    assert!(!severities(&found).contains(&Error), "{found:#?}");
}

#[test]
fn e6_gb13271_chapter_1_biomass_follows_the_coal_limits() {
    let pm = json!([{"code": "particulate", "concentration_mg_per_m3": 60}]);
    let found = findings(|v| boiler(v, "biomass", 4.0, pm, json!({})), "air.boiler");
    assert_eq!(severities(&found), [Error], "{found:#?}");
    assert!(found[0].message.contains("生物质成型燃料"));
}

#[test]
fn e7_gb13271_table_4_coal_chimney_height() {
    let so2 = json!([{"code": "SO2", "concentration_mg_per_m3": 100}]);
    let found = findings(
        |v| {
            boiler(v, "coal", 10.0, so2, json!({}));
            let n = v["air"]["outlets"].as_array().expect("outlets").len() - 1;
            v["air"]["outlets"][n]["height_m"] = json!(30);
        },
        "air.stack_height",
    );
    // 10 t/h (7–<14 MW) → at least 40 m.
    assert_eq!(severities(&found), [Error], "{found:#?}");
    assert!(found[0].message.contains("40"));
}

// E8 ----------------------------------------------------------------------------------------

fn weaving_only(v: &mut Value) {
    v["processes"] = json!(["weaving"]);
}

#[test]
fn e8_catalogue_item_50_pure_spinning_is_a_report_table() {
    let found = findings(
        |v| {
            v["project"]["industry_code"] = json!("C2822");
            v["project"]["document_type"] = json!("report_table");
            v["processes"] = json!(["spinning"]);
        },
        "classification.eia_document_type",
    );
    assert!(!severities(&found).contains(&Error), "{found:#?}");
}

#[test]
fn e8_catalogue_article_4_para_3_works_not_touching_the_main_works() {
    let found = findings(
        |v| {
            v["project"]["construction_type"] = json!("expansion");
            v["project"]["document_type"] = json!("report_table");
            v["project"]["main_works_involved"] = json!(false);
            v["project"]["works_processes"] = json!(["digital_printing"]);
        },
        "classification.eia_document_type",
    );
    assert!(found.is_empty(), "{found:#?}");
    // Without the works declared the category cannot be told: a warning, not an error.
    let found = findings(
        |v| {
            v["project"]["construction_type"] = json!("expansion");
            v["project"]["document_type"] = json!("report_table");
            v["project"]["main_works_involved"] = json!(false);
        },
        "classification.eia_document_type",
    );
    assert_eq!(severities(&found), [Warning], "{found:#?}");
}

#[test]
fn e8_catalogue_note_2_existing_boilers_are_not_new_scale() {
    let found = findings(
        |v| {
            weaving_only(v);
            v["project"]["document_type"] = json!("registration_form");
            boiler(v, "gas", 2.0, json!([]), json!({"existing": true}));
        },
        "classification.eia_document_type",
    );
    assert!(!severities(&found).contains(&Error), "{found:#?}");
}

// E9 ----------------------------------------------------------------------------------------

#[test]
fn e9_permit_catalogue_article_7_is_for_item_108_only() {
    let found = findings(
        |v| {
            v["processes"] = json!(["finishing", "heat_setting"]);
            v["project"]["on_key_discharger_list"] = json!(true);
            v["water"]["treatment"] = Value::Null;
            v["permit"]["management_class"] = json!("simplified");
        },
        "permit.management_class",
    );
    assert!(!severities(&found).contains(&Error), "{found:#?}");
}

// E10 ---------------------------------------------------------------------------------------

#[test]
fn e10_permit_regulation_article_20_does_not_list_pollutants() {
    let found = findings(
        |v| {
            let lines = v["permit"]["self_monitoring"]
                .as_array_mut()
                .expect("lines");
            lines.retain(|l| l["pollutant"] != "NH3N");
        },
        "permit.automatic_monitoring",
    );
    // NH3-N not automatic: which pollutants comes from HJ 879 [M] → warning, not error.
    assert_eq!(severities(&found), [Warning], "{found:#?}");
    let found = findings(
        |v| {
            v["project"]["on_key_discharger_list"] = json!(true);
            let lines = v["permit"]["self_monitoring"]
                .as_array_mut()
                .expect("lines");
            lines.retain(|l| l["outlet"] != "DW001");
        },
        "permit.automatic_monitoring",
    );
    // No automatic monitoring at all: the statutory duty, with the Zhejiang article.
    assert!(severities(&found).contains(&Error), "{found:#?}");
    let error = found.iter().find(|f| f.severity == Error).expect("error");
    assert!(
        error
            .citations
            .iter()
            .any(|c| c.doc == "浙江省水污染防治条例" && c.clause == "第三十三条（四）"),
        "{error:#?}"
    );
}

// E11 ---------------------------------------------------------------------------------------

#[test]
fn e11_gb4287_3_4_an_expansion_is_a_new_enterprise() {
    let mut value = base();
    value["project"]["construction_type"] = json!("expansion");
    let parsed = filing_from_value(&value).expect("valid");
    let standards = Standards::builtin();
    let cx = lvshen_rules::Context::new(
        &parsed.filing,
        &standards,
        Date::parse("2026-11-30").expect("d"),
    );
    assert_eq!(cx.derived.table, Table::T2);
    assert!(
        cx.derived.table_reason.contains("新建企业"),
        "{}",
        cx.derived.table_reason
    );
}

// E12 ---------------------------------------------------------------------------------------

#[test]
fn e12_gb4287_table_2_item_9_chlorine_dioxide_at_the_final_outlet() {
    let found = findings(
        |v| {
            let p = v["water"]["pollutants"].as_array_mut().expect("pollutants");
            p.retain(|p| p["code"] != "ClO2");
        },
        "completeness.water_pollutants",
    );
    assert!(
        found.iter().any(|f| f.message.contains("二氧化氯")),
        "{found:#?}"
    );
}

// E13 ---------------------------------------------------------------------------------------

#[test]
fn e13_water_law_article_67_quasi_zone_rebuild_is_not_banned_outright() {
    let found =
        findings(
            |v| {
                v["project"]["construction_type"] = json!("renovation");
                v["receptors"].as_array_mut().expect("receptors").push(json!({
                "name": "示例水库饮用水水源准保护区", "kind": "water_source", "distance_m": 0
            }));
            },
            "siting.sensitive_area",
        );
    assert_eq!(severities(&found), [Warning], "{found:#?}");
    // As of 2026-11-30 the article is the Code's successor of 第六十七条.
    assert!(
        found[0]
            .citations
            .iter()
            .any(|c| c.clause == "第三百二十一条"),
        "{found:#?}"
    );
}

#[test]
fn e13_caoejiang_zone_reach_unknown_upstream_is_a_warning() {
    let found = findings(
        |v| {
            v["location"]["district"] = json!("新昌县");
            v["receptors"]
                .as_array_mut()
                .expect("receptors")
                .push(json!({
                    "name": "澄潭江", "kind": "river", "distance_m": 30
                }));
        },
        "siting.caoejiang_zone",
    );
    assert_eq!(severities(&found), [Warning], "{found:#?}");
    assert!(found[0].message.contains("镜岭大桥"));
}

// E15 ---------------------------------------------------------------------------------------

#[test]
fn e15_gb4287_4_4_table_3_has_no_date_of_its_own() {
    let standards = Standards::builtin();
    // The original text's 表3 blocks (the 2015 amendment's antimony row carries the
    // amendment's own date).
    for block in standards
        .water
        .limits
        .iter()
        .filter(|b| b.table == Table::T3 && b.source.doc == "GB 4287-2012")
    {
        assert_eq!(block.source.effective, None, "{block:?}");
    }
}

// E14: the digests' wording -----------------------------------------------------------------

#[test]
fn e14_digest_wording_follows_the_texts() {
    let digest = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/../../corpus/digests/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("digest")
    };
    assert!(digest("10-permit-regulation-2021.md").contains("撤销其排污许可证"));
    assert!(!digest("09-permit-catalogue-2019.md").contains("管理类别按其中最高的确定"));
    assert!(!digest("01-eia-catalogue-2021.md").contains("不外排或"));
    assert!(digest("01-eia-catalogue-2021.md").contains("重要水生生物的自然产卵场"));
    assert!(digest("05-gb37822-2019.md").contains("资料性附录"));
    assert!(digest("17-zhejiang-shaoxing-regulations.md").contains("关闭其纳管设备、阀门"));
    assert!(digest("19-zhejiang-shaoxing-air.md").contains("逐步推进"));
    assert!(!digest("02-gb4287-2012.md").contains("分别执行GB 28936"));
    assert!(digest("07-gb12348-2008.md").contains("2008-10-01 实施"));
}
