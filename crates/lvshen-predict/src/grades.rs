//! Groundwater (HJ 610-2016), soil (HJ 964-2018) and environmental risk (HJ 169-2018): the
//! categories and grade look-ups as far as `shared/spec/prediction.md` §4–§6 carries them, with
//! their confidence ([M] for the HJ 610/964 tables and the textile rows, [V2] for the HJ 169
//! tables transcribed by a third party).

use lvshen_filing::Filing;
use lvshen_filing::codes::{DocumentType, Process, RiskE, Sensitivity};
use serde::Serialize;

use crate::air::fmt;
use crate::{Grade, Missing};

/// One element's category, sensitivity and grade.
#[derive(Debug, Clone, Serialize)]
pub struct ElementGrade {
    pub category: Option<String>,
    pub sensitivity: Option<&'static str>,
    pub grade: Option<Grade>,
    pub basis: Option<String>,
    pub confidence: &'static str,
    pub missing: Vec<Missing>,
}

/// The risk section.
#[derive(Debug, Clone, Serialize)]
pub struct RiskPrediction {
    pub q: Option<f64>,
    pub q_terms: Vec<String>,
    pub m: Option<f64>,
    pub m_basis: Option<String>,
    pub p: Option<&'static str>,
    pub e_air: Option<&'static str>,
    pub e_surface_water: Option<&'static str>,
    pub e_groundwater: Option<&'static str>,
    /// Risk potential per element and overall (I, II, III, IV, IV+).
    pub potential: Option<&'static str>,
    pub grade: Option<Grade>,
    pub basis: Option<String>,
    pub confidence: &'static str,
    pub missing: Vec<Missing>,
}

/// The textile rows of HJ 610 附录A and HJ 964 附录A [M]: dyeing, wool scouring, degumming and
/// silk reeling (and their wastewaters).
fn textile_row(filing: &Filing) -> bool {
    filing.processes().iter().any(|p| {
        p.is_dyeing_core()
            || matches!(
                p,
                Process::WoolScouring | Process::Degumming | Process::SilkReeling
            )
    })
}

/// HJ 610-2016 [M].
pub fn groundwater(filing: &Filing) -> ElementGrade {
    let mut out = ElementGrade {
        category: None,
        sensitivity: filing
            .location
            .groundwater_sensitivity
            .map(|s| s.label_zh()),
        grade: None,
        basis: None,
        confidence: "M",
        missing: Vec::new(),
    };
    if !textile_row(filing) {
        out.missing.push(Missing::new(
            "processes",
            "无法确定地下水项目类别：申报工序不属于本系统收录的 HJ 610 附录A 纺织行（染整、洗毛、脱胶、缫丝）",
        ));
        return out;
    }
    let Some(doc) = filing.project.document_type else {
        out.missing.push(Missing::new(
            "project.document_type",
            "无法确定地下水项目类别：缺少 project.document_type（报告书 II 类，报告表 IV 类）",
        ));
        return out;
    };
    let category = match doc {
        DocumentType::ReportBook => 2u8,
        _ => 4,
    };
    out.category = Some(format!("{}类", roman(category)));
    if category == 4 {
        out.grade = Some(Grade::None);
        out.basis = Some("IV 类项目不开展地下水环境影响评价".into());
        return out;
    }
    let Some(sens) = filing.location.groundwater_sensitivity else {
        out.missing.push(Missing::new(
            "location.groundwater_sensitivity",
            "无法判定地下水评价等级：缺少 location.groundwater_sensitivity（敏感 / 较敏感 / 不敏感）",
        ));
        return out;
    };
    // Table 2: rows sensitivity, columns I/II/III.
    let grade = match (sens, category) {
        (Sensitivity::Sensitive, 1 | 2) => Grade::One,
        (Sensitivity::Sensitive, _) => Grade::Two,
        (Sensitivity::LessSensitive, 1) => Grade::One,
        (Sensitivity::LessSensitive, 2) => Grade::Two,
        (Sensitivity::LessSensitive, _) => Grade::Three,
        (Sensitivity::Insensitive, 1) => Grade::Two,
        (Sensitivity::Insensitive, _) => Grade::Three,
    };
    out.grade = Some(grade);
    out.basis = Some(format!(
        "HJ 610-2016 表2：{}类项目、{} → {}",
        roman(category),
        sens.label_zh(),
        grade.label_zh()
    ));
    out
}

