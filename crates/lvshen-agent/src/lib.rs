//! The Q&A agent (综合问答智能体): a question in, a short Chinese answer out, resting only on
//! clauses retrieved from the knowledge base, every citation and number verified.
//!
//! Pipeline: normalise the question (a follow-up borrows the previous question for
//! retrieval) → tools (rule lookup, a checked filing's findings, similar approvals) →
//! clause-level search → relevance gate (refuse with the closest sources when the key terms
//! are not covered) → focused evidence → generation from `prompts/qa_*.md` → sentence-by-
//! sentence verification ([`verify`]) → citations of what survived. When the model is absent
//! or nothing it wrote survives, the answer is the best passage itself, quoted and cited.

pub mod amendment;
pub mod evidence;
pub mod numerals;
pub mod opinion;
pub mod question;
pub mod siting;
pub mod spoken;
pub mod tools;
pub mod verify;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use jieba_rs::Jieba;
use lvshen_llm::{Chat, GenerationParams, LlmService, Role};
use lvshen_search::{Hit, SearchIndex, SearchRequest};

pub use evidence::{Coverage, Evidence};
pub use tools::FilingContext;
pub use verify::Dropped;

/// The answer when the knowledge base has nothing relevant enough.
pub const REFUSAL: &str = "知识库中未找到依据";

/// The system prompt (`prompts/qa_system.md`).
pub const SYSTEM_PROMPT: &str = include_str!("../../../prompts/qa_system.md");
/// The user prompt template (`prompts/qa_user.md`).
pub const USER_PROMPT: &str = include_str!("../../../prompts/qa_user.md");
/// One worked example shown before the question (`prompts/qa_example.md`: the user turn,
/// a `---` line, the assistant turn). Fictional on purpose, so it can never be cited.
pub const EXAMPLE_PROMPT: &str = include_str!("../../../prompts/qa_example.md");

/// The chat sent to the model: system prompt, the worked example, the question with its
/// evidence. The first three messages never change, so their keys and values are reused.
pub fn build_chat(evidence: &[Evidence], question: &str, history: &[Turn], query: &str) -> Chat {
    let (example_user, example_answer) = EXAMPLE_PROMPT
        .split_once("\n---\n")
        .unwrap_or((EXAMPLE_PROMPT, ""));
    Chat {
        messages: vec![
            (Role::System, SYSTEM_PROMPT.trim().to_owned()),
            (Role::User, example_user.trim().to_owned()),
            (Role::Assistant, example_answer.trim().to_owned()),
            (
                Role::User,
                render_user_prompt(evidence, question, history, query),
            ),
        ],
    }
}

/// Whether the question asks for a quantity (a limit, a period, a height…).
pub fn wants_number(question: &str) -> bool {
    [
        "多少",
        "几",
        "多久",
        "多长",
        "多高",
        "多大",
        "期限",
        "限值",
        "标准值",
        "浓度",
        "时限",
        "高度",
        "年限",
        "天内",
        "日内",
    ]
    .iter()
    .any(|w| question.contains(w))
}

/// Errors of the agent.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error("问题为空")]
    EmptyQuestion,
    #[error("问题过长：{chars} 个字符，上限 {limit}")]
    TooLong { chars: usize, limit: usize },
    #[error("检索失败：{0}")]
    Search(String),
    #[error("{0}")]
    Llm(#[from] lvshen_llm::LlmError),
}

/// One earlier exchange of the conversation.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Turn {
    pub question: String,
    pub answer: String,
}

/// A source the answer rests on (or, for a refusal, one of the closest).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Citation {
    /// Document title, with its number when it has one: `纺织染整工业水污染物排放标准（GB 4287-2012）`.
    pub doc: String,
    /// Clause, table or article: `表2`, `第十四条`.
    pub clause: String,
    /// The passage.
    pub text: String,
    /// Where it is: a file of the knowledge base, the rule table, the checked filing.
    pub source: String,
    /// A law repealed on the date of the answer: when, and where the provision is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repealed: Option<String>,
}

impl Citation {
    fn of(e: &Evidence) -> Self {
        let doc = match e.doc_number.as_deref() {
            Some(n) if !e.doc.contains(n) => format!("{}（{n}）", e.doc),
            _ => e.doc.clone(),
        };
        Citation {
            doc,
            clause: e.clause.clone(),
            text: e.text.clone(),
            source: e.source.clone(),
            repealed: e.repealed.clone(),
        }
    }
}

/// The agent's answer (`lvshen ask --format json`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Answer {
    pub answer: String,
    pub citations: Vec<Citation>,
    pub refused: bool,
    /// For a refusal: the closest sources found, which did not answer the question.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closest: Vec<Citation>,
    /// Tools used: `rule_lookup`, `explain_finding`, `similar_approvals`.
    pub tools: Vec<String>,
    /// `model` (generated and verified) or `extract` (the best passage quoted).
    pub method: String,
    /// Sentences of the model that were dropped, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ungrounded: Vec<Dropped>,
    /// The text the search ran on (the question, or with the previous one for follow-ups).
    pub retrieval_query: String,
    pub coverage: Coverage,
    pub seconds: f64,
}

impl Answer {
    /// A refusal: `text` (starting with [`REFUSAL`]), nothing cited, the closest sources.
    fn refusal(
        text: String,
        closest: Vec<Citation>,
        tools: Vec<String>,
        method: &str,
        retrieval_query: String,
        coverage: Coverage,
        started: Instant,
    ) -> Self {
        Answer {
            answer: text,
            citations: Vec::new(),
            refused: true,
            closest,
            tools,
            method: method.to_owned(),
            ungrounded: Vec::new(),
            retrieval_query,
            coverage,
            seconds: started.elapsed().as_secs_f64(),
        }
    }
}

/// Knobs of the pipeline.
#[derive(Debug, Clone)]
pub struct AgentOptions {
    /// Hits retrieved.
    pub top_k: usize,
    /// Passages shown to the model.
    pub evidence: usize,
    /// Characters per passage.
    pub evidence_chars: usize,
    /// Tokens the model may write.
    pub max_tokens: usize,
    /// The date answers must be right on (the law in force that day); callers set today.
    /// `None`: no date-based ranking of repealed laws.
    pub as_of: Option<lvshen_rules::Date>,
}

impl Default for AgentOptions {
    fn default() -> Self {
        AgentOptions {
            top_k: 8,
            evidence: 4,
            evidence_chars: 240,
            max_tokens: 160,
            as_of: None,
        }
    }
}

/// Longest question accepted.
pub const MAX_QUESTION_CHARS: usize = 500;

/// The agent over a knowledge base and, optionally, a model.
pub struct Agent<'a> {
    index: &'a SearchIndex,
    llm: Option<&'a LlmService>,
    jieba: Arc<Jieba>,
    pub options: AgentOptions,
}

impl std::fmt::Debug for Agent<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Agent")
            .field("llm", &self.llm.map(|l| l.backend().describe()))
            .field("options", &self.options)
            .finish()
    }
}

/// A question that sets a scene, answered by a rule on what it asks ([`Agent::scene_answered`]).
struct SceneAnswer {
    /// What each of the question's terms is to it: asked, the scene's, or the asker's story
    /// that no text holds (老板, 一气之下).
    roles: Vec<evidence::Role>,
    /// The passages that the clauses that ask found on their own, for the pool.
    found: Vec<Hit>,
}

/// The share of a question's terms the rules (laws, standards, our digests) must hold
/// themselves when past approvals are not what it asks for: approvals can show the question
/// is on a reviewed topic, but cannot stand for the rule that answers it.
const MIN_RULE_COVERAGE: f64 = 0.5;

/// Words that mark a question as a follow-up of the previous one.
const FOLLOW_UP: &[&str] = &["那", "呢", "它", "其", "该", "上述", "这个", "同样", "还有"];

impl<'a> Agent<'a> {
    /// An agent over `index`; without `llm` answers are extracted passages.
    pub fn new(index: &'a SearchIndex, llm: Option<&'a LlmService>) -> Self {
        Agent {
            index,
            llm,
            jieba: lvshen_search::analyzer::jieba(),
            options: AgentOptions::default(),
        }
    }

