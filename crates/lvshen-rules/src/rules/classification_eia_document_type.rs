//! `classification.eia_document_type` — the EIA document the project needs.
//!
//! **What it checks.** From `processes`, `industry_code`, boilers and the plant's own
//! wastewater treatment, which items of the 建设项目环境影响评价分类管理名录（2021年版） the
//! project triggers (28 纺织业, 29 纺织服装, 50/51 化学纤维, 91 热力生产, 95 污水处理), the
//! document each item requires, and the highest of them (第四条); then compares it with
//! `project.document_type`.
//!
//! **Why.** A project that prepares a lower-tier document than the 名录 requires cannot be
//! approved on it; the category "may not be changed at will" (第四条).
//!
//! Items 50/51 except 单纯纺丝 (and, item 50, 单纯丙纶纤维制造), which are 报告表 — read from
//! the `spinning`/`polymerization` processes; a 改建/扩建 that does not touch the main works
//! takes the category of the works actually done (第四条第三款, `project.works_processes`);
//! scale thresholds count new scale only (说明2: boilers declared `existing` are left out).
//!
//! **Basis.** 名录 2021 第四条, 说明2, items 28/29/50/51/91/95 [V]. Whether biomass counts as a
//! "high-polluting fuel" under item 91 is not verified, so that trigger alone never blocks;
//! nor does a category that rests on facts the filing does not give (pure spinning, the
//! works actually done).

use lvshen_filing::codes::*;
use lvshen_filing::{Category, Confidence, Filing, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

const DOC: &str = "建设项目环境影响评价分类管理名录（2021年版）";

pub static RULE: Rule = Rule {
    id: "classification.eia_document_type",
    category: Category::Classification,
    name: "环评文件类别",
    checks: "按工序、行业代码、锅炉和自建污水处理设施判定应编制的环评文件类别（报告书/报告表/登记表），与申报的 document_type 比较",
    basis: &[
        basis(DOC, "第四条", Confidence::V),
        basis(DOC, "第二十八项 纺织业", Confidence::V),
        basis(DOC, "第二十九项 纺织服装、服饰业", Confidence::V),
        basis(DOC, "第五十项 化学纤维制造业", Confidence::V),
        basis(DOC, "第九十一项 热力生产和供应工程", Confidence::V),
        basis(DOC, "第九十五项 污水处理及其再生利用", Confidence::V),
    ],
    check,
};

/// One catalogue item the project triggers.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub item: &'static str,
    pub required: DocumentType,
    pub reason: String,
    pub confidence: Confidence,
}

/// The 3-digit GB/T 4754 group of an industry code (`C1713` → 171).
pub(crate) fn group3(filing: &Filing) -> Option<u16> {
    let code = filing.project.industry_code.as_deref()?;
    code.strip_prefix('C')?.get(..3)?.parse().ok()
}

