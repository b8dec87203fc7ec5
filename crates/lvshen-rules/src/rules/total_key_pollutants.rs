//! `total_control.key_pollutants` — every key pollutant emitted has a quota with a source.
//!
//! **What it checks.** For COD and NH3-N (when wastewater is discharged) and SO2 and NOx
//! (when declared, or a fuel-fired boiler exists): a `total_control` entry exists, and its
//! `source` is not `none`.
//!
//! **Why.** New, rebuilt, expanded and technically renovated projects that emit key
//! pollutants must show how they obtained the total-quantity quota through reduction and
//! replacement; without it neither the EIA nor the permit can be approved.
//!
//! **Basis.** 排污许可管理条例 第八条（三）[V]; 浙江省大气污染防治条例 第十四条 [V] (air);
//! 浙江省曹娥江流域水环境保护条例 第九条 [V] (water, in the basin); the list of key pollutants
//! (COD, NH3-N, SO2, NOx) from 环发〔2014〕197号 and 浙政办发〔2023〕18号 [V2]. The duty is
//! verified and the four pollutants are the national list of every five-year plan since
//! 2011, so a missing quota is an error; the list itself is data (policy.toml).

use lvshen_filing::codes::{Pollutant, QuotaSource};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::total_common::emits;
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "total_control.key_pollutants",
    category: Category::TotalControl,
    name: "主要污染物总量指标",
    checks: "排放化学需氧量、氨氮、二氧化硫、氮氧化物的，是否逐项申报总量指标及其来源",
    basis: &[
        basis("排污许可管理条例", "第八条（三）", Confidence::V),
        basis("浙江省大气污染防治条例", "第十四条", Confidence::V),
        basis("浙江省曹娥江流域水环境保护条例", "第九条", Confidence::V),
        basis(
            "建设项目主要污染物排放总量指标审核及管理暂行办法（环发〔2014〕197号）",
            "第二条",
            Confidence::V2,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    for pollutant in &cx.standards.total_control.key_pollutants {
        if !emits(filing, *pollutant, cx.derived.wet) {
            continue;
        }
        let entry = filing
            .total_control()
            .iter()
            .find(|t| t.pollutant == *pollutant);
        let (field, message) = match entry {
            None => (
                "total_control".to_owned(),
                format!(
                    "项目排放{}，但未申报其总量控制指标；新建、改建、扩建项目须说明通过削减替代取得重点污染物总量指标的情况",
                    pollutant.label_zh()
                ),
            ),
            Some(t) if t.source == Some(QuotaSource::None) || t.source.is_none() => (
                format!("total_control[{}].source", t.index),
                format!(
                    "{}总量指标未说明来源（排污权交易、区域削减替代或企业原有指标）",
                    pollutant.label_zh()
                ),
            ),
            Some(_) => continue,
        };
        let mut finding = RULE
            .finding(Severity::Error, field, message)
            .cite("排污许可管理条例", "第八条（三）");
        finding = match pollutant {
            Pollutant::Air(_) => finding.cite("浙江省大气污染防治条例", "第十四条"),
            Pollutant::Water(_) if cx.derived.in_caoejiang_basin => {
                finding.cite("浙江省曹娥江流域水环境保护条例", "第九条")
            }
            Pollutant::Water(_) => finding,
        };
        out.push(finding.cite("环发〔2014〕197号", "第二条"));
    }
}
