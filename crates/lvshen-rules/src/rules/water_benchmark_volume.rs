//! `water.benchmark_volume` — drainage per unit product against the benchmark (GB 4287 §4.5).
//!
//! **What it checks.** When every product's mass can be derived (t/a, or 万米/a with
//! `weight_kg_per_100m`) and its fabric has a benchmark, the ratio of the discharged volume
//! to Σ(product mass × benchmark volume). Above 1, the concentrations must be converted
//! before they are compared with the limits (the limit rules do so). When the mass cannot be
//! derived for a dyeing project, says what is missing.
//!
//! **Why.** Dilution is not compliance: a plant that uses more water than the benchmark
//! must meet the limits on the converted concentration.
//!
//! **Basis.** GB 4287-2012 表1–表3 单位产品基准排水量 and 4.5 [V]. Products are counted by
//! actual mass; conversion of non-standard products by FZ/T 01002-2010 is not implemented.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::{Context, benchmark_key, product_mass_t};
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "water.benchmark_volume",
    category: Category::EmissionLimit,
    name: "单位产品基准排水量",
    checks: "由产品产量和克重推算产品质量，比较实际排水量与单位产品基准排水量，超过时提示浓度须换算",
    basis: &[
        basis("GB 4287-2012", "4.5", Confidence::V),
        basis("GB 4287-2012", "表1–表3 单位产品基准排水量", Confidence::V),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let source = &cx.standards.water.benchmark_source;
    let Some(facts) = &cx.derived.benchmark else {
        let discharges = cx
            .filing
            .water
            .as_ref()
            .is_some_and(|w| w.discharged_t_per_year.is_some_and(|d| d > 0.0));
        if cx.derived.dyeing && discharges && !cx.filing.products().is_empty() {
            let missing: Vec<String> = cx
                .filing
                .products()
                .iter()
                .enumerate()
                .filter(|(_, p)| product_mass_t(p).is_none() || benchmark_key(p).is_none())
                .map(|(i, p)| format!("products[{i}]（{}）", p.name))
                .collect();
            if !missing.is_empty() {
                out.push(
                    RULE.finding(
                        Severity::Info,
                        "products",
                        format!(
                            "无法推算产品质量或确定基准排水量，未做单位产品基准排水量核算：{}；请填写 t/a 产量，或 万米/a 产量与 weight_kg_per_100m，并填写 fabric",
                            missing.join("、")
                        ),
                    )
                    .cite(source.doc.clone(), "4.5"),
                );
            }
        }
        return;
    };
    if facts.ratio <= 1.0 {
        return;
    }
    let detail = facts
        .lines
        .iter()
        .map(|(name, mass, per_t)| format!("{name} {} t × {} m³/t", num(*mass), num(*per_t)))
        .collect::<Vec<_>>()
        .join(" + ");
    out.push(
        RULE.finding(
            Severity::Warning,
            "water.discharged_t_per_year",
            format!(
                "实际排水量 {} m³/a 超过单位产品基准排水量 {} m³/a（{detail}），比值 {}；各污染物须按基准水量排放浓度（实测浓度 × {}）判定达标",
                num(facts.actual_m3),
                num(facts.benchmark_m3),
                num(facts.ratio),
                num(facts.ratio)
            ),
        )
        .values(facts.benchmark_m3, facts.actual_m3)
        .cite(source.doc.clone(), "4.5")
        .cite(source.doc.clone(), "单位产品基准排水量"),
    );
}