pub(crate) fn triggers(filing: &Filing) -> Vec<Trigger> {
    // 第四条第三款: a 改建/扩建 that does not touch the main works takes the category of the
    // works actually done. With `works_processes` those are the processes that count;
    // without them the category cannot be told, and no trigger may block.
    let project = &filing.project;
    let partial = matches!(
        project.construction_type,
        Some(ConstructionType::Expansion)
            | Some(ConstructionType::Renovation)
            | Some(ConstructionType::TechnicalRenovation)
    ) && project.main_works_involved == Some(false);
    let works = project.works_processes.as_deref().filter(|_| partial);
    let has = |p| match works {
        Some(works) => works.contains(&p),
        None => filing.has_process(p),
    };
    let mut out = Vec::new();
    let group = group3(filing);
    let textile = match group {
        Some(g) => (171..=178).contains(&g),
        // Without an industry code, a filing with textile processes is read as item 28.
        None => !filing.processes().is_empty(),
    };
    let v = Confidence::V;
    if textile {
        let item = "第二十八项 纺织业";
        let book: Vec<&str> = [
            (Process::WoolScouring, "洗毛"),
            (Process::Degumming, "脱胶"),
            (Process::SilkReeling, "缫丝"),
            (Process::Pretreatment, "前处理"),
            (Process::Dyeing, "染色"),
            (Process::Printing, "印花（喷墨/数码印花除外）"),
            (Process::CoatingSolvent, "使用有机溶剂的涂层"),
        ]
        .into_iter()
        .filter(|(p, _)| has(*p))
        .map(|(_, label)| label)
        .collect();
        let table: Vec<&str> = [
            (Process::DigitalPrinting, "喷墨/数码印花"),
            (Process::WaterJetWeaving, "喷水织造"),
        ]
        .into_iter()
        .filter(|(p, _)| has(*p))
        .map(|(_, label)| label)
        .collect();
        if !book.is_empty() {
            out.push(Trigger {
                item,
                required: DocumentType::ReportBook,
                reason: format!("含{}", book.join("、")),
                confidence: v,
            });
        } else if !table.is_empty() {
            out.push(Trigger {
                item,
                required: DocumentType::ReportTable,
                reason: format!("含{}", table.join("、")),
                confidence: v,
            });
        }
    }
    if let Some(g) = group {
        if (181..=183).contains(&g) {
            let item = "第二十九项 纺织服装、服饰业";
            if has(Process::Dyeing) || has(Process::Printing) {
                out.push(Trigger {
                    item,
                    required: DocumentType::ReportBook,
                    reason: "含染色或印花工序".to_owned(),
                    confidence: v,
                });
            } else if has(Process::DigitalPrinting) || has(Process::Washing) {
                out.push(Trigger {
                    item,
                    required: DocumentType::ReportTable,
                    reason: "含喷墨/数码印花或水洗工序".to_owned(),
                    confidence: v,
                });
            }
        }
        if (281..=283).contains(&g) {
            out.push(fibre_trigger(filing, g, &has));
        }
    }
    boiler_triggers(filing, &mut out);
    if partial && works.is_none() {
        // The works actually done are not declared: say so instead of guessing.
        for t in &mut out {
            t.confidence = t.confidence.max(Confidence::M);
            t.reason.push_str("；改建、扩建不涉及主体工程时按实际建设内容定类别（第四条第三款），请填写 project.works_processes");
        }
    }
    if let Some(water) = &filing.water {
        let own_treatment = water.treatment.is_some();
        let direct = water.discharge_mode == Some(DischargeMode::Direct)
            || water.receiving_kind == Some(ReceivingKind::WaterBody);
        let heavy_metal = filing
            .water_pollutants()
            .iter()
            .any(|p| p.code == WaterPollutant::Cr6 && !p.below_detection_limit);
        if own_treatment && (direct || heavy_metal) {
            out.push(Trigger {
                item: "第九十五项 污水处理及其再生利用",
                required: DocumentType::ReportTable,
                reason: if direct {
                    "自建工业废水处理设施，处理后直接排入地表水".to_owned()
                } else {
                    "自建工业废水处理设施，排放重金属（六价铬）".to_owned()
                },
                confidence: v,
            });
        }
    }
    out
}

/// Items 50 (281/282) and 51 (283): everything is 报告书 except 单纯纺丝 and (item 50)
/// 单纯丙纶纤维制造, which are 报告表. "单纯" is read from the processes: spinning without
/// polymerisation; a filing that says neither cannot be told (warning only).
fn fibre_trigger(filing: &Filing, group: u16, has: &dyn Fn(Process) -> bool) -> Trigger {
    let (item, book_reason) = if group == 283 {
        (
            "第五十一项 生物基材料制造",
            "生物基化学纤维制造（含聚合等，非单纯纺丝）",
        )
    } else {
        (
            "第五十项 化学纤维制造业",
            "纤维素纤维/合成纤维制造（含聚合等，非单纯纺丝、非单纯丙纶纤维制造）",
        )
    };
    let polypropylene = group != 283
        && filing
            .products()
            .iter()
            .any(|p| p.name.contains("丙纶") || p.name.contains("聚丙烯纤维"))
        && filing
            .products()
            .iter()
            .all(|p| p.name.contains("丙纶") || p.name.contains("聚丙烯纤维"));
    if has(Process::Polymerization) {
        return Trigger {
            item,
            required: DocumentType::ReportBook,
            reason: book_reason.to_owned(),
            confidence: Confidence::V,
        };
    }
    if has(Process::Spinning) || polypropylene {
        return Trigger {
            item,
            required: DocumentType::ReportTable,
            reason: if polypropylene {
                "单纯丙纶纤维制造".to_owned()
            } else {
                "单纯纺丝（无聚合工序）".to_owned()
            },
            confidence: Confidence::V,
        };
    }
    Trigger {
        item,
        required: DocumentType::ReportBook,
        reason:
            "未申报聚合或纺丝工序，无法判断是否属单纯纺丝（单纯纺丝、单纯丙纶纤维制造编制报告表）"
                .to_owned(),
        confidence: Confidence::M,
    }
}