/// HJ 964-2018 [M] (sensitivity definitions [V2]).
pub fn soil(filing: &Filing) -> ElementGrade {
    let mut out = ElementGrade {
        category: None,
        sensitivity: filing.location.soil_sensitivity.map(|s| s.label_zh()),
        grade: None,
        basis: None,
        confidence: "M",
        missing: Vec::new(),
    };
    if !textile_row(filing) {
        out.missing.push(Missing::new(
            "processes",
            "无法确定土壤项目类别：申报工序不属于本系统收录的 HJ 964 附录A 纺织行（染整、洗毛、脱胶、缫丝）",
        ));
        return out;
    }
    out.category = Some("II类".into());
    let Some(area) = filing.location.land_area_m2 else {
        out.missing.push(Missing::new(
            "location.land_area_m2",
            "无法判定土壤评价等级：缺少 location.land_area_m2（永久占地规模）",
        ));
        return out;
    };
    let hm2 = area / 10_000.0;
    let (scale, scale_zh) = if hm2 >= 50.0 {
        (0usize, "大型")
    } else if hm2 > 5.0 {
        (1, "中型")
    } else {
        (2, "小型")
    };
    let Some(sens) = filing.location.soil_sensitivity else {
        out.missing.push(Missing::new(
            "location.soil_sensitivity",
            "无法判定土壤评价等级：缺少 location.soil_sensitivity（敏感 / 较敏感 / 不敏感）",
        ));
        return out;
    };
    // Table 4, II类 columns (大, 中, 小).
    let row = match sens {
        Sensitivity::Sensitive => [Grade::Two, Grade::Two, Grade::Two],
        Sensitivity::LessSensitive => [Grade::Two, Grade::Two, Grade::Three],
        Sensitivity::Insensitive => [Grade::Two, Grade::Three, Grade::Three],
    };
    let grade = row[scale];
    out.grade = Some(grade);
    out.basis = Some(format!(
        "HJ 964-2018 表4：II类、{scale_zh}（占地 {} hm²）、{} → {}",
        fmt(hm2),
        sens.label_zh(),
        grade.label_zh()
    ));
    out
}

