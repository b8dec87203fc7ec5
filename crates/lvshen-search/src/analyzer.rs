//! The Chinese analyzer: jieba-rs in search mode (sub-words kept, so 排污许可证 also matches
//! 排污许可), one `Jieba` shared in an `Arc` (building one costs ≈300 ms and 68 MB), with a
//! domain dictionary so that 总氮, 化学需氧量, 定型机 … are never split by context.

use std::sync::{Arc, OnceLock};

use jieba_rs::{Jieba, TokenizeMode};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

/// Terms jieba must keep whole (pollutants, equipment, procedures, places of this domain).
pub const DOMAIN_WORDS: &[&str] = &[
    // A pollutant by its medium: the segmenter cuts 水污染物 into 水 and 污染物, and a single
    // character is no term, so a question on 水污染物 would weigh an article on 固体废物's
    // 污染 as much as one on water ("减少水污染物的产生").
    "水污染物",
    // 环境保护税 is cut into 环境保护 and 税: the tax is lost, and a question on it weighs
    // any article on 环境保护.
    "环境保护税",
    // The permit catalogue's 水处理通用工序: "按水处理通用工序" was cut 按水 / 处理.
    "水处理",
    // Who interprets a text (建设项目环境影响评价分类管理名录第六条: 本名录由生态环境部负责
    // 解释): 解释 alone is how a question asks ("请解释一下") and no term.
    "负责解释",
    "总氮",
    "总磷",
    "总锑",
    "氨氮",
    "六价铬",
    "苯胺类",
    "化学需氧量",
    "五日生化需氧量",
    "悬浮物",
    "色度",
    "可吸附有机卤素",
    "二氧化氯",
    "硫化物",
    "非甲烷总烃",
    "挥发性有机物",
    "臭气浓度",
    "颗粒物",
    "二氧化硫",
    "氮氧化物",
    "染整油烟",
    "甲醛",
    "硫化氢",
    "排放限值",
    "特别排放限值",
    "间接排放",
    "直接排放",
    "直排",
    "间排",
    "偷排",
    "在线监测",
    "在线监控",
    "自动监控",
    "三同时",
    "同时设计",
    "同时施工",
    "同时投产",
    "未批先建",
    "擅自开工建设",
    "逃避监管",
    // The ways of 逃避监管 the Code names: the segmenter cuts 暗管 into 暗 and 管.
    "暗管",
    "渗井",
    "渗坑",
    "排污证",
    "危废",
    "固废",
    "环保设施",
    "环境保护设施",
    "环保部门",
    // The segmenter drops 乏 and leaves 燃料: a question on spent fuel matched any 核燃料 text.
    "乏燃料",
    "环境保护主管部门",
    "环境保护行政主管部门",
    "环保局",
    "污水厂",
    "排口",
    "超排",
    "基准排水量",
    "单位产品基准排水量",
    "排放浓度",
    "排放速率",
    "定型机",
    "印染",
    "染整",
    "纺织染整",
    "前处理",
    "印花",
    "数码印花",
    "喷水织造",
    "洗毛",
    "缫丝",
    "脱胶",
    "丝光",
    "锅炉",
    "在用",
    "导热油炉",
    "排气筒",
    "无组织排放",
    "事故应急池",
    "污水处理厂",
    "排污许可",
    "排污许可证",
    "排污许可管理条例",
    "重点管理",
    "简化管理",
    "登记管理",
    "排污登记",
    "排污登记表",
    "主要排放口",
    "一般排放口",
    "自行监测",
    "自动监测",
    "执行报告",
    "台账",
    "环评",
    "环境影响评价",
    "环境影响报告书",
    "环境影响报告表",
    "环境影响登记表",
    "生态环境影响评价",
    "生态环境影响报告书",
    "生态环境影响报告表",
    "生态环境影响登记表",
    "生态环境法典",
    "报告书",
    "报告表",
    "登记表",
    "分类管理名录",
    "三线一单",
    "生态环境分区管控",
    "环境管控单元",
    "生态保护红线",
    "饮用水水源保护区",
    "自然保护区",
    "环境敏感区",
    "重点保护区",
    "总量控制",
    "总量指标",
    "排污权",
    "排污权交易",
    "削减替代",
    "区域削减",
    "重点污染物",
    "清洁生产",
    "水重复利用率",
    "规范条件",
    "印染行业规范条件",
    "集中供热",
    "工业园区",
    "印染集聚区",
    "蓝印时尚小镇",
    "滨海工业区",
    "曹娥江",
    "澄潭江",
    "柯桥区",
    "上虞区",
    "越城区",
    "诸暨市",
    "嵊州市",
    "新昌县",
    "杭州湾",
    "环境风险",
    "临界量",
    "公众参与",
    "三同时",
    "竣工环境保护验收",
    "审批期限",
    "审批意见",
    "环评批复",
    "以新带老",
    "重大变动",
    "大气环境防护距离",
    "卫生防护距离",
    "恶臭",
    "危险废物",
    "一般工业固体废物",
    "污泥",
    // A yard's leachate (GB 18599 10.2.2): the segmenter cuts 渗滤液 into 渗 and 滤液.
    "渗滤液",
    // A river's bank and shoal (法典第一百六十四条): the segmenter reads "在岸坡" as 在岸 + 坡.
    "岸坡",
    "滩地",
    // The Code's noise areas (第五百五十三条): one term, as 一般工业固体废物 is, so that a
    // question set near one does not weigh its four pieces as four subjects.
    "噪声敏感建筑物集中区域",
    "噪声敏感建筑物",
    // Loose coal (法典第二百零五条): the segmenter cuts 散煤 into two single characters, which
    // a query built from key terms does not search for.
    "散煤",
    // Who holds a permit's duties (排污许可管理条例第二条: 以下称排污单位): one term, so that a
    // question on the unit's duties is not matched by any table that names 排污 and 污染物.
    "排污单位",
    // Carbon emissions (法典 on 碳排放权交易, 碳排放配额): the segmenter cuts off 碳 and leaves
    // 排放, so a question on carbon intensity was matched by any water standard on 排放.
    "碳排放",
    // Dismissal (法典第一百四十六条 on 举报人: 解除、变更劳动合同): one act, one term — in two
    // (解除, 劳动合同) it made two words asked of a story ("…老王天天喝了酒来上班，能不能开除他").
    "解除劳动合同",
    // A licence no text here rules on (安全生产许可证): one term, so that the licence check
    // sees the licence asked, not 许可证 alone, which every permit article holds.
    "安全生产许可证",
    // The Code's parts within a book: "那一分编" is 那 一 分编, not 一分 (a point).
    "分编",
    // A chat group (工作群, 微信群): one thing no text names; cut, its 工作 matched every
    // article on 环境影响评价工作.
    "工作群",
    "微信群",
    // GB 12348's 声环境功能区: "还没有划声环境功能区" was cut 划声 / 环境 / 功能区.
    "声环境功能区",
    // GB 4287 4.5's 排水总量 (Q总), the water a works lets out: cut, its 总量 read as the
    // total-quantity control (总量控制指标).
    "排水总量",
    // The Code's 污染防治设施 (第一百六十二条: 不得擅自拆除或者闲置; 第一百六十四条: 不正常运行):
    // one thing, so that a question on pulling it down is not matched best by the article on
    // any 设施 pulled down (第四百一十五条: 拆除设施…土壤污染防治措施).
    "污染防治设施",
];

