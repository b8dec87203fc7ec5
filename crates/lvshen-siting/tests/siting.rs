//! Sites against the shipped (illustrative) layers: inside the Binhai cluster, outside any
//! park, in a water-source zone, in the 曹娥江 belt, at a unit boundary; and official-format
//! layers loading (or being refused with a precise message).

use lvshen_filing::codes::{ConstructionType, Process};
use lvshen_siting::{
    Analysis, LayerKind, Layers, Options, Site, SitingError, Status, UnitKind, Verdict, analyze,
};

fn dyeing_site(lon: f64, lat: f64) -> Site {
    let mut site = Site::at(lon, lat);
    site.industry_code = Some("C1713".into());
    site.processes = vec![Process::Pretreatment, Process::Dyeing, Process::HeatSetting];
    site.construction = Some(ConstructionType::New);
    site
}

fn run(site: &Site) -> Analysis {
    let layers = Layers::embedded().expect("shipped layers");
    analyze(layers, site, &Options::default()).expect("analysis")
}

fn reason<'a>(a: &'a Analysis, id: &str) -> &'a lvshen_siting::Reason {
    a.reasons
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no reason {id}: {:#?}", a.reasons))
}

#[test]
fn inside_the_binhai_cluster_is_compatible() {
    let a = run(&dyeing_site(120.652, 30.168));
    assert_eq!(a.verdict, Verdict::Compatible, "{:#?}", a.reasons);
    assert_eq!(reason(&a, "siting.spatial.unit").status, Status::Ok);
    let park = reason(&a, "siting.spatial.park");
    assert_eq!(park.status, Status::Ok);
    assert!(
        park.message.contains("柯桥滨海印染集聚区"),
        "{}",
        park.message
    );
    assert!(
        a.layers_hit
            .iter()
            .any(|h| h.layer == LayerKind::Units && h.detail == UnitKind::KeyIndustrial.label_zh())
    );
    assert_eq!(a.site.located_district.as_deref(), Some("柯桥区"));
    assert!(a.alternatives.is_empty());
    assert!(
        a.illustrative,
        "the shipped layers are 示意 and the analysis says so"
    );
}

#[test]
fn outside_any_park_is_incompatible_with_alternatives() {
    let a = run(&dyeing_site(120.45, 29.95));
    assert_eq!(a.verdict, Verdict::Incompatible);
    let park = reason(&a, "siting.spatial.park");
    assert_eq!(park.status, Status::Conflict);
    assert!(
        park.citations
            .iter()
            .any(|c| c.doc.contains("印染行业规范条件") && c.clause == "一（二）")
    );
    assert_eq!(reason(&a, "siting.spatial.unit").status, Status::Conflict);
    let first = a.alternatives.first().expect("an alternative site");
    assert!(
        first.name.contains("柯桥滨海印染集聚区"),
        "{:#?}",
        a.alternatives
    );
    assert_eq!(first.verdict, Verdict::Compatible);
    assert!(
        first.distance_m > 10_000.0 && first.distance_m < 30_000.0,
        "{}",
        first.distance_m
    );
    assert!(!first.resolves.is_empty());
    // Compatible ones first, nearest first within each verdict.
    assert!(
        a.alternatives
            .windows(2)
            .all(
                |w| w[0].verdict == w[1].verdict && w[0].distance_m <= w[1].distance_m
                    || w[0].verdict == Verdict::Compatible && w[1].verdict != Verdict::Compatible
            )
    );
}

#[test]
fn inside_a_water_source_zone_is_incompatible_citing_the_water_law() {
    let a = run(&dyeing_site(120.75, 29.87));
    assert_eq!(a.verdict, Verdict::Incompatible);
    let water = reason(&a, "siting.spatial.water_source");
    assert_eq!(water.status, Status::Conflict);
    assert!(water.message.contains("一级保护区"), "{}", water.message);
    assert!(water.citations.iter().any(|c| c.clause == "第六十五条"));
    // Reported once, for the strictest zone.
    assert_eq!(
        a.reasons
            .iter()
            .filter(|r| r.id == "siting.spatial.water_source")
            .count(),
        1
    );
}

