//! PDF text extraction as a chain of extractors, each run in a worker subprocess with a time
//! and a memory limit, each result judged before it is accepted.
//!
//! Why a subprocess: `pdf-extract` panics on a quarter of corrupted files and on the
//! `UniGB-UCS2-H` encoding, has no decompression limit, and can abort on OOM or overflow the
//! stack — none of which `catch_unwind` stops (`shared/spec/text-stack.md`). The worker is the
//! `lvshen` binary itself (a hidden subcommand that calls [`run_worker`]); a crash, a hang or a
//! memory blow-up costs one worker, never the ingesting process.

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::normalize::{is_cjk, is_han, restore_dot_glyphs};

/// The extractors, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extractor {
    /// `pdf-extract`: keeps table rows in reading order; fragile.
    PdfExtract,
    /// `oxidize-pdf`: handles CID fonts without ToUnicode and `UniGB-UCS2-H`.
    OxidizePdf,
    /// `lopdf`: robust, decompression-bounded; garbles CID fonts without ToUnicode.
    Lopdf,
}

impl Extractor {
    /// The chain.
    pub const CHAIN: [Extractor; 3] = [
        Extractor::PdfExtract,
        Extractor::OxidizePdf,
        Extractor::Lopdf,
    ];

    /// Name used on the worker's command line.
    pub fn name(self) -> &'static str {
        match self {
            Extractor::PdfExtract => "pdf-extract",
            Extractor::OxidizePdf => "oxidize-pdf",
            Extractor::Lopdf => "lopdf",
        }
    }

    /// Parses a worker command-line name.
    pub fn parse(name: &str) -> Option<Self> {
        Extractor::CHAIN.into_iter().find(|e| e.name() == name)
    }
}

/// Limits for one worker.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub time: Duration,
    /// Address-space limit of the worker, bytes.
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time: Duration::from_secs(30),
            memory: 2 << 30,
        }
    }
}

/// What a worker prints on stdout.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerOutput {
    Pages(Vec<String>),
    Error(String),
}

/// Extracts in this process with one extractor, panics caught. Used by the worker. The
/// pages come with a Symbol font's μ restored ([`restore_symbol_mu`]).
pub fn extract_in_process(extractor: Extractor, bytes: &[u8]) -> Result<Vec<String>, String> {
    let pages = extract_raw(extractor, bytes)?;
    let drawn = std::panic::catch_unwind(|| symbol_mu_per_page(bytes)).unwrap_or_default();
    Ok(restore_symbol_mu(pages, &drawn))
}

/// How the unit after a μ goes on: a "m" before one of these on a page whose Symbol font
/// draws a μ is that μ read as Latin.
const MICRO_UNITS: [&str; 6] = ["mol/mol", "mol/L", "g/L", "g/m", "g/kg", "S/cm"];

/// A font named Symbol (GB 37822's "500 μmol/mol") that carries no ToUnicode map draws μ with
/// code 0x6D, which the extractors, reading the code as Latin, give as "m": "500 mmol/mol",
/// a thousand times the limit. On each page, the number of μ such a font draws (per
/// `drawn`); where the page text has exactly as many "m" before a unit of [`MICRO_UNITS`] (or
/// before one of them alone), each is that μ. A page where the counts differ is left as
/// extracted: which "m" is the μ is then not known.
pub fn restore_symbol_mu(pages: Vec<String>, drawn: &[usize]) -> Vec<String> {
    pages
        .into_iter()
        .enumerate()
        .map(|(page, text)| {
            let n = drawn.get(page).copied().unwrap_or(0);
            if n == 0 {
                return text;
            }
            let before = |units: &[&str]| -> Vec<usize> {
                text.match_indices('m')
                    .map(|(at, _)| at)
                    .filter(|&at| units.iter().any(|u| text[at + 1..].starts_with(u)))
                    .collect()
            };
            let all = before(&MICRO_UNITS);
            // Else the one unit that accounts for every μ drawn (the page's other "mg/m3"
            // being milligrams).
            let at = if all.len() == n {
                all
            } else {
                let mut matching = MICRO_UNITS
                    .iter()
                    .map(|u| before(&[u]))
                    .filter(|at| at.len() == n);
                match (matching.next(), matching.next()) {
                    (Some(at), None) => at,
                    _ => return text,
                }
            };
            let mut out = String::with_capacity(text.len() + n);
            let mut from = 0;
            for a in at {
                out.push_str(&text[from..a]);
                out.push('μ');
                from = a + 1;
            }
            out.push_str(&text[from..]);
            out
        })
        .collect()
}

