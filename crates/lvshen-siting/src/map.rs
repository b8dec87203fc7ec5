//! The siting map: an SVG of the layers around the site, with the project point, the 曹娥江
//! belt, the screening circle, receptors, alternatives, a legend, a scale bar and a north
//! arrow. Self-contained (no external fonts or images), so it embeds in the HTML report and
//! the web app and prints.

use std::fmt::Write;

use geo::{BoundingRect, Coord, InteriorPoint, Intersects, LineString, MultiPolygon, Rect};

use crate::analysis::{Analysis, Options, Verdict, fmt_distance};
use crate::layers::{Dyeing, Layers, ReceptorKind, UnitKind, WaterLevel};

const WIDTH: f64 = 980.0;
const HEIGHT: f64 = 700.0;
/// The map frame.
const MAP: (f64, f64, f64, f64) = (12.0, 56.0, 700.0, 620.0);
const FONT: &str = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei',sans-serif";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn unit_style(kind: UnitKind) -> (&'static str, &'static str) {
    match kind {
        UnitKind::Priority => ("#8fd19e", "优先保护单元"),
        UnitKind::KeyIndustrial => ("#f7b267", "重点管控单元（产业集聚类）"),
        UnitKind::KeyUrban => ("#f4a6b7", "重点管控单元（城镇生活类）"),
        UnitKind::KeyOther => ("#f9d8a8", "重点管控单元"),
        UnitKind::General => ("#e9ecef", "一般管控单元"),
    }
}

struct View {
    centre: Coord,
    scale: f64,
    window: Rect,
}

impl View {
    fn px(&self, c: Coord) -> (f64, f64) {
        let (x0, y0, w, h) = MAP;
        (
            x0 + w / 2.0 + (c.x - self.centre.x) * self.scale,
            y0 + h / 2.0 - (c.y - self.centre.y) * self.scale,
        )
    }

