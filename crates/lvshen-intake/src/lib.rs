//! Intake of the EIA document itself (报告表 / 报告书, DOCX or PDF): readers that rebuild
//! tables, the document's sections and format, a filing draft in which every value keeps its
//! place in the document, document checks (arithmetic, restated figures, standard numbers,
//! repealed documents, foreign names, copied passages) and the comparison with a filing.
//!
//! The readers parse untrusted files: the binary runs [`read_bytes`] in a worker subprocess
//! with time and memory limits ([`worker`]); everything after reading is pure.

pub mod docx;
pub mod model;
pub mod pdf;

use serde::{Deserialize, Serialize};

pub use model::{Block, Cell, Document, FileKind, Loc, Paragraph, Table};

/// Why a document could not be read. Messages are Chinese, for the user.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Serialize, Deserialize)]
pub enum IntakeError {
    #[error("不支持的文件类型：{what}")]
    UnsupportedType { what: String },
    #[error("DOCX 读取失败：{what}")]
    Docx { what: String },
    #[error("PDF 读取失败：{what}")]
    Pdf { what: String },
    #[error("超出处理上限：{what}")]
    TooLarge { what: String },
    #[error("PDF 的 {pages} 页均无文字层（扫描件），需先进行文字识别（OCR）后再导入")]
    Scanned { pages: u32 },
    #[error("读取进程异常：{what}")]
    Worker { what: String },
}

/// File type told by content, never by name.
pub fn sniff(bytes: &[u8]) -> Result<FileKind, IntakeError> {
    if bytes.starts_with(b"%PDF-") || bytes.get(..1024).is_some_and(|h| find(h, b"%PDF-")) {
        return Ok(FileKind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(FileKind::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(IntakeError::UnsupportedType {
            what: "旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后上传".to_owned(),
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(IntakeError::UnsupportedType {
            what: "RTF 文件，请另存为 .docx 或 PDF 后上传".to_owned(),
        });
    }
    Err(IntakeError::UnsupportedType {
        what: "既不是 DOCX 也不是 PDF（按文件内容判断）".to_owned(),
    })
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Reads a document in this process (the worker's body). Panics are caught and reported.
pub fn read_bytes(file: &str, bytes: &[u8]) -> Result<Document, IntakeError> {
    let kind = sniff(bytes)?;
    let result = std::panic::catch_unwind(|| match kind {
        FileKind::Docx => docx::read_docx(file, bytes, docx::DocxLimits::default()),
        FileKind::Pdf => pdf::read_pdf(file, bytes, pdf::PdfLimits::default()),
    });
    match result {
        Ok(r) => r,
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "未知原因".to_owned());
            Err(IntakeError::Worker {
                what: format!("解析库内部错误（{why}），文件可能已损坏"),
            })
        }
    }
}
