//! `lvshen ingest`, `lvshen search`, and the hidden PDF extraction worker.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use include_dir::{Dir, include_dir};
use lvshen_corpus::pdf::{Extractor, Limits, WorkerCommand};
use lvshen_corpus::{DocType, IngestOptions};
use lvshen_search::{FileReport, FileStatus, SearchIndex, SearchRequest, Source, ingest_sources};

/// The knowledge base shipped in the binary: digests and example approvals.
static CORPUS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../corpus");

/// Name of the hidden worker subcommand.
pub(crate) const WORKER: &str = "__pdf-worker";

#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DataDirArgs {
    /// 数据目录（索引、数据库、模型）；默认 $XDG_DATA_HOME/lvshen 或 ~/.local/share/lvshen
    #[arg(long, env = "LVSHEN_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

impl DataDirArgs {
    pub(crate) fn resolve(&self) -> PathBuf {
        if let Some(dir) = &self.data_dir {
            return dir.clone();
        }
        if let Some(xdg) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
            return PathBuf::from(xdg).join("lvshen");
        }
        match std::env::var_os("HOME") {
            Some(home) => PathBuf::from(home).join(".local/share/lvshen"),
            None => PathBuf::from(".lvshen"),
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// 文件或目录（.md .txt .pdf），可多个
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// 对扫描件 PDF 做 OCR（需安装 poppler-utils、tesseract-ocr、tesseract-ocr-chi-sim；较慢）
    #[arg(long)]
    ocr: bool,
    /// 单个 PDF 提取进程的时间上限（秒）
    #[arg(long, default_value_t = 30)]
    pdf_timeout: u64,
    /// 同时存入共享数据库（--db 或 lvshen.toml 的 [store] url），各服务实例启动时自动索引
    #[arg(long)]
    shared: bool,
    /// 共享数据库：SQLite 文件或 postgres://… 地址（配合 --shared）
    #[arg(long, value_name = "FILE|URL", env = "LVSHEN_DB")]
    db: Option<String>,
    #[command(flatten)]
    out: crate::OutputArgs,
    #[command(flatten)]
    data: DataDirArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct SearchArgs {
    /// 检索内容，如“印染企业间接排放总氮限值”“GB 4287 表2”“排污许可管理条例 第十四条”
    query: String,
    /// 返回条数
    #[arg(long, default_value_t = 5)]
    top: usize,
    /// 文档类型：law（法律法规）、standard（标准）、approval（批复）、digest（摘要）
    #[arg(long = "type", value_name = "TYPE")]
    doc_type: Option<String>,
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = SearchFormat::Text)]
    format: SearchFormat,
    #[command(flatten)]
    data: DataDirArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SearchFormat {
    Text,
    Json,
}

pub(crate) fn worker_command() -> anyhow::Result<WorkerCommand> {
    Ok(WorkerCommand {
        program: std::env::current_exe().context("无法定位 lvshen 可执行文件（PDF 提取进程）")?,
        args: vec![WORKER.to_owned()],
    })
}

pub(crate) fn open_index(data_dir: &Path) -> anyhow::Result<SearchIndex> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("无法创建数据目录 {}", data_dir.display()))?;
    let mut index = SearchIndex::open(data_dir)
        .with_context(|| format!("无法打开索引 {}", data_dir.display()))?;
    // An index of an older format was rebuilt: ingest again what the user had added.
    let stale: Vec<Source> = index
        .take_stale_documents()
        .into_iter()
        .filter(|id| !id.starts_with("corpus/"))
        .filter(|id| Path::new(id).is_file())
        .map(|id| Source {
            path: PathBuf::from(&id),
            doc_id: id,
            bytes: None,
        })
        .collect();
    if !stale.is_empty() {
        eprintln!(
            "索引格式已更新，正在重新索引此前导入的 {} 个文件…",
            stale.len()
        );
        let options = IngestOptions {
            worker: Some(worker_command()?),
            ..IngestOptions::default()
        };
        ingest_sources(&mut index, &stale, &options, &mut |_, _| {})?;
    }
    Ok(index)
}

/// Every text file of the embedded corpus (path, text): Markdown, TOML.
pub(crate) fn corpus_texts() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut stack = vec![&CORPUS];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            match entry {
                include_dir::DirEntry::Dir(d) => stack.push(d),
                include_dir::DirEntry::File(f) => {
                    if let Some(text) = f.contents_utf8() {
                        out.push((f.path().display().to_string(), text));
                    }
                }
            }
        }
    }
    out.sort();
    out
}

