//! The tantivy index: schema, incremental updates keyed by document, and search.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lvshen_corpus::{Chunk, DocType, Ingested};
use lvshen_law::{Date, LawBook};
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use unicode_normalization::UnicodeNormalization;

use crate::analyzer::{JiebaTokenizer, jieba, terms};
use crate::synonyms::{STOP_WORDS, expand};

/// Errors of the search layer.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("cannot open index directory {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("manifest {path}: {message}")]
    Manifest { path: PathBuf, message: String },
    #[error("the index is being written by another process")]
    Busy,
    #[error("the query is empty")]
    EmptyQuery,
}

type Result<T> = std::result::Result<T, SearchError>;

#[derive(Debug, Clone, Copy)]
struct Fields {
    chunk_id: Field,
    doc_id: Field,
    title: Field,
    title_exact: Field,
    doc_number: Field,
    doc_key: Field,
    doc_type: Field,
    status: Field,
    clause: Field,
    context: Field,
    heading: Field,
    tags: Field,
    page: Field,
    text: Field,
    source: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let chinese = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("jieba")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        chunk_id: builder.add_text_field("chunk_id", STRING | STORED),
        doc_id: builder.add_text_field("doc_id", STRING | STORED),
        title: builder.add_text_field("title", chinese.clone()),
        title_exact: builder.add_text_field("title_exact", STRING),
        doc_number: builder.add_text_field("doc_number", STRING | STORED),
        doc_key: builder.add_text_field("doc_key", STRING),
        doc_type: builder.add_text_field("doc_type", STRING | STORED),
        status: builder.add_text_field("status", STORED),
        clause: builder.add_text_field("clause", STRING | STORED),
        context: builder.add_text_field("context", STORED),
        heading: builder.add_text_field("heading", chinese.clone()),
        tags: builder.add_text_field("tags", chinese.clone()),
        page: builder.add_u64_field("page", STORED),
        text: builder.add_text_field("text", chinese),
        source: builder.add_text_field("source", STORED),
    };
    (builder.build(), fields)
}

/// Bumped whenever the schema, the analysis, the chunking or the text extraction changes; an
/// index of another version is rebuilt (and the user's documents ingested again).
const SCHEMA_VERSION: &str = "27";

/// `GB 4287-2012` → `gb4287` (the key without year, for "GB 4287 表2" lookups).
pub fn doc_key(number: &str) -> String {
    let compact: String = number
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    match compact.rfind('-') {
        Some(i) if compact[i + 1..].chars().all(|c| c.is_ascii_digit()) => compact[..i].to_owned(),
        _ => compact,
    }
}

/// Longest query, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 500;

/// One record of the manifest: what was indexed for a document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ManifestEntry {
    pub hash: String,
    pub title: String,
    pub doc_type: DocType,
    pub chunks: usize,
}

/// A search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub doc: String,
    pub doc_number: Option<String>,
    pub doc_type: String,
    pub clause: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    pub text: String,
    /// The best fragment with matches marked 【…】.
    pub snippet: String,
    pub score: f32,
    pub source: String,
    pub page: Option<u64>,
    pub chunk_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// For a law repealed on the request's date: when, and where the provision is now
    /// (e.g. “2026-08-15 废止；现行：《中华人民共和国生态环境法典》第三百一十九条”).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repealed: Option<String>,
}

/// What to look for.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub top_k: usize,
    pub doc_type: Option<DocType>,
    /// The date the answer must be right on. Laws repealed by then rank below the law in
    /// force (unless the query asks about history or a date before the repeal), and a named
    /// repealed article also looks up its successor. `None`: no date-based ranking.
    pub as_of: Option<Date>,
}

/// Words that ask about the law as it was, not as it is.
const HISTORY_WORDS: [&str; 9] = [
    "废止前",
    "修订前",
    "历史",
    "当时",
    "旧法",
    "原法",
    "以前的规定",
    "施行前",
    "沿革",
];

/// Whether a query asks about the law before `repeal` (history words, or a year before it).
pub fn asks_history(query: &str, repeal: Date) -> bool {
    if HISTORY_WORDS.iter().any(|w| query.contains(w)) {
        return true;
    }
    // A year written in the query (2019年, 2025-06-01) before the repeal's year.
    let chars: Vec<char> = query.chars().collect();
    chars.windows(5).any(|w| {
        let year: String = w[..4].iter().collect();
        let digits = w[..4].iter().all(|c| c.is_ascii_digit());
        digits
            && (w[4] == '年' || w[4] == '-')
            && year
                .parse::<i32>()
                .is_ok_and(|y| (1979..repeal.year).contains(&y))
    })
}

