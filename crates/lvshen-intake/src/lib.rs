//! Intake of the EIA document itself (报告表 / 报告书, DOCX or PDF): readers that rebuild
//! tables, the document's sections and format, a filing draft in which every value keeps its
//! place in the document, document checks (arithmetic, restated figures, standard numbers,
//! repealed documents, foreign names, copied passages) and the comparison with a filing.
//!
//! The readers parse untrusted files: the binary runs [`read_bytes`] in a worker subprocess
//! with time and memory limits ([`worker`]); everything after reading is pure.

pub mod checks;
pub mod compare;
pub mod copy;
pub mod docx;
pub mod extract;
pub mod model;
pub mod pdf;
pub mod render;
pub mod structure;
pub mod values;
pub mod worker;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use lvshen_filing::{Category, Finding, Severity};
use lvshen_law::Date;

use checks::{Ctx, DocFinding, Knowledge, Location};
use compare::Comparison;
use copy::{CopyScore, LibraryReport};
use extract::{Prov, Unmapped};
use structure::{Format, Section};

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

/// What to check a document against.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub knowledge: &'a Knowledge,
    /// Earlier reports, for the copy check.
    pub library: &'a [LibraryReport],
    /// The standardized filing the applicant submitted, if any.
    pub filing: Option<&'a Value>,
    pub as_of: Date,
}

/// Counts for the head of a report.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Filing fields extracted.
    pub fields: usize,
    /// Earlier reports compared for copying.
    pub library_reports: usize,
}

/// The result of an intake.
#[derive(Debug, Clone, Serialize)]
pub struct Intake {
    pub file: String,
    pub file_kind: FileKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    pub format: Format,
    pub format_label: String,
    pub format_evidence: String,
    pub as_of: String,
    pub summary: Summary,
    /// The filing draft (the format `lvshen check` reads); unknown values are left out.
    pub filing: Value,
    /// Where each field of the draft was read.
    pub provenance: BTreeMap<String, Prov>,
    /// Rows of the document the draft has no key for.
    pub unmapped: Vec<Unmapped>,
    pub sections: Vec<Section>,
    pub findings: Vec<DocFinding>,
    /// Similarity of each section with each earlier report (for calibration and review).
    pub copy_scores: Vec<CopyScore>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// Section texts, for the library (not part of the report).
    #[serde(skip)]
    pub section_texts: BTreeMap<String, String>,
}

