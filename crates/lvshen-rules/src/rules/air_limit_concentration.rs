//! `air.limit.concentration` — exhaust concentration against GB 16297 Table 2.
//!
//! **What it checks.** For each non-boiler outlet, the declared concentration of particulate
//! (dye dust where the source is dye weighing/mixing), SO2, NOx, formaldehyde and NMHC against
//! the maximum allowed concentration of GB 16297-1996 Table 2.
//!
//! **Why.** The general standard is the floor for pollutants that no industry standard of
//! verified content covers; DB33/962 (stricter, not yet verified) is checked separately.
//!
//! **Basis.** GB 16297-1996 表2 [V] (read from the official scan).

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::air_common::row_for;
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::air_pollutant_path;

pub static RULE: Rule = Rule {
    id: "air.limit.concentration",
    category: Category::EmissionLimit,
    name: "废气排放浓度",
    checks: "有组织废气（锅炉除外）颗粒物、二氧化硫、氮氧化物、甲醛、非甲烷总烃浓度是否超过 GB 16297-1996 表2 最高允许排放浓度",
    basis: &[basis("GB 16297-1996", "表2", Confidence::V)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let air = &cx.standards.air;
    for outlet in cx.filing.air_outlets().iter().filter(|o| !o.is_boiler()) {
        for entry in &outlet.pollutants {
            let (Some(row), Some(conc)) = (
                row_for(air, outlet, entry.code),
                entry.concentration_mg_per_m3,
            ) else {
                continue;
            };
            if conc <= row.max_concentration {
                continue;
            }
            out.push(
                RULE.finding(
                    Severity::Error,
                    air_pollutant_path(outlet.index, entry.index, "concentration_mg_per_m3"),
                    format!(
                        "排气筒 {} {}浓度 {} mg/m³，超过 {} 表2 {}最高允许排放浓度 {} mg/m³",
                        outlet.id,
                        entry.code.label_zh(),
                        num(conc),
                        air.source.doc,
                        row.label,
                        num(row.max_concentration)
                    ),
                )
                .values(row.max_concentration, conc)
                .cite(air.source.doc.clone(), "表2"),
            );
        }
    }
}
