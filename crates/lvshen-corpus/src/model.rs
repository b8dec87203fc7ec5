//! Documents and their clause-level chunks.

use serde::{Deserialize, Serialize};

/// What kind of document a chunk comes from (a search filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// A law or regulation (法律、法规、规章).
    Law,
    /// A national or local standard, a catalogue, a technical guideline.
    Standard,
    /// A past approval (环评批复).
    Approval,
    /// Our own digest of a law or standard, organised by clause.
    Digest,
    /// Anything else.
    Other,
}

impl DocType {
    /// The code used in filters and JSON.
    pub fn code(self) -> &'static str {
        match self {
            DocType::Law => "law",
            DocType::Standard => "standard",
            DocType::Approval => "approval",
            DocType::Digest => "digest",
            DocType::Other => "other",
        }
    }

    /// Parses a code or its Chinese name.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim() {
            "law" | "法律" | "法规" | "法律法规" => DocType::Law,
            "standard" | "标准" | "名录" => DocType::Standard,
            "approval" | "批复" | "环评批复" => DocType::Approval,
            "digest" | "摘要" => DocType::Digest,
            "other" | "其他" => DocType::Other,
            _ => return None,
        })
    }

    /// The Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            DocType::Law => "法律法规",
            DocType::Standard => "标准规范",
            DocType::Approval => "环评批复",
            DocType::Digest => "法规标准摘要",
            DocType::Other => "其他",
        }
    }
}

/// What we know about a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Title, e.g. 中华人民共和国环境影响评价法, 纺织染整工业水污染物排放标准.
    pub title: String,
    /// Document number, e.g. GB 4287-2012, 国务院令第736号.
    pub doc_number: Option<String>,
    pub doc_type: Option<DocType>,
    pub issuer: Option<String>,
    /// Effective date, YYYY-MM-DD.
    pub effective: Option<String>,
    /// 现行 / 已废止 / 征求意见稿 / 示例.
    pub status: Option<String>,
    /// How sure the digest's facts are: V / V2 / M.
    pub confidence: Option<String>,
    /// Districts, industries, keywords (approvals).
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One retrievable unit: an article, a numbered section, a table row, an approval section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    /// Stable id: `<doc id>#<ordinal>`.
    pub id: String,
    /// Id of the document (derived from its source path).
    pub doc_id: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub doc_type: DocType,
    pub status: Option<String>,
    /// Clause label: 第二十二条, 4.5, 表2, 三、审批意见 …
    pub clause: String,
    /// The chapter or section the clause sits in, if any (第四章 …).
    pub context: Option<String>,
    /// The heading of the section, when the source has one (Markdown, numbered sections).
    #[serde(default)]
    pub heading: Option<String>,
    /// The document's tags (districts, industries, topics).
    #[serde(default)]
    pub tags: Vec<String>,
    /// 1-based page for PDFs.
    pub page: Option<u32>,
    /// The text, normalised.
    pub text: String,
    /// Source path as given to ingestion.
    pub source: String,
}
