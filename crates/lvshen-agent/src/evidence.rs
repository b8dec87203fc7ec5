//! From search hits to evidence: the question's key terms, the relevance gate that decides
//! whether the knowledge base can answer at all, and the focused passages (the sentences or
//! table cells of each hit that bear on the question) the model is shown.

use jieba_rs::Jieba;
use lvshen_search::{Hit, analyzer, synonyms};

use crate::question::bare_title;

/// Words that say what kind of answer is wanted, not what it is about.
pub(crate) const QUESTION_WORDS: &[&str] = &[
    "多少",
    "什么",
    "什么样",
    "哪些",
    "哪个",
    "是否",
    "怎么",
    "怎样",
    "如何",
    "为什么",
    "几",
    "多久",
    "多长时间",
    "一回",
    "底下",
    "人家",
    "起来",
    "那些",
    "这些",
    // Spoken words around the subject: "许可证上面写明", "有个仓库", "一块河塘", "顺便带几个
    // 人", "这段河上", "万一出事故".
    "上面",
    "有个",
    "一块",
    "哪一年",
    // "按法典的说法", "这件事上", "…才能领到": how the question frames what it asks.
    "说法",
    "这件",
    "才能",
    // "能不能因此解除劳动合同", "能不能因为这个跟他解除劳动合同": how the question ties its
    // parts together, and whom it points back to.
    "因此",
    "因为",
    "跟他",
    "和他",
    "给他",
    "把他",
    "让他",
    // "开口阀或者开口管线": what joins the things asked of, not a thing.
    "或者",
    // "…基准排水量到底是什么意思": how hard the question asks, not what.
    "到底",
    "究竟",
    // "已经封场的堆场": when the thing was done, not what it is.
    "已经",
    // "…，不用重新申领，这个说法成立吗": the asker's word for a duty denied, which no text
    // writes (they say 不需要, 无需, 免予).
    "不用",
    // "挂不挂标志无所谓", "这事跟自己没关系": the asker's words for a duty denied, and for
    // the thing told before.
    // "我们厂虽然是重点管理单位，但…": how the asker ties a concession to the claim.
    "虽然",
    "虽说",
    "但是",
    "无所谓",
    "没关系",
    "不要紧",
    "没必要",
    "这事",
    "此事",
    "这件事",
    // "这话有道理吗", "…，靠谱吗", "是不是真的": the verdict asked of what was said.
    "这话",
    "此话",
    "道理",
    "靠谱",
    "可信",
    "属实",
    "真的",
    // "我们老板一直以为…", "这种看法对吗", "…，谁说得对": who holds a claim and the verdict
    // asked of it; "晚上稍微超一点没事", "不算什么大事": how much the claim makes of it. (Not
    // 觉得 nor 认为: "你觉得…合理吗" asks the agent's opinion, which no text holds.)
    "以为",
    "看法",
    "想法",
    "人说",
    "说得对",
    "稍微",
    // "可以随便混着堆": how freely (随便倒, 随便填 are read as the texts' words first).
    "随便",
    "没事",
    "来得及",
    "来不及",
    "不算什么",
    "大事",
    // "原来的环评还管用吗", "原来的排污证": which one, not what it is.
    "原来",
    // Pronouns: who, in the asker's words ("异味害了他们"), and what ("这样做要承担责任吗").
    "这样",
    "这么",
    "他们",
    "她们",
    "它们",
    "咱们",
    "哪几种",
    "哪几类",
    "哪几项",
    "哪几个",
    "顺便",
    "这段",
    // "这条河", "那条路": which one the asker points at, not what it is.
    "这条",
    "那条",
    "万一",
    "打算",
    // "现在…变成什么了": how the answer is sought, not what it is about.
    "变成",
    "一直",
    // "平时不用的时候": when as a rule, which no text says of its own rule.
    "平时",
    // "厂子挪个地方照样可以开工", "晚上关掉一会儿": all the same, and for a while — how the
    // asker plays the act down, not what it is.
    "照样",
    "一会儿",
    // "反正没人来查": the reason a claim is made, not what it claims.
    "反正",
    "多长",
    "多高",
    "吗",
    "呢",
    "吧",
    "请问",
    "请",
    "一下",
    "说明",
    "介绍",
    "解释",
    "规定",
    "要求",
    "需要",
    "应当",
    "应该",
    "可以",
    "能否",
    "是",
    "有",
    "对",
    "在",
    "的",
    "了",
    "和",
    "与",
    "或",
    "及",
    "中",
    "里",
    "对于",
    "关于",
    "按照",
    "根据",
    "哪里",
    "时候",
    "具体",
    "相关",
    "有关",
    "情况",
    "问题",
    "内容",
    "那",
    "那么",
    "这个",
    "那个",
    "其",
    "该",
    "它",
    "谁",
    "由谁来",
    // "最后由谁来处理", "后来被查出来了", "首先应当做什么": when, in the asker's story.
    "最后",
    "后来",
    "首先",
    // "当场把设备查封了": when, in the asker's story.
    "当场",
    // "听说有的省…": where the asker heard it.
    "听说",
    "据说",
    "何",
    "哪天",
    "哪一天",
    "哪年",
    "怎么办",
    "标准",
    "企业",
    "项目",
    "单位",
    "值",
    "多大",
    "去年",
    "今年",
    "方面",
    "义务",
    // Spoken fillers: "…的话", "控制在多少以内", "交上去以后", "除了罚款还会…".
    "的话",
    "以内",
    "之内",
    "以后",
    "之后",
    "除了",
    "还会",
    "还要",
    "还得",
    "得",
    "交上去",
    "报上去",
    "咋",
    "咋办",
    "啥",
    "东西",
    "啥子",
    "门口",
    // A modal glued to a verb by the segmenter: "要设什么标志", "要交什么材料".
    "要设",
    "要交",
    "要填",
    "要办",
    "要做",
    "要报",
    "报给",
    // Spoken words around what is asked (还是, 那边, 一共) or that say the kind of answer
    // (最多, 封顶, 多远, a unit).
    "只有",
    "出来",
    "下来",
    // Directions of a spoken verb the segmenter cuts off it ("排进去的水" → 排, 进去).
    "进去",
    "下去",
    "出去",
    "过去",
    "回来",
    "怎么样",
    // A count of one glued to a verb ("开个小染坊", "搞个仓库").
    "开个",
    "搞个",
    "开始",
    "人会",
    "还是",
    // "采样在设施前面还是后面": the side asked, which the texts say with one character
    // (GB 13271 5.1.3: 应在该设施后监测).
    "前面",
    "后面",
    "挨着",
    "那边",
    "这边",
    "那里",
    "一共",
    "总共",
    "里面",
    "最少",
    "最多",
    "最多能",
    "封顶",
    "顶天",
    "起码",
    "那种",
    "这种",
    "旁边",
    "边上",
    "各个",
    // How a spoken question sets its case ("要是三类水", "有人把…挪了").
    "没有",
    "自己",
    "干啥",
    "做啥",
    "干什么",
    // A count of one ("上一台锅炉", "建一座"): never the subject.
    "一台",
    "一座",
    "一根",
    "一套",
    "一家",
    "多重",
    "哪种",
    "哪类",
    "哪一种",
    "哪一类",
    "哪样",
    "要是",
    "如果",
    "假如",
    "有人",
    "不能",
    "一个",
    // The asker's knowing, how a story is told ("后来才知道那个厂没办登记证").
    "知道",
    // A degree ("调低一点", "少交一点").
    "一点",
    "被查",
    "能排",
    "能放",
    "放到",
    "管到",
    "多远",
    "毫克",
    "立方",
    "立方米",
];

/// Substances named by one character: a pollutant a limit is asked for ("排气筒出来的苯").
const SUBSTANCES: &str = "苯汞铅镉铬砷镍铜锌锰银硒铍钡钴钒铊锡氟氰酚";

/// Adverbs, particles, negations and the verb 做 of spoken questions ("5年后才开工", "批下来就",
/// "洗毛的厂做什么环评", "堆的煤没做"): never part of a word the segmenter missed.
const FUNCTION: &str = "才就都也还再又很被把给让会要能去来了过着后前时里上下中内外已将做未没经";

/// `tokens` with each pair of single Chinese characters that the question writes together
/// joined into one word: what the segmenter does not know it cuts into characters ("几天年假"
/// → 几天, 年, 假), and a single character is no term, so the question's subject (年假) would
/// be lost — and an off-topic question answered from its other words. Particles and adverbs
/// (的, 有, 才, 后…) are not joined, nor longer runs (厂名改: spoken words, not one word).
fn join_single_characters(tokens: Vec<String>, question: &str) -> Vec<String> {
    let single = |t: &str| {
        t.chars().count() == 1
            && t.chars()
                .all(|c| !c.is_ascii() && c.is_alphanumeric() && !FUNCTION.contains(c))
            && !QUESTION_WORDS.contains(&t)
            && !synonyms::STOP_WORDS.contains(&t)
    };
    // A pair becomes one word; a lone character or a longer run stays as it was.
    let flush = |run: &mut Vec<String>, out: &mut Vec<String>| {
        if run.len() == 2 {
            out.push(run.concat());
        } else {
            out.append(run);
        }
        run.clear();
    };
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut run: Vec<String> = Vec::new();
    for t in tokens {
        if single(&t) && (run.is_empty() || question.contains(&format!("{}{t}", run.concat()))) {
            run.push(t);
            continue;
        }
        flush(&mut run, &mut out);
        if single(&t) {
            run.push(t);
        } else {
            out.push(t);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Characters a spoken verb phrase opens with: an adverb, a modal, a negation or the copula
/// (就响, 先排, 能比, 没拿到, 算不, 最多罚, 是从, 只做, 得存).
const FRAGMENT_OPENS: &str = "就先还都再才能会没算也又刚别最是只得";

/// What a spoken verb phrase ends with: a result or direction complement, or a particle
/// (漏出来, 摆在, 拿到, 算不, 灌进, 交给).
const FRAGMENT_ENDS: [&str; 18] = [
    "出来", "下来", "起来", "出去", "进来", "过来", "上来", "到", "在", "着", "过", "完", "不",
    "掉", "住", "了", "进", "给",
];

/// Whether a key term has the shape of a piece of a spoken verb phrase: two or three
/// characters opening with an adverb, a modal or a negation, or ending with a complement
/// ("漏出来的浓度测出来多少算不合格" gives 漏出来 and 算不; "就响一下", "先排了" give 就响 and
/// 先排). Such a piece that no passage holds is how the question is said, not what it is
/// about (the agent drops it, see `Agent::ask`); one the texts hold (达到, 超过) is a term.
/// A term the synonym table knows is never one.
pub fn verb_fragment(term: &str) -> bool {
    let n = term.chars().count();
    if !(2..=3).contains(&n)
        || !synonyms::expand(term).is_empty()
        || !term.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return false;
    }
    term.chars()
        .next()
        .is_some_and(|c| FRAGMENT_OPENS.contains(c))
        || FRAGMENT_ENDS
            .iter()
            .any(|e| term.ends_with(e) && term != *e)
}

/// Numerals a count opens with (一条, 两台, 10台).
const NUMERALS: &str = "一两二三四五六七八九十几0123456789";

/// Measure words of a count: 一条马路, 10台染缸, 翻一倍, 三家企业, 一种新的助剂.
const MEASURES: &str = "条倍台个家辆根座件种";

/// Whether a term is a count, a numeral and a measure word (一条, 一倍, 两台): how many of a
/// thing the question speaks of, not what it is about.
fn is_count(term: &str) -> bool {
    let chars: Vec<char> = term.chars().collect();
    chars.len() == 2 && NUMERALS.contains(chars[0]) && MEASURES.contains(chars[1])
}

/// Whether `segment` opens with a measure word that follows a numeral in `question`: the
/// segmenter's cut of a count and the next word ("10台加到20台" → 台加).
fn after_count(question: &str, segment: &str) -> bool {
    segment.chars().next().is_some_and(|c| MEASURES.contains(c))
        && question.match_indices(segment).any(|(at, _)| {
            question[..at]
                .chars()
                .next_back()
                .is_some_and(|c| NUMERALS.contains(c))
        })
}

/// The segments of `question` the dictionary does not know that hold an adverb or a
/// particle at one end: two characters of a spoken phrase the segmenter's HMM joined because
/// it could not place them ("几天内要改过来" → 内要, "多少天能批下来" → 天能). Such a segment
/// that no passage holds is an artifact of the cut, not what the question is about (the agent
/// drops it, see `Agent::ask`). An unknown segment of content characters (专精, 特新 of
/// 专精特新; 燃区 of 禁燃区) is no artifact: it is what the question asks about. Neither is a
/// word `key_terms` joins from single characters (年假 in "几天年假"), nor a term the synonym
/// table knows.
pub fn segment_artifacts(jieba: &Jieba, question: &str) -> Vec<String> {
    analyzer::terms(jieba, question)
        .into_iter()
        .filter(|t| {
            let chars: Vec<char> = t.chars().collect();
            chars.len() == 2
                && chars.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                && (FUNCTION.contains(chars[0])
                    || FUNCTION.contains(chars[1])
                    || after_count(question, t))
                && !jieba.has_word(t)
                && synonyms::expand(t).is_empty()
        })
        .collect()
}

/// A key term with its synonyms, the term first.
pub fn term_group(term: &str) -> Vec<String> {
    let mut group = vec![term.to_owned()];
    for s in synonyms::expand(term) {
        if !group.iter().any(|g| g == s) {
            group.push(s.to_owned());
        }
    }
    group
}

/// Whether every time `question` says `term` (two Han characters or more), a 非 that is not
/// 除非's stands right before it.
fn negated_in(question: &str, term: &str) -> bool {
    term.chars().count() >= 2
        && term.chars().all(lvshen_corpus::normalize::is_han)
        && !term.starts_with('非')
        && question.contains(term)
        && question.match_indices(term).all(|(at, _)| {
            let before = &question[..at];
            before.ends_with('非') && !before.ends_with("除非")
        })
}

/// The trade of a works a key term names by it: 服装 of 服装厂, 化工 of 化工厂. A question
/// names a plant by its trade, the texts by the trade's activity (机织服装制造) or as a 企业:
/// a works term that no passage holds stands for its trade (see `Agent::ask`). `None` for a
/// term that is no works, and for a works without a trade of two characters (小厂, 老厂).
pub fn works_trade(term: &str) -> Option<&str> {
    let stem = term.strip_suffix('厂')?;
    (stem.chars().count() >= 2 && stem.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .then_some(stem)
}

/// The terms of `question` that carry its subject (index terms, lower-cased), without
/// question words and stop words, each with its synonyms.
pub fn key_terms(jieba: &Jieba, question: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    // An article's label is one term: the segmenter cuts 第一千一百零二条 into 第一千, 一百零二
    // and 条是, which no passage holds as such.
    let (question, articles) = article_labels(question);
    // 哪天, 哪一天, 哪年 ask when, and are no terms: the segmenter cuts "从哪天起施行" into 从哪,
    // 天起 and 施行.
    // So are 哪一档, 哪一类 and 哪一种, which ask the kind: cut as 哪一 and 一档.
    // "不能超过多少" asks a limit as 多少 does: the table states it (≤0.2), not the verb.
    // "按法律规定必须买…": every text is a law; the frame names none of them.
    let question = [
        "按照法律的规定",
        "按法律的规定",
        "按照法律规定",
        "依照法律规定",
        "根据法律规定",
        "依据法律规定",
        "按法律规定",
        "法律上",
        "不能超过",
        "不得超过",
        "不应超过",
        "不超过",
        "不能高于",
        "不得高于",
        "不高于",
        "哪一天",
        "哪天",
        "哪年",
        "哪一档",
        "哪档",
        "哪一类",
        "哪一种",
        // "…，这个说法成立吗": the verdict asked of a claim, no term of it.
        "说法是否成立",
        "说法能否成立",
        "说法能成立",
        "说法成立",
        "观点是否成立",
        "观点成立",
        "看法成立",
    ]
    .iter()
    .fold(question, |q, w| q.replace(w, "，"));
    let question = apart_before_li(&question);
    let question = apart_before_an(&question);
    let question = question.as_str();
    let tokens = join_single_characters(analyzer::terms(jieba, question), question);
    let filler = |term: &str| {
        QUESTION_WORDS.contains(&term)
            // 几年, 几天, 多少天, 多久: the kind of answer, not its subject.
            || term.starts_with('几')
            || term.starts_with("多少")
            || is_count(term)
            // 百分之十: the value of a condition the question states, not its subject.
            || term.starts_with("百分之")
            || synonyms::STOP_WORDS.contains(&term)
    };
    // The search-mode pieces of a filler ("交上去" → 交上, 上去) are no terms either, where
    // the question says them only inside it.
    let fillers: Vec<&str> = tokens
        .iter()
        .map(String::as_str)
        .filter(|t| t.chars().count() >= 3 && filler(t))
        .collect();
    let inside_filler = |term: &str| {
        fillers.iter().any(|f| f.contains(term) && *f != term)
            && question.match_indices(term).all(|(at, _)| {
                fillers.iter().any(|f| {
                    question
                        .match_indices(f)
                        .any(|(start, _)| start <= at && at + term.len() <= start + f.len())
                })
            })
    };
    for term in &tokens {
        let term = term.trim().to_lowercase();
        // "非稳态噪声" is cut 非, 稳态: the term is what the question negates, 非稳态, which a
        // passage on 稳态噪声 does not hold ([`covered`]).
        let term = match negated_in(question, &term) {
            true => format!("非{term}"),
            false => term,
        };
        // "以什么为根据": the basis asked for is what the article says (以…为根据), not the
        // 根据 that frames a question.
        let basis = term == "根据" && question.contains("为根据");
        if term.is_empty()
            || (filler(&term) && !basis)
            || inside_filler(&term)
            || term.chars().all(|c| !c.is_alphanumeric())
        {
            continue;
        }
        // Single CJK characters carry little on their own (条, 年, 日), unless they name a
        // substance (苯, 汞: the pollutant a limit is asked for) or the synonym table names
        // them (锑: 总锑).
        if term.chars().count() == 1
            && !term
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || SUBSTANCES.contains(c))
            && synonyms::expand(&term).is_empty()
        {
            continue;
        }
        if out.iter().any(|group| group.contains(&term)) {
            continue;
        }
        out.push(term_group(&term));
    }
    // A class (2类区, Ⅲ类水质) or a table (表2) is one term: the segmenter cuts it into 2 and
    // 类区, and a table that says "2类60/50" holds neither 类区 nor a bare 2 that means the
    // class; a bare 2 is in every date.
    let classes = classes(question);
    if !classes.is_empty() {
        out.retain(|g| {
            !(g[0] == "类区"
                || g[0] == "类场"
                || g[0].starts_with("类水")
                || g[0] == "表"
                || classes.iter().any(|c| {
                    c.trim_end_matches('场')
                        .trim_end_matches('类')
                        .trim_start_matches('表')
                        .eq_ignore_ascii_case(&g[0])
                }))
        });
        for c in classes {
            if !out.iter().any(|g| g[0] == c) {
                out.push(vec![c]);
            }
        }
    }
    for a in articles {
        if !out.iter().any(|g| g[0] == a) {
            out.push(vec![a]);
        }
    }
    // "怎么罚", "罚多少": the one character is the sanction the question asks about.
    if question.contains('罚') && !out.iter().any(|g| g.iter().any(|t| t.contains('罚'))) {
        let mut group = vec!["罚款".to_owned()];
        group.extend(synonyms::expand("罚款").into_iter().map(str::to_owned));
        out.push(group);
    }
    // "哪一级部门", "什么级别": the answer names a level (设区的市级以上), not 一级 of a standard.
    if ["哪一级", "哪级", "什么级别", "哪个级别", "哪一层级"]
        .iter()
        .any(|w| question.contains(w))
    {
        out.retain(|g| g[0] != "一级" && g[0] != "级别" && g[0] != "层级");
        out.push(vec!["级".to_owned()]);
    }
    // Search-mode segmentation yields both 间接排放 and its parts 间接, 排放: keep the whole.
    let heads: Vec<String> = out.iter().map(|g| g[0].clone()).collect();
    // Not a class in another class: I类 is no part of II类.
    out.retain(|g| {
        let class = is_class_term(&compact(&g[0]));
        !heads.iter().any(|h| {
            h != &g[0]
                && h.chars().count() > g[0].chars().count()
                && h.contains(&g[0])
                && !(class && is_class_term(&compact(h)))
        })
    });
    out
}

/// Whether every 一般 in `question` hedges what it asks rather than begins a name the texts
/// use (一般工业…, 一般固废, 一般规定, 一般控制, 一般管控, 一般排放口…).
pub fn only_hedging_yiban(question: &str) -> bool {
    const NAMES: &[&str] = &[
        "工业",
        "固",
        "规定",
        "控制",
        "管控",
        "湿地",
        "环境",
        "排放口",
        "项目",
        "地区",
        "区域",
        "情况",
        "污染",
        "废",
        "的",
        "性",
        "事故",
        "程序",
        "水域",
    ];
    question.contains("一般")
        && question.match_indices("一般").all(|(at, w)| {
            let after = &question[at + w.len()..];
            // An accident's grade (一般大气污染事故: 一般, 较大, 重大…).
            let clause = &after[..after
                .find(['，', ',', '？', '?', '；', '。'])
                .unwrap_or(after.len())];
            !NAMES.iter().any(|n| after.starts_with(n)) && !clause.contains("事故")
        })
}

/// The question with its article labels (第十四条, 第1102条) blanked out, and the labels.
fn article_labels(question: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = question.chars().collect();
    let mut rest = String::new();
    let mut labels = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '第' {
            let n = chars[i + 1..]
                .iter()
                .take_while(|c| {
                    c.is_ascii_digit() || "零〇一二三四五六七八九十百千两".contains(**c)
                })
                .count();
            if n > 0 && chars.get(i + 1 + n) == Some(&'条') {
                labels.push(chars[i..i + n + 2].iter().collect::<String>());
                rest.push('，');
                i += n + 2;
                continue;
            }
        }
        rest.push(chars[i]);
        i += 1;
    }
    (rest, labels)
}

/// The classes and tables a question names: 2类 (of 2类区), Ⅲ类 (of Ⅲ类水质), 表2.
pub(crate) fn classes(question: &str) -> Vec<String> {
    let chars: Vec<char> = question.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c == '表' {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .collect();
            if !digits.is_empty() {
                out.push(format!("表{digits}"));
            }
        }
    }
    for (i, c) in chars.iter().enumerate() {
        if *c != '类' || i == 0 {
            continue;
        }
        // Roman numerals as Unicode (Ⅲ类) or as Latin capitals (III类, how the spoken layer
        // and most keyboards write them), but not the tail of a Latin word (PVC类).
        let numeral = |c: char| c.is_ascii_digit() || ('Ⅰ'..='Ⅻ').contains(&c);
        let latin = |c: char| matches!(c, 'I' | 'V' | 'X');
        let start = (0..i)
            .rev()
            .take_while(|&j| numeral(chars[j]))
            .last()
            .or_else(|| {
                let start = (0..i).rev().take_while(|&j| latin(chars[j])).last()?;
                (start == 0 || !chars[start - 1].is_ascii_alphabetic()).then_some(start)
            });
        if let Some(start) = start {
            // GB 18599's sites are I类场 and II类场, always so written: the class of a 场 is
            // not the class of a waste (第 II 类一般工业固体废物, which 6.1 on I类场 names).
            let end = if chars.get(i + 1) == Some(&'场') {
                i + 1
            } else {
                i
            };
            let class: String = chars[start..=end].iter().collect();
            if !out.contains(&class) {
                out.push(class);
            }
        }
    }
    out
}

/// Everything a hit says about itself, lower-cased and without spaces, for term matching.
pub fn haystack(hit: &Hit) -> String {
    let mut s = String::new();
    s.push_str(&hit.doc);
    if let Some(n) = &hit.doc_number {
        s.push_str(n);
    }
    s.push_str(&hit.clause);
    if let Some(c) = &hit.context {
        s.push_str(c);
    }
    s.push_str(&hit.text);
    compact(&s)
}

/// The province or city a local regulation's title opens with ("绍兴市水资源保护条例" → 绍兴市,
/// "浙江省曹娥江流域水环境保护条例" → 浙江省); empty for a national text.
pub fn place_of(doc: &str) -> &str {
    let doc = doc.trim_start_matches('《');
    doc.char_indices()
        .take(5)
        .find(|(_, c)| matches!(c, '省' | '市'))
        .map_or("", |(i, c)| &doc[..i + c.len_utf8()])
}

/// Lower-cased, without white space; Chinese numerals as digits.
pub fn compact(text: &str) -> String {
    crate::numerals::normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `hay` (compacted) holds one of the group's terms: as written, or — a compound of
/// four or more Chinese characters — as its two parts in order, a few characters apart in one
/// sentence ("燃油、燃气锅炉" holds 燃油锅炉, "大气环境质量和特征污染物监测" holds 环境监测).
pub fn covered(group: &[String], hay: &str) -> bool {
    group.iter().any(|t| {
        let t = compact(t);
        if is_class_term(&t) {
            return holds_class(hay, &t);
        }
        holds_unnegated(hay, &t) || split_compound_in(&t, hay)
    })
}

/// Whether `hay` holds `term` other than negated by a 非 right before it: GB 12348's 非稳态噪声
/// (5.4.3) is not the 稳态噪声 of 5.4.2, nor is 非甲烷总烃 甲烷. 除非 ("unless") negates
/// nothing. A question that says 非稳态 has that as its term ([`key_terms`]).
fn holds_unnegated(hay: &str, term: &str) -> bool {
    if term.starts_with('非')
        || term.chars().count() < 2
        || !term.chars().all(lvshen_corpus::normalize::is_han)
    {
        return hay.contains(term);
    }
    hay.match_indices(term).any(|(at, _)| {
        let before = &hay[..at];
        !before.ends_with('非') || before.ends_with("除非")
    })
}

/// The characters a class's numeral is written in, once compacted (Ⅱ类 → ii类).
fn class_numeral(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x')
}

/// Whether a compacted term is a class of `classes` (ii类, 2类).
pub fn is_class_term(term: &str) -> bool {
    let term = term.strip_suffix('场').unwrap_or(term);
    term.strip_suffix('类')
        .is_some_and(|n| !n.is_empty() && n.chars().all(class_numeral))
}

/// Whether `hay` names the class `class` itself: I类 is not held by "II类场", nor 1类 by 21类.
/// A table's number may stand right before a Roman class ("表1 III类", compacted 表1iii类).
fn holds_class(hay: &str, class: &str) -> bool {
    let digits = class.starts_with(|c: char| c.is_ascii_digit());
    hay.match_indices(class).any(|(at, _)| {
        !hay[..at].chars().next_back().is_some_and(|c| {
            if digits {
                c.is_ascii_digit()
            } else {
                c.is_ascii_alphabetic()
            }
        })
    })
}

/// The most characters a compound's parts may stand apart and still name it.
const COMPOUND_GAP: usize = 8;

fn split_compound_in(term: &str, hay: &str) -> bool {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < 4 || !chars.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
        return false;
    }
    (2..=chars.len() - 2).any(|cut| {
        let head: String = chars[..cut].iter().collect();
        let tail: String = chars[cut..].iter().collect();
        hay.match_indices(&head).any(|(i, _)| {
            let after = &hay[i + head.len()..];
            after
                .char_indices()
                .take_while(|(_, c)| !matches!(c, '。' | '；' | '，' | '：' | ';' | ',' | ':'))
                .take(COMPOUND_GAP + 1)
                .any(|(j, _)| after[j..].starts_with(&tail))
        })
    })
}

/// A word of three characters or more cut after its first two: 包装桶 → (包装, 桶), 燃气轮机 →
/// (燃气, 轮机). A shorter word is its own head, with no tail.
pub fn head_and_tail(term: &str) -> (String, String) {
    let chars: Vec<char> = term.chars().collect();
    if chars.len() < 3 {
        return (term.to_owned(), String::new());
    }
    (chars[..2].iter().collect(), chars[2..].iter().collect())
}

/// Whether a passage holds a word of three characters or more in its two parts, apart
/// ("包装桶" in "包装工具(罐、桶、包装袋等)"): the thing it names, said in other words.
pub fn loosely_held(term: &str, hay: &str) -> bool {
    let (head, tail) = head_and_tail(term);
    !tail.is_empty() && hay.contains(&head) && hay.contains(&tail)
}

/// Whether every sentence of `text` that names `word` puts it outside the document's scope
/// (不适用于…缫丝; 缫丝…工业另有 GB 28936), and one does.
pub fn puts_outside(text: &str, word: &str) -> bool {
    const OUTSIDE: [&str; 4] = ["不适用", "另有", "执行其他", "不执行"];
    let naming: Vec<&str> = text
        .split(['。', '；', ';'])
        .filter(|s| s.contains(word) || loosely_held(word, s))
        .collect();
    !naming.is_empty() && naming.iter().all(|s| OUTSIDE.iter().any(|o| s.contains(o)))
}

/// Words every environmental text is full of: they say little about whether a passage is
/// on the question's subject, so they weigh less in the relevance gate.
const GENERIC: &[&str] = &[
    "排放",
    "限值",
    "排放限值",
    "标准值",
    "处理",
    "类别",
    "环评",
    "环境影响评价",
    "废水",
    "废气",
    "污染物",
    "污染",
    "新建",
    "建设",
    "执行",
    "浓度",
    "管理",
    "环境",
    "设施",
    "工艺",
    "行业",
    "生产",
    "规定",
    "要求",
    "标准",
    "治理",
    "监测",
    "控制",
    "保护",
    "工业",
    // The asker's works (厂里 → 企业) and where in them (厂区, 车间): the frame of most questions,
    // seldom their subject.
    "厂里",
    "厂区",
    "车间",
    "排放标准",
    "水",
    // "III类水里": where, in a question on a water class's values.
    "水里",
    // The frame of a question on a category ("排污证属于哪一档管理"): the category's text
    // names the activity, not the verb.
    "属于",
    // "未经批准擅自取水": the negation says less than what was done without leave.
    "未经",
    // "作出行政处罚", "作出决定": the verb of whatever an authority decides.
    "作出",
    // "能不能直接倒进河里": how the act is done, an adverb (直接排放 is its own term).
    "直接",
    // "需要具备哪些条件": how a question asks for conditions, which every licence, grant or
    // status has; what they are conditions of is its subject ("申请高新技术企业认定需要具备哪些
    // 条件" is not answered by the conditions of a discharge permit).
    "具备",
    "条件",
    // "写报告的时候": a report of any kind (验收报告, 报告书, 执行报告), seldom which one.
    "报告",
];

/// Weight of a generic term in the relevance gate (a specific one weighs 1).
const GENERIC_WEIGHT: f64 = 0.5;

/// Whether a key term is specific (not one of the generic words that weigh half).
pub fn is_specific(group: &[String]) -> bool {
    weight(group) == 1.0
}

fn weight(group: &[String]) -> f64 {
    if group.iter().any(|t| GENERIC.contains(&t.as_str())) {
        GENERIC_WEIGHT
    } else {
        1.0
    }
}

/// What the ranking of hits knows about the question besides its terms.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    /// The question asks for past approvals (precedents): they are not demoted.
    pub approvals_wanted: bool,
    /// The question asks for a quantity: a passage that states no number cannot answer it.
    pub wants_number: bool,
    /// The question names an integrated standard that yields to the trade's own (GB 8978).
    pub names_integrated: bool,
    /// The question asks when (什么时候, 何时): a passage that sets a time (在开工建设前,
    /// 之前, 以后) answers it, one that only names the act does not.
    pub asks_when: bool,
    /// The question asks how long (多久, 几年, 多少天): a passage that states a period (一年,
    /// 三十日, 5个工作日) can answer it, one whose only numbers are labels or amounts cannot.
    pub asks_duration: bool,
    /// The kind of thing a list question asks for (哪些单位 → 单位): an article that lists
    /// that kind (下列企业事业单位) answers it, one that lists another kind (下列条件) does not.
    pub list_noun: Option<String>,
    /// The pollutants the question names by their names in the codes of the filing format
    /// (氮氧化物, 六价铬): a passage that names other pollutants and none of these states
    /// another pollutant's value (GB 16297 表2's row on 颗粒物 for a question on 氮氧化物).
    pub pollutants: Vec<String>,
    /// The specific terms of what a which-question asks to be listed (哪些举报渠道 → 举报, 渠道):
    /// a passage that lacks one of them lists something else (举报电话 but no 渠道).
    pub listed: Vec<Vec<String>>,
    /// A document the answer is sought in first: the Code, when the question names a law it
    /// replaced; the named law, when the question asks about the law as it was.
    pub prefer_doc: Option<String>,
    /// The key terms of who the question asks about (the words before its 应当): a passage
    /// that puts them before its own 应当 states that subject's duty; one that names them
    /// elsewhere (in an item of another body's duty) does not.
    pub subject: Vec<Vec<String>>,
    /// The word after the subject in a passage's sentence that says what the question asks
    /// of it: 应当 (its duty) by default, 由 when the question asks who acts on it ("报告书由谁
    /// 审批" → "报告书…，由建设单位…报…审批").
    pub subject_marker: SubjectMarker,
    /// The term the question asks the definition of: the article that defines it (本法所称X，
    /// 是指…) answers it, not one that defines another term naming it.
    pub defined: Option<String>,
    /// The names of a thing whose standing the question asks ([`crate::question::role_term`]):
    /// the passage that says what it is ("排污许可证是…的主要依据") answers it.
    pub role: Vec<String>,
    /// The question's topic as it wrote it (the last clause before its 应当 or 由谁,
    /// compacted): a passage with a sentence that opens with it, or says the whole of it, is
    /// about that very thing.
    pub topic: String,
    /// The question asks about a sanction: a liability article is what it asks for.
    pub sanction_asked: bool,
    /// The question asks whether something is allowed: an article that allows or forbids
    /// it (可以/不得/禁止) answers it, one that sanctions it does not.
    pub permission_asked: bool,
    /// The question asks what measures an authority may take ("…，环保部门可以对设备采取什么
    /// 措施"): the article that gives it the power (可以…查封、扣押) answers it, whether or
    /// not the story around it names a wrong (责令改正, 违法).
    pub power_asked: bool,
    /// Who commits the act the question names (its condition's opening words): a passage
    /// that opens a clause with them is about that actor; one that names them only as
    /// someone else's object (…指使其委托的生态环境监测机构…) is not.
    pub actor: Option<String>,
    /// The question's own wording without its question words: among passages that hold the
    /// same terms, the one that says more of it ("不需要申请取得排污许可证" for "不需要申请排污
    /// 许可证") goes first.
    pub wording: String,
    /// Verbs the question negates with 未 ("未取得排污许可证就开始排污"): a passage that says
    /// them only as done (以欺骗…申请取得排污许可证的) is about another act than the omission
    /// (未依法取得排污许可证排放污染物的).
    pub negated: Vec<String>,
    /// The answer is sought for today, not for the law as it was: a passage of a law
    /// repealed by the date of the answer goes below the law in force.
    pub current_first: bool,
    /// Titles (without 《》 and 中华人民共和国) of the laws repealed by the date of the answer:
    /// a passage of a law in force that rests on one of them ("依照《中华人民共和国环境保护法》
    /// 的规定按日连续处罚") goes below the article that now says the rule itself.
    pub repealed_titles: Vec<String>,
    /// The question says nothing of plans (规划): it is about a construction project, the
    /// subject this product reviews, and a rule on plans (专项规划的生态环境影响报告书应当包括…)
    /// goes below the same rule on projects (建设项目的生态环境影响报告书应当包括…).
    pub about_projects: bool,
    /// Articles of the Code that carry an article of the repealed law the question names,
    /// with that old article's text: a question in the old law's words ("环境保护主管部门",
    /// "排放大气污染物") is matched against the words of the article the Code took over too.
    pub carried: Vec<Carried>,
    /// The classes the question asks which one applies (报告书/报告表/登记表 for an EIA, 重点/
    /// 简化/登记管理 for a permit): among passages that hold as much, one that names the
    /// classes says which, a catalogue row whose columns lost their headings does not.
    pub classes: &'static [&'static str],
    /// The thing the question asks which one of ([`asked_which`]): a passage that says what
    /// it is (测量仪器为…) answers it, one that only names it does not.
    pub which: Option<Vec<String>>,
    /// The act a who-question asks the doer of ([`crate::question::act_by_whom`]: "本名录由哪个
    /// 部门负责解释" → 解释): a passage that does not say it names who does something else
    /// (第五条's 省级生态环境主管部门…提出建议, for 第六条's 负责解释).
    pub act: Vec<String>,
    /// What a what-is question asks about ([`what_is_object`]: "…名录里项目星号是什么意思" → 星号):
    /// a passage that does not name it (the catalogue's 前言) says what something else is.
    pub what_is: Option<Vec<String>>,
    /// The sides a question asks a choice between ([`alternatives`]: "进屋测的时候窗户要开着
    /// 还是关着" → 窗户): a passage that names neither says nothing of the choice (GB 12348
    /// 4.2, the indoor limit, for 5.3.3.4's 窗户关闭状态下测量).
    pub choice: Vec<Vec<String>>,
    /// The question asks whom or what a text applies to (适用, 执行…吗): a standard's scope
    /// clause answers it. Otherwise that clause, which lists the procedures the standard is
    /// used in (环境影响评价、环境保护设施设计、竣工环境保护验收…), sets no rule on them.
    pub asks_scope: bool,
    /// The specific terms of what the question says need not be done ("一般工业固废不用记台账"
    /// → 台账, [`crate::question::duty_denied`]): a passage with a sentence that puts one of
    /// them after its 应当 or 必须 says it is a duty (法典第四百八十九条: 应当…建立工业固体废物
    /// 管理台账), the verdict; one that only names the question's subject says something else.
    pub denied: Vec<Vec<String>>,
    /// The key terms of what the question asks its subject must do ("…，企业应当采取哪些措施"
    /// → 采取, 措施, [`crate::question::duty_asked`]): a passage with a sentence that names the
    /// subject before its 应当 and all of these after it states that very duty (法典第二百四十九
    /// 条: …产生恶臭气体的，应当…采取其他有效措施), over one that only encourages the act
    /// (鼓励…采取) or binds the subject to something else.
    pub asked_duty: Vec<Vec<String>>,
    /// The values the question states of its own case, with their units ("排气筒只有12米高"
    /// → 12 m): a passage whose condition the value meets ("确需低于15 m的…") speaks of that
    /// case ([`meets_condition`]).
    pub stated: Vec<(f64, &'static str)>,
}

/// The units a case's value and a passage's condition are compared in, each with the ways
/// the texts and the questions write it, the longest first.
const UNITS: &[(&str, &[&str])] = &[
    ("m", &["米", "m"]),
    ("t/h", &["t/h", "吨/小时", "蒸吨"]),
    ("MW", &["MW", "兆瓦"]),
    ("%", &["%", "％"]),
];

/// A number at the start of `s` (digits with one decimal point), with its length in bytes.
fn leading_number(s: &str) -> Option<(f64, usize)> {
    let len = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    s[..len].parse().ok().map(|n| (n, len))
}

