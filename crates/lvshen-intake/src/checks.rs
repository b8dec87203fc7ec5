//! Document checks, each a rule with a stable id: completeness of the format, arithmetic
//! (附表 ①–⑦, 合计 rows, 环保投资占比), the same quantity stated differently in two places
//! (stack height, design air flow, product output, standard per element), standard numbers
//! unknown to the knowledge base or replaced, laws repealed on the review date, and names
//! (places, companies, credit codes) that do not belong to the project.
//!
//! Every finding carries its place in the document. None is an error: the document's own
//! figures disagree, but which one is right is for the reviewer to ask the applicant.

use std::collections::{BTreeMap, BTreeSet};

use regex::Regex;
use serde::Serialize;

use lvshen_filing::{Category, Confidence, Finding, Severity};
use lvshen_law::{Date, LawBook, Status};

use crate::extract::{Draft, get_path, label_values};
use crate::model::{Block, Document, Loc, Table};
use crate::structure::{Format, Structure};
use crate::values::{fold, label_key, number};

/// Where in the document a finding points.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Location {
    #[serde(flatten)]
    pub loc: Loc,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The text at that place.
    pub quote: String,
}

/// A finding on the document.
#[derive(Debug, Clone, Serialize)]
pub struct DocFinding {
    #[serde(flatten)]
    pub finding: Finding,
    pub location: Location,
    /// Further places (the other statement of a restated figure, the matching passage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Location>,
}

/// What the checks know besides the document.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// Standard numbers the knowledge base holds (`GB 4287-2012`), with their titles.
    pub standards: Vec<(String, String)>,
    /// Gazetteer: place name and the county-level district it lies in (None for a
    /// district itself).
    pub places: Vec<(String, Option<String>)>,
    /// County-level districts the gazetteer knows (绍兴: 柯桥区 …).
    pub districts: Vec<String>,
}

/// The stable rule ids of the document checks, with what each checks.
pub const RULES: &[(&str, &str)] = &[
    (
        "doc.format.unknown",
        "未能识别文件格式（2021/1999 年报告表、报告书）",
    ),
    (
        "doc.completeness.section",
        "报告表缺少规定的组成部分（封面、编制情况表、一至六、附表）",
    ),
    ("doc.reading.scanned", "页面无文字层（扫描件），未能读取"),
    (
        "doc.reading.table_fallback",
        "表格重建丢失文字，该页改按纯文本读取",
    ),
    (
        "doc.arith.appendix",
        "附表 污染物排放量汇总表 不满足 ⑥=①+③+④-⑤、⑦=⑥-①",
    ),
    ("doc.arith.subtotal", "表格“合计/小计”行与各分项之和不符"),
    (
        "doc.arith.investment_ratio",
        "环保投资占比与环保投资/总投资不符",
    ),
    (
        "doc.restated.stack_height",
        "同一排气筒的高度在文中前后不一致",
    ),
    (
        "doc.restated.air_flow",
        "同一排放口的设计风量在文中前后不一致",
    ),
    ("doc.restated.product_output", "产品产量在文中前后不一致"),
    (
        "doc.restated.standard",
        "三（评价标准）与五（监督检查清单）对同一要素执行的标准不一致",
    ),
    (
        "doc.standard.unknown",
        "引用的标准编号不在知识库中（给出最接近的已知编号）",
    ),
    (
        "doc.standard.repealed",
        "按现行依据引用了审查日已废止或被替代的法律、标准",
    ),
    (
        "doc.foreign.place",
        "项目描述中出现不属于本项目所在地的区县、园区名称",
    ),
    (
        "doc.foreign.company",
        "项目描述中出现本项目建设单位以外的同行业企业名称",
    ),
    (
        "doc.foreign.credit_code",
        "出现不属于建设单位和编制单位的统一社会信用代码",
    ),
    ("doc.copy.section", "章节与知识库中其他项目的报告高度雷同"),
    ("doc.filing.mismatch", "报告与已填报的标准化信息不一致"),
];

const GUIDE: &str = "《建设项目环境影响报告表》内容、格式及编制技术指南（环办环评〔2020〕33号）";

/// Context of one run.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub structure: &'a Structure,
    pub draft: &'a Draft,
    pub knowledge: &'a Knowledge,
    pub as_of: Date,
}

impl Ctx<'_> {
    fn block_index(&self, loc: &Loc) -> Option<usize> {
        self.doc.blocks.iter().position(|b| match b {
            Block::Table(t) => loc.table == Some(t.index),
            Block::Paragraph(p) => {
                loc.table.is_none() && p.loc.page == loc.page && p.loc.paragraph == loc.paragraph
            }
        })
    }

    fn section_key(&self, loc: &Loc) -> Option<String> {
        self.block_index(loc)
            .and_then(|i| self.structure.section_of(i))
            .map(|s| s.key.clone())
    }

    fn location(&self, loc: Loc, quote: &str) -> Location {
        let section = self.section_key(&loc);
        let quote: String = quote.trim().chars().take(160).collect();
        Location {
            loc,
            section,
            quote,
        }
    }

    /// The law that makes the report's figures the applicant's and the consultant's
    /// responsibility, as cited on the review date (环评法 第二十条 → 法典 第一百条).
    fn responsibility(&self, f: Finding) -> Finding {
        LawBook::builtin()
            .cite("中华人民共和国环境影响评价法", "第二十条", self.as_of)
            .into_iter()
            .fold(f, |f, c| f.cite(c.doc, c.clause))
    }
}

