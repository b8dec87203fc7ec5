//! `consistency.water_load` — declared annual water loads against volume × concentration.
//!
//! **What it checks.** For each water pollutant with a concentration and a load:
//! load (t/a) = discharged volume (t/a ≈ m³/a) × concentration (mg/L) × 10⁻⁶. pH and colour
//! carry no load. Beyond the tolerance (policy.toml, 5 %) a warning; beyond four times it,
//! an error.
//!
//! **Why.** Loads that do not follow from the declared volume and concentration are the
//! most common defect of source-strength accounting.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V] (basic data plainly wrong).

use lvshen_filing::codes::WaterPollutant;
use lvshen_filing::{Category, Confidence, Finding};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::{mismatch, water_pollutant_path};

pub static RULE: Rule = Rule {
    id: "consistency.water_load",
    category: Category::Consistency,
    name: "废水污染物排放量核算",
    checks: "废水污染物年排放量是否等于废水排放量 × 排放浓度 × 10⁻⁶（容差 5%，超过 20% 为错误）",
    basis: &[basis(
        "建设项目环境保护管理条例",
        "第十一条（五）",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(volume) = cx
        .filing
        .water
        .as_ref()
        .and_then(|w| w.discharged_t_per_year)
    else {
        return;
    };
    for entry in cx.filing.water_pollutants() {
        if matches!(entry.code, WaterPollutant::PH | WaterPollutant::Color) {
            continue;
        }
        let (Some(conc), Some(load)) = (entry.concentration_mg_per_l, entry.load_t_per_year) else {
            continue;
        };
        let computed = volume * conc * 1e-6;
        let Some(severity) = mismatch(load, computed, cx.tolerance(), 0.0005) else {
            continue;
        };
        out.push(
            RULE.finding(
                severity,
                water_pollutant_path(entry.index, "load_t_per_year"),
                format!(
                    "{}年排放量申报 {} t/a，按废水排放量 {} t/a × 浓度 {} mg/L 计算应为 {} t/a",
                    entry.code.label_zh(),
                    num(load),
                    num(volume),
                    num(conc),
                    num(computed)
                ),
            )
            .values(computed, load)
            .cite("建设项目环境保护管理条例", "第十一条（五）"),
        );
    }
}
