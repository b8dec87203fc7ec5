//! `completeness.sections` — the sections the declared processes make mandatory.
//!
//! **What it checks.** Processes are declared; wet processes come with a `water` section
//! and its pollutants; heat-setting, printing and coating come with exhaust outlets;
//! products, raw materials, solid waste, operating time; receptors for a 报告书.
//!
//! **Why.** A filing without the sections its processes need cannot be reviewed; a major
//! gap is a ground for refusal.
//!
//! **Basis.** 建设项目环境保护管理条例 第十一条（五）[V] (major defects or gaps);
//! 环境影响评价法 第十七条 [V] (contents of a 报告书).

use lvshen_filing::codes::{DocumentType, Process};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "completeness.sections",
    category: Category::Completeness,
    name: "必填章节",
    checks: "按工序判定必需的填报内容：湿法工序须有废水，定型/印花/涂层须有废气排放口，产品、原辅材料、固废、运行时间，报告书须有环境敏感目标",
    basis: &[
        basis("建设项目环境保护管理条例", "第十一条（五）", Confidence::V),
        basis("中华人民共和国环境影响评价法", "第十七条", Confidence::V),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let gap = |severity, field: &str, message: &str| {
        RULE.finding(severity, field, message)
            .cite("建设项目环境保护管理条例", "第十一条（五）")
            .cite("中华人民共和国环境影响评价法", "第十七条")
    };
    if filing.processes().is_empty() {
        out.push(gap(
            Severity::Error,
            "processes",
            "未填写生产工序，无法判定环评类别、排污许可类别和适用标准",
        ));
    }
    if cx.derived.wet {
        if filing.water.is_none() {
            out.push(gap(
                Severity::Error,
                "water",
                "申报含前处理、染色、印花等湿法工序，但未填写废水（water）内容",
            ));
        } else if filing.water_pollutants().is_empty()
            && !matches!(cx.derived.discharge, Some(crate::Discharge::None))
        {
            out.push(gap(
                Severity::Error,
                "water.pollutants",
                "未填写废水污染物排放浓度，无法判定是否达标排放",
            ));
        }
    }
    let needs_air: Vec<&str> = [
        (Process::HeatSetting, "定型"),
        (Process::Printing, "印花"),
        (Process::Coating, "涂层"),
        (Process::CoatingSolvent, "溶剂型涂层"),
    ]
    .into_iter()
    .filter(|(p, _)| filing.has_process(*p))
    .map(|(_, l)| l)
    .collect();
    if !needs_air.is_empty() && filing.air_outlets().is_empty() {
        out.push(gap(
            Severity::Error,
            "air.outlets",
            &format!(
                "申报含{}工序，但未填写有组织废气排放口",
                needs_air.join("、")
            ),
        ));
    }
    if filing.products().is_empty() {
        out.push(gap(
            Severity::Warning,
            "products",
            "未填写产品方案，无法核算单位产品排水量、取水量和能耗",
        ));
    }
    if filing.raw_materials.is_none() {
        out.push(gap(Severity::Warning, "raw_materials", "未填写原辅材料"));
    }
    if filing.solid_waste.is_none() && !filing.processes().is_empty() {
        out.push(gap(
            Severity::Warning,
            "solid_waste",
            "未填写固体废物产生及处置情况",
        ));
    }
    let project = &filing.project;
    if project.operating_days_per_year.is_none() || project.operating_hours_per_day.is_none() {
        out.push(gap(
            Severity::Warning,
            "project.operating_days_per_year",
            "未填写年工作天数或日工作小时数，无法复核排放时间和日处理规模",
        ));
    }
    if project.document_type == Some(DocumentType::ReportBook) && filing.receptors().is_empty() {
        let book = lvshen_law::LawBook::builtin().eia_document_name("报告书", cx.as_of);
        out.push(gap(
            Severity::Warning,
            "receptors",
            &format!("{book}未填写周边环境敏感目标"),
        ));
    }
}
