//! `consistency.air_load` — declared annual air loads against rate × hours.
//!
//! **What it checks.** load (t/a) = rate (kg/h) × hours per year ÷ 1000 for each outlet
//! pollutant; the rate is the declared one, or flow × concentration.
//!
//! **Why.** Annual loads feed the total-quantity quota; they must follow from the rate.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V]. Tolerance as in policy.toml.

use lvshen_filing::codes::AirPollutant;
use lvshen_filing::{Category, Confidence, Finding};

use super::air_common::rate_kg_h;
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::{air_pollutant_path, mismatch};

pub static RULE: Rule = Rule {
    id: "consistency.air_load",
    category: Category::Consistency,
    name: "废气年排放量核算",
    checks: "废气污染物年排放量是否等于排放速率 × 年排放小时数 ÷ 1000（容差 5%，超过 20% 为错误）",
    basis: &[basis(
        "建设项目环境保护管理条例",
        "第十一条（五）",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for outlet in cx.filing.air_outlets() {
        let Some(hours) = outlet.hours_per_year else {
            continue;
        };
        for entry in outlet
            .pollutants
            .iter()
            .filter(|p| p.code != AirPollutant::Odor)
        {
            let (Some(load), Some((rate, declared))) =
                (entry.load_t_per_year, rate_kg_h(outlet, entry))
            else {
                continue;
            };
            let computed = rate * hours / 1000.0;
            let Some(severity) = mismatch(load, computed, cx.tolerance(), 0.0005) else {
                continue;
            };
            let rate_text = if declared {
                "排放速率"
            } else {
                "风量×浓度所得速率"
            };
            out.push(
                RULE.finding(
                    severity,
                    air_pollutant_path(outlet.index, entry.index, "load_t_per_year"),
                    format!(
                        "排气筒 {} {}年排放量申报 {} t/a，按{rate_text} {} kg/h × {} h/a 计算应为 {} t/a",
                        outlet.id,
                        entry.code.label_zh(),
                        num(load),
                        num(rate),
                        num(hours),
                        num(computed)
                    ),
                )
                .values(computed, load)
                .cite("建设项目环境保护管理条例", "第十一条（五）"),
            );
        }
    }
}
