//! Siting analyses rendered for people: terminal text, an HTML section (with the map) for
//! the check report and the web app, and a standalone HTML page.

use std::fmt::Write;

use lvshen_siting::{Analysis, Status, Verdict, fmt_distance};

use crate::html::{STYLE, escape};

/// The drafted argument, when there is one.
#[derive(Debug, Clone, Copy)]
pub struct ArgumentView<'a> {
    pub text: &'a str,
    /// `model` or `facts`.
    pub method: &'a str,
}

fn method_zh(method: &str) -> &'static str {
    if method == "model" {
        "由本地模型依据计算事实起草，数字和地名已逐句核对"
    } else {
        "依据计算事实生成"
    }
}

fn cites(reason: &lvshen_siting::Reason) -> String {
    reason
        .citations
        .iter()
        .map(|c| format!("《{}》{}", c.doc, c.clause))
        .collect::<Vec<_>>()
        .join("；")
}

fn mark(status: Status) -> &'static str {
    match status {
        Status::Conflict => "✗",
        Status::Condition => "!",
        Status::Ok => "✓",
    }
}

/// Plain text for the terminal.
pub fn siting_text(analysis: &Analysis, argument: Option<ArgumentView<'_>>) -> String {
    let mut out = String::new();
    let site = &analysis.site;
    let _ = writeln!(
        out,
        "选址分析：东经 {:.5}°，北纬 {:.5}°{}",
        site.lon,
        site.lat,
        site.located_district
            .as_deref()
            .map(|d| format!("（{d}）"))
            .unwrap_or_default()
    );
    let _ = writeln!(out, "项目类别：{}", site.industry_class_basis);
    let _ = writeln!(out, "\n结论：{}\n", analysis.verdict_zh);
    let _ = writeln!(out, "理由：");
    for r in &analysis.reasons {
        let _ = writeln!(
            out,
            "  {} [{}] {}\n      依据：{}{}  ({})",
            mark(r.status),
            r.status.label_zh(),
            r.message,
            cites(r),
            if r.illustrative {
                "；示意图层"
            } else {
                ""
            },
            r.id
        );
    }
    if !analysis.layers_hit.is_empty() {
        let _ = writeln!(out, "\n所在图层：");
        for h in &analysis.layers_hit {
            let _ = writeln!(out, "  - {}：{}（{}）", h.layer_zh, h.name, h.detail);
        }
    }
    if !analysis.distances.is_empty() {
        let _ = writeln!(out, "\n周边距离：");
        for d in &analysis.distances {
            let _ = writeln!(
                out,
                "  - {} {}：{}，{}方向",
                d.layer_zh,
                d.name,
                fmt_distance(d.distance_m),
                d.direction
            );
        }
    }
    if !analysis.alternatives.is_empty() {
        let _ = writeln!(out, "\n备选厂址：");
        for (i, a) in analysis.alternatives.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. {}：距现址 {}（{}方向），{}；参考点 东经 {:.5}° 北纬 {:.5}°",
                i + 1,
                a.name,
                fmt_distance(a.distance_m),
                a.direction,
                a.verdict_label(),
                a.lon,
                a.lat
            );
            for r in &a.resolves {
                let _ = writeln!(out, "     可消除：{r}");
            }
            for r in &a.remaining {
                let _ = writeln!(out, "     仍须核实：{r}");
            }
        }
    }
    if let Some(arg) = argument {
        let _ = writeln!(
            out,
            "\n选址论证（{}）：\n{}",
            method_zh(arg.method),
            arg.text
        );
    }
    if analysis.illustrative {
        let _ = writeln!(
            out,
            "\n注意：所用图层含示意图层（依据公开资料近似绘制，非官方划定范围），结论须以主管部门公布的图层核实。"
        );
    }
    out
}

