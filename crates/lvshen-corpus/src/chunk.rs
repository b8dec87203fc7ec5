//! Clause-level chunking.
//!
//! - Laws: one chunk per article (第X条), with its paragraphs (款) and items (项), labelled with
//!   the chapter it sits in.
//! - Standards: one chunk per numbered section (4.5, 3.2 …); inside a table (表N), one chunk
//!   per row, carrying the table caption and header so that a row is readable alone.
//! - Markdown with headings (digests, approvals): one chunk per heading section, labelled
//!   with the clause the heading names (第二十二条, 表2, 4.5) or the heading itself.

use crate::normalize::{join_wrapped, normalize_line};

/// A chunk before it gets its document's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct RawChunk {
    pub clause: String,
    pub context: Option<String>,
    /// The section heading, when there is one.
    pub heading: Option<String>,
    pub page: Option<u32>,
    pub text: String,
}

/// Longest chunk text, in characters; longer sections are split at paragraph breaks.
pub const MAX_CHUNK_CHARS: usize = 1200;

/// Parses a Chinese numeral (一 … 九千九百九十九) or ASCII digits.
pub fn chinese_number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let digit = |c| match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let mut total = 0;
    let mut current = 0;
    let mut any = false;
    for c in text.chars() {
        any = true;
        match c {
            '十' => {
                total += if current == 0 { 10 } else { current * 10 };
                current = 0;
            }
            '百' => {
                total += current * 100;
                current = 0;
            }
            '千' => {
                total += current * 1000;
                current = 0;
            }
            _ => current = digit(c)?,
        }
    }
    any.then_some(total + current)
}

/// `第二十二条 …` → `第二十二条`.
pub fn article_label(line: &str) -> Option<String> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find('条')?;
    let number = &rest[..end];
    if number.is_empty() || number.chars().count() > 8 || chinese_number(number).is_none() {
        return None;
    }
    Some(format!("第{number}条"))
}

/// `第三章 …`, `第二节 …` → the heading.
fn chapter_heading(line: &str) -> Option<String> {
    let rest = line.strip_prefix('第')?;
    let pos = rest.find(['章', '节', '编'])?;
    // "第三分编 水污染防治": the Code's parts within a book (分编) are headings too.
    let number = rest[..pos].strip_suffix('分').unwrap_or(&rest[..pos]);
    (!number.is_empty() && chinese_number(number).is_some()).then(|| line.trim().to_owned())
}

/// The rank of a law's heading: 编 0, 分编 1, 章 2, 节 3.
/// The heading is normalised (no space): "第三分编水污染防治".
fn heading_rank(heading: &str) -> usize {
    let Some(pos) = heading.find(['章', '节', '编']) else {
        return 3;
    };
    match heading[pos..].chars().next() {
        Some('编') if heading[..pos].ends_with('分') => 1,
        Some('编') => 0,
        Some('章') => 2,
        _ => 3,
    }
}

/// The context of an article: its innermost heading, and, when its text speaks of 本分编, 本编,
/// 本章 or 本节 and that is an outer heading, that one first ("海洋污染的防治不适用本分编" is
/// the Code's 第三分编 水污染防治, under 第七章 一般规定: a reader, and the search, must know
/// which part "本分编" is).
fn article_context(levels: &[(usize, String)], text: &str) -> Option<String> {
    let innermost = levels.last().map(|(_, h)| h.clone())?;
    let named = [("本分编", 1), ("本编", 0), ("本章", 2), ("本节", 3)]
        .into_iter()
        .filter(|(word, _)| text.contains(word))
        .filter_map(|(_, rank)| levels.iter().find(|(r, _)| *r == rank))
        .map(|(_, h)| h.as_str())
        .filter(|h| *h != innermost)
        .min_by_key(|h| heading_rank(h));
    Some(match named {
        Some(outer) => format!("{outer} {innermost}"),
        None => innermost,
    })
}

