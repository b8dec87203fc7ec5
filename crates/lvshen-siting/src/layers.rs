//! Zoning layers: GeoJSON files in, typed features in planar metres with a spatial index out.
//!
//! One file per layer kind (`units.geojson`, `parks.geojson`, …; see [`LayerKind`]). The
//! shipped layers (`corpus/zoning/`) are illustrative (示意) approximations and are compiled in;
//! a bureau's official layers replace them file by file. Attribute names are read in English
//! (our files) or Chinese (common in official exports); `corpus/zoning/README.md` lists them.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

use geo::{
    BoundingRect, Buffer, Contains, Coord, Distance, Euclidean, Geometry, LineString,
    MultiLineString, MultiPolygon, Point, Polygon,
};
use geojson::{GeoJson, GeometryValue, JsonObject, Position};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};
use serde::Serialize;
use serde_json::Value;

use crate::error::SitingError;
use crate::project::Projection;

/// The kinds of layer, one file each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerKind {
    /// 县级行政区.
    Districts,
    /// 环境管控单元 (生态环境分区管控 / 三线一单).
    Units,
    /// 工业园区、印染集聚区.
    Parks,
    /// 生态保护红线、自然保护区、风景名胜区.
    Redlines,
    /// 饮用水水源保护区 (一级、二级、准保护区).
    WaterSources,
    /// 曹娥江流域水环境重点保护区: river lines (buffered) or the delimited zone polygons.
    Rivers,
    /// 环境敏感目标: homes, schools, hospitals.
    Receptors,
}

impl LayerKind {
    /// Every kind, in drawing order (bottom first).
    pub const ALL: [LayerKind; 7] = [
        LayerKind::Districts,
        LayerKind::Units,
        LayerKind::Parks,
        LayerKind::WaterSources,
        LayerKind::Redlines,
        LayerKind::Rivers,
        LayerKind::Receptors,
    ];

    /// File stem: `units` for `units.geojson`.
    pub fn stem(self) -> &'static str {
        match self {
            LayerKind::Districts => "districts",
            LayerKind::Units => "units",
            LayerKind::Parks => "parks",
            LayerKind::Redlines => "redlines",
            LayerKind::WaterSources => "water_sources",
            LayerKind::Rivers => "rivers",
            LayerKind::Receptors => "receptors",
        }
    }

    /// Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            LayerKind::Districts => "县级行政区",
            LayerKind::Units => "环境管控单元",
            LayerKind::Parks => "工业园区",
            LayerKind::Redlines => "生态保护红线",
            LayerKind::WaterSources => "饮用水水源保护区",
            LayerKind::Rivers => "曹娥江重点保护区",
            LayerKind::Receptors => "环境敏感目标",
        }
    }

    /// The kind a file name names, e.g. `units.geojson` → `Units`.
    pub fn from_file_name(name: &str) -> Option<LayerKind> {
        let stem = name
            .strip_suffix(".geojson")
            .or_else(|| name.strip_suffix(".json"))?;
        LayerKind::ALL.into_iter().find(|k| k.stem() == stem)
    }

    fn expected_files() -> String {
        LayerKind::ALL
            .iter()
            .map(|k| format!("{}.geojson", k.stem()))
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// The shipped layers, compiled in.
const EMBEDDED: [(LayerKind, &str); 7] = [
    (
        LayerKind::Districts,
        include_str!("../../../corpus/zoning/districts.geojson"),
    ),
    (
        LayerKind::Units,
        include_str!("../../../corpus/zoning/units.geojson"),
    ),
    (
        LayerKind::Parks,
        include_str!("../../../corpus/zoning/parks.geojson"),
    ),
    (
        LayerKind::Redlines,
        include_str!("../../../corpus/zoning/redlines.geojson"),
    ),
    (
        LayerKind::WaterSources,
        include_str!("../../../corpus/zoning/water_sources.geojson"),
    ),
    (
        LayerKind::Rivers,
        include_str!("../../../corpus/zoning/rivers.geojson"),
    ),
    (
        LayerKind::Receptors,
        include_str!("../../../corpus/zoning/receptors.geojson"),
    ),
];

/// Where a layer came from.
#[derive(Debug, Clone, Serialize)]
pub struct LayerInfo {
    pub kind: LayerKind,
    /// File name, `（内置）` suffix for the shipped ones.
    pub file: String,
    pub title: String,
    /// Drawn by us from public descriptions, not the official delimitation.
    pub illustrative: bool,
    pub features: usize,
}

/// 环境管控单元 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 优先保护单元.
    Priority,
    /// 重点管控单元（产业集聚类）.
    KeyIndustrial,
    /// 重点管控单元（城镇生活类）.
    KeyUrban,
    /// 重点管控单元, subtype not given.
    KeyOther,
    /// 一般管控单元.
    General,
}

