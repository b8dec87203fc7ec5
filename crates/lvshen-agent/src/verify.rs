//! Verification of generated text, sentence by sentence: every citation marker must name a
//! passage that was shown, every number must appear in a cited passage, and a sentence must
//! share enough of its wording with what it cites. Sentences are repaired (citation moved to
//! the passage that holds the number) or dropped; nothing unverified reaches the user.

use std::collections::BTreeSet;

use crate::evidence::{Evidence, compact};
use crate::numerals;

/// A sentence that passed, with the evidence indexes (0-based) it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub text: String,
    pub cites: Vec<usize>,
}

/// Why a sentence was dropped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dropped {
    pub sentence: String,
    pub reason: String,
}

/// Splits off the citation markers (`[1]`, `[1,2]`, `【2】`, `[资料1]`) of a sentence:
/// returns the text without them and the numbers they carried.
pub fn strip_markers(sentence: &str) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ids = Vec::new();
    let mut chars = sentence.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '[' || c == '【' {
            let close = if c == '[' { ']' } else { '】' };
            let mut inner = String::new();
            let mut closed = false;
            for d in chars.by_ref() {
                if d == close {
                    closed = true;
                    break;
                }
                inner.push(d);
                if inner.chars().count() > 12 {
                    break;
                }
            }
            let cleaned = inner.replace("资料", "").replace(' ', "");
            let parsed: Option<Vec<usize>> = cleaned
                .split([',', '，', '、'])
                .map(|p| p.parse::<usize>().ok())
                .collect();
            match parsed {
                Some(list) if closed && !list.is_empty() => ids.extend(list),
                _ => {
                    text.push(c);
                    text.push_str(&inner);
                    if closed {
                        text.push(close);
                    }
                }
            }
        } else {
            text.push(c);
        }
    }
    (text.trim().to_owned(), ids)
}

