//! `risk.q_value` — the ratio of hazardous substances stored to their critical quantities.
//!
//! **What it checks.** Q = Σ max storage / critical quantity over `risk.substances`. Q ≥ 1
//! calls for a full environmental-risk assessment (grading by P and E); below 1 a simple
//! analysis suffices. Substances without a critical quantity, and raw materials marked
//! hazardous that are missing from the risk section, are reported.
//!
//! **Why.** The dye house stores hydrosulphite, caustic soda, hydrogen peroxide, acetic acid;
//! the assessment depth follows Q.
//!
//! **Basis.** HJ 169-2018 建设项目环境风险评价技术导则, 附录B and C [M: formula and grading
//! not verified] — warnings and information only.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "risk.q_value",
    category: Category::Risk,
    name: "危险物质数量与临界量比值 Q",
    checks: "计算 Q = Σ 最大储存量/临界量，Q ≥ 1 须开展环境风险评价；检查危险原辅材料是否列入风险物质",
    basis: &[basis("HJ 169-2018", "附录B、附录C", Confidence::M)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let substances = cx
        .filing
        .risk
        .as_ref()
        .and_then(|r| r.substances.as_deref())
        .unwrap_or_default();
    let mut q = 0.0;
    let mut terms = Vec::new();
    for (i, s) in substances.iter().enumerate() {
        match (s.max_storage_t, s.critical_quantity_t) {
            (Some(stored), Some(critical)) => {
                q += stored / critical;
                terms.push(format!("{} {}/{}", s.name, num(stored), num(critical)));
            }
            (_, None) => out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("risk.substances[{i}].critical_quantity_t"),
                    format!("风险物质“{}”未填写临界量，无法计算 Q 值", s.name),
                )
                .cite("HJ 169-2018", "附录B")
                .confidence(Confidence::M),
            ),
            (None, Some(_)) => out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("risk.substances[{i}].max_storage_t"),
                    format!("风险物质“{}”未填写最大储存量，无法计算 Q 值", s.name),
                )
                .cite("HJ 169-2018", "附录B")
                .confidence(Confidence::M),
            ),
        }
    }
    if !terms.is_empty() {
        let (severity, conclusion) = if q >= 1.0 {
            (
                Severity::Warning,
                "Q ≥ 1，须按导则判定危险物质及工艺系统危险性（P）和环境敏感程度（E）并确定评价工作等级",
            )
        } else {
            (Severity::Info, "Q < 1，环境风险潜势为 I，可开展简单分析")
        };
        out.push(
            RULE.finding(
                severity,
                "risk.substances",
                format!(
                    "危险物质数量与临界量比值 Q = {}（{}），{conclusion}",
                    num(q),
                    terms.join(" + ")
                ),
            )
            .values(1.0, q)
            .cite("HJ 169-2018", "附录C")
            .confidence(Confidence::M),
        );
    }
    for (i, m) in cx.filing.raw_materials().iter().enumerate() {
        if m.hazardous == Some(true) && !substances.iter().any(|s| s.name == m.name) {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("raw_materials[{i}]"),
                    format!(
                        "原辅材料“{}”标注为危险物质，但未列入环境风险物质（risk.substances）",
                        m.name
                    ),
                )
                .cite("HJ 169-2018", "附录B")
                .confidence(Confidence::M),
            );
        }
    }
}
