//! `industrial_policy.central_heating` — a dye house in a park runs its own boiler.
//!
//! **What it checks.** A dyeing project inside an industrial park that declares a boiler
//! burning fuel (not electric).
//!
//! **Why.** The 2023 industry norms ask new dyeing projects in parks to use central heat
//! supply and central treatment; an own fuel-fired boiler needs a justification.
//!
//! **Basis.** 印染行业规范条件（2023年版）一（二）[V2] — a warning marked 待核实.

use lvshen_filing::codes::Fuel;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "industrial_policy.central_heating",
    category: Category::IndustrialPolicy,
    name: "集中供热",
    checks: "园区内印染项目是否自建燃料锅炉（规范条件要求集中供热）",
    basis: &[basis(
        "印染行业规范条件（2023年版）",
        "一（二）",
        Confidence::V2,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.derived.dyeing || cx.filing.location.industrial_park.is_none() {
        return;
    }
    let park = cx
        .filing
        .location
        .industrial_park
        .as_deref()
        .unwrap_or_default();
    for outlet in cx.filing.air_outlets().iter().filter(|o| o.is_boiler()) {
        if outlet.boiler_fuel() == Some(Fuel::Electric) {
            continue;
        }
        let source = &cx.standards.clean_production.park_2023;
        out.push(
            RULE.finding(
                Severity::Warning,
                format!("air.outlets[{}]", outlet.index),
                format!(
                    "项目位于{park}，但自建锅炉（排气筒 {}）；印染行业规范条件要求园区内印染项目实行集中供热，请说明不能使用集中供热的理由",
                    outlet.id
                ),
            )
            .cite(source.doc.clone(), source.clause.clone())
            .confidence(source.confidence),
        );
    }
}
