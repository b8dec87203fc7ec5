//! The verdict: a site against every layer, each reason with its citations.

use geo::{Coord, Distance, InteriorPoint, Point};
use lvshen_filing::codes::{ConstructionType, Process};
use lvshen_filing::{Citation, Confidence, Filing};
use serde::Serialize;

use crate::error::SitingError;
use crate::layers::{
    Access, Dyeing, Item, LayerInfo, LayerKind, Layers, Park, ProtectedKind, ReceptorKind, Unit,
    UnitKind, WaterLevel, boundary_distance,
};
use crate::project::direction;

/// Documents the reasons cite (clause ids as in the knowledge base's digests).
pub(crate) mod docs {
    pub const REGULATION: &str = "建设项目环境保护管理条例";
    pub const NORMS_2023: &str = "印染行业规范条件（2023年版）";
    pub const ZONING_DIGEST: &str = "绍兴印染产业集聚与生态环境分区管控（整理）";
    pub const CAOEJIANG: &str = "浙江省曹娥江流域水环境保护条例";
    pub const WATER_LAW: &str = "中华人民共和国水污染防治法";
    pub const EP_LAW: &str = "中华人民共和国环境保护法";
    pub const CATALOGUE: &str = "建设项目环境影响评价分类管理名录（2021年版）";
    pub const AIR_LAW: &str = "中华人民共和国大气污染防治法";
    pub const FORMAT: &str = "标准化信息填报格式 v1";
}
use docs::*;

/// Districts of the 曹娥江 basin (条例 第二条).
const CAOEJIANG_BASIN: [&str; 5] = ["新昌", "嵊州", "上虞", "柯桥", "越城"];

/// What the filing says about the park.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum DeclaredPark {
    /// The key is absent.
    NotGiven,
    /// `null`: outside any park.
    Outside,
    /// A park name.
    Named(String),
}

/// The project at a site.
#[derive(Debug, Clone)]
pub struct Site {
    pub name: Option<String>,
    pub lon: f64,
    pub lat: f64,
    pub industry_code: Option<String>,
    pub processes: Vec<Process>,
    pub construction: Option<ConstructionType>,
    pub declared_district: Option<String>,
    pub declared_park: DeclaredPark,
    /// The 环境管控单元 code or name the applicant claims.
    pub declared_unit: Option<String>,
    /// Sensitive areas the filing itself declares the site to lie in (receptors of kind
    /// water source, nature reserve or ecological red line at distance 0): (kind, name).
    pub declared_inside: Vec<(ReceptorKindDeclared, String)>,
}

/// A sensitive-area kind a filing can declare the site inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceptorKindDeclared {
    WaterSource,
    NatureReserve,
    EcologicalRedline,
}

impl ReceptorKindDeclared {
    fn label_zh(self) -> &'static str {
        match self {
            ReceptorKindDeclared::WaterSource => "饮用水水源保护区",
            ReceptorKindDeclared::NatureReserve => "自然保护区",
            ReceptorKindDeclared::EcologicalRedline => "生态保护红线",
        }
    }
}

impl Site {
    /// A bare site: coordinates, industry and processes (the CLI's `--lon --lat` form).
    pub fn at(lon: f64, lat: f64) -> Site {
        Site {
            name: None,
            lon,
            lat,
            industry_code: None,
            processes: Vec::new(),
            construction: None,
            declared_district: None,
            declared_park: DeclaredPark::NotGiven,
            declared_unit: None,
            declared_inside: Vec::new(),
        }
    }

    /// The site a filing describes.
    pub fn from_filing(filing: &Filing) -> Site {
        let location = &filing.location;
        Site {
            name: Some(filing.project.name.clone()),
            lon: location.longitude,
            lat: location.latitude,
            industry_code: filing.project.industry_code.clone(),
            processes: filing.processes().to_vec(),
            construction: filing.project.construction_type,
            declared_district: Some(location.district.clone()).filter(|d| !d.trim().is_empty()),
            declared_park: match (&location.industrial_park, location.industrial_park_given) {
                (Some(name), _) => DeclaredPark::Named(name.clone()),
                (None, true) => DeclaredPark::Outside,
                (None, false) => DeclaredPark::NotGiven,
            },
            declared_unit: location
                .zoning_unit
                .clone()
                .filter(|u| !u.trim().is_empty()),
            declared_inside: filing
                .receptors()
                .iter()
                .filter(|r| r.distance_m.is_some_and(|d| d <= 0.0))
                .filter_map(|r| {
                    use lvshen_filing::codes::ReceptorKind as K;
                    let kind = match r.kind? {
                        K::WaterSource => ReceptorKindDeclared::WaterSource,
                        K::NatureReserve => ReceptorKindDeclared::NatureReserve,
                        K::EcologicalRedline => ReceptorKindDeclared::EcologicalRedline,
                        _ => return None,
                    };
                    Some((kind, r.name.clone()))
                })
                .collect(),
        }
    }

    fn validate(&self) -> Result<(), SitingError> {
        if !self.lon.is_finite() || !self.lat.is_finite() {
            return Err(SitingError::Site("经纬度必须是有限数值".into()));
        }
        if (-90.0..=90.0).contains(&self.lon) && (73.0..=135.0).contains(&self.lat) {
            return Err(SitingError::Site(format!(
                "经度 {} / 纬度 {} 疑似填反（中国境内经度约 73～135、纬度约 18～54）",
                self.lon, self.lat
            )));
        }
        if !(-180.0..=180.0).contains(&self.lon) || !(-90.0..=90.0).contains(&self.lat) {
            return Err(SitingError::Site(format!(
                "经度 {} / 纬度 {} 超出范围（经度 −180～180，纬度 −90～90）；若为投影坐标（米），请换算为 WGS-84 经纬度",
                self.lon, self.lat
            )));
        }
        Ok(())
    }

    /// Whether the project adds capacity: new, expansion, relocation (or not said).
    pub fn adds_capacity(&self) -> bool {
        !matches!(
            self.construction,
            Some(ConstructionType::Renovation | ConstructionType::TechnicalRenovation)
        )
    }