fn doc_finding(f: Finding, location: Location) -> DocFinding {
    DocFinding {
        finding: f,
        location,
        also: Vec::new(),
    }
}

/// Runs every check except copying and the filing comparison.
pub fn run(ctx: &Ctx) -> Vec<DocFinding> {
    let mut out = Vec::new();
    completeness(ctx, &mut out);
    reading(ctx, &mut out);
    appendix(ctx, &mut out);
    subtotals(ctx, &mut out);
    investment_ratio(ctx, &mut out);
    restated(ctx, &mut out);
    standards(ctx, &mut out);
    laws(ctx, &mut out);
    foreign(ctx, &mut out);
    out
}

fn completeness(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    match ctx.structure.format {
        Format::Unknown => out.push(doc_finding(
            Finding::new(
                "doc.format.unknown",
                Category::Completeness,
                Severity::Warning,
                "",
                format!(
                    "未能识别文件格式：{}；按内容尽量提取，章节检查未进行",
                    ctx.structure.evidence
                ),
            )
            .cite(GUIDE, "附件1")
            .confidence(Confidence::V2),
            ctx.location(Loc::default(), ""),
        )),
        Format::ReportTable2021 => {
            let front = &ctx.doc.blocks[..ctx.structure.front_end()];
            let has_cover = front.iter().any(
                |b| matches!(b, Block::Paragraph(p) if fold(&p.text).contains("环境影响报告表")),
            );
            let has_staff = ctx.doc.tables().any(|t| {
                t.plain_text().contains("编制单位情况") || t.plain_text().contains("编制主持人")
            });
            let mut missing: Vec<String> = Vec::new();
            if !has_cover {
                missing.push("封面".to_owned());
            }
            if !has_staff {
                missing.push("编制单位和编制人员情况表".to_owned());
            }
            for key in ["一", "二", "三", "四", "五", "六", "附表"] {
                if ctx.structure.get(key).is_none() {
                    missing.push(key.to_owned());
                }
            }
            if !missing.is_empty() {
                out.push(doc_finding(
                    Finding::new(
                        "doc.completeness.section",
                        Category::Completeness,
                        Severity::Warning,
                        "",
                        format!("报告表（2021年格式）缺少：{}", missing.join("、")),
                    )
                    .cite(GUIDE, "附件1 报告表格式")
                    .confidence(Confidence::V2),
                    ctx.location(Loc::default(), &ctx.structure.evidence),
                ));
            }
        }
        _ => {}
    }
}

fn reading(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    if !ctx.doc.scanned_pages.is_empty() {
        let pages: Vec<String> = ctx
            .doc
            .scanned_pages
            .iter()
            .map(|p| p.to_string())
            .collect();
        out.push(doc_finding(
            Finding::new(
                "doc.reading.scanned",
                Category::Completeness,
                Severity::Warning,
                "",
                format!(
                    "第 {} 页没有文字层（扫描件），其内容未被读取和检查；请提供带文字层的 PDF 或先做文字识别",
                    pages.join("、")
                ),
            )
            .cite("LüShen", "文件读取"),
            ctx.location(
                Loc {
                    page: ctx.doc.scanned_pages.first().copied(),
                    ..Loc::default()
                },
                "",
            ),
        ));
    }
    for note in &ctx.doc.notes {
        out.push(doc_finding(
            Finding::new(
                "doc.reading.table_fallback",
                Category::Other,
                Severity::Info,
                "",
                format!("第{}页：{}", note.page, note.note),
            )
            .cite("LüShen", "文件读取"),
            ctx.location(
                Loc {
                    page: Some(note.page),
                    ..Loc::default()
                },
                "",
            ),
        ));
    }
}

