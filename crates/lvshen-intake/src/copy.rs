//! Copied passages: per-section near-duplicate detection against reports seen before.
//!
//! Whole-document similarity fails both ways (a report made from the consultant's own
//! template shares most of its text with every other report of that consultant; a copied
//! section is a small share of a long report), so the unit is the section, and the text
//! compared is what is *not* template: character shingles (k = 8, over Han characters,
//! letters and digits) that occur in the same section of at least `max(2, 10 %)` of the
//! library's other projects are template text and are removed first. A section is flagged
//! when at least 60 % of its remaining shingles (and at least 40 of them) occur in one
//! earlier report's same section. A 128-value MinHash of each section's shingles picks the
//! candidates; the score is the exact share. Earlier versions of the same project (same
//! credit code or project name) are not compared.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Block, Document};
use crate::structure::Structure;

const K: usize = 8;
const PERMUTATIONS: usize = 128;
/// Share of a section's own (non-template) shingles found in another report's section.
pub const FLAG_SHARE: f64 = 0.6;
/// Fewer own shingles than this: too little text to call copying.
pub const MIN_SHINGLES: usize = 40;

/// One earlier report, as the library keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LibraryReport {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub applicant: String,
    #[serde(default)]
    pub credit_code: String,
    #[serde(default)]
    pub project: String,
    #[serde(default)]
    pub address: String,
    /// Section key → its text (paragraphs and table rows, one per line).
    pub sections: BTreeMap<String, String>,
}

/// The text of each section of a document, as compared for copying: paragraphs and table
/// cells, without the header row of a table and without short label cells (16 characters or
/// fewer, no digit, no sentence punctuation): labels and categories are the form, not the
/// content.
pub fn section_texts(doc: &Document, structure: &Structure) -> BTreeMap<String, String> {
    let is_label = |t: &str| {
        t.chars().count() <= 16
            && !t.chars().any(|c| c.is_ascii_digit())
            && !t.contains(['，', '。', '；', ','])
    };
    let mut out = BTreeMap::new();
    for s in &structure.sections {
        let mut text = String::new();
        for block in &doc.blocks[s.start..s.end] {
            match block {
                Block::Paragraph(p) => {
                    text.push_str(&p.text);
                    text.push('\n');
                }
                Block::Table(t) => {
                    for row in t.rows.iter().skip(1) {
                        let cells: Vec<&str> = row
                            .iter()
                            .filter(|c| !c.spanned && !is_label(c.text.trim()))
                            .map(|c| c.text.as_str())
                            .collect();
                        if !cells.is_empty() {
                            text.push_str(&cells.join(" "));
                            text.push('\n');
                        }
                    }
                }
            }
        }
        out.insert(s.key.clone(), text);
    }
    out
}

fn keep(c: char) -> bool {
    c.is_alphanumeric()
}

/// Shingle hashes of a text, with the offset (in kept characters) of each.
fn shingles(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().filter(|c| keep(*c)).collect();
    if chars.len() < K {
        return Vec::new();
    }
    chars
        .windows(K)
        .map(|w| {
            let s: String = w.iter().collect();
            let digest = Sha256::digest(s.as_bytes());
            u64::from_le_bytes(digest[..8].try_into().unwrap_or([0; 8]))
        })
        .collect()
}

fn minhash(set: &HashSet<u64>) -> [u64; PERMUTATIONS] {
    let mut out = [u64::MAX; PERMUTATIONS];
    for &h in set {
        for (i, slot) in out.iter_mut().enumerate() {
            // A cheap family of hash permutations: multiply-xorshift with per-slot seeds.
            let seed = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
            let mut x = h ^ seed;
            x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x ^= x >> 31;
            if x < *slot {
                *slot = x;
            }
        }
    }
    out
}

fn estimate(a: &[u64; PERMUTATIONS], b: &[u64; PERMUTATIONS]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / PERMUTATIONS as f64
}

