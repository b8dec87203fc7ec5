//! `permit.management_class` — the permit management class the project needs.
//!
//! **What it checks.** From the industry code, processes, boilers and the plant's own
//! wastewater treatment, the class under the 固定污染源排污许可分类管理名录（2019年版）:
//! item 25 (171–175: pretreatment, dyeing, printing, wool scouring, degumming, silk reeling,
//! water-jet weaving → key; finishing only → simplified); item 27 (181/183: washing, wet
//! printing, dyeing → key); items 26/28 (176–178/182) by the general processes; item 109
//! boilers (key list → key; ≥ 20 t/h → simplified; else registration); item 112 water
//! treatment (key list → key; ≥ 20 000 t/d → simplified; 500–20 000 t/d → registration).
//! One site, one permit (第五条); the class the project needs is the highest of the items it
//! triggers (the catalogue does not say so in words: each item and general process is
//! managed at its own class, and a permit covering a key-managed part is a key permit).
//! The 重点排污单位名录 acts through items 109–112; 第七条 applies to item 108 only and is
//! not used. Compared with `permit.management_class`.
//!
//! **Why.** A permit applied for under too low a class is refused and leaves the plant
//! without the monitoring and reporting duties it owes.
//!
//! **Basis.** 固定污染源排污许可分类管理名录（2019年版） 第五条、第六条, items 25–28, 109, 112 [V].

use lvshen_filing::codes::*;
use lvshen_filing::{Category, Confidence, Filing, Finding, Severity};

use super::classification_eia_document_type::group3;
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

const DOC: &str = "固定污染源排污许可分类管理名录（2019年版）";

pub static RULE: Rule = Rule {
    id: "permit.management_class",
    category: Category::Permit,
    name: "排污许可管理类别",
    checks: "按行业、工序、锅炉和污水处理规模判定排污许可管理类别（重点/简化/登记），与申报的 management_class 比较",
    basis: &[
        basis(DOC, "第五条、第六条", Confidence::V),
        basis(DOC, "第二十五至二十八项 纺织业、纺织服装", Confidence::V),
        basis(
            DOC,
            "第一百零九项 锅炉、第一百一十二项 水处理",
            Confidence::V,
        ),
    ],
    check,
};

