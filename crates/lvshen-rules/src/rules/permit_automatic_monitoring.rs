//! `permit.automatic_monitoring` — key-managed units monitor the final outlet automatically.
//!
//! **What it checks.** When the unit is key-managed (declared, or required by the catalogue)
//! and discharges wastewater: the final outlet has automatic monitoring at all (error), and
//! COD, NH3-N, pH and flow are among what it monitors automatically (warning).
//!
//! **Why.** Automatic monitors connected to the bureau are a statutory duty of key units.
//!
//! **Basis.** The duty to install automatic monitoring equipment: 排污许可管理条例 第二十条 [V]
//! (key-managed units); 水污染防治法 第二十三条 [V] (before 2026-08-15, for units on the
//! 重点排污单位名录; 生态环境法典 第一百八十四条 from that day, for key-managed units); for
//! units on the 名录 also 浙江省水污染防治条例 第三十三条（四） [V]. None of these articles lists
//! the pollutants: which ones (COD, NH3-N, pH, flow) comes from HJ 879-2017, whose table is
//! not verified [M] — so a missing pollutant is a warning, and only a final outlet without
//! any automatic monitoring is an error.

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
        basis("浙江省水污染防治条例", "第三十三条（四）", Confidence::V),
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
        ),
        (
            Monitored::Pollutant(Pollutant::Water(WaterPollutant::Nh3n)),
            "氨氮",
        ),
        (
            Monitored::Pollutant(Pollutant::Water(WaterPollutant::PH)),
            "pH",
        ),
        (Monitored::Flow, "流量"),
    ];
    let missing: Vec<&str> = checks
        .iter()
        .filter(|(m, _)| !automatic(*m))
        .map(|(_, l)| *l)
        .collect();
    let any_automatic = lines.iter().any(|l| {
        l.frequency == Some(Frequency::Automatic) && l.outlet.eq_ignore_ascii_case(&outlet_id)
    });
    if !any_automatic {
        let mut f = RULE
            .finding(
                Severity::Error,
                "permit.self_monitoring",
                format!(
                    "重点管理单位废水总排口 {outlet_id} 未申报任何自动监测；重点管理排污单位应安装水污染物排放自动监测设备并与生态环境主管部门联网"
                ),
            )
            .cite("排污许可管理条例", "第二十条")
            .cite("中华人民共和国水污染防治法", "第二十三条");
        if cx.filing.project.on_key_discharger_list == Some(true) {
            f = f.cite("浙江省水污染防治条例", "第三十三条（四）");
        }
        out.push(f);
    }
    if !missing.is_empty() {
        out.push(
            RULE.finding(
                Severity::Warning,
                "permit.self_monitoring",
                format!(
                    "重点管理单位废水总排口 {outlet_id} 的{}未采用自动监测（自动监测的项目按 HJ 879-2017 确定）",
                    missing.join("、")
                ),
            )
            .cite("HJ 879-2017", "废水监测频次")
            .cite("排污许可管理条例", "第二十条")
            .confidence(Confidence::M),
        );
    }
}
