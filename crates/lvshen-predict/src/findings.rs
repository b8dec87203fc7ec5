//! Declared against computed: the `assessment` section of a filing held against the
//! prediction and against the filing's own numbers, and — for a 报告表 — the 专项评价
//! triggers. Every finding has a stable rule id ([`RULE_IDS`]) and cites its basis; the grade
//! thresholds are [M]/[V2], so grade findings are warnings that say 待核实
//! (`shared/spec/prediction.md` §10).

use lvshen_filing::codes::{
    AirPollutant, DischargeMode, DocumentType, EvalGrade, ReceptorKind, Sensitivity,
    SpecialAssessment,
};
use lvshen_filing::{Category, Confidence, Filing, Finding, Severity};
use lvshen_law::Date;

use crate::air::{air_grade, air_range, fmt};
use crate::benchmark::benchmark;
use crate::{Grade, Missing, Prediction};

/// Every rule id this module reports, with what it checks.
pub const RULE_IDS: &[(&str, &str)] = &[
    ("predict.inputs", "预测所需参数缺失，说明无法预测的内容"),
    (
        "predict.air.benchmark",
        "申报的 C0 或 Pi 与评价日适用的标准不一致",
    ),
    (
        "predict.air.grade_own_numbers",
        "申报大气评价等级低于其自身 Pmax / Ci 所对应的等级",
    ),
    (
        "predict.air.grade_screening",
        "申报大气评价等级低于独立估算所得等级",
    ),
    ("predict.air.ci_low", "申报最大落地浓度远低于独立估算值"),
    ("predict.air.range", "申报评价范围与等级、D10% 不一致"),
    ("predict.air.d10", "Pmax < 10% 却申报了 D10%"),
    (
        "predict.air.protection_distance",
        "敏感目标位于申报的大气环境防护距离内",
    ),
    ("predict.book.grades", "报告书未申报全部要素的评价等级"),
    (
        "predict.water.grade",
        "申报地表水评价等级与排放方式、Q、W 不一致",
    ),
    (
        "predict.water.receiving_capacity",
        "接纳污水处理厂剩余能力小于项目排水量",
    ),
    ("predict.noise.boundary", "厂界噪声预测值超过 GB 12348 限值"),
    (
        "predict.noise.receptor",
        "敏感目标噪声贡献值超过 GB 3096 限值",
    ),
    (
        "predict.noise.declared_low",
        "申报厂界噪声预测值明显低于独立估算值",
    ),
    (
        "predict.noise.grade",
        "申报声环境评价等级低于按功能区判定的等级",
    ),
    (
        "predict.groundwater.grade",
        "申报地下水评价等级低于查表所得等级",
    ),
    (
        "predict.groundwater.sensitivity",
        "申报地下水“不敏感”与申报的饮用水水源保护区不符",
    ),
    ("predict.soil.grade", "申报土壤评价等级低于查表所得等级"),
    (
        "predict.soil.sensitivity",
        "申报土壤“不敏感”而周边有居民区、学校或医院",
    ),
    (
        "predict.risk.grade",
        "申报环境风险评价等级低于 Q、M、E 所得等级",
    ),
    ("predict.table.special_air", "报告表：须设置大气专项评价"),
    (
        "predict.table.special_risk",
        "报告表：须设置环境风险专项评价",
    ),
    (
        "predict.table.special_water",
        "报告表：须设置地表水专项评价",
    ),
];

const HJ22: &str = "HJ 2.2-2018";
const HJ23: &str = "HJ 2.3-2018";
const HJ24: &str = "HJ 2.4-2021";
const HJ610: &str = "HJ 610-2016";
const HJ964: &str = "HJ 964-2018";
const HJ169: &str = "HJ 169-2018";
const TABLE_GUIDE: &str = "建设项目环境影响报告表编制技术指南（污染影响类）（试行）";
/// A declared Ci below this share of the screening estimate is flagged. SCREEN3 and AERSCREEN
/// differ by the meteorology they scan and their dispersion physics; differences of up to a
/// factor of about two either way are ordinary for screening models, so a declared value below
/// a quarter of ours — twice that ordinary spread — is more than a model difference.
pub const CI_LOW_RATIO: f64 = 0.25;
/// A declared boundary level this much below ours is flagged: ours omits air absorption and
/// ground effect, which over a plant's boundary distances (< 300 m) take off about 1–2 dB, so
/// 3 dB (half the sound energy) is more than those omissions explain.
pub const NOISE_LOW_DB: f64 = 3.0;

