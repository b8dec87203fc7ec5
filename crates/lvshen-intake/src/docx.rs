//! DOCX reader on `zip` + `quick-xml`: body paragraphs with heading levels (style or outline
//! level), tables with merged cells expanded (`gridSpan`, `vMerge`, `gridBefore`), tick boxes
//! from `w:sym` and check-box content controls, reviewer comments. Field codes and deleted
//! revisions are skipped.
//!
//! Limits: every part is read through a size cap (a zip bomb stops at the cap, not at the
//! end of memory), a DOCTYPE is refused (no entity is ever expanded), the number of tables,
//! paragraphs and cells is capped.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::IntakeError;
use crate::model::{Block, Cell, Document, FileKind, Loc, Paragraph, Table};

/// Caps for one DOCX.
#[derive(Debug, Clone, Copy)]
pub struct DocxLimits {
    /// Largest uncompressed size of one XML part.
    pub part_bytes: u64,
    pub tables: usize,
    pub paragraphs: usize,
    pub cells: usize,
}

impl Default for DocxLimits {
    fn default() -> Self {
        DocxLimits {
            part_bytes: 64 << 20,
            tables: 2_000,
            paragraphs: 200_000,
            cells: 500_000,
        }
    }
}

/// Reads a DOCX from its bytes.
pub fn read_docx(file: &str, bytes: &[u8], limits: DocxLimits) -> Result<Document, IntakeError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| IntakeError::Docx {
        what: format!("不是完整的 DOCX（ZIP）文件：{e}"),
    })?;
    let document_xml = read_part(&mut archive, "word/document.xml", limits.part_bytes)?
        .ok_or_else(|| IntakeError::Docx {
            what: "ZIP 包中没有 word/document.xml，不是 Word 文档".to_owned(),
        })?;
    let styles = match read_part(&mut archive, "word/styles.xml", limits.part_bytes)? {
        Some(xml) => parse_styles(&xml)?,
        None => HashMap::new(),
    };
    let comments = match read_part(&mut archive, "word/comments.xml", limits.part_bytes)? {
        Some(xml) => parse_comments(&xml)?,
        None => Vec::new(),
    };
    let blocks = parse_body(&document_xml, &styles, limits)?;
    Ok(Document {
        file: file.to_owned(),
        kind: FileKind::Docx,
        pages: None,
        blocks,
        scanned_pages: Vec::new(),
        notes: Vec::new(),
        comments,
    })
}

fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    cap: u64,
) -> Result<Option<Vec<u8>>, IntakeError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(IntakeError::Docx {
                what: format!("无法读取 {name}：{e}"),
            });
        }
    };
    let mut out = Vec::new();
    entry
        .take(cap + 1)
        .read_to_end(&mut out)
        .map_err(|e| IntakeError::Docx {
            what: format!("{name} 解压失败（文件损坏或被截断）：{e}"),
        })?;
    if out.len() as u64 > cap {
        return Err(IntakeError::TooLarge {
            what: format!(
                "{name} 解压后超过 {} MB（可能是压缩炸弹），已停止读取",
                cap >> 20
            ),
        });
    }
    Ok(Some(out))
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> IntakeError {
    IntakeError::Docx {
        what: format!("{part} 的 XML 有误：{e}"),
    }
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.as_ref();
        let name = key.rsplit(|b| *b == b':').next().unwrap_or(key);
        (name == local).then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

/// A predefined or character entity; anything else is refused.
fn entity(part: &str, raw: &[u8]) -> Result<String, IntakeError> {
    let name = String::from_utf8_lossy(raw);
    Ok(match name.as_ref() {
        "amp" => "&".to_owned(),
        "lt" => "<".to_owned(),
        "gt" => ">".to_owned(),
        "quot" => "\"".to_owned(),
        "apos" => "'".to_owned(),
        n if n.starts_with('#') => {
            let code = if let Some(hex) = n.strip_prefix("#x").or_else(|| n.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                n[1..].parse().ok()
            };
            code.and_then(char::from_u32)
                .map(String::from)
                .ok_or_else(|| xml_error(part, format!("无效的字符引用 &{n};")))?
        }
        n => {
            return Err(IntakeError::Docx {
                what: format!("{part} 引用了未声明的实体 &{n};（拒绝展开实体）"),
            });
        }
    })
}

fn reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    reader
}