/// The unit `s` opens with (spaces skipped), as [`UNITS`] names it, and the bytes it takes.
fn leading_unit(s: &str) -> Option<(&'static str, usize)> {
    let trimmed = s.trim_start();
    let skipped = s.len() - trimmed.len();
    UNITS.iter().find_map(|(unit, forms)| {
        forms
            .iter()
            .find(|f| {
                // m of m, not of mg/L or m3/h.
                trimmed.strip_prefix(**f).is_some_and(|rest| {
                    !f.is_ascii()
                        || !rest
                            .starts_with(|c: char| c.is_ascii_alphanumeric() || "/³²".contains(c))
                })
            })
            .map(|f| (*unit, skipped + f.len()))
    })
}

/// The values with units a question states ("12米高", "4 t/h", "30%"): numbers not part of
/// a longer run of digits, a standard's number (GB 16297) nor a date.
pub fn stated_values(question: &str) -> Vec<(f64, &'static str)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in question.char_indices() {
        let starts = c.is_ascii_digit()
            && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.' || p.is_ascii_alphabetic());
        prev = Some(c);
        if !starts {
            continue;
        }
        let Some((n, len)) = leading_number(&question[i..]) else {
            continue;
        };
        if let Some((unit, _)) = leading_unit(&question[i + len..]) {
            out.push((n, unit));
        }
    }
    out
}

/// Whether `text` sets a condition on a value (低于15 m, 超过20%, 10 t/h以上) that one of
/// `stated` meets: the passage speaks of the question's case. 以上 and 以下 include the bound.
pub fn meets_condition(stated: &[(f64, &'static str)], text: &str) -> bool {
    const BEFORE: [(&str, bool, bool); 7] = [
        // (word, the value is above the bound, the bound itself counts)
        ("低于", false, false),
        ("小于", false, false),
        ("不足", false, false),
        ("高于", true, false),
        ("大于", true, false),
        ("超过", true, false),
        ("不到", false, false),
    ];
    if stated.is_empty() {
        return false;
    }
    let meets = |value: f64, bound: f64, above: bool, inclusive: bool| {
        if above {
            value > bound || inclusive && value == bound
        } else {
            value < bound || inclusive && value == bound
        }
    };
    let applies = |bound: f64, unit: &str, above: bool, inclusive: bool| {
        stated
            .iter()
            .any(|(v, u)| *u == unit && meets(*v, bound, above, inclusive))
    };
    for (word, above, inclusive) in BEFORE {
        for (at, _) in text.match_indices(word) {
            let rest = text[at + word.len()..].trim_start();
            if let Some((bound, len)) = leading_number(rest)
                && let Some((unit, _)) = leading_unit(&rest[len..])
                && applies(bound, unit, above, inclusive)
            {
                return true;
            }
        }
    }
    // A table's range of a row ("1.4～＜2.8 MW（2～＜4 t/h）30 m", "≥14 MW"): the row the
    // case's value falls in.
    for (at, sep) in text.match_indices(['～', '~']) {
        let before = text[..at].trim_end();
        let low_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
            .last()
            .map(|(i, _)| i);
        let Some(low) = low_start.and_then(|i| before[i..].parse::<f64>().ok()) else {
            continue;
        };
        let rest = text[at + sep.len()..].trim_start();
        let (strict, rest) = match rest.strip_prefix(['＜', '<']) {
            Some(r) => (true, r.trim_start()),
            None => (false, rest),
        };
        let Some((high, len)) = leading_number(rest) else {
            continue;
        };
        let Some((unit, _)) = leading_unit(&rest[len..]) else {
            continue;
        };
        if stated
            .iter()
            .any(|(v, u)| *u == unit && *v >= low && (*v < high || !strict && *v == high))
        {
            return true;
        }
    }
    for (at, sign) in text.match_indices(['≥', '＜', '<', '≤']) {
        // The upper end of a range is read with its range.
        if text[..at].trim_end().ends_with(['～', '~']) {
            continue;
        }
        let rest = text[at + sign.len()..].trim_start();
        let Some((bound, len)) = leading_number(rest) else {
            continue;
        };
        let Some((unit, _)) = leading_unit(&rest[len..]) else {
            continue;
        };
        let (above, inclusive) = match sign {
            "≥" => (true, true),
            "≤" => (false, true),
            _ => (false, false),
        };
        if applies(bound, unit, above, inclusive) {
            return true;
        }
    }
    // "10 t/h以上", "15 m以下": the bound before its unit and 以上/以下.
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() || text[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.') {
            continue;
        }
        let Some((bound, len)) = leading_number(&text[i..]) else {
            continue;
        };
        let Some((unit, ulen)) = leading_unit(&text[i + len..]) else {
            continue;
        };
        let after = text[i + len + ulen..].trim_start();
        // "高出周围…建筑5 m以上": a height above something else, not a bound on the value.
        if text[..i].trim_end().ends_with("高出") || text[..i].trim_end().ends_with("建筑") {
            continue;
        }
        let above = if after.starts_with("以上") {
            true
        } else if after.starts_with("以下") {
            false
        } else {
            continue;
        };
        if applies(bound, unit, above, true) {
            return true;
        }
    }
    false
}

/// Whether a passage is a standard's scope clause listing the procedures it is used in
/// ("本标准适用于…建设项目的环境影响评价、环境保护设施设计、竣工环境保护验收、排污许可证核发及其
/// 投产后的…管理"; a digest's "…以及建设项目环评、环保设施设计、竣工验收和投产后的排放管理").
pub fn lists_procedures_of_scope(text: &str) -> bool {
    let t = compact(text);
    t.contains("适用于")
        && t.contains("验收")
        && t.contains("设计")
        && (t.contains("环境影响评价") || t.contains("环评"))
}

/// The EIA documents a project writes.
pub const EIA_CLASSES: &[&str] = &["报告书", "报告表", "登记表"];
/// The classes of permit management.
pub const PERMIT_CLASSES: &[&str] = &["重点管理", "简化管理", "登记管理"];

/// The classes `question` asks which one applies: an EIA's document ("环评编什么文件",
/// "做报告书还是报告表"), a permit's class ("排污证是哪一类管理"); none otherwise.
pub fn classes_asked(question: &str) -> &'static [&'static str] {
    // "做什么", "什么原则" ask no class.
    let which = [
        "什么文件",
        "什么环评",
        "什么管理",
        "什么类别",
        "哪种",
        "哪一种",
        "哪类",
        "哪一类",
        "哪一档",
        "类别",
        "还是",
    ]
    .iter()
    .any(|w| question.contains(w));
    if !which {
        return &[];
    }
    if ["排污许可", "排污证"].iter().any(|w| question.contains(w)) {
        PERMIT_CLASSES
    } else if ["环评", "环境影响评价", "报告书", "报告表", "登记表"]
        .iter()
        .any(|w| question.contains(w))
    {
        EIA_CLASSES
    } else {
        &[]
    }
}

/// What follows the question's subject in a sentence that answers it (`Ranking::subject`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SubjectMarker {
    /// "X应当…": the question asks what X must do.
    #[default]
    Duty,
    /// "X由Y审批": the question asks who acts on X.
    By,
}

impl SubjectMarker {
    fn word(self) -> &'static str {
        match self {
            SubjectMarker::Duty => "应当",
            SubjectMarker::By => "由",
        }
    }
}

/// An article in force that carries an article of a repealed law (from the succession table).
#[derive(Debug, Clone)]
pub struct Carried {
    /// The document in force (the Code).
    pub doc: String,
    /// Its article (第五十二条).
    pub clause: String,
    /// The repealed article's sentence that answers the question (with its list's lead-in).
    pub old_text: String,
}

/// What `hit` carries of `carried` (the same article, or a passage of it): the old sentence
/// that holds the most of `terms` when it carries several.
fn carried_by<'c>(carried: &'c [Carried], hit: &Hit, terms: &[Vec<String>]) -> Option<&'c Carried> {
    carried
        .iter()
        .filter(|c| hit.doc == c.doc && hit.clause.starts_with(c.clause.as_str()))
        .max_by_key(|c| {
            let old = compact(&c.old_text);
            terms.iter().filter(|g| covered(g, &old)).count()
        })
}

/// Hits ordered by the weight of key terms each holds (generic words count half), the
/// search order breaking ties. Past approvals (examples among them) describe one project:
/// unless the question asks for approvals, they come after laws and standards that say as
/// much. A digest's summary of an article comes after the article's own text when both were
/// found ([`prefer_official`]).
pub fn rank_by_terms(terms: &[Vec<String>], hits: Vec<Hit>, ranking: &Ranking) -> Vec<Hit> {
    let hits = prefer_official(hits, terms);
    // How many passages hold each term: within the document the question names, the
    // question's first term, when specific and held by one passage alone (腈纶 among the
    // 环境保护综合名录's rows and its preface), marks the passage on the question's own thing.
    let hays: Vec<String> = hits.iter().map(haystack).collect();
    let holders: Vec<usize> = terms
        .iter()
        .map(|g| hays.iter().filter(|h| covered(g, h)).count())
        .collect();
    // The substances the question names by one character (苯, 汞): pollutants too.
    let substances: Vec<&Vec<String>> = terms
        .iter()
        .filter(|g| g[0].chars().count() == 1 && g[0].chars().all(|c| SUBSTANCES.contains(c)))
        .collect();
    let mut scored: Vec<(f64, usize, usize, Hit)> = hits
        .into_iter()
        .enumerate()
        .map(|(rank, hit)| {
            let hay = &hays[rank];
            // The words of the repealed article this one carries count as its own.
            let old = carried_by(&ranking.carried, &hit, terms).map(|c| c.old_text.as_str());
            let old_hay = old.map(compact);
            let held: Vec<&Vec<String>> = terms
                .iter()
                .filter(|g| covered(g, hay) || old_hay.as_ref().is_some_and(|o| covered(g, o)))
                .collect();
            let mut score: f64 = held.iter().map(|g| weight(g)).sum();
            let base = score;
            let named = ranking
                .prefer_doc
                .as_ref()
                .is_some_and(|doc| bare_title(&hit.doc) == bare_title(doc));
            let alone = named
                && hays.len() >= 3
                && terms
                    .first()
                    .zip(holders.first())
                    .is_some_and(|(g, n)| *n == 1 && is_specific(g) && covered(g, hay));
            if alone {
                score += UNIQUE_BONUS;
            }
            // The texts the passage is matched by: its own, and the repealed article it carries.
            let texts: Vec<&str> = std::iter::once(hit.text.as_str()).chain(old).collect();
            // Carrying the named law's own article on the question says more than sharing
            // its words: among passages that hold as much, the successor goes first.
            if old.is_some() {
                score += CARRIED_BONUS;
            }
            // The terms said together, in one sentence ("伪造、变造、转让排污许可证的…罚款"),
            // over the same terms strewn over a passage's several sentences. The place a local
            // regulation is for (绍兴 of 绍兴市水资源保护条例) frames each of its sentences.
            let place = compact(place_of(&hit.doc));
            // How many held terms one sentence says together (the most of any sentence).
            let together = texts
                .iter()
                .flat_map(|text| sentences_with_lead_in(text))
                .map(|s| {
                    let s = compact(&s);
                    held.iter()
                        .filter(|g| covered(g, &s) || covered(g, &place))
                        .count()
                })
                .max()
                .unwrap_or(0);
            // Generic words alone (环评 and 类别 of a checklist's heading "环评类别") said
            // together say nothing of the question's own thing (喷水织造).
            if held.len() >= 2 && together == held.len() && held.iter().any(|g| weight(g) >= 1.0) {
                score += 0.5;
            }
            if !ranking.asks_scope && lists_procedures_of_scope(&hit.text) {
                score -= 1.0;
            }
            if !ranking.approvals_wanted && hit.doc_type == "approval" {
                score -= 1.0;
            }
            // A period in words (不得超过一年: a lone 一 is no numeral) is the number asked.
            let period = ranking.asks_duration && states_duration(&hit.text);
            if ranking.wants_number
                && !states_quantity(without_label(&hit.text, &hit.clause))
                && !period
            {
                score -= 1.0;
            }
            if ranking.asks_duration && !period {
                score -= 0.5;
            }
            if ranking.asks_when && sets_time(&hit.text) {
                score += 1.0;
            }
            // The passage whose condition the question's own value meets speaks of its case.
            if texts.iter().any(|t| meets_condition(&ranking.stated, t)) {
                score += 1.5;
            }
            if let Some(doc) = &ranking.prefer_doc {
                if bare_title(&hit.doc) == bare_title(doc) {
                    score += 1.5;
                } else if hit.doc_type == "law" {
                    // Another law than the one asked about (a province's regulation for a
                    // question on a national law) says it for another frame.
                    score -= 0.5;
                }
            }
            // A question on what a term means is answered by the article that defines it.
            if ranking
                .defined
                .as_ref()
                .is_some_and(|term| texts.iter().any(|t| defines(t, term)))
            {
                score += 2.0;
            }
            if ranking
                .role
                .iter()
                .any(|name| texts.iter().any(|t| states_role(t, name)))
            {
                score += 2.0;
            }
            // Among passages that say as much, the one whose sentence opens with the
            // question's own topic is about that very thing.
            if texts.iter().any(|t| states_topic(t, &ranking.topic)) {
                score += 0.3;
            }
            if !ranking.subject.is_empty() {
                let duty: Vec<Option<bool>> = texts
                    .iter()
                    .map(|text| duty_of(text, &ranking.subject, ranking.subject_marker))
                    .collect();
                if duty.contains(&Some(true)) {
                    score += 1.0;
                } else if duty.contains(&Some(false)) {
                    score -= 0.5;
                }
            }
            // Approvals restate the rule in the question's own words: no tie-break for them.
            if ranking.approvals_wanted || hit.doc_type != "approval" {
                let own = crate::verify::wording_overlap(&ranking.wording, &hit.text);
                let carried =
                    old.map_or(0.0, |o| crate::verify::wording_overlap(&ranking.wording, o));

                score += 0.5 * own.max(carried);
            }
            // An integrated standard that yields to the trade's own (GB 8978 1.2: 纺织染整工业
            // 执行 GB 4287) does not answer for a dyeing works unless the question names it.
            if !ranking.names_integrated
                && hit
                    .doc_number
                    .as_deref()
                    .is_some_and(|n| YIELDS_TO_TRADE_STANDARD.iter().any(|y| n.starts_with(y)))
            {
                score -= 0.5;
            }
            if ranking.current_first && hit.repealed.is_some() {
                score -= 1.0;
            }
            // A rule on plans names a plan before its first 应当 ("专项规划的…报告书应当包括");
            // "…人民政府应当合理规划工业布局" is a duty that plans, not a rule on plans.
            if ranking.about_projects
                && segments(&hit.text).first().is_some_and(|s| {
                    let head = s.split("应当").next().unwrap_or(s);
                    head.contains("规划") && !head.contains("建设项目")
                })
            {
                score -= 0.5;
            }
            // A rule on a kind of thing the question does not speak of (法典第一千一百二十三条
            // on 机动车 makers' 向社会公开, for a works that did not publish its emissions).
            if on_other_kind(&hit.text, &ranking.wording) {
                score -= 1.0;
            }
            // A standard's glossary (several terms, each with its English name) answers what
            // a term means, not what is required of a thing its entries happen to name
            // (GB 37822 3's 储存温度 for "对VOCs物料的储存有什么要求": 5.1).
            if ranking.defined.is_none() && is_glossary(&hit.text) {
                score -= 0.5;
            }
            // A standard's special requirements (GB 37822 9.2 废水液面特别控制要求) bind only
            // where they are ordered: a question that does not ask of them asks the general rule.
            if !asks_special(&ranking.wording) && states_special(hay) {
                score -= 0.5;
            }
            // A passage on the counterpart of the question's thing (10.3.3 on 地下水 for a
            // question on 地表水's monitoring) is no answer however many words it shares.
            if contrast_instead(terms, &hit).is_some() {
                score -= 1.0;
            }
            if hit.repealed.is_none()
                && ranking
                    .repealed_titles
                    .iter()
                    .any(|t| hit.text.contains(&format!("{t}》")))
            {
                score -= 0.5;
            }
            // A question about a sanction is answered by the article that sets it, not by
            // the duty it sanctions ("不按照规定制定应急预案的，怎么处罚" → 处…罚款).
            if ranking.power_asked {
                // A liability article that names the measure as an official's misconduct
                // (法典第一千零六十二条 (五): 违法查封、扣押…) gives no power.
                if is_sanction(&hit.text) {
                    score -= 1.0;
                } else if states_power(&hit.text) {
                    score += 1.5;
                }
            } else {
                match (ranking.sanction_asked, is_sanction(&hit.text)) {
                    (false, true) => score -= 1.0,
                    (true, true) => score += 0.5,
                    _ => {}
                }
            }
            if ranking.classes.iter().any(|c| hit.text.contains(c)) {
                score += 0.25;
            }
            // An approval's 不得 binds one project: no answer to whether a thing may be done.
            if !ranking.denied.is_empty()
                && texts.iter().any(|t| states_duty_of(t, &ranking.denied))
            {
                score += 0.5;
            }
            // (When or how long it is done is asked of the act, and set by an article that
            // may name it otherwise: 报…审批 for 报批.)
            if !ranking.asked_duty.is_empty()
                && !ranking.asks_when
                && !ranking.asks_duration
                && texts
                    .iter()
                    .any(|t| states_asked_duty(t, &ranking.subject, &ranking.asked_duty))
            {
                score += 1.0;
            }
            if ranking.permission_asked
                && (ranking.approvals_wanted || hit.doc_type != "approval")
                && states_permission(&hit.text)
            {
                score += 0.5;
            }
            if ranking
                .which
                .as_ref()
                .is_some_and(|thing| texts.iter().any(|t| says_what(t, thing)))
            {
                score += 0.5;
            }
            // The act the question says was not done, said of a passage only as done.
            if ranking
                .negated
                .iter()
                .any(|verb| hit.text.contains(verb.as_str()) && !negates(&hit.text, verb))
            {
                score -= 0.5;
            }
            if let Some(actor) = &ranking.actor {
                match acts(&hit.text, actor) {
                    Some(true) => score += 0.5,
                    Some(false) => score -= 0.5,
                    None => {}
                }
            }
            if !ranking.listed.iter().all(|g| covered(g, hay)) {
                score -= 1.0;
            }
            if !ranking.act.iter().all(|a| hit.text.contains(a.as_str())) {
                score -= 1.0;
            }
            if !ranking.choice.is_empty() && !ranking.choice.iter().any(|g| covered(g, hay)) {
                score -= 0.5;
            }
            if ranking.what_is.as_ref().is_some_and(|g| !covered(g, hay)) {
                score -= 1.0;
            }
            if on_other_pollutants(&ranking.pollutants, hay) {
                score -= 1.0;
            } else if ranking.wants_number
                && !(names_any(&ranking.pollutants, hay)
                    && substances.iter().all(|g| covered(g, hay)))
            {
                // "排气筒出来的苯，浓度最多多少": a limit is a pollutant's own; a passage that
                // names no pollutant of the question (a definition of 最高允许排放浓度) states
                // none of theirs.
                score -= 0.5;
            }
            if let Some(noun) = &ranking.list_noun {
                match lists_kind(&hit.text, noun) {
                    // A list of another thing's 内容 ("安全利用方案应当包括下列内容" for "风险
                    // 管控措施包括什么内容"): its lead-in names none of the question's own
                    // specific terms.
                    Some(true)
                        if !list_leads(&hit.text, noun).iter().any(|lead| {
                            // Whose list it is: the lead-in's words before its 应当/包括.
                            let at = ["应当", "包括"]
                                .iter()
                                .filter_map(|w| lead.find(w))
                                .min()
                                .unwrap_or(lead.len());
                            let lead = compact(&lead[..at]);
                            terms.iter().any(|g| {
                                is_specific(g) && !g.iter().any(|t| t == noun) && covered(g, &lead)
                            })
                        }) =>
                    {
                        score += 0.5
                    }
                    Some(true) => score += 1.5,
                    Some(false) => score -= 0.5,
                    None => {}
                }
            }
            tracing::trace!(
                doc = %hit.doc,
                clause = %hit.clause,
                held = held.len(),
                carried = old.is_some(),
                base,
                score,
                "rank"
            );
            (score, together, rank, hit)
        })
        .collect();
    // On a tie, a national text before a province's or a city's regulation that says the
    // same: it is the higher law, and here the newer (浙江省水污染防治条例第四十六条's 应急方案
    // of 2020, 法典第二百九十一条's 应急预案); then the retrieval's order.
    let local = |hit: &Hit| !place_of(&hit.doc).is_empty();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(local(&a.3).cmp(&local(&b.3)))
            .then(a.2.cmp(&b.2))
    });
    together_first_within_a_law(&mut scored);
    scored.into_iter().map(|(_, _, _, hit)| hit).collect()
}

/// Among articles of one law that tie, the one that says more of the question's terms in
/// one sentence goes first, in the places the tied articles held: 法典第二百九十一条 ("可能
/// 发生水污染事故的企业事业单位，应当制定有关水污染事故的应急预案") before 第二百九十三条,
/// whose 应急预案 and 水污染事故 are in two sentences. Across documents the order stays (a
/// standard's table is one long sentence, its digest says the same rows in several).
fn together_first_within_a_law(scored: &mut [(f64, usize, usize, Hit)]) {
    let mut start = 0;
    while start < scored.len() {
        let end = start
            + scored[start..]
                .iter()
                .take_while(|s| s.0 == scored[start].0)
                .count();
        let run = &mut scored[start..end];
        let mut seen: Vec<String> = Vec::new();
        for i in 0..run.len() {
            let official = |h: &Hit| h.doc_type == "law" || h.doc_type == "standard";
            if !official(&run[i].3) || seen.contains(&run[i].3.doc) {
                continue;
            }
            let doc = run[i].3.doc.clone();
            let at: Vec<usize> = (i..run.len())
                .filter(|&j| official(&run[j].3) && run[j].3.doc == doc)
                .collect();
            let mut items: Vec<(f64, usize, usize, Hit)> =
                at.iter().map(|&j| run[j].clone()).collect();
            // Stable: equal counts keep the order they had.
            items.sort_by_key(|b| std::cmp::Reverse(b.1));
            for (&j, item) in at.iter().zip(items) {
                run[j] = item;
            }
            seen.push(doc);
        }
        start = end;
    }
}

/// Hits reordered so that each part of a question in several parts has its best passage
/// first ("伪造…和以欺骗手段取得…，分别罚款多少": the article on 伪造 ranks below three on
/// 欺骗 by the whole question's terms). A part's best passage goes first only when it holds a
/// term of that part no other part has; the rest keep their order.
pub fn each_part_first(parts: &[Vec<Vec<String>>], hits: Vec<Hit>, ranking: &Ranking) -> Vec<Hit> {
    if parts.len() < 2 {
        return hits;
    }
    let mut front: Vec<String> = Vec::new();
    for (i, terms) in parts.iter().enumerate() {
        let own: Vec<&Vec<String>> = terms
            .iter()
            .filter(|g| {
                parts
                    .iter()
                    .enumerate()
                    .all(|(j, other)| j == i || !other.iter().any(|o| o[0] == g[0]))
            })
            .collect();
        let Some(best) = rank_by_terms(terms, hits.clone(), ranking)
            .into_iter()
            .next()
        else {
            continue;
        };
        let hay = haystack(&best);
        if own.iter().any(|g| covered(g, &hay)) && !front.contains(&best.chunk_id) {
            front.push(best.chunk_id);
        }
    }
    let (mut first, rest): (Vec<Hit>, Vec<Hit>) =
        hits.into_iter().partition(|h| front.contains(&h.chunk_id));
    first.sort_by_key(|h| front.iter().position(|c| *c == h.chunk_id));
    first.extend(rest);
    first
}

/// The verbs `question` negates with 未: the two characters after each 未 ("未取得" → 取得;
/// after 未经, the two after 经: "未经批准" → 批准), unless they are a manner (未依法, 未按照:
/// the verb comes later and is not read).
pub fn negated_verbs(question: &str) -> Vec<String> {
    const MANNER: [&str; 4] = ["依法", "按照", "按规", "经过"];
    question
        .match_indices('未')
        .filter_map(|(at, _)| {
            let after = &question[at + '未'.len_utf8()..];
            let after = after.strip_prefix('经').unwrap_or(after);
            let verb: String = after.chars().take(2).collect();
            (verb.chars().count() == 2
                && verb.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && !MANNER.contains(&verb.as_str()))
            .then_some(verb)
        })
        .collect()
}

/// Whether `text` negates `verb`: a 未 in the same clause, at most eight characters before it
/// ("未依法取得", "未按照规定取得"), or a 除 right before it (a catalogue's "除纳入重点排污单位名录
/// 的": those not in it).
pub fn negates(text: &str, verb: &str) -> bool {
    text.match_indices(verb).any(|(at, _)| {
        text[..at].ends_with('除')
            || text[..at]
                .chars()
                .rev()
                .take(8)
                .take_while(|c| !"，,。；;、：:".contains(*c))
                .any(|c| c == '未')
    })
}

/// `question` without the words that say what kind of answer is wanted.
pub fn wording(question: &str) -> String {
    crate::question::without_words(question, QUESTION_WORDS)
}

/// Kinds of things a rule can be about, by the word that opens it, and the words a question
/// on that kind says (a question on 机动车 makers says 车 or 发动机).
const KINDS: &[(&str, &[&str])] = &[
    (
        "机动车",
        &["车", "机械", "发动机", "油品", "尾气", "排气", "驾驶"],
    ),
    (
        "非道路移动机械",
        &["车", "机械", "发动机", "油品", "尾气", "排气"],
    ),
    ("船舶", &["船"]),
    // 法典第三百四十条 on the sea's 生态环境监测 data is no rule on a works' testing firm.
    ("海洋", &["海"]),
    ("畜禽", &["畜禽", "养殖", "猪", "牛", "羊", "鸡", "鸭"]),
    ("医疗", &["医"]),
    ("放射性", &["放射", "核", "辐射"]),
    ("核设施", &["核"]),
    ("电磁辐射", &["电磁", "辐射"]),
    ("农药", &["农药"]),
    // 法典第五百一十二条 on 生活垃圾处理设施 is no rule on a works' 污水处理设施.
    ("生活垃圾", &["垃圾", "厨余", "餐厨"]),
    // GB 8978 表4's rows for 染料工业 (dye making) are no limits of a dyeing works (印染) or
    // of the table's other units.
    ("染料工业", &["染料"]),
];

/// Whether a rule opens on a kind of thing (机动车, 船舶, 畜禽…) that the question's wording
/// does not speak of: the rule is about that kind, not the question's.
pub fn on_other_kind(text: &str, wording: &str) -> bool {
    other_kind(text, wording, false).is_some()
}

/// The kind of thing (机动车, 船舶, 畜禽…) a rule is on that the question's wording does not
/// speak of, named in its first clause (`at_start`: the clause's very first words, its
/// subject: "机动车排气污染检测机构应当…" is no rule on a textile test house).
pub fn other_kind(text: &str, wording: &str, at_start: bool) -> Option<&'static str> {
    let first = segments(text)
        .first()
        .map(|s| joined(s))
        .unwrap_or_default();
    // Past the article's number and the 违反本法规定 that opens a sanction.
    let body = first
        .split_once('条')
        .filter(|(n, _)| n.starts_with('第') && n.chars().count() <= 10)
        .map_or(first.as_str(), |(_, rest)| rest);
    let body = body.trim_start();
    let body = [
        "违反本法规定，",
        "违反本法规定,",
        "违反本条例规定，",
        "违反本条例规定,",
    ]
    .iter()
    .find_map(|w| body.strip_prefix(w))
    .unwrap_or(body);
    // The rule's first clause is on the kind (从事放射性污染监测工作的机构, 向环境排放…放射性
    // 废气), not on another thing it names beside it (从事服装干洗和机动车维修).
    let head = &body[..body.find(['，', ',', '；']).unwrap_or(body.len())];
    let on_kind = |kind: &str| {
        if at_start {
            return head.starts_with(kind);
        }
        head.match_indices(kind).any(|(at, _)| {
            let before = &head[..at];
            !["和", "、", "或", "及", "与", "或者", "以及"]
                .iter()
                .any(|w| before.ends_with(w))
        })
    };
    KINDS
        .iter()
        .find(|(kind, said)| on_kind(kind) && !said.iter().any(|w| wording.contains(w)))
        .map(|(kind, _)| *kind)
}

/// Whether `text` sets when something is done: "在开工建设前", "在…之后", "…以前".
fn sets_time(text: &str) -> bool {
    if ["之前", "以前", "之后", "以后"]
        .iter()
        .any(|w| text.contains(w))
        || states_date(text)
    {
        return true;
    }
    segments(text).iter().any(|s| {
        s.split(['，', ',']).any(|clause| {
            clause.find('在').is_some_and(|at| {
                let after: String = clause[at..].chars().skip(1).take(14).collect();
                after.contains('前') || after.contains('后')
            })
        })
    })
}

/// Whether `text` states a period: a number followed by a unit of time (一年, 三十日, 5个工作日,
/// 24小时), a calendar date (2015年1月1日) aside.
pub(crate) fn states_duration(text: &str) -> bool {
    let t = compact(text);
    t.char_indices().any(|(at, c)| {
        // A number inside another (1.5) or a date's month and day (2015年1月1日) starts none.
        // A lone 一 or 两 stays a character in the compacted text (一般, 两岸): 一年 is a period.
        let lone = c == '一' || c == '两';
        if !(c.is_ascii_digit() || lone)
            || t[..at].ends_with(|p: char| p.is_ascii_digit() || ".年月-".contains(p))
        {
            return false;
        }
        let digits = if lone {
            c.len_utf8()
        } else {
            t[at..]
                .find(|d: char| !d.is_ascii_digit())
                .unwrap_or(t.len() - at)
        };
        let unit = &t[at + digits..];
        let unit = unit.strip_prefix('个').unwrap_or(unit);
        let year = unit.starts_with('年');
        // 2015年1月: a date, not a period of years; nor is 2015年 alone (2015年修改单).
        let date = year && {
            let month = &unit['年'.len_utf8()..];
            month.starts_with(|d: char| d.is_ascii_digit())
                || (digits == 4 && (t[at..].starts_with("19") || t[at..].starts_with("20")))
        };
        // The standards' symbols: 5 d, 24 h, 30 min.
        let symbol = !lone
            && ["d", "h", "min"].iter().any(|u| {
                unit.strip_prefix(u)
                    .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
            });
        !date
            && (symbol
                || ["年", "月", "日", "天", "小时", "分钟", "工作日", "周"]
                    .iter()
                    .any(|u| unit.starts_with(u)))
    }) || ["永久", "长期保存"].iter().any(|w| t.contains(w))
        // A period set by another (GB 12348 5.5.2: 背景噪声的测量时段与被测声源测量的时间长度
        // 相同).
        || ["时间长度相同", "时长相同"].iter().any(|w| t.contains(w))
}

/// Whether `text` states a length: a number with a unit of length (15 m, 8米, 200 m 半径,
/// 1公里, 500 mm), not of a concentration (mg/m³) or an area or volume (m², m3).
/// A table whose header gives the unit (烟囱最低允许高度/m) states it of its numbers.
pub(crate) fn states_length(text: &str) -> bool {
    let t = compact(text);
    // 高度 m 20 25…: a PDF table's header row with its unit, then its numbers.
    let in_header = ["/m", "(m)", "（m）", "单位：m", "单位:m", "度m"]
        .iter()
        .any(|u| {
            t.match_indices(u).any(|(at, _)| {
                !t[at + u.len()..]
                    .starts_with(|n: char| n.is_ascii_alphabetic() || "/²³".contains(n))
            })
        });
    in_header && states_quantity(text)
        || t.char_indices().any(|(at, c)| {
            if !c.is_ascii_digit() {
                return false;
            }
            let after = t[at..].trim_start_matches(|d: char| d.is_ascii_digit() || d == '.');
            if ["米", "公里", "千米", "厘米", "毫米"]
                .iter()
                .any(|u| after.starts_with(u))
            {
                return true;
            }
            ["km", "cm", "mm", "m"].iter().any(|u| {
                after.strip_prefix(u).is_some_and(|rest| {
                    !rest.starts_with(|n: char| n.is_ascii_alphanumeric() || "/²³".contains(n))
                })
            })
        })
}

/// Whether `text` names a calendar day ("自 2021 年 7 月 1 日起实施").
fn states_date(text: &str) -> bool {
    let t = compact(text);
    t.match_indices('年').any(|(at, _)| {
        t[..at].ends_with(|c: char| c.is_ascii_digit()) && {
            let after = &t[at + '年'.len_utf8()..];
            let month = after.trim_start_matches(|c: char| c.is_ascii_digit());
            month.len() < after.len()
                && month.starts_with('月')
                && month['月'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
        }
    })
}

/// Whether `text` sanctions a violation (a liability article: 罚款, 处罚, 吊销, 拘留, 处分, or
/// one that opens on the violation: "违反本法规定，建设…项目的，由…责令关闭").
fn is_sanction(text: &str) -> bool {
    // A sanction named in a list of kinds of things (…行政许可、行政处罚等信息) is a noun,
    // not a sanction the passage imposes.
    ["罚款", "处罚", "吊销", "拘留", "处分"].iter().any(|w| {
        text.match_indices(w)
            .any(|(at, _)| !text[at + w.len()..].starts_with('等'))
    }) || segments(text)
        .first()
        .is_some_and(|s| s.contains("违反本法规定") || s.contains("违反本条例规定"))
}

/// Whether `text` gives an authority a power over the wrongdoer's things: a sentence with 可以
/// and a measure taken on them (查封, 扣押).
fn states_power(text: &str) -> bool {
    segments(text)
        .iter()
        .any(|s| s.contains("可以") && ["查封", "扣押"].iter().any(|w| s.contains(w)))
}

/// Whether `text` says what may or may not be done (不得, 禁止, 可以, 严禁, 不应) outside a
/// sanction.
fn states_permission(text: &str) -> bool {
    segments(text).iter().any(|s| {
        !is_sanction(s)
            // 不应: how a standard forbids (GB 16297 7.5: 新污染源原则上不应有无组织排放).
            // 方可: allowed only once a condition is met (GB 18599 7.6.1: 达到 GB 8978 要求后
            // 方可排放).
            && ["不得", "禁止", "严禁", "可以", "不应", "方可"]
                .iter()
                .any(|w| s.contains(w))
    })
}

/// Whether `text` is about what `actor` does: `Some(true)` when a clause opens with the
/// actor (after 违反本法规定，or at a sentence or clause start), `Some(false)` when the actor
/// is named only inside another's clause (其委托的生态环境监测机构), `None` when not named.
/// A penalty on the actor ("…对建设单位处五万元以上…的罚款") is about what it did too.
fn acts(text: &str, actor: &str) -> Option<bool> {
    let text = compact(text);
    let actor = compact(actor);
    let mut found = None;
    for (at, _) in text.match_indices(actor.as_str()) {
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| "，,；;。：:、".contains(c))
            || (before == Some('对') && text[at + actor.len()..].starts_with('处'))
        {
            return Some(true);
        }
        found = Some(false);
    }
    found
}

/// Whether a sentence of `text` opens with `topic` (compacted) — with the longest tail of
/// it that some sentence opens with, of at least four characters: "实行排污许可管理的企业…
/// 应当" opens 法典第一百八十三条, not 第一百八十四条 (实行排污许可重点管理的…); "制定污染物排放
/// 标准，应当以…为根据" opens 第一百五十四条, not 第一百五十三条 (国务院…制定国家污染物排放标准).
fn opens_with_topic(text: &str, topic: &str) -> bool {
    let chars: Vec<char> = topic.chars().collect();
    if chars.len() < 4 {
        return false;
    }
    let tails: Vec<String> = (0..=chars.len() - 4)
        .map(|i| chars[i..].iter().collect())
        .collect();
    segments(text).iter().any(|s| {
        let s = compact(s);
        let s = past_article_label(&s);
        tails.iter().any(|t| s.starts_with(t.as_str()))
    })
}

/// Whether `text` opens a sentence with `topic` ([`opens_with_topic`]) or says the whole of
/// it (six characters or more) inside one.
fn states_topic(text: &str, topic: &str) -> bool {
    opens_with_topic(text, topic)
        || (topic.chars().count() >= 6 && segments(text).iter().any(|s| compact(s).contains(topic)))
}

/// Whether `text` says what `term` is: a sentence that opens with "X是" or "X作为"
/// ([`crate::question::role_term`]).
pub fn states_role(text: &str, term: &str) -> bool {
    let term = compact(term);
    segments(text).iter().any(|s| {
        let s = compact(s);
        past_article_label(&s)
            .strip_prefix(term.as_str())
            .is_some_and(|rest| {
                (rest.starts_with('是') && !rest.starts_with("是否")) || rest.starts_with("作为")
            })
    })
}

/// Whether `text` defines `term`: "所称X，是指", or a sentence that opens with "X，是指" / "X是指".
pub fn defines(text: &str, term: &str) -> bool {
    let t = compact(text);
    let term = compact(term);
    // "X，是指", "X,是指", "X是指".
    let says: Vec<String> = ["，", ",", ""]
        .iter()
        .map(|sep| format!("{term}{sep}是指"))
        .collect();
    let segs = segments(text);
    says.iter().any(|p| t.contains(&format!("所称{p}")))
        || segs.iter().any(|s| {
            let s = compact(s);
            says.iter().any(|p| s.starts_with(p.as_str())) || defines_as_entry(&s, &term)
        })
        // An entry's heading on a line of its own, its definition on the next ("3.4 厂界
        // boundary" / "由法律文书…确定的…边界").
        || segs
            .windows(2)
            .any(|w| entry_heading(&compact(w[0])) == Some(term.as_str()))
}

/// The term of a standard's definition entry heading that stands alone: clause number, the
/// term, its English gloss, nothing after ("3.4厂界boundary" → 厂界, "3.6烟囱高度stackheight"
/// → 烟囱高度; the number may stand on the line above). `None` for anything else: a heading
/// without a gloss may be a section's title.
fn entry_heading(sentence: &str) -> Option<&str> {
    let unnumbered = sentence.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let gloss_at = unnumbered.find(|c: char| c.is_ascii_alphabetic())?;
    let (term, gloss) = unnumbered.split_at(gloss_at);
    let is_term =
        term.chars().count() >= 2 && term.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let is_gloss = gloss
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '(' | ')' | '（' | '）'));
    // Its clause number before it, or on the line above (GB 37822: "3.8" / "挥发性有机液体
    // volatile organic liquid" / the definition): then the gloss is a phrase, not a code.
    let numbered = unnumbered.len() < sentence.len();
    (is_term && is_gloss && (numbered || gloss.len() >= 8)).then_some(term)
}

/// Whether a compacted sentence is a standard's definition entry of `term`: its clause number,
/// the term, an English gloss, then 指 ("3.8间接排放指排污单位向公共污水处理系统排放水污染物的
/// 行为", "3.2在用锅炉in-useboiler指本标准实施之日前…"). A digest may repeat the term after
/// its heading. 指导, 指定 and the like are verbs, not 指.
fn defines_as_entry(sentence: &str, term: &str) -> bool {
    let unnumbered = sentence.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let Some(rest) = unnumbered.strip_prefix(term) else {
        return false;
    };
    let glossed = rest.trim_start_matches(|c: char| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '(' | ')' | '（' | '）' | '，' | ',')
    });
    // The term, its English gloss and the definition straight after, without 指 ("3.8挥发性
    // 有机液体volatileorganicliquid任何能向大气释放vocs的…有机液体").
    if rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && glossed.starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !glossed.starts_with(term)
    {
        return true;
    }
    let rest = glossed;
    let rest = rest.strip_prefix(term).unwrap_or(rest);
    let rest = rest.strip_prefix('是').unwrap_or(rest);
    rest.strip_prefix('指').is_some_and(|after| {
        !after.starts_with(['导', '定', '派', '出', '挥', '示', '标', '南', '令', '引'])
    })
}

