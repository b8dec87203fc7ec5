//! Ingesting files into the index: incremental (unchanged content is skipped by hash), one
//! report line per file, failures explained and never fatal to the batch.

use std::path::{Path, PathBuf};

use lvshen_corpus::{IngestError, IngestOptions, content_hash, ingest_bytes};
use serde::Serialize;

use crate::index::{SearchError, SearchIndex};

/// What happened to one file.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FileStatus {
    /// Indexed now.
    Indexed { chunks: usize, via: String },
    /// Already indexed with the same content.
    Unchanged,
    /// Not a document we read (clearly skipped, not an error).
    Skipped { reason: String },
    /// A scan without a text layer: reported, not indexed.
    Scanned { reason: String },
    /// Could not be ingested.
    Failed { reason: String },
}

/// One line of the ingestion report.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    pub doc_id: String,
    pub title: Option<String>,
    #[serde(flatten)]
    pub status: FileStatus,
    pub millis: u64,
}

/// A file to ingest: its document id and where to read it (or its bytes, for embedded files).
#[derive(Debug, Clone)]
pub struct Source {
    pub doc_id: String,
    pub path: PathBuf,
    pub bytes: Option<Vec<u8>>,
}

/// Ingests files into the index, committing once at the end. `progress` is called after
/// each file with its position and report.
pub fn ingest_sources(
    index: &mut SearchIndex,
    sources: &[Source],
    options: &IngestOptions,
    progress: &mut dyn FnMut(usize, &FileReport),
) -> Result<Vec<FileReport>, SearchError> {
    let mut writer = None;
    let mut reports = Vec::with_capacity(sources.len());
    for (i, source) in sources.iter().enumerate() {
        let started = std::time::Instant::now();
        let report = ingest_one(index, &mut writer, source, options)?;
        let report = FileReport {
            millis: started.elapsed().as_millis() as u64,
            ..report
        };
        progress(i, &report);
        reports.push(report);
    }
    if let Some(writer) = writer {
        index.commit(writer)?;
    }
    Ok(reports)
}

fn ingest_one(
    index: &mut SearchIndex,
    writer: &mut Option<tantivy::IndexWriter>,
    source: &Source,
    options: &IngestOptions,
) -> Result<FileReport, SearchError> {
    let path = source.path.display().to_string();
    let report = |title: Option<String>, status| FileReport {
        path: path.clone(),
        doc_id: source.doc_id.clone(),
        title,
        status,
        millis: 0,
    };
    if !is_supported(&source.path) {
        return Ok(report(
            None,
            FileStatus::Skipped {
                reason: "不支持的文件类型".to_owned(),
            },
        ));
    }
    let bytes = match &source.bytes {
        Some(b) => b.clone(),
        None => match std::fs::read(&source.path) {
            Ok(b) => b,
            Err(e) => {
                return Ok(report(
                    None,
                    FileStatus::Failed {
                        reason: format!("无法读取：{e}"),
                    },
                ));
            }
        },
    };
    let hash = content_hash(&bytes);
    if index.is_current(&source.doc_id, &hash) {
        let title = index
            .manifest()
            .get(&source.doc_id)
            .map(|e| e.title.clone());
        return Ok(report(title, FileStatus::Unchanged));
    }
    // The same content under another name (the shipped corpus ingested again from a
    // checkout, a copy of a file): indexed once, or every passage would be found twice.
    if let Some((other, entry)) = index
        .manifest()
        .iter()
        .find(|(id, e)| e.hash == hash && **id != source.doc_id)
    {
        return Ok(report(
            Some(entry.title.clone()),
            FileStatus::Skipped {
                reason: format!("与已索引的 {other} 内容相同，未重复索引"),
            },
        ));
    }
    match ingest_bytes(&source.doc_id, &source.path, &bytes, options) {
        Ok(doc) => {
            if writer.is_none() {
                *writer = Some(index.writer()?);
            }
            let chunks = doc.chunks.len();
            let via = doc.via.clone();
            let title = Some(doc.meta.title.clone());
            if let Some(w) = writer.as_mut() {
                index.upsert(w, &doc)?;
            }
            Ok(report(title, FileStatus::Indexed { chunks, via }))
        }
        Err(e @ IngestError::Scanned { .. }) => Ok(report(
            None,
            FileStatus::Scanned {
                reason: e.to_string(),
            },
        )),
        Err(IngestError::Unsupported) => Ok(report(
            None,
            FileStatus::Skipped {
                reason: "不支持的文件类型".to_owned(),
            },
        )),
        Err(e) => Ok(report(
            None,
            FileStatus::Failed {
                reason: e.to_string(),
            },
        )),
    }
}

/// Whether ingestion reads this kind of file.
pub fn is_supported(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "md" | "markdown" | "txt" | "text" | "pdf"
        )
    })
}
