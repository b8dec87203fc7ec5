//! `total_control.coverage` — quotas cover the emissions, and their arithmetic holds.
//!
//! **What it checks.** For each `total_control` entry: on the `outlet` basis (and for air),
//! the quota is not below the filing's own emission (declared loads, or volume ×
//! concentration, or rate × hours, plus fugitive); on the `environment` basis, the quota
//! equals discharged volume × `basis_concentration_mg_per_l` × 10⁻⁶. A missing basis or
//! basis concentration is reported.
//!
//! **Why.** A quota smaller than the emission means the project exceeds its total; a quota
//! that does not follow from its stated basis cannot be audited.
//!
//! **Basis.** 环境保护法 第四十四条 [V] (units must respect their total quota);
//! 建设项目环境保护管理条例 第十一条（五）[V] (arithmetic).

use lvshen_filing::codes::{Pollutant, QuotaBasis};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use super::total_common::emission;
use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};
use crate::util::mismatch;

pub static RULE: Rule = Rule {
    id: "total_control.coverage",
    category: Category::TotalControl,
    name: "总量指标核算",
    checks: "总量指标是否覆盖项目自身排放量（排放口口径），排入环境量口径是否等于排水量 × 核算浓度",
    basis: &[
        basis("中华人民共和国环境保护法", "第四十四条", Confidence::V),
        basis("建设项目环境保护管理条例", "第十一条（五）", Confidence::V),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let filing = cx.filing;
    for entry in filing.total_control() {
        let Some(amount) = entry.amount_t_per_year else {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    format!("total_control[{}].amount_t_per_year", entry.index),
                    format!("{}总量指标未填写数量", entry.pollutant.label_zh()),
                )
                .cite("中华人民共和国环境保护法", "第四十四条"),
            );
            continue;
        };
        let basis = match (entry.pollutant, entry.basis) {
            (Pollutant::Air(_), basis) => basis.unwrap_or(QuotaBasis::Outlet),
            (Pollutant::Water(_), Some(basis)) => basis,
            (Pollutant::Water(_), None) => {
                out.push(
                    RULE.finding(
                        Severity::Warning,
                        format!("total_control[{}].basis", entry.index),
                        format!(
                            "{}总量指标未注明核算口径（outlet 排放口 / environment 排入环境量），无法复核",
                            entry.pollutant.label_zh()
                        ),
                    )
                    .cite("建设项目环境保护管理条例", "第十一条（五）"),
                );
                continue;
            }
        };
        match (entry.pollutant, basis) {
            (Pollutant::Water(_), QuotaBasis::Environment) => {
                let volume = filing.water.as_ref().and_then(|w| w.discharged_t_per_year);
                let Some(conc) = entry.basis_concentration_mg_per_l else {
                    out.push(
                        RULE.finding(
                            Severity::Warning,
                            format!("total_control[{}].basis_concentration_mg_per_l", entry.index),
                            format!(
                                "{}总量按排入环境量核算，但未填写核算浓度（接纳污水处理厂的排放浓度）",
                                entry.pollutant.label_zh()
                            ),
                        )
                        .cite("建设项目环境保护管理条例", "第十一条（五）"),
                    );
                    continue;
                };
                let Some(volume) = volume else { continue };
                let computed = volume * conc * 1e-6;
                if let Some(severity) = mismatch(amount, computed, cx.tolerance(), 0.0005) {
                    out.push(
                        RULE.finding(
                            severity,
                            format!("total_control[{}].amount_t_per_year", entry.index),
                            format!(
                                "{}总量（排入环境量）申报 {} t/a，按废水排放量 {} t/a × 核算浓度 {} mg/L 应为 {} t/a",
                                entry.pollutant.label_zh(),
                                num(amount),
                                num(volume),
                                num(conc),
                                num(computed)
                            ),
                        )
                        .values(computed, amount)
                        .cite("建设项目环境保护管理条例", "第十一条（五）"),
                    );
                }
            }
            _ => {
                let Some(emitted) = emission(filing, entry.pollutant) else {
                    continue;
                };
                if emitted > amount * (1.0 + cx.tolerance()) {
                    out.push(
                        RULE.finding(
                            Severity::Error,
                            format!("total_control[{}].amount_t_per_year", entry.index),
                            format!(
                                "{}总量指标 {} t/a 小于项目自身排放量 {} t/a，指标不足",
                                entry.pollutant.label_zh(),
                                num(amount),
                                num(emitted)
                            ),
                        )
                        .values(emitted, amount)
                        .cite("中华人民共和国环境保护法", "第四十四条"),
                    );
                }
            }
        }
    }
}
