//! `completeness.water_pollutants` — the pollutants a dye house must declare at its outlet.
//!
//! **What it checks.** For a project with pretreatment, dyeing or printing that discharges
//! wastewater: COD and NH3-N are declared with a concentration (error if not); the other
//! GB 4287 final-outlet pollutants (pH, BOD5, SS, colour, TN, TP, AOX, sulphide, aniline,
//! total antimony) are declared (warning if not).
//!
//! **Why.** A pollutant that is not declared cannot be checked against its limit; aniline
//! and antimony are exactly the ones a reviewer looks for in dyeing wastewater.
//!
//! **Basis.** GB 4287-2012 表2 [V]; total antimony from the 2015 amendment [V2].

use lvshen_filing::codes::WaterPollutant;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::{Context, Discharge};
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "completeness.water_pollutants",
    category: Category::Completeness,
    name: "废水污染因子",
    checks: "印染废水排放是否申报化学需氧量、氨氮浓度及 GB 4287-2012 总排口控制的其他污染物（含苯胺类、总锑）",
    basis: &[
        basis("GB 4287-2012", "表2", Confidence::V),
        basis("GB 4287-2012 修改单（2015）", "总锑", Confidence::V2),
    ],
    check,
};

/// GB 4287 表1–表3 final-outlet pollutants besides COD and NH3-N (序9 二氧化氯 included), and
/// total antimony (2015 amendment).
const OTHERS: [WaterPollutant; 11] = [
    WaterPollutant::PH,
    WaterPollutant::Bod5,
    WaterPollutant::Ss,
    WaterPollutant::Color,
    WaterPollutant::Tn,
    WaterPollutant::Tp,
    WaterPollutant::ClO2,
    WaterPollutant::Aox,
    WaterPollutant::Sulfide,
    WaterPollutant::Aniline,
    WaterPollutant::Sb,
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.derived.dyeing || matches!(cx.derived.discharge, Some(Discharge::None)) {
        return;
    }
    let entries = cx.filing.water_pollutants();
    if entries.is_empty() {
        // completeness.sections reports the missing section.
        return;
    }
    let declared = |code: WaterPollutant| {
        entries.iter().any(|p| {
            p.code == code && (p.concentration_mg_per_l.is_some() || p.below_detection_limit)
        })
    };
    let key: Vec<&str> = [WaterPollutant::Cod, WaterPollutant::Nh3n]
        .into_iter()
        .filter(|c| !declared(*c))
        .map(|c| c.label_zh())
        .collect();
    if !key.is_empty() {
        out.push(
            RULE.finding(
                Severity::Error,
                "water.pollutants",
                format!("印染废水未申报{}排放浓度", key.join("、")),
            )
            .cite("GB 4287-2012", "表2"),
        );
    }
    let others: Vec<&str> = OTHERS
        .into_iter()
        .filter(|c| !declared(*c))
        .map(|c| c.label_zh())
        .collect();
    if !others.is_empty() {
        let mut finding = RULE
            .finding(
                Severity::Warning,
                "water.pollutants",
                format!(
                    "印染废水未申报{}（GB 4287-2012 在总排口控制的污染物；未检出的请注明 below_detection_limit）",
                    others.join("、")
                ),
            )
            .cite("GB 4287-2012", "表2");
        if others.contains(&WaterPollutant::Sb.label_zh()) {
            finding = finding.cite("GB 4287-2012 修改单（2015）", "总锑");
        }
        out.push(finding);
    }
}