fn boiler_triggers(filing: &Filing, out: &mut Vec<Trigger>) {
    let item = "第九十一项 热力生产和供应工程";
    let mut coal_oil_t_h = 0.0;
    let mut coal_oil = false;
    let mut gas_t_h = 0.0;
    let mut gas_unknown = false;
    let mut biomass = false;
    // 说明2: scale thresholds count the new scale only; boilers declared as existing are
    // not added by this project.
    let new = |o: &&lvshen_filing::AirOutlet| {
        o.is_boiler() && !o.boiler.as_ref().and_then(|b| b.existing).unwrap_or(false)
    };
    for outlet in filing.air_outlets().iter().filter(new) {
        let capacity = outlet.boiler.as_ref().and_then(|b| b.capacity_t_per_h);
        match outlet.boiler_fuel() {
            Some(Fuel::Coal) | Some(Fuel::Oil) => {
                coal_oil = true;
                coal_oil_t_h += capacity.unwrap_or(0.0);
            }
            Some(Fuel::Gas) => match capacity {
                Some(c) => gas_t_h += c,
                None => gas_unknown = true,
            },
            Some(Fuel::Biomass) => biomass = true,
            Some(Fuel::Electric) | None => {}
        }
    }
    if coal_oil {
        let (required, reason) = if coal_oil_t_h > 65.0 {
            (
                DocumentType::ReportBook,
                format!(
                    "燃煤/燃油锅炉总容量 {} t/h，大于 65 t/h",
                    crate::num(coal_oil_t_h)
                ),
            )
        } else {
            (
                DocumentType::ReportTable,
                "燃煤/燃油锅炉总容量不超过 65 t/h".to_owned(),
            )
        };
        out.push(Trigger {
            item,
            required,
            reason,
            confidence: Confidence::V,
        });
    }
    if gas_t_h > 1.0 {
        out.push(Trigger {
            item,
            required: DocumentType::ReportTable,
            reason: format!("燃气锅炉总容量 {} t/h，大于 1 t/h", crate::num(gas_t_h)),
            confidence: Confidence::V,
        });
    } else if gas_unknown {
        // Capacity unknown: cannot tell; completeness rules ask for it.
    }
    if biomass {
        out.push(Trigger {
            item,
            required: DocumentType::ReportTable,
            reason: "生物质锅炉（是否属“其他高污染燃料”待核实）".to_owned(),
            confidence: Confidence::M,
        });
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let triggers = triggers(filing);
    let declared = filing.project.document_type;
    let Some(required) = triggers.iter().map(|t| t.required).max_by_key(|d| d.rank()) else {
        if let Some(declared) = declared
            && !filing.processes().is_empty()
        {
            out.push(
                    RULE.finding(
                        Severity::Info,
                        "project.document_type",
                        format!(
                            "按申报的工序和行业代码，本项目未触发名录中需编制环评文件的类别（第五条：未列入名录的项目不纳入环评管理）；申报为{}，请核实工序是否填写完整",
                            declared.label_zh()
                        ),
                    )
                    .cite(DOC, "第五条"),
                );
        }
        return;
    };
    let decisive: Vec<&Trigger> = triggers.iter().filter(|t| t.required == required).collect();
    let confidence = decisive
        .iter()
        .map(|t| t.confidence)
        .min()
        .unwrap_or(Confidence::V);
    let reasons = decisive
        .iter()
        .map(|t| format!("{}（{}）", t.item, t.reason))
        .collect::<Vec<_>>()
        .join("；");
    // The legal category's name follows the law in force on the review date (生态环境影响报告书
    // under the 生态环境法典 第九十五条); the 名录's item names stay as the 名录 writes them.
    let prefix = lvshen_law::LawBook::builtin().eia_prefix(cx.as_of);
    let cite = |f: Finding| {
        let mut f = f.cite(DOC, "第四条");
        for t in &decisive {
            f = f.cite(DOC, t.item);
        }
        f.confidence(confidence)
    };
    match declared {
        None => out.push(cite(RULE.finding(
            Severity::Warning,
            "project.document_type",
            format!(
                "未填写环评文件类别；按名录应编制{prefix}{}：{}",
                required.label_zh(),
                reasons
            ),
        ))),
        Some(declared) if declared.rank() < required.rank() => out.push(cite(
            RULE.finding(
                Severity::Error,
                "project.document_type",
                format!(
                    "申报编制{prefix}{}，但按名录应编制{prefix}{}：{}；项目类别不得擅自降低（第四条）",
                    declared.label_zh(),
                    required.label_zh(),
                    reasons
                ),
            )
            .values(required.code(), declared.code()),
        )),
        Some(declared) if declared.rank() > required.rank() => out.push(cite(
            RULE.finding(
                Severity::Info,
                "project.document_type",
                format!(
                    "申报编制{prefix}{}，高于名录要求的{}（{}）；可按报告书编制，但请确认是否有意为之",
                    declared.label_zh(),
                    required.label_zh(),
                    reasons
                ),
            )
            .values(required.code(), declared.code()),
        )),
        Some(_) => {}
    }
}
