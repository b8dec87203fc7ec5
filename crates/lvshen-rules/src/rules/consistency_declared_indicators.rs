//! `consistency.declared_indicators` — declared clean-production figures against the ones
//! recomputed from the water section and the products.
//!
//! **What it checks.** `clean_production.water_reuse_rate` against reused/(reused+fresh)
//! (absolute tolerance 2 percentage points); `unit_fresh_water` against fresh water per unit
//! product (relative tolerance as in policy.toml), in the unit it declares.
//!
//! **Why.** A declared indicator that the filing's own figures do not support is a false
//! claim of compliance.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V].

use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::clean_common::{reuse_rate, unit_fresh_water};
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::{mismatch, percent};

pub static RULE: Rule = Rule {
    id: "consistency.declared_indicators",
    category: Category::Consistency,
    name: "清洁生产指标复核",
    checks: "申报的水重复利用率、单位产品新鲜水量与由水量和产量重新计算的结果是否一致",
    basis: &[basis(
        "建设项目环境保护管理条例",
        "第十一条（五）",
        Confidence::V,
    )],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(declared) = &cx.filing.clean_production else {
        return;
    };
    if let (Some(d), Some(c)) = (declared.water_reuse_rate, reuse_rate(cx.filing)) {
        let gap = (d - c).abs();
        if gap > 0.02 {
            let severity = if gap > 0.08 {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(
                RULE.finding(
                    severity,
                    "clean_production.water_reuse_rate",
                    format!(
                        "申报水重复利用率 {}，按水量计算为 {}（重复利用水量/(重复利用水量+新鲜水量)）",
                        percent(d),
                        percent(c)
                    ),
                )
                .values(c, d)
                .cite("建设项目环境保护管理条例", "第十一条（五）"),
            );
        }
    }
    if let (Some(d), Some((c, norm))) = (
        declared.unit_fresh_water,
        unit_fresh_water(cx.filing, &cx.standards.clean_production),
    ) {
        let unit_matches = declared
            .unit_fresh_water_unit
            .as_deref()
            .is_none_or(|u| u.replace(' ', "") == norm.fresh_water_unit);
        if !unit_matches {
            return;
        }
        if let Some(severity) = mismatch(d, c, cx.tolerance(), 0.0) {
            out.push(
                RULE.finding(
                    severity,
                    "clean_production.unit_fresh_water",
                    format!(
                        "申报单位产品新鲜水量 {} {}，按新鲜水量与产量计算为 {} {}",
                        num(d),
                        norm.fresh_water_unit,
                        num(c),
                        norm.fresh_water_unit
                    ),
                )
                .values(c, d)
                .cite("建设项目环境保护管理条例", "第十一条（五）"),
            );
        }
    }
}
