//! `lvshen intake`: an EIA document (DOCX/PDF 报告表/报告书) → a sourced filing draft and the
//! document checks. The file is read by a worker subprocess (`__intake-worker`) with a time
//! and a memory limit.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use lvshen_intake::checks::Knowledge;
use lvshen_intake::copy::LibraryReport;
use lvshen_intake::worker::{Worker, read_in_worker};
use lvshen_intake::{Options, analyze, render};

use crate::check::{parse_as_of, write_output};

/// Name of the hidden worker subcommand.
pub(crate) const WORKER: &str = "__intake-worker";

/// Largest document accepted (bytes).
pub(crate) const MAX_DOCUMENT_BYTES: u64 = 100 << 20;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum IntakeFormat {
    /// 终端文本
    #[default]
    Text,
    /// {"format","filing","provenance","sections","findings",…}
    Json,
    /// 独立网页
    Html,
}

#[derive(Debug, clap::Args)]
pub(crate) struct IntakeArgs {
    /// 环评文件（.docx 或带文字层的 .pdf；按内容判断类型）
    file: PathBuf,
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = IntakeFormat::Text)]
    format: IntakeFormat,
    /// 写入文件而不是标准输出
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
    /// 把提取出的填报草稿写入此文件（JSON，可交 lvshen check 预审）
    #[arg(long, value_name = "OUT.json")]
    filing: Option<PathBuf>,
    /// 与申报单位已提交的标准化填报（JSON）逐字段比对
    #[arg(long, value_name = "FILING.json")]
    compare: Option<PathBuf>,
    /// 查重库目录（此前报告的 .json 条目，或 .docx/.pdf）；默认 数据目录/reports
    #[arg(long, value_name = "DIR")]
    library: Option<PathBuf>,
    /// 检查后把本报告加入查重库
    #[arg(long)]
    remember: bool,
    /// 审查基准日（YYYY-MM-DD），决定引用的法律与标准是否现行；默认为今天
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// 读取文件的时间上限（秒）
    #[arg(long, default_value_t = 120)]
    timeout: u64,
    #[command(flatten)]
    data: crate::kb::DataDirArgs,
}

pub(crate) fn worker_config(timeout: Duration) -> anyhow::Result<Worker> {
    Ok(Worker {
        program: std::env::current_exe().context("无法定位 lvshen 可执行文件（文件读取进程）")?,
        args: vec![WORKER.to_owned()],
        time: timeout,
        memory: 2 << 30,
    })
}