impl UnitKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            UnitKind::Priority => "优先保护单元",
            UnitKind::KeyIndustrial => "重点管控单元（产业集聚类）",
            UnitKind::KeyUrban => "重点管控单元（城镇生活类）",
            UnitKind::KeyOther => "重点管控单元",
            UnitKind::General => "一般管控单元",
        }
    }

    /// Which unit wins where illustrative polygons overlap (official units do not overlap).
    pub fn precedence(self) -> u8 {
        match self {
            UnitKind::Priority => 0,
            UnitKind::KeyIndustrial => 1,
            UnitKind::KeyUrban => 2,
            UnitKind::KeyOther => 3,
            UnitKind::General => 4,
        }
    }

    pub(crate) fn parse(text: &str) -> Option<UnitKind> {
        let t = text.trim();
        Some(match t {
            "priority" => UnitKind::Priority,
            "key_industrial" => UnitKind::KeyIndustrial,
            "key_urban" => UnitKind::KeyUrban,
            "key" | "key_other" => UnitKind::KeyOther,
            "general" => UnitKind::General,
            _ if t.contains("优先保护") => UnitKind::Priority,
            _ if t.contains("产业集聚") || t.contains("工业") => UnitKind::KeyIndustrial,
            _ if t.contains("城镇生活") || t.contains("城镇") => UnitKind::KeyUrban,
            _ if t.contains("重点管控") => UnitKind::KeyOther,
            _ if t.contains("一般管控") => UnitKind::General,
            _ => return None,
        })
    }

    /// Access of a Class 3 (三类) industrial project when the unit's list does not say:
    /// allowed only in industrial-cluster key units (domain.md §6.2, confidence [M]).
    pub fn default_access(self, class: u8) -> Access {
        match (self, class) {
            (UnitKind::Priority, _) => Access::Forbidden,
            (UnitKind::KeyIndustrial, 3) => Access::Conditional,
            (UnitKind::KeyIndustrial, _) => Access::Allowed,
            (UnitKind::KeyUrban | UnitKind::General, 3) => Access::Forbidden,
            (UnitKind::KeyUrban | UnitKind::General, _) => Access::Conditional,
            (UnitKind::KeyOther, _) => Access::Conditional,
        }
    }
}

/// Whether a unit admits a class of industrial project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Allowed,
    Conditional,
    Forbidden,
}

impl Access {
    fn parse(text: &str) -> Option<Access> {
        Some(match text.trim() {
            "allowed" | "允许" | "可" | "准入" => Access::Allowed,
            "conditional" | "有条件" | "限制" | "有条件准入" => Access::Conditional,
            "forbidden" | "禁止" | "不允许" => Access::Forbidden,
            _ => return None,
        })
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Access::Allowed => "允许",
            Access::Conditional => "有条件准入",
            Access::Forbidden => "禁止",
        }
    }
}

/// One 环境管控单元.
#[derive(Debug, Clone)]
pub struct Unit {
    pub code: Option<String>,
    pub name: String,
    pub district: Option<String>,
    pub kind: UnitKind,
    /// Access of industrial classes 1, 2, 3 when the layer states it.
    pub access: [Option<Access>; 3],
    /// The access list text (空间布局约束), shown as evidence.
    pub access_text: Option<String>,
    pub area: MultiPolygon,
}

impl Unit {
    /// `ZH… 名称` or the name.
    pub fn label(&self) -> String {
        match &self.code {
            Some(code) => format!("{}（{code}）", self.name),
            None => self.name.clone(),
        }
    }
}

/// Whether a park admits printing and dyeing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dyeing {
    /// A designated 印染集聚区.
    Cluster,
    /// Not known here: the park plan and its planning EIA decide.
    Unverified,
    /// The park plan excludes dyeing.
    Excluded,
}

/// One industrial park.
#[derive(Debug, Clone)]
pub struct Park {
    pub name: String,
    pub aliases: Vec<String>,
    pub district: Option<String>,
    pub dyeing: Dyeing,
    pub central_heating: Option<bool>,
    pub central_wwtp: Option<bool>,
    pub remark: Option<String>,
    pub area: MultiPolygon,
}

impl Park {
    /// Whether a declared park name means this park.
    pub fn matches(&self, declared: &str) -> bool {
        let d = normalize_name(declared);
        if d.is_empty() {
            return false;
        }
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .map(|n| normalize_name(n))
            .any(|n| !n.is_empty() && (n.contains(&d) || d.contains(&n)))
    }
}

/// A name without bracketed notes (（示意）, （蓝印时尚小镇）…) and spaces.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Kind of protected area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectedKind {
    EcologicalRedline,
    NatureReserve,
    ScenicArea,
}

