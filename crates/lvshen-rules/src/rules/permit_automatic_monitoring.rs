//! `permit.automatic_monitoring` — key-managed units monitor the final outlet automatically.
//!
//! **What it checks.** When the unit is key-managed (declared, or required by the catalogue)
//! and discharges wastewater: COD and NH3-N at the final outlet are monitored `automatic`;
//! pH and flow too.
//!
//! **Why.** Automatic monitors connected to the bureau are a statutory duty of key units.
//!
//! **Basis.** 排污许可管理条例 第二十条 [V]; 水污染防治法 第二十三条 [V] (COD, NH3-N: error).
//! That pH and flow are also automatic comes from HJ 879-2017, whose table is not verified
//! [M] (warning).

use lvshen_filing::codes::{Frequency, ManagementClass, Pollutant, WaterPollutant};
use lvshen_filing::{Category, Confidence, Finding, Monitored, Severity};

use super::permit_common::{discharges_water, effective_class, final_water_outlet};
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "permit.automatic_monitoring",
    category: Category::Permit,
    name: "自动监测",
    checks: "重点管理单位废水总排口化学需氧量、氨氮（及 pH、流量）是否自动监测",
    basis: &[
        basis("排污许可管理条例", "第二十条", Confidence::V),
        basis("中华人民共和国水污染防治法", "第二十三条", Confidence::V),
        basis(
            "排污单位自行监测技术指南 纺织印染工业（HJ 879-2017）",
            "废水监测频次",
            Confidence::M,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let Some(permit) = &filing.permit else { return };
    if effective_class(filing, permit) != Some(ManagementClass::Key) || !discharges_water(filing) {
        return;
    }
    let outlet_id = final_water_outlet(filing, permit)
        .map(|o| o.id.clone())
        .or_else(|| filing.water.as_ref().and_then(|w| w.outlet_id.clone()))
        .unwrap_or_else(|| "废水总排口".to_owned());
    let lines = permit.self_monitoring.as_deref().unwrap_or_default();
    let automatic = |what: Monitored| {
        lines.iter().any(|l| {
            l.monitored == what
                && l.frequency == Some(Frequency::Automatic)
                && l.outlet.eq_ignore_ascii_case(&outlet_id)
        })
    };
    let checks = [
        (
            Monitored::Pollutant(Pollutant::Water(WaterPollutant::Cod)),
            "化学需氧量",
            true,
        ),
        (
            Monitored::Pollutant(Pollutant::Water(WaterPollutant::Nh3n)),
            "氨氮",
            true,
        ),
        (
            Monitored::Pollutant(Pollutant::Water(WaterPollutant::PH)),
            "pH",
            false,
        ),
        (Monitored::Flow, "流量", false),
    ];
    let statutory: Vec<&str> = checks
        .iter()
        .filter(|(m, _, s)| *s && !automatic(*m))
        .map(|(_, l, _)| *l)
        .collect();
    let guide: Vec<&str> = checks
        .iter()
        .filter(|(m, _, s)| !*s && !automatic(*m))
        .map(|(_, l, _)| *l)
        .collect();
    if !statutory.is_empty() {
        out.push(
            RULE.finding(
                Severity::Error,
                "permit.self_monitoring",
                format!(
                    "重点管理单位废水总排口 {outlet_id} 的{}未采用自动监测；重点管理排污单位应安装自动监测设备并与生态环境主管部门联网",
                    statutory.join("、")
                ),
            )
            .cite("排污许可管理条例", "第二十条")
            .cite("中华人民共和国水污染防治法", "第二十三条"),
        );
    }
    if !guide.is_empty() {
        out.push(
            RULE.finding(
                Severity::Warning,
                "permit.self_monitoring",
                format!(
                    "重点管理单位废水总排口 {outlet_id} 的{}未采用自动监测",
                    guide.join("、")
                ),
            )
            .cite("HJ 879-2017", "废水监测频次")
            .confidence(Confidence::M),
        );
    }
}
