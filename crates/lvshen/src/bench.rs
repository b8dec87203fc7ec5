//! `lvshen bench check`: filings checked per second on one core, as a table.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use lvshen_filing::parse_filing;
use lvshen_rules::{Engine, Standards};

use crate::today_china;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum BenchCommand {
    /// 本地模型：加载时间、预填充与解码速度、峰值内存
    Llm(crate::llm::BenchLlmArgs),
    /// 知识库：参考文本导入时间，以及 ≥10000 个条款块索引上的检索延迟
    Search {
        /// 参考文本目录
        #[arg(long, default_value = "../shared/reference")]
        reference: PathBuf,
        /// 为扩大索引规模重复导入的份数
        #[arg(long, default_value_t = 5)]
        copies: usize,
        /// 检索次数
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// 问题集（检索用的查询）
        #[arg(long, default_value = "tests/retrieval/questions.toml")]
        questions: PathBuf,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
    /// 选址分析：图层加载、单点分析（不含论证）、示意图绘制的耗时
    Siting {
        /// 每个厂址的迭代次数
        #[arg(long, default_value_t = 500)]
        iterations: u32,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
    /// 规范化预测评价：一份填报的完整预测（大气估算、噪声、各要素等级与核对）耗时（单线程）
    Predict {
        /// 填报文件；默认 tests/prediction/ 下的全部 .json
        files: Vec<PathBuf>,
        /// 每个文件的迭代次数
        #[arg(long, default_value_t = 50)]
        iterations: u32,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
    /// 环评文件导入：DOCX 与 PDF 的读取 + 分析速度（页/秒，单线程，读取在本进程内进行）
    Intake {
        /// 文件；默认 tests/intake/fixtures/ 下的全部 .docx 与 .pdf，另加 tests/intake/hostile/pages500.pdf
        files: Vec<PathBuf>,
        /// 每个文件的迭代次数
        #[arg(long, default_value_t = 5)]
        iterations: u32,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
    /// 规则引擎：解析 + 审查一份填报所需时间（单线程）
    Check {
        /// 填报文件；默认 tests/filings/ 下的全部 .json
        files: Vec<PathBuf>,
        /// 每个文件的迭代次数
        #[arg(long, default_value_t = 2000)]
        iterations: u32,
        #[command(flatten)]
        out: crate::OutputArgs,
    },
}

#[derive(Debug, serde::Serialize)]
struct Row {
    file: String,
    bytes: usize,
    findings: usize,
    parse_us_p50: f64,
    check_us_p50: f64,
    total_us_p50: f64,
    total_us_p99: f64,
    filings_per_second: f64,
}

pub(crate) fn run(command: BenchCommand) -> anyhow::Result<ExitCode> {
    let (mut files, iterations, json) = match command {
        BenchCommand::Check {
            files,
            iterations,
            out,
        } => (files, iterations, out.json()),
        BenchCommand::Search {
            reference,
            copies,
            queries,
            questions,
            out,
        } => return search(&reference, copies, queries, &questions, out.json()),
        BenchCommand::Llm(args) => return crate::llm::bench(args),
        BenchCommand::Siting { iterations, out } => return siting(iterations, out.json()),
        BenchCommand::Predict {
            files,
            iterations,
            out,
        } => return predict(files, iterations, out.json()),
        BenchCommand::Intake {
            files,
            iterations,
            out,
        } => return intake(files, iterations, out.json()),
    };
    if files.is_empty() {
        let dir = PathBuf::from("tests/filings");
        let entries = std::fs::read_dir(&dir)
            .with_context(|| format!("未指定文件，且无法读取默认目录 {}", dir.display()))?;
        files = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
    }
    let engine = Engine::new(Standards::builtin());
    let as_of = today_china();
    let iterations = iterations.max(10);
    let mut rows = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
        let Ok(first) = parse_filing(&bytes, None) else {
            continue; // invalid fixtures measure nothing useful here
        };
        let findings = engine.check(&first, as_of).findings.len();
        let mut parse = Vec::with_capacity(iterations as usize);
        let mut check = Vec::with_capacity(iterations as usize);
        for _ in 0..iterations {
            let t0 = Instant::now();
            let parsed = parse_filing(&bytes, None);
            let t1 = Instant::now();
            if let Ok(parsed) = parsed {
                std::hint::black_box(engine.check(&parsed, as_of));
            }
            let t2 = Instant::now();
            parse.push(t1 - t0);
            check.push(t2 - t1);
        }
        let total: Vec<Duration> = parse.iter().zip(&check).map(|(a, b)| *a + *b).collect();
        let mean = total.iter().sum::<Duration>().as_secs_f64() / total.len() as f64;
        rows.push(Row {
            file: path.display().to_string(),
            bytes: bytes.len(),
            findings,
            parse_us_p50: percentile(&parse, 0.5),
            check_us_p50: percentile(&check, 0.5),
            total_us_p50: percentile(&total, 0.5),
            total_us_p99: percentile(&total, 0.99),
            filings_per_second: 1.0 / mean,
        });
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!(
            "{:<48} {:>7} {:>5} {:>9} {:>9} {:>9} {:>9} {:>10}",
            "file", "bytes", "finds", "parse µs", "check µs", "p50 µs", "p99 µs", "filings/s"
        );
        for r in &rows {
            println!(
                "{:<48} {:>7} {:>5} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>10.0}",
                r.file,
                r.bytes,
                r.findings,
                r.parse_us_p50,
                r.check_us_p50,
                r.total_us_p50,
                r.total_us_p99,
                r.filings_per_second
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn percentile(samples: &[Duration], q: f64) -> f64 {
    let mut micros: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e6).collect();
    micros.sort_by(f64::total_cmp);
    let index = ((micros.len() as f64 - 1.0) * q).round() as usize;
    micros.get(index).copied().unwrap_or(0.0)
}

#[derive(Debug, serde::Serialize)]
struct SearchBench {
    reference_files: usize,
    reference_chunks: u64,
    ingest_seconds: f64,
    index_chunks: u64,
    build_seconds: f64,
    queries: usize,
    p50_ms: f64,
    p99_ms: f64,
    mean_ms: f64,
}

fn search(
    reference: &std::path::Path,
    copies: usize,
    queries: usize,
    questions: &std::path::Path,
    json: bool,
) -> anyhow::Result<ExitCode> {
    use lvshen_corpus::IngestOptions;
    use lvshen_search::{SearchIndex, SearchRequest, Source, ingest_sources};

    anyhow::ensure!(
        reference.is_dir(),
        "参考文本目录 {} 不存在",
        reference.display()
    );
    let options = IngestOptions {
        worker: Some(crate::kb::worker_command()?),
        ..IngestOptions::default()
    };
    let files = lvshen_corpus::collect_files(reference)?;
    // 1. Ingestion of the reference texts into an empty index.
    let dir = tempfile::tempdir()?;
    let mut index = SearchIndex::open(dir.path())?;
    let sources: Vec<Source> = files
        .iter()
        .map(|f| Source {
            doc_id: f.display().to_string(),
            path: f.clone(),
            bytes: None,
        })
        .collect();
    let started = Instant::now();
    ingest_sources(&mut index, &sources, &options, &mut |_, _| {})?;
    let ingest_seconds = started.elapsed().as_secs_f64();
    let reference_chunks = index.num_chunks();

    // 2. A large index: the shipped corpus and the reference texts, several times over.
    let big_dir = tempfile::tempdir()?;
    let mut big = SearchIndex::open(big_dir.path())?;
    let started = Instant::now();
    for copy in 0..copies.max(1) {
        let mut batch: Vec<Source> = crate::kb::builtin_sources();
        batch.extend(sources.iter().cloned());
        for s in &mut batch {
            s.doc_id = format!("{}#copy{copy}", s.doc_id);
        }
        ingest_sources(&mut big, &batch, &options, &mut |_, _| {})?;
    }
    let build_seconds = started.elapsed().as_secs_f64();

    // 3. Query latency.
    let text = std::fs::read_to_string(questions)?;
    let parsed: toml::Value = toml::from_str(&text)?;
    let asked: Vec<String> = parsed
        .get("q")
        .and_then(|q| q.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("q")?.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    anyhow::ensure!(!asked.is_empty(), "问题集为空");
    let mut latencies = Vec::with_capacity(queries);
    for i in 0..queries.max(1) {
        let query = &asked[i % asked.len()];
        let t = Instant::now();
        std::hint::black_box(big.search(&SearchRequest {
            query: query.clone(),
            top_k: 5,
            doc_type: None,
            as_of: Some(crate::today_china()),
        })?);
        latencies.push(t.elapsed());
    }
    let mean = latencies.iter().sum::<Duration>().as_secs_f64() * 1e3 / latencies.len() as f64;
    let report = SearchBench {
        reference_files: files.len(),
        reference_chunks,
        ingest_seconds,
        index_chunks: big.num_chunks(),
        build_seconds,
        queries: latencies.len(),
        p50_ms: percentile(&latencies, 0.5) / 1e3,
        p99_ms: percentile(&latencies, 0.99) / 1e3,
        mean_ms: mean,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("| measure | value |\n|---|---|");
        println!(
            "| reference files ingested (cold) | {} files → {} chunks in {:.2} s |",
            report.reference_files, report.reference_chunks, report.ingest_seconds
        );
        println!(
            "| large index | {} chunks, built in {:.1} s |",
            report.index_chunks, report.build_seconds
        );
        println!(
            "| query latency over {} queries | p50 {:.2} ms · p99 {:.2} ms · mean {:.2} ms |",
            report.queries, report.p50_ms, report.p99_ms, report.mean_ms
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, serde::Serialize)]
struct SitingRow {
    site: &'static str,
    verdict: String,
    reasons: usize,
    analyse_us_p50: f64,
    analyse_us_p99: f64,
    map_us_p50: f64,
    check_with_siting_us_p50: f64,
}

/// Siting latency: layer loading once, then analysis, map and a full check per site.
fn siting(iterations: u32, json: bool) -> anyhow::Result<ExitCode> {
    use lvshen_filing::codes::{ConstructionType, Process};
    use lvshen_siting::{Layers, MapOptions, Options, Site, analyze, render_svg};
    let iterations = iterations.max(10) as usize;
    let t0 = Instant::now();
    let layers = Layers::load(&[]).map_err(|e| anyhow::anyhow!("{e}"))?;
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let options = Options::default();
    let sites: [(&str, f64, f64); 5] = [
        ("滨海印染集聚区内", 120.652, 30.168),
        ("园区外（柯桥一般管控单元）", 120.45, 29.95),
        ("汤浦水库一级保护区", 120.75, 29.87),
        ("曹娥江重点保护区", 120.869, 30.03),
        ("集聚区单元边界", 120.65, 30.1299),
    ];
    let engine = Engine::new(Standards::builtin());
    let filing_bytes = std::fs::read("tests/filings/ok_binhai_new_dyeing.json").ok();
    let mut rows = Vec::new();
    for (name, lon, lat) in sites {
        let mut site = Site::at(lon, lat);
        site.processes = vec![Process::Pretreatment, Process::Dyeing];
        site.construction = Some(ConstructionType::New);
        let first = analyze(&layers, &site, &options).map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut analyse = Vec::with_capacity(iterations);
        let mut map = Vec::with_capacity(iterations);
        let mut check = Vec::with_capacity(iterations);
        for _ in 0..iterations {
            let t = Instant::now();
            let a = analyze(&layers, &site, &options).map_err(|e| anyhow::anyhow!("{e}"))?;
            analyse.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(render_svg(&a, &layers, &options, &MapOptions::default()));
            map.push(t.elapsed());
            if let Some(bytes) = &filing_bytes
                && let Ok(mut parsed) = parse_filing(bytes, None)
            {
                parsed.filing.location.longitude = lon;
                parsed.filing.location.latitude = lat;
                let spatial = lvshen_siting::SpatialFindings::new(&layers, options);
                let t = Instant::now();
                std::hint::black_box(engine.check_with(&parsed, today_china(), &[&spatial]));
                check.push(t.elapsed());
            }
        }
        rows.push(SitingRow {
            site: name,
            verdict: first.verdict_zh.to_owned(),
            reasons: first.reasons.len(),
            analyse_us_p50: percentile(&analyse, 0.5),
            analyse_us_p99: percentile(&analyse, 0.99),
            map_us_p50: percentile(&map, 0.5),
            check_with_siting_us_p50: if check.is_empty() {
                f64::NAN
            } else {
                percentile(&check, 0.5)
            },
        });
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({ "layers_load_ms": load_ms, "sites": rows })
            )?
        );
    } else {
        println!("图层加载（解析内置 GeoJSON、投影、建索引、曹娥江缓冲区）：{load_ms:.1} ms");
        println!(
            "{:<28} {:<22} {:>4} {:>12} {:>12} {:>10} {:>14}",
            "site", "verdict", "why", "analyse p50", "analyse p99", "map p50", "check+siting"
        );
        for r in &rows {
            println!(
                "{:<28} {:<22} {:>4} {:>10.0}µs {:>10.0}µs {:>8.0}µs {:>12.0}µs",
                r.site,
                r.verdict,
                r.reasons,
                r.analyse_us_p50,
                r.analyse_us_p99,
                r.map_us_p50,
                r.check_with_siting_us_p50
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, serde::Serialize)]
struct PredictRow {
    file: String,
    outlets: usize,
    fugitive: usize,
    noise_sources: usize,
    air_results: usize,
    predict_ms_p50: f64,
    predict_ms_p99: f64,
    html_with_plots_ms_p50: f64,
}

/// `bench predict`: the whole prediction of each filing, one thread.
fn predict(mut files: Vec<PathBuf>, iterations: u32, json: bool) -> anyhow::Result<ExitCode> {
    if files.is_empty() {
        let dir = PathBuf::from("tests/prediction");
        files = std::fs::read_dir(&dir)
            .with_context(|| format!("未指定文件，且无法读取默认目录 {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
    }
    let options = lvshen_predict::Options::new(today_china());
    let iterations = iterations.max(5);
    let mut rows = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
        let parsed = parse_filing(&bytes, None)
            .map_err(|e| anyhow::anyhow!("{} 无法解析：{}", path.display(), e.issues()[0]))?;
        let filing = &parsed.filing;
        let mut times = Vec::with_capacity(iterations as usize);
        let mut html = Vec::with_capacity(iterations as usize);
        let mut results = 0;
        for _ in 0..iterations {
            let t0 = Instant::now();
            let p = lvshen_predict::predict(filing, &options);
            let t1 = Instant::now();
            std::hint::black_box(lvshen_predict::render::html_section(&p, true));
            let t2 = Instant::now();
            results = p.air.results.len();
            times.push(t1 - t0);
            html.push(t2 - t1);
        }
        rows.push(PredictRow {
            file: path.display().to_string(),
            outlets: filing.air_outlets().len(),
            fugitive: filing.unorganized().len(),
            noise_sources: filing
                .noise
                .as_ref()
                .and_then(|n| n.sources.as_ref())
                .map_or(0, Vec::len),
            air_results: results,
            predict_ms_p50: percentile(&times, 0.5) / 1000.0,
            predict_ms_p99: percentile(&times, 0.99) / 1000.0,
            html_with_plots_ms_p50: percentile(&html, 0.5) / 1000.0,
        });
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!(
            "{:<46} {:>7} {:>8} {:>6} {:>7} {:>9} {:>9} {:>10}",
            "file", "outlets", "fugitive", "noise", "results", "p50 ms", "p99 ms", "html ms"
        );
        for r in &rows {
            println!(
                "{:<46} {:>7} {:>8} {:>6} {:>7} {:>9.2} {:>9.2} {:>10.2}",
                r.file,
                r.outlets,
                r.fugitive,
                r.noise_sources,
                r.air_results,
                r.predict_ms_p50,
                r.predict_ms_p99,
                r.html_with_plots_ms_p50
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, serde::Serialize)]
struct IntakeRow {
    format: &'static str,
    files: usize,
    pages: f64,
    read_ms_p50: f64,
    analyze_ms_p50: f64,
    pages_per_second: f64,
}

/// Pages of a DOCX: those of its PDF twin when there is one, else characters / 1000.
fn intake_pages(path: &std::path::Path, doc: &lvshen_intake::Document) -> f64 {
    if let Some(p) = doc.pages {
        return p as f64;
    }
    let twin = path.with_extension("pdf");
    std::fs::read(&twin)
        .ok()
        .and_then(|b| lvshen_intake::read_bytes("twin", &b).ok())
        .and_then(|d| d.pages)
        .map(f64::from)
        .unwrap_or_else(|| (doc.chars() as f64 / 1000.0).max(1.0))
}

fn intake(mut files: Vec<PathBuf>, iterations: u32, json: bool) -> anyhow::Result<ExitCode> {
    if files.is_empty() {
        let dir = PathBuf::from("tests/intake/fixtures");
        files = std::fs::read_dir(&dir)
            .with_context(|| format!("未指定文件，且无法读取默认目录 {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "docx" || x == "pdf"))
            .collect();
        files.sort();
        let long = PathBuf::from("tests/intake/hostile/pages500.pdf");
        if long.is_file() {
            files.push(long);
        }
    }
    // One core, as the target machine gives one request.
    let knowledge = crate::intake::knowledge();
    let iterations = iterations.max(1);
    // format → (files, pages, read time per page, analysis time per page)
    type Samples = (usize, f64, Vec<Duration>, Vec<Duration>);
    let mut per_format: std::collections::BTreeMap<&'static str, Samples> =
        std::collections::BTreeMap::new();
    for path in &files {
        let bytes = std::fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
        let name = path.display().to_string();
        let first =
            lvshen_intake::read_bytes(&name, &bytes).map_err(|e| anyhow::anyhow!("{name}：{e}"))?;
        let kind = match first.kind {
            lvshen_intake::FileKind::Docx => "docx",
            lvshen_intake::FileKind::Pdf => "pdf",
        };
        let pages = intake_pages(path, &first);
        let entry = per_format.entry(kind).or_default();
        entry.0 += 1;
        entry.1 += pages;
        for _ in 0..iterations {
            let t0 = Instant::now();
            let doc =
                lvshen_intake::read_bytes(&name, &bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
            let t1 = Instant::now();
            std::hint::black_box(lvshen_intake::analyze(
                &doc,
                lvshen_intake::Options {
                    knowledge: &knowledge,
                    library: &[],
                    filing: None,
                    as_of: today_china(),
                },
            ));
            let t2 = Instant::now();
            // Per page, so that files of different lengths add up.
            entry.2.push((t1 - t0).div_f64(pages));
            entry.3.push((t2 - t1).div_f64(pages));
        }
    }
    let rows: Vec<IntakeRow> = per_format
        .into_iter()
        .map(|(format, (n, pages, read, analyze))| {
            let read_ms = percentile(&read, 0.5) / 1000.0;
            let analyze_ms = percentile(&analyze, 0.5) / 1000.0;
            IntakeRow {
                format,
                files: n,
                pages,
                read_ms_p50: read_ms,
                analyze_ms_p50: analyze_ms,
                pages_per_second: 1000.0 / (read_ms + analyze_ms).max(1e-9),
            }
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!(
            "{:<6} {:>6} {:>7} {:>16} {:>19} {:>10}",
            "format", "files", "pages", "read ms/page p50", "analyze ms/page p50", "pages/s"
        );
        for r in &rows {
            println!(
                "{:<6} {:>6} {:>7.0} {:>16.2} {:>19.2} {:>10.1}",
                r.format, r.files, r.pages, r.read_ms_p50, r.analyze_ms_p50, r.pages_per_second
            );
        }
        println!("（单线程，本进程内读取；服务与命令行另有读取进程启动开销约数十毫秒）");
    }
    Ok(ExitCode::SUCCESS)
}