/// Splits a law's text (Markdown or plain) into articles.
pub fn chunk_law(body: &str) -> Vec<RawChunk> {
    let mut out = Vec::new();
    // The open headings, outermost first: (rank, heading).
    let mut levels: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let flush = |current: &mut Option<(String, Vec<String>)>,
                 levels: &[(usize, String)],
                 out: &mut Vec<RawChunk>| {
        if let Some((label, lines)) = current.take() {
            let text = lines.join("\n");
            push_split(out, &label, article_context(levels, &text), None, &text);
        }
    };
    let mut in_header = body.contains("<!-- INFO END -->");
    for raw in body.lines() {
        if in_header {
            if raw.contains("<!-- INFO END -->") {
                in_header = false;
            }
            continue;
        }
        let line = normalize_line(raw.trim_start_matches('#'));
        if line.is_empty() || raw.starts_with("# ") {
            continue;
        }
        if let Some(heading) =
            chapter_heading(&line).filter(|_| !line.contains('条') || raw.starts_with('#'))
        {
            flush(&mut current, &levels, &mut out);
            let rank = heading_rank(&heading);
            levels.retain(|(r, _)| *r < rank);
            levels.push((rank, heading));
            continue;
        }
        if let Some(label) = article_label(&line) {
            flush(&mut current, &levels, &mut out);
            current = Some((label, vec![line]));
            continue;
        }
        if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    flush(&mut current, &levels, &mut out);
    out
}

/// Units a number at the start of a line may carry: then it states a quantity, not a section.
const QUANTITY_UNITS: [&str; 17] = [
    "吨", "千克", "克", "米", "年", "月", "日", "天", "小时", "分钟", "万", "亿", "元", "倍", "升",
    "兆瓦", "个",
];

/// From this many numbered items on, a document is a catalogue's list of rows (名录's
/// 1 … 112), not a standard's chapters (which never reach 20): its rows are counted one by
/// one, so a number that does not follow the last row closely is an industry code ("469
/// 涉及通用工序…"), a wrapped quantity ("500 张以下", "1.6兆帕") or a page number, and no row.
const CATALOGUE_ROWS: u32 = 20;

/// How far a catalogue's row number may run ahead of the last row read: rows the extractor
/// lost must not glue every row after them to the one before.
const ROW_SKIP: u32 = 10;

/// A catalogue's row that stands for several numbered entries, "118-140 GHW C.I.酸性黄 42 等
/// 23 种…" (环境保护综合名录): its label and its last entry's number, when it follows `last`.
fn row_range(line: &str, last: u32) -> Option<(String, u32)> {
    let (first, rest) = line.split_once('-')?;
    let from: u32 = first.parse().ok()?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let to: u32 = digits.parse().ok()?;
    let after = rest[digits.len()..].trim_start();
    let next = after.chars().next()?;
    let opens_row = rest[digits.len()..].starts_with(' ')
        && (crate::normalize::is_han(next) || next.is_ascii_uppercase());
    (last > 0 && from > last && from <= last + ROW_SKIP && to > from && opens_row)
        .then(|| (format!("{from}-{to}"), to))
}

/// Whether `number` may open a row after row `last` of a catalogue; 1 opens a new list
/// (a catalogue's appended tables number their rows afresh).
fn follows_row(number: &str, last: u32) -> bool {
    number
        .parse::<u32>()
        .is_ok_and(|n| n == 1 || (n > last && n <= last + ROW_SKIP))
}

/// "553 GHW/GHF": a catalogue's row whose first column is a Latin code, its name wrapped to
/// the next line.
fn latin_row(line: &str, last: u32) -> Option<String> {
    let (number, rest) = line.split_once(' ')?;
    (rest
        .trim_start()
        .starts_with(|c: char| c.is_ascii_uppercase())
        && number != "1"
        && follows_row(number, last))
    .then(|| number.to_owned())
}

/// How many lines atop a page a running header may take.
const RUNNING_LINES: usize = 3;

/// The lines that open three pages or more (among each page's first `RUNNING_LINES`): a
/// running header, a table's column heads repeated on each page it runs over.
fn running_headers(pages: &[String]) -> std::collections::HashSet<String> {
    let mut pages_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in pages {
        let mut seen = std::collections::HashSet::new();
        for line in page
            .lines()
            .map(normalize_line)
            .filter(|l| !l.is_empty())
            .take(RUNNING_LINES)
        {
            if seen.insert(line.clone()) {
                *pages_of.entry(line).or_default() += 1;
            }
        }
    }
    pages_of
        .into_iter()
        .filter(|(line, n)| {
            *n >= 3
                && !line.chars().all(|c| c.is_ascii_digit() || c == ' ')
                && section_number(line).is_none()
                && table_label(line).is_none()
                && article_label(line).is_none()
        })
        .map(|(line, _)| line)
        .collect()
}

/// "— 10 —", "- 3 -": a page number set between dashes.
fn is_dashed_page_number(line: &str) -> bool {
    let dash = |c: char| matches!(c, '—' | '-' | '–');
    let inner = line.trim().trim_matches(dash).trim();
    line.trim().starts_with(dash)
        && line.trim().ends_with(dash)
        && !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_digit())
}

/// A numbered section heading of a standard: `4.5 …`, `3 术语和定义`, `附录A`.
fn section_number(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix("附录") {
        let letter: String = rest
            .chars()
            .take_while(|c| c.is_ascii_uppercase())
            .collect();
        if !letter.is_empty() {
            return Some(format!("附录{letter}"));
        }
    }
    // Appendix numbering: `A.2 …`, `A.2.1 …`.
    let letter: String = line
        .chars()
        .take(1)
        .filter(|c| c.is_ascii_uppercase())
        .collect();
    let after_letter = if !letter.is_empty() && line[1..].starts_with('.') {
        &line[1..]
    } else if letter.is_empty() {
        line
    } else {
        return None;
    };
    let digits: String = after_letter
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let number = format!("{letter}{digits}");
    if digits.is_empty()
        || number.ends_with('.')
        || number.starts_with('0')
        || (letter.is_empty() && digits.starts_with('.'))
        || !digits.chars().any(|c| c.is_ascii_digit())
        // A chapter or a catalogue's item has at most three digits: a line that opens with
        // "8978 最高允许排放浓度" is the tail of a wrapped "GB 8978", and "2015 年" a year.
        || (letter.is_empty() && !number.contains('.') && number.len() > 3)
    {
        return None;
    }
    let after = &line[number.len()..];
    let rest = after.trim_start();
    let next = rest.chars().next()?;
    // "8.4.2 条规定外,应在…" (GB 37822 8.4.1's "除\n8.4.2 条规定外"), "5.7.1或 5.7.2执行": a
    // reference to a clause wrapped to the start of a line; no heading opens so.
    if number.contains('.') && matches!(next, '条' | '款' | '或' | '和' | '及' | '至' | '的')
    {
        return None;
    }
    // "10 吨，或者总磷年排放量大于 0.5 吨的": a quantity wrapped to the start of a line.
    if !number.contains('.') && QUANTITY_UNITS.iter().any(|u| rest.starts_with(u)) {
        return None;
    }
    // "储罐容积≥75 m\n3 的挥发性有机液体储罐": a unit's exponent set on a line of its own
    // (m³), the sentence going on after it. No heading goes on with 的.
    if next == '的' {
        return None;
    }
    let spaced = after.starts_with(|c: char| c.is_whitespace());
    // "6.3 5.1.8 条所规定的一般工业固体废物…": a clause that opens with a reference to another.
    if spaced && number.contains('.') && opens_with_reference(rest) {
        return Some(number);
    }
    // `4.4重点地区…`: extractors sometimes drop the space after a dotted section number.
    let glued_dotted = !spaced && number.contains('.');
    // "5 VOCs 物料储存无组织排放控制要求": a heading may open with a Latin abbreviation.
    let latin_head =
        spaced && next.is_ascii_uppercase() && rest.chars().any(crate::normalize::is_han);
    if ((spaced || glued_dotted) && crate::normalize::is_han(next)) || latin_head {
        Some(number)
    } else {
        None
    }
}

