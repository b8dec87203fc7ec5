//! The agent's tools. Each turns something other than the search index into evidence the
//! answer may cite: a review rule looked up by id, the findings of a checked filing, and
//! (through the index's approval filter) similar past approvals.
//!
//! Filing text is data: finding messages quote the applicant's values, and any segment
//! that reads as an instruction is dropped like in retrieved passages.

use lvshen_filing::{Filing, Report, Severity};
use lvshen_rules::{Date, LawBook, LawStatus, RULES};

use crate::evidence::{Evidence, compact, is_instruction};

/// Where the succession evidence comes from.
pub const SUCCESSION_SOURCE: &str = "corpus/laws/succession.toml";

/// What the law-status tool found: a law the question names that was repealed by the date
/// of the answer, where its provisions live now, and whether that is the whole question.
#[derive(Debug, Clone)]
pub struct LawStatusFinding {
    /// Evidence from the succession table (cited by the sentence below).
    pub evidence: Evidence,
    /// The sentence that opens the answer: repealed when, by what, the named articles' successors.
    pub sentence: String,
    /// The question only asks whether the law is still in force.
    pub status_only: bool,
    /// The successor articles, for retrieval ("生态环境法典 第一千零九十五条").
    pub successor_query: String,
    /// The successor articles' numbers in the Code (第一千零九十五条): what the answer quotes.
    pub successor_clauses: Vec<String>,
    /// The name the question calls the law by (环境保护法): the frame of the question, not
    /// its subject — left out of the terms the answer is sought with.
    pub named_as: String,
    /// The law in force that took it over (the Code), when one did: the answer is sought
    /// in it first.
    pub successor_doc: Option<String>,
    /// The repealed law's full title.
    pub title: String,
    /// Named articles of it the table does not map: their successors are looked up by the
    /// old article's own text.
    pub unmapped: Vec<String>,
}

/// Words of a question about a law's validity ("有效" alone is also 采取有效措施).
const STATUS_WORDS: [&str; 17] = [
    "还有效",
    "仍有效",
    "仍然有效",
    "是否有效",
    "有效吗",
    "有没有效",
    "有效性",
    "还适用",
    "废止",
    "失效",
    "现行",
    "还能引用",
    "还在施行",
    "是否施行",
    // "被取代", "被法典取代了吗", "被替代了没有".
    "取代",
    "替代",
    "代替",
];

/// The law of the law book the question names (by title or alias), and the name it used.
/// The longest name found wins: 《海洋环境保护法》 also holds 环境保护法.
pub fn named_law(question: &str) -> Option<(&'static str, String)> {
    let q = compact(question);
    LawBook::builtin()
        .documents
        .iter()
        .flat_map(|d| {
            std::iter::once(&d.title)
                .chain(&d.aliases)
                .map(move |n| (d, n))
        })
        .filter(|(_, name)| name.chars().count() >= 3 && q.contains(&compact(name)))
        .max_by_key(|(_, name)| name.chars().count())
        .map(|(d, name)| (d.title.as_str(), name.clone()))
}

