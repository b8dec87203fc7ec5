//! `lvshen predict`: the standardized prediction and evaluation (规范化预测评价) of a filing.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use lvshen_filing::parse_filing;
use lvshen_predict::{Options, predict, render, svg};

use crate::check::{parse_as_of, read_input, write_output};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PredictFormat {
    /// 终端文本
    #[default]
    Text,
    /// {"air":{"results":[…],"pmax_percent","grade","range"},"noise","water","groundwater","soil","risk","findings"}
    Json,
    /// 含浓度—距离曲线的独立网页
    Html,
    /// 一条浓度—距离曲线（SVG；默认 Pmax 所在的排放源与污染物）
    Svg,
}

#[derive(Debug, clap::Args)]
pub(crate) struct PredictArgs {
    /// 填报文件路径（.json / .toml / .yaml），“-” 表示从标准输入读取
    file: PathBuf,
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = PredictFormat::Text)]
    format: PredictFormat,
    /// 写入文件而不是标准输出
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
    /// 审查基准日（YYYY-MM-DD），决定 GB 3095 版本与引用的法律；默认为今天
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// 大气估算的最近受体距离（m）
    #[arg(long, value_name = "M", default_value_t = lvshen_predict::air::DEFAULT_MIN_DISTANCE_M)]
    min_distance: f64,
    /// SVG：选择排放源（如 DA001，或 “无组织:定型车间”）
    #[arg(long)]
    outlet: Option<String>,
    /// SVG：选择污染物代码（如 NMHC）
    #[arg(long)]
    pollutant: Option<String>,
}

pub(crate) fn run(args: PredictArgs) -> anyhow::Result<ExitCode> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    anyhow::ensure!(
        args.min_distance.is_finite() && (1.0..=5000.0).contains(&args.min_distance),
        "--min-distance 应在 1–5000 m 之间，实际为 {}",
        args.min_distance
    );
    let bytes = read_input(&args.file)?;
    let parsed = match parse_filing(&bytes, None) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("填报文件 {} 无法读取：", args.file.display());
            for issue in error.issues() {
                eprintln!("  - {issue}");
            }
            return Ok(ExitCode::from(2));
        }
    };
    let options = Options {
        as_of,
        min_distance_m: args.min_distance,
    };
    let started = std::time::Instant::now();
    let prediction = predict(&parsed.filing, &options);
    tracing::info!(
        file = %args.file.display(),
        results = prediction.air.results.len(),
        findings = prediction.findings.len(),
        millis = started.elapsed().as_millis() as u64,
        "predicted"
    );
    let text = match args.format {
        PredictFormat::Text => render::text(&prediction),
        PredictFormat::Json => {
            serde_json::to_string_pretty(&prediction).context("无法序列化预测结果")? + "\n"
        }
        PredictFormat::Html => render::html_page(&prediction),
        PredictFormat::Svg => {
            let air = &prediction.air;
            let chosen = air
                .results
                .iter()
                .filter(|r| args.outlet.as_deref().is_none_or(|o| r.outlet == o))
                .filter(|r| {
                    args.pollutant
                        .as_deref()
                        .is_none_or(|p| r.pollutant.eq_ignore_ascii_case(p) || r.pollutant_zh == p)
                })
                .max_by(|a, b| {
                    a.pi_percent
                        .unwrap_or(0.0)
                        .total_cmp(&b.pi_percent.unwrap_or(0.0))
                        .then(a.max_ug_per_m3.total_cmp(&b.max_ug_per_m3))
                });
            let Some(result) = chosen else {
                let available: Vec<String> = air
                    .results
                    .iter()
                    .map(|r| format!("{} {}", r.outlet, r.pollutant))
                    .collect();
                anyhow::bail!(
                    "没有可绘制的浓度曲线{}；可选：{}",
                    if air.results.is_empty() {
                        "（大气未能估算，见 --format text）"
                    } else {
                        ""
                    },
                    if available.is_empty() {
                        "无".to_owned()
                    } else {
                        available.join("、")
                    }
                );
            };
            svg::plot(air, result).context("该结果没有曲线")? + "\n"
        }
    };
    write_output(args.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
