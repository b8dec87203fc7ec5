//! `clean_production.energy` — energy per 100 m against the industry norm.
//!
//! **What it checks.** Declared `clean_production.energy_kgce_per_100m` against the norm for
//! the products' class (all products under one norm measured in kgce/100m).
//!
//! **Why.** Energy use is an entry threshold of the industry norms.
//!
//! **Basis.** 印染行业规范条件（2017年版）: woven 30 kgce/100 m [V2]; silk/wool [M]. Warning.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "clean_production.energy",
    category: Category::CleanProduction,
    name: "单位产品综合能耗",
    checks: "申报的百米产品综合能耗是否高于印染行业规范条件",
    basis: &[
        basis(
            "印染行业规范条件（2017年版）",
            "机织物 30 kgce/100m",
            Confidence::V2,
        ),
        basis(
            "印染行业规范条件（2017年版）",
            "真丝绸、毛织物",
            Confidence::M,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let norms = &cx.standards.clean_production;
    let Some(energy) = cx
        .filing
        .clean_production
        .as_ref()
        .and_then(|c| c.energy_kgce_per_100m)
    else {
        return;
    };
    let fabrics: Vec<_> = cx
        .filing
        .products()
        .iter()
        .filter_map(|p| p.fabric)
        .collect();
    let Some(first) = fabrics.first() else { return };
    let Some(norm) = norms
        .units
        .iter()
        .find(|u| u.fabric == *first && u.energy_unit == "kgce/100m")
    else {
        return;
    };
    if fabrics.iter().any(|f| *f != *first) || energy <= norm.energy {
        return;
    }
    out.push(
        RULE.finding(
            Severity::Warning,
            "clean_production.energy_kgce_per_100m",
            format!(
                "百米产品综合能耗 {} kgce/100m，高于印染行业规范条件 {} kgce/100m（{}）",
                num(energy),
                num(norm.energy),
                norms.note
            ),
        )
        .values(norm.energy, energy)
        .cite(norm.source.doc.clone(), norm.source.clause.clone())
        .confidence(norm.source.confidence),
    );
}
