//! `air.boiler` — boiler exhaust against GB 13271-2014.
//!
//! **What it checks.** For outlets that serve a boiler (declared `boiler`, or a source that
//! says 锅炉): the fuel is known; particulate, SO2 and NOx against 表2 (new boilers), 表1
//! (in-use boilers, `boiler.in_use`), or 表3 where the site is designated for special limits
//! (`location.special_limits.boiler` with its document; 4.4); biomass briquettes against the
//! coal limits (第1章); and, for gas boilers, NOx against the local low-NOx figure. When the
//! designation is not said and a value would break 表3, an info says so.
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
        basis("GB 13271-2014", "表1、表2、表3、4.4、第1章", Confidence::V),
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
    let designation = &cx.filing.location.special_limits.boiler;
    let special = designation.document().is_some();
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
        let in_use = outlet
            .boiler
            .as_ref()
            .and_then(|b| b.in_use)
            .unwrap_or(false);
        let table = std.limits_for(fuel, special && !in_use, in_use);
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
        let coal_like = matches!(fuel, Fuel::Coal | Fuel::Biomass);
        let o2 = if coal_like { "9%" } else { "3.5%" };
        let fuel_label = if fuel == Fuel::Biomass {
            "生物质成型燃料（参照燃煤锅炉，GB 13271 第1章）".to_owned()
        } else {
            fuel.label_zh().to_owned()
        };
        let special_note = designation
            .document()
            .filter(|_| table.special)
            .map(|d| format!("；特别排放限值依据《{d}》"))
            .unwrap_or_default();
        let table3 = std
            .limits_for(fuel, true, false)
            .filter(|_| !in_use && !special && *designation == lvshen_filing::Designation::Unknown);
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
                            "{}锅炉排气筒 {} {}浓度 {} mg/m³，超过 {} {} 限值 {} mg/m³（基准氧含量 {o2}）{special_note}",
                            fuel_label,
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
            // The designation is not said: what 表3 would change.
            if conc <= *limit
                && let Some(t3) = table3
                && let Some(special_limit) = t3.values.get(&entry.code)
                && conc > *special_limit
            {
                out.push(
                    RULE.finding(
                        Severity::Info,
                        "location.special_limits.boiler",
                        format!(
                            "{}锅炉排气筒 {} {}浓度 {} mg/m³ 符合{}；未说明所在地是否划定执行大气污染物特别排放限值（GB 13271 4.4，由国务院生态环境主管部门或省级人民政府规定），若已划定则超过表3限值 {} mg/m³",
                            fuel_label,
                            outlet.id,
                            entry.code.label_zh(),
                            num(conc),
                            table.clause,
                            num(*special_limit)
                        ),
                    )
                    .values(*special_limit, conc)
                    .cite(std.source.doc.clone(), "4.4"),
                );
            }
        }
    }
}