    /// The industrial project class in Zhejiang's 工业项目分类表 and why.
    ///
    /// 印染 (pretreatment, dyeing, printing, and the wet steps that go with them) is treated
    /// as Class 3 (domain.md §6.2, [M]); other textile work as Class 2, also [M]. Digital
    /// printing alone is put with Class 2 because the EIA catalogue treats it as the lighter
    /// case (名录 item 28 报告表), which is an assumption, said in the text.
    pub fn industry_class(&self) -> (u8, String) {
        let heavy: Vec<&str> = self
            .processes
            .iter()
            .filter(|p| {
                p.is_dyeing_core()
                    || matches!(
                        p,
                        Process::Mercerizing
                            | Process::WoolScouring
                            | Process::Degumming
                            | Process::CoatingSolvent
                    )
            })
            .map(|p| p.label_zh())
            .collect();
        if !heavy.is_empty() {
            return (
                3,
                format!(
                    "含{}工序，属印染项目，按三类工业项目对待（浙江工业项目分类，待核实）",
                    heavy.join("、")
                ),
            );
        }
        if self.processes.is_empty() {
            let textile = self
                .industry_code
                .as_deref()
                .is_some_and(|c| c.trim_start_matches(['C', 'c']).starts_with("171"));
            if textile || self.industry_code.is_none() {
                return (
                    3,
                    "未列工序，按印染项目（三类工业项目，待核实）从严对待".into(),
                );
            }
        }
        (
            2,
            "无前处理、染色、印花等印染工序，按二类工业项目对待（待核实）".into(),
        )
    }
}

/// Thresholds of the analysis. Distances are this product's screening values, not
/// statutory ones, except the 曹娥江 belt widths which come from the layer (条例 第二条).
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A site this close to a unit or park boundary gets a "verify on the official layer"
    /// condition: coordinates from a phone or a Chinese web map (GCJ-02, offset by
    /// hundreds of metres) and layer precision are of this order.
    pub boundary_tolerance_m: f64,
    /// Sensitive areas (water sources, red lines) within this distance are "near".
    pub near_m: f64,
    /// Homes, schools, hospitals within this distance of a dye house need an argument.
    pub odour_m: f64,
    /// Beyond the 曹娥江 belt, this margin asks to verify the plant boundary.
    pub caoejiang_margin_m: f64,
    /// Features within this distance are listed in `distances`.
    pub report_radius_m: f64,
    /// How many alternative sites to propose.
    pub alternatives: usize,
    /// The date of review: reasons cite the law in force that day (the 生态环境法典's
    /// articles from 2026-08-15, not the laws it repealed). `None` leaves the citations as
    /// the reasons are written (the articles of the laws in force before 2026-08-15); every
    /// caller that shows a result to a user sets it.
    pub as_of: Option<lvshen_rules::Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            boundary_tolerance_m: 200.0,
            near_m: 1000.0,
            odour_m: 300.0,
            caoejiang_margin_m: 200.0,
            report_radius_m: 3000.0,
            alternatives: 3,
            as_of: None,
        }
    }
}

impl Options {
    /// Defaults with the screening distances of the standards in use (`policy.toml`).
    pub fn from_screening(screening: &lvshen_rules::Screening) -> Options {
        Options {
            near_m: screening.sensitive_near_m,
            odour_m: screening.odour_receptor_m,
            caoejiang_margin_m: screening.caoejiang_margin_m,
            ..Options::default()
        }
    }
}

/// How a reason bears on the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The site breaks a ban or a requirement.
    Conflict,
    /// Acceptable if a condition is met or a fact verified.
    Condition,
    /// Fits.
    Ok,
}

impl Status {
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Conflict => "不符合",
            Status::Condition => "须核实/有条件",
            Status::Ok => "符合",
        }
    }
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Compatible,
    Conditional,
    Incompatible,
}

impl Verdict {
    pub fn label_zh(self) -> &'static str {
        match self {
            Verdict::Compatible => "选址符合",
            Verdict::Conditional => "选址有条件符合（须核实）",
            Verdict::Incompatible => "选址不符合",
        }
    }
}

/// One reason of the verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// Stable id, also the rule id of the finding it becomes.
    pub id: &'static str,
    pub status: Status,
    pub message: String,
    pub citations: Vec<Citation>,
    /// Confidence of the decisive basis (the law, or our reading of the zoning rules).
    pub confidence: Confidence,
    /// Rests on an illustrative (示意) layer.
    pub illustrative: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<LayerKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
}

impl Reason {
    fn new(id: &'static str, status: Status, message: String) -> Reason {
        Reason {
            id,
            status,
            message,
            citations: Vec::new(),
            confidence: Confidence::V,
            illustrative: false,
            layer: None,
            feature: None,
            distance_m: None,
        }
    }

    fn cite(mut self, doc: &str, clause: &str) -> Reason {
        self.citations.push(Citation::new(doc, clause));
        self
    }

    fn confidence(mut self, c: Confidence) -> Reason {
        self.confidence = self.confidence.max(c);
        self
    }

    fn on<T>(mut self, kind: LayerKind, item: &Item<T>, name: &str) -> Reason {
        self.layer = Some(kind);
        self.feature = Some(name.to_owned());
        self.illustrative |= item.illustrative;
        self
    }

    fn distance(mut self, d: f64) -> Reason {
        self.distance_m = Some(round_m(d));
        self
    }
}

/// A layer feature the site lies in.
#[derive(Debug, Clone, Serialize)]
pub struct LayerHit {
    pub layer: LayerKind,
    pub layer_zh: &'static str,
    pub name: String,
    /// Type or level, e.g. 重点管控单元（产业集聚类）, 二级保护区.
    pub detail: String,
    pub illustrative: bool,
}

/// A feature near the site.
#[derive(Debug, Clone, Serialize)]
pub struct DistanceEntry {
    pub layer: LayerKind,
    pub layer_zh: &'static str,
    pub name: String,
    /// Metres from the site to the feature's nearest edge (to the bank for river lines).
    pub distance_m: f64,
    /// Where the feature is, seen from the site.
    pub direction: &'static str,
    pub inside: bool,
    pub illustrative: bool,
}

