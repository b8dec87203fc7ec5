//! Shared logic of the GB 4287 limit rules: which limit applies to each declared pollutant,
//! under the original 2012 text and under the 2015 amendment, and whether it is exceeded.
//!
//! A finding is an error only when the value breaks the limit under *both* readings (the
//! verified original and the secondarily-verified amendment); when only one reading is
//! broken, it is a warning marked 待核实. That keeps unverified text from blocking a filing
//! while still showing every number.

use lvshen_filing::codes::{ReceivingKind, WaterPollutant};
use lvshen_filing::{Confidence, Finding, Severity, WaterPollutantEntry};

use crate::context::Context;
use crate::num;
use crate::rule::Rule;
use crate::standards::{Column, Limit, Source, SourcedLimit, Table};
use crate::util::water_pollutant_path;

/// One reading of the applicable limit.
#[derive(Debug, Clone, Copy)]
struct Reading<'a> {
    limit: Limit,
    source: &'a Source,
    column_label: &'static str,
    batik: bool,
}

fn reading<'a>(found: SourcedLimit<'a>, column_label: &'static str) -> Reading<'a> {
    Reading {
        limit: found.limit,
        source: found.source,
        column_label,
        batik: found.batik,
    }
}

/// The verified original reading and the amended reading for one pollutant.
fn readings<'a>(
    cx: &'a Context<'_>,
    direct: bool,
    kind: Option<ReceivingKind>,
    pollutant: WaterPollutant,
) -> Option<(Reading<'a>, Reading<'a>)> {
    let water = &cx.standards.water;
    let table = cx.derived.table;
    let batik = cx.derived.batik;
    if direct {
        let r = reading(
            water.limit(table, Column::Direct, pollutant, batik)?,
            "直接排放",
        );
        return Some((r, r));
    }
    let original = reading(
        water.limit(table, Column::Indirect, pollutant, batik)?,
        "间接排放",
    );
    let amended =
        match kind {
            Some(ReceivingKind::Municipal) => water
                .limit(table, Column::Direct, pollutant, batik)
                .map(|found| Reading {
                    limit: found.limit,
                    source: if found.source.confidence == Confidence::V {
                        &water.municipal_rule
                    } else {
                        found.source
                    },
                    column_label: "直接排放（排入城镇污水处理厂，修改单注(3)）",
                    batik: found.batik,
                }),
            Some(ReceivingKind::ParkDyeingSeparate) => water
                .limit(table, Column::IndirectParkDyeingSeparate, pollutant, batik)
                .map(|f| reading(f, "间接排放（园区印染废水单独预处理）")),
            Some(ReceivingKind::Park) => water
                .limit(table, Column::IndirectOther, pollutant, batik)
                .map(|f| reading(f, "间接排放（其他）")),
            _ => None,
        }
        .unwrap_or(original);
    Some((original, amended))
}

/// How a value stands against a limit.
fn breaks(limit: Limit, entry: &WaterPollutantEntry, value: f64) -> bool {
    match limit {
        Limit::Max(max) => value > max,
        Limit::Range(lo, hi) => value < lo || value > hi,
        Limit::NotDetected => !entry.below_detection_limit && value > 0.0,
    }
}

/// Runs the limit check for direct (`direct = true`) or indirect discharge.
pub(crate) fn check_limits(cx: &Context<'_>, rule: &Rule, direct: bool, out: &mut Vec<Finding>) {
    let kind = match cx.derived.discharge {
        Some(crate::Discharge::Direct) if direct => None,
        Some(crate::Discharge::Indirect(kind)) if !direct => kind,
        _ => return,
    };
    let ratio = cx
        .derived
        .benchmark
        .as_ref()
        .map(|b| b.ratio)
        .filter(|r| *r > 1.0);
    for entry in cx.filing.water_pollutants() {
        let Some(measured) = entry.concentration_mg_per_l else {
            continue;
        };
        let Some((original, amended)) = readings(cx, direct, kind, entry.code) else {
            continue;
        };
        let converts = entry.code != WaterPollutant::PH;
        let value = match ratio {
            Some(r) if converts => measured * r,
            _ => measured,
        };
        let broken_original = breaks(original.limit, entry, value);
        let broken_amended = breaks(amended.limit, entry, value);
        if !broken_original && !broken_amended {
            continue;
        }
        // Broken only after the benchmark-volume conversion, and the conversion could not be
        // done as the standard counts (3.2 标准品, 4.5 per working day): it cannot block.
        let as_the_standard_counts = cx
            .derived
            .benchmark
            .as_ref()
            .is_some_and(|b| b.as_the_standard_counts());
        let converted_only = value != measured
            && !as_the_standard_counts
            && !breaks(original.limit, entry, measured)
            && !breaks(amended.limit, entry, measured);
        out.push(finding(
            cx,
            rule,
            entry,
            Measured {
                measured,
                value,
                ratio: ratio.filter(|_| converts),
                converted_only,
            },
            original,
            amended,
            broken_original && broken_amended,
        ));
    }
    special_table_note(cx, rule, direct, out);
}

