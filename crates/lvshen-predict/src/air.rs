//! Air: an independent screening estimate (SCREEN3, `lvshen-dispersion`) of the maximum 1-hour
//! ground-level concentration of every declared outlet and fugitive area, Pi = Ci/C0i, D10%,
//! Pmax, the HJ 2.2-2018 grade and range (`shared/spec/prediction.md` §1).
//!
//! Concentrations are linear in the emission rate, so each source is modelled once at 1 g/s and
//! scaled per pollutant.

use lvshen_dispersion::{AreaSource, PointSource, Sample, Setting};
use lvshen_filing::codes::{AirPollutant, DispersionSetting};
use lvshen_filing::{AirOutlet, Confidence, Filing, Unorganized};
use lvshen_law::Date;
use serde::Serialize;

use crate::benchmark::{benchmark, gb3095_edition};
use crate::{Grade, Missing};

/// Receptors from this distance (m) from the source; SCREEN3's own automated list starts at 1 m.
pub const DEFAULT_MIN_DISTANCE_M: f64 = 10.0;
/// The search and D10% reach this far (m): HJ 2.2 caps the range at a 50 km side.
pub const MAX_DISTANCE_M: f64 = 25_000.0;

/// What every air output says about itself.
pub const DISCLAIMER: &str = "本节为绿审按申报参数以 SCREEN3 估算模式（EPA 13043 版，平坦地形，未计建筑物下洗）独立计算的筛选估算值，用于核对申报结论；HJ 2.2-2018 规定的估算模型为 AERSCREEN，两者结果可能不同，不能替代环评文件的法定估算。";

/// The air section of a prediction.
#[derive(Debug, Clone, Serialize)]
pub struct AirPrediction {
    pub results: Vec<AirResult>,
    /// Largest Pi over every source and pollutant, %.
    pub pmax_percent: Option<f64>,
    /// Where Pmax comes from: "DA001 NMHC".
    pub pmax_source: Option<String>,
    pub grade: Option<Grade>,
    /// Side of the evaluation square, km (None for 三级: no range is set).
    pub range_km: Option<f64>,
    /// The range in words.
    pub range: Option<String>,
    /// Largest D10% over every result, m.
    pub d10_max_m: Option<f64>,
    pub gb3095_edition: &'static str,
    pub setting: Option<&'static str>,
    pub ambient_temperature_c: f64,
    pub min_distance_m: f64,
    pub disclaimer: &'static str,
    /// Sources or pollutants that could not be predicted, and why.
    pub missing: Vec<Missing>,
    /// What is not computed because it does not apply (no ambient standard, odour units).
    pub notes: Vec<String>,
    /// Concentration–distance curves at 1 g/s, one per modelled source (for the plot).
    #[serde(skip)]
    pub curves: Vec<Curve>,
}

/// One source and pollutant.
#[derive(Debug, Clone, Serialize)]
pub struct AirResult {
    /// Outlet id (`DA001`) or the fugitive area (`无组织:定型车间`).
    pub outlet: String,
    /// `point` or `area`.
    pub kind: &'static str,
    /// Pollutant code as in the filing.
    pub pollutant: &'static str,
    pub pollutant_zh: &'static str,
    pub emission_g_per_s: f64,
    /// How the emission rate was obtained.
    pub emission_basis: String,
    pub max_ug_per_m3: f64,
    pub distance_m: f64,
    pub c0_ug_per_m3: Option<f64>,
    pub c0_basis: Option<String>,
    pub c0_confidence: Option<&'static str>,
    pub pi_percent: Option<f64>,
    /// Farthest distance where the concentration reaches 10 % of C0, m (0: nowhere).
    pub d10_m: Option<f64>,
    /// D10% reaches the end of the search (≥ 25 km).
    pub d10_beyond_search: bool,
    /// The worst meteorology: class A–F and 10-m wind speed.
    pub stability: char,
    pub u10_m_per_s: f64,
    pub plume_height_m: f64,
    /// Index into `AirPrediction::curves`.
    #[serde(skip)]
    pub curve: usize,
}

/// The maximum concentration over meteorology at each distance, for 1 g/s.
#[derive(Debug, Clone)]
pub struct Curve {
    pub source: String,
    pub points: Vec<(f64, f64)>,
}

