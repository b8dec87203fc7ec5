//! The typed standardized filing (format v1, `shared/spec/filing.md`), plus the few
//! LüShen extensions documented in `docs/filing-extensions.md`.
//!
//! Arrays and sections are `Option` so that a rule can tell "not given" (a completeness
//! question) from "given and empty".

use serde::Serialize;

use crate::codes::*;

/// A whole filing after parsing and validation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Filing {
    pub schema_version: String,
    pub project: Project,
    pub location: Location,
    pub products: Option<Vec<Product>>,
    pub processes: Option<Vec<Process>>,
    pub raw_materials: Option<Vec<RawMaterial>>,
    pub water: Option<Water>,
    pub air: Option<Air>,
    pub solid_waste: Option<Vec<SolidWaste>>,
    pub risk: Option<Risk>,
    pub total_control: Option<Vec<TotalControl>>,
    pub receptors: Option<Vec<Receptor>>,
    pub clean_production: Option<CleanProduction>,
    pub permit: Option<Permit>,
    /// Extension: noise sources and boundary prediction points.
    pub noise: Option<Noise>,
    /// Extension: what the EIA document declares of its prediction and evaluation.
    pub assessment: Option<Assessment>,
}

impl Filing {
    /// Declared products, empty when the section is absent.
    pub fn products(&self) -> &[Product] {
        self.products.as_deref().unwrap_or_default()
    }
    /// Declared processes, empty when the section is absent.
    pub fn processes(&self) -> &[Process] {
        self.processes.as_deref().unwrap_or_default()
    }
    /// Whether the filing declares this process.
    pub fn has_process(&self, process: Process) -> bool {
        self.processes().contains(&process)
    }
    /// Declared raw materials.
    pub fn raw_materials(&self) -> &[RawMaterial] {
        self.raw_materials.as_deref().unwrap_or_default()
    }
    /// Declared solid waste.
    pub fn solid_waste(&self) -> &[SolidWaste] {
        self.solid_waste.as_deref().unwrap_or_default()
    }
    /// Declared total-quantity indicators.
    pub fn total_control(&self) -> &[TotalControl] {
        self.total_control.as_deref().unwrap_or_default()
    }
    /// Declared receptors.
    pub fn receptors(&self) -> &[Receptor] {
        self.receptors.as_deref().unwrap_or_default()
    }
    /// Declared exhaust outlets.
    pub fn air_outlets(&self) -> &[AirOutlet] {
        self.air
            .as_ref()
            .and_then(|air| air.outlets.as_deref())
            .unwrap_or_default()
    }
    /// Declared fugitive (无组织) emissions.
    pub fn unorganized(&self) -> &[Unorganized] {
        self.air
            .as_ref()
            .and_then(|air| air.unorganized.as_deref())
            .unwrap_or_default()
    }
    /// Declared wastewater pollutants.
    pub fn water_pollutants(&self) -> &[WaterPollutantEntry] {
        self.water
            .as_ref()
            .and_then(|water| water.pollutants.as_deref())
            .unwrap_or_default()
    }
}

/// `project`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Project {
    pub name: String,
    pub applicant: String,
    pub credit_code: Option<String>,
    pub eia_agency: Option<String>,
    pub construction_type: Option<ConstructionType>,
    pub industry_code: Option<String>,
    pub document_type: Option<DocumentType>,
    pub investment_total_wan_yuan: Option<f64>,
    pub investment_env_wan_yuan: Option<f64>,
    pub operating_days_per_year: Option<f64>,
    pub operating_hours_per_day: Option<f64>,
    pub staff: Option<f64>,
    /// Extension: the unit is on the 重点排污单位名录 (decides permit key management).
    pub on_key_discharger_list: Option<bool>,
    /// Extension: a 改建/扩建 project touches the main works (主体工程). `false`: the EIA
    /// category follows the works actually done (名录 2021 第四条第三款).
    pub main_works_involved: Option<bool>,
    /// Extension: the processes the works of a 改建/扩建 project actually involve (when they
    /// do not touch the main works).
    pub works_processes: Option<Vec<Process>>,
}

