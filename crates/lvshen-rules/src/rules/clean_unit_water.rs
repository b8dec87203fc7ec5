//! `clean_production.unit_water` — fresh water per unit product against the industry norm.
//!
//! **What it checks.** Fresh water per 100 m (woven, silk, wool) or per tonne (yarn,
//! knitted), recomputed from `water.fresh_water_t_per_year` and `products`, against the
//! 印染行业规范条件 figure for the product class. Only when all products fall under one norm.
//!
//! **Why.** Unit water use is the entry threshold of the industry norms.
//!
//! **Basis.** 印染行业规范条件（2017年版）: woven 1.6 t/100 m [V2]; other classes [M].
//! Warnings, 待核实 (the 2023 figures are not verified).

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::clean_common::unit_fresh_water;
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "clean_production.unit_water",
    category: Category::CleanProduction,
    name: "单位产品新鲜水取水量",
    checks: "由新鲜水量与产量重新计算单位产品新鲜水取水量，是否高于印染行业规范条件",
    basis: &[
        basis(
            "印染行业规范条件（2017年版）",
            "机织物 1.6 t/100m",
            Confidence::V2,
        ),
        basis("印染行业规范条件（2017年版）", "其他产品", Confidence::M),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let norms = &cx.standards.clean_production;
    let Some((unit_water, norm)) = unit_fresh_water(cx.filing, norms) else {
        return;
    };
    if unit_water <= norm.fresh_water {
        return;
    }
    out.push(
        RULE.finding(
            Severity::Warning,
            "water.fresh_water_t_per_year",
            format!(
                "单位产品新鲜水取水量（按新鲜水量与产量计算）为 {} {}，高于印染行业规范条件 {} {}（{}）",
                num(unit_water),
                norm.fresh_water_unit,
                num(norm.fresh_water),
                norm.fresh_water_unit,
                norms.note
            ),
        )
        .values(norm.fresh_water, unit_water)
        .cite(norm.source.doc.clone(), norm.source.clause.clone())
        .confidence(norm.source.confidence),
    );
}
