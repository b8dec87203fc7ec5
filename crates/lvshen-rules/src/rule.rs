//! A review rule: stable id, category, what it checks, its basis, and a check function.

use lvshen_filing::{Category, Confidence, Finding, Severity};
use serde::Serialize;

use crate::context::Context;

/// One legal or technical basis of a rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Basis {
    pub doc: &'static str,
    pub clause: &'static str,
    pub confidence: Confidence,
}

/// A deterministic review rule.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// Stable id, e.g. `water.limit.indirect`. Never reused for another meaning.
    pub id: &'static str,
    pub category: Category,
    /// Short Chinese name.
    pub name: &'static str,
    /// What it checks, in Chinese.
    pub checks: &'static str,
    /// What it rests on. The confidence of each basis caps the findings that rest on it.
    pub basis: &'static [Basis],
    #[serde(skip)]
    pub check: fn(&Context<'_>, &mut Vec<Finding>),
}

impl Rule {
    /// A finding of this rule (id and category filled in).
    pub fn finding(
        &self,
        severity: Severity,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(self.id, self.category, severity, field, message)
    }
}

/// Shorthand for a [`Basis`] in rule tables.
pub const fn basis(doc: &'static str, clause: &'static str, confidence: Confidence) -> Basis {
    Basis {
        doc,
        clause,
        confidence,
    }
}
