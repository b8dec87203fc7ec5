//! Noise: the level each declared source contributes at the plant boundary points and at the
//! receptors, by geometric divergence over a reflecting ground (hemispherical spreading,
//! Lp = Lw − 20·lg r − 8), minus the building and barrier losses the filing declares — and
//! nothing else (no air absorption, ground effect or screening that is not declared, so the
//! estimate errs high). Compared with GB 12348 at the boundary and GB 3096 at receptors; the
//! HJ 2.4-2021 grade from the zone classes (`shared/spec/prediction.md` §3).

use lvshen_filing::codes::NoiseZone;
use lvshen_filing::{Filing, NoiseSource};
use serde::Serialize;

use crate::{Grade, Missing};

/// The noise section of a prediction.
#[derive(Debug, Clone, Serialize)]
pub struct NoisePrediction {
    /// Boundary points (厂界), against GB 12348-2008.
    pub boundary: Vec<NoiseLevel>,
    /// Receptors placed by their declared distance and direction, against GB 3096-2008.
    pub receptors: Vec<NoiseLevel>,
    pub zone_class: Option<&'static str>,
    pub grade: Option<Grade>,
    /// Why the grade is what it is, and what was not known.
    pub grade_basis: Option<String>,
    pub method: &'static str,
    pub missing: Vec<Missing>,
}

/// The predicted contribution at one point.
#[derive(Debug, Clone, Serialize)]
pub struct NoiseLevel {
    pub point: String,
    pub x_m: f64,
    pub y_m: f64,
    pub day_db: Option<f64>,
    pub night_db: Option<f64>,
    pub day_limit_db: Option<f64>,
    pub night_limit_db: Option<f64>,
    pub limit_basis: Option<&'static str>,
    /// The nearest source and its distance.
    pub nearest_source: Option<String>,
    pub nearest_m: Option<f64>,
}

pub const METHOD: &str = "点声源几何发散（半自由声场，Lp = Lw − 20lg r − 8），仅扣除申报的建筑隔声与声屏障插入损失，未计空气吸收与地面效应，结果偏保守；为贡献值，不含背景噪声。";

/// GB 12348-2008 boundary limits (day, night) by the site's zone class. Classes 1–4 are [V]
/// (domain.md); class 0 (50/40) equals GB 3096's [V2].
pub fn boundary_limits(zone: NoiseZone) -> (f64, f64, &'static str) {
    match zone {
        NoiseZone::Class0 => (50.0, 40.0, "GB 12348-2008 表1 0类"),
        NoiseZone::Class1 => (55.0, 45.0, "GB 12348-2008 表1 1类"),
        NoiseZone::Class2 => (60.0, 50.0, "GB 12348-2008 表1 2类"),
        NoiseZone::Class3 => (65.0, 55.0, "GB 12348-2008 表1 3类"),
        NoiseZone::Class4a | NoiseZone::Class4b => (70.0, 55.0, "GB 12348-2008 表1 4类"),
    }
}

/// GB 3096-2008 environmental limits (day, night) [V2].
pub fn environment_limits(zone: NoiseZone) -> (f64, f64, &'static str) {
    match zone {
        NoiseZone::Class0 => (50.0, 40.0, "GB 3096-2008 表1 0类"),
        NoiseZone::Class1 => (55.0, 45.0, "GB 3096-2008 表1 1类"),
        NoiseZone::Class2 => (60.0, 50.0, "GB 3096-2008 表1 2类"),
        NoiseZone::Class3 => (65.0, 55.0, "GB 3096-2008 表1 3类"),
        NoiseZone::Class4a => (70.0, 55.0, "GB 3096-2008 表1 4a类"),
        NoiseZone::Class4b => (70.0, 60.0, "GB 3096-2008 表1 4b类"),
    }
}

