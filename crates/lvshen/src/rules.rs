//! `lvshen rules`.

use std::process::ExitCode;

use lvshen_rules::RULES;

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// 输出格式
    #[arg(long, short, value_enum, default_value_t = RulesFormat::Text)]
    format: RulesFormat,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

pub(crate) fn run(args: RulesArgs) -> anyhow::Result<ExitCode> {
    let text = match args.format {
        RulesFormat::Json => serde_json::to_string_pretty(RULES)?,
        RulesFormat::Text => {
            let mut out = format!("共 {} 条规则\n", RULES.len());
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
                    out.push_str(&format!("  依据：{} {}（{mark}）\n", b.doc, b.clause));
                }
            }
            out.push_str(&format!(
                "\n按坐标的选址空间检查（{} 项，依据各图层与所引条款，见 lvshen siting）\n",
                lvshen_siting::REASON_IDS.len()
            ));
            for (id, name) in lvshen_siting::REASON_IDS {
                out.push_str(&format!("\n{id}  [选址] {name}\n"));
            }
            out
        }
    };
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}
