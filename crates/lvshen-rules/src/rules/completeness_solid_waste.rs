//! `completeness.solid_waste` — solid waste is classified and disposed of.
//!
//! **What it checks.** Each waste has a category; hazardous waste has an HW code (HWnn) and
//! a disposal route; a plant with its own wastewater treatment declares its sludge.
//!
//! **Why.** Dyeing sludge is the largest waste stream of a dye house, and hazardous waste
//! without a code cannot be transferred legally.
//!
//! **Basis.** 环境影响评价法 第十七条 [V] (the report covers all pollution); 国家危险废物名录
//! (HW codes) [M] — warnings.

use lvshen_filing::codes::WasteCategory;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "completeness.solid_waste",
    category: Category::Completeness,
    name: "固体废物",
    checks: "固废是否分类，危险废物是否有 HW 代码和处置去向，自建污水处理设施是否申报污泥",
    basis: &[
        basis("中华人民共和国环境影响评价法", "第十七条", Confidence::V),
        basis(
            "国家危险废物名录（2021年版）",
            "废物类别代码",
            Confidence::M,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    for (i, waste) in filing.solid_waste().iter().enumerate() {
        match waste.category {
            None => out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("solid_waste[{i}].category"),
                    format!(
                        "固体废物“{}”未注明类别（一般工业固废/危险废物/生活垃圾）",
                        waste.name
                    ),
                )
                .cite("中华人民共和国环境影响评价法", "第十七条"),
            ),
            Some(WasteCategory::Hazardous) => {
                let code_ok = waste.code.as_deref().is_some_and(|c| {
                    let c = c.trim().to_ascii_uppercase();
                    c.len() == 4
                        && c.starts_with("HW")
                        && c[2..].chars().all(|d| d.is_ascii_digit())
                });
                if !code_ok {
                    out.push(
                        RULE.finding(
                            Severity::Warning,
                            format!("solid_waste[{i}].code"),
                            format!(
                                "危险废物“{}”未填写正确的废物类别代码（如 HW12）",
                                waste.name
                            ),
                        )
                        .cite("国家危险废物名录（2021年版）", "废物类别代码")
                        .confidence(Confidence::M),
                    );
                }
                if waste.disposal.is_none() {
                    out.push(
                        RULE.finding(
                            Severity::Warning,
                            format!("solid_waste[{i}].disposal"),
                            format!("危险废物“{}”未说明处置去向", waste.name),
                        )
                        .cite("中华人民共和国环境影响评价法", "第十七条"),
                    );
                }
            }
            Some(_) => {}
        }
    }
    let own_treatment = filing.water.as_ref().is_some_and(|w| w.treatment.is_some());
    if own_treatment
        && filing.solid_waste.is_some()
        && !filing.solid_waste().iter().any(|w| w.name.contains("污泥"))
    {
        out.push(
            RULE.finding(
                Severity::Warning,
                "solid_waste",
                "项目自建废水处理设施，但固体废物中未申报污泥",
            )
            .cite("中华人民共和国环境影响评价法", "第十七条"),
        );
    }
}
