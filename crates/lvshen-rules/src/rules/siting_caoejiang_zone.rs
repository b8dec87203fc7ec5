//! `siting.caoejiang_zone` — the site in the 曹娥江 key protection zone.
//!
//! **What it checks.** The filing declares the site inside the zone
//! (`location.caoejiang_key_zone`, an extension), or a receptor river named 曹娥江 within
//! 100 m / 澄潭江 within 50 m (the zone's minimum width), for a site in the basin.
//!
//! **Why.** In the zone no new or expanded industrial project emitting production
//! pollutants is allowed, and existing dyeing plants must convert, close or relocate.
//!
//! **Basis.** 浙江省曹娥江流域水环境保护条例 第二条 (zone), 第十三条第一款（二）and 第二款 [V].

use lvshen_filing::codes::ReceptorKind;
use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::num;
use crate::rule::{Rule, basis};

const DOC: &str = "浙江省曹娥江流域水环境保护条例";

pub static RULE: Rule = Rule {
    id: "siting.caoejiang_zone",
    category: Category::Siting,
    name: "曹娥江重点保护区",
    checks: "厂址是否位于曹娥江干流两岸 100 m、澄潭江两岸 50 m 的水环境重点保护区内",
    basis: &[
        basis(DOC, "第二条", Confidence::V),
        basis(DOC, "第十三条", Confidence::V),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.derived.in_caoejiang_basin {
        return;
    }
    let margin = cx.standards.screening.caoejiang_margin_m;
    for receptor in cx.filing.receptors() {
        let width = if receptor.name.contains("曹娥江") {
            100.0
        } else if receptor.name.contains("澄潭江") {
            50.0
        } else {
            continue;
        };
        if !matches!(receptor.kind, Some(ReceptorKind::River) | None) {
            continue;
        }
        let Some(distance) = receptor.distance_m else {
            continue;
        };
        let field = format!("receptors[{}].distance_m", receptor.index);
        if distance <= width {
            out.push(in_zone(cx, field, &receptor.name, distance, width));
        } else if distance <= width + margin {
            out.push(
                RULE.finding(
                    Severity::Warning,
                    field,
                    format!(
                        "厂址距{} {} m，接近重点保护区边界（两岸各不少于 {} m，具体范围以划定文件为准），请核实厂界是否落入保护区",
                        receptor.name,
                        num(distance),
                        num(width)
                    ),
                )
                .values(width, distance)
                .cite(DOC, "第二条"),
            );
        }
    }
}

/// The zone's reaches (第二条第二款): the 曹娥江 main stem from 嵊州市南津桥 to the 曹娥江大闸,
/// and the 澄潭江 below 镜岭大桥. The main stem below 南津桥 runs through 嵊州, 上虞, 柯桥 and
/// 越城; the 澄潭江 (新昌) cannot be placed above or below 镜岭大桥 from a filing, nor the
/// 曹娥江 named in a 新昌 filing (upstream of 南津桥).
const REACH: &str = "重点保护区为嵊州市南津桥至曹娥江大闸的曹娥江干流和镜岭大桥以下的澄潭江，具体范围由绍兴市人民政府划定";

fn reach_known(cx: &Context<'_>, river: &str) -> bool {
    let district = cx.filing.location.district.as_str();
    river.contains("曹娥江")
        && ["嵊州", "上虞", "柯桥", "越城"]
            .iter()
            .any(|d| district.contains(d))
}

fn in_zone(cx: &Context<'_>, field: String, river: &str, distance: f64, width: f64) -> Finding {
    let industrial = cx.derived.wet || !cx.filing.air_outlets().is_empty();
    if cx.derived.adds_capacity && industrial && !reach_known(cx, river) {
        return RULE
            .finding(
                Severity::Warning,
                field,
                format!(
                    "厂址距{river}仅 {} m；{REACH}，请核实厂址所在河段是否属于重点保护区，若属于，则禁止新建、扩建排放生产性污染物的工业类建设项目",
                    num(distance)
                ),
            )
            .values(width, distance)
            .cite(DOC, "第二条")
            .cite(DOC, "第十三条第一款（二）");
    }
    if cx.derived.adds_capacity && industrial {
        RULE.finding(
            Severity::Error,
            field,
            format!(
                "厂址距{river}仅 {} m，位于曹娥江流域水环境重点保护区（两岸各不少于 {} m；{REACH}）内；重点保护区内禁止新建、扩建排放生产性污染物的工业类建设项目",
                num(distance),
                num(width)
            ),
        )
        .values(width, distance)
        .cite(DOC, "第二条")
        .cite(DOC, "第十三条第一款（二）")
    } else {
        RULE.finding(
            Severity::Warning,
            field,
            format!(
                "厂址距{river}仅 {} m，位于曹娥江流域水环境重点保护区内；保护区内已建印染企业应限期转型改造或关闭、搬迁，请说明本项目是否属于转型改造",
                num(distance)
            ),
        )
        .values(width, distance)
        .cite(DOC, "第二条")
        .cite(DOC, "第十三条第二款")
    }
}
