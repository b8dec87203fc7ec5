//! The review engine: deterministic rules for textile dyeing (纺织印染) filings, and the
//! standards tables they use.
//!
//! Rules decide, the model explains: every finding here comes from a rule with a stable id
//! and at least one citation. The rules never call a model and do no IO; the standards
//! tables are data (`corpus/standards/*.toml`, compiled in, replaceable at run time).
//!
//! ```
//! use lvshen_rules::{Date, Engine, Standards};
//!
//! let json = r#"{"schema_version":"1",
//!   "project":{"name":"示例印染项目","applicant":"示例印染有限公司","construction_type":"new",
//!              "industry_code":"C1713","document_type":"report_table"},
//!   "location":{"district":"柯桥区","longitude":120.62,"latitude":30.16,"industrial_park":"滨海工业区"},
//!   "processes":["pretreatment","dyeing"]}"#;
//! let parsed = lvshen_filing::parse_filing(json.as_bytes(), None).unwrap();
//! let engine = Engine::new(Standards::builtin());
//! let report = engine.check(&parsed, Date::parse("2026-11-29").unwrap());
//! assert!(report.findings.iter().any(|f| f.rule_id == "classification.eia_document_type"));
//! ```

mod context;
mod engine;
mod rule;
mod rules;
mod standards;
mod util;

pub use context::{BenchmarkFacts, Context, Derived, Discharge};
pub use engine::{Engine, FindingSource, cite_as_of, cited_documents};
pub use lvshen_law::{Date, LawBook, Status as LawStatus, split_clause};
pub use rule::{Basis, Rule};
pub use rules::{RULES, permit_water_limit};
pub use standards::{BUILTIN_FILES, Limit, Screening, Source, Standards, StandardsError, Table};
pub use util::num;
