//! A conjunctive search (`search_holding`) finds a passage that holds one of the words only
//! in its document's title: the title frames every passage of the document.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::PathBuf;

use lvshen_corpus::IngestOptions;
use lvshen_search::{SearchIndex, SearchRequest, Source, ingest_sources};

const STORE: &str = "---\ntitle: 固体废物贮存标准\ndoc_type: other\n---\n# 固体废物贮存标准\n\n## 10.6.4 运行期间\n土壤监测点的自行监测频次一般每3年1次。\n";
const AIR: &str = "---\ntitle: 废气标准\ndoc_type: other\n---\n# 废气标准\n\n## 8.2 采样\n无组织排放监控点的土壤监测频次另行规定。\n";

#[test]
fn a_word_of_the_title_is_held_by_every_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut index = SearchIndex::open(dir.path()).unwrap();
    let sources: Vec<Source> = [("store.md", STORE), ("air.md", AIR)]
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