/// A unit's exponent a PDF sets on a line of its own put back: "储罐容积≥75 m" over "3 的挥发性
/// 有机液体储罐" is "储罐容积≥75 m³" and "的挥发性有机液体储罐".
fn rejoin_exponents(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let exponent = line
            .strip_prefix('3')
            .map(|rest| ('³', rest))
            .or_else(|| line.strip_prefix('2').map(|rest| ('²', rest)));
        if let (Some(prev), Some((sup, rest))) = (out.last_mut(), exponent) {
            let unit = prev.ends_with(" m") || prev.ends_with("/m") || prev.ends_with("0m");
            let goes_on = rest
                .trim_start()
                .starts_with(['的', '以', '及', '或', '，', ',', '）', ')']);
            // "≥500 m\n3，以及…": the exponent may run straight on into a comma.
            let punct = rest.starts_with(['，', ',', '）', ')']);
            if unit && goes_on && (rest.starts_with(' ') || punct) {
                prev.push(sup);
                let rest = rest.trim_start().to_owned();
                out.push(rest);
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// Whether `rest` opens with a dotted clause number that it refers to ("5.1.8 条所规定的…").
fn opens_with_reference(rest: &str) -> bool {
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.contains('.')
        && !number.starts_with('.')
        && !number.ends_with('.')
        && rest[number.len()..].trim_start().starts_with('条')
}

/// The headings of the sections `label` lies in that had no text of their own, outermost
/// first, as its context: those its text does not already open with.
fn parent_headings(headings: &[(String, String)], label: &str, text: &str) -> Option<String> {
    let parents: Vec<&str> = headings
        .iter()
        .filter(|(number, heading)| {
            label.starts_with(&format!("{number}.")) && !text.contains(heading.as_str())
        })
        .map(|(_, heading)| heading.as_str())
        .collect();
    (!parents.is_empty()).then(|| parents.join(" "))
}

/// Whether the dotted `number` a line opens with goes back within the chapter of the open
/// section `open`: a cross-reference wrapped to the start of a line ("…应按\n5.3.2 设置测点"
/// in GB 12348's 5.3.3.2, "…视情况按\n5.7.1或 5.7.2执行" in 5.7.3), not a heading.
fn goes_back(number: &str, open: &str) -> bool {
    let parse = |n: &str| -> Option<Vec<u32>> { n.split('.').map(|p| p.parse().ok()).collect() };
    let (Some(new), Some(open)) = (parse(number), parse(open)) else {
        return false;
    };
    new.len() > 1 && new[0] == open[0] && new <= open
}

/// A line that opens with the dotted number that comes next after the open section `open`
/// (its sibling, first child or parent's sibling) glued to a number: the number and the line
/// with a space put back ("5.1.420t/h及以上…" after 5.1.3 → 5.1.4, "5.1.4 20t/h及以上…").
fn unglue_heading(line: &str, open: &str) -> Option<(String, String)> {
    let parts: Vec<u32> = open
        .split('.')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let mut next = Vec::new();
    for depth in (1..=parts.len()).rev() {
        let mut n = parts[..depth].to_vec();
        n[depth - 1] += 1;
        next.push(n);
    }
    let mut child = parts.clone();
    child.push(1);
    next.push(child);
    next.into_iter()
        .filter(|n| n.len() > 1)
        .map(|n| n.iter().map(u32::to_string).collect::<Vec<_>>().join("."))
        .find_map(|number| {
            let rest = line.strip_prefix(number.as_str())?;
            (rest.starts_with(|c: char| c.is_ascii_digit())
                && rest.chars().any(crate::normalize::is_han))
            .then(|| (number.clone(), format!("{number} {rest}")))
        })
}

/// `表2 …`, `表 2 …`, `续表2` → `表2`.
fn table_label(line: &str) -> Option<String> {
    let rest = line.strip_prefix("续").unwrap_or(line).strip_prefix('表')?;
    let rest = rest.trim_start();
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    if number.is_empty()
        || !number
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return None;
    }
    let after = &rest[number.len()..];
    // A caption, not a sentence that mentions a table ("表2规定的限值").
    if after.trim_start().starts_with(['规', '中', '所', '的']) || line.contains('。') {
        return None;
    }
    Some(format!("表{number}"))
}

/// A line of a table of contents: a heading, a dot leader, a page number ("5 VOCs 物料储存
/// 无组织排放控制要求……4"). It names a section without saying what it requires, and would
/// outrank the section itself on the section's own words.
fn is_contents_line(line: &str) -> bool {
    let t = line.trim_end();
    // "1 适用范围 1......": GB 12348's contents set the leader after the page number.
    let before_leader = t.trim_end_matches(['.', '…', '·', '．', '。']);
    if t.len() - before_leader.len() >= 4
        && before_leader.trim_end().ends_with(|c: char| {
            c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X')
        })
    {
        return true;
    }
    let before_page =
        t.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | ' '));
    if before_page.len() == t.len() {
        return false;
    }
    ["....", "……", "····", "．．．．", "。。。。"]
        .iter()
        .any(|leader| before_page.ends_with(leader))
}

/// The chapters a standard's table of contents lists, by number: "6 实施与监督 ....... 6" → (6,
/// "实施与监督").
fn contents_chapters(pages: &[String]) -> std::collections::HashMap<u32, String> {
    pages
        .iter()
        .flat_map(|p| p.lines().map(normalize_line))
        .filter(|l| is_contents_line(l))
        .filter_map(|l| {
            let (number, rest) = l.split_once(' ')?;
            let n: u32 = number.parse().ok()?;
            let title: String = rest
                .chars()
                .take_while(|c| crate::normalize::is_han(*c))
                .collect();
            (!title.is_empty()).then_some((n, title))
        })
        .collect()
}

