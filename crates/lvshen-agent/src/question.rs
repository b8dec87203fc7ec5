//! What a question names: standard numbers (GB 4287-2025), titles (《…》) and articles
//! (第九十条). A named document the knowledge base does not hold — or an article its text does
//! not have — is refused by name: no value of another document is given for it.

use lvshen_search::Hit;

/// A document (or an article of one) that a question names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// `GB 4287-2025` (spaces and dashes normalised).
    Number(String),
    /// A title in 《》, without 中华人民共和国.
    Title(String),
    /// An article of a titled document: (title, 第X条 in Chinese numerals).
    Article(String, String),
}

fn normalize_number(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '—' | '–' | '－' => '-',
            '／' => '/',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// A standard number as it is printed: a space between a national code and its digits
/// ("GB 31572", "GB/T 4754-2017", "HJ 2.2-2018"); a local one keeps its form ("DB33/962").
fn spaced_number(n: &str) -> String {
    for code in ["GB/T", "HJ/T", "CJ/T", "GB", "HJ", "CJ"] {
        if let Some(rest) = n.strip_prefix(code)
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return format!("{code} {rest}");
        }
    }
    n.to_owned()
}

/// Standard numbers with a year (`GB 4287-2012`, `HJ 1234-2024`, `DB33/1234-2023`).
pub fn standard_numbers(question: &str) -> Vec<String> {
    numbers_written(question)
        .into_iter()
        .filter_map(|(n, dated)| dated.then_some(n))
        .collect()
}

/// Standard numbers written without a year (`GB 31572`, `DB33/962`): a standard named by its
/// number, whichever edition. Three digits or more, so that a bare "GB 12" of a sentence is
/// not read as one.
pub fn standard_families(question: &str) -> Vec<String> {
    numbers_written(question)
        .into_iter()
        .filter(|(n, dated)| !dated && n.chars().filter(char::is_ascii_digit).count() >= 3)
        .map(|(n, _)| n)
        .collect()
}

/// Every standard number the question names: those with a year, then those without.
pub fn named_numbers(question: &str) -> Vec<String> {
    let mut out = standard_numbers(question);
    out.extend(standard_families(question));
    out
}

/// Every standard number the question writes, and whether it carries a year.
fn numbers_written(question: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = question.chars().collect();
    let mut out = Vec::new();
    let prefixes = ["GB/T", "GB", "HJ/T", "HJ", "DB", "CJ/T", "CJ"];
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..]
            .iter()
            .take(5)
            .collect::<String>()
            .to_ascii_uppercase();
        let Some(prefix) = prefixes.iter().find(|p| rest.starts_with(*p)) else {
            i += 1;
            continue;
        };
        // Not inside a word (e.g. "…GB" preceded by letters).
        if i > 0 && chars[i - 1].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let mut j = i + prefix.chars().count();
        let mut body = String::new();
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || matches!(chars[j], ' ' | '.' | '/' | '-' | '—' | '–' | '－'))
        {
            body.push(chars[j]);
            j += 1;
        }
        let n = normalize_number(&format!("{prefix}{body}"));
        let n = n.trim_end_matches(['-', '.', '/']).to_owned();
        let has_year = n.rsplit_once('-').is_some_and(|(_, y)| {
            (y.len() == 4 || y.len() == 2) && y.chars().all(|c| c.is_ascii_digit())
        });
        if n.chars().any(|c| c.is_ascii_digit()) {
            out.push((n, has_year));
        }
        i = j.max(i + 1);
    }
    out
}

/// A document title without 《》, "中华人民共和国", a bracketed date or edition, or spaces:
/// the form titles are compared in.
pub(crate) fn bare_title(title: &str) -> String {
    let t = title
        .trim()
        .trim_start_matches('《')
        .trim_start_matches("中华人民共和国");
    let t = t.split(['(', '（', '》']).next().unwrap_or(t);
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each 《…》 of `question`: what stands inside it, and the text after it.
fn bracketed(question: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = question;
    while let Some(open) = rest.find('《') {
        let after = &rest[open + '《'.len_utf8()..];
        let Some(close) = after.find('》') else {
            break;
        };
        rest = &after[close + '》'.len_utf8()..];
        out.push((&after[..close], rest));
    }
    out
}

/// What the question names.
pub fn named(question: &str) -> Vec<Named> {
    let mut out: Vec<Named> = named_numbers(question)
        .into_iter()
        .map(Named::Number)
        .collect();
    for (inside, tail) in bracketed(question) {
        let title = bare_title(inside);
        if !title.is_empty() {
            let article = article_after(tail);
            match article {
                Some(a) => out.push(Named::Article(title, a)),
                None => out.push(Named::Title(title)),
            }
        }
    }
    if !question.contains('《') {
        for (title, tail) in plain_titles(question) {
            out.push(match article_after(tail) {
                Some(a) => Named::Article(title, a),
                None => Named::Title(title),
            });
        }
    }
    out
}

/// Whether a term of the question only names a document it names: a part of a standard
/// number ("gb", "8978-1996" of "GB 8978-1996") or of a title ("污水综合排放标准" of
/// 《污水综合排放标准》). Such a term is found in any passage of that document, whatever the
/// question asks of it.
pub fn names_document(term: &str, question: &str) -> bool {
    let term = term.to_lowercase();
    !term.is_empty()
        && named(question).into_iter().any(|n| {
            let name = match n {
                Named::Number(n) => n,
                Named::Title(t) | Named::Article(t, _) => t,
            };
            let name = name.to_lowercase();
            name.contains(&term) || name.replace(' ', "").contains(&term)
        })
}

/// The editions the question names in its 《》 titles ("《…分类管理名录（2025年版）》"): each
/// bare title with the year of its edition.
pub fn named_editions(question: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (inside, _) in bracketed(question) {
        let raw: String = inside.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(at) = raw.find("年版") {
            let year: String = raw[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if year.len() == 4 {
                out.push((bare_title(&raw), year));
            }
        }
    }
    out
}

/// The revisions the question names of a law in 《》 ("《环境影响评价法》2026年修正版",
/// "《…法（2018年修正）》"): each bare title with the year of its revision.
pub fn named_revisions(question: &str) -> Vec<(String, u32)> {
    // The year before 年修正 / 年修订 at the start of `text` (after) or at its end (inside).
    fn year_of(text: &str, at_start: bool) -> Option<u32> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t.trim_start_matches(['（', '(']);
        let marks = ["年修正", "年修订"];
        let at = marks.iter().filter_map(|m| t.find(m)).min()?;
        let digits: String = t[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        (digits.len() == 4 && (!at_start || at == 4))
            .then(|| digits.parse().ok())
            .flatten()
    }
    bracketed(question)
        .into_iter()
        .filter_map(|(inside, after)| {
            let year = year_of(inside, false).or_else(|| year_of(after, true))?;
            let raw: String = inside.chars().filter(|c| !c.is_whitespace()).collect();
            let title = raw.split(['（', '(']).next().unwrap_or(&raw).to_owned();
            Some((bare_title(&title), year))
        })
        .collect()
}

/// Full-width letters and digits (ＧＢ４２８７, ＣＯＤ), and the hyphen, slash, dot and space
/// between them, in their ASCII forms; Chinese punctuation (，？：) stays as it is.
pub fn half_width(question: &str) -> String {
    question
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '－' | '／' | '．' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// A document named by its issuing number (文号) rather than its title: as written, with its
/// issuer ("绍兴市生态环境局2025年第3号公告", "环发〔2014〕197号"), and the core the texts
/// quote it by whatever issuer they name ("2025年第3号", "〔2014〕197号").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedNumber {
    pub written: String,
    pub core: String,
}

/// The documents the question names by issuing number: 〔年〕号 (also written [年] or
/// 【年】), 年第…号 (a 公告 or 令 of a year), 令第…号.
pub fn issued_numbers(question: &str) -> Vec<IssuedNumber> {
    let q: String = question
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '[' | '【' | '［' => '〔',
            ']' | '】' | '］' => '〕',
            c => c,
        })
        .collect();
    let chars: Vec<char> = q.chars().collect();
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    // The issuer before `start`: the run of CJK characters back to a word that frames it.
    let issuer = |start: usize| {
        let mut i = start;
        while i > 0
            && start - i < 12
            && ('\u{4e00}'..='\u{9fff}').contains(&chars[i - 1])
            && !"的按照依据根和与及对在是".contains(chars[i - 1])
        {
            i -= 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (core_start, core_end) = if chars[i] == '〔' {
            // 〔2014〕197号
            let y = digits(i + 1);
            let close = i + 1 + y;
            let n = if y == 4 && chars.get(close) == Some(&'〕') {
                digits(close + 1)
            } else {
                0
            };
            if n == 0 || chars.get(close + 1 + n) != Some(&'号') {
                i += 1;
                continue;
            }
            (i, close + 2 + n)
        } else if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            // 2025年第3号
            let y = digits(i);
            let after = i + y;
            let n =
                if y == 4 && chars.get(after) == Some(&'年') && chars.get(after + 1) == Some(&'第')
                {
                    digits(after + 2)
                } else {
                    0
                };
            if n == 0 || chars.get(after + 2 + n) != Some(&'号') {
                i += 1;
                continue;
            }
            (i, after + 3 + n)
        } else if chars[i] == '令' && chars.get(i + 1) == Some(&'第') {
            // 部令第11号
            let n = digits(i + 2);
            if n == 0 || chars.get(i + 2 + n) != Some(&'号') {
                i += 1;
                continue;
            }
            (i, i + 3 + n)
        } else {
            i += 1;
            continue;
        };
        let from = issuer(core_start);
        let mut to = core_end;
        for kind in ["公告", "令", "文"] {
            let k: Vec<char> = kind.chars().collect();
            if chars.get(to..to + k.len()) == Some(&k[..]) {
                to += k.len();
                break;
            }
        }
        out.push(IssuedNumber {
            written: chars[from..to].iter().collect(),
            core: chars[core_start..core_end].iter().collect(),
        });
        i = core_end;
    }
    out
}

/// China's provinces, autonomous regions and municipalities, by their short names.
const PROVINCES: [&str; 34] = [
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "台湾",
];

/// The province a question asks the local rules of (地方标准, 地方性法规, 当地的规定, 省里的
/// …) when no document `held` (the titles in the knowledge base) is of it: "江苏省的印染企业
/// 执行什么地方水污染物排放标准" over a base of national and Zhejiang texts. A national rule
/// says nothing of which local one applies there.
pub fn unheld_province<'q>(question: &'q str, held: &[String]) -> Option<&'q str> {
    const LOCAL: [&str; 7] = [
        "地方标准",
        "地方性法规",
        "地方水",
        "地方大气",
        "地方排放",
        "地方规定",
        "当地",
    ];
    let local = LOCAL.iter().any(|w| question.contains(w))
        || (question.contains("省里") || question.contains("省的规定"));
    // "…比江苏那边严还是松": a comparison with that province's rules.
    const COMPARED: [&str; 8] = [
        "严还是松",
        "松还是严",
        "严不严",
        "哪边严",
        "哪里严",
        "一样吗",
        "有什么不同",
        "有什么区别",
    ];
    let compared = |p: &str| {
        COMPARED.iter().any(|w| question.contains(w))
            || question.contains(&format!("比{p}"))
            || question.contains(&format!("{p}比"))
    };
    PROVINCES.iter().find_map(|p| {
        if !local && !compared(p) {
            return None;
        }
        let at = question.find(p)?;
        let named = &question[at..at + p.len()];
        // 江西 inside 浙江西部 is no province: the name must not follow another place's 江.
        let glued = p.chars().count() == 2 && question[..at].ends_with(['浙', '江']);
        (!glued && !held.iter().any(|t| t.contains(p))).then_some(named)
    })
}

/// The first document the question names by its title (with or without an article).
pub fn named_title(question: &str) -> Option<String> {
    named(question).into_iter().find_map(|n| match n {
        Named::Title(t) | Named::Article(t, _) => Some(t),
        Named::Number(_) => None,
    })
}

/// Where a local document is issued from: a title written without 《》 starts with it.
const ISSUERS: &[&str] = &[
    "浙江省",
    "绍兴市",
    "柯桥区",
    "上虞区",
    "越城区",
    "诸暨市",
    "嵊州市",
    "新昌县",
];

/// What a document's title ends with. (规定 is left out: "按规定", "未按规定" are no titles.)
const TITLE_ENDS: &[&str] = &[
    "实施细则",
    "管理办法",
    "实施方案",
    "暂行办法",
    "办法",
    "细则",
    "条例",
    "规范",
    "指南",
    "方案",
];

/// Titles written without 《》 and used as a document ("浙江省排污许可证管理实施细则对…",
/// "按照浙江省建设项目环评审批管理办法，…", "排污证管理办法里…"): 4 to 16 characters of name
/// that hold no question word or verb of the question, then a title's ending; with the text
/// after it. A name that starts with an issuer (浙江省, 绍兴市…) is read as a document after
/// 按照/根据/依据/依照 or before 对/规定/中/里/要求/第…条; one without an issuer only where
/// it opens the question or follows 按照/根据/依据/依照, and before those words.
fn plain_titles(question: &str) -> Vec<(String, &str)> {
    const LEADS: [&str; 4] = ["按照", "根据", "依据", "依照"];
    const TAILS: [&str; 6] = ["对", "规定", "中", "第", "里", "要求"];
    let mut out = Vec::new();
    let mut push = |name: String, tail| {
        if !out
            .iter()
            .any(|(n, _): &(String, &str)| n.contains(&name) || name.contains(n))
        {
            out.push((name, tail));
        }
    };
    for issuer in ISSUERS {
        for (at, _) in question.match_indices(issuer) {
            let before = question[..at].trim_end();
            let after = &question[at + issuer.len()..];
            let Some((name, tail)) = title_at(after) else {
                continue;
            };
            if LEADS.iter().any(|l| before.ends_with(l))
                || TAILS.iter().any(|l| tail.starts_with(l))
            {
                push(format!("{issuer}{name}"), tail);
            }
        }
    }
    let starts = std::iter::once(0).chain(
        LEADS
            .iter()
            .flat_map(|l| question.match_indices(l).map(|(i, _)| i + l.len())),
    );
    for at in starts {
        let after = &question[at..];
        if ISSUERS.iter().any(|i| after.starts_with(i)) {
            continue;
        }
        if let Some((name, tail)) = title_at(after)
            && TAILS.iter().any(|l| tail.starts_with(l))
            && !(at == 0 && works_plan(name))
        {
            push(name.to_owned(), tail);
        }
    }
    out
}

/// Whether a name that ends in a bare 方案 is a works' own plan ("固废填埋场施工方案里写的…",
/// "自行监测方案里…"), not a document issued: said without an issuer or 按照, it names what
/// the works draws up.
fn works_plan(name: &str) -> bool {
    name.ends_with("方案") && !name.ends_with("实施方案")
}

/// The title that `text` opens with (4 to 16 characters of name without question words,
/// then a title's ending), and the text after it.
fn title_at(text: &str) -> Option<(&str, &str)> {
    let body_len: usize = text
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || c.is_ascii_alphanumeric())
        .map(char::len_utf8)
        .sum();
    let body = &text[..body_len];
    let stop = TITLE_ENDS
        .iter()
        .filter_map(|end| {
            body.match_indices(end)
                .map(|(i, _)| i + end.len())
                .filter(|&stop| {
                    let name = &body[..stop];
                    let n = name.chars().count() - end.chars().count();
                    (4..=16).contains(&n)
                        && ![
                            "的", "哪些", "什么", "应当", "是否", "如何", "怎么", "对", "要求",
                            "未", "按",
                        ]
                        .iter()
                        .any(|w| name.contains(w))
                })
                .min()
        })
        .min()?;
    Some((&text[..stop], &text[stop..]))
}

/// `第90条` / `第九十条` right after a title (a few characters of slack: "的第…").
fn article_after(tail: &str) -> Option<String> {
    let t: String = tail.chars().take(4).collect();
    let start = t.find('第')?;
    let s = &tail[start + '第'.len_utf8()..];
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let han: String = s
        .chars()
        .take_while(|c| "零〇一二三四五六七八九十百千两".contains(*c))
        .collect();
    let (number, len) = if !digits.is_empty() {
        (
            lvshen_search::query::to_chinese(digits.parse().ok()?),
            digits.len(),
        )
    } else if !han.is_empty() {
        (han.clone(), han.len())
    } else {
        return None;
    };
    s[len..].starts_with('条').then(|| format!("第{number}条"))
}

/// The parts of a question that asks several things: split at inner question marks, or at
/// 和/以及/与 when the question says 分别/各. A single question gives no parts.
pub fn parts(question: &str) -> Vec<String> {
    let q = question.trim().trim_end_matches(['？', '?', '。']);
    let by_mark: Vec<String> = q
        .split(['？', '?', '；'])
        .map(|p| p.trim().to_owned())
        .filter(|p| p.chars().count() >= 4 && !asks_article_only(p))
        .collect();
    if by_mark.len() > 1 {
        return by_mark;
    }
    // Two questions joined by a comma: "…应当在多少日内变更，…有效期是几年".
    let by_comma: Vec<String> = q
        .split(['，', ','])
        .map(|p| p.trim().to_owned())
        .filter(|p| p.chars().count() >= 4)
        .collect();
    if by_comma.len() > 1 && by_comma.iter().filter(|p| asks_something(p)).count() > 1 {
        return by_comma;
    }
    if q.contains("分别") || asks_each(q) {
        let by_and: Vec<String> = q
            .split(['和', '与'])
            .flat_map(|p| p.split("以及"))
            .map(|p| p.trim().to_owned())
            .filter(|p| p.chars().count() >= 2)
            .collect();
        if by_and.len() > 1 {
            return share_class(share_tail(by_and));
        }
    }
    Vec::new()
}

/// Whether `question` asks of each thing with 各 ("…各是多少", "各罚多少", "各自"), not names each
/// of a kind ("各产品产量", "各级人民政府": 各 before its noun).
fn asks_each(question: &str) -> bool {
    question.match_indices('各').any(|(at, _)| {
        question[at + '各'.len_utf8()..]
            .chars()
            .next()
            .is_none_or(|c| {
                !lvshen_corpus::normalize::is_han(c) || "是为自多几有要需应罚可能交".contains(c)
            })
    })
}

/// "X和Y的Z各是多少" / "X和Y，分别罚款多少" split into "X" and "Y的Z各是多少": every part but
/// the last gets what the last one asks of it (X的Z各是多少, X，分别罚款多少), so that each
/// part is a question of its own to look up and to check.
fn share_tail(mut parts: Vec<String>) -> Vec<String> {
    let Some(last) = parts.last().cloned() else {
        return parts;
    };
    let (joint, tail) = match last.rfind('，') {
        Some(i) => ("，", &last[i + '，'.len_utf8()..]),
        None => match last.find('的') {
            Some(i) => ("的", &last[i + '的'.len_utf8()..]),
            None => return parts,
        },
    };
    if tail.chars().count() < 2 {
        return parts;
    }
    let n = parts.len();
    for part in &mut parts[..n - 1] {
        if !part.contains(tail) {
            *part = format!("{part}{joint}{tail}");
        }
    }
    parts
}

/// "III类水里阴离子表面活性剂和六价铬分别…" split into "III类水里阴离子表面活性剂" and "六价铬分别…":
/// a later part that names no class (III类, 2类区, 表2) is asked of the first part's, which
/// opens the question for all of them.
fn share_class(mut parts: Vec<String>) -> Vec<String> {
    let Some(first) = parts.first() else {
        return parts;
    };
    let classes = crate::evidence::classes(first);
    if classes.is_empty() {
        return parts;
    }
    let head = classes.concat();
    for part in parts.iter_mut().skip(1) {
        if crate::evidence::classes(part).is_empty() {
            *part = format!("{head}{part}");
        }
    }
    parts
}

/// Whether `part` asks the general requirement of a case split whose other part asks the
/// special one ("…一般要求处理效率不低于多少？按特别控制要求呢？"): its answer is the clause
/// that does not state 特别控制要求, which holds all its words but one.
pub fn general_case(part: &str, parts: &[String]) -> bool {
    let special = crate::evidence::asks_special;
    !special(part) && parts.iter().any(|p| p != part && special(p))
}

/// Whether a question's parts split a case into the general requirement and the special one.
pub fn is_case_split(parts: &[String]) -> bool {
    parts.iter().any(|p| general_case(p, parts))
}

/// Whether `part` asks the special requirement of a case split whose other part asks the
/// general one ("…悬浮物一般卡多少？在执行特别排放限值的地方呢？"): a passage that does not
/// state the special requirement does not answer it.
pub fn special_case(part: &str, parts: &[String]) -> bool {
    let special = crate::evidence::asks_special;
    special(part) && parts.iter().any(|p| p != part && !special(p))
}