/// The shared segmenter with the domain dictionary.
pub fn jieba() -> Arc<Jieba> {
    static JIEBA: OnceLock<Arc<Jieba>> = OnceLock::new();
    JIEBA
        .get_or_init(|| {
            let mut jieba = Jieba::new();
            for word in DOMAIN_WORDS {
                jieba.add_word(word, Some(200_000), None);
            }
            Arc::new(jieba)
        })
        .clone()
}

/// The terms of a text as the index sees them: NFKC, lower-cased, search-mode segmentation,
/// punctuation and whitespace dropped.
pub fn terms(jieba: &Jieba, text: &str) -> Vec<String> {
    let normalized: String = text.nfkc().collect::<String>().to_lowercase();
    let mut terms: Vec<String> = jieba
        .tokenize(&normalized, TokenizeMode::Search, true)
        .into_iter()
        .map(|t| t.word.trim())
        .filter(|w| !w.is_empty() && w.chars().any(char::is_alphanumeric))
        .map(str::to_owned)
        .collect();
    for _ in asterisk_marks(&normalized) {
        terms.push(ASTERISK_MARK.to_owned());
    }
    terms
}

/// The term for a mark of `*` (建设项目环境影响评价分类管理名录's 说明4: 名录中所标"*"号,指在工业
/// 建筑中生产的建设项目), which the segmenter drops with the punctuation: a question on 星号
/// or on the *号 finds the note.
pub const ASTERISK_MARK: &str = "星号";