/// `location`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Location {
    pub district: String,
    pub address: Option<String>,
    pub longitude: f64,
    pub latitude: f64,
    /// `None` both when absent and when `null` (outside any park); see `industrial_park_given`.
    pub industrial_park: Option<String>,
    /// Whether the key `industrial_park` was present at all (null counts as present).
    pub industrial_park_given: bool,
    pub zoning_unit: Option<String>,
    pub land_area_m2: Option<f64>,
    /// Extension (legacy): one switch for every special emission limit. It cannot say which
    /// of the three separately designated limits applies; the rules treat it as "unknown".
    pub special_emission_limits: Option<bool>,
    /// Extension: the three special-limit designations, each with its designating document.
    pub special_limits: SpecialLimits,
    /// Extension: rural or urban dispersion for the screening model.
    pub dispersion_setting: Option<DispersionSetting>,
    /// Extension: ambient temperature for the screening model, °C (default 20).
    pub ambient_temperature_c: Option<f64>,
    /// Extension: the GB 3095 ambient air function zone of the site.
    pub air_zone: Option<AirZone>,
    /// Extension: HJ 610 groundwater sensitivity of the site.
    pub groundwater_sensitivity: Option<Sensitivity>,
    /// Extension: HJ 964 soil sensitivity of the site.
    pub soil_sensitivity: Option<Sensitivity>,
}

/// Whether an area is designated for special emission limits (特别排放限值), and by which
/// document. GB 4287 §4.4, GB 13271 §4.4 and GB 37822 §4.2 each leave the designation to the
/// State Council's department or the province, separately.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "document", rename_all = "snake_case")]
pub enum Designation {
    /// Not said.
    #[default]
    Unknown,
    /// Not designated (`false`).
    NotDesignated,
    /// Designated by this document.
    Designated(String),
}

impl Designation {
    /// The designating document, when designated.
    pub fn document(&self) -> Option<&str> {
        match self {
            Designation::Designated(d) => Some(d),
            _ => None,
        }
    }
}

/// `location.special_limits`: water (GB 4287 表3), boilers (GB 13271 表3), VOCs (GB 37822
/// special value of 附录A).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SpecialLimits {
    pub water: Designation,
    pub boiler: Designation,
    pub vocs: Designation,
}

/// `products[]`.
#[derive(Debug, Clone, Serialize)]
pub struct Product {
    pub name: String,
    pub output: Option<f64>,
    pub unit: Option<OutputUnit>,
    pub fabric: Option<Fabric>,
    pub weight_kg_per_100m: Option<f64>,
    /// Extension: fabric width in cm (GB 4287 3.2 defines the 标准品 by width and weight).
    pub width_cm: Option<f64>,
    /// Extension: output on a typical (highest) working day, in `unit` per day (4.5 counts
    /// output and drainage per working day).
    pub daily_output: Option<f64>,
}

/// `raw_materials[]`.
#[derive(Debug, Clone, Serialize)]
pub struct RawMaterial {
    pub name: String,
    pub t_per_year: Option<f64>,
    pub max_storage_t: Option<f64>,
    pub hazardous: Option<bool>,
}

/// `water`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Water {
    pub fresh_water_t_per_year: Option<f64>,
    pub reused_water_t_per_year: Option<f64>,
    pub wastewater_t_per_year: Option<f64>,
    pub discharged_t_per_year: Option<f64>,
    pub discharge_mode: Option<DischargeMode>,
    pub receiving: Option<String>,
    pub receiving_kind: Option<ReceivingKind>,
    pub outlet_id: Option<String>,
    pub treatment: Option<String>,
    pub pollutants: Option<Vec<WaterPollutantEntry>>,
    /// Extension: wastewater discharged on the same working day as `products[].daily_output`,
    /// m³/d (GB 4287 4.5).
    pub daily_discharged_m3: Option<f64>,
    /// Extension: spare treatment capacity of the receiving wastewater plant, m³/d.
    pub receiving_spare_capacity_m3_per_day: Option<f64>,
}