/// A law named in the question that was repealed by `as_of` (from the succession table),
/// unless the question asks about the law as it was.
pub fn law_status(question: &str, as_of: Date) -> Option<LawStatusFinding> {
    let book = LawBook::builtin();
    if lvshen_search::asks_history(question, book.code_effective) {
        return None;
    }
    let q = compact(question);
    let (title, named_as) = named_law(question)?;
    let LawStatus::Repealed { on, by, kind } = book.status(title, as_of) else {
        return None;
    };
    let verb = if kind == "standard" {
        "被替代"
    } else {
        "废止"
    };
    let by = by.unwrap_or_default();
    let mut sentence = format!("《{title}》已于{on}{verb}");
    let mut clause = String::new();
    if by == book.code {
        sentence.push_str(&format!(
            "，由《{}》取代（法典{}）",
            book.code, book.code_repeal_clause
        ));
        clause = book.code_repeal_clause.clone();
    } else if !by.is_empty() {
        sentence.push_str(&format!("，由{by}替代"));
    }
    let mut successors = Vec::new();
    let mut successor_clauses = Vec::new();
    let mut unmapped = Vec::new();
    let articles = lvshen_search::query::parse(question)
        .clauses
        .into_iter()
        .filter(|c| c.starts_with('第') && c.ends_with('条'));
    for article in articles {
        let Some(row) = book.succession(title, &article) else {
            sentence.push_str(&format!(
                "；原{article}的继承条款未列入对照表，以下按原条文内容检索法典，须核实"
            ));
            unmapped.push(article);
            continue;
        };
        let now = row.new.join("、");
        sentence.push_str(&format!("；原{article}的规定现见法典{now}"));
        if !row.change.is_empty() {
            sentence.push_str(&format!("（变化：{}）", row.change.trim_end_matches('。')));
        } else if row.compared {
            sentence.push_str("（按条文比对得出，内容变化未逐项核对）");
        }
        successors.extend(row.new.iter().map(|n| format!("{} {n}", book.code)));
        successor_clauses.extend(row.new.iter().cloned());
    }
    let name = compact(&named_as);
    // "还能作为审批依据引用吗", "能否适用": whether it may still be relied on. (Not the 依据
    // that frames the question: "依据《水污染防治法》，…费用能否挪作他用" asks about the fee.)
    let unframed = ["依据", "根据", "依照"].iter().fold(q.clone(), |q, w| {
        q.replace(&format!("{w}《{name}"), "")
            .replace(&format!("{w}{name}"), "")
    });
    let relied_on = ["还能", "能否", "可否", "是否可以", "还可以"]
        .iter()
        .any(|w| unframed.contains(w))
        && ["引用", "依据", "适用"]
            .iter()
            .any(|w| unframed.contains(w));
    // "按已废止的《水污染防治法》，…还要申领排污许可证吗": 已废止 names the law, the question
    // asks something else.
    let asked = ["已经废止的", "已废止的", "被废止的", "废止的"]
        .iter()
        .fold(q.clone(), |q, w| {
            q.replace(&format!("{w}《{name}"), "")
                .replace(&format!("{w}{name}"), "")
        });
    // "环境保护法废止以后，执法证要不要重新考": the time after the repeal frames the question,
    // which asks something else.
    let asked = [
        "废止以后",
        "废止之后",
        "废止后",
        "失效以后",
        "失效后",
        "被取代以后",
        "被取代后",
    ]
    .iter()
    .fold(asked, |q, w| {
        q.replace(&format!("{name}》{w}"), "")
            .replace(&format!("{name}{w}"), "")
    });
    let status_only =
        successors.is_empty() && (relied_on || STATUS_WORDS.iter().any(|w| asked.contains(w)));
    Some(LawStatusFinding {
        evidence: Evidence {
            doc: format!("{}（法规继承对照表）", book.code),
            doc_number: None,
            clause,
            text: sentence.clone(),
            source: SUCCESSION_SOURCE.to_owned(),
            repealed: None,
            heading: None,
        },
        sentence,
        status_only,
        successor_query: successors.join(" "),
        successor_clauses,
        named_as,
        successor_doc: (by == book.code).then(|| book.code.clone()),
        title: title.to_owned(),
        unmapped,
    })
}