/// The hidden worker: `lvshen __intake-worker MEMORY FILE`.
pub(crate) fn worker(args: &[String]) -> ExitCode {
    let (Some(memory), Some(file)) = (
        args.first().and_then(|m| m.parse::<u64>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: lvshen {WORKER} MEMORY FILE");
        return ExitCode::from(2);
    };
    let code = lvshen_intake::worker::run_worker(Path::new(file), memory);
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// What the document checks know: the standard numbers of the embedded knowledge base and
/// the gazetteer of the siting layers.
pub(crate) fn knowledge() -> Knowledge {
    let mut standards: Vec<(String, String)> = Vec::new();
    let mut add = |number: String, title: String| {
        if let Some(existing) = standards.iter_mut().find(|(n, _)| *n == number) {
            if existing.1.is_empty() {
                existing.1 = title;
            }
        } else {
            standards.push((number, title));
        }
    };
    for (path, text) in crate::kb::corpus_texts() {
        let mut title = String::new();
        let mut number = String::new();
        if path.ends_with(".md") {
            for line in text.lines().take(20) {
                if let Some(t) = line.strip_prefix("title:") {
                    title = t.trim().trim_matches('"').to_owned();
                }
                if let Some(n) = line.strip_prefix("doc_number:") {
                    number = n.trim().trim_matches('"').to_owned();
                }
            }
        }
        for n in lvshen_intake::checks::standard_numbers(&number) {
            add(n, title.clone());
        }
        for n in lvshen_intake::checks::standard_numbers(text) {
            add(n, String::new());
        }
    }
    let mut districts = Vec::new();
    let mut places = Vec::new();
    if let Ok(layers) = lvshen_siting::Layers::embedded() {
        for d in &layers.districts.items {
            districts.push(d.attrs.name.clone());
        }
        for p in &layers.parks.items {
            places.push((p.attrs.name.clone(), p.attrs.district.clone()));
            for a in &p.attrs.aliases {
                places.push((a.clone(), p.attrs.district.clone()));
            }
        }
        for u in &layers.units.items {
            places.push((u.attrs.name.clone(), u.attrs.district.clone()));
        }
    }
    Knowledge {
        standards,
        places,
        districts,
    }
}

/// Loads the library: `.json` entries and `.docx`/`.pdf` files (read and sectioned).
pub(crate) fn load_library(
    dir: &Path,
    worker: &Worker,
    as_of: lvshen_rules::Date,
) -> Vec<LibraryReport> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let empty = Knowledge::default();
    for path in paths {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match ext {
            "json" => match std::fs::read(&path)
                .ok()
                .and_then(|b| serde_json::from_slice::<LibraryReport>(&b).ok())
            {
                Some(entry) => out.push(entry),
                None => eprintln!("查重库条目 {} 无法读取，已跳过", path.display()),
            },
            "docx" | "pdf" => match read_in_worker(worker, &path) {
                Ok(doc) => {
                    let intake = analyze(
                        &doc,
                        Options {
                            knowledge: &empty,
                            library: &[],
                            filing: None,
                            as_of,
                        },
                    );
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    out.push(intake.library_entry(&name, &name));
                }
                Err(e) => eprintln!("查重库文件 {} 无法读取：{e}", path.display()),
            },
            _ => {}
        }
    }
    out
}

pub(crate) fn run(args: IntakeArgs) -> anyhow::Result<ExitCode> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let meta = std::fs::metadata(&args.file)
        .with_context(|| format!("无法打开文件 {}", args.file.display()))?;
    anyhow::ensure!(
        !meta.is_dir(),
        "{} 是目录，不是环评文件",
        args.file.display()
    );
    if meta.len() > MAX_DOCUMENT_BYTES {
        eprintln!(
            "文件过大：{:.1} MB，上限 {} MB",
            meta.len() as f64 / 1_048_576.0,
            MAX_DOCUMENT_BYTES >> 20
        );
        return Ok(ExitCode::from(2));
    }
    let worker = worker_config(Duration::from_secs(args.timeout.clamp(5, 3600)))?;
    let started = std::time::Instant::now();
    let doc = match read_in_worker(&worker, &args.file) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{} 无法读取：{e}", args.file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let filing = match &args.compare {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("无法打开填报文件 {}", path.display()))?;
            match serde_json::from_slice::<serde_json::Value>(&bytes) {
                Ok(v) => Some(v),
                Err(e) => {
                    eprintln!(
                        "填报文件 {} 不是有效的 JSON：第 {} 行第 {} 列，{e}",
                        path.display(),
                        e.line(),
                        e.column()
                    );
                    return Ok(ExitCode::from(2));
                }
            }
        }
        None => None,
    };
    let library_dir = args
        .library
        .clone()
        .unwrap_or_else(|| args.data.resolve().join("reports"));
    let library = load_library(&library_dir, &worker, as_of);
    let knowledge = knowledge();
    let intake = analyze(
        &doc,
        Options {
            knowledge: &knowledge,
            library: &library,
            filing: filing.as_ref(),
            as_of,
        },
    );
    tracing::info!(
        file = %args.file.display(),
        format = ?intake.format,
        fields = intake.summary.fields,
        findings = intake.findings.len(),
        millis = started.elapsed().as_millis() as u64,
        "intake"
    );
    if let Some(path) = &args.filing {
        let json = serde_json::to_string_pretty(&intake.filing)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("无法写入 {}", path.display()))?;
        eprintln!(
            "填报草稿已写入 {}（未能读取的字段已留空，可用 lvshen check 预审）",
            path.display()
        );
    }
    if args.remember {
        std::fs::create_dir_all(&library_dir)
            .with_context(|| format!("无法创建查重库目录 {}", library_dir.display()))?;
        let bytes = std::fs::read(&args.file)?;
        let id = lvshen_intake::content_id(&bytes);
        let label = args
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| id.clone());
        let entry = intake.library_entry(&id, &label);
        let path = library_dir.join(format!("{id}.json"));
        std::fs::write(&path, serde_json::to_vec(&entry)?)
            .with_context(|| format!("无法写入 {}", path.display()))?;
        eprintln!("已加入查重库：{}", path.display());
    }
    let text = match args.format {
        IntakeFormat::Text => render::text(&intake),
        IntakeFormat::Json => serde_json::to_string_pretty(&intake)? + "\n",
        IntakeFormat::Html => render::html(&intake),
    };
    write_output(args.output.as_deref(), &text)?;
    Ok(if intake.summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