/// Rounding tolerance of a printed value: half a unit of its last decimal, at least.
fn tolerance(texts: &[&str]) -> f64 {
    let decimals = texts
        .iter()
        .map(|t| {
            let f = fold(t);
            f.split_once('.')
                .map(|(_, d)| d.chars().take_while(|c| c.is_ascii_digit()).count())
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    0.5 * 10f64.powi(-(decimals as i32)) * texts.len().max(1) as f64
}

/// Finds the ①…⑦ columns of the 附表.
fn appendix_columns(table: &Table) -> Option<[Option<usize>; 7]> {
    let header: Vec<String> = table.rows.first()?.iter().map(|c| fold(&c.text)).collect();
    let marks = ['①', '②', '③', '④', '⑤', '⑥', '⑦'];
    let mut cols = [None; 7];
    for (k, mark) in marks.iter().enumerate() {
        cols[k] = header.iter().position(|h| h.contains(*mark));
    }
    if cols[5].is_none() || cols[3].is_none() {
        return None;
    }
    Some(cols)
}

fn appendix(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    for table in ctx.doc.tables() {
        let Some(cols) = appendix_columns(table) else {
            continue;
        };
        let name_col = cols
            .iter()
            .flatten()
            .min()
            .copied()
            .unwrap_or(1)
            .saturating_sub(1);
        for r in 1..table.rows.len() {
            let cell = |k: usize| cols[k].map(|c| table.text(r, c)).unwrap_or("");
            let val = |k: usize| -> Option<f64> {
                let t = cell(k);
                match crate::values::quantity(t) {
                    crate::values::Quantity::Number(v, _) => Some(v),
                    crate::values::Quantity::None => Some(0.0),
                    _ => None,
                }
            };
            let (Some(e1), Some(e3), Some(e4), Some(e5), Some(e6)) =
                (val(0), val(2), val(3), val(4), val(5))
            else {
                continue;
            };
            if number(cell(5)).is_none() {
                continue;
            }
            let name = table.text(r, name_col).to_owned();
            let computed = e1 + e3 + e4 - e5;
            let tol = tolerance(&[cell(0), cell(2), cell(3), cell(4), cell(5)]).max(1e-9);
            if (computed - e6).abs() > tol {
                let c6 = cols[5].unwrap_or(0);
                out.push(doc_finding(
                    ctx.responsibility(
                        Finding::new(
                            "doc.arith.appendix",
                            Category::Consistency,
                            Severity::Warning,
                            "",
                            format!(
                                "附表“{name}”：⑥应等于①+③+④-⑤ = {} + {} + {} - {} = {}，表中填 {}",
                                fmt(e1),
                                fmt(e3),
                                fmt(e4),
                                fmt(e5),
                                fmt(computed),
                                fmt(e6)
                            ),
                        )
                        .values(computed, e6)
                        .cite(GUIDE, "附表 建设项目污染物排放量汇总表（⑥=①+③+④-⑤）")
                        .confidence(Confidence::V2),
                    ),
                    ctx.location(table.cell_loc(r, c6), &format!("{name} ⑥ {}", cell(5))),
                ));
            }
            if let (Some(c7), Some(e7)) = (cols[6], number(cell(6))) {
                let computed7 = e6 - e1;
                let tol7 = tolerance(&[cell(0), cell(5), cell(6)]).max(1e-9);
                if (computed7 - e7).abs() > tol7 {
                    out.push(doc_finding(
                        ctx.responsibility(
                            Finding::new(
                                "doc.arith.appendix",
                                Category::Consistency,
                                Severity::Warning,
                                "",
                                format!(
                                    "附表“{name}”：⑦应等于⑥-① = {} - {} = {}，表中填 {}",
                                    fmt(e6),
                                    fmt(e1),
                                    fmt(computed7),
                                    fmt(e7)
                                ),
                            )
                            .values(computed7, e7)
                            .cite(GUIDE, "附表 建设项目污染物排放量汇总表（⑦=⑥-①）")
                            .confidence(Confidence::V2),
                        ),
                        ctx.location(table.cell_loc(r, c7), &format!("{name} ⑦ {}", cell(6))),
                    ));
                }
            }
        }
    }
}

fn fmt(v: f64) -> String {
    let s = format!("{:.4}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Columns whose values do not add up by nature.
fn not_additive(header: &str) -> bool {
    [
        "序号",
        "浓度",
        "速率",
        "占比",
        "比例",
        "%",
        "Q值",
        "效率",
        "高度",
        "温度",
        "内径",
        "直径",
        "限值",
        "标准",
        "编号",
        "代码",
        "方位",
        "距离",
        "临界量",
        "单价",
        "年份",
    ]
    .iter()
    .any(|w| header.contains(w))
}

fn subtotals(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    for table in ctx.doc.tables() {
        if appendix_columns(table).is_some() {
            continue;
        }
        let width = table.width();
        let header: Vec<String> = (0..width).map(|c| fold(table.text(0, c))).collect();
        let mut start = 1;
        for r in 1..table.rows.len() {
            let is_total = table.rows[r]
                .iter()
                .any(|c| matches!(fold(&c.text).as_str(), "合计" | "小计" | "总计"));
            if !is_total {
                continue;
            }
            for (c, head) in header.iter().enumerate() {
                if not_additive(head) || table.rows[r][c].spanned {
                    continue;
                }
                let Some(total) = number(table.text(r, c)) else {
                    continue;
                };
                let items: Vec<&str> = (start..r)
                    .map(|k| table.text(k, c))
                    .filter(|t| !t.trim().is_empty())
                    .collect();
                if items.len() < 2 || items.iter().any(|t| number(t).is_none()) {
                    continue;
                }
                let sum: f64 = items.iter().filter_map(|t| number(t)).sum();
                let mut texts = items.clone();
                texts.push(table.text(r, c));
                if (sum - total).abs() > tolerance(&texts).max(total.abs() * 0.001) {
                    out.push(doc_finding(
                        ctx.responsibility(
                            Finding::new(
                                "doc.arith.subtotal",
                                Category::Consistency,
                                Severity::Warning,
                                "",
                                format!(
                                    "表中“{}”列的{}为 {}，但其上 {} 项之和为 {}",
                                    header[c],
                                    fold(table.text(r, 0)),
                                    fmt(total),
                                    items.len(),
                                    fmt(sum)
                                ),
                            )
                            .values(sum, total),
                        ),
                        ctx.location(table.cell_loc(r, c), table.text(r, c)),
                    ));
                }
            }
            start = r + 1;
        }
    }
}

fn investment_ratio(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    let total =
        get_path(&ctx.draft.filing, "project.investment_total_wan_yuan").and_then(|v| v.as_f64());
    let env =
        get_path(&ctx.draft.filing, "project.investment_env_wan_yuan").and_then(|v| v.as_f64());
    let (Some(total), Some(env)) = (total, env) else {
        return;
    };
    if total <= 0.0 {
        return;
    }
    for table in ctx.doc.tables() {
        for (label, value, loc) in label_values(table) {
            if !label_key(&label).starts_with("环保投资占比") {
                continue;
            }
            let Some(stated) = number(&value) else {
                continue;
            };
            let computed = env / total * 100.0;
            let tol = tolerance(&[&value]).max(0.05);
            if (computed - stated).abs() > tol {
                out.push(doc_finding(
                    ctx.responsibility(
                        Finding::new(
                            "doc.arith.investment_ratio",
                            Category::Consistency,
                            Severity::Warning,
                            "project.investment_env_wan_yuan",
                            format!(
                                "环保投资占比填 {}%，但环保投资 {} 万元 / 总投资 {} 万元 = {:.2}%",
                                fmt(stated),
                                fmt(env),
                                fmt(total),
                                computed
                            ),
                        )
                        .values((computed * 100.0).round() / 100.0, stated),
                    ),
                    ctx.location(loc, &value),
                ));
            }
            return;
        }
    }
}

/// A text unit to scan: a paragraph, or one table row (cells joined).
fn units(doc: &Document) -> Vec<(String, Loc)> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                for sentence in p.text.split_inclusive(['。', '；', ';']) {
                    out.push((sentence.to_owned(), p.loc.clone()));
                }
            }
            Block::Table(t) => {
                for r in 0..t.rows.len() {
                    let mut loc = t.cell_loc(r, 0);
                    loc.col = None;
                    out.push((t.row_texts(r).join(" | "), loc));
                }
            }
        }
    }
    out
}

