//! `clean_production.water_reuse` — water reuse rate against the industry norm.
//!
//! **What it checks.** The reuse rate recomputed from the water section,
//! reused / (reused + fresh) (or the declared rate when it cannot be recomputed), against the
//! 40 % of the 印染行业规范条件.
//!
//! **Why.** Water reuse is the main cleaner-production lever of a dye house.
//!
//! **Basis.** 印染行业规范条件（2017年版） [V2, from a summary of the draft]; replaced by the
//! 2023 edition whose figure is not verified. Warning, 待核实.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::clean_common::reuse_rate;
use crate::context::Context;
use crate::rule::{Rule, basis};
use crate::util::percent;

pub static RULE: Rule = Rule {
    id: "clean_production.water_reuse",
    category: Category::CleanProduction,
    name: "水重复利用率",
    checks: "由新鲜水量和重复利用水量重新计算水重复利用率，是否低于印染行业规范条件的 40%",
    basis: &[basis(
        "印染行业规范条件（2017年版）",
        "水重复利用率 ≥ 40%",
        Confidence::V2,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.derived.wet {
        return;
    }
    let norms = &cx.standards.clean_production;
    let (rate, field, how) = match reuse_rate(cx.filing) {
        Some(rate) => (
            rate,
            "water.reused_water_t_per_year",
            "按重复利用水量/(重复利用水量+新鲜水量)计算",
        ),
        None => match cx
            .filing
            .clean_production
            .as_ref()
            .and_then(|c| c.water_reuse_rate)
        {
            Some(rate) => (rate, "clean_production.water_reuse_rate", "申报"),
            None => return,
        },
    };
    if rate >= norms.reuse_rate_min {
        return;
    }
    out.push(
        RULE.finding(
            Severity::Warning,
            field,
            format!(
                "水重复利用率{how}为 {}，低于印染行业规范条件要求的 {}（{}）",
                percent(rate),
                percent(norms.reuse_rate_min),
                norms.note
            ),
        )
        .values(norms.reuse_rate_min, rate)
        .cite(
            norms.reuse_source.doc.clone(),
            norms.reuse_source.clause.clone(),
        )
        .confidence(norms.reuse_source.confidence),
    );
}