/// The terms of a case split's part said by ellipsis ("在重点地区呢", "一般的呢"): the first
/// part's question asked again, with the words for the special requirement (特别…, 重点地区)
/// the part says, or without those the first part says; not the frame around them (在…的
/// 地方). `None` when the part is not such a part.
pub fn case_terms(
    part: &str,
    parts: &[String],
    own: &[Vec<String>],
    first: &[Vec<String>],
) -> Option<Vec<Vec<String>>> {
    const MARKERS: &[&str] = &["特别", "重点地区", "重点区域"];
    let marks = |g: &Vec<String>| {
        g.iter().any(|w| {
            MARKERS
                .iter()
                .any(|m| w.contains(m) || m.contains(w.as_str()))
        })
    };
    if !elliptical(part) || parts.first().is_some_and(|f| f == part) {
        return None;
    }
    if special_case(part, parts) {
        let mut terms: Vec<Vec<String>> = first.to_vec();
        for g in own.iter().filter(|g| marks(g)) {
            if !terms.contains(g) {
                terms.push(g.clone());
            }
        }
        Some(terms)
    } else if general_case(part, parts) {
        Some(first.iter().filter(|g| !marks(g)).cloned().collect())
    } else {
        None
    }
}

/// The terms of a part said by ellipsis that names the other of a pair the first part names
/// ("用了多年的烧油锅炉，二氧化硫卡多少？新装的呢？": 新建 for 在用): the first part's question
/// asked of it. `None` when the part names no such other.
pub fn counterpart_terms(
    part: &str,
    own: &[Vec<String>],
    first: &[Vec<String>],
) -> Option<Vec<Vec<String>>> {
    const SETS: &[&[&str]] = &[
        &["在用", "现有", "新建"],
        &["直接排放", "间接排放"],
        &["昼间", "夜间"],
        &["运行期", "封场"],
        &["报告书", "报告表", "登记表"],
        &["重点管理", "简化管理", "登记管理"],
        &["燃煤锅炉", "燃油锅炉", "燃气锅炉", "燃煤", "燃油", "燃气"],
        &["有组织", "无组织"],
        &["地表水", "地下水"],
    ];
    if !elliptical(part) {
        return None;
    }
    // A class is the other of another class of the same thing (II类场 of I类场).
    let class_kind = |g: &Vec<String>| {
        let t = crate::evidence::compact(&g[0]);
        crate::evidence::is_class_term(&t).then(|| SETS.len() + usize::from(t.ends_with('场')))
    };
    let set_of = |g: &Vec<String>| {
        SETS.iter()
            .position(|s| s.contains(&g[0].as_str()))
            .or_else(|| class_kind(g))
    };
    let mut terms = first.to_vec();
    let mut swapped = false;
    for g in own {
        let Some(set) = set_of(g) else { continue };
        if let Some(at) = terms
            .iter()
            .position(|f| set_of(f) == Some(set) && f[0] != g[0])
        {
            terms[at] = g.clone();
            swapped = true;
        }
    }
    swapped.then_some(terms)
}

/// Whether a part of a question leaves its topic to the part before it ("II类场又要用什么",
/// "那间接排放呢"): it asks the same of another thing.
pub fn elliptical(part: &str) -> bool {
    let p = part.trim_end_matches(['？', '?', '。']);
    p.contains('又') || p.ends_with('呢') || p.starts_with('那')
}

/// Whether a clause asks something (多少, 几, 什么, 哪, 怎么, 如何, 是否, 能否); not a time in
/// the asker's story ("前几天有工人头晕").
/// Whether a part asks only which article says it now ("…有什么要求？现在法典是哪一条"): the
/// succession table's sentence answers that, no passage is sought for it. So does a part that
/// asks only for the answer's basis ("…？依据哪一条", "法律依据是什么"): every answer cites it.
fn asks_article_only(part: &str) -> bool {
    let basis = ["依据", "根据", "出自", "出处"]
        .iter()
        .any(|w| part.contains(w));
    let rest = [
        "法律依据",
        "依据",
        "根据",
        "出自",
        "出处",
        "规定",
        "有",
        "现在",
        "如今",
        "目前",
        "法典里",
        "法典中",
        "法典",
        "对应",
        "变成了",
        "变成",
        "成了",
        "是",
        "在",
        "的",
        "里",
        "中",
        "呢",
    ]
    .iter()
    .fold(part.to_owned(), |p, w| p.replace(w, ""));
    ["哪一条", "哪条", "第几条", "哪几条"].contains(&rest.as_str())
        || (basis && ["什么", "哪个", "哪些", "哪里", ""].contains(&rest.as_str()))
}

fn asks_something(clause: &str) -> bool {
    let clause = [
        "前几天",
        "这几天",
        "那几天",
        "前几年",
        "这几年",
        "近几年",
        "好几",
    ]
    .iter()
    .fold(clause.to_owned(), |c, w| c.replace(w, ""));
    [
        "多少", "几", "什么", "哪", "怎么", "怎样", "如何", "是否", "能否", "多久", "多长",
    ]
    .iter()
    .any(|w| clause.contains(w))
}

/// A question's clauses parted into those that state its scene and ask nothing ("有个工人举报
/// 厂里偷排，老板一气之下把他辞退了，这样做要承担责任吗" → the first two) and those that ask.
/// No scene when no clause asks, or when only one does and nothing else is said.
#[derive(Debug, Default)]
pub struct Clauses<'a> {
    pub scene: Vec<&'a str>,
    pub asked: Vec<&'a str>,
    /// What frames a claim that is asked ("企业认为", "这个说法成立吗"): neither its scene nor
    /// what it asks.
    pub frame: Vec<&'a str>,
    /// The reason the holder of a claim gives for it ("反正没人知道", "省点电费不要紧"): what
    /// the claim rests on, no term a rule must hold.
    pub reasons: Vec<&'a str>,
}

/// The question's clauses, as commas, semicolons and full stops cut it.
pub(crate) fn clauses_of(question: &str) -> Vec<&str> {
    question
        .split(['，', ',', '；', ';', '。'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

pub fn scene_clauses(question: &str) -> Clauses<'_> {
    let clauses = clauses_of(question);
    let asks = |c: &str| {
        asks_something(c)
            || says_any(
                c,
                &[
                    "吗",
                    "谁",
                    "呢",
                    "？",
                    "?",
                    "能不能",
                    "要不要",
                    "有没有",
                    "是不是",
                    "会不会",
                    "行不行",
                    "可不可以",
                    "可否",
                    "该不该",
                ],
            )
    };
    if !clauses.iter().any(|c| asks(c)) {
        return Clauses::default();
    }
    // "企业认为分局只是派出机构，不能以自己的名义处罚，这个说法成立吗": what is asked is the
    // claim, in the clauses after the one that says who holds it (or in that one, when it says
    // the claim all), not who holds it nor the verdict's words (认为, 成立), which the scene
    // keeps.
    if let Some(holder) = claim_judged(&clauses) {
        let last = clauses.len() - 1;
        // "车间主任说…排掉就行，我们是绍兴的印染厂，他说得对吗": the asker saying what it is
        // after the claim sets the scene; the claim is then what the holder's clause says.
        let said_in_holder = !split_after_holder(clauses[holder]).1.is_empty();
        // "老板说废气处理设备晚上关掉一会儿，反正没人知道，省点电费不要紧，这话对吗": a clause
        // that gives the holder's reason for the claim is one of its reasons, not claimed; the
        // claim is then what the holder's clause says.
        let claimed: Vec<usize> = (holder + 1..last)
            .filter(|&i| !(said_in_holder && says_what_we_are(clauses[i])))
            .filter(|&i| !(said_in_holder && reason_at(clauses[i]) == Some(0)))
            .collect();
        let claim = match (claimed.first(), claimed.last()) {
            (Some(&first), Some(&end)) => first..end + 1,
            _ => holder..holder + 1,
        };
        let (mut scene, mut asked, mut frame, mut reasons) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, c) in clauses.into_iter().enumerate() {
            if i == last {
                frame.push(c);
                continue;
            }
            // Who holds the claim (企业认为) frames it; what that clause says goes on.
            let mut said = if i == holder {
                let (who, said) = split_after_holder(c);
                frame.push(who);
                said
            } else {
                c
            };
            // A reason given inside a clause before the claim ("废气处理设施反正平时没人来查，
            // 拆掉也没关系"); not in the claim's own clause, where 反正 may lead the claim
            // itself ("活性炭反正每年换一次就够了").
            if let Some(at) = reason_at(said).filter(|&at| at > 0 && !claim.contains(&i)) {
                reasons.push(&said[at..]);
                said = &said[..at];
            }
            if reason_at(said) == Some(0) && (!claim.contains(&i) || claim.len() > 1) {
                reasons.push(said);
            } else if claim.contains(&i) {
                asked.push(said);
            } else if !said.is_empty() {
                scene.push(said);
            }
        }
        return Clauses {
            scene,
            asked,
            frame,
            reasons,
        };
    }
    let (asked, scene) = clauses.into_iter().partition(|c| asks(c));
    Clauses {
        scene,
        asked,
        ..Clauses::default()
    }
}

/// Where a reason the holder of a claim gives for it starts in `clause`: at 反正 ("反正没人
/// 知道", "废气处理设施反正平时没人来查"), or at the clause's start when it says what is saved
/// or eased by it ("省点电费不要紧", "图省事", "为了省钱"). What the claim rests on, not what it
/// claims: a rule need not say it.
fn reason_at(clause: &str) -> Option<usize> {
    const SAVED: [&str; 7] = ["省点", "省些", "省得", "省钱", "为了省", "图省事", "图方便"];
    // What says the claim itself, not a reason for it: "反正每年换一次就够了".
    const ALLOWS: [&str; 10] = [
        "就够",
        "就行",
        "就可以",
        "没关系",
        "没事",
        "不要紧",
        "无所谓",
        "也行",
        "不用",
        "不需要",
    ];
    if SAVED.iter().any(|w| clause.starts_with(w)) {
        return Some(0);
    }
    ["反正", "毕竟"]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .filter(|&at| !ALLOWS.iter().any(|w| clause[at..].contains(w)))
}

/// Whether a clause is the asker saying what or where its works is ("我们是绍兴的印染厂",
/// "我们厂在滨海工业区"): first person, then 是, 在 or 位于 — a scene, not a claim (not "我们就
/// 不用办证").
fn says_what_we_are(clause: &str) -> bool {
    const WE: [&str; 9] = [
        "我们厂",
        "我们公司",
        "我们企业",
        "我们",
        "咱们厂",
        "咱们",
        "我厂",
        "我司",
        "本厂",
    ];
    WE.iter()
        .find(|w| clause.starts_with(**w))
        .is_some_and(|w| {
            let rest = &clause[w.len()..];
            // "我们是不是要重新报批", "我们是否…": a question, not what the works is.
            ["是", "在", "位于"].iter().any(|v| rest.starts_with(v))
                && !["是不是", "是否", "在不在"]
                    .iter()
                    .any(|q| rest.starts_with(q))
        })
}

/// The words that say who holds a claim that is asked ("企业认为"; "有人说"), those of
/// `CLAIM_HOLDS`, through the first of them.
pub(crate) const CLAIM_HOLDS: [&str; 13] = [
    "认为",
    "以为",
    "主张",
    "声称",
    "辩称",
    "坚称",
    "有人说",
    "有人讲",
    "有人称",
    "听说",
    "听人说",
    "据说",
    "觉得",
];

/// Where the words that say who holds a claim end in `clause`: after the first of
/// `CLAIM_HOLDS` ("企业认为…"), or at its end when the clause ends in a verb of saying
/// ("帮我们编报告的咨询公司说", "有人讲"), what is said following in the next clauses; or
/// after a verb of saying with the one who says before it and what is said after it
/// ("老师傅说我们厂的废水是纳管排的"). Not 说 of 说明, 说法, 小说, nor 讲 of 讲究, 讲解…
pub(crate) fn holder_end(clause: &str) -> Option<usize> {
    named_holder_end(clause).or_else(|| said_inside(clause))
}

/// [`holder_end`] by a word of [`CLAIM_HOLDS`] or a clause ending in a verb of saying.
fn named_holder_end(clause: &str) -> Option<usize> {
    CLAIM_HOLDS
        .iter()
        .filter_map(|w| clause.find(w).map(|at| at + w.len()))
        .min()
        .or_else(|| {
            let said = ["说", "讲", "称", "表示"]
                .iter()
                .any(|w| clause.ends_with(w));
            said.then_some(clause.len())
        })
}

/// Where a verb of saying ends that has words before it (the one who says) and after it (what
/// is said): "老板说新厂…" → after 说.
fn said_inside(clause: &str) -> Option<usize> {
    const NOT_SAID: [&str; 12] = [
        "说明", "说法", "说得", "说话", "说服", "小说", "讲究", "讲解", "讲座", "讲话", "讲课",
        "演讲",
    ];
    clause
        .char_indices()
        .filter(|(_, c)| matches!(c, '说' | '讲'))
        .map(|(at, c)| (at, at + c.len_utf8()))
        .find(|&(at, end)| {
            at > 0
                && end < clause.len()
                && !NOT_SAID
                    .iter()
                    .any(|w| clause[at..].starts_with(w) || clause[..end].ends_with(w))
        })
        .map(|(_, end)| end)
}

/// `clause` cut after the word that says who holds the claim: "企业认为分局只是派出机构" →
/// ("企业认为", "分局只是派出机构").
fn split_after_holder(clause: &str) -> (&str, &str) {
    holder_end(clause).map_or((clause, ""), |end| clause.split_at(end))
}

/// Where the claim starts that the last clause asks a verdict on ("…，企业认为…，…，这个说法
/// 成立吗"): the last clause asks whether a 说法, 观点 or 理由 holds (or is a verdict alone:
/// "…，是不是真的", "…，靠谱吗"), and an earlier clause says who holds it (认为, 主张, 声称,
/// 有人说…, "咨询公司说"). The scene is what comes before.
pub(crate) fn claim_judged(clauses: &[&str]) -> Option<usize> {
    const CLAIM: [&str; 10] = [
        "说法",
        "观点",
        "看法",
        "想法",
        "理由",
        "说得",
        "讲法",
        "这话",
        "此话",
        "这种话",
    ];
    // "…，谁说得对": a verdict between two claims, the one held last asked.
    const VERDICT: [&str; 9] = [
        "成立",
        "对吗",
        "对不对",
        "有道理",
        "站得住",
        "正确",
        "没错",
        "说得对",
        "谁对",
    ];
    let (last, before) = clauses.split_last()?;
    let judged = CLAIM.iter().any(|w| last.contains(w)) && VERDICT.iter().any(|w| last.contains(w))
        || verdict_alone(last);
    if !judged {
        return None;
    }
    // "A说…，B觉得…，谁说得对": the claim held last; otherwise the first holder's, which may
    // quote another ("有人说环保局的人讲…"). A holder named by 认为, 有人说… or a clause ending
    // in 说 before a 说 inside a clause, which may report a text ("环评报告里说要建事故池").
    let find = |holds: fn(&str) -> Option<usize>| {
        if last.contains('谁') {
            before.iter().rposition(|c| holds(c).is_some())
        } else {
            before.iter().position(|c| holds(c).is_some())
        }
    };
    find(named_holder_end).or_else(|| find(holder_end))
}

/// Whether `last` is a verdict alone on what was said before it ("…，是不是真的", "…，靠谱吗",
/// "…，对吧"); not one on what was done ("这样做对吗"). A place may frame it ("…，在浙江是这样
/// 吗": 在 and two to four characters before the verdict).
pub(crate) fn verdict_alone(last: &str) -> bool {
    const ALONE: [&str; 17] = [
        "是不是真的",
        "是否真的",
        "是真的吗",
        "真的吗",
        "靠谱吗",
        "靠不靠谱",
        "可信吗",
        "属实吗",
        "是这样吗",
        "有道理吗",
        "有没有道理",
        "对不对",
        "对吗",
        "对吧",
        "是吧",
        "没错吧",
        "对么",
    ];
    let alone = |said: &str| ALONE.contains(&said.trim_start_matches(['这', '那', '也', '还']));
    let bare = last.trim_end_matches(['？', '?', '！', '!']);
    alone(bare)
        || bare.strip_prefix('在').is_some_and(|placed| {
            placed
                .char_indices()
                .skip(2)
                .take(3)
                .any(|(at, _)| alone(&placed[at..]))
        })
}

/// Where a question that opens on a kind of works ("实行排污许可重点管理的企业…", "排放有毒有害
/// 大气污染物的单位…") stops naming it: the end of its first 的企业, 的单位, 的排污单位 or 的工厂,
/// when the first clause goes on after it (the act the works did). None when the question
/// opens otherwise.
pub fn kind_of_works_end(question: &str) -> Option<usize> {
    const WORKS: [&str; 5] = ["的排污单位", "的企业", "的单位", "的工厂", "的公司"];
    let first = question
        .find(['，', ',', '？', '?', '；', ';'])
        .unwrap_or(question.len());
    let (at, w) = WORKS
        .iter()
        .filter_map(|w| question[..first].find(w).map(|at| (at, *w)))
        .min_by_key(|(at, w)| (*at, usize::MAX - w.len()))?;
    let end = at + w.len();
    (at > 0 && question[end..first].chars().count() >= 2).then_some(end)
}

/// Whether a clause asks only whether something may be done ("可以吗", "行不行", "这样做对吗"),
/// not what follows from it (罚, 责任) nor what it is.
pub fn asks_only_may(clause: &str) -> bool {
    let may = [
        "可以吗",
        "可不可以",
        "行不行",
        "行吗",
        "对吗",
        "允许吗",
        "合法吗",
        "权力吗",
        "有权这么做吗",
    ]
    .iter()
    .any(|w| clause.contains(w));
    may && !["罚", "责任", "处罚", "后果", "多少", "什么", "哪"]
        .iter()
        .any(|w| clause.contains(w))
}

/// Whether the question asks for a number to dial ("投诉电话是多少", "举报电话号码"), not who
/// takes the calls ("投诉举报电话由谁受理").
pub fn asks_number_to_dial(question: &str) -> bool {
    question.contains("号码")
        || question.contains("电话")
            && [
                "多少",
                "几号",
                "是什么",
                "哪个电话",
                "打什么电话",
                "拨什么电话",
            ]
            .iter()
            .any(|w| question.contains(w))
}

/// Whether the question asks how much a fee is ("水资源费一吨收多少", "检测费要交多少"): a
/// charge named by its 费, asked as an amount, not a fine (罚) nor who bears it.
pub fn asks_fee_amount(question: &str) -> bool {
    let names_fee = question.match_indices('费').any(|(at, _)| {
        // 费用 and 经费 of a rule ("费用列入工程造价") name no fee of a price list.
        !question[at..].starts_with("费用") && !question[..at].ends_with('经')
    });
    names_fee
        && !question.contains('罚')
        && [
            "收多少",
            "交多少",
            "缴多少",
            "多少钱",
            "是多少",
            "一吨",
            "每吨",
            "一年多少",
        ]
        .iter()
        .any(|w| question.contains(w))
}

/// Whether the question asks how much of a thing it names before 多少 may be there or let out
/// ("甲醛排进…城镇下水道，最多能排多少", "氨氮限值是多少"): 多少 after `thing`, not a sum of money, a
/// fine, a period or a count of times ("…超标了罚多少钱", "…多少天内").
pub fn asks_amount_of(question: &str, thing: &str) -> bool {
    const NOT_AMOUNTS: [&str; 12] = [
        "钱", "元", "天", "日", "年", "个月", "小时", "分钟", "次", "家", "个", "人",
    ];
    let Some(named) = question.find(thing) else {
        return false;
    };
    let after = &question[named + thing.len()..];
    !question.contains('罚')
        && !question.contains('费')
        && after.match_indices("多少").any(|(at, _)| {
            let next = &after[at + "多少".len()..];
            !NOT_AMOUNTS.iter().any(|u| next.starts_with(u))
        })
}

/// Whether the question asks for an amount of public money ("改天然气有多少补贴", "每个园区能拿
/// 多少奖励资金"): only a passage that states a sum in 元 answers it.
pub fn asks_funds(question: &str) -> bool {
    question.contains("多少")
        && ["补贴", "补助", "奖励", "奖金", "资金", "拨款"]
            .iter()
            .any(|w| question.contains(w))
}

/// Whether the question's last clause asks what measures may be taken ("…，环保部门可以对设备
/// 采取什么措施", "…能采取哪些措施"): a power, not the penalty the story's wrong incurs.
pub fn asks_power(question: &str) -> bool {
    let last = last_clause(question.trim_end_matches(['？', '?', '。']));
    ["可以", "能"].iter().any(|w| last.contains(w))
        && ["什么措施", "哪些措施"].iter().any(|w| last.contains(w))
        // 可以责令采取哪些措施: the orders a liability article gives (责令限制生产、停产整治).
        && !["罚", "处分", "责任", "责令"].iter().any(|w| last.contains(w))
}

/// Whether the question asks how long (多久, 多长时间, 几年, 多少天, 几个工作日).
pub fn asks_duration(question: &str) -> bool {
    ["多久", "多长时间", "多长期限"]
        .iter()
        .any(|w| question.contains(w))
        || ["几", "多少"].iter().any(|w| {
            question.match_indices(w).any(|(at, _)| {
                let after = &question[at + w.len()..];
                let after = after.strip_prefix('个').unwrap_or(after);
                ["年", "天", "日", "月", "小时", "工作日", "周"]
                    .iter()
                    .any(|u| after.starts_with(u))
            })
        })
}

/// Whether the question asks how often something is done ("跟踪检查一般多久来一次",
/// "一年要测几次"): a frequency, which the answer states (每季度, 频次).
pub fn asks_frequency(question: &str) -> bool {
    // Inside a claim asked for a verdict ("…修过几次不用记，是这样吗"), what the claim is about.
    if claim_judged(&clauses_of(question)).is_some() {
        return false;
    }
    let once = ["一次", "一回"]
        .iter()
        .filter_map(|w| question.find(w))
        .min();
    let asked_before = |at: usize| {
        ["多久", "多长时间", "几天", "几个月", "几年", "多少天"]
            .iter()
            .any(|w| question[..at].contains(w))
    };
    once.is_some_and(asked_before) || question.contains("几次")
}

/// Whether the question asks where something is to be taken or sent ("仪器要送到哪里去检定",
/// "应急预案要交到哪里备案"): a destination, which the answer names (a department, a body, a
/// platform, a file). Not the span of a measure ("烟囱高度是从哪里算到哪里").
pub fn asks_destination(question: &str) -> bool {
    ["到哪里", "到哪儿", "去哪里", "去哪儿"]
        .iter()
        .any(|w| question.contains(w))
        && !question.contains("从哪")
}

/// The act a yes-no question asks whether is done, when it asks it as A-not-A of one verb the
/// spoken rewriting leaves ("印染厂现在还招不招染色工" → 招, "还批不批" → 批): a passage that
/// never says it (招, 休) has no rule on it. Not the modal verbs, whose rule says them
/// otherwise (准不准 → 禁止, 行不行, 算不算, 让不让), nor 在不在 (every passage says 在).
pub fn a_not_a_verb(question: &str) -> Option<char> {
    const MODAL: &str = "能要会是行可算准让许该用需好对在有";
    let chars: Vec<char> = question.chars().collect();
    chars.windows(3).find_map(|w| {
        (w[1] == '不'
            && w[0] == w[2]
            && ('\u{4e00}'..='\u{9fff}').contains(&w[0])
            && !MODAL.contains(w[0]))
        .then_some(w[0])
    })
}

/// The act a yes-no question asks whether someone will do for the asker ("…资质是不是真的，
/// 环保局能帮忙查一下吗" → 查): a passage that never says it (法典's penalty on 监测机构 says
/// no 查) has no rule on that service. The first character after 帮忙/帮我们/帮咱们, in a
/// question that asks whether (能/可以/会…吗, 能不能, 可不可以, 能否).
pub fn service_act(question: &str) -> Option<char> {
    const HELP: [&str; 4] = ["帮忙", "帮我们", "帮咱们", "帮一下"];
    let (at, marker) = HELP
        .iter()
        .filter_map(|m| question.find(m).map(|at| (at, *m)))
        .min_by_key(|(at, _)| *at)?;
    let before = &question[..at];
    let after = &question[at + marker.len()..];
    let asks_whether = ["能不能", "可不可以", "能否", "会不会", "肯不肯", "愿不愿意"]
        .iter()
        .any(|w| before.contains(w))
        || ["能", "可以", "会", "肯"]
            .iter()
            .any(|w| before.ends_with(w))
            && after.trim_end_matches(['？', '?', '。']).ends_with('吗');
    if !asks_whether {
        return None;
    }
    after
        .chars()
        .next()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) && !"我们咱的个一".contains(*c))
}

