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
    // An EIA is also its report: the Code says 生态环境影响报告书 where a question says 环评
    // (第一百零九条: 不符合经审批的…报告书…的情形). A word in two groups is expanded by each.
    &[
        "环评",
        "环境影响评价",
        "生态环境影响评价",
        "环境影响报告书",
        "生态环境影响报告书",
    ],
    &["印染", "染整", "纺织染整", "印染厂"],
    &["排污许可", "排污许可证", "排污证"],
    &["定型机", "定型"],
    &["批复", "审批意见", "环评批复"],
    &["限值", "排放限值", "标准值"],
    &["间接排放", "纳管", "间排"],
    &["直接排放", "直排"],
    &["期限", "时限", "日内", "天内"],
    &["三线一单", "生态环境分区管控"],
    &["总量", "总量控制", "总量指标"],
    &["应急池", "事故应急池", "事故池"],
    &["红线", "生态保护红线"],
    &["成衣", "服装", "服饰"],
    &["燃气", "天然气"],
    // A minimum: a table's 最低允许高度, a clause's 不低于 8 m.
    &["最低", "不低于", "不应低于", "至少"],
    // GB 13271 says 燃气锅炉, the EIA catalogue 天然气锅炉.
    &["燃气锅炉", "天然气锅炉"],
    // Garment washing: the EIA catalogue writes 洗水 (item 29), the trade says 水洗 too.
    &["水洗", "洗水"],
    // Where a law applies: its 领域 (中华人民共和国领域和…管辖的其他海域), asked as its 地域范围.
    &["地域", "领域"],
    &["环评文件", "环境影响评价文件", "环评类别"],
    &["罚款", "处罚", "罚则"],
    &["有效期", "有效期限"],
    &["收费", "收取"],
    &["含氧量", "氧含量"],
    // What people in a bureau or a works say for what the texts say.
    &["偷排", "逃避监管"],
    &["危废", "危险废物"],
    // The exams the Code names in full (第五百六十一条: 噪声 limits during them).
    &["高考", "高等学校招生统一考试"],
    &["中考", "中等学校招生考试"],
    // 浙江省水污染防治条例 says 固体废弃物 (第十五条: 饮用水水源保护区范围内禁止堆放…).
    &["固废", "固体废物", "固体废弃物"],
    &["环保设施", "环境保护设施", "生态环境保护设施"],
    // The repealed laws' name for the body the Code calls 生态环境主管部门.
    &[
        "环保部门",
        "环保局",
        "生态环境主管部门",
        "生态环境部门",
        "环境保护主管部门",
        "环境保护行政主管部门",
        // The Code's name for every body that oversees the environment (法典第一千零八十二条:
        // 负有生态环境保护监督管理职责的部门…可以依法支持…提起诉讼).
        "负有生态环境保护监督管理职责的部门",
    ],
    // The Code never says 污水处理厂: its 城镇污水集中处理设施 (第三百零一条 to 第三百零四条).
    &["污水厂", "污水处理厂", "污水集中处理设施"],
    // A works' lorry is a 机动车 (法典第二百二十三条: 在用机动车…排放检验).
    &["货车", "机动车"],
    // "挂标志牌": the Code's 危险废物识别标志, the permit rules' 标志牌 at an outlet.
    &["标志牌", "标志", "识别标志"],
    // "厂里的应急预案": the works that asks, an 企业 in the texts.
    &["厂里", "企业", "工厂"],
    &["排口", "排污口", "排放口"],
    &["超排", "超标排放"],
    &["投产", "投入生产", "投入使用", "投运"],
    &["限产", "限制生产"],
    &["仓库", "库房", "贮存场所", "贮存设施"],
    &["到期", "届满"],
    &["延续", "续期", "续证", "要续"],
    &["在线监测", "自动监测", "在线监控", "自动监控"],
    &["三同时", "同时设计", "同时施工", "同时投产"],
    &["未批先建", "擅自开工建设"],
    &["晚上", "夜间"],
    // A building site: the Code's 施工工地 (第二百四十一条), its 施工现场 and 施工作业.
    &["工地", "施工工地", "施工现场", "施工"],
    // "有什么例外": what an article excepts, its 但是…除外.
    &["例外", "除外"],
    // GB 16297's 周界 (周界外浓度最高点) is the works' boundary, GB 12348's 厂界.
    &["厂界", "周界"],
    &["白天", "昼间"],
    &["分贝", "db"],
    // "接到举报的部门": the Code says 接受举报的机关.
    &["接到", "收到", "接受"],
    // A sewage works 接纳 a works' waste water (浙江省水污染防治条例第三十七条), asked as 接收.
    &["接收", "接纳"],
    // What a permit states: the Code's 记载, Zhejiang's 载明.
    &["载明", "记载"],
    // The 环境保护综合名录 marks a product by a code its footnote spells out: GHW 高污染,
    // GHF 高环境风险.
    // The catalogue's 化学纤维 (第五十项 化学纤维制造业), the trade's 化纤.
    &["化纤", "化学纤维"],
    // GB 37822 7.3.3's 检维修 (开停工、检维修和清洗时), the works' 检修.
    &["检修", "检维修"],
    &["ghw", "高污染"],
    &["ghf", "高环境风险"],
    &["部门", "机关"],
    // A rebuild: the EIA catalogue's 改建 (第四条: 不涉及主体工程的改建、扩建项目), a works'
    // 改造.
    &["改造", "改建"],
    // Where people live: the EIA catalogue's 以居住…为主要功能的区域 (第三条(三)), a question's
    // 住宅区.
    &["住宅区", "居住"],
    // A government by its level, as the local regulations write it (市和区、县（市）人民政府).
    &["县政府", "人民政府"],
    &["区政府", "人民政府"],
    &["市政府", "人民政府"],
    // An official who fails their duty: the regulations' 玩忽职守 (绍兴市大气污染防治条例第四十四
    // 条(六)).
    &["失职", "玩忽职守"],
    // The whole province, in a provincial regulation's words (第二十七条: 本省实施煤炭消费总量控制
    // 制度).
    &["全省", "本省"],
    // A row's mark, as the analyzer names it and as the catalogues' notes print it (名录中所标
    // "*"号; 表格中标"*"号者).
    &["星号", "*”号", "*\"号", "*号"],
    // "跟政府部门签协议": the asker's name for whichever body the text names (发展改革、生态
    // 环境、工业和信息化部门).
    &["政府部门", "部门"],
    // 排污 is short for 排放污染物 (法典第九百六十八条: 减少污染物排放).
    &["排污", "排放污染物", "污染物排放"],
    // Where a standard's emissions are measured: its 污染物排放监控位置 (GB 13271 4.6, 5.1.3;
    // GB 4287 5.1), a works' 监控点.
    &["监控点", "监控位置"],
    // On a list: the permit catalogue says 纳入重点排污单位名录 in its rows and 被列入 in 第七条.
    &["列入", "纳入"],
    // What lies around a site: GB 18599 4.2 says 周围居民区 where a works says 周边.
    &["周边", "周围"],
    // What a thing is made of: GB 18599 5.3.3's 渗漏监控系统的构成, a question's 由…组成.
    &["组成", "构成"],
    // A right the texts grant as 有权 (绍兴市水资源保护条例第六条: 有权…劝阻、制止、检举和控告).
    &["权利", "有权"],
    // A works' sewer: GB 8978 4.1's 城镇排水系统 (设有二级污水处理厂的…), the Code's 排水管网.
    &["下水道", "排水系统", "排水管网"],
];