/// Compass direction → unit vector (x east, y north); 8 and 16 points, English or Chinese.
pub fn direction_vector(text: &str) -> Option<(f64, f64)> {
    let t = text
        .trim()
        .to_uppercase()
        .replace(['侧', '面', '方', '向', ' '], "");
    let degrees = match t.as_str() {
        "N" | "北" | "正北" => 0.0,
        "NNE" | "北东北" | "北偏东" => 22.5,
        "NE" | "东北" => 45.0,
        "ENE" | "东东北" | "东偏北" => 67.5,
        "E" | "东" | "正东" => 90.0,
        "ESE" | "东东南" | "东偏南" => 112.5,
        "SE" | "东南" => 135.0,
        "SSE" | "南东南" | "南偏东" => 157.5,
        "S" | "南" | "正南" => 180.0,
        "SSW" | "南西南" | "南偏西" => 202.5,
        "SW" | "西南" => 225.0,
        "WSW" | "西西南" | "西偏南" => 247.5,
        "W" | "西" | "正西" => 270.0,
        "WNW" | "西西北" | "西偏北" => 292.5,
        "NW" | "西北" => 315.0,
        "NNW" | "北西北" | "北偏西" => 337.5,
        _ => return None,
    };
    let r: f64 = f64::to_radians(degrees);
    Some((r.sin(), r.cos()))
}

struct Placed<'a> {
    source: &'a NoiseSource,
    x: f64,
    y: f64,
    lw: f64,
    night: bool,
}