impl ProtectedKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            ProtectedKind::EcologicalRedline => "生态保护红线",
            ProtectedKind::NatureReserve => "自然保护区",
            ProtectedKind::ScenicArea => "风景名胜区",
        }
    }

    fn parse(text: &str) -> Option<ProtectedKind> {
        let t = text.trim();
        Some(match t {
            "ecological_redline" => ProtectedKind::EcologicalRedline,
            "nature_reserve" => ProtectedKind::NatureReserve,
            "scenic_area" => ProtectedKind::ScenicArea,
            _ if t.contains("红线") => ProtectedKind::EcologicalRedline,
            _ if t.contains("自然保护") => ProtectedKind::NatureReserve,
            _ if t.contains("风景") => ProtectedKind::ScenicArea,
            _ => return None,
        })
    }
}

/// A red line, nature reserve or scenic area.
#[derive(Debug, Clone)]
pub struct Protected {
    pub name: String,
    pub kind: ProtectedKind,
    pub area: MultiPolygon,
}

/// Level of a drinking-water source protection zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WaterLevel {
    First,
    Second,
    Quasi,
}

impl WaterLevel {
    pub fn label_zh(self) -> &'static str {
        match self {
            WaterLevel::First => "一级保护区",
            WaterLevel::Second => "二级保护区",
            WaterLevel::Quasi => "准保护区",
        }
    }

    fn parse(text: &str) -> Option<WaterLevel> {
        let t = text.trim();
        Some(match t {
            "first" | "1" => WaterLevel::First,
            "second" | "2" => WaterLevel::Second,
            "quasi" | "3" => WaterLevel::Quasi,
            _ if t.contains("一级") => WaterLevel::First,
            _ if t.contains("二级") => WaterLevel::Second,
            _ if t.contains("准保护") => WaterLevel::Quasi,
            _ => return None,
        })
    }
}

/// One drinking-water source protection zone.
#[derive(Debug, Clone)]
pub struct WaterSource {
    pub name: String,
    pub level: WaterLevel,
    pub area: MultiPolygon,
}

/// A reach of the 曹娥江 key protection zone.
#[derive(Debug, Clone)]
pub struct RiverZone {
    pub name: String,
    pub reach: Option<String>,
    /// Width of the zone on each bank (条例 第二条: 100 m main stem, 50 m 澄潭江).
    pub belt_m: f64,
    /// Half the river's width: centre line to bank.
    pub half_width_m: f64,
    /// The centre line, when the layer gives lines.
    pub line: Option<MultiLineString>,
    /// The zone: the line buffered by `half_width_m + belt_m`, or the delimited polygon.
    pub zone: MultiPolygon,
}

impl RiverZone {
    /// Distance from a point to the nearer bank (negative when in the water), when lines
    /// are given.
    pub fn bank_distance(&self, p: Point) -> Option<f64> {
        self.line
            .as_ref()
            .map(|l| Euclidean.distance(&p, l) - self.half_width_m)
    }
}

/// Kind of sensitive receptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceptorKind {
    Residential,
    School,
    Hospital,
    Other,
}

impl ReceptorKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            ReceptorKind::Residential => "居民区",
            ReceptorKind::School => "学校",
            ReceptorKind::Hospital => "医院",
            ReceptorKind::Other => "敏感目标",
        }
    }

    fn parse(text: &str) -> ReceptorKind {
        let t = text.trim();
        match t {
            "residential" => ReceptorKind::Residential,
            "school" => ReceptorKind::School,
            "hospital" => ReceptorKind::Hospital,
            _ if t.contains("居") || t.contains("村") || t.contains("社区") => {
                ReceptorKind::Residential
            }
            _ if t.contains("学") => ReceptorKind::School,
            _ if t.contains("医") || t.contains("卫生") => ReceptorKind::Hospital,
            _ => ReceptorKind::Other,
        }
    }
}

/// One sensitive receptor (a point or an area).
#[derive(Debug, Clone)]
pub struct Receptor {
    pub name: String,
    pub kind: ReceptorKind,
    pub geometry: Geometry,
}

/// A county-level division.
#[derive(Debug, Clone)]
pub struct District {
    pub name: String,
    pub area: MultiPolygon,
}

/// A feature's geometry for measuring.
pub trait Spatial {
    fn geometry(&self) -> Geometry;
}

macro_rules! spatial_area {
    ($($t:ty => $field:ident),+) => {$(
        impl Spatial for $t {
            fn geometry(&self) -> Geometry {
                Geometry::MultiPolygon(self.$field.clone())
            }
        }
    )+};
}
spatial_area!(Unit => area, Park => area, Protected => area, WaterSource => area,
              RiverZone => zone, District => area);

impl Spatial for Receptor {
    fn geometry(&self) -> Geometry {
        self.geometry.clone()
    }
}

/// One feature of a layer.
#[derive(Debug, Clone)]
pub struct Item<T> {
    pub attrs: T,
    pub geometry: Geometry,
    pub illustrative: bool,
}

