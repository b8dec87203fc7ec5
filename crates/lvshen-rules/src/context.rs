//! What every rule sees: the filing, the standards, the date, and facts derived once from
//! the filing (which GB 4287 table applies, product mass, benchmark volume…).

use lvshen_filing::codes::*;
use lvshen_filing::{Filing, Product};

use crate::standards::{Standards, Table};
use lvshen_law::Date;

/// The districts of the 曹娥江 basin (浙江省曹娥江流域水环境保护条例 scope).
pub const CAOEJIANG_BASIN_DISTRICTS: [&str; 5] = ["新昌", "嵊州", "上虞", "柯桥", "越城"];

/// The county-level divisions of Shaoxing.
pub const SHAOXING_DISTRICTS: [&str; 6] = ["柯桥", "上虞", "越城", "诸暨", "嵊州", "新昌"];

/// The check's inputs and derived facts.
#[derive(Debug)]
pub struct Context<'a> {
    pub filing: &'a Filing,
    pub standards: &'a Standards,
    pub as_of: Date,
    pub derived: Derived,
}

/// How wastewater leaves the site, decided from `discharge_mode` and `receiving_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discharge {
    Direct,
    Indirect(Option<ReceivingKind>),
    None,
}

/// Facts computed once from the filing.
#[derive(Debug, Clone)]
pub struct Derived {
    /// Pretreatment, dyeing or conventional printing declared.
    pub dyeing: bool,
    /// Any wet process declared.
    pub wet: bool,
    /// Effective discharge, `None` when it cannot be told.
    pub discharge: Option<Discharge>,
    /// Which GB 4287 table applies, and why (Chinese).
    pub table: Table,
    pub table_reason: String,
    /// Every product is batik (蜡染), which has its own (looser) NH3-N and TN limits. A plant
    /// that also makes other products on shared treatment meets the strictest limit
    /// (GB 4287 4.5 ¶2): the other products'.
    pub batik: bool,
    /// Batik and other products share the plant's treatment (the batik values do not apply).
    pub batik_mixed: bool,
    /// The document that designates the site for GB 4287 表3, when one is known (the
    /// filing's `location.special_limits.water`, or the district list of `water.toml`).
    pub water_special_document: Option<String>,
    /// Benchmark-volume facts, when the product mass can be derived.
    pub benchmark: Option<BenchmarkFacts>,
    /// The site is in the 曹娥江 basin.
    pub in_caoejiang_basin: bool,
    /// The construction adds new capacity (new, expansion, relocation).
    pub adds_capacity: bool,
}

/// GB 4287 §4.5: actual against benchmark drainage.
#[derive(Debug, Clone)]
pub struct BenchmarkFacts {
    /// Σ product mass, t/a.
    pub mass_t: f64,
    /// Σ (mass × benchmark volume), m³/a.
    pub benchmark_m3: f64,
    /// Discharged volume, m³/a (t/a of water).
    pub actual_m3: f64,
    /// actual / benchmark.
    pub ratio: f64,
    /// One line per product: name, mass, benchmark m³/t.
    pub lines: Vec<(String, f64, f64)>,
    /// Every product is a 标准品 as GB 4287 3.2 defines it (width and weight declared and in
    /// the defined range), so actual tonnes are standard-product tonnes.
    pub standard_products: bool,
    /// The ratio is from one working day's figures (`daily_output`, `daily_discharged_m3`),
    /// as 4.5 counts, rather than from annual totals.
    pub daily: bool,
}

impl BenchmarkFacts {
    /// The conversion is the standard's own (3.2 标准品 and 4.5 per working day).
    pub fn as_the_standard_counts(&self) -> bool {
        self.standard_products && self.daily
    }
}

/// GB 4287 3.2: woven 标准品 152 cm wide, 10–14 kg/100 m (cotton, dyed); silk woven 114 cm,
/// 6–8 kg/100 m. Knitted goods and yarn (cotton, light shades) and wool (a conversion) cannot
/// be recognised from the filing's facts.
pub fn is_standard_product(product: &Product) -> bool {
    let (Some(width), Some(weight)) = (product.width_cm, product.weight_kg_per_100m) else {
        return false;
    };
    let near = |w: f64, target: f64| (w - target).abs() <= 0.5;
    match product.fabric {
        Some(Fabric::CottonWoven) => near(width, 152.0) && (10.0..=14.0).contains(&weight),
        Some(Fabric::Silk) => near(width, 114.0) && (6.0..=8.0).contains(&weight),
        _ => false,
    }
}

impl<'a> Context<'a> {
    /// Derives the facts every rule shares.
    pub fn new(filing: &'a Filing, standards: &'a Standards, as_of: Date) -> Self {
        let derived = derive(filing, standards, as_of);
        Context {
            filing,
            standards,
            as_of,
            derived,
        }
    }

    /// The screening tolerance for recomputed figures.
    pub fn tolerance(&self) -> f64 {
        self.standards.screening.relative_tolerance
    }
}

