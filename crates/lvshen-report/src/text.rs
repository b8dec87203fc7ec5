//! Terminal text and Markdown.

use std::fmt::Write;

use lvshen_filing::{Report, Severity};

use crate::{citations_line, counts, grouped, values_line, verdict};

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[31m",
        Severity::Warning => "\x1b[33m",
        Severity::Info => "\x1b[36m",
    }
}

fn mark(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

/// The report as terminal text, grouped by category; ANSI colours when `colour` is true.
pub fn text(report: &Report, colour_on: bool) -> String {
    let paint = |code: &'static str| if colour_on { code } else { "" };
    let mut out = String::new();
    let f = &report.filing;
    let _ = writeln!(
        out,
        "{}绿审 · 环评与排污许可预审报告{}",
        paint(BOLD),
        paint(RESET)
    );
    let _ = writeln!(out, "项目：{}", f.name);
    let _ = writeln!(out, "建设单位：{}（{}）", f.applicant, f.district);
    let _ = writeln!(
        out,
        "审查基准日：{}　标准数据：{}",
        report.as_of, report.standards
    );
    if !report.law_basis.is_empty() {
        let _ = writeln!(out, "法律依据：{}", report.law_basis);
    }
    let verdict_colour = if report.summary.errors > 0 {
        colour(Severity::Error)
    } else if report.summary.warnings > 0 {
        colour(Severity::Warning)
    } else {
        "\x1b[32m"
    };
    let _ = writeln!(
        out,
        "结论：{}{}{}{}",
        paint(BOLD),
        paint(verdict_colour),
        verdict(report),
        paint(RESET)
    );
    for (category, items) in grouped(report) {
        let _ = writeln!(
            out,
            "\n{}■ {}（{}）{}",
            paint(BOLD),
            category.label_zh(),
            counts(&items),
            paint(RESET)
        );
        for finding in items {
            let _ = writeln!(
                out,
                "  {}{} {}{}  {}{}  {}{}",
                paint(colour(finding.severity)),
                mark(finding.severity),
                finding.severity.label_zh(),
                paint(RESET),
                paint(DIM),
                finding.rule_id,
                finding.field,
                paint(RESET)
            );
            let _ = writeln!(out, "     {}", finding.message);
            if let Some(values) = values_line(finding) {
                let _ = writeln!(out, "     {}{values}{}", paint(DIM), paint(RESET));
            }
            let _ = writeln!(
                out,
                "     {}依据：{}{}",
                paint(DIM),
                citations_line(finding),
                paint(RESET)
            );
        }
    }
    if report.findings.iter().any(|f| f.message.contains("待核实")) {
        let _ = writeln!(
            out,
            "\n注：标注“待核实”的项目，其依据尚未与官方文本逐字核对，仅作警告，不作为否决依据。"
        );
    }
    out
}

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let f = &report.filing;
    let _ = writeln!(out, "# 环评与排污许可预审报告\n");
    let _ = writeln!(out, "| 项目 | {} |", escape_md(&f.name));
    let _ = writeln!(out, "|---|---|");
    let _ = writeln!(out, "| 建设单位 | {} |", escape_md(&f.applicant));
    let _ = writeln!(out, "| 所在区县 | {} |", escape_md(&f.district));
    if let Some(code) = &f.industry_code {
        let _ = writeln!(out, "| 行业代码 | {} |", escape_md(code));
    }
    let _ = writeln!(out, "| 审查基准日 | {} |", report.as_of);
    let _ = writeln!(out, "| 标准数据 | {} |", escape_md(&report.standards));
    if !report.law_basis.is_empty() {
        let _ = writeln!(out, "| 法律依据 | {} |", escape_md(&report.law_basis));
    }
    let _ = writeln!(out, "\n**结论：{}**", verdict(report));
    for (category, items) in grouped(report) {
        let _ = writeln!(out, "\n## {}（{}）\n", category.label_zh(), counts(&items));
        for finding in items {
            let _ = writeln!(
                out,
                "- **{}** `{}` `{}`  \n  {}",
                finding.severity.label_zh(),
                finding.rule_id,
                finding.field,
                escape_md(&finding.message)
            );
            if let Some(values) = values_line(finding) {
                let _ = writeln!(out, "  {values}  ");
            }
            let _ = writeln!(out, "  依据：{}", escape_md(&citations_line(finding)));
        }
    }
    out
}

fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