/// A layer: its features and an R-tree of their bounding boxes.
#[derive(Debug)]
pub struct Layer<T> {
    pub info: LayerInfo,
    pub items: Vec<Item<T>>,
    tree: RTree<GeomWithData<Rectangle<[f64; 2]>, usize>>,
}

impl<T: Spatial> Layer<T> {
    fn new(info: LayerInfo, items: Vec<(T, bool)>) -> Self {
        let items: Vec<Item<T>> = items
            .into_iter()
            .map(|(attrs, illustrative)| Item {
                geometry: attrs.geometry(),
                attrs,
                illustrative,
            })
            .collect();
        let boxes = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let r = item.geometry.bounding_rect()?;
                Some(GeomWithData::new(
                    Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
                    i,
                ))
            })
            .collect();
        Layer {
            info,
            items,
            tree: RTree::bulk_load(boxes),
        }
    }
}

impl<T> Layer<T> {
    /// Features whose geometry contains the point (boundary excluded).
    pub fn containing(&self, p: Point) -> Vec<&Item<T>> {
        self.tree
            .locate_all_at_point(&[p.x(), p.y()])
            .map(|b| &self.items[b.data])
            .filter(|item| item.geometry.contains(&p))
            .collect()
    }

    /// Features within `max_m` of the point, nearest first, with their distance (0 inside).
    pub fn within(&self, p: Point, max_m: f64) -> Vec<(&Item<T>, f64)> {
        let mut out: Vec<(&Item<T>, f64)> = self
            .tree
            .locate_within_distance([p.x(), p.y()], max_m * max_m)
            .map(|b| {
                let item = &self.items[b.data];
                (item, Euclidean.distance(&p, &item.geometry))
            })
            .filter(|(_, d)| *d <= max_m)
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1));
        out
    }

    /// Every feature with its distance, nearest first.
    pub fn by_distance(&self, p: Point) -> Vec<(&Item<T>, f64)> {
        let mut out: Vec<(&Item<T>, f64)> = self
            .items
            .iter()
            .map(|item| (item, Euclidean.distance(&p, &item.geometry)))
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1));
        out
    }

    /// Whether any feature of the layer is illustrative.
    pub fn illustrative(&self) -> bool {
        self.items.iter().any(|i| i.illustrative)
    }
}

/// Distance from a point to the boundary of an area (inside or outside).
pub fn boundary_distance(p: Point, area: &MultiPolygon) -> f64 {
    area.0
        .iter()
        .flat_map(|poly| std::iter::once(poly.exterior()).chain(poly.interiors()))
        .map(|ring| Euclidean.distance(&p, ring))
        .fold(f64::INFINITY, f64::min)
}

/// Every layer, in one projection.
#[derive(Debug)]
pub struct Layers {
    pub projection: Projection,
    pub districts: Layer<District>,
    pub units: Layer<Unit>,
    pub parks: Layer<Park>,
    pub redlines: Layer<Protected>,
    pub water_sources: Layer<WaterSource>,
    pub rivers: Layer<RiverZone>,
    pub receptors: Layer<Receptor>,
}

static EMBEDDED_LAYERS: OnceLock<Result<Layers, SitingError>> = OnceLock::new();

impl Layers {
    /// The shipped illustrative layers, parsed once per process.
    pub fn embedded() -> Result<&'static Layers, SitingError> {
        EMBEDDED_LAYERS
            .get_or_init(|| Layers::load(&[]))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The shipped layers with some replaced: `(file name, GeoJSON text)` pairs whose names
    /// are layer files (`units.geojson` …).
    pub fn load(overrides: &[(String, String)]) -> Result<Layers, SitingError> {
        let mut texts: BTreeMap<LayerKind, (String, &str, bool)> = EMBEDDED
            .iter()
            .map(|(k, text)| (*k, (format!("{}.geojson（内置）", k.stem()), *text, true)))
            .collect();
        for (name, text) in overrides {
            let file_name = name.rsplit(['/', '\\']).next().unwrap_or(name);
            let kind =
                LayerKind::from_file_name(file_name).ok_or_else(|| SitingError::UnknownLayer {
                    file: name.clone(),
                    expected: LayerKind::expected_files(),
                })?;
            texts.insert(kind, (name.clone(), text.as_str(), false));
        }
        let mut parsed = BTreeMap::new();
        for (kind, (file, text, embedded)) in &texts {
            let collection = parse_collection(file, text)?;
            parsed.insert(*kind, (file.clone(), collection, *embedded));
        }
        let projection = choose_projection(&parsed);
        let mut ctx = Ctx {
            projection,
            file: String::new(),
        };
        macro_rules! layer {
            ($kind:expr, $read:ident) => {{
                let (file, collection, _) = &parsed[&$kind];
                ctx.file = file.clone();
                let items = read_layer(&ctx, collection, $read)?;
                let info = LayerInfo {
                    kind: $kind,
                    file: file.clone(),
                    title: collection.title.clone(),
                    illustrative: items.iter().any(|(_, ill)| *ill),
                    features: items.len(),
                };
                Layer::new(info, items)
            }};
        }
        Ok(Layers {
            projection,
            districts: layer!(LayerKind::Districts, read_district),
            units: layer!(LayerKind::Units, read_unit),
            parks: layer!(LayerKind::Parks, read_park),
            redlines: layer!(LayerKind::Redlines, read_protected),
            water_sources: layer!(LayerKind::WaterSources, read_water_source),
            rivers: layer!(LayerKind::Rivers, read_river),
            receptors: layer!(LayerKind::Receptors, read_receptor),
        })
    }