fn finding(id: &'static str, severity: Severity, field: impl Into<String>, msg: String) -> Finding {
    Finding::new(id, Category::Prediction, severity, field, msg)
}

fn grade_of(g: EvalGrade) -> &'static str {
    g.label_zh()
}

/// All findings of a prediction.
pub fn findings(filing: &Filing, p: &Prediction, as_of: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let doc = filing.project.document_type;
    let grading =
        doc != Some(DocumentType::ReportTable) && doc != Some(DocumentType::RegistrationForm);
    if grading {
        inputs(&mut out, p);
        air(&mut out, filing, p, as_of);
        water(&mut out, filing, p);
        noise(&mut out, filing, p);
        elements(&mut out, filing, p);
        if doc == Some(DocumentType::ReportBook) {
            book_grades(&mut out, filing);
        }
    } else if doc == Some(DocumentType::ReportTable) {
        special(&mut out, filing, p);
    }
    out
}

fn inputs(out: &mut Vec<Finding>, p: &Prediction) {
    let sections: [(&str, &[Missing]); 6] = [
        ("大气", &p.air.missing),
        ("声环境", &p.noise.missing),
        ("地表水", &p.water.missing),
        ("地下水", &p.groundwater.missing),
        ("土壤", &p.soil.missing),
        ("环境风险", &p.risk.missing),
    ];
    // One finding for the whole prediction: per element, the first thing missing.
    let mut parts = Vec::new();
    let mut first_field = None;
    let mut total = 0;
    for (element, missing) in sections {
        total += missing.len();
        let Some(first) = missing.first() else {
            continue;
        };
        first_field.get_or_insert_with(|| first.field.clone());
        let more = if missing.len() > 1 {
            format!("（另 {} 项）", missing.len() - 1)
        } else {
            String::new()
        };
        parts.push(format!("{element}：{}{more}", first.message));
    }
    let Some(field) = first_field else { return };
    out.push(
        finding(
            "predict.inputs",
            Severity::Info,
            field,
            format!(
                "规范化预测评价有 {total} 处因缺少参数未能进行。{}。详见 lvshen predict",
                parts.join("；")
            ),
        )
        .cite("绿审填报格式扩展", "docs/filing-extensions.md 预测评价字段"),
    );
}