/// `water.pollutants[]`. `index` is the position in the filing, for JSON paths.
#[derive(Debug, Clone, Serialize)]
pub struct WaterPollutantEntry {
    pub index: usize,
    pub code: WaterPollutant,
    pub concentration_mg_per_l: Option<f64>,
    pub load_t_per_year: Option<f64>,
    pub below_detection_limit: bool,
}

/// `air`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Air {
    pub outlets: Option<Vec<AirOutlet>>,
    pub unorganized: Option<Vec<Unorganized>>,
}

/// `air.outlets[]`.
#[derive(Debug, Clone, Serialize)]
pub struct AirOutlet {
    pub index: usize,
    pub id: String,
    pub source: Option<String>,
    pub height_m: Option<f64>,
    pub flow_m3_per_h: Option<f64>,
    pub hours_per_year: Option<f64>,
    pub treatment: Option<String>,
    pub pollutants: Vec<AirPollutantEntry>,
    /// Extension: boiler facts when the outlet serves a boiler.
    pub boiler: Option<Boiler>,
    /// Extension: tallest building within 200 m of the stack (GB 16297 §7.1).
    pub max_building_height_m: Option<f64>,
    /// Extension: removal efficiency of the treatment, 0–1 (GB 37822 §10.3.2).
    pub removal_efficiency: Option<f64>,
    /// Extension: inner diameter of the stack at its exit, m (screening model).
    pub inner_diameter_m: Option<f64>,
    /// Extension: exhaust temperature at the exit, °C (screening model).
    pub exit_temperature_c: Option<f64>,
    /// Extension: exit velocity, m/s; derived from the flow and the diameter when absent.
    pub exit_velocity_m_per_s: Option<f64>,
}

impl AirOutlet {
    /// The outlet serves a boiler: declared with `boiler`, or its source says 锅炉.
    pub fn is_boiler(&self) -> bool {
        self.boiler.is_some() || self.source.as_deref().is_some_and(|s| s.contains("锅炉"))
    }

    /// Boiler fuel: declared, or read from the source text (燃气/天然气, 燃油, 燃煤, 生物质).
    pub fn boiler_fuel(&self) -> Option<Fuel> {
        if let Some(fuel) = self.boiler.as_ref().and_then(|b| b.fuel) {
            return Some(fuel);
        }
        let source = self.source.as_deref()?;
        if !self.is_boiler() {
            return None;
        }
        if source.contains("天然气") || source.contains("燃气") {
            Some(Fuel::Gas)
        } else if source.contains("油") {
            Some(Fuel::Oil)
        } else if source.contains("煤") {
            Some(Fuel::Coal)
        } else if source.contains("生物质") {
            Some(Fuel::Biomass)
        } else {
            None
        }
    }

    /// The outlet serves a heat-setting machine (定型机).
    pub fn is_heat_setting(&self) -> bool {
        self.source.as_deref().is_some_and(|s| s.contains("定型"))
    }

    /// The pollutant entry for a code, if declared.
    pub fn pollutant(&self, code: AirPollutant) -> Option<&AirPollutantEntry> {
        self.pollutants.iter().find(|p| p.code == code)
    }
}

/// Extension `air.outlets[].boiler`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Boiler {
    pub fuel: Option<Fuel>,
    pub capacity_t_per_h: Option<f64>,
    /// Extension: an in-use boiler (在用锅炉, GB 13271 3.2: built, or its EIA approved,
    /// before 2014-07-01), kept in an expansion or renovation.
    pub in_use: Option<bool>,
    /// Extension: the boiler exists already and is not added by this project (its capacity is
    /// not new scale, 名录 2021 说明2).
    pub existing: Option<bool>,
}

