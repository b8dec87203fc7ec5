//! `total_control.local_pollutants` — VOCs, TN and TP quotas where local practice asks.
//!
//! **What it checks.** A project that emits VOCs (NMHC/VOCs, organised or fugitive) or
//! discharges TN/TP without a `total_control` entry for it.
//!
//! **Why.** Several Zhejiang cities account VOC emission rights, and TN at the 曹娥江大闸
//! cross-section is a Shaoxing concern; national rules cover them only "by reference".
//!
//! **Basis.** 环发〔2014〕197号 (by reference) [V2]; Shaoxing practice [M]. Warning, 待核实.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::total_common::emits;
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "total_control.local_pollutants",
    category: Category::TotalControl,
    name: "地方总量控制因子",
    checks: "排放 VOCs、总氮、总磷的，是否申报总量指标（地方要求，待核实）",
    basis: &[
        basis(
            "环发〔2014〕197号",
            "第二条（参照执行的污染物）",
            Confidence::V2,
        ),
        basis("绍兴市总量控制实践（VOCs、总氮）", "—", Confidence::M),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let rules = &cx.standards.total_control;
    for pollutant in &rules.local_pollutants {
        if !emits(cx.filing, *pollutant, cx.derived.wet) {
            continue;
        }
        if cx
            .filing
            .total_control()
            .iter()
            .any(|t| t.pollutant == *pollutant)
        {
            continue;
        }
        out.push(
            RULE.finding(
                Severity::Warning,
                "total_control",
                format!(
                    "项目排放{}，未申报其总量指标；绍兴市对该因子是否实行总量控制请以属地生态环境部门要求为准",
                    pollutant.label_zh()
                ),
            )
            .cite("环发〔2014〕197号", "第二条")
            .confidence(rules.local_confidence),
        );
    }
}