/// Whose duty `text` states: `Some(true)` when a sentence puts one of the subject's terms
/// before its 应当 ("重点排污单位和…确定的排污单位，应当…公开下列信息"), `Some(false)` when its
/// sentences with 应当 all name someone else ("生态环境主管部门…应当…公开下列信息"), `None`
/// when it states no duty. With `SubjectMarker::By`, the same of 由: who acts on the subject.
fn duty_of(text: &str, subject: &[Vec<String>], marker: SubjectMarker) -> Option<bool> {
    let mut found = None;
    for s in segments(text) {
        if let Some(at) = s.find(marker.word()) {
            let before = compact(&s[..at]);
            // Who acts on a thing acts on all of it (国家污染物排放标准, not 重点污染物排放总量
            // 控制指标 that shares 污染物); a duty's holder is named in part (重点排污单位 for
            // 浙江省重点排污单位).
            let named = match marker {
                SubjectMarker::Duty => subject.iter().any(|g| covered(g, &before)),
                SubjectMarker::By => subject.iter().all(|g| covered(g, &before)),
            };
            if named {
                return Some(true);
            }
            found = Some(false);
        }
    }
    found
}

/// Whether a sentence of `text` puts one of `acts` after its 应当 or 必须: it says that is a
/// duty ("…应当…建立工业固体废物管理台账" for 台账).
fn states_duty_of(text: &str, acts: &[Vec<String>]) -> bool {
    segments(text).iter().any(|s| {
        ["应当", "必须"].iter().any(|w| {
            s.find(w)
                .is_some_and(|at| acts.iter().any(|g| covered(g, &compact(&s[at..]))))
        })
    })
}

/// Whether a sentence of `text` names one of `subject` before its 应当 or 必须 and all of
/// `acts` after it: it binds that subject to that act ("…产生恶臭气体的，应当…采取其他有效措施"
/// for 企业 that 产生恶臭气体 and 采取…措施).
fn states_asked_duty(text: &str, subject: &[Vec<String>], acts: &[Vec<String>]) -> bool {
    segments(text).iter().any(|s| {
        ["应当", "必须"].iter().any(|w| {
            s.find(w).is_some_and(|at| {
                let (before, after) = (compact(&s[..at]), compact(&s[at..]));
                subject.iter().any(|g| covered(g, &before))
                    && acts.iter().all(|g| covered(g, &after))
            })
        })
    })
}

/// Whether `text` introduces a list (下列…) of the kind `noun`: `Some(true)` when the noun
/// right after a 下列 is of that kind (下列企业事业单位 for 单位; not 下列条件的排污单位, a
/// list of conditions), `Some(false)` when it lists something else, `None` when it lists
/// nothing.
pub fn lists_kind(text: &str, noun: &str) -> Option<bool> {
    let mut found = None;
    for (i, _) in text.match_indices("下列") {
        if listed_kind(text, i).contains(noun) {
            return Some(true);
        }
        found = Some(false);
    }
    // A lead-in without 下列 whose colon follows the noun: "…采取相应应急响应措施：（一）…".
    for (i, _) in text.match_indices(['：', ':']) {
        let before = text[..i].trim_end();
        let items_follow = is_list_item(text[i..].trim_start_matches(['：', ':']).trim_start());
        if items_follow && before.ends_with(noun) {
            return Some(true);
        }
    }
    found
}

/// The pollutants the filing format names (the Chinese names of its water and air pollutant
/// codes), two characters or longer: 氨 alone is inside 氨氮.
fn pollutant_names() -> impl Iterator<Item = &'static str> {
    use lvshen_filing::codes::{AirPollutant, WaterPollutant};
    WaterPollutant::ALL
        .iter()
        .map(|p| p.label_zh())
        .chain(AirPollutant::ALL.iter().map(|p| p.label_zh()))
        .filter(|name| name.chars().count() >= 2)
}

/// The pollutants of [`pollutant_names`] that `question` names.
pub fn pollutants_named(question: &str) -> Vec<String> {
    let question = compact(question);
    pollutant_names()
        .filter(|name| question.contains(&compact(name)))
        .map(str::to_owned)
        .collect()
}

/// Whether `hay` names `name` other than as an exception (除六价铬外, 除pH、色度外): an
/// exception opens with 除 before the name and closes with 外 after it, within one clause.
pub fn names_unexcepted(hay: &str, name: &str) -> bool {
    const CLAUSE_ENDS: &[char] = &['，', ',', '。', '；', ';', '：', ':'];
    let within = |s: &str| s.chars().count() <= 16 && !s.contains(CLAUSE_ENDS);
    !name.is_empty()
        && hay.match_indices(name).any(|(at, _)| {
            let before = &hay[..at];
            let after = &hay[at + name.len()..];
            let opened = before
                .rfind('除')
                .is_some_and(|d| within(&before[d + '除'.len_utf8()..]));
            let closed = after.find('外').is_some_and(|w| within(&after[..w]));
            // A unit's exception names the pollutants then 除外 ("mg/L(pH 值,色度除外)"): the
            // row's value is not in that unit, and the header is every row's.
            let listed_before = after.find("除外").is_some_and(|w| {
                after[..w].chars().count() <= 8
                    && !after[..w].contains(['。', '；', ';', '：', ':', ')', '）'])
            });
            !(listed_before || opened && closed)
        })
}

/// Whether the rules in the pool (no past approvals) say at least `min` of the question's
/// terms: one of the first five, or one that names a pollutant of the question wherever it
/// stands. Past approvals' 废水污染防治要求 repeat the pollutant (六价铬) and the works'
/// words (染色, 废水): they push the standard's row on it below the rules a lookup by kind
/// found first (a noise standard's 测量, a catalogue's 染色). No rules at all say nothing
/// against the question.
pub fn rules_say(terms: &[Vec<String>], rules: &[Hit], pollutants: &[String], min: f64) -> bool {
    let on_pollutant: Vec<Hit> = rules
        .iter()
        .filter(|h| !pollutants.is_empty() && names_any(pollutants, &haystack(h)))
        .cloned()
        .collect();
    rules.is_empty()
        || coverage(terms, rules, 5).ratio >= min
        || coverage(terms, &on_pollutant, on_pollutant.len()).ratio >= min
}

/// Whether a passage (its haystack) names other pollutants and none of the question's.
fn on_other_pollutants(asked: &[String], hay: &str) -> bool {
    !asked.is_empty()
        && !asked.iter().any(|p| names_unexcepted(hay, &compact(p)))
        && pollutant_names().any(|name| hay.contains(&compact(name)))
}

/// Whether a passage (its haystack) names one of the question's pollutants other than as an
/// exception (a table's header "pH 值,色度除外" on every row), or the question names none.
fn names_any(asked: &[String], hay: &str) -> bool {
    asked.is_empty() || asked.iter().any(|p| names_unexcepted(hay, &compact(p)))
}

/// The kind of thing the 下列 at byte `at` of `text` announces: up to ten characters after
/// it, to the first colon, comma, stop, 的 or 之 ("下列内容：" → 内容).
fn listed_kind(text: &str, at: usize) -> String {
    text[at + "下列".len()..]
        .chars()
        .take(10)
        .take_while(|c| !matches!(c, '：' | ':' | '，' | ',' | '。' | '；' | '的' | '之'))
        .collect()
}

/// The lead-ins of the lists of `noun` that `text` announces with 下列: each from the start
/// of its sentence up to 下列 ("安全利用方案应当包括" of "安全利用方案应当包括下列内容：").
fn list_leads<'t>(text: &'t str, noun: &str) -> Vec<&'t str> {
    text.match_indices("下列")
        .filter(|(i, _)| listed_kind(text, *i).contains(noun))
        .map(|(i, _)| {
            let start = text[..i].rfind(['。', '；', '\n']).map_or(0, |at| {
                at + text[at..].chars().next().map_or(1, char::len_utf8)
            });
            &text[start..i]
        })
        .collect()
}

pub fn is_article(clause: &str) -> bool {
    clause.starts_with('第') && clause.ends_with('条')
}

/// Drops a digest's summary of a law's article when the article's own text was found too:
/// the answer quotes the law, not our paraphrase of it. Without the official text the digest
/// stays; so do digests of standards' tables (cleaner than the text a PDF table yields). A
/// digest's preamble (概述: our note on the document, "非原文") goes too when any article of
/// the document itself was found. A long article is indexed in several passages: when only
/// passages that continue it were found (not its opening) and they hold less of `terms` than
/// the summary of the whole article does (曹娥江条例第十三条's passage on works already built,
/// without the items of its opening on new works), the summary stays beside them.
///
/// A catalogue's row is the other way round: the PDF's row ("103 一般工业固体废物…采取填埋、
/// 焚烧…方式的 其他 /") has lost its columns, so which cell is 报告书 and which 报告表 is no
/// longer said; the digest's item of that row (第一百零三项: "…的，编制报告书") says it. When
/// both were found, the PDF's row goes.
pub fn prefer_official(hits: Vec<Hit>, terms: &[Vec<String>]) -> Vec<Hit> {
    let digest_rows: Vec<(String, u32)> = hits
        .iter()
        .filter(|h| h.doc_type == "digest")
        .filter_map(|h| {
            let n = h.clause.strip_prefix('第')?.strip_suffix('项')?;
            Some((bare_title(&h.doc), lvshen_corpus::chunk::chinese_number(n)?))
        })
        .collect();
    let hits: Vec<Hit> = hits
        .into_iter()
        .filter(|h| {
            h.doc_type == "digest"
                || !h.clause.parse::<u32>().is_ok_and(|n| {
                    let doc = bare_title(&h.doc);
                    digest_rows.iter().any(|(d, m)| *d == doc && *m == n)
                })
        })
        .collect();
    struct Found {
        doc: String,
        clause: String,
        opens: bool,
        held: f64,
    }
    let official: Vec<Found> = hits
        .iter()
        .filter(|h| h.doc_type != "digest" && is_article(&h.clause))
        .map(|h| Found {
            doc: bare_title(&h.doc),
            clause: h.clause.clone(),
            opens: compact(&h.text).starts_with(&compact(&h.clause)),
            held: term_weight(terms, &haystack(h)),
        })
        .collect();
    hits.into_iter()
        .filter(|h| {
            if h.doc_type != "digest" {
                return true;
            }
            let doc = bare_title(&h.doc);
            if h.clause == "概述" {
                return !official.iter().any(|f| f.doc == doc);
            }
            let found: Vec<&Found> = official
                .iter()
                .filter(|f| f.doc == doc && f.clause == h.clause)
                .collect();
            found.is_empty()
                || !found.iter().any(|f| f.opens)
                    && found
                        .iter()
                        .all(|f| f.held < term_weight(terms, &haystack(h)))
        })
        .collect()
}

/// The sentence of `text` that holds the most of the terms' weight (the first of equals):
/// that weight, the sentence read with its list's lead-in, and the sentence alone (a list
/// item without the lead-in that the list's other items share).
pub fn best_sentence(terms: &[Vec<String>], text: &str) -> Option<(f64, String, String)> {
    let mut best: Option<(f64, String, String)> = None;
    for (read, own) in read_with_lead_in(text) {
        let w = term_weight(terms, &read);
        if best.as_ref().is_none_or(|(bw, _, _)| w > *bw) {
            best = Some((w, read, own.to_owned()));
        }
    }
    best
}

/// Whether `text` states `stated` in a sentence that speaks of what is asked: one (read with
/// its list's lead-in) that holds at least one of the specific terms, not counting a word
/// inside a longer term of the question (环境 and 影响 of 环境影响登记表) — so 绍兴市大气污染
/// 防治条例第十条's "监测数据保存时间不少于三年" answers a question on 自动监测数据 — or any
/// sentence when none holds one. A period in an article's sentence on another thing (建设项目
/// 环境保护管理条例第九条's 六十日 for a 报告书) is not stated of the thing asked (its 登记表).
pub fn states_where_asked(
    terms: &[Vec<String>],
    question: &str,
    text: &str,
    stated: impl Fn(&str) -> bool,
) -> bool {
    // Not a word inside another term as the question writes it (环境 and 影响 of
    // 环境影响登记表; but 报告书 of 环评报告书 is a term, 环评 being one of its own).
    let asked = compact(question);
    let specific: Vec<Vec<String>> = terms
        .iter()
        .filter(|g| {
            is_specific(g)
                && !terms.iter().any(|h| {
                    h != *g
                        && h.iter().any(|t| {
                            t.len() > g[0].len() && t.contains(&g[0]) && asked.contains(t.as_str())
                        })
                })
        })
        .cloned()
        .collect();
    let read: Vec<(f64, String)> = read_with_lead_in(text)
        .into_iter()
        .map(|(read, _)| (term_weight(&specific, &read), read))
        .collect();
    let most = read.iter().map(|(w, _)| *w).fold(0.0, f64::max);
    read.iter()
        .any(|(w, r)| (*w > 0.0 || most == 0.0) && stated(r))
}

/// The weight of the key-term groups `text` holds (generic words count half).
pub fn term_weight(terms: &[Vec<String>], text: &str) -> f64 {
    let hay = compact(text);
    terms
        .iter()
        .filter(|g| covered(g, &hay))
        .map(|g| weight(g))
        .sum()
}

/// The weight of all of `terms` (what a passage holding every one of them scores).
pub fn total_weight(terms: &[Vec<String>]) -> f64 {
    terms.iter().map(|g| weight(g)).sum()
}

/// The specific (not generic) key terms with their synonyms, flattened.
pub fn specific_terms(terms: &[Vec<String>]) -> Vec<String> {
    terms
        .iter()
        .filter(|g| is_specific(g))
        .flat_map(|g| g.iter().cloned())
        .collect()
}

/// How well the best hit covers the question: the largest share of key-term groups found
/// together in one of the top `k` hits. (Together, not spread over several hits: a catalogue
/// that mentions 钢铁 in one entry and 颗粒物 in another does not answer a question on
/// 钢铁烧结机头颗粒物.)
#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    pub terms: Vec<String>,
    pub missing: Vec<String>,
    pub ratio: f64,
}

/// The relevance gate: coverage of the question's key terms by the top hits.
pub fn coverage(terms: &[Vec<String>], hits: &[Hit], k: usize) -> Coverage {
    let mut missing: Vec<String> = terms.iter().map(|g| g[0].clone()).collect();
    let missing_weight = |m: &[String]| -> f64 {
        terms
            .iter()
            .filter(|g| m.contains(&g[0]))
            .map(|g| weight(g))
            .sum()
    };
    for hit in hits.iter().take(k) {
        let hay = haystack(hit);
        let here: Vec<String> = terms
            .iter()
            .filter(|g| !covered(g, &hay))
            .map(|g| g[0].clone())
            .collect();
        if missing_weight(&here) < missing_weight(&missing) {
            missing = here;
        }
    }
    let total: f64 = terms.iter().map(|g| weight(g)).sum();
    let found: f64 = terms
        .iter()
        .filter(|g| !missing.contains(&g[0]))
        .map(|g| weight(g))
        .sum();
    // At least one specific term must be found: generic words alone are no evidence.
    let specific_found = terms
        .iter()
        .any(|g| is_specific(g) && !missing.contains(&g[0]));
    let specific_any = terms.iter().any(|g| is_specific(g));
    Coverage {
        terms: terms.iter().map(|g| g[0].clone()).collect(),
        ratio: if total == 0.0 || specific_any && !specific_found {
            0.0
        } else {
            found / total
        },
        missing,
    }
}

/// The key term a question writes right after 哪种, 什么, 哪些 …: the thing it asks which one
/// of ("用哪种菌种" → 菌种, "用什么仪器" → 仪器).
pub fn asked_which<'t>(question: &str, terms: &'t [Vec<String>]) -> Option<&'t Vec<String>> {
    const ASKS_WHICH: [&str; 12] = [
        "哪一种",
        "哪种",
        "什么样的",
        "什么",
        "哪个",
        "哪些",
        "哪家",
        "哪一类",
        "哪类",
        "哪几种",
        "哪几类",
        "啥",
    ];
    ASKS_WHICH
        .iter()
        .flat_map(|w| question.match_indices(w).map(move |(at, _)| at + w.len()))
        .find_map(|end| {
            let after = &question[end..];
            terms.iter().find(|g| after.starts_with(g[0].as_str()))
        })
}

/// Whether `text` says what `thing` is: the thing followed by 为, 是 or 采用 ("测量仪器为积分
/// 平均声级计"), not only named in a list of what a record holds.
fn says_what(text: &str, thing: &[String]) -> bool {
    let text = compact(text);
    thing.iter().any(|t| {
        let t = compact(t);
        text.match_indices(t.as_str()).any(|(at, _)| {
            let after = &text[at + t.len()..];
            ["为", "是", "应为", "采用", "应采用", "应当采用", "应使用"]
                .iter()
                .any(|w| after.starts_with(w))
        })
    })
}

/// What a key term is to a question that sets a scene before it asks ([`answers_asked`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A word of a clause that asks ("…，这样做要承担责任吗" → 承担责任).
    Asked,
    /// A word of the scene that some law or standard holds (举报, 偷排).
    Scene,
    /// A word of the scene that no text holds (老板, 一气之下): the asker's story.
    Story,
}

/// What follows from an act: a question that asks only this of a scene it sets asks about
/// the scene.
const CONSEQUENCES: &[&str] = &[
    "罚款",
    "处罚",
    "罚则",
    "责任",
    "承担责任",
    "法律责任",
    "民事责任",
    "连带责任",
    "后果",
];

/// Whether `hit` answers a question that sets a scene before it asks: it holds every specific
/// term of the clauses that ask (there must be one besides a consequence: "…，得怎么办" or
/// "…，罚多少" alone would let through any passage on the scene's words — unless the passage
/// sets a fine in 元 and holds two of the scene's words and half of them at least: the deed
/// told is then the one it punishes, "…那个厂没办新化学物质登记证，我们拿它染布，会被罚多少"
/// and 法典第一千二百零七条), and half at least of the scene's specific terms that the
/// texts hold (it speaks of the case the question tells of, not of another case of the same
/// act: "叉车司机没有驾驶证上岗，罚多少" is not answered by a fine on 驾驶证 of cars).
pub fn answers_asked(terms: &[Vec<String>], roles: &[Role], hit: &Hit) -> bool {
    let hay = haystack(hit);
    let specific = |role: Role| {
        terms
            .iter()
            .zip(roles)
            .filter(move |(g, r)| **r == role && is_specific(g))
            .map(|(g, _)| g)
    };
    let asked: Vec<&Vec<String>> = specific(Role::Asked).collect();
    let scene: Vec<&Vec<String>> = specific(Role::Scene).collect();
    let scene_held = scene.iter().filter(|g| covered(g, &hay)).count();
    // "…，罚多少", "…，要承担责任吗": what follows from the scene, which is then what the
    // question is about, and which the gate on all of its words weighs.
    let consequence = |g: &&Vec<String>| g.iter().any(|t| CONSEQUENCES.contains(&t.as_str()));
    let substance = asked.iter().filter(|g| !consequence(g)).count();
    // A body asked of (政府, 部门) is who acts, not what is asked of it: "…停产造成的损失，
    // 政府给不给企业补贴" asks of 补贴 for that loss, which a passage on subsidies for straw
    // does not answer though it names 政府 too.
    let weighty = asked
        .iter()
        .filter(|g| !consequence(g) && !g.iter().any(|t| ACTORS.contains(&t.as_str())))
        .count();
    // Two words of substance asked and held make a question by themselves ("…，环保部门能不能
    // 对它进行排气抽测"): the scene is then only its occasion.
    // One word asked of a scene no text speaks of ("我们厂的商标被别人抢注了，该去找哪个部门":
    // 商标 and 抢注 are only the asker's story) asks of the story: a passage on 部门 is no
    // answer.
    let story_only = scene.is_empty() && specific(Role::Story).next().is_some();
    // Only a fine asked, of a deed the passage punishes with one.
    let deed_held = scene_held >= 2 && 2 * scene_held >= scene.len() && states_money(&hit.text);
    tracing::trace!(
        clause = %hit.clause,
        substance,
        asked_held = asked.iter().filter(|g| covered(g, &hay)).count(),
        asked = asked.len(),
        scene_held,
        scene = scene.len(),
        story_only,
        "a scene's candidate"
    );
    (substance > 0 || deed_held)
        && asked.iter().all(|g| covered(g, &hay))
        && (weighty >= 2 || !story_only && 2 * scene_held >= scene.len())
}

/// Who acts in a question rather than what it asks of them ([`answers_asked`]).
const ACTORS: &[&str] = &[
    "政府",
    "人民政府",
    "部门",
    "主管部门",
    "机关",
    "机构",
    "单位",
    "企业",
    "个人",
];

/// Minimum share of key terms the top hits must contain for the question to be answered.
pub const MIN_COVERAGE: f64 = 0.6;

/// What a how-long or how-often question measures: the key term its ask ("几天", "几次",
/// "多久") follows, past the words that only press or carry the act (要, 连续, 做, 进行):
/// "比对监测要连续做几天" → 比对. A passage that does not name it measures something else
/// ("平均无故障连续运行时间在1440h" is no span of a comparison test). `None` when the ask
/// follows a verb of its own (能放几天, 保存几年): the verb and its object are then weighed by
/// the gate as any other words.
pub fn measured_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    const ASKS: [&str; 10] = [
        "几天",
        "几年",
        "几个月",
        "几次",
        "几小时",
        "几个小时",
        "多少天",
        "多少次",
        "多久",
        "多长时间",
    ];
    // "提前多少天申请": how early is the ask itself.
    const CHAIN: [&str; 15] = [
        "连续", "至少", "最多", "最少", "一共", "需要", "应当", "必须", "要", "得", "做", "进行",
        "开展", "搞", "提前",
    ];
    let at = ASKS.iter().filter_map(|w| question.find(w)).min()?;
    let mut before = &question[..at];
    while let Some(rest) = CHAIN.iter().find_map(|w| before.strip_suffix(w)) {
        before = rest;
    }
    // A body before the ask ("环保部门多少天内要审完") is who acts, not what is measured.
    let body = |g: &&Vec<String>| {
        g.iter().any(|t| {
            ["部门", "局", "政府", "单位", "机构", "企业"]
                .iter()
                .any(|b| t.ends_with(b))
        })
    };
    let ends = |text: &str| {
        terms
            .iter()
            .find(|g| {
                g.iter()
                    .any(|t| t.chars().count() >= 2 && text.ends_with(t.as_str()))
            })
            .filter(|g| !body(g))
    };
    // A test named by its kind and 监测 (比对监测): the kind is what is measured.
    ends(before).or_else(|| {
        ["监测", "检测"]
            .iter()
            .find_map(|w| before.strip_suffix(w))
            .and_then(ends)
    })
}

/// What a how-question asks how to act on: the key term right before its 怎么/怎样/如何
/// ("…安全生产许可证怎么办理" → 许可证, "…保险的保费怎么计算" → 保费). A passage that does not
/// name it speaks of something else, however many of the other words it holds. A word between
/// the term and the 怎么 ("偷排废水会怎么处罚") makes the term no object of the act asked. A
/// question that opens with its 怎么 names the object last ("怎么申请办理居住证" → 居住证).
pub fn how_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    let at = ["怎么", "怎样", "如何"]
        .iter()
        .filter_map(|w| question.find(w))
        .min()?;
    // "…，法典现在怎么规定": the time (现在, 目前) and the Code named before the 怎么 frame
    // the question; the object is what comes before them.
    let mut before = &question[..at];
    while let Some(rest) = ["现在", "目前", "如今", "现行", "法典"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
    {
        before = rest;
    }
    if before.trim_end_matches(['，', ',']).is_empty() {
        // "怎么申请办理居住证": the act comes first, its object last.
        return last_term_in(terms, question);
    }
    terms
        .iter()
        .find(|g| g.iter().any(|t| before.ends_with(t.as_str())))
}

/// What a how-much question asks the quantity of: the key term just before its 多少 ("环保局
/// 的人一个月工资多少" → 工资; "…的价格是多少" → 价格), past the words that only hedge or ask
/// (是, 一般, 大概, 要, 能) and the words that only name a value's kind (门槛, 上限: "蒸气压
/// 门槛是多少" asks a 蒸气压). None when no term stands there ("罚多少", "最多能到多少").
/// Nor when a unit of time follows ("环保部门多少天内要审完"): that asks how long whoever
/// stands before it has, a period (checked as one), not a quantity of it.
pub fn how_much_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    const TIME_UNITS: [&str; 9] = [
        "天",
        "日",
        "年",
        "个月",
        "个工作日",
        "工作日",
        "小时",
        "分钟",
        "周",
    ];
    let at = question.find("多少")?;
    if TIME_UNITS
        .iter()
        .any(|u| question[at + "多少".len()..].starts_with(u))
    {
        return None;
    }
    object_before(terms, question, "多少", HOW_MUCH_HEDGES)
}

/// What a how-much question asks the value of, past the words that frame a value (应该控制在,
/// 要保持在, 值): "吸收液pH值应该控制在多少" → pH, "操作温度要控制在多少度" → 操作温度.
pub fn valued_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    const FRAME: &[&str] = &[
        "应该",
        "应当",
        "需要",
        "必须",
        "控制在",
        "保持在",
        "维持在",
        "控制",
        "保持",
        "维持",
        "在",
        "值",
        "为",
        "最高",
        "最低",
        "最多",
        "最少",
        "排放",
        "排",
        "产生",
        "用",
        "一天",
        "每天",
        "一年",
        "每年",
        "一个月",
        "每月",
    ];
    let frame: Vec<&str> = FRAME.iter().chain(HOW_MUCH_HEDGES).copied().collect();
    object_before(terms, &question.to_lowercase(), "多少", &frame)
}

/// Whether `text` names the thing only in enumerations of things (…、…、…) whose clauses
/// state no number: a passage that lists it among what is to be recorded or watched
/// (GB 37822 10.4: 如运行时间、…、吸收液 pH 值等关键运行参数) gives no value for it.
pub fn named_without_value(object: &[String], text: &str) -> bool {
    let t = compact(text);
    let naming: Vec<&str> = t
        .split(['，', ',', '；', ';', '。', '：', ':'])
        .filter(|c| object.iter().any(|w| c.contains(compact(w).as_str())))
        .collect();
    !naming.is_empty()
        && naming
            .iter()
            .all(|c| c.contains('、') && crate::numerals::numbers(c).is_empty())
}

/// The words between a how-much or what-is question's object and its 多少/是什么 that only
/// hedge or ask, or name a value's kind.
const HOW_MUCH_HEDGES: &[&str] = &[
    "是", "一般", "大概", "大约", "通常", "平均", "要", "得", "能", "有", "给", "门槛", "上限",
    "下限", "的",
];

/// What a what-is question asks for: the key term just before its 是什么 ("…平台的网址是什么"
/// → 网址), past the same hedges as [`how_much_object`].
pub fn what_is_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    object_before(terms, question, "是什么", HOW_MUCH_HEDGES)
}

/// What a where-question asks the place of: the key term just before its 在哪 ("…的办公地址
/// 在哪里" → 地址), past the same hedges as [`how_much_object`].
pub fn where_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    object_before(terms, question, "在哪", HOW_MUCH_HEDGES)
}

/// The key term just before `marker`, past the words (`hedges`) that only hedge or ask.
fn object_before<'t>(
    terms: &'t [Vec<String>],
    question: &str,
    marker: &str,
    hedges: &[&str],
) -> Option<&'t Vec<String>> {
    let at = question.find(marker)?;
    let mut before = question[..at].trim_end_matches(['，', ',', ' ']);
    while let Some(rest) = hedges.iter().find_map(|w| before.strip_suffix(w)) {
        before = rest;
    }
    terms
        .iter()
        .find(|g| g.iter().any(|t| before.ends_with(t.as_str())))
}

/// What a limit question asks the limit of: the key term just before its 限值 (排放限值,
/// 浓度限值, 最高允许排放浓度), past the words that only qualify a limit (的, 直接排放, 浓度…)
/// and a bracketed abbreviation ("…规定的全氟辛酸（PFOA）排放限值是多少" → 全氟辛酸; "GB 16297
/// 里二噁英的最高允许排放浓度" → 二噁英). A standard that sets no limit for it does not
/// answer with another pollutant's.
pub fn limit_object<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    let before = before_limit(question, true)?;
    terms
        .iter()
        .find(|g| g.iter().any(|t| before.ends_with(t.as_str())))
}

/// What a limit question names just before its 限值, as written, when no key term ends there
/// (二噁英, which the segmenter does not keep whole): the run of characters back to the word
/// that frames it (对, 里, 中, 规定的…), two to eight characters long.
pub fn limit_object_written(question: &str) -> Option<String> {
    // Asked with 限值 (not 最多多少, whose clause is often a story's: "在3类区顶多多少分贝").
    let before = before_limit(question, false)?;
    let object: String = before
        .chars()
        .rev()
        .take_while(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(c) && !"对里中的在和与及按规定标准".contains(*c)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // A name, not a clause of the story ("随便哪一次测出来").
    let story = ["哪", "什么", "几", "多", "怎", "出来", "测", "了", "次"]
        .iter()
        .any(|w| object.contains(w));
    ((2..=8).contains(&object.chars().count()) && !story).then_some(object)
}

/// A distance question with its 离 (from) set apart from the place before it: "…堆场离周边居民区
/// 要多远" read as 贮存场离 is cut 贮存 / 场离, a word no text holds. 离 of a word (距离, 隔离,
/// 离开, 离子) stays.
fn apart_before_li(question: &str) -> String {
    let asks_distance = ["多远", "多少米", "几米", "多少公里", "距离"]
        .iter()
        .any(|w| question.contains(w));
    if !asks_distance {
        return question.to_owned();
    }
    let chars: Vec<char> = question.chars().collect();
    let mut out = String::with_capacity(question.len() + 3);
    for (i, &c) in chars.iter().enumerate() {
        let word = i > 0 && "距隔分脱游撤远偏背".contains(chars[i - 1])
            || chars
                .get(i + 1)
                .is_some_and(|n| "开子婚职休任".contains(*n));
        if c == '离' && i > 0 && !word && is_han_char(chars[i - 1]) {
            out.push('，');
        }
        out.push(c);
        // "测点设在厂界外多远": 外 ends the place (厂界外), not a word with 多远.
        if c == '外'
            && ["多远", "多少米", "几米"]
                .iter()
                .any(|w| chars[i + 1..].starts_with(&w.chars().collect::<Vec<_>>()))
        {
            out.push('，');
        }
    }
    out
}

/// A 按 that names the text to go by set apart from the word before it: "这条河按GB 3838…" is
/// cut 这条 / 河按, a word no text holds. Only before a standard's number, a title in 《》 or
/// the Code, where 按 is "according to" and ends no word.
fn apart_before_an(question: &str) -> String {
    let mut out = String::with_capacity(question.len() + 3);
    let mut prev: Option<char> = None;
    for (at, c) in question.char_indices() {
        let names_text = [
            "按gb",
            "按GB",
            "按hj",
            "按HJ",
            "按db",
            "按DB",
            "按《",
            "按法典",
        ]
        .iter()
        .any(|w| question[at..].starts_with(w));
        if names_text && prev.is_some_and(is_han_char) {
            out.push('，');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Whether a passage is a standard's glossary: two entries or more, each a term with its
/// English name on its line ("机械式鞋形密封 mechanical shoe seal").
pub fn is_glossary(text: &str) -> bool {
    text.lines()
        .filter(|line| {
            let line = line.trim();
            let Some(at) = line.find(|c: char| c.is_ascii_lowercase()) else {
                return false;
            };
            let (term, english) = line.split_at(at);
            let term = term.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
            term.chars().any(is_han_char)
                && term
                    .chars()
                    .all(|c| is_han_char(c) || c.is_ascii_digit() || " .".contains(c))
                && english
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || " ()-,".contains(c))
                && english.split(' ').any(|w| w.len() >= 4)
        })
        .count()
        >= 2
}

fn is_han_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether a question asks of a standard's special requirements (特别排放限值, 特别控制要求), or
/// of the places where they are ordered (重点地区).
pub fn asks_special(question: &str) -> bool {
    ["特别", "重点地区", "重点区域"]
        .iter()
        .any(|w| question.contains(w))
}

/// Whether a passage (its compacted haystack) states a standard's special requirements.
pub fn states_special(hay: &str) -> bool {
    ["特别控制要求", "特别排放限值"]
        .iter()
        .any(|w| hay.contains(w))
}

/// Whether a passage is on a special requirement alone: its headings or its own title say
/// so ("5.2.2 储罐特别控制要求" over 5.2.2.2, "6.2.3 装载特别控制要求…", "表3 …特别排放限值"),
/// not a row that gives the special value beside the general one ("限值10 mg/m3(特别排放限值
/// 6 mg/m3)").
pub fn titled_special(text: &str, heading: Option<&str>) -> bool {
    let opening: String = compact(text).chars().take(16).collect();
    states_special(&opening) || heading.is_some_and(|h| states_special(&compact(h)))
}

/// A term of the question that the passage does not hold, beside the term it holds in its
/// place, of the same kind and not the same thing: "GB 3838-2002对地下水中氨氮的标准限值"
/// asks of 地下水, and the surface-water standard's table (titled 地表水) is no answer.
pub fn contrast_instead<'t>(
    terms: &'t [Vec<String>],
    hit: &Hit,
) -> Option<(&'t str, &'static str)> {
    const CONTRASTS: &[(&str, &str)] = &[
        ("地下水", "地表水"),
        ("地表水", "地下水"),
        ("有组织", "无组织"),
        ("无组织", "有组织"),
        // GB 18599 on 一般工业固体废物 (不属于危险废物的) is no rule for hazardous waste's
        // landfill (a question on 危险废物填埋场防渗层).
        ("危险废物", "一般工业固体废物"),
        // GB 12348 sets noise at the works' boundary (厂界): no limit inside a workshop,
        // where workers stand (染色车间里的噪声最大不能超过多少分贝).
        ("车间", "厂界"),
        // Another medium: GB 18599 10.3.3 on 地下水监测频次 is no answer to how often the
        // works measures its 无组织废气 (10.5.2, under 大气监测要求).
        ("废气", "地下水"),
        ("废气", "废水"),
        ("废水", "地下水"),
        ("废水", "废气"),
        // GB 18599 10.3.3 (地下水监测频次) is no answer on how often the soil is measured
        // (10.6.4).
        ("土壤", "地下水"),
        ("地下水", "土壤"),
    ];
    let hay = haystack(hit);
    terms.iter().find_map(|g| {
        let (_, other) = CONTRASTS.iter().find(|(t, _)| g[0] == *t)?;
        // A question that says both ("车间的噪声在厂界要达到几类") asks of the other too.
        let asks_other = terms.iter().any(|h| h.iter().any(|t| t == other));
        (!covered(g, &hay) && hay.contains(other) && !asks_other).then_some((g[0].as_str(), *other))
    })
}

/// Whether the question asks a limit's value, whatever it is of ("…VOCs的最高允许排放速率是
/// 多少": the object is not in Chinese characters, so [`limit_object_written`] gives none).
pub fn asks_limit(question: &str) -> bool {
    before_limit(question, false).is_some()
        || ["排放速率是多少", "排放速率为多少", "排放速率多少"]
            .iter()
            .any(|w| question.contains(w))
}

/// The question before its 限值 and the words that only qualify a limit; `None` when the
/// question asks no limit, or asks where one applies ("要是我们这里执行特别排放限值呢").
fn before_limit(question: &str, spoken_too: bool) -> Option<&str> {
    // Each way of asking a limit, with what follows it when the limit is asked as a quantity
    // ("…的排放限值是多少", "…不能超过多少"), not which limit applies ("执行什么限值") nor how
    // far past it ("能比限值高多少").
    const AS_QUANTITY: &[&str] = &[
        "是多少",
        "为多少",
        "多少",
        "是几",
        "有多少",
        "有多高",
        "是什么",
    ];
    const SPOKEN: &[&str] = &["多少", "能排多少", "能有多少", "能到多少", "是多少"];
    const MARKERS: &[(&str, &[&str])] = &[
        ("最高允许排放浓度", AS_QUANTITY),
        ("限值", AS_QUANTITY),
        ("排放浓度", AS_QUANTITY),
        ("不能超过", SPOKEN),
        ("不得超过", SPOKEN),
        ("最多", SPOKEN),
    ];
    const QUALIFIERS: &[&str] = &[
        "的",
        "排放",
        "直接",
        "间接",
        "特别",
        "允许",
        "最高",
        "最大",
        "无组织",
        "有组织",
        "浓度",
        "含量",
        "监控",
        "执行",
        "标准",
        "各",
        "分别",
        "都",
        // Words that only hedge the ask ("颗粒物一般卡多少？在重点地区呢？").
        "一般",
        "通常",
        "大概",
        "大约",
        " ",
    ];
    let (at, marker, asked) = MARKERS
        .iter()
        .filter(|(_, asked)| spoken_too || *asked == AS_QUANTITY)
        .filter_map(|(m, asked)| question.find(m).map(|at| (at, *m, *asked)))
        .min_by_key(|(at, _, _)| *at)?;
    let after = question[at + marker.len()..].trim_start();
    if !asked.iter().any(|w| after.starts_with(w)) {
        return None;
    }
    let mut before = question[..at].trim_end();
    loop {
        if let Some(rest) = QUALIFIERS.iter().find_map(|w| before.strip_suffix(w)) {
            before = rest;
        } else if let Some(rest) = before
            .strip_suffix(['）', ')'])
            .and_then(|b| b.rfind(['（', '(']).map(|open| &b[..open]))
        {
            before = rest;
        } else {
            break;
        }
    }
    // "要是我们这里执行特别排放限值呢": where the limit applies, not what it is of.
    const PLACES: &[&str] = &[
        "这里", "那里", "这边", "那边", "当地", "本地", "我们", "我厂",
    ];
    (!PLACES.iter().any(|p| before.ends_with(p))).then_some(before)
}

/// What a yes-no question asks whether of: the key term just before its 是否 ("…，原件是否
/// 自己去环保局拿" → 原件), past the words that only stress the ask (还, 也, 到底…).
pub fn whether_subject<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    object_before(
        terms,
        question,
        "是否",
        &["还", "也", "都", "就", "又", "到底", "究竟", "的"],
    )
}

/// What the asked clause (the last) says must or may be done with: the key term just before
/// its first modal ("排污许可证正本要挂在厂里什么位置" → 正本), past the words that only
/// hedge. A thing no text names has no rule on it, whatever the rest of the clause matches.
pub fn modal_subject<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    let q = question.trim_end_matches(['？', '?', '。', ' ']);
    let clause = q.rfind(['，', ',', '；', ';', '。']).map_or(q, |i| {
        &q[i + q[i..].chars().next().map_or(1, char::len_utf8)..]
    });
    let (_, modal) = ["要", "应当", "应该", "需要", "必须"]
        .iter()
        .filter_map(|m| clause.find(m).map(|at| (at, m)))
        .min()?;
    object_before(
        terms,
        clause,
        modal,
        &["还", "也", "都", "就", "又", "到底", "究竟", "一般", "的"],
    )
}