/// A site that would fit better.
#[derive(Debug, Clone, Serialize)]
pub struct Alternative {
    pub name: String,
    pub layer: LayerKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// From the site to the nearest edge of the park or unit.
    pub distance_m: f64,
    pub direction: &'static str,
    /// A point inside it, where it was evaluated.
    pub lon: f64,
    pub lat: f64,
    pub verdict: Verdict,
    /// What would change: the conflicts at the site that do not arise there.
    pub resolves: Vec<String>,
    /// What would still need checking there.
    pub remaining: Vec<String>,
    pub illustrative: bool,
}

impl Alternative {
    /// The verdict there, in Chinese.
    pub fn verdict_label(&self) -> &'static str {
        self.verdict.label_zh()
    }
}

/// The site as analysed.
#[derive(Debug, Clone, Serialize)]
pub struct SiteFacts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub lon: f64,
    pub lat: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_district: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub located_district: Option<String>,
    pub declared_park: DeclaredPark,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry_code: Option<String>,
    pub processes: Vec<&'static str>,
    pub industry_class: u8,
    pub industry_class_basis: String,
    pub adds_capacity: bool,
    pub in_caoejiang_basin: bool,
}

/// The result of a siting analysis.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub site: SiteFacts,
    pub verdict: Verdict,
    pub verdict_zh: &'static str,
    pub reasons: Vec<Reason>,
    pub layers_hit: Vec<LayerHit>,
    pub distances: Vec<DistanceEntry>,
    pub alternatives: Vec<Alternative>,
    pub layers: Vec<LayerInfo>,
    /// Some conclusion rests on an illustrative layer.
    pub illustrative: bool,
    /// The site in the layers' planar metres (for the map).
    #[serde(skip)]
    pub point: Coord,
}

fn round_m(d: f64) -> f64 {
    if d.abs() >= 100.0 {
        (d / 10.0).round() * 10.0
    } else {
        d.round()
    }
}

/// Metres as people write them: 80 m, 1.2 km.
pub fn fmt_distance(d: f64) -> String {
    let d = round_m(d.max(0.0));
    if d >= 1000.0 {
        let km = (d / 100.0).round() / 10.0;
        format!("{km} km")
    } else {
        format!("{d} m")
    }
}

/// Analyses a site against the layers.
pub fn analyze(layers: &Layers, site: &Site, options: &Options) -> Result<Analysis, SitingError> {
    site.validate()?;
    let c = layers.projection.forward(site.lon, site.lat);
    let p = Point(c);
    let (class, class_basis) = site.industry_class();
    let mut eval = evaluate(layers, site, p, class, options, true);
    let located_district = layers
        .districts
        .containing(p)
        .first()
        .map(|d| d.attrs.name.clone());
    let in_basin = located_district
        .as_deref()
        .or(site.declared_district.as_deref())
        .is_some_and(|d| CAOEJIANG_BASIN.iter().any(|b| d.contains(b)));
    // What the filing itself declares: a sensitive area the site is inside that the layers do
    // not show is at least a condition, so that `check` (which reads the declaration) and
    // `siting` (which reads the layers) never contradict each other.
    for (kind, name) in &site.declared_inside {
        let layer = match kind {
            ReceptorKindDeclared::WaterSource => LayerKind::WaterSources,
            _ => LayerKind::Redlines,
        };
        let shown = eval.reasons.iter().any(|r| {
            r.layer == Some(layer)
                && r.status != Status::Ok
                && r.distance_m.is_none_or(|d| d <= 0.0)
        });
        if !shown {
            let clauses: &[(&str, &str)] = match kind {
                ReceptorKindDeclared::WaterSource => &[
                    (WATER_LAW, "第六十五条"),
                    (WATER_LAW, "第六十六条"),
                    (WATER_LAW, "第六十七条"),
                ],
                _ => &[(EP_LAW, "第二十九条"), (CATALOGUE, "第三条")],
            };
            let mut r = Reason::new(
                DECLARED_AREA_ID,
                Status::Condition,
                format!(
                    "申报材料称厂址位于{}“{name}”内，与图层不一致，须核实；若属实，该区域内的限制适用于本项目",
                    kind.label_zh()
                ),
            )
            .confidence(Confidence::V);
            for (doc, clause) in clauses {
                r = r.cite(doc, clause);
            }
            eval.reasons.push(r);
        }
    }
    let verdict = verdict_of(&eval.reasons);
    let alternatives = if verdict == Verdict::Incompatible
        || eval
            .reasons
            .iter()
            .any(|r| r.id == PARK_ID && r.status == Status::Conflict)
    {
        alternatives(layers, site, p, class, options, &eval.reasons)
    } else {
        Vec::new()
    };
    eval.reasons.sort_by_key(|r| r.status);
    if let Some(as_of) = options.as_of {
        let book = lvshen_rules::LawBook::builtin();
        for reason in &mut eval.reasons {
            reason.citations = lvshen_rules::cite_as_of(book, &reason.citations, as_of);
        }
    }
    let illustrative = eval
        .reasons
        .iter()
        .any(|r| r.illustrative && r.status != Status::Ok)
        || eval.hits.iter().any(|h| h.illustrative);
    Ok(Analysis {
        site: SiteFacts {
            name: site.name.clone(),
            lon: site.lon,
            lat: site.lat,
            declared_district: site.declared_district.clone(),
            located_district,
            declared_park: site.declared_park.clone(),
            industry_code: site.industry_code.clone(),
            processes: site.processes.iter().map(|p| p.label_zh()).collect(),
            industry_class: class,
            industry_class_basis: class_basis,
            adds_capacity: site.adds_capacity(),
            in_caoejiang_basin: in_basin,
        },
        verdict,
        verdict_zh: verdict.label_zh(),
        reasons: eval.reasons,
        layers_hit: eval.hits,
        distances: eval.distances,
        alternatives,
        layers: layers.infos(),
        illustrative,
        point: c,
    })
}

fn verdict_of(reasons: &[Reason]) -> Verdict {
    if reasons.iter().any(|r| r.status == Status::Conflict) {
        Verdict::Incompatible
    } else if reasons.iter().any(|r| r.status == Status::Condition) {
        Verdict::Conditional
    } else {
        Verdict::Compatible
    }
}

