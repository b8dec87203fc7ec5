//! Siting reasons as findings of `lvshen check` (the engine's `FindingSource` seam).

use lvshen_filing::{Category, Filing, Finding, Severity};
use lvshen_rules::FindingSource;

use crate::analysis::{
    Analysis, COVERAGE_ID, DISTRICT_ID, Options, PARK_DECLARED_ID, PARK_ID, Site, Status,
    UNIT_DECLARED_ID, analyze, docs,
};
use crate::layers::Layers;

/// Adds the spatial evidence of a filing's coordinates to a check.
#[derive(Debug, Clone, Copy)]
pub struct SpatialFindings<'a> {
    layers: &'a Layers,
    options: Options,
}

impl<'a> SpatialFindings<'a> {
    pub fn new(layers: &'a Layers, options: Options) -> Self {
        SpatialFindings { layers, options }
    }
}

impl FindingSource for SpatialFindings<'_> {
    fn findings(&self, filing: &Filing) -> Vec<Finding> {
        match analyze(self.layers, &Site::from_filing(filing), &self.options) {
            Ok(analysis) => to_findings(&analysis),
            // Bad coordinates are reported by the filing checks (siting.location); say why
            // the spatial checks did not run, without blocking.
            Err(error) => vec![
                Finding::new(
                    COVERAGE_ID,
                    Category::Siting,
                    Severity::Info,
                    "location.longitude",
                    format!("未能按坐标进行选址空间分析：{error}"),
                )
                .cite(docs::FORMAT, "location.longitude, location.latitude"),
            ],
        }
    }
}

/// The findings an analysis gives: conflicts and conditions, not what fits.
///
/// A conflict is an error only when its basis is verified and the layer is official; on an
/// illustrative (示意) layer it is a warning that says so, and a condition an info.
pub fn to_findings(analysis: &Analysis) -> Vec<Finding> {
    let mut out = Vec::new();
    for reason in &analysis.reasons {
        let severity = match (reason.status, reason.illustrative) {
            (Status::Ok, _) => continue,
            (Status::Conflict, false) => Severity::Error,
            (Status::Conflict, true) => Severity::Warning,
            (Status::Condition, false) => Severity::Warning,
            (Status::Condition, true) => Severity::Info,
        };
        let field = match reason.id {
            PARK_ID | PARK_DECLARED_ID => "location.industrial_park",
            DISTRICT_ID => "location.district",
            UNIT_DECLARED_ID => "location.zoning_unit",
            _ => "location.longitude",
        };
        let mut message = format!("【按坐标】{}", reason.message.trim_end_matches('。'));
        if reason.illustrative {
            message.push_str("（按示意图层判断，须以官方划定范围核实）");
        }
        message.push('。');
        let mut finding = Finding::new(reason.id, Category::Siting, severity, field, message);
        if let Some(d) = reason.distance_m {
            finding = finding.actual(d);
        }
        for c in &reason.citations {
            finding = finding.cite(c.doc.clone(), c.clause.clone());
        }
        out.push(finding.confidence(reason.confidence));
    }
    out
}
