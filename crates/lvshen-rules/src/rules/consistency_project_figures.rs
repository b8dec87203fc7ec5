//! `consistency.project_figures` — project figures that contradict each other.
//!
//! **What it checks.** Environmental investment not above total investment; outlet hours
//! per year not above the plant's operating days × hours per day.
//!
//! **Why.** Contradictory base figures undermine every result computed from them.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V].

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "consistency.project_figures",
    category: Category::Consistency,
    name: "项目基本数据",
    checks: "环保投资不超过总投资；排气筒年运行小时数不超过年工作天数 × 日工作小时数",
    basis: &[basis(
        "建设项目环境保护管理条例",
        "第十一条（五）",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let project = &cx.filing.project;
    if let (Some(total), Some(env)) = (
        project.investment_total_wan_yuan,
        project.investment_env_wan_yuan,
    ) && env > total
    {
        out.push(
            RULE.finding(
                Severity::Error,
                "project.investment_env_wan_yuan",
                format!("环保投资 {} 万元大于总投资 {} 万元", num(env), num(total)),
            )
            .values(total, env)
            .cite("建设项目环境保护管理条例", "第十一条（五）"),
        );
    }
    let (Some(days), Some(hours)) = (
        project.operating_days_per_year,
        project.operating_hours_per_day,
    ) else {
        return;
    };
    let plant_hours = days * hours;
    for outlet in cx.filing.air_outlets() {
        let Some(h) = outlet.hours_per_year else {
            continue;
        };
        if h > plant_hours * (1.0 + cx.tolerance()) {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("air.outlets[{}].hours_per_year", outlet.index),
                    format!(
                        "排气筒 {} 年排放 {} h，超过全厂年工作时间 {} 天 × {} h = {} h",
                        outlet.id,
                        num(h),
                        num(days),
                        num(hours),
                        num(plant_hours)
                    ),
                )
                .values(plant_hours, h)
                .cite("建设项目环境保护管理条例", "第十一条（五）"),
            );
        }
    }
}
