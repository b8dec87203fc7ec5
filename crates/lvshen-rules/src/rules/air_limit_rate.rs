//! `air.limit.rate` — exhaust emission rate against GB 16297 Table 2 at the stack's height.
//!
//! **What it checks.** The declared rate (or flow × concentration) of each Table 2 pollutant
//! at a non-boiler outlet against the grade II rate at the stack height: table value,
//! linear interpolation between listed heights (附录B B1), the square law above the highest
//! (B2) and below the lowest listed height (B3, then a further 50 % for stacks under 15 m,
//! §7.4), and 50 % when the stack is not 5 m above buildings within 200 m (§7.1).
//!
//! **Why.** Concentration alone can be met by dilution; the rate caps the mass per hour.
//!
//! **Basis.** GB 16297-1996 表2, 7.1, 7.4, 附录B [V] (read from the official scan).

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::air_common::{allowed_rate, rate_kg_h, row_for};
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::air_pollutant_path;

pub static RULE: Rule = Rule {
    id: "air.limit.rate",
    category: Category::EmissionLimit,
    name: "废气排放速率",
    checks: "有组织废气排放速率是否超过 GB 16297-1996 表2 按排气筒高度确定的二级最高允许排放速率（含内插、外推、低于15 m及未高出周围建筑5 m的严格50%）",
    basis: &[
        basis("GB 16297-1996", "表2", Confidence::V),
        basis("GB 16297-1996", "7.1、7.4", Confidence::V),
        basis("GB 16297-1996", "附录B", Confidence::V),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let air = &cx.standards.air;
    for outlet in cx.filing.air_outlets().iter().filter(|o| !o.is_boiler()) {
        let Some(height) = outlet.height_m.filter(|h| *h > 0.0) else {
            continue;
        };
        for entry in &outlet.pollutants {
            let Some(row) = row_for(air, outlet, entry.code) else {
                continue;
            };
            let Some((rate, declared)) = rate_kg_h(outlet, entry) else {
                continue;
            };
            let Some(allowed) = allowed_rate(air, row, height, outlet.max_building_height_m) else {
                continue;
            };
            if rate <= allowed.value {
                continue;
            }
            let key = if declared {
                "rate_kg_per_h"
            } else {
                "concentration_mg_per_m3"
            };
            let rate_text = if declared {
                format!("{} kg/h", num(rate))
            } else {
                format!("{} kg/h（由风量 × 浓度计算）", num(rate))
            };
            let mut finding = RULE
                .finding(
                    Severity::Error,
                    air_pollutant_path(outlet.index, entry.index, key),
                    format!(
                        "排气筒 {}（{} m）{}排放速率 {rate_text}，超过 {} 表2 二级最高允许排放速率：{}",
                        outlet.id,
                        num(height),
                        entry.code.label_zh(),
                        air.source.doc,
                        allowed.how
                    ),
                )
                .values(allowed.value, rate);
            for clause in &allowed.clauses {
                finding = finding.cite(air.source.doc.clone(), *clause);
            }
            out.push(finding);
        }
    }
}
