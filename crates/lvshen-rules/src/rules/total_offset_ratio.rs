//! `total_control.offset_ratio` — replacement ratios.
//!
//! **What it checks.** `offset_ratio` below 1:1 for any quota obtained by trading or
//! regional reduction, and below 1:2 for VOCs.
//!
//! **Why.** New totals are approved on reduction-and-replacement; the ratio decides how
//! much must be cut elsewhere.
//!
//! **Basis.** 环发〔2014〕197号 and Zhejiang/Shaoxing practice: ratios [M] (domain.md §6.5,
//! not verified) — warnings, 待核实. The ratios are data (policy.toml).

use lvshen_filing::codes::QuotaSource;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "total_control.offset_ratio",
    category: Category::TotalControl,
    name: "削减替代比例",
    checks: "总量指标削减替代比例是否不低于 1:1（VOCs 不低于 1:2）（比例要求待核实）",
    basis: &[basis(
        "环发〔2014〕197号及浙江省、绍兴市削减替代要求",
        "替代比例",
        Confidence::M,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let rules = &cx.standards.total_control;
    for entry in cx.filing.total_control() {
        if !matches!(
            entry.source,
            Some(QuotaSource::EmissionRightsTrading) | Some(QuotaSource::RegionalReduction)
        ) {
            continue;
        }
        let Some(ratio) = entry.offset_ratio else {
            continue;
        };
        let is_voc =
            matches!(entry.pollutant, lvshen_filing::codes::Pollutant::Air(a) if a.is_voc());
        let min = if is_voc {
            rules.vocs_min_offset_ratio
        } else {
            rules.min_offset_ratio
        };
        if ratio < min {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("total_control[{}].offset_ratio", entry.index),
                    format!(
                        "{}削减替代比例为 1:{}，低于 1:{}",
                        entry.pollutant.label_zh(),
                        num(ratio),
                        num(min)
                    ),
                )
                .values(min, ratio)
                .cite("环发〔2014〕197号", "削减替代比例")
                .confidence(rules.ratio_confidence),
            );
        }
    }
}
