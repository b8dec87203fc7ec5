//! The document's format and sections, found by their headings (in paragraphs, or as a
//! table row holding only the title, as many 报告表 print them). A 目录 entry (dot leaders or
//! a trailing page number) is not a heading; when a heading repeats, the later one counts.

use serde::Serialize;

use crate::model::{Block, Document, Loc};
use crate::values::fold;

/// The document kinds the intake knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Format {
    /// 建设项目环境影响报告表（污染影响类）, 环办环评〔2020〕33号 (from 2021-04-01).
    #[serde(rename = "报告表2021")]
    ReportTable2021,
    /// The 1999 报告表 format (环发〔1999〕178号).
    #[serde(rename = "报告表1999")]
    ReportTable1999,
    /// 环境影响报告书 (HJ 2.1-2016 chapters).
    #[serde(rename = "报告书")]
    ReportBook,
    /// Not recognised.
    #[serde(rename = "未识别")]
    Unknown,
}

impl Format {
    pub fn label_zh(self) -> &'static str {
        match self {
            Format::ReportTable2021 => {
                "建设项目环境影响报告表（污染影响类，2021年格式，环办环评〔2020〕33号）"
            }
            Format::ReportTable1999 => "建设项目环境影响报告表（1999年格式，环发〔1999〕178号）",
            Format::ReportBook => "建设项目环境影响报告书",
            Format::Unknown => "未能识别的文件格式",
        }
    }
}

/// A section: its key (一…六, 附表 … or a chapter title), the heading as printed, the blocks
/// it covers (`start..end` in `Document::blocks`) and where it starts.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub key: String,
    pub title: String,
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
    pub loc: Loc,
}

/// Headings of the 2021 报告表, with the key each gives.
const SECTIONS_2021: [(&str, &str); 9] = [
    ("一", "建设项目基本情况"),
    ("二", "建设项目工程分析"),
    ("三", "区域环境质量现状"),
    ("四", "主要环境影响和保护措施"),
    ("五", "环境保护措施监督检查清单"),
    ("六", "结论"),
    ("附表", "附表"),
    ("附件", "附件"),
    ("附图", "附图"),
];

/// Headings of the 1999 报告表 (titles only; numbering varies).
const SECTIONS_1999: [&str; 9] = [
    "建设项目基本情况",
    "自然环境社会环境简况",
    "环境质量状况",
    "评价适用标准",
    "建设项目工程分析",
    "主要污染物产生及预计排放情况",
    "环境影响分析",
    "防治措施及预期治理效果",
    "结论与建议",
];

/// Chapters of a 报告书 (HJ 2.1-2016), matched by meaning in numbered headings.
const CHAPTERS_BOOK: [&str; 10] = [
    "概述",
    "总则",
    "工程分析",
    "环境现状调查与评价",
    "环境影响预测与评价",
    "环境保护措施及其可行性论证",
    "环境影响经济损益分析",
    "环境管理与监测计划",
    "结论",
    "碳排放",
];

/// The format, its evidence, and the sections.
#[derive(Debug, Clone, Serialize)]
pub struct Structure {
    pub format: Format,
    pub evidence: String,
    pub sections: Vec<Section>,
}

fn is_toc_entry(text: &str) -> bool {
    let trimmed = text.trim_end();
    let without_page = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
    text.contains("……")
        || text.contains("....")
        || text.contains("···")
        || (without_page.len() < trimmed.len()
            && without_page.chars().count() > 4
            && without_page.ends_with([' ', '\t', '.', '…', '-']))
}

/// The texts that may be headings: short paragraphs, and table rows holding one text.
fn candidates(doc: &Document) -> Vec<(usize, String, Loc)> {
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Paragraph(p) => {
                let t = fold(&p.text);
                if t.chars().count() <= 40 && !is_toc_entry(&p.text) {
                    out.push((i, t, p.loc.clone()));
                }
            }
            Block::Table(t) => {
                if let Some(row) = t.rows.first() {
                    let texts = t.row_texts(0);
                    if texts.len() == 1 && row.len() > 1 {
                        let text = fold(texts[0]);
                        if text.chars().count() <= 40 {
                            out.push((i, text, t.cell_loc(0, 0)));
                        }
                    }
                }
            }
        }
    }
    out
}

fn numbered(text: &str) -> Option<&str> {
    // "一、…", "1 …", "第1章 …", "1.…"
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix('第') {
        let end = rest.find('章')?;
        return Some(&rest[end + '章'.len_utf8()..]);
    }
    let cut = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)))
        .map(|(i, _)| i)?;
    if cut == 0 {
        return None;
    }
    let rest = &t[cut..];
    let rest = rest.trim_start_matches(['、', '.', ' ', '．']);
    (rest.len() < t.len()).then_some(rest)
}