/// The knowledge-base index in a directory.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    manifest: BTreeMap<String, ManifestEntry>,
    stale: Vec<String>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .field("documents", &self.manifest.len())
            .finish()
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when absent. An index written by another
    /// version of the schema is rebuilt: the documents it held are listed by
    /// [`SearchIndex::take_stale_documents`] so that the caller can ingest them again.
    pub fn open(dir: &Path) -> Result<Self> {
        let index_dir = dir.join("index");
        let version_file = index_dir.join("lvshen-schema-version");
        let manifest_path = dir.join("manifest.json");
        let mut stale = Vec::new();
        let existing = index_dir.join("meta.json").exists();
        let current = std::fs::read_to_string(&version_file)
            .map(|v| v.trim() == SCHEMA_VERSION)
            .unwrap_or(false);
        if existing && !current {
            if let Ok(bytes) = std::fs::read(&manifest_path)
                && let Ok(old) = serde_json::from_slice::<BTreeMap<String, ManifestEntry>>(&bytes)
            {
                stale = old.into_keys().collect();
            }
            tracing::warn!(dir = %index_dir.display(), documents = stale.len(), "index schema changed; rebuilding");
            let _ = std::fs::remove_dir_all(&index_dir);
            let _ = std::fs::remove_file(&manifest_path);
        }
        std::fs::create_dir_all(&index_dir).map_err(|source| SearchError::Dir {
            path: index_dir.clone(),
            source,
        })?;
        std::fs::write(&version_file, SCHEMA_VERSION).map_err(|source| SearchError::Dir {
            path: version_file.clone(),
            source,
        })?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(&index_dir)
            .map_err(|e| SearchError::Tantivy(e.into()))?;
        let index = Index::open_or_create(directory, schema)?;
        index.tokenizers().register(
            "jieba",
            TextAnalyzer::builder(JiebaTokenizer::new())
                .filter(RemoveLongFilter::limit(64))
                .filter(LowerCaser)
                .build(),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let manifest = match std::fs::read(&manifest_path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| SearchError::Manifest {
                path: manifest_path.clone(),
                message: e.to_string(),
            })?,
            Err(_) => BTreeMap::new(),
        };
        Ok(SearchIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            manifest,
            stale,
        })
    }

    /// Documents an older index held that must be ingested again (empty normally).
    pub fn take_stale_documents(&mut self) -> Vec<String> {
        std::mem::take(&mut self.stale)
    }

    /// What has been indexed, by document id.
    pub fn manifest(&self) -> &BTreeMap<String, ManifestEntry> {
        &self.manifest
    }

    /// Whether a document with this content hash is already indexed.
    pub fn is_current(&self, doc_id: &str, hash: &str) -> bool {
        self.manifest.get(doc_id).is_some_and(|e| e.hash == hash)
    }

    /// A writer for a batch of updates (50 MB heap, fine on a small machine).
    pub fn writer(&self) -> Result<IndexWriter> {
        match self.index.writer(50_000_000) {
            Ok(writer) => Ok(writer),
            Err(tantivy::TantivyError::LockFailure(..)) => Err(SearchError::Busy),
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces a document's chunks (delete by doc id, then add).
    pub fn upsert(&mut self, writer: &mut IndexWriter, doc: &Ingested) -> Result<()> {
        writer.delete_term(Term::from_field_text(self.fields.doc_id, &doc.doc_id));
        for chunk in &doc.chunks {
            writer.add_document(self.to_document(chunk))?;
        }
        self.manifest.insert(
            doc.doc_id.clone(),
            ManifestEntry {
                hash: doc.hash.clone(),
                title: doc.meta.title.clone(),
                doc_type: doc.meta.doc_type.unwrap_or(DocType::Other),
                chunks: doc.chunks.len(),
            },
        );
        Ok(())
    }

    /// Removes a document.
    pub fn remove(&mut self, writer: &mut IndexWriter, doc_id: &str) {
        writer.delete_term(Term::from_field_text(self.fields.doc_id, doc_id));
        self.manifest.remove(doc_id);
    }

    /// Commits a batch and saves the manifest.
    pub fn commit(&mut self, mut writer: IndexWriter) -> Result<()> {
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        let path = self.dir.join("manifest.json");
        let text =
            serde_json::to_vec_pretty(&self.manifest).map_err(|e| SearchError::Manifest {
                path: path.clone(),
                message: e.to_string(),
            })?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text)
            .and_then(|_| std::fs::rename(&tmp, &path))
            .map_err(|source| SearchError::Dir { path, source })?;
        Ok(())
    }

    /// Sees what another handle on the same directory committed (a serving instance after its
    /// background task indexed shared documents).
    pub fn reload(&self) -> Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// Number of chunks in the index.
    pub fn num_chunks(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn to_document(&self, chunk: &Chunk) -> TantivyDocument {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.chunk_id, &chunk.id);
        doc.add_text(f.doc_id, &chunk.doc_id);
        doc.add_text(f.title, &chunk.title);
        doc.add_text(f.title_exact, compact(&chunk.title));
        if let Some(number) = &chunk.doc_number {
            doc.add_text(f.doc_number, number);
            doc.add_text(f.doc_key, doc_key(number));
        }
        doc.add_text(f.doc_type, chunk.doc_type.code());
        if let Some(status) = &chunk.status {
            doc.add_text(f.status, status);
        }
        doc.add_text(f.clause, compact(&chunk.clause));
        if let Some(context) = &chunk.context {
            doc.add_text(f.context, context);
        }
        if let Some(heading) = &chunk.heading {
            doc.add_text(f.heading, heading);
        }
        if !chunk.tags.is_empty() {
            doc.add_text(f.tags, chunk.tags.join(" "));
        }
        if let Some(page) = chunk.page {
            doc.add_u64(f.page, u64::from(page));
        }
        // The title and clause are part of what a chunk is about.
        doc.add_text(f.text, &chunk.text);
        doc.add_text(f.source, &chunk.source);
        doc
    }

    /// Searches.
    pub fn search(&self, request: &SearchRequest) -> Result<Vec<Hit>> {
        self.search_holding(request, &[])
    }

    /// Like [`search`](Self::search), but only passages whose text holds each group of
    /// `holding` (one of a group's words, each word with all its index terms): the question's
    /// words that the whole query ranks too low together to reach the candidate pool (工业噪声
    /// and 罚款 in a long liability article, among short ones on 排污许可证).
    pub fn search_holding(
        &self,
        request: &SearchRequest,
        holding: &[Vec<String>],
    ) -> Result<Vec<Hit>> {
        self.search_filtered(request, holding, &[])
    }

    /// Like [`search`](Self::search), but only in the documents titled one of `titles` (as
    /// the index stores them: [`ManifestEntry::title`]): a document the question names, whose
    /// passages a standard that repeats the question's few words can crowd out of the pool.
    pub fn search_within(&self, request: &SearchRequest, titles: &[String]) -> Result<Vec<Hit>> {
        if titles.is_empty() {
            return Ok(Vec::new());
        }
        self.search_filtered(request, &[], titles)
    }

    fn search_filtered(
        &self,
        request: &SearchRequest,
        holding: &[Vec<String>],
        titles: &[String],
    ) -> Result<Vec<Hit>> {
        if request.query.trim().is_empty() {
            return Err(SearchError::EmptyQuery);
        }
        // A question, not a document: long inputs are cut to keep latency bounded.
        let request = &SearchRequest {
            query: request.query.chars().take(MAX_QUERY_CHARS).collect(),
            ..request.clone()
        };
        let searcher = self.reader.searcher();
        let (mut query, named) = self.build_query(request);
        if !holding.is_empty() {
            let jieba = jieba();
            let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
            for group in holding {
                // A word is held by the passage's text, or by its document's title or its
                // heading, which frame every sentence of it (GB 18599's 10.6.4 on 土壤监测频次
                // is on 固体废物贮存 by its title alone).
                let fields = [self.fields.text, self.fields.title, self.fields.heading];
                let words: Vec<(Occur, Box<dyn Query>)> = group
                    .iter()
                    .flat_map(|word| {
                        let word_terms: Vec<String> = terms(&jieba, word)
                            .into_iter()
                            .filter(|t| !STOP_WORDS.contains(&t.as_str()))
                            .collect();
                        fields.map(|field| {
                            let all: Vec<(Occur, Box<dyn Query>)> = word_terms
                                .iter()
                                .map(|t| {
                                    (
                                        Occur::Must,
                                        Box::new(TermQuery::new(
                                            Term::from_field_text(field, t),
                                            IndexRecordOption::Basic,
                                        ))
                                            as Box<dyn Query>,
                                    )
                                })
                                .collect();
                            (
                                Occur::Should,
                                Box::new(BooleanQuery::new(all)) as Box<dyn Query>,
                            )
                        })
                    })
                    .collect();
                must.push((Occur::Must, Box::new(BooleanQuery::new(words))));
            }
            query = Box::new(BooleanQuery::new(must));
        }
        if !titles.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = titles
                .iter()
                .map(|t| {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(
                            Term::from_field_text(self.fields.title_exact, &compact(t)),
                            IndexRecordOption::Basic,
                        )) as Box<dyn Query>,
                    )
                })
                .collect();
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::Must, Box::new(BooleanQuery::new(any))),
            ]));
        }
        // First stage: BM25 over a wider pool; second stage: re-rank by how many of the
        // query's concepts a chunk covers (OR with coordination).
        let pool = (request.top_k.max(1) * 5).max(50);
        let candidates = searcher.search(&query, &TopDocs::with_limit(pool).order_by_score())?;
        let groups = concept_groups(&request.query);
        let book = LawBook::builtin();
        let history = asks_history(&request.query, book.code_effective);
        let mut top = Vec::with_capacity(candidates.len());
        for (score, address) in candidates {
            let doc: TantivyDocument = searcher.doc(address)?;
            let covered = coverage(&groups, &doc, &self.fields);
            let mut score = score * (0.4 + covered);
            // Current law first: a repealed law's passage ranks below the law in force on
            // the request's date, unless the question is about the law as it was or looks
            // up exactly this article (then it comes first, marked repealed, and its
            // successor is looked up beside it).
            if let Some(as_of) = request.as_of
                && !history
            {
                let field = |f: Field| {
                    doc.get_first(f)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_owned()
                };
                let title = field(self.fields.title);
                let clause = field(self.fields.clause);
                let exact = named
                    .iter()
                    .any(|(t, c)| *t == compact(&title) && *c == clause);
                if !exact && !book.status(&title, as_of).is_current() {
                    score *= REPEALED_FACTOR;
                }
            }
            let chunk_id = doc
                .get_first(self.fields.chunk_id)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            top.push((score, chunk_id, address));
        }
        // Equal scores (two clauses that differ only in a word the query does not hold,
        // GB 12348 4.1.2 and 4.1.3) in the order of their chunk ids, not of the places the
        // indexer happened to put them: the same index contents give the same answer. Equal
        // to a thousandth: BM25's statistics are summed over segments, which the indexer's
        // threads cut differently on each build (44.06 and 44.06 in the last float digits).
        top.sort_by(|a, b| {
            quantized(b.0)
                .cmp(&quantized(a.0))
                .then_with(|| a.1.cmp(&b.1))
        });
        top.truncate(request.top_k.max(1));
        let mut snippets = SnippetGenerator::create(&searcher, &query, self.fields.text)?;
        snippets.set_max_num_chars(160);
        let f = self.fields;
        let mut hits = Vec::with_capacity(top.len());
        for (score, _, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text_of = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            // The snippet generator is third-party code on user queries: never let it take
            // the search down; fall back to the start of the text.
            let snippet = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                mark(&snippets.snippet_from_doc(&doc))
            }))
            .unwrap_or_else(|_| {
                text_of(f.text)
                    .unwrap_or_default()
                    .chars()
                    .take(160)
                    .collect()
            });
            hits.push(Hit {
                doc: text_of(f.title).unwrap_or_default(),
                doc_number: text_of(f.doc_number),
                doc_type: text_of(f.doc_type).unwrap_or_default(),
                clause: text_of(f.clause).unwrap_or_default(),
                context: text_of(f.context),
                text: text_of(f.text).unwrap_or_default(),
                snippet,
                score,
                source: text_of(f.source).unwrap_or_default(),
                page: doc.get_first(f.page).and_then(|v| v.as_u64()),
                chunk_id: text_of(f.chunk_id).unwrap_or_default(),
                status: text_of(f.status),
                repealed: None,
            });
            if let Some(as_of) = request.as_of {
                mark_repealed(hits.last_mut().expect("pushed"), book, as_of);
            }
        }
        Ok(hits)
    }

    /// The query, and the (compact title, clause) pairs it names exactly.
    fn build_query(&self, request: &SearchRequest) -> (Box<dyn Query>, Vec<(String, String)>) {
        let f = self.fields;
        let mut parsed = crate::query::parse(&request.query);
        let mut free_text = parsed.free_text.clone();
        for (short, full) in crate::query::ABBREVIATIONS {
            if free_text.contains(short) {
                free_text.push(' ');
                free_text.push_str(full);
            }
        }
        let query_compact = compact(&free_text);
        for entry in self.manifest.values() {
            let title = compact(&entry.title);
            let short = title.trim_start_matches("中华人民共和国");
            if short.chars().count() >= 3
                && query_compact.contains(short)
                && !parsed.titles.contains(&title)
            {
                parsed.titles.push(title);
            }
        }
        parsed.free_text = free_text;
        // A named article of a law repealed by the request's date: look up the article of
        // the law in force that carries it too (e.g. 大气污染防治法 第八十条 → 生态环境法典
        // 第二百四十九条), so that the answer can rest on current law.
        let mut successors: Vec<(String, String)> = Vec::new();
        if let Some(as_of) = request.as_of {
            let book = LawBook::builtin();
            for title in &parsed.titles {
                let Some(d) = book.documents.iter().find(|d| compact(&d.title) == *title) else {
                    continue;
                };
                if book.status(&d.title, as_of).is_current() {
                    continue;
                }
                for clause in &parsed.clauses {
                    if let Some(row) = book.succession(&d.title, clause) {
                        for new in &row.new {
                            successors.push((compact(&book.code), new.clone()));
                        }
                    }
                }
            }
        }
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (title, clause) in &successors {
            let both: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.title_exact, title),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                ),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.clause, clause),
                        IndexRecordOption::Basic,
                    )),
                ),
            ]));
            should.push((Occur::Should, Box::new(BoostQuery::new(both, 10.0))));
        }
        let jieba = jieba();
        let mut seen = std::collections::BTreeSet::new();
        for term in terms(&jieba, &parsed.free_text) {
            if STOP_WORDS.contains(&term.as_str()) || !seen.insert(term.clone()) {
                continue;
            }
            let mut variants: Vec<(String, f32)> = vec![(term.clone(), 1.0)];
            variants.extend(expand(&term).into_iter().map(|t| (t.to_owned(), 0.8)));
            for (variant, weight) in variants {
                for (field, factor) in FIELD_WEIGHTS
                    .iter()
                    .map(|(name, w)| (field_of(&f, name), *w))
                {
                    should.push((
                        Occur::Should,
                        boosted(
                            TermQuery::new(
                                Term::from_field_text(field, &variant),
                                IndexRecordOption::WithFreqs,
                            ),
                            weight * factor,
                        ),
                    ));
                }
            }
        }
        if let Some(key) = &parsed.doc_key {
            should.push((
                Occur::Should,
                boosted(
                    TermQuery::new(
                        Term::from_field_text(f.doc_key, key),
                        IndexRecordOption::Basic,
                    ),
                    6.0,
                ),
            ));
        }
        for title in &parsed.titles {
            should.push((
                Occur::Should,
                boosted(
                    TermQuery::new(
                        Term::from_field_text(f.title_exact, title),
                        IndexRecordOption::Basic,
                    ),
                    5.0,
                ),
            ));
        }
        for clause in &parsed.clauses {
            should.push((
                Occur::Should,
                boosted(
                    TermQuery::new(
                        Term::from_field_text(f.clause, clause),
                        IndexRecordOption::Basic,
                    ),
                    4.0,
                ),
            ));
        }
        // Exact lookups: a named document (title or standard number) *and* a named clause.
        for clause in &parsed.clauses {
            let mut named: Vec<Box<dyn Query>> = parsed
                .titles
                .iter()
                .map(|t| -> Box<dyn Query> {
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.title_exact, t),
                        IndexRecordOption::Basic,
                    ))
                })
                .collect();
            if let Some(key) = &parsed.doc_key {
                named.push(Box::new(TermQuery::new(
                    Term::from_field_text(f.doc_key, key),
                    IndexRecordOption::Basic,
                )));
            }
            for doc in named {
                let clause_query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(f.clause, clause),
                    IndexRecordOption::Basic,
                ));
                let both: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                    (Occur::Must, doc),
                    (Occur::Must, clause_query),
                ]));
                should.push((Occur::Should, Box::new(BoostQuery::new(both, 12.0))));
            }
        }
        let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(should));
        if let Some(doc_type) = request.doc_type {
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.doc_type, doc_type.code()),
                        IndexRecordOption::Basic,
                    )),
                ),
            ]));
        }
        let named = parsed
            .titles
            .iter()
            .flat_map(|t| parsed.clauses.iter().map(move |c| (t.clone(), c.clone())))
            .collect();
        (query, named)
    }
}