/// Evidence for every rule whose id appears in the question (`water.limit.indirect`).
/// The basis is cited as it reads on `as_of` (the law in force that day).
pub fn rule_lookup(question: &str, as_of: Option<Date>) -> Vec<Evidence> {
    let q = question.to_lowercase();
    let book = LawBook::builtin();
    RULES
        .iter()
        .filter(|r| q.contains(&r.id.to_lowercase()))
        .map(|r| {
            let pairs = r.basis.iter().map(|b| (b.doc, b.clause));
            let basis: Vec<String> = match as_of {
                Some(as_of) => book
                    .cite_all(pairs, as_of)
                    .into_iter()
                    .map(|c| format!("{} {}", c.doc, c.clause))
                    .collect(),
                None => pairs.map(|(d, c)| format!("{d} {c}")).collect(),
            };
            let text = format!(
                "规则 {}（{}）：{}。依据：{}。",
                r.id,
                r.name,
                r.checks.trim_end_matches('。'),
                basis.join("；")
            );
            Evidence {
                doc: "绿审审查规则".to_owned(),
                doc_number: None,
                clause: r.id.to_owned(),
                text,
                source: "lvshen rules".to_owned(),
                repealed: None,
                heading: None,
            }
        })
        .collect()
}

/// A filing that was checked, for questions about its findings.
#[derive(Debug, Clone)]
pub struct FilingContext {
    /// Where it came from (file name).
    pub name: String,
    pub filing: Filing,
    pub report: Report,
}

impl FilingContext {
    /// Industry, processes and district, for finding similar approvals.
    pub fn profile(&self) -> String {
        let mut parts = vec![self.filing.location.district.clone()];
        if let Some(code) = &self.filing.project.industry_code {
            parts.push(code.clone());
        }
        for p in self.filing.processes.iter().flatten() {
            parts.push(p.label_zh().to_owned());
        }
        parts.push("印染".to_owned());
        parts.join(" ")
    }
}

/// Words that ask about the checked filing as a whole.
const ABOUT_FILING: &[&str] = &[
    "填报",
    "标记",
    "问题",
    "为什么",
    "哪些",
    "错误",
    "警告",
    "本项目",
    "这个项目",
    "这份",
];

/// Evidence from the findings of the checked filing that the question is about: those whose
/// rule id, field or message shares a key term with it, or all errors and warnings when the
/// question asks about the filing as a whole.
pub fn explain_findings(
    filing: &FilingContext,
    question: &str,
    terms: &[Vec<String>],
) -> Vec<Evidence> {
    let q = question.to_lowercase();
    let general = ABOUT_FILING.iter().any(|w| q.contains(w));
    let mut out = Vec::new();
    for f in &filing.report.findings {
        if f.severity == Severity::Info && !q.contains(&f.rule_id.to_lowercase()) {
            continue;
        }
        let hay = compact(&format!("{} {} {}", f.rule_id, f.field, f.message));
        let named = q.contains(&f.rule_id.to_lowercase()) || q.contains(&f.field.to_lowercase());
        let shares = terms.iter().any(|g| {
            g.iter()
                .any(|t| t.chars().count() >= 2 && hay.contains(&compact(t)))
        });
        if !(named || shares || general) {
            continue;
        }
        let message: String = f
            .message
            .split(['。', '；'])
            .filter(|s| !is_instruction(s))
            .collect::<Vec<_>>()
            .join("；");
        let basis: Vec<String> = f
            .citations
            .iter()
            .map(|c| format!("{} {}", c.doc, c.clause))
            .collect();
        let text = format!(
            "{}（{}，字段 {}）：{}。依据：{}。",
            f.rule_id,
            f.severity.label_zh(),
            f.field,
            message,
            basis.join("；")
        );
        out.push(Evidence {
            doc: format!("填报审查结果：{}", filing.report.filing.name),
            doc_number: None,
            clause: f.rule_id.to_owned(),
            text,
            source: filing.name.clone(),
            repealed: None,
            heading: None,
        });
        if out.len() >= 4 {
            break;
        }
    }
    out
}