/// Inputs that apply to every source.
#[derive(Debug, Clone, Copy)]
pub struct AirOptions {
    pub as_of: Date,
    pub min_distance_m: f64,
}

fn distance_grid(min: f64) -> Vec<f64> {
    let mut xs = Vec::new();
    let mut push_range = |from: f64, to: f64, step: f64| {
        let mut x = from;
        while x <= to + 1e-9 {
            if x >= min {
                xs.push(x);
            }
            x += step;
        }
    };
    push_range(10.0, 100.0, 10.0);
    push_range(125.0, 1000.0, 25.0);
    push_range(1100.0, 5000.0, 100.0);
    push_range(5500.0, MAX_DISTANCE_M, 500.0);
    if xs.first().is_none_or(|&x| x > min) {
        xs.insert(0, min);
    }
    xs
}

/// A modelled source at 1 g/s.
enum Model {
    Point(PointSource),
    Area(AreaSource),
}

impl Model {
    fn at(&self, x: f64) -> f64 {
        let s = match self {
            Model::Point(p) => p.at_distances(&[x]),
            Model::Area(a) => a.at_distances(&[x]),
        };
        s.ok()
            .and_then(|v| v.first().map(|s| s.concentration_ug_per_m3))
            .unwrap_or(0.0)
    }

    fn maximum(&self, min: f64) -> Option<Sample> {
        let run = match self {
            Model::Point(p) => p.automated(min, MAX_DISTANCE_M),
            Model::Area(a) => a.automated(min, MAX_DISTANCE_M),
        };
        run.ok().map(|r| r.maximum)
    }
}

/// Predicts the air section.
pub fn predict_air(filing: &Filing, options: AirOptions) -> AirPrediction {
    let ambient_c = filing.location.ambient_temperature_c.unwrap_or(20.0);
    let setting = filing.location.dispersion_setting.map(|s| match s {
        DispersionSetting::Rural => Setting::Rural,
        DispersionSetting::Urban => Setting::Urban,
    });
    let mut out = AirPrediction {
        results: Vec::new(),
        pmax_percent: None,
        pmax_source: None,
        grade: None,
        range_km: None,
        range: None,
        d10_max_m: None,
        gb3095_edition: gb3095_edition(options.as_of),
        setting: filing.location.dispersion_setting.map(|s| s.label_zh()),
        ambient_temperature_c: ambient_c,
        min_distance_m: options.min_distance_m,
        disclaimer: DISCLAIMER,
        missing: Vec::new(),
        notes: Vec::new(),
        curves: Vec::new(),
    };
    let outlets = filing.air_outlets();
    let fugitive = filing.unorganized();
    if outlets.is_empty() && fugitive.is_empty() {
        out.missing.push(Missing::new(
            "air",
            "无法预测大气影响：未申报有组织排放口（air.outlets）或无组织排放（air.unorganized）",
        ));
        return out;
    }
    let Some(setting) = setting else {
        out.missing.push(Missing::new(
            "location.dispersion_setting",
            "无法进行大气估算：缺少 location.dispersion_setting（rural 农村 / urban 城市，决定扩散参数）",
        ));
        return out;
    };
    let ta_k = ambient_c + 273.15;
    for outlet in outlets {
        match point_model(outlet, setting, ta_k) {
            Ok(model) => add_source(
                &mut out,
                options,
                filing,
                outlet.id.clone(),
                "point",
                Model::Point(model),
                outlet.pollutants.iter().map(|p| {
                    (
                        p.code,
                        outlet_rate(outlet, p),
                        format!("air.outlets[{}].pollutants[{}]", outlet.index, p.index),
                    )
                }),
            ),
            Err(why) => out.missing.push(Missing::new(
                format!("air.outlets[{}]", outlet.index),
                format!("无法估算排放口 {}：{why}", outlet.id),
            )),
        }
    }
    // Fugitive areas: entries with the same source and dimensions form one area.
    let mut areas: Vec<(String, &Unorganized, Vec<&Unorganized>)> = Vec::new();
    for u in fugitive {
        let name = u
            .source
            .clone()
            .unwrap_or_else(|| format!("无组织{}", u.index + 1));
        match areas.iter_mut().find(|(n, first, _)| {
            *n == name
                && first.length_m == u.length_m
                && first.width_m == u.width_m
                && first.release_height_m == u.release_height_m
        }) {
            Some((_, _, members)) => members.push(u),
            None => areas.push((name, u, vec![u])),
        }
    }
    for (name, first, members) in areas {
        let label = format!("无组织:{name}");
        match area_model(first, setting) {
            Ok(model) => add_source(
                &mut out,
                options,
                filing,
                label,
                "area",
                Model::Area(model),
                members.iter().map(|u| {
                    (
                        u.code,
                        fugitive_rate(filing, u),
                        format!("air.unorganized[{}]", u.index),
                    )
                }),
            ),
            Err(why) => out.missing.push(Missing::new(
                format!("air.unorganized[{}]", first.index),
                format!("无法估算无组织排放“{name}”：{why}"),
            )),
        }
    }
    summarize(&mut out);
    out
}

