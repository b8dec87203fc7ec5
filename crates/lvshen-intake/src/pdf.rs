//! PDF reader with positions: `oxidize-pdf` text fragments and vector lines, tables rebuilt
//! from ruling lines (our own grid: spans kept, every grid position a merged cell covers
//! holds its text), prose lines grouped by baseline. After each page the characters placed
//! in cells and prose are compared with the page's plain extraction: a page that lost
//! characters falls back to its plain text (and says so), so a table never eats text
//! silently (the oxidize-pdf #375 / pdf_oxide #329 class of failure).

use std::collections::HashMap;
use std::io::Cursor;

use oxidize_pdf::graphics::extraction::{ExtractionConfig, GraphicsExtractor, LineOrientation};
use oxidize_pdf::parser::{PdfDocument, PdfReader};
use oxidize_pdf::text::{ExtractionOptions, TextExtractor, TextFragment};

use crate::IntakeError;
use crate::model::{Block, Cell, Document, FileKind, Loc, PageNote, Paragraph, Table};

/// Caps for one PDF.
#[derive(Debug, Clone, Copy)]
pub struct PdfLimits {
    pub pages: u32,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits { pages: 1_000 }
    }
}

/// Reads a PDF from its bytes. Encrypted files and files without any page are errors;
/// pages without text are listed as scans.
pub fn read_pdf(file: &str, bytes: &[u8], limits: PdfLimits) -> Result<Document, IntakeError> {
    let reader = PdfReader::new(Cursor::new(bytes)).map_err(|e| IntakeError::Pdf {
        what: format!("无法解析 PDF（文件损坏或被截断）：{e}"),
    })?;
    // Permission-restricted PDFs (an owner password only, common for official texts) open
    // with the empty user password and are read; a PDF that needs a password to open is not.
    if reader.is_encrypted() && !reader.is_unlocked() {
        return Err(IntakeError::Pdf {
            what: "PDF 已加密（需要密码才能打开），请上传未加密的文件".to_owned(),
        });
    }
    let document = PdfDocument::new(reader);
    let pages = document.page_count().map_err(|e| IntakeError::Pdf {
        what: format!("无法读取页数：{e}"),
    })?;
    if pages == 0 {
        return Err(IntakeError::Pdf {
            what: "PDF 没有页面".to_owned(),
        });
    }
    if pages > limits.pages {
        return Err(IntakeError::TooLarge {
            what: format!(
                "PDF 共 {pages} 页，超过单个环评文件的处理上限 {} 页",
                limits.pages
            ),
        });
    }
    let options = ExtractionOptions {
        preserve_layout: true,
        ..ExtractionOptions::default()
    };
    let mut extractor = TextExtractor::with_options(options);
    let mut graphics = GraphicsExtractor::new(ExtractionConfig {
        min_line_length: 1.0,
        extract_diagonals: false,
        stroked_only: false,
    });
    let mut out = Document {
        file: file.to_owned(),
        kind: FileKind::Pdf,
        pages: Some(pages),
        blocks: Vec::new(),
        scanned_pages: Vec::new(),
        notes: Vec::new(),
        comments: Vec::new(),
    };
    let mut table_no = 0u32;
    for index in 0..pages {
        let page_no = index + 1;
        let text = match extractor.extract_from_page(&document, index) {
            Ok(t) => t,
            Err(e) => {
                out.notes.push(PageNote {
                    page: page_no,
                    note: format!("本页文字无法读取：{e}"),
                });
                continue;
            }
        };
        let visible: usize = text
            .fragments
            .iter()
            .map(|f| f.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        if visible < 5 {
            out.scanned_pages.push(page_no);
            continue;
        }
        let lines = graphics
            .extract_from_page(&document, index as usize)
            .map(|g| rules_of(&g.lines))
            .unwrap_or_default();
        let page = layout_page(page_no, &text.fragments, &lines, &mut table_no);
        // Loss check: every visible character of the fragments must be placed.
        let placed: usize = page
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.chars().filter(|c| !c.is_whitespace()).count(),
                Block::Table(t) => t
                    .rows
                    .iter()
                    .flatten()
                    .filter(|c| !c.spanned)
                    .map(|c| c.text.chars().filter(|c| !c.is_whitespace()).count())
                    .sum(),
            })
            .sum();
        if placed < visible {
            let had_tables = page.iter().any(|b| matches!(b, Block::Table(_)));
            out.notes.push(PageNote {
                page: page_no,
                note: format!(
                    "表格重建丢失 {} 个字符，本页改用纯文本（{}）",
                    visible - placed,
                    if had_tables {
                        "表格未保留"
                    } else {
                        "无表格"
                    }
                ),
            });
            for line in text.text.lines().filter(|l| !l.trim().is_empty()) {
                out.blocks.push(Block::Paragraph(Paragraph {
                    text: line.trim().to_owned(),
                    heading: None,
                    loc: Loc {
                        page: Some(page_no),
                        ..Loc::default()
                    },
                }));
            }
        } else {
            out.blocks.extend(page);
        }
    }
    join_continued_tables(&mut out.blocks);
    // Number paragraphs over the document, so that each has a place of its own.
    let mut n = 0;
    for block in &mut out.blocks {
        if let Block::Paragraph(p) = block {
            n += 1;
            p.loc.paragraph = Some(n);
        }
    }
    if out.blocks.is_empty() && !out.scanned_pages.is_empty() {
        return Err(IntakeError::Scanned {
            pages: out.scanned_pages.len() as u32,
        });
    }
    Ok(out)
}

