//! `lvshen eval qa`: the Q&A evaluation over `tests/qa/questions.toml` — answer accuracy,
//! citation precision, refusals of out-of-scope questions, false refusals, time per answer —
//! on a fresh index of the shipped corpus plus, when given, the reference texts.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use lvshen_agent::{Agent, Answer, evidence::compact, numerals};
use serde::{Deserialize, Serialize};

use crate::llm::ModelArgs;

#[derive(Debug, clap::Args)]
pub(crate) struct EvalQaArgs {
    /// 问题集（TOML）
    #[arg(long, default_value = "tests/qa/questions.toml")]
    questions: PathBuf,
    /// 同时索引的参考文本目录（如 ../shared/reference）；不给则跳过只有参考文本能回答的问题
    #[arg(long)]
    reference: Option<PathBuf>,
    /// 不用模型（只评检索与摘录）
    #[arg(long)]
    no_model: bool,
    /// 只跑前 N 个问题（各类）
    #[arg(long)]
    limit: Option<usize>,
    /// 只跑一半（问题集中标了 half 的：dev 开发用，test 只评分不调参，不显示题面和回答）
    #[arg(long, value_name = "dev|test")]
    half: Option<String>,
    #[command(flatten)]
    out: crate::OutputArgs,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Debug, Deserialize)]
struct QaFile {
    q: Vec<QaQuestion>,
    refuse: Vec<Refuse>,
}

#[derive(Debug, Deserialize)]
struct QaQuestion {
    q: String,
    facts: Vec<String>,
    doc: String,
    #[serde(default)]
    clause: Option<String>,
    #[serde(default)]
    reference: bool,
    #[serde(default)]
    half: Option<String>,
    #[serde(default)]
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Refuse {
    q: String,
    #[serde(default)]
    half: Option<String>,
    #[serde(default)]
    kind: Option<String>,
}

#[derive(Debug, Serialize)]
struct Row {
    question: String,
    kind: String,
    answer: String,
    refused: bool,
    method: String,
    correct: bool,
    cites_expected: bool,
    citations: usize,
    supporting_citations: usize,
    /// Supporting citations, an amendment's note counted with the table row it follows.
    supporting_with_amendments: usize,
    seconds: f64,
    /// The relevance gate's measure: the question's key terms, those the best passage lacks.
    coverage: lvshen_agent::evidence::Coverage,
}

#[derive(Debug, Serialize)]
struct QaReport {
    model: Option<String>,
    in_scope: usize,
    skipped: usize,
    accuracy: f64,
    cites_expected_source: f64,
    citation_precision: f64,
    false_refusals: usize,
    out_of_scope: usize,
    out_of_scope_refused: usize,
    /// Citation markers in answers that point at no listed citation (must be 0).
    dangling_markers: usize,
    /// Answers (not refused) with a citation whose passage states none of the facts.
    answers_citing_unsupporting: usize,
    /// The same, an amendment's note quoted after the table row it amends counted with that
    /// row (see `supporting_with_amendments`).
    answers_citing_unsupporting_beside_amendments: usize,
    /// In-scope accuracy by question kind: kind → (correct, total).
    accuracy_by_kind: std::collections::BTreeMap<String, (usize, usize)>,
    /// Refusals by kind (nonexistent documents, out of scope): kind → (refused, total).
    refusals_by_kind: std::collections::BTreeMap<String, (usize, usize)>,
    answered_by_model: usize,
    median_seconds: f64,
    p90_seconds: f64,
    rows: Vec<Row>,
    wrongly_answered: Vec<Row>,
}

/// Whether `answer` states `fact`: numbers compare as values, text by containment.
/// The document number a title carries in brackets: "纺织染整工业水污染物排放标准（GB
/// 4287-2012）" → GB 4287-2012.
fn bracketed_number(title: &str) -> Option<&str> {
    let open = title.find(['（', '('])?;
    let inner = &title[open + title[open..].chars().next()?.len_utf8()..];
    let inner = &inner[..inner.find(['）', ')'])?];
    inner
        .chars()
        .any(|c| c.is_ascii_digit())
        .then_some(inner.trim())
}

fn states(answer: &str, fact: &str) -> bool {
    let fact_numbers = numerals::numbers(fact);
    // A number, or a number of 万 or 千 (fines: 20万 = 二十万 = 200000, 5千 = 五千).
    let fact_text: String = fact
        .chars()
        .filter(|c| !c.is_ascii_digit() && *c != '.' && *c != '万' && *c != '千')
        .collect();
    if fact_numbers.len() == 1 && fact_text.trim().is_empty() {
        return numerals::numbers(&joined_digit_groups(answer)).contains(&fact_numbers[0]);
    }
    half_width(&compact(answer)).contains(&half_width(&compact(fact)))
}

/// `text` with the thousands of a number written apart joined: the standards write 2 000 (GB
/// 37822 8.1: 密封点≥2 000 个), which states 2000. Only a group of three digits after one space,
/// not followed by a digit, and after a group of one to three digits that no digit precedes:
/// "1 40 30" (a table's columns) stays apart.
fn joined_digit_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let joins = c == ' '
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && chars.get(i + 4).is_none_or(|n| !n.is_ascii_digit())
            && {
                let before = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                (1..=3).contains(&before)
                    && (i == before || !matches!(chars[i - before - 1], '0'..='9' | '.' | ' '))
            };
        if !joins {
            out.push(c);
        }
    }
    out
}

