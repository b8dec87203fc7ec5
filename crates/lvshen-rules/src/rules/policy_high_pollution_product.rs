//! `industrial_policy.high_pollution_product` — products or dyes on the "高污染" list.
//!
//! **What it checks.** Product and raw-material names against the textile entries of the
//! 环境保护综合名录（2021年版）"高污染"产品名录: fabrics dyed with banned direct dyes or banned
//! azoic bases (C.I. 冰染色基 11/48/112/113, items 25–29; the bases themselves, items
//! 870–873), 粗梳毛机织物 (30), 苎麻（精干麻）(31), 绢纺/丝纱线 (32–37), and polyester
//! imitation-silk fabrics (38–41).
//!
//! **Why.** GHW products are the target of policy restrictions; a reviewer must see them.
//!
//! **Basis.** 环境保护综合名录（2021年版）(环办综合函〔2021〕495号) [V]. Matching is by
//! name, so the finding is a warning to look, never an error.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

const DOC: &str = "环境保护综合名录（2021年版）";

pub static RULE: Rule = Rule {
    id: "industrial_policy.high_pollution_product",
    category: Category::IndustrialPolicy,
    name: "高污染产品",
    checks: "产品、原辅材料名称是否属于环境保护综合名录“高污染”产品（禁用染料染色织物、粗梳毛机织物、精干麻、绢纺纱线、涤纶仿真丝绸等）",
    basis: &[basis(
        DOC,
        "“高污染”产品名录 第25–41项、第870–873项",
        Confidence::V,
    )],
    check,
};

/// (name keywords that must all appear, catalogue items, description).
const PRODUCT_PATTERNS: &[(&[&str], &str, &str)] = &[
    (&["禁用", "直接染料"], "第25项", "禁用的直接染料染色织物"),
    (&["冰染色基"], "第26–29项", "禁用的冰染色基染色织物"),
    (&["粗梳毛"], "第30项", "粗梳毛机织物"),
    (&["粗纺毛"], "第30项", "粗梳毛机织物"),
    (&["精干麻"], "第31项", "苎麻（精干麻）"),
    (&["绢纺"], "第32–35项", "绢纺纱线"),
    (&["丝纱线"], "第34–37项", "丝纱线"),
    (
        &["仿真丝"],
        "第38–41项",
        "涤纶仿真丝绸/仿真处理的聚酯变形长丝机织物",
    ),
    (
        &["仿真", "聚酯"],
        "第38–41项",
        "仿真处理的聚酯变形长丝机织物",
    ),
];

const MATERIAL_PATTERNS: &[(&[&str], &str, &str)] = &[
    (&["冰染色基"], "第870–873项", "C.I.冰染色基 11/48/112/113"),
    (&["禁用", "染料"], "第25项", "禁用染料"),
];

fn matches(name: &str, keywords: &[&str]) -> bool {
    keywords.iter().all(|k| name.contains(k))
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, product) in cx.filing.products().iter().enumerate() {
        if let Some((_, items, what)) = PRODUCT_PATTERNS
            .iter()
            .find(|(keys, _, _)| matches(&product.name, keys))
        {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("products[{i}].name"),
                    format!(
                        "产品“{}”疑似属于环境保护综合名录“高污染”产品（{items} {what}），请核实产品及工艺并在报告中说明",
                        product.name
                    ),
                )
                .cite(DOC, format!("“高污染”产品名录 {items}")),
            );
        }
    }
    for (i, material) in cx.filing.raw_materials().iter().enumerate() {
        if let Some((_, items, what)) = MATERIAL_PATTERNS
            .iter()
            .find(|(keys, _, _)| matches(&material.name, keys))
        {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("raw_materials[{i}].name"),
                    format!(
                        "原辅材料“{}”疑似属于环境保护综合名录所列（{items} {what}），使用禁用染料染色的织物属“高污染”产品，请核实",
                        material.name
                    ),
                )
                .cite(DOC, format!("“高污染”产品名录 {items}")),
            );
        }
    }
}