/// What a yes-no question asks whether to do: the key terms after its 是否, up to the end of
/// that clause ("环保局的人来厂里检查，是否留他们吃饭" → 吃饭). A passage that names none of them
/// has no rule on it, however many of the scene's words it holds.
pub fn whether_object<'t>(terms: &'t [Vec<String>], question: &str) -> Vec<&'t Vec<String>> {
    // Asked as 是否 (要不要 and 会不会 are rewritten so); 能不能 is not read: its object is
    // often a spoken word no text holds (开个小染坊).
    let Some(at) = question.find("是否") else {
        return Vec::new();
    };
    let after = &question[at + "是否".len()..];
    let end = after
        .find(['，', ',', '。', '？', '?', '；', ';'])
        .unwrap_or(after.len());
    let after = &after[..end];
    terms
        .iter()
        .filter(|g| g.iter().any(|t| after.contains(t.as_str())))
        .collect()
}

/// The last key term of a claim asked for a verdict ("有人说环保局罚的钱最后都发了执法人员的
/// 奖金，这个说法对吗" → 奖金): what the claim says last of its subject. Only a claim said in one
/// clause that denies nothing: one that does ("…没这个权力") is answered by the rule that
/// grants it in other words, and a claim's later clauses are often its speaker's reasons
/// ("反正大家都知道"). None when the question asks no verdict on such a claim.
pub fn claim_last_term<'t>(terms: &'t [Vec<String>], question: &str) -> Option<&'t Vec<String>> {
    let clauses = crate::question::clauses_of(question);
    let holder = crate::question::claim_judged(&clauses)?;
    if holder + 2 != clauses.len() {
        return None;
    }
    let claim = clauses[holder];
    if claim.contains(['不', '没', '无', '未', '非', '别']) {
        return None;
    }
    last_term_in(terms, claim)
}

/// The key term that ends last in `clause` (any of its spellings).
fn last_term_in<'t>(terms: &'t [Vec<String>], clause: &str) -> Option<&'t Vec<String>> {
    terms
        .iter()
        .filter_map(|g| {
            g.iter()
                .filter_map(|t| clause.rfind(t.as_str()).map(|at| at + t.len()))
                .max()
                .map(|end| (end, g))
        })
        .max_by_key(|(end, _)| *end)
        .map(|(_, g)| g)
}

/// Whether `word` names a measure, which a value in its unit answers without naming it
/// (宽度 → 一百米, 期限 → 六十日, 浓度 → 80 mg/L).
pub fn measure_noun(word: &str) -> bool {
    const MEASURES: &[&str] = &[
        "宽度",
        "高度",
        "长度",
        "深度",
        "厚度",
        "距离",
        "面积",
        "体积",
        "容积",
        "容量",
        "数量",
        "数额",
        "金额",
        "比例",
        "比率",
        "浓度",
        "时间",
        "期限",
        "时限",
        "天数",
        "次数",
        "温度",
        "速度",
        "流量",
        "频次",
        "频率",
        "限值",
        "总量",
        "排放量",
        "上限",
        "下限",
        "幅度",
        "年限",
        "周期",
        "范围",
        "规模",
        "标准",
    ];
    MEASURES.contains(&word)
}

/// Whether `word` is a noun where `sentence` says it (jieba's part of speech: n, nr, ns, nz…),
/// or, when the sentence cuts it otherwise, on its own: "…是否影响周边房价" asks of 房价, a
/// thing; "…是否把举报人的情况透露给…" of 透露, an act a text may name otherwise (保密).
pub fn is_noun(jieba: &Jieba, sentence: &str, word: &str) -> bool {
    tag_is(jieba, sentence, word, |tag| tag.starts_with('n'))
}

/// Whether the segmenter's tag of `word` in `sentence` (or of `word` alone, when the sentence
/// cuts it otherwise and it is one word alone) satisfies `holds`.
fn tag_is(jieba: &Jieba, sentence: &str, word: &str, holds: impl Fn(&str) -> bool) -> bool {
    let tags = jieba.tag(sentence, true);
    match tags.iter().find(|t| t.word == word) {
        Some(t) => holds(t.tag),
        None => {
            let alone = jieba.tag(word, true);
            alone.len() == 1 && holds(alone[0].tag)
        }
    }
}

/// Whether `text` states how often something is done (每季度, 每年 1 次, 频次, 次/月), or that
/// it is done as need arises (定期, 适时: 法典第一百九十四条's 适时进行评估、修订 answers "多久评估、
/// 修订一次").
pub fn states_frequency(text: &str) -> bool {
    counts_frequency(text) || left_open_frequency(text).is_some()
}

/// Words that say a thing is done from time to time, or as need arises, without saying how
/// often.
const OPEN_FREQUENCY: [&str; 3] = ["定期", "适时", "随时"];

/// The word by which `text` leaves how often open (定期, 适时, 随时), when it states no
/// frequency by a count (每季度, 每年至少一次, 频次): "监理机构应当定期…报告" answers "多久报告
/// 一次" only as far as 定期, and the answer says that no period is set.
pub fn left_open_frequency(text: &str) -> Option<&'static str> {
    if counts_frequency(text) {
        return None;
    }
    OPEN_FREQUENCY.into_iter().find(|w| text.contains(w))
}

/// Whether `text` states how often by a count or a named rate (每季度, 每年 1 次, 频次, 次/月).
pub fn counts_frequency(text: &str) -> bool {
    [
        "每年",
        "每月",
        "每季",
        "每周",
        "每日",
        "每天",
        "每小时",
        "每半年",
        "每两",
        "每班",
        "频次",
        "频率",
        "季度",
        "次/",
        "/次",
    ]
    .iter()
    .any(|w| text.contains(w))
        || every_so_often(&compact(text))
}

/// Whether a compacted text says how often by a count of units of time: 每 and a number of
/// them (GB 37822 9.3: 每6个月), or 一次 after a unit of time or 每 (每年至少一次, 三年一次).
/// Not 一次 of a thing (一次密封, 一次性).
fn every_so_often(t: &str) -> bool {
    const UNITS: [&str; 9] = ["个月", "月", "年", "天", "日", "周", "小时", "季度", "季"];
    let numeral = |c: char| c.is_ascii_digit() || "一二两三四五六七八九十半".contains(c);
    let counted = t.match_indices('每').any(|(at, _)| {
        let rest = &t[at + '每'.len_utf8()..];
        let digits = rest
            .char_indices()
            .find(|(_, c)| !numeral(*c))
            .map_or(rest.len(), |(i, _)| i);
        digits > 0 && UNITS.iter().any(|u| rest[digits..].starts_with(u))
    });
    counted
        || t.match_indices("一次").any(|(at, _)| {
            let before: String = t[..at].chars().rev().take(6).collect();
            before.contains(|c: char| "年月日周季天时每".contains(c))
        })
}

/// Whether a term names a class or grade by its number ("1类", "III类", "二级"): the key of a
/// table's row.
pub fn names_class(term: &str) -> bool {
    let Some(number) = term.strip_suffix(['类', '级']) else {
        return false;
    };
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXⅠⅡⅢⅣⅤ一二三四五".contains(c.to_ascii_uppercase()))
}

/// Whether `text` names somewhere a thing may be taken or sent: a department or body, a
/// platform or system, a file, a site or facility ([`crate::question::asks_destination`]).
pub fn names_destination(text: &str) -> bool {
    [
        "部门", "机构", "机关", "单位", "政府", "平台", "网站", "系统", "档案", "场所", "中心",
        "设施", "地点", "区域", "处置", "企业",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Whether a word the segmenter carries untagged (a domain word) ends in an act: its last two
/// characters, read alone, are one verb (自行监测 → 监测/vn, 负责解释 → 解释/v), not a thing
/// (臭气浓度 → 浓度/n).
pub fn ends_in_act(jieba: &Jieba, word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return false;
    }
    let tail: String = chars[chars.len() - 2..].iter().collect();
    let tags = jieba.tag(&tail, false);
    tags.len() == 1 && tags[0].tag.starts_with('v')
}

/// Whether the segmenter reads `word` in `sentence` (or alone) as a thing one may name: not
/// an act (v), a time (平时/t), a number or step (第一步/m), an adverb, a pronoun, a
/// preposition, a conjunction, a place word, a particle or a measure. Its tags are rough
/// (正本/a), so anything else counts as a thing.
pub fn is_thing(jieba: &Jieba, sentence: &str, word: &str) -> bool {
    tag_is(jieba, sentence, word, |tag| {
        !tag.starts_with(['v', 't', 'm', 'd', 'r', 'p', 'c', 'f', 'u', 'y', 'q'])
    })
}

/// Whether `hay` holds every word of two characters or more that a term of `group` is made
/// of (化工企业: 化工 and 企业 in "石油、化工以及其他…企业"): a compound the question keeps whole
/// that a passage says in parts. `false` when a term has no such parts (正本).
pub fn parts_covered(jieba: &Jieba, group: &[String], hay: &str) -> bool {
    group.iter().any(|term| {
        let parts: Vec<&str> = jieba
            .cut_for_search(term, true)
            .into_iter()
            .map(|t| t.word)
            .filter(|p| *p != term.as_str() && p.chars().count() >= 2)
            .collect();
        !parts.is_empty() && parts.iter().all(|p| hay.contains(p))
    })
}

/// A passage shown to the model and offered as a citation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Evidence {
    /// Document title (or the tool's name for tool results).
    pub doc: String,
    pub doc_number: Option<String>,
    pub clause: String,
    /// The focused text: the parts of the chunk that bear on the question.
    pub text: String,
    /// Where it comes from (file, rule table, filing).
    pub source: String,
    /// For a law repealed on the date of the answer: when, and where the provision is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repealed: Option<String>,
    /// The headings the passage stands under ("5.2.2 储罐特别控制要求" for 5.2.2.2): what
    /// case its text speaks of when the text does not say.
    #[serde(skip)]
    pub heading: Option<String>,
}

impl Evidence {
    /// `text` of the passage `hit` (the whole of it, or the parts that bear on a question).
    pub fn quoting(hit: &Hit, text: String) -> Self {
        Evidence {
            doc: hit.doc.clone(),
            doc_number: hit.doc_number.clone(),
            clause: hit.clause.clone(),
            text,
            source: hit.source.clone(),
            repealed: hit.repealed.clone(),
            heading: hit.context.clone(),
        }
    }

    /// The header line the model sees: 《title》（number）clause, and 【已废止…】 for a law
    /// repealed on the date of the answer.
    pub fn label(&self) -> String {
        let mut s = format!("《{}》", self.doc);
        if let Some(n) = self.doc_number.as_deref().filter(|n| !self.doc.contains(n)) {
            s.push_str(&format!("（{n}）"));
        }
        if !self.clause.is_empty() {
            s.push(' ');
            s.push_str(&self.clause);
        }
        if let Some(note) = &self.repealed {
            s.push_str(&format!("【已废止：{note}】"));
        }
        s
    }

    /// All the text a claim citing this evidence may rest on: what the model was shown.
    /// (Not the whole chunk: a number elsewhere in a table row must not vouch for a claim.)
    pub fn support(&self) -> String {
        format!(
            "{} {} {}",
            self.label(),
            self.doc_number.as_deref().unwrap_or(""),
            self.text
        )
    }
}

/// Splits a chunk into sentences or table cells.
fn segments(text: &str) -> Vec<&str> {
    split_lines(text, &['。', '；', ';', '！', '？'])
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether a clause opens with a short label and a colon ("报告表:单纯纺丝"): the heading of
/// the run of clauses after it, up to the sentence's end.
fn labelled(segment: &str) -> bool {
    segment.find([':', '：']).is_some_and(|at| {
        let label = &segment[..at];
        (1..=6).contains(&label.chars().count())
            && label.chars().all(|c| !c.is_ascii() && c.is_alphabetic())
    })
}

/// Splits `text` at the `stops` and at its line breaks, except a line break after a comma: a
/// PDF's line that ends in "，" goes on in the next ("…应在噪声敏感建筑物的室内测量，\n并将表1中
/// 相应的限值减10dB(A)作为评价依据"), and a quote cut there would state half the rule. Nor
/// does a power's exponent, set on a line of its own ("不大于 1.0×10\n-5 cm/s"), end one.
fn split_lines<'a>(text: &'a str, stops: &[char]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let stop = stops.contains(&c)
            || (c == '\n'
                && !text[start..i].trim_end().ends_with(['，', ',', '、'])
                && !wants_its_value(&text[start..i])
                && !opens_with_a_measure(&text[i + 1..])
                && !goes_on(&text[i + 1..])
                && !ends_open(&text[start..i])
                && !symbol_wrapped(&text[start..i], &text[i + 1..])
                && exponent(&text[start..i], &text[i + 1..]).is_none());
        if stop {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}

/// Whether a line ends on a word no sentence ends on (a modal, a preposition, a conjunction):
/// GB 37822 5.2.1.2 b) "…(无行业排放标准的应\n满足 GB 16297 的要求),或者处理效率不低于 80%".
fn ends_open(line: &str) -> bool {
    line.trim_end()
        .chars()
        .last()
        .is_some_and(|c| "应的和及或与在对将按由向从于被把并且而其".contains(c))
}

/// Whether a line that ends on a Latin symbol goes on in the next, which opens with a Chinese
/// word: GB 37822 10.4 "…催化剂更换周期和更换量、吸收液 pH\n值等关键运行参数。台账保存期限
/// 不少于 3 年。" (no sentence ends on pH; a heading's next line opens with its number).
fn symbol_wrapped(line: &str, next: &str) -> bool {
    // A symbol is short and has a capital (pH, VOCs, NMHC, TSP); a term's English name on a
    // definition's heading line ("3.4有机热载体锅炉 organic fluid boiler") is neither.
    let symbol: Vec<char> = line
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    (1..=5).contains(&symbol.len())
        && symbol.iter().any(char::is_ascii_uppercase)
        && next
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Whether a line goes on with the sentence before it: no sentence opens with 的 (GB 18599
/// 8.5, wrapped over a page: "…有机物含量超过 5%\n的一般工业固体废物(煤矸石除外)不得进行充填、
/// 回填作业"). Nor with a comma or a closing bracket (GB 37822 6.2.3: "…年装载量≥500 m³\n,以及
/// 装载物料…").
fn goes_on(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .starts_with(['的', '，', ',', '、', '；', ';', '。', '）', ')', '：', ':'])
}

/// Whether a line opens with a measure in a unit's symbol that its sentence goes on after
/// (GB 12348 5.3.3.1: "…测点应选在厂界外 1 m、高于围墙\n0.5 m 以上的位置"): the PDF wrapped
/// the sentence there. A section's number ("5.3.3.2 当厂界…") has no unit, a table's row ("1
/// 55 45") no text after it.
fn opens_with_a_measure(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let number = line
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(line.len());
    if number == 0 || !line.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // The symbols of the units the standards measure in; a Latin word after a section's
    // number ("5.1.1 VOCs 物料…", "5.3.1 II 类场…") is none.
    const UNITS: [&str; 26] = [
        "m", "mm", "cm", "km", "dB", "dB(A)", "mg", "kg", "g", "t", "h", "d", "min", "s", "L",
        "mL", "kPa", "Pa", "MPa", "MW", "kW", "%", "℃", "m/s", "mg/L", "t/h",
    ];
    let rest = line[number..].trim_start_matches(' ');
    // "…除\n8.4.2 条规定外,应在…" (GB 37822 8.4.1): a clause referred to.
    if line[..number].contains('.') && rest.starts_with(['条', '款', '或', '和', '及', '的'])
    {
        return true;
    }
    let unit = rest
        .find(|c: char| !(c.is_ascii_alphabetic() || matches!(c, '/' | '(' | ')' | '%' | '℃')))
        .unwrap_or(rest.len());
    UNITS.contains(&&rest[..unit])
        && rest[unit..]
            .trim_start_matches(' ')
            .starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Whether a line ends on a comparison whose value a PDF has wrapped onto the next line
/// (名录第七条: "…或者总氮年排放量大于\n10 吨"): no line ends there.
fn wants_its_value(line: &str) -> bool {
    const COMPARISONS: [&str; 9] = [
        "大于",
        "小于",
        "超过",
        "低于",
        "高于",
        "不少于",
        "不低于",
        "不高于",
        "不大于",
    ];
    let line = line.trim_end();
    COMPARISONS.iter().any(|w| line.ends_with(w))
}

/// A segment as quoted: a line break inside it (after a comma) joins the two lines. A power's
/// exponent set on a line of its own is written as one ("1.0×10\n-7 cm/s" → 1.0×10⁻⁷ cm/s),
/// not as a range of 10 to 7.
fn joined(segment: &str) -> String {
    let mut out = String::new();
    for line in segment.lines().map(str::trim) {
        match exponent(&out, line) {
            Some((negative, digits, rest)) => {
                if negative {
                    out.push('⁻');
                }
                out.extend(digits.chars().map(|d| {
                    d.to_digit(10)
                        .and_then(|n| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().nth(n as usize))
                        .unwrap_or(d)
                }));
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The exponent a line opens with when the text before it ends in "×10" (a PDF sets it on a
/// line of its own: "1.0×10\n-7 cm/s"): whether it is negative, its digits, and the rest.
fn exponent<'a>(before: &str, line: &'a str) -> Option<(bool, &'a str, &'a str)> {
    if !before.trim_end().ends_with("×10") {
        return None;
    }
    let line = line.trim_start_matches([' ', '\t']);
    let unsigned = line.strip_prefix(['-', '－', '−']);
    let rest = unsigned.unwrap_or(line);
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    (end > 0).then(|| (unsigned.is_some(), &rest[..end], &rest[end..]))
}

/// The sentences of `text`, a list item read with its lead-in ("有下列行为之一的，…处…罚款：
/// （一）未取得排污许可证排放污染物" says the penalty of the item).
fn sentences_with_lead_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lead_in: Option<&str> = None;
    let mut in_item = false;
    for s in segments(text) {
        if is_list_item(s) {
            out.push(format!("{}{s}", lead_in.unwrap_or_default()));
            in_item = true;
            continue;
        }
        if !(in_item && continues_item(s)) {
            lead_in = is_lead_in(s).then_some(s);
            in_item = false;
        }
        out.push(s.to_owned());
    }
    out
}

/// Whether a segment after a list item goes on with that item ("a)采用浮顶罐。对于内浮顶罐,
/// …" in GB 37822 5.2.1.2): the items after it still hang on the list's lead-in. A new clause
/// ("5.2.2 储罐特别控制要求") or a new lead-in ends the list.
fn continues_item(segment: &str) -> bool {
    !is_lead_in(segment)
        && !segment
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Each segment of `text` as read (a list item with its whole lead-in) and as it stands. A
/// lead-in in two clauses ("有下列行为之一的，…处…罚款；情节严重的，…责令停业、关闭：") is
/// read whole: what the item of a repealed article is fined is in its first clause. (The
/// ranking's [`sentences_with_lead_in`] reads the last clause only: measured on the dev
/// sets, the whole lead-in lifts a regulation's list of fines over the Code's article.)
fn read_with_lead_in(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut lead_in: Option<String> = None;
    let mut in_item = false;
    for s in segments(text) {
        if is_list_item(s) {
            out.push((format!("{}{s}", lead_in.as_deref().unwrap_or_default()), s));
            in_item = true;
            continue;
        }
        if in_item && continues_item(s) {
            out.push((s.to_owned(), s));
            continue;
        }
        in_item = false;
        lead_in = if is_lead_in(s) {
            match lead_in.take() {
                Some(open) if !open.ends_with([':', '：']) => Some(format!("{open}；{s}")),
                _ => Some(s.to_owned()),
            }
        } else {
            None
        };
        out.push((s.to_owned(), s));
    }
    out
}

/// The lead-in of a list: "…有下列行为之一的，…", "…应当符合下列条件：".
/// Whether a segment holds the opening of a table's notes ("注 1.", "注：", glued to the last
/// row by the extractor: "…水处理设施注 1.表格中…").
fn opens_notes(segment: &str) -> bool {
    segment.match_indices('注').any(|(at, _)| {
        segment[at + '注'.len_utf8()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c == '：' || c == ':')
    })
}

pub(crate) fn is_lead_in(segment: &str) -> bool {
    !is_list_item(segment) && (segment.ends_with([':', '：']) || segment.contains("下列"))
}

/// Whether `text` states a quantity: a number other than an article's, a list item's or a
/// table's own (第三十七条, （三）, 表2 are labels, not answers).
/// Whether `text` states a count in `unit`: a number right before it ("二个工作日", "≥2 000 个",
/// "III类", "四级").
pub fn states_count(text: &str, unit: char) -> bool {
    let t = compact(text);
    t.match_indices(unit).any(|(at, _)| {
        let numeral_before = t[..at].chars().next_back().is_some_and(|c| {
            c.is_ascii_digit() || "一二三四五六七八九十两百千万IVXivxⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ".contains(c)
        });
        // A table row whose label carries the unit, the value after it: "烟气黑度(林格曼黑度,
        // 级)≤1" states 1级.
        let label_unit = t[..at].ends_with([',', '，', '(', '（'])
            && t[at + unit.len_utf8()..]
                .strip_prefix([')', '）'])
                .is_some_and(|rest| {
                    rest.trim_start_matches(['≤', '<', '≥', '>', '='])
                        .starts_with(|c: char| c.is_ascii_digit())
                });
        numeral_before || label_unit
    })
}

/// Whether `text` states a count in `unit` of what there is, not of a year gone by nor a
/// target: a sentence with the count that names no year (2010年, 2021-07-18) and says neither
/// 当时, 目标 nor 压减. "当时全县203家印染企业" is a count of then.
pub fn states_current_count(text: &str, unit: char) -> bool {
    segments(text).iter().any(|s| {
        let dated = s.char_indices().any(|(at, c)| {
            c.is_ascii_digit()
                && !s[..at].ends_with(|p: char| p.is_ascii_digit())
                && s[at..].chars().take_while(char::is_ascii_digit).count() == 4
                && s[at..].starts_with(['1', '2'])
        }) || ["当时", "目标", "压减", "曾经"]
            .iter()
            .any(|w| s.contains(w));
        !dated && states_count(s, unit)
    })
}

/// Whether `text` states a telephone number (a run of five digits or more: 12369, 0575-…).
pub fn states_phone_number(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run >= 5 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Whether `text` states a price (价格, 单价, 收费标准, or an amount per tonne).
pub fn states_price(text: &str) -> bool {
    let t = compact(text);
    ["价格", "单价", "收费标准", "元/吨", "元/t", "元每吨"]
        .iter()
        .any(|w| t.contains(w))
}

/// Whether `text` answers a question on a price: asked how much (价格是多少), a sum of money
/// outside a fine — not a fine measured against a market price, nor the sums of a fine beside
/// it (法典第一千二百二十六条 "处二万元以上二十万元以下的罚款…处…市场交易平均成交价格五倍以上
/// 十倍以下的罚款"); asked otherwise (价格由谁定), any statement of a price.
pub fn answers_price(text: &str, asks_amount: bool) -> bool {
    if !asks_amount {
        return states_price(text);
    }
    text.split(['，', ',', '；', ';', '。', '\n'])
        .filter(|clause| !clause.contains('罚'))
        .any(states_money)
}

/// Whether `text` states a sum of money (二十万元, 5千元, 100元/吨).
pub fn states_money(text: &str) -> bool {
    let t = crate::numerals::normalize(&compact(text));
    t.match_indices('元')
        .any(|(at, _)| t[..at].ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether a passage states a reason or a purpose (为了保护…, 为防止…, 目的是…, 由于…): what
/// a why-question asks for.
pub fn states_reason(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "为了",
        "目的",
        "因为",
        "由于",
        "以便",
        "旨在",
        "以免",
        "以防",
        "原因",
        "之所以",
    ];
    const FOR: &[&str] = &[
        "保护", "防治", "防止", "贯彻", "加强", "促进", "规范", "保障", "改善", "控制", "推进",
        "减少", "实施", "预防",
    ];
    let t = compact(text);
    WORDS.iter().any(|w| t.contains(w))
        || t.match_indices('为')
            .any(|(at, _)| FOR.iter().any(|f| t[at + '为'.len_utf8()..].starts_with(f)))
}

/// Whether a passage imposes or forbids something (应当, 不得, 禁止, 必须): what a why-must
/// question ("为什么要…") is answered by.
pub fn imposes(text: &str) -> bool {
    ["应当", "不得", "禁止", "必须", "严禁", "须"]
        .iter()
        .any(|w| text.contains(w))
}

/// What a may-we question asks whether it may do: the key terms after its 可不可以 (rewritten
/// 是否可以; 可以不可以, 可否, 能否), up to the end of that clause ("环评报告表可不可以全部用英文
/// 写" → 全部, 英文). (能不能 is not read: its object is often a spoken word no text holds,
/// 开个小染坊; nor a bare 是否: "要不要把…情况告诉买房的人" says 告诉 for the Code's 告知.)
pub fn may_object<'t>(terms: &'t [Vec<String>], question: &str) -> Vec<&'t Vec<String>> {
    let Some((at, marker)) = [
        "是否可以",
        "可以不可以",
        "可不可以",
        "可否",
        "能否",
        "能不能用",
    ]
    .iter()
    .find_map(|m| question.find(m).map(|at| (at, *m))) else {
        return Vec::new();
    };
    let after = &question[at + marker.len()..];
    let end = after
        .find(['，', ',', '。', '？', '?', '；', ';'])
        .unwrap_or(after.len());
    let after = &after[..end];
    terms
        .iter()
        .filter(|g| g.iter().any(|t| after.contains(t.as_str())))
        .collect()
}

/// Whether a passage states a limit's value: a number in a unit of measure (mg/L, mg/m3,
/// dB(A), 倍, ℃, %), or 不得检出. A law's fine in 元 and its days are none.
pub fn states_limit_value(text: &str) -> bool {
    const UNITS: &[&str] = &[
        "mg",
        "μg",
        "μmol",
        "ppm",
        "ug",
        "ng",
        "g/",
        "db",
        "倍",
        "℃",
        // ℃ as the texts' normalisation (NFKC) writes it, lower-cased.
        "°c",
        "%",
        "‰",
        "不得检出",
        "bq",
        "级",
        "ph",
        "cm/s",
        "m3/t",
        "t/",
        "毫克",
        "微克",
        "分贝",
    ];
    let t = compact(text).to_lowercase();
    UNITS.iter().any(|u| t.contains(u))
}

/// Whether a passage states a difference (高出周围建筑5m以上, 超过限值的幅度不得高于10 dB(A),
/// 严于国家标准).
pub fn states_difference(text: &str) -> bool {
    [
        "高出", "高于", "低于", "幅度", "严于", "多于", "少于", "宽于", "超出",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// Whether a passage states a year or a day (2012年, 2015-01-01, 二〇二六年), or one reckoned
/// from an event (自责令改正之日的次日起, 上一年度): which year or day something counts from.
pub fn states_year(text: &str) -> bool {
    let t = crate::numerals::normalize(&compact(text));
    ["之日", "次日", "年度", "当年", "上一年"]
        .iter()
        .any(|w| t.contains(w))
        // 近三年年最大量: the years counted back from now.
        || t.match_indices('近').any(|(at, _)| {
            let after = &t[at + '近'.len_utf8()..];
            let n = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                .count();
            n > 0 && after.chars().nth(n) == Some('年')
        })
        || states_date(&t)
        || t.match_indices('年').any(|(at, _)| {
            let digits = t[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            digits == 4
        })
        || t.as_bytes().windows(8).any(|w| {
            w[..4].iter().all(u8::is_ascii_digit)
                && w[4] == b'-'
                && w[5..7].iter().all(u8::is_ascii_digit)
                && w[7] == b'-'
        })
}

/// Whether a passage states an area (5000平方米, 2公顷, 10亩, 1 km², m2).
pub fn states_area(text: &str) -> bool {
    let t = compact(text);
    ["平方", "公顷", "亩", "km²", "m²", "km2", "hm²", "㎡"]
        .iter()
        .any(|w| t.contains(w))
}

/// The alternatives a question asks between ("执行报告是寄纸质的还是发邮件" → 纸质, 发邮件): the
/// last key term before its 还是 and the first after it, in the same clause.
pub fn alternatives<'t>(
    terms: &'t [Vec<String>],
    question: &str,
) -> Option<(&'t Vec<String>, Option<&'t Vec<String>>)> {
    let at = question.find("还是")?;
    let stops = ['，', ',', '。', '？', '?', '；', ';'];
    let before = &question[..at];
    let before = &before[before.rfind(stops).map_or(0, |i| i + 3)..];
    let after = &question[at + "还是".len()..];
    let after = &after[..after.find(stops).unwrap_or(after.len())];
    let first_in = |clause: &str| {
        terms
            .iter()
            .filter_map(|g| {
                g.iter()
                    .filter_map(|t| clause.find(t.as_str()))
                    .min()
                    .map(|at| (at, g))
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, g)| g)
    };
    // "是寄到厂里还是要自己去拿": a side of spoken words only (自己去拿) has no term (None).
    Some((last_term_in(terms, before)?, first_in(after)))
}

/// Whether a passage states an hour of the day (22时, 晚上十点, 6:00, 二十二点).
pub fn states_clock_time(text: &str) -> bool {
    let t = crate::numerals::normalize(&compact(text));
    ['时', '点', ':', '：'].iter().any(|unit| {
        t.match_indices(*unit)
            .any(|(at, _)| t[..at].ends_with(|c: char| c.is_ascii_digit()))
    })
}

/// Whether a passage states a share: a percentage (15%, 百分之十) or a ratio (比例…, 几成).
pub fn states_share(text: &str) -> bool {
    ["%", "％", "‰", "百分之", "比例", "成以上", "分之"]
        .iter()
        .any(|w| text.contains(w))
}

pub fn states_quantity(text: &str) -> bool {
    !crate::numerals::quantities(text).is_empty()
}

/// `text` without the row number it opens with: a catalogue's row "103 一般工业固体废物…" is
/// labelled by that number, which is no quantity it states. A standard's dotted clause number
/// ("7.3 …") stays: a clause that states a method or a term (7.3 内插法, 永久保存) answers a
/// question on a quantity's kind that no value of its own does.
pub fn without_label<'t>(text: &'t str, clause: &str) -> &'t str {
    let numbered = !clause.is_empty() && clause.chars().all(|c| c.is_ascii_digit() || c == '-');
    match text.strip_prefix(clause) {
        Some(rest) if numbered && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') => {
            rest
        }
        _ => text,
    }
}

/// Whether one sentence of `text` holds every character of `word` in order, a few characters
/// apart: a paraphrase of it ("保守商业秘密" of 保密), not a passage silent on it (a sign's
/// article of a 二维码).
pub fn spelled_apart(word: &str, text: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let Some(&first) = chars.first() else {
        return false;
    };
    let span = chars.len() * 3;
    text.split(['。', '；', ';', '！', '？'])
        .map(|s| s.chars().collect::<Vec<char>>())
        .any(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, c)| **c == first)
                .any(|(at, _)| {
                    let mut want = chars[1..].iter();
                    let mut next = want.next();
                    for c in s.iter().skip(at + 1).take(span) {
                        if Some(c) == next {
                            next = want.next();
                        }
                    }
                    next.is_none()
                })
        })
}

/// A list passage's lead-in (before its first item, （一） or (一)) and its items.
fn lead_and_items(text: &str) -> Option<(&str, Vec<&str>)> {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '（' | '(') && {
                let rest = &text[i + c.len_utf8()..];
                let n: String = rest
                    .chars()
                    .take_while(|c| "一二三四五六七八九十".contains(*c))
                    .collect();
                !n.is_empty() && rest[n.len()..].starts_with(['）', ')'])
            }
        })
        .map(|(i, _)| i)
        .collect();
    let first = *starts.first()?;
    let items = starts
        .iter()
        .zip(starts.iter().skip(1).chain(std::iter::once(&text.len())))
        .map(|(&a, &b)| &text[a..b])
        .collect();
    Some((&text[..first], items))
}

/// A term of a list question that the best passage, a list of the kind of thing asked
/// (下列信息), names only as one of its items, not in its lead-in: "排污许可证上的二维码扫出来
/// 能看到哪些信息" asks what the 二维码 carries, and 排污许可管理条例第十三条 lists the 二维码
/// among the 信息 a permit records, without saying what it carries. `noun` is what the
/// question asks a list of; `skip` tells the terms not to be weighed (a document's name).
pub fn named_only_as_item<'t>(
    terms: &'t [Vec<String>],
    noun: &str,
    text: &str,
    skip: impl Fn(&[String]) -> bool,
) -> Option<&'t Vec<String>> {
    let (lead, items) = lead_and_items(text)?;
    let lead = compact(lead);
    if items.len() < 3
        || !["下列", "以下"]
            .iter()
            .any(|w| lead.contains(&format!("{w}{noun}")))
    {
        return None;
    }
    let items: Vec<String> = items.iter().map(|i| compact(i)).collect();
    terms.iter().find(|g| {
        is_specific(g)
            && g[0] != noun
            && !skip(g)
            && !covered(g, &lead)
            && items.iter().filter(|i| covered(g, i)).count() == 1
    })
}

/// An item of an enumerated list: （一）, (一), 一、, 1., 1、
pub(crate) fn is_list_item(segment: &str) -> bool {
    let t = segment.trim_start();
    // A standard's lettered item: "a)有机质含量小于 5%", "b）水溶性盐总量小于 5%".
    let mut chars = t.chars();
    if chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.next().is_some_and(|c| c == ')' || c == '）')
    {
        return true;
    }
    if t.starts_with(['（', '(']) {
        return t
            .chars()
            .nth(1)
            .is_some_and(|c| "一二三四五六七八九十0123456789".contains(c));
    }
    let n: String = t
        .chars()
        .take_while(|c| "一二三四五六七八九十0123456789".contains(*c))
        .collect();
    // "6.2 进入 II 类场的…" is a clause's number, not an item's "1.".
    let rest = &t[n.len()..];
    !n.is_empty()
        && rest.starts_with(['、', '.', '．'])
        && !rest[rest.chars().next().map_or(0, char::len_utf8)..]
            .starts_with(|c: char| c.is_ascii_digit())
}

/// A table passage's header (its title and unit, up to the first colon) and its rows. A
/// sentence end before that colon closes the header: what follows it is the first row's
/// label ("单位mg/m³。燃气锅炉：颗粒物20，…" — 燃气锅炉 names the row, not the table).
fn table_header(text: &str) -> Option<(&str, &str)> {
    let (header, rest) = text.split_once([':', '：'])?;
    match header.rsplit_once('。') {
        Some((head, label)) if !label.trim().is_empty() && label.chars().count() <= 12 => {
            let head_len = head.len() + '。'.len_utf8();
            Some((&text[..head_len], text[head_len..].trim_start()))
        }
        _ => Some((header, rest)),
    }
}

/// Whether `later` opens with the frame of one of `kept`'s clauses and another value: its
/// first clause and that clause share their first six characters or more, and differ; or
/// one is the other negated ("有违法所得的，…；没有违法所得的，…").
fn parallel_branch(kept: &str, later: &str) -> bool {
    const FRAME: usize = 6;
    const CONDITION: usize = 4;
    let head =
        |s: &str| -> Vec<char> { s.split(['，', ',']).next().unwrap_or("").chars().collect() };
    // A condition without its negation or its 有: 没有违法所得的, 无违法所得的 → 违法所得的.
    let core = |c: &[char]| -> Vec<char> {
        let mut c = c;
        while let Some((first, rest)) = c.split_first() {
            if "没未无不非有".contains(*first) {
                c = rest;
            } else {
                break;
            }
        }
        c.to_vec()
    };
    let first = head(later);
    if first.len() < CONDITION {
        return false;
    }
    kept.split(['，', ',']).any(|clause| {
        let c: Vec<char> = clause.chars().collect();
        let negated =
            c.ends_with(&['的']) && core(&c) == core(&first) && core(&c).len() >= CONDITION;
        c != first
            && (negated
                || first.len() >= FRAME
                    && c.iter().zip(&first).take_while(|(a, b)| a == b).count() >= FRAME)
    })
}

/// The number of a list item: "（三）…" → 3, "2、…" → 2.
fn item_number(segment: &str) -> Option<u64> {
    let t = segment.trim_start().trim_start_matches(['（', '(']);
    let n: String = t
        .chars()
        .take_while(|c| "一二三四五六七八九十0123456789".contains(*c))
        .collect();
    n.parse()
        .ok()
        .or_else(|| crate::numerals::chinese_value(&n))
}

/// Whether a sentence refers to the items of the list before it by number and covers one of
/// `items`: "有前款第一项、第三项情形之一的，处…" covers 1 and 3, "有前款除第三项以外情形之一的，
/// 处…" covers every item but 3, "有前款情形之一的，处…" every item.
fn refers_to_items(segment: &str, items: &[u64]) -> bool {
    if items.is_empty() || !segment.contains("款") {
        return false;
    }
    let mut named = Vec::new();
    let mut rest = segment;
    while let Some(at) = rest.find('第') {
        let after = &rest[at + '第'.len_utf8()..];
        let n: String = after
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect();
        if after[n.len()..].starts_with('项')
            && let Some(v) = crate::numerals::chinese_value(&n)
        {
            named.push(v);
        }
        rest = after;
    }
    if named.is_empty() {
        // "单位有前款情形之一的，处十万元以上一百万元以下的罚款": every item, by none's number.
        return segment.contains("前款情形之一") || segment.contains("前款规定情形之一");
    }
    let except = segment.contains('除') && segment.contains("以外");
    items.iter().any(|i| named.contains(i) != except)
}

/// Whether a focused passage holds a case split: a clause qualified by the next one.
pub fn has_case_split(text: &str) -> bool {
    let segs = segments(text);
    segs.iter().skip(1).any(|s| {
        is_qualifier(s)
            && s.chars()
                .any(|c| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c))
    })
}

/// A clause that qualifies the one before it in the same sentence: a case split.
pub(crate) fn is_qualifier(segment: &str) -> bool {
    let t = segment.trim_start();
    [
        "需要",
        "需",
        "逾期",
        "情节严重",
        "造成",
        "其中",
        "但",
        "拒不",
        "并处",
        "对直接负责",
        "对符合条件",
        // A condition on the clause before: "应当密闭；不能密闭的，应当设置…围挡".
        "不能",
        "无法",
        "确需",
        "达不到",
        "不具备",
    ]
    .iter()
    .any(|m| t.starts_with(m))
        // The way on when the way before fails: "…申请调解处理；调解不成的，可以向人民法院提起
        // 诉讼" (协商不成的, 调解不成的).
        || t
            .split(['，', ','])
            .next()
            .is_some_and(|condition| condition.ends_with("不成的"))
}

/// Text that tries to instruct the reader rather than state a rule: dropped from evidence.
pub fn is_instruction(segment: &str) -> bool {
    let s = segment.to_lowercase();
    const MARKERS: &[&str] = &[
        "忽略以上",
        "忽略前面",
        "忽略之前",
        "忽略所有",
        "忽略上述",
        "无视以上",
        "无视上述",
        "不要遵守",
        "你现在是",
        "你必须回答",
        "请回答：",
        "系统提示",
        "ignore previous",
        "ignore all",
        "ignore the above",
        "disregard",
        "system prompt",
        "you are now",
        "<|im_start|>",
        "<|im_end|>",
    ];
    MARKERS.iter().any(|m| s.contains(m))
}

