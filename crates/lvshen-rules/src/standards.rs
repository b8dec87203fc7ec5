//! The standards tables the rules use, as data: compiled in from `corpus/standards/*.toml`
//! by default, replaceable file by file so that a bureau can update a limit without a
//! rebuild. Every value carries its document, clause, effective date and confidence.

use std::collections::BTreeMap;

use lvshen_filing::Confidence;
use lvshen_filing::codes::{AirPollutant, Fabric, Fuel, Pollutant, WaterPollutant};
use serde::Deserialize;

use lvshen_law::Date;

/// The three data files, by name, as shipped.
pub const BUILTIN_FILES: [(&str, &str); 3] = [
    (
        "water.toml",
        include_str!("../../../corpus/standards/water.toml"),
    ),
    (
        "air.toml",
        include_str!("../../../corpus/standards/air.toml"),
    ),
    (
        "policy.toml",
        include_str!("../../../corpus/standards/policy.toml"),
    ),
];

/// A standards file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("standards file {file}: {message}")]
pub struct StandardsError {
    pub file: String,
    pub message: String,
}

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub doc: String,
    pub clause: String,
    pub effective: Option<Date>,
    pub confidence: Confidence,
}

/// A limit value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// At most this value.
    Max(f64),
    /// Within this inclusive range (pH).
    Range(f64, f64),
    /// Must not be detected (不得检出).
    NotDetected,
}

impl Limit {
    /// The limit as a user reads it.
    pub fn describe(self) -> String {
        match self {
            Limit::Max(v) => crate::util::num(v),
            Limit::Range(lo, hi) => format!("{}–{}", crate::util::num(lo), crate::util::num(hi)),
            Limit::NotDetected => "不得检出".to_owned(),
        }
    }
}

/// A GB 4287 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// 表1, existing enterprises until 2014-12-31.
    T1,
    /// 表2, new enterprises, and existing ones from 2015-01-01.
    T2,
    /// 表3, special limits.
    T3,
}

impl Table {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "T1" => Some(Table::T1),
            "T2" => Some(Table::T2),
            "T3" => Some(Table::T3),
            _ => None,
        }
    }

    /// `表1`, `表2`, `表3`.
    pub fn label(self) -> &'static str {
        match self {
            Table::T1 => "表1",
            Table::T2 => "表2",
            Table::T3 => "表3",
        }
    }
}

/// A column of a GB 4287 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Direct,
    /// The original (2012) indirect column.
    Indirect,
    /// 2015 amendment note (4).
    IndirectParkDyeingSeparate,
    /// 2015 amendment note (5).
    IndirectOther,
    /// Applies to every column (total antimony).
    Any,
}

impl Column {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "direct" => Some(Column::Direct),
            "indirect" => Some(Column::Indirect),
            "indirect_park_dyeing_separate" => Some(Column::IndirectParkDyeingSeparate),
            "indirect_other" => Some(Column::IndirectOther),
            "any" => Some(Column::Any),
            _ => None,
        }
    }
}

/// One block of GB 4287 limits: a table, a column, its source, and its values.
#[derive(Debug, Clone)]
pub struct WaterLimitBlock {
    pub table: Table,
    pub column: Column,
    pub source: Source,
    pub values: BTreeMap<WaterPollutant, Limit>,
    pub batik: BTreeMap<WaterPollutant, Limit>,
}

/// A limit with where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct SourcedLimit<'a> {
    pub limit: Limit,
    pub source: &'a Source,
    pub batik: bool,
}

/// Benchmark wastewater volume per tonne of 标准品.
#[derive(Debug, Clone)]
pub struct Benchmark {
    pub key: String,
    pub label: String,
    pub t1: f64,
    pub t2: f64,
}

/// GB 4287-2012 and its amendment.
#[derive(Debug, Clone)]
pub struct WaterStandards {
    pub doc: String,
    pub title: String,
    pub effective: Date,
    pub existing_table2_from: Date,
    pub special_limit_districts: Vec<String>,
    pub limits: Vec<WaterLimitBlock>,
    pub municipal_rule: Source,
    pub not_detected_caveat: Source,
    pub benchmarks: Vec<Benchmark>,
    pub benchmark_source: Source,
}

