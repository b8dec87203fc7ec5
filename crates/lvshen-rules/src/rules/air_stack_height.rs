//! `air.stack_height` — stack heights.
//!
//! **What it checks.** Non-boiler stacks under 15 m (GB 16297 §7.4: "generally not lower")
//! and stacks not 5 m above buildings within 200 m (§7.1, the rate is then halved); boiler
//! chimneys of gas or oil boilers under 8 m, coal (and biomass-briquette) boiler chimneys
//! under the 表4 height for the total installed capacity of the coal boilers declared (one
//! chimney per new coal boiler house), and chimneys not 3 m above the tallest building within
//! 200 m (GB 13271 §4.5); stacks whose height is not declared.
//!
//! **Why.** Height sets dispersion and the allowed rate.
//!
//! **Basis.** GB 16297-1996 7.1, 7.4 [V]; GB 13271-2014 4.5 [V].

use lvshen_filing::codes::Fuel;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "air.stack_height",
    category: Category::EmissionLimit,
    name: "排气筒高度",
    checks: "排气筒是否低于 15 m、是否高出周围 200 m 内建筑 5 m；燃气/燃油锅炉烟囱是否低于 8 m、是否高出 200 m 内最高建筑 3 m",
    basis: &[
        basis("GB 16297-1996", "7.1、7.4", Confidence::V),
        basis("GB 13271-2014", "4.5、表4", Confidence::V),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let air = &cx.standards.air;
    let boiler = &cx.standards.boiler;
    // 表4 counts the boiler house's total installed capacity: the coal (and biomass) boilers
    // declared, new ones only (表4 is for new coal boiler houses).
    let coal = |o: &&lvshen_filing::AirOutlet| {
        matches!(o.boiler_fuel(), Some(Fuel::Coal) | Some(Fuel::Biomass))
            && !o.boiler.as_ref().and_then(|b| b.in_use).unwrap_or(false)
    };
    let coal_outlets: Vec<_> = cx.filing.air_outlets().iter().filter(coal).collect();
    let coal_capacity: Option<f64> = coal_outlets
        .iter()
        .map(|o| o.boiler.as_ref().and_then(|b| b.capacity_t_per_h))
        .sum();
    for outlet in cx.filing.air_outlets() {
        let field = format!("air.outlets[{}].height_m", outlet.index);
        let Some(height) = outlet.height_m else {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!("排气筒 {} 未填写高度，无法核算允许排放速率", outlet.id),
                )
                .cite(air.source.doc.clone(), "表2"),
            );
            continue;
        };
        let building = outlet.max_building_height_m;
        if outlet.is_boiler() {
            let fuel = outlet.boiler_fuel();
            if matches!(fuel, Some(Fuel::Gas) | Some(Fuel::Oil)) && height < boiler.min_chimney_m {
                out.push(
                    RULE.finding(
                        Severity::Error,
                        field.clone(),
                        format!(
                            "燃气/燃油锅炉烟囱 {} 高 {} m，低于 {} 规定的 {} m",
                            outlet.id,
                            num(height),
                            boiler.source.doc,
                            num(boiler.min_chimney_m)
                        ),
                    )
                    .values(boiler.min_chimney_m, height)
                    .cite(boiler.source.doc.clone(), "4.5"),
                );
            }
            if coal(&outlet) {
                match coal_capacity.and_then(|c| boiler.coal_chimney_min(c).map(|m| (c, m))) {
                    Some((capacity, min)) if height < min => out.push(
                        RULE.finding(
                            Severity::Error,
                            field.clone(),
                            format!(
                                "燃煤（含生物质成型燃料）锅炉烟囱 {} 高 {} m，低于 {} 表4 对锅炉房装机总容量 {} t/h 规定的最低高度 {} m",
                                outlet.id,
                                num(height),
                                boiler.source.doc,
                                num(capacity),
                                num(min)
                            ),
                        )
                        .values(min, height)
                        .cite(boiler.source.doc.clone(), "4.5")
                        .cite(boiler.source.doc.clone(), "表4"),
                    ),
                    Some(_) => {}
                    None if height < boiler.coal_chimney.first().map_or(0.0, |r| r.min_height_m) => {
                        out.push(
                            RULE.finding(
                                Severity::Warning,
                                field.clone(),
                                format!(
                                    "燃煤（含生物质成型燃料）锅炉烟囱 {} 高 {} m，未填写锅炉额定出力（boiler.capacity_t_per_h），无法按 {} 表4 核定最低高度（最低档为 {} m）",
                                    outlet.id,
                                    num(height),
                                    boiler.source.doc,
                                    num(boiler.coal_chimney.first().map_or(0.0, |r| r.min_height_m))
                                ),
                            )
                            .cite(boiler.source.doc.clone(), "表4"),
                        );
                    }
                    None => {}
                }
            }
            if let Some(b) = building.filter(|b| height < b + boiler.building_margin_m) {
                out.push(
                    RULE.finding(
                        Severity::Error,
                        field,
                        format!(
                            "锅炉烟囱 {} 高 {} m，未高出周围 200 m 内最高建筑（{} m）{} m 以上",
                            outlet.id,
                            num(height),
                            num(b),
                            num(boiler.building_margin_m)
                        ),
                    )
                    .values(b + boiler.building_margin_m, height)
                    .cite(boiler.source.doc.clone(), "4.5"),
                );
            }
            continue;
        }
        if height < air.min_height_m {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field.clone(),
                    format!(
                        "排气筒 {} 高 {} m，低于 {} m；新污染源排气筒一般不应低于 {} m，确需低于时其排放速率按外推结果再严格 50% 执行",
                        outlet.id,
                        num(height),
                        num(air.min_height_m),
                        num(air.min_height_m)
                    ),
                )
                .values(air.min_height_m, height)
                .cite(air.source.doc.clone(), "7.4"),
            );
        }
        if let Some(b) = building.filter(|b| height < b + air.building_margin_m) {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!(
                        "排气筒 {} 高 {} m，未高出周围 200 m 半径内建筑（{} m）{} m 以上，其排放速率须按表列值严格 50% 执行",
                        outlet.id,
                        num(height),
                        num(b),
                        num(air.building_margin_m)
                    ),
                )
                .values(b + air.building_margin_m, height)
                .cite(air.source.doc.clone(), "7.1"),
            );
        }
    }
}