/// The byte spans of each `*` followed by 号, with at most a closing quote between them
/// (`"*"号`, `*号`, and the full-width forms before NFKC).
fn asterisk_marks(text: &str) -> Vec<(usize, usize)> {
    let mut marks = Vec::new();
    for (at, c) in text.char_indices() {
        if c != '*' && c != '＊' {
            continue;
        }
        let mut rest = text[at + c.len_utf8()..].char_indices();
        let mut next = rest.next();
        if let Some((_, q)) = next
            && matches!(q, '"' | '”' | '\'' | '’' | '」')
        {
            next = rest.next();
        }
        if let Some((offset, '号')) = next {
            let end = at + c.len_utf8() + offset + '号'.len_utf8();
            marks.push((at, end));
        }
    }
    marks
}

/// tantivy tokenizer over jieba.
#[derive(Clone)]
pub struct JiebaTokenizer {
    jieba: Arc<Jieba>,
}

impl std::fmt::Debug for JiebaTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JiebaTokenizer")
    }
}

impl JiebaTokenizer {
    /// A tokenizer sharing the process-wide segmenter.
    pub fn new() -> Self {
        JiebaTokenizer { jieba: jieba() }
    }
}

impl Default for JiebaTokenizer {
    fn default() -> Self {
        Self::new()
    }
}

/// The tokens of one text.
#[derive(Debug)]
pub struct JiebaTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream {
        // Offsets must point into `text`: segment the original, normalise each token.
        // Search mode emits a long word after its sub-words; tantivy's snippet generator
        // needs offsets in order, so sort by offset before numbering positions.
        let mut raw: Vec<_> = self
            .jieba
            .tokenize(text, TokenizeMode::Search, true)
            .into_iter()
            .filter(|t| t.word.chars().any(char::is_alphanumeric))
            .collect();
        raw.sort_by_key(|t| (t.byte_start, t.byte_end));
        let mut spans: Vec<(usize, usize, String)> = raw
            .into_iter()
            .map(|t| {
                let normalized: String = t.word.trim().nfkc().collect::<String>().to_lowercase();
                (t.byte_start, t.byte_end, normalized)
            })
            .filter(|(_, _, w)| !w.is_empty())
            .collect();
        spans.extend(
            asterisk_marks(text)
                .into_iter()
                .map(|(from, to)| (from, to, ASTERISK_MARK.to_owned())),
        );
        spans.sort_by_key(|(from, to, _)| (*from, *to));
        let tokens = spans
            .into_iter()
            .enumerate()
            .map(|(position, (offset_from, offset_to, text))| Token {
                offset_from,
                offset_to,
                position,
                text,
                position_length: 1,
            })
            .collect();
        JiebaTokenStream { tokens, index: 0 }
    }
}

impl TokenStream for JiebaTokenStream {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self
            .index
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self
            .index
            .saturating_sub(1)
            .min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_offsets_are_in_order() {
        let mut tokenizer = JiebaTokenizer::new();
        let mut stream = tokenizer.token_stream("中华人民共和国曹娥江流域水环境重点保护区");
        let mut last = 0;
        while stream.advance() {
            let t = stream.token();
            assert!(t.offset_from >= last, "{} at {}", t.text, t.offset_from);
            last = t.offset_from;
        }
    }

