//! Ingestion of the knowledge base: Markdown (with front matter), plain text and PDF, into
//! clause-level chunks that carry their document's title, number, clause label, page, status
//! and source.
//!
//! PDFs go through a chain of extractors run in worker subprocesses with time and memory
//! limits ([`pdf`]); scans are detected and reported, never indexed as empty. Text is
//! NFKC-normalised and line-wrap whitespace between CJK characters removed ([`normalize`]).
//!
//! ```
//! use lvshen_corpus::{IngestOptions, ingest_bytes};
//! let md = "## 第二十二条 审批期限\n报告书六十日内作出审批决定。";
//! let doc = ingest_bytes("demo.md", std::path::Path::new("demo.md"), md.as_bytes(), &IngestOptions::default()).unwrap();
//! assert_eq!(doc.chunks[0].clause, "第二十二条");
//! ```

pub mod chunk;
mod ingest;
pub mod markdown;
mod model;
pub mod normalize;
mod ocr;
pub mod pdf;

pub use ingest::{
    IngestError, IngestOptions, Ingested, collect_files, content_hash, ingest_bytes,
    standard_number,
};
pub use model::{Chunk, DocMeta, DocType};