/// `text` with full-width punctuation in half-width: answers quote the texts with half-width
/// commas (",") where a fact may be written with the text's own "，", and the width of a comma
/// is not what a fact states.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect::<String>()
        // The sign of a degree Celsius, as the texts' normalisation (NFKC) writes it, after
        // `compact` has lower-cased it.
        .replace('℃', "°c")
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn dangling(answer: &Answer) -> usize {
    let (_, markers) = lvshen_agent::verify::strip_markers(&answer.answer);
    markers
        .iter()
        .filter(|&&m| m == 0 || m > answer.citations.len())
        .count()
}

pub(crate) fn run(args: EvalQaArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.questions)
        .with_context(|| format!("无法读取问题集 {}", args.questions.display()))?;
    let mut file: QaFile = toml::from_str(&text).context("问题集格式有误")?;
    if let Some(half) = &args.half {
        file.q.retain(|q| q.half.as_deref() == Some(half.as_str()));
        file.refuse
            .retain(|q| q.half.as_deref() == Some(half.as_str()));
        anyhow::ensure!(
            !file.q.is_empty() || !file.refuse.is_empty(),
            "问题集中没有 half = \"{half}\" 的问题"
        );
    }
    let reference = args.reference.as_deref().filter(|r| r.is_dir());
    let dir = tempfile::tempdir()?;
    eprintln!(
        "正在建立评测索引（内置语料{}）…",
        if reference.is_some() {
            " + 参考文本"
        } else {
            ""
        }
    );
    let index = crate::eval::build_index(dir.path(), reference)?;
    let service = if args.no_model {
        None
    } else {
        Some(crate::llm::open_service(&args.model)?)
    };
    let model = service.as_ref().map(|s| s.backend().describe());
    let mut agent = Agent::new(&index, service.as_ref());
    agent.options.as_of = Some(crate::today_china());
    let cancel = AtomicBool::new(false);
    let limit = args.limit.unwrap_or(usize::MAX);
    let mut rows = Vec::new();
    let mut skipped = 0;
    let mut times = Vec::new();
    let mut dangling_markers = 0;
    let total = file.q.len().min(limit) + file.refuse.len().min(limit);
    // The test half is scored, never read: its questions and answers are not shown (not in
    // the progress lines, the failures listed or the JSON rows), so that no one tunes on it.
    let blind = args.half.as_deref() == Some("test");
    let shown = |q: &str| -> String {
        if blind {
            "（测试半：只评分，不显示题面）".to_owned()
        } else {
            q.to_owned()
        }
    };
    for (i, question) in file.q.iter().take(limit).enumerate() {
        if question.reference && reference.is_none() {
            skipped += 1;
            continue;
        }
        eprintln!("[{}/{total}] {}", i + 1, shown(&question.q));
        let answer = agent.ask(&question.q, &[], None, &cancel, &mut |_| {})?;
        times.push(answer.seconds);
        dangling_markers += dangling(&answer);
        let correct = !answer.refused && question.facts.iter().all(|f| states(&answer.answer, f));
        let cites_expected = answer.citations.iter().any(|c| {
            question.doc.split('|').any(|d| c.doc.contains(d))
                && question
                    .clause
                    .as_ref()
                    .is_none_or(|cl| compact(&c.clause).contains(&compact(cl)))
        });
        let states_fact = |c: &lvshen_agent::Citation| {
            let hay = format!("{} {} {}", c.doc, c.clause, c.text);
            question.facts.iter().any(|f| states(&hay, f))
        };
        let supporting = answer
            .citations
            .iter()
            .filter(|c| {
                // The succession table supports the sentence that says a named law was
                // repealed (its claim), not the question's fact: it is not counted against.
                c.source == lvshen_agent::tools::SUCCESSION_SOURCE || states_fact(c)
            })
            .count();
        // An amendment's note quoted after the table row it amends is that row's own
        // sentence (注(3): which column binds): counted with the row when the row states the
        // fact. Reported apart, so that the count above stays comparable with earlier runs.
        let supporting_with_amendments = supporting
            + answer
                .citations
                .iter()
                .filter(|c| {
                    !states_fact(c)
                        && c.source != lvshen_agent::tools::SUCCESSION_SOURCE
                        && answer.citations.iter().any(|row| {
                            lvshen_agent::amendment::table_number(&row.clause).is_some()
                                && states_fact(row)
                                && bracketed_number(&row.doc)
                                    .is_some_and(|n| lvshen_agent::amendment::amends(&c.doc, n))
                        })
                })
                .count();
        rows.push(Row {
            question: shown(&question.q),
            kind: question.kind.clone().unwrap_or_else(|| "single".into()),
            answer: shown(&answer.answer),
            refused: answer.refused,
            method: answer.method.clone(),
            correct,
            cites_expected,
            citations: answer.citations.len(),
            supporting_citations: supporting,
            supporting_with_amendments,
            seconds: answer.seconds,
            coverage: answer.coverage.clone(),
        });
    }
    let mut out_of_scope_refused = 0;
    let mut refusals_by_kind: std::collections::BTreeMap<String, (usize, usize)> =
        std::collections::BTreeMap::new();
    let mut wrongly_answered = Vec::new();
    let in_count = file.q.len().min(limit);
    for (i, question) in file.refuse.iter().take(limit).enumerate() {
        eprintln!("[{}/{total}] {}", in_count + i + 1, shown(&question.q));
        let answer = agent.ask(&question.q, &[], None, &cancel, &mut |_| {})?;
        times.push(answer.seconds);
        dangling_markers += dangling(&answer);
        let kind = question
            .kind
            .clone()
            .unwrap_or_else(|| "out_of_scope".into());
        let entry = refusals_by_kind.entry(kind.clone()).or_default();
        entry.1 += 1;
        if answer.refused {
            out_of_scope_refused += 1;
            entry.0 += 1;
        } else {
            wrongly_answered.push(Row {
                question: shown(&question.q),
                kind,
                answer: shown(&answer.answer),
                refused: false,
                method: answer.method.clone(),
                correct: false,
                cites_expected: false,
                citations: answer.citations.len(),
                supporting_citations: 0,
                supporting_with_amendments: 0,
                seconds: answer.seconds,
                coverage: answer.coverage.clone(),
            });
        }
    }
    let n = rows.len().max(1) as f64;
    let cited: usize = rows.iter().map(|r| r.citations).sum();
    let supporting: usize = rows.iter().map(|r| r.supporting_citations).sum();
    times.sort_by(f64::total_cmp);
    let mut accuracy_by_kind: std::collections::BTreeMap<String, (usize, usize)> =
        std::collections::BTreeMap::new();
    for r in &rows {
        let e = accuracy_by_kind.entry(r.kind.clone()).or_default();
        e.1 += 1;
        e.0 += usize::from(r.correct);
    }
    let answers_citing_unsupporting = rows
        .iter()
        .filter(|r| !r.refused && r.supporting_citations < r.citations)
        .count();
    let answers_citing_unsupporting_beside_amendments = rows
        .iter()
        .filter(|r| !r.refused && r.supporting_with_amendments < r.citations)
        .count();
    let report = QaReport {
        answers_citing_unsupporting,
        answers_citing_unsupporting_beside_amendments,
        accuracy_by_kind,
        refusals_by_kind,
        model,
        in_scope: rows.len(),
        skipped,
        accuracy: rows.iter().filter(|r| r.correct).count() as f64 / n,
        cites_expected_source: rows.iter().filter(|r| r.cites_expected).count() as f64 / n,
        citation_precision: supporting as f64 / cited.max(1) as f64,
        false_refusals: rows.iter().filter(|r| r.refused).count(),
        out_of_scope: file.refuse.len().min(limit),
        out_of_scope_refused,
        dangling_markers,
        answered_by_model: rows
            .iter()
            .filter(|r| r.method.starts_with("model"))
            .count(),
        median_seconds: percentile(&times, 0.5),
        p90_seconds: percentile(&times, 0.9),
        rows,
        wrongly_answered,
    };
    if args.out.json() {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "模型：{}",
            report.model.as_deref().unwrap_or("无（仅原文摘录）")
        );
        println!(
            "范围内问题 {}（跳过 {}）：准确率 {:.1}%，引用了预期来源 {:.1}%，引用精确率 {:.1}%，误拒 {}；由模型作答（通过核验）{} 题",
            report.in_scope,
            report.skipped,
            report.accuracy * 100.0,
            report.cites_expected_source * 100.0,
            report.citation_precision * 100.0,
            report.false_refusals,
            report.answered_by_model
        );
        println!(
            "范围外问题 {}：拒答 {}（{:.0}%）；悬空引用标记 {}",
            report.out_of_scope,
            report.out_of_scope_refused,
            report.out_of_scope_refused as f64 * 100.0 / report.out_of_scope.max(1) as f64,
            report.dangling_markers
        );
        println!(
            "每题耗时：中位数 {:.1} s，p90 {:.1} s；引用了不含所问事实的段落的回答 {} 个（修改单注释随其修改的表行计时 {} 个）",
            report.median_seconds,
            report.p90_seconds,
            report.answers_citing_unsupporting,
            report.answers_citing_unsupporting_beside_amendments
        );
        let kinds: Vec<String> = report
            .accuracy_by_kind
            .iter()
            .map(|(k, (c, t))| format!("{k} {c}/{t}"))
            .chain(
                report
                    .refusals_by_kind
                    .iter()
                    .map(|(k, (c, t))| format!("{k}（拒答）{c}/{t}")),
            )
            .collect();
        println!("按类型：{}", kinds.join("，"));
        for r in report.rows.iter().filter(|r| !r.correct) {
            println!("  ✗ {}\n    → {}", r.question, r.answer);
        }
        for r in &report.wrongly_answered {
            println!("  ✗（应拒答）{}\n    → {}", r.question, r.answer);
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::{bracketed_number, states};

    #[test]
    fn a_fact_is_stated_whatever_the_width_of_its_commas() {
        assert!(states(
            "经检验合格的,方可上道路行驶[1]。",
            "经检验合格的，方可上道路行驶"
        ));
        assert!(!states(
            "经检验合格的,方可出厂销售[1]。",
            "经检验合格的，方可上道路行驶"
        ));
    }

    #[test]
    fn a_number_written_with_its_thousands_apart_is_stated() {
        assert!(states(
            "密封点≥2 000 个,应开展泄漏检测与修复工作[1]。",
            "2000"
        ));
        assert!(!states("密封点≥2 个,应开展[1]。", "2000"));
        // A table's columns are no one number.
        assert!(!states("1 40 30 45 35 2、3、4 45 35 50 40", "1040"));
        assert!(!states("昼间 55 500 m", "55500"));
    }

    #[test]
    fn a_degree_celsius_is_stated_in_either_sign() {
        assert!(states("周平均最大温升≤1°C、周平均最大温降≤2°C[1]。", "1℃"));
        assert!(!states("周平均最大温升≤1°C[1]。", "2℃"));
    }

    #[test]
    fn the_number_in_a_title_s_brackets_is_read() {
        assert_eq!(
            bracketed_number("纺织染整工业水污染物排放标准（GB 4287-2012）"),
            Some("GB 4287-2012")
        );
        assert_eq!(bracketed_number("排污许可管理条例"), None);
        // Brackets without a number name no document number.
        assert_eq!(bracketed_number("审查要点（绿审整理）"), None);
    }
}