/// styleId → heading level (from the outline level or a "heading N" / "标题 N" name).
fn parse_styles(xml: &[u8]) -> Result<HashMap<String, u8>, IntakeError> {
    let mut reader = reader(xml);
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    let mut current: Option<(String, Option<u8>)> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error("styles.xml", e))?;
        match event {
            Event::DocType(_) => return Err(doctype("styles.xml")),
            Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                b"style" => current = attr(&e, b"styleId").map(|id| (id, None)),
                b"name" => {
                    if let (Some((_, level)), Some(name)) = (current.as_mut(), attr(&e, b"val"))
                        && level.is_none()
                    {
                        *level = heading_from_name(&name);
                    }
                }
                b"outlineLvl" => {
                    if let (Some((_, level)), Some(v)) = (current.as_mut(), attr(&e, b"val"))
                        && let Ok(n) = v.parse::<u8>()
                        && n < 9
                    {
                        *level = Some(n + 1);
                    }
                }
                _ => {}
            },
            Event::End(e) if local(e.name().as_ref()) == b"style" => {
                if let Some((id, Some(level))) = current.take() {
                    out.insert(id, level);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn heading_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

fn doctype(part: &str) -> IntakeError {
    IntakeError::Docx {
        what: format!("{part} 含 DOCTYPE 声明（可用于实体扩展攻击，Word 不会写出），拒绝读取"),
    }
}

fn parse_comments(xml: &[u8]) -> Result<Vec<String>, IntakeError> {
    let mut reader = reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_t = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error("comments.xml", e))?;
        match event {
            Event::DocType(_) => return Err(doctype("comments.xml")),
            Event::Start(e) => match local(e.name().as_ref()) {
                b"comment" => current = Some(String::new()),
                b"t" => in_t = true,
                _ => {}
            },
            Event::End(e) => match local(e.name().as_ref()) {
                b"comment" => {
                    if let Some(c) = current.take()
                        && !c.trim().is_empty()
                    {
                        out.push(c.trim().to_owned());
                    }
                }
                b"t" => in_t = false,
                _ => {}
            },
            Event::Text(t) if in_t => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::GeneralRef(r) if in_t => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&entity("comments.xml", r.as_ref())?);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// A tick-box glyph from a symbol font (`w:sym`), if known.
fn symbol(font: &str, code: &str) -> Option<char> {
    let code = u32::from_str_radix(code.trim(), 16).ok()?;
    let low = code & 0xFF;
    let font = font.to_lowercase();
    if font.contains("wingdings 2") {
        return match low {
            0x52 => Some('☑'),
            0x53 | 0x54 | 0xCF | 0xD3 => Some('☒'),
            0xA3 | 0xA2 | 0x2A | 0x30 => Some('□'),
            _ => None,
        };
    }
    if font.contains("wingdings") {
        return match low {
            0xFE => Some('☑'),
            0xFD | 0x78 => Some('☒'),
            0xA8 | 0x6F | 0x71 => Some('□'),
            0xFC => Some('✓'),
            _ => None,
        };
    }
    None
}

#[derive(Default)]
struct RawCell {
    text: String,
    span: usize,
    /// `Some(true)` = restart, `Some(false)` = continue.
    vmerge: Option<bool>,
}

#[derive(Default)]
struct RawTable {
    rows: Vec<(usize, Vec<RawCell>)>,
}

struct BodyState<'a> {
    styles: &'a HashMap<String, u8>,
    limits: DocxLimits,
    blocks: Vec<Block>,
    paragraph_no: u32,
    table_no: u32,
    cells: usize,
    /// Open tables (nested tables' text goes into the outer cell).
    tables: Vec<RawTable>,
    para: Option<(String, Option<u8>)>,
    in_text: bool,
    /// Inside a field instruction (between fldChar begin and separate).
    in_field_code: bool,
    in_deleted: usize,
}

impl BodyState<'_> {
    fn push_text(&mut self, s: &str) {
        if self.in_field_code || self.in_deleted > 0 {
            return;
        }
        if let Some((text, _)) = self.para.as_mut() {
            text.push_str(s);
        }
    }
}