/// For each page, how many μ (code 0x6D) fonts named Symbol without a ToUnicode map draw on
/// it; empty when the PDF cannot be read so.
fn symbol_mu_per_page(bytes: &[u8]) -> Vec<usize> {
    use lopdf::Object;
    let Ok(document) = lopdf::Document::load_mem(bytes) else {
        return Vec::new();
    };
    document
        .get_pages()
        .values()
        .map(|&page| {
            let Ok(fonts) = document.get_page_fonts(page) else {
                return 0;
            };
            let symbol: Vec<&[u8]> = fonts
                .iter()
                .filter(|(_, font)| {
                    let base = font
                        .get(b"BaseFont")
                        .and_then(Object::as_name)
                        .map(|n| String::from_utf8_lossy(n).into_owned())
                        .unwrap_or_default();
                    let base = base.rsplit('+').next().unwrap_or_default();
                    base.starts_with("Symbol") && !font.has(b"ToUnicode")
                })
                .map(|(name, _)| name.as_slice())
                .collect();
            if symbol.is_empty() {
                return 0;
            }
            let Ok(content) = document.get_and_decode_page_content(page) else {
                return 0;
            };
            let mut current: Option<Vec<u8>> = None;
            let mut count = 0;
            let mus = |bytes: &[u8]| bytes.iter().filter(|b| **b == b'm').count();
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tf" => {
                        current = op
                            .operands
                            .first()
                            .and_then(|o| o.as_name().ok())
                            .map(<[u8]>::to_vec);
                    }
                    "Tj" | "'" | "\"" | "TJ"
                        if current.as_deref().is_some_and(|c| symbol.contains(&c)) =>
                    {
                        for operand in &op.operands {
                            match operand {
                                Object::String(s, _) => count += mus(s),
                                Object::Array(items) => {
                                    for item in items {
                                        if let Object::String(s, _) = item {
                                            count += mus(s);
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
            count
        })
        .collect()
}

fn extract_raw(extractor: Extractor, bytes: &[u8]) -> Result<Vec<String>, String> {
    let result = std::panic::catch_unwind(|| match extractor {
        Extractor::PdfExtract => pdf_extract::extract_text_from_mem_by_pages(bytes)
            .map_err(|e| format!("pdf-extract: {e}")),
        Extractor::OxidizePdf => {
            let reader = oxidize_pdf::parser::PdfReader::new(Cursor::new(bytes))
                .map_err(|e| format!("oxidize-pdf: {e}"))?;
            let document = oxidize_pdf::parser::PdfDocument::new(reader);
            let pages = document
                .extract_text()
                .map_err(|e| format!("oxidize-pdf: {e}"))?;
            Ok(pages.into_iter().map(|p| p.text).collect())
        }
        Extractor::Lopdf => {
            let document = lopdf::Document::load_mem(bytes).map_err(|e| format!("lopdf: {e}"))?;
            if document.is_encrypted() {
                return Err("lopdf: the PDF is encrypted with a user password".to_owned());
            }
            Ok(document
                .get_pages()
                .keys()
                .map(|n| document.extract_text(&[*n]).unwrap_or_default())
                .collect())
        }
    });
    match result {
        Ok(r) => r,
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(format!("{}: panicked: {why}", extractor.name()))
        }
    }
}

/// The worker's body: limit own memory, read the file, extract, print JSON. Returns the
/// process exit code.
pub fn run_worker(extractor: Extractor, path: &Path, memory_limit: u64) -> i32 {
    // Best effort: if the limit cannot be set, the parent's timeout still bounds the worker.
    let _ = rlimit::setrlimit(rlimit::Resource::AS, memory_limit, memory_limit);
    // Silence panic messages on stderr; the panic is reported in the JSON.
    std::panic::set_hook(Box::new(|_| {}));
    let output = match std::fs::read(path) {
        Ok(bytes) => match extract_in_process(extractor, &bytes) {
            Ok(pages) => WorkerOutput::Pages(pages),
            Err(e) => WorkerOutput::Error(e),
        },
        Err(e) => WorkerOutput::Error(format!("cannot read: {e}")),
    };
    match serde_json::to_string(&output) {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(_) => 3,
    }
}

/// How to start a worker: a program and the arguments before `<extractor> <memory> <file>`.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: std::path::PathBuf,
    pub args: Vec<String>,
}

/// One extractor's attempt, for the ingestion report.
#[derive(Debug, Clone, Serialize)]
pub struct Attempt {
    pub extractor: Extractor,
    pub outcome: String,
    pub millis: u64,
}

/// The result of the chain.
#[derive(Debug, Clone)]
pub enum PdfText {
    /// Text accepted from one extractor.
    Text {
        pages: Vec<String>,
        extractor: Extractor,
        attempts: Vec<Attempt>,
    },
    /// No text layer: a scan. Never indexed as empty.
    Scanned {
        pages: usize,
        attempts: Vec<Attempt>,
    },
    /// Every extractor failed.
    Failed { attempts: Vec<Attempt> },
}

/// Quality of an extraction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    pub chars: usize,
    pub han_share: f64,
    pub replacement_share: f64,
    pub control_share: f64,
    /// Latin-1 supplement, Latin extended, private use: what a wrong font mapping produces.
    pub mojibake_share: f64,
}

/// Measures an extraction.
pub fn judge(pages: &[String]) -> Quality {
    let mut chars = 0usize;
    let (mut han, mut replacement, mut control, mut mojibake, mut cjk) = (0usize, 0, 0, 0, 0);
    for c in pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
    {
        chars += 1;
        if is_han(c) {
            han += 1;
        }
        if is_cjk(c) {
            cjk += 1;
        }
        if c == '\u{FFFD}' {
            replacement += 1;
        }
        if c.is_control() {
            control += 1;
        }
        if matches!(c as u32, 0x00C0..=0x024F | 0xE000..=0xF8FF) {
            mojibake += 1;
        }
    }
    let share = |n: usize| {
        if chars == 0 {
            0.0
        } else {
            n as f64 / chars as f64
        }
    };
    let _ = cjk;
    Quality {
        chars,
        han_share: share(han),
        replacement_share: share(replacement),
        control_share: share(control),
        mojibake_share: share(mojibake),
    }
}

impl Quality {
    /// Too little text per page to be a text layer.
    pub fn is_empty(&self, pages: usize) -> bool {
        self.chars < 20 * pages.max(1)
    }

    /// Readable text: few replacement, control or mojibake characters.
    pub fn is_clean(&self) -> bool {
        self.replacement_share < 0.01 && self.control_share < 0.01 && self.mojibake_share < 0.05
    }
}

/// Runs the extractor chain on a file, each extractor in its own worker.
pub fn extract_pdf(path: &Path, worker: &WorkerCommand, limits: Limits) -> PdfText {
    let mut attempts = Vec::new();
    let mut best: Option<(Vec<String>, Extractor, Quality)> = None;
    let mut page_count = 0;
    for extractor in Extractor::CHAIN {
        let started = Instant::now();
        let result = run_in_worker(extractor, path, worker, limits);
        let millis = started.elapsed().as_millis() as u64;
        let pages = match result {
            Ok(pages) => pages,
            Err(outcome) => {
                attempts.push(Attempt {
                    extractor,
                    outcome,
                    millis,
                });
                continue;
            }
        };
        page_count = page_count.max(pages.len());
        let quality = judge(&pages);
        let outcome = if quality.is_empty(pages.len()) {
            format!(
                "no text layer ({} characters on {} pages)",
                quality.chars,
                pages.len()
            )
        } else if !quality.is_clean() {
            format!(
                "garbled (U+FFFD {:.1}%, control {:.1}%, mojibake {:.1}%)",
                quality.replacement_share * 100.0,
                quality.control_share * 100.0,
                quality.mojibake_share * 100.0
            )
        } else {
            format!(
                "accepted ({} characters, {:.0}% Chinese)",
                quality.chars,
                quality.han_share * 100.0
            )
        };
        attempts.push(Attempt {
            extractor,
            outcome,
            millis,
        });
        if !quality.is_empty(pages.len()) && quality.is_clean() {
            return PdfText::Text {
                pages: restore_dot_glyphs(pages),
                extractor,
                attempts,
            };
        }
        let better = best
            .as_ref()
            .is_none_or(|(_, _, q)| quality.chars > q.chars);
        if better && !quality.is_empty(pages.len()) {
            best = Some((pages, extractor, quality));
        }
    }
    if let Some((pages, extractor, _)) = best {
        // Text, but not clean: better than nothing, and the attempts say why.
        return PdfText::Text {
            pages: restore_dot_glyphs(pages),
            extractor,
            attempts,
        };
    }
    if page_count > 0 {
        PdfText::Scanned {
            pages: page_count,
            attempts,
        }
    } else {
        PdfText::Failed { attempts }
    }
}

fn run_in_worker(
    extractor: Extractor,
    path: &Path,
    worker: &WorkerCommand,
    limits: Limits,
) -> Result<Vec<String>, String> {
    let mut child = Command::new(&worker.program)
        .args(&worker.args)
        .arg(extractor.name())
        .arg(limits.memory.to_string())
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the extraction worker: {e}"))?;
    let mut stdout = child.stdout.take().ok_or("worker has no stdout")?;
    // Read stdout on a thread so that a large output cannot block the worker.
    let reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        let _ = stdout.read_to_end(&mut buffer);
        buffer
    });
    let deadline = Instant::now() + limits.time;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s", limits.time.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("worker wait failed: {e}")),
        }
    };
    let buffer = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(match status.code() {
            Some(code) => format!("worker exited with code {code} (likely out of memory or stack)"),
            None => "worker killed by a signal (crash, stack overflow or out of memory)".to_owned(),
        });
    }
    match serde_json::from_slice::<WorkerOutput>(&buffer) {
        Ok(WorkerOutput::Pages(pages)) => Ok(pages),
        Ok(WorkerOutput::Error(e)) => Err(e),
        Err(e) => Err(format!("unreadable worker output: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symbol_font_s_mu_is_restored_where_the_counts_agree() {
        let pages = vec![
            "泄漏检测值不应超过 500 mmol/mol，浓度≥200 mmol/mol".to_owned(),
            "颗粒物 20 mg/m3，液面上方 100 mm 处".to_owned(),
            "500 mmol/mol".to_owned(),
        ];
        let restored = restore_symbol_mu(pages, &[2, 0, 3]);
        assert_eq!(
            restored[0],
            "泄漏检测值不应超过 500 μmol/mol，浓度≥200 μmol/mol"
        );
        // No Symbol μ on the page: milligrams and millimetres stay.
        assert_eq!(restored[1], "颗粒物 20 mg/m3，液面上方 100 mm 处");
        // The counts differ: which "m" is the μ is not known, so none is changed.
        assert_eq!(restored[2], "500 mmol/mol");
        // One unit accounts for the μ drawn: the page's milligrams stay.
        let mixed = vec!["颗粒物 20 mg/m3；泄漏检测值 500 mmol/mol；VOCs 60 mg/m3".to_owned()];
        assert_eq!(
            restore_symbol_mu(mixed, &[1])[0],
            "颗粒物 20 mg/m3；泄漏检测值 500 μmol/mol；VOCs 60 mg/m3"
        );
    }

    #[test]
    fn gb_37822_states_its_leak_limits_in_micromoles() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/reference/standards/GB-37822-2019.pdf");
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!(
                "skipped: {} not present (reference texts are only in CI and developer checkouts)",
                path.display()
            );
            return;
        };
        let pages = extract_in_process(Extractor::PdfExtract, &bytes).expect("GB 37822 extracts");
        let text = pages.concat();
        let compact: String = text.split_whitespace().collect();
        assert!(compact.contains("不应超过500μmol/mol"), "10.2.3 lost its μ");
        assert!(!text.contains("mmol/mol"), "a Symbol μ is still read as m");
    }

    #[test]
    fn judges_text() {
        let clean = judge(&["纺织染整工业水污染物排放标准 GB 4287-2012".to_owned()]);
        assert!(clean.is_clean() && !clean.is_empty(1));
        assert!(clean.han_share > 0.5);
        let garbled = judge(&["ÃÂÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔ".to_owned()]);
        assert!(!garbled.is_clean());
        assert!(judge(&[String::new(), " ".to_owned()]).is_empty(2));
    }

    #[test]
    fn in_process_extractors_return_errors_on_junk_not_panics() {
        for extractor in Extractor::CHAIN {
            assert!(extract_in_process(extractor, b"not a pdf at all").is_err());
        }
    }
}