/// A section that looks copied.
#[derive(Debug, Clone, Serialize)]
pub struct CopyHit {
    pub section: String,
    pub report_id: String,
    pub report_label: String,
    /// Share of the section's own shingles found in the other report's section.
    pub share: f64,
    pub own_shingles: usize,
    /// A passage of this document that the other report holds too, and the same passage there.
    pub passage: String,
    pub other_passage: String,
}

/// Similarity of every section with the library, flagged or not (for calibration).
#[derive(Debug, Clone, Serialize)]
pub struct CopyScore {
    pub section: String,
    pub report_id: String,
    pub share: f64,
    pub own_shingles: usize,
}

/// The project's own identity (names that a copier replaces); every project's names are
/// masked before comparing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Identity<'a> {
    pub credit_code: &'a str,
    pub project: &'a str,
    pub applicant: &'a str,
    pub address: &'a str,
}

fn mask(text: &str, names: &[&str]) -> String {
    let mut out = text.to_owned();
    for n in names.iter().filter(|n| n.chars().count() >= 4) {
        out = out.replace(*n, "\u{3000}");
    }
    out
}

/// Compares a document's sections with the library. The project's own names (applicant,
/// project name, address) are masked on both sides: a copy whose names were replaced is
/// still a copy.
pub fn compare(
    sections: &BTreeMap<String, String>,
    identity: Identity,
    library: &[LibraryReport],
) -> (Vec<CopyHit>, Vec<CopyScore>) {
    let (credit, project) = (identity.credit_code, identity.project);
    // Every project's names (this one's and the library's), masked on both sides.
    let mut names: Vec<&str> = vec![identity.project, identity.applicant, identity.address];
    for r in library {
        names.extend([r.project.as_str(), r.applicant.as_str(), r.address.as_str()]);
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    let sections: BTreeMap<String, String> = sections
        .iter()
        .map(|(k, t)| (k.clone(), mask(t, &names)))
        .collect();
    let masked_library: Vec<LibraryReport> = library
        .iter()
        .map(|r| {
            let mut r = r.clone();
            for t in r.sections.values_mut() {
                *t = mask(t, &names);
            }
            r
        })
        .collect();
    let library = &masked_library[..];
    let sections = &sections;
    let others: Vec<&LibraryReport> = library
        .iter()
        .filter(|r| {
            (r.project != project || project.is_empty())
                && (r.credit_code != credit || credit.is_empty())
        })
        .collect();
    let threshold = 2usize.max((others.len() as f64 * 0.1).ceil() as usize);
    let mut hits = Vec::new();
    let mut scores = Vec::new();
    for (key, text) in sections {
        // Template shingles: in this section of at least `threshold` other reports.
        let mut df: HashMap<u64, usize> = HashMap::new();
        let other_sets: Vec<(&LibraryReport, HashSet<u64>)> = others
            .iter()
            .filter_map(|r| {
                r.sections
                    .get(key)
                    .map(|t| (*r, shingles(t).into_iter().collect()))
            })
            .collect();
        for (_, set) in &other_sets {
            for h in set {
                *df.entry(*h).or_default() += 1;
            }
        }
        let own: HashSet<u64> = shingles(text)
            .into_iter()
            .filter(|h| df.get(h).copied().unwrap_or(0) < threshold)
            .collect();
        if own.is_empty() {
            continue;
        }
        let own_sig = minhash(&own);
        for (report, set) in &other_sets {
            let theirs: HashSet<u64> = set
                .iter()
                .copied()
                .filter(|h| df.get(h).copied().unwrap_or(0) < threshold)
                .collect();
            if theirs.is_empty() {
                continue;
            }
            // MinHash estimate of the Jaccard index picks the candidates (a section half
            // copied from a section ten times its size still has J ≈ 0.05); the exact share
            // of own shingles decides.
            if estimate(&own_sig, &minhash(&theirs)) < 0.02 {
                continue;
            }
            let common = own.intersection(&theirs).count();
            let share = common as f64 / own.len() as f64;
            scores.push(CopyScore {
                section: key.clone(),
                report_id: report.id.clone(),
                share,
                own_shingles: own.len(),
            });
            if share >= FLAG_SHARE && own.len() >= MIN_SHINGLES {
                let (passage, other_passage) = best_passage(text, &report.sections[key], &theirs);
                hits.push(CopyHit {
                    section: key.clone(),
                    report_id: report.id.clone(),
                    report_label: report.label.clone(),
                    share,
                    own_shingles: own.len(),
                    passage,
                    other_passage,
                });
            }
        }
    }
    (hits, scores)
}

/// The line of `text` with most shingles in `theirs`, and the line of `other` that shares
/// most with it.
fn best_passage(text: &str, other: &str, theirs: &HashSet<u64>) -> (String, String) {
    let best = text
        .lines()
        .map(|l| {
            let s = shingles(l);
            let n = s.iter().filter(|h| theirs.contains(h)).count();
            (n, l)
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, l)| l.to_owned())
        .unwrap_or_default();
    let mine: HashSet<u64> = shingles(&best).into_iter().collect();
    let other_line = other
        .lines()
        .map(|l| (shingles(l).iter().filter(|h| mine.contains(h)).count(), l))
        .max_by_key(|(n, _)| *n)
        .map(|(_, l)| l.to_owned())
        .unwrap_or_default();
    let cut = |s: String| s.chars().take(120).collect::<String>();
    (cut(best), cut(other_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, two: &str) -> LibraryReport {
        LibraryReport {
            id: id.into(),
            label: id.into(),
            applicant: String::new(),
            credit_code: id.into(),
            project: id.into(),
            address: String::new(),
            sections: [("二".to_owned(), two.to_owned())].into_iter().collect(),
        }
    }

    #[test]
    fn template_text_is_not_copying_but_a_pasted_section_is() {
        let template = "工艺流程：坯布经前处理、染色、水洗、定型后检验入库，定型工序产生定型废气，染色工序产生印染废水。";
        let a = format!(
            "{template}甲公司年产八千万米棉印染布，配备二十台溢流染色机和四台定型机，厂区位于滨海工业区东侧，定型废气经水喷淋加静电处理后由十五米排气筒排放，废水经调节池和生化池处理后纳管。"
        );
        let b = format!(
            "{template}乙公司年产五千吨化纤纱线，配备十二台筒子纱染色机和两台烘干机，厂区位于开发区纬五路，染色废气经活性炭吸附后由二十米排气筒排放，废水经混凝沉淀和水解酸化处理后纳管。"
        );
        let c = format!(
            "{template}丙公司年产三千万米针织布，配备十五台气流染色机和三台定型机，厂区位于袍江工业区，锅炉废气经低氮燃烧后由二十五米排气筒排放，废水经气浮和好氧处理后纳管。"
        );
        let library = vec![report("a", &a), report("b", &b), report("c", &c)];
        let mine: BTreeMap<String, String> = [(
            "二".to_owned(),
            format!("{template}丁公司年产六千万米数码印花面料，配备八台数码印花机和两台定型机，厂区位于马鞍街道南滨路。"),
        )]
        .into_iter()
        .collect();
        let (hits, _) = compare(
            &mine,
            Identity {
                credit_code: "d",
                project: "d",
                ..Identity::default()
            },
            &library,
        );
        assert!(hits.is_empty(), "{hits:?}");
        let copied: BTreeMap<String, String> = [("二".to_owned(), b.replace("乙公司", "丁公司"))]
            .into_iter()
            .collect();
        let (hits, _) = compare(
            &copied,
            Identity {
                credit_code: "d",
                project: "d",
                ..Identity::default()
            },
            &library,
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].report_id, "b");
        // The same project's earlier version is not copying.
        let (hits, _) = compare(
            &copied,
            Identity {
                credit_code: "b",
                project: "b",
                ..Identity::default()
            },
            &library,
        );
        assert!(hits.is_empty());
    }
}