/// A table that starts a page right after a table that ended the previous page, with the
/// same number of columns, continues it; a first row without its label (empty first cell)
/// is the rest of a row cut by the page break.
fn join_continued_tables(blocks: &mut Vec<Block>) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut removed = 0u32;
    for block in blocks.drain(..) {
        let Block::Table(mut table) = block else {
            out.push(block);
            continue;
        };
        table.index -= removed;
        let continues = match out.last() {
            Some(Block::Table(prev)) => {
                prev.loc.page.is_some()
                    && table.loc.page.is_some()
                    && prev.loc.page < table.loc.page
                    && prev.width() == table.width()
            }
            _ => false,
        };
        if !continues {
            out.push(Block::Table(table));
            continue;
        }
        removed += 1;
        if let Some(Block::Table(prev)) = out.last_mut() {
            let mut rows = table.rows.into_iter();
            if let Some(first) = rows.next() {
                let cut = first.first().is_some_and(|c| c.text.trim().is_empty());
                match prev.rows.last_mut() {
                    Some(last) if cut => {
                        for (cell, more) in last.iter_mut().zip(first) {
                            if !more.text.trim().is_empty() {
                                cell.text = cjk_join(&[cell.text.clone(), more.text]);
                            }
                        }
                    }
                    _ => prev.rows.push(first),
                }
            }
            prev.rows.extend(rows);
        }
    }
    *blocks = out;
}

