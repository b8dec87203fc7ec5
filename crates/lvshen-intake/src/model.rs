//! The document as the readers give it: a flat list of blocks (paragraphs and tables) in
//! reading order, each with its place in the file.

use serde::{Deserialize, Serialize};

/// What kind of file the blocks came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Docx,
    Pdf,
}

/// A place in the document: a page (PDF) or a paragraph number (DOCX, counted over the body),
/// and for table cells the table (1-based over the document), row and column (1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loc {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub col: Option<u32>,
}

impl Loc {
    /// "第3页 表2 第4行第2列" / "第15段".
    pub fn label_zh(&self) -> String {
        let mut out = String::new();
        if let Some(p) = self.page {
            out.push_str(&format!("第{p}页"));
        }
        if let (Some(p), None) = (self.paragraph, self.table) {
            out.push_str(&format!("第{p}段"));
        } else if let (Some(p), None) = (self.paragraph, self.page) {
            out.push_str(&format!("第{p}段"));
        }
        if let Some(t) = self.table {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("表{t}"));
            if let (Some(r), Some(c)) = (self.row, self.col) {
                out.push_str(&format!(" 第{r}行第{c}列"));
            } else if let Some(r) = self.row {
                out.push_str(&format!(" 第{r}行"));
            }
        }
        out
    }
}

/// One table cell of the logical grid. Merged cells are expanded: every grid position a
/// merged cell covers holds its text, and `spanned` marks the copies.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    /// A copy of the cell to the left (`gridSpan`) or above (`vMerge`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub spanned: bool,
}

/// A table: rows of cells (every row as wide as the widest), 1-based `index` over the
/// document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub index: u32,
    pub rows: Vec<Vec<Cell>>,
    /// The page the table starts on (PDF) or the paragraph number before it (DOCX).
    pub loc: Loc,
}

impl Table {
    /// Cell text at (row, col), 0-based; empty outside.
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map(|c| c.text.as_str())
            .unwrap_or("")
    }

    /// The place of a cell (0-based in, 1-based out).
    pub fn cell_loc(&self, row: usize, col: usize) -> Loc {
        Loc {
            page: self.loc.page,
            paragraph: self.loc.paragraph,
            table: Some(self.index),
            row: Some(row as u32 + 1),
            col: Some(col as u32 + 1),
        }
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The distinct texts of a row, merged copies skipped.
    pub fn row_texts(&self, row: usize) -> Vec<&str> {
        self.rows
            .get(row)
            .map(|r| {
                r.iter()
                    .filter(|c| !c.spanned)
                    .map(|c| c.text.as_str())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All text of the table, cells separated by spaces, rows by newlines.
    pub fn plain_text(&self) -> String {
        self.rows
            .iter()
            .map(|r| {
                r.iter()
                    .filter(|c| !c.spanned)
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A paragraph: its text and, when the file marks it, a heading level (1 = top).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<u8>,
    pub loc: Loc,
}

/// One block in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

impl Block {
    pub fn loc(&self) -> &Loc {
        match self {
            Block::Paragraph(p) => &p.loc,
            Block::Table(t) => &t.loc,
        }
    }
}

/// A page that could not be read as text, or whose tables were given up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageNote {
    pub page: u32,
    pub note: String,
}

/// What a reader returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub file: String,
    pub kind: FileKind,
    /// Pages (PDF); `None` for DOCX, which has no pages.
    pub pages: Option<u32>,
    pub blocks: Vec<Block>,
    /// Pages without a text layer (scans): never read as empty.
    #[serde(default)]
    pub scanned_pages: Vec<u32>,
    /// Pages where table reconstruction lost text and plain text was used instead, and
    /// other reading notes.
    #[serde(default)]
    pub notes: Vec<PageNote>,
    /// Reviewer comments (DOCX `comments.xml`), kept as data.
    #[serde(default)]
    pub comments: Vec<String>,
}

impl Document {
    /// Tables in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
    }

    /// Characters of text over all blocks (for the bench and the scan test).
    pub fn chars(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.chars().count(),
                Block::Table(t) => t.plain_text().chars().count(),
            })
            .sum()
    }
}