    fn ring(&self, ring: &LineString, out: &mut String) {
        for (i, c) in ring.0.iter().enumerate() {
            let (x, y) = self.px(*c);
            let _ = write!(out, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        out.push('Z');
    }

    fn area_path(&self, area: &MultiPolygon) -> String {
        let mut d = String::new();
        for poly in &area.0 {
            self.ring(poly.exterior(), &mut d);
            for hole in poly.interiors() {
                self.ring(hole, &mut d);
            }
        }
        d
    }

    fn line_path(&self, line: &LineString) -> String {
        let mut d = String::new();
        for (i, c) in line.0.iter().enumerate() {
            let (x, y) = self.px(*c);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        d
    }

    fn visible(&self, area: &MultiPolygon) -> bool {
        area.bounding_rect()
            .is_some_and(|r| r.intersects(&self.window))
    }

    /// A label position inside the area and inside the window, if there is one.
    fn label_at(&self, area: &MultiPolygon) -> Option<(f64, f64)> {
        let p = area.interior_point()?;
        self.window.intersects(&p).then(|| self.px(p.0))
    }
}

/// Map options.
#[derive(Debug, Clone, Copy, Default)]
pub struct MapOptions {
    /// Half the side of the window, metres; `None` chooses from what must be shown.
    pub half_size_m: Option<f64>,
}

fn choose_half_size(analysis: &Analysis, options: &Options) -> f64 {
    // Wide enough to show the surroundings and what the reasons measure; alternatives
    // further away are drawn as markers on the frame's edge, pointing their way.
    let mut half: f64 = 4000.0;
    for d in &analysis.distances {
        half = half.max(d.distance_m + 800.0);
    }
    half = half.max(options.near_m * 1.5);
    if let Some(first) = analysis.alternatives.first() {
        // Nothing measured nearby: show the way to the nearest alternative instead.
        if first.distance_m <= 6000.0 || analysis.distances.is_empty() {
            return (first.distance_m + 2000.0).max(half).min(30_000.0);
        }
    }
    half.min(12_000.0)
}

fn nice_length(max_m: f64) -> f64 {
    let exp = 10f64.powf(max_m.log10().floor());
    for m in [5.0, 2.0, 1.0] {
        if m * exp <= max_m {
            return m * exp;
        }
    }
    exp
}

/// Renders the map of an analysis.
pub fn render_svg(
    analysis: &Analysis,
    layers: &Layers,
    options: &Options,
    map: &MapOptions,
) -> String {
    let half = map
        .half_size_m
        .unwrap_or_else(|| choose_half_size(analysis, options));
    let (x0, y0, w, h) = MAP;
    let scale = w.min(h) / (2.0 * half);
    let centre = analysis.point;
    let window = Rect::new(
        Coord {
            x: centre.x - w / 2.0 / scale,
            y: centre.y - h / 2.0 / scale,
        },
        Coord {
            x: centre.x + w / 2.0 / scale,
            y: centre.y + h / 2.0 / scale,
        },
    );
    let view = View {
        centre,
        scale,
        window,
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" font-family="{FONT}" role="img" aria-label="选址分析示意图">
<defs>
<clipPath id="mapclip"><rect x="{x0}" y="{y0}" width="{w}" height="{h}"/></clipPath>
<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#5cb85c" fill-opacity="0.35"/><line x1="0" y1="0" x2="0" y2="8" stroke="#2e7d32" stroke-width="2"/></pattern>
</defs>
<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>
"##
    );
    let title = format!(
        "选址分析示意图 · {}",
        match analysis.verdict {
            Verdict::Compatible => "选址符合",
            Verdict::Conditional => "有条件符合",
            Verdict::Incompatible => "选址不符合",
        }
    );
    let _ = writeln!(
        s,
        r##"<text x="{x0}" y="26" font-size="18" font-weight="bold" fill="#1d2939">{}</text>
<text x="{x0}" y="46" font-size="12" fill="#667085">厂址 东经 {:.5}° 北纬 {:.5}°（WGS-84）{}</text>"##,
        escape(&title),
        analysis.site.lon,
        analysis.site.lat,
        analysis
            .site
            .name
            .as_deref()
            .map(|n| format!(" · {}", escape(n)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        s,
        r##"<g clip-path="url(#mapclip)"><rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="#f6f8f6"/>"##
    );

    let mut legend: Vec<String> = Vec::new();
    let mut legend_once = |entry: String| {
        if !legend.contains(&entry) {
            legend.push(entry);
        }
    };

    // Units, general first so specific ones are drawn over them.
    let mut units: Vec<_> = layers
        .units
        .items
        .iter()
        .filter(|u| view.visible(&u.attrs.area))
        .collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.attrs.kind.precedence()));
    for u in &units {
        let (fill, label) = unit_style(u.attrs.kind);
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="{fill}" fill-opacity="0.6" fill-rule="evenodd" stroke="#ffffff" stroke-width="1"><title>{}</title></path>"##,
            view.area_path(&u.attrs.area),
            escape(&u.attrs.label())
        );
        legend_once(format!("rect|{fill}|{label}"));
    }
    for d in layers
        .districts
        .items
        .iter()
        .filter(|d| view.visible(&d.attrs.area))
    {
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="none" stroke="#98a2b3" stroke-width="1.2" stroke-dasharray="6 3"><title>{}</title></path>"##,
            view.area_path(&d.attrs.area),
            escape(&d.attrs.name)
        );
        legend_once("dash|#98a2b3|县级行政区界".into());
    }
    let mut sources: Vec<_> = layers
        .water_sources
        .items
        .iter()
        .filter(|i| view.visible(&i.attrs.area))
        .collect();
    sources.sort_by_key(|i| std::cmp::Reverse(i.attrs.level));
    for ws in &sources {
        let (fill, opacity) = match ws.attrs.level {
            WaterLevel::First => ("#1e6fd9", 0.55),
            WaterLevel::Second => ("#5b9bea", 0.4),
            WaterLevel::Quasi => ("#a9c9f5", 0.35),
        };
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="{fill}" fill-opacity="{opacity}" stroke="#1e6fd9" stroke-width="0.8"><title>{}</title></path>"##,
            view.area_path(&ws.attrs.area),
            escape(&ws.attrs.name)
        );
        legend_once(format!(
            "rect|{fill}|饮用水水源{}",
            ws.attrs.level.label_zh()
        ));
    }
    for r in layers
        .redlines
        .items
        .iter()
        .filter(|i| view.visible(&i.attrs.area))
    {
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="url(#hatch)" stroke="#2e7d32" stroke-width="1.2"><title>{}</title></path>"##,
            view.area_path(&r.attrs.area),
            escape(&r.attrs.name)
        );
        legend_once(format!("hatch||{}", r.attrs.kind.label_zh()));
    }
    for river in layers
        .rivers
        .items
        .iter()
        .filter(|i| view.visible(&i.attrs.zone))
    {
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="#3b82f6" fill-opacity="0.28" stroke="#1d4ed8" stroke-width="0.8" stroke-dasharray="3 2"><title>{} 重点保护区（两岸各 {} m）</title></path>"##,
            view.area_path(&river.attrs.zone),
            escape(&river.attrs.name),
            river.attrs.belt_m
        );
        legend_once("rect|#93b8f5|曹娥江流域水环境重点保护区".into());
        if let Some(lines) = &river.attrs.line {
            for line in &lines.0 {
                let width = (2.0 * river.attrs.half_width_m * scale).clamp(1.5, 30.0);
                let _ = writeln!(
                    s,
                    r##"<path d="{}" fill="none" stroke="#2563eb" stroke-width="{width:.1}" stroke-linejoin="round" stroke-linecap="round" stroke-opacity="0.8"/>"##,
                    view.line_path(line)
                );
            }
            legend_once("line|#2563eb|河流（中心线）".into());
        }
    }
    for park in layers
        .parks
        .items
        .iter()
        .filter(|i| view.visible(&i.attrs.area))
    {
        let colour = if park.attrs.dyeing == Dyeing::Cluster {
            "#6d28d9"
        } else {
            "#9333ea"
        };
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="none" stroke="{colour}" stroke-width="2.2" stroke-dasharray="8 4"><title>{}</title></path>"##,
            view.area_path(&park.attrs.area),
            escape(&park.attrs.name)
        );
        legend_once(format!(
            "dash|{colour}|{}",
            if park.attrs.dyeing == Dyeing::Cluster {
                "印染集聚区"
            } else {
                "工业园区"
            }
        ));
    }

    // Screening circles around the site.
    let (sx, sy) = view.px(centre);
    let odour_r = options.odour_m * scale;
    let near_r = options.near_m * scale;
    let _ = writeln!(
        s,
        r##"<circle cx="{sx:.1}" cy="{sy:.1}" r="{near_r:.1}" fill="none" stroke="#f79009" stroke-width="1.2" stroke-dasharray="5 4"/>
<circle cx="{sx:.1}" cy="{sy:.1}" r="{odour_r:.1}" fill="#f04438" fill-opacity="0.08" stroke="#d92d20" stroke-width="1.2" stroke-dasharray="4 3"/>"##
    );
    legend_once(format!(
        "circle|#f79009|敏感区筛查距离 {}",
        fmt_distance(options.near_m)
    ));
    legend_once(format!(
        "circle|#d92d20|恶臭敏感目标筛查距离 {}",
        fmt_distance(options.odour_m)
    ));

    // Receptors.
    for r in &layers.receptors.items {
        let Some(rect) = r.geometry.bounding_rect() else {
            continue;
        };
        if !rect.intersects(&view.window) {
            continue;
        }
        let (x, y) = view.px(rect.center());
        let (shape, label) = match r.attrs.kind {
            ReceptorKind::School => (
                format!(
                    r##"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z" fill="#b42318"/>"##,
                    y - 6.0,
                    x + 6.0,
                    y + 5.0,
                    x - 6.0,
                    y + 5.0
                ),
                "学校",
            ),
            ReceptorKind::Hospital => (
                format!(
                    r##"<path d="M{:.1} {:.1}h4v-4h4v4h4v4h-4v4h-4v-4h-4Z" fill="#b42318"/>"##,
                    x - 6.0,
                    y - 2.0
                ),
                "医院",
            ),
            _ => (
                format!(
                    r##"<rect x="{:.1}" y="{:.1}" width="10" height="10" fill="#b42318"/>"##,
                    x - 5.0,
                    y - 5.0
                ),
                "居民区",
            ),
        };
        let _ = writeln!(
            s,
            r##"{shape}<text x="{:.1}" y="{:.1}" font-size="11" fill="#7a271a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
            x + 8.0,
            y + 4.0,
            escape(&r.attrs.name)
        );
        legend_once(format!("receptor||{label}"));
    }

    // Labels for areas.
    let mut labels: Vec<(f64, f64, String, &str)> = Vec::new();
    for park in &layers.parks.items {
        if let Some((x, y)) = view.label_at(&park.attrs.area) {
            // Above the point, where an alternative's marker may sit.
            labels.push((x, y - 16.0, park.attrs.name.clone(), "#4c1d95"));
        }
    }
    for ws in sources
        .iter()
        .filter(|w| w.attrs.level == WaterLevel::First)
    {
        if let Some((x, y)) = view.label_at(&ws.attrs.area) {
            labels.push((x, y, ws.attrs.name.clone(), "#1e3a8a"));
        }
    }
    for r in &layers.redlines.items {
        if let Some((x, y)) = view.label_at(&r.attrs.area) {
            labels.push((x, y, r.attrs.name.clone(), "#14532d"));
        }
    }
    for river in &layers.rivers.items {
        if let Some(line) = &river.attrs.line {
            // Label the river beside the point of it nearest the site.
            use geo::{Closest, ClosestPoint};
            if let Closest::SinglePoint(p) | Closest::Intersection(p) =
                line.closest_point(&geo::Point(centre))
                && view.window.intersects(&p)
            {
                let (x, y) = view.px(p.0);
                labels.push((x - 30.0, y + 24.0, river.attrs.name.clone(), "#1e40af"));
            }
        }
    }
    for (x, y, text, colour) in &labels {
        let half_text = 6.5 * text.chars().count() as f64;
        let x = x.clamp(x0 + half_text + 4.0, x0 + w - half_text - 4.0);
        let y = y.clamp(y0 + 16.0, y0 + h - 8.0);
        let _ = writeln!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" font-size="13" font-weight="bold" fill="{colour}" text-anchor="middle" stroke="#ffffff" stroke-width="3.5" paint-order="stroke">{}</text>"##,
            escape(text)
        );
    }

    // Alternatives.
    for (i, alt) in analysis.alternatives.iter().enumerate() {
        let c = layers.projection.forward(alt.lon, alt.lat);
        let (mut x, mut y) = view.px(c);
        if !view.window.intersects(&geo::Point(c)) {
            // On the frame, in its direction from the site, with its distance.
            let (dx, dy) = (x - sx, y - sy);
            let t = ((w / 2.0 - 18.0) / dx.abs()).min((h / 2.0 - 18.0) / dy.abs());
            x = sx + dx * t;
            y = sy + dy * t;
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#05603a" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">{} → {}</text>"##,
                x.clamp(x0 + 60.0, x0 + w - 60.0),
                if y > sy { y - 14.0 } else { y + 24.0 },
                i + 1,
                fmt_distance(alt.distance_m)
            );
        }
        let _ = writeln!(
            s,
            r##"<line x1="{sx:.1}" y1="{sy:.1}" x2="{x:.1}" y2="{y:.1}" stroke="#039855" stroke-width="1.5" stroke-dasharray="6 4"/>
<circle cx="{x:.1}" cy="{y:.1}" r="10" fill="#039855" stroke="#ffffff" stroke-width="2"/><text x="{x:.1}" y="{:.1}" font-size="12" font-weight="bold" fill="#ffffff" text-anchor="middle">{}</text>"##,
            y + 4.0,
            i + 1
        );
        legend_once("alt|#039855|备选厂址（编号见报告）".into());
    }

    // The site.
    let star: String = (0..10)
        .map(|k| {
            let r = if k % 2 == 0 { 11.0 } else { 4.5 };
            let a = std::f64::consts::PI / 5.0 * k as f64 - std::f64::consts::FRAC_PI_2;
            format!(
                "{}{:.1} {:.1}",
                if k == 0 { "M" } else { "L" },
                sx + r * a.cos(),
                sy + r * a.sin()
            )
        })
        .collect();
    let _ = writeln!(
        s,
        r##"<path d="{star}Z" fill="#d92d20" stroke="#ffffff" stroke-width="1.5"/>
<text x="{:.1}" y="{:.1}" font-size="13" font-weight="bold" fill="#b42318" stroke="#ffffff" stroke-width="3.5" paint-order="stroke">厂址</text>
</g>"##,
        sx + 13.0,
        sy - 8.0
    );
    let _ = writeln!(
        s,
        r##"<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#344054" stroke-width="1"/>"##
    );

    // North arrow.
    let (nx, ny) = (x0 + 30.0, y0 + 22.0);
    let _ = writeln!(
        s,
        r##"<path d="M{nx} {:.1}L{:.1} {:.1}L{nx} {:.1}L{:.1} {:.1}Z" fill="#1d2939"/><text x="{nx}" y="{:.1}" font-size="12" font-weight="bold" text-anchor="middle" fill="#1d2939">北</text>"##,
        ny - 12.0,
        nx + 7.0,
        ny + 10.0,
        ny + 5.0,
        nx - 7.0,
        ny + 10.0,
        ny + 24.0
    );

    // Scale bar.
    let bar_m = nice_length(w / scale / 4.0);
    let bar_px = bar_m * scale;
    let (bx, by) = (x0 + 16.0, y0 + h - 18.0);
    let _ = writeln!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="26" fill="#ffffff" fill-opacity="0.85"/>