/// Whether the question asks about past approvals. Not for the 批复 of the asker's own project
/// in its story ("某企业的环评批复后生产工艺发生了重大变动", "2020年拿到环评批复",
/// "环评批复拿到后过了五年"): what
/// follows from it is the law's.
pub fn wants_approvals(question: &str) -> bool {
    // Whether an approval still holds, and its going back for 重新审核, is the law's
    // (法典第一百零六条), not what past approvals wrote.
    // (Not 有效 alone: "批复里要求采取哪些有效措施" asks what approvals wrote.)
    let of_its_term = [
        "有效期",
        "还有效",
        "一直有效",
        "长期有效",
        "永久有效",
        "仍有效",
        "有效吗",
        "过期",
        "失效",
        "重新审核",
    ]
    .iter()
    .any(|w| question.contains(w));
    let others_approval = !of_its_term
        && question.match_indices("批复").any(|(at, w)| {
            let after = &question[at + w.len()..];
            let before = &question[..at];
            !["后", "以后", "之后", "拿到", "下来", "下达"]
                .iter()
                .any(|a| after.starts_with(a))
                && !["拿到", "取得", "拿到了", "取得了"]
                    .iter()
                    .any(|b| before.ends_with(b) || before.ends_with(&format!("{b}环评")))
        });
    others_approval
        || [
            "审批意见",
            "类似",
            "同类",
            "以往",
            "过去",
            "案例",
            "先例",
            "去年",
            "曾经",
        ]
        .iter()
        .any(|w| question.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_approval_in_a_works_story_asks_for_no_precedents() {
        assert!(!wants_approvals(
            "某企业的环评批复后生产工艺发生了重大变动，企业觉得去备个案就行，这种说法对吗？"
        ));
        assert!(!wants_approvals("某项目2020年拿到环评批复，到现在还没开工"));
        assert!(!wants_approvals(
            "有人说环评批复拿到后过了五年还没开工，现在直接开工就行，这个说法对吗？"
        ));
        assert!(wants_approvals(
            "类似印染项目的环评批复对中水回用率一般怎么要求？"
        ));
        assert!(wants_approvals("环评批复里一般写哪些要求？"));
        assert!(!wants_approvals("环评批复的有效期是多久？"));
        assert!(wants_approvals("环评批复里一般要求采取哪些有效措施？"));
        assert!(!wants_approvals(
            "某项目2020年拿到环评批复，到现在还没开工，企业认为批复一直有效，这个观点对吗？"
        ));
    }

    #[test]
    fn a_question_about_a_repealed_law_s_validity_is_answered_by_its_status() {
        let today = Date::parse("2026-12-01").unwrap();
        for q in [
            "放射性污染防治法被法典取代了吗？",
            "《固体废物污染环境防治法》现在还有效吗？",
            "《环境影响评价法》还能作为审批依据引用吗？",
        ] {
            let found = law_status(q, today).unwrap();
            assert!(found.status_only, "{q}");
            assert!(found.sentence.contains("废止"), "{q}");
        }
        for q in [
            "按照《水污染防治法》，饮用水水源保护区内可以设置排污口吗？",
            // 有效 of 采取有效措施 asks nothing about the law's validity.
            "大气法规定，企业未采取有效措施防止排放恶臭气体的，罚款多少？",
            // 已废止的 names the law.
            "按已废止的《水污染防治法》，企业现在还要申领排污许可证吗？",
            // 依据 frames the question; 能否 asks about the fee.
            "依据《水污染防治法》，污水处理费用能否挪作他用？",
            // The time after the repeal frames the question.
            "环境保护法废止以后，环保执法人员的执法证要不要重新考？",
        ] {
            assert!(!law_status(q, today).unwrap().status_only, "{q}");
        }
        assert!(law_status("《排污许可管理条例》还有效吗？", today).is_none());
        let sea = law_status(
            "《海洋环境保护法》规定，设置入海排污口未备案的罚多少？",
            today,
        );
        assert!(
            sea.unwrap()
                .sentence
                .starts_with("《中华人民共和国海洋环境保护法》")
        );
        let clean = law_status("清洁生产法规定哪些企业要强制审核？", today);
        assert!(clean.unwrap().sentence.contains("清洁生产促进法"));
    }
}
