//! Which laws and standards are in force on the date of review, and where the provisions of a
//! repealed law live now.
//!
//! The 《中华人民共和国生态环境法典》 took effect on 2026-08-15 and its 第一千二百四十二条 repealed
//! ten laws that day (环境保护法, 环境影响评价法, 大气污染防治法, 水污染防治法 …). A review dated
//! on or after that day must cite the Code's article; a review dated before it cites the law
//! then in force. This crate holds that knowledge as data (`corpus/laws/succession.toml`,
//! compiled in) and answers three questions, with no IO:
//!
//! - [`LawBook::status`]: is this document in force on this date, or repealed/replaced, by what?
//! - [`LawBook::cite`]: the citations to give for "document, clause" on this date (a repealed
//!   law's article → the Code's successor articles; a regulation's article → itself, plus the
//!   Code article that now covers the same ground);
//! - [`LawBook::succession`]: the table row for one repealed article (successors, what changed).
//!
//! ```
//! use lvshen_law::{Date, LawBook};
//!
//! let book = LawBook::builtin();
//! let today = Date::parse("2026-11-30").unwrap();
//! let cited = book.cite("中华人民共和国水污染防治法", "第六十五条", today);
//! assert_eq!(cited[0].doc, "中华人民共和国生态环境法典");
//! assert_eq!(cited[0].clause, "第三百一十九条");
//! let before = book.cite("中华人民共和国水污染防治法", "第六十五条", Date::parse("2026-08-14").unwrap());
//! assert_eq!(before[0].doc, "中华人民共和国水污染防治法");
//! ```

mod date;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use date::Date;

/// The shipped table.
pub const BUILTIN: &str = include_str!("../../../corpus/laws/succession.toml");

/// The table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LawError {
    #[error("法规对照表格式错误：{0}")]
    Toml(#[from] toml::de::Error),
    #[error("法规对照表数据错误：{0}")]
    Invalid(String),
}

/// One document whose status depends on the date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `law` or `standard`.
    pub kind: String,
    #[serde(default)]
    pub effective: Option<String>,
    #[serde(default)]
    pub repealed: Option<String>,
    #[serde(default)]
    pub replaced_by: Option<String>,
    /// `V` or `V2`: how the status fact was checked.
    pub confidence: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Where one article of a repealed law lives now.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// Full title of the repealed law.
    pub law: String,
    /// The old article, e.g. `第六十五条`.
    pub old: String,
    /// The Code's articles that carry the provision now; empty = no successor.
    pub new: Vec<String>,
    /// A phrase of the old article (checked against the reference text).
    pub key: String,
    /// The phrase found in every new article, when it differs from `key`.
    #[serde(default)]
    pub new_key: Option<String>,
    /// One phrase per new article, when they differ.
    #[serde(default)]
    pub new_keys: Vec<String>,
    /// Whether enumerated items （一）（二）… keep their numbers in the first new article.
    #[serde(default)]
    pub items: bool,
    /// What changed in substance; empty when carried over (or when `compared`).
    #[serde(default)]
    pub change: String,
    /// The pair was found by comparing the two texts article by article (the key phrases
    /// stand in both), not read side by side: what changed in substance is not assessed.
    #[serde(default)]
    pub compared: bool,
}

impl Article {
    /// The phrase expected in the `i`-th new article.
    pub fn key_for(&self, i: usize) -> &str {
        self.new_keys
            .get(i)
            .or(self.new_key.as_ref())
            .map_or(self.key.as_str(), String::as_str)
    }
}

/// A regulation's article whose ground a Code article now also covers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Companion {
    pub doc: String,
    pub clause: String,
    pub code: Vec<String>,
    pub key: String,
    #[serde(default)]
    pub new_key: Option<String>,
    #[serde(default)]
    pub items: bool,
}

/// A citation: document and clause.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Cited {
    pub doc: String,
    pub clause: String,
}

/// A document's status on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// In force (or not a document this table tracks).
    InForce { since: Option<String> },
    /// Not yet in force on that date.
    NotYetInForce { from: String },
    /// Repealed (a law) or replaced (a standard) on `on`, by `by`.
    Repealed {
        on: String,
        by: Option<String>,
        kind: String,
    },
}

impl Status {
    /// The Chinese label: 现行 / 尚未施行 / 已废止 / 已被替代.
    pub fn label_zh(&self) -> &'static str {
        match self {
            Status::InForce { .. } => "现行",
            Status::NotYetInForce { .. } => "尚未施行",
            Status::Repealed { kind, .. } if kind == "standard" => "已被替代",
            Status::Repealed { .. } => "已废止",
        }
    }

    /// Whether the document may be cited as current on that date.
    pub fn is_current(&self) -> bool {
        matches!(self, Status::InForce { .. })
    }
}