#[test]
fn within_the_caoejiang_belt_is_incompatible_for_new_and_conditional_for_renovation() {
    // 200 m east of the centre line near 百官: the bank is 150 m off the line, so 50 m.
    let lon = 120.867 + 200.0 / 96_470.0;
    let a = run(&dyeing_site(lon, 30.03));
    let zone = reason(&a, "siting.spatial.caoejiang");
    assert_eq!(zone.status, Status::Conflict, "{}", zone.message);
    let bank = zone.distance_m.expect("bank distance");
    assert!((30.0..=70.0).contains(&bank), "bank distance {bank}");
    assert!(
        zone.citations
            .iter()
            .any(|c| c.clause == "第十三条第一款（二）")
    );
    assert_eq!(a.verdict, Verdict::Incompatible);

    let mut renovation = dyeing_site(lon, 30.03);
    renovation.construction = Some(ConstructionType::TechnicalRenovation);
    let b = run(&renovation);
    let zone = reason(&b, "siting.spatial.caoejiang");
    assert_eq!(zone.status, Status::Condition);
    assert!(zone.citations.iter().any(|c| c.clause == "第十三条第二款"));

    // 1 km further east it is outside the belt, and listed as a distance.
    let c = run(&dyeing_site(lon + 0.0105, 30.03));
    assert!(c.reasons.iter().all(|r| r.id != "siting.spatial.caoejiang"));
    assert!(
        c.distances
            .iter()
            .any(|d| d.layer == LayerKind::Rivers && d.name.starts_with("曹娥江"))
    );
}

#[test]
fn at_a_unit_boundary_the_verdict_asks_for_verification() {
    // ~100 m inside the southern edge of the Binhai cluster (edge at 30.1290 for 120.65°E).
    let a = run(&dyeing_site(120.65, 30.1299));
    let boundary = reason(&a, "siting.spatial.unit_boundary");
    assert_eq!(boundary.status, Status::Condition);
    let d = boundary.distance_m.expect("distance to the boundary");
    assert!(d < 200.0, "{d}");
    assert_eq!(a.verdict, Verdict::Conditional, "{:#?}", a.reasons);
}

#[test]
fn declared_park_and_district_are_compared_with_the_coordinates() {
    let mut site = dyeing_site(120.652, 30.168);
    site.declared_park = lvshen_siting::DeclaredPark::Outside;
    site.declared_district = Some("诸暨市".into());
    let a = run(&site);
    let park = reason(&a, "siting.spatial.park_declared");
    assert!(
        park.message.contains("柯桥滨海印染集聚区"),
        "{}",
        park.message
    );
    let district = reason(&a, "siting.spatial.district");
    assert!(district.message.contains("柯桥区"), "{}", district.message);
}

#[test]
fn bad_coordinates_are_refused_with_the_reason() {
    let layers = Layers::embedded().expect("layers");
    let swapped = analyze(layers, &Site::at(30.168, 120.652), &Options::default());
    assert!(
        matches!(&swapped, Err(SitingError::Site(m)) if m.contains("填反")),
        "{swapped:?}"
    );
    let nan = analyze(layers, &Site::at(f64::NAN, 30.0), &Options::default());
    assert!(nan.is_err());
    // Far away: analysed, but says the layers do not cover it.
    let beijing = analyze(layers, &dyeing_site(116.4, 39.9), &Options::default()).expect("ok");
    assert!(
        beijing
            .reasons
            .iter()
            .any(|r| r.id == "siting.spatial.coverage")
    );
}