fn air(out: &mut Vec<Finding>, filing: &Filing, p: &Prediction, as_of: Date) {
    let Some(a) = &filing.assessment else { return };
    let zone = filing.location.air_zone;
    // Pi from the filing's own Ci with the C0 in force.
    let mut own_pmax = a.air_pmax_percent;
    for r in a.air_results.as_deref().unwrap_or_default() {
        let field = format!("assessment.air_results[{}]", r.index);
        let Ok(b) = benchmark(r.pollutant, as_of, zone) else {
            continue;
        };
        if let Some(c0) = r.c0_ug_per_m3
            && (c0 - b.c0_ug_per_m3).abs() > 0.01 * b.c0_ug_per_m3
        {
            out.push(
                finding(
                    "predict.air.benchmark",
                    Severity::Warning,
                    format!("{field}.c0_ug_per_m3"),
                    format!(
                        "{} {} 申报 C0 = {} µg/m³，评价日适用的 C0 为 {} µg/m³（{}）",
                        r.outlet,
                        r.pollutant.label_zh(),
                        fmt(c0),
                        fmt(b.c0_ug_per_m3),
                        b.basis
                    ),
                )
                .values(b.c0_ug_per_m3, c0)
                .cite(HJ22, "5.2、附录D")
                .cite(
                    crate::benchmark::gb3095_edition(as_of)
                        .split('（')
                        .next()
                        .unwrap_or("GB 3095"),
                    "表1",
                )
                .confidence(b.confidence),
            );
        }
        if let Some(ci) = r.ci_ug_per_m3 {
            let pi = ci / b.c0_ug_per_m3 * 100.0;
            own_pmax = Some(own_pmax.map_or(pi, |m: f64| m.max(pi)));
            if let Some(declared) = r.pi_percent
                && (declared - pi).abs() > 0.02 * pi.max(0.05)
            {
                out.push(
                    finding(
                        "predict.air.benchmark",
                        Severity::Warning,
                        format!("{field}.pi_percent"),
                        format!(
                            "{} {} 申报 Pi = {}%，按申报 Ci = {} µg/m³ 与 C0 = {} µg/m³ 计算应为 {}%",
                            r.outlet,
                            r.pollutant.label_zh(),
                            fmt(declared),
                            fmt(ci),
                            fmt(b.c0_ug_per_m3),
                            fmt(pi)
                        ),
                    )
                    .values(pi, declared)
                    .cite(HJ22, "5.3")
                    .confidence(b.confidence),
                );
            }
            // Declared Ci against the screening estimate.
            if let Some(ours) = p
                .air
                .results
                .iter()
                .find(|o| o.outlet == r.outlet && o.pollutant == r.pollutant.code())
                && ci < CI_LOW_RATIO * ours.max_ug_per_m3
            {
                out.push(
                    finding(
                        "predict.air.ci_low",
                        Severity::Warning,
                        format!("{field}.ci_ug_per_m3"),
                        format!(
                            "{} {} 申报最大落地浓度 {} µg/m³，不足独立筛选估算值 {} µg/m³（{} m，{} 类稳定度）的 {}%；估算模式不同可致差异，但差距超出常见范围，请核对估算参数（源强、烟气参数、城市/农村选项）",
                            r.outlet,
                            r.pollutant.label_zh(),
                            fmt(ci),
                            fmt(ours.max_ug_per_m3),
                            fmt(ours.distance_m),
                            ours.stability,
                            fmt(CI_LOW_RATIO * 100.0)
                        ),
                    )
                    .values(ours.max_ug_per_m3, ci)
                    .cite(HJ22, "5.3、附录B 估算模型")
                    .confidence(Confidence::M),
                );
            }
        }
    }
    if let Some(declared) = a.air_grade {
        if let Some(pmax) = own_pmax {
            let own = air_grade(pmax);
            if declared.rank() < own.rank() {
                out.push(
                    finding(
                        "predict.air.grade_own_numbers",
                        Severity::Warning,
                        "assessment.air_grade",
                        format!(
                            "申报大气评价等级为{}，但按申报的占标率 Pmax = {}% 应为{}",
                            grade_of(declared),
                            fmt(pmax),
                            own.label_zh()
                        ),
                    )
                    .values(own.label_zh(), grade_of(declared))
                    .cite(HJ22, "5.3 评价等级判定")
                    .confidence(Confidence::M),
                );
            }
        }
        if let (Some(ours), Some(pmax)) = (p.air.grade, p.air.pmax_percent)
            && declared.rank() < ours.rank()
        {
            out.push(
                finding(
                    "predict.air.grade_screening",
                    Severity::Warning,
                    "assessment.air_grade",
                    format!(
                        "申报大气评价等级为{}，独立筛选估算 Pmax = {}%（{}）对应{}；两种估算模式结果可不同，请核对估算参数",
                        grade_of(declared),
                        fmt(pmax),
                        p.air.pmax_source.as_deref().unwrap_or(""),
                        ours.label_zh()
                    ),
                )
                .values(ours.label_zh(), grade_of(declared))
                .cite(HJ22, "5.3 评价等级判定")
                .confidence(Confidence::M),
            );
        }
        // Range and D10% consistent with the declared grade.
        let grade = match declared {
            EvalGrade::One => Some(Grade::One),
            EvalGrade::Two => Some(Grade::Two),
            EvalGrade::Three => Some(Grade::Three),
            _ => None,
        };
        if let (Some(grade), Some(range)) = (grade, a.air_range_km) {
            let (expected, words) = air_range(grade, a.air_d10_m.unwrap_or(0.0));
            let expected_km = expected.unwrap_or(0.0);
            if (range - expected_km).abs() > 0.5 {
                out.push(
                    finding(
                        "predict.air.range",
                        Severity::Warning,
                        "assessment.air_range_km",
                        format!(
                            "申报评价范围边长 {} km，与{}{}不符：应为{}",
                            fmt(range),
                            grade_of(declared),
                            a.air_d10_m
                                .map(|d| format!("、D10% = {} m", fmt(d)))
                                .unwrap_or_default(),
                            words
                        ),
                    )
                    .values(expected_km, range)
                    .cite(HJ22, "5.4 评价范围")
                    .confidence(Confidence::M),
                );
            }
        }
    }
    if let (Some(d10), Some(pmax)) = (a.air_d10_m, a.air_pmax_percent)
        && d10 > 0.0
        && pmax < 10.0
    {
        out.push(
            finding(
                "predict.air.d10",
                Severity::Warning,
                "assessment.air_d10_m",
                format!(
                    "申报 Pmax = {}% < 10%，地面浓度不会达到标准的 10%，D10% 应为 0 或不适用，申报为 {} m",
                    fmt(pmax),
                    fmt(d10)
                ),
            )
            .values(0.0, d10)
            .cite(HJ22, "5.3 D10% 定义")
            .confidence(Confidence::M),
        );
    }
    if let Some(distance) = a.protection_distance_m.filter(|d| *d > 0.0) {
        for r in filing.receptors() {
            let sensitive = matches!(
                r.kind,
                Some(ReceptorKind::Residential | ReceptorKind::School | ReceptorKind::Hospital)
            );
            if let (true, Some(d)) = (sensitive, r.distance_m)
                && d < distance
            {
                out.push(
                    finding(
                        "predict.air.protection_distance",
                        Severity::Warning,
                        format!("receptors[{}].distance_m", r.index),
                        format!(
                            "敏感目标“{}”距离 {} m，小于申报的大气环境防护距离 {} m；防护区只覆盖超标网格所在方向，请按方位（{}）核实其是否位于防护区内，防护区内不得有长期居住人群",
                            r.name,
                            fmt(d),
                            fmt(distance),
                            r.direction.as_deref().unwrap_or("未申报")
                        ),
                    )
                    .values(distance, d)
                    .cite(HJ22, "8.7.5 大气环境防护距离")
                    .confidence(Confidence::M),
                );
            }
        }
    }
}

