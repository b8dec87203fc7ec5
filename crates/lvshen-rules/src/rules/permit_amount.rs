//! `permit.amount` — permitted annual amounts do not exceed the EIA totals.
//!
//! **What it checks.** Each `permit.permitted_t_per_year` entry against the `total_control`
//! entry of the same pollutant and the same basis (outlet vs environment: like with like).
//!
//! **Why.** Key pollutants in the permit must respect the EIA approval and the total quota.
//!
//! **Basis.** 排污许可管理条例 第十一条（二）[V].

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "permit.amount",
    category: Category::Permit,
    name: "许可排放量",
    checks: "许可年排放量是否超过同一口径的环评总量指标",
    basis: &[basis("排污许可管理条例", "第十一条（二）", Confidence::V)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(permit) = &cx.filing.permit else {
        return;
    };
    for permitted in permit.permitted_t_per_year.as_deref().unwrap_or_default() {
        let Some(amount) = permitted.amount else {
            continue;
        };
        let field = format!("permit.permitted_t_per_year[{}].amount", permitted.index);
        let same_pollutant: Vec<_> = cx
            .filing
            .total_control()
            .iter()
            .filter(|t| t.pollutant == permitted.pollutant)
            .collect();
        if same_pollutant.is_empty() {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!(
                        "申请{}许可排放量 {} t/a，但环评未申报该污染物总量指标，无法核对",
                        permitted.pollutant.label_zh(),
                        num(amount)
                    ),
                )
                .cite("排污许可管理条例", "第十一条（二）"),
            );
            continue;
        }
        let Some(total) = same_pollutant
            .iter()
            .find(|t| t.basis.is_some() && t.basis == permitted.basis)
        else {
            out.push(
                RULE.finding(
                    Severity::Info,
                    field,
                    format!(
                        "{}许可排放量与环评总量指标的核算口径不同或未注明，未作比较",
                        permitted.pollutant.label_zh()
                    ),
                )
                .cite("排污许可管理条例", "第十一条（二）"),
            );
            continue;
        };
        let Some(limit) = total.amount_t_per_year else {
            continue;
        };
        if amount > limit * (1.0 + 1e-9) {
            out.push(
                RULE.finding(
                    Severity::Error,
                    field,
                    format!(
                        "{}许可排放量 {} t/a 超过环评总量指标 {} t/a（同一口径）",
                        permitted.pollutant.label_zh(),
                        num(amount),
                        num(limit)
                    ),
                )
                .values(limit, amount)
                .cite("排污许可管理条例", "第十一条（二）"),
            );
        }
    }
}
