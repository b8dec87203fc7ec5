//! Synonyms that no tokenizer links: codes and their Chinese names, short and long forms.
//! Each group is a set of index terms (already lower-cased and segmented as the index does).

/// Groups of interchangeable terms.
pub const GROUPS: &[&[&str]] = &[
    &["cod", "codcr", "化学需氧量"],
    &["bod5", "bod", "五日生化需氧量"],
    &["氨氮", "nh3-n", "nh3n"],
    &["总氮", "tn"],
    &["总磷", "tp"],
    &["总锑", "锑", "sb"],
    &["六价铬", "cr6"],
    &["悬浮物", "ss"],
    &["可吸附有机卤素", "aox"],
    &["非甲烷总烃", "nmhc"],
    &["挥发性有机物", "vocs", "voc"],
    &["二氧化硫", "so2"],
    &["氮氧化物", "nox"],
    &["报告书", "环境影响报告书", "生态环境影响报告书"],
    &["报告表", "环境影响报告表", "生态环境影响报告表"],
    &["登记表", "环境影响登记表", "生态环境影响登记表"],
    &["环评", "环境影响评价", "生态环境影响评价"],
    &["印染", "染整", "纺织染整"],
    &["排污许可", "排污许可证"],
    &["定型机", "定型"],
    &["批复", "审批意见", "环评批复"],
    &["限值", "排放限值", "标准值"],
    &["间接排放", "纳管"],
    &["期限", "时限", "日内"],
    &["三线一单", "生态环境分区管控"],
    &["总量", "总量控制", "总量指标"],
    &["应急池", "事故应急池", "事故池"],
    &["红线", "生态保护红线"],
    &["成衣", "服装", "服饰"],
    &["燃气", "天然气"],
    &["环评文件", "环境影响评价文件", "环评类别"],
    &["罚款", "处罚", "罚则"],
    &["有效期", "有效期限"],
    &["收费", "收取"],
    &["含氧量", "氧含量"],
];

/// The other members of every group `term` belongs to.
pub fn expand(term: &str) -> Vec<&'static str> {
    GROUPS
        .iter()
        .filter(|g| g.contains(&term))
        .flat_map(|g| g.iter().copied())
        .filter(|t| *t != term)
        .collect()
}

/// Question words and particles that carry no retrieval signal.
pub const STOP_WORDS: &[&str] = &[
    "的", "了", "是", "吗", "呢", "吧", "啊", "什么", "多少", "哪些", "哪个", "如何", "怎么",
    "怎样", "请问", "是否", "有", "对", "在", "和", "与", "及", "或", "为", "被", "把", "要",
    "需要", "应", "应当", "该", "这", "那", "个", "项", "一下", "我", "我们", "你", "能", "可以",
    "吗?", "?", "分别", "各是", "各自", "通过",
];