fn book_grades(out: &mut Vec<Finding>, filing: &Filing) {
    let Some(a) = &filing.assessment else { return };
    let mut missing = Vec::new();
    for (name, grade) in [
        ("大气（air_grade）", a.air_grade),
        ("地表水（water_grade）", a.water_grade),
        ("声环境（noise_grade）", a.noise_grade),
        ("地下水（groundwater_grade）", a.groundwater_grade),
        ("土壤（soil_grade）", a.soil_grade),
        ("环境风险（risk_grade）", a.risk_grade),
    ] {
        if grade.is_none() {
            missing.push(name);
        }
    }
    if !missing.is_empty() {
        out.push(
            finding(
                "predict.book.grades",
                Severity::Warning,
                "assessment",
                format!(
                    "报告书应对各环境要素确定评价工作等级，未申报：{}",
                    missing.join("、")
                ),
            )
            .cite("中华人民共和国环境影响评价法", "第十七条")
            .cite(HJ22, "5.3")
            .confidence(Confidence::M),
        );
    }
}

fn water(out: &mut Vec<Finding>, filing: &Filing, p: &Prediction) {
    let mode = filing.water.as_ref().and_then(|w| w.discharge_mode);
    if let (Some(spare), Some(q), Some(DischargeMode::Indirect)) = (
        p.water.receiving_spare_m3_per_day,
        p.water.q_m3_per_day,
        mode,
    ) && q > spare
    {
        out.push(
            finding(
                "predict.water.receiving_capacity",
                Severity::Warning,
                "water.receiving_spare_capacity_m3_per_day",
                format!(
                    "项目排水量 {} m³/d 大于接纳污水处理厂申报的剩余处理能力 {} m³/d，依托污水处理厂的环境可行性不成立",
                    fmt(q),
                    fmt(spare)
                ),
            )
            .values(q, spare)
            .cite(HJ23, "5.2 三级B 评价要求")
            .confidence(Confidence::M),
        );
    }
    let (Some(declared), Some(ours)) = (
        filing.assessment.as_ref().and_then(|a| a.water_grade),
        p.water.grade,
    ) else {
        return;
    };
    let mismatch = match mode {
        Some(DischargeMode::Indirect) | Some(DischargeMode::None) => declared != EvalGrade::ThreeB,
        Some(DischargeMode::Direct) => {
            declared == EvalGrade::ThreeB || declared.rank() < ours.rank()
        }
        None => false,
    };
    if mismatch {
        out.push(
            finding(
                "predict.water.grade",
                Severity::Warning,
                "assessment.water_grade",
                format!(
                    "申报地表水评价等级为{}，应为{}（{}）",
                    grade_of(declared),
                    ours.label_zh(),
                    p.water.grade_basis.as_deref().unwrap_or("HJ 2.3-2018 表1")
                ),
            )
            .values(ours.label_zh(), grade_of(declared))
            .cite(HJ23, "表1 水污染影响型建设项目评价等级判定")
            .cite("中华人民共和国环境保护税法", "附表二 应税污染物和当量值表")
            .confidence(Confidence::M),
        );
    }
}