/// The embedded corpus as ingestion sources (`corpus/…` ids).
pub(crate) fn builtin_sources() -> Vec<Source> {
    let mut out = Vec::new();
    let mut stack = vec![&CORPUS];
    while let Some(dir) = stack.pop() {
        for entry in dir.entries() {
            match entry {
                include_dir::DirEntry::Dir(d) => stack.push(d),
                include_dir::DirEntry::File(f) => {
                    let path = Path::new("corpus").join(f.path());
                    let is_md = path.extension().is_some_and(|e| e == "md");
                    let is_readme = path.file_name().is_some_and(|n| n == "README.md");
                    if is_md && !is_readme {
                        out.push(Source {
                            doc_id: path.display().to_string(),
                            path,
                            bytes: Some(f.contents().to_vec()),
                        });
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    out
}

/// Brings the shipped corpus up to date in the index (cheap when nothing changed).
pub(crate) fn ensure_builtin(index: &mut SearchIndex) -> anyhow::Result<usize> {
    let sources = builtin_sources();
    let stale: Vec<Source> = sources
        .into_iter()
        .filter(|s| {
            let hash = lvshen_corpus::content_hash(s.bytes.as_deref().unwrap_or_default());
            !index.is_current(&s.doc_id, &hash)
        })
        .collect();
    if stale.is_empty() {
        return Ok(0);
    }
    tracing::info!(files = stale.len(), "indexing the shipped corpus");
    let reports = ingest_sources(index, &stale, &IngestOptions::default(), &mut |_, _| {})?;
    for r in &reports {
        if let FileStatus::Failed { reason } = &r.status {
            tracing::warn!(doc = %r.doc_id, %reason, "shipped corpus file failed");
        }
    }
    Ok(reports.len())
}

/// Indexes the documents other instances stored in the shared database (`ingest --shared`)
/// that this instance's index does not hold yet, or holds in another version. Their bytes are
/// written under `<data dir>/shared-documents/` first (PDF workers read files). Returns how
/// many were indexed.
pub(crate) fn sync_shared(
    store: &lvshen_store::Store,
    index: &mut SearchIndex,
    data_dir: &Path,
) -> anyhow::Result<usize> {
    let documents = store.documents().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut sources = Vec::new();
    for (doc_id, sha) in documents {
        if index.is_current(&doc_id, &sha) {
            continue;
        }
        let Some(bytes) = store
            .document(&doc_id)
            .map_err(|e| anyhow::anyhow!("{e}"))?
        else {
            continue;
        };
        let safe: String = doc_id
            .chars()
            .map(|c| {
                if c == '/' || c == '\\' || c == ':' {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let dir = data_dir.join("shared-documents");
        std::fs::create_dir_all(&dir).with_context(|| format!("无法创建目录 {}", dir.display()))?;
        let path = dir.join(safe);
        std::fs::write(&path, &bytes).with_context(|| format!("无法写入 {}", path.display()))?;
        sources.push(Source {
            doc_id,
            path,
            bytes: Some(bytes),
        });
    }
    if sources.is_empty() {
        return Ok(0);
    }
    tracing::info!(files = sources.len(), "indexing shared documents");
    let options = IngestOptions {
        worker: Some(worker_command()?),
        ..IngestOptions::default()
    };
    let reports = ingest_sources(index, &sources, &options, &mut |_, _| {})?;
    for r in &reports {
        if let FileStatus::Failed { reason } = &r.status {
            tracing::warn!(doc = %r.doc_id, %reason, "shared document failed");
        }
    }
    Ok(reports.len())
}

pub(crate) fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let data_dir = args.data.resolve();
    let mut index = open_index(&data_dir)?;
    ensure_builtin(&mut index)?;
    let mut sources = Vec::new();
    for path in &args.paths {
        let files = lvshen_corpus::collect_files(path)
            .with_context(|| format!("无法读取 {}", path.display()))?;
        for file in files {
            if args.shared {
                // The same id on every instance: `shared/` and the path below the argument.
                let relative = file
                    .strip_prefix(path)
                    .ok()
                    .filter(|r| !r.as_os_str().is_empty())
                    .map(|r| r.to_path_buf())
                    .or_else(|| file.file_name().map(PathBuf::from))
                    .unwrap_or_else(|| file.clone());
                let bytes =
                    std::fs::read(&file).with_context(|| format!("无法读取 {}", file.display()))?;
                sources.push(Source {
                    doc_id: format!("shared/{}", relative.display()),
                    path: file,
                    bytes: Some(bytes),
                });
                continue;
            }
            let doc_id = std::fs::canonicalize(&file)
                .unwrap_or_else(|_| file.clone())
                .display()
                .to_string();
            sources.push(Source {
                doc_id,
                path: file,
                bytes: None,
            });
        }
    }
    let shared_store = if args.shared {
        let location = crate::config::store_location(args.db.as_deref(), &data_dir)?;
        Some(crate::config::open_store_at(&location)?)
    } else {
        None
    };
    let options = IngestOptions {
        worker: Some(worker_command()?),
        limits: Limits {
            time: std::time::Duration::from_secs(args.pdf_timeout.max(1)),
            ..Limits::default()
        },
        ocr: args.ocr,
    };
    let bar = if std::io::stderr().is_terminal() && !args.out.json() {
        let bar = indicatif::ProgressBar::new(sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let started = std::time::Instant::now();
    let json = args.out.json();
    let result = ingest_sources(&mut index, &sources, &options, &mut |_, report| {
        let line = report_line(report);
        match &bar {
            Some(bar) => {
                bar.println(line);
                bar.inc(1);
            }
            None if !json => println!("{line}"),
            None => {}
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let reports = match result {
        Ok(reports) => reports,
        Err(lvshen_search::SearchError::Busy) => {
            anyhow::bail!(
                "知识库索引正被另一个进程写入（{}），请稍后再试",
                data_dir.display()
            )
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(store) = &shared_store {
        let mut stored = 0;
        for (source, report) in sources.iter().zip(&reports) {
            if matches!(
                report.status,
                FileStatus::Indexed { .. } | FileStatus::Unchanged
            ) && let Some(bytes) = &source.bytes
                && store
                    .put_document(&source.doc_id, bytes)
                    .map_err(|e| anyhow::anyhow!("{e}"))?
            {
                stored += 1;
            }
        }
        eprintln!(
            "已存入共享数据库 {}：新增或更新 {stored} 个文件；其他服务实例在启动时索引它们",
            store.describe()
        );
    }
    let count = |f: fn(&FileStatus) -> bool| reports.iter().filter(|r| f(&r.status)).count();
    let indexed = count(|s| matches!(s, FileStatus::Indexed { .. }));
    let unchanged = count(|s| matches!(s, FileStatus::Unchanged));
    let skipped = count(|s| matches!(s, FileStatus::Skipped { .. }));
    let scanned = count(|s| matches!(s, FileStatus::Scanned { .. }));
    let failed = count(|s| matches!(s, FileStatus::Failed { .. }));
    if json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    } else {
        println!(
            "共 {} 个文件：新索引 {indexed}，未变化 {unchanged}，跳过 {skipped}，扫描件 {scanned}，失败 {failed}；耗时 {:.1} s；索引共 {} 个条款块（{}）",
            reports.len(),
            started.elapsed().as_secs_f64(),
            index.num_chunks(),
            data_dir.display()
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_line(report: &FileReport) -> String {
    let title = report
        .title
        .as_deref()
        .map(|t| format!("《{t}》"))
        .unwrap_or_default();
    match &report.status {
        FileStatus::Indexed { chunks, via } => {
            format!(
                "✔ 已索引 {} {title} {chunks} 块（{via}，{} ms）",
                report.path, report.millis
            )
        }
        FileStatus::Unchanged => format!("· 未变化 {} {title}", report.path),
        FileStatus::Skipped { reason } => format!("- 跳过 {}：{reason}", report.path),
        FileStatus::Scanned { reason } => format!("▲ 扫描件 {}：{reason}", report.path),
        FileStatus::Failed { reason } => format!("✖ 失败 {}：{reason}", report.path),
    }
}

pub(crate) fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let doc_type = match &args.doc_type {
        Some(t) => Some(DocType::parse(t).with_context(|| {
            format!("未知的文档类型“{t}”，可选：law、standard、approval、digest")
        })?),
        None => None,
    };
    let data_dir = args.data.resolve();
    let mut index = open_index(&data_dir)?;
    ensure_builtin(&mut index)?;
    let started = std::time::Instant::now();
    let hits = match index.search(&SearchRequest {
        query: args.query.clone(),
        top_k: args.top.clamp(1, 100),
        doc_type,
        as_of: Some(crate::today_china()),
    }) {
        Ok(hits) => hits,
        Err(lvshen_search::SearchError::EmptyQuery) => anyhow::bail!("检索内容为空"),
        Err(e) => return Err(e.into()),
    };
    tracing::info!(query = %args.query, hits = hits.len(), micros = started.elapsed().as_micros() as u64, "search");
    match args.format {
        SearchFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "hits": hits }))?
            );
        }
        SearchFormat::Text => {
            if hits.is_empty() {
                println!("未找到相关条款。");
            }
            for (i, hit) in hits.iter().enumerate() {
                let number = hit
                    .doc_number
                    .as_deref()
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default();
                let page = hit.page.map(|p| format!(" 第{p}页")).unwrap_or_default();
                println!(
                    "{}. 《{}》{number} {}{page}  [{:.2}]",
                    i + 1,
                    hit.doc,
                    hit.clause,
                    hit.score
                );
                println!("   {}", hit.snippet.replace('\n', " "));
                println!("   来源：{}", hit.source);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The hidden worker: `lvshen __pdf-worker EXTRACTOR MEMORY FILE`.
pub(crate) fn worker(args: &[String]) -> ExitCode {
    let (Some(extractor), Some(memory), Some(file)) = (
        args.first().and_then(|e| Extractor::parse(e)),
        args.get(1).and_then(|m| m.parse::<u64>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: lvshen {WORKER} EXTRACTOR MEMORY FILE");
        return ExitCode::from(2);
    };
    let code = lvshen_corpus::pdf::run_worker(extractor, Path::new(file), memory);
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