fn derive(filing: &Filing, standards: &Standards, as_of: Date) -> Derived {
    let processes = filing.processes();
    let dyeing = processes.iter().any(|p| p.is_dyeing_core());
    let wet = processes.iter().any(|p| p.is_wet());
    let discharge =
        filing
            .water
            .as_ref()
            .and_then(|w| match (w.discharge_mode, w.receiving_kind) {
                (Some(DischargeMode::None), _) => Some(Discharge::None),
                (Some(DischargeMode::Direct), _) => Some(Discharge::Direct),
                (Some(DischargeMode::Indirect), kind) => Some(Discharge::Indirect(kind)),
                (None, Some(ReceivingKind::WaterBody)) => Some(Discharge::Direct),
                (None, Some(kind)) => Some(Discharge::Indirect(Some(kind))),
                (None, None) => None,
            });

    let district = filing.location.district.as_str();
    // Only a designation with its document switches to 表3 (GB 4287 4.4: the area is set by
    // the State Council's department or the province). The legacy one-for-all switch
    // `special_emission_limits` cannot say which of the three designations it means.
    let water_special_document = filing
        .location
        .special_limits
        .water
        .document()
        .map(str::to_owned)
        .or_else(|| {
            standards
                .water
                .special_limit_districts
                .iter()
                .find(|d| !d.is_empty() && district.contains(d.as_str()))
                .map(|d| format!("water.toml special_limit_districts（{d}）"))
        });
    let special = water_special_document.is_some();
    let construction = filing.project.construction_type;
    let new_plant = matches!(
        construction,
        Some(ConstructionType::New) | Some(ConstructionType::Relocation)
    );
    // GB 4287 3.4: 改建、扩建 projects whose EIA is approved from 2013-01-01 count as 新建企业
    // (a filing under review now is approved after that date).
    let expansion = matches!(
        construction,
        Some(ConstructionType::Expansion)
            | Some(ConstructionType::Renovation)
            | Some(ConstructionType::TechnicalRenovation)
    ) && as_of >= Date::new(2013, 1, 1).unwrap_or(as_of);
    let (table, table_reason) = if special {
        (
            Table::T3,
            format!(
                "所在地经《{}》划定执行水污染物特别排放限值，适用表3",
                water_special_document.as_deref().unwrap_or_default()
            ),
        )
    } else if new_plant {
        (Table::T2, "新建企业适用表2".to_owned())
    } else if expansion {
        (
            Table::T2,
            "改建、扩建项目按新建企业执行表2（GB 4287 3.4：2013年1月1日起环评文件通过审批的改建、扩建项目属新建企业）"
                .to_owned(),
        )
    } else if as_of >= standards.water.existing_table2_from {
        (
            Table::T2,
            format!(
                "现有企业自 {} 起执行表2",
                standards.water.existing_table2_from
            ),
        )
    } else {
        (
            Table::T1,
            format!(
                "现有企业在 {} 前执行表1",
                standards.water.existing_table2_from
            ),
        )
    };

    let is_batik = |p: &Product| p.name.contains("蜡染");
    let products = filing.products();
    let any_batik = products.iter().any(is_batik);
    let batik = any_batik && products.iter().all(is_batik);
    let batik_mixed = any_batik && !batik;
    let benchmark = benchmark_facts(filing, standards, table);
    Derived {
        dyeing,
        wet,
        discharge,
        table,
        table_reason,
        batik,
        batik_mixed,
        water_special_document,
        benchmark,
        in_caoejiang_basin: CAOEJIANG_BASIN_DISTRICTS
            .iter()
            .any(|d| district.contains(d)),
        adds_capacity: matches!(
            construction,
            Some(ConstructionType::New)
                | Some(ConstructionType::Expansion)
                | Some(ConstructionType::Relocation)
        ),
    }
}

/// Annual mass of a product in tonnes, when it can be derived.
pub fn product_mass_t(product: &Product) -> Option<f64> {
    let output = product.output?;
    match product.unit? {
        OutputUnit::TonnesPerYear => Some(output),
        // 万米 × 10 000 m ÷ 100 m × kg/100 m ÷ 1000 kg/t
        OutputUnit::WanMetresPerYear => product.weight_kg_per_100m.map(|w| output * w * 0.1),
        OutputUnit::WanPiecesPerYear => None,
    }
}

/// The benchmark row key for a product (wool splits into worsted 精梳 / woollen 粗梳).
pub fn benchmark_key(product: &Product) -> Option<&'static str> {
    Some(match product.fabric? {
        Fabric::CottonWoven => "cotton_woven",
        Fabric::Knitted => "knitted",
        Fabric::Yarn => "yarn",
        Fabric::Silk => "silk",
        Fabric::Wool if product.name.contains("精梳") || product.name.contains("精纺") => {
            "wool_worsted"
        }
        // 粗梳 or unstated: the larger (more lenient) woollen volume, so that no finding
        // rests on a guess of the finer product class.
        Fabric::Wool => "wool_woollen",
        Fabric::Other => return None,
    })
}

fn benchmark_facts(filing: &Filing, standards: &Standards, table: Table) -> Option<BenchmarkFacts> {
    let water = filing.water.as_ref()?;
    let products = filing.products();
    if products.is_empty() {
        return None;
    }
    // 4.5 counts one working day: with a day's output of every product and that day's
    // drainage, the ratio is the standard's; otherwise annual totals stand in for it.
    let daily =
        water.daily_discharged_m3.is_some() && products.iter().all(|p| p.daily_output.is_some());
    let actual_m3 = if daily {
        water.daily_discharged_m3?
    } else {
        water.discharged_t_per_year?
    };
    let mut lines = Vec::new();
    let mut mass_t = 0.0;
    let mut benchmark_m3 = 0.0;
    for product in products {
        let mass = if daily {
            product_mass_t(&Product {
                output: product.daily_output,
                ..product.clone()
            })?
        } else {
            product_mass_t(product)?
        };
        let row = standards.water.benchmark(benchmark_key(product)?)?;
        let per_t = if table == Table::T1 { row.t1 } else { row.t2 };
        mass_t += mass;
        benchmark_m3 += mass * per_t;
        lines.push((product.name.clone(), mass, per_t));
    }
    if benchmark_m3 <= 0.0 {
        return None;
    }
    Some(BenchmarkFacts {
        mass_t,
        benchmark_m3,
        actual_m3,
        ratio: actual_m3 / benchmark_m3,
        lines,
        standard_products: products.iter().all(is_standard_product),
        daily,
    })
}
