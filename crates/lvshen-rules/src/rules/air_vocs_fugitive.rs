//! `air.vocs_fugitive` — NMHC outside the workshop.
//!
//! **What it checks.** Fugitive NMHC (`air.unorganized[]` with the extension
//! `concentration_mg_per_m3`, the highest 1-hour average outside doors, windows and vents)
//! against 10 mg/m³ (6 mg/m³ under special limits).
//!
//! **Why.** Open handling of solvents, printing pastes and finishing agents.
//!
//! **Basis.** GB 37822-2019 附录A 表A.1 [V].

use lvshen_filing::codes::AirPollutant;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "air.vocs_fugitive",
    category: Category::EmissionLimit,
    name: "厂区内 VOCs 无组织排放",
    checks: "厂房外非甲烷总烃 1 小时平均浓度是否超过 10 mg/m³（特别排放限值 6 mg/m³）",
    basis: &[basis("GB 37822-2019", "附录A 表A.1", Confidence::V)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let std = &cx.standards.vocs;
    let special = cx.filing.location.special_emission_limits == Some(true);
    let limit = if special {
        std.fugitive_1h_special
    } else {
        std.fugitive_1h
    };
    for entry in cx.filing.unorganized() {
        if entry.code != AirPollutant::Nmhc {
            continue;
        }
        let Some(conc) = entry.concentration_mg_per_m3 else {
            continue;
        };
        if conc > limit {
            out.push(
                RULE.finding(
                    Severity::Error,
                    format!("air.unorganized[{}].concentration_mg_per_m3", entry.index),
                    format!(
                        "厂房外非甲烷总烃浓度 {} mg/m³，超过 {} 1 小时平均浓度限值 {} mg/m³",
                        num(conc),
                        std.source.doc,
                        num(limit)
                    ),
                )
                .values(limit, conc)
                .cite(std.source.doc.clone(), std.fugitive_clause.clone()),
            );
        }
    }
}