#[derive(Debug, Deserialize)]
struct Raw {
    code: String,
    code_effective: String,
    code_repeal_clause: String,
    #[serde(default)]
    document: Vec<Document>,
    #[serde(default)]
    article: Vec<Article>,
    #[serde(default)]
    companion: Vec<Companion>,
}

/// The documents, the succession table and the companions.
#[derive(Debug, Clone)]
pub struct LawBook {
    /// Title of the Code.
    pub code: String,
    pub code_effective: Date,
    /// The Code's repeal clause (第一千二百四十二条).
    pub code_repeal_clause: String,
    pub documents: Vec<Document>,
    pub articles: Vec<Article>,
    pub companions: Vec<Companion>,
}

/// `第十一条（五）` → (`第十一条`, `（五）`); a clause without 条 is its own article.
pub fn split_clause(clause: &str) -> (&str, &str) {
    match clause.find('条') {
        Some(i) if clause.starts_with('第') => clause.split_at(i + '条'.len_utf8()),
        _ => (clause, ""),
    }
}

fn bare(name: &str) -> &str {
    name.trim()
        .trim_start_matches('《')
        .trim_end_matches('》')
        .trim_start_matches("中华人民共和国")
}

impl LawBook {
    /// The shipped table (parsed once; its validity is a test).
    pub fn builtin() -> &'static LawBook {
        static BOOK: OnceLock<LawBook> = OnceLock::new();
        BOOK.get_or_init(|| {
            // The shipped table is checked by this crate's tests; a broken one cannot ship.
            LawBook::parse(BUILTIN).unwrap_or_else(|e| panic!("corpus/laws/succession.toml: {e}"))
        })
    }

    /// Reads a table in the format of `corpus/laws/succession.toml`.
    pub fn parse(text: &str) -> Result<LawBook, LawError> {
        let raw: Raw = toml::from_str(text)?;
        let code_effective = Date::parse(&raw.code_effective)
            .ok_or_else(|| LawError::Invalid(format!("code_effective：{}", raw.code_effective)))?;
        for d in &raw.document {
            for date in [&d.effective, &d.repealed].into_iter().flatten() {
                if Date::parse(date).is_none() {
                    return Err(LawError::Invalid(format!("{}：日期“{date}”无效", d.title)));
                }
            }
        }
        for a in &raw.article {
            if !a.new_keys.is_empty() && a.new_keys.len() != a.new.len() {
                return Err(LawError::Invalid(format!(
                    "{} {}：new_keys 与 new 条数不一致",
                    a.law, a.old
                )));
            }
        }
        Ok(LawBook {
            code: raw.code,
            code_effective,
            code_repeal_clause: raw.code_repeal_clause,
            documents: raw.document,
            articles: raw.article,
            companions: raw.companion,
        })
    }

    /// The tracked document a name refers to (full title, alias, with or without 《》 and
    /// 中华人民共和国).
    pub fn document(&self, name: &str) -> Option<&Document> {
        let name = bare(name);
        self.documents
            .iter()
            .find(|d| bare(&d.title) == name || d.aliases.iter().any(|a| bare(a) == name))
    }

    /// The full title of a tracked document, or the name as given.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.document(name).map_or(name, |d| d.title.as_str())
    }

    /// The document's status on `as_of`. Untracked documents are in force.
    pub fn status(&self, name: &str, as_of: Date) -> Status {
        let Some(d) = self.document(name) else {
            return Status::InForce { since: None };
        };
        if let Some(on) = d.repealed.as_deref().and_then(Date::parse)
            && as_of >= on
        {
            return Status::Repealed {
                on: on.to_string(),
                by: d.replaced_by.clone(),
                kind: d.kind.clone(),
            };
        }
        if let Some(from) = d.effective.as_deref().and_then(Date::parse)
            && as_of < from
        {
            return Status::NotYetInForce {
                from: from.to_string(),
            };
        }
        Status::InForce {
            since: d.effective.clone(),
        }
    }

    /// Whether the Code is in force on `as_of`.
    pub fn code_in_force(&self, as_of: Date) -> bool {
        as_of >= self.code_effective
    }

    /// The succession row of a repealed law's article (`clause` may carry an item or 款).
    pub fn succession(&self, law: &str, clause: &str) -> Option<&Article> {
        let title = self.canonical(law);
        let (article, _) = split_clause(clause.trim());
        self.articles
            .iter()
            .find(|a| a.law == title && a.old == article)
    }

    /// The rows of one repealed law.
    pub fn successions_of<'a>(&'a self, law: &'a str) -> impl Iterator<Item = &'a Article> + 'a {
        let title = self.canonical(law);
        self.articles.iter().filter(move |a| a.law == title)
    }

    /// The citations to give, on `as_of`, for `clause` of `doc`:
    /// - a law repealed by the Code on that date → the Code's successor articles (an item of
    ///   the old article keeps its number where the table says the items kept theirs); an
    ///   article missing from the table → the Code's repeal clause, saying the successor is
    ///   not in the table (never the repealed law as current);
    /// - a regulation article whose ground the Code also covers → itself, then the Code's;
    /// - anything else → itself.
    pub fn cite(&self, doc: &str, clause: &str, as_of: Date) -> Vec<Cited> {
        // Several articles in one clause (`第六十五条、第六十六条`): each on its own.
        if clause.contains("、第") {
            return self.cite_all(clause.split('、').map(|part| (doc, part)), as_of);
        }
        let own = || Cited {
            doc: doc.to_owned(),
            clause: clause.to_owned(),
        };
        let code_cite = |clause: String| Cited {
            doc: self.code.clone(),
            clause,
        };
        match self.status(doc, as_of) {
            Status::Repealed { by: Some(by), .. } if by == self.code => {
                let (article, rest) = split_clause(clause.trim());
                match self.succession(doc, article) {
                    Some(row) if !row.new.is_empty() => row
                        .new
                        .iter()
                        .enumerate()
                        .map(|(i, new)| {
                            let keep = i == 0 && row.items && rest.starts_with('（');
                            code_cite(if keep {
                                format!("{new}{rest}")
                            } else {
                                new.clone()
                            })
                        })
                        .collect(),
                    _ => vec![code_cite(format!(
                        "{}（原《{}》{}已废止，继承条款未列入对照表，待核实）",
                        self.code_repeal_clause,
                        bare(doc),
                        clause.trim()
                    ))],
                }
            }
            _ => {
                let mut out = vec![own()];
                if self.code_in_force(as_of) {
                    let (article, rest) = split_clause(clause.trim());
                    if let Some(c) = self
                        .companions
                        .iter()
                        .find(|c| c.doc == doc && c.clause == article)
                    {
                        for (i, new) in c.code.iter().enumerate() {
                            let keep = i == 0 && c.items && rest.starts_with('（');
                            out.push(code_cite(if keep {
                                format!("{new}{rest}")
                            } else {
                                new.clone()
                            }));
                        }
                    }
                }
                out
            }
        }
    }

    /// [`LawBook::cite`] over a list, keeping the order and dropping repeats.
    pub fn cite_all<'a>(
        &self,
        cited: impl IntoIterator<Item = (&'a str, &'a str)>,
        as_of: Date,
    ) -> Vec<Cited> {
        let mut out: Vec<Cited> = Vec::new();
        for (doc, clause) in cited {
            for c in self.cite(doc, clause, as_of) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The legal category's name on `as_of`: 生态环境影响报告书 under the Code, 环境影响报告书
    /// before it. `kind` is 报告书, 报告表 or 登记表.
    pub fn eia_document_name(&self, kind: &str, as_of: Date) -> String {
        format!("{}{kind}", self.eia_prefix(as_of))
    }

    /// 生态环境影响 (the Code) or 环境影响 (before it).
    pub fn eia_prefix(&self, as_of: Date) -> &'static str {
        if self.code_in_force(as_of) {
            "生态环境影响"
        } else {
            "环境影响"
        }
    }

    /// One sentence for report footers: which law set this review applied.
    pub fn law_set_zh(&self, as_of: Date) -> String {
        if self.code_in_force(as_of) {
            format!(
                "依据 {} 起施行的《{}》（环境保护法、环境影响评价法、大气污染防治法、水污染防治法等十部法律同日废止，见{}）",
                self.code_effective, self.code, self.code_repeal_clause
            )
        } else {
            format!(
                "依据审查日 {as_of} 施行的法律（环境影响评价法、环境保护法、水污染防治法、大气污染防治法等；《{}》自 {} 起施行）",
                self.code, self.code_effective
            )
        }
    }
}

