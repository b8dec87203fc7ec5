//! Text and HTML renderings of a prediction (JSON is its `Serialize`).

use std::fmt::Write as _;

use lvshen_filing::Finding;

use crate::Prediction;
use crate::air::fmt;
use crate::svg::{escape, plot};

fn opt(v: Option<f64>, unit: &str) -> String {
    v.map(|v| format!("{}{unit}", fmt(v)))
        .unwrap_or_else(|| "—".into())
}

/// What a 报告表 is checked for instead of grades.
pub const TABLE_NOTE: &str = "报告表不确定各要素评价工作等级（下列等级仅供参考），改为核对专项评价设置条件（《建设项目环境影响报告表编制技术指南（污染影响类）（试行）》表1）。";

/// Plain text for the terminal.
pub fn text(p: &Prediction) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "规范化预测评价（评价日 {}）", p.as_of);
    if let Some(doc) = p.document_type {
        let _ = writeln!(s, "文件类型：{doc}");
    }
    if p.document_type == Some("报告表") {
        let _ = writeln!(s, "{TABLE_NOTE}");
    }
    let _ = writeln!(s, "\n【大气】{}", p.air.disclaimer);
    let _ = writeln!(
        s,
        "扩散参数：{}；环境温度 {} ℃；C0 依据 {}；最近距离 {} m",
        p.air.setting.unwrap_or("未申报"),
        fmt(p.air.ambient_temperature_c),
        p.air.gb3095_edition,
        fmt(p.air.min_distance_m)
    );
    for r in &p.air.results {
        let _ = writeln!(
            s,
            "  {} {}：Q = {} g/s（{}），Cmax = {} µg/m³ @ {} m（{} 类，{} m/s），C0 = {}，Pi = {}，D10% = {}",
            r.outlet,
            r.pollutant_zh,
            fmt(r.emission_g_per_s),
            r.emission_basis,
            fmt(r.max_ug_per_m3),
            fmt(r.distance_m),
            r.stability,
            fmt(r.u10_m_per_s),
            opt(r.c0_ug_per_m3, " µg/m³"),
            opt(r.pi_percent, "%"),
            match (r.d10_m, r.d10_beyond_search) {
                (Some(d), true) => format!("≥ {} m", fmt(d)),
                (d, _) => opt(d, " m"),
            }
        );
    }
    if let (Some(pmax), Some(grade)) = (p.air.pmax_percent, p.air.grade) {
        let _ = writeln!(
            s,
            "  Pmax = {}%（{}）→ {}；{}（HJ 2.2-2018 5.3、5.4，阈值待核实）",
            fmt(pmax),
            p.air.pmax_source.as_deref().unwrap_or(""),
            grade.label_zh(),
            p.air.range.as_deref().unwrap_or("")
        );
    }
    for n in &p.air.notes {
        let _ = writeln!(s, "  · {n}");
    }
    missing(&mut s, &p.air.missing);
    let _ = writeln!(s, "\n【声环境】{}", p.noise.method);
    for (title, points) in [
        ("厂界", &p.noise.boundary),
        ("敏感目标", &p.noise.receptors),
    ] {
        for b in points.iter() {
            let _ = writeln!(
                s,
                "  {title} {}：昼间 {} / 夜间 {}（限值 {} / {}，{}）",
                b.point,
                opt(b.day_db, " dB(A)"),
                opt(b.night_db, " dB(A)"),
                opt(b.day_limit_db, ""),
                opt(b.night_limit_db, ""),
                b.limit_basis.unwrap_or("未申报功能区")
            );
        }
    }
    if let Some(g) = p.noise.grade {
        let _ = writeln!(
            s,
            "  评价等级：{}（{}；HJ 2.4-2021，待核实）",
            g.label_zh(),
            p.noise.grade_basis.as_deref().unwrap_or("")
        );
    }
    missing(&mut s, &p.noise.missing);
    let _ = writeln!(s, "\n【地表水】");
    if let Some(g) = p.water.grade {
        let _ = writeln!(
            s,
            "  评价等级：{}（{}；HJ 2.3-2018 表1，待核实）",
            g.label_zh(),
            p.water.grade_basis.as_deref().unwrap_or("")
        );
    }
    for e in &p.water.equivalents {
        let _ = writeln!(
            s,
            "  {}：{} kg/a ÷ {} kg = W {}{}",
            e.pollutant,
            fmt(e.load_kg_per_year),
            fmt(e.equivalent_value_kg),
            fmt(e.w),
            if e.class1 {
                "（第一类污染物）"
            } else {
                ""
            }
        );
    }
    if let (Some(spare), Some(q)) = (p.water.receiving_spare_m3_per_day, p.water.q_m3_per_day) {
        let _ = writeln!(
            s,
            "  排水量 {} m³/d，接纳污水处理厂剩余能力 {} m³/d",
            fmt(q),
            fmt(spare)
        );
    }
    missing(&mut s, &p.water.missing);
    for (title, e) in [("地下水", &p.groundwater), ("土壤", &p.soil)] {
        let _ = writeln!(
            s,
            "\n【{title}】类别 {}，敏感程度 {}，等级 {}（{}，置信度 {}）",
            e.category.as_deref().unwrap_or("—"),
            e.sensitivity.unwrap_or("—"),
            e.grade.map(|g| g.label_zh()).unwrap_or("—"),
            e.basis.as_deref().unwrap_or(""),
            e.confidence
        );
        missing(&mut s, &e.missing);
    }
    let _ = writeln!(
        s,
        "\n【环境风险】Q = {}，M = {}，P = {}，E（大气/地表水/地下水）= {}/{}/{}，潜势 {}，等级 {}（{}）",
        opt(p.risk.q, ""),
        opt(p.risk.m, ""),
        p.risk.p.unwrap_or("—"),
        p.risk.e_air.unwrap_or("—"),
        p.risk.e_surface_water.unwrap_or("—"),
        p.risk.e_groundwater.unwrap_or("—"),
        p.risk.potential.unwrap_or("—"),
        p.risk.grade.map(|g| g.label_zh()).unwrap_or("—"),
        p.risk.basis.as_deref().unwrap_or("")
    );
    missing(&mut s, &p.risk.missing);
    let _ = writeln!(s, "\n【发现】{} 条", p.findings.len());
    for f in &p.findings {
        let _ = writeln!(
            s,
            "  [{}] {} {}：{}（{}）",
            f.severity.label_zh(),
            f.rule_id,
            f.field,
            f.message,
            citations(f)
        );
    }
    s
}