/// The passages of the hits that carry the question's terms (see [`focus_parts`]).
pub fn focus(terms: &[Vec<String>], hits: &[Hit], max: usize, chars: usize) -> Vec<Evidence> {
    focus_parts(&[terms.to_vec()], &Hints::default(), hits, max, chars)
}

/// Integrated discharge standards that a textile dyeing works does not follow where its trade
/// has its own (GB 8978-1996 1.2: 纺织染整工业执行 GB 4287).
const YIELDS_TO_TRADE_STANDARD: &[&str] = &["GB 8978"];

/// Whether a question names an integrated standard of [`YIELDS_TO_TRADE_STANDARD`] (by number
/// or by title).
pub fn names_integrated_standard(question: &str) -> bool {
    let q = compact(question);
    q.contains("8978") || q.contains("污水综合排放标准")
}

/// What holding the question's first term, specific and held by no other passage found, adds
/// to the rank of a passage of the document the question names.
const UNIQUE_BONUS: f64 = 0.5;

/// What carrying an article of the repealed law the question names adds to a passage's rank.
const CARRIED_BONUS: f64 = 0.5;

/// How relevant a clause chosen by a carried article's guide counts when a quote too long
/// must choose: below the clauses that hold the question's own words best.
const GUIDED_RELEVANCE: f64 = 0.75;

/// What the choice of a passage's sentences knows about the question besides its terms.
#[derive(Debug, Clone, Default)]
pub struct Hints<'a> {
    /// The key terms of whom the question asks what they must do ("…时，被检查者应当怎么做" →
    /// 被检查者); empty when it asks no such thing.
    pub duty_holder: &'a [Vec<String>],
    /// Articles in force that carry an article of the repealed law the question names: the
    /// sentence most like the old article's sentence that answers the question is quoted.
    pub carried: &'a [Carried],
    /// The question asks when: a sentence that holds one of its terms and names a calendar
    /// day ("本标准自 2021 年 7 月 1 日起实施" for "…从哪天开始实施") is quoted, though another
    /// holds more of its words.
    pub asks_when: bool,
    /// The term the question asks the definition of: the sentence that defines it (or a
    /// standard's entry heading for it, with the definition under it) is quoted, though others
    /// name it more often.
    pub defined: Option<&'a str>,
    /// A size the question states with its unit ("10吨的燃煤锅炉"): the row of a table of size
    /// classes that holds it is quoted, and the rows of the other classes are not.
    pub size: Option<(f64, &'static str)>,
    /// The question asks how long: a clause that states a period is quoted.
    pub asks_duration: bool,
    /// The question asks what someone answers for ("对监测数据负什么责任"): a clause that
    /// says what they are responsible for (…应当对…负责) and holds one of its specific terms
    /// is quoted, though another holds more of its words.
    pub asks_responsibility: bool,
    /// The question asks what a thing serves for ("绩效分级的结果拿来做什么用"): a clause
    /// that says what it is used as (作为…依据, 用于) and holds one of its specific terms is
    /// quoted, though another holds more of its words.
    pub asks_purpose: bool,
    /// The question is about works yet to be built ([`crate::question::about_new_works`]):
    /// a clause on works already built (已建成的…) is not quoted for it.
    pub new_works: bool,
    /// The key term right before a closing 什么, the act whose object is asked ("维修单位要给
    /// 车主提供什么" → 提供), or before a closing 吗, the act asked whether may be done ("…，能
    /// 交付使用吗" → 交付使用): when no clause picked names it, a clause that names the act and
    /// another specific term of the question, or follows a clause picked, is quoted, though
    /// another holds more of its words (第二十四条's "维修完成后,应当向委托修理方提供维修合格
    /// 证明", not only its first sentence on who repairs).
    pub asked_act: Option<&'a [String]>,
    /// The pollutants the question names ("…总氮自行监测频次"): when no clause picked names
    /// one, a clause that does is quoted, though others hold more of the question's words
    /// (a digest's "色度、…、总氮、总磷…按月至季度监测" beside its opening sentence on 自行监测).
    pub pollutants: &'a [String],
    /// The question asks what a thing described is called ("以有机质液体作为热载体工质的锅炉
    /// 叫什么锅炉"): a kept definition is quoted with the entry heading above it, which names
    /// the term (GB 13271 3.4 有机热载体锅炉).
    pub asks_name: bool,
}

/// Whether a line opens an article with its label (第三条…) and ends with no stop, colon or
/// comma: a PDF wrapped the article's first sentence onto the next line.
fn wrapped_article_opening(line: &str) -> bool {
    let line = line.trim();
    article_label_at(line).is_some_and(|at| at > '第'.len_utf8())
        && !line.ends_with(['。', '；', ';', '：', ':', '，', ',', '！', '？'])
}

/// A line without the article label it opens with (第一百五十四条…).
fn past_article_label(line: &str) -> &str {
    match article_label_at(line) {
        Some(at) => &line[at + '条'.len_utf8()..],
        None => line,
    }
}

/// Where the 条 of the article label a line opens with stands (第一百五十四条…), when it
/// opens with one (at most eight characters of it).
fn article_label_at(line: &str) -> Option<usize> {
    line.starts_with('第')
        .then(|| line.find('条'))
        .flatten()
        .filter(|at| *at <= 24)
}

/// The condition a clause opens with, when it is a case of a rule's branches ("尚不构成犯罪的，
/// 依法给予行政处分" → 尚不构成犯罪, "情节严重的，…" → 情节严重): a short phrase before its
/// first 的， with no comma in it.
fn branch_condition(segment: &str) -> Option<&str> {
    let segment = segment.trim();
    let at = ["的，", "的,"]
        .iter()
        .filter_map(|w| segment.find(w))
        .min()?;
    let condition = &segment[..at];
    (condition.chars().count() <= 16 && !condition.contains(['，', ',', '、'])).then_some(condition)
}

/// Whether a clause is about works already built (已建成的…企业, 已建的排污口) and not also
/// about new ones ("禁止新建、扩建…设施,已建成的,应当…改用…").
fn on_built_works(segment: &str) -> bool {
    segment.contains("已建") && !segment.contains("新建") && !segment.contains("扩建")
}

/// Which segments carry the terms: those scoring at least half the best (of
/// [`segment_scores`]); the first two when none holds any.
fn keep_mask(scores: &[f64]) -> Vec<bool> {
    let any = scores.iter().any(|s| *s > 0.0);
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| if any { *s >= 0.5 } else { i < 2 })
        .collect()
}

/// How much of the terms each segment carries, relative to the best segment (1.0).
fn segment_scores(terms: &[Vec<String>], body: &[&str]) -> Vec<f64> {
    // A term found in few segments of the chunk tells more than one found in all of them.
    let hays: Vec<String> = body.iter().map(|s| compact(s)).collect();
    let weights: Vec<f64> = terms
        .iter()
        .map(|g| {
            let n = hays.iter().filter(|h| covered(g, h)).count();
            if n == 0 { 0.0 } else { 1.0 / n as f64 }
        })
        .collect();
    let scores: Vec<f64> = hays
        .iter()
        .map(|h| {
            terms
                .iter()
                .zip(&weights)
                .filter(|(g, _)| covered(g, h))
                .map(|(_, w)| w)
                .sum()
        })
        .collect();
    let best = scores.iter().copied().fold(0.0, f64::max);
    scores
        .iter()
        .map(|score| if best > 0.0 { score / best } else { 0.0 })
        .collect()
}

