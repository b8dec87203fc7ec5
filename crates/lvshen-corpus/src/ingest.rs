//! From a file to a document and its chunks.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::chunk::{RawChunk, chunk_law, chunk_sections, chunk_standard};
use crate::markdown::{h1, split_front_matter};
use crate::model::{Chunk, DocMeta, DocType};
use crate::normalize::normalize_line;
use crate::pdf::{Attempt, Limits, PdfText, WorkerCommand, extract_pdf};

/// How to ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// How to start PDF extraction workers; without it, PDFs are refused.
    pub worker: Option<WorkerCommand>,
    pub limits: Limits,
    /// OCR scanned PDFs with `pdftoppm` + `tesseract` (chi_sim) when both are installed.
    pub ocr: bool,
}

/// A document read and chunked.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub doc_id: String,
    pub meta: DocMeta,
    pub chunks: Vec<Chunk>,
    /// sha256 of the file's bytes.
    pub hash: String,
    /// How the text was obtained (extractor, OCR), for the per-file report line.
    pub via: String,
}

/// Why a file was not ingested.
#[derive(Debug, Clone, thiserror::Error)]
pub enum IngestError {
    #[error("不支持的文件类型（支持 .md .txt .pdf）")]
    Unsupported,
    #[error(
        "扫描件，没有文字层（{pages} 页）；安装 tesseract-ocr、tesseract-ocr-chi-sim 和 poppler-utils 后用 --ocr 识别"
    )]
    Scanned {
        pages: usize,
        attempts: Vec<Attempt>,
    },
    #[error("PDF 无法提取文字：{}", summarize(.attempts))]
    PdfFailed { attempts: Vec<Attempt> },
    #[error("未配置 PDF 提取进程")]
    NoWorker,
    #[error("文件不是 UTF-8 文本")]
    NotUtf8,
    #[error("元数据有误：{0}")]
    BadMeta(String),
    #[error("没有可索引的内容")]
    Empty,
    #[error("OCR 失败：{0}")]
    Ocr(String),
}

fn summarize(attempts: &[Attempt]) -> String {
    attempts
        .iter()
        .map(|a| format!("{}: {}", a.extractor.name(), a.outcome))
        .collect::<Vec<_>>()
        .join("；")
}

/// sha256 hex of bytes.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Ingests one file. `doc_id` identifies the document (usually its path); `path` is where
/// PDF workers read it from.
pub fn ingest_bytes(
    doc_id: &str,
    path: &Path,
    bytes: &[u8],
    options: &IngestOptions,
) -> Result<Ingested, IngestError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(doc_id)
        .to_owned();
    let (meta, raw, via) = match extension.as_str() {
        "md" | "markdown" => {
            let text = std::str::from_utf8(bytes).map_err(|_| IngestError::NotUtf8)?;
            let (mut meta, body) = split_front_matter(text).map_err(IngestError::BadMeta)?;
            if meta.title.is_empty() {
                meta.title = h1(body).unwrap_or_else(|| stem.clone());
            }
            let looks_like_law = body.contains("<!-- INFO END -->")
                || body
                    .lines()
                    .filter(|l| l.starts_with("第") && l.contains("条 "))
                    .count()
                    >= 3;
            let doc_type = meta.doc_type.unwrap_or(if looks_like_law {
                DocType::Law
            } else {
                DocType::Other
            });
            meta.doc_type = Some(doc_type);
            if meta.effective.is_none() {
                meta.effective = date_in_name(&stem);
            }
            let chunks = if doc_type == DocType::Law && looks_like_law {
                chunk_law(body)
            } else {
                chunk_sections(body)
            };
            (meta, chunks, "markdown".to_owned())
        }
        "txt" | "text" => {
            let text = std::str::from_utf8(bytes).map_err(|_| IngestError::NotUtf8)?;
            let is_law = text
                .lines()
                .filter(|l| crate::chunk::article_label(l.trim()).is_some())
                .count()
                >= 3;
            let meta = DocMeta {
                title: stem.clone(),
                doc_type: Some(if is_law { DocType::Law } else { DocType::Other }),
                effective: date_in_name(&stem),
                ..DocMeta::default()
            };
            let chunks = if is_law {
                chunk_law(text)
            } else {
                chunk_standard(&[text.to_owned()], None)
            };
            (meta, chunks, "text".to_owned())
        }
        "pdf" => {
            let worker = options.worker.as_ref().ok_or(IngestError::NoWorker)?;
            let (pages, via) = match extract_pdf(path, worker, options.limits) {
                PdfText::Text {
                    pages, extractor, ..
                } => (pages, extractor.name().to_owned()),
                PdfText::Scanned { pages, attempts } => {
                    if !options.ocr {
                        return Err(IngestError::Scanned { pages, attempts });
                    }
                    (
                        crate::ocr::ocr_pdf(path).map_err(IngestError::Ocr)?,
                        "ocr (tesseract chi_sim)".to_owned(),
                    )
                }
                PdfText::Failed { attempts } => return Err(IngestError::PdfFailed { attempts }),
            };
            let meta = pdf_meta(&stem, &pages);
            let chunks = chunk_standard(&pages, meta.doc_number.as_deref());
            (meta, chunks, via)
        }
        _ => return Err(IngestError::Unsupported),
    };
    let doc_type = meta.doc_type.unwrap_or(DocType::Other);
    let chunks: Vec<Chunk> = raw
        .into_iter()
        .filter(|c: &RawChunk| !c.text.trim().is_empty())
        .enumerate()
        .map(|(i, c)| Chunk {
            id: format!("{doc_id}#{i}"),
            doc_id: doc_id.to_owned(),
            title: meta.title.clone(),
            doc_number: meta.doc_number.clone(),
            doc_type,
            status: meta.status.clone(),
            clause: c.clause,
            context: c.context,
            heading: c.heading,
            tags: meta.tags.clone(),
            page: c.page,
            text: c.text,
            source: doc_id.to_owned(),
        })
        .collect();
    if chunks.is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(Ingested {
        doc_id: doc_id.to_owned(),
        meta,
        chunks,
        hash: content_hash(bytes),
        via,
    })
}