/// The query's concepts: each a term with its synonyms (stop words and sub-words dropped).
fn concept_groups(query: &str) -> Vec<Vec<String>> {
    let jieba = jieba();
    let all = terms(&jieba, query);
    let mut kept: Vec<String> = Vec::new();
    for term in &all {
        if STOP_WORDS.contains(&term.as_str()) || kept.contains(term) {
            continue;
        }
        // A sub-word of a longer query term adds nothing.
        if all
            .iter()
            .any(|other| other != term && other.contains(term.as_str()))
        {
            continue;
        }
        kept.push(term.clone());
    }
    kept.into_iter()
        .map(|t| {
            let mut group = vec![t.clone()];
            group.extend(expand(&t).into_iter().map(str::to_owned));
            group
        })
        .collect()
}

/// Share of the concepts found in a chunk's title, heading, clause or text.
fn coverage(groups: &[Vec<String>], doc: &TantivyDocument, f: &Fields) -> f32 {
    if groups.is_empty() {
        return 1.0;
    }
    let mut haystack = String::new();
    for field in [f.title, f.heading, f.clause, f.text] {
        if let Some(v) = doc.get_first(field).and_then(|v| v.as_str()) {
            haystack.push_str(v);
            haystack.push('\n');
        }
    }
    let normalized: String = haystack.nfkc().collect::<String>().to_lowercase();
    let hit = groups
        .iter()
        .filter(|g| g.iter().any(|t| normalized.contains(t.as_str())))
        .count();
    hit as f32 / groups.len() as f32
}