type Rate = Result<(f64, String), String>;

fn add_source(
    out: &mut AirPrediction,
    options: AirOptions,
    filing: &Filing,
    label: String,
    kind: &'static str,
    model: Model,
    pollutants: impl Iterator<Item = (AirPollutant, Rate, String)>,
) {
    let pollutants: Vec<_> = pollutants.collect();
    if pollutants.is_empty() {
        return;
    }
    let Some(max) = model.maximum(options.min_distance_m) else {
        out.missing.push(Missing::new(
            "air",
            format!("{label}：估算模式拒绝了输入参数"),
        ));
        return;
    };
    let grid = distance_grid(options.min_distance_m);
    let mut points: Vec<(f64, f64)> = grid.iter().map(|&x| (x, model.at(x))).collect();
    // The maximum itself belongs on the curve.
    if let Some(pos) = points.iter().position(|(x, _)| *x > max.distance_m) {
        points.insert(pos, (max.distance_m, max.concentration_ug_per_m3));
    }
    let curve = out.curves.len();
    out.curves.push(Curve {
        source: label.clone(),
        points: points.clone(),
    });
    for (code, rate, field) in pollutants {
        if code == AirPollutant::Odor {
            out.notes.push(format!(
                "{label} 的臭气浓度为无量纲量，不做扩散估算，按 GB 14554 厂界标准另行评价"
            ));
            continue;
        }
        let (q, basis) = match rate {
            Ok(r) => r,
            Err(why) => {
                out.missing.push(Missing::new(
                    field,
                    format!("无法估算 {label} 的{}：{why}", code.label_zh()),
                ));
                continue;
            }
        };
        let c0 = benchmark(code, options.as_of, filing.location.air_zone);
        let max_c = max.concentration_ug_per_m3 * q;
        let (c0_value, c0_basis, c0_conf, pi, d10, beyond) = match &c0 {
            Ok(b) => {
                let threshold = 0.1 * b.c0_ug_per_m3 / q;
                let (d10, beyond) = d10(&model, &points, threshold, max.concentration_ug_per_m3);
                (
                    Some(b.c0_ug_per_m3),
                    Some(b.basis.clone()),
                    Some(match b.confidence {
                        Confidence::V => "V",
                        Confidence::V2 => "V2",
                        Confidence::M => "M",
                    }),
                    Some(max_c / b.c0_ug_per_m3 * 100.0),
                    Some(d10),
                    beyond,
                )
            }
            Err(no) => {
                out.notes.push(format!(
                    "{label} 的{}未计算占标率：{}",
                    code.label_zh(),
                    no.reason
                ));
                (None, None, None, None, None, false)
            }
        };
        out.results.push(AirResult {
            outlet: label.clone(),
            kind,
            pollutant: code.code(),
            pollutant_zh: code.label_zh(),
            emission_g_per_s: q,
            emission_basis: basis,
            max_ug_per_m3: max_c,
            distance_m: max.distance_m,
            c0_ug_per_m3: c0_value,
            c0_basis,
            c0_confidence: c0_conf,
            pi_percent: pi,
            d10_m: d10,
            d10_beyond_search: beyond,
            stability: max.meteorology.class_letter(),
            u10_m_per_s: max.meteorology.u10_m_per_s,
            plume_height_m: max.plume_height_m,
            curve,
        });
    }
}