/// `环境影响评价法(2018-12-29)` → `2018-12-29`.
fn date_in_name(stem: &str) -> Option<String> {
    let open = stem.rfind('(')?;
    let date = stem[open + 1..].trim_end_matches(')');
    (date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-')
        .then(|| date.to_owned())
}

/// Metadata of a standard or catalogue PDF, from its file name and first pages.
fn pdf_meta(stem: &str, pages: &[String]) -> DocMeta {
    // A number printed alone on a cover line (`GB 4287-2012`), not one cited in the text.
    let doc_number = standard_number(stem).or_else(|| {
        pages.iter().take(2).flat_map(|p| p.lines()).find_map(|l| {
            let line = normalize_line(l);
            let number = standard_number(&line)?;
            (line.chars().count() <= number.chars().count() + 2).then_some(number)
        })
    });
    let cover: Vec<String> = pages
        .iter()
        .take(2)
        .flat_map(|p| p.lines())
        .map(normalize_line)
        .filter(|l| !l.is_empty())
        .collect();
    let is_title = |l: &String| {
        let n = l.chars().count();
        (4..=40).contains(&n)
            && (l.ends_with("标准")
                || l.ends_with("名录")
                || l.contains("名录(")
                || l.ends_with("规范")
                || l.ends_with("导则"))
            && !l.contains("国家标准")
            && !l.contains("发布")
    };
    // A title broken over two cover lines: join the preceding all-Chinese line.
    let title = cover
        .iter()
        .position(is_title)
        .map(|i| {
            let line = cover[i].clone();
            match i.checked_sub(1).map(|j| &cover[j]) {
                Some(prev)
                    if prev.chars().count() >= 4
                        && prev.chars().all(crate::normalize::is_han)
                        && line.chars().count() <= 8 =>
                {
                    format!("{prev}{line}")
                }
                _ => line,
            }
        })
        .unwrap_or_else(|| {
            let base = stem.split('(').next().unwrap_or(stem);
            if doc_number.is_some() {
                stem.replace('-', " ")
            } else {
                base.to_owned()
            }
        });
    let effective = cover.iter().find_map(|l| {
        let pos = l.find("实施")?;
        let before = l[..pos].trim();
        let date: String = before
            .chars()
            .rev()
            .take(10)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        (date.len() == 10 && date.chars().nth(4) == Some('-')).then_some(date)
    });
    DocMeta {
        title,
        doc_number,
        doc_type: Some(DocType::Standard),
        effective,
        status: None,
        ..DocMeta::default()
    }
}

/// `GB-4287-2012`, `GB 4287—2012`, `HJ 861-2017`, `GB/T 4754-2017` → normalised number.
pub fn standard_number(text: &str) -> Option<String> {
    let text = text.replace(['—', '－', '–'], "-");
    for prefix in ["GB/T", "GB", "HJ/T", "HJ", "DB33/T", "DB33", "FZ/T"] {
        let Some(start) = text.find(prefix) else {
            continue;
        };
        let rest = text[start + prefix.len()..].trim_start_matches([' ', '-', '/']);
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if number.is_empty() {
            continue;
        }
        let after = rest[number.len()..].trim_start();
        let year: String = after
            .strip_prefix('-')
            .map(|y| {
                y.trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_digit())
                    .collect()
            })
            .unwrap_or_default();
        let prefix = if prefix == "DB33" { "DB33/" } else { prefix };
        let joiner = if prefix.ends_with('/') { "" } else { " " };
        return Some(if year.len() == 4 || year.len() == 2 {
            format!("{prefix}{joiner}{number}-{year}")
        } else {
            format!("{prefix}{joiner}{number}")
        });
    }
    None
}