impl WaterStandards {
    /// The limit for `pollutant` in `table`/`column`; a batik value when `batik` and one exists.
    pub fn limit(
        &self,
        table: Table,
        column: Column,
        pollutant: WaterPollutant,
        batik: bool,
    ) -> Option<SourcedLimit<'_>> {
        self.limits
            .iter()
            .filter(|b| b.table == table && (b.column == column || b.column == Column::Any))
            .find_map(|b| {
                if batik && let Some(limit) = b.batik.get(&pollutant) {
                    return Some(SourcedLimit {
                        limit: *limit,
                        source: &b.source,
                        batik: true,
                    });
                }
                b.values.get(&pollutant).map(|limit| SourcedLimit {
                    limit: *limit,
                    source: &b.source,
                    batik: false,
                })
            })
    }

    /// The benchmark row for a key (`cotton_woven`, `wool_worsted`, …).
    pub fn benchmark(&self, key: &str) -> Option<&Benchmark> {
        self.benchmarks.iter().find(|b| b.key == key)
    }
}

/// One row of GB 16297 Table 2.
#[derive(Debug, Clone)]
pub struct AirRow {
    pub pollutant: AirPollutant,
    pub variant: Option<String>,
    pub label: String,
    pub max_concentration: f64,
    /// (stack height m, grade II rate kg/h), ascending by height.
    pub rates: Vec<(f64, f64)>,
    pub fugitive: Option<f64>,
}

/// GB 16297-1996.
#[derive(Debug, Clone)]
pub struct GeneralAir {
    pub title: String,
    pub source: Source,
    pub min_height_m: f64,
    pub building_margin_m: f64,
    pub halving_factor: f64,
    pub rows: Vec<AirRow>,
}

impl GeneralAir {
    /// The row for a pollutant; `variant` picks among several (颗粒物: other / dye_dust).
    pub fn row(&self, pollutant: AirPollutant, variant: Option<&str>) -> Option<&AirRow> {
        self.rows
            .iter()
            .filter(|r| r.pollutant == pollutant)
            .find(|r| variant.is_none() || r.variant.as_deref() == variant)
    }
}

/// One GB 13271 table row set for a fuel.
#[derive(Debug, Clone)]
pub struct BoilerLimits {
    pub fuel: Fuel,
    pub special: bool,
    /// 表1, in-use boilers.
    pub in_use: bool,
    pub clause: String,
    pub values: BTreeMap<AirPollutant, f64>,
}

/// A row of GB 13271 表4: a coal boiler house below this capacity needs this chimney height.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoalChimney {
    /// Upper bound (exclusive) of the installed capacity in t/h; `None` for the last row.
    #[serde(default)]
    pub below_t_h: Option<f64>,
    /// The same bound in MW (printed beside t/h).
    #[serde(default)]
    pub below_mw: Option<f64>,
    pub min_height_m: f64,
}

/// GB 13271-2014, and the local low-NOx figure.
#[derive(Debug, Clone)]
pub struct BoilerStandards {
    pub title: String,
    pub source: Source,
    pub min_chimney_m: f64,
    pub building_margin_m: f64,
    pub limits: Vec<BoilerLimits>,
    pub low_nox: Source,
    pub low_nox_value: f64,
    /// 表4, ascending.
    pub coal_chimney: Vec<CoalChimney>,
}

impl BoilerStandards {
    /// The limits for a fuel: 表1 for an in-use boiler, else 表3 where designated, else 表2.
    /// Biomass briquettes follow the coal limits (GB 13271 第1章).
    pub fn limits_for(&self, fuel: Fuel, special: bool, in_use: bool) -> Option<&BoilerLimits> {
        let fuel = if fuel == Fuel::Biomass {
            Fuel::Coal
        } else {
            fuel
        };
        if in_use {
            return self.limits.iter().find(|l| l.fuel == fuel && l.in_use);
        }
        self.limits
            .iter()
            .find(|l| l.fuel == fuel && l.special == special && !l.in_use)
    }

