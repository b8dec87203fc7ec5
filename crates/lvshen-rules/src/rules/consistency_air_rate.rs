//! `consistency.air_rate` — declared emission rates against flow × concentration.
//!
//! **What it checks.** rate (kg/h) = flow (m³/h, standard conditions) × concentration
//! (mg/m³) × 10⁻⁶, for each outlet pollutant that declares all three (odour excluded).
//!
//! **Why.** A rate that does not follow from flow and concentration hides either a dilution
//! or an error; the allowed-rate check depends on it.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V]. Tolerance as in policy.toml.

use lvshen_filing::codes::AirPollutant;
use lvshen_filing::{Category, Confidence, Finding};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::{air_pollutant_path, mismatch};

pub static RULE: Rule = Rule {
    id: "consistency.air_rate",
    category: Category::Consistency,
    name: "废气排放速率核算",
    checks: "废气排放速率是否等于风量 × 浓度 × 10⁻⁶（容差 5%，超过 20% 为错误）",
    basis: &[basis(
        "建设项目环境保护管理条例",
        "第十一条（五）",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for outlet in cx.filing.air_outlets() {
        let Some(flow) = outlet.flow_m3_per_h else {
            continue;
        };
        for entry in outlet
            .pollutants
            .iter()
            .filter(|p| p.code != AirPollutant::Odor)
        {
            let (Some(conc), Some(rate)) = (entry.concentration_mg_per_m3, entry.rate_kg_per_h)
            else {
                continue;
            };
            let computed = flow * conc * 1e-6;
            let Some(severity) = mismatch(rate, computed, cx.tolerance(), 0.0005) else {
                continue;
            };
            out.push(
                RULE.finding(
                    severity,
                    air_pollutant_path(outlet.index, entry.index, "rate_kg_per_h"),
                    format!(
                        "排气筒 {} {}排放速率申报 {} kg/h，按风量 {} m³/h × 浓度 {} mg/m³ 计算应为 {} kg/h",
                        outlet.id,
                        entry.code.label_zh(),
                        num(rate),
                        num(flow),
                        num(conc),
                        num(computed)
                    ),
                )
                .values(computed, rate)
                .cite("建设项目环境保护管理条例", "第十一条（五）"),
            );
        }
    }
}
