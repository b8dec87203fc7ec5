//! The agent's tools. Each turns something other than the search index into evidence the
//! answer may cite: a review rule looked up by id, the findings of a checked filing, and
//! (through the index's approval filter) similar past approvals.
//!
//! Filing text is data: finding messages quote the applicant's values, and any segment
//! that reads as an instruction is dropped like in retrieved passages.

use lvshen_filing::{Filing, Report, Severity};
use lvshen_rules::RULES;

use crate::evidence::{Evidence, compact, is_instruction};

/// Evidence for every rule whose id appears in the question (`water.limit.indirect`).
pub fn rule_lookup(question: &str) -> Vec<Evidence> {
    let q = question.to_lowercase();
    RULES
        .iter()
        .filter(|r| q.contains(&r.id.to_lowercase()))
        .map(|r| {
            let basis: Vec<String> = r
                .basis
                .iter()
                .map(|b| format!("{} {}", b.doc, b.clause))
                .collect();
            let text = format!(
                "规则 {}（{}）：{}。依据：{}。",
                r.id,
                r.name,
                r.checks.trim_end_matches('。'),
                basis.join("；")
            );
            Evidence {
                doc: "绿审审查规则".to_owned(),
                doc_number: None,
                clause: r.id.to_owned(),
                text,
                source: "lvshen rules".to_owned(),
            }
        })
        .collect()
}

/// A filing that was checked, for questions about its findings.
#[derive(Debug, Clone)]
pub struct FilingContext {
    /// Where it came from (file name).
    pub name: String,
    pub filing: Filing,
    pub report: Report,
}

impl FilingContext {
    /// Industry, processes and district, for finding similar approvals.
    pub fn profile(&self) -> String {
        let mut parts = vec![self.filing.location.district.clone()];
        if let Some(code) = &self.filing.project.industry_code {
            parts.push(code.clone());
        }
        for p in self.filing.processes.iter().flatten() {
            parts.push(p.label_zh().to_owned());
        }
        parts.push("印染".to_owned());
        parts.join(" ")
    }
}

/// Words that ask about the checked filing as a whole.
const ABOUT_FILING: &[&str] = &[
    "填报",
    "标记",
    "问题",
    "为什么",
    "哪些",
    "错误",
    "警告",
    "本项目",
    "这个项目",
    "这份",
];

/// Evidence from the findings of the checked filing that the question is about: those whose
/// rule id, field or message shares a key term with it, or all errors and warnings when the
/// question asks about the filing as a whole.
pub fn explain_findings(
    filing: &FilingContext,
    question: &str,
    terms: &[Vec<String>],
) -> Vec<Evidence> {
    let q = question.to_lowercase();
    let general = ABOUT_FILING.iter().any(|w| q.contains(w));
    let mut out = Vec::new();
    for f in &filing.report.findings {
        if f.severity == Severity::Info && !q.contains(&f.rule_id.to_lowercase()) {
            continue;
        }
        let hay = compact(&format!("{} {} {}", f.rule_id, f.field, f.message));
        let named = q.contains(&f.rule_id.to_lowercase()) || q.contains(&f.field.to_lowercase());
        let shares = terms.iter().any(|g| {
            g.iter()
                .any(|t| t.chars().count() >= 2 && hay.contains(&compact(t)))
        });
        if !(named || shares || general) {
            continue;
        }
        let message: String = f
            .message
            .split(['。', '；'])
            .filter(|s| !is_instruction(s))
            .collect::<Vec<_>>()
            .join("；");
        let basis: Vec<String> = f
            .citations
            .iter()
            .map(|c| format!("{} {}", c.doc, c.clause))
            .collect();
        let text = format!(
            "{}（{}，字段 {}）：{}。依据：{}。",
            f.rule_id,
            f.severity.label_zh(),
            f.field,
            message,
            basis.join("；")
        );
        out.push(Evidence {
            doc: format!("填报审查结果：{}", filing.report.filing.name),
            doc_number: None,
            clause: f.rule_id.to_owned(),
            text,
            source: filing.name.clone(),
        });
        if out.len() >= 4 {
            break;
        }
    }
    out
}

/// Whether the question asks about past approvals.
pub fn wants_approvals(question: &str) -> bool {
    [
        "批复",
        "审批意见",
        "类似",
        "同类",
        "以往",
        "过去",
        "案例",
        "先例",
        "去年",
        "曾经",
    ]
    .iter()
    .any(|w| question.contains(w))
}