    /// A search of the whole index as of the date of the answer.
    fn request(&self, query: impl Into<String>, top_k: usize) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            top_k,
            doc_type: None,
            as_of: self.options.as_of,
        }
    }

    /// The notes of an amendment of the standard whose table `evidence` quotes first that
    /// bear on the quoted rows ([`amendment::bears_on`]), in the amendment's order.
    fn amendment_notes(
        &self,
        evidence: &[Evidence],
        question: &str,
    ) -> Result<Vec<Evidence>, AgentError> {
        let Some((first, table, number)) = amendment::quoted_table(evidence) else {
            return Ok(Vec::new());
        };
        let titles: Vec<String> = self
            .index
            .manifest()
            .values()
            .filter(|entry| amendment::amends(&entry.title, number))
            .map(|entry| entry.title.clone())
            .collect();
        if titles.is_empty() {
            return Ok(Vec::new());
        }
        let rows = amendment::row_names(&evidence[first].text);
        let column = amendment::Column::of(question);
        let request = self.request(
            format!("表{table} 直接排放 间接排放 限值 {}", rows.join(" ")),
            12,
        );
        let mut notes: Vec<Hit> = self
            .index
            .search_within(&request, &titles)
            .map_err(|e| AgentError::Search(e.to_string()))?
            .into_iter()
            .filter(|h| amendment::bears_on(&h.text, table, &rows, column))
            .collect();
        notes.sort_by(|a, b| a.clause.cmp(&b.clause));
        tracing::debug!(table, rows = ?rows, notes = notes.len(), "amendment notes");
        Ok(notes
            .iter()
            .map(|h| Evidence::quoting(h, h.text.clone()))
            .collect())
    }

    /// The Code's articles that now also cover the regulation article the answer quotes first
    /// (建设项目环境保护管理条例第九条 → 法典第一百零二条, the succession table's companions),
    /// from the Code's effective date: the answer rests on the law in force as well as on the
    /// regulation that is still in force beside it.
    /// Those already among the passages by their index, the others as found.
    /// Only an article that says as much of what is asked (`terms`) as the regulation's: the
    /// Code's 第一百八十二条 (有效期, 重新申请) does not say what 条例第十四条 says of 变更.
    fn code_companions(
        &self,
        evidence: &[Evidence],
        terms: &[Vec<String>],
    ) -> Result<(Vec<usize>, Vec<Hit>), AgentError> {
        let book = lvshen_rules::LawBook::builtin();
        let none = || Ok((Vec::new(), Vec::new()));
        let Some(as_of) = self.options.as_of.filter(|d| book.code_in_force(*d)) else {
            return none();
        };
        let Some(first) = evidence
            .iter()
            .find(|e| e.source != tools::SUCCESSION_SOURCE)
        else {
            return none();
        };
        let (article, _) = lvshen_rules::split_clause(&first.clause);
        // The part of the regulation's article the Code carries (its `key`) must be in what
        // the answer quotes of it: 第九条's 审批决定 for a question on the approval's days, not
        // for one on when the report is filed (开工建设前).
        let Some(companion) = book.companions.iter().find(|c| {
            c.doc == first.doc
                && c.clause == article
                && evidence::compact(&first.text).contains(&evidence::compact(&c.key))
        }) else {
            return none();
        };
        let asked = evidence::term_weight(terms, &first.support());
        let says_as_much = |text: &str| evidence::term_weight(terms, text) >= asked;
        let (mut held, mut found_new) = (Vec::new(), Vec::new());
        for code_article in &companion.code {
            if let Some(at) = evidence
                .iter()
                .position(|e| e.doc == book.code && e.clause == *code_article)
            {
                if says_as_much(&evidence[at].support()) {
                    held.push(at);
                }
                continue;
            }
            let request = self.request(format!("{} {code_article}", book.code), 5);
            let found = self
                .index
                .search(&request)
                .map_err(|e| AgentError::Search(e.to_string()))?
                .into_iter()
                .find(|h| h.doc == book.code && h.clause == *code_article)
                .filter(|h| says_as_much(&evidence::haystack(h)));
            tracing::debug!(%article, %code_article, found = found.is_some(), %as_of, "code companion");
            found_new.extend(found);
        }
        Ok((held, found_new))
    }

    /// Whether any passage of the index holds `word` as written.
    fn index_holds(&self, word: &str) -> Result<bool, AgentError> {
        let request = self.request(word.to_owned(), 5);
        let hits = self
            .index
            .search_holding(&request, &[vec![word.to_owned()]])
            .map_err(|e| AgentError::Search(e.to_string()))?;
        let word = evidence::compact(word);
        Ok(hits.iter().any(|h| evidence::haystack(h).contains(&word)))
    }

    /// A noun of a question that names a document in force ("GB 13271-2014对燃气轮机组…",
    /// "《绍兴市大气污染防治条例》对杭州市…") which no document it names holds, in any of its
    /// passages: it does not speak of what is asked, whatever passage the pool ranks first.
    /// The named document's label, the noun, and whether the document holds it only to put
    /// it outside its scope.
    fn named_doc_lacks(
        &self,
        question: &str,
        terms: &[Vec<String>],
    ) -> Result<Option<(String, String, bool)>, AgentError> {
        // A piece of the segmenter's cut ("经厂内预处理" → 经厂) is no thing a document must
        // name, even where other passages hold the same cut.
        let artifacts = evidence::segment_artifacts(&self.jieba, question);
        let asked: Vec<&Vec<String>> = terms
            .iter()
            .filter(|g| {
                evidence::is_specific(g)
                    && !evidence::verb_fragment(&g[0])
                    && !artifacts.contains(&g[0])
                    && !question::names_document(&g[0], question)
                    // A thing, not an act (排入 of "排入IV类水域": 进入 in GB 8978). A
                    // domain word (臭气浓度) carries no tag of the segmenter's: a thing unless
                    // the question uses it as an act.
                    && (evidence::is_noun(&self.jieba, question, &g[0])
                        || (g
                            .iter()
                            .any(|t| lvshen_search::analyzer::DOMAIN_WORDS.contains(&t.as_str()))
                            && evidence::is_thing(&self.jieba, question, &g[0])
                            // 自行监测 is an act (GB 4287 5.5: 企业应…对排污状况进行监测).
                            && !evidence::ends_in_act(&self.jieba, &g[0])))
                    // Not the kind of thing asked for (持什么态度: an article states a stance
                    // without naming it).
                    && !["什么", "哪些", "哪种", "怎样的"]
                        .iter()
                        .any(|w| question.contains(&format!("{w}{}", g[0])))
                    // Nor the kind that restates the things named before it ("洗毛和麻脱胶这些
                    // 工序": GB 4287 3.1 names them without the word 工序).
                    && !["这些", "这类", "这种", "那些", "那类", "等"]
                        .iter()
                        .any(|w| question.contains(&format!("{w}{}", g[0])))
            })
            .collect();
        if asked.is_empty() {
            return Ok(None);
        }
        // Each named document, under the titles the index holds it by.
        let mut documents: Vec<(String, Vec<String>)> = Vec::new();
        for named in question::named(question) {
            let titles: Vec<String> = match &named {
                question::Named::Number(_) => {
                    let found = self
                        .index
                        .search(&self.request(named.query(), 8))
                        .map_err(|e| AgentError::Search(e.to_string()))?;
                    let mut titles: Vec<String> = Vec::new();
                    for h in found.iter().filter(|h| question::hit_is(&named, h)) {
                        for t in self.indexed_titles(&h.doc) {
                            if !titles.contains(&t) {
                                titles.push(t);
                            }
                        }
                    }
                    titles
                }
                question::Named::Title(t) => self.indexed_titles(t),
                question::Named::Article(..) => Vec::new(),
            };
            if !titles.is_empty() {
                documents.push((named.label(), titles));
            }
        }
        let Some((first, _)) = documents.first() else {
            return Ok(None);
        };
        for g in &asked {
            let (head, tail) = evidence::head_and_tail(&g[0]);
            let query = format!("{} {head} {tail}", g.join(" "));
            let mut holding: Vec<Hit> = Vec::new();
            for (_, titles) in &documents {
                let within = self
                    .index
                    .search_within(&self.request(query.clone(), 20), titles)
                    .map_err(|e| AgentError::Search(e.to_string()))?;
                holding.extend(within.into_iter().filter(|h| {
                    let hay = evidence::haystack(h);
                    evidence::covered(g, &hay) || evidence::loosely_held(&g[0], &hay)
                }));
            }
            if holding.is_empty() {
                return Ok(Some((first.clone(), g[0].clone(), false)));
            }
            // Held only where the documents put it outside their scope (GB 4287's 1: 缫丝…
            // 另有 GB 28936): they set nothing for it, unless the question asks just that
            // (…适用GB 18599吗).
            if !question::asks_applicability(question)
                && holding
                    .iter()
                    .all(|h| evidence::puts_outside(&h.text, &g[0]))
            {
                return Ok(Some((first.clone(), g[0].clone(), true)));
            }
        }
        Ok(None)
    }

    /// The titles under which the index holds the document `title` names (with or without
    /// its brackets and 中华人民共和国).
    fn indexed_titles(&self, title: &str) -> Vec<String> {
        let own = question::bare_title(title);
        self.index
            .manifest()
            .values()
            .filter(|entry| question::bare_title(&entry.title) == own)
            .map(|entry| entry.title.clone())
            .collect()
    }

    /// The indexed law or standard in force whose full title the question writes without
    /// 《》 ("涤纶仿真丝绸在环境保护综合名录里是不是…", "锅炉大气污染物排放标准对…"), or without
    /// the scope its title opens with when what is left is long ("排污许可分类管理名录里…" for
    /// 固定污染源排污许可分类管理名录): the answer is sought in it before a past approval that
    /// quotes it. The longest such title; short ones (环境保护法, which 环境保护法规 holds) are
    /// not read so.
    fn title_written_in(&self, question: &str, book: &lvshen_rules::LawBook) -> Option<String> {
        const MIN_CHARS: usize = 6;
        /// What a title may open with that people leave out, and how much must be left.
        const SCOPES: [&str; 2] = ["固定污染源", "建设项目"];
        const MIN_LEFT: usize = 8;
        let written: String = question.chars().filter(|c| !c.is_whitespace()).collect();
        let named = |t: &str| {
            written.contains(t)
                || SCOPES.iter().any(|scope| {
                    t.strip_prefix(scope).is_some_and(|left| {
                        left.chars().count() >= MIN_LEFT && written.contains(left)
                    })
                })
        };
        self.index
            .manifest()
            .values()
            .filter(|e| {
                matches!(
                    e.doc_type,
                    lvshen_corpus::DocType::Law | lvshen_corpus::DocType::Standard
                )
            })
            .filter(|e| {
                self.options
                    .as_of
                    .is_none_or(|as_of| book.status(&e.title, as_of).is_current())
            })
            .map(|e| question::bare_title(&e.title))
            .filter(|t| t.chars().count() >= MIN_CHARS && named(t))
            .max_by_key(|t| t.chars().count())
    }

    /// Each digest's summary of a law's article in `hits` replaced by the article's own text
    /// when that is indexed: the answer quotes the law, whose words a reader checks, not our
    /// paraphrase of it ("防治大气、水…等各类污染" for "防治…大气污染、水污染…").
    fn official_texts(&self, hits: Vec<Hit>) -> Result<Vec<Hit>, AgentError> {
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            let official = if h.doc_type == "digest" && evidence::is_article(&h.clause) {
                let request = self.request(format!("{} {}", h.doc, h.clause), 3);
                self.index
                    .search_within(&request, &self.indexed_titles(&h.doc))
                    .map_err(|e| AgentError::Search(e.to_string()))?
                    .into_iter()
                    .find(|o| o.doc_type != "digest" && o.clause == h.clause)
            } else {
                None
            };
            let h = official.unwrap_or(h);
            if !out.iter().any(|m| m.chunk_id == h.chunk_id) {
                out.push(h);
            }
        }
        Ok(out)
    }

    /// A repealed law named without an article number, asked in its own words: the
    /// sentences of it that say most of the question are found in it, and the Code's articles
    /// that the succession table says carry them join the pool, matched with the old
    /// sentence's words as well as their own (环境保护法第二十五条 "违反法律法规规定排放污染物，
    /// 造成或者可能造成严重污染的…查封、扣押" → 法典第五十二条, which no longer says 排放污染物).
    fn carried_by_table(
        &self,
        found: &tools::LawStatusFinding,
        question: &str,
        history: &[Turn],
        terms: &[Vec<String>],
        hits: &[Hit],
    ) -> Result<Bridge, AgentError> {
        let book = lvshen_rules::LawBook::builtin();
        let search = |query: &str, top_k: usize| {
            self.index
                .search(&SearchRequest {
                    query: query.to_owned(),
                    top_k,
                    doc_type: None,
                    as_of: self.options.as_of,
                })
                .map_err(|e| AgentError::Search(e.to_string()))
        };
        let request = SearchRequest {
            query: strip_name(&Self::retrieval_query(question, history), &found.named_as),
            top_k: 5,
            doc_type: None,
            as_of: None,
        };
        let old: Vec<Hit> = self
            .index
            .search_within(&request, &self.indexed_titles(&found.title))
            .map_err(|e| AgentError::Search(e.to_string()))?;
        // Each old article by its sentence that says most of the question (a long list of
        // duties, 环境保护法第六十八条, holds many of its words scattered over its items); a
        // sentence that states no quantity last when one is asked; equal weights by wording
        // (the item on 超过…排放标准 of the article that fines it before the same item of the
        // article on 按日连续处罚 that lists it again), then as the ranking orders the articles.
        // The question without the law's name: its words are the frame, not what is asked.
        let asked = strip_name(question, &found.named_as);
        let old = evidence::rank_by_terms(terms, old, &self.question_ranking(&asked));
        let mut old: Vec<(f64, String, String, Hit)> = old
            .into_iter()
            .filter_map(|h| {
                let (w, read, own) = evidence::best_sentence(terms, &h.text)?;
                Some((w, read, own, h))
            })
            .collect();
        let wants_number = wants_number(question);
        let answers = |read: &str| !wants_number || evidence::states_quantity(read);
        let wording = evidence::wording(question);
        let like = |sentence: &str| verify::overlap(&wording, sentence);
        // A question on what a term of the old law means: the old article that defined it
        // first (环境保护法第二条 "本法所称环境，是指…", carried by 法典第二条).
        let defined = question::defined_term(&asked);
        let defines = |hit: &Hit| {
            defined
                .as_ref()
                .is_some_and(|term| evidence::defines(&hit.text, term))
        };
        let order = |a: &(f64, String, String, Hit), b: &(f64, String, String, Hit)| {
            defines(&b.3)
                .cmp(&defines(&a.3))
                .then_with(|| answers(&b.1).cmp(&answers(&a.1)))
                .then_with(|| b.0.total_cmp(&a.0))
        };
        old.sort_by(|a, b| order(a, b).then_with(|| like(&b.2).total_cmp(&like(&a.2))));
        let row_of = |hit: &Hit| {
            let article = hit.clause.split('（').next().unwrap_or_default();
            book.succession(&found.title, article)
        };
        // The two best, when they hold at least half of the question (an article that shares
        // a word or two with "按旧《环境保护法》的精神，年终奖发几个月" is not what it asks
        // about) and the best one's successor is known (a lesser one's successor is not the
        // answer).
        // Articles that say as much of the question as the best one are not lesser ones: two
        // articles of 水污染防治法 open with the same "因水污染引起的损害赔偿责任和赔偿金额的纠纷",
        // and the one the table knows (第九十七条, 调解…诉讼) is carried though wording put the
        // other (第一百条, 监测数据) first.
        let whole = evidence::total_weight(terms);
        let best_known = old.first().is_some_and(|first| {
            old.iter()
                .take(2)
                .take_while(|o| order(first, o).is_eq())
                .any(|(_, _, _, h)| row_of(h).is_some())
        });
        let mut bridge = Bridge::default();
        for (_, read, own, hit) in old
            .iter()
            .take(2)
            .filter(|(w, _, _, _)| best_known && 2.0 * w >= whole)
        {
            let Some(row) = row_of(hit) else {
                continue;
            };
            // Each successor's passage (a long article is indexed in several) most like the
            // sentence itself (a list item without the lead-in its list shares).
            let mut successors: Vec<(f64, Hit)> = Vec::new();
            for new in &row.new {
                if let Some(found) = search(&format!("{} {new}", book.code), 5)?
                    .into_iter()
                    .filter(|h| h.doc == book.code && h.clause.starts_with(new.as_str()))
                    .map(|h| (verify::overlap(own, &h.text), h))
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                {
                    successors.push(found);
                }
            }
            // The table maps articles; an article the Code split carries this sentence in the
            // successor that says it, not in the others.
            let top = successors.iter().map(|(like, _)| *like).fold(0.0, f64::max);
            tracing::trace!(old = %hit.clause, sentence = %own, top, "old sentence");
            // An article the table carries whole into one successor vouches for more of the
            // likeness: the Code may have reworded it for all cases (水污染防治法第九十七条's
            // 因水污染引起的…纠纷…调解处理 → 法典第一千零七十七条 on 污染环境、破坏生态…调解处理,
            // about a quarter alike), but a sentence of it that the successor does not say at
            // all (环评法第二十八条's sentence on 技术单位 beside 法典第一百一十条's 跟踪检查,
            // under a tenth alike) is still not carried by it.
            let floor = if row.new.len() == 1 {
                verify::MIN_OVERLAP * 2.0 / 3.0
            } else {
                verify::MIN_OVERLAP
            };
            for (like, now) in successors {
                if like < floor || like < 0.8 * top {
                    continue;
                }
                let new = row
                    .new
                    .iter()
                    .find(|n| now.clause.starts_with(n.as_str()))
                    .cloned()
                    .unwrap_or_else(|| now.clause.clone());
                tracing::debug!(old = %hit.clause, new = %now.clause, "carried by the table");
                bridge.carried.push(evidence::Carried {
                    doc: book.code.clone(),
                    clause: new,
                    old_text: read.clone(),
                });
                // Our digest's summary of the article, when the search found it, stands for
                // it (the ranking matches it with the old words too); the article's own text
                // would push it out (`evidence::prefer_official`).
                let summarized = hits
                    .iter()
                    .any(|h| h.doc_type == "digest" && h.doc == now.doc && h.clause == now.clause);
                if !summarized && !bridge.front.iter().any(|h| h.chunk_id == now.chunk_id) {
                    bridge.front.push(now);
                }
                if !bridge.old.iter().any(|h| h.chunk_id == hit.chunk_id) {
                    bridge.old.push(hit.clone());
                }
            }
        }
        Ok(bridge)
    }

    /// Whether a rule among the top `rules` answers a question that sets a scene in clauses
    /// that ask nothing ("有个工人举报厂里偷排，老板一气之下把他辞退了，这样做要承担责任吗"),
    /// where the gate on all of its words refused it: a rule that holds what the clauses that
    /// ask say, and enough of the scene ([`evidence::answers_asked`]). The rule is sought
    /// among the top rules and among what the asked clauses alone find. When one answers so:
    /// what each term is to the question, and the passages the asked clauses found, for the
    /// pool.
    fn scene_answered(
        &self,
        terms: &[Vec<String>],
        text: &str,
        rules: &[Hit],
        defined: Option<&str>,
    ) -> Result<Option<SceneAnswer>, AgentError> {
        let question::Clauses {
            scene,
            asked,
            mut frame,
            reasons,
        } = question::scene_clauses(text);
        // A reason given for a claim frames it as its holder does (no term a rule must hold),
        // and makes the question one whose words are not all asked.
        if scene.is_empty() && reasons.is_empty() {
            return Ok(None);
        }
        frame.extend(reasons);
        let asked = asked.concat();
        let mut roles = Vec::with_capacity(terms.len());
        for group in terms {
            let in_scene = scene
                .iter()
                .any(|c| group.iter().any(|t| c.contains(t.as_str())));
            let in_asked = group.iter().any(|t| asked.contains(t.as_str()));
            let in_frame = frame
                .iter()
                .any(|c| group.iter().any(|t| c.contains(t.as_str())));
            roles.push(if in_asked || !in_scene && !in_frame {
                evidence::Role::Asked
            // Who holds a claim and the verdict asked of it ("企业认为", "说法成立吗") say
            // nothing a rule must hold.
            } else if !in_scene {
                evidence::Role::Story
            // A class the scene names ("厂在2类声环境功能区") is the row of a table that the
            // search on its own word (2, 类: no term) never finds.
            } else if evidence::is_class_term(&evidence::compact(&group[0]))
                || self.rules_hold(group)?
            {
                evidence::Role::Scene
            } else {
                evidence::Role::Story
            });
        }
        // What the asked clauses alone find: the scene's words can pull the search to
        // passages on them ("村民…打不起官司" to standards that say 环境保护主管部门).
        // Not a repealed law's article: the rule in force must say it (a question on the law
        // as it was names it, and the gate on all of its words lets it through).
        let mut candidates: Vec<Hit> = rules
            .iter()
            .take(5)
            .filter(|h| h.repealed.is_none())
            .cloned()
            .collect();
        let top = candidates.len();
        let found = self
            .index
            .search(&self.request(asked.clone(), 5))
            .map_err(|e| AgentError::Search(e.to_string()))?;
        candidates.extend(
            found
                .into_iter()
                .filter(|h| h.doc_type != "approval" && h.repealed.is_none())
                .filter(|h| !rules.iter().any(|r| r.chunk_id == h.chunk_id)),
        );
        // "我们厂扩建要连夜浇混凝土，晚上几点到几点算夜间": a term's meaning asked of a scene
        // is answered by the passage that defines the term, whatever the scene's words.
        let answers = candidates.iter().any(|h| {
            evidence::answers_asked(terms, &roles, h)
                || defined
                    .is_some_and(|term| asked.contains(term) && evidence::defines(&h.text, term))
        });
        tracing::debug!(
            ?scene,
            ?terms,
            ?roles,
            answers,
            "a question that sets a scene"
        );
        if !answers {
            return Ok(None);
        }
        Ok(Some(SceneAnswer {
            roles,
            found: candidates.split_off(top),
        }))
    }

    /// Whether some passage of the index holds one of `words`.
    fn index_holds_any<'w>(
        &self,
        words: impl IntoIterator<Item = &'w String>,
    ) -> Result<bool, AgentError> {
        for word in words {
            if self.index_holds(word)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The title of the standard the index holds under the number `named` names (GB 4287 →
    /// 纺织染整工业水污染物排放标准), found by a search on the number among standards and,
    /// where the standard's own text is not indexed, our digests of them.
    fn numbered_title(&self, named: &question::Named) -> Option<String> {
        let question::Named::Number(number) = named else {
            return None;
        };
        [
            lvshen_corpus::DocType::Standard,
            lvshen_corpus::DocType::Digest,
        ]
        .into_iter()
        .find_map(|doc_type| {
            let request = SearchRequest {
                doc_type: Some(doc_type),
                ..self.request(number.clone(), 5)
            };
            self.index
                .search(&request)
                .ok()?
                .into_iter()
                .find(|h| question::hit_is(named, h))
                .map(|h| h.doc)
        })
    }

    /// Whether a law, a standard or a digest of one holds one of `group`'s words.
    fn rules_hold(&self, group: &[String]) -> Result<bool, AgentError> {
        for word in group {
            for doc_type in [
                lvshen_corpus::DocType::Law,
                lvshen_corpus::DocType::Standard,
                lvshen_corpus::DocType::Digest,
            ] {
                let request = SearchRequest {
                    doc_type: Some(doc_type),
                    ..self.request(word.clone(), 3)
                };
                let hits = self
                    .index
                    .search_holding(&request, &[vec![word.clone()]])
                    .map_err(|e| AgentError::Search(e.to_string()))?;
                let compact = evidence::compact(word);
                if hits
                    .iter()
                    .any(|h| evidence::haystack(h).contains(&compact))
                {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// The passages closest to a question that is refused, offered as what comes nearest.
    fn closest(&self, terms: &[Vec<String>], hits: &[Hit]) -> Vec<Citation> {
        evidence::focus(terms, hits, 3, self.options.evidence_chars)
            .iter()
            .map(Citation::of)
            .collect()
    }

    /// The specific key terms of a span of the question (what a which-question asks to be
    /// listed, what it says need not be done).
    fn specific_terms(&self, text: &str) -> Vec<Vec<String>> {
        evidence::key_terms(&self.jieba, text)
            .into_iter()
            .filter(|g| evidence::is_specific(g))
            .collect()
    }

    /// What the ranking of passages reads off the question itself (not from the documents it
    /// names or the date of the answer).
    fn question_ranking(&self, question: &str) -> evidence::Ranking {
        // "报告书由谁审批": who acts on the thing named, after its 由; else whose duty it is.
        let acted_on = question::acted_on(question);
        evidence::Ranking {
            stated: evidence::stated_values(question),
            wants_number: wants_number(question),
            names_integrated: evidence::names_integrated_standard(question),
            asks_when: [
                "什么时候",
                "何时",
                "什么时间",
                "啥时候",
                "哪天",
                "哪一天",
                "哪年",
            ]
            .iter()
            .any(|w| question.contains(w)),
            asks_duration: question::asks_duration(question),
            list_noun: question::asks_list(question)
                .then(|| question::list_noun(question))
                .flatten(),
            pollutants: evidence::pollutants_named(question),
            listed: question::which_object(question)
                .map(|object| self.specific_terms(object))
                .unwrap_or_default(),
            subject: acted_on
                .or_else(|| question::subject(question))
                .map(|s| evidence::key_terms(&self.jieba, s))
                .unwrap_or_default(),
            topic: question::topic(question)
                .map(evidence::compact)
                .unwrap_or_default(),
            subject_marker: if acted_on.is_some() {
                evidence::SubjectMarker::By
            } else {
                evidence::SubjectMarker::Duty
            },
            sanction_asked: question::asks_sanction(question),
            permission_asked: question::asks_permission(question)
                || question::claims_allowed(question),
            power_asked: question::asks_power(question),
            actor: question::actor(question).map(str::to_owned),
            wording: evidence::wording(question),
            negated: evidence::negated_verbs(question),
            denied: question::duty_denied(question)
                .map(|d| self.specific_terms(d))
                .unwrap_or_default(),
            asked_duty: question::duty_asked(question)
                .map(|d| evidence::key_terms(&self.jieba, d))
                .unwrap_or_default(),
            about_projects: !question.contains("规划"),
            asks_scope: ["适用", "执行", "范围"]
                .iter()
                .any(|w| question.contains(w)),
            act: question::act_by_whom(question).unwrap_or_default(),
            ..evidence::Ranking::default()
        }
    }

    /// The retrieval text: the question, preceded by the previous question when this one
    /// reads as a follow-up ("那间接排放呢？").
    pub fn retrieval_query(question: &str, history: &[Turn]) -> String {
        let Some(last) = history.last() else {
            return question.to_owned();
        };
        let short = question.chars().count() <= 14;
        if short || FOLLOW_UP.iter().any(|w| question.contains(w)) {
            format!("{} {}", last.question, question)
        } else {
            question.to_owned()
        }
    }

    /// Answers `question`. `on_text` receives the verified answer as it is produced (sentence
    /// by sentence), already carrying its citation markers.
    pub fn ask(
        &self,
        question: &str,
        history: &[Turn],
        filing: Option<&FilingContext>,
        cancel: &AtomicBool,
        on_text: &mut dyn FnMut(&str),
    ) -> Result<Answer, AgentError> {
        let started = Instant::now();
        // "ＧＢ４２８７－２０２５" typed with a Chinese input method: the number as printed.
        let half_width = question::half_width(question.trim());
        let question = half_width.as_str();
        if question.is_empty() {
            return Err(AgentError::EmptyQuestion);
        }
        let chars = question.chars().count();
        if chars > MAX_QUESTION_CHARS {
            return Err(AgentError::TooLong {
                chars,
                limit: MAX_QUESTION_CHARS,
            });
        }
        // An applicant's spoken words (新上的烧油锅炉, 接到污水厂去) in the texts' words.
        let as_asked = question;
        let written = spoken::in_written_words(question);
        // "国家为什么要制定排污许可管理条例": why a text was made is what its first article says.
        // Of a law in force: a repealed law's purpose is history, and its first article is
        // carried by none of the Code's.
        let titles: Vec<String> = self
            .index
            .manifest()
            .values()
            .map(|entry| entry.title.clone())
            .filter(|title| {
                self.options.as_of.is_none_or(|as_of| {
                    lvshen_rules::LawBook::builtin()
                        .status(title, as_of)
                        .is_current()
                })
            })
            .collect();
        let written = match question::purpose_of_text(&written, &titles) {
            Some(title) => format!("《{title}》第一条是怎么规定的？"),
            None => written,
        };
        let question = written.as_str();
        let query = Self::retrieval_query(question, history);
        let book = lvshen_rules::LawBook::builtin();
        // Whether the question asks about the law as it was (a year before the Code, 当时…).
        let asks_history = lvshen_search::asks_history(question, book.code_effective);
        // A law the question names that was repealed by the date of the answer: its name is
        // the question's frame (按照《水污染防治法》，…), not its subject; the answer is
        // sought without it, in the law that took it over first.
        let status = self
            .options
            .as_of
            .and_then(|as_of| tools::law_status(question, as_of));
        let query = match &status {
            Some(found) if found.successor_doc.is_some() => {
                // The old law's article numbers are not the Code's: 大气污染防治法第九十九条 is
                // not 法典第九十九条.
                let mut q = in_code_words(&strip_name(&query, &found.named_as));
                for article in lvshen_search::query::parse(question).clauses {
                    q = q.replace(article.as_str(), " ");
                }
                q
            }
            _ => query,
        };
        // "能不能开工", "是否允许": how the question asks, not what it is about.
        let query = question::without_permission_words(&query);
        // "负有什么责任": how it asks for a duty, not a word the article says.
        let query = question::without_duty_words(&query);
        // The document the question names (按照《建设项目环境保护管理条例》…; 2025年…按照当时
        // 的《环境保护法》…) is searched for, but is the question's frame, not a term a passage
        // must hold: 环境保护 and 管理条例 would match every article of that document and of
        // others. (A repealed law's name is already out of the query.)
        // The law a question about the past names (its title, and the name it used).
        let named_then = asks_history.then(|| tools::named_law(question)).flatten();
        let frame = if status.as_ref().is_some_and(|f| f.successor_doc.is_some()) {
            None
        } else if asks_history {
            named_then.as_ref().map(|(_, named_as)| named_as.clone())
        } else {
            question::named_title(question)
        };
        let unframed_query = frame.map(|name| strip_name(&query, &name));
        let terms_text = unframed_query.clone().unwrap_or_else(|| query.clone());
        let mut terms = evidence::key_terms(&self.jieba, &terms_text);
        // A standard the question names by its number ("HJ 879规定的…总氮…频次"): the number
        // is its frame, searched for, not words a passage must hold (a digest's section on it
        // prints it once, in its heading).
        let number_words: Vec<String> = question::named_numbers(question)
            .into_iter()
            .flat_map(|n| {
                n.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        if !number_words.is_empty() {
            terms.retain(|g| !number_words.contains(&g[0].to_lowercase()));
        }
        // A question about the law as it was ("2025年…按照当时施行的《环境影响评价法》"): the
        // year and the words that set the time are its frame, not its subject.
        if asks_history {
            terms.retain(|g| {
                let t = g[0].as_str();
                let year = t.len() == 4
                    && t.chars().all(|c| c.is_ascii_digit())
                    && question.contains(&format!("{t}年"))
                    // "（2025年版）" names an edition: part of the subject.
                    && !question.contains(&format!("{t}年版"));
                !year && !["当时", "施行", "当年", "原来", "以前", "之前"].contains(&t)
            });
        }
        // A case split ("…一般卡多少？在执行特别排放限值的地方呢？"): 一般 only hedges the
        // general part, whose clause does not say it.
        if question::is_case_split(&question::parts(question))
            && evidence::only_hedging_yiban(question)
        {
            terms.retain(|g| g[0] != "一般");
        }
        let search = |query: &str, top_k: usize, doc_type| {
            self.index
                .search(&SearchRequest {
                    query: query.to_owned(),
                    top_k,
                    doc_type,
                    as_of: self.options.as_of,
                })
                .map_err(|e| AgentError::Search(e.to_string()))
        };

        // A works named by a trade that no passage names so ("做牛仔裤的服装厂": the catalogue
        // says 机织服装制造): its trade is the term, when a passage holds that.
        for group in terms.iter_mut() {
            if let Some(trade) = evidence::works_trade(&group[0]).map(str::to_owned)
                && !self.index_holds(&group[0])?
                && self.index_holds(&trade)?
            {
                tracing::debug!(works = %group[0], trade = %trade, "a works by its trade");
                *group = evidence::term_group(&trade);
            }
        }
        // Pieces of the cut and of spoken verb phrases that no passage holds.
        let artifacts = evidence::segment_artifacts(&self.jieba, &query);
        let mut pieces = Vec::new();
        let mut junk = Vec::new();
        for group in &terms {
            if artifacts.contains(&group[0]) && !self.index_holds(&group[0])? {
                junk.push(group[0].clone());
            } else if evidence::verb_fragment(&group[0]) && !self.index_holds(&group[0])? {
                pieces.push(group[0].clone());
            }
        }
        let specific_left = |terms: &[Vec<String>], dropped: &[String]| {
            terms
                .iter()
                .filter(|g| !dropped.contains(&g[0]) && evidence::is_specific(g))
                .count()
        };
        // A segment the dictionary does not know and no passage holds (内要, 天能) is an
        // artifact of the cut: dropped while one specific term stays.
        if !junk.is_empty() && specific_left(&terms, &junk) >= 1 {
            tracing::debug!(junk = ?junk, "segmentation artifacts: no terms");
            terms.retain(|g| !junk.contains(&g[0]));
        }
        // A piece of a spoken verb phrase that no passage holds (漏出来, 算不, 就响, 先排, 灌进):
        // how the question is said, not a term a passage must hold.
        // Only while two specific terms or more stay: a question left with one term is on
        // that term alone, which many articles answer. (Three until session 20, when "排污证
        // 还没拿到手就先排了" needed them; 没拿到手 is 未取得 now, and "把废水偷偷灌进渗坑里排掉"
        // keeps 废水 and 渗坑.)
        if !pieces.is_empty() && specific_left(&terms, &pieces) >= 2 {
            tracing::debug!(pieces = ?pieces, "spoken verb phrases: no terms");
            terms.retain(|g| !pieces.contains(&g[0]));
        }

        // Tools first: their results are evidence too.
        let mut tools_used = Vec::new();
        let mut evidence: Vec<Evidence> = Vec::new();
        // A law the question names that was repealed by the date of the answer: say so
        // first, from the succession table, and look up the articles that carry it now.
        if let Some(found) = &status {
            tools_used.push("law_status".to_owned());
            evidence.push(found.evidence.clone());
        }
        let rules = tools::rule_lookup(question, self.options.as_of);
        if !rules.is_empty() {
            tools_used.push("rule_lookup".to_owned());
            evidence.extend(rules);
        }
        if let Some(filing) = filing {
            let found = tools::explain_findings(filing, question, &terms);
            if !found.is_empty() {
                tools_used.push("explain_finding".to_owned());
                evidence.extend(found);
            }
        }
        // A document (or an article) the question names and the knowledge base does not
        // hold: refused by name, with the closest documents; never another one's value.
        // A law the succession table knows (a repealed law) is known.
        let mut unheld: Option<(String, Vec<Hit>)> = None;
        for named in question::named(question) {
            let known_law = match &named {
                question::Named::Title(t) | question::Named::Article(t, _) => {
                    lvshen_rules::LawBook::builtin().document(t).is_some()
                }
                question::Named::Number(n) => {
                    lvshen_rules::LawBook::builtin().document(n).is_some()
                }
            };
            let found = search(&named.query(), 8, None)?;
            // A title is looked up in the list of indexed documents too: a digest whose
            // passages rank below approvals that quote its title is still held.
            let indexed = match &named {
                question::Named::Title(t) | question::Named::Article(t, _) => self
                    .index
                    .manifest()
                    .values()
                    .any(|entry| question::title_names(t, &entry.title)),
                question::Named::Number(_) => false,
            };
            let held = match &named {
                question::Named::Article(_, article) => {
                    let doc_held = indexed || found.iter().any(|h| question::hit_is(&named, h));
                    let article_held = found.iter().any(|h| {
                        question::hit_is(&named, h) && h.clause.starts_with(article.as_str())
                    });
                    // An article of a known law we do not index is not ours to deny.
                    article_held || (!doc_held && known_law)
                }
                _ => {
                    known_law
                        || indexed
                        || found.iter().any(|h| {
                            question::hit_is(&named, h)
                                || question::digest_covers(
                                    &named,
                                    h,
                                    question::asks_succession(question),
                                )
                        })
                }
            };
            if held {
                continue;
            }
            let what = match &named {
                question::Named::Article(t, a)
                    if indexed || found.iter().any(|h| question::hit_is(&named, h)) =>
                {
                    format!("知识库中的《{t}》没有{a}")
                }
                other => format!("知识库中没有{}", other.label()),
            };
            unheld = Some((
                format!("{REFUSAL}：{what}，不能以其他文件的规定代替作答。"),
                found,
            ));
            break;
        }
        // An edition the question names (《…名录（2025年版）》) of a document the knowledge base
        // holds in another edition: not the one asked about, and its values are not that
        // edition's.
        for (title, year) in question::named_editions(question) {
            if unheld.is_some() {
                break;
            }
            let same: Vec<String> = self
                .index
                .manifest()
                .values()
                .filter(|e| question::title_names(&title, &e.title))
                .map(|e| e.title.chars().filter(|c| !c.is_whitespace()).collect())
                .collect();
            let edition = format!("{year}年版");
            let dated = same.iter().any(|t: &String| t.contains("年版"));
            if !dated || same.iter().any(|t| t.contains(&edition)) {
                continue;
            }
            unheld = Some((
                format!(
                    "{REFUSAL}：知识库中没有《{title}（{edition}）》，只有其他版本，不能以其他版本的规定代替作答。"
                ),
                search(&title, 8, None)?,
            ));
        }
        // A revision the question names of a law, later than the text the knowledge base
        // holds (whose file is dated by its last revision: 环境影响评价法(2018-12-29)): no such
        // text is held, and none may stand for it ("《环境影响评价法》2026年修正版" — the law was
        // repealed that year, never revised).
        for (title, year) in question::named_revisions(question) {
            if unheld.is_some() {
                break;
            }
            let held: Vec<u32> = self
                .index
                .manifest()
                .iter()
                .filter(|(_, e)| question::title_names(&title, &e.title))
                .filter_map(|(path, _)| {
                    let (_, dated) = path.rsplit_once('(')?;
                    dated.get(..4)?.parse().ok()
                })
                .collect();
            if held.is_empty() || held.iter().any(|h| *h >= year) {
                continue;
            }
            let latest = held.iter().max().copied().unwrap_or_default();
            unheld = Some((
                format!(
                    "{REFUSAL}：知识库中没有《{title}》的{year}年修正（修订）文本，只有{latest}年的文本，不能以其他文本的规定代替作答。"
                ),
                search(&title, 8, None)?,
            ));
        }
        // A document named by its issuing number ("绍兴市生态环境局2025年第3号公告") that no
        // passage quotes: not held, and no other document's rule stands for it.
        for issued in question::issued_numbers(question) {
            if unheld.is_some() {
                break;
            }
            let found = search(&issued.written, 8, None)?;
            let core = evidence::compact(&issued.core);
            if found.iter().any(|h| evidence::haystack(h).contains(&core))
                || self.index_holds(&issued.core)?
            {
                continue;
            }
            unheld = Some((
                format!(
                    "{REFUSAL}：知识库中没有{}，不能以其他文件的规定代替作答。",
                    issued.written
                ),
                found,
            ));
        }
        if let Some((text, found)) = unheld {
            let closest: Vec<Citation> = self.closest(&terms, &found);
            on_text(&text);
            return Ok(Answer::refusal(
                text,
                closest,
                tools_used,
                "named_document",
                query,
                evidence::coverage(&terms, &found, 5),
                started,
            ));
        }
        let mut hits = search(&query, self.options.top_k, None)?;
        // Past approvals that repeat the question's words (蜡染, 氨氮, 直排) can fill the whole
        // pool: unless precedents are asked for, the rules are looked up on their own too.
        let rules_in_pool = hits.iter().filter(|h| h.doc_type != "approval").count();
        if !tools::wants_approvals(question) && rules_in_pool < 3 {
            use lvshen_corpus::DocType;
            for doc_type in [DocType::Standard, DocType::Law, DocType::Digest] {
                for h in search(&query, 3, Some(doc_type))? {
                    if !hits.iter().any(|m| m.chunk_id == h.chunk_id) {
                        hits.push(h);
                    }
                }
            }
        }
        // A question on which class applies ("2吨的天然气锅炉，环评做哪种") is answered by
        // the catalogue's item on its thing, which states the classes: looked up by the
        // question's own things and the class names, it joins the pool (the ranking decides),
        // not outscored by passages that repeat the question's common words (环评, 类别).
        let classes = evidence::classes_asked(question);
        if !classes.is_empty() {
            let things: Vec<&str> = terms
                .iter()
                .filter(|g| evidence::is_specific(g))
                .map(|g| g[0].as_str())
                .collect();
            if !things.is_empty() {
                let lookup = format!("{} {}", things.join(" "), classes.join(" "));
                for h in search(&lookup, 3, None)? {
                    if !hits.iter().any(|m| m.chunk_id == h.chunk_id) {
                        hits.push(h);
                    }
                }
            }
        }
        // A term of the question no top passage holds may be a rare one that many passages
        // holding only the common terms outscored (暗管 below GB 4287's tables, whose title
        // holds 排放 and 污染物): it is looked up on its own, and a passage that holds
        // more of the question than the top ones goes first.
        let weight = |h: &Hit| evidence::term_weight(&terms, &evidence::haystack(h));
        let best_of_top = |hits: &[Hit]| hits.iter().take(5).map(weight).fold(0.0, f64::max);
        let first = evidence::coverage(&terms, &hits, 5);
        if !first.missing.is_empty() {
            let best = best_of_top(&hits);
            // As much as the best top passage and a specific term none of them holds: the
            // rare term decides (暗管 beside 企业, 废水 and 罚款, which many passages hold).
            let missing_specific: Vec<&Vec<String>> = terms
                .iter()
                .filter(|g| first.missing.contains(&g[0]) && evidence::is_specific(g))
                .collect();
            let front: Vec<Hit> = search(&first.missing.join(" "), 5, None)?
                .into_iter()
                .filter(|h| {
                    let w = weight(h);
                    w > best
                        || w == best && {
                            let hay = evidence::haystack(h);
                            missing_specific.iter().any(|g| evidence::covered(g, &hay))
                        }
                })
                .collect();
            hits = to_front(front, hits);
        }
        // No top passage holds all the question's terms: the passages that do are looked up
        // (a conjunctive search) — a long article that holds them all ranks below short ones
        // that say two of them often (法典第一千一百零二条 on 工业噪声 without a permit, below
        // 排污许可管理条例's short articles on 排污许可证).
        let whole = evidence::total_weight(&terms);
        let best = best_of_top(&hits);
        if terms.len() > 1 && best < whole {
            // All the terms first; when no passage holds them all, all but one (a spoken
            // word no text uses: "三同时没落实就投产了，怎么罚" — the article says 未…同时投产
            // 使用, not 落实).
            let mut sets: Vec<Vec<Vec<String>>> = vec![terms.clone()];
            // The terms without those at `skip`.
            let without = |skip: &[usize]| -> Vec<Vec<String>> {
                terms
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !skip.contains(i))
                    .map(|(_, g)| g.clone())
                    .collect()
            };
            if terms.len() >= 3 && terms.len() <= 8 {
                sets.extend((0..terms.len()).map(|skip| without(&[skip])));
            }
            // A sanction asked in a story can carry two words no article says (厂里…在河边
            // 偷偷挖了个排污口，罚多少: 厂里, 河边): all but two, after all but one, so that
            // the article on 设置排污口 with its 罚款 is found.
            if question::asks_sanction(question) && (4..=8).contains(&terms.len()) {
                for a in 0..terms.len() {
                    sets.extend((a + 1..terms.len()).map(|b| without(&[a, b])));
                }
            }
            let sanction_asked = question::asks_sanction(question);
            // A fine asked of a kind of works ("实行排污许可重点管理的企业不如实公开…，罚款
            // 多少"): the article that fines the act names no such kind (法典第一千一百一十条:
            // 未向社会公开或者不如实公开…), so the act's terms alone are searched too.
            if sanction_asked && let Some(end) = question::kind_of_works_end(question) {
                let act: Vec<Vec<String>> = terms
                    .iter()
                    .filter(|g| g.iter().any(|w| question[end..].contains(w.as_str())))
                    .cloned()
                    .collect();
                if act.len() >= 2 && act.len() < terms.len() {
                    sets.push(act);
                }
            }
            // Whether a top passage that holds as much as any sets a fine in 元.
            let top_fines = hits
                .iter()
                .take(5)
                .any(|h| weight(h) == best && evidence::states_money(&h.text));
            // The query carries the terms the question implies but does not spell (罚 → 罚款).
            let heads: Vec<&str> = terms.iter().map(|g| g[0].as_str()).collect();
            // A fine asked looks further down: the articles that hold its few held words and
            // set a fine are many (倾倒…固体废物 of the sea, of radioactive waste, of a works).
            let request = self.request(
                format!("{query} {}", heads.join(" ")),
                if sanction_asked { 6 } else { 3 },
            );
            // The sets that hold the most first; all those of the weight of the first that
            // finds a passage are searched, so that two words of equal weight left out give
            // their passages side by side, for the ranking to choose between (an article on
            // a car maker's 排放检验信息 without 污染物, the one on 污染物排放信息 without
            // 企业).
            sets.sort_by(|a, b| evidence::total_weight(b).total_cmp(&evidence::total_weight(a)));
            let mut front: Vec<Hit> = Vec::new();
            let mut found_at: Option<f64> = None;
            for set in &sets {
                if found_at.is_some_and(|w| evidence::total_weight(set) < w) {
                    break;
                }
                for h in self
                    .index
                    .search_holding(&request, set)
                    .map_err(|e| AgentError::Search(e.to_string()))?
                {
                    // A repealed law's article holding them all does not pass the law in force.
                    // A fine asked: an article that sets one in 元 comes in beside a top one
                    // that holds as much and sets none (法典第一千零六十八条 on 连带责任 for
                    // "边角料…倒掉了，罚多少", beside 第一千一百六十九条's fine).
                    let w = weight(&h);
                    // One that holds one word less than the best comes in too: "…准入清单里是
                    // 不让建染厂的，我们硬是建了，罚多少" (第一千二百三十四条 says 建设 and 罚款,
                    // not 禁止 nor 印染, which the digest on 准入清单 says, and no fine).
                    let fine_beside = sanction_asked
                        && w >= best - 1.0
                        && evidence::states_money(&h.text)
                        && !top_fines;
                    if h.repealed.is_none()
                        && (w > best || fine_beside)
                        && !front.iter().any(|m| m.chunk_id == h.chunk_id)
                    {
                        front.push(h);
                    }
                }
                if !front.is_empty() {
                    found_at.get_or_insert(evidence::total_weight(set));
                }
            }
            hits = to_front(front, hits);
        }
        // A question in several parts: each part is looked up too, so that a part the whole
        // question's search ranks low (伪造 beside 欺骗取得) still has its passages.
        // Without the frame of a law it names (依据《大气污染防治法》，…): a part's terms are
        // what it asks, not the name of a law whose successor's summaries quote it.
        let unframed = match &status {
            Some(found) if found.successor_doc.is_some() => {
                in_code_words(&strip_name(question, &found.named_as))
            }
            None => named_then.as_ref().map_or_else(
                || question.to_owned(),
                |(_, named_as)| strip_name(question, named_as),
            ),
            _ => question.to_owned(),
        };
        let asked_parts = question::parts(&unframed);
        // A question on what a term means: the article that defines it is looked up.
        let defined = question::defined_term(&unframed);
        if let Some(term) = &defined {
            let front: Vec<Hit> = search(&format!("本法所称{term}是指"), 8, None)?
                .into_iter()
                .filter(|h| evidence::defines(&h.text, term))
                .collect();
            hits = to_front(front, hits);
        }
        // A question on a thing's standing: the text that says what it is.
        let mut role: Vec<String> = Vec::new();
        if let Some(term) = question::role_term(&unframed).filter(|_| defined.is_none()) {
            // The thing in the texts' words too (排污证 → 排污许可证).
            let names: Vec<String> = terms
                .iter()
                .find(|g| g.contains(&term))
                .cloned()
                .unwrap_or_else(|| vec![term.clone()]);
            let mut front: Vec<Hit> = Vec::new();
            for name in &names {
                // In the laws only: a short passage naming the thing often (an
                // approval's permit section) outranks the long article that says it.
                for h in search(
                    &format!("{name} {name}是"),
                    60,
                    Some(lvshen_corpus::DocType::Law),
                )? {
                    if evidence::states_role(&h.text, name)
                        && !front.iter().any(|f| f.chunk_id == h.chunk_id)
                    {
                        front.push(h);
                    }
                }
            }
            tracing::debug!(term, found = front.len(), "a thing's standing asked");
            hits = to_front(front, hits);
            role = names;
        }
        if asked_parts.len() > 1 {
            for part in &asked_parts {
                // The general case of a split asked beside the special one: its clause holds
                // all the part's words, and so does the special one that outranks it.
                let part_hits = if question::general_case(part, &asked_parts) {
                    search(part, 8, None)?
                        .into_iter()
                        .filter(|h| !evidence::titled_special(&h.text, h.context.as_deref()))
                        .collect()
                } else {
                    search(part, 3, None)?
                };
                for h in part_hits {
                    if !hits.iter().any(|m| m.chunk_id == h.chunk_id) {
                        hits.push(h);
                    }
                }
            }
        }
        if let Some(found) = status.as_ref().filter(|f| !f.successor_query.is_empty()) {
            // The successor articles first: the answer rests on the law in force.
            let mut successors = search(&found.successor_query, 3, None)?;
            successors.retain(|h| h.doc == book.code);
            hits = to_front(successors, hits);
        }
        // A named article the table does not map: its successor is sought by its own text
        // (the Code took most articles over with their wording), and goes first.
        let mut content_successors: Vec<String> = Vec::new();
        if let Some(found) = status
            .as_ref()
            .filter(|f| !f.unmapped.is_empty() && f.successor_doc.is_some())
        {
            let mut front: Vec<Hit> = Vec::new();
            for article in &found.unmapped {
                let old = search(&format!("{} {article}", found.title), 5, None)?
                    .into_iter()
                    .find(|h| {
                        question::bare_title(&h.doc) == question::bare_title(&found.title)
                            && h.clause.starts_with(article.as_str())
                    });
                let Some(old) = old else { continue };
                // The old article's words, without its number: its first sentence when that
                // says enough (a later one may restate another article's subject: 环评法第二十八条
                // on 跟踪检查 goes on to the 严重质量问题 of 第三十二条).
                let body = old.text.replacen(article.as_str(), "", 1);
                let first = body.split('。').next().unwrap_or_default();
                let text: String = if first.chars().count() >= 20 {
                    first
                } else {
                    &body
                }
                .chars()
                .take(160)
                .collect();
                for h in search(&text, 10, None)?
                    .into_iter()
                    .filter(|h| h.doc == book.code)
                    .take(2)
                {
                    tracing::debug!(old = %article, new = %h.clause, "successor by content");
                    content_successors.push(h.clause.clone());
                    front.push(h);
                }
            }
            hits = to_front(front, hits);
        }
        // A repealed law named without an article number, asked in its own words: the
        // articles of it that the question's words match best are found in it, and the
        // Code's articles that the succession table says carry them join the pool, matched
        // with the old article's words as well as their own (环境保护法第二十五条 "违反法律法规
        // 规定排放污染物，造成或者可能造成严重污染的…查封、扣押" → 法典第五十二条, which no
        // longer says 排放污染物).
        let (carried, carried_old) = match status.as_ref().filter(|f| {
            f.successor_doc.is_some()
                && f.successor_query.is_empty()
                && f.unmapped.is_empty()
                && !f.status_only
        }) {
            Some(found) => {
                let bridge = self.carried_by_table(found, question, history, &terms, &hits)?;
                // First in the pool: among passages that hold as much of the question, the
                // one that carries the named law's own article on it goes first.
                hits = to_front(bridge.front, hits);
                (bridge.carried, bridge.old)
            }
            None => (Vec::new(), Vec::new()),
        };
        // The answer is sought first in the Code when the question names a law it replaced,
        // and in the named law itself when the question asks about the law as it was.
        let successor_doc = match &status {
            Some(found) => found.successor_doc.clone(),
            None if asks_history => named_then.as_ref().map(|(title, _)| (*title).to_owned()),
            // A document in force the question names (按照《排污许可管理条例》…, 按法典…):
            // its passages before another's that says as much.
            None => question::named_title(question)
                .or_else(|| question.contains("法典").then(|| book.code.clone()))
                .or_else(|| self.title_written_in(question, book)),
        };
        // A standard the question names by its number ("…2014年批的…，按GB 4287这算不算超标"):
        // its passages before past approvals that restate it in a works' words.
        let successor_doc = match successor_doc {
            None if status.is_none() => question::named(question)
                .iter()
                .filter(|n| matches!(n, question::Named::Number(_)))
                .find_map(|n| self.numbered_title(n)),
            found => found,
        };
        // The document the answer is sought in first is searched on its own: a standard that
        // says the question's few words often (GB 12348 on 工业…噪声) can crowd its articles
        // out of the pool, and so can a few of its own articles that a conjunctive search
        // put there ("环保法规定排放污染物应当符合哪些要求": 法典第三百零三条 on 城镇污水, not
        // 第一百五十一条 that says it of all 排放污染物).
        tracing::debug!(?successor_doc, "the document sought first");
        if let Some(doc) = &successor_doc {
            let titles = self.indexed_titles(doc);
            let request = self.request(query.clone(), 5);
            // Not twice: a passage already in the pool keeps its place.
            for h in self
                .index
                .search_within(&request, &titles)
                .map_err(|e| AgentError::Search(e.to_string()))?
            {
                if !hits.iter().any(|m| m.chunk_id == h.chunk_id) {
                    hits.push(h);
                }
            }
        }
        if tools::wants_approvals(question) {
            let approval_query = match filing {
                Some(f) => format!("{query} {}", f.profile()),
                None => query.clone(),
            };
            let approvals = search(&approval_query, 3, Some(lvshen_corpus::DocType::Approval))?;
            if !approvals.is_empty() {
                tools_used.push("similar_approvals".to_owned());
                // Approvals go first, without duplicates.
                let mut merged = approvals;
                for h in hits {
                    if !merged.iter().any(|m| m.chunk_id == h.chunk_id) {
                        merged.push(h);
                    }
                }
                hits = merged;
            }
        }

        let coverage = evidence::coverage(&terms, &hits, 5);
        let coverage = match evidence::coverage(&terms, &carried_old, 2) {
            old if !carried_old.is_empty() && old.ratio > coverage.ratio => old,
            _ => coverage,
        };
        // The law-status sentence answers by itself a question on the law's status, or on
        // named articles (their successors are the answer); a question in the law's own
        // words, when the repealed law has articles on it whose successors are known
        // (`carried_old`). A question that only uses the law as its frame ("按照旧《环境保护法》
        // 的精神，年终奖发几个月") still needs passages on what it asks.
        let status_evidence = usize::from(status.is_some());
        // The succession table answers by itself: the law's status, or named articles.
        let status_answers = status.as_ref().is_some_and(|found| {
            found.status_only || !found.successor_query.is_empty() || !found.unmapped.is_empty()
        });
        let tool_evidence =
            evidence.len() > status_evidence || !carried_old.is_empty() || status_answers;
        // Past approvals restate rules in a project's words: they may show that the question
        // is on a reviewed topic, but the rule that answers it must say at least half of it
        // itself ("印染厂的锅炉操作工需要考什么证": approvals on dyeing projects hold 印染 and
        // 锅炉, no rule holds more than 印染).
        let approvals_wanted = tools::wants_approvals(question);
        let rules: Vec<Hit> = hits
            .iter()
            .filter(|h| approvals_wanted || h.doc_type != "approval")
            .cloned()
            .collect();
        let rules_say = evidence::rules_say(
            &terms,
            &rules,
            &evidence::pollutants_named(question),
            MIN_RULE_COVERAGE,
        );
        // "GB 8978-1996的纸质版在哪里能买到": the standard's number is found wherever the
        // standard is spoken of; what the question asks of it (纸质) must be found too.
        let only_name_found = {
            let asked: Vec<&Vec<String>> = terms
                .iter()
                .filter(|g| !question::names_document(&g[0], question))
                .collect();
            !asked.is_empty()
                && asked.len() < terms.len()
                && asked.iter().all(|g| coverage.missing.contains(&g[0]))
        };
        let mut refused = !tool_evidence
            && (coverage.ratio < evidence::MIN_COVERAGE || !rules_say || only_name_found);
        tracing::debug!(
            ?terms,
            coverage = coverage.ratio,
            missing = ?coverage.missing,
            rules_say,
            only_name_found,
            refused,
            rules = ?rules.iter().take(5).map(|h| format!("{} {}", h.doc, h.clause)).collect::<Vec<_>>(),
            "the gate on the question's words"
        );
        // What the terms of a question that sets a scene are to it, when the scene rule let
        // it through.
        let mut scene_roles = None;
        if refused
            && let Some(SceneAnswer { roles, found }) =
                self.scene_answered(&terms, &terms_text, &rules, defined.as_deref())?
        {
            for h in found {
                if !hits.iter().any(|m| m.chunk_id == h.chunk_id) {
                    hits.push(h);
                }
            }
            // The scene's words no text holds are no terms an answer is held to.
            let (kept, roles): (Vec<_>, Vec<_>) = std::mem::take(&mut terms)
                .into_iter()
                .zip(roles)
                .filter(|(_, role)| *role != evidence::Role::Story)
                .unzip();
            terms = kept;
            scene_roles = Some(roles);
            refused = false;
        }
        // "江苏省的…执行什么地方标准": no text of that province is held.
        let place_unheld = !tool_evidence && {
            let held: Vec<String> = self
                .index
                .manifest()
                .values()
                .map(|entry| entry.title.clone())
                .collect();
            question::unheld_province(question, &held)
                .inspect(
                    |p| tracing::debug!(province = %p, "local rules of a province no text is of"),
                )
                .is_some()
        };
        if refused || place_unheld {
            let closest = self.closest(&terms, &hits);
            on_text(REFUSAL);
            return Ok(Answer::refusal(
                REFUSAL.to_owned(),
                closest,
                tools_used,
                "gate",
                query,
                coverage,
                started,
            ));
        }
        let room = self.options.evidence.saturating_sub(evidence.len()).max(2);
        // Passages holding more of the question's terms first (search order breaks ties):
        // "苯胺类" in a table row beats a clause that only repeats 新建/表2/限值.
        let ranking = evidence::Ranking {
            approvals_wanted,
            prefer_doc: successor_doc,
            current_first: self.options.as_of.is_some() && !asks_history,
            repealed_titles: self
                .options
                .as_of
                .filter(|_| !asks_history)
                .map(|as_of| {
                    book.documents
                        .iter()
                        .filter(|d| !book.status(&d.title, as_of).is_current())
                        .map(|d| d.title.trim_start_matches("中华人民共和国").to_owned())
                        .collect()
                })
                .unwrap_or_default(),
            carried,
            defined,
            role,
            classes: evidence::classes_asked(question),
            which: evidence::asked_which(question, &terms).cloned(),
            what_is: evidence::what_is_object(&terms, question).cloned(),
            choice: evidence::alternatives(&terms, question)
                .map(|(a, b)| std::iter::once(a).chain(b).cloned().collect())
                .unwrap_or_default(),
            // Without the name of a repealed law the question names: "大气污染防治法" would
            // count as the question's wording in every article on 大气污染物.
            ..self.question_ranking(&status.as_ref().map_or_else(
                || question.to_owned(),
                |found| strip_name(question, &found.named_as),
            ))
        };
        let mut hits = evidence::rank_by_terms(&terms, hits, &ranking);
        // A best passage on the counterpart of what is asked (GB 18599 10.3.3 on 地下水 for
        // "…周边土壤一般多久测一次") gives way to the next that names what is asked (10.6.4).
        if let Some((asked, _)) = hits
            .first()
            .and_then(|h| evidence::contrast_instead(&terms, h))
            && let Some(at) = hits.iter().take(5).position(|h| {
                evidence::contrast_instead(&terms, h).is_none()
                    && evidence::haystack(h).contains(asked)
            })
        {
            let named = hits.remove(at);
            hits.insert(0, named);
        }
        // The rule that answers what a question that sets a scene asks goes first: not one
        // that says more of the scene and nothing of what is asked (浙江省水污染防治条例第四十四条
        // on 设施运行 for "…硫化氢…，运行和维护污染防治设施在安全上有什么要求").
        if let Some(roles) = &scene_roles
            && let Some(at) = hits
                .iter()
                .position(|h| evidence::answers_asked(&terms, roles, h))
        {
            let answering = hits.remove(at);
            hits.insert(0, answering);
        }
        // The best passage must speak of what the question asks, however many of its other
        // words it holds:
        // - a how-question ("…许可证怎么办理"): what it asks how to act on, named by the passage
        //   or by the repealed article it carries;
        // - a what-question that names its kind of thing ("需要持什么证上岗"): that kind (not a
        //   note on 污水处理厂 for a question on a worker's licence);
        // - a how-many question ("柯桥区有几个印染产业集聚区"): a count in its unit, whatever
        //   other numbers (a year) the passage holds.
        // A question in a repealed law's words is let through the gate by the old articles it
        // names (`carried_old`), but what it asks must still be what the passage speaks of:
        // "旧环保法里说的环保局，编制一共有多少人" (编制 a plan, in the old law and the Code).
        let only_carried = evidence.len() <= status_evidence && !status_answers;
        if let (true, Some(best)) = (!tool_evidence || only_carried, hits.first()) {
            let carried_holds = |holds: &dyn Fn(&str) -> bool| {
                ranking
                    .carried
                    .iter()
                    .filter(|c| c.doc == best.doc && best.clause.starts_with(c.clause.as_str()))
                    .any(|c| holds(&c.old_text))
            };
            let not_named =
                |word: &str| format!("没有提到问题所问的“{word}”，不能以其他事项的规定代替作答");
            let not_given =
                |what: &str| format!("没有给出问题所问的{what}，不能以其他规定代替作答");
            let mut unheld_object = None;
            // "…平台的网址是什么": what a what-is question asks for, which the passage on the
            // platform does not name.
            // So is the thing a where-question asks the place of ("…管理机构的办公地址在哪里":
            // 地址), when it is a noun (not "…应该存放在哪里", an act).
            let where_object = evidence::where_object(&terms, question)
                .filter(|o| evidence::is_noun(&self.jieba, question, &o[0]));
            let what_is_unnamed = evidence::what_is_object(&terms, question)
                .or(where_object)
                .filter(|o| {
                    evidence::is_specific(o)
                        && !evidence::verb_fragment(&o[0])
                        && !evidence::covered(o, &evidence::haystack(best))
                        && !carried_holds(&|t| evidence::covered(o, &evidence::compact(t)))
                });
            // The thing a how-much question asks the quantity of, which the best passage does
            // not name: no text names it, or it is a thing (a noun: "…能耗限额是多少", 限额)
            // rather than a measure a value in its unit answers (宽度: 每侧不少于一百米).
            if let Some(object) = evidence::how_much_object(&terms, question).filter(|o| {
                evidence::is_specific(o)
                    && !evidence::verb_fragment(&o[0])
                    && !evidence::covered(o, &evidence::haystack(best))
            }) && ((evidence::is_noun(&self.jieba, question, &object[0])
                && !evidence::measure_noun(&object[0]))
                || !self.index_holds_any(object)?)
            {
                unheld_object = Some(object);
            }
            // What a yes-no question asks whether to do, when the best passage names none
            // of it and no text names any of it (a paraphrase, 保密 for 保守秘密, is named
            // somewhere).
            let mut unheld_whether = None;
            let asked = evidence::whether_object(&terms, question);
            let hay = evidence::haystack(best);
            // What it asks whether of, likewise ("…，原件要不要自己去环保局拿": 原件).
            if let Some(subject) = evidence::whether_subject(&terms, question).filter(|g| {
                evidence::is_specific(g)
                    && !evidence::covered(g, &hay)
                    && !carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
            }) && !self.index_holds_any(subject)?
            {
                unheld_whether = Some(subject);
            }
            // What the asked clause says must be done with, likewise ("排污许可证正本要挂在厂里
            // 什么位置": 正本).
            if unheld_whether.is_none()
                && let Some(subject) = evidence::modal_subject(&terms, question).filter(|g| {
                    evidence::is_specific(g)
                        && evidence::is_thing(&self.jieba, question, &g[0])
                        && !evidence::parts_covered(&self.jieba, g, &hay)
                        && !evidence::verb_fragment(&g[0])
                        && !evidence::covered(g, &hay)
                        && !carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
                })
                && !self.index_holds_any(subject)?
            {
                unheld_whether = Some(subject);
            }
            if unheld_whether.is_none()
                && !asked.is_empty()
                && asked.iter().all(|g| {
                    !evidence::covered(g, &hay)
                        && !carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
                })
                && (!self.index_holds_any(asked.iter().flat_map(|g| g.iter()))?
                    || asked.iter().all(|g| {
                        evidence::is_specific(g)
                            && evidence::is_noun(&self.jieba, question, &g[0])
                            && !evidence::verb_fragment(&g[0])
                            && !evidence::spelled_apart(&g[0], &best.text)
                    }))
            {
                unheld_whether = asked.first().copied();
            }
            // A thing (a noun: not an act a text may say otherwise), specific, that the best
            // passage does not name, nor the repealed article it carries.
            let unnamed_thing = |g: &Vec<String>| {
                evidence::is_noun(&self.jieba, question, &g[0])
                    && evidence::is_specific(g)
                    && !evidence::verb_fragment(&g[0])
                    && !evidence::covered(g, &hay)
                    && !carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
            };
            // What a claim asked for a verdict says last ("有人说环保局罚的钱最后都发了执法人员的
            // 奖金，这个说法对吗": 奖金), when it is a thing no text names: no rule judges it.
            if unheld_whether.is_none()
                && let Some(last) =
                    evidence::claim_last_term(&terms, question).filter(|g| unnamed_thing(g))
                && !self.index_holds_any(last)?
            {
                unheld_whether = Some(last);
            }
            // The last of them, what the clause asks of ("…会不会影响周边房价": 房价), when no
            // text names it, it is a thing (a noun: not an act a text may say otherwise) and
            // the best passage holds all the others: the passage that holds the clause's verb
            // (影响) and place (周边) speaks of something else.
            if unheld_whether.is_none()
                && asked.len() >= 2
                && asked[..asked.len() - 1]
                    .iter()
                    .all(|g| evidence::covered(g, &hay))
                && let Some(last) = asked.last().copied().filter(|g| unnamed_thing(g))
                && !self.index_holds_any(last)?
            {
                unheld_whether = Some(last);
            }
            // What a may-we question asks whether it may do, of which one word no text
            // holds and the best passage does not name ("…可不可以全部用英文写": 英文).
            if unheld_whether.is_none() {
                for g in evidence::may_object(&terms, question) {
                    if evidence::is_specific(g)
                        && !evidence::verb_fragment(&g[0])
                        && !evidence::covered(g, &hay)
                        && !carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
                        && !self.index_holds_any(g)?
                    {
                        unheld_whether = Some(g);
                        break;
                    }
                }
            }
            // The pollutant a limit question names, as written (None when it asks no limit).
            let limit_written = evidence::limit_object_written(question);
            // A document in force the question names that never speaks of what it asks: not a
            // repealed law (its successor answers) nor the law as it was.
            let named_lacks = if status.is_none() && !asks_history {
                self.named_doc_lacks(question, &terms)?
            } else {
                None
            };
            let named_refusal = named_lacks.map(|(doc, word, outside)| {
                if outside {
                    format!(
                        "{REFUSAL}：问题所指的{doc}把“{word}”排除在适用范围之外（另有规定），不能以该文件的规定代替作答。"
                    )
                } else {
                    format!(
                        "{REFUSAL}：问题所指的{doc}中没有提到“{word}”，不能以其他文件或其他事项的规定代替作答。"
                    )
                }
            });
            let lacks = evidence::contrast_instead(&terms, best)
                .map(|(asked, instead)| {
                    format!(
                        "说的是“{instead}”，不是问题所问的“{asked}”，不能以其他事项的规定代替作答"
                    )
                })
                .or_else(|| {
                    // "纺织品检测要送什么机构": a rule on 机动车排气污染检测机构 is on a kind of
                    // thing the question never speaks of.
                    evidence::other_kind(&best.text, &evidence::wording(question), true).map(
                        |kind| {
                            format!("说的是“{kind}”，问题没有提到，不能以其他事项的规定代替作答")
                        },
                    )
                })
                .or_else(|| {
                    // What a how-question acts on, and what a how-long one measures ("比对监测
                    // 要连续做几天"): the first of them the passage does not name.
                    [
                        evidence::how_object(&terms, question),
                        evidence::measured_object(&terms, question),
                    ]
                    .into_iter()
                    .flatten()
                    .find(|object| {
                        !carried_holds(&|t| evidence::covered(object, &evidence::compact(t)))
                            && !evidence::covered(object, &evidence::haystack(best))
                    })
                    .map(|object| not_named(&object[0]))
                })
                .or_else(|| {
                    question::what_object(question)
                        .filter(|object| {
                            // In the passage's words or its document's title: the heading
                            // of its chapter (第二章) is no 章 that "盖哪个章" asks for.
                            !carried_holds(&|t| t.contains(object.as_str()))
                                && !best.text.contains(object.as_str())
                                && !best.doc.contains(object.as_str())
                        })
                        .map(|object| not_named(&object))
                })
                .or_else(|| {
                    // "排污许可管理条例是哪个部门负责起草的": the act whose doer is asked, which
                    // an article on who oversees permits (第三条) does not say.
                    question::act_of_whom(question)
                        .filter(|act| {
                            act.iter().any(|a| {
                                !best.text.contains(a.as_str())
                                    && !carried_holds(&|t| t.contains(a.as_str()))
                            })
                        })
                        .map(|act| not_named(&act.concat()))
                })
                .or_else(|| {
                    // "清单里列了哪几种全氟化合物": what is to be listed, of which the article
                    // that sets up the list names nothing.
                    let listed = &ranking.listed;
                    let hay = evidence::haystack(best);
                    (!listed.is_empty()
                        && !listed.iter().any(|g| {
                            evidence::covered(g, &hay)
                                || carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
                        }))
                    .then(|| not_named(&listed[0][0]))
                })
                .or_else(|| {
                    // A licence or certificate the question names ("污水处理站要不要单独办营业
                    // 执照"): a passage that does not name it (GB 4287's note on 单独收集 of
                    // dyeing waste water) has no rule on it, whatever its other words match.
                    let hay = evidence::haystack(best);
                    terms
                        .iter()
                        .find(|g| {
                            question::names_licence(&g[0])
                                && !evidence::covered(g, &hay)
                                && !carried_holds(&|t| evidence::covered(g, &evidence::compact(t)))
                        })
                        .map(|licence| not_named(&licence[0]))
                        .or_else(|| {
                            // "要不要先办CA证书": that licence, not any 证书.
                            question::latin_licence(question)
                                .filter(|l| !hay.to_lowercase().contains(l.as_str()))
                                .map(|l| not_named(&l))
                        })
                })
                .or_else(|| {
                    // "环保局的人来厂里检查，要不要留他们吃饭": what is asked whether to do
                    // (吃饭), which no text names.
                    unheld_whether.map(|object| not_named(&object[0]))
                })
                .or_else(|| what_is_unnamed.map(|object| not_named(&object[0])))
                .or_else(|| {
                    // "测噪声的仪器要送到哪里去检定": where to, which a passage naming no body,
                    // platform or place (GB 12348 5.1.2: 应定期检定合格) does not say.
                    (question::asks_destination(question)
                        && !evidence::names_destination(&best.text)
                        && !carried_holds(&|t| evidence::names_destination(t)))
                    .then(|| not_given("去处"))
                })
                .or_else(|| {
                    // "GB 4287-2012对壬基酚的排放限值是多少": a pollutant the best passage
                    // (a table of others, a catalogue's entry) sets no limit for.
                    let hay = evidence::haystack(best);
                    // "印染污泥里重金属含量的限值是多少": a value, which an article that fines
                    // 含量超标 does not state.
                    if limit_written.is_some() && !evidence::states_limit_value(&best.text) {
                        return Some(not_given("限值"));
                    }
                    let object = evidence::limit_object(&terms, question);
                    // "…面料，甲醛含量不能超过多少": a pollutant's limit asked in spoken words
                    // needs a value in a unit of measure too (not a catalogue's entry number).
                    if object.is_some_and(|o| evidence::is_specific(o))
                        && !evidence::states_limit_value(&best.text)
                        && !evidence::states_duration(&best.text)
                    {
                        return Some(not_given("限值"));
                    }
                    match object {
                        Some(o) if evidence::is_specific(o) => (!evidence::covered(o, &hay)
                            && !carried_holds(&|t| evidence::covered(o, &evidence::compact(t))))
                        .then(|| not_named(&o[0])),
                        // A name the segmenter cuts up (二噁英), as written.
                        _ => limit_written
                            .as_ref()
                            .filter(|o| !hay.contains(o.as_str()))
                            .map(|o| not_named(o)),
                    }
                })
                .or_else(|| {
                    // "GB 4287-2012对壬基酚的排放限值是多少": a limit asked of a standard the
                    // knowledge base holds is that standard's, not a catalogue's entry that
                    // names the pollutant.
                    let named: Vec<question::Named> = question::named(question)
                        .into_iter()
                        .filter(|n| !matches!(n, question::Named::Article(..)))
                        .collect();
                    (evidence::asks_limit(question)
                        && !named.is_empty()
                        && !named.iter().any(|n| {
                            question::hit_is(n, best)
                                || question::digest_covers(
                                    n,
                                    best,
                                    question::asks_succession(question),
                                )
                        }))
                    .then(|| {
                        format!(
                            "不是问题所指文件（{}）的规定，不能以其他文件的限值代替作答",
                            named[0].label()
                        )
                    })
                })
                .or_else(|| {
                    // "环保局的人一个月工资多少": the quantity of a thing no text names (the
                    // best passage is a boiler's monitoring tie-up with 环保部门).
                    unheld_object.map(|object| not_named(&object[0]))
                })
                .or_else(|| {
                    // "印染厂的用水价格是多少": an article on price policy states no number.
                    // A period in words (不得超过一年) is the number a question on how long
                    // asks ("…放多少年也不要紧").
                    (question.contains("多少")
                        && !evidence::states_quantity(evidence::without_label(
                            &best.text,
                            &best.clause,
                        ))
                        && !(question::asks_duration(question)
                            && evidence::states_duration(&best.text)))
                    .then(|| not_given("数值"))
                })
                .or_else(|| {
                    // "明天会不会发布橙色预警", "上个月交接断面的氨氮实测是多少": what happens on a
                    // given day, which a rule never records.
                    question::asks_of_a_day(question)
                        .map(|day| format!("只规定制度，没有载明问题所问时间（{day}）的实际情况"))
                })
                .or_else(|| {
                    // "2027年国家会不会出新的…标准": a year to come, which a text in force
                    // records only where it sets a date in it.
                    self.options
                        .as_of
                        .and_then(|as_of| question::future_year(question, as_of.year))
                        .filter(|year| !best.text.contains(year.as_str()))
                        .map(|year| format!("没有载明问题所问时间（{year}）的情况，不能预测"))
                })
                .or_else(|| {
                    // "2023年柯桥出过哪些印染废水污染事故": events, which a rule on risks and
                    // emergency pools does not record.
                    question::asks_past_events(question)
                        .then(|| "只规定制度和要求，没有载明问题所问的已发生事件".to_owned())
                })
                .or_else(|| {
                    // "定型机废气里的油烟浓度一般实测有多高": what works emit in practice, which a
                    // limit does not record.
                    question::asks_measured(question)
                        .then(|| "只规定限值或要求，没有载明问题所问的实测情况".to_owned())
                })
                .or_else(|| {
                    // "排污许可证编号在全国平台上怎么查不到了": a fault of a system, which the
                    // article that sets the system up does not settle.
                    question::reports_system_fault(question)
                        .then(|| "只规定制度，不涉及问题所问的系统操作故障".to_owned())
                })
                .or_else(|| {
                    // "柯桥有哪几家公司拿到了危废经营许可证": a firm by name, which a rule on who
                    // must hold a licence does not give.
                    (question::asks_which_firm(question) && !ranking.approvals_wanted)
                        .then(|| "只规定一般要求，没有点名问题所问的具体单位".to_owned())
                })
                .or_else(|| {
                    // "冷却塔多久要清洗一次": how often an act is done, which a passage that sets
                    // the frequency of another act (每 6 个月…检测) does not say. The act's last
                    // character stands for it (测 of 监测 is in 检测).
                    question::how_often_act(question)
                        .filter(|act| {
                            let last = act.chars().last().map(String::from).unwrap_or_default();
                            !best.text.contains(&last) && !carried_holds(&|t| t.contains(&last))
                        })
                        .map(|act| not_named(&act))
                })
                .or_else(|| {
                    // "那家环评公司现在还在不在": a firm's fortunes, which no rule records.
                    question::asks_firm_status(question)
                        .then(|| "只规定一般要求，不记载问题所问的具体单位的经营状况".to_owned())
                })
                .or_else(|| {
                    // "排污许可证是哪个工作人员审批的": the body that acts, never its staff.
                    question::asks_which_person(question)
                        .then(|| "只规定由哪个部门负责，没有点名问题所问的具体人员".to_owned())
                })
                .or_else(|| {
                    // "柯桥哪个镇的印染厂最多": no text ranks places or firms.
                    question::asks_ranking(question)
                        .then(|| "没有对问题所问的地方或单位作排名比较".to_owned())
                })
                .or_else(|| {
                    // "为什么绍兴的印染企业都要集中到滨海工业区去": a reason, which a passage
                    // on the plan's targets does not give. A rule that imposes what is asked
                    // ("为什么不能在水源地设排污口": 禁止) is an answer to why it must be.
                    (question::asks_reason(question)
                        && !evidence::states_reason(&best.text)
                        && !(question::asks_why_must(question) && evidence::imposes(&best.text)))
                    .then(|| not_given("原因"))
                })
                .or_else(|| {
                    // "平台是哪一年上线的": a year, which the article that sets up the platform
                    // does not state.
                    (question::asks_year(question) && !evidence::states_year(&best.text))
                        .then(|| not_given("年份或日期"))
                })
                .or_else(|| {
                    // "罗茨风机的配件去哪里买": a seller, which a catalogue row on making fans
                    // does not name.
                    (question::asks_where_to_buy(question)
                        && !["购买", "采购", "销售", "购置"]
                            .iter()
                            .any(|w| best.text.contains(w)))
                    .then(|| not_named("购买"))
                })
                .or_else(|| {
                    // "编制说明在哪里可以下载": where to download, which a standard's preface
                    // does not say.
                    (question::asks_download(question) && !best.text.contains("下载"))
                        .then(|| not_named("下载"))
                })
                .or_else(|| {
                    // "浙江省对印染企业的要求比国家标准严多少": a difference, which a passage
                    // that states none (a digest on risks) does not give.
                    (question::asks_difference(question)
                        && !evidence::states_difference(&best.text))
                    .then(|| not_given("差值"))
                })
                .or_else(|| {
                    // "重点保护区的面积有多大": an area, which a width (堤岸每侧一百米) is not.
                    (question::asks_area(question) && !evidence::states_area(&best.text))
                        .then(|| not_given("面积"))
                })
                .or_else(|| {
                    // "执行报告是寄纸质的还是发邮件": a choice, of which the passage names
                    // neither side.
                    let hay = evidence::haystack(best);
                    evidence::alternatives(&terms, question)
                        .filter(|(a, b)| {
                            b.is_none_or(|b| *a != b)
                                && !evidence::covered(a, &hay)
                                && !b.is_some_and(|b| evidence::covered(b, &hay))
                                && !carried_holds(&|t| {
                                    let t = evidence::compact(t);
                                    evidence::covered(a, &t)
                                        || b.is_some_and(|b| evidence::covered(b, &t))
                                })
                        })
                        .map(|(a, _)| not_named(&a[0]))
                })
                .or_else(|| {
                    // "申请系统晚上几点关闭": an hour, which the article setting up the
                    // platform does not state.
                    (question::asks_clock_time(as_asked)
                        && !evidence::states_clock_time(&best.text))
                    .then(|| not_given("时间"))
                })
                .or_else(|| {
                    // "废水排放量占全市工业废水排放量的多少": a share, which a plan's count of
                    // works moved and closed does not state.
                    (question::asks_share(question) && !evidence::states_share(&best.text))
                        .then(|| not_given("比例"))
                })
                .or_else(|| {
                    // "这几年是多了还是少了": which way things went, which no rule records.
                    question::asks_trend(question)
                        .then(|| "只规定制度和要求，没有载明问题所问的变化趋势".to_owned())
                })
                .or_else(|| {
                    // "你怎么看…的做法": a view of a policy or a prospect, which no text holds.
                    question::asks_opinion(question)
                        .then(|| "只规定制度和要求，不评价问题所问的做法、政策或前景".to_owned())
                })
                .or_else(|| {
                    // "改天然气有多少补贴": a sum of public money, which an article on what a
                    // government shall fund (加大财政投入) or an emission table does not state.
                    (question::asks_funds(question) && !evidence::states_money(&best.text))
                        .then(|| not_given("金额"))
                })
                .or_else(|| {
                    // "投诉电话是多少", "…的号码": a number to dial, not a period in 工作日.
                    (question::asks_number_to_dial(question)
                        && !evidence::states_phone_number(&best.text))
                    .then(|| not_named("号码"))
                })
                .or_else(|| {
                    // "环评公司一般收多少钱" (多少钱 → 价格多少): a price, which no article on
                    // who may charge (不得…收取任何费用) states, nor one measured against a
                    // market price (碳排放配额的价格是多少).
                    // A cost ("一吨蒸汽的成本会高多少") is a price of making a thing.
                    let asks_amount = question.contains("多少") || question.contains("几");
                    question::price_asked(question)
                        .filter(|_| !evidence::answers_price(&best.text, asks_amount))
                        .map(not_named)
                })
                .or_else(|| {
                    // "水资源费一吨收多少": a fee's amount, which an article that only says the
                    // fee is due (应当…缴纳水资源费) does not state.
                    (question::asks_fee_amount(question)
                        && !evidence::answers_price(&best.text, true))
                    .then(|| not_given("金额"))
                })
                .or_else(|| {
                    // "印染厂的污水管道要埋多深": a length, which a passage without one (GB
                    // 4287 3.9 on 纳污管道, which counts 两家以上 排污单位) does not give.
                    (question::asks_size(as_asked) && !evidence::states_length(&best.text))
                        .then(|| not_given("数值"))
                })
                .or_else(|| {
                    // "一本环评报告书一般要做多久才能做完": a period, which a passage that states
                    // none (GB 16297 6.3 on the approval date that makes a source new) does
                    // not give.
                    // Asked as written: the rewriting makes 多久练一次 多久演练, no longer a
                    // frequency.
                    // The period must be stated where the passage speaks of what is asked:
                    // 建设项目环境保护管理条例第九条's 六十日 is the term for a 报告书, not for
                    // "登记表备案以后多久网上查到" (its sentence on 登记表 states none).
                    (question::asks_period(as_asked)
                        && !evidence::states_where_asked(&terms, question, &best.text, |s| {
                            evidence::states_duration(s)
                        }))
                    .then(|| not_given("期限"))
                })
                .or_else(|| {
                    // "环保部门来厂里即时采样，采样费用由谁出": the thing a who-question asks who
                    // acts on, whose head (费用) the best passage (GB 4287 6.2 on 即时采样)
                    // never names.
                    question::acted_on(question)
                        .and_then(|on| {
                            evidence::key_terms(&self.jieba, on)
                                .into_iter()
                                .rfind(|g| evidence::is_specific(g))
                        })
                        // A thing (费用), not an act ("…报告交给谁，由谁组织评审": 交给).
                        .filter(|head| {
                            evidence::is_noun(&self.jieba, question, &head[0])
                                && !evidence::verb_fragment(&head[0])
                                && !evidence::covered(head, &evidence::haystack(best))
                                && !carried_holds(&|t| {
                                    evidence::covered(head, &evidence::compact(t))
                                })
                        })
                        .map(|head| not_named(&head[0]))
                })
                .or_else(|| {
                    // "按GB 8978，甲醛排进有二级污水处理厂的城镇下水道，最多能排多少": the
                    // pollutants whose amount is asked, none of which the best passage names
                    // (GB 8978 4.1 says which class a sewer's water meets, not what 甲醛 may
                    // be in it).
                    let asked: Vec<String> = evidence::pollutants_named(question)
                        .into_iter()
                        .filter(|p| question::asks_amount_of(question, p))
                        .collect();
                    let hay = evidence::haystack(best);
                    (!asked.is_empty()
                        && !asked.iter().any(|p| {
                            hay.contains(&evidence::compact(p))
                                || carried_holds(&|t| t.contains(p.as_str()))
                        }))
                    .then(|| not_named(&asked[0]))
                })
                .or_else(|| {
                    // "VOCs废气处理设施的吸收液pH值应该控制在多少": the thing whose value is
                    // asked, which the best passage names only among things to be recorded
                    // (GB 37822 10.4: 运行时间、…、吸收液 pH 值等关键运行参数), with no value.
                    evidence::valued_object(&terms, as_asked)
                        .filter(|o| evidence::named_without_value(o, &best.text))
                        .map(|o| not_given(&format!("“{}”的数值", o[0])))
                })
                .or_else(|| {
                    // "跟踪检查一般多久来一次": how often, which an article that only says the
                    // check is made (法典第一百一十条: 应当…进行跟踪检查) does not give.
                    (question::asks_frequency(as_asked) && !evidence::states_frequency(&best.text))
                        .then(|| not_given("频次"))
                })
                .or_else(|| {
                    // "处理过的水能不能拿来喝": an everyday act (喝), which a passage on 排污口
                    // never says, in its words or the texts' (饮用).
                    question::everyday_act(question)
                        .filter(|(_, said)| {
                            !said
                                .iter()
                                .any(|w| best.text.contains(w) || carried_holds(&|t| t.contains(w)))
                        })
                        .map(|(act, _)| not_named(act))
                })
                .or_else(|| {
                    // "…资质是不是真的，环保局能帮忙查一下吗": the service asked for (查), which
                    // the best passage (a penalty on 监测机构) never says.
                    question::service_act(question)
                        .filter(|act| !best.text.contains(*act))
                        .map(|act| not_named(&act.to_string()))
                })
                .or_else(|| {
                    // "柯桥的印染厂现在还招不招染色工": the act asked whether (招), which the
                    // best passage (on the district's works being merged) never says.
                    question::a_not_a_verb(question)
                        .filter(|verb| !best.text.contains(*verb))
                        .map(|verb| not_named(&verb.to_string()))
                })
                .or_else(|| {
                    question::count_unit(question)
                        .filter(|unit| !evidence::states_count(&best.text, *unit))
                        .map(|unit| {
                            format!("没有给出问题所问的数目（几{unit}），不能以其他数字代替作答")
                        })
                })
                .or_else(|| {
                    // "绍兴的印染企业一共有多少家": a count of what there is now, which a
                    // digest's counts of 2010 (当时全县203家) or a plan's target do not give.
                    question::asks_current_total(question)
                        .filter(|unit| !evidence::states_current_count(&best.text, *unit))
                        .map(|_| {
                            "只载明过去某一时间的数目或规划目标，没有载明问题所问的现有数目"
                                .to_owned()
                        })
                })
                .or_else(|| {
                    // "排污许可证上的二维码扫出来能看到哪些信息": a list of what a thing the
                    // best passage only lists among its 下列信息 holds (排污许可管理条例第十三条:
                    // (二)…证书编号和二维码等).
                    let noun = question::asks_list(question)
                        .then(|| question::list_noun(question))
                        .flatten()?;
                    evidence::named_only_as_item(&terms, &noun, &best.text, |g| {
                        question::names_document(&g[0], question)
                            || !evidence::is_noun(&self.jieba, question, &g[0])
                    })
                    .map(|g| {
                        format!(
                            "只把“{}”列为所载{noun}中的一项，没有列出问题所问的“{}”本身的{noun}",
                            g[0], g[0]
                        )
                    })
                });
            if let Some(text) = named_refusal
                .or_else(|| lacks.map(|lacks| format!("{REFUSAL}：最相关的条款{lacks}。")))
            {
                let closest = self.closest(&terms, &hits);
                on_text(&text);
                return Ok(Answer::refusal(
                    text, closest, tools_used, "gate", query, coverage, started,
                ));
            }
        }
        // The law's own words are quoted, not our digest's summary of them (a question in
        // several parts keeps the summaries: each part's answer is found in its own, and a
        // whole article's text would stand for parts it does not answer).
        if asked_parts.len() <= 1 {
            hits = self.official_texts(hits)?;
        }
        // A named article of a repealed law: the Code's articles that took it over answer
        // "现在由哪一条规定", not an article that shares its number or its words.
        if let Some(found) = status.as_ref() {
            let first: Vec<&String> = found
                .successor_clauses
                .iter()
                .chain(&content_successors)
                .collect();
            if !first.is_empty() {
                let code = &book.code;
                // In the table's order: the article it names first carries the provision.
                hits.sort_by_key(|h| {
                    first
                        .iter()
                        .position(|c| h.doc == *code && h.clause.starts_with(c.as_str()))
                        .unwrap_or(first.len())
                });
            }
        }
        // A table for existing enterprises (GB 4287 表1: until 2014-12-31) answers only a
        // question about existing enterprises; otherwise the table in force comes first.
        if !question.contains("现有") {
            hits.sort_by_key(|h| {
                h.clause.starts_with('表')
                    && h.text
                        .chars()
                        .take(40)
                        .collect::<String>()
                        .contains("现有企业")
            });
        }
        // A question that asks several things (two question marks, 分别/各, 和): the
        // passages keep what answers each part.
        let named_parts: Vec<(String, Vec<Vec<String>>)> = asked_parts
            .into_iter()
            .map(|p| {
                let t = evidence::key_terms(&self.jieba, &p);
                (p, t)
            })
            .filter(|(_, t)| !t.is_empty())
            .collect();
        // A later part that shares no term with the first one speaks of the first one's
        // subject ("排污许可证有效期是几年？延续申请应在…多少日提出？": the 延续 of 排污许可证,
        // not of a 取水许可证).
        let mut named_parts = named_parts;
        if let Some(subject) = named_parts.first().and_then(|(_, t)| t.first().cloned()) {
            let first = named_parts[0].1.clone();
            for (_, t) in named_parts.iter_mut().skip(1) {
                if !t.iter().any(|g| first.iter().any(|f| f[0] == g[0])) {
                    t.insert(0, subject.clone());
                }
            }
        }
        // A later part said by ellipsis ("I类场能不能用原来的土层当防渗层？II类场又要用什么？")
        // asks the first part's question of another thing: it borrows the first part's
        // object, the term said last in it.
        if let Some((first_text, first_terms)) = named_parts.first().cloned() {
            let object = first_terms
                .iter()
                .filter_map(|g| {
                    g.iter()
                        .filter_map(|w| first_text.rfind(w.as_str()))
                        .max()
                        .map(|at| (at, g))
                })
                .max_by_key(|(at, _)| *at)
                .map(|(_, g)| g.clone());
            if let Some(object) = object {
                for (p, t) in named_parts.iter_mut().skip(1) {
                    if question::elliptical(p) && !t.contains(&object) {
                        t.push(object.clone());
                    }
                }
            }
        }
        // A case split's later part said by ellipsis ("…悬浮物一般卡多少？在执行特别排放限值的
        // 地方呢？", "…在用…？新装的呢？") asks the first part's question of the other case.
        // Of a case split, 一般 only hedges the general part ("颗粒物一般卡多少"): the clause
        // of the general case does not say it.
        let texts: Vec<String> = named_parts.iter().map(|(p, _)| p.clone()).collect();
        if question::is_case_split(&texts) && evidence::only_hedging_yiban(question) {
            for (_, t) in named_parts.iter_mut() {
                t.retain(|g| g[0] != "一般");
            }
        }
        if let Some((_, first_terms)) = named_parts.first().cloned() {
            for (p, t) in named_parts.iter_mut().skip(1) {
                if let Some(case) = question::case_terms(p, &texts, t, &first_terms)
                    .or_else(|| question::counterpart_terms(p, t, &first_terms))
                {
                    *t = case;
                }
            }
        }
        let part_terms: Vec<Vec<Vec<String>>> =
            named_parts.iter().map(|(_, t)| t.clone()).collect();
        let hits = evidence::each_part_first(&part_terms, hits, &ranking);
        let parts: Vec<Vec<Vec<String>>> = std::iter::once(terms.clone())
            .chain(named_parts.iter().map(|(_, t)| t.clone()))
            .filter(|t| !t.is_empty())
            .collect();
        // A legal question whose best passages are all past approvals has no rule to rest
        // on: a precedent is not presented as the rule.
        if !tool_evidence
            && !ranking.approvals_wanted
            && !hits.is_empty()
            && hits.iter().take(room).all(|h| h.doc_type == "approval")
        {
            let closest = self.closest(&terms, &hits);
            let text = format!(
                "{REFUSAL}：检索到的只有过往审批案例，没有可作为依据的法规或标准条款；案例不能代替规定作答。"
            );
            on_text(&text);
            return Ok(Answer::refusal(
                text,
                closest,
                tools_used,
                "precedent_only",
                query,
                coverage,
                started,
            ));
        }
        let duty_holder = question::duty_holder(question)
            .map(|holder| evidence::key_terms(&self.jieba, holder))
            .unwrap_or_default();
        // The act whose object is asked: the key term the words before a closing 什么 end with.
        // Or the act a yes-no question asks whether may be done ("…，能交付使用吗": 交付使用).
        // Or the act a who-question asks the doer of ("…，具体办法由谁规定": 规定), which the
        // sentence after the rule may say alone (具体办法由省人民政府规定).
        let by_whom: Option<Vec<String>> = question::act_by_whom(question)
            .and_then(|act| act.last().cloned())
            .filter(|act| act.chars().count() >= 2)
            .map(|act| vec![act]);
        let asked_act = question::asked_act(question)
            .or_else(|| question::asked_whether_act(question))
            .and_then(|before| {
                parts
                    .iter()
                    .flatten()
                    .find(|g| g[0].chars().count() >= 2 && before.ends_with(g[0].as_str()))
            })
            .or(by_whom.as_ref());
        let hints = evidence::Hints {
            duty_holder: &duty_holder,
            carried: &ranking.carried,
            asks_when: ranking.asks_when,
            defined: ranking.defined.as_deref(),
            size: numerals::stated_size(question),
            asks_duration: ranking.asks_duration,
            new_works: question::about_new_works(question),
            asks_responsibility: question::asks_responsibility(question),
            asks_purpose: question::asks_purpose(question),
            asked_act: asked_act.map(Vec::as_slice),
            pollutants: &ranking.pollutants,
            asks_name: question::asks_name(question),
        };
        evidence.extend(evidence::focus_parts(
            &parts,
            &hints,
            &hits,
            room,
            self.options.evidence_chars,
        ));

        // An amendment (修改单) of the standard whose table the answer quotes: its notes on
        // the quoted rows are quoted with them (GB 4287's note (3): into a municipal plant,
        // the direct limits bind).
        let mut notes = self.amendment_notes(&evidence, question)?;
        if !notes.is_empty() {
            tools_used.push("amendment".to_owned());
        }
        // A regulation's article that the Code now also covers: the Code's article with it.
        let (code_held, code) = self.code_companions(&evidence, &terms)?;
        if !code.is_empty() {
            notes.extend(evidence::focus_parts(
                &parts,
                &hints,
                &code,
                code.len(),
                self.options.evidence_chars,
            ));
        }
        let companions: Vec<usize> = code_held
            .into_iter()
            .chain(evidence.len()..evidence.len() + notes.len())
            .collect();
        evidence.extend(notes);

        for (i, e) in evidence.iter().enumerate() {
            tracing::debug!(n = i + 1, label = %e.label(), text = %e.text, "evidence");
        }
        tracing::debug!(terms = ?terms, coverage = coverage.ratio, "retrieval");
        let specific = evidence::specific_terms(&terms);
        let claims = verify::Claims::new(&evidence, &terms, question);
        let mut writer = AnswerWriter::new(&evidence, question, specific, claims);
        writer.companions = companions;
        writer.cite_only_quoted(&named_parts);
        let mut method = "extract".to_owned();
        if let Some(found) = &status {
            // Deterministic, from the table: the law's status opens the answer.
            writer.push(&found.sentence, &[0], on_text);
            writer.base = writer.text.len();
            if found.status_only {
                let (answer, citations, ungrounded) = writer.finish();
                return Ok(Answer {
                    answer,
                    citations,
                    refused: false,
                    closest: Vec::new(),
                    tools: tools_used,
                    method: "law_status".to_owned(),
                    ungrounded,
                    retrieval_query: query,
                    coverage,
                    seconds: started.elapsed().as_secs_f64(),
                });
            }
        }
        // A quantity read off a table: the small model misreads paired columns (直接/间接
        // 排放 "15/30"), measured on the evaluation set; the table row itself is quoted.
        let table_lookup =
            wants_number(question) && evidence.first().is_some_and(|e| e.clause.starts_with('表'));
        // A named article of a repealed law (the table says where it is now, the successor
        // is quoted), a list, a question that asks several things, or a quantity with a case
        // split in its clause: the clause is quoted whole. Measured on the development half of the
        // second evaluation set: the small model answered these with one item or one branch
        // (list 0/4, case 0/1 with the model; 4/4 and 1/1 quoted).
        let structured = status
            .as_ref()
            .is_some_and(|f| !f.successor_clauses.is_empty() || !f.unmapped.is_empty())
            || question::asks_list(question)
            || !question::parts(question).is_empty()
            || (wants_number(question)
                && evidence
                    .iter()
                    .find(|e| e.source != tools::SUCCESSION_SOURCE)
                    .is_some_and(|e| evidence::has_case_split(&e.text)));
        if let Some(llm) = self.llm.filter(|_| !table_lookup && !structured) {
            let chat = build_chat(&evidence, question, history, &query);
            let params = GenerationParams {
                max_tokens: self.options.max_tokens,
                repeat_penalty: 1.1,
                ..GenerationParams::default()
            };
            let mut pending = String::new();
            llm.generate(&chat, &params, cancel, &mut |piece| {
                pending.push_str(piece);
                let mut parts = verify::sentences(&pending);
                // The last part may be unfinished: keep it for later.
                let complete = pending.ends_with(['。', '！', '？', '\n', '；', ']', '】']);
                let keep = if complete { None } else { parts.pop() };
                for sentence in parts {
                    writer.offer(&sentence, on_text);
                }
                pending = keep.unwrap_or_default();
            })?;
            if !pending.trim().is_empty() {
                writer.offer(&pending, on_text);
            }
            if !writer.is_empty() {
                method = "model".to_owned();
            }
        }
        // The clause the answer rests on is quoted after the model's reading of it (rules
        // decide, the model explains): the reviewer sees the exact text, and a verified model
        // sentence that left out a branch, an item or a number is completed by the clause
        // itself. For a question that asks several things, the best passage of each part.
        if !writer.is_empty() {
            method = "model+extract".to_owned();
        }
        writer.extract(&named_parts, on_text);
        writer.say_period_left_open(on_text);
        let (answer, citations, ungrounded) = writer.finish();
        Ok(Answer {
            answer,
            citations,
            refused: false,
            closest: Vec::new(),
            tools: tools_used,
            method,
            ungrounded,
            retrieval_query: query,
            coverage,
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}

/// What [`Agent::carried_by_table`] found: the Code articles that carry the repealed law's
/// sentences on the question, their passages to put first in the pool, and the old articles
/// (they say the question's words: the knowledge base does speak to it).
#[derive(Default)]
struct Bridge {
    carried: Vec<evidence::Carried>,
    front: Vec<Hit>,
    old: Vec<Hit>,
}

/// `front` first, then the rest of `hits` without the passages `front` already holds.
fn to_front(mut front: Vec<Hit>, hits: Vec<Hit>) -> Vec<Hit> {
    let rest: Vec<Hit> = hits
        .into_iter()
        .filter(|h| !front.iter().any(|f| f.chunk_id == h.chunk_id))
        .collect();
    front.extend(rest);
    front
}

/// A question put in a repealed law's words, in the Code's: the Code joined the laws on each
/// medium and speaks of 污染物 where they spoke of 大气污染物 or 水污染物 ("未取得排污许可证
/// 排放大气污染物的" is fined by the Code's article on 排放污染物 without a permit).
fn in_code_words(query: &str) -> String {
    query
        .replace("大气污染物", "污染物")
        .replace("水污染物", "污染物")
}

/// `query` without the name of a law (and the 《》, 老/旧/原, …里的/…规定, 按照/根据/依据 and comma
/// around it).
fn strip_name(query: &str, name: &str) -> String {
    // The name with the words that date it (老/旧/原…) and place the question in it (…里的,
    // …规定).
    let mut marked = query
        .replace(&format!("《中华人民共和国{name}》"), "\0")
        .replace(&format!("《{name}》"), "\0")
        .replace(&format!("中华人民共和国{name}"), "\0")
        .replace(name, "\0");
    for before in [
        "已经废止的",
        "已废止的",
        "原来的",
        "以前的",
        "老",
        "旧",
        "原",
    ] {
        marked = marked.replace(&format!("{before}\0"), "\0");
    }
    // …and the 规定 that points at it ("环保法规定…"): every article 规定s something.
    for after in ["里面的", "里的", "中的", "里", "中", "规定的", "规定"] {
        marked = marked.replace(&format!("\0{after}"), "\0");
    }
    let mut q = marked.replace('\0', "");
    for frame in ["按照", "根据", "依据", "依照"] {
        q = q
            .replace(&format!("{frame}，"), "")
            .replace(&format!("{frame},"), "");
        if let Some(rest) = q.strip_prefix(frame) {
            q = rest.to_owned();
        }
    }
    // "按《水污染防治法》，…": 按 alone would also strip 按日连续处罚.
    if let Some(rest) = q.strip_prefix("按，") {
        q = rest.to_owned();
    }
    let q = q.replace("规定，", "").replace("规定的", "");
    let q = q.trim_start_matches(['，', ',', ' ']).trim().to_owned();
    if q.chars().count() < 4 {
        query.to_owned()
    } else {
        q
    }
}

/// The user prompt for `evidence` and `question` (`prompts/qa_user.md`).
pub fn render_user_prompt(
    evidence: &[Evidence],
    question: &str,
    history: &[Turn],
    query: &str,
) -> String {
    let passages: Vec<String> = evidence
        .iter()
        .enumerate()
        .map(|(i, e)| format!("[{}] {}：{}", i + 1, e.label(), e.text))
        .collect();
    let history = match history.last() {
        Some(last) if query != question => format!("上一个问题：{}\n", last.question),
        _ => String::new(),
    };
    USER_PROMPT
        .replace("{evidence}", &passages.join("\n"))
        .replace("{history}", &history)
        .replace("{question}", question)
}

/// Collects verified sentences and numbers citations in order of first use.
struct AnswerWriter<'e> {
    evidence: &'e [Evidence],
    question: &'e str,
    /// The question's specific key terms (and their synonyms).
    terms: Vec<String>,
    text: String,
    /// Where the answer proper starts (after the law-status sentence, if any).
    base: usize,
    /// Evidence indexes in citation order.
    order: Vec<usize>,
    dropped: Vec<Dropped>,
    seen: Vec<String>,
    /// The quantities of the evidence a claim may state ([`verify::Claims`]).
    claims: verify::Claims,
    /// The passages the answer will quote ([`AnswerWriter::select`]): the model's sentences
    /// explain those clauses and may cite only them.
    quoted: Option<Vec<usize>>,
    /// Passages quoted right after the first one whatever the parts ask: an amendment's
    /// notes on the table rows it quotes.
    companions: Vec<usize>,
}

impl<'e> AnswerWriter<'e> {
    fn new(
        evidence: &'e [Evidence],
        question: &'e str,
        terms: Vec<String>,
        claims: verify::Claims,
    ) -> Self {
        AnswerWriter {
            evidence,
            question,
            terms,
            text: String::new(),
            base: 0,
            order: Vec::new(),
            dropped: Vec::new(),
            seen: Vec::new(),
            claims,
            quoted: None,
            companions: Vec::new(),
        }
    }

    /// From now on a sentence may cite only the passages the answer quotes for `parts`.
    fn cite_only_quoted(&mut self, parts: &[(String, Vec<Vec<String>>)]) {
        self.quoted = Some(self.select(parts).0);
    }

    fn is_empty(&self) -> bool {
        self.text.len() <= self.base
    }

    fn on_topic(&self, text: &str) -> bool {
        let said = evidence::compact(text);
        self.terms.is_empty()
            || self
                .terms
                .iter()
                .any(|t| said.contains(&evidence::compact(t)))
    }

    fn offer(&mut self, sentence: &str, on_text: &mut dyn FnMut(&str)) {
        match verify::verify_sentence_with(sentence, self.evidence, &self.terms) {
            Ok(v) if verify::restates(&v.text, self.question) => {
                self.dropped.push(Dropped {
                    sentence: sentence.trim().to_owned(),
                    reason: "只是复述问题".to_owned(),
                });
            }
            // A faithful copy of a passage that is not about the question is still no answer:
            // the sentence must name something the question asks about.
            Ok(v) if !self.on_topic(&v.text) => {
                self.dropped.push(Dropped {
                    sentence: sentence.trim().to_owned(),
                    reason: "与问题无关".to_owned(),
                });
            }
            Ok(v) => {
                // The claim as a whole: its quantities must be the question's, as the best
                // passage states them.
                let checked = self
                    .claims
                    .check_wording(&v.text, &self.terms)
                    .and_then(|()| self.claims.check_new_content(&v.text, &v.cites))
                    .and_then(|()| self.claims.check(&v.text));
                let cites = match checked {
                    Ok(used) => {
                        let mut cites = v.cites.clone();
                        cites.extend(used);
                        cites.sort_unstable();
                        cites.dedup();
                        // The model explains the clause the answer quotes: a sentence resting
                        // on another passage says something the quote does not carry.
                        if let Some(quoted) = &self.quoted {
                            cites.retain(|c| {
                                quoted.contains(c)
                                    || self.evidence[*c].source == tools::SUCCESSION_SOURCE
                            });
                            if cites.is_empty() {
                                self.dropped.push(Dropped {
                                    sentence: sentence.trim().to_owned(),
                                    reason: "所引段落不是答案引述的条文".to_owned(),
                                });
                                return;
                            }
                        }
                        cites
                    }
                    Err(reason) => {
                        tracing::debug!(sentence = %v.text, %reason, "claim dropped");
                        self.dropped.push(Dropped {
                            sentence: sentence.trim().to_owned(),
                            reason,
                        });
                        return;
                    }
                };
                let key = evidence::compact(&v.text);
                if self.seen.contains(&key) {
                    return;
                }
                self.seen.push(key);
                self.push(&v.text, &cites, on_text);
            }
            Err(d) => {
                tracing::debug!(sentence = %d.sentence, reason = %d.reason, "sentence dropped");
                self.dropped.push(d);
            }
        }
    }

    fn push(&mut self, text: &str, cites: &[usize], on_text: &mut dyn FnMut(&str)) {
        let mut markers = String::new();
        for &i in cites {
            let n = match self.order.iter().position(|&o| o == i) {
                Some(p) => p + 1,
                None => {
                    self.order.push(i);
                    self.order.len()
                }
            };
            markers.push_str(&format!("[{n}]"));
        }
        let body = text.trim_end_matches(['。', '；', '\n']);
        let piece = format!("{body}{markers}。");
        on_text(&piece);
        self.text.push_str(&piece);
    }

    /// The best passage, quoted (the succession table's sentence is already said); for a
    /// question in several `parts`, also the best passage for each part that the first does
    /// not answer as well (新建 and 在用 limits stand in two tables), and a part no passage
    /// answers is said to be unsupported rather than left out.
    fn extract(&mut self, parts: &[(String, Vec<Vec<String>>)], on_text: &mut dyn FnMut(&str)) {
        let (chosen, unsupported) = self.select(parts);
        for i in chosen {
            let e = &self.evidence[i];
            // PDF articles begin with their own number ("第二十条实行…"): said once.
            let body = e
                .text
                .strip_prefix(e.clause.as_str())
                .filter(|_| e.clause.starts_with('第'))
                .unwrap_or(&e.text)
                .trim_start();
            let text = format!("依据{}：{}", e.label(), body.trim_end_matches('。'));
            self.push(&text, &[i], on_text);
        }
        for part in unsupported {
            let piece = format!("关于“{part}”，知识库中未找到依据。");
            on_text(&piece);
            self.text.push_str(&piece);
        }
    }

    /// For a how-often question ("监理情况多久报告一次") whose cited passages set no period
    /// and say only that it is done 定期 (适时, 随时): the answer says so, rather than let 定期
    /// stand for a period the texts do not set.
    fn say_period_left_open(&mut self, on_text: &mut dyn FnMut(&str)) {
        if !question::asks_frequency(self.question) {
            return;
        }
        let cited: Vec<&str> = self
            .order
            .iter()
            .map(|&i| self.evidence[i].text.as_str())
            .collect();
        if cited.iter().any(|t| evidence::counts_frequency(t)) {
            return;
        }
        if let Some(word) = cited.iter().find_map(|t| evidence::left_open_frequency(t)) {
            let piece = format!("所引条文只规定“{word}”进行，没有规定具体的时间间隔或次数。");
            on_text(&piece);
            self.text.push_str(&piece);
        }
    }

    /// The passages [`extract`](Self::extract) quotes, and the parts no passage answers.
    fn select(&self, parts: &[(String, Vec<Vec<String>>)]) -> (Vec<usize>, Vec<String>) {
        let candidates: Vec<usize> = (0..self.evidence.len())
            .filter(|&i| self.evidence[i].source != tools::SUCCESSION_SOURCE)
            .collect();
        let Some(&first) = candidates.first() else {
            return (Vec::new(), Vec::new());
        };
        let mut chosen = vec![first];
        let mut unsupported = Vec::new();
        let texts: Vec<String> = parts.iter().map(|(p, _)| p.clone()).collect();
        for (part, terms) in parts {
            // The general case of a split (…一般…？按特别控制要求呢？): a passage on the special
            // requirement does not answer it, however many of its words it holds.
            let general = question::general_case(part, &texts);
            // …and its special case (…？在重点地区呢？) is answered only by a passage that
            // states the special requirement.
            let special = question::special_case(part, &texts);
            // A part that states a size ("…总容量3吨的呢") is answered by the row of its size
            // class (表4 2~<4 t/h), not by the clause that sends to the table; its number is
            // no word to hold (the 3 of "3 m" is not 3吨).
            let size = numerals::stated_size(part);
            // A part that asks a time ("…放多少年也不要紧") is answered by a passage that states
            // one in its unit (不得超过一年), not by one that holds its words and states days
            // of detention.
            // Only when some passage states one: else the words decide, as before.
            let time = numerals::asked_time_unit(part).filter(|unit| {
                candidates
                    .iter()
                    .any(|&i| numerals::states_quantity_in(&self.evidence[i].text, unit))
            });
            let sized: Vec<Vec<String>>;
            let terms = match size {
                Some((value, _)) => {
                    sized = terms
                        .iter()
                        .filter(|g| g[0].parse::<f64>().ok() != Some(value))
                        .cloned()
                        .collect();
                    &sized
                }
                None => terms,
            };
            let answers = |i: usize| {
                let e = &self.evidence[i];
                if size
                    .is_some_and(|(value, unit)| !numerals::in_stated_range(&e.text, value, unit))
                    || time.is_some_and(|unit| !numerals::states_quantity_in(&e.text, unit))
                {
                    false
                } else if general {
                    !evidence::titled_special(&e.text, e.heading.as_deref())
                } else if special {
                    // In the words the part asks it by, too (对于重点地区…).
                    evidence::asks_special(&evidence::compact(&format!(
                        "{}{}{}",
                        e.heading.as_deref().unwrap_or_default(),
                        e.label(),
                        e.text
                    )))
                } else {
                    true
                }
            };
            let score = |i: usize| {
                if answers(i) {
                    evidence::term_weight(terms, &self.evidence[i].support())
                } else {
                    0.0
                }
            };
            let total = evidence::total_weight(terms);
            // A passage already quoted that holds all of this part's terms answers it (one
            // that holds most of them may state another case: 新建 for 在用, 甲醛 for 苯胺类).
            if chosen.iter().any(|&i| score(i) >= total) {
                continue;
            }
            let best = candidates
                .iter()
                .copied()
                .fold(first, |b, i| if score(i) > score(b) { i } else { b });
            // What the passages already quoted say of this part: another passage is quoted
            // for it only when it says more (not one that trades 罚款 for 大气污染物).
            let have = chosen.iter().map(|&i| score(i)).fold(0.0, f64::max);
            tracing::trace!(%part, ?terms, best = score(best), have, total, "part");
            if score(best) < 0.6 * total {
                unsupported.push(part.clone());
            } else if score(best) > have && !chosen.contains(&best) && chosen.len() < 3 {
                // The general case asked first is quoted first, before the special one.
                let asked_first = texts
                    .iter()
                    .take_while(|p| !evidence::asks_special(p))
                    .any(|p| p == part);
                if general && asked_first && !answers(chosen[0]) {
                    chosen.insert(0, best);
                } else {
                    chosen.push(best);
                }
            }
        }
        // The amendment's notes follow the row they amend.
        for (k, &c) in self.companions.iter().enumerate() {
            if !chosen.contains(&c) {
                chosen.insert((k + 1).min(chosen.len()), c);
            }
        }
        (chosen, unsupported)
    }

    fn finish(self) -> (String, Vec<Citation>, Vec<Dropped>) {
        let citations = self
            .order
            .iter()
            .map(|&i| Citation::of(&self.evidence[i]))
            .collect();
        (self.text, citations, self.dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence() -> Vec<Evidence> {
        vec![Evidence {
            doc: "排污许可管理条例".to_owned(),
            doc_number: Some("国务院令第736号".to_owned()),
            clause: "第十四条".to_owned(),
            text: "排污许可证有效期为5年".to_owned(),
            source: "corpus/digests/10-permit-regulation-2021.md".to_owned(),
            repealed: None,
            heading: None,
        }]
    }

    #[test]
    fn a_law_named_with_the_words_that_date_it_is_taken_out_whole() {
        assert_eq!(
            strip_name("老环保法里的按日连续处罚现在还有吗？", "环保法"),
            "按日连续处罚现在还有吗？"
        );
        assert_eq!(
            strip_name(
                "按已废止的《水污染防治法》，企业还要申领排污许可证吗？",
                "水污染防治法"
            ),
            "企业还要申领排污许可证吗？"
        );
        // "环保法规定…": 规定 is how the question points at the law, not a word the answer's
        // article needs (every article 规定s something).
        assert_eq!(
            strip_name("环保法规定排放污染物应当符合哪些要求？", "环保法"),
            "排放污染物应当符合哪些要求？"
        );
    }

    /// The whole prompt the model sees for a fixed question: any change to the templates
    /// in `prompts/` shows up here.
    #[test]
    fn the_prompt_is_stable() {
        let history = [Turn {
            question: "排污许可证审批期限是多少天？".to_owned(),
            answer: "30日[1]。".to_owned(),
        }];
        let question = "那有效期呢？";
        let query = Agent::retrieval_query(question, &history);
        let chat = build_chat(&evidence(), question, &history, &query);
        let rendered: Vec<String> = chat
            .messages
            .iter()
            .map(|(role, text)| format!("<{role:?}>\n{text}"))
            .collect();
        insta::assert_snapshot!(rendered.join("\n\n"));
    }

    #[test]
    fn follow_ups_borrow_the_previous_question() {
        let history = [Turn {
            question: "印染企业直接排放总氮限值是多少？".to_owned(),
            answer: String::new(),
        }];
        assert_eq!(
            Agent::retrieval_query("那间接排放呢？", &history),
            "印染企业直接排放总氮限值是多少？ 那间接排放呢？"
        );
        let standalone = "重点管理排污许可证的审批期限是多少天？";
        assert_eq!(Agent::retrieval_query(standalone, &history), standalone);
        assert_eq!(
            Agent::retrieval_query("那间接排放呢？", &[]),
            "那间接排放呢？"
        );
    }
}
