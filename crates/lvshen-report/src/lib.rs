//! Check reports rendered for people: terminal text (optionally coloured), Markdown, a
//! self-contained printable HTML page in Chinese, and the JSON of `filing.md`.
//!
//! Rendering is pure: a [`Report`] in, a `String` out.
//!
//! ```
//! use lvshen_filing::{Filing, Report};
//! let report = Report::new(&Filing::default(), "2026-11-29".into(), "builtin".into(), vec![]);
//! assert!(lvshen_report::text(&report, false).contains("未发现问题"));
//! ```

mod html;
mod siting;
mod text;

use lvshen_filing::{Category, Finding, Issue, Report, Severity};

pub use html::{escape, html, html_with};
pub use siting::{ArgumentView, siting_html, siting_html_section, siting_text};
pub use text::{markdown, text};

/// The report as pretty JSON, exactly in the shape of `filing.md` "Findings".
pub fn json(report: &Report) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Input problems (the filing could not be read) as JSON:
/// `{"error":{"code":"invalid_filing","message":…,"issues":[{"path":…,"message":…}]}}`.
pub fn issues_json(code: &str, message: &str, issues: &[Issue], warnings: &[Issue]) -> String {
    let value = serde_json::json!({
        "error": {
            "code": code,
            "message": message,
            "issues": issues,
            "warnings": warnings,
        }
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The one-line verdict of a report.
pub fn verdict(report: &Report) -> String {
    let s = report.summary;
    if s.errors + s.warnings + s.infos == 0 {
        return "未发现问题".to_owned();
    }
    let tail = if s.errors > 0 {
        "存在影响审批的问题，须修改后提交"
    } else if s.warnings > 0 {
        "无阻碍审批的错误，警告项需审查人员核实"
    } else {
        "仅有提示信息"
    };
    format!(
        "{} 项错误，{} 项警告，{} 项提示：{tail}",
        s.errors, s.warnings, s.infos
    )
}

/// Findings grouped by category, in the order of [`Category::ALL`].
pub(crate) fn grouped(report: &Report) -> Vec<(Category, Vec<&Finding>)> {
    Category::ALL
        .iter()
        .filter_map(|c| {
            let items: Vec<&Finding> = report
                .findings
                .iter()
                .filter(|f| f.category == *c)
                .collect();
            (!items.is_empty()).then_some((*c, items))
        })
        .collect()
}

/// "2 错误 1 警告" for a group.
pub(crate) fn counts(items: &[&Finding]) -> String {
    [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .filter_map(|s| {
            let n = items.iter().filter(|f| f.severity == *s).count();
            (n > 0).then(|| format!("{n} {}", s.label_zh()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "标准值 200 · 申报值 300".
pub(crate) fn values_line(finding: &Finding) -> Option<String> {
    let show = |q: &lvshen_filing::Quantity| match q {
        lvshen_filing::Quantity::Number(n) => trim_number(*n),
        lvshen_filing::Quantity::Text(t) => t.clone(),
    };
    match (&finding.expected, &finding.actual) {
        (Some(e), Some(a)) => Some(format!("要求 {} · 申报/计算 {}", show(e), show(a))),
        (None, Some(a)) => Some(format!("申报 {}", show(a))),
        (Some(e), None) => Some(format!("要求 {}", show(e))),
        (None, None) => None,
    }
}

fn trim_number(n: f64) -> String {
    let text = format!("{:.4}", n);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// "GB 4287-2012 表2；排污许可管理条例 第七条".
pub(crate) fn citations_line(finding: &Finding) -> String {
    finding
        .citations
        .iter()
        .map(|c| format!("{} {}", c.doc, c.clause).trim().to_owned())
        .collect::<Vec<_>>()
        .join("；")
}