/// Character bigrams of the CJK and alphanumeric content of `text`.
fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = compact(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Share of `wording`'s bigrams found in `support`, a bigram taken only within the pieces
/// that spaces separate (the question words taken out leave a space: "建设单位 委托 编制…"
/// has no 位委).
pub(crate) fn wording_overlap(wording: &str, support: &str) -> f64 {
    let s: BTreeSet<(char, char)> = wording.split_whitespace().flat_map(bigrams).collect();
    if s.is_empty() {
        return 0.0;
    }
    let t = bigrams(support);
    s.iter().filter(|b| t.contains(b)).count() as f64 / s.len() as f64
}

/// Share of the sentence's bigrams found in `support`.
pub(crate) fn overlap(sentence: &str, support: &str) -> f64 {
    let s = bigrams(sentence);
    if s.is_empty() {
        return 0.0;
    }
    let t = bigrams(support);
    s.iter().filter(|b| t.contains(b)).count() as f64 / s.len() as f64
}

/// Minimum wording overlap between a sentence and what it cites.
pub const MIN_OVERLAP: f64 = 0.3;

/// Phrases that say nothing by themselves.
fn is_filler(text: &str) -> bool {
    let t: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    t.chars().count() < 4
        || [
            "根据资料",
            "根据以上资料",
            "综上所述",
            "希望对你有帮助",
            "如有疑问",
        ]
        .iter()
        .any(|f| t == *f)
}

/// The sentence-level pieces of a passage (split at 。；;): a number is only as good as the
/// piece it stands in.
fn pieces(text: &str) -> Vec<String> {
    numerals::normalize(text)
        .split(['。', '；', ';', '\n'])
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether `number` stands in `support` next to what the sentence talks about: in a piece
/// that also holds the question's key terms the sentence uses (or, when it uses none, that
/// shares wording with the sentence). "总氮限值为150" is not backed by "五日生化需氧量改为150".
fn number_in_context(number: &str, sentence: &str, support: &str, terms: &[String]) -> bool {
    let said = compact(sentence);
    let relevant: Vec<String> = terms
        .iter()
        .map(|t| compact(t))
        .filter(|t| !t.is_empty() && said.contains(t.as_str()))
        .collect();
    pieces(support).iter().any(|piece| {
        numerals::numbers(piece).iter().any(|n| n == number)
            && if relevant.is_empty() {
                shared_wording(sentence, piece) >= 0.3
            } else {
                let hay = compact(piece);
                relevant.iter().any(|t| hay.contains(t.as_str()))
            }
    })
}

/// Shared bigrams (digits aside) over the smaller of the two texts.
fn shared_wording(a: &str, b: &str) -> f64 {
    let strip = |s: &str| -> String { s.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let (a, b) = (bigrams(&strip(a)), bigrams(&strip(b)));
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

/// Verifies one sentence against the evidence shown (1-based markers), with no key terms.
pub fn verify_sentence(sentence: &str, evidence: &[Evidence]) -> Result<Verified, Dropped> {
    verify_sentence_with(sentence, evidence, &[])
}

/// Verifies one sentence against the evidence shown (1-based markers). `terms` are the
/// question's specific key terms: a number must stand next to one of them (or next to the
/// sentence's own wording) in the passage that backs it.
pub fn verify_sentence_with(
    sentence: &str,
    evidence: &[Evidence],
    terms: &[String],
) -> Result<Verified, Dropped> {
    let drop = |reason: &str| Dropped {
        sentence: sentence.trim().to_owned(),
        reason: reason.to_owned(),
    };
    let (text, markers) = strip_markers(sentence);
    if is_filler(&text) {
        return Err(drop("无实质内容"));
    }
    let supports: Vec<String> = evidence.iter().map(|e| compact(&e.support())).collect();
    let numbers_of: Vec<Vec<String>> = evidence
        .iter()
        .map(|e| numerals::numbers(&e.support()))
        .collect();
    let mut cites: Vec<usize> = markers
        .iter()
        .filter(|m| **m >= 1 && **m <= evidence.len())
        .map(|m| m - 1)
        .collect();
    cites.dedup();
    // Every number must be in a cited passage; a number found only in another passage moves
    // the citation there.
    let backs = |i: usize, number: &str| {
        numbers_of[i].iter().any(|n| n == number)
            && number_in_context(number, &text, &evidence[i].support(), terms)
    };
    for number in numerals::numbers(&text) {
        if cites.iter().any(|&i| backs(i, &number)) {
            continue;
        }
        match (0..evidence.len()).find(|&i| backs(i, &number)) {
            Some(i) => cites.push(i),
            None if (0..evidence.len()).any(|i| numbers_of[i].contains(&number)) => {
                return Err(drop(&format!("数字 {number} 在依据中不是针对所述事项的")));
            }
            None => return Err(drop(&format!("数字 {number} 不见于任何检索到的依据"))),
        }
    }
    // The sentence must read like what it cites.
    let best = (0..evidence.len())
        .max_by(|&a, &b| overlap(&text, &supports[a]).total_cmp(&overlap(&text, &supports[b])));
    cites.retain(|&i| overlap(&text, &supports[i]) >= MIN_OVERLAP / 2.0);
    if cites.is_empty() {
        match best {
            Some(i) if overlap(&text, &supports[i]) >= MIN_OVERLAP => cites.push(i),
            _ => return Err(drop("与检索到的依据不符")),
        }
    }
    let joined: String = cites.iter().map(|&i| supports[i].as_str()).collect();
    if overlap(&text, &joined) < MIN_OVERLAP {
        // A wrong marker: the citation moves to the passage the sentence reads like, as long
        // as that passage still holds every number the sentence states.
        match best {
            Some(i)
                if overlap(&text, &supports[i]) >= MIN_OVERLAP
                    && numerals::numbers(&text).iter().all(|n| backs(i, n)) =>
            {
                cites = vec![i];
            }
            _ => return Err(drop("与所引依据的内容重合过少")),
        }
    }
    // A sentence that states numbers cites only the passages that hold them all (the
    // model's "[1][2]" where [2] states another quantity), when one does.
    let numbers = numerals::numbers(&text);
    if !numbers.is_empty() && cites.iter().any(|&i| numbers.iter().all(|n| backs(i, n))) {
        cites.retain(|&i| numbers.iter().all(|n| backs(i, n)));
    }
    cites.sort_unstable();
    cites.dedup();
    Ok(Verified { text, cites })
}

/// The quantities of the evidence that answer the question: for each piece of a passage
/// (split at 。；) that states a quantity, the passage it is in and how well the piece, read
/// with what gives it meaning, covers the question's key terms. A list item is read with its
/// lead-in, a lead-in with its items, a qualifying clause (拒不改正的… / 情节严重的…) with the
/// clause it qualifies; every piece with its passage's title and clause.
#[derive(Debug, Clone)]
pub struct Claims {
    pieces: Vec<ClaimPiece>,
    /// The question, compacted: a branch it names is the one asked.
    question: String,
    /// Each passage's own text (without its title), compacted.
    texts: Vec<String>,
    /// The passages' titles, bare: a sentence may name them as its source.
    titles: Vec<String>,
    /// Each passage's bare title and clause, compacted.
    sources: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
struct ClaimPiece {
    evidence: usize,
    numbers: Vec<String>,
    score: f64,
    /// The piece with what gives it meaning, compacted.
    context: String,
    /// The case split the piece belongs to: a clause and the qualifiers after it
    /// ("处5万元以上20万元以下的罚款；情节严重的，处20万元以上100万元以下的罚款") share one.
    case: usize,
    /// A qualifier's condition ("情节严重"), compacted; empty for the clause it qualifies.
    condition: String,
}

impl Claims {
    pub fn new(evidence: &[Evidence], terms: &[Vec<String>], question: &str) -> Self {
        use crate::evidence::{is_lead_in, is_list_item, is_qualifier, term_weight};
        let mut pieces = Vec::new();
        let mut case = 0;
        for (i, e) in evidence.iter().enumerate() {
            let parts: Vec<&str> = e
                .text
                .split(['。', '；', ';', '\n'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let label = e.label();
            for (p, piece) in parts.iter().enumerate() {
                let numbers: Vec<String> = numerals::quantities(piece).concat();
                let mut context = vec![label.clone(), (*piece).to_owned()];
                // A qualifier is read with the clause it qualifies.
                let mut head = p;
                while head > 0 && is_qualifier(parts[head]) {
                    head -= 1;
                    context.push(parts[head].to_owned());
                }
                // A lead-in with its items; an item with its lead-in.
                if is_lead_in(parts[head]) || parts.get(head + 1).is_some_and(|n| is_lead_in(n)) {
                    context.extend(
                        parts[head + 1..]
                            .iter()
                            .skip_while(|x| !is_list_item(x))
                            .take_while(|x| is_list_item(x))
                            .map(|x| (*x).to_owned()),
                    );
                }
                if is_list_item(parts[head])
                    && let Some(lead) = (0..head).rev().find(|&j| is_lead_in(parts[j]))
                {
                    context.push(parts[lead].to_owned());
                }
                let context = context.concat();
                // Only a condition makes a branch (情节严重的… / 逾期不改正的… / 需要现场核查
                // 的…); "并处…" or "对直接负责的主管人员…" adds to the clause, it is no case.
                let qualifies = p > 0
                    && is_qualifier(piece)
                    && ["情节", "逾期", "拒不", "需要", "需", "造成"]
                        .iter()
                        .any(|m| piece.trim_start().starts_with(m));
                if !qualifies {
                    case += 1;
                }
                let condition = if qualifies {
                    let head = piece.split(['，', ',']).next().unwrap_or_default();
                    compact(head.trim_end_matches('的'))
                } else {
                    String::new()
                };
                pieces.push(ClaimPiece {
                    evidence: i,
                    numbers,
                    score: term_weight(terms, &context),
                    context: compact(&context),
                    case,
                    condition,
                });
            }
        }
        Claims {
            pieces,
            question: compact(question),
            texts: evidence.iter().map(|e| compact(&e.text)).collect(),
            titles: evidence
                .iter()
                .map(|e| compact(&crate::question::bare_title(&e.doc)))
                .filter(|t| t.chars().count() >= 4)
                .collect(),
            sources: evidence
                .iter()
                .map(|e| {
                    (
                        compact(&crate::question::bare_title(&e.doc)),
                        compact(&e.clause),
                    )
                })
                .collect(),
        }
    }

    /// Checks the quantities of a sentence as claims: each (a range as a whole, "十万元以上
    /// 一百万元以下") must stand in one piece, in order, and that piece must be among those
    /// that best cover the question's terms — a number of another subject or condition in
    /// the same passages ("生活垃圾处理单位…五十万元以上一百万元以下" for a question on
    /// 自行监测) does not back the claim. Returns the evidence the quantities rest on.
    pub fn check(&self, sentence: &str) -> Result<Vec<usize>, String> {
        let groups = numerals::quantities(sentence);
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        let stating = || self.pieces.iter().filter(|p| !p.numbers.is_empty());
        let best = stating().map(|p| p.score).fold(0.0, f64::max);
        let answering: Vec<&ClaimPiece> = stating().filter(|p| p.score >= best - 1e-9).collect();
        let mut used = Vec::new();
        let mut used_pieces: Vec<&ClaimPiece> = Vec::new();
        for group in &groups {
            let holds = |p: &ClaimPiece| {
                p.numbers
                    .windows(group.len())
                    .any(|w| w.iter().zip(group).all(|(a, b)| a == b))
            };
            match answering.iter().find(|p| holds(p)) {
                Some(p) => {
                    used.push(p.evidence);
                    used_pieces.push(*p);
                }
                None => {
                    let what = group.join("—");
                    return Err(if stating().any(holds) {
                        format!("数值 {what} 在依据中属于另一事项或另一情形，不是所问的")
                    } else {
                        format!("数值 {what} 在依据的同一处不成立（可能拼接了不同条款的数字）")
                    });
                }
            }
        }
        // Half a case split: the quantity of one branch ("情节严重的，处20万元以上100万元以下")
        // without the other's, when the question does not ask for that branch.
        let said = numerals::quantities(sentence);
        for p in &used_pieces {
            let missing = self.pieces.iter().find(|q| {
                q.case == p.case
                    && !std::ptr::eq(*q, *p)
                    && !q.numbers.is_empty()
                    && !said.iter().any(|g| {
                        q.numbers
                            .windows(g.len())
                            .any(|w| w.iter().zip(g).all(|(a, b)| a == b))
                    })
            });
            let asked =
                |q: &ClaimPiece| !q.condition.is_empty() && self.question.contains(&q.condition);
            if let Some(q) = missing
                && !asked(p)
                && !asked(q)
            {
                let which = if q.condition.is_empty() {
                    "一般情形".to_owned()
                } else {
                    format!("“{}”的情形", q.condition)
                };
                return Err(format!(
                    "只答了依据中的一种情形，漏了{which}（{}）",
                    q.numbers.join("—")
                ));
            }
        }
        used.sort_unstable();
        used.dedup();
        Ok(used)
    }

    /// What a sentence says beyond the question: its bigrams the question lacks, numbers
    /// aside (the quantity checks see to those).
    fn added_to_question(&self, sentence: &str) -> Vec<(char, char)> {
        let question = bigrams(&self.question);
        bigrams(sentence)
            .into_iter()
            .filter(|b| !question.contains(b))
            .filter(|(a, b)| !(a.is_ascii_digit() || b.is_ascii_digit()))
            .collect()
    }

    /// Checks that what a sentence adds to the question stands in the passages' own text:
    /// "应当编制建设项目环境保护管理条例" takes its words from a passage's title, not from
    /// what the passage says. A title the sentence cites as its source (in 《》, or after
    /// 依据/根据/按照) is not a claim.
    pub fn check_new_content(&self, sentence: &str, cites: &[usize]) -> Result<(), String> {
        // An article the sentence names (《T》第X条) must be one it was shown.
        for (title, article) in named_articles(sentence) {
            let shown = self
                .sources
                .iter()
                .any(|(t, c)| (t.contains(&title) || title.contains(t.as_str())) && *c == article);
            if !shown {
                return Err(format!("所称《{title}》{article}不在检索到的依据中"));
            }
        }
        // A title after 依据/根据/按照/依照/见 names the source; elsewhere ("应当编制《…》")
        // it is what the sentence claims, and is checked as such.
        let mut said = String::new();
        let mut rest = sentence;
        while let Some(open) = rest.find('《') {
            let before = &rest[..open];
            let Some(close) = rest[open..].find('》') else {
                break;
            };
            let close = open + close + '》'.len_utf8();
            said.push_str(before);
            let cites = ["依据", "根据", "按照", "依照", "见", "参照"]
                .iter()
                .any(|l| before.trim_end().ends_with(l));
            if !cites {
                said.push_str(&rest[open..close]);
            }
            rest = &rest[close..];
        }
        said.push_str(rest);
        let mut said = compact(&said);
        for title in &self.titles {
            for lead in ["依据", "根据", "按照", "依照"] {
                said = said.replace(&format!("{lead}{title}"), lead);
            }
        }
        let cited: String = cites
            .iter()
            .filter_map(|&i| self.texts.get(i))
            .map(String::as_str)
            .collect();
        let texts = bigrams(&cited);
        let new = self.added_to_question(&said);
        if new.len() < 3 || cited.is_empty() {
            return Ok(());
        }
        let found = new.iter().filter(|b| texts.contains(b)).count();
        if (found as f64) < new.len() as f64 * 0.5 {
            return Err("回答中问题以外的内容大多不见于依据正文".to_owned());
        }
        Ok(())
    }
}

impl Claims {
    /// Checks a sentence's wording as one claim: the question's terms it uses (subject,
    /// condition) and most of its wording must stand in one piece of the evidence, read with
    /// its lead-in or the clause it qualifies — not the subject from one sentence and the duty
    /// from another ("印染企业…应当配套建设畜禽排泄物处理设施" joins 第十三条's clause on
    /// 印染 with its clause on 畜禽养殖场).
    pub fn check_wording(&self, sentence: &str, terms: &[String]) -> Result<(), String> {
        let said = compact(sentence);
        let used: Vec<String> = terms
            .iter()
            .map(|t| compact(t))
            .filter(|t| !t.is_empty() && said.contains(t.as_str()))
            // A term no piece holds is the question's own wording repeated (污水处理厂 for
            // 城镇污水集中处理设施): it cannot tie the claim to a piece.
            .filter(|t| self.pieces.iter().any(|p| p.context.contains(t.as_str())))
            .collect();
        // What the sentence adds to the question (its answer) must stand in that piece too:
        // "曹娥江重点保护区内已建的印染企业应当配套建设畜禽排泄物…" repeats the question's
        // subject, which one clause holds, and adds a duty another clause states.
        let new = self.added_to_question(sentence);
        let one_piece = self.pieces.iter().any(|p| {
            let reads_like = if new.len() >= 3 {
                let piece = bigrams(&p.context);
                new.iter().filter(|b| piece.contains(b)).count() * 2 >= new.len()
            } else {
                overlap(sentence, &p.context) >= MIN_OVERLAP
            };
            used.iter().all(|t| p.context.contains(t.as_str())) && reads_like
        });
        if one_piece || self.pieces.is_empty() {
            Ok(())
        } else {
            Err("所述主体、条件与结论不在依据的同一处（拼接了不同条款）".to_owned())
        }
    }
}

/// The articles a sentence names as 《T》第X条: bare title and article, compacted.
fn named_articles(sentence: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('《') {
        let after = &rest[open + '《'.len_utf8()..];
        let Some(close) = after.find('》') else {
            break;
        };
        let title = compact(&crate::question::bare_title(&after[..close]));
        let tail = after[close + '》'.len_utf8()..].trim_start();
        if let Some(body) = tail.strip_prefix('第') {
            let number: String = body
                .chars()
                .take_while(|c| c.is_ascii_digit() || "零〇一二三四五六七八九十百千".contains(*c))
                .collect();
            if !number.is_empty() && body[number.len()..].starts_with('条') {
                out.push((title, compact(&format!("第{number}条"))));
            }
        }
        rest = &after[close + '》'.len_utf8()..];
    }
    out
}

/// Whether a sentence only restates the question: almost all of its wording is the
/// question's and it adds no number.
pub fn restates(sentence: &str, question: &str) -> bool {
    let new_numbers = numerals::numbers(sentence)
        .into_iter()
        .any(|n| !numerals::numbers(question).contains(&n));
    !new_numbers && overlap(sentence, question) >= 0.75
}

/// Splits generated text into sentences (keeping the end mark and any citation markers
/// right after it with the sentence).
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        current.push(c);
        if matches!(c, '。' | '！' | '？' | '\n' | '；') {
            // Markers written after the full stop belong to this sentence.
            while i + 1 < chars.len() && matches!(chars[i + 1], '[' | '【') {
                let close = if chars[i + 1] == '[' { ']' } else { '】' };
                let Some(end) = chars[i + 1..].iter().position(|&d| d == close) else {
                    break;
                };
                current.extend(&chars[i + 1..=i + 1 + end]);
                i += end + 1;
            }
            if !current.trim().is_empty() {
                out.push(current.trim().to_owned());
            }
            current.clear();
        }
        i += 1;
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(doc: &str, clause: &str, text: &str) -> Evidence {
        Evidence {
            doc: doc.to_owned(),
            doc_number: None,
            clause: clause.to_owned(),
            text: text.to_owned(),
            source: "test".to_owned(),
            repealed: None,
            heading: None,
        }
    }

    fn evidence() -> Vec<Evidence> {
        vec![
            ev("排污许可管理条例", "第十四条", "排污许可证有效期为5年。"),
            ev(
                "排污许可管理条例",
                "第十条",
                "实行重点管理的，审批部门应当自受理申请之日起20日内作出审批决定；简化管理的，10日内作出审批决定。",
            ),
        ]
    }

    #[test]
    fn markers_are_parsed_and_removed() {
        assert_eq!(
            strip_markers("有效期为5年。[1]"),
            ("有效期为5年。".to_owned(), vec![1])
        );
        assert_eq!(strip_markers("见【1、2】"), ("见".to_owned(), vec![1, 2]));
        assert_eq!(
            strip_markers("数组[a]不变"),
            ("数组[a]不变".to_owned(), vec![])
        );
    }

    #[test]
    fn a_number_moves_the_citation_to_the_passage_that_has_it() {
        let v = verify_sentence("重点管理的审批期限为20日。[1]", &evidence()).unwrap();
        assert_eq!(v.cites, vec![1]);
        assert_eq!(v.text, "重点管理的审批期限为20日。");
        // Chinese numerals count as their value.
        let v = verify_sentence("排污许可证有效期为五年。", &evidence()).unwrap();
        assert_eq!(v.cites, vec![0]);
    }

    #[test]
    fn invented_numbers_and_unrelated_sentences_are_dropped() {
        let err = verify_sentence("审批期限为30日。[2]", &evidence()).unwrap_err();
        assert!(err.reason.contains("30"), "{err:?}");
        let err = verify_sentence("杭州明天天气晴朗，适合出游。[1]", &evidence()).unwrap_err();
        assert!(
            err.reason.contains("不符") || err.reason.contains("重合"),
            "{err:?}"
        );
        // A marker beyond the evidence is not kept.
        let v = verify_sentence("排污许可证有效期为5年。[7]", &evidence()).unwrap();
        assert_eq!(v.cites, vec![0]);
    }

    fn terms(words: &[&str]) -> Vec<Vec<String>> {
        words.iter().map(|w| vec![(*w).to_owned()]).collect()
    }

    #[test]
    fn a_claimed_range_must_be_the_questions_as_one_piece_states_it() {
        let evidence = vec![ev(
            "生态环境法典",
            "第一千零八十六条",
            "违反本法规定，有下列情形之一的，处二万元以上二十万元以下的罚款；（一）未对所排放的污染物自行监测；（二）未安装自动监测设备；违反本法规定，生活垃圾处理单位未安装监测设备的，处五万元以上五十万元以下的罚款；拒不改正的，处五十万元以上一百万元以下的罚款",
        )];
        let claims = Claims::new(
            &evidence,
            &terms(&["自行监测", "自动监测", "罚款"]),
            "未开展自行监测的罚款多少？",
        );
        assert!(
            claims
                .check("未开展自行监测的，罚款2万元以上20万元以下。")
                .is_ok()
        );
        // A range of another subject in the same article.
        let err = claims
            .check("未开展自行监测的，罚款五十万元以上一百万元以下。")
            .unwrap_err();
        assert!(err.contains("另一事项"), "{err}");
        // Two bounds spliced from two ranges.
        let err = claims
            .check("未开展自行监测的，罚款2万元以上100万元以下。")
            .unwrap_err();
        assert!(err.contains("同一处"), "{err}");
    }

    #[test]
    fn a_claim_may_not_join_the_subject_of_one_clause_to_the_duty_of_another() {
        let evidence = vec![ev(
            "浙江省曹娥江流域水环境保护条例",
            "第十三条",
            "重点保护区内已建成的印染、电镀等工业类重污染企业，由县级以上人民政府责令限期转型改造或者关闭、搬迁；流域内其他区域新建畜禽养殖场的，应当配套建设畜禽排泄物和污水处理设施",
        )];
        let claims = Claims::new(
            &evidence,
            &terms(&["印染", "企业"]),
            "曹娥江流域已建成的印染企业怎么处理？",
        );
        let spliced = "印染企业要配套建设畜禽排泄物和污水处理设施。";
        // The question's own subject repeated in full does not make the duty its clause's.
        assert!(
            claims
                .check_wording(
                    "曹娥江流域已建成的印染企业应当配套建设畜禽排泄物和污水处理设施。",
                    &["印染".to_owned()]
                )
                .is_err()
        );
        assert!(claims.check_wording(spliced, &["印染".to_owned()]).is_err());
        let faithful = "已建成的印染企业由县级以上人民政府责令限期转型改造或者关闭、搬迁。";
        assert!(claims.check_wording(faithful, &["印染".to_owned()]).is_ok());
    }

    #[test]
    fn half_a_case_split_is_no_answer_unless_the_branch_is_asked() {
        let evidence = vec![ev(
            "排污许可管理条例",
            "第三十五条",
            "排污单位有下列行为之一的，处5万元以上20万元以下的罚款；情节严重的，处20万元以上100万元以下的罚款，责令限制生产、停产整治",
        )];
        let ask = |q: &str| Claims::new(&evidence, &terms(&["罚款"]), q);
        let claims = ask("特殊时段未停止排放的怎么处罚？");
        let err = claims
            .check("特殊时段未停止排放的，处20万元以上100万元以下的罚款。")
            .unwrap_err();
        assert!(err.contains("一般情形"), "{err}");
        let err = claims
            .check("特殊时段未停止排放的，处5万元以上20万元以下的罚款。")
            .unwrap_err();
        assert!(err.contains("情节严重"), "{err}");
        assert!(
            claims
                .check("处5万元以上20万元以下的罚款；情节严重的，处20万元以上100万元以下的罚款。")
                .is_ok()
        );
        // The question names the branch: that branch alone answers it.
        let claims = ask("特殊时段未停止排放、情节严重的怎么处罚？");
        assert!(
            claims
                .check("情节严重的，处20万元以上100万元以下的罚款。")
                .is_ok()
        );
    }

    #[test]
    fn what_an_answer_adds_must_stand_in_the_passages_not_their_titles() {
        let evidence = vec![ev(
            "建设项目环境保护管理条例",
            "第七条",
            "建设项目可能造成重大环境影响的，应当编制环境影响报告书，对产生的环境影响进行全面评价",
        )];
        let q = "可能造成重大环境影响的建设项目应当编制什么环评文件？";
        let claims = Claims::new(&evidence, &terms(&["重大", "环境影响"]), q);
        assert!(
            claims
                .check_new_content(
                    "可能造成重大环境影响的建设项目应当编制建设项目环境保护管理条例。",
                    &[0]
                )
                .is_err()
        );
        assert!(
            claims
                .check_new_content("依据《建设项目环境保护管理条例》第七条，应当编制环境影响报告书，进行全面评价。", &[0])
                .is_ok()
        );
        assert!(
            claims
                .check_new_content(
                    "根据建设项目环境保护管理条例，应当编制环境影响报告书，进行全面评价。",
                    &[0]
                )
                .is_ok()
        );
        // A title as the answer, or an article of a document it was not shown.
        assert!(
            claims
                .check_new_content(
                    "可能造成重大环境影响的建设项目应当编制《建设项目环境保护管理条例》。",
                    &[0]
                )
                .is_err()
        );
        let err = claims
            .check_new_content("应当符合《中华人民共和国水污染防治法》第三百零三条。", &[0])
            .unwrap_err();
        assert!(err.contains("不在检索到的依据中"), "{err}");
        assert!(
            claims
                .check_new_content(
                    "依据《建设项目环境保护管理条例》第七条，应当编制环境影响报告书。",
                    &[0]
                )
                .is_ok()
        );
    }

    #[test]
    fn sentences_keep_trailing_markers() {
        assert_eq!(
            sentences("有效期为5年。[1]审批期限20日[2]。其他"),
            vec!["有效期为5年。[1]", "审批期限20日[2]。", "其他"]
        );
    }

    #[test]
    fn the_question_s_wording_has_no_bigram_across_a_word_taken_out() {
        // 位委 spans the gap that 可以 left: not a bigram of the question.
        assert_eq!(wording_overlap("单位 委托", "单位委托"), 1.0);
        assert_eq!(wording_overlap("单位 委托", "位委"), 0.0);
        assert!(overlap("单位 委托", "位委") > 0.0);
    }
}