/// The class each item gives, with the item and reason.
pub(crate) fn required_class(filing: &Filing) -> Vec<(ManagementClass, &'static str, String)> {
    let has = |p| filing.has_process(p);
    let mut out = Vec::new();
    let on_list = filing.project.on_key_discharger_list == Some(true);
    let group = group3(filing);
    let item25 = match group {
        Some(g) => (171..=175).contains(&g),
        None => !filing.processes().is_empty(),
    };
    if item25 {
        let key: Vec<&str> = [
            (Process::Pretreatment, "前处理"),
            (Process::Mercerizing, "丝光（前处理）"),
            (Process::Dyeing, "染色"),
            (Process::Printing, "印花"),
            (Process::DigitalPrinting, "印花（数码）"),
            (Process::WoolScouring, "洗毛"),
            (Process::Degumming, "脱胶"),
            (Process::SilkReeling, "缫丝"),
            (Process::WaterJetWeaving, "喷水织造"),
        ]
        .into_iter()
        .filter(|(p, _)| has(*p))
        .map(|(_, l)| l)
        .collect();
        let finishing = [
            Process::Finishing,
            Process::HeatSetting,
            Process::Coating,
            Process::CoatingSolvent,
            Process::Washing,
        ]
        .into_iter()
        .any(has);
        if !key.is_empty() {
            out.push((
                ManagementClass::Key,
                "第二十五项",
                format!("含{}", key.join("、")),
            ));
        } else if finishing {
            out.push((
                ManagementClass::Simplified,
                "第二十五项",
                "仅含整理工序".to_owned(),
            ));
        } else if !filing.processes().is_empty() {
            out.push((
                ManagementClass::Registration,
                "第二十五项",
                "其他".to_owned(),
            ));
        }
    }
    if matches!(group, Some(181) | Some(183)) {
        if has(Process::Washing) || has(Process::Printing) || has(Process::Dyeing) {
            out.push((
                ManagementClass::Key,
                "第二十七项",
                "含水洗、湿法印花或染色".to_owned(),
            ));
        } else {
            out.push((
                ManagementClass::Registration,
                "第二十七项",
                "其他".to_owned(),
            ));
        }
    }
    // General processes (第六条): boilers and water treatment.
    let boilers: Vec<&lvshen_filing::AirOutlet> = filing
        .air_outlets()
        .iter()
        .filter(|o| o.is_boiler() && o.boiler_fuel() != Some(Fuel::Electric))
        .collect();
    if !boilers.is_empty() {
        let capacity: f64 = boilers
            .iter()
            .filter_map(|o| o.boiler.as_ref().and_then(|b| b.capacity_t_per_h))
            .sum();
        let (class, reason) = if on_list {
            (ManagementClass::Key, "列入重点排污单位名录".to_owned())
        } else if capacity >= 20.0 {
            (
                ManagementClass::Simplified,
                format!("锅炉总容量 {} t/h ≥ 20 t/h", num(capacity)),
            )
        } else {
            (
                ManagementClass::Registration,
                "锅炉总容量小于 20 t/h（或未申报容量）".to_owned(),
            )
        };
        out.push((class, "第一百零九项", reason));
    }
    if let Some(water) = filing.water.as_ref().filter(|w| w.treatment.is_some()) {
        let days = filing.project.operating_days_per_year.unwrap_or(365.0);
        let per_day = water
            .wastewater_t_per_year
            .or(water.discharged_t_per_year)
            .map(|t| t / days);
        let class = if on_list {
            Some((ManagementClass::Key, "列入重点排污单位名录".to_owned()))
        } else {
            match per_day {
                Some(d) if d >= 20_000.0 => Some((
                    ManagementClass::Simplified,
                    format!("日处理能力约 {} t/d ≥ 20000 t/d", num(d)),
                )),
                Some(d) if d >= 500.0 => Some((
                    ManagementClass::Registration,
                    format!("日处理能力约 {} t/d（500–20000 t/d）", num(d)),
                )),
                _ => None,
            }
        };
        if let Some((class, reason)) = class {
            out.push((class, "第一百一十二项", reason));
        }
    }
    // The 重点排污单位名录 acts through the general processes (items 109–112: "纳入重点排污单位
    // 名录的" → key) for these industries; 第七条 governs item 108 (other industries) only, so
    // it adds nothing here.
    out
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(permit) = &cx.filing.permit else {
        return;
    };
    let triggers = required_class(cx.filing);
    let Some(required) = triggers.iter().map(|t| t.0).max_by_key(|c| c.rank()) else {
        return;
    };
    let reasons = triggers
        .iter()
        .filter(|t| t.0 == required)
        .map(|(_, item, why)| format!("{item}（{why}）"))
        .collect::<Vec<_>>()
        .join("；");
    let cite = |mut f: Finding| {
        f = f.cite(DOC, "第五条");
        for (class, item, _) in &triggers {
            if *class == required {
                f = f.cite(DOC, *item);
            }
        }
        f
    };
    match permit.management_class {
        None => out.push(cite(RULE.finding(
            Severity::Warning,
            "permit.management_class",
            format!(
                "未填写排污许可管理类别；按名录应为{}：{reasons}",
                required.label_zh()
            ),
        ))),
        Some(declared) if declared.rank() < required.rank() => out.push(cite(
            RULE.finding(
                Severity::Error,
                "permit.management_class",
                format!(
                    "申报排污许可管理类别为{}，按名录应为{}：{reasons}",
                    declared.label_zh(),
                    required.label_zh()
                ),
            )
            .values(required.code(), declared.code()),
        )),
        Some(declared) if declared.rank() > required.rank() => out.push(cite(
            RULE.finding(
                Severity::Info,
                "permit.management_class",
                format!(
                    "申报排污许可管理类别为{}，高于名录判定的{}（{reasons}），请确认",
                    declared.label_zh(),
                    required.label_zh()
                ),
            )
            .values(required.code(), declared.code()),
        )),
        Some(_) => {}
    }
}
