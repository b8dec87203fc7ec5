//! Small indexes built in a test: passages that score the same come out in the same order
//! however the index was built (the evaluation index is rebuilt on every run, and an answer
//! must not depend on which document the indexer happened to take first), and a conjunctive
//! search reads a document's title.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::PathBuf;

use lvshen_corpus::IngestOptions;
use lvshen_search::{SearchIndex, SearchRequest, Source, ingest_sources};

const FREQUENT: &str = "---\ntitle: 甲噪声规定\ndoc_type: other\n---\n# 甲噪声规定\n\n## 第一条 夜间\n夜间频发噪声的最大声级超过限值的幅度不得高于10 dB(A)。\n";
const OCCASIONAL: &str = "---\ntitle: 乙噪声规定\ndoc_type: other\n---\n# 乙噪声规定\n\n## 第一条 夜间\n夜间偶发噪声的最大声级超过限值的幅度不得高于15 dB(A)。\n";

/// An index built from `docs` (file name, Markdown) in that order, and the directory it
/// lives in.
fn index_of(docs: &[(&str, &str)]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let mut index = SearchIndex::open(dir.path()).unwrap();
    let sources: Vec<Source> = docs
        .iter()
        .map(|(name, text)| Source {
            doc_id: (*name).to_owned(),
            path: PathBuf::from(name),
            bytes: Some(text.as_bytes().to_vec()),
        })
        .collect();
    ingest_sources(
        &mut index,
        &sources,
        &IngestOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    (dir, index)
}

/// The chunk ids a search returns, over an index built from `docs` in that order.
fn order(docs: &[(&str, &str)]) -> Vec<String> {
    let (_dir, index) = index_of(docs);
    let hits = index
        .search(&SearchRequest {
            query: "夜间噪声最大声级超过限值的幅度".to_owned(),
            top_k: 5,
            doc_type: None,
            as_of: None,
        })
        .unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(
        hits[0].score, hits[1].score,
        "the two passages tie: {hits:?}"
    );
    hits.into_iter().map(|h| h.chunk_id).collect()
}

#[test]
fn equal_scores_keep_one_order_whatever_the_order_of_indexing() {
    let a = order(&[("a.md", FREQUENT), ("b.md", OCCASIONAL)]);
    let b = order(&[("b.md", OCCASIONAL), ("a.md", FREQUENT)]);
    assert_eq!(a, b);
}

const STORE: &str = "---\ntitle: 固体废物贮存标准\ndoc_type: other\n---\n# 固体废物贮存标准\n\n## 10.6.4 运行期间\n土壤监测点的自行监测频次一般每3年1次。\n";
const AIR: &str = "---\ntitle: 废气标准\ndoc_type: other\n---\n# 废气标准\n\n## 8.2 采样\n无组织排放监控点的土壤监测频次另行规定。\n";

/// A conjunctive search (`search_holding`) finds a passage that holds one of the words only
/// in its document's title: the title frames every passage of the document.
#[test]
fn a_word_of_the_title_is_held_by_every_passage() {
    let (_dir, index) = index_of(&[("store.md", STORE), ("air.md", AIR)]);
    let request = SearchRequest {
        query: "贮存 土壤 监测 频次".to_owned(),
        top_k: 5,
        doc_type: None,
        as_of: None,
    };
    let holding = vec![vec!["贮存".to_owned()], vec!["土壤".to_owned()]];
    let hits = index.search_holding(&request, &holding).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].doc, "固体废物贮存标准");
}