/// The sentence (up to its 。) each segment of `text` belongs to, for the segments that
/// [`segments`] gives and `keep` lets through, in the same order.
fn sentence_ids(text: &str, keep: impl Fn(&str) -> bool) -> Vec<usize> {
    split_lines(text, &['。', '！', '？'])
        .into_iter()
        .enumerate()
        .flat_map(|(id, sentence)| {
            sentence
                .split(['；', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty() && keep(s))
                .map(move |_| id)
        })
        .collect()
}

/// The passages of the hits that carry each part's terms: the segments (sentences, clauses,
/// table rows) that score best for *any* part of a question that asks several things, a list
/// lead-in with its items, a clause with the condition that qualifies it, and what `hints`
/// point at.
pub fn focus_parts(
    parts: &[Vec<Vec<String>>],
    hints: &Hints,
    hits: &[Hit],
    max: usize,
    chars: usize,
) -> Vec<Evidence> {
    // A question with no term to weigh ("环境保护法第一条是怎么规定的": the article named is
    // all it asks) quotes each passage's opening, not nothing.
    let whole = [Vec::new()];
    let parts = if parts.is_empty() { &whole[..] } else { parts };
    let mut out = Vec::new();
    for hit in hits {
        if out.len() >= max {
            break;
        }
        let segs: Vec<&str> = segments(&hit.text)
            .into_iter()
            .filter(|s| !is_instruction(s))
            .collect();
        if segs.is_empty() {
            continue;
        }
        // A table's header (up to its first colon) says what the columns are: always kept.
        let is_table = hit.clause.starts_with('表');
        let mut picked: Vec<String> = Vec::new();
        let mut body: Vec<&str> = segs.clone();
        if is_table
            && let Some((header, rest)) = table_header(&hit.text)
            && header.chars().count() <= 160
        {
            picked.push(
                segments(header)
                    .iter()
                    .map(|s| joined(s))
                    .collect::<Vec<_>>()
                    .join("，"),
            );
            body = segments(rest)
                .into_iter()
                .filter(|s| !is_instruction(s))
                .collect();
            // The column heads under the title (a PDF table's "…污染物项目 限值 … 直接排放
            // 间接排放" line, which states no value) belong to the header: kept with it, they
            // do not outscore the row that answers ("5 色度 50 80") by naming the column.
            while body.len() > 1 && !body[0].chars().any(char::is_numeric) {
                if let Some(last) = picked.last_mut() {
                    last.push('，');
                    last.push_str(&joined(body[0]));
                }
                body.remove(0);
            }
        }
        let mut keep = vec![false; body.len()];
        // How well each segment answers its best part: what a quote too long keeps first.
        let mut relevance = vec![0.0_f64; body.len()];
        // A part this passage does not answer (it holds half of the part's terms or fewer)
        // picks none of its sentences: "排污登记表的有效期" would otherwise keep every
        // sentence of an article on 排污登记表 that says nothing of 有效期.
        let hay = haystack(hit);
        let answers = |terms: &Vec<Vec<String>>| {
            2 * terms.iter().filter(|g| covered(g, &hay)).count() > terms.len()
        };
        let mut applied = false;
        for (i, terms) in parts.iter().enumerate() {
            // The last part applies anyway when none did before it.
            let last_chance = i + 1 == parts.len() && !applied;
            if parts.len() > 1 && !answers(terms) && !last_chance {
                continue;
            }
            applied = true;
            let mut scores = segment_scores(terms, &body);
            // On new works, a clause on works already built counts for nothing; the others
            // are weighed against the best of themselves.
            if hints.new_works && body.iter().any(|s| !on_built_works(s)) {
                for (score, segment) in scores.iter_mut().zip(&body) {
                    if on_built_works(segment) {
                        *score = 0.0;
                    }
                }
                let best = scores.iter().copied().fold(0.0, f64::max);
                if best > 0.0 {
                    scores.iter_mut().for_each(|s| *s /= best);
                }
            }
            for (k, m) in keep.iter_mut().zip(keep_mask(&scores)) {
                *k |= m;
            }
            for (r, x) in relevance.iter_mut().zip(&scores) {
                *r = r.max(*x);
            }
        }
        // A table's row the question names by its class ("在1类声环境功能区，晚上…" → "1类55/45"):
        // kept, though a note under the table holds more of the question's other words.
        if is_table {
            for g in parts.iter().flatten().filter(|g| names_class(&g[0])) {
                for (i, segment) in body.iter().enumerate() {
                    if covered(g, &compact(segment)) {
                        keep[i] = true;
                        relevance[i] = relevance[i].max(1.0);
                    }
                }
            }
        }
        // The clause that says what the question's duty-holder must do ("被检查者应当如实反映
        // 情况" for "…时，被检查者应当怎么做") answers it, even when another clause of the
        // passage holds more of the question's words (实施现场检查的部门…应当为被检查者保守
        // 商业秘密).
        if !hints.duty_holder.is_empty() {
            for (i, segment) in body.iter().enumerate() {
                let Some(at) = segment.find("应当") else {
                    continue;
                };
                let before = compact(&segment[..at]);
                if hints.duty_holder.iter().all(|g| covered(g, &before)) {
                    keep[i] = true;
                    relevance[i] = 1.0;
                }
            }
        }
        if hints.asks_responsibility || hints.asks_purpose {
            for (i, segment) in body.iter().enumerate() {
                let hay = compact(segment);
                // 负责 the verb, not the 负责人 who bears it.
                let responsible = hints.asks_responsibility
                    && hay
                        .match_indices("负责")
                        .any(|(at, w)| !hay[at + w.len()..].starts_with('人'));
                let serves = hints.asks_purpose
                    && (hay.contains("作为") && hay.contains("依据") || hay.contains("用于"));
                if (responsible || serves)
                    && parts
                        .iter()
                        .flatten()
                        .any(|g| is_specific(g) && covered(g, &hay))
                {
                    keep[i] = true;
                    relevance[i] = 1.0;
                }
            }
        }
        // Only when no clause kept names the act already: one that does answers.
        if let Some(act) = hints.asked_act
            && !body
                .iter()
                .zip(&keep)
                .any(|(segment, k)| *k && covered(act, &compact(segment)))
        {
            // A clause that names it with another of the question's specific terms, or right
            // after a clause kept (第十六条's "…按照雨污分流要求进行规划建设。未按照规定要求
            // 建设的,不得交付使用": the consequence of the rule kept).
            let kept = keep.clone();
            for (i, segment) in body.iter().enumerate() {
                let hay = compact(segment);
                if covered(act, &hay)
                    && (i > 0 && kept[i - 1]
                        || parts
                            .iter()
                            .flatten()
                            .any(|g| g[0] != act[0] && is_specific(g) && covered(g, &hay)))
                {
                    keep[i] = true;
                    relevance[i] = 1.0;
                }
            }
        }
        // An article's opening line that a PDF wrapped ("第三条本名录依据《国民经济行业分类》
        // (GB/T 4754-2017)\n划分行业类别。"): the line kept goes with it, which alone would
        // quote half a sentence.
        for i in 1..body.len() {
            if keep[i] && !keep[i - 1] && wrapped_article_opening(body[i - 1]) {
                keep[i - 1] = true;
                relevance[i - 1] = relevance[i];
            }
        }
        // A case the question names ("…玩忽职守、还没构成犯罪的，怎么处理" → 尚不构成犯罪的，
        // 依法给予行政处分): the branch right after a clause kept, whose condition holds a
        // specific term of the question that no clause kept holds, is quoted too.
        let kept = keep.clone();
        for i in 1..body.len() {
            if keep[i] || !kept[i - 1] {
                continue;
            }
            let Some(condition) = branch_condition(body[i]) else {
                continue;
            };
            let condition = compact(condition);
            if parts.iter().flatten().any(|g| {
                is_specific(g)
                    && covered(g, &condition)
                    && !body
                        .iter()
                        .zip(&kept)
                        .any(|(s, k)| *k && covered(g, &compact(s)))
            }) {
                keep[i] = true;
                relevance[i] = relevance[i].max(0.75);
            }
        }
        // A clause that names the pollutant only to except it ("除六价铬外均为企业废水总排放口")
        // is on the others: the row of the pollutant is quoted too.
        let names_pollutant = |segment: &str| {
            let hay = compact(segment);
            hints
                .pollutants
                .iter()
                .any(|p| names_unexcepted(&hay, &compact(p)))
        };
        if !hints.pollutants.is_empty()
            && !body
                .iter()
                .zip(&keep)
                .any(|(segment, k)| *k && names_pollutant(segment))
        {
            for (i, segment) in body.iter().enumerate() {
                if names_pollutant(segment) {
                    keep[i] = true;
                    relevance[i] = relevance[i].max(0.75);
                }
            }
        }
        if let Some(term) = hints.defined {
            let term = compact(term);
            for (i, segment) in body.iter().enumerate() {
                let s = compact(segment);
                if entry_heading(&s) == Some(term.as_str())
                    || defines_as_entry(&s, &term)
                    || s.starts_with(&format!("{term}是指"))
                    || s.contains(&format!("所称{term}"))
                {
                    keep[i] = true;
                    relevance[i] = 1.0;
                }
            }
        }
        if hints.asks_name {
            for i in 1..body.len() {
                if keep[i] && entry_heading(&compact(body[i - 1])).is_some() {
                    keep[i - 1] = true;
                    relevance[i - 1] = relevance[i - 1].max(relevance[i]);
                }
            }
        }
        if let Some((value, unit)) = hints.size {
            let holds: Vec<bool> = body
                .iter()
                .map(|segment| crate::numerals::in_stated_range(segment, value, unit))
                .collect();
            if holds.contains(&true) {
                for (i, segment) in body.iter().enumerate() {
                    if holds[i] {
                        keep[i] = true;
                        relevance[i] = 1.0;
                    } else if crate::numerals::states_size_in(segment, unit) {
                        keep[i] = false;
                    }
                }
            }
        }
        // A how-long question: a clause that states a period and holds one of its terms
        // ("主持编制的主要人员五年内禁止…" for "…几年内不能再编报告") is quoted, though a longer
        // one holds more of its words.
        // Only when no clause kept for its words states one: the best of those that do.
        let period_kept = body
            .iter()
            .zip(&keep)
            .any(|(s, k)| *k && states_duration(s));
        if hints.asks_duration && !period_kept {
            let best = body
                .iter()
                .enumerate()
                .filter(|(_, segment)| {
                    let hay = compact(segment);
                    states_duration(segment)
                        && parts
                            .iter()
                            .flatten()
                            .any(|g| is_specific(g) && covered(g, &hay))
                })
                .max_by(|a, b| {
                    relevance[a.0]
                        .total_cmp(&relevance[b.0])
                        .then(b.0.cmp(&a.0))
                })
                .map(|(i, _)| i);
            if let Some(i) = best {
                keep[i] = true;
                relevance[i] = 1.0;
            }
        }
        // A quote too long for its room keeps the clause that states the period first.
        if hints.asks_duration {
            for (i, segment) in body.iter().enumerate() {
                if keep[i] && states_duration(segment) && relevance[i] >= 0.5 {
                    relevance[i] = 1.25;
                }
            }
        }
        if hints.asks_when {
            for (i, segment) in body.iter().enumerate() {
                let hay = compact(segment);
                if states_date(segment) && parts.iter().flatten().any(|g| covered(g, &hay)) {
                    keep[i] = true;
                    relevance[i] = 1.0;
                }
            }
        }
        // A Code article that carries an article of the repealed law the question names: the
        // clause that says what the old article's best clause for the question said ("重点排污
        // 单位应当对自动监测数据的真实性和准确性负责" → "…应当对监测数据的真实性、准确性和
        // 完整性负责"), though it no longer holds the question's words.
        if let Some(terms) = parts.first() {
            // The old article that holds most of the question (as the ranking chose), and its
            // first clause that scores best.
            let guide = carried_by(hints.carried, hit, terms).and_then(|c| {
                let old = segments(&c.old_text);
                let scores = segment_scores(terms, &old);
                let best = scores.iter().copied().fold(0.0, f64::max);
                (best > 0.0)
                    .then(|| scores.iter().position(|s| *s == best))
                    .flatten()
                    .map(|i| old[i].to_owned())
            });
            if let Some(guide) = guide {
                let like: Vec<f64> = body
                    .iter()
                    .map(|segment| crate::verify::overlap(&guide, segment))
                    .collect();
                let top = like.iter().copied().fold(0.0, f64::max);
                if top >= crate::verify::MIN_OVERLAP {
                    for (i, x) in like.iter().enumerate() {
                        if *x >= 0.8 * top {
                            keep[i] = true;
                            // After the clauses that hold the question's words, when a quote
                            // too long must choose.
                            relevance[i] = relevance[i].max(GUIDED_RELEVANCE);
                        }
                    }
                }
            }
        }
        // Items kept for their own terms, before the list they belong to is brought whole.
        let matched_items: Vec<u64> = body
            .iter()
            .zip(&keep)
            .filter(|(s, k)| **k && is_list_item(s))
            .filter_map(|(s, _)| item_number(s))
            .collect();
        // A kept lead-in of a list ("下列条件：") brings its items, in order; a kept clause
        // brings the conditions that qualify it in the same sentence (需要现场核查的… /
        // 逾期不改正的… / 情节严重的…), so that a list or a case split is never half quoted.
        let mut item = vec![false; body.len()];
        for i in 0..body.len() {
            if !keep[i] {
                continue;
            }
            let lead_in = is_lead_in(body[i]);
            let mut j = i + 1;
            // Items, and the clauses that qualify an item (“；其中，…”) inside the list.
            while lead_in && j < body.len() {
                // An item's later sentences, when another item comes after them ("a)采用浮顶罐。
                // 对于内浮顶罐,…。对于外浮顶罐,…。b)采用固定顶罐,…" in GB 37822 5.2.1.2).
                let goes_on_to = (j > i + 1 && item[j - 1])
                    .then(|| {
                        (j..body.len())
                            .take_while(|&k| is_list_item(body[k]) || continues_item(body[k]))
                            .find(|&k| is_list_item(body[k]))
                    })
                    .flatten();
                let next = if is_list_item(body[j])
                    || (is_qualifier(body[j]) && body.get(j + 1).is_some_and(|n| is_list_item(n)))
                {
                    j
                } else if let Some(k) = goes_on_to {
                    k
                } else {
                    break;
                };
                for k in j..=next {
                    keep[k] = true;
                    item[k] = true;
                }
                j = next + 1;
            }
            if i + 1 < body.len() && is_qualifier(body[i + 1]) {
                keep[i + 1] = true;
            }
            // A definition entry's heading ("3.4 厂界 boundary") brings the definition under it.
            if i + 1 < body.len() && entry_heading(&compact(body[i])).is_some() {
                keep[i + 1] = true;
                relevance[i + 1] = relevance[i + 1].max(relevance[i]);
            }
        }
        // A kept item brings the lead-in that gives it force ("有下列行为之一的，…处…罚款：
        // …（三）未按照规定提交执行报告"): an item alone states no penalty and no duty.
        for i in 0..body.len() {
            if !(keep[i] && is_list_item(body[i])) {
                continue;
            }
            // Back over the items before it, then the lead-in's segments up to its 下列. The
            // numbered notes under a table ("注 1.表格中标“*”号者…；2.表格中涉及溶剂…") have no
            // lead-in but 注: the table's last row before them is none.
            let mut j = i;
            while j > 0 && is_list_item(body[j - 1]) {
                j -= 1;
            }
            let mut lead: Vec<usize> = Vec::new();
            for k in (j.saturating_sub(3)..j).rev() {
                if is_list_item(body[k]) {
                    break;
                }
                lead.push(k);
                if body[k].contains("下列") {
                    break;
                }
            }
            if !lead.iter().any(|&k| opens_notes(body[k])) {
                for k in lead {
                    keep[k] = true;
                }
            }
        }
        // A kept sentence brings the later one that is its parallel branch: the same frame
        // with another value ("报批、审核类型为生态环境影响报告书的，处…；报批、审核类型为生态环境
        // 影响报告表的，处…"), so that one branch is never quoted as the whole rule.
        // (Not a branch on works already built, for a question on new works.)
        for j in 0..body.len() {
            if keep[j] || hints.new_works && on_built_works(body[j]) {
                continue;
            }
            if (0..j).any(|i| keep[i] && parallel_branch(body[i], body[j])) {
                keep[j] = true;
            }
        }
        // A kept clause of a labelled run ("报告表:单纯纺丝;单纯丙纶纤维制造", a catalogue
        // digest's column) brings the clause that opens the run with its label: "单纯丙纶纤维
        // 制造" quoted after "报告书:全部(…除外)" alone would read as the other column's.
        if !is_table {
            let ids = sentence_ids(&hit.text, |s| !is_instruction(s));
            if ids.len() == body.len() {
                for j in 1..body.len() {
                    if !keep[j] || labelled(body[j]) {
                        continue;
                    }
                    let first = (0..j).rev().take_while(|&i| ids[i] == ids[j]).last();
                    if let Some(f) = first.filter(|&f| labelled(body[f])) {
                        keep[f] = true;
                        relevance[f] = relevance[f].max(relevance[j]);
                    }
                }
            }
        }
        // A matched item brings the later sentence that says, by the item's number, what
        // applies to it ("有前款第一项、第二项…情形之一的，处五万元以上二十万元以下的罚款"):
        // the lead-in of a liability list often says only "并处以罚款".
        for (k, s) in keep.iter_mut().zip(&body) {
            if !*k && refers_to_items(s, &matched_items) {
                *k = true;
            }
        }
        let items = item.iter().filter(|x| **x).count();
        // A quote too long for its room keeps its best sentences whole, in their order, rather
        // than its first ones: "技术单位有前款规定的违法情形的，主持编制的主要人员五年内禁止…"
        // comes after a long first paragraph that says nothing of it. A sentence keeps its
        // qualifying clauses (情节严重的…) with it. A list keeps its lead-in and the room it
        // is given below.
        let quotes_list = body.iter().zip(&keep).any(|(s, k)| *k && is_list_item(s));
        if !is_table && !quotes_list {
            let ids = sentence_ids(&hit.text, |s| !is_instruction(s));
            let len = |i: usize| body[i].chars().count() + 1;
            let total: usize = (0..body.len()).filter(|&i| keep[i]).map(len).sum();
            // Only when the plain cut (the first `chars` characters) would lose the best
            // sentence: otherwise the quote reads as the text does.
            let best_cut = (0..body.len())
                .filter(|&i| keep[i])
                .max_by(|a, b| relevance[*a].total_cmp(&relevance[*b]).then(b.cmp(a)))
                .is_some_and(|best| {
                    let end: usize = (0..body.len())
                        .filter(|&i| keep[i] && (i <= best || ids.get(i) == ids.get(best)))
                        .map(len)
                        .sum();
                    end > chars
                });
            if ids.len() == body.len() && total > chars && best_cut {
                let mut sentences: Vec<usize> = (0..body.len())
                    .filter(|&i| keep[i])
                    .map(|i| ids[i])
                    .collect();
                sentences.dedup();
                let score = |id: usize| {
                    (0..body.len())
                        .filter(|&i| keep[i] && ids[i] == id)
                        .map(|i| relevance[i])
                        .fold(0.0, f64::max)
                };
                let size = |id: usize| {
                    (0..body.len())
                        .filter(|&i| keep[i] && ids[i] == id)
                        .map(len)
                        .sum::<usize>()
                };
                let mut by_score = sentences.clone();
                by_score.sort_by(|a, b| score(*b).total_cmp(&score(*a)));
                let mut room = chars;
                let mut chosen = Vec::new();
                for id in by_score {
                    if chosen.is_empty() || size(id) <= room {
                        room = room.saturating_sub(size(id));
                        chosen.push(id);
                    }
                }
                for (i, k) in keep.iter_mut().enumerate() {
                    *k = *k && chosen.contains(&ids[i]);
                }
            }
        }
        // A digest's sentence marked unverified (【M】, from memory) keeps its mark on each
        // clause quoted from it without its opening one.
        let unverified: Vec<bool> = if is_table {
            vec![false; body.len()]
        } else {
            let ids = sentence_ids(&hit.text, |s| !is_instruction(s));
            (0..body.len())
                .map(|i| {
                    ids.len() == body.len()
                        && !body[i].starts_with('【')
                        && (0..i)
                            .rev()
                            .take_while(|&f| ids[f] == ids[i])
                            .last()
                            .is_some_and(|f| !keep[f] && body[f].starts_with("【M】"))
                })
                .collect()
        };
        // The one item the question speaks of more than of any other is quoted whole: "…处理
        // 效率不能低于多少" is answered at the end of GB 37822 6.2.3 a), past where a shortened
        // item stops.
        let best_item = {
            let mut items: Vec<usize> = (0..body.len()).filter(|&i| keep[i] && item[i]).collect();
            items.sort_by(|a, b| relevance[*b].total_cmp(&relevance[*a]));
            match items.as_slice() {
                [first, second, ..] if relevance[*first] > relevance[*second] => Some(*first),
                _ => None,
            }
        };
        for (i, segment) in body.iter().enumerate() {
            if !keep[i] || segment.is_empty() {
                continue;
            }
            // List items are shortened so that every item of the list is shown.
            let segment = if unverified[i] {
                format!("【M】{}", joined(segment))
            } else {
                joined(segment)
            };
            let text: String = if item[i] && best_item != Some(i) && segment.chars().count() > 60 {
                segment.chars().take(60).collect::<String>() + "…"
            } else {
                segment
            };
            if !picked.contains(&text) {
                picked.push(text);
            }
        }
        let mut text = picked.join("；");
        // Room for a list's items; for each of two parts a question asks ("罚款多少？情节严重的
        // 呢？": the case asked last may stand at the end of a long article's one sentence).
        let limit = if items > 0 {
            chars * 3
        } else {
            chars * parts.len().clamp(1, 2)
        };
        if text.chars().count() > limit {
            text = text.chars().take(limit).collect::<String>() + "…";
        }
        out.push(Evidence::quoting(hit, text));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_spelled_apart_is_a_paraphrase() {
        use super::spelled_apart;
        assert!(spelled_apart("保密", "检查者应当为被检查者保守商业秘密。"));
        assert!(!spelled_apart("二维码", "排污单位应当设置标志牌。"));
        // Not across sentences.
        assert!(!spelled_apart("保密", "应当保存。秘密不得泄露"));
    }

    #[test]
    fn a_thing_a_list_only_names_among_its_items_has_no_list_of_its_own() {
        use super::named_only_as_item;
        let t =
            |w: &[&str]| -> Vec<Vec<String>> { w.iter().map(|w| vec![(*w).to_owned()]).collect() };
        let list = "许可证应当载明下列信息：（一）单位名称和地址；（二）证书编号和二维码；（三）排放口位置；（四）许可排放浓度。";
        let no_doc = |_: &[String]| false;
        let terms = t(&["许可证", "二维码", "信息"]);
        assert_eq!(
            named_only_as_item(&terms, "信息", list, no_doc).map(|g| g[0].as_str()),
            Some("二维码")
        );
        // What the lead-in speaks of is the list's owner, not one item.
        assert!(named_only_as_item(&t(&["许可证", "信息"]), "信息", list, no_doc).is_none());
        // A list of acts (下列行为之一) is no list of the kind asked (处罚).
        let acts = "有下列行为之一的，处一万元以上十万元以下的罚款：（一）未公开信息；（二）未设置标志；（三）未保存记录。";
        assert!(named_only_as_item(&t(&["公开", "信息", "处罚"]), "处罚", acts, no_doc).is_none());
        // Not a list passage at all.
        assert!(named_only_as_item(&terms, "信息", "许可证载明二维码等信息。", no_doc).is_none());
    }

    #[test]
    fn a_case_s_value_meets_a_passage_s_condition() {
        let stated =
            stated_values("我们新上的定型机排气筒只有12米高，按GB 16297，它的排放速率怎么定？");
        assert_eq!(stated, [(12.0, "m")]);
        let short = "新污染源的排气筒一般不应低于15 m。确需低于15 m的，其排放速率按附录B外推计算结果再严格50%执行。";
        assert!(meets_condition(&stated, short));
        let table = "表2 颗粒物，二级最高允许排放速率(kg/h)按排气筒高度；15 m 3.5,20 m 5.9";
        assert!(!meets_condition(&stated, table));
        let around =
            "排气筒高度除须遵守表列排放速率标准值外，还应高出周围200 m半径范围的建筑5 m以上";
        assert!(!meets_condition(&stated, around));
        assert!(!meets_condition(&[(20.0, "m")], short));
        assert!(meets_condition(
            &[(70.0, "t/h")],
            "单台出力65 t/h以上的燃煤锅炉"
        ));
        assert!(!meets_condition(
            &[(20.0, "t/h")],
            "单台出力65 t/h以上的燃煤锅炉"
        ));
        assert!(stated_values("GB 16297-1996 表2 是2026年的吗").is_empty());
        assert!(stated_values("化学需氧量是90mg/L，风量2000m3/h").is_empty());
        let rows = "锅炉房装机总容量＜0.7 MW（＜1 t/h）20 m；2.8～＜7 MW（4～＜10 t/h）35 m";
        let four = stated_values("两台4吨/小时的锅炉，烟囱最低要多高？");
        assert_eq!(four, [(4.0, "t/h")]);
        assert!(meets_condition(&four, rows));
        assert!(meets_condition(&[(0.5, "t/h")], rows));
        assert!(!meets_condition(&[(12.0, "t/h")], rows));
        assert!(!meets_condition(&[(1.0, "t/h")], rows));
    }

    #[test]
    fn the_askers_words_for_a_body_and_for_discharging_are_the_texts() {
        use super::{compact, covered, term_group};
        let hay = compact(
            "企业可以自愿与发展改革、生态环境、工业和信息化部门签订节约资源、减少污染物排放的协议",
        );
        assert!(covered(&term_group("政府部门"), &hay));
        assert!(covered(&term_group("排污"), &hay));
        // A passage that names no body does not hold one.
        assert!(!covered(
            &term_group("政府部门"),
            &compact("企业应当减少污染物排放")
        ));
    }

    #[test]
    fn a_may_we_question_asks_of_the_words_after_its_marker() {
        let terms = vec![
            vec!["环评".to_owned()],
            vec!["报告表".to_owned()],
            vec!["全部".to_owned()],
            vec!["英文".to_owned()],
        ];
        let asked: Vec<&str> = super::may_object(&terms, "环评报告表是否可以全部用英文写？")
            .iter()
            .map(|g| g[0].as_str())
            .collect();
        assert_eq!(asked, ["全部", "英文"]);
        assert!(super::may_object(&terms, "环评报告表要用英文写吗？").is_empty());
        // 能不能 only with the means it asks of (能不能用微信扫): a spoken act after a bare
        // 能不能 (开个小染坊) is often no text's word.
        let terms = vec![vec!["二维码".to_owned()], vec!["微信".to_owned()]];
        let asked: Vec<&str> = super::may_object(&terms, "二维码能不能用微信扫？")
            .iter()
            .map(|g| g[0].as_str())
            .collect();
        assert_eq!(asked, ["微信"]);
        assert!(super::may_object(&terms, "能不能扫二维码，微信行吗？").is_empty());
    }

    #[test]
    fn a_limit_question_asks_the_limit_of_the_word_before_its_limit() {
        let terms = vec![
            vec!["gb".to_owned()],
            vec!["一氧化碳".to_owned()],
            vec!["有机卤素".to_owned()],
            vec!["这里".to_owned()],
        ];
        let of = |q: &str| super::limit_object(&terms, q).map(|g| g[0].clone());
        assert_eq!(
            of("锅炉标准对燃气锅炉的一氧化碳排放限值是多少？").as_deref(),
            Some("一氧化碳")
        );
        assert_eq!(
            of("新建企业可吸附有机卤素（AOX）的直接排放限值是多少？").as_deref(),
            Some("有机卤素")
        );
        // Where a limit applies, which limit applies, how far past it: no limit's object.
        assert_eq!(of("要是我们这里执行特别排放限值是多少？"), None);
        assert_eq!(of("排入城镇污水处理厂的印染废水执行什么限值？"), None);
        assert_eq!(of("夜里的噪声能比限值高多少？"), None);
        assert_eq!(
            super::limit_object_written("GB 16297-1996里二噁英的最高允许排放浓度是多少？")
                .as_deref(),
            Some("二噁英")
        );
        // Asked in spoken words: the term before 不能超过/最多 (多少).
        let terms = vec![vec!["大肠杆菌".to_owned()], vec!["六价铬".to_owned()]];
        assert_eq!(
            super::limit_object(&terms, "印染厂废水里的大肠杆菌不能超过多少？").map(|g| &g[0][..]),
            Some("大肠杆菌")
        );
        assert_eq!(
            super::limit_object(&terms, "III类水里大肠杆菌和六价铬分别不能超过多少？")
                .map(|g| &g[0][..]),
            Some("六价铬")
        );
        // 含量 only qualifies the limit, as 浓度 does.
        let terms2 = vec![vec!["甲醛".to_owned()], vec!["含量".to_owned()]];
        assert_eq!(
            super::limit_object(&terms2, "婴幼儿服装面料，甲醛含量不能超过多少？")
                .map(|g| &g[0][..]),
            Some("甲醛")
        );
        // …but not as written: "在3类区顶多多少分贝" names a place.
        assert_eq!(
            super::limit_object_written("厂界噪声在3类区最多多少分贝？"),
            None
        );
        // "…的标准限值是多少": 标准 only qualifies the limit.
        let terms = vec![vec!["塑料".to_owned()]];
        assert_eq!(
            super::limit_object(&terms, "地表水中微塑料的标准限值是多少？").map(|g| &g[0][..]),
            Some("塑料")
        );
        // A clause of the story is no name.
        assert_eq!(
            super::limit_object_written("随便哪一次测出来的浓度限值是多少？"),
            None
        );
        // A limit's value is a number in a unit of measure, not a fine or a day.
        assert!(super::states_limit_value("硫化物 0.5 0.5（单位：mg/L）"));
        assert!(super::states_limit_value("苯胺类 不得检出"));
        assert!(super::states_limit_value("泄漏检测值不应超过500 μmol/mol"));
        // ℃ as the indexed texts write it after NFKC.
        assert!(super::states_limit_value("周平均最大温升≤1°C"));
        // A catalogue's entry number is no value.
        assert!(!super::states_limit_value(
            "761 GHW/GHF 酸催化高含量三聚氰胺-甲醛树脂的木材涂料 2608020299"
        ));
        assert!(!super::states_limit_value(
            "向农用地排放重金属含量超标的污泥的，处十万元以上五十万元以下的罚款，五日以上十五日以下拘留"
        ));
    }

    #[test]
    fn a_reason_is_stated_with_its_purpose_words() {
        assert!(super::states_reason(
            "为了防止建设项目产生新的污染、破坏生态环境，制定本条例。"
        ));
        assert!(super::states_reason(
            "为保护和改善环境，防治污染，制定本标准。"
        ));
        assert!(!super::states_reason(
            "目标5年内由约200家压减至约100家，80%以上集聚到滨海工业区。"
        ));
        assert!(super::imposes("禁止在饮用水水源保护区内设置排污口。"));
        assert!(!super::imposes("推进印染集聚提升。"));
    }

    #[test]
    fn a_question_with_no_term_quotes_the_opening_of_its_passage() {
        let hit = test_hit(
            "生态环境法典",
            "第一条",
            "第一条 为了保护生态环境，防治污染和其他公害，制定本法。",
        );
        let quoted = super::focus_parts(&[], &super::Hints::default(), &[hit], 3, 200);
        assert!(quoted[0].text.contains("为了保护生态环境"), "{quoted:?}");
    }

    #[test]
    fn a_what_is_question_asks_for_the_term_before_its_what() {
        let terms = vec![vec!["平台".to_owned()], vec!["网址".to_owned()]];
        assert_eq!(
            super::what_is_object(&terms, "信息平台的网址是什么？").map(|g| g[0].as_str()),
            Some("网址")
        );
        assert!(super::what_is_object(&terms, "平台上要公开什么？").is_none());
        let terms: Vec<Vec<String>> = ["排污许可证", "正本", "厂里", "位置"]
            .iter()
            .map(|t| vec![t.to_string()])
            .collect();
        assert_eq!(
            super::modal_subject(&terms, "排污许可证正本要挂在厂里什么位置？")
                .map(|g| g[0].as_str()),
            Some("正本")
        );
        assert!(super::states_frequency("至少每季度 1 次"));
        assert!(super::states_frequency("应当…适时进行评估、修订"));
        assert_eq!(
            super::left_open_frequency("监理机构应当定期向当地生态环境主管部门报告环境监理情况"),
            Some("定期")
        );
        assert_eq!(
            super::left_open_frequency("至少每季度 1 次，并定期公开"),
            None
        );
        assert!(!super::states_frequency("应当对…生态环境影响进行跟踪检查"));
        // A count of months (GB 37822 9.3), and 一次 said of time, not of a seal (3.x).
        assert!(super::states_frequency(
            "对开式循环冷却水系统,每 6 个月对…总有机碳(TOC)浓度进行检测"
        ));
        assert!(super::states_frequency("每年至少组织一次演练"));
        assert!(!super::states_frequency(
            "下层密封称为一次密封,上层密封称为二次密封"
        ));
        assert!(super::names_class("1类") && super::names_class("III类"));
        assert!(super::names_class("二级") && !super::names_class("类别"));
        let jieba = jieba_rs::Jieba::new();
        assert!(super::is_thing(
            &jieba,
            "排污许可证正本要挂在厂里什么位置",
            "正本"
        ));
        assert!(!super::is_thing(
            &jieba,
            "贮存固废的设施和场所，平时要怎么管",
            "平时"
        ));
        assert!(!super::is_thing(
            &jieba,
            "废水可能流进河里，第一步要做什么",
            "第一步"
        ));
        let group = vec!["化工企业".to_owned()];
        assert!(super::parts_covered(
            &jieba,
            &group,
            "石油、化工以及其他生产和使用有机溶剂的企业"
        ));
        assert!(!super::parts_covered(
            &jieba,
            &["正本".to_owned()],
            "排污许可证正本"
        ));
        let terms = vec![vec!["管理机构".to_owned()], vec!["地址".to_owned()]];
        assert_eq!(
            super::where_object(&terms, "管理机构的办公地址在哪里？").map(|g| g[0].as_str()),
            Some("地址")
        );
    }

    #[test]
    fn a_yes_no_question_asks_whether_of_the_term_before_its_whether() {
        let terms = vec![vec!["批复".to_owned()], vec!["原件".to_owned()]];
        assert_eq!(
            super::whether_subject(&terms, "批复下来以后，原件是否自己去拿？")
                .map(|g| g[0].as_str()),
            Some("原件")
        );
        assert!(super::whether_subject(&terms, "是否自己去拿原件？").is_none());
    }

    #[test]
    fn a_yes_no_question_asks_whether_of_the_terms_after_its_whether() {
        let terms = vec![
            vec!["环保局".to_owned()],
            vec!["检查".to_owned()],
            vec!["吃饭".to_owned()],
        ];
        let asked = super::whether_object(&terms, "环保局的人来厂里检查，是否留他们吃饭？");
        assert_eq!(asked, vec![&terms[2]]);
        // Up to the end of its clause: a later clause is the question's scene.
        let asked = super::whether_object(&terms, "是否留他们吃饭，环保局检查时？");
        assert_eq!(asked, vec![&terms[2]]);
        assert!(super::whether_object(&terms, "环保局来检查，吃饭怎么办？").is_empty());
    }

    #[test]
    fn a_how_much_question_asks_the_quantity_of_the_term_before_it() {
        let terms = vec![
            vec!["环保局".to_owned()],
            vec!["一个月".to_owned()],
            vec!["工资".to_owned()],
        ];
        assert_eq!(
            super::how_much_object(&terms, "环保局的人一个月工资多少？").map(|g| g[0].as_str()),
            Some("工资")
        );
        assert_eq!(
            super::how_much_object(&terms, "环保局的人一个月工资一般是多少？")
                .map(|g| g[0].as_str()),
            Some("工资")
        );
        let terms = vec![vec!["罚款".to_owned()]];
        assert!(super::how_much_object(&terms, "偷排要罚多少？").is_none());
        // A period asked of whoever acts: how long, not a quantity of the body.
        assert!(super::how_much_object(&terms, "环保局多少天内要审完？").is_none());
        // A threshold's value is asked of what it is a threshold of.
        let terms = vec![vec!["蒸气压".to_owned()], vec!["门槛".to_owned()]];
        assert_eq!(
            super::how_much_object(&terms, "蒸气压的门槛是多少？").map(|g| g[0].as_str()),
            Some("蒸气压")
        );
    }

    #[test]
    fn a_class_is_not_held_inside_a_higher_one() {
        let class = vec!["I类".to_owned()];
        assert!(!super::covered(
            &class,
            &super::compact("6.2 进入 II 类场的一般工业固体废物")
        ));
        assert!(super::covered(
            &class,
            &super::compact("6.1 进入 I 类场的一般工业固体废物")
        ));
        assert!(super::covered(&class, &super::compact("进入Ⅰ类场")));
        let class = vec!["III类".to_owned()];
        assert!(super::covered(&class, &super::compact("表1 III类标准限值")));
        let class = vec!["1类".to_owned()];
        assert!(!super::covered(&class, &super::compact("第21类")));
        assert!(super::covered(&class, &super::compact("1类声环境功能区")));
    }

    #[test]
    fn pieces_of_spoken_verb_phrases_have_their_shape() {
        for piece in ["漏出来", "算不", "就响", "先排", "没拿到", "摆在"] {
            assert!(super::verb_fragment(piece), "{piece}");
        }
        for word in ["排污证", "挡车工", "锅炉", "不得", "网上", "印染厂"] {
            assert!(!super::verb_fragment(word), "{word}");
        }
    }

    #[test]
    fn a_row_label_after_the_table_unit_opens_the_rows() {
        let (header, rows) =
            super::table_header("表2 新建锅炉\n单位mg/m³。燃气锅炉：颗粒物20，二氧化硫50").unwrap();
        assert_eq!(header, "表2 新建锅炉\n单位mg/m³。");
        assert_eq!(rows, "燃气锅炉：颗粒物20，二氧化硫50");
        let (header, rows) = super::table_header(
            "单位mg/L（pH、色度除外），直接排放/间接排放：pH 6–9/6–9；化学需氧量80/200",
        )
        .unwrap();
        assert_eq!(header, "单位mg/L（pH、色度除外），直接排放/间接排放");
        assert_eq!(rows, "pH 6–9/6–9；化学需氧量80/200");
    }

    #[test]
    fn the_time_and_the_code_before_a_how_are_no_object() {
        let terms = vec![
            vec!["未批先建".to_owned()],
            vec!["罚款".to_owned()],
            vec!["现在".to_owned()],
        ];
        let object = super::how_object(&terms, "对未批先建的项目罚款，法典现在怎么规定？");
        assert_eq!(object.map(|g| g[0].as_str()), None);
        let object = super::how_object(&terms, "对未批先建的项目罚款现在怎么规定？");
        assert_eq!(object.map(|g| g[0].as_str()), Some("罚款"));
    }

    #[test]
    fn a_telephone_number_is_a_run_of_digits() {
        assert!(super::states_phone_number("环保举报热线12369"));
        assert!(!super::states_phone_number(
            "投诉举报电话由政务咨询投诉举报平台统一受理、交办。办理单位应当在办理完毕后二个工作日内答复"
        ));
    }

    #[test]
    fn a_price_is_stated_by_a_price_not_by_a_rule_on_fees() {
        assert!(super::states_price("排污权有偿使用基准价格为每吨4000元"));
        assert!(!super::states_price(
            "技术机构应当对其提出的技术评估意见负责，不得向建设单位收取任何费用"
        ));
        let fine = "重点排放单位未按时足额清缴的，处二万元以上二十万元以下的罚款；限期内未完成清缴的，处未清缴的碳排放配额清缴时限前一个月市场交易平均成交价格五倍以上十倍以下的罚款";
        assert!(!super::answers_price(fine, true));
        assert!(super::answers_price(fine, false));
        assert!(super::answers_price(
            "排污权有偿使用基准价格为每吨4000元",
            true
        ));
    }

    #[test]
    fn an_exponent_on_a_line_of_its_own_does_not_end_the_sentence() {
        let text = "5.2.1 当天然基础层饱和渗透系数不大于 1.0×10\n-5 cm/s,且厚度不小于 0.75 m 时,可以采用天然基础层作为防渗衬层。";
        assert_eq!(segments(text).len(), 1);
        assert!(joined(segments(text)[0]).contains("不大于 1.0×10⁻⁵ cm/s"));
        assert_eq!(segments("第一行\n第二行").len(), 2);
        // Nor does a comparison whose value is wrapped onto the next line.
        let item = "(四)化学需氧量年排放量大于 30 吨,或者总氮年排放量大于\n10 吨,或者总磷年排放量大于 0.5 吨的;";
        assert_eq!(segments(item).len(), 1);
        assert!(joined(segments(item)[0]).contains("总氮年排放量大于10 吨"));
    }

    #[test]
    fn a_year_is_four_digits_before_its_year() {
        assert!(super::states_year("本标准自2012年10月1日起实施"));
        assert!(super::states_year("自2015-01-01起执行"));
        assert!(!super::states_year("排污许可证有效期为5年"));
        assert!(super::states_year(
            "可以自责令改正之日的次日起，按照原罚款数额按日连续处罚"
        ));
        assert!(super::states_year(
            "投运满三年的，使用量按照近三年年最大量确定"
        ));
        assert!(!super::states_year(
            "国务院生态环境主管部门应当加强全国排污许可证管理信息平台建设"
        ));
    }

    #[test]
    fn the_alternatives_are_the_terms_about_its_or() {
        let terms = vec![
            vec!["执行报告".to_owned()],
            vec!["纸质".to_owned()],
            vec!["发邮件".to_owned()],
        ];
        let (a, b) = super::alternatives(&terms, "执行报告是寄纸质的还是发邮件？").unwrap();
        assert_eq!((a[0].as_str(), b.unwrap()[0].as_str()), ("纸质", "发邮件"));
        assert!(super::alternatives(&terms, "执行报告怎么交？").is_none());
        // A side in spoken words only has no term.
        let (a, b) = super::alternatives(&terms, "执行报告是寄纸质的还是要自己去送？").unwrap();
        assert_eq!((a[0].as_str(), b), ("纸质", None));
        assert!(super::states_area("保护区面积约120平方公里"));
        assert!(!super::states_area("堤岸每侧一般不少于五十米"));
    }

    #[test]
    fn a_rule_that_opens_on_another_kind_of_thing_is_not_the_questions() {
        let vehicles = "第二百二十二条 机动车、非道路移动机械及其发动机生产企业应当对新生产的机动车进行排放检验；生态环境主管部门可以通过现场检查等方式加强监督。";
        assert!(super::on_other_kind(
            vehicles,
            "环保的人来厂里现场检查我们要怎么配合"
        ));
        assert!(!super::on_other_kind(
            vehicles,
            "机动车生产企业要做什么检验"
        ));
        // A rule that names the kind beside the question's own thing.
        let dry_cleaning = "违反本法规定，从事服装干洗和机动车维修等服务活动，未设置异味和废气处理装置的，处二千元以上二万元以下的罚款";
        assert!(!super::on_other_kind(
            dry_cleaning,
            "干洗店没装废气处理装置罚多少钱"
        ));
        let radioactive = "第一千一百九十四条 违反本法规定，向环境排放禁止排放的放射性废气、废液，倾倒放射性固体废物的，处二十万元以上二百万元以下的罚款";
        assert!(super::on_other_kind(
            radioactive,
            "厂里的固体废物拉到山沟里倾倒了罚多少"
        ));
        let refuse_works = "第五百一十二条 禁止擅自关闭、闲置或者拆除生活垃圾处理设施、场所；确有必要关闭、闲置或者拆除的，应当经…核准。";
        assert!(super::on_other_kind(
            refuse_works,
            "厂里的污水处理设施能不能自己拆除或者闲置"
        ));
        assert!(!super::on_other_kind(
            refuse_works,
            "小区的垃圾处理设施能不能闲置"
        ));
        // GB 8978 表4's rows for dye makers are not the table's own limits.
        let dye_makers = "表4 染料工业等所列行业，染料工业；化学需氧量100/200/1000";
        assert!(super::on_other_kind(
            dye_makers,
            "GB 8978表4里化学需氧量的一级二级三级标准分别是多少"
        ));
        assert!(!super::on_other_kind(
            dye_makers,
            "染料工业的化学需氧量一级标准是多少"
        ));
    }

    #[test]
    fn an_hour_is_a_number_of_the_clock() {
        assert!(super::states_clock_time(
            "夜间是指晚上二十二点至次日早晨六点之间的期间"
        ));
        assert!(super::states_clock_time("22:00至次日6:00"));
        assert!(!super::states_clock_time(
            "排污许可证审查与决定、信息公开等应当通过全国排污许可证管理信息平台办理"
        ));
    }

    #[test]
    fn a_sum_of_money_is_a_number_in_yuan() {
        assert!(super::states_money("处二十万元以上一百万元以下的罚款"));
        assert!(super::states_money("每吨4000元"));
        assert!(!super::states_money(
            "县级以上人民政府应当加大财政投入,建设和改造公共污水管网"
        ));
        assert!(!super::states_money("燃煤锅炉 颗粒物 80 二氧化硫 400"));
    }

    #[test]
    fn a_length_is_a_number_with_a_unit_of_length() {
        for t in [
            "排气筒高度不低于15 m",
            "高出周围200 m半径范围的建筑物3 m以上",
            "500米以内",
        ] {
            assert!(super::states_length(t), "{t}");
        }
        for t in [
            "颗粒物 20 mg/m³",
            "为两家以上排污单位提供废水处理服务",
            "单位产品基准排水量 140 m3/t",
        ] {
            assert!(!super::states_length(t), "{t}");
        }
    }

    #[test]
    fn a_period_is_a_number_with_a_unit_of_time_and_a_date_is_none() {
        for t in [
            "贮存危险废物不得超过一年",
            "应当在三十日内作出决定",
            "自受理之日起5个工作日内",
            "24小时内报告",
            "发现泄漏之日起 5 d 内应进行首次修复",
            "应记录并在 90 d 内修复或排空储罐",
            "档案资料永久保存",
            "水样采集后自然沉降30 min,取上层非沉降部分",
            "静置30分钟后取样",
            // A period set as long as another.
            "5.5.2 测量时段:与被测声源测量的时间长度相同。",
        ] {
            assert!(super::states_duration(t), "{t}");
        }
        for t in [
            "自2015年1月1日起执行",
            "101 危险废物利用及处置",
            "处十万元以上一百万元以下的罚款",
            "2021-07-01实施",
            "昼间 65 dB(A)",
            "间接排放限值适用(2015年修改单注3至注5)",
            "30 mg/L",
        ] {
            assert!(!super::states_duration(t), "{t}");
        }
    }

    use super::*;

    fn test_hit(doc: &str, clause: &str, text: &str) -> Hit {
        Hit {
            doc: doc.into(),
            clause: clause.into(),
            text: text.into(),
            doc_number: None,
            doc_type: "law".into(),
            context: None,
            snippet: String::new(),
            score: 1.0,
            source: "test".into(),
            page: None,
            chunk_id: format!("{doc}{clause}"),
            status: None,
            repealed: None,
        }
    }

    #[test]
    fn a_count_of_a_year_gone_by_is_not_one_of_now() {
        let digest = "2010年6月起原绍兴县推进印染集聚提升,目标5年内由约200家压减至约100家；\
                      当时全县203家印染企业年产约185亿米。";
        assert!(!states_current_count(digest, '家'));
        assert!(states_current_count("全区现有印染企业108家。", '家'));
    }

    #[test]
    fn the_duty_asked_of_a_subject_goes_before_an_encouragement_of_the_act() {
        // "印染厂生产中产生恶臭气体，企业应当采取哪些措施": 绍兴市大气污染防治条例第二十一条
        // names 印染 too, but only encourages 采取; 法典第二百四十九条 binds who 产生恶臭气体.
        let encouraged = test_hit(
            "绍兴市大气污染防治条例",
            "第二十一条",
            "生产、销售和使用含挥发性有机物的原材料应当符合质量标准；鼓励印染行业采取低挥发性原辅材料替代等措施；禁止在居民住宅区使用产生恶臭气体的物质",
        );
        let bound = test_hit(
            "中华人民共和国生态环境法典",
            "第二百四十九条",
            "企业事业单位在生产经营活动中产生恶臭气体的，应当科学选址，并安装净化装置或者采取其他有效措施",
        );
        let words =
            |w: &[&str]| -> Vec<Vec<String>> { w.iter().map(|t| vec![(*t).to_owned()]).collect() };
        let terms = words(&["印染", "生产", "产生", "恶臭", "气体", "采取", "措施"]);
        let ranking = Ranking {
            subject: words(&["印染", "生产", "产生", "恶臭", "气体"]),
            asked_duty: words(&["采取", "措施"]),
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![encouraged.clone(), bound.clone()], &ranking);
        assert_eq!(ranked[0].clause, "第二百四十九条");
        // Without the duty asked, the passage holding more of the question's words leads.
        let plain = Ranking {
            subject: ranking.subject.clone(),
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![encouraged, bound], &plain);
        assert_eq!(ranked[0].clause, "第二十一条");
    }

    #[test]
    fn a_claim_that_a_thing_need_not_be_done_is_answered_by_the_duty_to_do_it() {
        // "一般工业固废不用记台账": GB 18599 4.6 holds 一般, 工业 and 固体废物, 法典第四百八十九条
        // 工业, 固体废物 and 台账; the article that says the ledger 应当 be kept is the verdict.
        let siting = test_hit(
            "一般工业固体废物贮存和填埋污染控制标准",
            "4.6",
            "上述选址规定不适用于一般工业固体废物的充填和回填",
        );
        let ledger = test_hit(
            "中华人民共和国生态环境法典",
            "第四百八十九条",
            "产生工业固体废物的单位应当建立工业固体废物管理台账",
        );
        let terms = vec![
            vec!["一般".to_owned()],
            vec!["工业".to_owned()],
            vec!["固体废物".to_owned()],
            vec!["台账".to_owned()],
        ];
        let ranking = Ranking {
            denied: vec![vec!["台账".to_owned()]],
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![siting, ledger], &ranking);
        assert_eq!(ranked[0].clause, "第四百八十九条");
        assert!(!states_duty_of(
            "台账保存期限不少于5年",
            &[vec!["台账".to_owned()]]
        ));
    }

    #[test]
    fn a_permission_is_answered_by_a_rule_that_allows_on_a_condition_not_by_an_approval() {
        // GB 18599 5.1.3 (units a yard has) and 7.6.1 (leachate 方可排放 once treated) hold
        // as many of the question's words; whether it may be let out is 7.6.1's.
        let units = test_hit(
            "一般工业固体废物贮存和填埋污染控制标准",
            "5.1.3",
            "贮存场和填埋场一般应包括以下单元:防渗系统、渗滤液收集和导排系统",
        );
        let leachate = test_hit(
            "一般工业固体废物贮存和填埋污染控制标准",
            "7.6.1",
            "贮存场、填埋场产生的渗滤液应进行收集处理,达到GB 8978要求后方可排放",
        );
        let terms = vec![vec!["渗滤液".to_owned()], vec!["贮存".to_owned()]];
        let ranking = Ranking {
            permission_asked: true,
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![units, leachate.clone()], &ranking);
        assert_eq!(ranked[0].clause, "7.6.1");
        // A project's approval that says 不得 binds that project alone.
        let terms = vec![
            vec!["渗滤液".to_owned()],
            vec!["贮存".to_owned()],
            vec!["防渗".to_owned()],
        ];
        let mut approval = test_hit(
            "示例·审查意见",
            "九、其他要求",
            "渗滤液贮存池不得渗漏，防渗层应完好",
        );
        approval.doc_type = "approval".into();
        let mut rule = test_hit("某标准", "5.1", "渗滤液应当收集后贮存，可以回用");
        rule.chunk_id = "rule".into();
        let ranked = rank_by_terms(&terms, vec![approval, rule], &ranking);
        assert_eq!(ranked[0].clause, "5.1");
    }

    #[test]
    fn a_word_named_only_to_be_put_outside_the_scope() {
        let scope = "不适用于洗毛、麻脱胶、煮茧和化纤等纺织原料生产工艺(其排放执行其他标准;GB 4287 未列出标准号,缫丝、毛纺、麻纺工业另有 GB 28936)。";
        assert!(puts_outside(scope, "缫丝"));
        assert!(puts_outside(scope, "洗毛"));
        assert!(!puts_outside(scope, "印染"));
        assert!(!puts_outside(
            "适用于纺织染整(印染)企业。不适用于洗毛。",
            "印染"
        ));
    }

    #[test]
    fn a_long_word_is_held_in_its_two_parts_apart() {
        assert_eq!(
            head_and_tail("包装桶"),
            ("包装".to_owned(), "桶".to_owned())
        );
        assert_eq!(head_and_tail("食堂"), ("食堂".to_owned(), String::new()));
        assert!(loosely_held(
            "包装桶",
            "采用库房、包装工具(罐、桶、包装袋等)贮存"
        ));
        assert!(!loosely_held("燃气轮机", "燃气锅炉的氮氧化物限值"));
        assert!(!loosely_held("食堂", "食品"));
    }

    #[test]
    fn a_medium_or_a_way_of_emitting_the_passage_holds_in_place_of_the_asked_one() {
        let table = test_hit(
            "地表水环境质量标准",
            "表1",
            "表1 III类标准限值，单位mg/L；氨氮≤1.0",
        );
        let terms = vec![vec!["地下水".to_owned()], vec!["氨氮".to_owned()]];
        assert_eq!(contrast_instead(&terms, &table), Some(("地下水", "地表水")));
        // Asked of the medium the passage is on: nothing in its place.
        let terms = vec![vec!["地表水".to_owned()], vec!["氨氮".to_owned()]];
        assert_eq!(contrast_instead(&terms, &table), None);
        // Noise inside a workshop, asked of the boundary's standard; not when the question
        // asks of the boundary too.
        let boundary = test_hit(
            "工业企业厂界环境噪声排放标准",
            "4.1.2",
            "4.1.2 夜间频发噪声的最大声级超过限值的幅度不得高于 10 dB(A)",
        );
        let inside = vec![vec!["车间".to_owned()], vec!["噪声".to_owned()]];
        assert_eq!(contrast_instead(&inside, &boundary), Some(("车间", "厂界")));
        let both_places = vec![
            vec!["车间".to_owned()],
            vec!["厂界".to_owned(), "周界".to_owned()],
            vec!["噪声".to_owned()],
        ];
        assert_eq!(contrast_instead(&both_places, &boundary), None);
        // A passage on both answers either.
        let both = test_hit("法典", "第一条", "防治地表水和地下水污染");
        let terms = vec![vec!["地下水".to_owned()]];
        assert_eq!(contrast_instead(&terms, &both), None);
        // Hazardous waste, asked of the standard on the other kind of waste.
        let liner = test_hit(
            "一般工业固体废物贮存和填埋污染控制标准",
            "5.3.1",
            "II 类场应采用单人工复合衬层作为防渗衬层",
        );
        let terms = vec![vec!["危险废物".to_owned(), "危废".to_owned()]];
        assert_eq!(
            contrast_instead(&terms, &liner),
            Some(("危险废物", "一般工业固体废物"))
        );
        // Another medium: groundwater's monitoring for a question on waste gas.
        let groundwater = test_hit(
            "一般工业固体废物贮存和填埋污染控制标准",
            "10.3.3",
            "10.3.3 贮存场、填埋场地下水监测频次应符合以下要求:a)运行期间,企业自行监测频次至少每季度 1 次",
        );
        let terms = vec![vec!["废气".to_owned()], vec!["频次".to_owned()]];
        assert_eq!(
            contrast_instead(&terms, &groundwater),
            Some(("废气", "地下水"))
        );
        let terms = vec![vec!["土壤".to_owned()], vec!["频次".to_owned()]];
        assert_eq!(
            contrast_instead(&terms, &groundwater),
            Some(("土壤", "地下水"))
        );
        // A limit asked whatever it is of, in a Latin name too.
        assert!(asks_limit(
            "GB 37822-2019 对定型机排气筒VOCs的最高允许排放速率是多少？"
        ));
        assert!(asks_limit("GB 4287-2012对壬基酚的排放限值是多少？"));
        assert!(!asks_limit("排气筒高度在20米和30米之间，排放速率怎么算？"));
    }

    #[test]
    fn a_pollutant_asked_brings_its_clause_with_the_mark_of_its_sentence() {
        let hit = test_hit(
            "排污许可证申请与核发技术规范 纺织印染工业",
            "自行监测 HJ 879-2017",
            "排污单位自行监测技术指南 纺织印染工业（HJ 879-2017）【V2】：规定废水、废气、噪声及周边环境质量的自行监测；自备电厂执行HJ 820。【M】重点排污单位废水总排放口的流量、pH采用自动监测；色度、总氮、总磷按月至季度监测；车间排放口六价铬按月监测。",
        );
        let terms = terms_of(&["自行监测", "废水", "噪声"]);
        let pollutants = vec!["总氮".to_owned()];
        let quoted = |pollutants: &[String]| {
            let hints = Hints {
                pollutants,
                ..Hints::default()
            };
            quote(&terms, &hints, &hit)
        };
        assert!(!quoted(&[]).contains("总氮"), "{}", quoted(&[]));
        let with = quoted(&pollutants);
        assert!(with.contains("总氮、总磷按月至季度监测"), "{with}");
        // The clause quoted without the opening of its sentence keeps the sentence's mark.
        let only = quote(&terms_of(&["总氮", "频次"]), &Hints::default(), &hit);
        assert!(
            only.contains("【M】色度、总氮、总磷按月至季度监测"),
            "{only}"
        );
        assert!(!only.contains("流量"), "{only}");
    }

    #[test]
    fn a_pollutant_excepted_by_a_note_brings_its_own_row() {
        assert!(!names_unexcepted(
            "监控位置:除六价铬外均为企业废水总排放口",
            "六价铬"
        ));
        assert!(!names_unexcepted("除pH、六价铬外均为总排放口", "六价铬"));
        assert!(names_unexcepted(
            "六价铬不得检出(车间或生产设施废水排放口)",
            "六价铬"
        ));
        // Named once as excepted and once on its own.
        assert!(names_unexcepted(
            "除六价铬外均为总排放口;六价铬在车间监控",
            "六价铬"
        ));
        // A 除 of another clause excepts nothing here.
        assert!(names_unexcepted("除外，六价铬0.5", "六价铬"));
        // A unit's exception, named before its 除外, on every row of a table.
        assert!(!names_unexcepted(
            "单位,mg/L(pH值,色度除外)序号污染物项目;13六价铬不得检出",
            "色度"
        ));
        assert!(names_unexcepted(
            "单位,mg/L(pH值,色度除外)序号污染物项目;5色度5080",
            "色度"
        ));
        let hit = test_hit(
            "纺织染整工业水污染物排放标准",
            "表2",
            "表2 新建企业水污染物排放浓度限值，单位mg/L(pH、色度除外),直接排放/间接排放：苯胺类不得检出/不得检出；六价铬不得检出（车间或生产设施废水排放口）。监控位置：除六价铬外均为企业废水总排放口。排水量计量位置与污染物监控位置相同。",
        );
        let terms = terms_of(&["六价铬", "位置", "监控"]);
        let pollutants = vec!["六价铬".to_owned()];
        let hints = Hints {
            pollutants: &pollutants,
            ..Hints::default()
        };
        let quoted = quote(&terms, &hints, &hit);
        assert!(quoted.contains("车间或生产设施废水排放口"), "{quoted}");
    }

    #[test]
    fn a_rule_on_the_pollutant_named_counts_below_the_first_five() {
        let hit = |clause: &str, text: &str| test_hit("某标准", clause, text);
        let mut rules: Vec<Hit> = (1..=5)
            .map(|i| hit(&format!("5.{i}"), "测量时段:与被测声源测量的时间长度相同"))
            .collect();
        rules.push(hit(
            "表2",
            "表2 新建企业水污染物排放浓度限值：六价铬不得检出(车间或生产设施废水排放口)",
        ));
        let terms = terms_of(&["染色", "废水", "六价铬", "排放口"]);
        let chromium = vec!["六价铬".to_owned()];
        assert!(rules_say(&terms, &rules, &chromium, 0.5));
        // A rule below the first five that names no pollutant of the question does not.
        assert!(!rules_say(&terms, &rules, &[], 0.5));
        assert!(!rules_say(&terms, &rules, &["总氮".to_owned()], 0.5));
        assert!(rules_say(&terms, &[], &[], 0.5));
    }

    #[test]
    fn an_integrated_standard_that_yields_to_the_trade_goes_after_unless_named() {
        let with_number = |doc: &str, number: &str, text: &str| Hit {
            doc_number: Some(number.into()),
            doc_type: "digest".into(),
            ..test_hit(doc, "表", text)
        };
        let water = with_number(
            "污水综合排放标准",
            "GB 8978-1996",
            "表4 第二类污染物最高允许排放浓度：甲醛1.0/2.0/5.0；苯胺类1.0/2.0/5.0",
        );
        let air = with_number(
            "大气污染物综合排放标准",
            "GB 16297-1996",
            "表2 甲醛，最高允许排放浓度25 mg/m3；苯胺类，最高允许排放浓度20 mg/m3",
        );
        let terms = terms_of(&["甲醛", "苯胺类", "最高允许排放浓度"]);
        let first = |names_integrated: bool| {
            let ranking = Ranking {
                names_integrated,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![water.clone(), air.clone()], &ranking)[0]
                .doc
                .clone()
        };
        assert_eq!(first(false), "大气污染物综合排放标准");
        assert_eq!(first(true), "污水综合排放标准");
        assert!(names_integrated_standard("按GB 8978，甲醛限值是多少"));
        assert!(!names_integrated_standard("甲醛限值是多少"));
    }

    #[test]
    fn a_measure_is_answered_by_a_value_a_thing_by_its_name() {
        let jieba = analyzer::jieba();
        assert!(super::measure_noun("宽度"));
        assert!(!super::measure_noun("限额"));
        assert!(super::is_noun(
            &jieba,
            "纺织企业的单位产品能耗限额是多少？",
            "限额"
        ));
    }

    #[test]
    fn a_standards_scope_clause_sets_no_rule_on_the_procedures_it_lists() {
        let scope = test_hit(
            "纺织染整工业水污染物排放标准",
            "1",
            "适用于纺织染整(印染)企业或生产设施的水污染物排放管理,以及建设项目环评、环保设施设计、竣工验收和投产后的排放管理",
        );
        let rule = test_hit(
            "建设项目环境保护管理条例",
            "第十七条",
            "编制环境影响报告书、环境影响报告表的建设项目竣工后,建设单位应当按照国务院环境保护行政主管部门规定的标准和程序,对配套建设的环境保护设施进行验收",
        );
        assert!(super::lists_procedures_of_scope(&scope.text));
        assert!(!super::lists_procedures_of_scope(&rule.text));
        let terms = vec![
            vec!["竣工".to_owned()],
            vec!["环保设施".to_owned(), "环境保护设施".to_owned()],
            vec!["验收".to_owned()],
        ];
        let ranked = rank_by_terms(
            &terms,
            vec![scope.clone(), rule.clone()],
            &Ranking::default(),
        );
        assert_eq!(ranked[0].clause, "第十七条");
        // Asked whom the standard applies to, the scope clause answers.
        let ranking = Ranking {
            asks_scope: true,
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![scope, rule], &ranking);
        assert_eq!(ranked[0].clause, "1");
    }

    #[test]
    fn what_a_whether_clause_asks_of_is_a_thing_or_an_act() {
        let jieba = analyzer::jieba();
        assert!(super::is_noun(
            &jieba,
            "印染厂排放的废气是否影响周边房价？",
            "房价"
        ));
        assert!(!super::is_noun(
            &jieba,
            "是否把举报人的情况透露给被举报的厂？",
            "透露"
        ));
    }

    #[test]
    fn conditions_of_another_thing_do_not_pass_the_gate() {
        let jieba = analyzer::jieba();
        let permit = test_hit(
            "排污许可管理条例",
            "第十一条",
            "第十一条 对具备下列条件的排污单位，颁发排污许可证：（一）依法取得建设项目环境影响报告书（表）批准文件。排污单位申请排污许可证，应当提交材料",
        );
        let other = key_terms(&jieba, "申请高新技术企业认定需要具备哪些条件？");
        let ratio = coverage(&other, std::slice::from_ref(&permit), 1).ratio;
        assert!(ratio < MIN_COVERAGE, "{ratio}");
        let own = key_terms(&jieba, "颁发排污许可证需要具备哪些条件？");
        let ratio = coverage(&own, std::slice::from_ref(&permit), 1).ratio;
        assert!(ratio >= MIN_COVERAGE, "{ratio}");
    }

    #[test]
    fn a_question_that_sets_a_scene_is_answered_by_a_rule_on_what_it_asks_and_its_case() {
        use Role::{Asked, Scene, Story};
        let g = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        // "有个工人举报厂里偷排，老板一气之下把他解除劳动合同了，这样做要承担责任吗"
        let terms = [
            g(&["举报"]),
            g(&["解除劳动合同"]),
            g(&["老板"]),
            g(&["诉讼"]),
        ];
        let roles = [Scene, Scene, Story, Asked];
        let rule = test_hit(
            "法典",
            "第一千零八十二条",
            "…可以依法支持因污染环境受到损害的当事人向人民法院提起诉讼。",
        );
        // What is asked, but nothing of the case.
        assert!(!answers_asked(&terms, &roles, &rule));
        let rule = test_hit(
            "法典",
            "第X条",
            "对举报人以解除劳动合同方式打击报复的，依法提起诉讼。",
        );
        assert!(answers_asked(&terms, &roles, &rule));
        // What is asked is missing.
        let roles = [Scene, Scene, Story, Scene];
        assert!(!answers_asked(&terms, &roles, &rule));
        // Two words of substance asked and held: the scene is only the occasion.
        let terms = [g(&["货车"]), g(&["排气"]), g(&["抽测"])];
        let rule = test_hit("绍兴", "第二十三条", "…应当对其进行排气监督抽测。");
        assert!(answers_asked(&terms, &[Scene, Asked, Asked], &rule));
        // One word asked: the rule must say half of the scene too.
        let other = test_hit("法典", "第X条", "…对水体进行抽测。");
        assert!(!answers_asked(&terms, &[Scene, Scene, Asked], &other));
        assert!(answers_asked(&terms, &[Scene, Scene, Asked], &rule));
        // A body asked of is who acts, not a word of substance ("重污染天气停产造成的损失，
        // 政府给不给企业补贴" and a subsidy for straw).
        let terms = [g(&["停产"]), g(&["损失"]), g(&["政府"]), g(&["补贴"])];
        let straw = test_hit(
            "浙江",
            "第四十六条",
            "县级人民政府应当…采取财政补贴…支持秸秆综合利用。",
        );
        assert!(!answers_asked(
            &terms,
            &[Scene, Scene, Asked, Asked],
            &straw
        ));
        // Only a consequence is asked ("…，罚多少"): the scene is the question.
        let terms = [g(&["驾驶证"]), g(&["罚款", "处罚"])];
        let rule = test_hit("法典", "第一千一百八十七条", "…暂扣机动车驾驶证，处罚款。");
        assert!(!answers_asked(&terms, &[Scene, Asked], &rule));
        // …unless the rule sets a fine in 元 for the deed told, two of its words and half of
        // them held ("…那个厂没办新化学物质登记证，我们拿它染布，会被罚多少").
        let terms = [
            g(&["染色"]),
            g(&["助剂"]),
            g(&["化学物质"]),
            g(&["登记证"]),
            g(&["罚款", "处罚"]),
        ];
        let roles = [Scene, Scene, Scene, Scene, Asked];
        let fine = test_hit(
            "法典",
            "第一千二百零七条",
            "…使用无新化学物质环境管理登记证的企业事业单位生产、进口的新化学物质生产产品的，\
             …处二十万元以上一百万元以下的罚款。",
        );
        assert!(answers_asked(&terms, &roles, &fine));
        // No fine in 元; or one word of the deed only.
        let duty = test_hit(
            "法典",
            "第六百五十一条",
            "禁止使用无新化学物质环境管理登记证的企业事业单位生产的新化学物质生产产品，违者罚款。",
        );
        assert!(!answers_asked(&terms, &roles, &duty));
        let other = test_hit(
            "法典",
            "第X条",
            "…新化学物质…处二万元以上二十万元以下的罚款。",
        );
        assert!(!answers_asked(&terms, &roles, &other));
        // One word asked of a story no text speaks of ("我们厂的商标被别人抢注了，该去找哪个
        // 部门"): a rule naming the 部门 is no answer; with a word of the texts in the scene,
        // it may be.
        let terms = [g(&["商标"]), g(&["抢注"]), g(&["部门"])];
        let rule = test_hit(
            "排污许可管理条例",
            "第六条",
            "…向生态环境主管部门申请取得排污许可证。",
        );
        assert!(!answers_asked(&terms, &[Story, Story, Asked], &rule));
        let terms = [g(&["商标"]), g(&["排污许可证"]), g(&["部门"])];
        assert!(answers_asked(&terms, &[Story, Scene, Asked], &rule));
    }

    #[test]
    fn a_local_regulation_is_for_the_place_its_title_opens_with() {
        assert_eq!(place_of("绍兴市水资源保护条例"), "绍兴市");
        assert_eq!(place_of("浙江省曹娥江流域水环境保护条例"), "浙江省");
        assert_eq!(place_of("中华人民共和国生态环境法典"), "");
        assert_eq!(place_of("固定污染源排污许可分类管理名录"), "");
        assert_eq!(place_of("工业企业厂界环境噪声排放标准"), "");
        // The place frames each sentence of its regulation: a passage that holds the
        // question's terms with it in one sentence ranks above one holding as many strewn.
        let local = test_hit(
            "某市水资源条例",
            "第三十条",
            "违反本条例规定，擅自取水的，处五万元以上十万元以下的罚款。",
        );
        let national = test_hit(
            "某国水法",
            "第九十条",
            "擅自取水的，责令停止。情节严重的，处二万元以上罚款。",
        );
        let terms = terms_of(&["某市", "擅自", "取水", "责令", "罚款"]);
        let ranked = rank_by_terms(&terms, vec![national, local], &Ranking::default());
        assert_eq!(ranked[0].doc, "某市水资源条例");
    }

    #[test]
    fn a_report_of_no_named_kind_weighs_half() {
        // "做环评的公司在写报告的时候弄虚作假，按…条例怎么罚": 写报告 is the firm's work, not
        // the 验收报告 of 第二十三条; the article on the firm's fraud (第二十五条) answers.
        assert!(!is_specific(&["报告".to_owned()]));
        let acceptance = test_hit(
            "某条例",
            "第二十三条",
            "建设项目在环境保护设施验收中弄虚作假的，处20万元以上100万元以下的罚款。\
             建设单位未依法向社会公开验收报告的，处5万元以上20万元以下的罚款。",
        );
        let firm = test_hit(
            "某条例",
            "第二十五条",
            "从事建设项目环境影响评价工作的单位，在环境影响评价工作中弄虚作假的，处所收费用1倍以上3倍以下的罚款。",
        );
        let terms = vec![
            vec!["环境影响评价".to_owned(), "环评".to_owned()],
            vec!["报告".to_owned()],
            vec!["弄虚作假".to_owned()],
            vec!["建设项目".to_owned()],
            vec!["罚款".to_owned()],
        ];
        let ranking = Ranking {
            sanction_asked: true,
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![acceptance, firm], &ranking);
        assert_eq!(ranked[0].clause, "第二十五条");
    }

    #[test]
    fn a_measure_a_pdf_wrapped_to_a_line_start_goes_on_its_sentence() {
        // GB 12348 5.3.3.1: the quote keeps "0.5 m 以上的位置", the rule's value.
        let hit = test_hit(
            "工业企业厂界环境噪声排放标准",
            "5.3.3.1",
            "5.3.3.1 当厂界有围墙时,测点应选在厂界外 1 m、高于围墙\n0.5 m 以上的位置。",
        );
        let terms = terms_of(&["围墙", "测点"]);
        let text = quote(&terms, &Hints::default(), &hit);
        assert!(text.contains("0.5 m 以上的位置"), "{text}");
        // A section's number after a heading, a Latin word after it, is no measure.
        assert!(!opens_with_a_measure("5.3.1 II 类场应采用单人工复合衬层"));
        assert!(!opens_with_a_measure("5.1.1 VOCs 物料应储存于密闭的容器中"));
        assert!(!opens_with_a_measure("1 55 45"));
        assert!(opens_with_a_measure("10 dB(A)作为评价依据"));
        assert!(opens_with_a_measure(
            "8.4.2 条规定外,应在发现泄漏之日起 15 d 内完成修复"
        ));
    }

    #[test]
    fn a_passage_that_names_neither_side_of_a_choice_goes_below() {
        // "进屋测的时候窗户要开着还是关着": GB 12348 5.3.3.4 (窗户关闭状态下测量), not 4.2.
        let limit = test_hit(
            "工业企业厂界环境噪声排放标准",
            "4.2",
            "4.2 结构传播固定设备室内噪声排放限值当固定设备排放的噪声通过建筑物结构传播至噪声敏感建筑物室内时,室内等效声级不得超过表 2 规定的限值。",
        );
        let window = test_hit(
            "工业企业厂界环境噪声排放标准",
            "5.3.3.4",
            "5.3.3.4 固定设备结构传声至噪声敏感建筑物室内,在室内测量时,窗户关闭状态下测量。",
        );
        let terms = terms_of(&["设备", "结构", "传播", "室内", "窗户"]);
        let ranking = Ranking {
            choice: vec![vec!["窗户".to_owned()]],
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![limit.clone(), window.clone()], &ranking);
        assert_eq!(ranked[0].clause, "5.3.3.4");
    }

    #[test]
    fn an_article_opening_a_pdf_wrapped_is_quoted_whole() {
        assert!(wrapped_article_opening(
            "第三条本名录依据《国民经济行业分类》(GB/T 4754-2017)"
        ));
        assert!(!wrapped_article_opening(
            "第九条本名录由生态环境部负责解释,并适时修订。"
        ));
        assert!(!wrapped_article_opening("划分行业类别"));
        let hit = test_hit(
            "固定污染源排污许可分类管理名录",
            "第三条",
            "第三条本名录依据《国民经济行业分类》(GB/T 4754-2017)\n划分行业类别。",
        );
        let terms = terms_of(&["分类管理名录", "划分", "行业类别"]);
        let text = quote(&terms, &Hints::default(), &hit);
        assert!(text.contains("4754"), "{text}");
    }

    #[test]
    fn the_branch_the_question_names_is_quoted_with_the_rule() {
        assert_eq!(
            branch_condition("尚不构成犯罪的，依法给予行政处分"),
            Some("尚不构成犯罪")
        );
        assert_eq!(
            branch_condition("工作人员徇私舞弊、滥用职权、玩忽职守，构成犯罪的，依法追究刑事责任"),
            None
        );
        let hit = test_hit(
            "某条例",
            "第二十六条",
            "环境保护行政主管部门的工作人员徇私舞弊、滥用职权、玩忽职守，构成犯罪的，依法追究刑事责任；\
             尚不构成犯罪的，依法给予行政处分。",
        );
        let terms = terms_of(&[
            "环境保护行政主管部门",
            "工作人员",
            "玩忽职守",
            "尚不",
            "构成犯罪",
        ]);
        let text = quote(&terms, &Hints::default(), &hit);
        assert!(text.contains("行政处分"), "{text}");
        // A question that names no branch keeps the rule alone.
        let terms = terms_of(&["环境保护行政主管部门", "工作人员", "玩忽职守", "构成犯罪"]);
        let text = quote(&terms, &Hints::default(), &hit);
        assert!(!text.contains("行政处分"), "{text}");
    }

    #[test]
    fn how_an_act_is_done_weighs_half() {
        // "能不能直接倒进河里": 直接 is how, not what; 直接排放 is a term of its own.
        assert!(!is_specific(&["直接".to_owned()]));
        assert!(is_specific(&["直接排放".to_owned()]));
    }

    #[test]
    fn on_a_tie_the_national_text_goes_before_the_local_one() {
        let text = "可能发生水污染事故的企业事业单位，应当制定应急预案，并定期进行演练。";
        let local = test_hit("浙江省水污染防治条例", "第四十六条", text);
        let code = test_hit("中华人民共和国生态环境法典", "第二百九十一条", text);
        let terms = terms_of(&["水污染", "事故", "演练"]);
        let ranked = rank_by_terms(&terms, vec![local, code], &Ranking::default());
        assert_eq!(ranked[0].doc, "中华人民共和国生态环境法典");
    }

    #[test]
    fn the_passage_saying_what_the_asked_thing_is_goes_first() {
        // "厂界噪声测量应当用什么仪器": 5.1.1 says what the instrument is; 5.6 names it among
        // what a record holds, in the question's own words.
        let record = test_hit(
            "某厂界噪声标准",
            "5.6",
            "记录内容应包括厂界所处功能区类别、测量仪器、测量时间。",
        );
        let instrument = test_hit("某厂界噪声标准", "5.1.1", "测量仪器为积分平均声级计。");
        let terms = terms_of(&["厂界", "噪声", "测量", "仪器"]);
        let q = "厂界噪声测量应当用什么仪器？";
        let ranking = Ranking {
            which: asked_which(q, &terms).cloned(),
            wording: wording(q),
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![record, instrument], &ranking);
        assert_eq!(ranked[0].clause, "5.1.1");
    }

    #[test]
    fn a_period_in_words_is_the_number_a_how_long_question_asks() {
        // "危险废物贮存最长能放多长时间": 不得超过一年 states the period (a lone 一 is no
        // numeral); GB 18599 6.5, on 危险废物 kept out of a 贮存场, states none, though it
        // holds a number (a standard's).
        let other = test_hit(
            "一般工业固体废物贮存和填埋污染控制标准",
            "6.5",
            "危险废物和生活垃圾不得进入一般工业固体废物贮存场及填埋场，按 GB 18598 执行。",
        );
        let code = test_hit(
            "中华人民共和国生态环境法典",
            "第五百三十五条",
            "收集、贮存危险废物，应当分类进行。从事危险废物经营活动的单位，贮存危险废物不得超过一年。",
        );
        let terms = terms_of(&["危险废物", "贮存"]);
        let q = "危险废物贮存最长能放多长时间？";
        let ranking = Ranking {
            wants_number: crate::wants_number(q),
            asks_duration: crate::question::asks_duration(q),
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![other, code], &ranking);
        assert_eq!(ranked[0].clause, "第五百三十五条");
    }

    #[test]
    fn on_a_tie_within_one_law_the_article_saying_the_terms_together_goes_first() {
        let law = "中华人民共和国生态环境法典";
        let strewn = test_hit(
            law,
            "第二百九十三条",
            "县级人民政府应当组织制定应急预案。饮用水水源发生水污染事故的，应当定期进行演练。",
        );
        let together = test_hit(
            law,
            "第二百九十一条",
            "可能发生水污染事故的企业事业单位，应当制定有关水污染事故的应急预案。企业应当定期进行演练。",
        );
        let terms = terms_of(&["制定", "水污染", "事故", "应急", "预案", "演练"]);
        let ranked = rank_by_terms(&terms, vec![strewn, together], &Ranking::default());
        assert_eq!(ranked[0].clause, "第二百九十一条");
        // Across documents the retrieval's order stays: a table's one long sentence does not
        // go before its digest, which says the same rows in several.
        let mut digest = test_hit("某标准（摘要）", "表2", "新建锅炉限值。燃气锅炉颗粒物20。");
        digest.doc_type = "digest".into();
        let mut table = test_hit("某标准", "表2", "新建锅炉限值。燃气锅炉颗粒物20限值");
        table.doc_type = "standard".into();
        let terms = terms_of(&["新建", "限值", "燃气锅炉", "颗粒物"]);
        let ranked = rank_by_terms(&terms, vec![digest, table], &Ranking::default());
        assert_eq!(ranked[0].doc, "某标准（摘要）");
    }

    #[test]
    fn a_passage_resting_on_a_repealed_law_goes_below_the_one_stating_the_rule() {
        let regulation = test_hit(
            "排污许可管理条例",
            "第三十八条",
            "排污单位受到罚款处罚，被责令改正，拒绝复查的，依照《中华人民共和国环境保护法》的规定按日连续处罚",
        );
        let code = test_hit(
            "中华人民共和国生态环境法典",
            "第一千零六十条",
            "受到罚款处罚，被责令改正，拒不改正或者拒绝复查的，可以按照原罚款数额按日连续处罚",
        );
        let terms = vec![vec!["按日".to_owned()], vec!["连续".to_owned()]];
        let mut ranking = Ranking {
            current_first: true,
            ..Ranking::default()
        };
        let order = |r: &Ranking| {
            rank_by_terms(&terms, vec![regulation.clone(), code.clone()], r)[0]
                .clause
                .clone()
        };
        assert_eq!(order(&ranking), "第三十八条");
        ranking.repealed_titles = vec!["环境保护法".to_owned()];
        assert_eq!(order(&ranking), "第一千零六十条");
    }

    #[test]
    fn a_code_article_is_matched_with_the_words_of_the_article_it_carries() {
        // 环境保护法第二十五条 says 排放污染物 and 严重污染; 法典第五十二条, which carries it,
        // says neither.
        let carrier = test_hit(
            "中华人民共和国生态环境法典",
            "第五十二条",
            "企业事业单位和其他生产经营者违反法律法规规定，造成或者可能造成严重污染环境、破坏生态等后果的，负有生态环境保护监督管理职责的部门可以依法查封、扣押有关场所、设施、设备",
        );
        let other = test_hit(
            "中华人民共和国生态环境法典",
            "第一百五十条",
            "排放污染物的企业事业单位和其他生产经营者，应当采取措施，防治在生产建设或者其他活动中产生的废气、废水",
        );
        let terms = terms_of(&["排放污染物", "设备"]);
        let first = |carried: Vec<Carried>| {
            let r = Ranking {
                carried,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![other.clone(), carrier.clone()], &r)[0]
                .clause
                .clone()
        };
        assert_eq!(first(Vec::new()), "第一百五十条");
        let carried = vec![Carried {
            doc: "中华人民共和国生态环境法典".to_owned(),
            clause: "第五十二条".to_owned(),
            old_text: "企业事业单位和其他生产经营者违反法律法规规定排放污染物，造成或者可能造成严重污染的，可以查封、扣押造成污染物排放的设施、设备".to_owned(),
        }];
        assert_eq!(first(carried), "第五十二条");
    }

    #[test]
    fn the_duty_holders_clause_is_quoted() {
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第五十一条",
            "负有生态环境保护监督管理职责的部门有权依法对企业事业单位进行现场检查。被检查者应当如实反映情况，提供必要的资料。实施现场检查的部门及其工作人员应当为被检查者保守商业秘密。",
        );
        let terms = terms_of(&["现场检查", "部门", "被检查者"]);
        let quoted = |holder: &[Vec<String>]| {
            let hints = Hints {
                duty_holder: holder,
                ..Hints::default()
            };
            quote(&terms, &hints, &hit)
        };
        assert!(!quoted(&[]).contains("如实反映情况"), "{}", quoted(&[]));
        let holder = vec![vec!["被检查者".to_owned()]];
        assert!(
            quoted(&holder).contains("如实反映情况"),
            "{}",
            quoted(&holder)
        );
    }

    #[test]
    fn a_question_on_what_one_answers_for_quotes_the_clause_saying_it() {
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第七十八条",
            "生态环境监测机构、实行排污许可管理和其他负有法定监测义务的企业事业单位应当依法建立健全监测数据质量管理制度。\n\n前款规定的监测机构和企业事业单位及其负责人应当对监测数据的真实性、准确性和完整性负责。",
        );
        let terms = terms_of(&["实行", "排污许可", "管理", "负责人", "监测数据"]);
        let quoted = |on: bool| quote_with(&terms, &hit, |h| h.asks_responsibility = on);
        assert!(!quoted(false).contains("完整性负责"), "{}", quoted(false));
        assert!(quoted(true).contains("完整性负责"), "{}", quoted(true));
    }

    #[test]
    fn a_question_on_what_a_thing_serves_for_quotes_the_clause_saying_it() {
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第二百六十五条",
            "第二百六十五条国家加强重污染天气重点行业绩效分级。绩效分级水平作为重污染天气差异化采取应对措施的依据。\n第三分编水污染防治",
        );
        let terms = terms_of(&["污染", "天气", "重点", "行业", "绩效", "分级", "结果"]);
        let quoted = |on: bool| quote_with(&terms, &hit, |h| h.asks_purpose = on);
        assert!(!quoted(false).contains("依据"), "{}", quoted(false));
        assert!(
            quoted(true).contains("差异化采取应对措施的依据"),
            "{}",
            quoted(true)
        );
    }

    #[test]
    fn a_question_on_what_an_act_gives_quotes_the_clause_naming_the_act() {
        let hit = test_hit(
            "绍兴市大气污染防治条例",
            "第二十四条",
            "具备维修资质的单位应当按照技术规范对机动车排气控制装备进行维修。维修完成后，应当向委托方提供维修合格证明。",
        );
        let terms = terms_of(&["机动车", "排气", "装备", "维修", "车主", "提供"]);
        let act = vec!["提供".to_owned()];
        let quoted = |on: bool| {
            quote_with(&terms, &hit, |h| {
                h.asked_act = on.then_some(act.as_slice());
            })
        };
        assert!(!quoted(false).contains("合格证明"), "{}", quoted(false));
        assert!(quoted(true).contains("合格证明"), "{}", quoted(true));
    }

    /// What one hit's quote keeps of it for `terms`, with the hints `set` sets.
    fn quote_with<'a>(terms: &[Vec<String>], hit: &Hit, set: impl Fn(&mut Hints<'a>)) -> String {
        let mut hints = Hints::default();
        set(&mut hints);
        quote(terms, &hints, hit)
    }

    /// One term group per word.
    fn terms_of(words: &[&str]) -> Vec<Vec<String>> {
        words.iter().map(|t| vec![(*t).to_owned()]).collect()
    }

    /// What one hit's quote keeps of it for `terms`, with `hints`.
    fn quote(terms: &[Vec<String>], hints: &Hints, hit: &Hit) -> String {
        focus_parts(
            std::slice::from_ref(&terms.to_vec()),
            hints,
            std::slice::from_ref(hit),
            1,
            400,
        )[0]
        .text
        .clone()
    }

    #[test]
    fn a_question_of_two_parts_has_room_for_the_case_asked_last() {
        // 法典第一千零九十五条 is one sentence: the 报告表 case and its 情节严重 stand at its end.
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第一千零九十五条",
            "违反本法规定，建设单位未依法报批，或者未依照本法有关规定重新报批或者报请重新审核生态环境影响报告书、报告表，建设项目生态环境影响报告书、报告表未经批准或者未经原审批部门重新审核同意，擅自开工建设的，由生态环境主管部门、海警机构按照职责分工责令其停止建设，并可以责令恢复原状，报批、审核类型为生态环境影响报告书的，处二十万元以上一百万元以下的罚款，情节严重的，处一百万元以上一千万元以下的罚款；报批、审核类型为生态环境影响报告表的，处十万元以上五十万元以下的罚款，情节严重的，处五十万元以上五百万元以下的罚款。",
        );
        let fine = terms_of(&["报批", "报告表", "擅自开工建设", "罚款"]);
        let case = terms_of(&["情节严重"]);
        let quoted = |parts: &[Vec<Vec<String>>]| {
            focus_parts(parts, &Hints::default(), std::slice::from_ref(&hit), 1, 240)[0]
                .text
                .clone()
        };
        assert!(quoted(&[fine.clone(), case]).contains("五百万元"));
        // One part: the usual room.
        assert!(!quoted(&[fine]).contains("五百万元"));
    }

    #[test]
    fn a_carried_article_quotes_the_clause_like_the_old_one() {
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第七十八条",
            "生态环境监测机构和其他负有法定监测义务的企业事业单位应当依法建立健全监测数据质量管理制度。前款规定的监测机构和企业事业单位及其负责人应当对监测数据的真实性、准确性和完整性负责。",
        );
        let terms = terms_of(&["负有", "数据"]);
        let carried = vec![Carried {
            doc: "中华人民共和国生态环境法典".to_owned(),
            clause: "第七十八条".to_owned(),
            old_text: "重点排污单位应当对自动监测数据的真实性和准确性负责".to_owned(),
        }];
        let quoted = |carried: &[Carried]| {
            let hints = Hints {
                carried,
                ..Hints::default()
            };
            quote(&terms, &hints, &hit)
        };
        assert!(!quoted(&[]).contains("真实性"), "{}", quoted(&[]));
        assert!(quoted(&carried).contains("真实性"), "{}", quoted(&carried));
    }

    #[test]
    fn a_question_on_new_works_is_not_answered_by_the_rule_on_works_already_built() {
        // Written for the test, in the shape of a protected zone's article: a list of what is
        // banned (new works among it), then what becomes of the works already there.
        let hit = test_hit(
            "某省某江保护条例",
            "第十条",
            "某江保护区内禁止下列行为：\n（一）倾倒废弃物；\n（二）新建排放污染物的工业项目；\n（三）新建养殖场。\n某江保护区内已建成的印染、电镀企业，限期搬迁。\n其他区域新建养殖场的，应当配套处理设施。\n某江保护区的范围由市政府划定。",
        );
        let terms = terms_of(&["某江", "保护区", "新建", "印染"]);
        let quoted = |on: bool| quote_with(&terms, &hit, |h| h.new_works = on);
        assert!(!quoted(false).contains("工业项目"), "{}", quoted(false));
        assert!(quoted(true).contains("工业项目"), "{}", quoted(true));
        assert!(!quoted(true).contains("限期搬迁"), "{}", quoted(true));
        // A clause on both (禁止新建…，已建成的…改用) is about new works too.
        assert!(!on_built_works(
            "禁止新建燃用高污染燃料的设施，已建成的，应当限期改用清洁能源"
        ));
        assert!(on_built_works("已建成的印染企业，限期搬迁"));
    }

    #[test]
    fn a_catalogue_s_row_gives_way_to_the_digest_s_item_that_keeps_its_columns() {
        // Written for the test, in the shape of a catalogue's row as a PDF yields it.
        let mut item = test_hit(
            "某分类管理名录（2021年版）",
            "第一百零三项",
            "一般工业固体废物采取填埋、焚烧方式处置的，编制报告书。",
        );
        item.doc_type = "digest".into();
        let row = test_hit(
            "某分类管理名录",
            "103",
            "103 一般工业固体废物处置 采取填埋、焚烧方式的 其他 /",
        );
        let other_row = test_hit(
            "某分类管理名录",
            "102",
            "102 医疗废物处置 集中处置的 其他 /",
        );
        let terms = terms_of(&["一般工业固体废物", "焚烧"]);
        let clauses = |hits: Vec<Hit>| -> Vec<String> {
            prefer_official(hits, &terms)
                .into_iter()
                .map(|h| h.clause)
                .collect()
        };
        assert_eq!(
            clauses(vec![row.clone(), other_row.clone(), item]),
            ["102", "第一百零三项"]
        );
        // Without the digest's item the row stays.
        assert_eq!(clauses(vec![row, other_row]), ["103", "102"]);
    }

    #[test]
    fn a_summary_stays_beside_a_passage_that_continues_its_article_and_holds_less() {
        let mut digest = test_hit(
            "某江保护条例",
            "第十条",
            "保护区内禁止新建排放污染物的工业项目；已建成的印染企业限期搬迁。",
        );
        digest.doc_type = "digest".into();
        let continued = test_hit(
            "某江保护条例",
            "第十条",
            "（六）其他行为。已建成的印染企业限期搬迁。",
        );
        let opening = test_hit(
            "某江保护条例",
            "第十条",
            "第十条 保护区内禁止下列行为：（一）倾倒废弃物；（二）新建工业项目。",
        );
        let terms = terms_of(&["保护区", "新建", "印染"]);
        let kept = |hits: Vec<Hit>| {
            prefer_official(hits, &terms)
                .iter()
                .any(|h| h.doc_type == "digest")
        };
        assert!(kept(vec![continued.clone(), digest.clone()]));
        // The article's opening found: the law is quoted, not the summary.
        assert!(!kept(vec![opening, continued.clone(), digest.clone()]));
        // A continuing passage that holds as much as the summary stands for it.
        let full = test_hit(
            "某江保护条例",
            "第十条",
            "保护区内新建工业项目禁止；已建成的印染企业限期搬迁。",
        );
        assert!(!kept(vec![full, digest]));
    }

    #[test]
    fn a_numbered_note_under_a_table_is_quoted_without_the_last_row() {
        assert!(opens_notes(
            "112 水处理 日处理能力 500 吨以上的水处理设施注 1.表格中标星号者"
        ));
        assert!(opens_notes("注：括号内为特别排放限值"));
        assert!(!opens_notes("应当注意防渗"));
        let hit = test_hit(
            "某名录",
            "112",
            "112 水处理 日处理能力 500 吨以上的水处理设施注 1.标星号者指在工业建筑中生产的；2.溶剂使用量按照近三年年最大量确定。",
        );
        let terms = terms_of(&["溶剂", "使用量", "三年"]);
        let quoted = quote(&terms, &Hints::default(), &hit);
        assert!(quoted.contains("近三年"), "{quoted}");
        assert!(!quoted.contains("水处理设施"), "{quoted}");
    }

    #[test]
    fn in_a_named_document_the_one_passage_holding_the_question_s_subject_goes_first() {
        let preface = test_hit("某综合名录", "前言", "某综合名录。一、高污染产品名录。");
        let row = test_hit("某综合名录", "289", "289 GHW 腈纶 280303xx 腈纶纤维制造");
        let other = test_hit("某综合名录", "290", "290 GHW 氨纶 280307xx 氨纶纤维制造");
        let terms = vec![
            vec!["腈纶".to_owned()],
            vec!["综合".to_owned()],
            vec!["名录".to_owned()],
            vec!["高污染".to_owned(), "ghw".to_owned()],
            vec!["产品".to_owned()],
        ];
        let ranking = Ranking {
            prefer_doc: Some("某综合名录".to_owned()),
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![preface, row, other], &ranking);
        assert_eq!(ranked[0].clause, "289");
    }

    #[test]
    fn a_passage_lacking_what_a_which_question_lists_ranks_after_one_that_names_it() {
        let province = test_hit(
            "某省条例",
            "第二十四条",
            "生态环境主管部门应当公布全省统一的举报电话；处理结果依法向社会公开。",
        );
        let code = test_hit(
            "某法典",
            "第一百四十五条",
            "负有监督管理职责的部门应当公布举报电话、电子邮箱等举报渠道。",
        );
        let terms = terms_of(&["部门", "社会", "公布", "举报", "渠道", "全省"]);
        let listed = terms_of(&["举报", "渠道"]);
        let ranked = |listed: Vec<Vec<String>>| {
            let ranking = Ranking {
                listed,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![code.clone(), province.clone()], &ranking)[0]
                .clause
                .clone()
        };
        assert_eq!(ranked(Vec::new()), "第二十四条");
        assert_eq!(ranked(listed), "第一百四十五条");
    }

    #[test]
    fn a_passage_lacking_the_act_a_who_question_asks_ranks_after_one_that_says_it() {
        let proposes = test_hit(
            "某名录",
            "第五条",
            "本名录未作规定的建设项目，省级生态环境主管部门认为确有必要纳入管理的，可以提出建议，报生态环境部认定后实施。",
        );
        let interprets = test_hit(
            "某名录",
            "第六条",
            "本名录由生态环境部负责解释，并适时修订公布。",
        );
        let terms = terms_of(&["名录", "部门", "负责解释", "生态环境部"]);
        let first = |act: Vec<String>| {
            let ranking = Ranking {
                act,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![proposes.clone(), interprets.clone()], &ranking)[0]
                .clause
                .clone()
        };
        assert_eq!(first(Vec::new()), "第五条");
        assert_eq!(first(vec!["解释".to_owned()]), "第六条");
    }

    #[test]
    fn a_passage_lacking_what_a_what_is_question_asks_about_ranks_after_one_that_names_it() {
        let preface = test_hit(
            "某分类管理名录",
            "第七条",
            "本分类管理名录自2021年1月1日起施行，原名录同时废止。",
        );
        let note = test_hit(
            "某分类管理名录",
            "173",
            "名录中所标“*”号，指在工业建筑中生产的建设项目。",
        );
        let mark = vec!["星号".to_owned(), "*”号".to_owned()];
        let mut terms = terms_of(&["分类管理名录", "名录", "施行"]);
        terms.push(mark.clone());
        let first = |what_is: Option<Vec<String>>| {
            let ranking = Ranking {
                what_is,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![preface.clone(), note.clone()], &ranking)[0]
                .clause
                .clone()
        };
        assert_eq!(first(None), "第七条");
        assert_eq!(first(Some(mark.clone())), "173");
    }

    #[test]
    fn a_list_of_another_things_contents_ranks_after_the_rule_on_the_thing_asked() {
        let other = test_hit(
            "某法典",
            "第四百四十八条",
            "安全利用方案应当包括下列内容：（一）农艺调控；（二）定期开展土壤和农产品协同监测；（三）对农民进行技术指导；（四）其他风险管控措施。",
        );
        let own = test_hit(
            "某法典",
            "第四百五十七条",
            "对名录中的地块，土壤污染责任人应当采取相应的风险管控措施。风险管控措施应当包括地下水污染防治的内容。",
        );
        let terms = terms_of(&["名录", "地块", "风险", "管控", "措施", "包括"]);
        let ranking = Ranking {
            list_noun: Some("内容".to_owned()),
            ..Ranking::default()
        };
        let first = rank_by_terms(&terms, vec![other.clone(), own.clone()], &ranking);
        assert_eq!(first[0].clause, "第四百五十七条");
        // The list of the thing asked about keeps its lead.
        let terms = terms_of(&[
            "安全", "利用", "方案", "风险", "管控", "措施", "地块", "名录",
        ]);
        let first = rank_by_terms(&terms, vec![own, other], &ranking);
        assert_eq!(first[0].clause, "第四百四十八条");
    }

    #[test]
    fn a_row_on_another_pollutant_ranks_after_the_row_on_the_one_asked() {
        let dust = test_hit(
            "大气污染物综合排放标准",
            "表2",
            "表2 颗粒物(其他) 新污染源最高允许排放浓度120 mg/m3;二级最高允许排放速率(kg/h)按排气筒高度:15 m 3.5,20 m 5.9,30 m 23",
        );
        let nox = test_hit(
            "大气污染物综合排放标准",
            "表2",
            "表2 氮氧化物 最高允许排放浓度240 mg/m3;二级排放速率:15 m 0.77,20 m 1.3,30 m 4.4",
        );
        let terms = terms_of(&["30", "排气筒", "氮氧化物", "二级", "排放速率"]);
        let ranked = |pollutants: Vec<String>| {
            let ranking = Ranking {
                pollutants,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![dust.clone(), nox.clone()], &ranking)[0]
                .text
                .clone()
        };
        assert!(ranked(Vec::new()).contains("颗粒物"));
        let asked = pollutants_named("30米高的排气筒，氮氧化物二级排放速率是多少？");
        assert_eq!(asked, ["氮氧化物"]);
        assert!(ranked(asked).contains("氮氧化物"));
        // 氨 alone is no name to match: it is inside 氨氮.
        assert_eq!(pollutants_named("氨氮限值是多少？"), ["氨氮"]);
    }

    #[test]
    fn a_time_is_what_a_when_question_asks() {
        assert!(sets_time(
            "建设单位应当在开工建设前将环境影响报告书报有审批权的部门审批"
        ));
        assert!(sets_time(
            "应当在投入生产或者使用并产生实际排污行为之前申请"
        ));
        assert!(!sets_time(
            "发生重大变动的，建设单位应当重新报批建设项目环境影响报告书"
        ));
    }

    #[test]
    fn a_question_silent_on_plans_is_about_projects() {
        let plan = test_hit(
            "中华人民共和国生态环境法典",
            "第八十九条",
            "专项规划的生态环境影响报告书应当包括下列内容：\n（一）影响的分析",
        );
        let project = test_hit(
            "中华人民共和国生态环境法典",
            "第九十六条",
            "建设项目的生态环境影响报告书应当包括下列内容：\n（一）建设项目概况",
        );
        let terms = vec![vec!["报告书".to_owned()], vec!["包括".to_owned()]];
        let first = |about_projects: bool| {
            let r = Ranking {
                about_projects,
                ..Ranking::default()
            };
            rank_by_terms(&terms, vec![plan.clone(), project.clone()], &r)[0]
                .clause
                .clone()
        };
        assert_eq!(first(false), "第八十九条");
        assert_eq!(first(true), "第九十六条");
        // A duty to plan (合理规划工业布局) is no rule on plans.
        let duty = test_hit(
            "中华人民共和国生态环境法典",
            "第二百九十七条",
            "县级以上地方人民政府应当合理规划工业布局，要求造成水污染的企业进行技术改造",
        );
        let report = test_hit(
            "中华人民共和国生态环境法典",
            "第二百九十二条",
            "企业发生事故造成水污染事故的，应当向县级以上地方人民政府报告",
        );
        let terms = terms_of(&["地方", "政府", "水污染"]);
        let r = Ranking {
            about_projects: true,
            ..Ranking::default()
        };
        // Not demoted: as much held, the search order stands.
        assert_eq!(
            rank_by_terms(&terms, vec![duty, report], &r)[0].clause,
            "第二百九十七条"
        );
    }

    #[test]
    fn a_quote_too_long_keeps_its_best_sentence_whole() {
        let terms = terms_of(&["技术单位", "没收违法所得", "主持", "人员", "禁止"]);
        let long = "接受委托编制报告书的技术单位违反技术规范，致使报告书存在严重问题的，没收违法所得，并处十万元以上五十万元以下的罚款；情节严重的，禁止从事报告书编制工作，报经有批准权的人民政府批准，责令停业。";
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第一千零九十七条",
            &format!(
                "{long}\n技术单位有前款规定的违法情形的，主持编制的主要人员五年内禁止从事报告书编制工作；情节严重的，十年内禁止从事报告书编制工作。"
            ),
        );
        let quote = &focus(&terms, std::slice::from_ref(&hit), 1, 120)[0].text;
        assert!(quote.starts_with("技术单位有前款"), "{quote}");
        assert!(quote.contains("五年内禁止"), "{quote}");
        assert!(quote.contains("十年内禁止"), "{quote}");
        // With room for all of it, the quote reads as the text does.
        let quote = &focus(&terms, &[hit], 1, 400)[0].text;
        assert!(quote.starts_with("接受委托"), "{quote}");
    }

    #[test]
    fn a_lists_items_after_an_item_of_several_sentences_are_quoted() {
        let terms = terms_of(&[
            "储罐",
            "容积",
            "75",
            "以上",
            "真实",
            "蒸气",
            "27.6",
            "76.6",
            "kpa",
            "之间",
            "挥发性",
            "有机",
            "液体",
            "固定",
            "顶罐",
            "废气",
            "处理",
            "效率",
            "低于",
        ]);
        let hit = test_hit(
            "挥发性有机物无组织排放控制标准",
            "5.2.1.2",
            "5.2.1.2 储存真实蒸气压≥27.6 kPa 但<76.6 kPa 且储罐容积≥75 m³\n的挥发性有机液体储罐,应符合下列规定之一:\na)采用浮顶罐。对于内浮顶罐,浮顶与罐壁之间应采用浸液式密封、机械式鞋形密封等高效密封方式;对于外浮顶罐,浮顶与罐壁之间应采用双重密封,且一次密封应采用浸液式密封、机械式鞋形密封等高效密封方式。\nb)采用固定顶罐,排放的废气应收集处理并满足相关行业排放标准的要求(无行业排放标准的应满足 GB 16297 的要求),或者处理效率不低于 80%。\nc)采用气相平衡系统。\nd)采取其他等效措施。",
        );
        // The lead-in holds most of the question's words; the item that answers it comes
        // after an item of three sentences.
        let quote = &focus(&terms, &[hit], 1, 200)[0].text;
        assert!(quote.contains("不低于 80%"), "{quote}");
        assert!(quote.contains("c)采用气相平衡系统"), "{quote}");
    }

    #[test]
    fn the_one_item_asked_of_is_quoted_whole() {
        let terms = terms_of(&[
            "装载",
            "特别",
            "控制",
            "要求",
            "挥发性",
            "有机",
            "液体",
            "排出",
            "废气",
            "处理",
            "效率",
            "低于",
        ]);
        let hit = test_hit(
            "挥发性有机物无组织排放控制标准",
            "6.2.3",
            "6.2.3 装载特别控制要求装载物料真实蒸气压≥27.6 kPa 且单一装载设施的年装载量≥500 m³\n,以及装载物料真实蒸气压≥\n5.2 kPa 但<27.6 kPa 且单一装载设施的年装载量≥2500 m³\n的,装载过程应符合下列规定之一:\na)排放的废气应收集处理并满足相关行业排放标准的要求(无行业排放标准的应满足 GB 16297\n的要求),或者处理效率不低于 90%;\nb)排放的废气连接至气相平衡系统。",
        );
        let quote = &focus(&terms, &[hit], 1, 300)[0].text;
        assert!(quote.contains("不低于 90%"), "{quote}");
    }

    #[test]
    fn a_liability_article_is_a_sanction_even_without_a_fine() {
        assert!(is_sanction(
            "第一千一百四十一条 违反本法规定，建设不符合国家产业政策的小型印染生产项目的，由所在地人民政府责令关闭。"
        ));
        assert!(is_sanction("处二万元以上二十万元以下的罚款"));
        assert!(!is_sanction(
            "禁止建设不符合国家产业政策的小型印染生产项目。违反本法规定的，依法追究责任。"
        ));
        // A sanction named in a list of the kinds of information to publish imposes none.
        assert!(!is_sanction(
            "负有生态环境保护监督管理职责的部门应当依法公开生态环境质量、生态环境监测、突发生态环境事件以及生态环境行政许可、行政处罚等信息。"
        ));
        assert!(is_sanction("依法给予行政处罚"));
    }

    #[test]
    fn a_parallel_branch_is_kept_with_its_sibling() {
        let kept = "擅自开工建设的，责令停止建设，报批、审核类型为生态环境影响报告书的，处二十万元以上一百万元以下的罚款";
        assert!(parallel_branch(
            kept,
            "报批、审核类型为生态环境影响报告表的，处十万元以上五十万元以下的罚款"
        ));
        assert!(!parallel_branch(
            kept,
            "建设单位有前款规定情形，拒不执行的，处拘留"
        ));
        assert!(!parallel_branch("对单位处十万元罚款", "对个人处一万元罚款"));
        // A condition and its negation are the two branches of one rule.
        let kept = "仍然提供生产经营场所的，由生态环境主管部门责令停止违法行为，有违法所得的，没收违法所得，并处违法所得一倍以上三倍以下罚款";
        assert!(parallel_branch(
            kept,
            "没有违法所得的，处五千元以上二万元以下罚款"
        ));
        assert!(!parallel_branch(
            kept,
            "违法所得不足五十万元的，以五十万元计算"
        ));
    }

    #[test]
    fn a_how_long_question_measures_the_term_before_its_ask() {
        let jieba = analyzer::jieba();
        let object = |q: &str| -> Option<String> {
            let terms = key_terms(&jieba, q);
            measured_object(&terms, q).map(|g| g[0].clone())
        };
        assert_eq!(
            object("在线监测设备验收的时候，比对监测要连续做几天？").as_deref(),
            Some("比对")
        );
        // How early is the ask itself; a body before it acts; a verb of its own is weighed as
        // any word.
        assert_eq!(object("排污证到期了要续，得提前多少天申请？"), None);
        assert_eq!(object("环保部门多少天内要审完？"), None);
        assert_eq!(object("污泥在厂里能放几天？"), None);
    }

    #[test]
    fn a_how_question_is_about_the_term_before_its_how() {
        let jieba = analyzer::jieba();
        let object = |q: &str| -> Option<String> {
            let terms = key_terms(&jieba, q);
            how_object(&terms, q).map(|g| g[0].clone())
        };
        assert_eq!(
            object("危险化学品安全生产许可证怎么办理？").as_deref(),
            Some("安全生产许可证")
        );
        assert_eq!(
            object("企业投保环境污染责任保险的保费怎么计算？").as_deref(),
            Some("保费")
        );
        assert_eq!(object("排污许可证的有效期是几年？"), None);
        assert_eq!(object("用暗管偷排废水会怎么处罚？"), None);
        assert_eq!(object("怎么申请办理居住证？").as_deref(), Some("居住证"));
        assert_eq!(
            object("如何申请排污许可证？").as_deref(),
            Some("排污许可证")
        );
    }

    #[test]
    fn what_points_back_and_when_in_a_story_are_no_terms() {
        let terms = first_terms("这样做要承担责任吗？");
        assert!(!terms.iter().any(|t| t.contains("这样")), "{terms:?}");
        let terms = first_terms("最后由谁来处理？");
        assert!(
            !terms.iter().any(|t| t == "最后" || t == "由谁来"),
            "{terms:?}"
        );
    }

    /// The first term of each group `key_terms` gives for `question`.
    fn first_terms(question: &str) -> Vec<String> {
        key_terms(&analyzer::jieba(), question)
            .into_iter()
            .map(|g| g[0].clone())
            .collect()
    }

    #[test]
    fn a_class_in_latin_capitals_is_one_term() {
        // As the spoken layer writes 三类水: III类, not iii and a 类水 no passage holds.
        let terms = first_terms("河水要是III类水，氨氮最多多少？");
        assert!(terms.contains(&"III类".to_owned()), "{terms:?}");
        assert!(
            !terms.iter().any(|t| t == "iii" || t == "类水"),
            "{terms:?}"
        );
        // The tail of a Latin word is no class.
        assert!(!first_terms("PVC类材料怎么存放？").contains(&"C类".to_owned()));
    }

    #[test]
    fn how_a_story_is_told_is_no_term() {
        // A count of a kind (一种) and the asker's knowing (才知道) say how the story goes, not
        // what it is about: the article on 新化学物质 and 登记证 answers it.
        let terms = first_terms(
            "我们从一个小厂进了一种新的染色助剂，后来才知道那个厂没办新化学物质登记证，会被罚多少？",
        );
        assert!(
            !terms.iter().any(|t| t == "一种" || t == "知道"),
            "{terms:?}"
        );
        assert!(terms.contains(&"登记证".to_owned()), "{terms:?}");
        // A degree (调低一点) is no term either.
        let terms = first_terms("监测的时候能不能把工况改变一点？");
        assert!(!terms.iter().any(|t| t == "一点"), "{terms:?}");
        assert!(terms.contains(&"工况".to_owned()), "{terms:?}");
    }

    #[test]
    fn the_classes_a_question_asks_between_are_known() {
        assert_eq!(
            classes_asked("单纯做丙纶纤维的厂要编什么环评文件？"),
            EIA_CLASSES
        );
        assert_eq!(
            classes_asked("做水刺无纺布的厂，要做报告书还是报告表？"),
            EIA_CLASSES
        );
        assert_eq!(
            classes_asked("喷水织造的厂，排污证属于哪一类管理？"),
            PERMIT_CLASSES
        );
        assert!(classes_asked("环评报告书什么时候报批？").is_empty());
        assert!(classes_asked("实行排污许可管理的企业应当对所排放的水污染物做什么？").is_empty());
        assert!(classes_asked("环境影响评价应当遵循什么原则？").is_empty());
        assert!(classes_asked("锅炉颗粒物限值是多少？").is_empty());
    }

    #[test]
    fn a_substance_of_one_character_is_a_term() {
        let terms = first_terms("车间排气筒出来的苯，浓度最多多少？");
        assert!(terms.contains(&"苯".to_owned()), "{terms:?}");
        // Which kind is asked (哪种, 哪一档) is no term.
        let terms = first_terms("只做数码印花的厂，环评做哪种？");
        assert!(!terms.contains(&"哪种".to_owned()), "{terms:?}");
        let terms = first_terms("喷水织造的厂，排污证属于哪一档管理？");
        assert!(
            !terms.iter().any(|t| t.contains('档') || t == "哪一"),
            "{terms:?}"
        );
    }

    #[test]
    fn the_pieces_of_a_filler_are_no_terms() {
        let terms = first_terms("重点管理的排污证，交上去多少天能批准？");
        assert!(
            !terms.iter().any(|t| t == "交上" || t == "上去"),
            "{terms:?}"
        );
        // Said outside the filler too, the word stays a term.
        let terms = first_terms("交上去以后，上去检查的人看什么？");
        assert!(terms.iter().any(|t| t == "上去"), "{terms:?}");
    }

    #[test]
    fn an_unknown_segment_with_a_particle_at_one_end_is_an_artifact() {
        let jieba = analyzer::jieba();
        let artifacts = segment_artifacts(&jieba, "排污登记表上填的东西变了，几天内要改过来？");
        assert!(artifacts.contains(&"内要".to_owned()), "{artifacts:?}");
        // Content characters the dictionary does not know are what is asked about.
        let artifacts = segment_artifacts(&jieba, "申请专精特新企业有哪些条件？");
        assert!(artifacts.is_empty(), "{artifacts:?}");
        // A count cut with the next word: 10台加到 → 台加.
        let artifacts = segment_artifacts(&jieba, "染缸从10台加到20台，要重新报批吗？");
        assert!(artifacts.contains(&"台加".to_owned()), "{artifacts:?}");
        // The preposition 经 cut with the next word: 经厂内预处理 → 经厂.
        let artifacts = segment_artifacts(&jieba, "废水经厂内预处理后排入园区污水处理厂");
        assert!(artifacts.contains(&"经厂".to_owned()), "{artifacts:?}");
    }

    #[test]
    fn a_limit_asked_as_not_to_exceed_is_asked_as_how_much() {
        let terms = first_terms("III类水里六价铬不能超过多少？");
        assert!(
            !terms
                .iter()
                .any(|t| t == "超过" || t == "类水里" || t == "不能"),
            "{terms:?}"
        );
        assert!(terms.iter().any(|t| t == "六价铬"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "III类"), "{terms:?}");
    }

    #[test]
    fn a_connective_is_no_term() {
        let terms = first_terms("举报人举报所在单位，单位能不能因此解除劳动合同？");
        assert!(!terms.iter().any(|t| t == "因此"), "{terms:?}");
        assert!(terms.iter().any(|t| t == "解除劳动合同"), "{terms:?}");
    }

    #[test]
    fn the_verb_of_any_decision_weighs_half() {
        assert!(!is_specific(&["作出".to_owned()]));
        assert!(is_specific(&["派出机构".to_owned()]));
    }

    #[test]
    fn a_count_is_no_term() {
        let terms = first_terms("厂界外面紧挨着一条交通干线，产能翻一倍");
        assert!(
            !terms.iter().any(|t| t == "一条" || t == "一倍"),
            "{terms:?}"
        );
        assert!(terms.iter().any(|t| t == "干线"), "{terms:?}");
    }

    #[test]
    fn the_law_as_a_frame_is_no_term() {
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "印染厂按法律规定应当买环境污染责任保险吗？");
        assert!(terms.iter().all(|g| g[0] != "法律"), "{terms:?}");
        // The law named as what is asked of stays.
        let terms = key_terms(&jieba, "哪部法律规定了环境污染责任保险？");
        assert!(terms.iter().any(|g| g[0] == "法律"), "{terms:?}");
    }

    #[test]
    fn a_single_character_the_synonym_table_names_is_a_term() {
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "印染废水里的锑排放限值是多少？");
        assert!(
            terms.iter().any(|g| g.iter().any(|t| t == "总锑")),
            "{terms:?}"
        );
        // Other single characters still carry nothing.
        let terms = key_terms(&jieba, "排污许可证的有效期是几年？");
        assert!(terms.iter().all(|g| g[0].chars().count() > 1), "{terms:?}");
    }

    #[test]
    fn a_name_asked_is_quoted_with_the_entry_heading() {
        // GB 13271 3.4: "…的锅炉叫什么锅炉" is answered by the heading 有机热载体锅炉.
        let hit = test_hit(
            "锅炉大气污染物排放标准",
            "3.4",
            "3.4有机热载体锅炉 organicfluidboiler\n以有机质液体作为热载体工质的锅炉。",
        );
        let terms = terms_of(&["有机质", "液体", "热载体", "工质", "锅炉"]);
        let named = quote_with(&terms, &hit, |h| h.asks_name = true);
        assert!(named.contains("有机热载体锅炉"), "{named}");
        let plain = quote_with(&terms, &hit, |_| {});
        assert!(!plain.contains("organicfluidboiler"), "{plain}");
        assert!(crate::question::asks_name(
            "以有机质液体作为热载体工质的锅炉叫什么锅炉？"
        ));
        // The side of a choice is no term: the texts say 设施后.
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "采样应该在设施前面还是后面？");
        assert!(
            terms.iter().all(|g| g[0] != "前面" && g[0] != "后面"),
            "{terms:?}"
        );
    }

    #[test]
    fn a_domain_word_that_ends_in_a_verb_is_an_act() {
        let jieba = analyzer::jieba();
        assert!(ends_in_act(&jieba, "自行监测"));
        assert!(ends_in_act(&jieba, "负责解释"));
        assert!(!ends_in_act(&jieba, "臭气浓度"));
        assert!(!ends_in_act(&jieba, "化学需氧量"));
        assert!(!ends_in_act(&jieba, "工作群"));
    }

    #[test]
    fn a_term_negated_by_fei_is_not_held() {
        // GB 12348 5.4.3 on 非稳态噪声 does not hold the 稳态 of a question on 5.4.2.
        let steady = vec!["稳态".to_owned()];
        assert!(!covered(&steady, "被测声源是非稳态噪声"));
        assert!(covered(&steady, "被测声源是稳态噪声"));
        assert!(covered(&steady, "除非稳态噪声"));
        // A question that says 非稳态 asks that as its term.
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "非稳态噪声怎么测？");
        assert!(terms.iter().any(|g| g[0] == "非稳态"), "{terms:?}");
        let terms = key_terms(&jieba, "稳态噪声怎么测？");
        assert!(terms.iter().any(|g| g[0] == "稳态"), "{terms:?}");
    }

    #[test]
    fn when_as_a_rule_is_no_term() {
        // "平时不用的时候": no text says 平时 of its own rule (GB 37822 5.1.2: 非取用状态).
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "装溶剂的容器平时不用的时候要加盖吗？");
        assert!(terms.iter().all(|g| g[0] != "平时"), "{terms:?}");
    }

    #[test]
    fn a_works_words_carry_the_eia_catalogues_words() {
        // 改造 is the catalogue's 改建 (第四条), a 住宅区 its area 以居住…为主要功能 (第三条).
        let jieba = analyzer::jieba();
        let has = |q: &str, word: &str, written: &str| {
            let terms = key_terms(&jieba, q);
            assert!(
                terms
                    .iter()
                    .any(|g| g[0] == word && g.iter().any(|t| t == written)),
                "{q}: {terms:?}"
            );
        };
        has(
            "厂里这次只改造污水处理设施，环评类别怎么确定？",
            "改造",
            "改建",
        );
        has(
            "我们厂旁边就是居民住宅区，算不算环境敏感区？",
            "住宅区",
            "居住",
        );
        has("名录里星号是什么意思？", "星号", "*”号");
        has("绍兴的区、县政府要不要编达标规划？", "县政府", "人民政府");
        has("工作人员失职了，会受到什么处理？", "失职", "玩忽职守");
        has("浙江对全省煤炭消费总量是否有控制制度？", "全省", "本省");
        // Which one it is (原来的环评) is no term.
        let terms = key_terms(&jieba, "环评批了五年多才开工，原来的环评还管用吗？");
        assert!(terms.iter().all(|g| g[0] != "原来"), "{terms:?}");
    }

    #[test]
    fn an_article_label_is_one_term() {
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "《生态环境法典》第一千一百零二条是怎么规定的");
        let heads: Vec<&str> = terms.iter().map(|g| g[0].as_str()).collect();
        assert!(heads.contains(&"第一千一百零二条"), "{heads:?}");
        assert!(
            !heads.iter().any(|h| *h == "第一千" || *h == "条是"),
            "{heads:?}"
        );
        let heads = |q: &str| -> Vec<String> {
            key_terms(&jieba, q)
                .into_iter()
                .map(|g| g[0].clone())
                .collect()
        };
        assert!(heads("三同时没落实就投产了，怎么罚？").contains(&"罚款".to_owned()));
        // A word the segmenter cuts into characters is one term.
        assert!(heads("环保局公务员每年有几天年假？").contains(&"年假".to_owned()));
        let v = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>();
        assert_eq!(
            join_single_characters(v(&["几天", "年", "假"]), "几天年假"),
            v(&["几天", "年假"])
        );
        // Adverbs are not joined; nor are three characters in a row.
        assert_eq!(
            join_single_characters(v(&["年", "后", "才", "开工"]), "年后才开工"),
            v(&["年", "后", "才", "开工"])
        );
        // Nor a negation: "堆的煤没做防燃措施" is 煤, 没 (未), not a word 煤没.
        assert_eq!(
            join_single_characters(v(&["煤", "未", "采取"]), "煤未采取"),
            v(&["煤", "未", "采取"])
        );
        assert!(
            !heads("煤棚里堆的煤没做防燃措施，罚多少？")
                .iter()
                .any(|h| h.starts_with('煤'))
        );
        assert_eq!(
            join_single_characters(v(&["甲", "乙", "丙"]), "甲乙丙"),
            v(&["甲", "乙", "丙"])
        );
        // "以什么为根据" asks for the basis; 根据 framing a question is no term.
        assert!(heads("制定污染物排放标准应当以什么为根据？").contains(&"根据".to_owned()));
        assert!(!heads("根据环评法，报告表多少天审批？").contains(&"根据".to_owned()));
        let level = heads("排污证找哪一级生态环境部门申请？");
        assert!(level.contains(&"级".to_owned()) && !level.contains(&"一级".to_owned()));
        let (rest, labels) = article_labels("条例第14条和第十五条");
        assert_eq!(labels, ["第14条", "第十五条"]);
        assert_eq!(rest, "条例，和，");
    }

    #[test]
    fn a_clause_of_a_labelled_run_is_quoted_with_its_label() {
        assert!(labelled("报告表:单纯纺丝"));
        assert!(!labelled("单纯丙纶纤维制造"));
        assert!(!labelled(
            "违反本法规定，有下列情形之一的，由生态环境主管部门处罚款："
        ));
        let hit = test_hit(
            "建设项目环境影响评价分类管理名录（2021年版）",
            "第五十项",
            "第五十项化学纤维制造业\n行业代码281、282。报告书:全部(单纯纺丝、单纯丙纶纤维制造除外)。\
             报告表:单纯纺丝;单纯丙纶纤维制造。",
        );
        let terms = vec![vec!["单纯".to_owned()], vec!["丙纶".to_owned()]];
        let text = &focus(&terms, &[hit], 1, 400)[0].text;
        assert!(text.contains("报告表:单纯纺丝；单纯丙纶纤维制造"), "{text}");
    }

    #[test]
    fn an_item_brings_the_sentence_that_sets_its_penalty_by_number() {
        assert_eq!(item_number("（十一）未制定应急预案"), Some(11));
        assert_eq!(item_number("3、未公开"), Some(3));
        let by_number = "有前款第一项、第二项、第十一项情形之一的，处五万元以上二十万元以下的罚款";
        assert!(refers_to_items(by_number, &[11]));
        assert!(!refers_to_items(by_number, &[5]));
        let except = "有前款除第三项以外情形之一的，处十万元以上一百万元以下的罚款";
        assert!(refers_to_items(except, &[4]));
        assert!(!refers_to_items(except, &[3]));
        assert!(!refers_to_items("依照本法第三项规定", &[3]));
        // 法典第一千一百七十四条: the items' penalty for a 单位, by no number.
        let all = "单位有前款情形之一的，处十万元以上一百万元以下的罚款";
        assert!(refers_to_items(all, &[4]));
        assert!(!refers_to_items(all, &[]));
        let hit = test_hit(
            "中华人民共和国生态环境法典",
            "第一千一百七十五条",
            "违反本法规定，有下列情形之一的，由生态环境主管部门责令改正，并处以罚款：\n\
                   （一）未设置危险废物识别标志；\n（二）未制定危险废物管理计划；\n\
                   （三）将危险废物与旅客在同一运输工具上载运。\n\
                   有前款第一项、第二项情形之一的，处五万元以上二十万元以下的罚款；\
                   有前款第三项情形的，处二十万元以上二百万元以下的罚款。",
        );
        let terms = vec![
            vec!["识别标志".to_owned()],
            vec!["危险废物".to_owned()],
            vec!["罚款".to_owned()],
        ];
        let text = &focus(&terms, &[hit], 1, 400)[0].text;
        assert!(text.contains("五万元以上二十万元以下"), "{text}");
        assert!(!text.contains("二百万元"), "{text}");
    }

    #[test]
    fn reads_who_a_liability_clause_is_about_and_what_an_article_does() {
        let code_1088 = "违反本法规定，企业事业单位和其他生产经营者对生态环境监测数据弄虚作假，\
                         或者指使其委托的生态环境监测机构对监测数据弄虚作假的，处十万元以上一百万元以下的罚款";
        let code_1091 = "违反本法规定，生态环境监测机构对监测数据弄虚作假的，没收违法所得，\
                         并处十万元以上五十万元以下的罚款";
        assert_eq!(acts(code_1088, "生态环境监测机构"), Some(false));
        assert_eq!(acts(code_1091, "生态环境监测机构"), Some(true));
        assert_eq!(acts(code_1091, "建设单位"), None);
        assert!(is_sanction(code_1091));
        assert!(!is_sanction("建设项目未经批准的，建设单位不得开工建设"));
        assert!(states_permission(
            "建设项目未经批准的，建设单位不得开工建设"
        ));
        assert!(!states_permission(code_1091));
        // A standard forbids with 不应.
        assert!(states_permission("新污染源原则上不应有无组织排放"));
    }

    #[test]
    fn a_limit_asked_of_a_substance_is_in_a_passage_that_names_it() {
        let definition = test_hit(
            "大气污染物综合排放标准",
            "3.2",
            "指处理设施后排气筒中污染物任何1小时浓度平均值不得超过的限值",
        );
        let table = test_hit(
            "大气污染物综合排放标准",
            "表2",
            "表2 苯、甲苯、二甲苯，最高允许排放浓度：苯12、甲苯40、二甲苯70 mg/m3",
        );
        let terms = terms_of(&["排气筒", "苯", "浓度"]);
        let ranking = Ranking {
            wants_number: true,
            ..Ranking::default()
        };
        let ranked = rank_by_terms(&terms, vec![definition, table], &ranking);
        assert_eq!(ranked[0].clause, "表2");
    }

    #[test]
    fn a_passage_s_own_clause_number_is_no_quantity_it_states() {
        let row = "103 一般工业固体废物(含污水处理污泥)、建筑施工废弃物处置及综合利用 其他 /";
        assert!(states_quantity(row));
        assert!(!states_quantity(without_label(row, "103")));
        let section = "7.3 排气筒高度高于表列最高高度的，用外推法计算";
        assert_eq!(without_label(section, "7.3"), section);
        // A law's article is labelled in words; a value right after a number is kept.
        assert_eq!(
            without_label("第三条 罚款十万元", "第三条"),
            "第三条 罚款十万元"
        );
        assert_eq!(without_label("103.5 吨", "103"), "103.5 吨");
    }

    #[test]
    fn a_count_is_a_number_before_its_unit() {
        assert!(states_count("办理完毕后二个工作日内答复", '个'));
        assert!(states_count("密封点≥2 000 个,应开展泄漏检测", '个'));
        assert!(states_count("应达到III类水质以上标准", '类'));
        assert!(states_count("烟气黑度(林格曼黑度,级) ≤1 烟囱排放口", '级'));
        assert!(!states_count("烟气黑度(林格曼黑度,级) 烟囱排放口", '级'));
        assert!(!states_count("一般仅可布局在产业集聚类重点管控单元", '个'));
        assert!(!states_count("各个管控单元的准入清单", '个'));
    }

    #[test]
    fn a_calendar_day_sets_a_time() {
        assert!(sets_time("本标准自 2021 年 7 月 1 日起实施。"));
        assert!(!sets_time("本标准首次发布于 2001 年，本次为首次修订。"));
    }

    #[test]
    fn a_standing_is_said_by_a_sentence_that_opens_with_the_thing() {
        let text = "第十七条 排污许可证是对排污单位进行生态环境监管的主要依据。\n排污单位应当遵守排污许可证规定。";
        assert!(states_role(text, "排污许可证"));
        assert!(states_role("会商意见作为审批的重要依据。", "会商意见"));
        // Named, but not said what it is; or asked whether.
        assert!(!states_role(
            "排污单位应当遵守排污许可证规定。",
            "排污许可证"
        ));
        assert!(!states_role(
            "排污许可证是否有效，由审批部门认定。",
            "排污许可证"
        ));
    }

    #[test]
    fn a_definition_is_of_the_term_asked() {
        assert!(defines(
            "第五百六十四条 本法所称工业噪声，是指在工业生产活动中产生的…声音。",
            "工业噪声"
        ));
        assert!(!defines(
            "本法所称社会生活噪声，是指人为活动产生的除工业噪声、建筑施工噪声…外的声音。",
            "工业噪声"
        ));
        assert!(!defines(
            "本法所称工业固体废物，是指在工业生产活动中产生的固体废物。",
            "固体废物"
        ));
        // A standard's definition entry: number, term, English gloss, 指.
        assert!(defines(
            "3.8 间接排放 指排污单位向公共污水处理系统排放水污染物的行为。",
            "间接排放"
        ));
        assert!(defines(
            "3.2 在用锅炉 in-use boiler 指本标准实施之日前，已建成投产的锅炉。",
            "在用锅炉"
        ));
        assert!(defines(
            "3.8 间接排放 间接排放指向公共污水处理系统排放",
            "间接排放"
        ));
        assert!(!defines(
            "3.7 直接排放 指排污单位直接向环境排放水污染物的行为。",
            "间接排放"
        ));
        // An entry whose definition follows the gloss without 指.
        assert!(defines(
            "3.8 挥发性有机液体 volatile organic liquid 任何能向大气释放 VOCs 的有机液体",
            "挥发性有机液体"
        ));
        assert!(!defines(
            "3.8 挥发性有机液体 volatile organic liquid 任何能向大气释放 VOCs 的有机液体",
            "有机液体"
        ));
        // The number on a line of its own, the term and its gloss on the next, the definition
        // after.
        assert!(defines(
            "3.8\n挥发性有机液体  volatile organic liquid\n任何能向大气释放 VOCs 的有机液体：",
            "挥发性有机液体"
        ));
        assert!(!defines(
            "生态环境主管部门指导排污单位开展自行监测。",
            "生态环境主管部门"
        ));
        // The heading on a line of its own, the definition on the next.
        assert!(defines(
            "3 4 厂界 boundary\n由法律文书(如土地使用证、房产证、租赁合同等)中确定的场所或建筑物边界。",
            "厂界"
        ));
        assert!(!defines(
            "4 污染物排放控制要求\n4.1 现有企业执行表1。",
            "污染物排放控制要求"
        ));
    }

    #[test]
    fn a_sentence_that_opens_with_the_question_s_topic_is_about_it() {
        let topic = compact("实行排污许可管理的企业");
        assert!(opens_with_topic(
            "第一百八十三条 实行排污许可管理的企业事业单位和其他生产经营者应当…依法开展自行监测。",
            &topic
        ));
        assert!(!opens_with_topic(
            "第一百八十四条 实行排污许可重点管理的企业事业单位和其他生产经营者，应当…安装…自动监测设备。",
            &topic
        ));
        // The tail of a topic that carries a frame ("水污染防治法规定…").
        assert!(opens_with_topic(
            "实行排污许可管理的企业事业单位应当…",
            &compact("水污染防治法规定实行排污许可管理的企业")
        ));
        // Too short to say what a sentence is about.
        assert!(!opens_with_topic("企业应当…", "企业"));
        // Said whole inside a sentence: 大气污染防治法第十八条 on 建设对大气环境有影响的项目.
        let topic = compact("建设对大气环境有影响的项目");
        assert!(states_topic(
            "企业事业单位和其他生产经营者建设对大气环境有影响的项目，应当依法进行环境影响评价",
            &topic
        ));
        assert!(!states_topic(
            "未完成国家下达的大气环境质量改善目标的地区，暂停审批新增排放总量的建设项目",
            &topic
        ));
    }

    #[test]
    fn the_way_on_after_a_failed_one_qualifies_the_clause_before() {
        assert!(is_qualifier("调解不成的,可以向人民法院提起诉讼"));
        assert!(is_qualifier("协商不成的，可以申请调解"));
        assert!(!is_qualifier("可以由当事人协商解决"));
        assert!(!is_qualifier(
            "建设不成的项目清单由省级部门公布，并报国务院备案"
        ));
    }

    #[test]
    fn an_act_the_question_says_was_not_done_is_read_negated() {
        assert_eq!(
            negated_verbs("我们厂未取得排污许可证就开始排污了，罚多少？"),
            vec!["取得".to_owned()]
        );
        assert_eq!(
            negated_verbs("未经批准擅自取水，罚多少"),
            vec!["批准".to_owned()]
        );
        assert!(negated_verbs("未依法公开信息").is_empty());
        assert!(negates("未依法取得排污许可证排放污染物的", "取得"));
        assert!(!negates(
            "以欺骗、贿赂等不正当手段申请取得排污许可证的",
            "取得"
        ));
        // 未 in another clause does not negate it.
        assert!(!negates("未申报的，责令改正；取得许可证后", "取得"));
        assert!(negates(
            "除纳入重点排污单位名录的，日处理能力2万吨及以上的",
            "纳入"
        ));
        assert!(!negates("纳入重点排污单位名录的为重点管理", "纳入"));
    }

    #[test]
    fn a_works_is_named_by_its_trade() {
        assert_eq!(works_trade("服装厂"), Some("服装"));
        assert_eq!(works_trade("化工厂"), Some("化工"));
        assert_eq!(works_trade("小厂"), None);
        assert_eq!(works_trade("厂房"), None);
    }

    #[test]
    fn a_lettered_item_is_read_with_its_lead_in() {
        assert!(is_list_item("a)有机质含量小于 5%"));
        assert!(is_list_item("b）水溶性盐总量小于 5%"));
        assert!(!is_list_item("pH 值 6~9"));
        assert!(!is_list_item(
            "6.2 进入 II 类场的一般工业固体废物应同时满足以下要求:"
        ));
        assert!(is_list_item("1.未取得排污许可证的"));
        let text = "6.2 进入 II 类场的一般工业固体废物应同时满足以下要求:\na)有机质含量小于 5%(煤矸石除外);\nb)水溶性盐总量小于 5%,测定方法按照 NY/T 1121.16 进行。";
        let terms = vec![vec!["水溶性盐".to_owned()], vec!["类场".to_owned()]];
        let (_, read, own) = best_sentence(&terms, text).unwrap();
        assert!(
            read.contains("进入 II 类场") && read.contains("水溶性盐"),
            "{read}"
        );
        assert!(own.starts_with("b)"), "{own}");
    }

    #[test]
    fn special_requirements_answer_only_a_question_on_them() {
        assert!(states_special(&compact(
            "9.2 废水液面特别控制要求 9.2.1 废水集输系统"
        )));
        assert!(!states_special(&compact("9.1 废水液面控制要求")));
        assert!(!asks_special(
            "废水沟是敞着的，液面上VOCs浓度到多少就得盖上？"
        ));
        assert!(asks_special("执行特别排放限值的地区，COD是多少？"));
    }

    #[test]
    fn a_site_class_is_one_term_and_not_a_waste_class() {
        assert_eq!(classes("进I类场的固废？II类场呢？"), ["I类场", "II类场"]);
        // 6.1 on I类场 names 第 II 类 waste: not the II类场.
        let on_i =
            compact("6.1 进入 I 类场的一般工业固体废物(包括第 II 类一般工业固体废物经处理后…)");
        assert!(covered(&["I类场".to_owned()], &on_i));
        assert!(!covered(&["II类场".to_owned()], &on_i));
        assert!(!covered(
            &["I类场".to_owned()],
            &compact("6.2 进入 II 类场的")
        ));
    }

    #[test]
    fn a_period_counts_where_the_passage_speaks_of_what_is_asked() {
        let terms: Vec<Vec<String>> = vec![
            vec!["环境".to_owned()],
            vec!["影响".to_owned()],
            vec!["登记表".to_owned(), "环境影响登记表".to_owned()],
            vec!["备案".to_owned()],
        ];
        let article = "审批环境影响报告书，应当自收到之日起60日内作出审批决定。\n\n\
                       依法应当填报环境影响登记表的建设项目，应当报县级主管部门备案。";
        let q = "环境影响登记表备案以后，多久能查到？";
        assert!(!states_where_asked(&terms, q, article, states_duration));
        assert!(states_where_asked(
            &terms,
            q,
            "环境影响登记表应当自备案之日起5日内公开。",
            states_duration
        ));
        // A term in the question's own words (报告书 of 环评报告书) counts.
        let terms: Vec<Vec<String>> = vec![
            vec!["环评".to_owned(), "环境影响报告书".to_owned()],
            vec!["报告书".to_owned(), "环境影响报告书".to_owned()],
        ];
        assert!(states_where_asked(
            &terms,
            "环评报告书审批期限是多少天？",
            article,
            states_duration
        ));
    }

    #[test]
    fn a_value_asked_of_a_thing_only_listed_is_not_given() {
        let terms: Vec<Vec<String>> = vec![
            vec!["吸收".to_owned()],
            vec!["ph".to_owned()],
            vec!["操作温度".to_owned()],
        ];
        let ph = valued_object(&terms, "吸收液pH值应该控制在多少？");
        assert_eq!(ph, Some(&terms[1]));
        assert_eq!(
            valued_object(&terms, "操作温度要控制在多少度？"),
            Some(&terms[2])
        );
        let listed =
            "记录运行时间、操作温度、吸收液 pH 值等关键运行参数。台账保存期限不少于 3 年。";
        assert!(named_without_value(&terms[1], listed));
        // A value stated in its clause, or the thing named outside an enumeration.
        assert!(!named_without_value(
            &terms[1],
            "吸收液 pH 值、出水浊度应在 6~9 之间。"
        ));
        assert!(!named_without_value(&terms[1], "应监测吸收液 pH 值。"));
        // "厂区生活污水一天大概排多少吨": so do the act and the time a quantity is of.
        let sewage: Vec<Vec<String>> = vec![vec!["厂区".to_owned()], vec!["生活污水".to_owned()]];
        assert_eq!(
            valued_object(&sewage, "印染厂的厂区生活污水一天大概排多少吨？"),
            Some(&sewage[1])
        );
        // "…许可排放量一般给多少吨": the hedges of a how-much question frame it too.
        let permit: Vec<Vec<String>> = vec![vec!["排放量".to_owned()]];
        assert_eq!(
            valued_object(&permit, "许可排放量一般给多少吨？"),
            Some(&permit[0])
        );
        assert!(named_without_value(
            &permit[0],
            "废水总排放口为主要排放口,许可年排放量针对化学需氧量、氨氮;一般排放口只许可排放浓度。"
        ));
    }

    #[test]
    fn a_hedge_is_not_what_a_limit_is_of() {
        let terms: Vec<Vec<String>> = vec![vec!["颗粒物".to_owned()], vec!["一般".to_owned()]];
        assert_eq!(
            limit_object(&terms, "新建燃煤锅炉，颗粒物一般限值是多少？"),
            Some(&terms[0])
        );
    }

    #[test]
    fn yiban_that_hedges_the_ask_is_no_term() {
        assert!(only_hedging_yiban("新建锅炉，颗粒物一般卡多少？"));
        assert!(only_hedging_yiban(
            "固废填埋场运行期间，周边土壤一般多久测一次？"
        ));
        assert!(!only_hedging_yiban("一般工业固体废物贮存场要防渗吗？"));
        assert!(!only_hedging_yiban("一般排放口要自动监测吗？"));
        assert!(!only_hedging_yiban("造成一般大气污染事故的，罚款多少？"));
        assert!(!only_hedging_yiban("储罐的排放要求是什么？"));
    }

    #[test]
    fn a_clause_is_on_the_special_case_alone_by_its_heading_or_its_title() {
        // 5.2.2.2's text does not say it: its heading does.
        assert!(titled_special(
            "5.2.2.2 储存真实蒸气压≥27.6 kPa 但<76.6 kPa 且储罐容积≥75 m³的储罐",
            Some("5 VOCs 物料储存无组织排放控制要求 5.2 挥发性有机液体储罐 5.2.2 储罐特别控制要求"),
        ));
        assert!(titled_special(
            "6.2.3 装载特别控制要求装载物料真实蒸气压≥27.6 kPa",
            None
        ));
        assert!(!titled_special(
            "6.2.2 装载控制要求装载物料真实蒸气压≥27.6 kPa",
            Some("6 VOCs 物料转移和输送无组织排放控制要求 6.2 挥发性有机液体装载"),
        ));
        // A row that gives both values answers the general case too.
        assert!(!titled_special(
            "非甲烷总烃:1小时平均浓度值限值10 mg/m3(特别排放限值6 mg/m3)",
            None
        ));
    }

    #[test]
    fn in_a_standard_the_clause_that_says_it_in_one_sentence_goes_first() {
        let standard = |clause: &str, text: &str| Hit {
            doc_type: "standard".into(),
            ..test_hit("挥发性有机物无组织排放控制标准", clause, text)
        };
        let terms: Vec<Vec<String>> = ["储存", "液体", "储罐", "低压罐", "等效"]
            .iter()
            .map(|t| vec![(*t).to_owned()])
            .collect();
        // The definitions hold the same words, strewn over their entries.
        let definitions = standard(
            "3",
            "3.1 储存 指液体的存放。3.2 储罐 指固定顶罐。3.3 低压罐 指设计压力较低的罐。3.4 等效 指相当。",
        );
        let rule = standard(
            "5.2.1.1",
            "5.2.1.1 储存真实蒸气压≥76.6 kPa 的挥发性有机液体储罐,应采用低压罐。也可采用等效措施。",
        );
        let ranked = rank_by_terms(&terms, vec![definitions, rule], &Ranking::default());
        assert_eq!(ranked[0].clause, "5.2.1.1");
    }

    #[test]
    fn an_item_after_a_long_item_keeps_the_lead_in() {
        let text = "5.2.1.2 储存真实蒸气压≥27.6 kPa 的挥发性有机液体储罐,应符合下列规定之一:\na)采用浮顶罐。对于内浮顶罐,浮顶与罐壁之间应采用浸液式密封。\nb)采用固定顶罐,排放的废气应收集处理,或者处理效率不低于 80%。";
        let terms: Vec<Vec<String>> = ["储罐", "真实", "固定", "效率"]
            .iter()
            .map(|t| vec![(*t).to_owned()])
            .collect();
        let (_, read, own) = best_sentence(&terms, text).unwrap();
        assert!(own.starts_with("b)"), "{own}");
        assert!(read.contains("真实蒸气压"), "{read}");
        assert!(
            sentences_with_lead_in(text)
                .iter()
                .any(|s| s.contains("真实蒸气压") && s.contains("固定顶罐"))
        );
    }

    #[test]
    fn a_line_that_ends_open_goes_on() {
        let text = "b)采用固定顶罐,排放的废气应收集处理(无行业排放标准的应\n满足 GB 16297 的要求),或者处理效率不低于 80%。\nc)采用气相平衡系统。";
        let parts = segments(text);
        assert!(
            parts[0].contains("固定顶罐") && parts[0].contains("80%"),
            "{parts:?}"
        );
    }

    #[test]
    fn a_line_that_ends_on_a_symbol_goes_on_in_words() {
        let text = "10.4 记录要求企业应建立台账,记录如运行时间、吸收液 pH\n值等关键运行参数。台账保存期限不少于 3 年。";
        let parts = segments(text);
        assert!(
            parts[0].contains("pH") && parts[0].contains("关键运行参数"),
            "{parts:?}"
        );
        // A heading that ends on a symbol is followed by its clause's number.
        let parts = segments("9 敞开液面 VOCs\n9.1 废水液面控制要求");
        assert_eq!(parts.len(), 2, "{parts:?}");
    }

    #[test]
    fn a_line_that_opens_with_de_goes_on_with_the_sentence_before() {
        let text = "8.5 纺织服装和服饰业产生的与生活垃圾性质相近的以及有机物含量超过 5%\n的一般工业固体废物不得进行充填、回填作业。\n8.6 其他。";
        let parts = segments(text);
        assert!(
            parts[0].contains("纺织") && parts[0].contains("回填"),
            "{parts:?}"
        );
        assert_eq!(parts.len(), 2, "{parts:?}");
        let text =
            "6.2.3 装载物料的年装载量≥500 m³\n,以及年装载量≥2500 m³的,装载过程应符合下列规定之一:";
        let parts = segments(text);
        assert!(
            parts[0].contains("500") && parts[0].contains("2500"),
            "{parts:?}"
        );
    }

    #[test]
    fn a_rule_whose_subject_is_another_kind_of_thing() {
        let rule = "第二十五条 机动车排气控制装备维修单位、机动车排气污染检测机构应当与环境保护行政主管部门实行信息联网。";
        assert_eq!(other_kind(rule, "纺织品检测要送机构", true), Some("机动车"));
        assert_eq!(other_kind(rule, "机动车检测要送机构", true), None);
        let sea = "第三百四十条 国务院有关部门和海警机构应当向国务院生态环境主管部门提供编制国家海洋生态环境状况公报所必需的资料";
        assert_eq!(
            other_kind(sea, "检测公司的资质环保局能查吗", false),
            Some("海洋")
        );
        assert_eq!(other_kind(sea, "入海排污口的监测资料", false), None);
        // Named in the first clause but not as its subject.
        let beside = "第十条 从事服装干洗和机动车维修等服务活动的经营者，应当…";
        assert_eq!(other_kind(beside, "干洗店要装什么", true), None);
    }

    #[test]
    fn a_glossary_is_no_rule() {
        let glossary = "浮顶的边缘密封浸入储存物料液面的密封形式。\n3.11\n机械式鞋形密封 mechanical shoe seal\n通过弹簧使金属薄板紧抵于储罐罐壁上的密封形式。\n3.12\n双重密封 double seals\n浮顶边缘与储罐内壁间设置两层密封的密封形式。";
        assert!(is_glossary(glossary));
        // One entry is one definition, and a rule naming VOCs is no entry.
        assert!(!is_glossary(
            "3.6 烟囱高度 stackheight\n指从烟囱所在的地平面至烟囱出口的高度。"
        ));
        assert!(!is_glossary(
            "5.1.1 VOCs 物料应储存于密闭的容器中。\n5.1.2 盛装 VOCs 物料的容器应存放于室内。"
        ));
    }

    #[test]
    fn a_distance_question_sets_its_li_apart() {
        assert_eq!(
            apart_before_li("贮存场离周边居民区要多远？"),
            "贮存场，离周边居民区要多远？"
        );
        assert_eq!(
            apart_before_li("卫生防护距离是多少米？"),
            "卫生防护距离是多少米？"
        );
        assert_eq!(
            apart_before_li("离子交换树脂怎么处理？"),
            "离子交换树脂怎么处理？"
        );
        assert_eq!(
            apart_before_li("测点设在厂界外多远？"),
            "测点设在厂界外，多远？"
        );
    }

    #[test]
    fn an_an_that_names_the_text_is_set_apart() {
        assert_eq!(
            apart_before_an("这条河按GB 3838氨氮应当不超过多少？"),
            "这条河，按GB 3838氨氮应当不超过多少？"
        );
        assert_eq!(apart_before_an("按《条例》怎么罚？"), "按《条例》怎么罚？");
        // 按 of a word, or 按 before what is no text, stays.
        assert_eq!(apart_before_an("按规定执行"), "按规定执行");
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "这条河按GB 3838氨氮应当不超过多少？");
        assert!(
            terms
                .iter()
                .all(|g| !["河按", "这条", "超过"].contains(&g[0].as_str())),
            "{terms:?}"
        );
    }

    #[test]
    fn a_claims_last_term_is_read_only_from_one_affirming_clause() {
        let jieba = analyzer::jieba();
        let q = "有人说环保局罚的钱最后都发了执法人员的奖金，这个说法对吗？";
        let terms = key_terms(&jieba, q);
        assert_eq!(
            claim_last_term(&terms, q).map(|g| g[0].as_str()),
            Some("奖金")
        );
        // A claim that denies, or one said over several clauses, is not read.
        for q in [
            "有人说污水厂没这个权力，这个说法对吗？",
            "有人说设备晚上关掉一会儿，反正没人知道，这话对吗？",
            "排污许可证有效期几年？",
        ] {
            let terms = key_terms(&jieba, q);
            assert_eq!(claim_last_term(&terms, q), None, "{q}");
        }
    }

    #[test]
    fn a_duty_denied_in_the_askers_words_is_no_term() {
        let jieba = analyzer::jieba();
        let terms = key_terms(&jieba, "企业认为不用重新取得排污许可证，这个说法成立吗？");
        assert!(terms.iter().all(|g| g[0] != "不用"), "{terms:?}");
        assert!(terms.iter().any(|g| g[0] == "重新"), "{terms:?}");
        // The verdict asked of the claim is no term either.
        assert!(terms.iter().all(|g| g[0] != "成立"), "{terms:?}");
        let terms = key_terms(&jieba, "设立后多久要成立管理机构？");
        assert!(terms.iter().any(|g| g[0] == "成立"), "{terms:?}");
    }
}
