//! Clause-level search over the knowledge base: a tantivy index with a Chinese analyzer
//! (jieba-rs in search mode with a domain dictionary, shared in an `Arc`), synonym expansion
//! (COD ↔ 化学需氧量, 报告书 ↔ 环境影响报告书 …), exact lookups of standard numbers, titles and
//! clause labels (GB 4287 表2, 排污许可管理条例 第十四条), filters by document type, and
//! highlighted snippets.
//!
//! Queries are built from terms, never handed to tantivy's `QueryParser`, which would turn a
//! space-free Chinese run into a phrase (`shared/spec/text-stack.md`).

pub mod analyzer;
mod index;
mod ingest;
pub mod query;
pub mod synonyms;

pub use index::{
    Hit, ManifestEntry, SearchError, SearchIndex, SearchRequest, asks_history, compact, doc_key,
};
pub use ingest::{FileReport, FileStatus, Source, ingest_sources, is_supported};