/// An everyday act a may-we question asks whether may be done ("处理过的水能不能拿来喝": 喝),
/// with the words the texts say it in (饮用): a passage that says none of them has no rule on
/// it, whatever else of the question it holds.
pub fn everyday_act(question: &str) -> Option<(&'static str, &'static [&'static str])> {
    const ACTS: [(&str, &[&str]); 4] = [
        ("喝", &["喝", "饮"]),
        ("吃", &["吃", "食"]),
        // "批复能不能寄快递到厂里": 邮寄 holds it.
        ("寄", &["寄", "送达"]),
        // "排污权的费用可以用信用卡付吗": a text on how a fee is paid says 支付 or 缴.
        ("付", &["付", "缴"]),
    ];
    let asked = ["能不能", "可不可以", "能否", "可以"]
        .iter()
        .filter_map(|m| question.find(m).map(|at| at + m.len()))
        .min()?;
    ACTS.iter()
        .find(|(act, _)| question[asked..].contains(act))
        .copied()
}

/// Whether the question asks how deep, wide or thick a thing must be (多深, 多宽, 多厚, 多粗): a
/// length, which only a number states. Not 多高 (a level too: "浓度最多多高", "噪声能有多高")
/// nor 多远 (answered as well by a zone without a distance: "离水源地多远才行" by the
/// protection zone's ban).
/// A height a thing is put or built at (挂多高, 建多高, 离地多高) is a length too, and so is a
/// size asked of a thing (多大尺寸, 尺寸多大), and of letters written or printed (字要写多大).
pub fn asks_size(question: &str) -> bool {
    const LETTERS: [&str; 4] = ["写多大", "印多大", "刻多大", "字多大"];
    const PLACED_HIGH: [&str; 11] = [
        "挂多高",
        "做多高",
        "修多高",
        "装多高",
        "建多高",
        "砌多高",
        "堆多高",
        "离地多高",
        "设多高",
        "竖多高",
        "立多高",
    ];
    ["多深", "多宽", "多厚", "多粗"]
        .iter()
        .chain(&PLACED_HIGH)
        .chain(&LETTERS)
        .any(|w| question.contains(w))
        || (["尺寸", "厚度", "宽度"]
            .iter()
            .any(|w| question.contains(w))
            && ["多大", "多少", "几"].iter().any(|w| question.contains(w)))
}

/// The act a how-often question asks the frequency of ("冷却塔多久要清洗一次" → 清洗, "多长时间
/// 测一回" → 测): the words between its 多久 (and a modal) and its 一次/一回, one to three
/// characters.
pub fn how_often_act(question: &str) -> Option<String> {
    const HOW_LONG: [&str; 5] = ["每隔多久", "多长时间", "多久", "隔多长", "隔多少天"];
    const MODALS: [&str; 7] = ["就要", "需要", "应当", "要", "得", "应", "该"];
    let (at, marker) = HOW_LONG
        .iter()
        .filter_map(|m| question.find(m).map(|at| (at, *m)))
        .min_by_key(|(at, _)| *at)?;
    let after = &question[at + marker.len()..];
    let end = ["一次", "一回"]
        .iter()
        .filter_map(|w| after.find(w))
        .min()?;
    let mut act = after[..end].trim();
    while let Some(rest) = MODALS.iter().find_map(|m| act.strip_prefix(m)) {
        act = rest;
    }
    // "多久要做一次VOCs泄漏检测": a light verb, the act named after 一次.
    if ["做", "搞", "弄", "进行", "开展", "来"].contains(&act) {
        return None;
    }
    let chars = act.chars().count();
    ((1..=3).contains(&chars) && act.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .then(|| act.to_owned())
}

/// Whether the question asks for a period the answer must state (多久, 几年, 多少个工作日), not
/// how often something is done ("多久测一次", "多长时间检测一次": a frequency, 每季度).
/// A few days or years of the asker's story (前几天, 这几年, 几天前) ask no period.
pub fn asks_period(question: &str) -> bool {
    // A verdict asked of a claim asks whether the claim holds, not a period its words name
    // ("有人说…临时堆几天废渣不算违法，这个说法对吗").
    if claim_judged(&clauses_of(question)).is_some() {
        return false;
    }
    // "…，过几年能删掉": a last clause that opens on 过几 and asks whether something can be
    // done then asks after how long; "过几天环保局要来检查，…" and "…，过几天再拉走" tell when.
    let last = last_clause(question.trim_end_matches(['？', '?', '。']));
    let mut asked =
        if last.starts_with("过几") && ["能", "可以", "才"].iter().any(|w| last.contains(w)) {
            last.replacen("过几", "几", 1)
        } else {
            question.to_owned()
        };
    for told in [
        "前几",
        "这几",
        "那几",
        "近几",
        "过几",
        "好几",
        "头几",
        "最近几",
        "没几",
    ] {
        asked = asked.replace(told, "");
    }
    for unit in ["天", "年", "月", "个月", "周", "小时"] {
        asked = asked.replace(&format!("几{unit}前"), "");
        asked = asked.replace(&format!("几{unit}后"), "");
    }
    // How often ("多久测一次"): 一次 after the period asked, not before it ("许可证一次有效期
    // 是几年": one term of validity).
    let often_after = |w: &str| {
        question
            .find(w)
            .is_some_and(|at| asks_duration(&question[..at]))
    };
    asks_duration(&asked)
        && !["一次", "一回", "一遍"].iter().any(|w| often_after(w))
        && !["频次", "频率", "每隔"]
            .iter()
            .any(|w| question.contains(w))
}

/// Whether the question (in the texts' words: [`crate::spoken`] has made 新开一家 新建, 老厂
/// 现有企业, and left 新开发区 alone) is about works yet to be built or extended (新建, 扩建),
/// and not about works already built (已建成, 现有): a rule on works already built
/// (曹娥江条例第十三条: 已建成的…印染…企业…限期转型改造或者关闭、搬迁) does not answer it.
pub fn about_new_works(question: &str) -> bool {
    ["新建", "扩建"].iter().any(|w| question.contains(w))
        && !["已建", "已经建", "建成", "现有", "已有", "原有"]
            .iter()
            .any(|w| question.contains(w))
}

/// Whether the question asks for a list (哪些, 什么条件, 包括什么).
pub fn asks_list(question: &str) -> bool {
    [
        "哪些",
        "哪几",
        "什么条件",
        "哪些条件",
        "包括什么",
        "有什么要求",
        "哪几种",
        "什么情形",
    ]
    .iter()
    .any(|w| question.contains(w))
}

/// The kind of thing a list question asks for: the two characters after 哪些 / 哪几类 /
/// 什么 (哪些单位 → 单位, 禁止哪些行为 → 行为, 具备什么条件 → 条件).
pub fn list_noun(question: &str) -> Option<String> {
    for marker in ["哪几类", "哪几种", "哪几项", "哪些", "哪几", "什么"] {
        if let Some(i) = question.find(marker) {
            let after = &question[i + marker.len()..];
            let phrase: Vec<char> = after
                .chars()
                .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .collect();
            // The phrase ends the question ("应当公开哪些大气环境信息？"): a noun phrase whose
            // head is its last word (信息). Otherwise the noun starts it ("哪些单位只需要…").
            let ends_question = after[phrase.iter().map(|c| c.len_utf8()).sum::<usize>()..]
                .trim_start_matches(['？', '?', '。', '呢', '吗'])
                .trim()
                .is_empty();
            // (A short one: a long run is a clause, "哪些单位只需要填报排污登记表".)
            let noun: String = if ends_question && (3..=6).contains(&phrase.len()) {
                phrase[phrase.len() - 2..].iter().collect()
            } else {
                phrase.iter().take(2).collect()
            };
            if noun.chars().count() == 2 && !noun.starts_with(['是', '的', '要', '应', '需']) {
                return Some(noun);
            }
        }
    }
    None
}

/// What a what-question asks for, when it names a kind of thing of its own: the first
/// character after its 什么 ("需要持什么证上岗" → 证, "应当缴纳什么税" → 税). `None` when the two
/// characters after 什么 are a broad kind an answer need not name (要求, 措施, 条件…) or 什么
/// names no kind (什么时候, 以什么为根据, 是什么).
pub fn what_object(question: &str) -> Option<String> {
    const BROAD: &[&str] = &[
        "要求", "措施", "条件", "情形", "规定", "责任", "义务", "原则", "处罚", "处理", "程序",
        "方式", "内容", "情况", "限值", "标准", "管理", "文件", "制度", "手续", "材料", "作用",
        "影响", "问题", "方面", "范围", "活动", "行为", "工作", "事项", "说法", "讲究",
        // "有什么例外": an article's 但是…除外, which never says 例.
        "例外",
        // "防渗要做到什么程度": how far, answered by a measure (不低于…), never by 程.
        "程度",
        // "要配什么东西封住": a placeholder for whatever the passage names (盲法兰).
        "东西",
    ];
    // "盖哪个章", "交哪种税": 哪个 and 哪种 ask for a kind as 什么 does.
    let after = ["什么", "哪个", "哪一种", "哪种"]
        .iter()
        .find_map(|w| question.find(w).map(|at| &question[at + w.len()..]))?;
    // "可以采取什么强制措施": a kind of act the texts name by its acts (查封、扣押), which the
    // gate's terms weigh (`synonyms::KINDS_OF_ACT`), not by its first character.
    if lvshen_search::synonyms::KINDS_OF_ACT
        .iter()
        .any(|(kind, _)| after.starts_with(kind))
    {
        return None;
    }
    let first = after.chars().next()?;
    // A particle after 什么 ("变成交什么了") ends the question: 什么 names no kind. Nor does
    // "拿来做什么用", which asks what a thing serves for.
    if !('\u{4e00}'..='\u{9fff}').contains(&first)
        || "为在来是的样时意叫地也都了呢吗吧啊呀用做干弄搞".contains(first)
    {
        return None;
    }
    let two: String = after.chars().take(2).collect();
    // "用什么方法测定": a method is named by its 法 (碘量法, 重量法), not by 方.
    if two == "方法" {
        return Some("法".to_owned());
    }
    // "按什么规则编的": a rule is named as 规则 (编号规则), not by the 规 of 规定 or 规范.
    if first == '规' && two.chars().count() == 2 && !BROAD.contains(&two.as_str()) {
        return Some(two);
    }
    (!BROAD.contains(&two.as_str())).then(|| first.to_string())
}

/// What a who-did-it question asks was done, as its pieces ("排污许可管理条例是哪个部门负责起草的"
/// → 起草, "…清单是谁制定公布的" → 制定, 公布): the act after the one who did it, when the
/// question ends on it with 的. A passage that does not say the act names who is in charge of
/// something else (第三条's 统一监督管理 is no drafting).
pub fn act_of_whom(question: &str) -> Option<Vec<String>> {
    let q = question.trim_end_matches(['？', '?', '。', ' ']);
    act_after_whom(q.strip_suffix('的')?)
}

/// What a who-question asks is done, whether done once (`act_of_whom`: "…是哪个部门负责起草
/// 的") or as a duty ("本名录由哪个部门负责解释" → 解释, "排污许可证由哪个部门核发" → 核发): the
/// act after 由 and the one who does it, when the question ends on it. For ranking: the text
/// may name the act in other words (颁发 for 核发), so a passage that lacks it is no refusal.
pub fn act_by_whom(question: &str) -> Option<Vec<String>> {
    let q = question.trim_end_matches(['？', '?', '。', ' ']);
    if let Some(act) = act_of_whom(q) {
        return Some(act);
    }
    let at = q.rfind('由')?;
    let after = &q[at + '由'.len_utf8()..];
    ["哪个部门", "哪个单位", "哪个机关", "哪一级", "哪级", "谁"]
        .iter()
        .any(|w| after.starts_with(w))
        .then(|| act_after_whom(q))
        .flatten()
}

/// The act after the one who does it, in a question `q` that ends on it.
fn act_after_whom(q: &str) -> Option<Vec<String>> {
    const WHO: [&str; 10] = [
        "哪个部门",
        "哪些部门",
        "哪个单位",
        "哪个机关",
        "哪个机构",
        "哪一级",
        "哪级",
        "哪几位",
        "哪位",
        "谁",
    ];
    // Who the one is (哪位专家), and how they took part (负责, 牵头, 主持).
    const PERSONS: [&str; 6] = ["专家", "部长", "领导", "局长", "官员", "人"];
    const PART: [&str; 8] = ["负责", "牵头", "主持", "组织", "具体", "来", "去", "出面"];
    let (at, who) = WHO
        .iter()
        .filter_map(|w| q.rfind(w).map(|at| (at, *w)))
        .max_by_key(|(at, _)| *at)?;
    let mut act = &q[at + who.len()..];
    if who == "哪位" || who == "哪几位" {
        act = PERSONS
            .iter()
            .find_map(|p| act.strip_prefix(p))
            .unwrap_or(act);
    }
    while let Some(rest) = PART.iter().find_map(|p| act.strip_prefix(p)) {
        act = rest;
    }
    // How the act ended (测算出来, 定下来) is no act of its own.
    let act = ["出来", "下来", "起来"]
        .iter()
        .find_map(|c| act.strip_suffix(c))
        .unwrap_or(act);
    let chars: Vec<char> = act.chars().collect();
    if chars.is_empty()
        || chars.len() > 4
        || !chars.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
    {
        return None;
    }
    // Four characters are two acts (制定公布); fewer, one.
    Some(if chars.len() == 4 {
        vec![chars[..2].iter().collect(), chars[2..].iter().collect()]
    } else {
        vec![act.to_owned()]
    })
}

/// What a which-question asks to be listed: the words after its 哪几种/哪几条/…/哪些/哪个 up
/// to the end of its clause or the verb that follows ("清单里列了哪几种全氟化合物" → 全氟化合物,
/// "通过哪些机制来实现" → 机制).
pub fn which_object(question: &str) -> Option<&str> {
    const ENDS: &[char] = &[
        '，', ',', '？', '?', '。', '；', '来', '去', '要', '可', '能', '需', '应', '在', '是',
        '由', '用', '只', '会', '被', '将', '把', '对', '给', '向', '从', '才', '必', '得', '办',
        '禁', '不',
    ];
    [
        "哪几种",
        "哪几类",
        "哪几项",
        "哪几条",
        "哪几个",
        "哪几家",
        "哪几处",
        "哪些",
        "哪个",
        // One of a kind, asked by name ("用哪种菌种效果最好"): a passage that names none
        // cannot say which.
        "哪一种",
        "哪种",
        "哪一类",
        "哪类",
    ]
    .iter()
    .find_map(|m| {
        let at = question.find(m)?;
        let after = &question[at + m.len()..];
        let end = after.find(ENDS).unwrap_or(after.len());
        let object = after[..end].trim();
        // "哪些地方禁止开采": a noun that stands for whatever the answer lists one by one
        // (风景名胜区, 水源保护地…), which no passage need say.
        // So do the stages or sides of a thing ("监督检查哪些环节": 设计、施工、验收…).
        // Nor does a standard: "按哪个标准设置" is answered by its number (GB 15562.2).
        // Nor a placeholder before the act it asks of ("由哪些东西组成": the parts, which
        // the passage names as its 构成).
        // Nor a way of doing it ("可以采用哪几种方式": the ways, each named by what it uses).
        const PLACEHOLDERS: [&str; 9] = [
            "地方", "地点", "东西", "事情", "事儿", "环节", "方面", "方式", "做法",
        ];
        (long_enough(object)
            && !PLACEHOLDERS.iter().any(|p| object.starts_with(p))
            && !object.starts_with("标准"))
        .then_some(object)
    })
}

/// The unit a how-many question counts in ("柯桥区有几个印染产业集聚区" → 个, "应当达到几类标准"
/// → 类), when it asks for a count.
pub fn count_unit(question: &str) -> Option<char> {
    // 号: "正文要用几号字", a size the passage must state as a number (第16号 states one).
    // 名: "多少名专家", people counted.
    // 轮, 遍, 趟, 批: rounds of a talk, coats of paint, trips, batches.
    const UNITS: &str = "个家类种项次级层根台张份座块页本号册名楼轮遍趟批";
    // After 批, the word 批准 or 批复; after 轮, 轮胎: no unit.
    const NOT_A_UNIT: [&str; 4] = ["批准", "批复", "批次", "轮胎"];
    // "只有几台织机", "好几个", "这几家": a few, said of the works, not a count asked for.
    const A_FEW: [&str; 5] = ["只有", "只", "好", "这", "那"];
    // "师傅说设施修过几次不用记，是这样吗": a count inside a claim asked for a verdict is what
    // the claim is about, not asked.
    if claim_judged(&clauses_of(question)).is_some() {
        return None;
    }
    ["几", "多少"].iter().find_map(|w| {
        question.match_indices(w).find_map(|(at, _)| {
            // "哪几种方式": which ones, a list asked for, not their number.
            if *w == "几"
                && (A_FEW.iter().any(|a| question[..at].ends_with(a))
                    || question[..at].ends_with('哪'))
            {
                return None;
            }
            // "高了十几个分贝", "几十家": a number said roughly, not asked.
            if *w == "几"
                && (question[..at].ends_with('十')
                    || question[at + w.len()..].starts_with(['十', '百', '千', '万']))
            {
                return None;
            }
            // "几个测点的结果能不能合在一起评价": in a clause that asks yes or no, 几 is
            // "some", not a question of its own.
            if *w == "几" && asks_yes_no(clause_around(question, at)) {
                return None;
            }
            let after = &question[at + w.len()..];
            if NOT_A_UNIT.iter().any(|n| after.starts_with(n)) {
                return None;
            }
            after.chars().next().filter(|c| UNITS.contains(*c))
        })
    })
}

/// The unit of a count the question asks of what there is now ("绍兴的印染企业一共有多少家",
/// "现在还有几家"): a count ([`count_unit`]) with 一共, 总共, 现在, 目前… and no year named.
pub fn asks_current_total(question: &str) -> Option<char> {
    const NOW: [&str; 8] = [
        "一共", "总共", "共有", "现在", "目前", "现有", "如今", "至今",
    ];
    let year = question.char_indices().any(|(at, c)| {
        c.is_ascii_digit()
            && question[at..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count()
                == 4
    }) || question.contains("年底")
        || question.contains("年前");
    (NOW.iter().any(|w| question.contains(w)) && !year)
        .then(|| count_unit(question))
        .flatten()
}

/// The clause of `question` (between commas or stops) that holds the byte `at`.
fn clause_around(question: &str, at: usize) -> &str {
    const STOPS: [char; 7] = ['，', ',', '；', ';', '。', '？', '?'];
    let start = question[..at].rfind(STOPS).map_or(0, |i| {
        i + question[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = question[at..]
        .find(STOPS)
        .map_or(question.len(), |i| at + i);
    &question[start..end]
}

/// Whether a clause asks yes or no: it ends in 吗, or asks A-not-A (能不能, 要不要, 是不是).
fn asks_yes_no(clause: &str) -> bool {
    let chars: Vec<char> = clause.chars().collect();
    clause.trim_end().ends_with('吗')
        || ["是否", "能否", "可否"].iter().any(|w| clause.contains(w))
        || chars
            .windows(3)
            .any(|w| w[1] == '不' && w[0] == w[2] && ('\u{4e00}'..='\u{9fff}').contains(&w[0]))
}

/// Whether the question asks about a sanction (罚款多少, 怎么处罚, 承担什么责任): the articles
/// of the liability chapters answer it; otherwise they are not the rule asked about.
pub fn asks_sanction(question: &str) -> bool {
    // "对自动监测数据负有什么责任": a duty one bears (负责), not a liability one incurs.
    let question = without_words(question, DUTY_WORDS);
    [
        "罚",
        "法律责任",
        "责任",
        "后果",
        "查处",
        "吊销",
        "没收",
        "拘留",
        "责令",
        "违法",
        "违反",
        // "擅自开工建设的，怎么处理": what is done to the one who did it.
        "怎么处理",
        "如何处理",
        "怎样处理",
        // "失职了，会受到什么处理": what befalls an official (给予处分).
        "什么处理",
        "处分",
    ]
    .iter()
    .any(|w| question.contains(w))
}

/// How a question asks whether something is allowed.
const PERMISSION_WORDS: &[&str] = &[
    "能不能",
    "可不可以",
    "允不允许",
    "是否可以",
    "是否允许",
    "是否能",
    "允许吗",
    "可以吗",
    "能吗",
    "能否",
    "可否",
    "允许",
];

/// Whether the question asks whether something is allowed (能不能, 能否, 可否, 是否可以,
/// 是否允许): an article that allows or forbids it (可以/不得/禁止) answers it.
pub fn asks_permission(question: &str) -> bool {
    says_any(question, PERMISSION_WORDS)
}

/// Whether the question asks a verdict on a claim that something may be done ("…渗滤液直接
/// 排放没事，靠谱吗", "…排掉就行，他说得对吗"): the claim says it is fine (没事, 就行, 没关系,
/// 无所谓, 可以): a permission asked, which an article that allows or forbids it answers (方可
/// 排放, 不得, 禁止).
pub fn claims_allowed(question: &str) -> bool {
    const FINE: [&str; 8] = [
        "没事",
        "就行",
        "也行",
        "没关系",
        "无所谓",
        "可以",
        "不要紧",
        "没问题",
    ];
    // The claim is every clause but its frame: one it goes on with ("…就可以先开工，批不批下来
    // 不影响") may read as asked and leave the first as its scene.
    let clauses = scene_clauses(question);
    claim_judged(&clauses_of(question)).is_some()
        && clauses
            .asked
            .iter()
            .chain(&clauses.scene)
            .any(|c| FINE.iter().any(|w| c.contains(w)))
}

/// What a question says need not be done ("一般工业固废不用记台账" → 记台账, "危废仓库不需要
/// 贴标签吗" → 贴标签): the words after 不用, 不需要, 不必, 无需… to the clause's end. Whether it
/// is a duty is what is asked: an article that says it 应当 be done answers.
pub fn duty_denied(question: &str) -> Option<&str> {
    const NEEDLESS: [&str; 8] = [
        "不需要",
        "不用",
        "不必",
        "无需",
        "无须",
        "没必要",
        "用不着",
        "不需",
    ];
    let (at, w) = NEEDLESS
        .iter()
        .filter_map(|w| question.find(w).map(|at| (at, *w)))
        .min_by_key(|(at, w)| (*at, usize::MAX - w.len()))?;
    let rest = &question[at + w.len()..];
    let end = rest
        .find(['，', '。', '；', '？', '！', ',', ';', '?', '!'])
        .unwrap_or(rest.len());
    let denied = rest[..end].trim_end_matches(['了', '的', '吧', '吗', '呢']);
    (!denied.is_empty()).then_some(denied)
}

/// How a question asks what duty someone bears ("排污单位对环境管理台账负有什么责任"): the
/// article that answers says 应当…, 负责; neither 负有 nor 责任.
const DUTY_WORDS: &[&str] = &["负有什么责任", "负什么责任", "负有哪些责任"];

/// The price a question asks ("环评公司一般收多少钱" → 价格 once 多少钱 is read so): a 价格
/// however asked, a 成本 only when asked how much ("…应当覆盖哪些成本" makes a cost a rule's
/// subject), a 收费标准 however asked ("第三方监测机构的收费标准由哪个文件规定": an article on
/// unlawful fees, 违法收取费用, sets none).
pub fn price_asked(question: &str) -> Option<&'static str> {
    let asks_amount = question.contains("多少") || question.contains("几");
    ["价格", "成本", "收费标准"]
        .into_iter()
        .find(|w| question.contains(w) && (*w != "成本" || asks_amount))
}

/// Whether the question asks what duty someone bears ([`DUTY_WORDS`]).
pub fn asks_responsibility(question: &str) -> bool {
    says_any(question, DUTY_WORDS)
}

/// Whether the question asks what a thing it describes is called ("…的锅炉叫什么锅炉",
/// "这种排放方式称为什么").
pub fn asks_name(question: &str) -> bool {
    ["叫什么", "叫做什么", "称为什么", "称作什么", "叫啥"]
        .iter()
        .any(|w| question.contains(w))
}

/// The word by which a question asks about a given day or one near it (明天, 上个月, 去年):
/// what happens then is a fact of that time, which no rule or standard records. A year word
/// before a date ("今年8月15日起施行的法典") names the date, not the year's events.
pub fn names_a_day(question: &str) -> Option<&'static str> {
    const DAYS: [&str; 10] = [
        "明天",
        "后天",
        "今天",
        "昨天",
        "前天",
        "下周",
        "上周",
        "下个月",
        "上个月",
        "这几天",
    ];
    const YEARS: [&str; 4] = ["今年", "去年", "明年", "前年"];
    // 周 opens 周边 and 周围 as well (楼下周边居民: no week).
    let dates = |w: &str| {
        question.match_indices(w).any(|(at, _)| {
            !(w.ends_with('周') && question[at + w.len()..].starts_with(['边', '围']))
        })
    };
    DAYS.into_iter().find(|w| dates(w)).or_else(|| {
        YEARS.into_iter().find(|w| {
            question.match_indices(w).any(|(at, _)| {
                let mut after = question[at + w.len()..].chars().peekable();
                let mut numerals = 0;
                while after
                    .next_if(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                    .is_some()
                {
                    numerals += 1;
                }
                // A month follows: the year word dates a day.
                !(numerals > 0 && after.next() == Some('月'))
            })
        })
    })
}

/// The day word of a question that asks what happens on that day (see [`names_a_day`]); not
/// one that only dates the deed of a story whose fine is asked ("今年的有毒有害物质排放情况
/// 一直没报，叫改也不改，罚多少": the fine is the rule's, whatever the year). A fine that was
/// imposed ("去年被罚了多少", "一共罚了多少") is a fact of its day still. Nor one that dates a
/// story whose asked clause asks what a rule requires ("老板说明年把燃煤锅炉换成燃气锅炉，新锅炉的
/// 烟囱至少要多高": the standard's minimum, whatever the year).
pub fn asks_of_a_day(question: &str) -> Option<&'static str> {
    let day = names_a_day(question)?;
    let Clauses { scene, asked, .. } = scene_clauses(question);
    let asked_text = asked.concat();
    let asks_rule = asks_sanction(&asked_text)
        && !says_any(&asked_text, &["罚了", "被罚", "一共", "总共", "几次"])
        || says_any(
            &asked_text,
            &[
                "至少",
                "最低",
                "最高",
                "最多",
                "不得",
                "不能低于",
                "限值",
                "应当",
                "要求",
            ],
        ) && !says_any(&asked_text, &["实际", "实测", "测出", "了多少"])
        // "…上个月…当场把设备查封了，他们有这个权力吗": whether the act was allowed; "今年大旱，
        // …政府能不能让我们厂限产或者停产": whether it may be done.
        || asks_only_may(&asked_text)
        || asks_permission(&asked_text)
            && !says_any(&asked_text, &["罚", "多少", "什么", "哪", "几"]);
    let story_day =
        !scene.is_empty() && asks_rule && asked.iter().all(|c| names_a_day(c).is_none());
    (!story_day).then_some(day)
}

/// A year after `this_year` that the question asks about ("2027年国家会不会出新的…标准"):
/// what will be then is a forecast, which no text in force records. Not a year that dates
/// a day (2027年1月1日起施行), which a rule may set.
pub fn future_year(question: &str, this_year: i32) -> Option<String> {
    let chars: Vec<char> = question.chars().collect();
    let mut i = 0;
    while i + 4 < chars.len() {
        let four = &chars[i..i + 4];
        let starts = i == 0 || !chars[i - 1].is_ascii_digit();
        if starts && four.iter().all(char::is_ascii_digit) && chars[i + 4] == '年' {
            let year: i32 = four.iter().collect::<String>().parse().unwrap_or_default();
            let after: String = chars[i + 5..].iter().take(4).collect();
            let month_follows = after
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                })
                .starts_with('月')
                && after.starts_with(|c: char| {
                    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                });
            if year > this_year && year < 2100 && !month_follows {
                return Some(format!("{year}年"));
            }
            i += 5;
        } else {
            i += 1;
        }
    }
    None
}

/// Whether the question asks what happened ("2023年柯桥出过哪些污染事故", "发生过几起"): events,
/// which no rule records.
pub fn asks_past_events(question: &str) -> bool {
    says_any(
        question,
        &["出过", "发生过", "查处过", "曝光过", "出过事", "通报过"],
    ) && says_any(
        question,
        &[
            "哪些",
            "哪几",
            "几起",
            "多少起",
            "几次",
            "多少次",
            "哪家",
            "哪个",
            "什么",
        ],
    )
}

/// Whether `term` names a licence or a certificate (营业执照, 上岗证, 资格证书, 排污许可证).
pub fn names_licence(term: &str) -> bool {
    term.chars().count() >= 3
        && [
            "执照",
            "证书",
            "资格证",
            "上岗证",
            "合格证",
            "许可证",
            "登记证",
        ]
        .iter()
        .any(|w| term.ends_with(w))
}

/// A licence the question names by a Latin-letter name ("要不要先办CA证书" → ca证书, "ISO证书"):
/// the passage must name that one, not any 证书 (排污许可证's 证书编号). Lower-cased, as the
/// index keeps Latin letters.
pub fn latin_licence(question: &str) -> Option<String> {
    let q = question.to_lowercase();
    ["证书", "执照", "许可证", "认证", "资格证"]
        .iter()
        .find_map(|w| {
            q.match_indices(w).find_map(|(at, _)| {
                let name: String = q[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                name.chars()
                    .any(|c| c.is_ascii_alphabetic())
                    .then(|| format!("{name}{w}"))
            })
        })
}

/// Whether the question asks what is measured in practice ("油烟浓度一般实测有多高",
/// "实际排放浓度是多少"): a fact of works and days, which a limit does not record. A question
/// on how a rule treats a measured value ("实际排水量超过基准排水量时，怎样判定") asks the rule.
pub fn asks_measured(question: &str) -> bool {
    [
        "实测",
        "实际排放",
        "实际浓度",
        "实际监测",
        "实际测",
        "实际能",
        // How high a works' water or air typically is ("退浆废水的COD一般有多高"): a
        // level met in practice, not a limit (asked 最高允许, 限值 or 不得超过).
        "一般有多高",
        "通常有多高",
        "一般能有多高",
        "大概有多高",
        "一般会有多高",
        // "印染废水的B/C比一般在多少": a typical value, likewise.
        "一般在多少",
        "一般是多少",
        "一般为多少",
        "通常在多少",
        "通常是多少",
        "大概是多少",
        "一般能达到多少",
        // "油烟浓度一般有多少", "公众意见一般会有多少条".
        "一般有多少",
        "通常有多少",
        "大概有多少",
        "一般会有多少",
    ]
    .iter()
    .any(|w| question.contains(w))
        && ["多少", "多高", "多大", "几"]
            .iter()
            .any(|w| question.contains(w))
        && ![
            "限值", "标准", "基准", "折算", "判定", "规定", "要求", "应当", "怎样", "如何", "怎么",
            "允许",
        ]
        .iter()
        .any(|w| question.contains(w))
}

/// The words by which a question reports a fault of an online system ("平台上怎么查不到了",
/// "登录密码忘了找谁重置"): a help desk's matter, which no rule settles.
pub fn reports_system_fault(question: &str) -> bool {
    says_any(
        question,
        &[
            "查不到",
            "打不开",
            "登不上",
            "登录不了",
            "无法登录",
            "进不去",
            "密码",
        ],
    )
}

/// Whether the question asks which firm, by name ("柯桥有哪几家公司拿到了危废经营许可证",
/// "找哪家公司修"): the texts set rules for kinds of units and name none.
pub fn asks_which_firm(question: &str) -> bool {
    says_any(question, &["哪家", "哪几家", "哪一家"])
}

/// Whether the question asks whether a firm still exists or trades ("当时那家环评公司现在还在
/// 不在"): a firm's fortunes, which no rule records. The firm is named before the asking
/// words (not "许可证还在不在有效期内").
pub fn asks_firm_status(question: &str) -> bool {
    const STATUS: [&str; 6] = [
        "还在不在",
        "还在吗",
        "还开不开",
        "还开着吗",
        "还在营业",
        "还存不存在",
    ];
    const FIRMS: [&str; 4] = ["公司", "机构", "厂家", "单位"];
    STATUS.iter().any(|w| {
        question
            .find(w)
            .is_some_and(|at| FIRMS.iter().any(|f| question[..at].contains(f)))
    })
}

/// Whether the question asks for a person by name ("排污许可证是哪个工作人员审批的"): a rule
/// names the body that acts, never its staff.
pub fn asks_which_person(question: &str) -> bool {
    says_any(
        question,
        &[
            "哪个工作人员",
            "哪位工作人员",
            "哪个领导",
            "哪位领导",
            "叫什么名字",
            "姓什么",
            // "…局的法定代表人是谁": a holder of an office, by name.
            "法定代表人是谁",
            "局长是谁",
            "负责人是谁",
            "主任是谁",
            "厂长是谁",
        ],
    )
}

/// Whether the question asks which place or works ranks first ("柯桥哪个镇的印染厂最多"): no
/// text ranks places or firms (a table's classes, "哪类区…最低", are no place).
pub fn asks_ranking(question: &str) -> bool {
    const WHICH: [&str; 9] = [
        "哪个镇",
        "哪个街道",
        "哪个村",
        "哪个乡",
        "哪个县",
        "哪个区",
        "哪个园区",
        "哪个企业",
        "哪个厂",
    ];
    // "哪个区的环评审批最快": speed is ranked as size is.
    const MOST: [&str; 10] = [
        "最多",
        "最少",
        "最快",
        "最慢",
        "最大",
        "最小",
        "最高",
        "最低",
        "排第一",
        "第一名",
    ];
    // "哪种染料的废水最难处理", "哪家的设备最好": a judgement of kinds or makers.
    const KIND: [&str; 6] = ["哪种", "哪一种", "哪类", "哪一类", "哪家", "哪个牌子"];
    const JUDGED: [&str; 10] = [
        "最难",
        "最容易",
        "最好",
        "最差",
        "最贵",
        "最便宜",
        "最划算",
        "最省",
        "最有效",
        "最常见",
    ];
    // "卖给谁最赚钱", "哪里买最便宜": a judgement of worth, however it is asked.
    const WORTH: [&str; 6] = ["最赚钱", "最划算", "最省钱", "最便宜", "最实惠", "最值钱"];
    !question.contains("类区")
        && (says_any(question, &WHICH) && says_any(question, &MOST)
            || says_any(question, &KIND) && says_any(question, &JUDGED)
            || says_any(question, &WORTH))
}

/// Whether the question asks a time of day ("系统晚上几点关闭", "几点到几点"), not several points
/// (几点意见, 几点要求): only a passage that states an hour answers it.
pub fn asks_clock_time(question: &str) -> bool {
    question.match_indices("几点").any(|(at, _)| {
        let after = &question[at + "几点".len()..];
        let before = &question[..at];
        [
            "钟", "到", "关", "开", "下班", "上班", "以后", "之后", "以前", "之前", "前", "后",
            "结束", "停",
        ]
        .iter()
        .any(|w| after.starts_with(w))
            || [
                "早上", "上午", "中午", "下午", "晚上", "夜里", "夜间", "每天", "凌晨",
            ]
            .iter()
            .any(|w| before.ends_with(w))
    })
}

/// Whether the question asks how large an area is ("重点保护区的面积有多大", "占地面积是多少"):
/// only a passage that states an area (平方米, 公顷, 亩) answers it, not one that states a
/// width.
pub fn asks_area(question: &str) -> bool {
    question.find("面积").is_some_and(|at| {
        says_any(&question[at..], &["多大", "多少", "几"])
            && !says_any(&question[at..], &["以上", "以下", "超过", "不足", "达到"])
    })
}

/// Whether the question asks by how much one thing exceeds another ("比国家标准严多少", "烟囱
/// 要比楼高多少"): a difference, which a passage states only as one (高出…5m, 幅度不得高于).
pub fn asks_difference(question: &str) -> bool {
    question.match_indices('比').any(|(at, _)| {
        let after: String = question[at..].chars().take(24).collect();
        [
            "严", "高", "低", "多", "少", "宽", "松", "大", "小", "长", "短",
        ]
        .iter()
        .any(|c| after.contains(&format!("{c}多少")) || after.contains(&format!("{c}了多少")))
    })
}

/// Whether the question asks in which year or on which day something was or will be done
/// ("平台是哪一年上线的", "哪天开始执行"): a date, which only a passage that states a year
/// answers. Not 什么时候, which a period answers as well (届满前六十日).
pub fn asks_year(question: &str) -> bool {
    says_any(
        question,
        &[
            "哪一年",
            "哪年",
            "哪一天",
            "哪天",
            "几月几号",
            "几月几日",
            "几几年",
        ],
    )
}

/// Whether the question asks where to download something ("编制说明在哪里可以下载"): a web
/// address, which no rule gives.
pub fn asks_download(question: &str) -> bool {
    question.contains("下载")
}

/// Whether the question asks where to buy something ("风机的配件去哪里买", "纸质版在哪里能买到"):
/// a seller, which a rule names only when it speaks of buying (购买, 采购, 销售).
pub fn asks_where_to_buy(question: &str) -> bool {
    // Past the modal words between (哪里能买, 哪里可以买).
    let q = ["才能", "可以", "能"]
        .iter()
        .fold(question.to_owned(), |q, w| q.replace(w, ""));
    ["哪里买", "哪儿买", "哪买", "哪里购买", "哪里采购", "哪家买"]
        .iter()
        .any(|w| q.contains(w))
}

/// Whether the question asks what share one thing is of another ("废水排放量占全市的多少",
/// "占比多少", "占几成"): only a percentage or a ratio states one.
pub fn asks_share(question: &str) -> bool {
    // Not 占地 (an area) nor 占用 (taking up land or a river).
    question.match_indices('占').any(|(at, _)| {
        let after = &question[at + '占'.len_utf8()..];
        !after.starts_with(['地', '用'])
            && says_any(after, &["多少", "几成", "百分之几", "比例", "比重", "比"])
    })
}

/// Whether the question asks which way something went over time ("这几年是多了还是少了",
/// "水质变好了还是变差了"): what happened, which no rule records. Not of a law named (how a
/// revision changed a fine is the succession table's to say).
pub fn asks_trend(question: &str) -> bool {
    const PAIRS: [(&str, &str); 6] = [
        ("多了", "少了"),
        ("好了", "差了"),
        ("增加", "减少"),
        ("上升", "下降"),
        ("提高", "降低"),
        ("变大", "变小"),
    ];
    let names_a_text = says_any(question, &["《", "法", "条例", "标准", "名录", "规定"]);
    !names_a_text
        && question.contains("还是")
        && PAIRS
            .iter()
            .any(|(a, b)| question.contains(a) && question.contains(b))
}

/// Whether the question asks the agent's own view ("你怎么看…的做法", "你觉得…划算吗"): a
/// judgement of a policy, a plan or a prospect, which no text holds. Not "水质怎么评价" (an
/// assessment a standard sets), nor "你觉得要不要办排污许可证" (a duty asked).
pub fn asks_opinion(question: &str) -> bool {
    const VIEW: [&str; 7] = [
        "怎么看",
        "如何看待",
        "怎么看待",
        "怎么评价",
        "如何评价",
        "的看法",
        "的意见",
    ];
    const JUDGED: [&str; 6] = ["合理", "划算", "前途", "值得", "好不好", "怎么样"];
    let you =
        |w: &str| question.contains(&format!("你{w}")) || question.contains(&format!("您{w}"));
    VIEW.iter().any(|v| you(v))
        || ["觉得", "认为"].iter().any(|v| you(v)) && says_any(question, &JUDGED)
}

/// Whether the question asks what a thing serves for ("拿来做什么用", "有什么作用").
pub fn asks_purpose(question: &str) -> bool {
    says_any(
        question,
        &["什么用", "什么作用", "用来做什么", "用来干什么"],
    )
}

/// Whether the question asks why ("为什么", "为啥", "什么原因"): a reason, which a passage
/// states with 为了, 目的, 由于… ([`crate::evidence::states_reason`]).
pub fn asks_reason(question: &str) -> bool {
    says_why(question)
        || says_any(
            question,
            &[
                "为啥",
                "为何",
                "什么原因",
                "啥原因",
                "原因是什么",
                "是何原因",
            ],
        )
}

/// Whether a why-question asks why something must or must not be done ("为什么要做环评",
/// "为什么不能在水源地设排污口"): the rule that imposes it is the answer it can have.
pub fn asks_why_must(question: &str) -> bool {
    const MUST: &[&str] = &[
        "要", "不能", "不得", "不准", "不许", "不让", "禁止", "必须", "需要", "应当", "应该", "得",
    ];
    ["为什么", "为啥", "为何"].iter().any(|why| {
        question
            .match_indices(why)
            .filter(|(at, _)| *why != "为什么" || !verb_before_wei(&question[..*at]))
            .any(|(at, w)| {
                let after = &question[at + w.len()..];
                MUST.iter().any(|m| after.contains(m))
            })
    })
}

/// Whether the question asks why with 为什么: not the 为 of a verb before 什么 ("…执行情况作为
/// 什么", "认定为什么", "分为什么"), which asks what a thing is taken as.
fn says_why(question: &str) -> bool {
    question
        .match_indices("为什么")
        .any(|(at, _)| !verb_before_wei(&question[..at]))
}

/// Whether the 为 after `before` ends a verb (作为, 成为, 视为, 认定为…).
fn verb_before_wei(before: &str) -> bool {
    before.ends_with([
        '作', '成', '视', '认', '称', '列', '定', '改', '分', '转', '变', '划', '评',
    ])
}

/// The text a question asks the purpose of ("国家为什么要制定排污许可管理条例", "排污许可管理
/// 条例的立法目的是什么"): its first article says why it was made (为了…，制定本条例). Only a
/// text in articles (a law, a regulation, rules), and only when the making is what is asked:
/// the verb comes right before the title ("为什么要制定自行监测方案" in a question on what a
/// regulation requires is not).
pub fn purpose_of_text(question: &str, titles: &[String]) -> Option<String> {
    const MADE: &[&str] = &["制定", "出台", "颁布", "发布", "立"];
    const PURPOSE: &[&str] = &[
        "立法目的",
        "立法宗旨",
        "制定目的",
        "立法的目的",
        "制定的目的",
    ];
    const IN_ARTICLES: &[&str] = &["条例", "法", "法典", "办法", "规定", "细则"];
    let compact: String = question
        .chars()
        .filter(|c| !c.is_whitespace() && !"《》".contains(*c))
        .collect();
    let compact = compact.replace("中华人民共和国", "");
    // The longest title of the knowledge base the question holds (建设项目环境保护管理条例,
    // not 环境保护…).
    let title = titles
        .iter()
        .map(|t| bare_title(t))
        .filter(|t| IN_ARTICLES.iter().any(|k| t.ends_with(k)) && compact.contains(t.as_str()))
        .max_by_key(|t| t.len())?;
    let at = compact.find(title.as_str())?;
    let before = &compact[..at];
    let after = &compact[at + title.len()..];
    // "…条例的立法目的是什么": the purpose right after the title.
    let purpose_after = PURPOSE.iter().any(|p| {
        after
            .find(p)
            .is_some_and(|i| after[..i].chars().count() <= 2)
    });
    // "为什么要制定（一部）…条例": the making right before it, in the same clause.
    let made_before = asks_reason(before)
        && MADE.iter().any(|m| {
            before.rfind(m).is_some_and(|i| {
                let gap = &before[i + m.len()..];
                gap.chars().count() <= 4 && !gap.contains(['，', ','])
            })
        });
    (purpose_after || made_before).then_some(title)
}

/// Whether `question` says one of `words`.
fn says_any(question: &str, words: &[&str]) -> bool {
    words.iter().any(|w| question.contains(w))
}

/// The words before a 什么 that closes its clause ("维修单位要给车主提供什么？" → "…提供"):
/// the act whose object the question asks for, the verb right before the 什么. `None` when
/// every 什么 names a kind (什么措施) or opens the clause.
pub fn asked_act(question: &str) -> Option<&str> {
    question.match_indices("什么").find_map(|(at, w)| {
        let after = question[at + w.len()..].chars().next();
        let closes = after.is_none_or(|c| "？?。，,；;！!呢吗".contains(c));
        let start = question[..at]
            .rfind(['，', ',', '？', '?', '。', '；', ';'])
            .map_or(0, |i| {
                i + question[i..].chars().next().map_or(1, char::len_utf8)
            });
        (closes && start < at).then(|| &question[start..at])
    })
}

/// The words before the 吗 that closes a yes-no question's last clause ("…没按雨污分流建，能交付
/// 使用吗？" → "能交付使用"): the act it asks whether may or must be done. `None` when the
/// question does not end on 吗.
pub fn asked_whether_act(question: &str) -> Option<&str> {
    let q = question.trim_end_matches(['？', '?', '。', ' ']);
    let before = q.strip_suffix('吗')?;
    let start = before
        .rfind(['，', ',', '？', '?', '。', '；', ';'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    (start < before.len()).then(|| &before[start..])
}

/// The question without the words that ask what duty someone bears ([`DUTY_WORDS`]): they
/// are no subject to search for.
pub fn without_duty_words(question: &str) -> String {
    without_words(question, DUTY_WORDS)
}

/// The question without the words that ask whether something is allowed: they are no
/// subject to search for ("能不能开工" holds 不能, "是否允许" holds 允许, and the article
/// that answers says 不得 or 禁止).
pub fn without_permission_words(question: &str) -> String {
    without_words(question, PERMISSION_WORDS)
}

/// `text` with every one of `words` replaced by a space.
pub(crate) fn without_words(text: &str, words: &[&str]) -> String {
    words.iter().fold(text.to_owned(), |t, w| t.replace(w, " "))
}

/// Who commits the act a question about a violation names: the words that open a condition
/// ("生态环境监测机构对监测数据弄虚作假的，罚款多少" → 生态环境监测机构), when the question
/// opens with them and the condition ends in 的，.
pub fn actor(question: &str) -> Option<&str> {
    let condition_end = question.find("的，").or_else(|| question.find("的,"))?;
    // A frame before the condition ("按照《环境影响评价法》，技术单位…的，") is not the actor.
    let condition = &question[..condition_end];
    let condition = match condition.split_once(['，', ',']) {
        Some((frame, rest))
            if ["按照", "依照", "依据", "根据"]
                .iter()
                .any(|w| frame.starts_with(w))
                || frame.contains(['《', '》'])
                || frame.ends_with("规定")
                || frame.ends_with('法') =>
        {
            rest
        }
        _ => condition,
    };
    let by_verb = [
        "对",
        "未",
        "违反",
        "擅自",
        "不按",
        "拒绝",
        "拒不",
        "伪造",
        "弄虚作假",
        "超过",
        "超标",
        "私设",
        "以欺骗",
        "通过",
    ]
    .iter()
    .filter_map(|m| condition.find(m))
    .min();
    // No verb that opens the act: an actor named by its kind before what it did
    // ("技术单位编制的报告书有严重质量问题的").
    const KINDS: [&str; 4] = ["单位", "企业", "机构", "经营者"];
    let by_kind = || {
        KINDS
            .iter()
            .filter_map(|k| condition.find(k).map(|i| i + k.len()))
            .min()
            .filter(|&end| condition[..end].chars().count() >= 3)
    };
    let at = by_verb.or_else(by_kind)?;
    // A cleft sentence names the actor after 是 ("监测数据是生态环境监测机构造假的，…": the
    // 机构, not the data).
    let actor = &condition[..at];
    let actor = actor.rsplit_once('是').map_or(actor, |(_, after)| after);
    let n = actor.chars().count();
    ((2..=12).contains(&n)
        && !actor.contains(['，', ',', '的'])
        && !crate::evidence::QUESTION_WORDS
            .iter()
            .filter(|w| !KINDS.contains(w))
            .any(|w| actor.contains(w)))
    .then_some(actor)
}

/// The thing a question asks the standing of ("排污许可证在环保部门监管排污单位时是什么地位",
/// "…会商意见，在审批的时候算什么"): what comes before its place or its verb in the clause
/// that asks. A text that says what the thing is ("排污许可证是对排污单位进行生态环境监管的
/// 主要依据") answers it.
pub fn role_term(text: &str) -> Option<String> {
    let q = text.trim_end_matches(['？', '?', '。', ' ', '呢']);
    let head = [
        "是什么地位",
        "处于什么地位",
        "什么地位",
        "起什么作用",
        "是什么角色",
        "算什么",
    ]
    .iter()
    .find_map(|m| q.strip_suffix(m))?;
    // The asking clause names the thing before its place or verb; one that opens with its
    // place ("…的意见，在审批的时候算什么") names it in the clause before.
    let mut clauses = head.rsplit(['，', ',']).filter(|c| c.chars().count() >= 2);
    let clause = clauses.next().unwrap_or(head);
    let end = ["在", "对", "是", "算", "起", "处于", "于"]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .unwrap_or(clause.len());
    let term = match clause[..end].trim() {
        "" => clauses.next()?.trim(),
        term => term,
    };
    ((2..=10).contains(&term.chars().count())
        && !crate::evidence::QUESTION_WORDS
            .iter()
            .any(|w| w.chars().count() >= 2 && term.contains(w)))
    .then(|| term.to_owned())
}

/// The term a question asks the definition of ("水污染是什么意思", "…所称的工业噪声是指什么",
/// "什么是危险废物"), without the law that frames it (`unframed`: the question with a repealed
/// law's name taken out).
pub fn defined_term(unframed: &str) -> Option<String> {
    // "…基准排水量到底是什么意思": 到底 and 究竟 only press the question.
    let pressed = unframed.replace("到底", "").replace("究竟", "");
    let q = pressed.trim_end_matches(['？', '?', '。', ' ']);
    let before = [
        "是指什么",
        "是什么意思",
        "指的是什么",
        "指什么",
        "的定义是什么",
        "的含义是什么",
        "是怎么定义的",
        "是如何定义的",
        "怎么定义",
        "如何定义",
    ]
    .iter()
    .find_map(|m| q.strip_suffix(m))
    .or_else(|| {
        q.strip_prefix("什么是")
            .or_else(|| q.strip_prefix("什么叫"))
    })
    .or_else(|| {
        // "这种情况算噪声污染吗", "污泥算不算危险废物": whether a thing is one, which the
        // term's definition settles. Of a term of three characters or more: "这样才算达标吗"
        // asks whether a value complies, which no definition says.
        q.split_once("算不算")
            .map(|(_, term)| term)
            .or_else(|| {
                let head = q.strip_suffix('吗')?;
                let (_, term) = head.rsplit_once('算')?;
                Some(term.strip_prefix('是').unwrap_or(term))
            })
            .map(|term| {
                term.split(['？', '?', '，', ',', '。'])
                    .next()
                    .unwrap_or(term)
            })
            .filter(|term| term.chars().count() >= 3)
    })
    .or_else(|| {
        // "夜间是指几点到几点": the hours a time of day covers, which its definition gives.
        ["是指几点", "指的是几点", "指几点", "是从几点"]
            .iter()
            .find_map(|m| q.split_once(m).map(|(term, _)| term))
    })
    .or_else(|| {
        // "噪声敏感建筑物包括哪些建筑物": which things a term covers, which its definition
        // says where the texts define it (本法所称噪声敏感建筑物，是指用于居住…的建筑物).
        ["包括哪些", "包括什么", "指哪些", "指的是哪些", "是指哪些"]
            .iter()
            .find_map(|m| q.split_once(m).map(|(term, _)| term))
    })
    .or_else(|| {
        // "什么样的废物才算危险废物": what makes a thing one, which its definition says; the
        // term ends with its clause ("什么样的有机液体算挥发性有机液体？蒸气压…").
        // A 算 of a verb (计算, 核算, 折算: "怎样计算排放量") asks how to reckon, not what a
        // thing is.
        ["才算是", "才算", "算是", "算"].iter().find_map(|m| {
            q.match_indices(m)
                .map(|(at, _)| (&q[..at], &q[at + m.len()..]))
                .find(|(head, _)| {
                    !head.ends_with(|c: char| "计核估换折推结清预运演打总".contains(c))
                })
                // "晚上几点到几点算夜间": the hours that make a time of day one, which its
                // definition gives (本条第一款所称夜间，是指晚上十点至次日早晨六点之间的期间).
                .filter(|(head, _)| {
                    ["什么", "怎样", "怎么样", "几点"]
                        .iter()
                        .any(|w| head.contains(w))
                })
                .map(|(_, term)| {
                    term.split(['？', '?', '，', ',', '。'])
                        .next()
                        .unwrap_or(term)
                })
        })
    })?;
    let mut term = last_clause(before.trim_end_matches(['，', ',', ' ']));
    for frame in ["所称的", "所称", "中的", "里的", "规定的", "说的", "讲的"] {
        if let Some((_, rest)) = term.rsplit_once(frame) {
            term = rest;
        }
    }
    let term = term.trim();
    (long_enough(term) && term.chars().count() <= 12).then(|| term.to_owned())
}

/// What the question is about as it words it: what it asks who acts on ([`acted_on`]), or
/// the last clause of its [`subject`] ("水污染防治法规定，实行排污许可管理的企业应当…" → 实行
/// 排污许可管理的企业). (Also cutting at 可以/能否/是否 changed no answer of the development
/// sets, and is not done.)
pub fn topic(question: &str) -> Option<&str> {
    acted_on(question).or_else(|| {
        subject(question)
            .map(last_clause)
            .filter(|s| long_enough(s))
    })
}

/// The words of `question` before the first of `markers`, without the comma before it.
fn words_before<'a>(question: &'a str, markers: &[&str]) -> Option<&'a str> {
    let at = markers.iter().filter_map(|m| question.find(m)).min()?;
    Some(question[..at].trim_end_matches(['，', ',']))
}

/// The last clause of `s` (after its last comma).
fn last_clause(s: &str) -> &str {
    s.rsplit(['，', ',']).next().unwrap_or(s)
}

/// Two characters at least: a word, not a stray character.
fn long_enough(s: &str) -> bool {
    s.chars().count() >= 2
}

/// Who the question asks about: the words before its 应当/应/必须 ("浙江省重点排污单位应当
/// 公开哪些…" → 浙江省重点排污单位), when there are some.
pub fn subject(question: &str) -> Option<&str> {
    let modal = modal_ying(question);
    let at = ["应当", "必须"]
        .iter()
        .filter_map(|m| question.find(m))
        .chain(modal)
        .min()?;
    Some(question[..at].trim_end_matches(['，', ','])).filter(|s| long_enough(s))
}

/// What the question asks its subject must do: the words after its 应当/必须/modal 应 to the
/// clause's end ("…，企业应当采取哪些措施" → 采取哪些措施), when there is a subject before them.
pub fn duty_asked(question: &str) -> Option<&str> {
    subject(question)?;
    let (at, len) = ["应当", "必须"]
        .iter()
        .filter_map(|m| question.find(m).map(|at| (at, m.len())))
        .chain(modal_ying(question).map(|at| (at, '应'.len_utf8())))
        .min_by_key(|&(at, len)| (at, usize::MAX - len))?;
    let rest = &question[at + len..];
    let end = rest
        .find(['，', '。', '；', '？', '！', ',', ';', '?', '!'])
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|s| long_enough(s))
}

/// Where the question's modal 应 (must) stands, not the 应 of a word (应急预案, 相应, 供应,
/// 对应): "重污染天气应急预案要向哪里备案" states no one's duty.
fn modal_ying(question: &str) -> Option<usize> {
    const OPENS: &str = "急用对变聘届邀付酬激";
    const CLOSES: &str = "相响反供适对效呼答感回照顺";
    question.match_indices('应').map(|(at, _)| at).find(|&at| {
        let next = question[at + '应'.len_utf8()..].chars().next();
        let prev = question[..at].chars().next_back();
        !next.is_some_and(|c| OPENS.contains(c)) && !prev.is_some_and(|c| CLOSES.contains(c))
    })
}

/// What the question asks who acts on: the words before its 由谁/由哪…/由什么, in their last
/// clause ("按照《环境影响评价法》，建设项目的生态环境影响报告书由谁审批？" → 建设项目的生态环境
/// 影响报告书), when there are some.
pub fn acted_on(question: &str) -> Option<&str> {
    words_before(question, &["由谁", "由哪", "由什么"])
        .map(last_clause)
        .filter(|s| long_enough(s))
}

/// Whom the question asks what they must do: the last clause before its 应当 when what
/// follows asks for the duty itself ("…进行现场检查时，被检查者应当怎么做？" → 被检查者), not
/// one detail of it (应当在什么时候报批).
pub fn duty_holder(question: &str) -> Option<&str> {
    // "…现场检查，我们被检查者有什么义务": the duty asked with no 应当, of whoever is named
    // before it in its clause.
    const OWES: [&str; 4] = ["负有什么义务", "负有哪些义务", "有什么义务", "有哪些义务"];
    // Whoever is named in the clause before byte `at`.
    let holder_before = |at: usize| {
        let holder = question[..at]
            .rsplit(['，', ',', '：', ':'])
            .next()
            .unwrap_or_default()
            .trim();
        (holder.chars().count() >= 2).then_some(holder)
    };
    if !question.contains("应当")
        && let Some(at) = OWES.iter().filter_map(|w| question.find(w)).min()
    {
        return holder_before(at);
    }
    let at = question.find("应当")?;
    let asked = &question[at + "应当".len()..];
    let asks_duty = [
        "怎么做",
        "怎么办",
        "做什么",
        "如何做",
        "怎样做",
        "干什么",
        "履行什么",
        "承担什么",
        "有什么义务",
        "有哪些义务",
    ]
    .iter()
    .any(|w| asked.starts_with(w));
    if !asks_duty {
        return None;
    }
    holder_before(at)
}

/// Whether a hit is (a part of) the named document.
pub fn hit_is(named: &Named, hit: &Hit) -> bool {
    match named {
        Named::Number(n) => {
            let number = hit.doc_number.as_deref().map(normalize_number);
            // A number without a year names every edition of the standard.
            let edition_of = |number: &str| {
                number
                    .strip_prefix(n.as_str())
                    .is_some_and(|rest| rest.starts_with('-'))
            };
            number.as_deref() == Some(n.as_str())
                || number.as_deref().is_some_and(edition_of)
                || normalize_number(&hit.doc).contains(n.as_str())
        }
        Named::Title(t) | Named::Article(t, _) => title_names(t, &hit.doc),
    }
}

/// Whether a digest passage `hit` speaks of the document `named` by its number or its full
/// title (a digest of HJ 861 has a section on HJ 879, "排污单位自行监测技术指南 纺织印染工业
/// （HJ 879-2017）"): the knowledge base holds what it says of it. Not an approval: one that
/// says "执行GB 4287" holds nothing of GB 4287.
///
/// A number it names only as the edition it replaced ("代替GB 4287-92") is not covered: the
/// digest says nothing of what that edition set, unless `of_succession` (the question asks
/// what replaced it).
pub fn digest_covers(named: &Named, hit: &Hit, of_succession: bool) -> bool {
    if hit.doc_type != "digest" {
        return false;
    }
    let text = normalize_number(&format!("{}{}", hit.clause, hit.text));
    match named {
        Named::Number(n) => text.match_indices(n.as_str()).any(|(at, _)| {
            !text[at + n.len()..].starts_with(|c: char| c.is_ascii_digit())
                && (of_succession || !named_as_replaced(&text[..at], &text[at + n.len()..]))
        }),
        Named::Title(t) => t.chars().count() >= 8 && text.contains(&normalize_number(t)),
        Named::Article(..) => false,
    }
}

/// Whether a standard number printed between `before` and `after` is named as the edition a
/// document replaced: "代替GB 4287-92", "GB 8978-88同时废止", within its clause.
fn named_as_replaced(before: &str, after: &str) -> bool {
    let breaks = ['。', '；', ';', '，', ','];
    let before = before.rsplit(breaks).next().unwrap_or(before);
    let after = after.split(breaks).next().unwrap_or(after);
    ["代替", "替代", "取代"].iter().any(|w| before.contains(w)) || after.contains("废止")
}

/// Whether the question asks whether a document applies (…适用GB 18599吗, 能不能按GB 16297
/// 执行): a passage that puts the thing outside its scope answers it.
pub fn asks_applicability(question: &str) -> bool {
    question.contains("适用")
        || (question.contains("执行")
            && ["吗", "能不能", "是否", "可不可以", "能否"]
                .iter()
                .any(|w| question.contains(w)))
}

/// Whether the question asks what replaced a document or whether it is still in force
/// ("GB 4287-92被哪个标准代替了"): a passage that names it as replaced answers that.
pub fn asks_succession(question: &str) -> bool {
    [
        "代替",
        "替代",
        "取代",
        "废止",
        "作废",
        "新标准",
        "新版",
        "哪个标准",
        "现行",
        "还有效",
        "还能用",
    ]
    .iter()
    .any(|w| question.contains(w))
}

/// Whether the title a question names (`named`, compared form) names the indexed document
/// `title` (as indexed, with its brackets). A part of the title names it (排放标准 for 纺织染整
/// 工业水污染物排放标准). A longer name names it only when what it adds stands in the document's
/// own full title: 浙江省纺织染整工业大气污染物排放标准 is the document titled "纺织染整工业大气
/// 污染物排放标准（浙江省）", but 绍兴市排污许可管理条例 and 排污许可管理条例实施细则 are other
/// documents than 排污许可管理条例.
pub fn title_names(named: &str, title: &str) -> bool {
    let doc = bare_title(title);
    if doc == named {
        return true;
    }
    let full: String = title
        .trim_start_matches('《')
        .trim_start_matches("中华人民共和国")
        .chars()
        .filter(|c| !c.is_whitespace() && !"《》()（）".contains(*c))
        .collect();
    if named.chars().count() < 4 {
        return false;
    }
    if doc.contains(named) || full.contains(named) {
        return true;
    }
    // A short name: what the named title says besides its kind (条例, 办法…) stands in the
    // document's title, which is of the same kind ("曹娥江流域条例" for 浙江省曹娥江流域水环境
    // 保护条例; not "浙江省环境保护条例", whose 浙江省环境保护 no title holds).
    let short_name = ["条例", "办法", "规定", "细则", "标准"].iter().any(|kind| {
        named.strip_suffix(kind).is_some_and(|core| {
            core.chars().count() >= 4 && doc.ends_with(kind) && doc.contains(core)
        })
    });
    if short_name {
        return true;
    }
    doc.chars().count() >= 4
        && named.contains(doc.as_str())
        && full.contains(named.replacen(doc.as_str(), "", 1).as_str())
}

impl Named {
    /// How the refusal names it.
    pub fn label(&self) -> String {
        match self {
            Named::Number(n) => spaced_number(n),
            Named::Title(t) => format!("《{t}》"),
            Named::Article(t, a) => format!("《{t}》{a}"),
        }
    }

    /// The query that finds it if the index has it.
    pub fn query(&self) -> String {
        match self {
            // Spaced as the texts print it: "HJ879" is one token the index does not hold.
            Named::Number(n) => spaced_number(n),
            Named::Title(t) => t.clone(),
            Named::Article(t, a) => format!("{t} {a}"),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_service_asked_of_someone_is_its_act() {
        use super::service_act;
        assert_eq!(
            service_act("我们请的检测公司资质是不是真的，环保局能帮忙查一下吗？"),
            Some('查')
        );
        assert_eq!(service_act("环保局可不可以帮我们出个证明？"), Some('出'));
        // A helper named, not a service asked.
        assert_eq!(
            service_act("帮我们运营污水设施的第三方公司出具了虚假报告，会被怎么罚？"),
            None
        );
        assert_eq!(service_act("帮我们做监测的公司没备案，能不能罚它？"), None);
    }

    #[test]
    fn an_amount_asked_of_a_named_thing_is_after_it_and_no_sum_of_money() {
        let q = "按GB 8978，甲醛排进有二级污水处理厂的城镇下水道，最多能排多少？";
        assert!(asks_amount_of(q, "甲醛"));
        assert!(asks_amount_of("氨氮限值是多少？", "氨氮"));
        assert!(!asks_amount_of(
            "化学需氧量超标了，罚多少钱？",
            "化学需氧量"
        ));
        assert!(!asks_amount_of("多少浓度的甲醛算超标？", "甲醛"));
        assert!(!asks_amount_of("甲醛超标多少天内要整改？", "甲醛"));
        assert!(!asks_amount_of("甲醛的检测费要交多少？", "甲醛"));
    }

    #[test]
    fn a_last_clause_on_measures_asks_a_power() {
        assert!(asks_power(
            "厂里噪声扰民，被责令改正后一直不改，环保部门可以对设备采取什么措施？"
        ));
        assert!(!asks_power("超标排放的，罚多少？"));
        assert!(!asks_power("企业应当采取什么措施防止扬尘？"));
        assert!(!asks_power("环保部门可以采取什么措施，罚多少？"));
        assert!(!asks_power(
            "企业超标排放污染物的，环保部门可以责令采取哪些措施？"
        ));
    }

    #[test]
    fn a_year_to_come_is_a_forecast_unless_it_dates_a_day() {
        assert_eq!(
            super::future_year("2027年国家会不会出新的纺织染整工业水污染物排放标准？", 2026)
                .as_deref(),
            Some("2027年")
        );
        assert_eq!(
            super::future_year("2027年1月1日起执行什么限值？", 2026),
            None
        );
        assert_eq!(
            super::future_year("2025年版名录里印染项目怎么分类？", 2026),
            None
        );
        assert_eq!(super::future_year("GB 4287-2030规定了什么", 2026), None);
    }

    #[test]
    fn full_width_letters_and_digits_are_read_as_ascii() {
        assert_eq!(
            super::half_width("ＧＢ４２８７－２０２５表２里ＣＯＤ限值是多少？"),
            "GB4287-2025表2里COD限值是多少？"
        );
        assert_eq!(super::half_width("ＨＪ　８６１／Ｔ，ｐＨ"), "HJ 861/T，pH");
    }

    #[test]
    fn a_document_named_by_its_issuing_number() {
        let n = super::issued_numbers("绍兴市生态环境局2025年第3号公告对印染企业有什么要求？");
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].written, "绍兴市生态环境局2025年第3号公告");
        assert_eq!(n[0].core, "2025年第3号");
        let n = super::issued_numbers("按照环发[2014]197号，总量指标怎么审核？");
        assert_eq!(n[0].core, "〔2014〕197号");
        assert_eq!(n[0].written, "环发〔2014〕197号");
        let n = super::issued_numbers("生态环境部令第11号是什么？");
        assert_eq!(n[0].core, "令第11号");
        // A year, a count, an article: no issuing number.
        assert!(super::issued_numbers("2025年第3季度的监测数据").is_empty());
        assert!(super::issued_numbers("GB 4287-2012表2第3号排口").is_empty());
    }

    #[test]
    fn why_questions_ask_a_reason_and_why_must_questions_a_rule() {
        assert!(asks_reason("定型机废气为什么容易冒白烟？"));
        assert!(asks_reason("排污许可证申请被退回来，一般都是什么原因？"));
        assert!(!asks_reason("排污许可证的有效期是多久？"));
        assert_eq!(
            everyday_act("厂里污水站处理过的水能不能拿来喝？").map(|a| a.0),
            Some("喝")
        );
        assert_eq!(
            everyday_act("喝的水的水源一级保护区里，能不能开个染厂？"),
            None
        );
        assert_eq!(
            everyday_act("环评批复文件能不能寄快递到厂里？").map(|a| a.0),
            Some("寄")
        );
        assert_eq!(
            everyday_act("排污权有偿使用的费用，可以用信用卡付吗？").map(|a| a.0),
            Some("付")
        );
        assert!(asks_why_must("为什么不能在饮用水水源保护区设排污口？"));
        assert!(asks_why_must(
            "为什么绍兴的印染企业都要集中到滨海工业区去？"
        ));
        assert!(!asks_why_must("定型机废气为什么容易冒白烟？"));
        // 作为什么: what a thing is taken as, not why.
        assert!(!asks_reason(
            "浙江的大气环境质量限期达标规划，执行情况被省人民政府拿来作为什么？"
        ));
        assert!(!asks_reason("会商意见及其采纳情况作为什么的依据？"));
        assert!(!asks_why_must("这类废物要认定为什么类别？"));
    }

    #[test]
    fn why_a_text_was_made_is_asked_by_the_making_right_before_its_title() {
        let titles = vec![
            "排污许可管理条例".to_owned(),
            "中华人民共和国生态环境法典".to_owned(),
            "纺织染整工业水污染物排放标准".to_owned(),
        ];
        let of = |q: &str| purpose_of_text(q, &titles);
        assert_eq!(
            of("国家为什么要制定排污许可管理条例？").as_deref(),
            Some("排污许可管理条例")
        );
        assert_eq!(
            of("《排污许可管理条例》的立法目的是什么？").as_deref(),
            Some("排污许可管理条例")
        );
        assert_eq!(
            of("为什么要制定《中华人民共和国生态环境法典》？").as_deref(),
            Some("生态环境法典")
        );
        // A standard has no first article; the making of another thing is not asked.
        assert_eq!(of("为什么要制定纺织染整工业水污染物排放标准？"), None);
        assert_eq!(of("排污许可管理条例为什么要求企业制定自行监测方案？"), None);
    }

    #[test]
    fn the_local_rules_of_a_province_no_text_is_of_are_unheld() {
        let held = vec![
            "浙江省水污染防治条例".to_owned(),
            "纺织染整工业水污染物排放标准".to_owned(),
        ];
        assert_eq!(
            unheld_province("江苏省的印染企业执行什么地方水污染物排放标准？", &held),
            Some("江苏")
        );
        // The province whose texts are held, and a question that asks no local rule.
        assert_eq!(unheld_province("浙江省的地方标准有哪些？", &held), None);
        assert_eq!(
            unheld_province("江苏的印染企业间接排放限值是多少？", &held),
            None
        );
        // 江西 inside 浙江西部 is no province.
        assert_eq!(unheld_province("浙江西部当地的规定是什么？", &held), None);
        // A comparison with a province's rules.
        assert_eq!(
            unheld_province("绍兴印染厂的环保要求比江苏那边严还是松？", &held),
            Some("江苏")
        );
        assert_eq!(
            unheld_province("绍兴的要求和浙江其他地方一样吗？", &held),
            None
        );
    }

    #[test]
    fn past_events_are_asked_as_such() {
        assert!(asks_past_events("2023年柯桥出过哪些印染废水污染事故？"));
        assert!(asks_past_events("曹娥江发生过几起污染事件？"));
        assert!(!asks_past_events("发生突发环境事件后，企业应当怎么做？"));
        assert!(!asks_past_events("企业被处罚过还能不能申请排污许可证？"));
    }

    #[test]
    fn the_clauses_that_ask_nothing_set_the_scene() {
        assert_eq!(
            scene_clauses("有个工人举报厂里偷排，老板一气之下把他辞退了，这样做要承担责任吗？")
                .scene,
            ["有个工人举报厂里偷排", "老板一气之下把他辞退了"]
        );
        // A question in one clause, or in clauses that all ask, sets no scene.
        assert!(scene_clauses("排污许可证有效期是多少年？").scene.is_empty());
        assert!(
            scene_clauses("锅炉颗粒物限值是多少，二氧化硫呢？")
                .scene
                .is_empty()
        );
        // A time in the story asks nothing.
        assert_eq!(
            scene_clauses("污水站里有硫化氢，前几天有工人头晕，运行在安全上有什么要求？").scene,
            ["污水站里有硫化氢", "前几天有工人头晕"]
        );
        // Nor is the story's clause a part of a question in several parts.
        assert!(parts("污水站里有硫化氢，前几天有工人头晕，运行在安全上有什么要求？").is_empty());
        // A verdict asked of a claim asks the claim, from who holds it.
        let claim = scene_clauses(
            "某企业被柯桥分局以分局自己的名义罚了款，企业认为分局只是市局的派出机构，不能以自己的名义处罚，这个说法成立吗？",
        );
        assert_eq!(
            claim.scene,
            [
                "某企业被柯桥分局以分局自己的名义罚了款",
                "分局只是市局的派出机构"
            ]
        );
        assert_eq!(claim.asked, ["不能以自己的名义处罚"]);
        assert_eq!(claim.frame, ["企业认为", "这个说法成立吗？"]);
        // A claim said in one clause is asked without who holds it.
        assert_eq!(
            scene_clauses("有人说印染污泥都是危险废物，这个说法对吗？").asked,
            ["印染污泥都是危险废物"]
        );
        // Who said it at a clause's end, and a verdict said alone ("靠谱吗", "是不是真的").
        let claim = scene_clauses(
            "帮我们编环评报告表的咨询公司说，报告里的结论出了问题跟建设单位没关系，这话有道理吗？",
        );
        assert_eq!(claim.asked, ["报告里的结论出了问题跟建设单位没关系"]);
        assert_eq!(
            claim.frame,
            ["帮我们编环评报告表的咨询公司说", "这话有道理吗？"]
        );
        let claim = scene_clauses("有人讲燃气锅炉烧的是干净的天然气，烟囱做多高都无所谓，靠谱吗？");
        assert_eq!(claim.asked, ["烟囱做多高都无所谓"]);
        assert_eq!(claim.scene, ["燃气锅炉烧的是干净的天然气"]);
        assert!(claim_judged(&clauses_of("据说危废可以放一年半，是不是真的？")).is_some());
        // In a place the asker names.
        assert!(
            claim_judged(&clauses_of(
                "污水站的师傅说设施运行情况不用记录，在浙江是这样吗？"
            ))
            .is_some()
        );
        assert!(!verdict_alone("在浙江大气污染防治条例里是这样吗"));
        // Who says it before a 说 inside the clause, what is said after it; not 说明.
        let claim = scene_clauses("老师傅说我们厂的废水是纳管排的，总氮就不用管了，有道理吗？");
        assert_eq!(claim.scene, ["我们厂的废水是纳管排的"]);
        assert_eq!(claim.asked, ["总氮就不用管了"]);
        assert!(holder_end("报告里说明了防渗措施").is_none());
        // A reason given for the claim (反正…, 省点…) is one of its reasons, in a clause of its
        // own or inside another; the claim is what the holder's clause says.
        let claim = scene_clauses(
            "老板说废气处理设备晚上关掉一会儿，反正没人知道，省点电费不要紧，这话对吗？",
        );
        assert_eq!(claim.asked, ["废气处理设备晚上关掉一会儿"]);
        assert_eq!(claim.reasons, ["反正没人知道", "省点电费不要紧"]);
        let claim = scene_clauses("老板说废气处理设施反正平时没人来查，拆掉也没关系，这话对吗？");
        assert_eq!(claim.asked, ["拆掉也没关系"]);
        assert_eq!(claim.scene, ["废气处理设施"]);
        assert_eq!(claim.reasons, ["反正平时没人来查"]);
        // Not when 反正 leads the claim itself.
        let claim = scene_clauses("老板说活性炭吸附箱反正每年换一次就够了，这话对吗？");
        assert_eq!(claim.asked, ["活性炭吸附箱反正每年换一次就够了"]);
        assert!(claim.reasons.is_empty());
        // A count of what there is now; not one of a year named.
        assert_eq!(
            asks_current_total("绍兴的印染企业一共有多少家？"),
            Some('家')
        );
        assert_eq!(
            asks_current_total("2017年全市一共有多少家印染企业搬迁？"),
            None
        );
        assert_eq!(asks_current_total("印染企业有多少家？"), None);
        // What the subject is asked to do.
        assert_eq!(
            duty_asked("印染厂生产中产生恶臭气体，企业应当采取哪些措施？"),
            Some("采取哪些措施")
        );
        assert_eq!(duty_asked("应当采取哪些措施？"), None);
        // What is said need not be done.
        assert_eq!(
            duty_denied("有人说一般工业固废不用记台账，靠谱吗？"),
            Some("记台账")
        );
        assert_eq!(duty_denied("危废仓库不需要贴标签吗？"), Some("贴标签"));
        assert_eq!(duty_denied("一般工业固废要记台账吗？"), None);
        // A claim that a thing is fine asks whether it may be done.
        assert!(claims_allowed(
            "有人讲一般固废贮存场渗滤液直接排放没事，靠谱吗？"
        ));
        assert!(!claims_allowed(
            "有人说印染污泥都是危险废物，这个说法对吗？"
        ));
        assert!(!claims_allowed("渗滤液直接排放没事吧"));
        // The price asked.
        assert_eq!(
            price_asked("第三方监测机构的收费标准由哪个文件规定？"),
            Some("收费标准")
        );
        assert_eq!(price_asked("环评公司一般收价格多少？"), Some("价格"));
        assert_eq!(price_asked("污水处理费应当覆盖哪些成本？"), None);
        assert_eq!(price_asked("一吨蒸汽的成本会高多少？"), Some("成本"));
        // A claim gone on with in a clause that reads as asked (是否…不影响).
        assert!(claims_allowed(
            "有人说环评报告表交上去就可以先开工，是否批准下来不影响，这个说法对吗？"
        ));
        // The asker saying what its works is, after the claim, sets the claim's scene.
        let claim =
            scene_clauses("车间主任说初期雨水直接排掉就行，我们是绍兴的印染厂，他说得对吗？");
        assert_eq!(claim.asked, ["初期雨水直接排掉就行"]);
        assert_eq!(claim.scene, ["我们是绍兴的印染厂"]);
        assert!(!says_what_we_are("我们是不是要重新报批"));
        // Not a claim the asker's works makes of itself ("我们就不用办证").
        let claim = scene_clauses("老板说我们厂规模小，我们就不用办排污许可证，对吗？");
        assert_eq!(claim.asked, ["我们就不用办排污许可证"]);
        // One named by 有人说 holds the claim before a text that 说 something.
        assert_eq!(
            scene_clauses("环评报告里说要建事故池，我们没建，有人说没关系，这种说法对吗？").asked,
            ["没关系"]
        );
        // A claim held by 以为, judged as a 看法, and the last of two claims judged by 谁说得对.
        assert_eq!(
            scene_clauses("老板一直以为只要白天达标就行，晚上超一点没事，是这样吗？").asked,
            ["晚上超一点没事"]
        );
        assert!(claim_judged(&clauses_of("主任认为桶盖敞着也没关系，这种看法对吗？")).is_some());
        assert_eq!(
            scene_clauses(
                "我们把染色工艺换了，环保局的人说要重新报批，我们觉得不算什么大事，谁说得对？"
            )
            .asked,
            ["不算什么大事"]
        );
        // A verdict on what was done is not one on a claim.
        assert_eq!(
            scene_clauses("老板认为没事，把危废堆在露天，这样做对吗？").asked,
            ["这样做对吗？"]
        );
        // A statement asks nothing: no clause is its question.
        assert!(
            scene_clauses("厂里新上了一台锅炉，已经投产")
                .scene
                .is_empty()
        );
    }

    #[test]
    fn a_question_on_new_works_says_so_and_one_on_built_works_does_not() {
        assert!(about_new_works(
            "在曹娥江的重点保护区里面还能不能新建一家印染厂？"
        ));
        assert!(about_new_works("禁燃区内能不能扩建锅炉？"));
        assert!(!about_new_works("重点保护区内已建成的印染企业要怎么处理？"));
        assert!(!about_new_works("现有企业新建一条生产线执行哪个表？"));
        assert!(!about_new_works("厂界噪声夜间限值多少？"));
        // Read after the spoken words are written: 新开一家 is 新建, 新开发区 no new works.
        let written = crate::spoken::in_written_words;
        assert!(about_new_works(&written("保护区里能不能新开一家印染厂？")));
        assert!(!about_new_works(&written("新开发区的印染项目要做环评吗？")));
    }

    #[test]
    fn a_term_that_only_names_the_document_is_told_apart() {
        let q = "GB 8978-1996的纸质版在哪里能买到？";
        assert!(super::names_document("gb", q));
        assert!(super::names_document("8978-1996", q));
        assert!(!super::names_document("纸质", q));
        let q = "《污水综合排放标准》规定第一类污染物在哪里采样？";
        assert!(super::names_document("污水综合排放标准", q));
        assert!(!super::names_document("第一类污染物", q));
        assert!(!super::names_document("gb", "第一类污染物在哪里采样"));
    }

    #[test]
    fn an_edition_named_in_a_title_is_read_with_its_year() {
        assert_eq!(
            super::named_editions(
                "《建设项目环境影响评价分类管理名录（2025年版）》里印染是什么类别？"
            ),
            vec![(
                "建设项目环境影响评价分类管理名录".to_owned(),
                "2025".to_owned()
            )]
        );
        assert_eq!(
            super::named_editions("《环境保护综合名录(2021 年版)》"),
            vec![("环境保护综合名录".to_owned(), "2021".to_owned())]
        );
        assert!(super::named_editions("《排污许可管理条例》第十四条").is_empty());
    }

    #[test]
    fn a_number_to_dial_is_asked_by_its_amount_or_its_name() {
        assert!(super::asks_number_to_dial("生态环境局的投诉电话是多少？"));
        assert!(super::asks_number_to_dial("举报电话号码"));
        assert!(!super::asks_number_to_dial("投诉举报电话由谁受理？"));
    }

    #[test]
    fn licences_and_certificates_are_named_by_their_endings() {
        for t in [
            "营业执照",
            "排污许可证",
            "资格证书",
            "上岗证",
            "危险废物经营许可证",
        ] {
            assert!(super::names_licence(t), "{t}");
        }
        for t in ["证书", "执照", "证明", "排污许可"] {
            assert!(!super::names_licence(t), "{t}");
        }
    }

    #[test]
    fn a_value_measured_in_practice_is_asked_apart_from_the_rule_on_it() {
        for q in [
            "印染厂定型机废气里的油烟浓度一般实测有多高？",
            "印染厂废水的实际排放浓度一般是多少？",
            "退浆废水的COD一般有多高？",
            "印染废水的B/C比一般在多少？",
        ] {
            assert!(super::asks_measured(q), "{q}");
        }
        for q in [
            "单位产品实际排水量超过基准排水量时，怎样判定是否达标？",
            "实测浓度要按基准含氧量折算吗，折算到多少？",
            "定型机废气油烟的排放限值是多少？",
            "退浆废水的COD排放限值一般有多高？",
        ] {
            assert!(!super::asks_measured(q), "{q}");
        }
    }

    #[test]
    fn how_long_questions_ask_a_duration() {
        for q in [
            "危险废物最多能贮存多久？",
            "排污许可证的有效期是几年？",
            "要在多少个工作日内作出决定？",
            "台账保存几个月？",
        ] {
            assert!(super::asks_duration(q), "{q}");
        }
        for q in ["罚款多少？", "烟囱要几米高？", "几类区的夜间限值是多少？"]
        {
            assert!(!super::asks_duration(q), "{q}");
        }
        assert!(super::asks_period("一本环评报告书一般要做多久才能做完？"));
        // 一次 before the period asked is one term, not how often.
        assert!(super::asks_period("河道采砂许可证一次有效期是几年？"));
        assert!(!super::asks_period(
            "某企业认为超标排放那几天属于异常情况，那几天排的污染物不用计入排放量，这个说法对吗？"
        ));
        assert!(!super::asks_period(
            "有人说在饮用水水源保护区里临时堆几天废渣不算违法，这个说法对吗？"
        ));
        // A clause that opens on 过几 asks after how long; one that tells a story does not.
        assert!(super::asks_period(
            "记进社会诚信档案的大气违法记录，过几年能删掉？"
        ));
        assert!(!super::asks_period(
            "过几天环保局要来检查，要准备什么材料？"
        ));
        assert!(!super::asks_period(
            "在绍兴，厂里的废料能不能先堆在河岸坡上，过几天再拉走？"
        ));
        for q in [
            "废水总氮多久测一次？",
            "厂界噪声多长时间检测一次？",
            "固废堆场边上的土，多长时间要测一回？",
            "污水站里有硫化氢，前几天有工人头晕，有什么要求？",
            "厂子几年前就建好了，现在要补什么手续？",
        ] {
            assert!(!super::asks_period(q), "{q}");
        }
    }

    use super::*;

    #[test]
    fn a_frequency_is_asked_with_how_often_once() {
        assert!(asks_frequency("跟踪检查一般多久来一次？"));
        assert!(asks_frequency("废水总氮一年要测几次？"));
        assert!(!asks_frequency("河道采砂许可证一次有效期是几年？"));
        assert!(!asks_frequency(
            "师傅说设施修过几次不用记下来，在浙江是这样吗？"
        ));
        assert!(!asks_frequency("排污许可证有效期是几年？"));
    }

    #[test]
    fn a_destination_is_asked_with_where_to() {
        assert!(asks_destination("测噪声的仪器要送到哪里去检定？"));
        assert!(asks_destination("应急预案做好以后，要交到哪里备案？"));
        assert!(!asks_destination("锅炉烟囱高度是从哪里算到哪里？"));
        assert!(!asks_destination("第一类污染物在哪里采样？"));
        assert!(asks_measured("定型机废气里的油烟浓度一般有多少？"));
        assert!(!asks_measured("定型机废气的油烟限值一般有多少？"));
    }

    #[test]
    fn a_yes_no_question_asks_whether_of_the_act_before_its_ma() {
        assert_eq!(
            asked_whether_act("污水管网没按雨污分流建，能交付使用吗？"),
            Some("能交付使用")
        );
        assert_eq!(asked_whether_act("交付使用的条件是什么？"), None);
    }

    #[test]
    fn splits_questions_that_ask_several_things() {
        assert_eq!(
            parts("排污许可证有效期是几年？延续申请应在届满前多少日提出？").len(),
            2
        );
        // A part that asks only for the answer's basis is no part: every answer cites it.
        assert!(parts("省里能不能对别的污染物实行排放总量控制？依据哪一条？").is_empty());
        assert!(parts("报告书的审批期限是多少天？法律依据是什么？").is_empty());
        assert_eq!(
            parts("报告书和报告表的审批期限分别是多少天？"),
            [
                "报告书的审批期限分别是多少天",
                "报告表的审批期限分别是多少天"
            ]
        );
        assert_eq!(
            parts("伪造排污许可证和以欺骗手段取得排污许可证，分别罚款多少？"),
            [
                "伪造排污许可证，分别罚款多少",
                "以欺骗手段取得排污许可证，分别罚款多少"
            ]
        );
        assert_eq!(
            parts("III类水里阴离子表面活性剂和六价铬分别不能超过多少？"),
            vec!["III类水里阴离子表面活性剂", "III类六价铬分别不能超过多少"]
        );
        assert!(parts("排污许可证有效期是几年？").is_empty());
        // 各 before its noun asks of no part: "…的和" is a sum.
        assert!(parts("排水总量比各产品产量乘基准排水量的和还小，按什么判定达标").is_empty());
        assert_eq!(parts("报告书和报告表的审批期限各是多少天？").len(), 2);
        assert_eq!(
            parts("排污登记表信息发生变动的应当在多少日内变更，排污登记表的有效期是几年？").len(),
            2
        );
        assert!(parts("排污单位对指标有异议的，应在多少日内复核？").is_empty());
    }

    #[test]
    fn reads_who_acts_and_what_is_asked_of_a_rule() {
        assert_eq!(
            actor("生态环境监测机构对监测数据弄虚作假的，罚款多少？"),
            Some("生态环境监测机构")
        );
        assert_eq!(actor("排污许可证有效期是几年？"), None);
        assert_eq!(
            actor("监测数据是生态环境监测机构造假的，这公司罚多少？"),
            Some("生态环境监测机构")
        );
        assert_eq!(
            actor("按照环评法，技术单位编制的报告书有严重质量问题的，编制人员怎么处理？"),
            Some("技术单位")
        );
        assert_eq!(
            actor("依据《水污染防治法》，排污单位未安装自动监测设备的，罚款多少？"),
            Some("排污单位")
        );
        assert_eq!(actor("未取得排污许可证排放污染物的，罚款多少？"), None);
        assert_eq!(
            actor(
                "按照《环境保护法》，未取得排污许可证排放污染物，被责令停止排污拒不执行的，怎么处理？"
            ),
            None
        );
        assert!(asks_sanction(
            "生态环境监测机构对监测数据弄虚作假的，罚款多少？"
        ));
        assert!(!asks_sanction("环评文件未经批准的建设项目能不能开工？"));
        assert!(asks_sanction(
            "绍兴环保局的工作人员在大气污染防治上失职了，会受到什么处理？"
        ));
        assert!(!asks_sanction(
            "《大气污染防治法》规定重点排污单位对自动监测数据负有什么责任？"
        ));
        assert_eq!(
            without_duty_words("排污单位对环境管理台账负有什么责任？"),
            "排污单位对环境管理台账 ？"
        );
        assert!(asks_sanction(
            "环评法规定环境影响评价机构弄虚作假的，要承担什么责任？"
        ));
        assert_eq!(
            duty_holder(
                "按《环境保护法》，环境保护主管部门对排污单位进行现场检查时，被检查者应当怎么做？"
            ),
            Some("被检查者")
        );
        assert_eq!(duty_holder("建设单位应当在什么时候报批环评文件？"), None);
        assert_eq!(
            duty_holder("环保部门来厂里现场检查，我们被检查者有什么义务？"),
            Some("我们被检查者")
        );
        assert!(asks_responsibility(
            "企业和它的负责人要对监测数据负什么责任？"
        ));
        assert!(!asks_responsibility("企业要承担什么法律责任？"));
        assert!(asks_purpose("绩效分级的结果拿来做什么用？"));
        assert_eq!(
            names_a_day("明天绍兴会不会发布重污染天气橙色预警？"),
            Some("明天")
        );
        assert_eq!(names_a_day("重污染天气预警由谁发布？"), None);
        assert_eq!(
            names_a_day("绍兴印染企业去年一共交了多少环境保护税？"),
            Some("去年")
        );
        assert_eq!(names_a_day("今年8月15日起施行的法典有几编？"), None);
        assert_eq!(names_a_day("法典是今年八月施行的吗？"), None);
        assert_eq!(names_a_day("楼下周边居民装修夜间还在敲"), None);
        assert_eq!(names_a_day("下周还要交吗？"), Some("下周"));
        // A day that dates a story's deed, when its fine is asked, is no day asked of.
        assert_eq!(
            asks_of_a_day("今年的有毒有害物质排放情况一直没报，叫改也不改，罚多少？"),
            None
        );
        assert_eq!(
            asks_of_a_day("去年厂里超标排放，被罚了多少钱？"),
            Some("去年")
        );
        assert_eq!(
            asks_of_a_day("今年厂里被查了几次，罚款一共多少？"),
            Some("今年")
        );
        assert_eq!(
            asks_of_a_day("明天绍兴会不会发布重污染天气橙色预警？"),
            Some("明天")
        );
        // Nor does a day that dates a story whose asked clause asks what a rule requires.
        assert_eq!(
            asks_of_a_day("老板说明年把燃煤锅炉换成燃气锅炉，新锅炉的烟囱至少要多高？"),
            None
        );
        assert_eq!(
            asks_of_a_day("上个月环保局来抽测，氨氮实际测出来是多少？"),
            Some("上个月")
        );
        // Whether what was done to the works was allowed: the rule says, whatever the month.
        assert_eq!(
            asks_of_a_day("上个月厂里偷偷生产，执法人员当场把设备查封了，可以吗？"),
            None
        );
        // Whether the works may be made to do something, in a year the story dates.
        assert_eq!(
            asks_of_a_day("今年大旱，河里的水质达不到功能区要求，政府能不能让我们厂限产或者停产？"),
            None
        );
        assert_eq!(asks_of_a_day("明天能不能去河边钓鱼？"), Some("明天"));
        assert!(asks_only_may("他们有这个权力吗") && !asks_only_may("可以罚多少"));
        assert!(asks_which_firm("柯桥有哪几家公司拿到了危废经营许可证？"));
        assert_eq!(
            how_often_act("开式循环冷却水系统的冷却塔多久要清洗一次？").as_deref(),
            Some("清洗")
        );
        assert_eq!(
            how_often_act("固废堆场边上的土，多长时间要测一回？").as_deref(),
            Some("测")
        );
        assert_eq!(how_often_act("排污许可证多久有效？"), None);
        assert_eq!(
            how_often_act("法兰这类连接件多久要做一次VOCs泄漏检测？"),
            None
        );
        assert!(asks_firm_status(
            "我们厂的环评报告是三年前做的，当时那家环评公司现在还在不在？"
        ));
        assert!(!asks_firm_status("排污许可证过了五年还在不在有效期内？"));
        assert!(reports_system_fault(
            "排污许可证编号在全国平台上怎么查不到了？"
        ));
        assert!(!reports_system_fault("排污许可证编号由谁生成？"));
        assert!(!asks_which_firm("哪些企业应当实施强制性清洁生产审核？"));
        assert!(!asks_purpose("用什么方法监测？"));
        assert_eq!(
            asked_act("修好以后，维修单位要给车主提供什么？"),
            Some("维修单位要给车主提供")
        );
        assert_eq!(asked_act("要采取什么措施？"), None);
        assert_eq!(asked_act("什么？"), None);
        assert!(asks_permission("环评文件未经批准的建设项目能不能开工？"));
        assert!(!asks_permission("排污许可证有效期是几年？"));
        assert_eq!(
            without_permission_words("企业通过暗管排放污染物是否允许？"),
            "企业通过暗管排放污染物 ？"
        );
    }

    #[test]
    fn a_longer_title_names_a_document_only_with_what_its_own_title_adds() {
        assert!(title_names("排污许可管理条例", "排污许可管理条例"));
        assert!(title_names(
            "环境影响评价法",
            "中华人民共和国环境影响评价法"
        ));
        assert!(title_names("大气污染防治条例", "浙江省大气污染防治条例"));
        assert!(title_names(
            "浙江省纺织染整工业大气污染物排放标准",
            "纺织染整工业大气污染物排放标准（浙江省）"
        ));
        assert!(title_names(
            "纺织染整工业水污染物排放标准修改单",
            "《纺织染整工业水污染物排放标准》（GB 4287-2012）修改单"
        ));
        assert!(!title_names(
            "绍兴市环境影响评价公众参与办法",
            "环境影响评价公众参与办法"
        ));
        assert!(!title_names("排污许可管理条例实施细则", "排污许可管理条例"));
        assert!(!title_names(
            "浙江省环境保护法实施办法",
            "中华人民共和国环境保护法"
        ));
        assert!(!title_names(
            "浙江省建设项目环境保护管理条例",
            "建设项目环境保护管理条例"
        ));
        assert!(!title_names("排污许可管理办法", "排污许可管理条例"));
    }

    #[test]
    fn reads_titles_written_without_brackets_only_where_used_as_a_document() {
        assert_eq!(
            named("浙江省排污许可证管理实施细则对许可证有效期是怎么规定的？"),
            [Named::Title("浙江省排污许可证管理实施细则".to_owned())]
        );
        assert_eq!(
            named("按照浙江省建设项目环评审批管理办法，报告表的审批时限是几个工作日？"),
            [Named::Title("浙江省建设项目环评审批管理办法".to_owned())]
        );
        assert_eq!(
            named("绍兴市大气污染防治条例第十条规定了什么？"),
            [Named::Article(
                "绍兴市大气污染防治条例".to_owned(),
                "第十条".to_owned()
            )]
        );
        // A province or city that requires something is no title.
        assert!(named("浙江省规定哪些单位应当申领排污许可证后才能排放水污染物？").is_empty());
        assert!(named("绍兴市对产生重污染的企业厂区雨水有什么要求？").is_empty());
        assert!(named("绍兴市重点排污单位未按规定期限保存自动监测数据的怎么处罚？").is_empty());
        assert!(named("浙江省重点排污单位应当公开哪些大气环境信息？").is_empty());
        // Without an issuer: where it opens the question or follows 按照…, before 里/中/规定….
        assert_eq!(
            named("排污证管理办法里说排污证能转让吗？"),
            [Named::Title("排污证管理办法".to_owned())]
        );
        assert_eq!(
            named("建设项目环境保护管理条例第十七条规定，竣工后由谁验收？"),
            [Named::Article(
                "建设项目环境保护管理条例".to_owned(),
                "第十七条".to_owned()
            )]
        );
        assert!(named("排污证到期了要续，得提前多少天申请？").is_empty());
        assert!(named("重点排污单位应当按照监测方案开展自行监测吗？").is_empty());
        assert!(named("固废填埋场施工方案里写的环保条款和责任，以后拿来做什么的依据？").is_empty());
    }

    #[test]
    fn finds_what_a_list_question_lists_and_about_whom() {
        assert_eq!(
            list_noun("浙江省重点排污单位应当公开哪些大气环境信息？").as_deref(),
            Some("信息")
        );
        assert_eq!(
            list_noun("哪些单位只需要填报排污登记表？").as_deref(),
            Some("单位")
        );
        assert_eq!(
            subject("浙江省重点排污单位应当公开哪些大气环境信息？"),
            Some("浙江省重点排污单位")
        );
        assert_eq!(subject("排污许可证有效期是几年？"), None);
        // The 应 of a word (应急) states no duty; a modal 应 after it still does.
        assert_eq!(subject("重污染天气应急预案做好以后要向哪里备案？"), None);
        assert_eq!(
            subject("企业的应急预案应报哪里备案？"),
            Some("企业的应急预案")
        );
        assert_eq!(
            acted_on("按照《环境影响评价法》，建设项目的生态环境影响报告书由谁审批？"),
            Some("建设项目的生态环境影响报告书")
        );
        assert_eq!(acted_on("谁负责审批报告书？"), None);
        // The standing of a thing: what comes before its place or verb in the asking clause.
        assert_eq!(
            role_term("按排污许可管理条例，排污许可证在环保部门监管排污单位时是什么地位？")
                .as_deref(),
            Some("排污许可证")
        );
        assert_eq!(
            role_term("跨省会商的意见，在审批的时候算什么？").as_deref(),
            Some("跨省会商的意见")
        );
        // A kind asked (算什么产品) is not a standing; nor a question word.
        assert_eq!(role_term("这种布在名录里算什么产品？"), None);
        assert_eq!(role_term("这算什么？"), None);
        assert_eq!(
            defined_term("中的水污染是什么意思？").as_deref(),
            Some("水污染")
        );
        assert_eq!(
            defined_term("所称的工业噪声是指什么？").as_deref(),
            Some("工业噪声")
        );
        assert_eq!(
            defined_term("什么是危险废物？").as_deref(),
            Some("危险废物")
        );
        assert_eq!(
            defined_term("里说的单位产品基准排水量到底是什么意思？").as_deref(),
            Some("单位产品基准排水量")
        );
        assert_eq!(
            defined_term("什么样的废物才算危险废物？").as_deref(),
            Some("危险废物")
        );
        assert_eq!(
            defined_term("法典说的噪声敏感建筑物包括哪些建筑物？").as_deref(),
            Some("噪声敏感建筑物")
        );
        assert_eq!(
            defined_term("法典里的工业固体废物是怎么定义的？").as_deref(),
            Some("工业固体废物")
        );
        assert_eq!(defined_term("这样才算达标吗？"), None);
        assert_eq!(
            defined_term("我们厂扩建要连夜浇混凝土，晚上几点到几点算夜间？").as_deref(),
            Some("夜间")
        );
        assert_eq!(
            defined_term("夜间是指几点到几点？").as_deref(),
            Some("夜间")
        );
        assert_eq!(
            defined_term("隔壁厂半夜机器响个不停，这种情况算噪声污染吗？").as_deref(),
            Some("噪声污染")
        );
        assert_eq!(
            defined_term("印染厂的污泥算不算危险废物，要怎么判断？").as_deref(),
            Some("危险废物")
        );
        assert_eq!(
            defined_term("法典里讲的噪声敏感建筑物，指的是哪些房子？").as_deref(),
            Some("噪声敏感建筑物")
        );
        assert_eq!(
            defined_term("什么样的有机液体算挥发性有机液体？蒸气压门槛是多少").as_deref(),
            Some("挥发性有机液体")
        );
        assert_eq!(defined_term("怎样计算排气筒的排放速率"), None);
        assert_eq!(defined_term("排污许可证有效期是几年？"), None);
        assert_eq!(
            topic("水污染防治法规定，实行排污许可管理的企业应当对所排放的水污染物做什么？"),
            Some("实行排污许可管理的企业")
        );
    }

    #[test]
    fn a_how_many_question_counts_in_its_unit() {
        assert_eq!(count_unit("柯桥区有几个印染产业集聚区？"), Some('个'));
        assert_eq!(count_unit("交接断面水质应当达到几类标准？"), Some('类'));
        assert_eq!(count_unit("名录里现在有几块印染厂的地？"), Some('块'));
        // A document's length: no rule on what it must hold gives its pages.
        assert_eq!(count_unit("整改报告一般写几页？"), Some('页'));
        assert_eq!(count_unit("环评报告书交上去，要装订成几册？"), Some('册'));
        assert_eq!(count_unit("专家库里一共有多少名专家？"), Some('名'));
        assert_eq!(count_unit("环评报告书的正文要用几号字？"), Some('号'));
        // A floor: where in a building, which no text gives.
        assert_eq!(count_unit("生态环境局的审批科在几楼？"), Some('楼'));
        assert_eq!(
            count_unit("生态环境损害赔偿磋商一般要谈几轮才能谈成？"),
            Some('轮')
        );
        assert_eq!(count_unit("厂里污水池的池壁要刷几遍防水涂料？"), Some('遍'));
        assert_eq!(count_unit("多少批复过了五年还没开工？"), None);
        assert_eq!(count_unit("师傅说设施修过几次不用记下来，是这样吗？"), None);
    }

    #[test]
    fn a_person_by_name_or_a_ranking_of_places_is_asked() {
        assert!(asks_which_person("绍兴市生态环境局的法定代表人是谁？"));
        assert!(asks_which_person(
            "我们厂的排污许可证是哪个工作人员审批的？"
        ));
        // The body that acts is no person by name.
        assert!(!asks_which_person("排污许可证由哪个部门审批？"));
        assert!(asks_ranking("柯桥哪个镇的印染厂最多？"));
        assert!(asks_ranking("绍兴哪个区的环评审批最快？"));
        // A table's classes compared: no place ranked.
        assert!(!asks_ranking("2类区和3类区哪个区夜间限值最低？"));
        assert!(!asks_ranking("柯桥哪个镇有印染厂？"));
        assert!(asks_ranking("哪种染料的印染废水最难处理？"));
        assert!(asks_ranking("厂里剪下来的布头边角料卖给谁最赚钱？"));
        assert!(!asks_ranking("哪种染料属于高污染产品？"));
    }

    #[test]
    fn a_length_a_height_placed_or_a_size_is_asked() {
        assert!(asks_size("印染厂的污水管道要埋多深？"));
        assert!(asks_size("排污口的标志牌要挂多高？"));
        // 法典第三百一十七条 says a boundary marker is set up, not how tall.
        assert!(asks_size("饮用水水源保护区边界的地理界标要立多高？"));
        assert!(asks_size("施工工地的围挡至少要做多高？"));
        assert!(asks_size("危废贮存场所门口的警示标志要做多大尺寸？"));
        assert!(asks_size(
            "GB 18599-2020 对危险废物填埋场防渗层的厚度要求是多少？"
        ));
        assert!(!asks_size("推荐了哪几种印染废水深度处理技术？"));
        // A level, not a length: a value answers it.
        assert!(!asks_size("排气筒出来的苯，浓度最多多高？"));
        assert!(!asks_size("贮存场的面积要多大？"));
        assert!(asks_size("施工工地门口的扬尘公示牌上，字要写多大？"));
        assert!(!asks_size("超标排放对周边的影响有多大？"));
    }

    #[test]
    fn where_to_buy_is_asked_past_its_modal_words() {
        assert!(asks_where_to_buy("污水站的罗茨风机坏了，配件去哪里买？"));
        assert!(asks_where_to_buy("GB 8978-1996的纸质版在哪里能买到？"));
        assert!(!asks_where_to_buy("排污权可以向谁购买？"));
        assert!(!asks_where_to_buy("危废送到哪里处置？"));
    }

    #[test]
    fn an_a_not_a_question_asks_whether_of_its_verb() {
        assert_eq!(a_not_a_verb("柯桥的印染厂现在还招不招染色工？"), Some('招'));
        assert_eq!(
            a_not_a_verb("整治没达到目标，那里新增排污总量的项目还批不批？"),
            Some('批')
        );
        // Modal verbs say their rule otherwise (禁止, 可以), and 在 is in every passage.
        assert_eq!(
            a_not_a_verb("把废水偷偷灌进渗坑里排掉，法典里准不准？"),
            None
        );
        assert_eq!(a_not_a_verb("厂房先开工盖起来，这样行不行？"), None);
        assert_eq!(a_not_a_verb("当时那家环评公司现在还在不在？"), None);
        assert_eq!(a_not_a_verb("排污许可证怎么申请？"), None);
    }

    #[test]
    fn a_licence_with_a_latin_name_is_that_licence() {
        assert_eq!(
            latin_licence("网上申请排污许可证要不要先办CA证书？").as_deref(),
            Some("ca证书")
        );
        assert_eq!(latin_licence("排污许可证要不要年审？"), None);
        assert_eq!(latin_licence("GB 4287规定的证书"), None);
    }

    #[test]
    fn a_year_is_asked_as_such() {
        assert!(asks_year("全国排污许可证管理信息平台是哪一年上线的？"));
        assert!(asks_year("曹娥江大闸是哪年建成的？"));
        assert!(!asks_year("什么时候申请延续？"));
    }

    #[test]
    fn a_difference_is_asked_as_such() {
        assert!(asks_difference("浙江省对印染企业的要求比国家标准严多少？"));
        assert!(asks_difference("烟囱要比楼高多少？"));
        assert!(!asks_difference("比例是多少？"));
        assert!(!asks_difference("直接排放的限值是多少？"));
    }

    #[test]
    fn an_area_is_asked_as_such() {
        assert!(asks_area("曹娥江流域水环境重点保护区的面积有多大？"));
        // A threshold of area asks the rule that sets it.
        assert!(!asks_area("占地面积多少以上的项目要做报告书？"));
        assert!(!asks_area("重点保护区有多宽？"));
    }

    #[test]
    fn a_revision_named_is_read_with_its_year() {
        assert_eq!(
            named_revisions("《环境影响评价法》2026年修正版第五条是怎么写的？"),
            vec![(bare_title("环境影响评价法"), 2026)]
        );
        assert_eq!(
            named_revisions("《中华人民共和国环境影响评价法（2018年修正）》第五条"),
            vec![(bare_title("中华人民共和国环境影响评价法"), 2018)]
        );
        assert!(named_revisions("《环境影响评价法》第五条是怎么写的？").is_empty());
        // A year that is not the revision's ("《环境影响评价法》在2026年8月废止").
        assert!(named_revisions("《环境影响评价法》在2026年8月废止以后修正了吗").is_empty());
    }

    #[test]
    fn a_fee_s_amount_is_asked_apart_from_its_rule() {
        assert!(asks_fee_amount("在绍兴，工业用水的水资源费一吨收多少？"));
        assert!(asks_fee_amount("厂界噪声检测费要交多少？"));
        assert!(!asks_fee_amount("取水单位要不要缴纳水资源费？"));
        assert!(!asks_fee_amount("技术评估的费用由谁承担？"));
        assert!(!asks_fee_amount("不交排污费罚多少？"));
    }

    #[test]
    fn a_number_to_dial_is_asked_by_which_telephone() {
        assert!(asks_number_to_dial(
            "隔壁厂晚上机器吵，打哪个电话投诉最快？"
        ));
        assert!(asks_number_to_dial("环保投诉电话是多少？"));
        assert!(!asks_number_to_dial("环保部门应当公布哪些举报渠道？"));
    }

    #[test]
    fn which_article_now_is_no_part_of_its_own() {
        assert!(
            parts("大气污染防治法第八十条对产生恶臭气体的企业有什么要求？现在法典是哪一条？")
                .is_empty()
        );
        assert_eq!(
            parts("排污许可证有效期是几年？延续要提前多少天申请？").len(),
            2
        );
    }

    #[test]
    fn the_act_a_who_did_it_question_asks_is_read() {
        let act = |q: &str| act_of_whom(q);
        assert_eq!(
            act("排污许可管理条例是哪个部门负责起草的？"),
            Some(vec!["起草".to_owned()])
        );
        assert_eq!(
            act("重点管控新污染物清单是谁制定公布的？"),
            Some(vec!["制定".to_owned(), "公布".to_owned()])
        );
        assert_eq!(
            act("GB 8978-1996是哪位专家主持编写的？"),
            Some(vec!["编写".to_owned()])
        );
        assert_eq!(
            act("绍兴的高污染燃料禁燃区是哪个部门划定的？"),
            Some(vec!["划定".to_owned()])
        );
        assert_eq!(
            act("GB 4287-2012的表2限值是哪几位专家测算出来的？"),
            Some(vec!["测算".to_owned()])
        );
        // Not a who-did-it question, or no act after the one who did it.
        assert_eq!(act("排污许可证由哪个部门核发？"), None);
        assert_eq!(act("这事归谁管的话，找谁？"), None);
        // Done as a duty: for ranking only.
        assert_eq!(
            act_by_whom("建设项目环境影响评价分类管理名录由哪个部门负责解释？"),
            Some(vec!["解释".to_owned()])
        );
        assert_eq!(
            act_by_whom("排污许可证由哪个部门核发？"),
            Some(vec!["核发".to_owned()])
        );
        assert_eq!(
            act_by_whom("排污许可管理条例是哪个部门负责起草的？"),
            Some(vec!["起草".to_owned()])
        );
        assert_eq!(act_by_whom("哪个部门负责解释？"), None);
        assert_eq!(act_by_whom("由哪个部门管，罚多少？"), None);
    }

    #[test]
    fn a_time_of_day_is_asked_by_its_hour() {
        assert!(asks_clock_time("排污许可证申请系统晚上几点关闭？"));
        assert!(asks_clock_time("夜间是指几点到几点？"));
        assert!(asks_clock_time("曹娥江大闸每天几点开闸放水？"));
        assert!(!asks_clock_time("审查意见一般有几点？"));
        assert!(!asks_clock_time("报告书要写明哪几点内容？"));
    }

    #[test]
    fn a_share_and_a_trend_are_asked_as_such() {
        assert!(asks_share(
            "绍兴印染企业的废水排放量占全市工业废水排放量的多少？"
        ));
        assert!(asks_share("印染行业的用水占比多少？"));
        assert!(!asks_share("占地面积多少以上要做环评报告书？"));
        assert!(!asks_share("排气筒多少米高？"));
        assert!(asks_trend("曹娥江流域的印染企业这几年是多了还是少了？"));
        assert!(asks_trend("曹娥江的水质这几年是变好了还是变差了？"));
        // How a law changed is answered by the succession table.
        assert!(!asks_trend("法典里的罚款比旧法是提高了还是降低了？"));
        assert!(!asks_trend("排放量增加了要重新报批吗？"));
        assert!(asks_opinion("你怎么看绍兴把印染企业都集中到柯桥的做法？"));
        assert!(asks_opinion("你觉得我们厂现在上中水回用项目划算吗？"));
        assert!(!asks_opinion("地表水水质怎么评价？"));
        assert!(!asks_opinion("你觉得我们厂要不要办排污许可证？"));
        assert_eq!(count_unit("排污许可证有效期是几年？"), None);
        assert_eq!(count_unit("只有几台织机的织造厂，排污许可怎么管？"), None);
        assert_eq!(count_unit("好几个车间要不要分别办证？"), None);
        // A number said roughly, and 几 in a clause that asks yes or no, ask no count.
        assert_eq!(
            count_unit("测出来的厂界噪声比背景噪声高了十几个分贝，测量值还要修正吗？"),
            None
        );
        assert_eq!(count_unit("园区里有几十家印染厂，要不要统一监测？"), None);
        assert_eq!(count_unit("几个测点的测量结果能不能合在一起评价？"), None);
        assert_eq!(count_unit("厂界要布几个测点？"), Some('个'));
        assert_eq!(count_unit("罚款多少？"), None);
        assert_eq!(count_unit("今年一共核发了多少张排污许可证？"), Some('张'));
        // Which ones, not how many.
        assert_eq!(count_unit("环保部门用哪几种方式检查企业？"), None);
    }

    #[test]
    fn which_question_lists_a_thing_a_funds_question_asks_a_sum_an_ellipsis_borrows() {
        assert_eq!(
            which_object("清单里现在一共列了哪几种全氟化合物？"),
            Some("全氟化合物")
        );
        assert_eq!(which_object("要履行哪些义务？"), Some("义务"));
        assert_eq!(which_object("图形标志按哪个标准设置？"), None);
        // The stages of a thing, which the answer lists (设计、施工、验收).
        assert_eq!(
            which_object("环保部门对建设项目的环保设施要监督检查哪些环节？"),
            None
        );
        // One of a kind asked by name (to the clause's end: its key terms are what a passage
        // must name one of).
        assert_eq!(
            which_object("印染废水生化处理用哪种菌种效果最好？"),
            Some("菌种效果最好")
        );
        assert_eq!(
            which_object("绍兴市区具体哪几条河段禁止垂钓？"),
            Some("河段")
        );
        assert_eq!(which_object("绍兴哪些地方禁止开采矿产资源？"), None);
        assert_eq!(which_object("渗漏监控系统至少由哪些东西组成？"), None);
        assert_eq!(which_object("通过哪些机制来实现？"), Some("机制"));
        assert_eq!(which_object("取样连接系统可以采用哪几种方式？"), None);
        assert_eq!(which_object("哪些？"), None);
        assert_eq!(which_object("危废经营许可证去哪个窗口办？"), Some("窗口"));
        assert!(asks_funds("浙江今年燃煤锅炉改天然气有多少补贴？"));
        assert!(!asks_funds("超标排放罚款多少？"));
        assert!(elliptical("II类场又要用什么？"));
        assert!(elliptical("那间接排放呢"));
        assert!(!elliptical("延续申请应当在多少日前提出"));
    }

    #[test]
    fn the_part_without_the_special_requirement_asks_the_general_one() {
        let split = parts("装载的废气，一般要求处理效率不低于多少？按特别控制要求呢？");
        assert_eq!(split.len(), 2);
        assert!(general_case(&split[0], &split));
        assert!(!general_case(&split[1], &split));
        // No split: nothing special is asked.
        let plain = parts("排污许可证有效期是几年？延续申请应在多少日前提出？");
        assert!(!general_case(&plain[0], &plain));
        assert!(is_case_split(&split) && !is_case_split(&plain));
        assert!(special_case(&split[1], &split));
    }

    fn groups(words: &[&str]) -> Vec<Vec<String>> {
        words.iter().map(|w| vec![(*w).to_owned()]).collect()
    }

    #[test]
    fn a_follow_up_by_ellipsis_asks_the_first_question_of_the_other_case() {
        // The special case: the first part's terms and the part's own word for it, not its
        // frame (执行, 地方).
        let split = parts("新建染厂直接排放，悬浮物限值是多少？在执行特别排放限值的地方呢？");
        let first = groups(&["新建", "直接排放", "悬浮物", "限值"]);
        let own = groups(&["新建", "执行", "特别排放限值", "地方", "限值"]);
        assert_eq!(
            case_terms(&split[1], &split, &own, &first),
            Some(groups(&[
                "新建",
                "直接排放",
                "悬浮物",
                "限值",
                "特别排放限值"
            ]))
        );
        // The other of a pair: 新建 for 在用, I类场 for II类场.
        let first = groups(&["在用", "燃油锅炉", "二氧化硫", "限值"]);
        assert_eq!(
            counterpart_terms("新建的呢", &groups(&["在用", "新建", "限值"]), &first),
            Some(groups(&["新建", "燃油锅炉", "二氧化硫", "限值"]))
        );
        let first = groups(&["I类场", "有机质", "含量"]);
        assert_eq!(
            counterpart_terms("II类场呢", &groups(&["II类场"]), &first),
            Some(groups(&["II类场", "有机质", "含量"]))
        );
        // A fuel said short (燃煤) is the other of a boiler named whole (燃油锅炉).
        assert_eq!(
            counterpart_terms(
                "新建燃煤锅炉房3吨的呢",
                &groups(&["燃油锅炉", "燃煤", "锅炉房"]),
                &groups(&["燃油锅炉", "烟囱", "最低"])
            ),
            Some(groups(&["燃煤", "烟囱", "最低"]))
        );
        // Not said by ellipsis, or naming no other: no change.
        assert_eq!(counterpart_terms("新建的限值是多少", &own, &first), None);
        assert_eq!(
            counterpart_terms("燃油的呢", &groups(&["燃油"]), &first),
            None
        );
    }

    #[test]
    fn a_short_name_names_the_document() {
        assert!(title_names(
            "曹娥江流域条例",
            "浙江省曹娥江流域水环境保护条例"
        ));
        assert!(!title_names(
            "浙江省环境保护条例",
            "浙江省曹娥江流域水环境保护条例"
        ));
        assert!(!title_names(
            "柯桥区大气污染防治条例",
            "绍兴市大气污染防治条例"
        ));
    }

    #[test]
    fn a_what_question_names_its_kind_of_thing() {
        assert_eq!(
            what_object("印染厂的污水处理工需要持什么证上岗？").as_deref(),
            Some("证")
        );
        // 哪个 asks for a kind as 什么 does.
        assert_eq!(
            what_object("排污许可证的证书编号是按什么规则编的？").as_deref(),
            Some("规则")
        );
        assert_eq!(what_object("绍兴市对严重污染大气的项目有什么规定？"), None);
        assert_eq!(
            what_object("拒不改正的，生态环境部门可以采取什么强制措施？"),
            None
        );
        assert_eq!(
            what_object("技术评估报告上要盖哪个章才有效？").as_deref(),
            Some("章")
        );
        assert_eq!(
            what_object("排放污染物的企业应当缴纳什么税？").as_deref(),
            Some("税")
        );
        assert_eq!(what_object("VOCs物料储存有什么要求？"), None);
        assert_eq!(what_object("渗滤液收集池防渗要做到什么程度？"), None);
        assert_eq!(what_object("开口阀或者开口管线要配什么东西封住？"), None);
        assert_eq!(
            what_object("印染废水里的硫化物用什么方法测定？").as_deref(),
            Some("法")
        );
        assert_eq!(what_object("绩效分级的结果拿来做什么用？"), None);
        assert_eq!(what_object("法典对做出显著成绩的单位有什么说法？"), None);
        assert_eq!(what_object("应当在什么条件下进行？"), None);
        assert_eq!(what_object("应当以什么为根据？"), None);
        assert_eq!(what_object("新建印染企业苯胺类排放限值是什么？"), None);
        assert_eq!(what_object("建设单位应当在什么时候报批？"), None);
        assert_eq!(what_object("排污费现在变成交什么了？"), None);
        assert_eq!(what_object("能不能晚上施工？有什么例外？"), None);
        assert_eq!(what_object("除了罚款还得负责把什么做了？"), None);
    }

    #[test]
    fn a_digest_that_speaks_of_a_standard_holds_it() {
        let hit = |doc_type: &str, text: &str| Hit {
            doc: "排污许可证申请与核发技术规范 纺织印染工业".into(),
            clause: "自行监测 HJ 879-2017".into(),
            text: text.into(),
            doc_number: Some("HJ 861-2017".into()),
            doc_type: doc_type.into(),
            context: None,
            snippet: String::new(),
            score: 1.0,
            source: "test".into(),
            page: None,
            chunk_id: "t".into(),
            status: None,
            repealed: None,
        };
        let digest = hit(
            "digest",
            "排污单位自行监测技术指南 纺织印染工业（HJ 879-2017）：规定废水",
        );
        for named in named("HJ 879规定的总氮监测频次")
            .into_iter()
            .chain(named("HJ 879-2017规定的总氮监测频次"))
            .chain(named("《排污单位自行监测技术指南 纺织印染工业》规定的频次"))
        {
            assert!(digest_covers(&named, &digest, false), "{named:?}");
            assert!(!hit_is(&named, &digest), "{named:?}");
        }
        let other = named("HJ 87规定的频次");
        assert!(other.is_empty(), "{other:?}");
        assert!(!digest_covers(
            &Named::Number("HJ87".into()),
            &digest,
            false
        ));
        let approval = hit("approval", "自行监测执行HJ 879-2017");
        assert!(!digest_covers(
            &Named::Number("HJ879".into()),
            &approval,
            false
        ));
        // A digest that names an edition only as the one it replaced holds nothing it set,
        // but answers what replaced it.
        let replaced = hit("digest", "实施日期2013-01-01，代替GB 4287-92。");
        let q = "GB 4287-92 老标准里化学需氧量的直接排放限值是多少？";
        assert!(!digest_covers(&named(q)[0], &replaced, asks_succession(q)));
        for q in ["GB 4287-92被哪个标准代替了？", "GB 4287-92现在还有效吗？"] {
            let n = &named(q)[0];
            assert!(digest_covers(n, &replaced, asks_succession(q)), "{q}");
        }
        assert!(asks_applicability(
            "用库房和桶贮存一般工业固体废物，适用GB 18599-2020吗？"
        ));
        assert!(asks_applicability("锅炉烟气能不能按GB 16297-1996执行？"));
        assert!(!asks_applicability(
            "缫丝厂的废水执行GB 4287-2012表2的哪一列限值？"
        ));
        let repealed = hit("digest", "自实施之日起，GB 8978-88同时废止");
        assert!(!digest_covers(
            &named("GB 8978-88的限值")[0],
            &repealed,
            false
        ));
    }

    #[test]
    fn a_kind_of_works_is_read_off_before_its_act() {
        let q = "实行排污许可重点管理的企业不如实公开污染物排放信息，罚款多少？";
        let end = kind_of_works_end(q).expect("a kind of works");
        assert!(q[end..].starts_with("不如实公开"), "{}", &q[end..]);
        // Not a works named alone, nor one the clause ends on.
        assert_eq!(kind_of_works_end("企业偷排废水，罚多少？"), None);
        assert_eq!(kind_of_works_end("偷排废水的企业，罚多少？"), None);
    }

    #[test]
    fn reads_what_a_question_names() {
        assert_eq!(
            standard_numbers("GB 4287-2025规定的限值"),
            vec!["GB4287-2025"]
        );
        assert_eq!(
            standard_numbers("DB33/1234-2023规定"),
            vec!["DB33/1234-2023"]
        );
        assert!(
            standard_numbers("GB 4287 表2").is_empty(),
            "no year: not a named edition"
        );
        assert_eq!(standard_families("GB 4287 表2"), vec!["GB4287"]);
        assert_eq!(standard_families("按照GB 31572，限值"), vec!["GB31572"]);
        assert_eq!(standard_families("DB33/962对定型机"), vec!["DB33/962"]);
        assert!(standard_families("GB 4287-2012").is_empty());
        assert!(
            standard_families("GB 12 表").is_empty(),
            "too short to be a number"
        );
        assert_eq!(Named::Number("GB31572".into()).label(), "GB 31572");
        assert_eq!(
            Named::Number("GB/T4754-2017".into()).label(),
            "GB/T 4754-2017"
        );
        assert_eq!(Named::Number("DB33/962".into()).label(), "DB33/962");
        assert_eq!(
            named("《排污许可管理条例》第九十条规定了什么？"),
            vec![Named::Article("排污许可管理条例".into(), "第九十条".into())]
        );
        assert_eq!(
            named("《中华人民共和国环境影响评价法》规定"),
            vec![Named::Title("环境影响评价法".into())]
        );
        assert_eq!(
            named("按照《排污许可管理条例》第14条"),
            vec![Named::Article("排污许可管理条例".into(), "第十四条".into())]
        );
    }
}
