//! What a check returns (filing.md "Findings"): findings with a stable rule id, a category,
//! a severity, the field concerned, a Chinese message, the numbers, and citations.

use serde::{Serialize, Serializer};

/// Finding category, as listed in filing.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Classification,
    IndustrialPolicy,
    Siting,
    EmissionLimit,
    CleanProduction,
    TotalControl,
    Consistency,
    Permit,
    Completeness,
    Risk,
    Prediction,
    Other,
}

impl Category {
    /// Every category, in the order reports group them.
    pub const ALL: [Category; 12] = [
        Category::Classification,
        Category::IndustrialPolicy,
        Category::Siting,
        Category::EmissionLimit,
        Category::CleanProduction,
        Category::TotalControl,
        Category::Consistency,
        Category::Permit,
        Category::Completeness,
        Category::Risk,
        Category::Prediction,
        Category::Other,
    ];

    /// The category's Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            Category::Classification => "环评类别",
            Category::IndustrialPolicy => "产业政策",
            Category::Siting => "选址",
            Category::EmissionLimit => "排放标准",
            Category::CleanProduction => "清洁生产",
            Category::TotalControl => "总量控制",
            Category::Consistency => "数据一致性",
            Category::Permit => "排污许可",
            Category::Completeness => "完整性",
            Category::Risk => "环境风险",
            Category::Prediction => "预测评价",
            Category::Other => "其他",
        }
    }

    /// The snake_case code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Category::Classification => "classification",
            Category::IndustrialPolicy => "industrial_policy",
            Category::Siting => "siting",
            Category::EmissionLimit => "emission_limit",
            Category::CleanProduction => "clean_production",
            Category::TotalControl => "total_control",
            Category::Consistency => "consistency",
            Category::Permit => "permit",
            Category::Completeness => "completeness",
            Category::Risk => "risk",
            Category::Prediction => "prediction",
            Category::Other => "other",
        }
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For information.
    Info,
    /// The reviewer must look.
    Warning,
    /// Blocks approval.
    Error,
}

impl Severity {
    /// The severity's Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// How sure we are of the fact a finding rests on (`shared/spec/domain.md`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub enum Confidence {
    /// Checked against the full official text.
    V,
    /// Checked against a secondary copy only.
    V2,
    /// From memory, not verified.
    M,
}

impl Confidence {
    /// Whether a finding resting on this fact may be an error.
    pub fn may_block(self) -> bool {
        self == Confidence::V
    }
}

/// A source a finding rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Document, e.g. `GB 4287-2012`.
    pub doc: String,
    /// Clause, table or article, e.g. `表2`.
    pub clause: String,
}

impl Citation {
    /// A citation of `clause` in `doc`.
    pub fn new(doc: impl Into<String>, clause: impl Into<String>) -> Self {
        Citation {
            doc: doc.into(),
            clause: clause.into(),
        }
    }
}

/// A value a finding compares: a number, or text such as a range or "未检出".
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    Number(f64),
    Text(String),
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Quantity::Number(n) => {
                // Round to 6 significant decimals so reports are stable and readable.
                let rounded = (n * 1e6).round() / 1e6;
                serializer.serialize_f64(rounded)
            }
            Quantity::Text(t) => serializer.serialize_str(t),
        }
    }
}

impl From<f64> for Quantity {
    fn from(value: f64) -> Self {
        Quantity::Number(value)
    }
}

impl From<&str> for Quantity {
    fn from(value: &str) -> Self {
        Quantity::Text(value.to_owned())
    }
}

impl From<String> for Quantity {
    fn from(value: String) -> Self {
        Quantity::Text(value)
    }
}

/// One problem found in a filing.
///
/// **Invariant:** a finding whose decisive basis is not verified ([`Confidence::V`]) is
/// never an error, and its message says the basis is 待核实. [`Finding::confidence`]
/// enforces it, so every producer of findings gets it for free.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule_id: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub field: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Quantity>,
    pub citations: Vec<Citation>,
    /// Confidence of the decisive basis; kept for callers, not part of the JSON format.
    #[serde(skip)]
    pub basis_confidence: Confidence,
}