pub(crate) const UNIT_ID: &str = "siting.spatial.unit";
pub(crate) const UNIT_BOUNDARY_ID: &str = "siting.spatial.unit_boundary";
pub(crate) const UNIT_DECLARED_ID: &str = "siting.spatial.unit_declared";
pub(crate) const PARK_ID: &str = "siting.spatial.park";
pub(crate) const PARK_DECLARED_ID: &str = "siting.spatial.park_declared";
pub(crate) const REDLINE_ID: &str = "siting.spatial.redline";
pub(crate) const WATER_ID: &str = "siting.spatial.water_source";
pub(crate) const CAOEJIANG_ID: &str = "siting.spatial.caoejiang";
pub(crate) const RECEPTOR_ID: &str = "siting.spatial.receptor";
pub(crate) const DISTRICT_ID: &str = "siting.spatial.district";
pub(crate) const COVERAGE_ID: &str = "siting.spatial.coverage";
pub(crate) const DECLARED_AREA_ID: &str = "siting.spatial.declared_area";

/// Every reason id with its Chinese name, for `lvshen rules`.
pub const REASON_IDS: [(&str, &str); 12] = [
    (UNIT_ID, "环境管控单元准入（按坐标）"),
    (UNIT_DECLARED_ID, "申报管控单元与坐标一致性"),
    (UNIT_BOUNDARY_ID, "位于管控单元边界附近"),
    (PARK_ID, "工业园区/印染集聚区（按坐标）"),
    (PARK_DECLARED_ID, "申报园区与坐标一致性"),
    (REDLINE_ID, "生态保护红线、自然保护区（按坐标）"),
    (WATER_ID, "饮用水水源保护区（按坐标）"),
    (CAOEJIANG_ID, "曹娥江重点保护区（按坐标）"),
    (RECEPTOR_ID, "周边环境敏感目标（按坐标）"),
    (DISTRICT_ID, "申报区县与坐标一致性"),
    (COVERAGE_ID, "坐标是否在图层覆盖范围内"),
    (DECLARED_AREA_ID, "申报的环境敏感区与图层一致性"),
];

struct Evaluation {
    reasons: Vec<Reason>,
    hits: Vec<LayerHit>,
    distances: Vec<DistanceEntry>,
}

fn hit<T>(hits: &mut Vec<LayerHit>, layer: LayerKind, item: &Item<T>, name: &str, detail: String) {
    hits.push(LayerHit {
        layer,
        layer_zh: layer.label_zh(),
        name: name.to_owned(),
        detail,
        illustrative: item.illustrative,
    });
}

#[allow(clippy::too_many_arguments)]
fn near<T>(
    out: &mut Vec<DistanceEntry>,
    layer: LayerKind,
    item: &Item<T>,
    name: &str,
    site: Point,
    target: Coord,
    distance: f64,
) {
    out.push(DistanceEntry {
        layer,
        layer_zh: layer.label_zh(),
        name: name.to_owned(),
        distance_m: round_m(distance.max(0.0)),
        direction: direction(site.0, target),
        inside: distance <= 0.0,
        illustrative: item.illustrative,
    });
}

fn closest_coord<T>(item: &Item<T>, p: Point) -> Coord {
    use geo::{Closest, ClosestPoint};
    match item.geometry.closest_point(&p) {
        Closest::Intersection(q) | Closest::SinglePoint(q) => q.0,
        Closest::Indeterminate => p.0,
    }
}

/// Every reason for one point. `full` adds the checks that compare with what the filing
/// declares (park name, district) and the receptor screening; alternatives skip them.
fn evaluate(
    layers: &Layers,
    site: &Site,
    p: Point,
    class: u8,
    options: &Options,
    full: bool,
) -> Evaluation {
    let mut ev = Evaluation {
        reasons: Vec::new(),
        hits: Vec::new(),
        distances: Vec::new(),
    };
    let adds = site.adds_capacity();
    let dyeing = class == 3;

    // Coverage: is the point in any district or unit at all?
    let districts = layers.districts.containing(p);
    let units = {
        let mut u = layers.units.containing(p);
        u.sort_by_key(|i| i.attrs.kind.precedence());
        u
    };
    if districts.is_empty() && units.is_empty() {
        let mut r = Reason::new(
            COVERAGE_ID,
            Status::Condition,
            format!(
                "坐标（东经 {:.5}°，北纬 {:.5}°）不在所加载的行政区与管控单元图层范围内，无法按坐标判断所在管控单元和园区；请核实坐标，或加载当地官方图层",
                site.lon, site.lat
            ),
        )
        .cite(FORMAT, "location.longitude, location.latitude");
        r.illustrative = layers.districts.illustrative();
        ev.reasons.push(r);
        // Nothing else can be judged where the layers do not reach.
        return ev;
    }
    for d in &districts {
        hit(
            &mut ev.hits,
            LayerKind::Districts,
            d,
            &d.attrs.name,
            "县级行政区".into(),
        );
    }

    unit_reasons(layers, p, class, adds, options, &units, &mut ev);
    if full {
        declared_unit_reason(site, &units, &mut ev);
    }
    park_reasons(layers, site, p, dyeing, adds, options, full, &mut ev);
    protected_reasons(layers, p, adds, options, &mut ev);
    water_reasons(layers, p, dyeing, adds, options, &mut ev);
    caoejiang_reasons(layers, p, adds, options, &mut ev);
    if full {
        receptor_reasons(layers, p, options, &mut ev);
        district_reason(layers, site, p, &districts, &mut ev);
    }
    ev.distances
        .sort_by(|a, b| a.distance_m.total_cmp(&b.distance_m));
    ev
}