    /// The minimum chimney height of a coal boiler house of this total capacity (t/h).
    pub fn coal_chimney_min(&self, capacity_t_h: f64) -> Option<f64> {
        self.coal_chimney
            .iter()
            .find(|r| r.below_t_h.is_none_or(|b| capacity_t_h < b))
            .map(|r| r.min_height_m)
    }
}

/// GB 37822-2019.
#[derive(Debug, Clone)]
pub struct VocStandards {
    pub title: String,
    pub source: Source,
    pub fugitive_1h: f64,
    pub fugitive_1h_special: f64,
    pub fugitive_single: f64,
    pub fugitive_single_special: f64,
    pub fugitive_clause: String,
    pub treatment_threshold_kg_h: f64,
    pub treatment_threshold_key_region_kg_h: f64,
    pub min_efficiency: f64,
    pub treatment_clause: String,
    pub key_region_confidence: Confidence,
    /// A Zhejiang or Shaoxing document that makes the informative 附录A binding; empty when
    /// none is known (then a breach of A.1 is a warning, not an error).
    pub fugitive_adoption: String,
}

/// DB33/962-2015 figures for heat-setting exhaust ([M]).
#[derive(Debug, Clone)]
pub struct TextileLocalAir {
    pub title: String,
    pub source: Source,
    pub heat_setting: BTreeMap<AirPollutant, f64>,
}

/// 规范条件 resource figures for one fabric.
#[derive(Debug, Clone)]
pub struct UnitNorm {
    pub fabric: Fabric,
    pub fresh_water: f64,
    pub fresh_water_unit: String,
    pub energy: f64,
    pub energy_unit: String,
    pub source: Source,
}

/// 印染行业规范条件 figures.
#[derive(Debug, Clone)]
pub struct CleanProductionNorms {
    pub note: String,
    pub reuse_rate_min: f64,
    pub reuse_source: Source,
    pub units: Vec<UnitNorm>,
    pub park_2023: Source,
}

/// Total-quantity lists and ratios.
#[derive(Debug, Clone)]
pub struct TotalControlRules {
    pub key_pollutants: Vec<Pollutant>,
    pub local_pollutants: Vec<Pollutant>,
    pub local_confidence: Confidence,
    pub min_offset_ratio: f64,
    pub vocs_min_offset_ratio: f64,
    pub ratio_confidence: Confidence,
}

/// The product's own screening thresholds (not statutory).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    pub relative_tolerance: f64,
    pub sensitive_near_m: f64,
    pub odour_receptor_m: f64,
    pub min_discharge_to_fresh: f64,
    pub caoejiang_margin_m: f64,
}

/// Every table the rules use.
#[derive(Debug, Clone)]
pub struct Standards {
    /// Identifies the data set in reports: `builtin` or the files that replaced it.
    pub id: String,
    pub water: WaterStandards,
    pub air: GeneralAir,
    pub boiler: BoilerStandards,
    pub vocs: VocStandards,
    pub textile_local: TextileLocalAir,
    pub clean_production: CleanProductionNorms,
    pub total_control: TotalControlRules,
    pub screening: Screening,
}

impl Standards {
    /// The tables shipped in `corpus/standards/`.
    pub fn builtin() -> Self {
        // The shipped files are tested (`builtin_standards_load`); failing here is a build defect.
        #[allow(clippy::expect_used)]
        Self::from_files(&BUILTIN_FILES, "builtin").expect("shipped standards files are valid")
    }