fn noise(out: &mut Vec<Finding>, filing: &Filing, p: &Prediction) {
    for (i, b) in p.noise.boundary.iter().enumerate() {
        for (period, level, limit) in [
            ("昼间", b.day_db, b.day_limit_db),
            ("夜间", b.night_db, b.night_limit_db),
        ] {
            if let (Some(level), Some(limit)) = (level, limit)
                && level > limit
            {
                out.push(
                    finding(
                        "predict.noise.boundary",
                        Severity::Warning,
                        format!("noise.boundary_points[{i}]"),
                        format!(
                            "{}{}噪声贡献值预测为 {} dB(A)，超过 {} 限值 {} dB(A)（最近声源：{}，{} m）；请核实隔声降噪措施",
                            b.point,
                            period,
                            fmt(level),
                            b.limit_basis.unwrap_or("GB 12348-2008"),
                            fmt(limit),
                            b.nearest_source.as_deref().unwrap_or(""),
                            b.nearest_m.map(fmt).unwrap_or_default()
                        ),
                    )
                    .values(limit, level)
                    .cite("GB 12348-2008", "表1 工业企业厂界环境噪声排放限值"),
                );
            }
        }
    }
    let receptor_index = |name: &str| {
        filing
            .receptors()
            .iter()
            .find(|r| r.name == name)
            .map(|r| r.index)
    };
    for r in &p.noise.receptors {
        for (period, level, limit) in [
            ("昼间", r.day_db, r.day_limit_db),
            ("夜间", r.night_db, r.night_limit_db),
        ] {
            if let (Some(level), Some(limit)) = (level, limit)
                && level > limit
            {
                out.push(
                    finding(
                        "predict.noise.receptor",
                        Severity::Warning,
                        format!("receptors[{}]", receptor_index(&r.point).unwrap_or(0)),
                        format!(
                            "敏感目标“{}”{}项目噪声贡献值预测为 {} dB(A)，已超过 {} 限值 {} dB(A)（未计背景噪声）",
                            r.point,
                            period,
                            fmt(level),
                            r.limit_basis.unwrap_or("GB 3096-2008"),
                            fmt(limit)
                        ),
                    )
                    .values(limit, level)
                    .cite("GB 3096-2008", "表1 环境噪声限值")
                    .confidence(Confidence::V2),
                );
            }
        }
    }
    let Some(a) = &filing.assessment else { return };
    for d in a.noise_boundary.as_deref().unwrap_or_default() {
        let Some(ours) = p.noise.boundary.iter().find(|b| b.point == d.point) else {
            continue;
        };
        for (period, declared, computed) in [
            ("昼间", d.day_db, ours.day_db),
            ("夜间", d.night_db, ours.night_db),
        ] {
            if let (Some(declared), Some(computed)) = (declared, computed)
                && declared < computed - NOISE_LOW_DB
            {
                out.push(
                    finding(
                        "predict.noise.declared_low",
                        Severity::Warning,
                        format!("assessment.noise_boundary[{}]", d.index),
                        format!(
                            "{}{}申报预测值 {} dB(A)，按申报声源几何发散计算为 {} dB(A)，低 {} dB 以上；请核实所计衰减（隔声、屏障、距离）是否已在申报中说明",
                            d.point,
                            period,
                            fmt(declared),
                            fmt(computed),
                            fmt(NOISE_LOW_DB)
                        ),
                    )
                    .values(computed, declared)
                    .cite(HJ24, "附录A 户外声传播衰减")
                    .confidence(Confidence::M),
                );
            }
        }
    }
    if let (Some(declared), Some(ours)) = (a.noise_grade, p.noise.grade)
        && declared.rank() < ours.rank()
    {
        out.push(
            finding(
                "predict.noise.grade",
                Severity::Warning,
                "assessment.noise_grade",
                format!(
                    "申报声环境评价等级为{}，{}，应为{}",
                    grade_of(declared),
                    p.noise.grade_basis.as_deref().unwrap_or(""),
                    ours.label_zh()
                ),
            )
            .values(ours.label_zh(), grade_of(declared))
            .cite(HJ24, "评价等级划分")
            .confidence(Confidence::M),
        );
    }
}

