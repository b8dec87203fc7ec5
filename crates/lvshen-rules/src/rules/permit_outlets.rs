//! `permit.outlets` — the permit lists every outlet of the EIA, and nothing else.
//!
//! **What it checks.** `water.outlet_id` and every `air.outlets[].id` appear in
//! `permit.outlets`; every permit outlet is one the filing describes; every self-monitoring
//! line names a permit outlet.
//!
//! **Why.** The permit must state pollutants by outlet and match the EIA approval.
//!
//! **Basis.** 排污许可管理条例 第七条、第十一条（一）[V].

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::permit_common::discharges_water;
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "permit.outlets",
    category: Category::Permit,
    name: "排放口对应",
    checks: "排污许可申请的排放口与环评申报的废水、废气排放口是否一一对应，自行监测点位是否为已申报的排放口",
    basis: &[basis("排污许可管理条例", "第七条", Confidence::V)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let Some(permit) = &filing.permit else { return };
    let outlets = permit.outlets.as_deref().unwrap_or_default();
    let in_permit = |id: &str| outlets.iter().any(|o| o.id.eq_ignore_ascii_case(id));
    let mut eia_ids: Vec<(String, String)> = Vec::new();
    if let Some(id) = filing.water.as_ref().and_then(|w| w.outlet_id.clone())
        && discharges_water(filing)
    {
        eia_ids.push((id, "water.outlet_id".to_owned()));
    }
    for outlet in filing.air_outlets() {
        eia_ids.push((
            outlet.id.clone(),
            format!("air.outlets[{}].id", outlet.index),
        ));
    }
    for (id, field) in &eia_ids {
        if !in_permit(id) {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field.clone(),
                    format!("环评申报的排放口 {id} 未列入排污许可申请的排放口"),
                )
                .cite("排污许可管理条例", "第七条"),
            );
        }
    }
    for outlet in outlets {
        if !eia_ids
            .iter()
            .any(|(id, _)| id.eq_ignore_ascii_case(&outlet.id))
        {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("permit.outlets[{}].id", outlet.index),
                    format!(
                        "排污许可申请的排放口 {} 在环评申报中没有对应的废水或废气排放口",
                        outlet.id
                    ),
                )
                .cite("排污许可管理条例", "第七条"),
            );
        }
    }
    for line in permit.self_monitoring.as_deref().unwrap_or_default() {
        if !in_permit(&line.outlet) {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("permit.self_monitoring[{}].outlet", line.index),
                    format!("自行监测点位 {} 不是排污许可申请中的排放口", line.outlet),
                )
                .cite("排污许可管理条例", "第七条"),
            );
        }
    }
}