    /// Loads from `(file name, TOML text)` pairs named `water.toml`, `air.toml`, `policy.toml`.
    pub fn from_files(files: &[(&str, &str)], id: &str) -> Result<Self, StandardsError> {
        let text = |name: &str| -> Result<&str, StandardsError> {
            files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
                .ok_or_else(|| err(name, "missing"))
        };
        let water: raw::WaterFile =
            toml::from_str(text("water.toml")?).map_err(|e| err("water.toml", e.to_string()))?;
        let air: raw::AirFile =
            toml::from_str(text("air.toml")?).map_err(|e| err("air.toml", e.to_string()))?;
        let policy: raw::PolicyFile =
            toml::from_str(text("policy.toml")?).map_err(|e| err("policy.toml", e.to_string()))?;
        Ok(Standards {
            id: id.to_owned(),
            water: water.water.convert()?,
            air: air.general.convert()?,
            boiler: air.boiler.convert()?,
            vocs: air.vocs.convert()?,
            textile_local: air.textile_local.convert()?,
            clean_production: policy.convert_clean()?,
            total_control: policy.total_control.convert()?,
            screening: policy.screening,
        })
    }
}

fn err(file: &str, message: impl Into<String>) -> StandardsError {
    StandardsError {
        file: file.to_owned(),
        message: message.into(),
    }
}

/// The file formats, as written; converted (and checked) into the types above.
mod raw {
    use super::*;

    fn date(file: &str, text: &str) -> Result<Date, StandardsError> {
        Date::parse(text).ok_or_else(|| err(file, format!("bad date {text:?}, want YYYY-MM-DD")))
    }

    fn water_code(file: &str, code: &str) -> Result<WaterPollutant, StandardsError> {
        WaterPollutant::parse(code)
            .ok_or_else(|| err(file, format!("unknown water pollutant {code:?}")))
    }

