//! A self-contained, printable HTML report in Chinese: no external assets, no scripts.

use std::fmt::Write;

use lvshen_filing::{Report, Severity};

use crate::{citations_line, counts, grouped, values_line, verdict};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(crate) const STYLE: &str = r#"
:root { --err:#b42318; --warn:#b54708; --info:#175cd3; --ink:#1d2939; --mute:#667085; --line:#d0d5dd; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
       color: var(--ink); margin: 0; background: #f5f7f5; line-height: 1.6; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; min-height: 100vh; }
h1 { font-size: 22px; margin: 0 0 4px; }
h1 small { font-size: 13px; color: var(--mute); font-weight: normal; margin-left: 8px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #2e7d32; }
table.meta { border-collapse: collapse; margin: 12px 0; font-size: 14px; }
table.meta th { text-align: left; color: var(--mute); font-weight: normal; padding: 2px 16px 2px 0; }
.verdict { padding: 12px 16px; border-radius: 6px; font-weight: bold; margin: 16px 0; }
.verdict.err { background: #fef3f2; color: var(--err); border: 1px solid #fecdca; }
.verdict.warn { background: #fffaeb; color: var(--warn); border: 1px solid #fedf89; }
.verdict.ok { background: #ecfdf3; color: #027a48; border: 1px solid #a6f4c5; }
.counts { display: flex; gap: 12px; margin: 8px 0 0; }
.counts span { padding: 4px 12px; border-radius: 12px; font-size: 13px; background: #f2f4f7; }
table.findings { width: 100%; border-collapse: collapse; font-size: 14px; }
table.findings th, table.findings td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
table.findings th { background: #f9fafb; font-weight: 600; white-space: nowrap; }
td.sev { white-space: nowrap; font-weight: bold; }
tr.error td.sev { color: var(--err); } tr.warning td.sev { color: var(--warn); } tr.info td.sev { color: var(--info); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; color: #475467; word-break: break-all; }
.values { color: #344054; font-size: 13px; margin-top: 4px; }
.cite { color: var(--mute); font-size: 13px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
tr.ok td.sev { color: #027a48; }
figure.map { margin: 12px 0; } figure.map svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
.argument p { margin: 6px 0; text-indent: 2em; }
ol.alternatives li { margin: 4px 0; }
footer { margin-top: 32px; font-size: 12px; color: var(--mute); border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  body { background: #fff; } main { padding: 0; max-width: none; }
  h2 { break-after: avoid; } tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The report as a self-contained HTML page.
pub fn html(report: &Report) -> String {
    html_with(report, &[])
}

/// The report with more sections (e.g. the siting analysis with its map) before the footer.
pub fn html_with(report: &Report, sections: &[String]) -> String {
    let mut out = String::new();
    let f = &report.filing;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>预审报告 · {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&f.name)
    );
    let _ = writeln!(
        out,
        "<h1>环评与排污许可预审报告<small>绿审 LüShen</small></h1>"
    );
    let _ = writeln!(out, "<table class=\"meta\">");
    let mut row = |k: &str, v: &str| {
        let _ = writeln!(out, "<tr><th>{k}</th><td>{}</td></tr>", escape(v));
    };
    row("项目名称", &f.name);
    row("建设单位", &f.applicant);
    row("所在区县", &f.district);
    if let Some(code) = &f.industry_code {
        row("行业代码", code);
    }
    row("审查基准日", &report.as_of);
    row("标准数据", &report.standards);
    if !report.law_basis.is_empty() {
        row("法律依据", &report.law_basis);
    }
    let _ = writeln!(out, "</table>");
    let class = if report.summary.errors > 0 {
        "err"
    } else if report.summary.warnings > 0 {
        "warn"
    } else {
        "ok"
    };
    let _ = writeln!(
        out,
        "<div class=\"verdict {class}\">结论：{}<div class=\"counts\"><span>错误 {}</span><span>警告 {}</span><span>提示 {}</span></div></div>",
        escape(&verdict(report)),
        report.summary.errors,
        report.summary.warnings,
        report.summary.infos
    );
    for (category, items) in grouped(report) {
        let _ = writeln!(
            out,
            "<h2 id=\"{}\">{}（{}）</h2>",
            category.code(),
            category.label_zh(),
            escape(&counts(&items))
        );
        let _ = writeln!(
            out,
            "<table class=\"findings\"><thead><tr><th>级别</th><th>问题</th><th>依据</th></tr></thead><tbody>"
        );
        for finding in items {
            let sev = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let values = values_line(finding)
                .map(|v| format!("<div class=\"values\">{}</div>", escape(&v)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr class=\"{sev}\"><td class=\"sev\">{}</td><td>{}{values}<div><code>{}</code> · <code>{}</code></div></td><td class=\"cite\">{}</td></tr>",
                finding.severity.label_zh(),
                escape(&finding.message),
                escape(finding.rule_id),
                escape(&finding.field),
                escape(&citations_line(finding))
            );
        }
        let _ = writeln!(out, "</tbody></table>");
    }
    for section in sections {
        out.push_str(section);
    }
    if !report.cited_documents.is_empty() {
        let _ = writeln!(
            out,
            "<h2>引用文件及其效力（截至审查基准日 {}）</h2>\n<table class=\"docs\"><thead><tr><th>文件</th><th>状态</th><th>日期</th><th>替代文件</th></tr></thead><tbody>",
            escape(&report.as_of)
        );
        for d in &report.cited_documents {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&d.doc),
                escape(&d.status),
                escape(d.date.as_deref().unwrap_or("")),
                escape(d.successor.as_deref().unwrap_or(""))
            );
        }
        let _ = writeln!(out, "</tbody></table>");
    }
    let _ = writeln!(
        out,
        "<footer>本报告由绿审规则引擎按确定性规则生成，每项结论均注明规则编号和依据条款。“错误”为影响审批的问题；“警告”须审查人员核实；\
         标注“待核实”的依据尚未与官方文本逐字核对，仅作警告。{}本报告不替代生态环境主管部门的审批决定。</footer>",
        if report.law_basis.is_empty() {
            String::new()
        } else {
            format!("{}。", escape(&report.law_basis))
        }
    );
    let _ = writeln!(out, "</main>\n</body>\n</html>");
    out
}