/// `air.outlets[].pollutants[]`.
#[derive(Debug, Clone, Serialize)]
pub struct AirPollutantEntry {
    pub index: usize,
    pub code: AirPollutant,
    pub concentration_mg_per_m3: Option<f64>,
    pub rate_kg_per_h: Option<f64>,
    pub load_t_per_year: Option<f64>,
}

/// `air.unorganized[]`.
#[derive(Debug, Clone, Serialize)]
pub struct Unorganized {
    pub index: usize,
    pub code: AirPollutant,
    pub load_t_per_year: Option<f64>,
    /// Extension: highest 1-hour concentration outside the building (GB 37822 附录A).
    pub concentration_mg_per_m3: Option<f64>,
    /// Extension: where it escapes (定型车间, 污水站 …).
    pub source: Option<String>,
    /// Extension: emission rate, kg/h (else the load over `hours_per_year`).
    pub rate_kg_per_h: Option<f64>,
    /// Extension: hours per year it is emitted.
    pub hours_per_year: Option<f64>,
    /// Extension: the emitting area (a rectangle), m.
    pub length_m: Option<f64>,
    pub width_m: Option<f64>,
    /// Extension: release height above ground, m.
    pub release_height_m: Option<f64>,
}

/// `solid_waste[]`.
#[derive(Debug, Clone, Serialize)]
pub struct SolidWaste {
    pub name: String,
    pub category: Option<WasteCategory>,
    pub code: Option<String>,
    pub t_per_year: Option<f64>,
    pub disposal: Option<String>,
}

/// `risk`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Risk {
    pub emergency_pool_m3: Option<f64>,
    pub substances: Option<Vec<RiskSubstance>>,
    /// Extension: the HJ 169 表C.1 process-and-system hazard score M.
    pub m_value: Option<f64>,
    /// Extension: residents within 500 m and 5 km of the boundary (HJ 169 表D.1).
    pub population_500m: Option<f64>,
    pub population_5km: Option<f64>,
    /// Extension: declared HJ 169 sensitivity of the surface-water and groundwater elements.
    pub e_surface_water: Option<RiskE>,
    pub e_groundwater: Option<RiskE>,
}

/// `risk.substances[]`.
#[derive(Debug, Clone, Serialize)]
pub struct RiskSubstance {
    pub name: String,
    pub max_storage_t: Option<f64>,
    pub critical_quantity_t: Option<f64>,
}

/// `total_control[]`.
#[derive(Debug, Clone, Serialize)]
pub struct TotalControl {
    pub index: usize,
    pub pollutant: Pollutant,
    pub amount_t_per_year: Option<f64>,
    pub basis: Option<QuotaBasis>,
    pub basis_concentration_mg_per_l: Option<f64>,
    pub source: Option<QuotaSource>,
    pub offset_ratio: Option<f64>,
}

/// `receptors[]`.
#[derive(Debug, Clone, Serialize)]
pub struct Receptor {
    pub index: usize,
    pub name: String,
    pub kind: Option<ReceptorKind>,
    pub distance_m: Option<f64>,
    pub direction: Option<String>,
}

/// `clean_production`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CleanProduction {
    pub water_reuse_rate: Option<f64>,
    pub unit_fresh_water: Option<f64>,
    pub unit_fresh_water_unit: Option<String>,
    pub energy_kgce_per_100m: Option<f64>,
}

/// `permit`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Permit {
    pub management_class: Option<ManagementClass>,
    pub outlets: Option<Vec<PermitOutlet>>,
    pub permitted_t_per_year: Option<Vec<PermittedAmount>>,
    pub self_monitoring: Option<Vec<SelfMonitoring>>,
}

/// `permit.outlets[]`.
#[derive(Debug, Clone, Serialize)]
pub struct PermitOutlet {
    pub index: usize,
    pub id: String,
    pub kind: Option<OutletKind>,
    pub pollutants: Vec<Pollutant>,
}