/// A `<section>` with the verdict, reasons, distances, alternatives, argument and map.
pub fn siting_html_section(
    analysis: &Analysis,
    svg: &str,
    argument: Option<ArgumentView<'_>>,
) -> String {
    let mut out = String::new();
    let class = match analysis.verdict {
        Verdict::Compatible => "ok",
        Verdict::Conditional => "warn",
        Verdict::Incompatible => "err",
    };
    let _ = writeln!(out, "<section class=\"siting\" id=\"siting\">");
    let _ = writeln!(out, "<h2>选址分析</h2>");
    let _ = writeln!(
        out,
        "<div class=\"verdict {class}\">选址结论：{}<div class=\"counts\"><span>东经 {:.5}° 北纬 {:.5}°</span><span>{}</span></div></div>",
        escape(analysis.verdict_zh),
        analysis.site.lon,
        analysis.site.lat,
        escape(&analysis.site.industry_class_basis)
    );
    if analysis.illustrative {
        let _ = writeln!(
            out,
            "<p class=\"cite\"><strong>示意图层：</strong>所用环境管控单元、园区、红线、水源保护区等图层依据公开资料近似绘制，非官方划定范围，结论须以主管部门公布的图层核实。</p>"
        );
    }
    // Inline SVG in HTML needs no namespace declaration (and the page names no URLs).
    let svg = svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    let _ = writeln!(
        out,
        "<figure class=\"map\">{svg}<figcaption class=\"cite\">选址分析示意图：厂址（红色五角星）、周边管控单元、园区、水源保护区、生态保护红线、曹娥江重点保护区及敏感目标。</figcaption></figure>"
    );
    let _ = writeln!(
        out,
        "<table class=\"findings\"><thead><tr><th>判断</th><th>理由</th><th>依据</th></tr></thead><tbody>"
    );
    for r in &analysis.reasons {
        let row = match r.status {
            Status::Conflict => "error",
            Status::Condition => "warning",
            Status::Ok => "ok",
        };
        let _ = writeln!(
            out,
            "<tr class=\"{row}\"><td class=\"sev\">{}</td><td>{}<div><code>{}</code>{}</div></td><td class=\"cite\">{}</td></tr>",
            r.status.label_zh(),
            escape(&r.message),
            r.id,
            if r.illustrative {
                " · 示意图层"
            } else {
                ""
            },
            escape(&cites(r))
        );
    }
    let _ = writeln!(out, "</tbody></table>");
    if !analysis.distances.is_empty() {
        let _ = writeln!(
            out,
            "<h3>周边距离</h3><table class=\"findings\"><thead><tr><th>图层</th><th>名称</th><th>距离</th><th>方位</th></tr></thead><tbody>"
        );
        for d in &analysis.distances {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                d.layer_zh,
                escape(&d.name),
                fmt_distance(d.distance_m),
                d.direction
            );
        }
        let _ = writeln!(out, "</tbody></table>");
    }
    if !analysis.alternatives.is_empty() {
        let _ = writeln!(out, "<h3>备选厂址</h3><ol class=\"alternatives\">");
        for a in &analysis.alternatives {
            let _ = write!(
                out,
                "<li><strong>{}</strong>：距现址 {}（{}方向），{}；参考点 东经 {:.5}° 北纬 {:.5}°",
                escape(&a.name),
                fmt_distance(a.distance_m),
                a.direction,
                a.verdict_label(),
                a.lon,
                a.lat
            );
            if !a.resolves.is_empty() || !a.remaining.is_empty() {
                let _ = write!(out, "<ul>");
                for r in &a.resolves {
                    let _ = write!(out, "<li>可消除：{}</li>", escape(r));
                }
                for r in &a.remaining {
                    let _ = write!(out, "<li>仍须核实：{}</li>", escape(r));
                }
                let _ = write!(out, "</ul>");
            }
            let _ = writeln!(out, "</li>");
        }
        let _ = writeln!(out, "</ol>");
    }
    if let Some(arg) = argument {
        let _ = writeln!(
            out,
            "<h3>选址论证（草稿）</h3><div class=\"argument\">{}</div><p class=\"cite\">{}；仅供审查人员参考和修改。</p>",
            arg.text
                .split("\n\n")
                .map(|p| format!("<p>{}</p>", escape(p)))
                .collect::<String>(),
            method_zh(arg.method)
        );
    }
    let _ = writeln!(out, "</section>");
    out
}

/// A standalone page for `lvshen siting --format html`.
pub fn siting_html(analysis: &Analysis, svg: &str, argument: Option<ArgumentView<'_>>) -> String {
    let title = analysis
        .site
        .name
        .clone()
        .unwrap_or_else(|| format!("{:.5}, {:.5}", analysis.site.lon, analysis.site.lat));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>选址分析 · {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>建设项目选址分析<small>绿审 LüShen</small></h1>\n{}\
         <footer>本分析按确定性规则对厂址坐标与各图层进行空间叠加得出，每条理由均注明规则编号和依据条款；距离为平面近似（误差小于 1%）。\
         本分析不替代生态环境主管部门的审批决定。</footer>\n</main>\n</body>\n</html>\n",
        escape(&title),
        siting_html_section(analysis, svg, argument)
    )
}
