//! `lvshen`: the command line of 绿审. Each subcommand wires the library crates together;
//! no review logic lives here.

mod ask;
mod bench;
mod check;
mod config;
mod eval;
mod eval_qa;
mod intake;
mod kb;
mod llm;
mod predict;
mod rules;
mod serve;
mod siting;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// 绿审 LüShen — 纺织印染项目环评与排污许可智能预审
#[derive(Debug, Parser)]
#[command(name = "lvshen", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 预审一份标准化填报文件（JSON/TOML/YAML），输出发现的问题。
    /// 退出码：0 无错误；1 发现错误；2 输入无法读取。
    Check(check::CheckArgs),
    /// 列出全部审查规则：编号、类别、检查内容、依据及其核实程度。
    Rules(rules::RulesArgs),
    /// 将法规、标准、批复等文件（.md .txt .pdf，文件或目录）加入知识库索引。
    /// 退出码：0 全部成功或已说明跳过；1 有文件失败。
    Ingest(kb::IngestArgs),
    /// 在知识库中检索条款。
    Search(kb::SearchArgs),
    /// 本地模型管理：下载、列出、校验。
    Model {
        #[command(subcommand)]
        what: llm::ModelCommand,
    },
    /// 用本地模型对话（流式输出）。
    Chat(llm::ChatArgs),
    /// 选址分析：按坐标叠加管控单元、园区、生态保护红线、水源保护区、曹娥江重点保护区和敏感目标，
    /// 给出结论、理由（附依据条款）、距离、备选厂址、示意图和选址论证。
    /// 退出码：0 符合或有条件符合；1 不符合；2 输入或运行错误。
    Siting(siting::SitingArgs),
    /// 规范化预测评价：按申报参数独立估算大气（SCREEN3）、噪声、地表水影响，判定各要素评价等级，
    /// 并与申报的评价结论核对。
    /// 退出码：0 完成；2 输入无法读取。
    Predict(predict::PredictArgs),
    /// 环评文件导入：读取 DOCX/PDF 报告表或报告书，识别格式与章节，提取带出处的填报草稿，
    /// 检查附表算术、前后不一致、标准编号、已废止依据、他项目名称（张冠李戴）和章节雷同。
    /// 退出码：0 完成；1 发现错误；2 文件无法读取。
    Intake(intake::IntakeArgs),
    /// 启动网页应用（申报单位、审查人员、工作人员）。
    Serve(serve::ServeArgs),
    /// 用户管理：添加、列出。
    User {
        #[command(subcommand)]
        what: serve::UserCommand,
    },
    /// 数据库：结构升级、逐表校验、在 SQLite 与 PostgreSQL 之间迁移数据。
    Store {
        #[command(subcommand)]
        what: serve::StoreCommand,
    },
    /// 法规问答：依据知识库条款作答并核验引用；无依据时拒答。
    /// 退出码：0 已回答；1 拒答（知识库中未找到依据）；2 输入或运行错误。
    Ask(ask::AskArgs),
    /// 评测：检索评测集（hit@1、hit@5、MRR）。
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// 性能基准。
    Bench {
        #[command(subcommand)]
        what: bench::BenchCommand,
    },
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// 检索评测：在新建索引上运行问题集
    Search(eval::EvalArgs),
    /// 问答评测：准确率、引用精确率、范围外拒答率、误拒、每题耗时
    Qa(eval_qa::EvalQaArgs),
}

/// Output format shared by the commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    Text,
    Json,
    Html,
    Markdown,
}

/// Where standards tables come from: the shipped ones, or a directory that replaces some.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct StandardsArgs {
    /// 标准限值数据目录（含 water.toml / air.toml / policy.toml 中的任意几个），覆盖内置数据
    #[arg(long, env = "LVSHEN_STANDARDS", value_name = "DIR")]
    standards: Option<PathBuf>,
}

impl StandardsArgs {
    /// The builtin tables, with each file found in the directory replacing its builtin one.
    pub(crate) fn load(&self) -> anyhow::Result<lvshen_rules::Standards> {
        let Some(dir) = &self.standards else {
            return Ok(lvshen_rules::Standards::builtin());
        };
        let mut texts: Vec<(&str, String)> = Vec::new();
        let mut replaced = Vec::new();
        for (name, builtin) in lvshen_rules::BUILTIN_FILES {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| anyhow::anyhow!("无法读取标准数据文件 {}：{e}", path.display()))?;
                replaced.push(name);
                texts.push((name, text));
            } else {
                texts.push((name, builtin.to_owned()));
            }
        }
        if replaced.is_empty() {
            anyhow::bail!(
                "标准数据目录 {} 中没有 water.toml、air.toml 或 policy.toml",
                dir.display()
            );
        }
        let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let id = format!("{}（{}）", dir.display(), replaced.join("、"));
        lvshen_rules::Standards::from_files(&files, &id)
            .map_err(|e| anyhow::anyhow!("标准数据文件有误：{e}"))
    }
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LVSHEN_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    // The PDF extraction worker is this binary, started by ingestion (not a user command).
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(kb::WORKER) {
        return kb::worker(&args[2..]);
    }
    if args.get(1).map(String::as_str) == Some(intake::WORKER) {
        return intake::worker(&args[2..]);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Ingest(args) => kb::ingest(args),
        Command::Search(args) => kb::search(args),
        Command::Bench { what } => bench::run(what),
        Command::Model { what } => llm::model(what),
        Command::Chat(args) => llm::chat(args),
        Command::Ask(args) => ask::run(args),
        Command::Siting(args) => siting::run(args),
        Command::Predict(args) => predict::run(args),
        Command::Intake(args) => intake::run(args),
        Command::Serve(args) => serve::serve(args),
        Command::User { what } => serve::user(what),
        Command::Store { what } => serve::store(what),
        Command::Eval {
            what: EvalCommand::Search(args),
        } => eval::run(args),
        Command::Eval {
            what: EvalCommand::Qa(args),
        } => eval_qa::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("错误：{e:#}");
            ExitCode::from(2)
        }
    }
}

/// Today's date in China (UTC+8), for deciding which limits are in force.
/// `--format text|json` (and `--json`, kept as an alias) for commands that can print JSON.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct OutputArgs {
    /// 输出格式
    #[arg(long, value_enum)]
    format: Option<TextOrJson>,
    /// 以 JSON 输出（同 --format json）
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}

impl OutputArgs {
    /// Whether JSON was asked for.
    pub(crate) fn json(&self) -> bool {
        self.json || self.format == Some(TextOrJson::Json)
    }
}

pub(crate) fn today_china() -> lvshen_rules::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    lvshen_rules::Date::from_unix_days((secs + 8 * 3600).div_euclid(86_400))
}