/// Horizontal and vertical rules of a page's vector lines (diagonals dropped).
fn rules_of(lines: &[oxidize_pdf::graphics::extraction::VectorLine]) -> Vec<Rule> {
    lines
        .iter()
        .filter_map(|l| match l.orientation {
            LineOrientation::Horizontal => Some(Rule::H {
                y: (l.y1 + l.y2) / 2.0,
                x1: l.x1.min(l.x2),
                x2: l.x1.max(l.x2),
            }),
            LineOrientation::Vertical => Some(Rule::V {
                x: (l.x1 + l.x2) / 2.0,
                y1: l.y1.min(l.y2),
                y2: l.y1.max(l.y2),
            }),
            LineOrientation::Diagonal => None,
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Rule {
    H { y: f64, x1: f64, x2: f64 },
    V { x: f64, y1: f64, y2: f64 },
}

const TOL: f64 = 2.5;

/// Coordinates within `TOL` of each other, merged to their mean.
fn cluster(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if (v - *mean / *n as f64).abs() <= TOL => {
                *mean += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(s, n)| s / n as f64).collect()
}

/// A table region: connected ruling lines.
struct Region {
    hs: Vec<(f64, f64, f64)>,
    vs: Vec<(f64, f64, f64)>,
}

/// Drops frames that are not table borders: a long vertical rule that no more than two
/// horizontal rules touch is the side of a page frame or clipping rectangle (Chromium and
/// Word clip each page's content with a rectangle; a table cut by a page break touches it).
fn drop_frames(rules: &[Rule]) -> Vec<Rule> {
    let touches = |v: &Rule| {
        let Rule::V { x, y1, y2 } = *v else {
            return usize::MAX;
        };
        rules
            .iter()
            .filter(|h| match **h {
                Rule::H { y, x1, x2 } => {
                    x >= x1 - TOL && x <= x2 + TOL && y >= y1 - TOL && y <= y2 + TOL
                }
                Rule::V { .. } => false,
            })
            .count()
    };
    rules
        .iter()
        .filter(|r| match **r {
            Rule::V { y1, y2, .. } => !(y2 - y1 > 300.0 && touches(r) <= 2),
            Rule::H { .. } => true,
        })
        .copied()
        .collect()
}

fn regions(rules: &[Rule]) -> Vec<Region> {
    let rules = &drop_frames(rules);
    let n = rules.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let touches = |a: &Rule, b: &Rule| match (a, b) {
        (Rule::H { y, x1, x2 }, Rule::V { x, y1, y2 })
        | (Rule::V { x, y1, y2 }, Rule::H { y, x1, x2 }) => {
            *x >= x1 - TOL && *x <= x2 + TOL && *y >= y1 - TOL && *y <= y2 + TOL
        }
        _ => false,
    };
    for i in 0..n {
        for j in (i + 1)..n {
            if touches(&rules[i], &rules[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: HashMap<usize, Region> = HashMap::new();
    for (i, rule) in rules.iter().enumerate() {
        let root = find(&mut parent, i);
        let region = groups.entry(root).or_insert(Region {
            hs: Vec::new(),
            vs: Vec::new(),
        });
        match *rule {
            Rule::H { y, x1, x2 } => region.hs.push((y, x1, x2)),
            Rule::V { x, y1, y2 } => region.vs.push((x, y1, y2)),
        }
    }
    let mut out: Vec<Region> = groups
        .into_values()
        .filter(|r| r.hs.len() >= 2 && r.vs.len() >= 2)
        .collect();
    // Top of page first (PDF y grows upwards).
    out.sort_by(|a, b| {
        let top = |r: &Region| r.hs.iter().map(|h| h.0).fold(f64::MIN, f64::max);
        top(b).total_cmp(&top(a))
    });
    out
}

struct Grid {
    ys: Vec<f64>,
    xs: Vec<f64>,
    /// Cell id per unit (row-major over (ys.len()-1) × (xs.len()-1)).
    ids: Vec<usize>,
}

impl Grid {
    fn rows(&self) -> usize {
        self.ys.len() - 1
    }
    fn cols(&self) -> usize {
        self.xs.len() - 1
    }
    fn area(&self) -> f64 {
        (self.ys[0] - self.ys[self.ys.len() - 1]) * (self.xs[self.xs.len() - 1] - self.xs[0])
    }
    fn contains(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let (top, bottom) = (self.ys[0], self.ys[self.ys.len() - 1]);
        let (left, right) = (self.xs[0], self.xs[self.xs.len() - 1]);
        if y > top || y < bottom || x < left || x > right {
            return None;
        }
        let r = self.ys.windows(2).position(|w| y <= w[0] && y >= w[1])?;
        let c = self.xs.windows(2).position(|w| x >= w[0] && x <= w[1])?;
        Some((r, c))
    }
}

fn build_grid(region: &Region) -> Option<Grid> {
    let mut ys = cluster(region.hs.iter().map(|h| h.0).collect());
    ys.reverse(); // top first
    let xs = cluster(region.vs.iter().map(|v| v.0).collect());
    if ys.len() < 2 || xs.len() < 2 || ys.len() > 400 || xs.len() > 60 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    // A vertical separator between columns c and c+1 in row r exists when a vertical rule at
    // xs[c+1] covers the row's middle; same for horizontal separators.
    let v_sep = |r: usize, c: usize| {
        let mid = (ys[r] + ys[r + 1]) / 2.0;
        region
            .vs
            .iter()
            .any(|&(x, y1, y2)| (x - xs[c + 1]).abs() <= TOL && y1 <= mid + TOL && y2 >= mid - TOL)
    };
    let h_sep = |r: usize, c: usize| {
        let mid = (xs[c] + xs[c + 1]) / 2.0;
        region
            .hs
            .iter()
            .any(|&(y, x1, x2)| (y - ys[r + 1]).abs() <= TOL && x1 <= mid + TOL && x2 >= mid - TOL)
    };
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for r in 0..rows {
        for c in 0..cols {
            if c + 1 < cols && !v_sep(r, c) {
                let (a, b) = (
                    find(&mut parent, r * cols + c),
                    find(&mut parent, r * cols + c + 1),
                );
                parent[b] = a;
            }
            if r + 1 < rows && !h_sep(r, c) {
                let (a, b) = (
                    find(&mut parent, r * cols + c),
                    find(&mut parent, (r + 1) * cols + c),
                );
                parent[b] = a;
            }
        }
    }
    let ids = (0..rows * cols).map(|i| find(&mut parent, i)).collect();
    Some(Grid { ys, xs, ids })
}

fn split_across_cells(fragments: &[TextFragment], grids: &[Grid]) -> Vec<TextFragment> {
    let mut out = Vec::with_capacity(fragments.len());
    for f in fragments {
        let crosses = f.text.trim().contains(char::is_whitespace)
            && grids.iter().any(|g| {
                let inside = g.contains(f.x + 0.5, f.y + f.font_size * 0.3).is_some()
                    || g.contains(f.x + f.width - 0.5, f.y + f.font_size * 0.3)
                        .is_some();
                inside
                    && g.xs
                        .iter()
                        .any(|x| *x > f.x + 1.0 && *x < f.x + f.width - 1.0)
            });
        if !crosses {
            out.push(f.clone());
            continue;
        }
        let chars: Vec<char> = f.text.chars().collect();
        // Advance widths estimated: CJK and full-width forms 1 em, others half.
        let w = |c: char| if c as u32 >= 0x2E80 { 1.0 } else { 0.5 };
        let mut offsets = Vec::with_capacity(chars.len() + 1);
        let mut acc: f64 = 0.0;
        for c in &chars {
            offsets.push(acc);
            acc += w(*c);
        }
        offsets.push(acc);
        let total = acc.max(0.5);
        let mut start: Option<usize> = None;
        for i in 0..=chars.len() {
            let boundary = i == chars.len() || chars[i].is_whitespace();
            match (start, boundary) {
                (None, false) => start = Some(i),
                (Some(s0), true) => {
                    let mut piece = f.clone();
                    piece.text = chars[s0..i].iter().collect();
                    piece.x = f.x + f.width * (offsets[s0] / total);
                    piece.width = f.width * ((offsets[i] - offsets[s0]) / total);
                    out.push(piece);
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// Joins text pieces of one cell or prose line: CJK neighbours without a space.
fn join_line(pieces: &[&TextFragment]) -> String {
    let mut out = String::new();
    let mut last_right: Option<f64> = None;
    for f in pieces {
        let t = f.text.as_str();
        if let (Some(right), Some(prev), Some(next)) =
            (last_right, out.chars().last(), t.chars().next())
        {
            let gap = f.x - right;
            let cjk = |c: char| c as u32 >= 0x2E80;
            if gap > f.font_size.max(1.0) * 0.25
                && !(cjk(prev) && cjk(next))
                && !prev.is_whitespace()
            {
                out.push(' ');
            }
        }
        out.push_str(t);
        last_right = Some(f.x + f.width);
    }
    out
}

/// Groups fragments into lines (by baseline), left to right.
fn lines_of<'a>(fragments: &[&'a TextFragment]) -> Vec<Vec<&'a TextFragment>> {
    let mut sorted: Vec<&TextFragment> = fragments.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&TextFragment>> = Vec::new();
    for f in sorted {
        let tol = (f.font_size.max(4.0)) * 0.5;
        match lines.last_mut() {
            Some(line) if (line[0].y - f.y).abs() <= tol => line.push(f),
            _ => lines.push(vec![f]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// A line that starts a heading, a caption or a list item, never a continuation.
fn starts_block(text: &str) -> bool {
    let t = text.trim_start();
    let numeral = t
        .char_indices()
        .take_while(|(_, c)| "一二三四五六七八九十0123456789".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = numeral
        && t[end..].starts_with(['、', '.', '．', ')', '）'])
    {
        return true;
    }
    t.starts_with("附表")
        || t.starts_with("附件")
        || t.starts_with("附图")
        || t.starts_with('表')
        || t.starts_with("注：")
}

fn cjk_join(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let (Some(prev), Some(next)) = (out.chars().last(), line.chars().next()) {
            let cjk = |c: char| c as u32 >= 0x2E80;
            if !(cjk(prev) || cjk(next)) {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

fn layout_page(
    page_no: u32,
    fragments: &[TextFragment],
    rules: &[Rule],
    table_no: &mut u32,
) -> Vec<Block> {
    // A box (one cell) is a frame or a background, not a table.
    let mut grids: Vec<Grid> = regions(rules)
        .iter()
        .filter_map(build_grid)
        .filter(|g| g.rows() * g.cols() > 1)
        .collect();
    // Smallest first, so that a point inside a table nested in a frame goes to the table.
    grids.sort_by(|a, b| a.area().total_cmp(&b.area()));
    // A fragment whose text has spaces may run over several cells (one TJ array printing a
    // whole table row): split it into words placed by their share of the characters.
    let pieces = split_across_cells(fragments, &grids);
    let fragments = &pieces[..];
    // Which grid (and unit) each fragment's centre falls in.
    let mut in_grid: Vec<Vec<(usize, usize, &TextFragment)>> = vec![Vec::new(); grids.len()];
    let mut prose: Vec<&TextFragment> = Vec::new();
    for f in fragments.iter().filter(|f| !f.text.trim().is_empty()) {
        let (cx, cy) = (f.x + f.width / 2.0, f.y + f.font_size * 0.3);
        match grids
            .iter()
            .enumerate()
            .find_map(|(g, grid)| grid.contains(cx, cy).map(|(r, c)| (g, r, c)))
        {
            Some((g, r, c)) => in_grid[g].push((r, c, f)),
            None => prose.push(f),
        }
    }
    // Anchor every item by its top y to interleave prose and tables in reading order.
    let mut items: Vec<(f64, Block)> = Vec::new();
    // A line that runs to the right margin continues in the next line (wrapped paragraph).
    let lines = lines_of(&prose);
    let right = |l: &[&TextFragment]| l.iter().map(|f| f.x + f.width).fold(f64::MIN, f64::max);
    let margin = lines.iter().map(|l| right(l)).fold(f64::MIN, f64::max);
    let mut previous_full = false;
    let mut previous_y = f64::MAX;
    for line in &lines {
        let y = line[0].y;
        let size = line[0].font_size.max(4.0);
        let text = join_line(line);
        if text.trim().is_empty() {
            continue;
        }
        let continues = previous_full && previous_y - y < size * 2.2 && !starts_block(&text);
        previous_full = right(line) >= margin - size * 1.5
            && !text
                .trim_end()
                .ends_with(['。', '；', '：', ':', '！', '？']);
        previous_y = y;
        if continues && let Some((_, Block::Paragraph(p))) = items.last_mut() {
            p.text = cjk_join(&[p.text.clone(), text.trim().to_owned()]);
            continue;
        }
        items.push((
            y,
            Block::Paragraph(Paragraph {
                text: text.trim().to_owned(),
                heading: None,
                loc: Loc {
                    page: Some(page_no),
                    ..Loc::default()
                },
            }),
        ));
    }
    for (grid, placed) in grids.iter().zip(in_grid) {
        if placed.is_empty() {
            continue;
        }
        let (rows, cols) = (grid.rows(), grid.cols());
        let mut by_cell: HashMap<usize, Vec<&TextFragment>> = HashMap::new();
        for (r, c, f) in placed {
            by_cell.entry(grid.ids[r * cols + c]).or_default().push(f);
        }
        let texts: HashMap<usize, String> = by_cell
            .into_iter()
            .map(|(id, frags)| {
                let lines: Vec<String> = lines_of(&frags).iter().map(|l| join_line(l)).collect();
                (id, cjk_join(&lines))
            })
            .collect();
        *table_no += 1;
        let mut seen = std::collections::HashSet::new();
        let mut out_rows = Vec::with_capacity(rows);
        for r in 0..rows {
            let mut row = Vec::with_capacity(cols);
            for c in 0..cols {
                let id = grid.ids[r * cols + c];
                let first = seen.insert(id);
                row.push(Cell {
                    text: texts.get(&id).cloned().unwrap_or_default(),
                    spanned: !first,
                });
            }
            out_rows.push(row);
        }
        // Rows that are only copies of the row above (a grid line that belongs to one
        // column only) stay: the expansion keeps positions honest.
        items.push((
            grid.ys[0],
            Block::Table(Table {
                index: *table_no,
                rows: out_rows,
                loc: Loc {
                    page: Some(page_no),
                    ..Loc::default()
                },
            }),
        ));
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Number tables in reading order.
    let first = *table_no
        - items
            .iter()
            .filter(|(_, b)| matches!(b, Block::Table(_)))
            .count() as u32;
    let mut next = first;
    items
        .into_iter()
        .map(|(_, mut b)| {
            if let Block::Table(t) = &mut b {
                next += 1;
                t.index = next;
            }
            b
        })
        .collect()
}

/// Debug listing of a page's ruling-line regions (used by the `dump` example).
pub fn debug_regions(bytes: &[u8], page: u32) -> Vec<String> {
    let Ok(reader) = PdfReader::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let document = PdfDocument::new(reader);
    let mut graphics = GraphicsExtractor::new(ExtractionConfig {
        min_line_length: 1.0,
        extract_diagonals: false,
        stroked_only: false,
    });
    let Ok(g) = graphics.extract_from_page(&document, page as usize) else {
        return Vec::new();
    };
    let rules = rules_of(&g.lines);
    regions(&rules)
        .iter()
        .map(|r| {
            let ys: Vec<f64> = r.hs.iter().map(|h| h.0).collect();
            let xs: Vec<f64> = r.vs.iter().map(|v| v.0).collect();
            format!(
                "H {} V {} y {:?} x {:?} vs {:?}",
                r.hs.len(),
                r.vs.len(),
                cluster(ys),
                cluster(xs),
                r.vs.iter()
                    .map(|v| (v.0 as i32, v.1 as i32, v.2 as i32))
                    .collect::<Vec<_>>()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_close_values() {
        assert_eq!(cluster(vec![10.0, 11.0, 50.0]).len(), 2);
    }

    #[test]
    fn grid_with_merged_cell() {
        // 2×2 grid whose top row is one merged cell (no separator at x=50 in row 0).
        let rules = vec![
            Rule::H {
                y: 100.0,
                x1: 0.0,
                x2: 100.0,
            },
            Rule::H {
                y: 50.0,
                x1: 0.0,
                x2: 100.0,
            },
            Rule::H {
                y: 0.0,
                x1: 0.0,
                x2: 100.0,
            },
            Rule::V {
                x: 0.0,
                y1: 0.0,
                y2: 100.0,
            },
            Rule::V {
                x: 100.0,
                y1: 0.0,
                y2: 100.0,
            },
            Rule::V {
                x: 50.0,
                y1: 0.0,
                y2: 50.0,
            },
        ];
        let region = regions(&rules);
        assert_eq!(region.len(), 1);
        let grid = build_grid(&region[0]).expect("grid");
        assert_eq!((grid.rows(), grid.cols()), (2, 2));
        assert_eq!(grid.ids[0], grid.ids[1]);
        assert_ne!(grid.ids[2], grid.ids[3]);
    }
}