fn declared_unit_reason(site: &Site, units: &[&Item<Unit>], ev: &mut Evaluation) {
    let (Some(declared), Some(item)) = (&site.declared_unit, units.first()) else {
        return;
    };
    let unit = &item.attrs;
    let d = crate::layers::normalize_name(declared);
    // Compare unit codes when both have one; otherwise the unit type the declared name
    // states. Names alone are not compared: the illustrative layer's names are ours.
    let declared_code = d
        .find("ZH")
        .map(|i| {
            d[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|c| c.len() > 4);
    let mismatch = match (&declared_code, &unit.code) {
        (Some(a), Some(b)) => a != b,
        _ => UnitKind::parse(&d).is_some_and(|k| {
            k != unit.kind
                && !(k == UnitKind::KeyOther
                    && matches!(unit.kind, UnitKind::KeyIndustrial | UnitKind::KeyUrban))
        }),
    };
    if !mismatch {
        return;
    }
    let mut r = Reason::new(
        UNIT_DECLARED_ID,
        Status::Condition,
        format!(
            "申报所在管控单元为“{declared}”，但坐标位于{}（{}）；请核实单元编码或厂址坐标",
            unit.label(),
            unit.kind.label_zh()
        ),
    )
    .cite(FORMAT, "location.zoning_unit");
    r.illustrative = item.illustrative;
    ev.reasons.push(r);
}

fn unit_access(unit: &Unit, class: u8) -> (Access, bool) {
    match unit.access[usize::from(class.clamp(1, 3)) - 1] {
        Some(a) => (a, true),
        None => (unit.kind.default_access(class), false),
    }
}

fn unit_reasons(
    layers: &Layers,
    p: Point,
    class: u8,
    adds: bool,
    options: &Options,
    units: &[&Item<Unit>],
    ev: &mut Evaluation,
) {
    let Some(item) = units.first() else {
        if !layers.units.items.is_empty() && !layers.districts.containing(p).is_empty() {
            ev.reasons.push(
                Reason::new(
                    UNIT_ID,
                    Status::Condition,
                    "坐标不在环境管控单元图层的任何单元内，无法判断准入要求；请核实坐标或补充该区域的单元图层".into(),
                )
                .cite(NORMS_2023, "一（一）")
                .confidence(Confidence::V2),
            );
        }
        return;
    };
    let unit = &item.attrs;
    let label = unit.label();
    hit(
        &mut ev.hits,
        LayerKind::Units,
        item,
        &label,
        unit.kind.label_zh().into(),
    );
    let (access, stated) = unit_access(unit, class);
    let class_zh = ["一", "二", "三"][usize::from(class.clamp(1, 3)) - 1];
    let list = unit
        .access_text
        .as_deref()
        .map(|t| format!("；单元准入要求：{t}"))
        .unwrap_or_default();
    let source = if stated && item.illustrative {
        "按示意图层设定的单元准入"
    } else if stated {
        "按单元准入清单"
    } else {
        "单元图层未给出分类准入，按单元类型的一般规则（待核实）"
    };
    let base = |status: Status, message: String| {
        Reason::new(UNIT_ID, status, message)
            .on(LayerKind::Units, item, &label)
            .cite(REGULATION, "第十一条（一）")
            .cite(NORMS_2023, "一（一）")
            .cite(ZONING_DIGEST, "生态环境分区管控单元")
            // Class 3 for dyeing and the kind rules are [M] (domain.md §6.2).
            .confidence(Confidence::M)
    };
    let reason = match (access, adds) {
        (Access::Forbidden, true) => base(
            Status::Conflict,
            format!(
                "厂址位于{label}（{}），{source}，该单元禁止新建、扩建{class_zh}类工业项目{list}",
                unit.kind.label_zh()
            ),
        ),
        (Access::Forbidden, false) => base(
            Status::Condition,
            format!(
                "厂址位于{label}（{}），该单元禁止新建、扩建{class_zh}类工业项目；本项目为改建/技术改造，须不增加污染物排放量并符合单元准入清单{list}",
                unit.kind.label_zh()
            ),
        ),
        (Access::Conditional, _) => base(
            Status::Condition,
            format!(
                "厂址位于{label}（{}），{source}，{class_zh}类工业项目有条件准入，须对照单元准入清单逐项说明{list}",
                unit.kind.label_zh()
            ),
        ),
        (Access::Allowed, _) => base(
            Status::Ok,
            format!(
                "厂址位于{label}（{}），{source}，允许布局{class_zh}类工业项目{list}",
                unit.kind.label_zh()
            ),
        ),
    };
    ev.reasons.push(reason);

    // Near a boundary with a unit of different access: the layer cannot decide.
    let edge = boundary_distance(p, &unit.area);
    if edge < options.boundary_tolerance_m {
        let others: Vec<&Item<Unit>> = layers
            .units
            .within(p, options.boundary_tolerance_m)
            .into_iter()
            .map(|(i, _)| i)
            .filter(|i| {
                !std::ptr::eq(*i, *item)
                    && unit_access(&i.attrs, class).0 != access
                    && i.attrs.kind.precedence() <= UnitKind::General.precedence()
            })
            .collect();
        if let Some(other) = others.first() {
            ev.reasons.push(
                Reason::new(
                    UNIT_BOUNDARY_ID,
                    Status::Condition,
                    format!(
                        "厂址距{label}边界仅 {}，相邻的{}对{class_zh}类项目的准入不同（{}）；在图层精度和坐标误差（含 GCJ-02 偏移）范围内，所在单元须以官方单元图层和厂界坐标核实",
                        fmt_distance(edge),
                        other.attrs.label(),
                        unit_access(&other.attrs, class).0.label_zh()
                    ),
                )
                .on(LayerKind::Units, item, &label)
                .cite(NORMS_2023, "一（一）")
                .confidence(Confidence::V2)
                .distance(edge),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn park_reasons(
    layers: &Layers,
    site: &Site,
    p: Point,
    dyeing: bool,
    adds: bool,
    options: &Options,
    full: bool,
    ev: &mut Evaluation,
) {
    let inside = layers.parks.containing(p);
    for park in &inside {
        hit(
            &mut ev.hits,
            LayerKind::Parks,
            park,
            &park.attrs.name,
            match park.attrs.dyeing {
                Dyeing::Cluster => "印染集聚区".into(),
                Dyeing::Unverified => "工业园区（印染准入待核实）".into(),
                Dyeing::Excluded => "工业园区（不允许印染）".into(),
            },
        );
    }
    let nearest = layers.parks.by_distance(p).into_iter().next();
    if let Some((park, d)) = nearest
        && d > 0.0
        && d <= options.report_radius_m
    {
        near(
            &mut ev.distances,
            LayerKind::Parks,
            park,
            &park.attrs.name,
            p,
            closest_coord(park, p),
            d,
        );
    }
    if full {
        declared_park_reason(site, &inside, nearest, ev);
    }
    if !dyeing || !adds {
        return;
    }
    let district = layers
        .districts
        .containing(p)
        .first()
        .map(|d| d.attrs.name.clone())
        .or_else(|| site.declared_district.clone())
        .unwrap_or_default();
    let in_basin = CAOEJIANG_BASIN.iter().any(|b| district.contains(b));
    match inside.first() {
        None => {
            let mut r = Reason::new(
                PARK_ID,
                Status::Conflict,
                format!(
                    "厂址不在任何工业园区内（最近的{}）；新建、扩建印染项目须进入工业园区，实行集中供热和集中治污{}",
                    nearest
                        .map(|(park, d)| format!("“{}”距 {}", park.attrs.name, fmt_distance(d)))
                        .unwrap_or_else(|| "园区不在图层中".into()),
                    if district.contains("柯桥") {
                        "；柯桥区印染已“一园式”集聚于滨海印染集聚区"
                    } else {
                        ""
                    }
                ),
            )
            .cite(NORMS_2023, "一（二）")
            .confidence(Confidence::V2);
            if in_basin {
                r = r.cite(CAOEJIANG, "第八条");
            }
            if district.contains("柯桥") {
                r = r.cite(ZONING_DIGEST, "柯桥印染集聚");
            }
            r.illustrative = layers.parks.illustrative();
            if let Some((_, d)) = nearest {
                r = r.distance(d);
            }
            ev.reasons.push(r);
        }
        Some(item) => {
            let park: &Park = &item.attrs;
            let services = service_gaps(park);
            let (status, what) = match park.dyeing {
                Dyeing::Cluster if services.is_empty() => (
                    Status::Ok,
                    "为印染集聚区，有集中供热和集中污水处理".to_owned(),
                ),
                Dyeing::Cluster => (Status::Condition, format!("为印染集聚区，但{services}")),
                Dyeing::Unverified => (
                    Status::Condition,
                    format!(
                        "该园区规划及规划环评是否允许印染须核实{}{}",
                        park.remark
                            .as_deref()
                            .map(|r| format!("（{r}）"))
                            .unwrap_or_default(),
                        if services.is_empty() {
                            String::new()
                        } else {
                            format!("；{services}")
                        }
                    ),
                ),
                Dyeing::Excluded => (Status::Conflict, "园区规划不允许印染项目入驻".to_owned()),
            };
            let mut r = Reason::new(PARK_ID, status, format!("厂址位于{}，{what}", park.name))
                .on(LayerKind::Parks, item, &park.name)
                .cite(NORMS_2023, "一（二）")
                .confidence(Confidence::V2);
            if district.contains("柯桥") && park.dyeing != Dyeing::Cluster {
                r.status = Status::Conflict;
                r.message = format!(
                    "厂址位于{}，不在柯桥区印染集聚区内；柯桥区印染已“一园式”集聚于滨海印染集聚区，区内新建印染项目与地方布局不符",
                    park.name
                );
                r = r.cite(ZONING_DIGEST, "柯桥印染集聚");
            }
            let edge = boundary_distance(p, &park.area);
            if r.status == Status::Ok && edge < options.boundary_tolerance_m {
                r.status = Status::Condition;
                r.message.push_str(&format!(
                    "；厂址距园区边界仅 {}，须以园区规划红线和厂界坐标核实全部用地在园区内",
                    fmt_distance(edge)
                ));
                r = r.distance(edge);
            }
            ev.reasons.push(r);
        }
    }
}

fn service_gaps(park: &Park) -> String {
    let mut gaps = Vec::new();
    if park.central_heating == Some(false) {
        gaps.push("园区无集中供热，须说明供热方式");
    }
    if park.central_wwtp == Some(false) {
        gaps.push("园区无集中污水处理，须说明废水去向");
    }
    gaps.join("；")
}

fn declared_park_reason(
    site: &Site,
    inside: &[&Item<Park>],
    nearest: Option<(&Item<Park>, f64)>,
    ev: &mut Evaluation,
) {
    let here = inside.first();
    let message = match (&site.declared_park, here) {
        (DeclaredPark::Named(name), Some(item)) if !item.attrs.matches(name) => {
            format!("申报所在园区为“{name}”，但坐标位于{}", item.attrs.name)
        }
        (DeclaredPark::Named(name), None) => {
            let which = nearest
                .map(|(park, d)| {
                    if park.attrs.matches(name) {
                        format!("，坐标在该园区范围外 {}", fmt_distance(d))
                    } else {
                        format!(
                            "，园区图层中无此园区，坐标也不在任何园区内（最近的“{}”距 {}）",
                            park.attrs.name,
                            fmt_distance(d)
                        )
                    }
                })
                .unwrap_or_default();
            format!("申报所在园区为“{name}”{which}")
        }
        (DeclaredPark::Outside, Some(item)) => {
            format!("申报不在任何工业园区内，但坐标位于{}", item.attrs.name)
        }
        _ => return,
    };
    let mut r = Reason::new(
        PARK_DECLARED_ID,
        Status::Condition,
        format!("{message}；请核实园区名称或厂址坐标"),
    )
    .cite(FORMAT, "location.industrial_park");
    r.illustrative = here.is_none_or(|i| i.illustrative);
    ev.reasons.push(r);
}

fn protected_reasons(
    layers: &Layers,
    p: Point,
    adds: bool,
    options: &Options,
    ev: &mut Evaluation,
) {
    for (item, d) in layers
        .redlines
        .within(p, options.report_radius_m.max(options.near_m))
    {
        let area = &item.attrs;
        let kind = area.kind.label_zh();
        if d <= 0.0 {
            hit(
                &mut ev.hits,
                LayerKind::Redlines,
                item,
                &area.name,
                kind.into(),
            );
        } else {
            near(
                &mut ev.distances,
                LayerKind::Redlines,
                item,
                &area.name,
                p,
                closest_coord(item, p),
                d,
            );
        }
        let (clause, group) = match area.kind {
            ProtectedKind::EcologicalRedline => ("第三条（二）", "第二十九条"),
            _ => ("第三条（一）", "第二十九条"),
        };
        if d <= 0.0 {
            let status = if adds {
                Status::Conflict
            } else {
                Status::Condition
            };
            ev.reasons.push(
                Reason::new(
                    REDLINE_ID,
                    status,
                    format!(
                        "厂址位于{kind}“{}”内；{kind}实行严格保护，原则上禁止新建、扩建工业类建设项目",
                        area.name
                    ),
                )
                .on(LayerKind::Redlines, item, &area.name)
                .cite(EP_LAW, group)
                .cite(CATALOGUE, clause)
                // The specific bans (三条控制线 guidance, 自然保护区条例) are not verified here.
                .confidence(Confidence::M),
            );
        } else if d <= options.near_m {
            ev.reasons.push(
                Reason::new(
                    REDLINE_ID,
                    Status::Condition,
                    format!(
                        "厂址距{kind}“{}”{}（本系统筛查距离 {}，非法定距离），属环境敏感区周边，须在报告中论证对其影响",
                        area.name,
                        fmt_distance(d),
                        fmt_distance(options.near_m)
                    ),
                )
                .on(LayerKind::Redlines, item, &area.name)
                .cite(CATALOGUE, clause)
                .distance(d),
            );
        }
    }
}

fn water_reasons(
    layers: &Layers,
    p: Point,
    dyeing: bool,
    adds: bool,
    options: &Options,
    ev: &mut Evaluation,
) {
    let found = layers
        .water_sources
        .within(p, options.report_radius_m.max(options.near_m));
    // The strictest zone the point is in; nested zones (一级 inside 二级) report once.
    let mut inside: Vec<&(&Item<crate::layers::WaterSource>, f64)> =
        found.iter().filter(|(_, d)| *d <= 0.0).collect();
    inside.sort_by_key(|(i, _)| i.attrs.level);
    if let Some((item, _)) = inside.first() {
        let ws = &item.attrs;
        hit(
            &mut ev.hits,
            LayerKind::WaterSources,
            item,
            &ws.name,
            ws.level.label_zh().into(),
        );
        let (status, message, clause, confidence) = match ws.level {
            WaterLevel::First => (
                Status::Conflict,
                "一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目",
                "第六十五条",
                Confidence::V,
            ),
            WaterLevel::Second => (
                Status::Conflict,
                "二级保护区内禁止新建、改建、扩建排放污染物的建设项目",
                "第六十六条",
                Confidence::V,
            ),
            WaterLevel::Quasi if dyeing && adds => (
                Status::Conflict,
                "准保护区内禁止新建、扩建对水体污染严重的建设项目（印染按对水体污染严重的项目对待，待核实）",
                "第六十七条",
                Confidence::M,
            ),
            WaterLevel::Quasi => (
                Status::Condition,
                "准保护区内禁止新建、扩建对水体污染严重的建设项目，改建项目不得增加排污量",
                "第六十七条",
                Confidence::V,
            ),
        };
        ev.reasons.push(
            Reason::new(
                WATER_ID,
                status,
                format!("厂址位于饮用水水源保护区“{}”内；{message}", ws.name),
            )
            .on(LayerKind::WaterSources, item, &ws.name)
            .cite(WATER_LAW, clause)
            .cite(CATALOGUE, "第三条（一）")
            .confidence(confidence),
        );
        return;
    }
    if let Some((item, d)) = found.first() {
        let ws = &item.attrs;
        near(
            &mut ev.distances,
            LayerKind::WaterSources,
            item,
            &ws.name,
            p,
            closest_coord(item, p),
            *d,
        );
        if *d <= options.near_m {
            ev.reasons.push(
                Reason::new(
                    WATER_ID,
                    Status::Condition,
                    format!(
                        "厂址距饮用水水源保护区“{}”{}（本系统筛查距离 {}，非法定距离），须论证对水源的影响并核实保护区划定范围",
                        ws.name,
                        fmt_distance(*d),
                        fmt_distance(options.near_m)
                    ),
                )
                .on(LayerKind::WaterSources, item, &ws.name)
                .cite(CATALOGUE, "第三条（一）")
                .distance(*d),
            );
        }
    }
}

fn caoejiang_reasons(
    layers: &Layers,
    p: Point,
    adds: bool,
    options: &Options,
    ev: &mut Evaluation,
) {
    for item in &layers.rivers.items {
        let river = &item.attrs;
        let zone_d = geo::Euclidean.distance(&p, &river.zone);
        let bank = river.bank_distance(p);
        let label = match &river.reach {
            Some(reach) => format!("{}（{reach}）", river.name),
            None => river.name.clone(),
        };
        if zone_d > options.report_radius_m {
            continue;
        }
        let shown = bank.unwrap_or(zone_d).max(0.0);
        let target = closest_coord(item, p);
        if zone_d <= 0.0 {
            hit(
                &mut ev.hits,
                LayerKind::Rivers,
                item,
                &label,
                format!("曹娥江流域水环境重点保护区（两岸各 {} m）", river.belt_m),
            );
            let where_ = match bank {
                Some(b) if b > 0.0 => format!("厂址距{}堤岸约 {}，", river.name, fmt_distance(b)),
                Some(_) => format!("厂址坐标落在{}河道内，", river.name),
                None => String::new(),
            };
            let (status, rule) = if adds {
                (
                    Status::Conflict,
                    "重点保护区内禁止新建、扩建排放生产性污染物的工业类建设项目",
                )
            } else {
                (
                    Status::Condition,
                    "重点保护区内已建印染企业应转型改造或关闭、搬迁，改建须说明是否属于转型改造",
                )
            };
            let mut r = Reason::new(
                CAOEJIANG_ID,
                status,
                format!(
                    "{where_}位于{label}两岸各 {} m 的曹娥江流域水环境重点保护区内；{rule}",
                    river.belt_m
                ),
            )
            .on(LayerKind::Rivers, item, &label)
            .cite(CAOEJIANG, "第二条")
            .cite(
                CAOEJIANG,
                if adds {
                    "第十三条第一款（二）"
                } else {
                    "第十三条第二款"
                },
            );
            if let Some(b) = bank {
                r = r.distance(b.max(0.0));
            }
            ev.reasons.push(r);
        } else {
            near(
                &mut ev.distances,
                LayerKind::Rivers,
                item,
                &label,
                p,
                target,
                shown,
            );
            if zone_d <= options.caoejiang_margin_m {
                ev.reasons.push(
                    Reason::new(
                        CAOEJIANG_ID,
                        Status::Condition,
                        format!(
                            "厂址距{}堤岸约 {}，在两岸各 {} m 的重点保护区外侧 {} 以内；保护区具体范围以绍兴市人民政府划定公布的为准，须核实厂界是否落入",
                            river.name,
                            fmt_distance(shown),
                            river.belt_m,
                            fmt_distance(options.caoejiang_margin_m)
                        ),
                    )
                    .on(LayerKind::Rivers, item, &label)
                    .cite(CAOEJIANG, "第二条")
                    .distance(shown),
                );
            }
        }
    }
}

fn receptor_reasons(layers: &Layers, p: Point, options: &Options, ev: &mut Evaluation) {
    for (item, d) in layers.receptors.within(p, options.report_radius_m) {
        let receptor = &item.attrs;
        near(
            &mut ev.distances,
            LayerKind::Receptors,
            item,
            &receptor.name,
            p,
            closest_coord(item, p),
            d,
        );
        if d < options.odour_m
            && matches!(
                receptor.kind,
                ReceptorKind::Residential | ReceptorKind::School | ReceptorKind::Hospital
            )
        {
            ev.reasons.push(
                Reason::new(
                    RECEPTOR_ID,
                    Status::Condition,
                    format!(
                        "{}“{}”距厂址 {}（本系统筛查距离 {}），印染项目有污水处理站、定型机等恶臭源，须按 HJ 2.2-2018 计算大气环境防护距离并论证",
                        receptor.kind.label_zh(),
                        receptor.name,
                        fmt_distance(d),
                        fmt_distance(options.odour_m)
                    ),
                )
                .on(LayerKind::Receptors, item, &receptor.name)
                .cite(AIR_LAW, "第八十条")
                .distance(d),
            );
        }
    }
}

fn district_reason(
    layers: &Layers,
    site: &Site,
    p: Point,
    districts: &[&Item<crate::layers::District>],
    ev: &mut Evaluation,
) {
    let Some(declared) = &site.declared_district else {
        return;
    };
    let Some(here) = districts.first() else {
        return;
    };
    let short = |s: &str| s.trim_end_matches(['区', '市', '县']).to_owned();
    if declared.contains(&short(&here.attrs.name)) {
        return;
    }
    // Only when the declared district is not just across a coarse boundary.
    let declared_item = layers
        .districts
        .items
        .iter()
        .find(|d| declared.contains(&short(&d.attrs.name)));
    let gap = declared_item.map(|d| boundary_distance(p, &d.attrs.area));
    if gap.is_some_and(|g| g < 2.0 * options_district_tolerance(here.illustrative)) {
        return;
    }
    let mut r = Reason::new(
        DISTRICT_ID,
        Status::Condition,
        format!(
            "申报所在区县为“{declared}”，但坐标位于{}{}；请核实区县或坐标（区县不同，适用的管控单元、园区和地方要求也不同）",
            here.attrs.name,
            gap.map(|g| format!("，距{declared}约 {}", fmt_distance(g)))
                .unwrap_or_default()
        ),
    )
    .cite(FORMAT, "location.district");
    r.illustrative = here.illustrative;
    ev.reasons.push(r);
}

/// District outlines: illustrative ones are good to kilometres.
fn options_district_tolerance(illustrative: bool) -> f64 {
    if illustrative { 2500.0 } else { 100.0 }
}

/// The decisive part of a message: up to the first ；.
fn head(message: &str) -> String {
    message.split('；').next().unwrap_or(message).to_owned()
}

fn alternatives(
    layers: &Layers,
    site: &Site,
    p: Point,
    class: u8,
    options: &Options,
    here: &[Reason],
) -> Vec<Alternative> {
    let conflicts: Vec<&Reason> = here
        .iter()
        .filter(|r| r.status == Status::Conflict)
        .collect();
    let mut candidates: Vec<(String, LayerKind, Option<String>, Coord, f64, bool)> = Vec::new();
    for (item, d) in layers.parks.by_distance(p) {
        if item.attrs.dyeing == Dyeing::Excluded {
            continue;
        }
        if let Some(inner) = item.attrs.area.interior_point() {
            candidates.push((
                item.attrs.name.clone(),
                LayerKind::Parks,
                item.attrs.district.clone(),
                inner.0,
                d,
                item.illustrative,
            ));
        }
    }
    for (item, d) in layers.units.by_distance(p) {
        if unit_access(&item.attrs, class).0 == Access::Forbidden {
            continue;
        }
        let Some(inner) = item.attrs.area.interior_point() else {
            continue;
        };
        // A unit that is the same place as a park already listed adds nothing.
        if layers.parks.containing(inner).iter().any(|park| {
            candidates
                .iter()
                .any(|c| c.1 == LayerKind::Parks && c.0 == park.attrs.name)
        }) {
            continue;
        }
        candidates.push((
            item.attrs.label(),
            LayerKind::Units,
            item.attrs.district.clone(),
            inner.0,
            d,
            item.illustrative,
        ));
    }
    candidates.sort_by(|a, b| a.4.total_cmp(&b.4));
    let mut out = Vec::new();
    for (name, layer, district, inner, d, illustrative) in candidates {
        let mut moved = site.clone();
        moved.declared_park = DeclaredPark::NotGiven;
        let ev = evaluate(layers, &moved, Point(inner), class, options, false);
        let verdict = verdict_of(&ev.reasons);
        if verdict == Verdict::Incompatible {
            continue;
        }
        let resolves = conflicts
            .iter()
            .filter(|c| {
                !ev.reasons
                    .iter()
                    .any(|r| r.id == c.id && r.status == Status::Conflict)
            })
            .map(|c| head(&c.message))
            .collect();
        let remaining = ev
            .reasons
            .iter()
            .filter(|r| r.status == Status::Condition)
            .map(|r| head(&r.message))
            .collect();
        let (lon, lat) = layers.projection.inverse(inner);
        out.push(Alternative {
            name,
            layer,
            district,
            distance_m: round_m(d),
            direction: direction(p.0, inner),
            lon: (lon * 1e5).round() / 1e5,
            lat: (lat * 1e5).round() / 1e5,
            verdict,
            resolves,
            remaining,
            illustrative,
        });
    }
    // The nearest compatible ones first, then the nearest conditional ones.
    out.sort_by(|a, b| {
        (a.verdict != Verdict::Compatible)
            .cmp(&(b.verdict != Verdict::Compatible))
            .then(a.distance_m.total_cmp(&b.distance_m))
    });
    out.truncate(options.alternatives);
    out
}