/// Why a breach found only after the benchmark-volume conversion is a warning: GB 4287 counts
/// product in tonnes of 标准品 (3.2; other products by FZ/T 01002-2010, not in the reference
/// set) and output and drainage per working day (4.5); say which of the two the filing did not
/// allow.
fn converted_only_caveat(cx: &Context<'_>) -> String {
    let Some(b) = cx.derived.benchmark.as_ref() else {
        return String::new();
    };
    let mut missing = Vec::new();
    if !b.standard_products {
        missing.push("产品未按 GB 4287 3.2 折算为标准品（申报的布幅 width_cm、布重不在标准品定义内或未填写；其他产品的折算见 FZ/T 01002-2010，本系统未收录）");
    }
    if !b.daily {
        missing.push("未按 4.5 以一个工作日统计产量和排水量（请填写 products[].daily_output 和 water.daily_discharged_m3），按全年总量计算");
    }
    format!(
        "；按实测浓度不超标，超标结论来自基准排水量换算，而换算{}，待核实",
        missing.join("，且")
    )
}

/// GB 4287 表3 when the site's designation is not said: the ordinary table applies; say what
/// 表3 would change for this filing (a value that meets the applied table but not 表3), or that
/// the legacy one-for-all switch was ignored.
fn special_table_note(cx: &Context<'_>, rule: &Rule, direct: bool, out: &mut Vec<Finding>) {
    let location = &cx.filing.location;
    if cx.derived.table == Table::T3
        || location.special_limits.water != lvshen_filing::Designation::Unknown
    {
        return;
    }
    let column = if direct {
        Column::Direct
    } else {
        Column::Indirect
    };
    let water = &cx.standards.water;
    let mut would = Vec::new();
    for entry in cx.filing.water_pollutants() {
        let Some(value) = entry.concentration_mg_per_l else {
            continue;
        };
        let Some(t3) = water.limit(Table::T3, column, entry.code, cx.derived.batik) else {
            continue;
        };
        let applied = readings(cx, direct, None, entry.code);
        let breaks_applied = applied
            .is_some_and(|(o, a)| breaks(o.limit, entry, value) || breaks(a.limit, entry, value));
        if breaks(t3.limit, entry, value) && !breaks_applied {
            would.push(format!(
                "{} {} 超过表3限值 {}",
                entry.code.label_zh(),
                with_unit(value, entry.code),
                describe_limit(t3.limit, entry.code)
            ));
        }
    }
    let legacy = location.special_emission_limits == Some(true);
    if would.is_empty() && !legacy {
        return;
    }
    let mut message = format!(
        "未说明所在地是否经文件划定执行水污染物特别排放限值（GB 4287 4.4，由国务院生态环境主管部门或省级人民政府规定），按{}审查",
        cx.derived.table.label()
    );
    if legacy {
        message.push_str("；special_emission_limits 不区分水、锅炉、VOCs 三类划定，未据此切换表3，请在 location.special_limits.water 填写划定文件");
    }
    if !would.is_empty() {
        message.push_str(&format!("；若已划定执行表3：{}", would.join("；")));
    }
    out.push(
        rule.finding(Severity::Info, "location.special_limits.water", message)
            .cite(water.doc.clone(), "4.4"),
    );
}

/// The measured concentration and what the check compared.
struct Measured {
    measured: f64,
    /// After the benchmark-volume conversion, when it applies.
    value: f64,
    ratio: Option<f64>,
    /// Broken only after the conversion.
    converted_only: bool,
}

/// Formats a value with its unit: `0.8 mg/L`, `60倍`, `7.5`.
fn with_unit(value: f64, code: WaterPollutant) -> String {
    match code.unit() {
        "" => num(value),
        "mg/L" => format!("{} mg/L", num(value)),
        unit => format!("{}{unit}", num(value)),
    }
}

fn describe_limit(limit: Limit, code: WaterPollutant) -> String {
    match limit {
        Limit::Max(v) => with_unit(v, code),
        other => other.describe(),
    }
}

