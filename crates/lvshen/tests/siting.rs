//! `lvshen siting` and the spatial findings of `lvshen check`, through the binary.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_lvshen"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .env("LVSHEN_DATA_DIR", data.path())
        .env_remove("LVSHEN_ZONING")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/filings"))
        .join(name)
        .display()
        .to_string()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn coordinates_outside_any_park_give_incompatible_json_with_alternatives() {
    let out = run(&[
        "siting",
        "--lon",
        "120.45",
        "--lat",
        "29.95",
        "--industry",
        "C1713",
        "--processes",
        "pretreatment,染色",
        "--no-argument",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["verdict"], "incompatible");
    let reasons = v["reasons"].as_array().unwrap();
    assert!(
        reasons
            .iter()
            .all(|r| !r["citations"].as_array().unwrap().is_empty())
    );
    assert!(
        reasons
            .iter()
            .any(|r| r["id"] == "siting.spatial.park" && r["status"] == "conflict")
    );
    let alternatives = v["alternatives"].as_array().unwrap();
    assert!(
        alternatives[0]["name"]
            .as_str()
            .unwrap()
            .contains("柯桥滨海印染集聚区")
    );
    assert!(
        v["layers_hit"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["layer"] == "units")
    );
    assert!(v["distances"].is_array());
    assert!(v["argument"].is_null());
    assert_eq!(v["illustrative"], true);
}

#[test]
fn a_filing_in_the_cluster_is_compatible_and_gets_a_facts_argument_without_model() {
    let out = run(&[
        "siting",
        &fixture("ok_binhai_new_dyeing.json"),
        "--no-model",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["verdict"], "compatible");
    assert_eq!(v["argument"]["method"], "facts");
    assert!(v["argument"]["text"].as_str().unwrap().contains("选址符合"));
}

#[test]
fn html_has_the_map_and_no_external_references() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("s.html");
    let svg = dir.path().join("s.svg");
    let out = run(&[
        "siting",
        "--lon",
        "120.869",
        "--lat",
        "30.03",
        "--processes",
        "dyeing",
        "--no-model",
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg ") && page.contains("曹娥江"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(page.contains("示意图层"));
    let map = std::fs::read_to_string(&svg).unwrap();
    assert!(map.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(map.contains("图例") && map.contains("厂址"));
}

#[test]
fn bad_input_is_refused_with_a_precise_message() {
    let out = run(&[
        "siting",
        "--lon",
        "120.45",
        "--lat",
        "29.95",
        "--processes",
        "dyeing,boiling",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("boiling") && err.contains("dyeing"), "{err}");

    let out = run(&[
        "siting",
        "--lon",
        "30.168",
        "--lat",
        "120.652",
        "--no-argument",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("填反"));

    let out = run(&["siting"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lon"));
}

const OFFICIAL_UNITS: &str = r#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"单元编码":"ZH33060330001","单元名称":"柯桥区一般管控单元","管控单元类别":"一般管控单元"},
  "geometry":{"type":"Polygon","coordinates":[[[120.30,29.70],[120.55,29.70],[120.55,30.12],[120.30,30.12],[120.30,29.70]]]}}]}"#;

#[test]
fn official_layers_replace_the_shipped_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("units.geojson"), OFFICIAL_UNITS).unwrap();
    let out = run(&[
        "siting",
        "--lon",
        "120.45",
        "--lat",
        "29.95",
        "--processes",
        "dyeing",
        "--no-argument",
        "--format",
        "json",
        "--zoning",
        dir.path().to_str().unwrap(),
    ]);
    let v = json(&out);
    let unit = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "siting.spatial.unit")
        .unwrap()
        .clone();
    assert_eq!(unit["status"], "conflict");
    assert_eq!(unit["illustrative"], false);
    assert!(unit["message"].as_str().unwrap().contains("ZH33060330001"));

    std::fs::write(dir.path().join("units.shp"), b"not really").unwrap();
    std::fs::remove_file(dir.path().join("units.geojson")).unwrap();
    let out = run(&[
        "siting",
        "--lon",
        "120.45",
        "--lat",
        "29.95",
        "--zoning",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ogr2ogr"));
}

#[test]
fn check_adds_spatial_findings_unless_told_not_to() {
    let f = fixture("warn_outside_park_keqiao.json");
    let v = json(&run(&["check", &f, "--format", "json"]));
    let spatial: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| {
            x["rule_id"]
                .as_str()
                .unwrap()
                .starts_with("siting.spatial.")
        })
        .collect();
    // The filing says "no park", the coordinates are in the Binhai cluster.
    assert!(
        spatial
            .iter()
            .any(|x| x["rule_id"] == "siting.spatial.park_declared"
                && x["message"]
                    .as_str()
                    .unwrap()
                    .contains("柯桥滨海印染集聚区")),
        "{spatial:#?}"
    );
    assert!(
        spatial
            .iter()
            .all(|x| x["category"] == "siting" && !x["citations"].as_array().unwrap().is_empty())
    );
    let v = json(&run(&["check", &f, "--format", "json", "--no-siting"]));
    assert!(v["findings"].as_array().unwrap().iter().all(|x| {
        !x["rule_id"]
            .as_str()
            .unwrap()
            .starts_with("siting.spatial.")
    }));
}