/// The documents a path names: the file itself, or every supported file under a folder.
pub fn collect_files(path: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let p = entry.path();
            if entry.file_type()?.is_dir() {
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    stack.push(p);
                }
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_numbers() {
        assert_eq!(
            standard_number("GB-4287-2012").as_deref(),
            Some("GB 4287-2012")
        );
        assert_eq!(
            standard_number("GB 4287—2012").as_deref(),
            Some("GB 4287-2012")
        );
        assert_eq!(
            standard_number("HJ 861-2017").as_deref(),
            Some("HJ 861-2017")
        );
        assert_eq!(
            standard_number("GB/T 4754-2017").as_deref(),
            Some("GB/T 4754-2017")
        );
        assert_eq!(
            standard_number("DB33/962-2015").as_deref(),
            Some("DB33/962-2015")
        );
        assert_eq!(
            standard_number("GB-14553-93").as_deref(),
            Some("GB 14553-93")
        );
        assert_eq!(standard_number("环境保护综合名录"), None);
    }

    #[test]
    fn dates_in_names() {
        assert_eq!(
            date_in_name("环境影响评价法(2018-12-29)").as_deref(),
            Some("2018-12-29")
        );
        assert_eq!(date_in_name("GB-4287-2012"), None);
    }

    #[test]
    fn markdown_digest_is_chunked_by_headings() {
        let md = "---\ntitle: 中华人民共和国环境影响评价法\ndoc_type: digest\nstatus: 现行\n---\n# 环评法摘要\n## 第二十二条 审批期限\n报告书六十日内，报告表三十日内作出审批决定。\n";
        let doc = ingest_bytes(
            "corpus/x.md",
            Path::new("x.md"),
            md.as_bytes(),
            &IngestOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.chunks.len(), 1);
        assert_eq!(doc.chunks[0].clause, "第二十二条");
        assert_eq!(doc.chunks[0].doc_type, DocType::Digest);
        assert_eq!(doc.chunks[0].title, "中华人民共和国环境影响评价法");
    }

    #[test]
    fn unsupported_and_empty_files_are_errors() {
        let o = IngestOptions::default();
        assert!(matches!(
            ingest_bytes("a.docx", Path::new("a.docx"), b"x", &o),
            Err(IngestError::Unsupported)
        ));
        assert!(matches!(
            ingest_bytes("a.md", Path::new("a.md"), b"   ", &o),
            Err(IngestError::Empty)
        ));
        assert!(matches!(
            ingest_bytes("a.md", Path::new("a.md"), b"\xff\xfe", &o),
            Err(IngestError::NotUtf8)
        ));
        assert!(matches!(
            ingest_bytes("a.pdf", Path::new("a.pdf"), b"%PDF", &o),
            Err(IngestError::NoWorker)
        ));
    }
}