    #[test]
    fn domain_words_survive_context() {
        let j = jieba();
        let t = terms(&j, "印染废水中总氮的排放限值");
        assert!(t.contains(&"总氮".to_owned()), "{t:?}");
        let t = terms(&j, "定型机产生的废气");
        assert!(t.contains(&"定型机".to_owned()), "{t:?}");
        // Search mode keeps the whole word and its dictionary sub-words.
        let t = terms(&j, "排污许可证");
        assert!(
            t.contains(&"排污许可证".to_owned()) && t.contains(&"许可证".to_owned()),
            "{t:?}"
        );
        let t = terms(&j, "在噪声敏感建筑物集中区域施工");
        assert!(t.contains(&"噪声敏感建筑物集中区域".to_owned()), "{t:?}");
        // A pollutant by its medium, and the tax: whole, the pieces still searchable.
        let t = terms(&j, "减少水污染物的产生");
        assert!(
            t.contains(&"水污染物".to_owned()) && t.contains(&"污染物".to_owned()),
            "{t:?}"
        );
        let t = terms(&j, "要交环境保护税吗");
        assert!(t.contains(&"环境保护税".to_owned()), "{t:?}");
        let t = terms(&j, "按水处理通用工序");
        assert!(t.contains(&"水处理".to_owned()), "{t:?}");
        assert!(!t.contains(&"按水".to_owned()), "{t:?}");
        let t = terms(&j, "污水处理站");
        assert!(t.contains(&"污水处理".to_owned()), "{t:?}");
        let t = terms(&j, "禁止销售不符合散煤质量标准的煤炭");
        assert!(t.contains(&"散煤".to_owned()), "{t:?}");
        // The permit holder is one term, and its pieces stay searchable.
        let t = terms(&j, "排污单位对污染物排放口");
        assert!(
            t.contains(&"排污单位".to_owned()) && t.contains(&"排污".to_owned()),
            "{t:?}"
        );
        let t = terms(&j, "施工单位要有安全生产许可证吗");
        assert!(t.contains(&"安全生产许可证".to_owned()), "{t:?}");
        let t = terms(&j, "能不能解除劳动合同他");
        assert!(t.contains(&"解除劳动合同".to_owned()), "{t:?}");
        let t = terms(&j, "法典里水污染防治那一分编");
        assert!(t.contains(&"分编".to_owned()), "{t:?}");
        let t = terms(&j, "还没有划声环境功能区");
        assert!(t.contains(&"声环境功能区".to_owned()), "{t:?}");
        assert!(!t.contains(&"划声".to_owned()), "{t:?}");
        let t = terms(&j, "排水总量比产量乘基准排水量的和还小");
        assert!(t.contains(&"排水总量".to_owned()), "{t:?}");
        // 污染防治设施 is one thing (its pieces stay terms too).
        let t = terms(&j, "污染防治设施拆除也没关系");
        assert!(t.contains(&"污染防治设施".to_owned()), "{t:?}");
        assert!(t.contains(&"设施".to_owned()), "{t:?}");
        let t = terms(&j, "能不能拍照发到工作群里");
        assert!(t.contains(&"工作群".to_owned()), "{t:?}");
        let t = terms(&j, "单位产品碳排放强度");
        assert!(t.contains(&"碳排放".to_owned()), "{t:?}");
        let t = terms(&j, "ＣＯＤ　２００");
        assert!(t.contains(&"cod".to_owned()), "{t:?}");
        let t = terms(&j, "本名录由生态环境部负责解释");
        assert!(t.contains(&"负责解释".to_owned()), "{t:?}");
    }

    #[test]
    fn an_asterisk_mark_is_a_term() {
        let j = jieba();
        for text in [
            "名录中所标“*”号,指在工业建筑中生产",
            "标的*号是什么意思",
            "带＊号的项目",
        ] {
            let t = terms(&j, text);
            assert!(t.contains(&ASTERISK_MARK.to_owned()), "{text}: {t:?}");
        }
        let t = terms(&j, "GB 3838 *注: 3*5 = 15");
        assert!(!t.contains(&ASTERISK_MARK.to_owned()), "{t:?}");
        let mut tokenizer = JiebaTokenizer::new();
        let text = "名录中所标“*”号,指在工业建筑中生产";
        let mut stream = tokenizer.token_stream(text);
        let mut found = None;
        let mut last = 0;
        while stream.advance() {
            let t = stream.token();
            assert!(t.offset_from >= last, "{} at {}", t.text, t.offset_from);
            last = t.offset_from;
            if t.text == ASTERISK_MARK {
                found = Some(&text[t.offset_from..t.offset_to]);
            }
        }
        assert_eq!(found, Some("*”号"));
    }
}
