//! `air.boiler` — boiler exhaust against GB 13271-2014.
//!
//! **What it checks.** For outlets that serve a boiler (declared `boiler`, or a source that
//! says 锅炉): the fuel is known; particulate, SO2 and NOx against Table 2 (new boilers), or
//! Table 3 where special limits apply; and, for gas boilers, NOx against the local low-NOx
//! figure.
//!
//! **Why.** Dye houses often run their own steam or thermal-oil boilers.
//!
//! **Basis.** GB 13271-2014 表2/表3 [V] (concentrations at the reference O2 of 表6: 3.5 % for
//! gas/oil, 9 % for coal). The Zhejiang/Shaoxing low-NOx figure (50 mg/m³) is [M]: warning.

use lvshen_filing::codes::{AirPollutant, Fuel};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::air_pollutant_path;

pub static RULE: Rule = Rule {
    id: "air.boiler",
    category: Category::EmissionLimit,
    name: "锅炉废气",
    checks: "锅炉颗粒物、二氧化硫、氮氧化物浓度是否符合 GB 13271-2014 表2（或表3 特别排放限值）；燃气锅炉是否满足低氮要求",
    basis: &[
        basis("GB 13271-2014", "表2、表3", Confidence::V),
        basis(
            "浙江省、绍兴市燃气锅炉低氮燃烧改造要求",
            "氮氧化物 50 mg/m³",
            Confidence::M,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let std = &cx.standards.boiler;
    let special = cx.filing.location.special_emission_limits == Some(true);
    for outlet in cx.filing.air_outlets().iter().filter(|o| o.is_boiler()) {
        let Some(fuel) = outlet.boiler_fuel() else {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("air.outlets[{}].boiler.fuel", outlet.index),
                    format!(
                        "锅炉排气筒 {} 未说明燃料种类（gas/oil/coal/biomass），无法确定 GB 13271-2014 限值",
                        outlet.id
                    ),
                )
                .cite(std.source.doc.clone(), "表2"),
            );
            continue;
        };
        if fuel == Fuel::Electric {
            continue;
        }
        let table = std
            .limits
            .iter()
            .find(|l| l.fuel == fuel && l.special == special)
            .or_else(|| std.limits.iter().find(|l| l.fuel == fuel && !l.special));
        let Some(table) = table else {
            out.push(
                RULE.finding(
                    Severity::Info,
                    format!("air.outlets[{}]", outlet.index),
                    format!(
                        "锅炉排气筒 {} 燃料为{}，本系统未收录其 GB 13271-2014 限值，请人工核对",
                        outlet.id,
                        fuel.label_zh()
                    ),
                )
                .cite(std.source.doc.clone(), "表2"),
            );
            continue;
        };
        let o2 = if fuel == Fuel::Coal { "9%" } else { "3.5%" };
        for entry in &outlet.pollutants {
            let (Some(limit), Some(conc)) =
                (table.values.get(&entry.code), entry.concentration_mg_per_m3)
            else {
                continue;
            };
            if conc > *limit {
                out.push(
                    RULE.finding(
                        Severity::Error,
                        air_pollutant_path(outlet.index, entry.index, "concentration_mg_per_m3"),
                        format!(
                            "{}锅炉排气筒 {} {}浓度 {} mg/m³，超过 {} {} 限值 {} mg/m³（基准氧含量 {o2}）",
                            fuel.label_zh(),
                            outlet.id,
                            entry.code.label_zh(),
                            num(conc),
                            std.source.doc,
                            table.clause,
                            num(*limit)
                        ),
                    )
                    .values(*limit, conc)
                    .cite(std.source.doc.clone(), table.clause.clone()),
                );
            } else if fuel == Fuel::Gas
                && entry.code == AirPollutant::Nox
                && conc > std.low_nox_value
            {
                out.push(
                    RULE.finding(
                        Severity::Warning,
                        air_pollutant_path(outlet.index, entry.index, "concentration_mg_per_m3"),
                        format!(
                            "燃气锅炉排气筒 {} 氮氧化物浓度 {} mg/m³，高于地方低氮燃烧要求 {} mg/m³",
                            outlet.id,
                            num(conc),
                            num(std.low_nox_value)
                        ),
                    )
                    .values(std.low_nox_value, conc)
                    .cite(std.low_nox.doc.clone(), std.low_nox.clause.clone())
                    .confidence(std.low_nox.confidence),
                );
            }
        }
    }
}