fn elements(out: &mut Vec<Finding>, filing: &Filing, p: &Prediction) {
    let a = filing.assessment.as_ref();
    let checks = [
        (
            "predict.groundwater.grade",
            "assessment.groundwater_grade",
            "地下水",
            a.and_then(|a| a.groundwater_grade),
            p.groundwater.grade,
            p.groundwater.basis.as_deref(),
            (HJ610, "表2 评价工作等级分级"),
            Confidence::M,
        ),
        (
            "predict.soil.grade",
            "assessment.soil_grade",
            "土壤",
            a.and_then(|a| a.soil_grade),
            p.soil.grade,
            p.soil.basis.as_deref(),
            (HJ964, "表4 污染影响型评价工作等级划分"),
            Confidence::M,
        ),
        (
            "predict.risk.grade",
            "assessment.risk_grade",
            "环境风险",
            a.and_then(|a| a.risk_grade),
            p.risk.grade,
            p.risk.basis.as_deref(),
            (HJ169, "表1、表2、附录C"),
            Confidence::V2,
        ),
    ];
    for (id, field, element, declared, ours, basis, (doc, clause), confidence) in checks {
        if let (Some(declared), Some(ours)) = (declared, ours)
            && declared.rank() < ours.rank()
        {
            out.push(
                finding(
                    id,
                    Severity::Warning,
                    field,
                    format!(
                        "申报{element}评价等级为{}，{}",
                        grade_of(declared),
                        basis.unwrap_or("查表所得等级更高")
                    ),
                )
                .values(ours.label_zh(), grade_of(declared))
                .cite(doc, clause)
                .confidence(confidence),
            );
        }
    }
    if filing.location.groundwater_sensitivity == Some(Sensitivity::Insensitive)
        && let Some(r) = filing
            .receptors()
            .iter()
            .find(|r| r.kind == Some(ReceptorKind::WaterSource))
    {
        out.push(
            finding(
                "predict.groundwater.sensitivity",
                Severity::Warning,
                "location.groundwater_sensitivity",
                format!(
                    "申报地下水环境“不敏感”，但申报的敏感目标中有饮用水水源保护区“{}”（{}）；集中式饮用水水源准保护区及其补给径流区为敏感或较敏感，请核实",
                    r.name,
                    r.distance_m.map(|d| format!("{} m", fmt(d))).unwrap_or_default()
                ),
            )
            .cite(HJ610, "表1 地下水环境敏感程度分级")
            .confidence(Confidence::M),
        );
    }
    if filing.location.soil_sensitivity == Some(Sensitivity::Insensitive)
        && let Some(r) = filing.receptors().iter().find(|r| {
            matches!(
                r.kind,
                Some(ReceptorKind::Residential | ReceptorKind::School | ReceptorKind::Hospital)
            ) && r.distance_m.is_some_and(|d| d <= 200.0)
        })
    {
        out.push(
            finding(
                "predict.soil.sensitivity",
                Severity::Warning,
                "location.soil_sensitivity",
                format!(
                    "申报土壤环境“不敏感”，但{}“{}”距离仅 {} m；HJ 964 将周边有居民区、学校、医院等列为敏感（导则未界定“周边”的距离，本提示取 200 m），请核实",
                    r.kind.map(|k| k.label_zh()).unwrap_or(""),
                    r.name,
                    r.distance_m.map(fmt).unwrap_or_default()
                ),
            )
            .cite(HJ964, "表3 污染影响型敏感程度分级")
            .confidence(Confidence::V2),
        );
    }
}