/// Splits a standard's text (one string per page) into sections and table rows.
/// `doc_number` lines (running headers), bare page numbers and table-of-contents lines are
/// dropped.
pub fn chunk_standard(pages: &[String], doc_number: Option<&str>) -> Vec<RawChunk> {
    let header = doc_number.map(|d| d.replace(' ', ""));
    let running = running_headers(pages);
    let chapters = contents_chapters(pages);
    // The running header atop each page, carried to the pages after it that have none.
    let mut page_headers: Vec<Option<String>> = Vec::with_capacity(pages.len());
    let mut out = Vec::new();
    let mut section: Option<(String, u32, Vec<String>)> = None;
    let mut table: Option<Table> = None;
    let mut top_level = 0u32;
    // Whether the open section has a line besides its heading (and its parents' headings).
    let mut section_body = true;
    // The last article read of those a catalogue issued as a ministry's order opens with.
    let mut article = 0u32;
    // The headings that had no text of their own ("5.5 背景噪声测量"), by number: what a
    // subsection under them is about (5.5.2 "测量时段:与被测声源测量的时间长度相同").
    let mut headings: Vec<(String, String)> = Vec::new();

    for (index, page) in pages.iter().enumerate() {
        let page_no = index as u32 + 1;
        let lines: Vec<String> = rejoin_exponents(
            page.lines()
                .map(normalize_line)
                .filter(|l| !l.is_empty())
                .collect(),
        );
        let own: Vec<&str> = lines
            .iter()
            .take(RUNNING_LINES)
            .filter(|l| running.contains(l.as_str()))
            .map(String::as_str)
            .collect();
        let carried = page_headers.last().cloned().flatten();
        page_headers.push(if own.is_empty() {
            carried
        } else {
            Some(own.join(" "))
        });
        for (i, line) in lines.iter().enumerate() {
            let line = line.clone();
            let compact = line.replace([' ', '—', '-'], "");
            if is_contents_line(&line) {
                continue;
            }
            // Page numbers sit at the top or bottom of a page; a bare number in the middle of
            // a table is a value and must be kept.
            let near_edge = i < 3 || i + 3 >= lines.len();
            let bare_number = line
                .chars()
                .all(|c| c.is_ascii_digit() || c == '·' || c == '-' || c == ' ');
            // "28" alone on its line, the row's name wrapped below it ("棉纺织及印染精加工 …"):
            // a catalogue's row whose name takes several lines opens so.
            let row_alone = bare_number
                && table.is_none()
                && !near_edge
                && top_level >= CATALOGUE_ROWS
                && follows_row(line.trim(), top_level)
                && lines
                    .get(i + 1)
                    .and_then(|l| l.chars().next())
                    .is_some_and(crate::normalize::is_han);
            // A running header ("环评类别 / 项目类别 报告书 报告表 登记表…" atop each page of a
            // catalogue's table) is no row's text but each row's context (below); a page number
            // between dashes ("— 10 —") is nothing.
            if (i < RUNNING_LINES && running.contains(line.as_str()))
                || is_dashed_page_number(&line)
            {
                continue;
            }
            if (bare_number && !row_alone && (table.is_none() || (near_edge && i < 3)))
                || header
                    .as_ref()
                    .is_some_and(|h| compact == h.replace(['—', '-'], ""))
            {
                continue;
            }
            if let Some(label) = table_label(&line) {
                if let Some(t) = table.take() {
                    t.flush(&mut out);
                }
                let context = section.as_ref().map(|s| s.0.clone());
                if let Some((label, page, lines)) = section.take() {
                    let text = join_wrapped(&lines);
                    let context = parent_headings(&headings, &label, &text);
                    push_split(&mut out, &label, context, Some(page), &text);
                }
                table = Some(Table::new(label, line.clone(), page_no, context));
                continue;
            }
            // A catalogue issued as a ministry's order (排污许可分类管理名录) opens with its
            // articles, 第一条 to 第十条, before its table: each is a passage of its own. Only
            // the next article opens one: a wrapped line that starts "第三条(一)中的…" is no
            // heading.
            if table.is_none()
                && (top_level == 0 || article > 0)
                && let Some(label) = article_label(&line)
                && chinese_number(label.trim_start_matches('第').trim_end_matches('条'))
                    == Some(article + 1)
            {
                if let Some((label, page, lines)) = section.take() {
                    let text = join_wrapped(&lines);
                    let context = parent_headings(&headings, &label, &text);
                    push_split(&mut out, &label, context, Some(page), &text);
                }
                section = Some((label, page_no, vec![line]));
                section_body = true;
                article += 1;
                continue;
            }
            // "5.1.420t/h及以上蒸汽锅炉…" after 5.1.3: the extractor glued the next clause's
            // number to the value that opens it.
            let unglued = section
                .as_ref()
                .and_then(|(label, _, _)| unglue_heading(&line, label));
            let line = unglued.as_ref().map_or(line, |(_, l)| l.clone());
            let in_catalogue = table.is_none() && top_level >= CATALOGUE_ROWS;
            let range = if in_catalogue {
                row_range(&line, top_level)
            } else {
                None
            };
            let number = unglued
                .map(|(n, _)| n)
                .or_else(|| {
                    section_number(&line).filter(|n| {
                        !section
                            .as_ref()
                            .is_some_and(|(open, _, _)| goes_back(n, open))
                    })
                })
                .or_else(|| range.as_ref().map(|(label, _)| label.clone()))
                .or_else(|| in_catalogue.then(|| latin_row(&line, top_level)).flatten())
                .or_else(|| row_alone.then(|| line.trim().to_owned()))
                .filter(|n| !in_catalogue || range.is_some() || follows_row(n, top_level));
            if let Some(number) = number {
                let top: u32 = range.as_ref().map_or_else(
                    || {
                        number
                            .split('.')
                            .next()
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(0)
                    },
                    |(_, to)| *to,
                );
                let dotted = number.contains('.');
                // Inside a table, "2 化学需氧量 80 200" is a row, not section 2.
                let is_heading = match &table {
                    None => true,
                    Some(_) => {
                        dotted
                            || number.starts_with("附录")
                            || (top == top_level + 1
                                && !line.chars().skip(number.len()).any(|c| c.is_ascii_digit())
                                // "6 氨氮", a row of 表4 on the page after its caption, is no
                                // chapter 6 when the contents call chapter 6 实施与监督.
                                && chapters.get(&top).is_none_or(|title| {
                                    line[number.len()..]
                                        .replace(' ', "")
                                        .starts_with(title.as_str())
                                }))
                    }
                };
                if is_heading {
                    if let Some(t) = table.take() {
                        t.flush(&mut out);
                    }
                    let mut opening = Vec::new();
                    if let Some((label, page, lines)) = section.take() {
                        // A heading with no text of its own ("5 VOCs 物料储存无组织排放控制
                        // 要求" before "5.1 …") opens its first subsection: alone it would be
                        // a passage that names a subject and says nothing of it.
                        if !section_body && number.starts_with(&format!("{label}.")) {
                            if let Some(heading) = lines.last() {
                                headings.push((label.clone(), heading.clone()));
                            }
                            opening = lines;
                        } else {
                            let text = join_wrapped(&lines);
                            let context = parent_headings(&headings, &label, &text);
                            push_split(&mut out, &label, context, Some(page), &text);
                        }
                    }
                    if !dotted && top > 0 {
                        top_level = top;
                    }
                    opening.push(line);
                    section = Some((number, page_no, opening));
                    section_body = false;
                    continue;
                }
            }
            if let Some(t) = table.as_mut() {
                t.push(line, page_no);
            } else if let Some((_, _, lines)) = section.as_mut() {
                lines.push(line);
                section_body = true;
            } else {
                section = Some(("前言".to_owned(), page_no, vec![line]));
            }
        }
    }
    if let Some(t) = table.take() {
        t.flush(&mut out);
    }
    if let Some((label, page, lines)) = section.take() {
        let text = join_wrapped(&lines);
        let context = parent_headings(&headings, &label, &text);
        push_split(&mut out, &label, context, Some(page), &text);
    }
    // A catalogue's row is read under its columns' heads: "26 家用纺织制成品制造 177 涉及通用
    // 工序重点管理的…" says which 管理类别 each cell is only with "序号 行业类别 重点管理 简化
    // 管理 登记管理".
    for chunk in &mut out {
        let row = chunk.clause.chars().all(|c| c.is_ascii_digit() || c == '-')
            && chunk.clause.starts_with(|c: char| c.is_ascii_digit());
        if row && chunk.context.is_none() {
            chunk.context = chunk
                .page
                .and_then(|p| page_headers.get(p as usize - 1).cloned().flatten());
        }
    }
    out
}

