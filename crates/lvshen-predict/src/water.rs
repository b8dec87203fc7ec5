//! Surface water: the HJ 2.3-2018 grade (表1 [M]) from the discharge mode, the daily flow Q and
//! the pollution equivalents W recomputed from the declared annual loads with the 污染当量值 of
//! 《中华人民共和国环境保护税法》附表二 [V] (`shared/spec/prediction.md` §2.2–2.4); for indirect
//! discharge, the receiving plant's declared spare capacity against the project's flow.

use lvshen_filing::codes::{DischargeMode, WaterPollutant};
use lvshen_filing::{Filing, WaterPollutantEntry};
use serde::Serialize;

use crate::air::fmt;
use crate::{Grade, Missing};

/// The water section of a prediction.
#[derive(Debug, Clone, Serialize)]
pub struct WaterPrediction {
    pub discharge_mode: Option<&'static str>,
    pub grade: Option<Grade>,
    pub grade_basis: Option<String>,
    /// Daily wastewater, m³/d.
    pub q_m3_per_day: Option<f64>,
    pub q_basis: Option<String>,
    /// Pollution equivalents per pollutant (class-1 pollutants summed as one line).
    pub equivalents: Vec<Equivalent>,
    /// The largest W, which decides the grade.
    pub w_max: Option<f64>,
    /// W of colour if it were counted (HJ 2.3 Appendix A may or may not include it).
    pub w_color_if_counted: Option<f64>,
    pub receiving_spare_m3_per_day: Option<f64>,
    pub missing: Vec<Missing>,
}

/// W of one pollutant.
#[derive(Debug, Clone, Serialize)]
pub struct Equivalent {
    pub pollutant: String,
    pub load_kg_per_year: f64,
    pub equivalent_value_kg: f64,
    pub w: f64,
    pub class1: bool,
}

/// 污染当量值 (kg) of 环境保护税法 附表二 [V] for the filing's water codes; class-1 flag.
pub fn equivalent_value(code: WaterPollutant) -> Option<(f64, bool)> {
    Some(match code {
        WaterPollutant::Cod => (1.0, false),
        WaterPollutant::Bod5 => (0.5, false),
        WaterPollutant::Ss => (4.0, false),
        WaterPollutant::Nh3n => (0.8, false),
        WaterPollutant::Tp => (0.25, false),
        WaterPollutant::Sulfide => (0.125, false),
        WaterPollutant::Aniline => (0.2, false),
        WaterPollutant::Aox => (0.25, false),
        WaterPollutant::Cr6 => (0.02, true),
        // 总氮, 总锑, 二氧化氯: not in 附表二; pH and colour are counted otherwise.
        _ => return None,
    })
}

