//! Concentration–distance plots (SVG), one per source and pollutant, with the 10 % of C0 line.

use std::fmt::Write as _;

use crate::air::{AirPrediction, AirResult, fmt};

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 45.0;

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One plot per result that has a curve.
pub fn plots(air: &AirPrediction) -> Vec<(String, String)> {
    air.results
        .iter()
        .filter_map(|r| Some((format!("{} {}", r.outlet, r.pollutant_zh), plot(air, r)?)))
        .collect()
}

/// The plot of one result.
pub fn plot(air: &AirPrediction, r: &AirResult) -> Option<String> {
    let curve = air.curves.get(r.curve)?;
    let pts: Vec<(f64, f64)> = curve
        .points
        .iter()
        .map(|&(x, c)| (x, c * r.emission_g_per_s))
        .filter(|(x, _)| *x > 0.0)
        .collect();
    let (x0, x1) = (pts.first()?.0, pts.last()?.0);
    let tenth = r.c0_ug_per_m3.map(|c0| 0.1 * c0);
    let ymax_data = pts.iter().map(|p| p.1).fold(0.0f64, f64::max);
    let ymax = match tenth {
        Some(t) if t > ymax_data && t < 3.0 * ymax_data => t * 1.15,
        _ => ymax_data * 1.15,
    }
    .max(1e-12);
    let lx = |x: f64| LEFT + (x.ln() - x0.ln()) / (x1.ln() - x0.ln()) * (W - LEFT - RIGHT);
    let ly = |y: f64| H - BOTTOM - y / ymax * (H - TOP - BOTTOM);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" font-family="sans-serif" font-size="11" role="img" aria-label="{}">"##,
        escape(&format!("{} {} 浓度—距离曲线", r.outlet, r.pollutant_zh))
    );
    let _ = write!(
        s,
        r##"<rect x="0" y="0" width="{W}" height="{H}" fill="#fff"/><text x="{LEFT}" y="18" font-size="13">{}</text>"##,
        escape(&format!(
            "{} {}：最大 1 小时地面浓度 {} µg/m³，距源 {} m",
            r.outlet,
            r.pollutant_zh,
            fmt(r.max_ug_per_m3),
            fmt(r.distance_m)
        ))
    );
    // Axes and ticks.
    let _ = write!(
        s,
        r##"<line x1="{LEFT}" y1="{}" x2="{}" y2="{}" stroke="#333"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{}" stroke="#333"/>"##,
        H - BOTTOM,
        W - RIGHT,
        H - BOTTOM,
        H - BOTTOM
    );
    for tick in [10.0, 100.0, 1000.0, 10000.0, 25000.0] {
        if tick < x0 || tick > x1 {
            continue;
        }
        let x = lx(tick);
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{}" stroke="#ccc"/><text x="{x:.1}" y="{}" text-anchor="middle">{}</text>"##,
            H - BOTTOM,
            TOP,
            H - BOTTOM + 15.0,
            fmt(tick)
        );
    }
    let _ = write!(
        s,
        r##"<text x="{}" y="{}" text-anchor="middle">下风向距离 (m，对数坐标)</text>"##,
        (LEFT + W - RIGHT) / 2.0,
        H - 8.0
    );
    for k in 0..=4 {
        let v = ymax / 1.15 * f64::from(k) / 4.0;
        let y = ly(v);
        let _ = write!(
            s,
            r##"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"##,
            LEFT - 6.0,
            y + 4.0,
            fmt(v)
        );
    }
    let _ = write!(
        s,
        r##"<text x="14" y="{}" transform="rotate(-90 14 {})" text-anchor="middle">µg/m³</text>"##,
        H / 2.0,
        H / 2.0
    );
    // The curve.
    let path: Vec<String> = pts
        .iter()
        .map(|&(x, y)| format!("{:.1},{:.1}", lx(x), ly(y)))
        .collect();
    let _ = write!(
        s,
        r##"<polyline fill="none" stroke="#1a7f37" stroke-width="2" points="{}"/>"##,
        path.join(" ")
    );
    let _ = write!(
        s,
        r##"<circle cx="{:.1}" cy="{:.1}" r="4" fill="#cf222e"/>"##,
        lx(r.distance_m.max(x0)),
        ly(r.max_ug_per_m3)
    );
    if let Some(t) = tenth {
        if t <= ymax {
            let y = ly(t);
            let _ = write!(
                s,
                r##"<line x1="{LEFT}" y1="{y:.1}" x2="{}" y2="{y:.1}" stroke="#9a6700" stroke-dasharray="6 4"/><text x="{}" y="{:.1}" text-anchor="end" fill="#9a6700">10% C0 = {} µg/m³</text>"##,
                W - RIGHT,
                W - RIGHT - 4.0,
                y - 4.0,
                fmt(t)
            );
        } else {
            let _ = write!(
                s,
                r##"<text x="{}" y="{}" text-anchor="end" fill="#9a6700">10% C0 = {} µg/m³（高于曲线，D10% = 0）</text>"##,
                W - RIGHT - 4.0,
                TOP + 14.0,
                fmt(t)
            );
        }
    }
    let _ = write!(
        s,
        r##"<text x="{}" y="{}" text-anchor="end" font-size="9" fill="#57606a">SCREEN3 独立筛选估算（{} 类 {} m/s）；HJ 2.2-2018 规定的估算模型为 AERSCREEN</text>"##,
        W - RIGHT,
        H - 24.0,
        r.stability,
        fmt(r.u10_m_per_s)
    );
    s.push_str("</svg>");
    Some(s)
}