/// The farthest distance where the unit-emission curve reaches `threshold`: the last grid
/// point at or above it, refined by bisection towards the next.
fn d10(model: &Model, points: &[(f64, f64)], threshold: f64, max_c: f64) -> (f64, bool) {
    if max_c < threshold {
        return (0.0, false);
    }
    let Some(last) = points.iter().rposition(|&(_, c)| c >= threshold) else {
        return (0.0, false);
    };
    if last + 1 == points.len() {
        return (points[last].0, true);
    }
    let (mut lo, mut hi) = (points[last].0, points[last + 1].0);
    for _ in 0..30 {
        if hi - lo < 0.5 {
            break;
        }
        let mid = 0.5 * (lo + hi);
        if model.at(mid) >= threshold {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo.round(), false)
}

fn point_model(outlet: &AirOutlet, setting: Setting, ta_k: f64) -> Result<PointSource, String> {
    let mut missing = Vec::new();
    if outlet.height_m.is_none() {
        missing.push("height_m（排气筒高度）");
    }
    if outlet.inner_diameter_m.is_none() {
        missing.push("inner_diameter_m（出口内径）");
    }
    if outlet.exit_temperature_c.is_none() {
        missing.push("exit_temperature_c（烟气出口温度）");
    }
    if outlet.exit_velocity_m_per_s.is_none() && outlet.flow_m3_per_h.is_none() {
        missing.push("exit_velocity_m_per_s 或 flow_m3_per_h（出口流速或风量）");
    }
    if !missing.is_empty() {
        return Err(format!("缺少 {}", missing.join("、")));
    }
    let d = outlet.inner_diameter_m.unwrap_or_default();
    let velocity = match (outlet.exit_velocity_m_per_s, outlet.flow_m3_per_h) {
        (Some(v), _) => v,
        // Taken as the actual flow at the exit: with a 标态 flow the real velocity is higher
        // and the estimate conservative.
        (None, Some(flow)) => flow / 3600.0 / (std::f64::consts::PI * d * d / 4.0),
        (None, None) => 0.0,
    };
    Ok(PointSource {
        emission_g_per_s: 1.0,
        stack_height_m: outlet.height_m.unwrap_or_default(),
        inner_diameter_m: d,
        exit_velocity_m_per_s: velocity,
        exit_temperature_k: outlet.exit_temperature_c.unwrap_or_default() + 273.15,
        ambient_temperature_k: ta_k,
        receptor_height_m: 0.0,
        setting,
    })
}

fn area_model(u: &Unorganized, setting: Setting) -> Result<AreaSource, String> {
    let mut missing = Vec::new();
    if u.length_m.is_none() {
        missing.push("length_m（面源长度）");
    }
    if u.width_m.is_none() {
        missing.push("width_m（面源宽度）");
    }
    if u.release_height_m.is_none() {
        missing.push("release_height_m（排放高度）");
    }
    if !missing.is_empty() {
        return Err(format!("缺少 {}", missing.join("、")));
    }
    let (l, w) = (u.length_m.unwrap_or(1.0), u.width_m.unwrap_or(1.0));
    let (long, short) = if l >= w { (l, w) } else { (w, l) };
    if long / short > 10.0 {
        return Err(format!(
            "面源长宽比 {:.1} 超过 10，SCREEN3 须将其拆分为多个面源",
            long / short
        ));
    }
    Ok(AreaSource {
        emission_g_per_s: 1.0,
        release_height_m: u.release_height_m.unwrap_or_default(),
        length_m: l,
        width_m: w,
        receptor_height_m: 0.0,
        setting,
    })
}

fn outlet_rate(outlet: &AirOutlet, p: &lvshen_filing::AirPollutantEntry) -> Rate {
    if let Some(rate) = p.rate_kg_per_h {
        return Ok((rate / 3.6, format!("排放速率 {} kg/h", fmt(rate))));
    }
    if let (Some(c), Some(flow)) = (p.concentration_mg_per_m3, outlet.flow_m3_per_h) {
        let rate = c * flow / 1.0e6;
        return Ok((
            rate / 3.6,
            format!("浓度 {} mg/m³ × 风量 {} m³/h", fmt(c), fmt(flow)),
        ));
    }
    if let (Some(load), Some(hours)) = (p.load_t_per_year, outlet.hours_per_year)
        && hours > 0.0
    {
        let rate = load * 1000.0 / hours;
        return Ok((
            rate / 3.6,
            format!("年排放量 {} t ÷ {} h", fmt(load), fmt(hours)),
        ));
    }
    Err("缺少排放速率（rate_kg_per_h，或浓度与风量，或年排放量与年排放小时数）".into())
}

fn fugitive_rate(filing: &Filing, u: &Unorganized) -> Rate {
    if let Some(rate) = u.rate_kg_per_h {
        return Ok((rate / 3.6, format!("排放速率 {} kg/h", fmt(rate))));
    }
    let hours = u.hours_per_year.or_else(|| {
        let p = &filing.project;
        Some(p.operating_days_per_year? * p.operating_hours_per_day?)
    });
    if let (Some(load), Some(hours)) = (u.load_t_per_year, hours)
        && hours > 0.0
    {
        let rate = load * 1000.0 / hours;
        return Ok((
            rate / 3.6,
            format!("年排放量 {} t ÷ {} h", fmt(load), fmt(hours)),
        ));
    }
    Err("缺少排放速率（rate_kg_per_h，或年排放量与排放小时数）".into())
}

fn summarize(out: &mut AirPrediction) {
    let best = out
        .results
        .iter()
        .filter_map(|r| r.pi_percent.map(|pi| (pi, r)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let Some((pmax, source)) = best else {
        return;
    };
    out.pmax_percent = Some(pmax);
    out.pmax_source = Some(format!("{} {}", source.outlet, source.pollutant_zh));
    let grade = air_grade(pmax);
    out.grade = Some(grade);
    out.d10_max_m = out
        .results
        .iter()
        .filter_map(|r| r.d10_m)
        .max_by(f64::total_cmp);
    let (km, words) = air_range(grade, out.d10_max_m.unwrap_or(0.0));
    out.range_km = km;
    out.range = Some(words);
}

/// HJ 2.2-2018 5.3 [M]: Pmax ≥ 10 % → 一级, 1–10 % → 二级, < 1 % → 三级.
pub fn air_grade(pmax_percent: f64) -> Grade {
    if pmax_percent >= 10.0 {
        Grade::One
    } else if pmax_percent >= 1.0 {
        Grade::Two
    } else {
        Grade::Three
    }
}

/// HJ 2.2-2018 5.4 [M]: 一级 a square extending D10% beyond the site (side 2·D10%, at least
/// 5 km, at most 50 km); 二级 a 5 km side; 三级 none.
pub fn air_range(grade: Grade, d10_m: f64) -> (Option<f64>, String) {
    match grade {
        Grade::One => {
            let side = (2.0 * d10_m / 1000.0).clamp(5.0, 50.0);
            (
                Some(side),
                format!("以项目厂址为中心、边长 {} km 的矩形区域", fmt(side)),
            )
        }
        Grade::Two => (
            Some(5.0),
            "以项目厂址为中心、边长 5 km 的矩形区域".to_owned(),
        ),
        _ => (None, "三级评价不设置大气环境影响评价范围".to_owned()),
    }
}

pub(crate) fn fmt(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let digits = if v.abs() >= 100.0 {
        0
    } else if v.abs() >= 10.0 {
        1
    } else if v.abs() >= 1.0 {
        2
    } else {
        (-(v.abs().log10().floor()) as usize + 2).min(8)
    };
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_starts_at_the_minimum_and_reaches_the_search_end() {
        let g = distance_grid(10.0);
        assert_eq!(g[0], 10.0);
        assert_eq!(*g.last().expect("grid"), MAX_DISTANCE_M);
        assert!(g.windows(2).all(|w| w[0] < w[1]));
        let g = distance_grid(37.0);
        assert_eq!(g[0], 37.0);
    }

    #[test]
    fn ranges_follow_the_grade() {
        assert_eq!(air_range(Grade::One, 1000.0).0, Some(5.0));
        assert_eq!(air_range(Grade::One, 6000.0).0, Some(12.0));
        assert_eq!(air_range(Grade::One, 40000.0).0, Some(50.0));
        assert_eq!(air_range(Grade::Two, 0.0).0, Some(5.0));
        assert_eq!(air_range(Grade::Three, 0.0).0, None);
        assert_eq!(fmt(0.054417), "0.0544");
        assert_eq!(fmt(12.345), "12.3");
    }
}