const OFFICIAL_UNITS: &str = r#"{
  "type": "FeatureCollection",
  "features": [
    { "type": "Feature",
      "properties": { "单元编码": "ZH33060320001", "单元名称": "柯桥区滨海工业区产业集聚重点管控单元",
                      "管控单元类别": "重点管控单元", "空间布局约束": "优化完善区域产业布局，合理规划布局三类工业项目。" },
      "geometry": { "type": "Polygon", "coordinates": [[[120.55,30.12],[120.72,30.12],[120.72,30.21],[120.55,30.21],[120.55,30.12]]] } },
    { "type": "Feature",
      "properties": { "单元编码": "ZH33060330001", "单元名称": "柯桥区一般管控单元", "管控单元类别": "一般管控单元" },
      "geometry": { "type": "MultiPolygon", "coordinates": [[[[120.30,29.70],[120.55,29.70],[120.55,30.12],[120.30,30.12],[120.30,29.70]]]] } }
  ]
}"#;

#[test]
fn an_official_format_unit_layer_loads_and_decides() {
    let layers = Layers::load(&[("units.geojson".into(), OFFICIAL_UNITS.into())])
        .expect("official layer loads");
    assert_eq!(layers.units.items.len(), 2);
    assert!(!layers.units.info.illustrative);
    let unit = &layers.units.items[0].attrs;
    assert_eq!(
        unit.kind,
        UnitKind::KeyIndustrial,
        "subtype read from the name"
    );
    assert_eq!(unit.code.as_deref(), Some("ZH33060320001"));

    let a = analyze(&layers, &dyeing_site(120.652, 30.168), &Options::default()).expect("ok");
    let r = reason(&a, "siting.spatial.unit");
    // No class columns: the kind's general rule, conditional for Class 3, with the list text.
    assert_eq!(r.status, Status::Condition);
    assert!(r.message.contains("ZH33060320001") && r.message.contains("合理规划布局三类工业项目"));
    assert!(!r.illustrative);

    let b = analyze(&layers, &dyeing_site(120.45, 29.95), &Options::default()).expect("ok");
    let r = reason(&b, "siting.spatial.unit");
    assert_eq!(r.status, Status::Conflict);
    assert!(!r.illustrative, "decided on the official layer");
}

#[test]
fn broken_layers_are_refused_naming_file_feature_and_problem() {
    let projected = OFFICIAL_UNITS.replace(
        "[120.55,30.12],[120.72,30.12]",
        "[40512345.1,3334567.2],[120.72,30.12]",
    );
    let err = Layers::load(&[("units.geojson".into(), projected)]).expect_err("projected");
    let text = err.to_string();
    assert!(
        text.contains("units.geojson") && text.contains("第 1 个要素") && text.contains("投影坐标"),
        "{text}"
    );

    let no_kind = OFFICIAL_UNITS.replace("\"管控单元类别\": \"一般管控单元\"", "\"备注\": \"x\"");
    let text = Layers::load(&[("units.geojson".into(), no_kind)])
        .expect_err("kind")
        .to_string();
    assert!(
        text.contains("第 2 个要素") && text.contains("单元类别"),
        "{text}"
    );

    let text = Layers::load(&[("units.geojson".into(), "{ not json".into())])
        .expect_err("syntax")
        .to_string();
    assert!(text.contains("不是有效的 GeoJSON"), "{text}");

    let text = Layers::load(&[("zones.geojson".into(), OFFICIAL_UNITS.into())])
        .expect_err("name")
        .to_string();
    assert!(text.contains("units.geojson"), "{text}");
}

#[test]
fn a_sensitive_area_the_filing_declares_but_the_layers_do_not_show_is_a_condition() {
    // `check` reads the filing's declaration, `siting` the layers: they must not contradict
    // each other (issue 17, found as a new user would).
    let mut site = dyeing_site(120.652, 30.168);
    site.declared_inside = vec![(
        lvshen_siting::ReceptorKindDeclared::WaterSource,
        "示例水库饮用水水源二级保护区".into(),
    )];
    let a = run(&site);
    assert_eq!(a.verdict, Verdict::Conditional, "{:#?}", a.reasons);
    let r = reason(&a, "siting.spatial.declared_area");
    assert!(r.message.contains("与图层不一致，须核实"), "{}", r.message);
}
