//! Passages that score the same come out in the same order however the index was built:
//! the evaluation index is rebuilt on every run, and an answer must not depend on which
//! document the indexer happened to take first.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::PathBuf;

use lvshen_corpus::IngestOptions;
use lvshen_search::{SearchIndex, SearchRequest, Source, ingest_sources};

const FREQUENT: &str = "---\ntitle: 甲噪声规定\ndoc_type: other\n---\n# 甲噪声规定\n\n## 第一条 夜间\n夜间频发噪声的最大声级超过限值的幅度不得高于10 dB(A)。\n";
const OCCASIONAL: &str = "---\ntitle: 乙噪声规定\ndoc_type: other\n---\n# 乙噪声规定\n\n## 第一条 夜间\n夜间偶发噪声的最大声级超过限值的幅度不得高于15 dB(A)。\n";

/// The chunk ids a search returns, over an index built from `docs` in that order.
fn order(docs: &[(&str, &str)]) -> Vec<String> {
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