    /// What was loaded, layer by layer.
    pub fn infos(&self) -> Vec<LayerInfo> {
        vec![
            self.districts.info.clone(),
            self.units.info.clone(),
            self.parks.info.clone(),
            self.redlines.info.clone(),
            self.water_sources.info.clone(),
            self.rivers.info.clone(),
            self.receptors.info.clone(),
        ]
    }

    /// Every place name in the layers (for checking generated prose).
    pub fn place_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        names.extend(self.districts.items.iter().map(|i| i.attrs.name.clone()));
        names.extend(self.units.items.iter().map(|i| i.attrs.name.clone()));
        for park in &self.parks.items {
            names.push(park.attrs.name.clone());
            names.extend(park.attrs.aliases.iter().cloned());
        }
        names.extend(self.redlines.items.iter().map(|i| i.attrs.name.clone()));
        names.extend(
            self.water_sources
                .items
                .iter()
                .map(|i| i.attrs.name.clone()),
        );
        names.extend(self.rivers.items.iter().map(|i| i.attrs.name.clone()));
        names.extend(self.receptors.items.iter().map(|i| i.attrs.name.clone()));
        names.sort();
        names.dedup();
        names
    }
}

/// A parsed FeatureCollection with its collection-level marks.
struct Collection {
    title: String,
    illustrative: bool,
    features: Vec<geojson::Feature>,
}

fn parse_collection(file: &str, text: &str) -> Result<Collection, SitingError> {
    let syntax = |message: String| SitingError::Syntax {
        file: file.to_owned(),
        message,
    };
    let geojson =
        GeoJson::from_str(text).map_err(|e| syntax(format!("不是有效的 GeoJSON（{e}）")))?;
    let GeoJson::FeatureCollection(fc) = geojson else {
        return Err(syntax(
            "应为 FeatureCollection（每个图层一个文件，多个要素）".into(),
        ));
    };
    let members = fc.foreign_members.unwrap_or_default();
    let title = members
        .get("title")
        .or_else(|| members.get("name"))
        .and_then(Value::as_str)
        .unwrap_or(file)
        .to_owned();
    let illustrative = members
        .get("illustrative")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok(Collection {
        title,
        illustrative,
        features: fc.features,
    })
}

/// The projection origin: the centre of the districts layer, else of everything.
fn choose_projection(parsed: &BTreeMap<LayerKind, (String, Collection, bool)>) -> Projection {
    type Bbox = (f64, f64, f64, f64);
    fn visit(c: &Collection, bbox: &mut Bbox) {
        for f in &c.features {
            if let Some(g) = &f.geometry {
                for_each_position(&g.value, &mut |p: &Position| {
                    let s = p.as_slice();
                    if s.len() >= 2 && s[0].abs() <= 180.0 && s[1].abs() <= 90.0 {
                        bbox.0 = bbox.0.min(s[0]);
                        bbox.1 = bbox.1.min(s[1]);
                        bbox.2 = bbox.2.max(s[0]);
                        bbox.3 = bbox.3.max(s[1]);
                    }
                });
            }
        }
    }
    let mut bbox: Bbox = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    if let Some((_, c, _)) = parsed.get(&LayerKind::Districts) {
        visit(c, &mut bbox);
    }
    if !bbox.0.is_finite() {
        for (_, c, _) in parsed.values() {
            visit(c, &mut bbox);
        }
    }
    if bbox.0.is_finite() {
        Projection::new((bbox.0 + bbox.2) / 2.0, (bbox.1 + bbox.3) / 2.0)
    } else {
        Projection::new(120.6, 29.9)
    }
}

fn for_each_position(value: &GeometryValue, f: &mut dyn FnMut(&Position)) {
    match value {
        GeometryValue::Point { coordinates } => f(coordinates),
        GeometryValue::MultiPoint { coordinates } | GeometryValue::LineString { coordinates } => {
            coordinates.iter().for_each(f)
        }
        GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
            coordinates.iter().flatten().for_each(f)
        }
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().flatten().flatten().for_each(f)
        }
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                for_each_position(&g.value, f);
            }
        }
    }
}

struct Ctx {
    projection: Projection,
    file: String,
}