/// `permit.permitted_t_per_year[]`.
#[derive(Debug, Clone, Serialize)]
pub struct PermittedAmount {
    pub index: usize,
    pub pollutant: Pollutant,
    pub amount: Option<f64>,
    pub basis: Option<QuotaBasis>,
}

/// What a self-monitoring line measures: a pollutant or the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Monitored {
    Pollutant(Pollutant),
    Flow,
}

/// `permit.self_monitoring[]`.
#[derive(Debug, Clone, Serialize)]
pub struct SelfMonitoring {
    pub index: usize,
    pub outlet: String,
    pub monitored: Monitored,
    pub frequency: Option<Frequency>,
}

/// Extension `noise`: sources and prediction points in a site grid (metres east `x_m` and
/// north `y_m` of any origin the filer chooses).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Noise {
    /// GB 3096 class of the site (decides the GB 12348 boundary limits).
    pub zone_class: Option<NoiseZone>,
    /// GB 3096 class where the receptors are (default: the site's).
    pub receptor_zone_class: Option<NoiseZone>,
    pub sources: Option<Vec<NoiseSource>>,
    pub boundary_points: Option<Vec<NoisePoint>>,
}

/// `noise.sources[]`.
#[derive(Debug, Clone, Serialize)]
pub struct NoiseSource {
    pub index: usize,
    pub name: String,
    /// A-weighted sound power level, dB(A).
    pub sound_power_db: Option<f64>,
    pub x_m: Option<f64>,
    pub y_m: Option<f64>,
    /// Identical units at the same place (default 1).
    pub count: Option<f64>,
    /// Declared loss through the building envelope, dB (indoor sources).
    pub indoor_loss_db: Option<f64>,
    /// Declared barrier insertion loss, dB.
    pub barrier_db: Option<f64>,
    /// Runs at night (22:00–06:00); absent: when the plant works more than 16 h a day.
    pub night: Option<bool>,
}

/// `noise.boundary_points[]`.
#[derive(Debug, Clone, Serialize)]
pub struct NoisePoint {
    pub index: usize,
    pub name: String,
    pub x_m: Option<f64>,
    pub y_m: Option<f64>,
}

/// Extension `assessment`: what the EIA document declares of its prediction and evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Assessment {
    pub air_grade: Option<EvalGrade>,
    pub air_pmax_percent: Option<f64>,
    pub air_d10_m: Option<f64>,
    /// Side of the evaluation square, km.
    pub air_range_km: Option<f64>,
    pub air_results: Option<Vec<DeclaredAirResult>>,
    /// 大气环境防护距离, m.
    pub protection_distance_m: Option<f64>,
    pub water_grade: Option<EvalGrade>,
    pub noise_grade: Option<EvalGrade>,
    pub noise_boundary: Option<Vec<DeclaredNoise>>,
    pub groundwater_grade: Option<EvalGrade>,
    pub soil_grade: Option<EvalGrade>,
    pub risk_grade: Option<EvalGrade>,
    /// The 专项评价 a 报告表 sets.
    pub special_assessments: Option<Vec<SpecialAssessment>>,
}

/// `assessment.air_results[]`: a declared screening result.
#[derive(Debug, Clone, Serialize)]
pub struct DeclaredAirResult {
    pub index: usize,
    pub outlet: String,
    pub pollutant: AirPollutant,
    pub ci_ug_per_m3: Option<f64>,
    pub c0_ug_per_m3: Option<f64>,
    pub pi_percent: Option<f64>,
    pub distance_m: Option<f64>,
}

/// `assessment.noise_boundary[]`: a declared predicted boundary level.
#[derive(Debug, Clone, Serialize)]
pub struct DeclaredNoise {
    pub index: usize,
    pub point: String,
    pub day_db: Option<f64>,
    pub night_db: Option<f64>,
}
