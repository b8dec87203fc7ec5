//! `lvshen siting`: the siting analysis of a filing or of bare coordinates.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::Context as _;
use lvshen_agent::siting::{SitingArgument, cited_clauses, draft_siting_argument, facts_only};
use lvshen_filing::codes::{ConstructionType, Process};
use lvshen_siting::{
    Analysis, DeclaredPark, LayerKind, Layers, MapOptions, Options, Site, Verdict, analyze,
    render_svg,
};

use crate::llm::ModelArgs;
use crate::{StandardsArgs, check::write_output};

/// Where zoning layers come from: the shipped illustrative ones, or a directory of official
/// ones that replace them file by file.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ZoningArgs {
    /// 选址图层目录（units.geojson、parks.geojson、redlines.geojson、water_sources.geojson、
    /// rivers.geojson、receptors.geojson、districts.geojson 中的任意几个），覆盖内置示意图层
    #[arg(long, env = "LVSHEN_ZONING", value_name = "DIR")]
    zoning: Option<PathBuf>,
}

impl ZoningArgs {
    /// The layers to use.
    pub(crate) fn load(&self) -> anyhow::Result<LayersHandle> {
        let Some(dir) = &self.zoning else {
            return Ok(LayersHandle::Shared(
                Layers::embedded().map_err(|e| anyhow::anyhow!("内置图层有误：{e}"))?,
            ));
        };
        let entries = std::fs::read_dir(dir)
            .with_context(|| format!("无法读取选址图层目录 {}", dir.display()))?;
        let mut files = Vec::new();
        for entry in entries {
            let path = entry?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if LayerKind::from_file_name(name).is_none() {
                if name.ends_with(".shp") {
                    anyhow::bail!(
                        "暂不直接读取 Shapefile（{}）：请先转换为 GeoJSON，例如 ogr2ogr -f GeoJSON -t_srs EPSG:4326 units.geojson {}",
                        path.display(),
                        name
                    );
                }
                continue;
            }
            let text = read_limited(&path)?;
            files.push((path.display().to_string(), text));
        }
        if files.is_empty() {
            anyhow::bail!(
                "选址图层目录 {} 中没有可识别的图层文件（文件名应为 units.geojson、parks.geojson 等，见 corpus/zoning/README.md）",
                dir.display()
            );
        }
        Ok(LayersHandle::Owned(Box::new(
            Layers::load(&files).map_err(|e| anyhow::anyhow!("{e}"))?,
        )))
    }
}

/// Layer files larger than this are refused (a city's official layers are a few MB).
const MAX_LAYER_BYTES: u64 = 200 * 1024 * 1024;

fn read_limited(path: &Path) -> anyhow::Result<String> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("无法读取图层文件 {}", path.display()))?
        .len();
    if size > MAX_LAYER_BYTES {
        anyhow::bail!(
            "图层文件 {} 有 {} MB，超过上限 {} MB；请先按研究区域裁剪",
            path.display(),
            size / 1024 / 1024,
            MAX_LAYER_BYTES / 1024 / 1024
        );
    }
    std::fs::read_to_string(path).with_context(|| {
        format!(
            "无法读取图层文件 {}（须为 UTF-8 编码的 GeoJSON）",
            path.display()
        )
    })
}

/// The shipped layers (shared, parsed once) or loaded ones.
pub(crate) enum LayersHandle {
    Shared(&'static Layers),
    Owned(Box<Layers>),
}

impl std::ops::Deref for LayersHandle {
    type Target = Layers;
    fn deref(&self) -> &Layers {
        match self {
            LayersHandle::Shared(l) => l,
            LayersHandle::Owned(l) => l,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SitingFormat {
    /// 终端文本
    #[default]
    Text,
    /// {"verdict","reasons","layers_hit","distances","alternatives","argument",…}
    Json,
    /// 含示意图的独立网页
    Html,
    /// 仅示意图（SVG）
    Svg,
}

#[derive(Debug, clap::Args)]
pub(crate) struct SitingArgs {
    /// 填报文件（.json / .toml / .yaml）；不给时用 --lon/--lat 指定厂址
    file: Option<PathBuf>,
    /// 经度（WGS-84，度）
    #[arg(
        long,
        allow_negative_numbers = true,
        conflicts_with = "file",
        requires = "lat"
    )]
    lon: Option<f64>,
    /// 纬度（WGS-84，度）
    #[arg(
        long,
        allow_negative_numbers = true,
        conflicts_with = "file",
        requires = "lon"
    )]
    lat: Option<f64>,
    /// 行业代码（GB/T 4754-2017），如 C1713
    #[arg(long, conflicts_with = "file")]
    industry: Option<String>,
    /// 工序代码，逗号分隔，如 pretreatment,dyeing,printing（也接受中文：前处理,染色,印花）
    #[arg(long, value_delimiter = ',', conflicts_with = "file")]
    processes: Vec<String>,
    /// 建设性质：new / expansion / renovation / technical_renovation / relocation；默认新建
    #[arg(long, conflicts_with = "file")]
    construction: Option<String>,
    /// 申报所在园区（与坐标核对）
    #[arg(long, conflicts_with = "file")]
    park: Option<String>,
    /// 申报所在区县（与坐标核对）
    #[arg(long, conflicts_with = "file")]
    district: Option<String>,
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = SitingFormat::Text)]
    format: SitingFormat,
    /// 写入文件而不是标准输出
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
    /// 另存示意图（SVG）
    #[arg(long, value_name = "PATH")]
    svg: Option<PathBuf>,
    /// 不用模型：选址论证按计算事实生成
    #[arg(long)]
    no_model: bool,
    /// 不写选址论证（只做空间分析，最快）
    #[arg(long)]
    no_argument: bool,
    /// 审查基准日（YYYY-MM-DD，默认今天，北京时间），决定引用哪部现行法律
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    #[command(flatten)]
    zoning: ZoningArgs,
    #[command(flatten)]
    standards: StandardsArgs,
    #[command(flatten)]
    model: ModelArgs,
}

