//! `completeness.receiving` — where the wastewater goes, stated consistently.
//!
//! **What it checks.** A discharging project states `discharge_mode` (or a receiving kind it
//! can be read from); indirect discharge states `receiving_kind` (municipal, park, park with
//! separate dyeing pretreatment), which decides the GB 4287 column; the mode and the kind
//! agree; the receiving plant or water body is named.
//!
//! **Why.** Without these the applicable limits cannot be decided.
//!
//! **Basis.** GB 4287-2012 3.x definitions and the 2015 amendment notes (3)–(5) [V2] for the
//! park/municipal distinction; 排污许可管理条例 第七条 [V] (discharge route).

use lvshen_filing::codes::{DischargeMode, ReceivingKind};
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "completeness.receiving",
    category: Category::Completeness,
    name: "废水去向",
    checks: "是否填写排放方式、接纳对象类型与名称，且排放方式与接纳对象一致（决定 GB 4287 适用限值列）",
    basis: &[
        basis("排污许可管理条例", "第七条", Confidence::V),
        basis(
            "GB 4287-2012 修改单（2015）",
            "间接排放 注(3)–(5)",
            Confidence::V2,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(water) = &cx.filing.water else {
        return;
    };
    let discharges = water.discharged_t_per_year.is_some_and(|d| d > 0.0)
        || matches!(
            water.discharge_mode,
            Some(DischargeMode::Direct | DischargeMode::Indirect)
        );
    if !discharges {
        return;
    }
    let amendment = &cx.standards.water.municipal_rule;
    match (water.discharge_mode, water.receiving_kind) {
        (None, None) => out.push(
            RULE.finding(
                Severity::Error,
                "water.discharge_mode",
                "未填写废水排放方式（direct 直接排放 / indirect 间接排放）及接纳对象类型，无法确定适用的排放限值",
            )
            .cite("排污许可管理条例", "第七条"),
        ),
        (Some(DischargeMode::Indirect), None) => out.push(
            RULE.finding(
                Severity::Warning,
                "water.receiving_kind",
                "间接排放未填写接纳污水处理厂类型（municipal 城镇 / park 园区 / park_dyeing_separate 园区印染废水单独预处理）；本次按 GB 4287-2012 原间接排放限值审查，城镇污水处理厂应执行直接排放限值",
            )
            .cite(amendment.doc.clone(), "间接排放 注(3)–(5)")
            .confidence(amendment.confidence),
        ),
        (Some(DischargeMode::Direct), Some(kind)) if kind != ReceivingKind::WaterBody => out.push(
            RULE.finding(
                Severity::Warning,
                "water.receiving_kind",
                format!(
                    "排放方式为直接排放，但接纳对象类型为{}，二者矛盾",
                    kind.label_zh()
                ),
            )
            .cite("排污许可管理条例", "第七条"),
        ),
        (Some(DischargeMode::Indirect), Some(ReceivingKind::WaterBody)) => out.push(
            RULE.finding(
                Severity::Warning,
                "water.receiving_kind",
                "排放方式为间接排放，但接纳对象类型为地表水体，二者矛盾",
            )
            .cite("排污许可管理条例", "第七条"),
        ),
        _ => {}
    }
    if water.receiving.is_none() {
        out.push(
            RULE.finding(
                Severity::Warning,
                "water.receiving",
                "未填写接纳废水的污水处理厂或水体名称",
            )
            .cite("排污许可管理条例", "第七条"),
        );
    }
}