fn missing(s: &mut String, missing: &[crate::Missing]) {
    for m in missing {
        let _ = writeln!(s, "  · {}", m.message);
    }
}

fn citations(f: &Finding) -> String {
    f.citations
        .iter()
        .map(|c| format!("{} {}", c.doc, c.clause))
        .collect::<Vec<_>>()
        .join("；")
}

/// An HTML `<section>` for the check report and the web pages (no scripts, inline SVG).
pub fn html_section(p: &Prediction, with_plots: bool) -> String {
    let mut s = String::new();
    let e = |t: &str| escape(t);
    let _ = write!(
        s,
        r#"<section class="prediction" id="prediction"><h2>规范化预测评价</h2><p class="note">{}</p>"#,
        e(p.air.disclaimer)
    );
    if p.document_type == Some("报告表") {
        let _ = write!(s, r#"<p class="note">{}</p>"#, e(TABLE_NOTE));
    }
    let _ = write!(
        s,
        "<h3>大气</h3><p>扩散参数：{}；环境温度 {} ℃；C0 依据 {}（评价日 {}）。</p>",
        e(p.air.setting.unwrap_or("未申报")),
        e(&fmt(p.air.ambient_temperature_c)),
        e(p.air.gb3095_edition),
        e(&p.as_of)
    );
    if !p.air.results.is_empty() {
        s.push_str("<table class=\"grid\"><thead><tr><th>排放源</th><th>污染物</th><th>源强 g/s</th><th>最大落地浓度 µg/m³</th><th>距离 m</th><th>气象</th><th>C0 µg/m³</th><th>Pi %</th><th>D10% m</th></tr></thead><tbody>");
        for r in &p.air.results {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} 类 {} m/s</td><td title=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
                e(&r.outlet),
                e(r.pollutant_zh),
                fmt(r.emission_g_per_s),
                fmt(r.max_ug_per_m3),
                fmt(r.distance_m),
                r.stability,
                fmt(r.u10_m_per_s),
                e(r.c0_basis.as_deref().unwrap_or("")),
                opt(r.c0_ug_per_m3, ""),
                opt(r.pi_percent, ""),
                match (r.d10_m, r.d10_beyond_search) {
                    (Some(d), true) => format!("≥ {}", fmt(d)),
                    (d, _) => opt(d, ""),
                }
            );
        }
        s.push_str("</tbody></table>");
    }
    if let (Some(pmax), Some(grade)) = (p.air.pmax_percent, p.air.grade) {
        let _ = write!(
            s,
            "<p><strong>Pmax = {}%</strong>（{}）→ <strong>{}</strong>；{}。<span class=\"note\">HJ 2.2-2018 5.3/5.4 的阈值未经核实（待核实）。</span></p>",
            fmt(pmax),
            e(p.air.pmax_source.as_deref().unwrap_or("")),
            grade.label_zh(),
            e(p.air.range.as_deref().unwrap_or(""))
        );
    }
    if with_plots {
        // One plot per pollutant that has a benchmark (the others have no 10 % line to read).
        for r in p.air.results.iter().filter(|r| r.c0_ug_per_m3.is_some()) {
            if let Some(svg) = plot(&p.air, r) {
                let _ = write!(s, "<figure>{svg}</figure>");
            }
        }
    }
    if !p.air.notes.is_empty() {
        s.push_str("<ul class=\"note\">");
        for n in &p.air.notes {
            let _ = write!(s, "<li>{}</li>", e(n));
        }
        s.push_str("</ul>");
    }
    missing_html(&mut s, &p.air.missing);
    let _ = write!(
        s,
        "<h3>声环境</h3><p class=\"note\">{}</p>",
        e(p.noise.method)
    );
    let points: Vec<_> = p
        .noise
        .boundary
        .iter()
        .map(|b| ("厂界", b))
        .chain(p.noise.receptors.iter().map(|b| ("敏感目标", b)))
        .collect();
    if !points.is_empty() {
        s.push_str("<table class=\"grid\"><thead><tr><th>预测点</th><th>昼间 dB(A)</th><th>夜间 dB(A)</th><th>限值（昼/夜）</th><th>依据</th></tr></thead><tbody>");
        for (kind, b) in points {
            let over =
                |v: Option<f64>, l: Option<f64>| matches!((v, l), (Some(v), Some(l)) if v > l);
            let _ = write!(
                s,
                "<tr><td>{kind} {}</td><td{}>{}</td><td{}>{}</td><td>{} / {}</td><td>{}</td></tr>",
                e(&b.point),
                if over(b.day_db, b.day_limit_db) {
                    " class=\"over\""
                } else {
                    ""
                },
                opt(b.day_db, ""),
                if over(b.night_db, b.night_limit_db) {
                    " class=\"over\""
                } else {
                    ""
                },
                opt(b.night_db, ""),
                opt(b.day_limit_db, ""),
                opt(b.night_limit_db, ""),
                e(b.limit_basis.unwrap_or("未申报功能区"))
            );
        }
        s.push_str("</tbody></table>");
    }
    if let Some(g) = p.noise.grade {
        let _ = write!(
            s,
            "<p>声环境评价等级：<strong>{}</strong>（{}）</p>",
            g.label_zh(),
            e(p.noise.grade_basis.as_deref().unwrap_or(""))
        );
    }
    missing_html(&mut s, &p.noise.missing);
    s.push_str("<h3>地表水、地下水、土壤、环境风险</h3><table class=\"grid\"><thead><tr><th>要素</th><th>等级</th><th>依据</th><th>置信度</th></tr></thead><tbody>");
    let rows = [
        ("地表水", p.water.grade, p.water.grade_basis.clone(), "M"),
        (
            "地下水",
            p.groundwater.grade,
            p.groundwater.basis.clone(),
            p.groundwater.confidence,
        ),
        (
            "土壤",
            p.soil.grade,
            p.soil.basis.clone(),
            p.soil.confidence,
        ),
        (
            "环境风险",
            p.risk.grade,
            p.risk.basis.clone(),
            p.risk.confidence,
        ),
    ];
    for (name, grade, basis, conf) in rows {
        let _ = write!(
            s,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td>{conf}</td></tr>",
            grade.map(|g| g.label_zh()).unwrap_or("—"),
            e(basis.as_deref().unwrap_or("—"))
        );
    }
    s.push_str("</tbody></table>");
    for m in [
        &p.water.missing,
        &p.groundwater.missing,
        &p.soil.missing,
        &p.risk.missing,
    ] {
        missing_html(&mut s, m);
    }
    s.push_str("</section>");
    s
}

fn missing_html(s: &mut String, missing: &[crate::Missing]) {
    if missing.is_empty() {
        return;
    }
    s.push_str("<ul class=\"missing\">");
    for m in missing {
        let _ = write!(s, "<li>{}</li>", escape(&m.message));
    }
    s.push_str("</ul>");
}

/// A standalone HTML page.
pub fn html_page(p: &Prediction) -> String {
    let mut s = String::from(
        r#"<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>规范化预测评价</title><style>body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1f2328}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:.3em .5em;font-size:14px}.note{color:#57606a;font-size:13px}.over{background:#ffebe9;color:#cf222e;font-weight:bold}figure{margin:1em 0}.missing{color:#9a6700}</style></head><body>"#,
    );
    s.push_str(&html_section(p, true));
    if !p.findings.is_empty() {
        s.push_str("<h2>发现</h2><ul>");
        for f in &p.findings {
            let _ = write!(
                s,
                "<li><strong>{}</strong> <code>{}</code> {}（{}）</li>",
                f.severity.label_zh(),
                escape(f.rule_id),
                escape(&f.message),
                escape(&citations(f))
            );
        }
        s.push_str("</ul>");
    }
    s.push_str("</body></html>");
    s
}