/// Finds the format and the sections.
pub fn analyse(doc: &Document) -> Structure {
    let cands = candidates(doc);
    let title_text: String = doc
        .blocks
        .iter()
        .take(12)
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(fold(&p.text)),
            Block::Table(_) => None,
        })
        .collect();
    let is_book = title_text.contains("环境影响报告书");
    let is_table = title_text.contains("环境影响报告表");

    // 2021 headings: "一、建设项目基本情况" … (the numeral must match the key).
    let mut s2021: Vec<Section> = Vec::new();
    for (key, title) in SECTIONS_2021 {
        let hit = cands.iter().rev().find(|(_, t, _)| {
            if key.starts_with('附') {
                t == key || (t.starts_with(key) && t.chars().count() <= 16)
            } else {
                t.starts_with(&format!("{key}、")) && t.contains(title)
            }
        });
        if let Some((i, t, loc)) = hit {
            s2021.push(Section {
                key: key.to_owned(),
                title: t.clone(),
                start: *i,
                end: 0,
                loc: loc.clone(),
            });
        }
    }
    let core_2021 = s2021.iter().filter(|s| !s.key.starts_with('附')).count();

    let mut s1999: Vec<Section> = Vec::new();
    for title in SECTIONS_1999 {
        if let Some((i, t, loc)) = cands.iter().rev().find(|(_, t, _)| {
            numbered(t).is_some_and(|rest| rest.contains(title)) || t.as_str() == title
        }) {
            s1999.push(Section {
                key: title.to_owned(),
                title: t.clone(),
                start: *i,
                end: 0,
                loc: loc.clone(),
            });
        }
    }
    let mut book: Vec<Section> = Vec::new();
    for title in CHAPTERS_BOOK {
        if let Some((i, t, loc)) = cands
            .iter()
            .rev()
            .find(|(_, t, _)| numbered(t).is_some_and(|rest| rest.contains(title)))
        {
            book.push(Section {
                key: title.to_owned(),
                title: t.clone(),
                start: *i,
                end: 0,
                loc: loc.clone(),
            });
        }
    }
    let unique_1999 = s1999
        .iter()
        .any(|s| s.key == "评价适用标准" || s.key == "自然环境社会环境简况");
    let (format, mut sections, evidence) = if core_2021 >= 4 && !is_book {
        let keys: Vec<String> = s2021.iter().map(|s| s.key.clone()).collect();
        (
            Format::ReportTable2021,
            s2021,
            format!(
                "找到 2021 年格式的章节标题：{}{}",
                keys.join("、"),
                if is_table {
                    "；封面题名为“建设项目环境影响报告表”"
                } else {
                    ""
                }
            ),
        )
    } else if s1999.len() >= 4 && unique_1999 && !is_book {
        let keys: Vec<String> = s1999.iter().map(|s| s.key.clone()).collect();
        (
            Format::ReportTable1999,
            s1999,
            format!("找到 1999 年格式的章节：{}", keys.join("、")),
        )
    } else if is_book || book.len() >= 5 {
        let keys: Vec<String> = book.iter().map(|s| s.key.clone()).collect();
        (
            Format::ReportBook,
            book,
            format!(
                "{}找到报告书章节：{}",
                if is_book {
                    "封面题名为“环境影响报告书”；"
                } else {
                    ""
                },
                keys.join("、")
            ),
        )
    } else {
        (
            Format::Unknown,
            Vec::new(),
            format!(
                "未找到足够的章节标题（2021 年格式 {core_2021} 个、1999 年格式 {} 个、报告书章节 {} 个）",
                s1999.len(),
                book.len()
            ),
        )
    };
    sections.sort_by_key(|s| s.start);
    let count = sections.len();
    for k in 0..count {
        sections[k].end = if k + 1 < count {
            sections[k + 1].start
        } else {
            doc.blocks.len()
        };
    }
    Structure {
        format,
        evidence,
        sections,
    }
}

impl Structure {
    /// The section a block belongs to.
    pub fn section_of(&self, block: usize) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| block >= s.start && block < s.end)
    }

    /// The section with a key.
    pub fn get(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The blocks before the first section (cover, 编制情况表).
    pub fn front_end(&self) -> usize {
        self.sections.first().map(|s| s.start).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_titles() {
        assert_eq!(
            numbered("第5章 环境影响预测与评价"),
            Some(" 环境影响预测与评价")
        );
        assert_eq!(numbered("5 环境影响预测与评价"), Some("环境影响预测与评价"));
        assert_eq!(numbered("概述"), None);
    }

    #[test]
    fn toc_entries() {
        assert!(is_toc_entry("一、建设项目基本情况……………1"));
        assert!(is_toc_entry("二、建设项目工程分析 12"));
        assert!(!is_toc_entry("二、建设项目工程分析"));
    }
}