fn restated(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    let id_re = Regex::new(r"\b((?:DA|FQ)-?\d{3})\b|((?:DA|FQ)\d{3})").expect("static regex");
    let height_re = Regex::new(r"(\d+(?:\.\d+)?)\s*(?:m|米)\s*(?:高)?(?:的)?(?:排气筒|烟囱)|排气筒高度(?:为|:)?\s*(\d+(?:\.\d+)?)\s*(?:m|米)").expect("static regex");
    let flow_re = Regex::new(
        r"(?:设计)?风量(?:为|约|:)?\s*(\d+(?:\.\d+)?)\s*(万)?\s*(?:m3/h|m³/h|Nm3/h|标立方米/小时)",
    )
    .expect("static regex");
    let mut heights: BTreeMap<String, Vec<(f64, Loc, String)>> = BTreeMap::new();
    let mut flows: BTreeMap<String, Vec<(f64, Loc, String)>> = BTreeMap::new();
    // The outlet table's heights (one statement per outlet).
    if let Some(outlets) = get_path(&ctx.draft.filing, "air.outlets").and_then(|v| v.as_array()) {
        for (k, o) in outlets.iter().enumerate() {
            if let (Some(id), Some(h)) = (
                o.get("id").and_then(|v| v.as_str()),
                o.get("height_m").and_then(|v| v.as_f64()),
            ) && let Some(p) = ctx
                .draft
                .provenance
                .get(&format!("air.outlets[{k}].height_m"))
            {
                heights
                    .entry(id.to_owned())
                    .or_default()
                    .push((h, p.loc.clone(), p.text.clone()));
            }
        }
    }
    for (text, loc) in units(ctx.doc) {
        let folded = fold(&text);
        let ids: BTreeSet<String> = id_re
            .captures_iter(&folded)
            .filter_map(|c| c.get(1).or(c.get(2)).map(|m| m.as_str().replace('-', "")))
            .collect();
        if ids.len() != 1 {
            continue;
        }
        let id = ids.into_iter().next().unwrap_or_default();
        // The outlet table row itself is already counted.
        let is_outlet_row = loc.table.is_some()
            && ctx.draft.provenance.iter().any(|(k, p)| {
                k.ends_with(".height_m") && p.loc.table == loc.table && p.loc.row == loc.row
            });
        if !is_outlet_row {
            for c in height_re.captures_iter(&folded) {
                if let Some(v) = c
                    .get(1)
                    .or(c.get(2))
                    .and_then(|m| m.as_str().parse::<f64>().ok())
                {
                    heights
                        .entry(id.clone())
                        .or_default()
                        .push((v, loc.clone(), text.clone()));
                }
            }
        }
        for c in flow_re.captures_iter(&folded) {
            if let Some(mut v) = c.get(1).and_then(|m| m.as_str().parse::<f64>().ok()) {
                if c.get(2).is_some() {
                    v *= 10_000.0;
                }
                flows
                    .entry(id.clone())
                    .or_default()
                    .push((v, loc.clone(), text.clone()));
            }
        }
    }
    for (rule, what, unit, map) in [
        ("doc.restated.stack_height", "排气筒高度", "m", &heights),
        ("doc.restated.air_flow", "设计风量", "m³/h", &flows),
    ] {
        for (id, statements) in map {
            let Some(first) = statements.first() else {
                continue;
            };
            let differing: Vec<&(f64, Loc, String)> = statements
                .iter()
                .filter(|s| (s.0 - first.0).abs() > 1e-6 * first.0.abs().max(1.0))
                .collect();
            if differing.is_empty() {
                continue;
            }
            let d = differing[0];
            let mut f = doc_finding(
                ctx.responsibility(
                    Finding::new(
                        rule,
                        Category::Consistency,
                        Severity::Warning,
                        "",
                        format!(
                            "{id} 的{what}前后不一致：{}处为 {} {unit}，{}处为 {} {unit}",
                            first.1.label_zh(),
                            fmt(first.0),
                            d.1.label_zh(),
                            fmt(d.0)
                        ),
                    )
                    .values(first.0, d.0),
                ),
                ctx.location(d.1.clone(), &d.2),
            );
            f.also.push(ctx.location(first.1.clone(), &first.2));
            out.push(f);
        }
    }
    product_output(ctx, out);
    standard_per_element(ctx, out);
}

