//! Runs every rule over a parsed filing and assembles the report.

use lvshen_filing::{Category, Filing, Finding, Parsed, Report, Severity};

use crate::context::Context;
use crate::date::Date;
use crate::rules::{self, RULES};
use crate::standards::Standards;

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
        Report::new(
            filing,
            as_of.to_string(),
            self.standards.id.clone(),
            findings,
        )
    }
}