/// Everything after reading: structure, draft, checks, copy detection, comparison.
pub fn analyze(doc: &Document, options: Options) -> Intake {
    let structure = structure::analyse(doc);
    let draft = extract::extract(doc, &structure);
    let ctx = Ctx {
        doc,
        structure: &structure,
        draft: &draft,
        knowledge: options.knowledge,
        as_of: options.as_of,
    };
    let mut findings = checks::run(&ctx);
    let section_texts = copy::section_texts(doc, &structure);
    let s = |p: &str| {
        extract::get_path(&draft.filing, p)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let (credit, project) = (s("project.credit_code"), s("project.name"));
    let (applicant, address) = (s("project.applicant"), s("location.address"));
    let identity = copy::Identity {
        credit_code: &credit,
        project: &project,
        applicant: &applicant,
        address: &address,
    };
    let (hits, copy_scores) = copy::compare(&section_texts, identity, options.library);
    for hit in hits {
        let section = structure.get(&hit.section);
        findings.push(DocFinding {
            finding: Finding::new(
                "doc.copy.section",
                Category::Consistency,
                Severity::Warning,
                "",
                format!(
                    "{}与“{}”的同一章节高度雷同：去除模板性文字后，本节 {:.0}% 的内容（{} 个8字片段）与其相同；请核实是否抄袭或套用其他项目内容",
                    section.map(|s| s.title.as_str()).unwrap_or(&hit.section),
                    hit.report_label,
                    hit.share * 100.0,
                    hit.own_shingles
                ),
            )
            .values(copy::FLAG_SHARE, (hit.share * 1000.0).round() / 1000.0)
            .cite("LüShen", "章节查重（8字片段，模板文字剔除）"),
            location: Location {
                loc: section.map(|s| s.loc.clone()).unwrap_or_default(),
                section: Some(hit.section.clone()),
                quote: hit.passage.clone(),
            },
            also: vec![Location {
                loc: Loc::default(),
                section: Some(format!("{}（{}）", hit.report_label, hit.section)),
                quote: hit.other_passage.clone(),
            }],
        });
    }
    if !options.library.is_empty() && options.library.len() < 3 {
        findings.push(DocFinding {
            finding: Finding::new(
                "doc.copy.section",
                Category::Other,
                Severity::Info,
                "",
                format!(
                    "查重库仅有 {} 份报告，无法可靠识别模板性文字，查重结果仅供参考",
                    options.library.len()
                ),
            )
            .cite("LüShen", "章节查重"),
            location: Location {
                loc: Loc::default(),
                section: None,
                quote: String::new(),
            },
            also: Vec::new(),
        });
    }
    let comparison = options.filing.map(|f| compare::compare(&draft.filing, f));
    if let Some(c) = &comparison {
        // A document of another project than the one filed: said once, first.
        let identity: Vec<&compare::Difference> = c
            .differences
            .iter()
            .filter(|d| {
                matches!(
                    d.field.as_str(),
                    "project.name" | "project.applicant" | "project.credit_code"
                )
            })
            .collect();
        if !identity.is_empty() {
            let prov = draft.provenance.get(&identity[0].draft_field);
            findings.push(DocFinding {
                finding: Finding::new(
                    "doc.filing.mismatch",
                    Category::Consistency,
                    Severity::Warning,
                    identity[0].field.clone(),
                    format!(
                        "上传的文件可能不是本填报项目的环评文件：{}",
                        identity
                            .iter()
                            .map(|d| format!(
                                "文件中{}为{}，填报为{}",
                                compare::field_label_zh(&d.field),
                                display(&d.document),
                                display(&d.filing)
                            ))
                            .collect::<Vec<_>>()
                            .join("；")
                    ),
                )
                .cite("LüShen", "报告与填报比对"),
                location: Location {
                    loc: prov.map(|p| p.loc.clone()).unwrap_or_default(),
                    section: prov.and_then(|p| p.section.clone()),
                    quote: prov.map(|p| p.text.clone()).unwrap_or_default(),
                },
                also: Vec::new(),
            });
        }
        for d in &c.differences {
            let prov = draft.provenance.get(&d.draft_field);
            findings.push(DocFinding {
                finding: Finding::new(
                    "doc.filing.mismatch",
                    Category::Consistency,
                    Severity::Warning,
                    d.field.clone(),
                    format!(
                        "文件中{}为 {}，标准化填报为 {}（{}）",
                        compare::field_label_zh(&d.field),
                        display(&d.document),
                        display(&d.filing),
                        d.field
                    ),
                )
                .cite("LüShen", "报告与填报比对"),
                location: Location {
                    loc: prov.map(|p| p.loc.clone()).unwrap_or_default(),
                    section: prov.and_then(|p| p.section.clone()),
                    quote: prov.map(|p| p.text.clone()).unwrap_or_default(),
                },
                also: Vec::new(),
            });
        }
    }
    findings.sort_by_key(|f| std::cmp::Reverse(f.finding.severity));
    let summary = Summary {
        errors: count(&findings, Severity::Error),
        warnings: count(&findings, Severity::Warning),
        infos: count(&findings, Severity::Info),
        fields: draft.provenance.len(),
        library_reports: options.library.len(),
    };
    Intake {
        file: doc.file.clone(),
        file_kind: doc.kind,
        pages: doc.pages,
        format: structure.format,
        format_label: structure.format.label_zh().to_owned(),
        format_evidence: structure.evidence.clone(),
        as_of: options.as_of.to_string(),
        summary,
        filing: draft.filing,
        provenance: draft.provenance,
        unmapped: draft.unmapped,
        sections: structure.sections,
        findings,
        copy_scores,
        comparison,
        section_texts,
    }
}

fn count(findings: &[DocFinding], severity: Severity) -> usize {
    findings
        .iter()
        .filter(|f| f.finding.severity == severity)
        .count()
}

fn display(v: &Value) -> String {
    match v {
        Value::String(s) => format!("“{s}”"),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            Some(f) => {
                let s = format!("{f:.6}");
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            }
            None => n.to_string(),
        },
        other => other.to_string(),
    }
}

impl Intake {
    /// The entry the library keeps for this report.
    pub fn library_entry(&self, id: &str, label: &str) -> LibraryReport {
        let s = |p: &str| {
            extract::get_path(&self.filing, p)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        LibraryReport {
            id: id.to_owned(),
            label: label.to_owned(),
            applicant: s("project.applicant"),
            credit_code: s("project.credit_code"),
            project: s("project.name"),
            address: s("location.address"),
            sections: self.section_texts.clone(),
        }
    }
}

/// A short content id (first 16 hex digits of SHA-256), for library entries and uploads.
pub fn content_id(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