/// Predicts the water section.
pub fn predict_water(filing: &Filing) -> WaterPrediction {
    let mut out = WaterPrediction {
        discharge_mode: None,
        grade: None,
        grade_basis: None,
        q_m3_per_day: None,
        q_basis: None,
        equivalents: Vec::new(),
        w_max: None,
        w_color_if_counted: None,
        receiving_spare_m3_per_day: None,
        missing: Vec::new(),
    };
    let Some(water) = &filing.water else {
        out.missing.push(Missing::new(
            "water",
            "无法判定地表水评价等级：未申报 water",
        ));
        return out;
    };
    out.discharge_mode = water.discharge_mode.map(|m| m.label_zh());
    // Q: the day's figure, else the annual discharge over the working days.
    let days = filing.project.operating_days_per_year;
    match (water.daily_discharged_m3, water.discharged_t_per_year, days) {
        (Some(q), _, _) => {
            out.q_m3_per_day = Some(q);
            out.q_basis = Some("water.daily_discharged_m3".into());
        }
        (None, Some(annual), Some(days)) if days > 0.0 => {
            out.q_m3_per_day = Some(annual / days);
            out.q_basis = Some(format!(
                "年排水量 {} t ÷ 年生产 {} 天",
                fmt(annual),
                fmt(days)
            ));
        }
        _ => {}
    }
    out.receiving_spare_m3_per_day = water.receiving_spare_capacity_m3_per_day;
    let Some(mode) = water.discharge_mode else {
        out.missing.push(Missing::new(
            "water.discharge_mode",
            "无法判定地表水评价等级：缺少 water.discharge_mode（直接/间接排放）",
        ));
        return out;
    };
    match mode {
        DischargeMode::Indirect => {
            out.grade = Some(Grade::ThreeB);
            out.grade_basis = Some("间接排放（纳管），HJ 2.3-2018 表1 三级B".into());
            if out.receiving_spare_m3_per_day.is_none() {
                out.missing.push(Missing::new(
                    "water.receiving_spare_capacity_m3_per_day",
                    "未申报接纳污水处理厂的剩余处理能力，三级B须论证依托污水处理厂的环境可行性",
                ));
            }
            return out;
        }
        DischargeMode::None => {
            out.grade = Some(Grade::ThreeB);
            out.grade_basis = Some("生产废水全部回用、不外排，HJ 2.3-2018 表1 注10：三级B".into());
            return out;
        }
        DischargeMode::Direct => {}
    }
    // Direct discharge: W from the annual loads.
    let mut class1_sum = 0.0;
    let mut class1_names = Vec::new();
    let mut class1_detected = false;
    for p in filing.water_pollutants() {
        let Some((value, class1)) = equivalent_value(p.code) else {
            continue;
        };
        if p.below_detection_limit && p.load_t_per_year.is_none() {
            if class1 {
                class1_names.push(p.code.label_zh());
            }
            continue;
        }
        let Some(load_t) = p.load_t_per_year else {
            out.missing.push(Missing::new(
                format!("water.pollutants[{}].load_t_per_year", p.index),
                format!("{}缺少年排放量，未计入污染当量数 W", p.code.label_zh()),
            ));
            continue;
        };
        let kg = load_t * 1000.0;
        let w = kg / value;
        if class1 {
            class1_sum += w;
            class1_names.push(p.code.label_zh());
            class1_detected |= detected(p);
        }
        out.equivalents.push(Equivalent {
            pollutant: p.code.label_zh().to_owned(),
            load_kg_per_year: kg,
            equivalent_value_kg: value,
            w,
            class1,
        });
    }
    if let Some(color) = filing
        .water_pollutants()
        .iter()
        .find(|p| p.code == WaterPollutant::Color)
        && let (Some(dilution), Some(tonnes)) =
            (color.concentration_mg_per_l, water.discharged_t_per_year)
    {
        out.w_color_if_counted = Some(tonnes * dilution / 5.0);
    }
    let w_other = out
        .equivalents
        .iter()
        .filter(|e| !e.class1)
        .map(|e| e.w)
        .fold(0.0f64, f64::max);
    let w_max = w_other.max(class1_sum);
    if !out.equivalents.is_empty() {
        out.w_max = Some(w_max);
    }
    let Some(q) = out.q_m3_per_day else {
        out.missing.push(Missing::new(
            "water.daily_discharged_m3",
            "无法判定直接排放的地表水评价等级：缺少日排水量（water.daily_discharged_m3，或年排水量与 project.operating_days_per_year）",
        ));
        return out;
    };
    let (grade, why) = if class1_detected {
        (
            Grade::One,
            format!(
                "直接排放第一类污染物（{}），HJ 2.3-2018 表1 注4：一级",
                class1_names.join("、")
            ),
        )
    } else if q >= 20000.0 || w_max >= 600_000.0 {
        (
            Grade::One,
            format!(
                "直接排放，Q = {} m³/d，W = {}：Q ≥ 20000 或 W ≥ 600000，一级",
                fmt(q),
                fmt(w_max)
            ),
        )
    } else if q < 200.0 && w_max < 6000.0 {
        (
            Grade::ThreeA,
            format!(
                "直接排放，Q = {} m³/d < 200 且 W = {} < 6000：三级A",
                fmt(q),
                fmt(w_max)
            ),
        )
    } else {
        (
            Grade::Two,
            format!("直接排放，Q = {} m³/d，W = {}：二级", fmt(q), fmt(w_max)),
        )
    };
    let mut why = why;
    if !class1_detected && !class1_names.is_empty() {
        why.push_str(&format!(
            "；申报{}未检出，是否属“直接排放第一类污染物”（注4）尚有解释分歧",
            class1_names.join("、")
        ));
    }
    if let Some(wc) = out.w_color_if_counted {
        why.push_str(&format!(
            "；若色度按“5 吨水·倍”计入，W 色度 = {}，HJ 2.3 附录A 是否计入色度待核实",
            fmt(wc)
        ));
    }
    out.grade = Some(grade);
    out.grade_basis = Some(why);
    out
}

fn detected(p: &WaterPollutantEntry) -> bool {
    !p.below_detection_limit && p.load_t_per_year.is_some_and(|l| l > 0.0)
}
