//! `lvshen eval search`: the retrieval evaluation (hit@1, hit@5, MRR) over
//! `tests/retrieval/questions.toml`, on a fresh index of the shipped corpus plus, when given,
//! the reference texts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use lvshen_corpus::IngestOptions;
use lvshen_search::{Hit, SearchIndex, SearchRequest, Source, compact, ingest_sources};
use serde::{Deserialize, Serialize};

#[derive(Debug, clap::Args)]
pub(crate) struct EvalArgs {
    /// 问题集（TOML）
    #[arg(long, default_value = "tests/retrieval/questions.toml")]
    questions: PathBuf,
    /// 同时索引的参考文本目录（如 ../shared/reference）；不给则跳过只有参考文本能回答的问题
    #[arg(long)]
    reference: Option<PathBuf>,
    #[command(flatten)]
    out: crate::OutputArgs,
}

#[derive(Debug, Deserialize)]
struct QuestionFile {
    q: Vec<Question>,
}

#[derive(Debug, Deserialize)]
struct Question {
    q: String,
    expect: Vec<(String, String)>,
    #[serde(default)]
    reference: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct EvalReport {
    pub questions: usize,
    pub skipped: usize,
    pub hit_at_1: f64,
    pub hit_at_5: f64,
    pub mrr: f64,
    pub misses: Vec<Miss>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Miss {
    pub question: String,
    pub expected: Vec<(String, String)>,
    pub rank: Option<usize>,
    pub top: Vec<String>,
}

fn matches(hit: &Hit, expect: &(String, String)) -> bool {
    let (doc, clause) = expect;
    hit.doc.contains(doc.as_str()) && (clause.is_empty() || compact(&hit.clause) == compact(clause))
}

/// Builds an index of the shipped corpus (and the reference texts) in `dir`.
pub(crate) fn build_index(dir: &Path, reference: Option<&Path>) -> anyhow::Result<SearchIndex> {
    let mut index = SearchIndex::open(dir)?;
    let mut sources = crate::kb::builtin_sources();
    if let Some(reference) = reference {
        for file in lvshen_corpus::collect_files(reference)
            .with_context(|| format!("无法读取 {}", reference.display()))?
        {
            sources.push(Source {
                doc_id: file.display().to_string(),
                path: file,
                bytes: None,
            });
        }
    }
    let options = IngestOptions {
        worker: Some(crate::kb::worker_command()?),
        ..IngestOptions::default()
    };
    ingest_sources(&mut index, &sources, &options, &mut |_, _| {})?;
    Ok(index)
}

pub(crate) fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.questions)
        .with_context(|| format!("无法读取问题集 {}", args.questions.display()))?;
    let file: QuestionFile = toml::from_str(&text).context("问题集格式有误")?;
    let reference = args.reference.as_deref().filter(|r| r.is_dir());
    let dir = tempfile::tempdir()?;
    let index = build_index(dir.path(), reference)?;
    let mut asked = 0usize;
    let mut skipped = 0usize;
    let (mut at1, mut at5, mut rr) = (0usize, 0usize, 0.0f64);
    let mut misses = Vec::new();
    for question in &file.q {
        if question.reference && reference.is_none() {
            skipped += 1;
            continue;
        }
        asked += 1;
        let hits = index.search(&SearchRequest {
            query: question.q.clone(),
            top_k: 10,
            doc_type: None,
            as_of: Some(crate::today_china()),
        })?;
        let rank = hits
            .iter()
            .position(|h| question.expect.iter().any(|e| matches(h, e)))
            .map(|p| p + 1);
        if let Some(1) = rank {
            at1 += 1
        }
        if rank.is_some_and(|r| r <= 5) {
            at5 += 1;
        }
        if let Some(r) = rank {
            rr += 1.0 / r as f64;
        }
        if rank.is_none_or(|r| r > 1) {
            misses.push(Miss {
                question: question.q.clone(),
                expected: question.expect.clone(),
                rank,
                top: hits
                    .iter()
                    .take(3)
                    .map(|h| format!("{} {}", h.doc, h.clause))
                    .collect(),
            });
        }
    }
    let n = asked.max(1) as f64;
    let report = EvalReport {
        questions: asked,
        skipped,
        hit_at_1: at1 as f64 / n,
        hit_at_5: at5 as f64 / n,
        mrr: rr / n,
        misses,
    };
    if args.out.json() {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "问题 {}（跳过 {}）：hit@1 {:.3}  hit@5 {:.3}  MRR {:.3}",
            report.questions, report.skipped, report.hit_at_1, report.hit_at_5, report.mrr
        );
        for miss in &report.misses {
            let rank = miss
                .rank
                .map_or("未命中".to_owned(), |r| format!("第{r}位"));
            println!(
                "  - {}：{rank}；前三：{}",
                miss.question,
                miss.top.join(" | ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
