//! `air.vocs_treatment` — VOC treatment efficiency where the initial rate is high.
//!
//! **What it checks.** For outlets emitting NMHC or VOCs: the initial (untreated) rate,
//! from the emitted rate and `removal_efficiency` (an extension; without it the emitted rate
//! is a lower bound). At ≥ 3 kg/h a treatment of ≥ 80 % efficiency is required; at ≥ 2 kg/h
//! in key regions.
//!
//! **Why.** Printing, coating and heat-setting release VOCs; collection without effective
//! treatment only moves them.
//!
//! **Basis.** GB 37822-2019 10.3.2 [V]. Whether Shaoxing is a 重点地区 in the sense of the
//! standard is [M], so the 2–3 kg/h band gives warnings marked 待核实. Low-VOC raw materials
//! are exempt; the filing cannot show that, so the message says so.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::air_common::rate_kg_h;
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::percent;

pub static RULE: Rule = Rule {
    id: "air.vocs_treatment",
    category: Category::EmissionLimit,
    name: "VOCs 处理效率",
    checks: "非甲烷总烃/VOCs 初始排放速率 ≥ 3 kg/h（重点地区 ≥ 2 kg/h）时，处理设施效率是否不低于 80%",
    basis: &[
        basis("GB 37822-2019", "10.3.2", Confidence::V),
        basis(
            "GB 37822-2019",
            "重点地区（绍兴是否属之待核实）",
            Confidence::M,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let std = &cx.standards.vocs;
    for outlet in cx.filing.air_outlets() {
        // NMHC and VOCs may both be declared for one outlet; take the larger rate.
        let rate = outlet
            .pollutants
            .iter()
            .filter(|p| p.code.is_voc())
            .filter_map(|p| rate_kg_h(outlet, p).map(|(r, _)| r))
            .fold(None, |acc: Option<f64>, r| {
                Some(acc.map_or(r, |a| a.max(r)))
            });
        let Some(rate) = rate else { continue };
        let efficiency = outlet.removal_efficiency;
        let initial = match efficiency {
            Some(e) if e < 1.0 => rate / (1.0 - e),
            _ => rate,
        };
        if initial < std.treatment_threshold_key_region_kg_h {
            continue;
        }
        let key_band = initial < std.treatment_threshold_kg_h;
        let threshold = if key_band {
            std.treatment_threshold_key_region_kg_h
        } else {
            std.treatment_threshold_kg_h
        };
        let field = format!("air.outlets[{}].removal_efficiency", outlet.index);
        let finding = match efficiency {
            Some(e) if e >= std.min_efficiency => continue,
            Some(e) => RULE
                .finding(
                    Severity::Error,
                    field,
                    format!(
                        "排气筒 {} VOCs 初始排放速率约 {} kg/h（≥ {} kg/h），处理效率 {} 低于 {}（使用低 VOCs 含量原辅材料的除外）",
                        outlet.id,
                        num(initial),
                        num(threshold),
                        percent(e),
                        percent(std.min_efficiency)
                    ),
                )
                .values(std.min_efficiency, e),
            None => RULE
                .finding(
                    Severity::Warning,
                    field,
                    format!(
                        "排气筒 {} VOCs 排放速率 {} kg/h（处理后，初始速率更高），已达 {} kg/h，须配置处理效率不低于 {} 的 VOCs 处理设施；请填写 removal_efficiency",
                        outlet.id,
                        num(rate),
                        num(threshold),
                        percent(std.min_efficiency)
                    ),
                )
                .actual(rate),
        };
        let mut finding = finding.cite(std.source.doc.clone(), std.treatment_clause.clone());
        if key_band {
            finding = finding.confidence(std.key_region_confidence);
        }
        out.push(finding);
    }
}
