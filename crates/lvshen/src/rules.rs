//! `lvshen rules`.

use std::process::ExitCode;

use lvshen_rules::{Basis, Date, LawBook, LawStatus, RULES};

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = RulesFormat::Text)]
    format: RulesFormat,
    /// 审查基准日（YYYY-MM-DD，默认今天，北京时间）：各依据文件在该日的效力及现行对应条款
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
}

/// A rule's basis with its document's status on the date, and the citations the rule's
/// findings give on that date (a repealed law's article → the article in force).
fn basis_json(b: &Basis, book: &LawBook, as_of: Date) -> serde_json::Value {
    let status = book.status(b.doc, as_of);
    let date = match &status {
        LawStatus::InForce { since } => since.clone(),
        LawStatus::NotYetInForce { from } => Some(from.clone()),
        LawStatus::Repealed { on, .. } => Some(on.clone()),
    };
    let successor = match &status {
        LawStatus::Repealed { by, .. } => by.clone(),
        _ => None,
    };
    serde_json::json!({
        "doc": b.doc,
        "clause": b.clause,
        "confidence": b.confidence,
        "status": status.label_zh(),
        "status_date": date,
        "successor": successor,
        "cited_as": book.cite(b.doc, b.clause, as_of),
    })
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

pub(crate) fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let as_of = crate::check::parse_as_of(args.as_of.as_deref())?;
    let book = LawBook::builtin();
    let text = match args.format {
        RulesFormat::Json => {
            let rules: Vec<serde_json::Value> = RULES
                .iter()
                .map(|r| {
                    let mut v = serde_json::to_value(r).unwrap_or_default();
                    v["basis"] = r.basis.iter().map(|b| basis_json(b, book, as_of)).collect();
                    v
                })
                .collect();
            serde_json::to_string_pretty(&serde_json::json!({
                "as_of": as_of.to_string(),
                "law_basis": book.law_set_zh(as_of),
                "rules": rules,
                "prediction_checks": lvshen_predict::RULE_IDS
                    .iter()
                    .map(|(id, name)| serde_json::json!({ "id": id, "checks": name }))
                    .collect::<Vec<_>>(),
            }))?
        }
        RulesFormat::Text => {
            let mut out = format!(
                "共 {} 条规则（审查基准日 {as_of}；{}）\n",
                RULES.len(),
                book.law_set_zh(as_of)
            );
            for rule in RULES {
                out.push_str(&format!(
                    "\n{}  [{}] {}\n  检查：{}\n",
                    rule.id,
                    rule.category.label_zh(),
                    rule.name,
                    rule.checks
                ));
                for b in rule.basis {
                    let mark = match b.confidence {
                        lvshen_filing::Confidence::V => "已核实",
                        lvshen_filing::Confidence::V2 => "二手核对，待核实",
                        lvshen_filing::Confidence::M => "未核实",
                    };
                    out.push_str(&format!("  依据：{} {}（{mark}）", b.doc, b.clause));
                    let status = book.status(b.doc, as_of);
                    if !status.is_current() {
                        let now: Vec<String> = book
                            .cite(b.doc, b.clause, as_of)
                            .into_iter()
                            .map(|c| format!("{} {}", c.doc, c.clause))
                            .collect();
                        out.push_str(&format!(
                            "【{}；现行：{}】",
                            status.label_zh(),
                            now.join("、")
                        ));
                    }
                    out.push('\n');
                }
            }
            out.push_str(&format!(
                "\n按坐标的选址空间检查（{} 项，依据各图层与所引条款，见 lvshen siting）\n",
                lvshen_siting::REASON_IDS.len()
            ));
            for (id, name) in lvshen_siting::REASON_IDS {
                out.push_str(&format!("\n{id}  [选址] {name}\n"));
            }
            out.push_str(&format!(
                "\n规范化预测评价的核对（{} 项，依据 HJ 2.2/2.3/2.4/610/964/169 等，等级阈值待核实，见 lvshen predict）\n",
                lvshen_predict::RULE_IDS.len()
            ));
            for (id, name) in lvshen_predict::RULE_IDS {
                out.push_str(&format!("\n{id}  [预测评价] {name}\n"));
            }
            out
        }
    };
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}
