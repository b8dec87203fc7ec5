//! 规范化预测评价: the prediction and evaluation part of an EIA, done the same way every time
//! from the standardized filing — an independent screening estimate for the reviewer to hold
//! against what the consultant declares.
//!
//! - [`air`]: SCREEN3 (`lvshen-dispersion`) for every outlet and fugitive area; Pi, D10%, Pmax,
//!   the HJ 2.2-2018 grade and range, with C0 by the GB 3095 edition in force on the date.
//! - [`noise`]: boundary and receptor levels from the declared sources.
//! - [`water`]: the HJ 2.3-2018 grade, W from the 环境保护税法 当量值.
//! - [`grades`]: groundwater, soil, risk (Q, M, P, E, potential, grade).
//! - [`findings`]: declared (`assessment`) against computed, and the 报告表 专项评价 triggers,
//!   as findings with stable rule ids; [`PredictionFindings`] adds them to `lvshen check`.
//!
//! Every grade threshold is [M] or [V2] (the HJ guidelines are not in the reference set), so
//! grade findings are warnings that say 待核实. No IO.
//!
//! ```
//! let json = r#"{"schema_version":"1",
//!   "project":{"name":"示例","applicant":"示例印染有限公司","document_type":"report_book"},
//!   "location":{"district":"柯桥区","longitude":120.5,"latitude":30.1,
//!               "dispersion_setting":"rural"},
//!   "air":{"outlets":[{"id":"DA001","height_m":15,"flow_m3_per_h":30000,
//!     "inner_diameter_m":0.8,"exit_temperature_c":60,
//!     "pollutants":[{"code":"NMHC","rate_kg_per_h":0.6}]}]}}"#;
//! let parsed = lvshen_filing::parse_filing(json.as_bytes(), None).unwrap();
//! let date = lvshen_law::Date::new(2026, 11, 30).unwrap();
//! let p = lvshen_predict::predict(&parsed.filing, &lvshen_predict::Options::new(date));
//! let nmhc = &p.air.results[0];
//! assert_eq!(nmhc.c0_ug_per_m3, Some(2000.0));
//! assert!(nmhc.max_ug_per_m3 > 0.0 && p.air.grade.is_some());
//! ```

pub mod air;
pub mod benchmark;
pub mod findings;
pub mod grades;
pub mod noise;
pub mod render;
pub mod svg;
pub mod water;

use lvshen_filing::codes::DocumentType;
use lvshen_filing::{Filing, Finding};
use lvshen_law::Date;
use lvshen_rules::FindingSource;
use serde::{Serialize, Serializer};

pub use air::{AirPrediction, AirResult};
pub use findings::RULE_IDS;
pub use grades::{ElementGrade, RiskPrediction};
pub use noise::NoisePrediction;
pub use water::WaterPrediction;

/// An evaluation grade (评价工作等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    /// No assessment of this element (IV类).
    None,
    /// 简单分析 (risk potential I).
    Simple,
    ThreeB,
    Three,
    ThreeA,
    Two,
    One,
}

impl Grade {
    pub fn label_zh(self) -> &'static str {
        match self {
            Grade::One => "一级",
            Grade::Two => "二级",
            Grade::Three => "三级",
            Grade::ThreeA => "三级A",
            Grade::ThreeB => "三级B",
            Grade::Simple => "简单分析",
            Grade::None => "不开展评价",
        }
    }

    /// The same scale as the declared [`lvshen_filing::codes::EvalGrade`].
    pub fn rank(self) -> u8 {
        match self {
            Grade::One => 6,
            Grade::Two => 5,
            Grade::Three | Grade::ThreeA => 4,
            Grade::ThreeB => 3,
            Grade::Simple => 2,
            Grade::None => 1,
        }
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label_zh())
    }
}

/// What could not be predicted, and what is missing for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing {
    pub field: String,
    pub message: String,
}

impl Missing {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Missing {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// How to predict.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The review date: decides the GB 3095 edition and the law cited.
    pub as_of: Date,
    /// Nearest receptor distance for the air search, m.
    pub min_distance_m: f64,
}

impl Options {
    pub fn new(as_of: Date) -> Self {
        Options {
            as_of,
            min_distance_m: air::DEFAULT_MIN_DISTANCE_M,
        }
    }
}

/// A whole prediction: one section per element, and the findings.
#[derive(Debug, Clone, Serialize)]
pub struct Prediction {
    pub as_of: String,
    /// 报告书 grades every element; a 报告表 is checked against the 专项评价 triggers instead.
    pub document_type: Option<&'static str>,
    pub air: AirPrediction,
    pub noise: NoisePrediction,
    pub water: WaterPrediction,
    pub groundwater: ElementGrade,
    pub soil: ElementGrade,
    pub risk: RiskPrediction,
    pub findings: Vec<Finding>,
}

/// Predicts every element of a filing and compares it with what the filing declares.
pub fn predict(filing: &Filing, options: &Options) -> Prediction {
    let air = air::predict_air(
        filing,
        air::AirOptions {
            as_of: options.as_of,
            min_distance_m: options.min_distance_m,
        },
    );
    let mut prediction = Prediction {
        as_of: options.as_of.to_string(),
        document_type: filing.project.document_type.map(DocumentType::label_zh),
        air,
        noise: noise::predict_noise(filing),
        water: water::predict_water(filing),
        groundwater: grades::groundwater(filing),
        soil: grades::soil(filing),
        risk: grades::risk(filing),
        findings: Vec::new(),
    };
    let mut found = findings::findings(filing, &prediction, options.as_of);
    let book = lvshen_law::LawBook::builtin();
    for f in &mut found {
        f.citations = lvshen_rules::cite_as_of(book, &f.citations, options.as_of);
    }
    prediction.findings = found;
    prediction
}

/// Adds a prediction's findings to `lvshen check` (the engine's `FindingSource` seam): either
/// predicts during the check, or hands over the findings of a prediction already made (so a
/// report that also shows the prediction section runs the models once).
#[derive(Debug, Clone)]
pub enum PredictionFindings {
    Predict(Options),
    Made(Vec<Finding>),
}

impl FindingSource for PredictionFindings {
    fn findings(&self, filing: &Filing) -> Vec<Finding> {
        match self {
            PredictionFindings::Predict(options) => predict(filing, options).findings,
            PredictionFindings::Made(findings) => findings.clone(),
        }
    }
}