/// 万米 per unit word.
fn output_in(unit: &str, value: f64) -> Option<(&'static str, f64)> {
    Some(match unit {
        "万米" | "万m" => ("万米/a", value),
        "亿米" => ("万米/a", value * 10_000.0),
        "米" | "m" => ("万米/a", value / 10_000.0),
        "吨" | "t" => ("t/a", value),
        "万吨" => ("t/a", value * 10_000.0),
        "万件" => ("万件/a", value),
        "件" => ("万件/a", value / 10_000.0),
        _ => return None,
    })
}

fn product_output(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    let Some(products) = get_path(&ctx.draft.filing, "products").and_then(|v| v.as_array()) else {
        return;
    };
    let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
    let mut singles: Vec<(&str, f64)> = Vec::new();
    for p in products {
        if let (Some(unit), Some(q)) = (
            p.get("unit").and_then(|v| v.as_str()),
            p.get("output").and_then(|v| v.as_f64()),
        ) {
            *totals.entry(unit).or_default() += q;
            singles.push((unit, q));
        }
    }
    if totals.is_empty() {
        return;
    }
    let table_loc = ctx
        .draft
        .provenance
        .get("products[0].output")
        .map(|p| p.loc.clone())
        .unwrap_or_default();
    let re = Regex::new(r"年产(?:能)?(?:为)?(\d+(?:\.\d+)?)(亿米|万米|万m|万吨|万件|吨|t|件|米)")
        .expect("static regex");
    for (text, loc) in units(ctx.doc) {
        if loc.table.is_some() && loc.table == table_loc.table {
            continue;
        }
        for c in re.captures_iter(&fold(&text)) {
            let (Some(v), Some(u)) = (
                c.get(1).and_then(|m| m.as_str().parse::<f64>().ok()),
                c.get(2),
            ) else {
                continue;
            };
            let Some((unit, value)) = output_in(u.as_str(), v) else {
                continue;
            };
            let Some(total) = totals.get(unit) else {
                continue;
            };
            let matches = (value - total).abs() <= total.abs() * 1e-6
                || singles
                    .iter()
                    .any(|(su, q)| *su == unit && (value - q).abs() <= q.abs() * 1e-6);
            if !matches {
                let mut f = doc_finding(
                    ctx.responsibility(
                        Finding::new(
                            "doc.restated.product_output",
                            Category::Consistency,
                            Severity::Warning,
                            "products",
                            format!(
                                "产品产量前后不一致：此处写“{}”（{} {unit}），产品方案表合计 {} {unit}",
                                c.get(0).map(|m| m.as_str()).unwrap_or(""),
                                fmt(value),
                                fmt(*total)
                            ),
                        )
                        .values(*total, value),
                    ),
                    ctx.location(loc.clone(), &text),
                );
                f.also.push(ctx.location(table_loc.clone(), "产品方案表"));
                out.push(f);
            }
        }
    }
}

/// Standard numbers in a text (`GB 4287-2012`, `DB33/962-2015`, `HJ 2.2-2018`).
pub fn standard_numbers(text: &str) -> Vec<String> {
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(
            r"(GB/T|GB|HJ/T|HJ|CJ/T|CJ|DB\d{2}/T|DB\d{2})\s*/?\s*(\d+(?:\.\d+)*)\s*[-—–]\s*(\d{2,4})",
        )
        .expect("static regex")
    });
    RE.captures_iter(&fold(text))
        .map(|c| {
            let prefix = &c[1];
            let sep = if prefix.starts_with("DB") { "/" } else { " " };
            format!("{prefix}{sep}{}-{}", &c[2], &c[3])
        })
        .collect()
}

fn base_of(number: &str) -> &str {
    number.rsplit_once('-').map(|(b, _)| b).unwrap_or(number)
}