/// HJ 169-2018 [V2].
pub fn risk(filing: &Filing) -> RiskPrediction {
    let mut out = RiskPrediction {
        q: None,
        q_terms: Vec::new(),
        m: None,
        m_basis: None,
        p: None,
        e_air: None,
        e_surface_water: None,
        e_groundwater: None,
        potential: None,
        grade: None,
        basis: None,
        confidence: "V2",
        missing: Vec::new(),
    };
    let Some(risk) = &filing.risk else {
        out.missing.push(Missing::new(
            "risk",
            "无法判定环境风险评价等级：未申报 risk（危险物质最大存在量与临界量）",
        ));
        return out;
    };
    let mut q = 0.0;
    for s in risk.substances.as_deref().unwrap_or_default() {
        if let (Some(stored), Some(critical)) = (s.max_storage_t, s.critical_quantity_t) {
            q += stored / critical;
            out.q_terms
                .push(format!("{} {}/{}", s.name, fmt(stored), fmt(critical)));
        }
    }
    if out.q_terms.is_empty() {
        out.missing.push(Missing::new(
            "risk.substances",
            "无法计算 Q：未申报危险物质的最大存在量与临界量",
        ));
        return out;
    }
    out.q = Some(q);
    if q < 1.0 {
        out.potential = Some("I");
        out.grade = Some(Grade::Simple);
        out.basis = Some(format!(
            "Q = {} < 1，风险潜势为 I，开展简单分析（HJ 169-2018 附录C、表1）",
            fmt(q)
        ));
        return out;
    }
    // M: declared, else 5 (涉及危险物质使用、贮存的项目, 表C.1 “其他”).
    let m = match risk.m_value {
        Some(m) => {
            out.m_basis = Some("申报 risk.m_value".into());
            m
        }
        None => {
            out.m_basis = Some(
                "未申报 risk.m_value，按表C.1“其他：涉及危险物质使用、贮存的项目”计 5 分".into(),
            );
            5.0
        }
    };
    out.m = Some(m);
    let m_class = if m > 20.0 {
        0
    } else if m > 10.0 {
        1
    } else if m > 5.0 {
        2
    } else {
        3
    };
    let q_class = if q >= 100.0 {
        0
    } else if q >= 10.0 {
        1
    } else {
        2
    };
    const P: [[&str; 4]; 3] = [
        ["P1", "P1", "P2", "P3"],
        ["P1", "P2", "P3", "P4"],
        ["P2", "P3", "P4", "P4"],
    ];
    let p = P[q_class][m_class];
    out.p = Some(p);
    // E for air from the populations (表D.1); the water elements declared.
    let e_air = match (risk.population_500m, risk.population_5km) {
        (None, None) => None,
        (p500, p5k) => {
            let by_5k = p5k.map(|n| {
                if n > 50_000.0 {
                    1
                } else if n >= 10_000.0 {
                    2
                } else {
                    3
                }
            });
            let by_500 = p500.map(|n| {
                if n > 1000.0 {
                    1
                } else if n >= 500.0 {
                    2
                } else {
                    3
                }
            });
            [by_5k, by_500].into_iter().flatten().min()
        }
    };
    let e_name = |e: u8| match e {
        1 => "E1",
        2 => "E2",
        _ => "E3",
    };
    let e_code = |e: RiskE| match e {
        RiskE::E1 => 1u8,
        RiskE::E2 => 2,
        RiskE::E3 => 3,
    };
    out.e_air = e_air.map(e_name);
    out.e_surface_water = risk.e_surface_water.map(|e| e_name(e_code(e)));
    out.e_groundwater = risk.e_groundwater.map(|e| e_name(e_code(e)));
    let es: Vec<u8> = [
        e_air,
        risk.e_surface_water.map(e_code),
        risk.e_groundwater.map(e_code),
    ]
    .into_iter()
    .flatten()
    .collect();
    if e_air.is_none() {
        out.missing.push(Missing::new(
            "risk.population_500m",
            "未申报 risk.population_500m / population_5km，未判定大气环境敏感程度 E",
        ));
    }
    if es.is_empty() {
        out.basis = Some(format!(
            "Q = {}，M = {}，P = {p}；缺少环境敏感程度 E，无法判定潜势",
            fmt(q),
            fmt(m)
        ));
        return out;
    }
    // Table 2: potential by E (rows) and P (columns); the project takes the highest element.
    const POTENTIAL: [[&str; 4]; 3] = [
        ["IV+", "IV", "III", "III"],
        ["IV", "III", "III", "II"],
        ["III", "III", "II", "I"],
    ];
    let p_col = usize::from(p.as_bytes()[1] - b'1');
    let rank = |s: &str| match s {
        "IV+" => 5,
        "IV" => 4,
        "III" => 3,
        "II" => 2,
        _ => 1,
    };
    let potential = es
        .iter()
        .map(|&e| POTENTIAL[usize::from(e - 1)][p_col])
        .max_by_key(|s| rank(s))
        .unwrap_or("I");
    out.potential = Some(potential);
    let grade = match potential {
        "IV+" | "IV" => Grade::One,
        "III" => Grade::Two,
        "II" => Grade::Three,
        _ => Grade::Simple,
    };
    out.grade = Some(grade);
    out.basis = Some(format!(
        "Q = {}，M = {}，P = {p}，最高要素潜势 {potential} → {}（HJ 169-2018 表1、表2、附录C、D）",
        fmt(q),
        fmt(m),
        grade.label_zh()
    ));
    out
}

fn roman(n: u8) -> &'static str {
    match n {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}