fn site_from_args(args: &SitingArgs) -> anyhow::Result<Site> {
    if let Some(path) = &args.file {
        let parsed = crate::ask::read_filing(path)?;
        return Ok(Site::from_filing(&parsed.filing));
    }
    let (Some(lon), Some(lat)) = (args.lon, args.lat) else {
        anyhow::bail!("请给出填报文件，或用 --lon 和 --lat 指定厂址坐标（WGS-84 度）");
    };
    let mut site = Site::at(lon, lat);
    site.industry_code = args.industry.clone();
    for code in &args.processes {
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        let process = Process::parse(code).ok_or_else(|| {
            anyhow::anyhow!("工序“{code}”无法识别，可用：{}", Process::codes_list())
        })?;
        site.processes.push(process);
    }
    site.construction = match &args.construction {
        None => Some(ConstructionType::New),
        Some(text) => Some(ConstructionType::parse(text).ok_or_else(|| {
            anyhow::anyhow!(
                "建设性质“{text}”无法识别，可用：{}",
                ConstructionType::codes_list()
            )
        })?),
    };
    site.declared_district = args.district.clone();
    if let Some(park) = &args.park {
        site.declared_park = DeclaredPark::Named(park.clone());
    }
    Ok(site)
}

pub(crate) fn run(args: SitingArgs) -> anyhow::Result<ExitCode> {
    let site = site_from_args(&args)?;
    let standards = args.standards.load()?;
    let layers = args.zoning.load()?;
    let as_of = crate::check::parse_as_of(args.as_of.as_deref())?;
    let options = Options {
        as_of: Some(as_of),
        ..Options::from_screening(&standards.screening)
    };
    let started = Instant::now();
    let analysis = analyze(&layers, &site, &options).map_err(|e| anyhow::anyhow!("{e}"))?;
    let svg = render_svg(&analysis, &layers, &options, &MapOptions::default());
    tracing::info!(
        verdict = ?analysis.verdict,
        reasons = analysis.reasons.len(),
        micros = started.elapsed().as_micros() as u64,
        "siting analysed"
    );
    if let Some(path) = &args.svg {
        write_output(Some(path), &svg)?;
    }
    let argument = if args.no_argument || args.format == SitingFormat::Svg {
        None
    } else {
        Some(argument(&args, &analysis, &layers)?)
    };
    let view = argument.as_ref().map(|a| lvshen_report::ArgumentView {
        text: &a.text,
        method: a.method,
    });
    let rendered = match args.format {
        SitingFormat::Text => lvshen_report::siting_text(&analysis, view),
        SitingFormat::Html => lvshen_report::siting_html(&analysis, &svg, view),
        SitingFormat::Svg => svg.clone(),
        SitingFormat::Json => {
            let mut value = serde_json::to_value(&analysis)?;
            if let Some(map) = value.as_object_mut() {
                map.insert("argument".into(), serde_json::to_value(&argument)?);
            }
            let mut text = serde_json::to_string_pretty(&value)?;
            text.push('\n');
            text
        }
    };
    write_output(args.output.as_deref(), &rendered)?;
    Ok(match analysis.verdict {
        Verdict::Incompatible => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// The siting argument: by the model when it is available, else from the facts.
fn argument(
    args: &SitingArgs,
    analysis: &Analysis,
    layers: &Layers,
) -> anyhow::Result<SitingArgument> {
    if args.no_model {
        return Ok(facts_only(analysis));
    }
    let service = match crate::llm::open_service(&args.model) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("提示：模型不可用（{e:#}），选址论证按计算事实生成。");
            return Ok(facts_only(analysis));
        }
    };
    let data_dir = args.model.data_dir();
    let clauses = match crate::kb::open_index(&data_dir).and_then(|mut index| {
        crate::kb::ensure_builtin(&mut index)?;
        Ok(index)
    }) {
        Ok(index) => cited_clauses(analysis, &index, 300),
        Err(e) => {
            eprintln!("提示：知识库不可用（{e:#}），选址论证只依据计算事实。");
            Vec::new()
        }
    };
    let cancel = AtomicBool::new(false);
    let streaming = args.format == SitingFormat::Text && args.output.is_none();
    if streaming {
        eprintln!("正在起草选址论证（本地模型）…");
    }
    let mut stderr = std::io::stderr().lock();
    let drafted = draft_siting_argument(
        analysis,
        &layers.place_names(),
        clauses,
        &service,
        &cancel,
        &mut |piece| {
            if streaming {
                let _ = stderr.write_all(piece.as_bytes());
                let _ = stderr.flush();
            }
        },
    );
    if streaming {
        eprintln!();
    }
    match drafted {
        Ok(a) => {
            for d in &a.dropped {
                tracing::info!(sentence = %d.sentence, reason = %d.reason, "argument sentence dropped");
            }
            Ok(a)
        }
        Err(e) => {
            eprintln!("提示：模型生成失败（{e}），选址论证按计算事实生成。");
            Ok(facts_only(analysis))
        }
    }
}