/// One feature being read: its attributes, for error messages its index and name.
struct Raw<'a> {
    ctx: &'a Ctx,
    index: usize,
    props: &'a JsonObject,
    geometry: Option<&'a GeometryValue>,
    name: String,
}

impl Raw<'_> {
    fn error(&self, message: impl Into<String>) -> SitingError {
        SitingError::Feature {
            file: self.ctx.file.clone(),
            index: self.index + 1,
            name: if self.name.is_empty() {
                "无名称".into()
            } else {
                self.name.clone()
            },
            message: message.into(),
        }
    }

    fn get<'k>(&self, keys: &[&'k str]) -> Option<(&'k str, &Value)> {
        keys.iter()
            .find_map(|k| self.props.get(*k).filter(|v| !v.is_null()).map(|v| (*k, v)))
    }

    fn text(&self, keys: &[&str]) -> Option<String> {
        self.get(keys).and_then(|(_, v)| match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    }

    fn number(&self, keys: &[&str]) -> Result<Option<f64>, SitingError> {
        match self.get(keys) {
            None => Ok(None),
            Some((_, Value::Number(n))) => Ok(n.as_f64()),
            Some((key, Value::String(s))) => s
                .trim()
                .trim_end_matches(['m', '米'])
                .trim()
                .parse::<f64>()
                .map(Some)
                .map_err(|_| self.error(format!("属性 {key} 应为数值（米），实为“{s}”"))),
            Some((key, other)) => Err(self.error(format!("属性 {key} 应为数值，实为 {other}"))),
        }
    }

    fn flag(&self, keys: &[&str]) -> Result<Option<bool>, SitingError> {
        match self.get(keys) {
            None => Ok(None),
            Some((_, Value::Bool(b))) => Ok(Some(*b)),
            Some((_, Value::Number(n))) => Ok(Some(n.as_f64().unwrap_or(0.0) != 0.0)),
            Some((key, Value::String(s))) => match s.trim() {
                "是" | "有" | "true" | "yes" | "Y" | "y" => Ok(Some(true)),
                "否" | "无" | "false" | "no" | "N" | "n" => Ok(Some(false)),
                other => Err(self.error(format!("属性 {key} 应为 是/否，实为“{other}”"))),
            },
            Some((key, other)) => Err(self.error(format!("属性 {key} 应为 是/否，实为 {other}"))),
        }
    }

    fn list(&self, keys: &[&str]) -> Vec<String> {
        match self.get(keys) {
            Some((_, Value::Array(items))) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            Some((_, Value::String(s))) => s
                .split(['、', ',', '，', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        }
    }

    fn illustrative(&self, collection: bool) -> bool {
        self.props
            .get("illustrative")
            .and_then(Value::as_bool)
            .unwrap_or(collection)
    }

    fn geometry(&self) -> Result<&GeometryValue, SitingError> {
        self.geometry
            .ok_or_else(|| self.error("缺少几何（geometry 为空）"))
    }

    fn position(&self, p: &Position) -> Result<Coord, SitingError> {
        let s = p.as_slice();
        if s.len() < 2 || !s[0].is_finite() || !s[1].is_finite() {
            return Err(self.error("坐标不是两个有限数值"));
        }
        let (lon, lat) = (s[0], s[1]);
        if lon.abs() > 180.0 || lat.abs() > 90.0 {
            return Err(self.error(format!(
                "坐标（{lon}, {lat}）超出经纬度范围：图层似为投影坐标（米），请转换为 WGS-84 或 CGCS2000 经纬度后再加载（例如 ogr2ogr -t_srs EPSG:4326）"
            )));
        }
        Ok(self.ctx.projection.forward(lon, lat))
    }

    fn ring(&self, ring: &[Position]) -> Result<LineString, SitingError> {
        if ring.len() < 4 {
            return Err(self.error(format!(
                "多边形的环只有 {} 个顶点，至少需要 4 个（首尾相同）",
                ring.len()
            )));
        }
        Ok(LineString(
            ring.iter()
                .map(|p| self.position(p))
                .collect::<Result<_, _>>()?,
        ))
    }

    fn polygon(&self, rings: &[Vec<Position>]) -> Result<Polygon, SitingError> {
        let (outer, inner) = rings
            .split_first()
            .ok_or_else(|| self.error("多边形没有外环"))?;
        Ok(Polygon::new(
            self.ring(outer)?,
            inner
                .iter()
                .map(|r| self.ring(r))
                .collect::<Result<_, _>>()?,
        ))
    }

    fn area(&self) -> Result<MultiPolygon, SitingError> {
        match self.geometry()? {
            GeometryValue::Polygon { coordinates } => {
                Ok(MultiPolygon(vec![self.polygon(coordinates)?]))
            }
            GeometryValue::MultiPolygon { coordinates } => Ok(MultiPolygon(
                coordinates
                    .iter()
                    .map(|p| self.polygon(p))
                    .collect::<Result<_, _>>()?,
            )),
            other => Err(self.error(format!(
                "几何类型应为 Polygon 或 MultiPolygon，实为 {}",
                other.type_name()
            ))),
        }
    }

    fn line(&self, line: &[Position]) -> Result<LineString, SitingError> {
        if line.len() < 2 {
            return Err(self.error("线至少需要 2 个顶点"));
        }
        Ok(LineString(
            line.iter()
                .map(|p| self.position(p))
                .collect::<Result<_, _>>()?,
        ))
    }
}

const NAME: &[&str] = &["name", "名称", "NAME", "Name"];

fn read_layer<T>(
    ctx: &Ctx,
    collection: &Collection,
    read: fn(&Raw<'_>) -> Result<T, SitingError>,
) -> Result<Vec<(T, bool)>, SitingError> {
    let empty = JsonObject::new();
    let mut out = Vec::with_capacity(collection.features.len());
    for (index, feature) in collection.features.iter().enumerate() {
        let props = feature.properties.as_ref().unwrap_or(&empty);
        let mut raw = Raw {
            ctx,
            index,
            props,
            geometry: feature.geometry.as_ref().map(|g| &g.value),
            name: String::new(),
        };
        raw.name = raw.text(NAME).unwrap_or_default();
        let item = read(&raw)?;
        out.push((item, raw.illustrative(collection.illustrative)));
    }
    Ok(out)
}

fn required_name(raw: &Raw<'_>, keys: &[&str]) -> Result<String, SitingError> {
    raw.text(keys)
        .ok_or_else(|| raw.error(format!("缺少名称属性（{}）", keys.join(" / "))))
}

fn read_district(raw: &Raw<'_>) -> Result<District, SitingError> {
    Ok(District {
        name: required_name(raw, &["name", "名称", "区县", "行政区", "NAME"])?,
        area: raw.area()?,
    })
}

fn read_unit(raw: &Raw<'_>) -> Result<Unit, SitingError> {
    let name = required_name(raw, &["name", "单元名称", "管控单元名称", "名称"])?;
    let kind_keys = ["kind", "单元类别", "管控单元类别", "单元类型", "类别"];
    let kind_text = raw.text(&kind_keys).ok_or_else(|| {
        raw.error(format!(
            "缺少单元类别属性（{}），应为 优先保护单元 / 重点管控单元（产业集聚类、城镇生活类）/ 一般管控单元",
            kind_keys.join(" / ")
        ))
    })?;
    // The type is often only in the name (…产业集聚重点管控单元).
    let kind = UnitKind::parse(&kind_text)
        .map(|k| match k {
            UnitKind::KeyOther => UnitKind::parse(&name)
                .filter(|n| matches!(n, UnitKind::KeyIndustrial | UnitKind::KeyUrban))
                .unwrap_or(k),
            k => k,
        })
        .ok_or_else(|| {
            raw.error(format!(
                "单元类别“{kind_text}”无法识别，应为 优先保护单元 / 重点管控单元（产业集聚类、城镇生活类）/ 一般管控单元"
            ))
        })?;
    let mut access = [None; 3];
    for (i, keys) in [
        ["class1", "一类工业项目"],
        ["class2", "二类工业项目"],
        ["class3", "三类工业项目"],
    ]
    .iter()
    .enumerate()
    {
        if let Some(text) = raw.text(keys) {
            access[i] = Some(Access::parse(&text).ok_or_else(|| {
                raw.error(format!(
                    "属性 {} 的值“{text}”无法识别，应为 allowed/conditional/forbidden 或 允许/有条件/禁止",
                    keys[0]
                ))
            })?);
        }
    }
    Ok(Unit {
        code: raw.text(&["code", "单元编码", "管控单元编码", "编码"]),
        name,
        district: raw.text(&["district", "区县", "所在区县", "行政区"]),
        kind,
        access,
        access_text: raw.text(&["access", "空间布局约束", "准入要求", "准入清单"]),
        area: raw.area()?,
    })
}

fn read_park(raw: &Raw<'_>) -> Result<Park, SitingError> {
    let dyeing = match raw.text(&["dyeing", "印染"]) {
        None => Dyeing::Unverified,
        Some(t) => match t.as_str() {
            "cluster" | "印染集聚区" | "是" => Dyeing::Cluster,
            "unverified" | "待核实" | "未知" => Dyeing::Unverified,
            "excluded" | "否" | "禁止" => Dyeing::Excluded,
            other => {
                return Err(raw.error(format!(
                    "属性 dyeing 的值“{other}”无法识别，应为 cluster / unverified / excluded（印染集聚区 / 待核实 / 禁止）"
                )));
            }
        },
    };
    Ok(Park {
        name: required_name(raw, &["name", "园区名称", "名称"])?,
        aliases: raw.list(&["aliases", "别名"]),
        district: raw.text(&["district", "区县", "所在区县"]),
        dyeing,
        central_heating: raw.flag(&["central_heating", "集中供热"])?,
        central_wwtp: raw.flag(&["central_wwtp", "集中污水处理"])?,
        remark: raw.text(&["remark", "备注"]),
        area: raw.area()?,
    })
}

fn read_protected(raw: &Raw<'_>) -> Result<Protected, SitingError> {
    let kind = match raw.text(&["kind", "类型", "类别"]) {
        None => ProtectedKind::EcologicalRedline,
        Some(t) => ProtectedKind::parse(&t).ok_or_else(|| {
            raw.error(format!(
                "类型“{t}”无法识别，应为 ecological_redline / nature_reserve / scenic_area（生态保护红线 / 自然保护区 / 风景名胜区）"
            ))
        })?,
    };
    Ok(Protected {
        name: required_name(raw, NAME)?,
        kind,
        area: raw.area()?,
    })
}

fn read_water_source(raw: &Raw<'_>) -> Result<WaterSource, SitingError> {
    let keys = ["level", "级别", "保护区级别"];
    let text = raw.text(&keys).ok_or_else(|| {
        raw.error("缺少保护区级别属性（level / 级别），应为 一级 / 二级 / 准保护区")
    })?;
    let level = WaterLevel::parse(&text).ok_or_else(|| {
        raw.error(format!(
            "保护区级别“{text}”无法识别，应为 first / second / quasi（一级 / 二级 / 准保护区）"
        ))
    })?;
    Ok(WaterSource {
        name: required_name(raw, NAME)?,
        level,
        area: raw.area()?,
    })
}

fn read_river(raw: &Raw<'_>) -> Result<RiverZone, SitingError> {
    let name = required_name(raw, &["name", "河流名称", "名称"])?;
    let half_width_m = raw.number(&["half_width_m", "半河宽"])?.unwrap_or(0.0);
    let lines = match raw.geometry()? {
        GeometryValue::LineString { coordinates } => Some(vec![raw.line(coordinates)?]),
        GeometryValue::MultiLineString { coordinates } => Some(
            coordinates
                .iter()
                .map(|l| raw.line(l))
                .collect::<Result<_, _>>()?,
        ),
        _ => None,
    };
    let (line, zone, belt_m) = match lines {
        Some(lines) => {
            let belt = raw.number(&["belt_m", "保护带宽度"])?.ok_or_else(|| {
                raw.error("河流中心线须给出 belt_m（每侧保护带宽度，米；条例第二条：干流 100，澄潭江 50）")
            })?;
            if !(belt > 0.0 && half_width_m >= 0.0) {
                return Err(raw.error("belt_m 应为正数，half_width_m 不应为负"));
            }
            let line = MultiLineString(lines);
            let zone = line.buffer(half_width_m + belt);
            (Some(line), zone, belt)
        }
        None => (
            None,
            raw.area()?,
            raw.number(&["belt_m", "保护带宽度"])?.unwrap_or(0.0),
        ),
    };
    Ok(RiverZone {
        name,
        reach: raw.text(&["reach", "河段"]),
        belt_m,
        half_width_m,
        line,
        zone,
    })
}

fn read_receptor(raw: &Raw<'_>) -> Result<Receptor, SitingError> {
    let kind = ReceptorKind::parse(&raw.text(&["kind", "类型", "类别"]).unwrap_or_default());
    let geometry = match raw.geometry()? {
        GeometryValue::Point { coordinates } => Geometry::Point(Point(raw.position(coordinates)?)),
        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => {
            Geometry::MultiPolygon(raw.area()?)
        }
        other => {
            return Err(raw.error(format!(
                "敏感目标的几何类型应为 Point 或 Polygon，实为 {}",
                other.type_name()
            )));
        }
    };
    Ok(Receptor {
        name: required_name(raw, NAME)?,
        kind,
        geometry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_layers_load_and_are_marked_illustrative() {
        let layers = Layers::embedded().expect("shipped layers load");
        for info in layers.infos() {
            assert!(info.illustrative, "{:?} must be marked 示意", info.kind);
            assert!(info.features > 0, "{:?} is empty", info.kind);
        }
        assert_eq!(layers.rivers.items.len(), 2);
        assert!(layers.place_names().iter().any(|n| n == "曹娥江"));
    }

    #[test]
    fn park_names_match_loosely() {
        let layers = Layers::embedded().expect("layers");
        let binhai = &layers.parks.items[0].attrs;
        assert!(binhai.matches("柯桥滨海印染集聚区（蓝印时尚小镇）"));
        assert!(binhai.matches("蓝印时尚小镇"));
        assert!(!binhai.matches("诸暨市示例工业园区"));
        assert_eq!(normalize_name("汤浦水库（示意） 一级"), "汤浦水库一级");
    }
}
