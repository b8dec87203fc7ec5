//! Text and HTML renderings of an intake.

use std::fmt::Write;

use crate::Intake;
use crate::checks::{DocFinding, Location};

fn place(l: &Location) -> String {
    let mut out = String::new();
    if let Some(s) = &l.section {
        out.push_str(&format!("【{s}】"));
    }
    out.push_str(&l.loc.label_zh());
    out
}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn citations(f: &DocFinding) -> String {
    f.finding
        .citations
        .iter()
        .map(|c| format!("{} {}", c.doc, c.clause))
        .collect::<Vec<_>>()
        .join("；")
}

/// Plain text for the terminal.
pub fn text(i: &Intake) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "文件：{}（{}）",
        i.file,
        match i.file_kind {
            crate::FileKind::Docx => "DOCX".to_owned(),
            crate::FileKind::Pdf => format!("PDF，{} 页", i.pages.unwrap_or(0)),
        }
    );
    let _ = writeln!(out, "格式：{}", i.format_label);
    let _ = writeln!(out, "判断依据：{}", i.format_evidence);
    let _ = writeln!(out, "审查日：{}", i.as_of);
    let _ = writeln!(
        out,
        "结果：错误 {} 项，警告 {} 项，提示 {} 项；提取填报字段 {} 个；查重比对报告 {} 份",
        i.summary.errors,
        i.summary.warnings,
        i.summary.infos,
        i.summary.fields,
        i.summary.library_reports
    );
    let _ = writeln!(out, "\n== 文件检查 ==");
    if i.findings.is_empty() {
        let _ = writeln!(out, "未发现问题。");
    }
    for (n, f) in i.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. [{}] {} {}",
            n + 1,
            f.finding.severity.label_zh(),
            f.finding.rule_id,
            f.finding.message
        );
        let _ = writeln!(
            out,
            "   位置：{}  原文：{}",
            place(&f.location),
            f.location.quote
        );
        for also in &f.also {
            let _ = writeln!(out, "   另见：{}  原文：{}", place(also), also.quote);
        }
        let _ = writeln!(out, "   依据：{}", citations(f));
    }
    let _ = writeln!(
        out,
        "\n== 提取的填报字段（可用 --filing 写出后交 lvshen check 预审）=="
    );
    for (field, p) in &i.provenance {
        let value = crate::extract::get_path(&i.filing, field)
            .map(value_text)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{field} = {value}    ← {}{}",
            p.section
                .as_ref()
                .map(|s| format!("【{s}】"))
                .unwrap_or_default(),
            p.loc.label_zh()
        );
    }
    if !i.unmapped.is_empty() {
        let _ = writeln!(out, "\n== 未映射到填报格式的内容 ==");
        for u in &i.unmapped {
            let _ = writeln!(out, "{}：{}    ← {}", u.label, u.text, u.loc.label_zh());
        }
    }
    if let Some(c) = &i.comparison {
        let _ = writeln!(
            out,
            "\n== 与标准化填报比对 ==\n共同字段 {} 个，不一致 {} 个",
            c.compared,
            c.differences.len()
        );
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An HTML fragment (no page chrome): the findings with their places, then the fields.
pub fn html_fragment(i: &Intake) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"intake\"><h2>环评文件检查：{}</h2><p>格式：{}（{}）</p><p>错误 {} 项，警告 {} 项，提示 {} 项；提取填报字段 {} 个</p>",
        esc(&i.file),
        esc(&i.format_label),
        esc(&i.format_evidence),
        i.summary.errors,
        i.summary.warnings,
        i.summary.infos,
        i.summary.fields
    );
    out.push_str("<table class=\"findings\"><thead><tr><th>级别</th><th>规则</th><th>问题</th><th>文件位置</th><th>依据</th></tr></thead><tbody>");
    for f in &i.findings {
        let sev = match f.finding.severity {
            lvshen_filing::Severity::Error => "error",
            lvshen_filing::Severity::Warning => "warning",
            lvshen_filing::Severity::Info => "info",
        };
        let mut places = format!(
            "<div class=\"loc\">{}</div><blockquote>{}</blockquote>",
            esc(&place(&f.location)),
            esc(&f.location.quote)
        );
        for also in &f.also {
            let _ = write!(
                places,
                "<div class=\"loc\">另见：{}</div><blockquote>{}</blockquote>",
                esc(&place(also)),
                esc(&also.quote)
            );
        }
        let _ = write!(
            out,
            "<tr class=\"{sev}\"><td>{}</td><td><code>{}</code></td><td>{}</td><td>{places}</td><td>{}</td></tr>",
            f.finding.severity.label_zh(),
            f.finding.rule_id,
            esc(&f.finding.message),
            esc(&citations(f))
        );
    }
    out.push_str("</tbody></table><h3>提取的填报字段</h3><table class=\"fields\"><thead><tr><th>字段</th><th>值</th><th>出处</th><th>原文</th></tr></thead><tbody>");
    for (field, p) in &i.provenance {
        let value = crate::extract::get_path(&i.filing, field)
            .map(value_text)
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}{}</td><td>{}</td></tr>",
            esc(field),
            esc(&value),
            p.section
                .as_ref()
                .map(|s| format!("【{}】", esc(s)))
                .unwrap_or_default(),
            esc(&p.loc.label_zh()),
            esc(&p.text)
        );
    }
    out.push_str("</tbody></table></section>");
    out
}

/// A whole HTML page.
pub fn html(i: &Intake) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>环评文件检查</title><style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;width:100%;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px;vertical-align:top;font-size:14px}}tr.error td:first-child{{color:#b00}}tr.warning td:first-child{{color:#a60}}blockquote{{margin:2px 0;color:#555}}</style></head><body>{}</body></html>",
        html_fragment(i)
    )
}
