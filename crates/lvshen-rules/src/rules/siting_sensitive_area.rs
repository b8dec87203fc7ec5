//! `siting.sensitive_area` — the site in or near a drinking-water source zone, a nature
//! reserve or the ecological red line (declared receptors).
//!
//! **What it checks.** Receptors of kind `water_source`, `nature_reserve`,
//! `ecological_redline` with `distance_m` 0 (inside) or within the screening distance.
//!
//! **Why.** These are 环境敏感区 (名录 第三条). Inside a drinking-water source protection zone a
//! polluting project is forbidden outright (水污染防治法 第六十五条、第六十六条).
//!
//! **Basis.** 水污染防治法 第六十五条/第六十六条 [V] → error for water sources. For nature
//! reserves and red lines the specific bans (自然保护区条例 第三十二条; the 2019 三条控制线
//! guidance) are not verified here [M]: warning, 待核实. "Near" uses this product's
//! screening distance (policy.toml), not a statutory number: warning. Spatial checks against
//! zoning layers come from the siting layer through the engine's `FindingSource` seam.

use lvshen_filing::codes::ReceptorKind;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

const CATALOGUE: &str = "建设项目环境影响评价分类管理名录（2021年版）";

pub static RULE: Rule = Rule {
    id: "siting.sensitive_area",
    category: Category::Siting,
    name: "环境敏感区",
    checks: "申报的饮用水水源保护区、自然保护区、生态保护红线是否覆盖或邻近厂址",
    basis: &[
        basis(
            "中华人民共和国水污染防治法",
            "第六十五条、第六十六条、第六十七条",
            Confidence::V,
        ),
        basis(CATALOGUE, "第三条", Confidence::V),
        basis("中华人民共和国环境保护法", "第二十九条", Confidence::V),
        basis("中华人民共和国自然保护区条例", "第三十二条", Confidence::M),
    ],
    check,
};

/// Inside a drinking-water source protection zone: the ban depends on the level (水污染防治法
/// 第六十五条 一级, 第六十六条 二级: no new, rebuilt or expanded polluting project; 第六十七条
/// 准保护区: no new or expanded project that pollutes water heavily — dyeing is one, 第四十七条 —
/// and a rebuild may not add discharge). The level is read from the receptor's name.
fn water_source(cx: &Context<'_>, field: String, name: &str, distance: f64) -> Finding {
    use lvshen_filing::codes::ConstructionType;
    const LAW: &str = "中华人民共和国水污染防治法";
    let rebuild = matches!(
        cx.filing.project.construction_type,
        Some(ConstructionType::Renovation) | Some(ConstructionType::TechnicalRenovation)
    );
    let quasi = name.contains("准保护区");
    let level = if name.contains("一级") {
        Some("第六十五条")
    } else if name.contains("二级") {
        Some("第六十六条")
    } else {
        None
    };
    let finding = |severity, message: String| {
        RULE.finding(severity, field.clone(), message)
            .values(0.0, distance)
    };
    if quasi {
        let message = format!(
            "厂址位于饮用水水源准保护区“{name}”内；准保护区内禁止新建、扩建对水体污染严重的建设项目（印染属严重污染水环境的项目），改建项目不得增加排污量"
        );
        let severity = if rebuild {
            Severity::Warning
        } else {
            Severity::Error
        };
        return finding(severity, message).cite(LAW, "第六十七条");
    }
    match level {
        Some(article) => finding(
            Severity::Error,
            format!(
                "厂址位于饮用水水源{}保护区“{name}”内；{}",
                if article == "第六十五条" { "一级" } else { "二级" },
                if article == "第六十五条" {
                    "一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目"
                } else {
                    "二级保护区内禁止新建、改建、扩建排放污染物的建设项目"
                }
            ),
        )
        .cite(LAW, article),
        None if rebuild => finding(
            Severity::Warning,
            format!(
                "厂址位于饮用水水源保护区“{name}”内（未说明保护区级别）；一级、二级保护区内禁止改建排放污染物的建设项目，准保护区内改建项目不得增加排污量，请说明保护区级别"
            ),
        )
        .cite(LAW, "第六十五条")
        .cite(LAW, "第六十六条")
        .cite(LAW, "第六十七条"),
        None => finding(
            Severity::Error,
            format!(
                "厂址位于饮用水水源保护区“{name}”内（未说明保护区级别）；一级、二级保护区内禁止新建、扩建排放污染物的建设项目，准保护区内禁止新建、扩建对水体污染严重的建设项目，印染项目在任一级别内均不得新建、扩建"
            ),
        )
        .cite(LAW, "第六十五条")
        .cite(LAW, "第六十六条")
        .cite(LAW, "第六十七条"),
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let near = cx.standards.screening.sensitive_near_m;
    for receptor in cx.filing.receptors() {
        let Some(kind) = receptor.kind else { continue };
        if !matches!(
            kind,
            ReceptorKind::WaterSource
                | ReceptorKind::NatureReserve
                | ReceptorKind::EcologicalRedline
        ) {
            continue;
        }
        let Some(distance) = receptor.distance_m else {
            continue;
        };
        let field = format!("receptors[{}].distance_m", receptor.index);
        let name = &receptor.name;
        if distance <= 0.0 {
            let finding = match kind {
                ReceptorKind::WaterSource => water_source(cx, field, name, distance),
                ReceptorKind::NatureReserve => RULE
                    .finding(
                        Severity::Error,
                        field,
                        format!(
                            "厂址位于自然保护区“{name}”内；自然保护区内不得建设污染环境的生产设施"
                        ),
                    )
                    .values(0.0, distance)
                    .cite(CATALOGUE, "第三条（一）")
                    .cite("中华人民共和国自然保护区条例", "第三十二条")
                    .confidence(Confidence::M),
                _ => RULE
                    .finding(
                        Severity::Error,
                        field,
                        format!(
                            "厂址位于生态保护红线“{name}”内；红线内实行严格保护，原则上禁止开发性、生产性建设活动"
                        ),
                    )
                    .values(0.0, distance)
                    .cite("中华人民共和国环境保护法", "第二十九条")
                    .cite(CATALOGUE, "第三条（二）")
                    .cite("关于在国土空间规划中统筹划定落实三条控制线的指导意见", "生态保护红线管控")
                    .confidence(Confidence::M),
            };
            out.push(finding);
        } else if distance < near {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!(
                        "厂址距{}“{name}”仅 {} m（本系统筛查距离 {} m，非法定距离）；请在报告中论证对该环境敏感区的影响",
                        kind.label_zh(),
                        num(distance),
                        num(near)
                    ),
                )
                .values(near, distance)
                .cite(CATALOGUE, "第三条"),
            );
        }
    }
}
