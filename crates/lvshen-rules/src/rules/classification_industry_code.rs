//! `classification.industry_code` — the industry code fits the rule pack and the processes.
//!
//! **What it checks.** That `project.industry_code` is given; that it lies in the textile,
//! garment or chemical-fibre divisions (17, 18, 28) this rule pack is written for; and that
//! a filing with dyeing, printing or pretreatment carries an 印染/染整精加工 class code.
//!
//! **Why.** The EIA and permit catalogues are keyed on the GB/T 4754 code; a wrong code
//! leads to a wrong category and a wrong permit class.
//!
//! **Basis.** GB/T 4754-2017. The list of 染整精加工 four-digit classes (1713, 1723, 1733,
//! 1743, 1752, 1762) is from memory [M]: that finding is a warning marked 待核实.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "classification.industry_code",
    category: Category::Classification,
    name: "行业代码",
    checks: "行业代码是否填写、是否属于纺织（17）/服装（18）/化纤（28）大类，含印染工序时是否为染整精加工小类",
    basis: &[
        basis(
            "国民经济行业分类（GB/T 4754-2017）",
            "纺织业 17",
            Confidence::V,
        ),
        basis(
            "国民经济行业分类（GB/T 4754-2017）",
            "染整精加工小类",
            Confidence::M,
        ),
    ],
    check,
};

const DYEING_CLASSES: [&str; 6] = ["C1713", "C1723", "C1733", "C1743", "C1752", "C1762"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let Some(code) = filing.project.industry_code.as_deref() else {
        out.push(
            RULE.finding(
                Severity::Warning,
                "project.industry_code",
                "未填写行业代码（GB/T 4754-2017，如 C1713 棉印染精加工）；环评类别和排污许可类别均按行业代码判定，本次按申报工序推定",
            )
            .cite("国民经济行业分类（GB/T 4754-2017）", "纺织业 17"),
        );
        return;
    };
    let division = code.get(1..3).unwrap_or("");
    if !matches!(division, "17" | "18" | "28") {
        out.push(
            RULE.finding(
                Severity::Warning,
                "project.industry_code",
                format!(
                    "行业代码 {code} 不属于纺织业（17）、纺织服装服饰业（18）或化学纤维制造业（28），本规则包按纺织印染项目审查，结论可能不适用"
                ),
            )
            .actual(code)
            .cite("国民经济行业分类（GB/T 4754-2017）", "纺织业 17"),
        );
        return;
    }
    if division == "17" && cx.derived.dyeing && code.len() == 5 && !DYEING_CLASSES.contains(&code) {
        out.push(
            RULE.finding(
                Severity::Warning,
                "project.industry_code",
                format!(
                    "申报含前处理/染色/印花工序，但行业代码 {code} 不是染整精加工小类（如 C1713 棉印染精加工、C1752 化纤织物染整精加工、C1762 针织或钩针编织物印染精加工），请核实"
                ),
            )
            .actual(code)
            .cite("国民经济行业分类（GB/T 4754-2017）", "染整精加工小类")
            .confidence(Confidence::M),
        );
    }
}
