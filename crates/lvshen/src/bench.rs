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
    /// 规则引擎：解析 + 审查一份填报所需时间（单线程）
    Check {
        /// 填报文件；默认 tests/filings/ 下的全部 .json
        files: Vec<PathBuf>,
        /// 每个文件的迭代次数
        #[arg(long, default_value_t = 2000)]
        iterations: u32,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
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
    let BenchCommand::Check {
        mut files,
        iterations,
        json,
    } = command;
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
