//! Runs every rule over a parsed filing and assembles the report.

use lvshen_filing::{Category, Citation, CitedDocument, Filing, Finding, Parsed, Report, Severity};
use lvshen_law::{LawBook, Status};

use crate::context::Context;
use crate::rules::{self, RULES};
use crate::standards::Standards;
use lvshen_law::Date;

/// More findings from outside the rule pack, e.g. spatial checks against zoning layers.
/// This is the seam through which the siting layer adds its evidence.
pub trait FindingSource: Send + Sync {
    /// Findings for this filing. Each must cite at least one source.
    fn findings(&self, filing: &Filing) -> Vec<Finding>;
}

/// The review engine: standards plus the rule pack.
#[derive(Debug, Clone)]
pub struct Engine {
    standards: Standards,
}

impl Engine {
    /// An engine over these standards.
    pub fn new(standards: Standards) -> Self {
        Engine { standards }
    }

    /// The standards in use.
    pub fn standards(&self) -> &Standards {
        &self.standards
    }

    /// Checks a parsed filing as of a date (which decides the limits in force).
    pub fn check(&self, parsed: &Parsed, as_of: Date) -> Report {
        self.check_with(parsed, as_of, &[])
    }

    /// Checks, adding the findings of further sources.
    pub fn check_with(
        &self,
        parsed: &Parsed,
        as_of: Date,
        sources: &[&dyn FindingSource],
    ) -> Report {
        let filing = &parsed.filing;
        let cx = Context::new(filing, &self.standards, as_of);
        let mut findings = rules::format_findings(&parsed.warnings);
        for rule in RULES {
            let before = findings.len();
            (rule.check)(&cx, &mut findings);
            for finding in &findings[before..] {
                debug_assert_eq!(finding.rule_id, rule.id, "a rule reports under its own id");
                debug_assert!(!finding.citations.is_empty(), "{} cites nothing", rule.id);
            }
        }
        for source in sources {
            findings.extend(source.findings(filing));
        }
        for finding in &mut findings {
            // A finding without a source would break the contract; say so rather than hide it.
            if finding.citations.is_empty() {
                finding.category = Category::Other;
                finding.severity = finding.severity.min(Severity::Info);
                finding
                    .citations
                    .push(lvshen_filing::Citation::new("绿审规则引擎", "依据缺失"));
            }
        }
        let book = LawBook::builtin();
        for finding in &mut findings {
            finding.citations = cite_as_of(book, &finding.citations, as_of);
        }
        let mut report = Report::new(
            filing,
            as_of.to_string(),
            self.standards.id.clone(),
            findings,
        );
        report.law_basis = book.law_set_zh(as_of);
        report.cited_documents = cited_documents(book, &report.findings, as_of);
        report
    }
}

/// Citations as they must read on `as_of`: a repealed law's article becomes the article of
/// the law in force that carries it (the 生态环境法典 from 2026-08-15), a regulation's article
/// gains the Code's article that covers the same ground; repeats are dropped.
pub fn cite_as_of(book: &LawBook, citations: &[Citation], as_of: Date) -> Vec<Citation> {
    book.cite_all(
        citations
            .iter()
            .map(|c| (c.doc.as_str(), c.clause.as_str())),
        as_of,
    )
    .into_iter()
    .map(|c| Citation::new(c.doc, c.clause))
    .collect()
}

/// Every document the findings cite, once, with its status on `as_of`.
pub fn cited_documents(book: &LawBook, findings: &[Finding], as_of: Date) -> Vec<CitedDocument> {
    let mut out: Vec<CitedDocument> = Vec::new();
    for c in findings.iter().flat_map(|f| &f.citations) {
        if out.iter().any(|d| d.doc == c.doc) {
            continue;
        }
        let status = book.status(&c.doc, as_of);
        let (date, successor) = match &status {
            Status::InForce { since } => (since.clone(), None),
            Status::NotYetInForce { from } => (Some(from.clone()), None),
            Status::Repealed { on, by, .. } => (Some(on.clone()), by.clone()),
        };
        out.push(CitedDocument {
            doc: c.doc.clone(),
            status: status.label_zh().to_owned(),
            date,
            successor,
        });
    }
    out.sort_by(|a, b| a.doc.cmp(&b.doc));
    out
}
