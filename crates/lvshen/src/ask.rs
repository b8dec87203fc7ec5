//! `lvshen ask`: the Q&A agent on the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use lvshen_agent::{Agent, Answer, FilingContext, Turn};
use lvshen_filing::parse_filing;
use lvshen_rules::{Engine, Standards};

use crate::llm::ModelArgs;

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub(crate) enum AskFormat {
    /// 流式输出答案，随后列出依据
    #[default]
    Text,
    /// {"answer","citations","refused",…}
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct AskArgs {
    /// 问题
    question: String,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = AskFormat::Text)]
    format: AskFormat,
    /// 会话文件（JSON）：读取此前的问答用于追问，并追加本轮
    #[arg(long, value_name = "FILE")]
    session: Option<PathBuf>,
    /// 结合一份填报的审查结果回答（解释其中的问题）
    #[arg(long, value_name = "FILE")]
    filing: Option<PathBuf>,
    /// 不用模型：只给出检索到的原文摘录
    #[arg(long)]
    no_model: bool,
    #[command(flatten)]
    model: ModelArgs,
}

fn read_session(path: &Path) -> anyhow::Result<Vec<Turn>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("无法读取会话文件 {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "会话文件 {} 格式有误（应为 [{{\"question\",\"answer\"}}…]）",
            path.display()
        )
    })
}

/// Reads and parses a filing file (format from the extension); every problem in the error.
pub(crate) fn read_filing(path: &Path) -> anyhow::Result<lvshen_filing::Parsed> {
    let bytes = std::fs::read(path).with_context(|| format!("无法读取填报 {}", path.display()))?;
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(lvshen_filing::Format::from_extension);
    parse_filing(&bytes, format).map_err(|e| {
        let issues: Vec<String> = e.issues().iter().map(|i| i.to_string()).collect();
        anyhow::anyhow!("填报 {} 无法读取：{}", path.display(), issues.join("；"))
    })
}

fn load_filing(path: &Path) -> anyhow::Result<FilingContext> {
    let parsed = read_filing(path)?;
    let report = Engine::new(Standards::builtin()).check(&parsed, crate::today_china());
    Ok(FilingContext {
        name: path.display().to_string(),
        filing: parsed.filing,
        report,
    })
}

pub(crate) fn run(args: AskArgs) -> anyhow::Result<ExitCode> {
    let history = match &args.session {
        Some(path) => read_session(path)?,
        None => Vec::new(),
    };
    let filing = args.filing.as_deref().map(load_filing).transpose()?;
    let data_dir = args.model.data_dir();
    let mut index = crate::kb::open_index(&data_dir)?;
    crate::kb::ensure_builtin(&mut index)?;
    let service = if args.no_model {
        None
    } else {
        match crate::llm::open_service(&args.model) {
            Ok(s) => Some(s),
            Err(e) => {
                eprintln!("提示：模型不可用（{e:#}），仅给出检索到的原文摘录。");
                None
            }
        }
    };
    let mut agent = Agent::new(&index, service.as_ref());
    agent.options.as_of = Some(crate::today_china());
    let cancel = AtomicBool::new(false);
    let streaming = matches!(args.format, AskFormat::Text);
    let mut stdout = std::io::stdout().lock();
    let answer = agent.ask(
        &args.question,
        &history,
        filing.as_ref(),
        &cancel,
        &mut |piece| {
            if streaming {
                let _ = stdout.write_all(piece.as_bytes());
                let _ = stdout.flush();
            }
        },
    )?;
    match args.format {
        AskFormat::Json => {
            writeln!(stdout, "{}", serde_json::to_string_pretty(&answer)?)?;
        }
        AskFormat::Text => {
            writeln!(stdout)?;
            print_sources(&mut stdout, &answer)?;
        }
    }
    if let Some(path) = &args.session {
        let mut history = history;
        history.push(Turn {
            question: args.question.clone(),
            answer: answer.answer.clone(),
        });
        std::fs::write(path, serde_json::to_string_pretty(&history)?)
            .with_context(|| format!("无法写入会话文件 {}", path.display()))?;
    }
    Ok(if answer.refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_sources(out: &mut impl Write, answer: &Answer) -> std::io::Result<()> {
    if answer.refused {
        if !answer.closest.is_empty() {
            writeln!(out, "\n最接近的资料（不足以回答该问题）：")?;
            for c in &answer.closest {
                writeln!(
                    out,
                    "  · {} {}（{}）{}",
                    c.doc,
                    c.clause,
                    c.source,
                    repealed_note(c)
                )?;
            }
        }
        return Ok(());
    }
    writeln!(out, "\n依据：")?;
    for (i, c) in answer.citations.iter().enumerate() {
        writeln!(
            out,
            "[{}] {} {}（{}）{}",
            i + 1,
            c.doc,
            c.clause,
            c.source,
            repealed_note(c)
        )?;
        writeln!(out, "    {}", c.text)?;
    }
    if !answer.tools.is_empty() {
        let names: Vec<&str> = answer
            .tools
            .iter()
            .map(|t| match t.as_str() {
                "rule_lookup" => "规则查询",
                "explain_finding" => "填报审查结果",
                "similar_approvals" => "类似批复检索",
                other => other,
            })
            .collect();
        writeln!(out, "使用的工具：{}", names.join("、"))?;
    }
    if answer.method == "extract" {
        writeln!(out, "（原文摘录：模型未参与或其回答未通过核验）")?;
    }
    if !answer.ungrounded.is_empty() {
        writeln!(out, "已删除 {} 句无法核验的内容。", answer.ungrounded.len())?;
    }
    Ok(())
}

/// “【已废止：…】” after a citation of a law repealed on the date of the answer.
fn repealed_note(c: &lvshen_agent::Citation) -> String {
    c.repealed
        .as_deref()
        .map(|n| format!("【已废止：{n}】"))
        .unwrap_or_default()
}