    fn air_code(file: &str, code: &str) -> Result<AirPollutant, StandardsError> {
        AirPollutant::parse(code)
            .ok_or_else(|| err(file, format!("unknown air pollutant {code:?}")))
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    pub enum RawLimit {
        Number(f64),
        Text(String),
    }

    fn limit(file: &str, raw: &RawLimit) -> Result<Limit, StandardsError> {
        match raw {
            RawLimit::Number(v) if *v >= 0.0 => Ok(Limit::Max(*v)),
            RawLimit::Number(v) => Err(err(file, format!("negative limit {v}"))),
            RawLimit::Text(t) if t == "ND" => Ok(Limit::NotDetected),
            RawLimit::Text(t) => {
                let (lo, hi) = t.split_once('-').ok_or_else(|| {
                    err(
                        file,
                        format!("bad limit {t:?}: want a number, \"lo-hi\" or \"ND\""),
                    )
                })?;
                let lo: f64 = lo
                    .trim()
                    .parse()
                    .map_err(|_| err(file, format!("bad range {t:?}")))?;
                let hi: f64 = hi
                    .trim()
                    .parse()
                    .map_err(|_| err(file, format!("bad range {t:?}")))?;
                if lo > hi {
                    return Err(err(file, format!("empty range {t:?}")));
                }
                Ok(Limit::Range(lo, hi))
            }
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawSource {
        pub doc: String,
        pub clause: String,
        pub effective: String,
        pub confidence: Confidence,
    }

    impl RawSource {
        fn convert(&self, file: &str) -> Result<Source, StandardsError> {
            Ok(Source {
                doc: self.doc.clone(),
                clause: self.clause.clone(),
                effective: Some(date(file, &self.effective)?),
                confidence: self.confidence,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct WaterFile {
        pub water: Water,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Water {
        doc: String,
        title: String,
        effective: String,
        existing_table2_from: String,
        special_limit_districts: Vec<String>,
        limits: Vec<WaterBlock>,
        municipal_rule: RawSource,
        not_detected_caveat: RawSource,
        benchmark: Vec<RawBenchmark>,
        benchmark_source: RawSource,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct WaterBlock {
        table: String,
        column: String,
        doc: Option<String>,
        clause: String,
        /// Absent for 表3, which applies from the date the designation sets (4.4).
        #[serde(default)]
        effective: Option<String>,
        confidence: Confidence,
        values: BTreeMap<String, RawLimit>,
        #[serde(default)]
        batik: BTreeMap<String, RawLimit>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawBenchmark {
        fabric: String,
        label: String,
        t1: f64,
        t2: f64,
    }

    impl Water {
        pub fn convert(self) -> Result<WaterStandards, StandardsError> {
            const F: &str = "water.toml";
            let mut limits = Vec::new();
            for block in &self.limits {
                let table = Table::parse(&block.table)
                    .ok_or_else(|| err(F, format!("unknown table {:?}", block.table)))?;
                let column = Column::parse(&block.column)
                    .ok_or_else(|| err(F, format!("unknown column {:?}", block.column)))?;
                let convert_map = |map: &BTreeMap<String, RawLimit>| {
                    map.iter()
                        .map(|(k, v)| Ok((water_code(F, k)?, limit(F, v)?)))
                        .collect::<Result<BTreeMap<_, _>, StandardsError>>()
                };
                limits.push(WaterLimitBlock {
                    table,
                    column,
                    source: Source {
                        doc: block.doc.clone().unwrap_or_else(|| self.doc.clone()),
                        clause: block.clause.clone(),
                        effective: block.effective.as_deref().map(|e| date(F, e)).transpose()?,
                        confidence: block.confidence,
                    },
                    values: convert_map(&block.values)?,
                    batik: convert_map(&block.batik)?,
                });
            }
            Ok(WaterStandards {
                effective: date(F, &self.effective)?,
                existing_table2_from: date(F, &self.existing_table2_from)?,
                doc: self.doc,
                title: self.title,
                special_limit_districts: self.special_limit_districts,
                limits,
                municipal_rule: self.municipal_rule.convert(F)?,
                not_detected_caveat: self.not_detected_caveat.convert(F)?,
                benchmarks: self
                    .benchmark
                    .into_iter()
                    .map(|b| Benchmark {
                        key: b.fabric,
                        label: b.label,
                        t1: b.t1,
                        t2: b.t2,
                    })
                    .collect(),
                benchmark_source: self.benchmark_source.convert(F)?,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct AirFile {
        pub general: General,
        pub boiler: Boiler,
        pub vocs: Vocs,
        pub textile_local: TextileLocal,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct General {
        doc: String,
        title: String,
        clause: String,
        effective: String,
        confidence: Confidence,
        min_height_m: f64,
        building_margin_m: f64,
        halving_factor: f64,
        rows: Vec<Row>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Row {
        pollutant: String,
        variant: Option<String>,
        label: String,
        max_concentration: f64,
        rates: Vec<(f64, f64)>,
        fugitive: Option<f64>,
    }

    impl General {
        pub fn convert(self) -> Result<GeneralAir, StandardsError> {
            const F: &str = "air.toml";
            let mut rows = Vec::new();
            for row in self.rows {
                if row.rates.is_empty() || row.rates.windows(2).any(|w| w[0].0 >= w[1].0) {
                    return Err(err(
                        F,
                        format!("{}: rates must be ascending by height", row.label),
                    ));
                }
                rows.push(AirRow {
                    pollutant: air_code(F, &row.pollutant)?,
                    variant: row.variant,
                    label: row.label,
                    max_concentration: row.max_concentration,
                    rates: row.rates,
                    fugitive: row.fugitive,
                });
            }
            Ok(GeneralAir {
                title: self.title,
                source: Source {
                    doc: self.doc,
                    clause: self.clause,
                    effective: Some(date(F, &self.effective)?),
                    confidence: self.confidence,
                },
                min_height_m: self.min_height_m,
                building_margin_m: self.building_margin_m,
                halving_factor: self.halving_factor,
                rows,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Boiler {
        doc: String,
        title: String,
        effective: String,
        confidence: Confidence,
        min_chimney_m: f64,
        building_margin_m: f64,
        limits: Vec<BoilerRow>,
        local_low_nox: LowNox,
        #[serde(default)]
        coal_chimney: Vec<super::CoalChimney>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct BoilerRow {
        fuel: String,
        special: bool,
        #[serde(default)]
        in_use: bool,
        clause: String,
        values: BTreeMap<String, f64>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LowNox {
        doc: String,
        clause: String,
        effective: String,
        confidence: Confidence,
        nox: f64,
    }

    impl Boiler {
        pub fn convert(self) -> Result<BoilerStandards, StandardsError> {
            const F: &str = "air.toml";
            let mut limits = Vec::new();
            for row in self.limits {
                limits.push(BoilerLimits {
                    fuel: Fuel::parse(&row.fuel)
                        .ok_or_else(|| err(F, format!("unknown fuel {:?}", row.fuel)))?,
                    special: row.special,
                    in_use: row.in_use,
                    clause: row.clause,
                    values: row
                        .values
                        .iter()
                        .map(|(k, v)| Ok((air_code(F, k)?, *v)))
                        .collect::<Result<_, StandardsError>>()?,
                });
            }
            Ok(BoilerStandards {
                title: self.title,
                source: Source {
                    doc: self.doc,
                    clause: String::new(),
                    effective: Some(date(F, &self.effective)?),
                    confidence: self.confidence,
                },
                min_chimney_m: self.min_chimney_m,
                building_margin_m: self.building_margin_m,
                limits,
                low_nox: Source {
                    doc: self.local_low_nox.doc,
                    clause: self.local_low_nox.clause,
                    effective: Some(date(F, &self.local_low_nox.effective)?),
                    confidence: self.local_low_nox.confidence,
                },
                low_nox_value: self.local_low_nox.nox,
                coal_chimney: {
                    let mut rows = self.coal_chimney;
                    rows.sort_by(|a, b| {
                        a.below_t_h
                            .unwrap_or(f64::INFINITY)
                            .total_cmp(&b.below_t_h.unwrap_or(f64::INFINITY))
                    });
                    rows
                },
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Vocs {
        doc: String,
        title: String,
        effective: String,
        confidence: Confidence,
        fugitive_1h: f64,
        fugitive_1h_special: f64,
        fugitive_single: f64,
        fugitive_single_special: f64,
        fugitive_clause: String,
        treatment_threshold_kg_h: f64,
        treatment_threshold_key_region_kg_h: f64,
        min_efficiency: f64,
        treatment_clause: String,
        key_region_confidence: Confidence,
        #[serde(default)]
        fugitive_adoption: String,
    }

    impl Vocs {
        pub fn convert(self) -> Result<VocStandards, StandardsError> {
            Ok(VocStandards {
                title: self.title,
                source: Source {
                    doc: self.doc,
                    clause: String::new(),
                    effective: Some(date("air.toml", &self.effective)?),
                    confidence: self.confidence,
                },
                fugitive_1h: self.fugitive_1h,
                fugitive_1h_special: self.fugitive_1h_special,
                fugitive_single: self.fugitive_single,
                fugitive_single_special: self.fugitive_single_special,
                fugitive_clause: self.fugitive_clause,
                treatment_threshold_kg_h: self.treatment_threshold_kg_h,
                treatment_threshold_key_region_kg_h: self.treatment_threshold_key_region_kg_h,
                min_efficiency: self.min_efficiency,
                treatment_clause: self.treatment_clause,
                key_region_confidence: self.key_region_confidence,
                fugitive_adoption: self.fugitive_adoption,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TextileLocal {
        doc: String,
        title: String,
        clause: String,
        effective: String,
        confidence: Confidence,
        heat_setting: BTreeMap<String, f64>,
    }

    impl TextileLocal {
        pub fn convert(self) -> Result<TextileLocalAir, StandardsError> {
            const F: &str = "air.toml";
            Ok(TextileLocalAir {
                title: self.title,
                source: Source {
                    doc: self.doc,
                    clause: self.clause,
                    effective: Some(date(F, &self.effective)?),
                    confidence: self.confidence,
                },
                heat_setting: self
                    .heat_setting
                    .iter()
                    .map(|(k, v)| Ok((air_code(F, k)?, *v)))
                    .collect::<Result<_, StandardsError>>()?,
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct PolicyFile {
        clean_production: Clean,
        norms_2023: Norms2023,
        pub total_control: Total,
        pub screening: Screening,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Clean {
        doc: String,
        effective: String,
        note: String,
        reuse_rate_min: f64,
        reuse_rate_clause: String,
        reuse_rate_confidence: Confidence,
        unit: Vec<Unit>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Unit {
        fabric: String,
        fresh_water: f64,
        fresh_water_unit: String,
        energy: f64,
        energy_unit: String,
        clause: String,
        confidence: Confidence,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Norms2023 {
        doc: String,
        park_clause: String,
        confidence: Confidence,
    }

    impl PolicyFile {
        pub fn convert_clean(&self) -> Result<CleanProductionNorms, StandardsError> {
            const F: &str = "policy.toml";
            let clean = &self.clean_production;
            let effective = Some(date(F, &clean.effective)?);
            let mut units = Vec::new();
            for unit in &clean.unit {
                units.push(UnitNorm {
                    fabric: Fabric::parse(&unit.fabric)
                        .ok_or_else(|| err(F, format!("unknown fabric {:?}", unit.fabric)))?,
                    fresh_water: unit.fresh_water,
                    fresh_water_unit: unit.fresh_water_unit.clone(),
                    energy: unit.energy,
                    energy_unit: unit.energy_unit.clone(),
                    source: Source {
                        doc: clean.doc.clone(),
                        clause: unit.clause.clone(),
                        effective,
                        confidence: unit.confidence,
                    },
                });
            }
            Ok(CleanProductionNorms {
                note: clean.note.clone(),
                reuse_rate_min: clean.reuse_rate_min,
                reuse_source: Source {
                    doc: clean.doc.clone(),
                    clause: clean.reuse_rate_clause.clone(),
                    effective,
                    confidence: clean.reuse_rate_confidence,
                },
                units,
                park_2023: Source {
                    doc: self.norms_2023.doc.clone(),
                    clause: self.norms_2023.park_clause.clone(),
                    effective: None,
                    confidence: self.norms_2023.confidence,
                },
            })
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Total {
        key_pollutants: Vec<String>,
        local_pollutants: Vec<String>,
        local_confidence: Confidence,
        min_offset_ratio: f64,
        vocs_min_offset_ratio: f64,
        ratio_confidence: Confidence,
    }

    impl Total {
        pub fn convert(self) -> Result<TotalControlRules, StandardsError> {
            let codes = |list: &[String]| {
                list.iter()
                    .map(|c| {
                        Pollutant::parse(c)
                            .ok_or_else(|| err("policy.toml", format!("unknown pollutant {c:?}")))
                    })
                    .collect::<Result<Vec<_>, _>>()
            };
            Ok(TotalControlRules {
                key_pollutants: codes(&self.key_pollutants)?,
                local_pollutants: codes(&self.local_pollutants)?,
                local_confidence: self.local_confidence,
                min_offset_ratio: self.min_offset_ratio,
                vocs_min_offset_ratio: self.vocs_min_offset_ratio,
                ratio_confidence: self.ratio_confidence,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_standards_load() {
        let s = Standards::from_files(&BUILTIN_FILES, "builtin").unwrap();
        let cod = s
            .water
            .limit(Table::T2, Column::Indirect, WaterPollutant::Cod, false)
            .unwrap();
        assert_eq!(cod.limit, Limit::Max(200.0));
        let sb = s
            .water
            .limit(Table::T2, Column::Direct, WaterPollutant::Sb, false)
            .unwrap();
        assert_eq!(sb.source.confidence, Confidence::V2);
        let nh3n_batik = s
            .water
            .limit(Table::T2, Column::Direct, WaterPollutant::Nh3n, true)
            .unwrap();
        assert_eq!(nh3n_batik.limit, Limit::Max(15.0));
        assert!(s.air.row(AirPollutant::Nmhc, None).is_some());
    }

    #[test]
    fn a_bad_override_is_a_clear_error() {
        let mut files = BUILTIN_FILES;
        let broken = BUILTIN_FILES[0].1.replace("COD = 80,", "COD = -80,");
        files[0].1 = &broken;
        let e = Standards::from_files(&files, "test").unwrap_err();
        assert!(e.to_string().contains("negative limit"), "{e}");
    }
}
