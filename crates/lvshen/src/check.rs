//! `lvshen check`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use lvshen_filing::{Format, MAX_INPUT_BYTES, ParseError, parse_filing};
use lvshen_rules::{Date, Engine};

use crate::{OutputFormat, StandardsArgs, today_china};

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// 填报文件路径（.json / .toml / .yaml），“-” 表示从标准输入读取
    file: PathBuf,
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// 写入文件而不是标准输出
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
    /// 审查基准日（YYYY-MM-DD），决定适用的标准版本；默认为今天
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// 输入格式；默认按扩展名或内容判断
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    #[command(flatten)]
    standards: StandardsArgs,
    #[command(flatten)]
    zoning: crate::siting::ZoningArgs,
    /// 不做按坐标的选址空间分析（只用申报信息审查）
    #[arg(long)]
    no_siting: bool,
    /// 不做规范化预测评价（大气估算、噪声、各要素评价等级核对）
    #[arg(long)]
    no_predict: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum InputFormat {
    Json,
    Toml,
    Yaml,
}

/// The date of review: `--as-of`, or today in China.
pub(crate) fn parse_as_of(text: Option<&str>) -> anyhow::Result<Date> {
    Ok(match text {
        Some(text) => Date::parse(text)
            .with_context(|| format!("审查基准日“{text}”格式有误，应为 YYYY-MM-DD"))?,
        None => today_china(),
    })
}

pub(crate) fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let standards = args.standards.load()?;
    let bytes = read_input(&args.file)?;
    let format = args
        .input_format
        .map(|f| match f {
            InputFormat::Json => Format::Json,
            InputFormat::Toml => Format::Toml,
            InputFormat::Yaml => Format::Yaml,
        })
        .or_else(|| {
            args.file
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension)
        });
    let parsed = match parse_filing(&bytes, format) {
        Ok(parsed) => parsed,
        Err(error) => return report_unreadable(&args, &error),
    };
    let options = lvshen_siting::Options {
        as_of: Some(as_of),
        ..lvshen_siting::Options::from_screening(&standards.screening)
    };
    let engine = Engine::new(standards);
    let layers = if args.no_siting {
        None
    } else {
        Some(args.zoning.load()?)
    };
    let started = std::time::Instant::now();
    let prediction = (!args.no_predict)
        .then(|| lvshen_predict::predict(&parsed.filing, &lvshen_predict::Options::new(as_of)));
    let predicted = lvshen_predict::PredictionFindings::Made(
        prediction
            .as_ref()
            .map(|p| p.findings.clone())
            .unwrap_or_default(),
    );
    let report = match &layers {
        Some(layers) => {
            let spatial = lvshen_siting::SpatialFindings::new(layers, options);
            engine.check_with(&parsed, as_of, &[&spatial, &predicted])
        }
        None => engine.check_with(&parsed, as_of, &[&predicted]),
    };
    let prediction_section = prediction
        .as_ref()
        .map(|p| lvshen_predict::render::html_section(p, true));
    tracing::info!(
        file = %args.file.display(),
        findings = report.findings.len(),
        errors = report.summary.errors,
        micros = started.elapsed().as_micros() as u64,
        "checked filing"
    );
    let colour = args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let rendered = match args.format {
        OutputFormat::Text => lvshen_report::text(&report, colour),
        OutputFormat::Json => lvshen_report::json(&report),
        OutputFormat::Html => match &layers {
            // The report gets the siting section with its map.
            Some(layers) => {
                let site = lvshen_siting::Site::from_filing(&parsed.filing);
                match lvshen_siting::analyze(layers, &site, &options) {
                    Ok(analysis) => {
                        let svg = lvshen_siting::render_svg(
                            &analysis,
                            layers,
                            &options,
                            &lvshen_siting::MapOptions::default(),
                        );
                        let section = lvshen_report::siting_html_section(&analysis, &svg, None);
                        let sections: Vec<String> =
                            std::iter::once(section).chain(prediction_section).collect();
                        lvshen_report::html_with(&report, &sections)
                    }
                    Err(_) => lvshen_report::html_with(
                        &report,
                        &prediction_section.into_iter().collect::<Vec<_>>(),
                    ),
                }
            }
            None => lvshen_report::html_with(
                &report,
                &prediction_section.into_iter().collect::<Vec<_>>(),
            ),
        },
        OutputFormat::Markdown => lvshen_report::markdown(&report),
    };
    write_output(args.output.as_deref(), &rendered)?;
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads the file (or stdin), refusing more than the filing size limit without reading it all.
pub(crate) fn read_input(path: &Path) -> anyhow::Result<Vec<u8>> {
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .context("无法读取标准输入")?;
    } else {
        let file = std::fs::File::open(path)
            .with_context(|| format!("无法打开填报文件 {}", path.display()))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            anyhow::bail!("{} 是目录，不是填报文件", path.display());
        }
        file.take(limit)
            .read_to_end(&mut bytes)
            .with_context(|| format!("无法读取填报文件 {}", path.display()))?;
    }
    Ok(bytes)
}

fn report_unreadable(args: &CheckArgs, error: &ParseError) -> anyhow::Result<ExitCode> {
    let issues = error.issues();
    let warnings = match error {
        ParseError::Invalid { warnings, .. } => warnings.clone(),
        _ => Vec::new(),
    };
    let headline = format!(
        "填报文件 {} 无法审查：发现 {} 处问题",
        args.file.display(),
        issues.len()
    );
    tracing::warn!(file = %args.file.display(), problems = issues.len(), "filing rejected");
    match args.format {
        OutputFormat::Json => {
            let code = match error {
                ParseError::Invalid { .. } => "invalid_filing",
                ParseError::TooLarge { .. } => "too_large",
                ParseError::TooDeep { .. } => "too_deep",
                ParseError::TooManyNodes { .. } => "too_many_nodes",
                ParseError::NotUtf8 { .. } => "not_utf8",
                ParseError::Syntax { .. } => "syntax",
            };
            let text = lvshen_report::issues_json(code, &headline, &issues, &warnings);
            write_output(args.output.as_deref(), &text)?;
        }
        _ => {
            let mut err = std::io::stderr().lock();
            writeln!(err, "{headline}")?;
            for issue in &issues {
                writeln!(err, "  - {issue}")?;
            }
            if !warnings.is_empty() {
                writeln!(err, "另有 {} 处提醒：", warnings.len())?;
                for warning in &warnings {
                    writeln!(err, "  - {warning}")?;
                }
            }
        }
    }
    Ok(ExitCode::from(2))
}

pub(crate) fn write_output(path: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match path {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("无法写入 {}", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("无法写入标准输出"),
            }
        }
    }
}
