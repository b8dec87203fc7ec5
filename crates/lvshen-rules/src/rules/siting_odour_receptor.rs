//! `siting.odour_receptor` — homes, schools or hospitals close to odour sources.
//!
//! **What it checks.** Receptors of kind residential, school or hospital within the
//! screening distance, when the project has odour sources: its own wastewater treatment,
//! heat-setting (定型) exhaust, or printing/coating exhaust.
//!
//! **Why.** Odour is the most common complaint about dye houses; the law asks for proper
//! siting and a protective distance, whose size the EIA must compute (HJ 2.2-2018).
//!
//! **Basis.** 大气污染防治法 第八十条 [V]. The distance is this product's screening value,
//! not a statutory one: a warning asking for the protective-distance argument.

use lvshen_filing::codes::{Process, ReceptorKind};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "siting.odour_receptor",
    category: Category::Siting,
    name: "恶臭与敏感目标",
    checks: "居民区、学校、医院是否邻近污水处理站、定型机等恶臭源",
    basis: &[basis(
        "中华人民共和国大气污染防治法",
        "第八十条",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let mut sources = Vec::new();
    if filing.water.as_ref().is_some_and(|w| w.treatment.is_some()) {
        sources.push("污水处理站");
    }
    if filing.has_process(Process::HeatSetting)
        || filing.air_outlets().iter().any(|o| o.is_heat_setting())
    {
        sources.push("定型机废气");
    }
    if filing.has_process(Process::Printing) || filing.has_process(Process::CoatingSolvent) {
        sources.push("印花/涂层废气");
    }
    if sources.is_empty() {
        return;
    }
    let limit = cx.standards.screening.odour_receptor_m;
    for receptor in filing.receptors() {
        let Some(kind) = receptor.kind else { continue };
        if !matches!(
            kind,
            ReceptorKind::Residential | ReceptorKind::School | ReceptorKind::Hospital
        ) {
            continue;
        }
        let Some(distance) = receptor.distance_m else {
            continue;
        };
        if distance < limit {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("receptors[{}].distance_m", receptor.index),
                    format!(
                        "{}“{}”距厂址仅 {} m（本系统筛查距离 {} m），项目有{}等恶臭源；请按 HJ 2.2-2018 计算大气环境防护距离并论证选址合理性",
                        kind.label_zh(),
                        receptor.name,
                        num(distance),
                        num(limit),
                        sources.join("、")
                    ),
                )
                .values(limit, distance)
                .cite("中华人民共和国大气污染防治法", "第八十条"),
            );
        }
    }
}