fn finding(
    cx: &Context<'_>,
    rule: &Rule,
    entry: &WaterPollutantEntry,
    m: Measured,
    original: Reading<'_>,
    amended: Reading<'_>,
    both: bool,
) -> Finding {
    let Measured {
        measured,
        value,
        ratio,
        converted_only,
    } = m;
    let code = entry.code;
    let table = cx.derived.table;
    let broken_amended = breaks(amended.limit, entry, value);
    // The reading the message is about: the amended one when it is broken, else the original.
    let (broken, other) = if broken_amended {
        (amended, original)
    } else {
        (original, amended)
    };
    let shown = match ratio {
        Some(r) => format!(
            "实测 {}，按单位产品基准排水量换算（×{}）为 {}",
            with_unit(measured, code),
            num(r),
            with_unit(value, code)
        ),
        None => with_unit(value, code),
    };
    let batik = if broken.batik { "（蜡染）" } else { "" };
    let doc = &cx.standards.water.doc;
    let mut message = match broken.limit {
        Limit::Range(..) => format!(
            "{} {shown}，超出 {doc} {}{}限值 {}（{}）",
            code.label_zh(),
            table.label(),
            broken.column_label,
            broken.limit.describe(),
            cx.derived.table_reason
        ),
        Limit::NotDetected => format!(
            "{} {shown}，{doc} {}{}要求不得检出（{}）",
            code.label_zh(),
            table.label(),
            broken.column_label,
            cx.derived.table_reason
        ),
        Limit::Max(_) => format!(
            "{} {shown}，超过 {doc} {}{}{batik}限值 {}（{}）",
            code.label_zh(),
            table.label(),
            broken.column_label,
            describe_limit(broken.limit, code),
            cx.derived.table_reason
        ),
    };
    if code == WaterPollutant::Cr6 {
        message.push_str("；六价铬在车间或生产设施废水排放口监控");
    }
    if cx.derived.batik_mixed && matches!(code, WaterPollutant::Nh3n | WaterPollutant::Tn) {
        message.push_str("；蜡染与其他产品共用废水处理设施，按 GB 4287 4.5 第二款执行其中最严格的限值（非蜡染产品的限值），不适用蜡染行业限值");
    }
    let mut severity = Severity::Error;
    let mut confidence = if both {
        original.source.confidence
    } else {
        amended.source.confidence.max(original.source.confidence)
    };
    if !both {
        let other_text = describe_limit(other.limit, code);
        message.push_str(&if broken_amended {
            format!("；按2012年原文本{}限值 {other_text} 不超标，超标结论取决于2015年修改单", other.column_label)
        } else {
            format!(
                "；按2015年修改单{}限值 {other_text} 不超标，请核实接纳污水处理厂是否符合修改单该注的条件",
                other.column_label
            )
        });
        confidence = confidence.max(Confidence::V2);
    }

    // Aniline and Cr6+ "not detected": a 2015-06 announcement may have set interim values;
    // only a value above the old Table 1 figure is beyond doubt.
    let mut caveat = None;
    if broken.limit == Limit::NotDetected
        && matches!(code, WaterPollutant::Aniline | WaterPollutant::Cr6)
        && table != Table::T1
    {
        let t1 = cx
            .standards
            .water
            .limit(Table::T1, Column::Direct, code, false)
            .and_then(|l| match l.limit {
                Limit::Max(v) => Some(v),
                _ => None,
            });
        let announcement = &cx.standards.water.not_detected_caveat;
        match t1 {
            Some(t1) if value > t1 => {
                message.push_str(&format!("；即使按表1限值 {} 亦超标", with_unit(t1, code)))
            }
            _ => {
                severity = Severity::Warning;
                confidence = confidence.max(announcement.confidence);
                message.push_str(&format!(
                    "；{}对苯胺类、六价铬执行要求的内容待核实",
                    announcement.doc
                ));
            }
        }
        caveat = Some(announcement);
    }

    let expected = match broken.limit {
        Limit::Max(v) => lvshen_filing::Quantity::Number(v),
        other => lvshen_filing::Quantity::Text(other.describe()),
    };
    if converted_only {
        severity = severity.min(Severity::Warning);
        confidence = confidence.max(Confidence::V2);
        message.push_str(&converted_only_caveat(cx));
    }
    let field = water_pollutant_path(entry.index, "concentration_mg_per_l");
    let mut f = rule
        .finding(severity, field, message)
        .values(expected, value)
        .cite(original.source.doc.clone(), original.source.clause.clone());
    if amended.source != original.source {
        f = f.cite(amended.source.doc.clone(), amended.source.clause.clone());
    }
    if ratio.is_some() {
        let b = &cx.standards.water.benchmark_source;
        f = f.cite(b.doc.clone(), "4.5");
    }
    if cx.derived.batik_mixed && matches!(code, WaterPollutant::Nh3n | WaterPollutant::Tn) {
        f = f.cite(cx.standards.water.doc.clone(), "4.5");
    }
    if let Some(c) = caveat {
        f = f.cite(c.doc.clone(), c.clause.clone());
    }
    f.confidence(confidence)
}

/// The GB 4287 limit that applies to a pollutant at the filing's outlet, for drafting a
/// permit: the amended reading where the 2015 amendment differs (that is the one in force),
/// with its source and the column it comes from. `None` without a discharge route or a
/// limit for the pollutant.
pub fn permit_water_limit(
    cx: &Context<'_>,
    pollutant: WaterPollutant,
) -> Option<(Limit, Source, &'static str)> {
    let (direct, kind) = match cx.derived.discharge {
        Some(crate::context::Discharge::Direct) => (true, None),
        Some(crate::context::Discharge::Indirect(kind)) => (false, kind),
        Some(crate::context::Discharge::None) | None => return None,
    };
    let (_, amended) = readings(cx, direct, kind, pollutant)?;
    Some((amended.limit, amended.source.clone(), amended.column_label))
}