fn standard_per_element(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    let (Some(three), Some(five)) = (ctx.structure.get("三"), ctx.structure.get("五")) else {
        return;
    };
    let element_of = |text: &str| -> Option<&'static str> {
        let t = fold(text);
        if t.contains("废水") || t.contains("地表水") || t.contains("水环境") {
            Some("水")
        } else if t.contains("废气") || t.contains("大气") {
            Some("大气")
        } else if t.contains("噪声") || t.contains("声环境") {
            Some("噪声")
        } else {
            None
        }
    };
    let collect = |start: usize, end: usize| {
        let mut map: BTreeMap<&'static str, Vec<(String, Loc, String)>> = BTreeMap::new();
        for block in &ctx.doc.blocks[start..end] {
            if let Block::Table(t) = block {
                for r in 1..t.rows.len() {
                    let row = t.row_texts(r).join(" | ");
                    let Some(element) = t.rows[r].first().and_then(|c| element_of(&c.text)) else {
                        continue;
                    };
                    for n in standard_numbers(&row) {
                        let mut loc = t.cell_loc(r, 0);
                        loc.col = None;
                        map.entry(element).or_default().push((n, loc, row.clone()));
                    }
                }
            }
        }
        map
    };
    let a = collect(three.start, three.end);
    let b = collect(five.start, five.end);
    for (element, listed) in &b {
        let Some(declared) = a.get(element) else {
            continue;
        };
        for (n, loc, row) in listed {
            if declared.iter().any(|(m, _, _)| m == n) {
                continue;
            }
            let first = &declared[0];
            let mut f = doc_finding(
                ctx.responsibility(Finding::new(
                    "doc.restated.standard",
                    Category::Consistency,
                    Severity::Warning,
                    "",
                    format!(
                        "{element}：五、监督检查清单执行 {n}，但三、评价标准中为 {}",
                        declared
                            .iter()
                            .map(|d| d.0.as_str())
                            .collect::<BTreeSet<_>>()
                            .into_iter()
                            .collect::<Vec<_>>()
                            .join("、")
                    ),
                )),
                ctx.location(loc.clone(), row),
            );
            f.also.push(ctx.location(first.1.clone(), &first.2));
            out.push(f);
        }
    }
}

fn standards(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    if ctx.knowledge.standards.is_empty() {
        return;
    }
    let known: BTreeMap<String, &str> = ctx
        .knowledge
        .standards
        .iter()
        .map(|(n, t)| (n.replace(' ', ""), t.as_str()))
        .collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let book = LawBook::builtin();
    for (text, loc) in units(ctx.doc) {
        for n in standard_numbers(&text) {
            let key = n.replace(' ', "");
            if !seen.insert(key.clone()) {
                continue;
            }
            if let Some(title) = known.get(&key).filter(|t| !t.is_empty()) {
                // The name printed beside the number: 《name》（number）.
                if let Some(cited) = cited_title(&text, &n)
                    && !same_title(&cited, title)
                    && seen.insert(format!("title:{key}"))
                {
                    out.push(doc_finding(
                        Finding::new(
                            "doc.standard.title",
                            Category::Consistency,
                            Severity::Warning,
                            "",
                            format!("{n} 的名称写作《{cited}》，知识库中该编号为《{title}》；请核实标准名称或编号"),
                        )
                        .cite("LüShen 知识库", "标准目录"),
                        ctx.location(loc.clone(), &text),
                    ));
                }
            }
            if known.contains_key(&key) {
                // A known standard replaced on the review date, cited as current.
                if let Status::Repealed { on, by, .. } = book.status(&n, ctx.as_of) {
                    out.push(doc_finding(
                        Finding::new(
                            "doc.standard.repealed",
                            Category::Consistency,
                            Severity::Warning,
                            "",
                            format!(
                                "引用 {n}，该标准已于 {on} 被替代{}；审查日（{}）应执行现行标准",
                                by.map(|b| format!("（现行：{b}）")).unwrap_or_default(),
                                ctx.as_of
                            ),
                        )
                        .cite(n.clone(), "状态"),
                        ctx.location(loc.clone(), &text),
                    ));
                }
                continue;
            }
            let base = base_of(&key);
            let same_base: Vec<&String> = known.keys().filter(|k| base_of(k) == base).collect();
            let (severity, message) = if let Some(near) = same_base.first() {
                let title = known.get(*near).copied().unwrap_or("");
                (
                    Severity::Warning,
                    format!(
                        "引用的标准编号 {n} 不在知识库中；知识库有 {}《{title}》，请核实年份/版本",
                        pretty(near)
                    ),
                )
            } else {
                let nearest = nearest_number(&key, known.keys());
                (
                    Severity::Info,
                    format!(
                        "引用的标准编号 {n} 不在知识库中，无法核对其名称和限值{}",
                        nearest
                            .map(|k| format!(
                                "（最接近的已知编号：{}《{}》）",
                                pretty(&k),
                                known.get(&k).copied().unwrap_or("")
                            ))
                            .unwrap_or_default()
                    ),
                )
            };
            out.push(doc_finding(
                Finding::new(
                    "doc.standard.unknown",
                    Category::Consistency,
                    severity,
                    "",
                    message,
                )
                .cite("LüShen 知识库", "标准目录"),
                ctx.location(loc.clone(), &text),
            ));
        }
    }
}