/// A table being read: caption, header lines before the first numbered row, then rows.
struct Table {
    label: String,
    caption: String,
    page: u32,
    section: Option<String>,
    header: Vec<String>,
    rows: Vec<(u32, Vec<String>)>,
}

impl Table {
    fn new(label: String, caption: String, page: u32, section: Option<String>) -> Self {
        Table {
            label,
            caption,
            page,
            section,
            header: Vec::new(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, line: String, page: u32) {
        let starts_row = line
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3)
            && line.split_whitespace().count() >= 2;
        if starts_row {
            self.rows.push((page, vec![line]));
        } else if let Some((_, lines)) = self.rows.last_mut() {
            lines.push(line);
        } else {
            self.header.push(line);
        }
    }

    fn flush(self, out: &mut Vec<RawChunk>) {
        let header = self.header.join(" ");
        if self.rows.is_empty() {
            let text = format!("{}\n{}", self.caption, header);
            push_split(out, &self.label, self.section, Some(self.page), text.trim());
            return;
        }
        for (page, lines) in self.rows {
            let text = format!("{}\n{}\n{}", self.caption, header, lines.join(" "));
            out.push(RawChunk {
                clause: self.label.clone(),
                context: self.section.clone(),
                heading: Some(self.caption.clone()),
                page: Some(page),
                text,
            });
        }
    }
}

/// Splits a Markdown body into heading sections. `#` is the title and is skipped.
pub fn chunk_sections(body: &str) -> Vec<RawChunk> {
    let mut out = Vec::new();
    let mut parent: Option<String> = None;
    let mut current: Option<(String, Option<String>, Vec<String>)> = None;
    for raw in body.lines() {
        let trimmed = raw.trim();
        let level = trimmed.chars().take_while(|c| *c == '#').count();
        if level >= 1 && trimmed[level..].starts_with(' ') {
            let label_source: String =
                unicode_normalization::UnicodeNormalization::nfkc(trimmed[level..].trim())
                    .collect();
            let heading = normalize_line(&trimmed[level..]);
            if level == 1 {
                continue;
            }
            if let Some((label, ctx, lines)) = current.take() {
                push_split(&mut out, &label, ctx, None, &lines.join("\n"));
            }
            if level == 2 {
                parent = Some(heading.clone());
            }
            let ctx = if level > 2 { parent.clone() } else { None };
            current = Some((clause_of_heading(&label_source), ctx, vec![heading]));
            continue;
        }
        let line = normalize_line(raw);
        if line.is_empty() {
            continue;
        }
        match current.as_mut() {
            Some((_, _, lines)) => lines.push(line),
            None => current = Some(("概述".to_owned(), None, vec![line])),
        }
    }
    if let Some((label, ctx, lines)) = current.take() {
        push_split(&mut out, &label, ctx, None, &lines.join("\n"));
    }
    out
}

/// The clause a heading names: `第二十二条 审批期限` → `第二十二条`; `表2 …` → `表2`;
/// `4.5 基准水量换算` → `4.5`; else the heading.
pub fn clause_of_heading(heading: &str) -> String {
    // `注(4) 园区…`, `一(二) 新建项目进园区`, `2017年版 资源消耗指标`, `第二十八项 纺织业`:
    // a short enumerator or reference before the first space is the label.
    if let Some((first, rest)) = heading.split_once(' ') {
        let numeral = |c: char| "零〇一二三四五六七八九十百()、.".contains(c);
        let looks_like_label = first.chars().count() <= 14
            && !rest.trim().is_empty()
            && (first.chars().any(|c| c.is_ascii_digit())
                || first.starts_with('注')
                || first.starts_with("说明")
                || first.starts_with("附录")
                || first.starts_with('表')
                || (first.starts_with('第') && first.ends_with(['项', '条', '款', '章', '节']))
                || first.chars().all(numeral));
        if looks_like_label {
            return first.to_owned();
        }
    }
    if let Some(label) = article_label(heading) {
        return label;
    }
    if let Some(label) = table_label(heading) {
        return label;
    }
    if let Some(number) = section_number(heading) {
        return number;
    }
    heading.to_owned()
}

/// Pushes a chunk, split at line breaks when it is longer than [`MAX_CHUNK_CHARS`].
fn push_split(
    out: &mut Vec<RawChunk>,
    label: &str,
    context: Option<String>,
    page: Option<u32>,
    text: &str,
) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    // A short first line is the section's heading (Markdown headings, numbered sections).
    let heading = text
        .lines()
        .next()
        .filter(|l| l.chars().count() <= 40)
        .map(str::to_owned);
    if text.chars().count() <= MAX_CHUNK_CHARS {
        out.push(RawChunk {
            clause: label.to_owned(),
            context,
            heading,
            page,
            text: text.to_owned(),
        });
        return;
    }
    let mut part = String::new();
    for line in text.lines() {
        if !part.is_empty() && part.chars().count() + line.chars().count() > MAX_CHUNK_CHARS {
            out.push(RawChunk {
                clause: label.to_owned(),
                context: context.clone(),
                heading: heading.clone(),
                page,
                text: std::mem::take(&mut part),
            });
        }
        if !part.is_empty() {
            part.push('\n');
        }
        // A single line longer than the limit is cut at a character boundary.
        let mut line = line;
        while line.chars().count() > MAX_CHUNK_CHARS {
            let cut = line
                .char_indices()
                .nth(MAX_CHUNK_CHARS)
                .map_or(line.len(), |(i, _)| i);
            out.push(RawChunk {
                clause: label.to_owned(),
                context: context.clone(),
                heading: heading.clone(),
                page,
                text: line[..cut].to_owned(),
            });
            line = &line[cut..];
        }
        part.push_str(line);
    }
    if !part.trim().is_empty() {
        out.push(RawChunk {
            clause: label.to_owned(),
            context,
            heading,
            page,
            text: part,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_heading_ends_the_article_before_it() {
        let body = "#### 第六章 重污染天气应对\n\n第二百六十五条 国家加强重污染天气重点行业绩效分级。\n\n### 第三分编 水污染防治\n\n#### 第七章 一般规定\n\n第二百六十六条 本分编适用于地表水体污染的防治。\n";
        let chunks = chunk_law(body);
        assert_eq!(chunks.len(), 2, "{chunks:?}");
        assert!(!chunks[0].text.contains("分编"), "{}", chunks[0].text);
        assert_eq!(
            chapter_heading("第三分编 水污染防治").as_deref(),
            Some("第三分编 水污染防治")
        );
    }

    #[test]
    fn a_units_exponent_on_its_own_line_is_put_back() {
        let lines = vec![
            "5.2.1.1 储存真实蒸气压≥76.6 kPa 且储罐容积≥75 m".to_owned(),
            "3 的挥发性有机液体储罐,应采用低压罐。".to_owned(),
            "5.2.1.2 其他。".to_owned(),
            "3 术语和定义".to_owned(),
        ];
        let joined = rejoin_exponents(lines);
        assert_eq!(
            joined[0],
            "5.2.1.1 储存真实蒸气压≥76.6 kPa 且储罐容积≥75 m³"
        );
        assert_eq!(joined[1], "的挥发性有机液体储罐,应采用低压罐。");
        assert_eq!(joined[3], "3 术语和定义");
        let lines = vec![
            "年装载量≥500 m".to_owned(),
            "3，以及装载物料真实蒸气压≥".to_owned(),
            "年装载量≥500 m".to_owned(),
            "3.1 挥发性有机物".to_owned(),
        ];
        let joined = rejoin_exponents(lines);
        assert_eq!(joined[0], "年装载量≥500 m³");
        assert_eq!(joined[1], "，以及装载物料真实蒸气压≥");
        assert_eq!(joined[3], "3.1 挥发性有机物");
    }

    #[test]
    fn a_clause_may_open_with_a_reference_to_another() {
        assert_eq!(
            section_number("6.3 5.1.8 条所规定的一般工业固体废物经处理后仅可进入 II 类场")
                .as_deref(),
            Some("6.3")
        );
        // A reference wrapped to a line's start opens nothing, nor does a value.
        assert_eq!(section_number("8.4.2 条规定外,应在…"), None);
        assert_eq!(section_number("5.2 1.0×10-5 cm/s"), None);
        let pages = vec![
            "6.2 进入 II 类场的废物应满足以下要求：\nb）水溶性盐总量小于 5%。\n6.3 5.1.8 条所规定的一般工业固体废物经处理后仅可进入 II 类场贮存、填埋。"
                .to_owned(),
        ];
        let chunks = chunk_standard(&pages, None);
        assert!(
            chunks
                .iter()
                .any(|c| c.clause == "6.3" && c.text.contains("仅可进入")),
            "{chunks:?}"
        );
    }

    #[test]
    fn a_heading_may_open_with_a_latin_abbreviation() {
        assert_eq!(
            section_number("5 VOCs 物料储存无组织排放控制要求").as_deref(),
            Some("5")
        );
        assert_eq!(section_number("5 mg/m3"), None);
        // The tail of a wrapped standard number, or a year, opens no chapter.
        assert_eq!(
            section_number("8978 最高允许排放浓度（第二类污染物）"),
            None
        );
        assert_eq!(section_number("2015 年起执行"), None);
        assert_eq!(section_number("3 的挥发性有机液体储罐,应采用低压罐"), None);
        assert_eq!(section_number("12 附则").as_deref(), Some("12"));
        assert_eq!(section_number("158 紧凑型荧光灯").as_deref(), Some("158"));
        let pages = vec![
            "4.2 其他要求。\n5 VOCs 物料储存无组织排放控制要求\n5.1 基本要求\n5.1.1 VOCs 物料应储存于密闭的容器中。"
                .to_owned(),
        ];
        let chunks = chunk_standard(&pages, None);
        assert!(
            chunks
                .iter()
                .all(|c| c.clause != "5" && !c.text.ends_with("控制要求")),
            "{chunks:?}"
        );
        assert!(
            chunks
                .iter()
                .any(|c| c.text.contains("物料储存") && c.text.contains("密闭")),
            "{chunks:?}"
        );
    }

    #[test]
    fn a_catalogue_s_articles_are_passages_of_their_own_before_its_table() {
        let pages = vec![
            "第一条 为实施分类管理，制定本名录。\n第二条 实行重点管理、简化管理和登记管理。\n第三条 按照本名录\n第二条规定的类别管理。\n第四条 有下列情形之一的：\n（一）化学需氧量年排放量大于 30 吨，或者总氮年排放量大于\n10 吨的；\n（二）其他。\n序号 行业类别 重点管理 简化管理\n1 牲畜饲养 031 设有污水排放口的 / 其他".to_owned(),
        ];
        let chunks = chunk_standard(&pages, None);
        let clauses: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(
            &clauses[..4],
            ["第一条", "第二条", "第三条", "第四条"],
            "{clauses:?}"
        );
        // A wrapped "第二条规定的…" stays in 第三条; "10 吨的" in 第四条.
        assert!(
            chunks[2].text.contains("规定的类别管理"),
            "{}",
            chunks[2].text
        );
        assert!(chunks[3].text.contains("10 吨的"), "{}", chunks[3].text);
        assert!(!clauses.contains(&"10"), "{clauses:?}");
    }

    #[test]
    fn an_article_on_its_own_part_carries_that_part_heading() {
        let body = "# 法典\n\n## 第二编 污染防治\n\n### 第三分编 水污染防治\n\n#### 第七章 一般规定\n\n\
                    第二百九十六条 海洋污染的防治不适用本分编。\n\n第二百九十七条 排放水污染物，不得超过标准。\n\n\
                    ### 第四分编 海洋污染防治\n\n#### 第十一章 一般规定\n\n第三百三十四条 本分编适用于海洋污染的防治。\n";
        let chunks = chunk_law(body);
        let context = |clause: &str| {
            chunks
                .iter()
                .find(|c| c.clause == clause)
                .and_then(|c| c.context.clone())
        };
        assert_eq!(
            context("第二百九十六条").as_deref(),
            Some("第三分编水污染防治 第七章一般规定")
        );
        // An article that does not speak of its part keeps its chapter only.
        assert_eq!(context("第二百九十七条").as_deref(), Some("第七章一般规定"));
        assert_eq!(
            context("第三百三十四条").as_deref(),
            Some("第四分编海洋污染防治 第十一章一般规定")
        );
    }

    #[test]
    fn contents_lines_are_not_text() {
        assert!(is_contents_line(
            "5 VOCs 物料储存无组织排放控制要求..........................................4"
        ));
        assert!(is_contents_line("前言……………………………… II"));
        assert!(is_contents_line("附录A（规范性附录）监测方法····· 12"));
        assert!(!is_contents_line(
            "5.1.2 贮存场的防洪标准应按重现期不小于 50 年一遇"
        ));
        assert!(!is_contents_line("化学需氧量 80 200"));
        // GB 12348 sets the leader after the page number.
        assert!(is_contents_line(
            "1 适用范围 1..............................................."
        ));
        let pages = vec![
            "目次\n1 适用范围........................1\n5 物料储存要求........................4"
                .to_owned(),
            "5 物料储存要求\n5.1 VOCs 物料应储存于密闭的容器中。".to_owned(),
        ];
        let chunks = chunk_standard(&pages, None);
        assert!(
            chunks.iter().all(|c| !c.text.contains("....")),
            "{chunks:?}"
        );
        assert!(chunks.iter().any(|c| c.text.contains("密闭")), "{chunks:?}");
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("二十二"), Some(22));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("一百零三"), Some(103));
        assert_eq!(chinese_number("四十六"), Some(46));
        assert_eq!(chinese_number("x"), None);
    }

    #[test]
    fn law_articles_with_chapters() {
        let body = "# 某法\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了保护环境，制定本法。\n\n第二条 本法所称环境。\n\n（一）大气；\n\n## 第二章 监督\n\n第三条 国家实行制度。\n";
        let chunks = chunk_law(body);
        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[1].clause, "第二条");
        assert_eq!(chunks[1].context.as_deref(), Some("第一章总则"));
        assert!(chunks[1].text.contains("(一)大气;"), "{}", chunks[1].text);
        assert_eq!(chunks[2].context.as_deref(), Some("第二章监督"));
    }

