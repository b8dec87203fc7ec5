//! The PDF table reader on real official PDFs (`../shared/reference/standards`, present in CI;
//! elsewhere the test says it was skipped): the limit tables of GB 4287-2012 (an owner-password
//! PDF, read without a password) and GB 12348-2008 come out with their cells in the right
//! columns.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use lvshen_intake::{Document, Table};

fn read(name: &str) -> Option<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/standards")
        .join(name);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "skipped: {} not found (the reference texts are in CI)",
            path.display()
        );
        return None;
    };
    Some(lvshen_intake::read_bytes(name, &bytes).unwrap())
}

fn row_with<'a>(doc: &'a Document, first: &str) -> Option<(&'a Table, usize)> {
    doc.tables().find_map(|t| {
        (0..t.rows.len())
            .find(|r| (0..t.width()).any(|c| t.text(*r, c).replace(' ', "") == first))
            .map(|r| (t, r))
    })
}

#[test]
fn gb_4287_table_1_keeps_direct_and_indirect_limits_apart() {
    let Some(doc) = read("GB-4287-2012.pdf") else {
        return;
    };
    let (t, r) = row_with(&doc, "化学需氧量(CODCr)").expect("COD row");
    let texts = t.row_texts(r);
    assert!(
        texts.contains(&"100") && texts.contains(&"200"),
        "{texts:?}"
    );
    let c100 = (0..t.width()).find(|c| t.text(r, *c) == "100").unwrap();
    let c200 = (0..t.width()).find(|c| t.text(r, *c) == "200").unwrap();
    assert!(c100 < c200, "direct before indirect");
    // The header above says which is which.
    assert_eq!(t.text(1, c100), "直接排放");
    assert_eq!(t.text(1, c200), "间接排放");
}

#[test]
fn gb_12348_limit_table_has_its_merged_header() {
    let Some(doc) = read("GB-12348-2008.pdf") else {
        return;
    };
    let t = doc
        .tables()
        .find(|t| t.plain_text().contains("厂界外声环境功能区类别"))
        .expect("limit table");
    assert_eq!(t.text(0, 1), "时段");
    assert!(t.rows[0][2].spanned, "时段 spans 昼间 and 夜间");
    assert_eq!((t.text(1, 1), t.text(1, 2)), ("昼间", "夜间"));
    let three = (0..t.rows.len())
        .find(|r| t.text(*r, 0) == "３")
        .expect("class 3");
    assert_eq!((t.text(three, 1), t.text(three, 2)), ("６５", "５５"));
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}