/// Words for a kind of act and the acts the texts name of that kind, one way only: a question
/// on the kind is answered by a text naming an act of it, not a question on the act by a text
/// naming the kind.
pub const KINDS_OF_ACT: &[(&str, &[&str])] = &[
    // 强制措施: the Code names the acts only (第五十二条, 第五百六十二条: 查封、扣押…), the repealed
    // 大气污染防治法 the kind too (第三十条: 采取查封、扣押等行政强制措施). 浙江省水污染防治条例's
    // 限制生产、停产等强制措施 keeps the word itself.
    ("强制措施", &["查封", "扣押"]),
];

/// Names of a class of a thing and the thing's name, one way only: what the texts rule of the
/// thing they rule of each class of it, so a question on the class is answered by a text on
/// the thing (法典第四百八十九条's 工业固体废物管理台账 for 一般工业固体废物), not a question
/// on the thing by a text on one class (GB 18599 on 一般工业固体废物 for 工业固体废物).
pub const CLASS_OF: &[(&str, &[&str])] = &[("一般工业固体废物", &["工业固体废物"])];

/// The other members of every group `term` belongs to, the acts of the kind it names and the
/// thing of the class it names.
pub fn expand(term: &str) -> Vec<&'static str> {
    GROUPS
        .iter()
        .filter(|g| g.contains(&term))
        .flat_map(|g| g.iter().copied())
        .filter(|t| *t != term)
        .chain(
            KINDS_OF_ACT
                .iter()
                .filter(|(kind, _)| *kind == term)
                .flat_map(|(_, acts)| acts.iter().copied()),
        )
        .chain(
            CLASS_OF
                .iter()
                .filter(|(class, _)| *class == term)
                .flat_map(|(_, things)| things.iter().copied()),
        )
        .collect()
}

/// Question words and particles that carry no retrieval signal.
pub const STOP_WORDS: &[&str] = &[
    "的", "了", "是", "吗", "呢", "吧", "啊", "什么", "多少", "哪些", "哪个", "如何", "怎么",
    "怎样", "请问", "是否", "有", "对", "在", "和", "与", "及", "或", "为", "被", "把", "要",
    "需要", "应", "应当", "该", "这", "那", "个", "项", "一下", "我", "我们", "你", "能", "可以",
    "吗?", "?", "分别", "各是", "各自", "通过",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_works_monitoring_point_is_the_standards_monitoring_position() {
        assert_eq!(expand("监控点"), ["监控位置"]);
        assert!(expand("监控位置").contains(&"监控点"));
        assert!(expand("厂界噪声").is_empty());
        assert_eq!(expand("列入"), ["纳入"]);
        assert_eq!(expand("周边"), ["周围"]);
        assert_eq!(expand("组成"), ["构成"]);
        assert_eq!(expand("权利"), ["有权"]);
        assert_eq!(expand("下水道"), ["排水系统", "排水管网"]);
        assert_eq!(expand("强制措施"), ["查封", "扣押"]);
        assert!(expand("查封").is_empty());
    }

    #[test]
    fn a_class_of_a_thing_expands_to_the_thing_one_way_only() {
        assert_eq!(expand("一般工业固体废物"), ["工业固体废物"]);
        assert!(expand("工业固体废物").is_empty());
    }
}