fn parse_body(
    xml: &[u8],
    styles: &HashMap<String, u8>,
    limits: DocxLimits,
) -> Result<Vec<Block>, IntakeError> {
    let part = "document.xml";
    let mut reader = reader(xml);
    let mut buf = Vec::new();
    let mut st = BodyState {
        styles,
        limits,
        blocks: Vec::new(),
        paragraph_no: 0,
        table_no: 0,
        cells: 0,
        tables: Vec::new(),
        para: None,
        in_text: false,
        in_field_code: false,
        in_deleted: 0,
    };
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, e))?;
        match event {
            Event::DocType(_) => return Err(doctype(part)),
            Event::Start(e) => start(&mut st, &e, false)?,
            Event::Empty(e) => start(&mut st, &e, true)?,
            Event::End(e) => end(&mut st, local(e.name().as_ref()))?,
            Event::Text(t) if st.in_text => {
                let s = String::from_utf8_lossy(t.as_ref()).into_owned();
                st.push_text(&s);
            }
            Event::GeneralRef(r) if st.in_text => {
                let s = entity(part, r.as_ref())?;
                st.push_text(&s);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(st.blocks)
}

fn start(st: &mut BodyState, e: &BytesStart, empty: bool) -> Result<(), IntakeError> {
    match local(e.name().as_ref()) {
        b"p" if !empty => st.para = Some((String::new(), None)),
        b"pStyle" => {
            if let (Some((_, level)), Some(id)) = (st.para.as_mut(), attr(e, b"val")) {
                if let Some(l) = st.styles.get(&id) {
                    *level = Some(*l);
                } else if let Some(l) = heading_from_name(&id) {
                    *level = Some(l);
                }
            }
        }
        b"outlineLvl" => {
            if let (Some((_, level)), Some(v)) = (st.para.as_mut(), attr(e, b"val"))
                && let Ok(n) = v.parse::<u8>()
                && n < 9
            {
                *level = Some(n + 1);
            }
        }
        b"t" if !empty => st.in_text = true,
        b"tab" if st.para.is_some() => st.push_text(" "),
        b"br" | b"cr" if st.para.is_some() && attr(e, b"type").as_deref() != Some("page") => {
            st.push_text("\n");
        }
        b"sym" => {
            if let (Some(font), Some(code)) = (attr(e, b"font"), attr(e, b"char"))
                && let Some(c) = symbol(&font, &code)
            {
                st.push_text(&c.to_string());
            }
        }
        b"fldChar" => match attr(e, b"fldCharType").as_deref() {
            Some("begin") => st.in_field_code = true,
            Some("separate") | Some("end") => st.in_field_code = false,
            _ => {}
        },
        b"del" if !empty => st.in_deleted += 1,
        b"tbl" if !empty => {
            if st.tables.is_empty() {
                st.table_no += 1;
                if st.table_no as usize > st.limits.tables {
                    return Err(IntakeError::TooLarge {
                        what: format!(
                            "文档含超过 {} 个表格，超出单个环评文件的处理上限",
                            st.limits.tables
                        ),
                    });
                }
            }
            st.tables.push(RawTable::default());
        }
        b"tr" if !empty => {
            if let Some(t) = st.tables.last_mut() {
                t.rows.push((0, Vec::new()));
            }
        }
        b"gridBefore" => {
            if let (Some(t), Some(n)) = (
                st.tables.last_mut(),
                attr(e, b"val").and_then(|v| v.parse::<usize>().ok()),
            ) && let Some(row) = t.rows.last_mut()
            {
                row.0 = n.min(64);
            }
        }
        b"tc" if !empty && st.tables.len() == 1 => {
            st.cells += 1;
            if st.cells > st.limits.cells {
                return Err(IntakeError::TooLarge {
                    what: format!("文档表格单元格超过 {} 个，超出处理上限", st.limits.cells),
                });
            }
            if let Some(row) = st.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                row.1.push(RawCell {
                    span: 1,
                    ..RawCell::default()
                });
            }
        }
        b"gridSpan" if st.tables.len() == 1 => {
            if let Some(cell) = current_cell(st) {
                cell.span = attr(e, b"val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
            }
        }
        b"vMerge" if st.tables.len() == 1 => {
            let restart = attr(e, b"val").as_deref() == Some("restart");
            if let Some(cell) = current_cell(st) {
                cell.vmerge = Some(restart);
            }
        }
        _ => {}
    }
    Ok(())
}

fn current_cell<'a>(st: &'a mut BodyState) -> Option<&'a mut RawCell> {
    st.tables
        .last_mut()
        .and_then(|t| t.rows.last_mut())
        .and_then(|r| r.1.last_mut())
}