    #[test]
    fn a_table_s_row_numbered_as_the_next_chapter_is_a_row_when_the_contents_say_so() {
        let pages = vec![
            "目 次\n5 污染物监测要求 ............ 5\n6 实施与监督 ............ 6".to_owned(),
            "5 污染物监测要求\n5.6 测定采用表 4 所列的方法标准。\n表4 水污染物浓度测定方法标准\n序号 污染物项目 方法标准名称\n1 pH值 玻璃电极法\n".to_owned(),
            "6 氨氮\n纳氏试剂分光光度法\n6 实施与监督\n6.1 本标准由环境保护行政主管部门负责监督实施。".to_owned(),
        ];
        let chunks = chunk_standard(&pages, None);
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["前言", "5.6", "表4", "表4", "6.1"]);
        assert!(chunks[3].text.contains("6 氨氮"), "{}", chunks[3].text);
        assert!(
            chunks[4].text.contains("6 实施与监督"),
            "{}",
            chunks[4].text
        );
    }

    #[test]
    fn standard_sections_and_table_rows() {
        let pages = vec![
            "GB 4287-2012\n1 适用范围\n本标准规定了限值。\n4.2 自 2015 年 1 月 1 日起，现有企业执行表 2 规定的限值。\n表2 新建企业水污染物排放浓度限值\n序号 污染物项目 限值\n直接排放 间接排放\n1 pH 值 6～9 6～9\n2 化学需氧量(CODCr) 80 200\n".to_owned(),
            "GB 4287-2012\n3\n3 五日生化需氧量 20 50\n4.4 根据环境保护工作的要求。\n".to_owned(),
        ];
        let chunks = chunk_standard(&pages, Some("GB 4287-2012"));
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["1", "4.2", "表2", "表2", "表2", "4.4"]);
        assert!(chunks[3].text.contains("化学需氧量(CODCr) 80 200"));
        assert!(chunks[3].text.starts_with("表2 新建企业"));
        assert_eq!(chunks[4].page, Some(2));
    }

    #[test]
    fn a_catalogue_s_rows_are_counted_one_by_one() {
        let mut page: String = (1..=20)
            .map(|n| format!("{n} 行业{n} 涉及通用工序重点管理的 其他\n"))
            .collect();
        page.push_str(
            "21 自来水生产和供应 461，其他水的处理、利用与分配\n469 涉及通用工序重点管理的 其他\n\
             序号 行业类别 重点管理\n22\n棉纺织及印染精加工 171，毛纺织及\n染整精加工 172\n\
             有前处理、染色工序的 仅含整理工序的 其他\n\
             23 医院 841 床位 500 张及以上的\n500 张以下的综合医院 8411\n\
             24-30 GHW C.I.酸性黄 42 等 7 种酸性染料（原浆喷雾干燥工艺除外）\n\
             31 GHW C.I.活性黄 1 26110106\n1.6兆帕及以下的天然气管道\n32 末行 其他\n",
        );
        let chunks = chunk_standard(&[page], None);
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        let expected: Vec<String> = (1..=23)
            .map(|n| n.to_string())
            .chain(["24-30".to_owned(), "31".to_owned(), "32".to_owned()])
            .collect();
        assert_eq!(labels, expected);
        let row = |label: &str| chunks.iter().find(|c| c.clause == label).unwrap();
        assert!(row("21").text.contains("469 涉及通用工序"));
        assert!(row("22").text.contains("棉纺织及印染精加工"));
        assert!(row("22").text.contains("仅含整理工序的"));
        assert!(row("23").text.contains("500 张以下"));
        assert!(row("24-30").text.contains("酸性染料"));
        assert!(row("31").text.contains("1.6兆帕"));
    }

    #[test]
    fn running_headers_are_each_row_s_context_and_dashed_page_numbers_nothing() {
        let page = |n: u32, row: &str| {
            format!("环评类别\n项目类别 报告书 报告表 登记表\n{row}\n其他\n/\n— {n} —")
        };
        let pages = vec![
            page(1, "1 卷烟制造 162 全部"),
            page(2, "2 纺织业 171 有染色工序的"),
            page(3, "3 服装制造 181 有染色工序的"),
        ];
        let chunks = chunk_standard(&pages, None);
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        for row in &chunks {
            assert!(!row.text.contains("报告书"), "{}", row.text);
            assert!(!row.text.contains('—'), "{}", row.text);
            assert_eq!(
                row.context.as_deref(),
                Some("环评类别 项目类别报告书报告表登记表")
            );
        }
    }

    #[test]
    fn a_clause_number_wrapped_to_a_line_start_is_a_reference_not_a_heading() {
        // GB 12348 5.3.3.2 and 5.7.3, GB 37822 8.4.1: the clause each refers to goes back
        // in its chapter, or is followed by 条 or 或.
        let pages = vec![
            "GB 12348-2008
5.3.2 测点位置一般规定一般情况下,测点选在工业企业厂界外 1 m。
5.3.3.2 当厂界无法测量到声源的实际排放状况时,应按
5.3.2 设置测点,同时另设测点。
5.7.3 噪声测量值与背景噪声值相差小于 3dB(A)时,视情况按
5.7.1或 5.7.2执行。
8.4.1 发现泄漏之日起 5 d 内应进行首次修复,除
8.4.2 条规定外,应在 15 d 内完成修复。
8.4.2 符合下列条件之一的可延迟修复。
"
            .to_owned(),
        ];
        let chunks = chunk_standard(&pages, Some("GB 12348-2008"));
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["5.3.2", "5.3.3.2", "5.7.3", "8.4.1", "8.4.2"]);
        assert!(chunks[0].text.contains("厂界外 1 m"), "{chunks:?}");
        assert!(chunks[1].text.contains("另设测点"), "{chunks:?}");
        assert!(chunks[3].text.contains("15 d 内完成修复"), "{chunks:?}");
    }

    #[test]
    fn a_subsection_carries_the_headings_it_lies_under() {
        // GB 12348 5.5.2 says 测量时段 of the 背景噪声测量 its parent heading names.
        let pages = vec![
            "GB 12348-2008
5.5 背景噪声测量
5.5.1 测量环境:不受被测声源影响。
5.5.2 测量时段:与被测声源测量的时间长度相同。
5.6 测量记录噪声测量时需做测量记录。
"
            .to_owned(),
        ];
        let chunks = chunk_standard(&pages, Some("GB 12348-2008"));
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["5.5.1", "5.5.2", "5.6"]);
        // The first subsection opens with the heading already; the next carries it.
        assert_eq!(chunks[0].context, None);
        assert_eq!(chunks[1].context.as_deref(), Some("5.5 背景噪声测量"));
        assert_eq!(chunks[2].context, None);
    }

    #[test]
    fn a_clause_number_glued_to_its_first_value_is_split() {
        let pages = vec![
            "GB 13271-2014\n5.1.3 排气筒中大气污染物的监测采样按 GB 5468 规定执行;\n5.1.420t/h及以上蒸汽锅炉应安装污染物排放自动监控设备。\n5.1.5 对大气污染物的监测。\n".to_owned(),
        ];
        let chunks = chunk_standard(&pages, Some("GB 13271-2014"));
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["5.1.3", "5.1.4", "5.1.5"]);
        assert!(
            chunks[1].text.starts_with("5.1.4 20t/h"),
            "{}",
            chunks[1].text
        );
        assert_eq!(unglue_heading("5.1.3 采样", "5.1.3"), None);
        assert_eq!(unglue_heading("4.2100 mg", "4.1"), None);
    }

    #[test]
    fn markdown_sections_take_clause_labels() {
        let body = "# 摘要\n## 第四章 审批\n### 第二十二条 审批期限\n报告书六十日。\n### 表2 限值\n化学需氧量 200\n";
        let chunks = chunk_sections(body);
        let labels: Vec<&str> = chunks.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(labels, ["第四章", "第二十二条", "表2"]);
        assert_eq!(chunks[1].context.as_deref(), Some("第四章审批"));
    }

    #[test]
    fn long_sections_are_split() {
        let line = "很".repeat(500);
        let body = format!("## 一、长节\n{line}\n{line}\n{line}\n");
        let chunks = chunk_sections(&body);
        assert!(chunks.len() >= 2);
        assert!(
            chunks
                .iter()
                .all(|c| c.text.chars().count() <= MAX_CHUNK_CHARS)
        );
    }
}
