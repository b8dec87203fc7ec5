//! The standardized filing (标准化信息填报, format v1) and the findings a check returns.
//!
//! This crate does no IO: it turns bytes into a validated [`Filing`] — collecting every
//! problem at once, each with its JSON path and a Chinese explanation — and defines the
//! [`Finding`] and [`Report`] types that the rules produce.
//!
//! ```
//! let json = r#"{"schema_version":"1",
//!   "project":{"name":"示例印染项目","applicant":"示例印染有限公司"},
//!   "location":{"district":"柯桥区","longitude":120.6,"latitude":30.15},
//!   "water":{"discharged_t_per_year":"七十六万"}}"#;
//! let err = lvshen_filing::parse_filing(json.as_bytes(), None).unwrap_err();
//! assert_eq!(
//!     err.issues()[0].to_string(),
//!     "water.discharged_t_per_year：应为数字，实际为字符串“七十六万”"
//! );
//! ```

mod bounded;
pub mod codes;
mod finding;
mod model;
mod parse;
mod walk;

pub use finding::{
    Category, Citation, CitedDocument, Confidence, FilingIdentity, Finding, Quantity, Report,
    Severity, Summary,
};
pub use model::*;
pub use parse::{
    Format, Issue, MAX_DEPTH, MAX_INPUT_BYTES, ParseError, Parsed, filing_from_value, parse_filing,
};