/// How much a term counts in each analysed field.
const FIELD_WEIGHTS: [(&str, f32); 4] = [
    ("text", 1.0),
    ("title", 0.6),
    ("heading", 1.5),
    ("tags", 0.8),
];

fn field_of(fields: &Fields, name: &str) -> Field {
    match name {
        "title" => fields.title,
        "heading" => fields.heading,
        "tags" => fields.tags,
        _ => fields.text,
    }
}

fn boosted(query: TermQuery, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(query), boost))
}

/// Title or clause without spaces, for exact lookups.
pub fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How much a repealed law's passage keeps of its score when the question is about today.
const REPEALED_FACTOR: f32 = 0.3;

/// Says on a hit that its law was repealed by `as_of`, and where the provision is now.
fn mark_repealed(hit: &mut Hit, book: &LawBook, as_of: Date) {
    let status = book.status(&hit.doc, as_of);
    let lvshen_law::Status::Repealed { on, by, .. } = &status else {
        return;
    };
    hit.status = Some(status.label_zh().to_owned());
    let now = match book.succession(&hit.doc, &hit.clause) {
        Some(row) if !row.new.is_empty() => format!("《{}》{}", book.code, row.new.join("、")),
        _ => by
            .as_deref()
            .map(|b| format!("《{b}》"))
            .unwrap_or_default(),
    };
    hit.repealed = Some(if now.is_empty() {
        format!("{on} 废止")
    } else {
        format!("{on} 废止；现行：{now}")
    });
}

/// A snippet as plain text with matches in 【】.
fn mark(snippet: &tantivy::snippet::Snippet) -> String {
    let fragment = snippet.fragment();
    let mut out = String::with_capacity(fragment.len() + 16);
    let mut last = 0;
    for range in snippet.highlighted() {
        if range.start < last || range.end > fragment.len() {
            continue;
        }
        out.push_str(&fragment[last..range.start]);
        out.push('【');
        out.push_str(&fragment[range.clone()]);
        out.push('】');
        last = range.end;
    }
    out.push_str(&fragment[last..]);
    out
}

/// A score to a thousandth, for ordering: below that, differences are noise of the index's
/// segmentation, not of relevance.
fn quantized(score: f32) -> i64 {
    (f64::from(score) * 1000.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::quantized;

    #[test]
    fn scores_equal_to_a_thousandth_order_as_equal() {
        assert_eq!(quantized(44.0604), quantized(44.0596));
        assert!(quantized(44.07) > quantized(44.06));
    }
}