/// The text of `article` (e.g. `第三百一十九条`) in a law laid out one article per line
/// (`第X条 …`, as the reference Markdown and the digests are): from its line to the next
/// article or heading.
pub fn article_text(law: &str, article: &str) -> Option<String> {
    let head = format!("{article} ");
    let mut lines = law
        .lines()
        .skip_while(|l| !l.starts_with(&head) && l.trim() != article);
    let mut text = lines.next()?.to_owned();
    for line in lines {
        let is_article = line.starts_with('第') && line.find('条').is_some_and(|i| i < 24);
        if is_article || line.starts_with('#') {
            break;
        }
        text.push_str(line);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn builtin_parses_and_every_repealed_law_points_at_the_code() {
        let book = LawBook::builtin();
        assert!(book.articles.len() >= 37);
        for doc in book.documents.iter().filter(|d| d.kind == "law") {
            if doc.repealed.is_some() {
                assert_eq!(
                    doc.replaced_by.as_deref(),
                    Some(book.code.as_str()),
                    "{}",
                    doc.title
                );
                assert_eq!(doc.repealed.as_deref(), Some("2026-08-15"), "{}", doc.title);
            }
        }
        let repealed = book
            .documents
            .iter()
            .filter(|d| d.kind == "law" && d.repealed.is_some())
            .count();
        assert_eq!(repealed, 10, "第一千二百四十二条 repeals ten laws");
    }

    #[test]
    fn status_follows_the_date() {
        let book = LawBook::builtin();
        assert!(book.status("环评法", d("2026-08-14")).is_current());
        let s = book.status("《中华人民共和国环境影响评价法》", d("2026-08-15"));
        assert_eq!(s.label_zh(), "已废止");
        assert!(!s.is_current());
        assert_eq!(
            book.status("GB 3095-2012", d("2026-03-01")).label_zh(),
            "已被替代"
        );
        assert!(book.status("GB 3095-2012", d("2026-02-28")).is_current());
        assert_eq!(
            book.status("生态环境法典", d("2026-08-14")).label_zh(),
            "尚未施行"
        );
        assert!(
            book.status("排污许可管理条例", d("2026-11-30"))
                .is_current()
        );
        assert!(book.status("GB 4287-2012", d("2026-11-30")).is_current());
    }

    #[test]
    fn cite_maps_repealed_articles_keeps_items_and_adds_companions() {
        let book = LawBook::builtin();
        let today = d("2026-11-30");
        let c = book.cite("中华人民共和国环境影响评价法", "第十六条（一）", today);
        assert_eq!(c[0].clause, "第九十五条（一）");
        let c = book.cite("中华人民共和国环境保护法", "第四十四条", today);
        let clauses: Vec<_> = c.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(
            clauses,
            ["第一百五十五条", "第一百五十七条", "第一百五十八条"]
        );
        // An article the table does not carry (the law's commencement): never the repealed
        // law as current.
        let c = book.cite("中华人民共和国水污染防治法", "第一百零三条", today);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].doc, book.code);
        assert!(c[0].clause.contains("待核实"), "{c:?}");
        // Regulations stay, and the Code's article comes beside them.
        let c = book.cite("建设项目环境保护管理条例", "第十一条（五）", today);
        assert_eq!(c[0].doc, "建设项目环境保护管理条例");
        assert_eq!(c[1].clause, "第一百零五条（五）");
        let c = book.cite(
            "建设项目环境保护管理条例",
            "第十一条（五）",
            d("2026-08-14"),
        );
        assert_eq!(c.len(), 1);
        // Before the Code: the law then in force.
        let c = book.cite(
            "中华人民共和国水污染防治法",
            "第六十五条、第六十六条",
            today,
        );
        let clauses: Vec<_> = c.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(clauses, ["第三百一十九条", "第三百二十条"]);
        let c = book.cite("中华人民共和国大气污染防治法", "第八十条", d("2025-01-01"));
        assert_eq!(c[0].doc, "中华人民共和国大气污染防治法");
    }

    #[test]
    fn wording_follows_the_date() {
        let book = LawBook::builtin();
        assert_eq!(
            book.eia_document_name("报告书", d("2026-11-30")),
            "生态环境影响报告书"
        );
        assert_eq!(
            book.eia_document_name("报告表", d("2026-08-14")),
            "环境影响报告表"
        );
        assert!(book.law_set_zh(d("2026-11-30")).contains("生态环境法典"));
    }

    #[test]
    fn bad_tables_are_refused_with_the_field() {
        let err = LawBook::parse("code = 1").unwrap_err().to_string();
        assert!(err.contains("格式错误"), "{err}");
        let err = LawBook::parse("code='x'\ncode_effective='2026-13-01'\ncode_repeal_clause='y'\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("code_effective"), "{err}");
    }

    #[test]
    fn split_clause_keeps_the_suffix() {
        assert_eq!(split_clause("第十一条（五）"), ("第十一条", "（五）"));
        assert_eq!(split_clause("表2"), ("表2", ""));
    }
}