/// The title in 《》 printed right before a standard number (`《…》（GB 4287-2012）`).
fn cited_title(text: &str, number: &str) -> Option<String> {
    let folded = fold(text);
    let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
    let at = folded.find(&number.replace(' ', "")).or_else(|| {
        // The number as printed may have a space or another dash.
        let prefix: String = number.chars().take_while(|c| !c.is_ascii_digit()).collect();
        let prefix = prefix.trim();
        folded.match_indices(prefix).map(|(i, _)| i).find(|i| {
            folded[*i..]
                .chars()
                .filter(|c| c.is_ascii_digit())
                .take(digits.len())
                .collect::<String>()
                == digits
        })
    })?;
    let before = folded[..at].trim_end_matches(['(', '（', ' ']);
    let close = before.strip_suffix('》')?;
    let open = close.rfind('《')?;
    let title = &close[open + '《'.len_utf8()..];
    (!title.is_empty()).then(|| title.to_owned())
}

fn same_title(cited: &str, known: &str) -> bool {
    let norm = |t: &str| -> String {
        fold(t)
            .chars()
            .filter(|c| !matches!(c, '《' | '》' | '"' | '“' | '”' | '(' | ')' | '-'))
            .collect()
    };
    let (a, b) = (norm(cited), norm(known));
    a == b || a.contains(&b) || b.contains(&a)
}

fn pretty(key: &str) -> String {
    for prefix in ["GB/T", "HJ/T", "CJ/T", "GB", "HJ", "CJ"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return format!("{prefix} {rest}");
        }
    }
    key.to_owned()
}

