//! `risk.emergency_pool` — an accident pool where hazardous chemicals are stored.
//!
//! **What it checks.** When hazardous substances are stored (`risk.substances` with a
//! storage, or raw materials marked hazardous with a storage), `risk.emergency_pool_m3` is
//! declared and above zero.
//!
//! **Why.** Spilled chemicals and fire-fighting water must not reach the river.
//!
//! **Basis.** 浙江省水污染防治条例 第四十六条第二款 [V]: units storing hazardous chemicals
//! must have accident pools. The pool's required volume is not computed here.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "risk.emergency_pool",
    category: Category::Risk,
    name: "事故应急池",
    checks: "储存危险化学品的，是否设置事故应急池",
    basis: &[basis(
        "浙江省水污染防治条例",
        "第四十六条第二款",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let risk = filing.risk.as_ref();
    let mut stored: Vec<String> = risk
        .and_then(|r| r.substances.as_deref())
        .unwrap_or_default()
        .iter()
        .filter(|s| s.max_storage_t.is_some_and(|t| t > 0.0))
        .map(|s| s.name.clone())
        .collect();
    for m in filing.raw_materials() {
        if m.hazardous == Some(true)
            && m.max_storage_t.is_some_and(|t| t > 0.0)
            && !stored.contains(&m.name)
        {
            stored.push(m.name.clone());
        }
    }
    if stored.is_empty() {
        return;
    }
    let pool = risk.and_then(|r| r.emergency_pool_m3);
    if pool.is_some_and(|v| v > 0.0) {
        return;
    }
    out.push(
        RULE.finding(
            Severity::Error,
            "risk.emergency_pool_m3",
            format!(
                "项目储存危险化学品（{}），但未设置事故应急池",
                stored.join("、")
            ),
        )
        .actual(pool.unwrap_or(0.0))
        .cite("浙江省水污染防治条例", "第四十六条第二款"),
    );
}
