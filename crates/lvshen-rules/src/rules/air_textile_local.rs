//! `air.textile_local` — heat-setting exhaust against the Zhejiang textile air standard.
//!
//! **What it checks.** Particulate and oil fume (染整油烟) at heat-setting (定型机) outlets
//! against the DB33/962-2015 figures in `air.toml`.
//!
//! **Why.** Heat-setting exhaust is the signature air problem of dye houses, and DB33/962 is
//! much stricter than GB 16297.
//!
//! **Basis.** DB33/962-2015 [M]: the official text has not been found and the figures are
//! from memory — warnings marked 待核实 only, until the bureau confirms the numbers.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::air_pollutant_path;

pub static RULE: Rule = Rule {
    id: "air.textile_local",
    category: Category::EmissionLimit,
    name: "定型机废气（浙江地标）",
    checks: "定型机废气颗粒物、染整油烟浓度是否高于 DB33/962-2015 限值（数值待核实）",
    basis: &[basis("DB33/962-2015", "表1（定型机废气）", Confidence::M)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let std = &cx.standards.textile_local;
    for outlet in cx
        .filing
        .air_outlets()
        .iter()
        .filter(|o| o.is_heat_setting())
    {
        for entry in &outlet.pollutants {
            let (Some(limit), Some(conc)) = (
                std.heat_setting.get(&entry.code),
                entry.concentration_mg_per_m3,
            ) else {
                continue;
            };
            if conc > *limit {
                out.push(
                    RULE.finding(
                        Severity::Warning,
                        air_pollutant_path(outlet.index, entry.index, "concentration_mg_per_m3"),
                        format!(
                            "定型机排气筒 {} {}浓度 {} mg/m³，高于 {} 限值 {} mg/m³",
                            outlet.id,
                            entry.code.label_zh(),
                            num(conc),
                            std.source.doc,
                            num(*limit)
                        ),
                    )
                    .values(*limit, conc)
                    .cite(std.source.doc.clone(), std.source.clause.clone())
                    .confidence(std.source.confidence),
                );
            }
        }
    }
}
