//! `air.vocs_fugitive` — NMHC outside the workshop.
//!
//! **What it checks.** Fugitive NMHC (`air.unorganized[]` with the extension
//! `concentration_mg_per_m3`, the highest 1-hour average outside doors, windows and vents)
//! against 10 mg/m³, or 6 mg/m³ where the site is designated for the special value (GB 37822
//! 4.2; `location.special_limits.vocs` with its designating document).
//!
//! **Why.** Open handling of solvents, printing pastes and finishing agents.
//!
//! **Basis.** GB 37822-2019 附录A 表A.1 [V] for the values. 附录A is informative (资料性附录)
//! and 11.2 leaves in-plant monitoring to local authorities, so a breach is a warning 待核实
//! unless `air.toml [vocs] fugitive_adoption` names a Zhejiang or Shaoxing document that makes
//! it binding (none is known).

use lvshen_filing::codes::AirPollutant;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "air.vocs_fugitive",
    category: Category::EmissionLimit,
    name: "厂区内 VOCs 无组织排放",
    checks: "厂房外非甲烷总烃 1 小时平均浓度是否超过 10 mg/m³（特别排放限值 6 mg/m³）",
    basis: &[
        basis("GB 37822-2019", "附录A 表A.1", Confidence::V),
        basis("GB 37822-2019", "11.2（附录A 为资料性附录）", Confidence::M),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let std = &cx.standards.vocs;
    let designation = &cx.filing.location.special_limits.vocs;
    let limit = if designation.document().is_some() {
        std.fugitive_1h_special
    } else {
        std.fugitive_1h
    };
    let adopted = !std.fugitive_adoption.trim().is_empty();
    for entry in cx.filing.unorganized() {
        if entry.code != AirPollutant::Nmhc {
            continue;
        }
        let Some(conc) = entry.concentration_mg_per_m3 else {
            continue;
        };
        let field = format!("air.unorganized[{}].concentration_mg_per_m3", entry.index);
        if conc > limit {
            let mut message = format!(
                "厂房外非甲烷总烃浓度 {} mg/m³，超过 {} {} 1 小时平均浓度{}限值 {} mg/m³",
                num(conc),
                std.source.doc,
                std.fugitive_clause,
                if designation.document().is_some() {
                    "特别"
                } else {
                    ""
                },
                num(limit)
            );
            if let Some(doc) = designation.document() {
                message.push_str(&format!("（特别限值依据《{doc}》）"));
            }
            let mut f = RULE
                .finding(Severity::Error, field, message)
                .values(limit, conc)
                .cite(std.source.doc.clone(), std.fugitive_clause.clone());
            if adopted {
                f = f.cite(std.fugitive_adoption.clone(), "采纳 GB 37822 附录A");
            } else {
                // Informative annex, no local adoption known: it cannot block.
                f.message.push_str("；附录A 为资料性附录，GB 37822 11.2 规定厂区内监控的具体实施方式由各地自行确定，未收录浙江省或绍兴市采纳该限值的文件，待核实");
                f = f
                    .cite(std.source.doc.clone(), "11.2")
                    .confidence(Confidence::M);
            }
            out.push(f);
        } else if conc > std.fugitive_1h_special
            && *designation == lvshen_filing::Designation::Unknown
        {
            out.push(
                RULE.finding(
                    Severity::Info,
                    "location.special_limits.vocs",
                    format!(
                        "厂房外非甲烷总烃浓度 {} mg/m³ 符合一般限值 {} mg/m³；未说明所在地是否划定执行特别限值（GB 37822 4.2），若已划定则超过特别限值 {} mg/m³",
                        num(conc),
                        num(std.fugitive_1h),
                        num(std.fugitive_1h_special)
                    ),
                )
                .values(std.fugitive_1h_special, conc)
                .cite(std.source.doc.clone(), "4.2"),
            );
        }
    }
}