/// 报告表: the 专项评价 triggers of 表1.
fn special(out: &mut Vec<Finding>, filing: &Filing, p: &Prediction) {
    let declared = filing
        .assessment
        .as_ref()
        .and_then(|a| a.special_assessments.clone());
    let mut require =
        |id: &'static str, kind: SpecialAssessment, field: String, why: String, clause: &str| {
            let has = declared.as_ref().map(|d| d.contains(&kind));
            let tail = match has {
                Some(true) => return,
                Some(false) => format!(
                    "，申报的专项评价（assessment.special_assessments）中没有{}专项",
                    kind.label_zh()
                ),
                None => "，请核实报告表是否已设置（可在 assessment.special_assessments 中申报）"
                    .to_owned(),
            };
            out.push(
                finding(
                    id,
                    Severity::Warning,
                    field,
                    format!("{why}：应设置{}专项评价{tail}", kind.label_zh()),
                )
                .cite(TABLE_GUIDE, clause)
                .confidence(Confidence::V2),
            );
        };
    // 大气: 有毒有害污染物 (甲醛 is on the 2018 list) in the exhaust and a protection target
    // within 500 m of the boundary.
    let formaldehyde = filing
        .air_outlets()
        .iter()
        .find(|o| o.pollutant(AirPollutant::Formaldehyde).is_some());
    let near = filing.receptors().iter().find(|r| {
        matches!(
            r.kind,
            Some(
                ReceptorKind::Residential
                    | ReceptorKind::School
                    | ReceptorKind::Hospital
                    | ReceptorKind::NatureReserve
            )
        ) && r.distance_m.is_some_and(|d| d <= 500.0)
    });
    if let (Some(o), Some(r)) = (formaldehyde, near) {
        require(
            "predict.table.special_air",
            SpecialAssessment::Air,
            format!("air.outlets[{}]", o.index),
            format!(
                "排放口 {} 废气含甲醛（《有毒有害大气污染物名录》所列），厂界外 500 m 内有环境空气保护目标“{}”（{} m）",
                o.id,
                r.name,
                r.distance_m.map(fmt).unwrap_or_default()
            ),
            "表1 专项评价设置原则 大气",
        );
    }
    // 环境风险: hazardous substances stored above the critical quantity.
    if let Some(q) = p.risk.q
        && q >= 1.0
    {
        require(
            "predict.table.special_risk",
            SpecialAssessment::Risk,
            "risk.substances".into(),
            format!(
                "危险物质存储量超过临界量（Q = {}：{}）",
                fmt(q),
                p.risk.q_terms.join("、")
            ),
            "表1 专项评价设置原则 环境风险（注3：见 HJ 169 附录B、C）",
        );
    }
    // 地表水: new direct discharge of industrial wastewater.
    if filing.water.as_ref().and_then(|w| w.discharge_mode) == Some(DischargeMode::Direct) {
        require(
            "predict.table.special_water",
            SpecialAssessment::SurfaceWater,
            "water.discharge_mode".into(),
            "工业废水直接排放".into(),
            "表1 专项评价设置原则 地表水",
        );
    }
}