impl Finding {
    /// A finding resting on a verified basis; refine with the builder methods.
    pub fn new(
        rule_id: &'static str,
        category: Category,
        severity: Severity,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            rule_id,
            category,
            severity,
            field: field.into(),
            message: message.into(),
            expected: None,
            actual: None,
            citations: Vec::new(),
            basis_confidence: Confidence::V,
        }
    }

    /// The rule's value and the filing's.
    pub fn values(mut self, expected: impl Into<Quantity>, actual: impl Into<Quantity>) -> Self {
        self.expected = Some(expected.into());
        self.actual = Some(actual.into());
        self
    }

    /// Only the filing's value.
    pub fn actual(mut self, actual: impl Into<Quantity>) -> Self {
        self.actual = Some(actual.into());
        self
    }

    /// Adds a citation.
    pub fn cite(mut self, doc: impl Into<String>, clause: impl Into<String>) -> Self {
        self.citations.push(Citation::new(doc, clause));
        self
    }

    /// Sets the confidence of the decisive basis. Below [`Confidence::V`] the severity is
    /// capped at warning and the message gets the 待核实 caveat (once).
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.basis_confidence = self.basis_confidence.max(confidence);
        if !self.basis_confidence.may_block() {
            if self.severity == Severity::Error {
                self.severity = Severity::Warning;
            }
            if !self.message.contains("待核实") {
                let why = match self.basis_confidence {
                    Confidence::V2 => "依据仅经二手资料核对，待核实",
                    _ => "依据未经核实，待核实",
                };
                let trimmed = self.message.trim_end_matches('。');
                self.message = format!("{trimmed}（{why}）。");
            }
        }
        self
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Who and what a report is about.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FilingIdentity {
    pub name: String,
    pub applicant: String,
    pub district: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub construction_type: Option<String>,
}

/// A check report: the filing's identity, a summary, and the findings, most severe first.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub filing: FilingIdentity,
    /// The date the check was made for (decides which limits are in force).
    pub as_of: String,
    /// Identifier of the standards data the check used.
    pub standards: String,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    /// Which law set the review applied (e.g. the 生态环境法典 from 2026-08-15), in Chinese.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub law_basis: String,
    /// Every document the findings cite, with its status on `as_of`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited_documents: Vec<CitedDocument>,
}

/// A document a report cites, and whether it is in force on the report's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedDocument {
    pub doc: String,
    /// 现行 / 已废止 / 已被替代 / 尚未施行.
    pub status: String,
    /// In force since, or repealed/replaced on, this date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The successor of a repealed or replaced document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
}

impl Report {
    /// Builds a report, ordering findings by severity, then category, then rule id and field.
    pub fn new(
        filing: &crate::Filing,
        as_of: String,
        standards: String,
        mut findings: Vec<Finding>,
    ) -> Self {
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.category.cmp(&b.category))
                .then(a.rule_id.cmp(b.rule_id))
                .then(a.field.cmp(&b.field))
        });
        let mut summary = Summary::default();
        for finding in &findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        Report {
            filing: FilingIdentity {
                name: filing.project.name.clone(),
                applicant: filing.project.applicant.clone(),
                district: filing.location.district.clone(),
                industry_code: filing.project.industry_code.clone(),
                construction_type: filing
                    .project
                    .construction_type
                    .map(|c| c.code().to_owned()),
            },
            as_of,
            standards,
            summary,
            findings,
            law_basis: String::new(),
            cited_documents: Vec::new(),
        }
    }

    /// Whether any finding blocks approval.
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unverified_basis_caps_severity_and_says_so() {
        let f = Finding::new("x", Category::Other, Severity::Error, "a", "超标。")
            .confidence(Confidence::V2);
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.ends_with("待核实）。"), "{}", f.message);
        let f = Finding::new("x", Category::Other, Severity::Error, "a", "超标")
            .confidence(Confidence::V);
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.message, "超标");
    }
}