<path d="M{bx:.1} {by:.1}h{bar_px:.1}" stroke="#1d2939" stroke-width="3"/><path d="M{bx:.1} {:.1}v10M{:.1} {:.1}v10M{:.1} {:.1}v6" stroke="#1d2939" stroke-width="1.5"/>
<text x="{:.1}" y="{:.1}" font-size="11" fill="#1d2939">0</text><text x="{:.1}" y="{:.1}" font-size="11" fill="#1d2939" text-anchor="end">{}</text>"##,
        bx - 8.0,
        by - 20.0,
        bar_px + 44.0,
        by - 5.0,
        bx + bar_px,
        by - 5.0,
        bx + bar_px / 2.0,
        by - 3.0,
        bx - 3.0,
        by - 8.0,
        bx + bar_px + 20.0,
        by - 8.0,
        fmt_distance(bar_m)
    );

    // Legend.
    let lx = x0 + w + 18.0;
    let mut ly = y0 + 6.0;
    let _ = writeln!(
        s,
        r##"<text x="{lx}" y="{ly}" font-size="14" font-weight="bold" fill="#1d2939">图例</text>"##
    );
    ly += 22.0;
    let star_legend = format!(
        r##"<path d="M{:.1} {:.1}l2.6 5.4 5.9 .8-4.3 4.1 1 5.8-5.2-2.8-5.2 2.8 1-5.8-4.3-4.1 5.9-.8Z" fill="#d92d20"/>"##,
        lx + 9.0,
        ly - 11.0
    );
    let _ = writeln!(
        s,
        r##"{star_legend}<text x="{:.1}" y="{ly:.1}" font-size="12" fill="#344054">厂址</text>"##,
        lx + 26.0
    );
    ly += 22.0;
    for entry in &legend {
        let mut parts = entry.splitn(3, '|');
        let (kind, colour, label) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        let symbol = match kind {
            "rect" => format!(
                r##"<rect x="{lx}" y="{:.1}" width="18" height="12" fill="{colour}" fill-opacity="0.7" stroke="#98a2b3" stroke-width="0.5"/>"##,
                ly - 10.0
            ),
            "hatch" => format!(
                r##"<rect x="{lx}" y="{:.1}" width="18" height="12" fill="url(#hatch)" stroke="#2e7d32"/>"##,
                ly - 10.0
            ),
            "dash" => format!(
                r##"<path d="M{lx} {:.1}h18" stroke="{colour}" stroke-width="2.2" stroke-dasharray="5 3"/>"##,
                ly - 4.0
            ),
            "line" => format!(
                r##"<path d="M{lx} {:.1}h18" stroke="{colour}" stroke-width="3"/>"##,
                ly - 4.0
            ),
            "circle" => format!(
                r##"<circle cx="{:.1}" cy="{:.1}" r="6" fill="none" stroke="{colour}" stroke-width="1.2" stroke-dasharray="3 2"/>"##,
                lx + 9.0,
                ly - 4.0
            ),
            "alt" => format!(
                r##"<circle cx="{:.1}" cy="{:.1}" r="7" fill="{colour}"/>"##,
                lx + 9.0,
                ly - 4.0
            ),
            _ if label == "学校" => format!(
                r##"<path d="M{:.1} {:.1}l6 11h-12Z" fill="#b42318"/>"##,
                lx + 9.0,
                ly - 11.0
            ),
            _ if label == "医院" => format!(
                r##"<path d="M{:.1} {:.1}h4v-4h4v4h4v4h-4v4h-4v-4h-4Z" fill="#b42318"/>"##,
                lx + 3.0,
                ly - 6.0
            ),
            _ => format!(
                r##"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="#b42318"/>"##,
                lx + 4.0,
                ly - 9.0
            ),
        };
        let _ = writeln!(
            s,
            r##"{symbol}<text x="{:.1}" y="{ly:.1}" font-size="12" fill="#344054">{}</text>"##,
            lx + 26.0,
            escape(label)
        );
        ly += 21.0;
    }
    ly += 8.0;
    if analysis.illustrative || layers.infos().iter().any(|i| i.illustrative) {
        for line in [
            "示意图层：依据公开资料近似绘制，",
            "非官方划定范围，结论须以主管部门",
            "公布的图层核实。",
        ] {
            let _ = writeln!(
                s,
                r##"<text x="{lx}" y="{ly:.1}" font-size="11.5" fill="#b42318">{line}</text>"##
            );
            ly += 17.0;
        }
    }
    let _ = writeln!(
        s,
        r##"<text x="{lx}" y="{:.1}" font-size="11" fill="#667085">比例尺约 1:{:.0}（按 96 dpi）</text>"##,
        y0 + h - 4.0,
        (1.0 / scale) * 96.0 / 0.0254
    );
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_lengths() {
        assert_eq!(nice_length(1234.0), 1000.0);
        assert_eq!(nice_length(2600.0), 2000.0);
        assert_eq!(nice_length(7000.0), 5000.0);
    }
}