fn end(st: &mut BodyState, name: &[u8]) -> Result<(), IntakeError> {
    match name {
        b"t" => st.in_text = false,
        b"del" => st.in_deleted = st.in_deleted.saturating_sub(1),
        b"p" => {
            let Some((text, level)) = st.para.take() else {
                return Ok(());
            };
            if st.tables.is_empty() {
                st.paragraph_no += 1;
                if st.paragraph_no as usize > st.limits.paragraphs {
                    return Err(IntakeError::TooLarge {
                        what: format!("文档段落超过 {} 个，超出处理上限", st.limits.paragraphs),
                    });
                }
                if !text.trim().is_empty() {
                    st.blocks.push(Block::Paragraph(Paragraph {
                        text: text.trim().to_owned(),
                        heading: level,
                        loc: Loc {
                            paragraph: Some(st.paragraph_no),
                            ..Loc::default()
                        },
                    }));
                }
            } else if let Some(outer) = st.tables.first_mut() {
                // Text of a cell (or of a nested table, flattened into the outer cell).
                if let Some(cell) = outer.rows.last_mut().and_then(|r| r.1.last_mut()) {
                    if !cell.text.is_empty() && !text.trim().is_empty() {
                        cell.text.push('\n');
                    }
                    cell.text.push_str(text.trim());
                }
            }
        }
        b"tbl" => {
            let Some(raw) = st.tables.pop() else {
                return Ok(());
            };
            if st.tables.is_empty() {
                let table = grid(raw, st.table_no, st.paragraph_no + 1);
                if !table.rows.is_empty() {
                    st.blocks.push(Block::Table(table));
                }
            } else if let Some(cell) = st
                .tables
                .last_mut()
                .and_then(|t| t.rows.last_mut())
                .and_then(|r| r.1.last_mut())
            {
                // Nested table: its cells' text, row by row, into the outer cell.
                for (_, row) in raw.rows {
                    let line: Vec<String> = row.into_iter().map(|c| c.text).collect();
                    if !cell.text.is_empty() {
                        cell.text.push('\n');
                    }
                    cell.text.push_str(&line.join(" "));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Expands spans into a rectangular grid.
fn grid(raw: RawTable, index: u32, paragraph: u32) -> Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (before, cells) in raw.rows {
        let mut row: Vec<Cell> = vec![Cell::default(); before];
        for raw_cell in cells {
            let col = row.len();
            let (text, spanned) = match raw_cell.vmerge {
                Some(false) => {
                    let above = rows
                        .last()
                        .and_then(|r| r.get(col))
                        .map(|c| c.text.clone())
                        .unwrap_or_default();
                    (above, true)
                }
                _ => (raw_cell.text, false),
            };
            for k in 0..raw_cell.span {
                row.push(Cell {
                    text: text.clone(),
                    spanned: spanned || k > 0,
                });
            }
        }
        rows.push(row);
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, Cell::default());
    }
    Table {
        index,
        rows,
        loc: Loc {
            paragraph: Some(paragraph),
            ..Loc::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols() {
        assert_eq!(symbol("Wingdings 2", "F052"), Some('☑'));
        assert_eq!(symbol("Wingdings", "F0A8"), Some('□'));
        assert_eq!(symbol("Arial", "0041"), None);
    }

    #[test]
    fn heading_names() {
        assert_eq!(heading_from_name("heading 2"), Some(2));
        assert_eq!(heading_from_name("标题 1"), Some(1));
        assert_eq!(heading_from_name("Normal"), None);
    }
}