/// The known number with the same prefix and the closest digits (edit distance).
fn nearest_number<'a>(key: &str, known: impl Iterator<Item = &'a String>) -> Option<String> {
    let prefix: String = key
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '/')
        .collect();
    let base = base_of(key);
    known
        .filter(|k| k.starts_with(&prefix))
        .map(|k| (edit_distance(base_of(k), base), k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Laws cited by title (《…》) that are repealed on the review date.
fn laws(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    let book = LawBook::builtin();
    let re = Regex::new(r"《([^》]{2,40})》").expect("static regex");
    let mut seen = BTreeSet::new();
    for (text, loc) in units(ctx.doc) {
        for c in re.captures_iter(&text) {
            let title = c[1].to_owned();
            if !seen.insert(title.clone()) {
                continue;
            }
            if let Status::Repealed { on, by, kind } = book.status(&title, ctx.as_of) {
                if kind == "standard" {
                    continue; // standards are checked by number
                }
                out.push(doc_finding(
                    Finding::new(
                        "doc.standard.repealed",
                        Category::Consistency,
                        Severity::Warning,
                        "",
                        format!(
                            "以《{title}》为依据，但该法已于 {on} 废止{}；审查日（{}）应引用现行法律",
                            by.map(|b| format!("，由《{b}》取代")).unwrap_or_default(),
                            ctx.as_of
                        ),
                    )
                    .cite(book.code.clone(), book.code_repeal_clause.clone()),
                    ctx.location(loc.clone(), &text),
                ));
            }
        }
    }
}

const INDUSTRY_WORDS: [&str; 12] = [
    "印染", "染整", "纺织", "针织", "织造", "化纤", "袜业", "服饰", "印花", "染色", "丝绸", "家纺",
];

/// Sections where the project is described (names of others do not belong there).
fn project_sections(structure: &Structure) -> Vec<(usize, usize, String)> {
    let keys = match structure.format {
        Format::ReportTable2021 => vec!["一", "二", "四", "五", "六"],
        Format::ReportTable1999 => vec!["建设项目基本情况", "建设项目工程分析", "结论与建议"],
        Format::ReportBook => vec!["概述", "工程分析", "结论"],
        Format::Unknown => vec![],
    };
    structure
        .sections
        .iter()
        .filter(|s| keys.contains(&s.key.as_str()))
        .map(|s| (s.start, s.end, s.key.clone()))
        .collect()
}

fn section_units(ctx: &Ctx) -> Vec<(String, Loc, String)> {
    let mut out = Vec::new();
    for (start, end, key) in project_sections(ctx.structure) {
        for block in &ctx.doc.blocks[start..end] {
            match block {
                Block::Paragraph(p) => out.push((p.text.clone(), p.loc.clone(), key.clone())),
                Block::Table(t) => {
                    for r in 0..t.rows.len() {
                        let mut loc = t.cell_loc(r, 0);
                        loc.col = None;
                        out.push((t.row_texts(r).join(" | "), loc, key.clone()));
                    }
                }
            }
        }
    }
    out
}

fn foreign(ctx: &Ctx, out: &mut Vec<DocFinding>) {
    let filing = &ctx.draft.filing;
    let s = |p: &str| {
        get_path(filing, p)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    let applicant = s("project.applicant");
    let agency = s("project.eia_agency");
    let district = s("location.district");
    let address = s("location.address");
    let receiving = s("water.receiving");
    let credit = s("project.credit_code");
    if district.is_empty() && address.is_empty() {
        return; // nothing to tell foreign from own
    }
    let mut reported: BTreeSet<String> = BTreeSet::new();
    // Places: a district of the gazetteer that is not the project's, or a place of the
    // gazetteer lying in another district.
    for (text, loc, key) in section_units(ctx) {
        for d in &ctx.knowledge.districts {
            if *d == district || !text.contains(d.as_str()) || address.contains(d.as_str()) {
                continue;
            }
            if reported.insert(format!("place:{d}")) {
                out.push(doc_finding(
                    ctx.responsibility(Finding::new(
                        "doc.foreign.place",
                        Category::Consistency,
                        Severity::Warning,
                        "location.district",
                        format!(
                            "{key}中出现“{d}”，但本项目位于{}；请核实是否为其他项目的内容（张冠李戴）",
                            if district.is_empty() { address.as_str() } else { district.as_str() }
                        ),
                    )),
                    ctx.location(loc.clone(), &text),
                ));
            }
        }
        for (place, place_district) in &ctx.knowledge.places {
            let Some(pd) = place_district else { continue };
            if pd == &district
                || district.is_empty()
                || place.chars().count() < 4
                || !text.contains(place.as_str())
            {
                continue;
            }
            if address.contains(place.as_str()) || receiving.contains(place.as_str()) {
                continue;
            }
            if reported.insert(format!("place:{place}")) {
                out.push(doc_finding(
                    ctx.responsibility(Finding::new(
                        "doc.foreign.place",
                        Category::Consistency,
                        Severity::Warning,
                        "location.industrial_park",
                        format!("{key}中出现“{place}”（位于{pd}），但本项目位于{district}；请核实"),
                    )),
                    ctx.location(loc.clone(), &text),
                ));
            }
        }
    }
    // Companies of the same trade that are not the applicant.
    let company_re = Regex::new(r"([\p{Han}（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司))")
        .expect("static regex");
    let strip = [
        "委托", "纳入", "排入", "进入", "送至", "交由", "由", "与", "经", "属", "系", "为", "即",
        "的", "向", "将", "位于",
    ];
    for (text, loc, key) in section_units(ctx) {
        for c in company_re.captures_iter(&text) {
            let mut name = c[1].to_owned();
            for p in strip {
                if let Some(rest) = name.strip_prefix(p) {
                    name = rest.to_owned();
                }
            }
            let own = [&applicant, &agency, &receiving]
                .iter()
                .any(|k| !k.is_empty() && (k.contains(&name) || name.contains(k.as_str())));
            if own || !INDUSTRY_WORDS.iter().any(|w| name.contains(w)) {
                continue;
            }
            if reported.insert(format!("company:{name}")) {
                out.push(doc_finding(
                    ctx.responsibility(Finding::new(
                        "doc.foreign.company",
                        Category::Consistency,
                        Severity::Warning,
                        "project.applicant",
                        format!(
                            "{key}中出现同行业企业“{name}”，但建设单位为“{applicant}”；请核实是否为其他项目的内容（张冠李戴）"
                        ),
                    )),
                    ctx.location(loc.clone(), &text),
                ));
            }
        }
    }
    // Credit codes outside the 编制情况表 and annexes.
    let code_re = Regex::new(r"\b([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})\b")
        .expect("static regex");
    let agency_codes: BTreeSet<String> = ctx
        .draft
        .provenance
        .iter()
        .filter(|(k, _)| k.as_str() == "project.credit_code")
        .map(|(_, p)| p.text.clone())
        .collect();
    for (text, loc, key) in section_units(ctx) {
        for c in code_re.captures_iter(&fold(&text)) {
            let code = c[1].to_owned();
            if code == credit
                || agency_codes.contains(&code)
                || ctx
                    .doc
                    .tables()
                    .take(3)
                    .any(|t| t.plain_text().contains(&code))
            {
                continue;
            }
            if reported.insert(format!("code:{code}")) {
                out.push(doc_finding(
                    ctx.responsibility(Finding::new(
                        "doc.foreign.credit_code",
                        Category::Consistency,
                        Severity::Warning,
                        "project.credit_code",
                        format!("{key}中出现统一社会信用代码 {code}，与建设单位（{credit}）和编制单位的均不同；请核实"),
                    )),
                    ctx.location(loc.clone(), &text),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_number_forms() {
        assert_eq!(
            standard_numbers("（GB 4287-2012）及DB33/962-2015、HJ 2.2—2018"),
            vec!["GB 4287-2012", "DB33/962-2015", "HJ 2.2-2018"]
        );
        assert_eq!(standard_numbers("GB/T 4754-2017"), vec!["GB/T 4754-2017"]);
    }

    #[test]
    fn cited_titles() {
        assert_eq!(
            cited_title(
                "执行《污水综合排放标准》（GB 4287-2012）三级标准",
                "GB 4287-2012"
            )
            .as_deref(),
            Some("污水综合排放标准")
        );
        assert!(cited_title("GB 4287-2012 间接排放", "GB 4287-2012").is_none());
        assert!(same_title(
            "纺织染整工业水污染物排放标准",
            "纺织染整工业水污染物排放标准"
        ));
        assert!(!same_title(
            "污水综合排放标准",
            "纺织染整工业水污染物排放标准"
        ));
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("GB4287", "GB4278"), 2);
        assert_eq!(tolerance(&["1.5", "0.75"]), 0.5 * 0.01 * 2.0);
    }
}