/// Predicts the noise section.
pub fn predict_noise(filing: &Filing) -> NoisePrediction {
    let mut out = NoisePrediction {
        boundary: Vec::new(),
        receptors: Vec::new(),
        zone_class: None,
        grade: None,
        grade_basis: None,
        method: METHOD,
        missing: Vec::new(),
    };
    let Some(noise) = &filing.noise else {
        out.missing.push(Missing::new(
            "noise",
            "无法预测噪声：未申报 noise（噪声源的声功率级与位置、厂界预测点）",
        ));
        return out;
    };
    out.zone_class = noise.zone_class.map(|z| z.label_zh());
    let night_default = filing.project.operating_hours_per_day.map(|h| h > 16.0);
    let mut placed = Vec::new();
    for s in noise.sources.as_deref().unwrap_or_default() {
        let (Some(lw), Some(x), Some(y)) = (s.sound_power_db, s.x_m, s.y_m) else {
            out.missing.push(Missing::new(
                format!("noise.sources[{}]", s.index),
                format!(
                    "噪声源“{}”缺少 sound_power_db（声功率级）或 x_m / y_m（位置），未参与预测",
                    s.name
                ),
            ));
            continue;
        };
        let count = s.count.unwrap_or(1.0);
        let lw = lw + 10.0 * count.log10()
            - s.indoor_loss_db.unwrap_or(0.0)
            - s.barrier_db.unwrap_or(0.0);
        let night = match (s.night, night_default) {
            (Some(n), _) => n,
            (None, Some(n)) => n,
            (None, None) => {
                out.missing.push(Missing::new(
                    format!("noise.sources[{}].night", s.index),
                    format!(
                        "噪声源“{}”未说明夜间是否运行，且未申报 project.operating_hours_per_day：按夜间运行计",
                        s.name
                    ),
                ));
                true
            }
        };
        placed.push(Placed {
            source: s,
            x,
            y,
            lw,
            night,
        });
    }
    if placed.is_empty() {
        out.missing.push(Missing::new(
            "noise.sources",
            "无法预测噪声：没有同时申报声功率级与位置的噪声源",
        ));
    }
    let level_at = |x: f64, y: f64, night: bool| -> Option<f64> {
        let sum: f64 = placed
            .iter()
            .filter(|p| !night || p.night)
            .map(|p| {
                let r = ((p.x - x).powi(2) + (p.y - y).powi(2)).sqrt().max(1.0);
                10f64.powf((p.lw - 20.0 * r.log10() - 8.0) / 10.0)
            })
            .sum();
        (sum > 0.0).then(|| 10.0 * sum.log10())
    };
    let nearest = |x: f64, y: f64| {
        placed
            .iter()
            .map(|p| {
                (
                    p.source.name.clone(),
                    ((p.x - x).powi(2) + (p.y - y).powi(2)).sqrt(),
                )
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
    };
    let point = |name: String, x: f64, y: f64, limits: Option<(f64, f64, &'static str)>| {
        let near = nearest(x, y);
        NoiseLevel {
            point: name,
            x_m: x,
            y_m: y,
            day_db: level_at(x, y, false).map(round1),
            night_db: level_at(x, y, true).map(round1),
            day_limit_db: limits.map(|l| l.0),
            night_limit_db: limits.map(|l| l.1),
            limit_basis: limits.map(|l| l.2),
            nearest_source: near.as_ref().map(|n| n.0.clone()),
            nearest_m: near.map(|n| round1(n.1)),
        }
    };
    if !placed.is_empty() {
        let limits = noise.zone_class.map(boundary_limits);
        if noise.zone_class.is_none() {
            out.missing.push(Missing::new(
                "noise.zone_class",
                "未申报 noise.zone_class（厂址声环境功能区类别），厂界预测值未与 GB 12348 限值比较",
            ));
        }
        for p in noise.boundary_points.as_deref().unwrap_or_default() {
            let (Some(x), Some(y)) = (p.x_m, p.y_m) else {
                out.missing.push(Missing::new(
                    format!("noise.boundary_points[{}]", p.index),
                    format!("厂界预测点“{}”缺少位置 x_m / y_m", p.name),
                ));
                continue;
            };
            out.boundary.push(point(p.name.clone(), x, y, limits));
        }
        if noise
            .boundary_points
            .as_deref()
            .unwrap_or_default()
            .is_empty()
        {
            out.missing.push(Missing::new(
                "noise.boundary_points",
                "未申报厂界预测点（noise.boundary_points），无法预测厂界噪声",
            ));
        }
        let receptor_zone = noise.receptor_zone_class.or(noise.zone_class);
        for r in filing.receptors() {
            let near_kinds = matches!(
                r.kind,
                Some(
                    lvshen_filing::codes::ReceptorKind::Residential
                        | lvshen_filing::codes::ReceptorKind::School
                        | lvshen_filing::codes::ReceptorKind::Hospital
                )
            );
            if !near_kinds {
                continue;
            }
            let (Some(d), Some(v)) = (
                r.distance_m,
                r.direction.as_deref().and_then(direction_vector),
            ) else {
                out.missing.push(Missing::new(
                    format!("receptors[{}]", r.index),
                    format!(
                        "敏感目标“{}”缺少距离或可识别的方位（如 NE、东北），未预测其噪声",
                        r.name
                    ),
                ));
                continue;
            };
            out.receptors.push(point(
                r.name.clone(),
                d * v.0,
                d * v.1,
                receptor_zone.map(environment_limits),
            ));
        }
    }
    // HJ 2.4-2021 [M]: 0类 → 一级; 1/2类 → 二级; 3/4类 → 三级 (unless the increase at
    // receptors is 3–5 dB or more, which needs background levels the filing does not carry).
    let zones: Vec<NoiseZone> = [noise.zone_class, noise.receptor_zone_class]
        .into_iter()
        .flatten()
        .collect();
    if let Some(site) = noise.zone_class {
        let any0 = zones.contains(&NoiseZone::Class0);
        let (grade, why) = if any0 {
            (Grade::One, "评价范围内有 0 类声环境功能区")
        } else {
            match site {
                NoiseZone::Class1 | NoiseZone::Class2 => {
                    (Grade::Two, "项目位于 1 类或 2 类声环境功能区")
                }
                _ => (
                    Grade::Three,
                    "项目位于 3 类或 4 类声环境功能区；敏感目标处噪声增量须小于 3 dB(A)（未申报背景值，未核算增量）",
                ),
            }
        };
        out.grade = Some(grade);
        out.grade_basis = Some(why.to_owned());
    }
    out
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_parse_in_both_languages() {
        let (x, y) = direction_vector("NE").expect("NE");
        assert!((x - y).abs() < 1e-12 && x > 0.0);
        assert_eq!(direction_vector("东北"), direction_vector("ne"));
        let (x, y) = direction_vector("西侧").expect("西");
        assert!((x + 1.0).abs() < 1e-12 && y.abs() < 1e-12);
        assert!(direction_vector("附近").is_none());
    }

    #[test]
    fn limits_follow_the_zone() {
        assert_eq!(boundary_limits(NoiseZone::Class3).0, 65.0);
        assert_eq!(environment_limits(NoiseZone::Class4b).1, 60.0);
    }
}
