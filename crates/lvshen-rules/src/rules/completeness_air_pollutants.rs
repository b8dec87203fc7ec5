//! `completeness.air_pollutants` — the pollutants each kind of exhaust must declare.
//!
//! **What it checks.** Heat-setting outlets declare particulate and oil fume or NMHC;
//! printing and coating outlets declare NMHC or VOCs; boiler outlets declare particulate,
//! SO2 and NOx; a declared heat-setting process has a heat-setting outlet.
//!
//! **Why.** The characteristic pollutants of each source are what the limits and the
//! total-quantity checks need.
//!
//! **Basis.** GB 13271-2014 表2 [V] (boiler pollutants); HJ 861-2017 / DB33/962-2015 for
//! heat-setting and printing exhaust factors [M] — warnings.

use lvshen_filing::codes::{AirPollutant, Process};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "completeness.air_pollutants",
    category: Category::Completeness,
    name: "废气污染因子",
    checks: "定型机废气是否申报颗粒物和油烟/非甲烷总烃，印花/涂层废气是否申报非甲烷总烃/VOCs，锅炉是否申报颗粒物、二氧化硫、氮氧化物",
    basis: &[
        basis("GB 13271-2014", "表2", Confidence::V),
        basis("DB33/962-2015", "定型机废气污染因子", Confidence::M),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    for outlet in filing.air_outlets() {
        let has = |c| outlet.pollutant(c).is_some();
        let field = format!("air.outlets[{}].pollutants", outlet.index);
        if outlet.is_boiler() {
            let missing: Vec<&str> = [
                AirPollutant::Particulate,
                AirPollutant::So2,
                AirPollutant::Nox,
            ]
            .into_iter()
            .filter(|c| !has(*c))
            .map(|c| c.label_zh())
            .collect();
            if !missing.is_empty() {
                out.push(
                    RULE.finding(
                        Severity::Warning,
                        field,
                        format!("锅炉排气筒 {} 未申报{}", outlet.id, missing.join("、")),
                    )
                    .cite("GB 13271-2014", "表2"),
                );
            }
            continue;
        }
        let source = outlet.source.as_deref().unwrap_or_default();
        if outlet.is_heat_setting()
            && !(has(AirPollutant::Particulate)
                && (has(AirPollutant::OilFume) || has(AirPollutant::Nmhc)))
        {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!(
                        "定型机排气筒 {} 应申报颗粒物和染整油烟（或非甲烷总烃）",
                        outlet.id
                    ),
                )
                .cite("DB33/962-2015", "定型机废气污染因子")
                .confidence(Confidence::M),
            );
        } else if (source.contains("印花") || source.contains("涂层"))
            && !(has(AirPollutant::Nmhc) || has(AirPollutant::Vocs))
        {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!("{}排气筒 {} 未申报非甲烷总烃或 VOCs", source, outlet.id),
                )
                .cite("DB33/962-2015", "印花、涂层废气污染因子")
                .confidence(Confidence::M),
            );
        }
    }
    if filing.has_process(Process::HeatSetting)
        && !filing.air_outlets().is_empty()
        && !filing.air_outlets().iter().any(|o| o.is_heat_setting())
    {
        out.push(
            RULE.finding(
                Severity::Warning,
                "air.outlets",
                "申报含定型工序，但废气排放口中没有定型机废气（source 含“定型”）",
            )
            .cite("DB33/962-2015", "定型机废气污染因子")
            .confidence(Confidence::M),
        );
    }
}
