//! `permit.main_outlet` — the final wastewater outlet in the permit and its pollutants.
//!
//! **What it checks.** When wastewater is discharged and a permit is applied for: the final
//! outlet appears in `permit.outlets` (matched by `water.outlet_id`, else a main `DW…`
//! outlet) and is marked `main`; it lists COD and NH3-N; and the other pollutants that
//! GB 4287 controls at the final outlet.
//!
//! **Why.** The permit states pollutant types by outlet with the applicable standard; a
//! final outlet without COD and NH3-N cannot carry the permitted annual mass.
//!
//! **Basis.** 排污许可管理条例 第七条 [V]; GB 4287-2012 表2 (pollutants at the final outlet)
//! [V]; that the final outlet of a dye house is a 主要排放口 is from HJ 861-2017, whose body
//! text is not verified [M] (warning).

use lvshen_filing::codes::{OutletKind, Pollutant, WaterPollutant};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::permit_common::{discharges_water, final_water_outlet};
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "permit.main_outlet",
    category: Category::Permit,
    name: "废水总排口许可因子",
    checks: "排污许可申请中废水总排口是否列为主要排放口，并包含化学需氧量、氨氮及 GB 4287 规定在总排口控制的其他污染物",
    basis: &[
        basis("排污许可管理条例", "第七条", Confidence::V),
        basis("GB 4287-2012", "表2", Confidence::V),
        basis(
            "排污许可证申请与核发技术规范 纺织印染工业（HJ 861-2017）",
            "主要排放口",
            Confidence::M,
        ),
    ],
    check,
};

const FINAL_OUTLET: [WaterPollutant; 12] = [
    WaterPollutant::PH,
    WaterPollutant::Cod,
    WaterPollutant::Bod5,
    WaterPollutant::Ss,
    WaterPollutant::Color,
    WaterPollutant::Nh3n,
    WaterPollutant::Tn,
    WaterPollutant::Tp,
    WaterPollutant::ClO2,
    WaterPollutant::Aox,
    WaterPollutant::Sulfide,
    WaterPollutant::Aniline,
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    let Some(permit) = &filing.permit else { return };
    if !discharges_water(filing) {
        return;
    }
    let Some(outlet) = final_water_outlet(filing, permit) else {
        out.push(
            RULE.finding(
                Severity::Error,
                "permit.outlets",
                "排污许可申请未列出废水总排口，无法载明其排放的污染物种类、浓度和排放量",
            )
            .cite("排污许可管理条例", "第七条"),
        );
        return;
    };
    let field = format!("permit.outlets[{}]", outlet.index);
    if outlet.kind != Some(OutletKind::Main) {
        out.push(
            RULE.finding(
                Severity::Warning,
                format!("{field}.kind"),
                format!("废水总排口 {} 未列为主要排放口", outlet.id),
            )
            .cite("HJ 861-2017", "主要排放口")
            .confidence(Confidence::M),
        );
    }
    let lists = |p: WaterPollutant| outlet.pollutants.contains(&Pollutant::Water(p));
    let missing_key: Vec<&str> = [WaterPollutant::Cod, WaterPollutant::Nh3n]
        .into_iter()
        .filter(|p| !lists(*p))
        .map(|p| p.label_zh())
        .collect();
    if !missing_key.is_empty() {
        out.push(
            RULE.finding(
                Severity::Error,
                format!("{field}.pollutants"),
                format!(
                    "废水总排口 {} 的许可污染物缺少{}",
                    outlet.id,
                    missing_key.join("、")
                ),
            )
            .cite("排污许可管理条例", "第七条")
            .cite("GB 4287-2012", "表2"),
        );
    }
    let mut missing: Vec<&str> = FINAL_OUTLET
        .into_iter()
        .filter(|p| !matches!(p, WaterPollutant::Cod | WaterPollutant::Nh3n) && !lists(*p))
        .map(|p| p.label_zh())
        .collect();
    if !lists(WaterPollutant::Sb) {
        missing.push(WaterPollutant::Sb.label_zh());
    }
    if !missing.is_empty() {
        out.push(
            RULE.finding(
                Severity::Warning,
                format!("{field}.pollutants"),
                format!(
                    "废水总排口 {} 的许可污染物未包括 GB 4287-2012 在总排口控制的{}",
                    outlet.id,
                    missing.join("、")
                ),
            )
            .cite("GB 4287-2012", "表2")
            .cite("排污许可管理条例", "第七条"),
        );
    }
}
