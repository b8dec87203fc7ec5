//! `siting.outside_park` — a new dyeing project outside an industrial park.
//!
//! **What it checks.** `location.industrial_park` is null (or absent) for a project with
//! pretreatment, dyeing or printing that adds capacity (new, expansion, relocation).
//!
//! **Why.** New dyeing projects must be built in industrial parks with central heat and
//! treatment; in the 曹娥江 basin, new industrial enterprises outside parks are strictly
//! controlled; in 柯桥 all dyeing has been concentrated in the 滨海 cluster.
//!
//! **Basis.** 印染行业规范条件（2023年版）一（二）[V2]; 浙江省曹娥江流域水环境保护条例
//! 第八条第二款 [V] ("strictly control", not a ban). Hence a warning, marked 待核实.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "siting.outside_park",
    category: Category::Siting,
    name: "园区外新建印染",
    checks: "新建、扩建、迁建印染项目是否位于工业园区（印染集聚区）内",
    basis: &[
        basis("印染行业规范条件（2023年版）", "一（二）", Confidence::V2),
        basis(
            "浙江省曹娥江流域水环境保护条例",
            "第八条第二款",
            Confidence::V,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let location = &cx.filing.location;
    if !cx.derived.dyeing || !cx.derived.adds_capacity || location.industrial_park.is_some() {
        return;
    }
    let how = if location.industrial_park_given {
        "申报不在任何工业园区内"
    } else {
        "未填写所在工业园区"
    };
    let source = &cx.standards.clean_production.park_2023;
    let mut finding = RULE
        .finding(
            Severity::Warning,
            "location.industrial_park",
            format!(
                "新建/扩建印染项目{how}；印染行业规范条件要求新建印染项目进入工业园区并实行集中供热、集中治污{}",
                if location.district.contains("柯桥") {
                    "，柯桥区印染产能已全部集聚于滨海印染集聚区（蓝印时尚小镇）"
                } else {
                    ""
                }
            ),
        )
        .cite(source.doc.clone(), source.clause.clone());
    if cx.derived.in_caoejiang_basin {
        finding = finding.cite("浙江省曹娥江流域水环境保护条例", "第八条第二款");
    }
    out.push(finding.confidence(source.confidence));
}
