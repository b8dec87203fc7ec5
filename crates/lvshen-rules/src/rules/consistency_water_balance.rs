//! `consistency.water_balance` — the water section adds up.
//!
//! **What it checks.** Discharged ≤ wastewater generated; wastewater ≤ fresh + reused water;
//! discharged ≤ fresh water; `discharge_mode: none` with a non-zero discharge; a discharge
//! mode with no discharged volume; and a discharged/fresh ratio so low that most fresh water
//! is unaccounted for (screening threshold in policy.toml).
//!
//! **Why.** Every load and every benchmark comparison rests on these volumes.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V]; the low-ratio threshold is this
//! product's screening value (warning).

use lvshen_filing::codes::DischargeMode;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::percent;

pub static RULE: Rule = Rule {
    id: "consistency.water_balance",
    category: Category::Consistency,
    name: "水平衡",
    checks: "排放量 ≤ 废水产生量 ≤ 新鲜水量 + 重复利用水量，排放量 ≤ 新鲜水量，排放方式与排放量一致，排放量/新鲜水量不明显偏低",
    basis: &[basis(
        "建设项目环境保护管理条例",
        "第十一条（五）",
        Confidence::V,
    )],
    check,
};

const DOC: &str = "建设项目环境保护管理条例";
const CLAUSE: &str = "第十一条（五）";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(water) = &cx.filing.water else {
        return;
    };
    let tol = cx.tolerance();
    let over = |a: f64, b: f64| a > b * (1.0 + tol);
    let mut push = |severity, field: &str, message: String, expected: f64, actual: f64| {
        out.push(
            RULE.finding(severity, field, message)
                .values(expected, actual)
                .cite(DOC, CLAUSE),
        );
    };
    let fresh = water.fresh_water_t_per_year;
    let reused = water.reused_water_t_per_year;
    let generated = water.wastewater_t_per_year;
    let discharged = water.discharged_t_per_year;

    if let (Some(d), Some(g)) = (discharged, generated)
        && over(d, g)
    {
        push(
            Severity::Error,
            "water.discharged_t_per_year",
            format!("废水排放量 {} t/a 大于废水产生量 {} t/a", num(d), num(g)),
            g,
            d,
        );
    }
    if let (Some(g), Some(f)) = (generated, fresh) {
        let supply = f + reused.unwrap_or(0.0);
        if over(g, supply) {
            push(
                Severity::Error,
                "water.wastewater_t_per_year",
                format!(
                    "废水产生量 {} t/a 大于新鲜水量与重复利用水量之和 {} t/a，水量不平衡",
                    num(g),
                    num(supply)
                ),
                supply,
                g,
            );
        }
    }
    if let (Some(d), Some(f)) = (discharged, fresh) {
        if over(d, f) {
            push(
                Severity::Error,
                "water.discharged_t_per_year",
                format!(
                    "废水排放量 {} t/a 大于新鲜水用量 {} t/a，排放的水量无来源",
                    num(d),
                    num(f)
                ),
                f,
                d,
            );
        } else if f > 0.0 && d > 0.0 && d / f < cx.standards.screening.min_discharge_to_fresh {
            push(
                Severity::Warning,
                "water.discharged_t_per_year",
                format!(
                    "废水排放量仅为新鲜水用量的 {}（本系统筛查阈值 {}），请在水平衡图中说明其余 {} t/a 的去向（蒸发、产品带走等）",
                    percent(d / f),
                    percent(cx.standards.screening.min_discharge_to_fresh),
                    num(f - d)
                ),
                f * cx.standards.screening.min_discharge_to_fresh,
                d,
            );
        }
    }
    match (water.discharge_mode, discharged) {
        (Some(DischargeMode::None), Some(d)) if d > 0.0 => push(
            Severity::Error,
            "water.discharge_mode",
            format!("排放方式为不外排，但申报废水排放量 {} t/a", num(d)),
            0.0,
            d,
        ),
        (Some(DischargeMode::Direct) | Some(DischargeMode::Indirect), None) => {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    "water.discharged_t_per_year",
                    "申报有废水外排，但未填写废水排放量，无法核算污染物排放量和总量",
                )
                .cite(DOC, CLAUSE),
            );
        }
        _ => {}
    }
}
