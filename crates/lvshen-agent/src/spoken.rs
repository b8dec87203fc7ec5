//! An applicant's spoken words in the words of the texts: "新上的烧油锅炉" asks about a 新建
//! 燃油锅炉, "废水接到污水厂去" about 间接排放, "负责人会被关几天" about 拘留. No passage holds
//! the spoken words, so a question put in them finds its article but fails the relevance gate
//! (its key terms are not covered) or ranks another one first.
//!
//! The rewriting is a fixed table of phrases, longest first, applied to the question before
//! anything else reads it. A phrase is in the table only when it has one meaning in this
//! domain's questions; a word that can also be part of a written term (新开发, 有关) is taken
//! only in the context that fixes its sense (新开的, 关几天).

/// (spoken phrase, what the texts say). Longer phrases first where one contains another.
const PHRASES: &[(&str, &str)] = &[
    // Fuels: 烧油的锅炉 is a 燃油锅炉.
    ("烧天然气的", "燃气"),
    ("烧天然气", "燃气"),
    ("烧气的", "燃气"),
    ("烧气", "燃气"),
    ("烧油的", "燃油"),
    ("烧油", "燃油"),
    ("烧煤的", "燃煤"),
    ("烧煤", "燃煤"),
    // New and old works: the standards' 新建 and 现有/在用.
    // (新上的, 新装一台, 新弄了台…: [`to_new_works`].)
    // 新染厂, 新厂: a new works is a 新建 one (but 新厂区 and 新厂址 are places).
    ("新染厂", "新建印染厂"),
    ("新印染厂", "新建印染厂"),
    ("新厂区", "新厂区"),
    ("新厂址", "新厂址"),
    ("新厂房", "新厂房"),
    ("新厂", "新建企业"),
    ("老厂区", "老厂区"),
    // An old works' own pollution, in an extension's EIA: 原有环境污染 (法典第一百零五条).
    ("老厂原来的污染问题", "项目原有环境污染"),
    ("老厂", "现有企业"),
    ("老企业", "现有企业"),
    ("老锅炉", "在用锅炉"),
    // Where waste water goes: to a sewage works (间接排放) or into a river (直接排放).
    // (…to a 污水厂: [`to_sewage_works`].)
    ("接管网", "间接排放"),
    ("排进管网", "间接排放"),
    ("排到管网", "间接排放"),
    ("直接排到河里", "直接排放"),
    ("直接排河里", "直接排放"),
    ("直接排进河里", "直接排放"),
    ("排到河里", "直接排放"),
    ("排进河里", "直接排放"),
    ("排河里", "直接排放"),
    // What is poured into a river or washed in it: the Code's 水体 (第二百七十九条: 禁止向水体
    // 排放…剧毒废液; 禁止在水体清洗装贮过…有毒有害污染物的…容器; 第二百九十二条: 防止水污染物
    // 进入水体).
    ("倒进河里", "向水体倾倒"),
    ("倒到河里", "向水体倾倒"),
    ("倒河里", "向水体倾倒"),
    ("拿到河里去洗", "在水体清洗"),
    ("拿到河里洗", "在水体清洗"),
    ("到河里去洗", "在水体清洗"),
    // (在河里洗沙 is 采砂's 洗砂: only the carried things are washed in the 水体.)
    ("流进河里", "进入水体"),
    ("流到河里", "进入水体"),
    ("流入河里", "进入水体"),
    ("排到河道", "直接排放"),
    ("排进河道", "直接排放"),
    // Noise and neighbours.
    ("噪音", "噪声"),
    // GB 12348 4.1.3: 偶发噪声.
    ("偶尔", "偶发"),
    // Buildings: a 楼 is a 建筑物 (GB 13271 4.5: 高出最高建筑物).
    ("比楼高", "高出建筑物"),
    ("栋楼", "栋建筑物"),
    ("座楼", "座建筑物"),
    ("幢楼", "幢建筑物"),
    ("楼房", "建筑物"),
    ("老百姓住的地方", "居民区"),
    ("居民住的地方", "居民区"),
    ("住人的地方", "居民区"),
    // Time and units as the standards write them.
    ("一个钟头", "1小时"),
    ("1个钟头", "1小时"),
    ("一个小时", "1小时"),
    ("1个小时", "1小时"),
    ("一小时", "1小时"),
    ("钟头", "小时"),
    // Equipment.
    ("罩口子那里", "排风罩开口面"),
    ("罩口子", "排风罩开口面"),
    ("罩口", "排风罩开口面"),
    ("罩子", "排风罩"),
    ("吸风罩", "排风罩"),
    // Loading a tanker from the top (GB 37822 6.2.1: 顶部浸没式装载, 出料管口距离槽(罐)底部
    // 高度应小于 200 mm).
    ("管子口", "管口"),
    ("从上面灌", "顶部装载"),
    ("离罐底", "距离罐底部"),
    ("最多多高", "最多高度多少"),
    ("管子", "管道"),
    ("烟筒", "烟囱"),
    ("冒黑烟", "烟气黑度"),
    ("黑烟", "烟气黑度"),
    ("臭味", "臭气"),
    ("污水站", "污水处理设施"),
    ("废水站", "污水处理设施"),
    // Materials and their containers (GB 37822: VOCs物料, 容器, 废包装容器).
    ("VOCs原料", "VOCs物料"),
    ("vocs原料", "vocs物料"),
    ("VOC原料", "VOCs物料"),
    // An emptied solvent drum is GB 37822 7.3.4's 盛装过VOCs物料的废包装容器.
    ("溶剂空桶", "盛装过VOCs物料的废包装容器"),
    ("空桶", "废包装容器"),
    // What is left in a machine before repair (7.3.3: 残存物料), a tank mended (5.2.3.3:
    // 修复), an auxiliary's VOCs content (7.2.1: 含VOCs产品), how it is worked.
    ("剩下的料", "残存物料"),
    ("剩的料", "残存物料"),
    ("修好", "修复"),
    ("漏气", "泄漏"),
    ("助剂里VOCs", "含VOCs产品里VOCs"),
    ("在什么条件下做", "怎样操作"),
    ("原料桶", "容器"),
    ("料桶", "容器"),
    ("的桶", "的容器"),
    ("不用的时候", "非取用状态"),
    ("不用时", "非取用状态"),
    ("没在用的时候", "非取用状态"),
    ("不在用的时候", "非取用状态"),
    ("没用的时候", "非取用状态"),
    // Left open: not 加盖、封口 (GB 37822 5.1.2).
    ("敞着口", "不加盖、封口"),
    ("敞口", "不加盖、封口"),
    ("开着盖", "不加盖"),
    ("溶剂的桶", "VOCs物料的容器"),
    ("酸碱度", "pH值"),
    ("酸碱性", "pH值"),
    // Keeping (贮存) and for how long.
    ("仓库里", "贮存场所"),
    ("在库里", "贮存"),
    ("库里", "贮存"),
    ("最多能放多久", "贮存多久"),
    ("能放多久", "贮存多久"),
    // Approval and building: 没批就开工 is 未经批准…开工建设.
    ("还没批准", "未经批准"),
    ("没有批准", "未经批准"),
    ("没批准", "未经批准"),
    ("还没拿到手", "未取得"),
    ("没拿到手", "未取得"),
    ("还没拿到", "未取得"),
    ("没拿到", "未取得"),
    ("就先排了", "就排放了"),
    ("先排了", "排放了"),
    // 没批就自己取水: without leave, 擅自.
    ("还没批下来就自己", "未经批准擅自"),
    ("没批下来就自己", "未经批准擅自"),
    ("还没批就自己", "未经批准擅自"),
    ("没批就自己", "未经批准擅自"),
    ("还没批下来", "未经批准"),
    ("没批下来", "未经批准"),
    ("没有批下来", "未经批准"),
    // "多少天能批下来": how long the review takes, a time to 作出审批决定.
    ("能批下来", "作出审批决定"),
    ("批下来", "批准"),
    ("还没批", "未经批准"),
    ("没批", "未经批准"),
    ("动工", "开工建设"),
    ("被叫停", "被责令停止建设"),
    ("叫停", "责令停止"),
    ("还硬干", "拒不执行"),
    ("硬干", "拒不执行"),
    // Sanctions: 被关几天 is 拘留; 要罚/会罚 (which the segmenter keeps as one word) 罚款.
    ("会被关", "会被拘留"),
    ("被关几天", "被拘留几天"),
    ("关几天", "拘留几天"),
    ("关多久", "拘留多久"),
    ("被查到罚款", "罚款"),
    ("要罚款", "罚款"),
    ("会罚款", "罚款"),
    ("被查到罚", "罚款"),
    ("要罚", "罚款"),
    ("会罚", "罚款"),
    // Whom a fine falls on, said by a pronoun (能罚他多少): the fine is the act asked.
    ("罚他们", "罚款"),
    ("罚他", "罚款"),
    ("罚她", "罚款"),
    // How long a permit or an approval holds: its 有效期.
    ("能管几年", "有效期几年"),
    ("管几年", "有效期几年"),
    ("能用几年", "有效期几年"),
    ("管多久", "有效期多久"),
    ("管几年", "有效期几年"),
    ("填一次", ""),
    // A permit's application sent by post (排污许可管理条例第七条: 也可以通过信函等方式提交),
    // and the papers a works hands an inspector (第二十六条: 按照要求提供…相关材料).
    ("寄信过去", "通过信函等方式提交"),
    ("寄信", "信函"),
    ("拿出", "提供"),
    ("给他们看", ""),
    // Repeated penalties: 每天都罚 is the Code's 按日连续处罚.
    ("每天都罚", "按日连续处罚"),
    ("每天罚", "按日连续处罚"),
    ("天天罚", "按日连续处罚"),
    ("按天罚", "按日连续处罚"),
    // Discharging on (after a revocation, a fine): 继续排放污染物.
    ("还接着排", "继续排放污染物"),
    ("接着排", "继续排放污染物"),
    ("接着", "继续"),
    // At once: 立即.
    ("第一时间", "立即"),
    // A sign put up at an outfall: 设置标志牌.
    ("挂牌子", "设置标志牌"),
    ("挂个牌子", "设置标志牌"),
    ("挂牌", "设置标志牌"),
    // Which EIA document: the category.
    ("环评做哪种", "环评类别"),
    ("环评做哪一种", "环评类别"),
    ("环评做哪类", "环评类别"),
    // A works moved elsewhere: 地点 changed (a 重大变动).
    ("换了地方", "地点变动"),
    ("换地方", "地点变动"),
    ("挪地方", "地点变动"),
    // Who writes the report: the 技术单位 of the texts.
    // Monitoring done by the works itself: 自行监测.
    ("自己测", "自行监测"),
    ("自己监测", "自行监测"),
    ("自己检测", "自行监测"),
    // A site moved after approval: 地点变动; the EIA filed again: 重新报批.
    ("厂址换了", "地点变动"),
    ("换了厂址", "地点变动"),
    ("换厂址", "地点变动"),
    ("重新报批", "重新报批"),
    ("重新报", "重新报批"),
    // A waste yard's liner, and how thick: a 厚度 the text states.
    ("防渗膜", "防渗衬层"),
    ("多厚", "厚度多少"),
    ("多深", "深度多少"),
    ("多宽", "宽度多少"),
    ("写环评的公司", "编制报告书、报告表的技术单位"),
    ("做环评的公司", "编制报告书、报告表的技术单位"),
    ("写环评的单位", "编制报告书、报告表的技术单位"),
    ("做环评的单位", "编制报告书、报告表的技术单位"),
    ("环评公司", "编制报告书、报告表的技术单位"),
    ("环评机构", "编制报告书、报告表的技术单位"),
    // Measuring conditions.
    ("风大的时候", "风速大时"),
    ("风大", "风速大"),
    ("能测量", "测量"),
    ("能测", "测量"),
    // What a permit states: 许可证上写明 is what it 载明 (浙江省水污染防治条例第三十四条).
    ("写明", "载明"),
    // A town's sewage works: the texts' 城镇污水集中处理设施.
    ("镇上的污水处理厂", "城镇污水集中处理设施"),
    ("镇上的污水厂", "城镇污水集中处理设施"),
    ("镇里的污水处理厂", "城镇污水集中处理设施"),
    ("镇里的污水厂", "城镇污水集中处理设施"),
    // Waste heaped somewhere is 堆放 there (浙江省水污染防治条例第十五条).
    ("堆在", "堆放在"),
    ("堆到", "堆放到"),
    // Lorries: 拉渣土的车子 are vehicles 运输渣土, 盖严实 is 密闭 (法典第二百四十一条).
    ("车子", "车辆"),
    ("拉渣土", "运输渣土"),
    ("拉煤", "运输煤炭"),
    ("拉危废", "运输危险废物"),
    ("运危废", "运输危险废物"),
    ("盖严实", "密闭"),
    ("盖严", "密闭"),
    // Coal heaped in the open without a cover or a fence (法典第一千一百三十条: 未密闭贮存煤炭…
    // 易产生扬尘的物料…未设置…严密围挡，或者未采取有效覆盖措施防治扬尘污染).
    ("煤堆在露天", "露天贮存煤炭"),
    ("没盖也没围起来", "未采取有效覆盖措施未设置严密围挡"),
    ("风一吹全是灰", "扬尘污染"),
    ("风一吹都是灰", "扬尘污染"),
    // A canteen's leftovers handed to whoever has no licence (法典第一千一百七十四条: 未将厨余
    // 垃圾交由具备相应资质条件的单位进行无害化处理).
    ("剩饭剩菜", "厨余垃圾"),
    ("给了没资质的人", "未交由具备相应资质条件的单位"),
    ("交给没资质的", "未交由具备相应资质条件的"),
    // Who pays, who decides: 钱该谁出 asks who bears the 费用 (法典第二百四十条: 扬尘污染防治
    // 费用列入工程造价), 由谁牵头来定 who 制定 a plan.
    ("防扬尘的钱", "扬尘污染防治费用"),
    ("钱该谁出", "费用由谁承担"),
    ("钱谁出", "费用由谁承担"),
    ("该谁出", "由谁承担"),
    ("防扬尘", "扬尘污染防治"),
    ("牵头来定", "制定"),
    ("来定", "制定"),
    // What a works must tell the bureau: 报哪些情况 asks what 资料 it 提供 (法典第四百九十二条:
    // 向所在地生态环境主管部门提供…有关资料); 报哪些部门 is where a plan is filed, and stays.
    ("报哪些情况", "提供哪些资料"),
    ("报什么情况", "提供什么资料"),
    // Noise said by what makes it: 机器吵 is 排放噪声; 法律上 says nothing of the subject.
    ("机器吵", "排放噪声"),
    ("法律上", ""),
    // What a works does, in the EIA catalogue's words: 只做纺丝 is its 单纯纺丝 (第五十项),
    // 洗羊毛 its 洗毛 (第二十八项); 不做别的 and 找块地 say nothing of the subject.
    ("只做纺丝", "单纯纺丝"),
    ("不做别的", ""),
    ("洗羊毛", "洗毛"),
    ("找块地", ""),
    // What may go into a yard: 放进 is the standard's 进入 (GB 18599 6.5: 不得进入).
    ("放进", "进入"),
    // Someone made answerable: 定个人专门负责 is to 明确负责人 (法典第五百五十条).
    ("定个人专门", "明确负责人"),
    ("定个人", "明确负责人"),
    // Yes-no questions put as A-not-A: 要不要挂 asks 是否; no passage holds 不要 or 不会.
    ("要不要", "是否"),
    ("会不会", "是否"),
    ("是不是", "是否"),
    ("需不需要", "是否需要"),
    ("用不用", "是否"),
    ("该不该", "是否"),
    ("哪一种", "什么"),
    // A dyeing works: 染厂 is an 印染厂 (the segmenter keeps 新染厂 as one word).
    // (…but 印染厂, 蜡染厂 and 扎染厂 stay as they are.)
    ("印染厂", "印染厂"),
    ("蜡染厂", "蜡染厂"),
    ("扎染厂", "扎染厂"),
    ("染厂", "印染厂"),
    // Limits: 上限, 卡多少, 最多排 ask a 限值.
    ("上限", "限值"),
    ("顶多排", "限值"),
    ("顶多", "最多"),
    ("卡多少", "限值多少"),
    ("最多能排放", "限值"),
    ("最多排放", "限值"),
    ("最多能排", "限值"),
    ("最多排", "限值"),
    // Water classes as GB 3838 writes them.
    // (一类水…五类水, 三类区: [`class_numerals`].)
    ("河里的水", "地表水"),
    // Into a river: 向水体排放.
    ("往河里排水", "排放水污染物"),
    ("往河里排污", "排放水污染物"),
    ("往河里排", "向水体排放"),
    // A permit renewed: 延续.
    ("要续", "申请延续"),
    // Obstructed inspectors: 阻挠.
    ("把门堵着", "阻挠"),
    ("堵着门", "阻挠"),
    ("堵门", "阻挠"),
    ("环保的人来查", "监督检查"),
    // Still valid: 有效.
    ("还管用", "有效"),
    ("管用", "有效"),
    // Where and when measured.
    ("车间外头", "厂房外"),
    ("外头", "外"),
    ("里头", "内"),
    ("随便哪一次", "任意一次"),
    ("随便哪次", "任意一次"),
    ("大马路", "交通干线"),
    // A permit not obtained; data altered.
    ("还没办下来", "未取得"),
    ("没办下来", "未取得"),
    // (…but 篡改 and 修改 as written stay.)
    ("篡改", "篡改"),
    ("修改", "修改"),
    ("改在线监测的数据", "篡改监测数据"),
    ("改监测数据", "篡改监测数据"),
    ("改数据", "篡改数据"),
    // Fillers around the subject.
    ("往外排", "排放"),
    // Fuels named by what is burnt.
    ("用天然气烧的", "燃气"),
    ("用天然气的", "燃气"),
    ("天然气锅炉", "燃气锅炉"),
    ("烧柴油的", "燃油"),
    ("烧柴油", "燃油"),
    ("烧重油", "燃油"),
    // Day and night: the noise standard's 昼间 and 夜间.
    ("大半夜", "夜间"),
    ("半夜", "夜间"),
    ("夜里", "夜间"),
    ("晚上", "夜间"),
    ("夜晚", "夜间"),
    ("白天", "昼间"),
    // 多少天里: the 里 is no term.
    ("多少天里", "多少天"),
    ("几天里", "几天"),
    // A permit's term running out, and renewing it (but 达到, 得到… keep their 到).
    ("达到", "达到"),
    ("得到", "得到"),
    ("受到", "受到"),
    ("收到", "收到"),
    ("做到", "做到"),
    ("快到期了", "届满前"),
    ("快到期", "届满前"),
    // A drought, and a works kept running against an order (浙江省水污染防治条例第四十一条,
    // 第五十一条).
    ("大旱天", "严重干旱"),
    ("大旱", "严重干旱"),
    ("河水达不到", "水环境质量达不到"),
    ("停产整顿了还开工", "停产整顿决定，继续违法生产"),
    ("停水停电", "停止供水、供电"),
    // A boiler kept past its deadline: 未在规定的期限内拆除 (浙江省大气污染防治条例第六十条).
    ("到期了还不拆", "未在规定的期限内拆除"),
    ("到期了", "届满"),
    ("到期", "届满"),
    ("去续", "申请延续"),
    ("续期", "延续"),
    ("续证", "延续"),
    ("续办", "延续"),
    ("续签", "延续"),
    // Who runs the works, and its name, changing.
    // What was filed changed ("填的东西变了，几天内要改过来"): a 变动, and its 变更.
    ("东西变了", "信息发生变动"),
    ("改过来", "变更"),
    ("换了法人", "变更法定代表人"),
    ("换法人", "变更法定代表人"),
    ("法人换了", "法定代表人变更"),
    ("法人变了", "法定代表人变更"),
    ("换了老板", "变更主要负责人"),
    ("换老板", "变更主要负责人"),
    ("改名字", "变更名称"),
    ("换了名字", "变更名称"),
    ("要去改", "申请变更"),
    // Falsifying (but 弄虚作假 as written stays).
    ("弄虚作假", "弄虚作假"),
    ("造假", "弄虚作假"),
    ("作假", "弄虚作假"),
    ("做假", "弄虚作假"),
    ("动了手脚", "弄虚作假"),
    ("动手脚", "弄虚作假"),
    ("假数据", "虚假数据"),
    // Made up: 虚假.
    ("瞎编", "虚假"),
    ("胡编", "虚假"),
    ("瞎写", "虚假"),
    ("乱写", "虚假"),
    // Pollution-control equipment, and leaving it off: 不正常运行污染防治设施.
    ("不开治污设备", "不正常运行污染防治设施"),
    ("不开治污设施", "不正常运行污染防治设施"),
    ("治污设备不开", "不正常运行污染防治设施"),
    ("治污设施不开", "不正常运行污染防治设施"),
    ("治污设备", "污染防治设施"),
    ("治污设施", "污染防治设施"),
    ("治污措施", "污染防治措施"),
    ("治污", "污染防治"),
    // Built and run together with the plant: 同时设计、同时施工、同时投产使用.
    ("一起设计", "同时设计"),
    ("一起建", "同时施工"),
    ("一起投用", "同时投产使用"),
    ("一起投产", "同时投产使用"),
    // The plant itself, beside its environmental works: 主体工程.
    ("跟生产线", "与主体工程"),
    ("和生产线", "与主体工程"),
    ("哪几个同时", "同时设计、同时施工、同时投产使用"),
    // Pollution left on an extended site: 原有环境污染 (条例第五条, 法典第一百零五条).
    ("以前留下的污染", "原有环境污染"),
    ("原来留下的污染", "原有环境污染"),
    ("原来的污染问题", "原有环境污染"),
    ("原来的污染", "原有环境污染"),
    ("留下的污染", "原有环境污染"),
    ("一起治理", "治理"),
    // A report turned down: 不予批准 (but 批不批 asks whether).
    ("批不批", "是否批准"),
    ("不批", "不予批准"),
    // What a catalogue does not list: 未作规定 (排污许可分类管理名录第八条).
    ("没写到的", "未作规定的"),
    ("没写的", "未作规定的"),
    // An assessor's fee: 收取费用 (条例第二十四条).
    ("收评估费", "收取费用"),
    // An approval's fee (法典第一百零二条: 审批…不得收取任何费用).
    ("收审批费", "收取费用"),
    ("审批费", "审批费用"),
    // How low at least: 最低, 不低于.
    ("最矮能多矮", "最低多少"),
    ("能多矮", "多少"),
    ("多矮", "多少"),
    ("最矮", "最低"),
    // Waste dumped, buried or leaked.
    ("乱倒", "倾倒"),
    ("一倒了事", "倾倒"),
    ("倒掉", "倾倒"),
    ("偷倒", "倾倒"),
    ("随便倒", "倾倒"),
    ("乱扔", "丢弃"),
    ("随便扔", "丢弃"),
    // A works' scraps are its 固体废物 (法典第一千一百六十九条: 擅自倾倒…固体废物).
    ("边角料", "固体废物"),
    ("废布头", "固体废物"),
    ("碎布头", "固体废物"),
    ("布头", "固体废物"),
    ("废纸箱", "固体废物"),
    ("废料", "工业废物"),
    // A bin is a 生活垃圾收集设施 (法典第四百八十九条: 禁止向生活垃圾收集设施中投放工业固体废物).
    ("生活垃圾桶", "生活垃圾收集设施"),
    ("垃圾桶", "生活垃圾收集设施"),
    // Machines sealed and seized (法典第五十二条: 查封、扣押…设施、设备).
    ("封了扣了", "查封、扣押"),
    ("扣了封了", "查封、扣押"),
    ("机器设备", "设备"),
    // Sludge or slag spread on fields (法典第一千一百六十条: 向农用地排放…污泥).
    ("垫地", "农用地"),
    ("垫田", "农用地"),
    // Buildings pulled down (法典第一千一百五十九条: 拆除设施、设备或者建筑物).
    ("拆老车间", "拆除建筑物"),
    ("拆车间", "拆除建筑物"),
    ("拆厂房", "拆除建筑物"),
    ("拆老厂房", "拆除建筑物"),
    // Grilling in the street (法典第一千一百三十二条: 露天烧烤食品).
    ("露天烤串", "露天烧烤食品"),
    ("烤串", "烧烤食品"),
    // Liability (法典第一千零五十八条 to 第一千零八十条): paying the people harmed is 民事责任,
    // going to court 诉讼, sharing the blame 连带责任.
    ("赔老百姓的损失", "承担民事责任"),
    ("赔居民的损失", "承担民事责任"),
    ("赔别人的损失", "承担民事责任"),
    ("钱不够", "财产不足以支付"),
    ("先赔哪个", "优先承担哪个"),
    ("打官司", "诉讼"),
    ("告到法院", "向人民法院提起诉讼"),
    ("一起担责", "承担连带责任"),
    ("一起承担责任", "承担连带责任"),
    ("担责", "承担责任"),
    ("害了", "损害了"),
    ("修了还是不行", "经维修仍不符合排放标准"),
    ("修了也不行", "经维修仍不符合排放标准"),
    ("修不好", "经维修仍不符合排放标准"),
    // "在环保上要做什么", "环保方面有什么要求": every text here is on the environment, so the
    // frame says nothing a passage must hold.
    ("在环保上", ""),
    ("环保上", ""),
    ("在环保方面", ""),
    ("环保方面", ""),
    // "想办法回收利用": whether the works must, not a 办法 (a text's measures).
    ("想办法", ""),
    // A permit got by a gift: 以欺骗、贿赂等不正当手段申请取得 (排污许可管理条例第四十条).
    ("送了礼", "贿赂"),
    ("送礼", "贿赂"),
    // "比国家更严的": the texts' 严于国家标准.
    ("比国家标准更严", "严于国家标准"),
    ("比国家的更严", "严于国家标准"),
    ("比国家更严", "严于国家标准"),
    // A worker sacked: 解除劳动合同 (法典第一百四十六条, 第一千二百三十八条).
    ("辞退", "解除劳动合同"),
    ("开除", "解除劳动合同"),
    ("炒鱿鱼", "解除劳动合同"),
    // A works' machines too loud: 排放工业噪声 (法典第五百六十七条).
    ("机器太吵", "排放工业噪声"),
    ("设备太吵", "排放工业噪声"),
    ("机器声音太大", "排放工业噪声"),
    // Spraying trees: 对树木、花草喷洒…农药 (法典第二百四十四条).
    ("给树喷", "对树木喷洒"),
    ("往树上喷", "对树木喷洒"),
    // A lorry's emissions test: 排放检验, 上道路行驶 (法典第二百二十三条).
    ("尾气检测", "排放检验"),
    ("尾气检验", "排放检验"),
    ("能不能上路", "能不能上道路行驶"),
    // "随便找个地方倒掉": 擅自倾倒 (法典第五百二十六条).
    ("随便找个地方", "擅自"),
    ("随便找地方", "擅自"),
    // Buried: 直接埋入地下 (法典第二百八十二条).
    ("埋到地底下", "埋入地下"),
    ("埋到地下", "埋入地下"),
    ("埋在地下", "埋入地下"),
    ("埋进地里", "埋入地下"),
    ("埋到土里", "埋入地下"),
    // An unlined pit: 无防渗漏措施的沟渠、坑塘 (法典第二百八十七条).
    ("没做防渗的", "无防渗漏措施的"),
    ("没有防渗的", "无防渗漏措施的"),
    ("不防渗的", "无防渗漏措施的"),
    ("土坑", "坑塘"),
    ("有毒的废水", "含有毒有害污染物的废水"),
    ("来存", "来贮存"),
    // Hazardous waste kept with other waste: 混入非危险废物中贮存 (法典第五百三十五条).
    ("混在一起放", "混入贮存"),
    ("混着放", "混入贮存"),
    ("一般的废料", "非危险废物"),
    ("普通的废料", "非危险废物"),
    ("一般废料", "非危险废物"),
    ("普通废料", "非危险废物"),
    // Its store put to another use: 转作他用 (法典第五百三十八条).
    ("放危废的房子", "贮存危险废物的场所"),
    ("放危废的地方", "贮存危险废物的场所"),
    ("改成普通仓库用", "转作他用"),
    ("改成普通仓库", "转作他用"),
    ("改成别的用途", "转作他用"),
    ("改成别的用", "转作他用"),
    ("改作别的用", "转作他用"),
    // Waste handed to another firm: 委托他人…处置, 签订书面合同, 核实 (法典第四百九十条).
    ("交给别的公司", "委托他人"),
    ("交给其他公司", "委托他人"),
    ("交给外面的公司", "委托他人"),
    ("交给别的单位", "委托他人"),
    ("交给别人", "委托他人"),
    ("签合同", "签订书面合同"),
    ("先查", "先核实"),
    // A developer selling homes: 房地产开发经营者, 销售 (法典第五百九十六条).
    ("开发商", "房地产开发经营者"),
    ("卖房子", "销售住房"),
    // "机器声音大": a works' noise.
    ("机器声音", "机器噪声"),
    ("声音很大", "噪声很大"),
    ("声音大", "噪声大"),
    // "噪声敏感建筑物指的是哪些房子": the kind of building asked, the Code's 建筑物.
    ("哪些房子", "哪些建筑物"),
    ("什么房子", "什么建筑物"),
    ("房子可能", "住房可能"),
    // Hazardous waste: its ledger, and handing it to whoever has no licence (法典第一千一百七十
    // 五条).
    ("没记台账", "未建立管理台账"),
    ("没建台账", "未建立管理台账"),
    ("没做台账", "未建立管理台账"),
    ("交给没证的", "提供或者委托给无许可证的"),
    ("给没证的", "委托给无许可证的"),
    ("没证的", "无许可证的"),
    ("小作坊", "单位"),
    ("图便宜", ""),
    // Weaving: the 织造 of the permit catalogue (第二十五项: 喷水织造; 其他为登记管理).
    // (普通 only of a loom: 普通柴油 and 普通货物 are the texts' own words.)
    ("普通的织布机", "织机"),
    ("普通织布机", "织机"),
    ("织布机", "织机"),
    ("织布", "织造"),
    // Coal below the quality standard (法典第一千一百一十七条).
    ("烧的煤质量不合格", "燃用不符合质量标准的煤炭"),
    ("煤质量不合格", "不符合质量标准的煤炭"),
    ("煤不合格", "不符合质量标准的煤炭"),
    ("不合格的煤", "不符合质量标准的煤炭"),
    ("烧的煤", "使用的煤炭"),
    ("煤里", "煤炭中"),
    ("不合规的", "不符合规定的"),
    ("还不拆", "未拆除"),
    // A registration form not filled in (法典第一千一百零六条).
    ("该填的", "需要填报的"),
    // Works left idle or pulled down without leave (法典第一百六十二条: 不得擅自拆除或者闲置).
    ("随便停用", "擅自闲置"),
    ("随便停掉", "擅自闲置"),
    ("随便拆掉", "擅自拆除"),
    ("随便拆", "擅自拆除"),
    ("停用", "闲置"),
    ("自己拆了", "擅自拆除"),
    ("自己拆掉", "擅自拆除"),
    ("放着不用", "闲置"),
    ("搁着不用", "闲置"),
    ("埋在地下", "掩埋"),
    ("渗出来", "渗漏"),
    // An outfall dug or opened without leave: 设置排污口.
    ("挖了个排污口", "设置排污口"),
    ("挖个排污口", "设置排污口"),
    ("开了个排污口", "设置排污口"),
    ("开个排污口", "设置排污口"),
    ("弄了个排污口", "设置排污口"),
    // What a works must publish: 向社会公开 its 污染物排放信息.
    ("该往社会上", "应当向社会"),
    ("往社会上", "向社会"),
    ("对社会上", "向社会"),
    ("社会上", "社会"),
    ("排污情况", "污染物排放信息"),
    ("出了事故", "发生突发环境事件"),
    ("出事故", "发生突发环境事件"),
    // Built, run in, enlarged.
    ("建好了", "竣工"),
    ("完工", "竣工"),
    ("试生产", "调试"),
    ("扩产", "扩建"),
    ("加产能", "扩建"),
    // Neighbours and noise.
    ("邻居", "周边居民"),
    ("太吵", "噪声"),
    // Reporting online: through the information system the texts name.
    ("在网上填报", "通过信息系统申报"),
    ("在网上报", "通过信息系统申报"),
    ("网上填报", "通过信息系统申报"),
    ("网上申报", "通过信息系统申报"),
    ("网上报", "通过信息系统申报"),
    ("报到哪里", "向哪里申报"),
    // Monitoring equipment below the national standard, whose readings are off (法典第一千零
    // 八十七条: 使用不符合…国家标准的监测设施、设备…导致监测数据失真).
    // Who sold or made such a device (法典第一千零九十二条: 生产、进口、销售不符合…国家标准的
    // 监测设施、设备).
    ("卖给我们", "销售"),
    ("卖给厂里", "销售"),
    ("设备的厂家", "设备的生产者"),
    ("在线监测仪", "自动监测设备"),
    ("数据老是不准", "监测数据失真"),
    ("数据总是不准", "监测数据失真"),
    ("数据一直不准", "监测数据失真"),
    ("数据不准", "监测数据失真"),
    ("测得不准", "监测数据失真"),
    ("不合国家标准", "不符合国家标准"),
    ("不合国标", "不符合国家标准"),
    ("不合标准", "不符合标准"),
    ("不合规定", "不符合规定"),
    ("不合要求", "不符合要求"),
    ("不合产业政策", "不符合产业政策"),
    ("不合国家产业政策", "不符合国家产业政策"),
    // Coal of poor quality (法典第一千一百一十七条: 燃用不符合质量标准的煤炭).
    ("烧劣质煤", "燃用不符合质量标准的煤炭"),
    ("劣质煤", "不符合质量标准的煤炭"),
    // A back-yard dyeing shop: the 小型…印染…生产项目 of 法典第一千一百四十一条.
    ("小印染作坊", "小型印染生产项目"),
    ("印染小作坊", "小型印染生产项目"),
    ("印染作坊", "小型印染生产项目"),
    // A testing company hired to monitor: a 生态环境监测机构.
    ("第三方检测公司", "生态环境监测机构"),
    ("第三方检测机构", "生态环境监测机构"),
    ("第三方监测公司", "生态环境监测机构"),
    ("第三方监测机构", "生态环境监测机构"),
    ("检测公司", "监测机构"),
    ("监测公司", "监测机构"),
    // Whether it is allowed, asked A-not-A.
    ("准不准", "是否允许"),
    ("让不让", "是否允许"),
    ("许不许", "是否允许"),
    ("行不行", "是否可以"),
    ("可不可以", "是否可以"),
    // Seen or not: 肉眼可见.
    ("看得见", "肉眼可见"),
    ("看得到", "肉眼可见"),
    ("看不见", "肉眼不可见"),
    ("看不到", "肉眼不可见"),
    // A boiler long in use.
    ("用了好多年的", "在用的"),
    ("用了好几年的", "在用的"),
    ("用了很多年的", "在用的"),
    ("用了多年的", "在用的"),
    ("用了几年的", "在用的"),
    // Outside the works' boundary (GB 16297 周界外, GB 12348 厂界外): 厂界 kept whole.
    ("厂界外面", "厂界 外"),
    ("厂界外", "厂界 外"),
    // Obstructing an inspection.
    ("不让进厂检查", "拒绝监督检查"),
    ("不让进厂", "拒绝进入"),
    ("不让检查", "拒绝检查"),
    ("不让查", "拒绝检查"),
    ("不让进", "拒绝进入"),
    ("不配合检查", "拒绝检查"),
    ("拦着", "阻挠"),
    ("阻拦", "阻挠"),
    // Above a limit.
    ("比限值高出", "超过限值"),
    ("比标准高出", "超过标准"),
    ("超出", "超过"),
    ("高过", "超过"),
    // "指标已经超了": past it.
    ("超了", "超过"),
    ("就算", ""),
    // Per cubic metre, said of a concentration: the limit's unit, not a term.
    ("一方能", "能"),
    ("一方多少", "多少"),
    ("一立方多少", "多少"),
    ("一方最多", "最多"),
    ("每立方米", ""),
    ("每方", ""),
    // A works.
    ("厂子", "企业"),
    ("偷偷", ""),
    ("整个", ""),
    ("怎么弄", "怎么"),
    ("咋弄", "怎么"),
    ("怎么搞", "怎么"),
    // A permit got by fraud (法典第一千一百零五条: 以欺骗、贿赂等不正当手段申请取得).
    ("拿假材料骗来的", "以欺骗手段取得的"),
    ("骗来的", "以欺骗手段取得的"),
    ("骗到的", "以欺骗手段取得的"),
    ("材料造假骗到了证", "以欺骗手段取得排污许可证"),
    ("骗到了证", "以欺骗手段取得许可证"),
    ("骗到了", "以欺骗手段取得"),
    ("骗取", "以欺骗手段取得"),
    // Not filed: the registration form is 填报'd (法典第一千一百零六条).
    ("没填写", "未填写"),
    ("没去填", "未填报"),
    ("没有填", "未填报"),
    ("没填", "未填报"),
    // What the permit says (法典第一千一百零四条: 未按照排污许可证的规定运行).
    ("按证上的要求", "按照排污许可证的规定"),
    ("按证上的规定", "按照排污许可证的规定"),
    ("按证上写的", "按照排污许可证的规定"),
    // After 没按 → 未按照.
    ("证上的要求", "排污许可证的规定"),
    ("证上的规定", "排污许可证的规定"),
    ("没按时", "未按时"),
    ("没按期", "未按期"),
    ("没按照", "未按照"),
    ("没按", "未按照"),
    // The first flush of a rain (绍兴市水资源保护条例第十九条: 初期雨水).
    ("刚下雨那会儿的雨水", "初期雨水"),
    ("刚下雨时的雨水", "初期雨水"),
    ("刚下雨的雨水", "初期雨水"),
    // Discharged.
    ("排出去的水", "排放的废水"),
    ("排出来的水", "排放的废水"),
    ("排出去", "排放"),
    ("排出来", "排放"),
    // Where two counties meet (曹娥江流域水环境保护条例第十条: 交接断面水质).
    ("交界的地方", "交接断面"),
    ("交界处", "交接断面"),
    ("交界", "交接断面"),
    ("河水要达到", "水质要达到"),
    ("河水要保持", "水质要保持"),
    // Letting premises (曹娥江条例第十五条: 出租人, 承租人).
    ("租出去", "出租"),
    ("租给别人", "出租"),
    ("租的人", "承租人"),
    ("租户", "承租人"),
    ("租客", "承租人"),
    ("房东", "出租人"),
    ("偷排污水", "违法排放污染物"),
    // Burning in the open (浙江省大气污染防治条例第四十六条: 露天焚烧).
    ("空地上烧", "露天焚烧"),
    // 法典第一千一百三十一条: 在禁止焚烧的区域…露天焚烧秸秆、落叶.
    ("禁烧区", "禁止焚烧的区域"),
    ("烧落叶", "露天焚烧落叶"),
    ("烧秸秆", "露天焚烧秸秆"),
    // A restaurant: the Code's 餐饮服务 (第一千一百三十二条), its fume filter a 油烟净化设施.
    ("油烟净化器", "油烟净化设施"),
    ("小饭店", "餐饮服务项目"),
    ("饭店", "餐饮服务项目"),
    ("饭馆", "餐饮服务项目"),
    ("餐馆", "餐饮服务项目"),
    ("烧烤店", "餐饮服务项目"),
    ("露天烧", "露天焚烧"),
    ("烧掉", "焚烧"),
    // Noise through a building (GB 12348 5.2: 结构传播固定设备室内噪声).
    ("顺着楼板传到", "通过建筑物结构传播至"),
    ("通过楼板传到", "通过建筑物结构传播至"),
    ("顺着墙传到", "通过建筑物结构传播至"),
    ("楼上人家屋里", "噪声敏感建筑物室内"),
    ("人家屋里", "噪声敏感建筑物室内"),
    ("屋里", "室内"),
    ("机器的声音", "固定设备的噪声"),
    ("设备的声音", "固定设备的噪声"),
    // Waste yards (GB 18599 4.5: 贮存场…不得选在江河…最高水位线以下的滩地和岸坡).
    ("堆场边上的土", "贮存场的土壤"),
    ("堆场边上", "贮存场周边"),
    ("堆场旁边", "贮存场周边"),
    ("堆场", "贮存场"),
    // A drill (法典第二百九十一条: 定期进行演练), said as 练; how often is asked by the 多久.
    ("练一次", "演练"),
    ("练一回", "演练"),
    // A sewage works' charge (法典第三百零二条: 收取污水处理费用).
    ("收污水处理费", "收取污水处理费用"),
    // Waste dug out of a closed yard for use (GB 18599 9.8: 开采再利用).
    ("挖出来再利用", "开采再利用"),
    ("挖出来重新利用", "开采再利用"),
    ("挖出来再用", "开采再利用"),
    // A yard for solid waste (GB 18599: 贮存场、填埋场), said as a 场子.
    ("堆固废的场子", "固废贮存场"),
    ("固废场子", "固废贮存场"),
    ("场子", "场地"),
    // Soil beside it (GB 18599 10.6: 土壤监测).
    ("边上的土", "的土壤"),
    ("旁边的土", "的土壤"),
    ("的土，", "的土壤，"),
    ("的土里", "的土壤中"),
    // 多久测一次 asks a 监测频次 (随便测一次 is any one reading, GB 37822's 任意一次); the
    // texts' own 监测一次 stays.
    ("监测一回", "监测频次"),
    ("测一回", "监测频次"),
    ("多久测一次", "监测频次多久"),
    ("多长时间测一次", "监测频次多长时间"),
    // How far apart: a 距离 the text states (GB 18599 5.3.2: 与地下水年最高水位保持 1.5 m
    // 以上的距离).
    ("隔开", "距离"),
    ("隔多远", "距离多少"),
    ("水最高的时候", "水年最高水位"),
    ("河边涨水会淹到的地方", "江河最高水位线以下的滩地和岸坡"),
    ("涨水会淹到的地方", "最高水位线以下的滩地和岸坡"),
    // Measures, not a regulation's title (…管理办法).
    ("啥办法", "什么措施"),
    ("什么办法", "什么措施"),
    // The park's sewage works itself (浙江省水污染防治条例第三十九条: 城镇污水集中处理设施的运营
    // 单位); waste water sent to it is [`to_sewage_works`].
    ("园区污水厂", "园区污水集中处理设施"),
    // Written down (浙江省水污染防治条例第四十四条: 记录设施运行和维护情况).
    ("记下来", "记录"),
    ("记下", "记录"),
    // Housing (绍兴市大气污染防治条例第二十一条: 居民住宅区…产生异味…的物质).
    ("居民小区", "居民住宅区"),
    ("有味道的", "产生异味的"),
    ("有味道", "产生异味"),
    ("有气味的", "产生异味的"),
    // The permit holder's particulars (排污许可管理条例第十四条: 变更…法定代表人…30日内).
    ("公司法人", "法定代表人"),
    ("法人代表", "法定代表人"),
    ("换人了", "变更了"),
    ("换人", "变更"),
    ("去改", "申请变更"),
    // A rate in kilograms an hour (GB 37822 10.3.2: 初始排放速率≥3 kg/h).
    ("收上来的", "收集的"),
    ("公斤", "kg"),
    // A pit dug for waste water to soak away (法典第一千一百零八条: 渗坑).
    ("挖个坑", "渗坑"),
    ("挖坑", "渗坑"),
    // Colour (GB 4287: 色度, in dilution multiples).
    ("颜色深浅", "色度"),
    ("颜色多深", "色度"),
    ("直接排河", "直接排放"),
    // Sand (绍兴市水资源保护条例第三十七条: 在水域内洗砂; 曹娥江条例第三十五条: 采砂、轧砂、
    // 洗砂).
    ("洗沙子", "洗砂"),
    ("洗沙", "洗砂"),
    ("挖沙子", "采砂"),
    ("采沙子", "采砂"),
    ("挖沙", "采砂"),
    ("采沙", "采砂"),
    ("沙子", "砂石"),
    ("在河里", "在河道内"),
    // Knowing what the tenant does (曹娥江条例第三十四条: 明知…仍然提供…场所…; 没有违法所得的).
    ("明明知道", "明知"),
    ("明摆着知道", "明知"),
    ("厂房租给", "场所提供给"),
    ("房子租给", "场所提供给"),
    ("没赚到钱", "没有违法所得"),
    ("没赚钱", "没有违法所得"),
    ("赚到钱", "有违法所得"),
    ("赚的钱", "违法所得"),
    ("排脏水", "排放污水"),
    // Shore power (浙江省大气污染防治条例第六十四条: 船舶在港靠泊期间未按照规定使用岸电).
    ("船停在码头", "船舶在港靠泊期间"),
    ("船靠在码头", "船舶在港靠泊期间"),
    ("船靠码头", "船舶在港靠泊期间"),
    ("不接岸上的电", "未使用岸电"),
    ("不用岸上的电", "未使用岸电"),
    ("岸上的电", "岸电"),
    ("不接岸电", "未使用岸电"),
    ("不用岸电", "未使用岸电"),
    // Machines off the road (第六十二条: 在禁止区域内使用高排放非道路移动机械). Not a
    // forklift: its yearly inspection is a special-equipment one, not an emissions check.
    ("不让用的地方", "禁止区域内"),
    ("不让用", "禁止使用"),
    ("开高排放", "使用高排放"),
    ("挖掘机", "非道路移动机械"),
    ("推土机", "非道路移动机械"),
    ("挖机", "非道路移动机械"),
    // Where people live close together (法典第一千一百八十四条: 噪声敏感建筑物集中区域), and
    // a works that is loud.
    ("住户扎堆的地方", "噪声敏感建筑物集中区域"),
    ("居民扎堆的地方", "噪声敏感建筑物集中区域"),
    ("住户多的地方", "噪声敏感建筑物集中区域"),
    ("居民多的地方", "噪声敏感建筑物集中区域"),
    ("吵人的", "排放噪声的"),
    // Per tonne of product (GB 4287: 单位产品基准排水量, m³/t标准品; 纱线、针织物).
    ("一吨布", "单位产品"),
    ("每吨布", "单位产品"),
    ("一吨产品", "单位产品"),
    ("每吨产品", "单位产品"),
    ("针织布", "针织物"),
    // Fined, told to stop, and going on (法典第一千零六十条: 受到罚款处罚，被责令改正的…继续
    // 实施该违法行为、拒不改正的…按日连续处罚).
    ("照排不误", "继续实施该违法行为"),
    ("还在排", "继续实施该违法行为"),
    ("让改", "责令改正"),
    // Land turned to housing: 用途变更为居住…用地, 变更前 (法典第四百五十四条).
    ("改成住宅用地", "用途变更为居住"),
    ("改成住宅", "用途变更为居住"),
    ("改成住房", "用途变更为居住"),
    ("改之前", "变更前"),
    // Who makes a product: its 生产者 (法典第二百一十五条: …产品的生产者应当按照规定标识).
    ("产品的厂家", "产品的生产者"),
    // Equipment passed on: 转让给他人使用 (法典第四十九条: 被淘汰的设备…不得转让给他人使用).
    ("卖给别的厂", "转让给他人"),
    ("卖给别的企业", "转让给他人"),
    ("卖给别人", "转让给他人"),
    ("转卖给别人", "转让给他人"),
    ("接着用", "使用"),
    // A works' process recipe is its trade secret (法典第五十一条: 保守商业秘密).
    ("工艺配方", "商业秘密"),
    ("生产配方", "商业秘密"),
    // Told to put it right and not doing so: 拒不改正 (法典第五百六十二条).
    ("一直不改", "拒不改正"),
    ("还是不改", "拒不改正"),
    ("就是不改", "拒不改正"),
    ("不肯改", "拒不改正"),
    ("劝了还不听", "拒不改正"),
    ("还不听", "拒不改正"),
    ("不听劝", "拒不改正"),
    ("劝了不改", "拒不改正"),
    ("说了也不改", "拒不改正"),
    ("说了不改", "拒不改正"),
    // Light that dazzles the neighbours: 光污染 (法典第六百六十七条, 第一千二百一十条).
    ("亮得刺眼", "光污染"),
    ("亮得晃眼", "光污染"),
    ("刺眼", "光污染"),
    ("晃眼", "光污染"),
    // A loudspeaker turned up too far: 音响器材产生过大音量 (法典第一千一百九十条).
    ("音响开得太大", "音响器材产生过大音量"),
    ("音响声音太大", "音响器材产生过大音量"),
    ("音量开得太大", "过大音量"),
    // Not keeping to rules set for a place: 未遵守 (法典第一千一百九十条).
    ("不守", "未遵守"),
    // Washing in waters where it is forbidden (绍兴市水资源保护条例第三十八条: 在禁止水域内游泳、
    // 洗澡、洗涤和垂钓的…拒不改正的…罚款).
    ("洗衣服", "洗涤"),
    ("洗东西", "洗涤"),
    ("不让洗东西的水域", "禁止水域"),
    ("不让洗衣服的水域", "禁止水域"),
    ("不让游泳的水域", "禁止水域"),
    ("不让钓鱼的水域", "禁止水域"),
    // Noise that bothers the neighbours: 噪声污染, 干扰他人正常生活 (法典第五百四十七条).
    // Fitting out a flat past the hours allowed (法典第五百九十五条, 第一千一百九十条: 室内装修
    // 活动，未在限定作业时间内进行…造成噪声污染).
    ("超过规定时间施工扰民", "未在限定作业时间内进行造成噪声污染"),
    ("超过规定时间施工", "未在限定作业时间内进行"),
    ("超出规定时间施工", "未在限定作业时间内进行"),
    ("不按规定时间施工", "未在限定作业时间内进行"),
    ("装修扰民", "室内装修活动造成噪声污染"),
    ("施工扰民", "施工造成噪声污染"),
    ("噪声扰民", "噪声污染"),
    ("噪音扰民", "噪声污染"),
    ("扰民", "干扰他人正常生活"),
    // Building a works somewhere (法典第三百一十九条: 禁止…新建…建设项目).
    // A works' building is 厂房: 盖厂房 is not 盖厂 + 房.
    ("盖新厂房", "新建厂房"),
    ("盖厂房", "新建厂房"),
    ("盖个厂", "新建项目"),
    ("盖工厂", "新建项目"),
    ("盖厂", "新建项目"),
    // Where a measuring point is set (GB 12348 5.3.2: 测点选在…厂界外 1 m、高度 1.2 m 以上).
    ("测的点", "测点"),
    ("测的位置", "测点位置"),
    ("离地要多高", "高度多少"),
    ("离地多高", "高度多少"),
    // The public heard before a report is filed (法典第一百零一条: 报批…报告书前，举行论证会、
    // 听证会…征求…公众的意见).
    ("听听老百姓怎么说", "征求公众意见"),
    ("听听老百姓的意见", "征求公众意见"),
    ("老百姓", "公众"),
    ("开个会", "举行论证会、听证会"),
    ("报批之前", "报批前"),
    // Building before approval (第一百零七条: 不得开工建设).
    ("把地基打起来", "开工建设"),
    ("打地基", "开工建设"),
    // A works that does not match its EIA once running (第一百零九条: 建设、运行过程中产生不符合
    // 经审批的…报告书…的情形的…后评价).
    ("跑起来", "运行"),
    ("建好", "建设"),
    ("对不上", "不符合"),
    // The approval's measures carried out (第一百零八条: 应当实施…审批意见中提出的…措施).
    ("的办法", "的措施"),
    ("照着做", "实施"),
    // Incidents by grade (第一百一十八条: 按照社会危害程度…分为特别重大、重大、较大和一般四级).
    ("环境方面的突发事故", "突发生态环境事件"),
    ("突发事故", "突发事件"),
    ("严重程度", "社会危害程度"),
    ("几个等级", "几级"),
    // Water taken and water bodies filled, as the water-resources rules say them (绍兴市水资源
    // 保护条例第九条, 第二十五条, 第三十四条).
    ("自己打井抽地下水", "通过自备取水设施取用地下水"),
    ("打井抽地下水", "通过自备取水设施取用地下水"),
    ("抽地下水", "取用地下水"),
    ("打井", "自备取水设施"),
    ("自来水管网", "公共供水管网"),
    ("自来水管", "公共供水管网"),
    ("够用", "能够满足用水需要"),
    ("从河里抽水", "取水"),
    ("抽水", "取水"),
    ("河塘", "水域"),
    ("水塘", "水域"),
    ("填掉", "占用"),
    ("填平", "占用"),
    ("盖车间", "建设"),
    // Into the sewer: 污水管网.
    ("往污水管里排", "向污水管网排放"),
    ("污水管里", "污水管网"),
    ("阀门关了", "关闭阀门"),
    // A complaint by telephone, its result answered: 投诉举报电话, 答复 (绍兴大气条例第十三条).
    ("打电话投诉", "电话投诉"),
    ("结果告诉", "结果答复"),
    // A worker who reports their own employer: 举报人举报所在单位 (法典第一百四十六条).
    ("员工举报", "举报人举报"),
    ("职工举报", "举报人举报"),
    ("举报了自己单位", "举报所在单位"),
    ("举报自己单位", "举报所在单位"),
    ("举报了自己的单位", "举报所在单位"),
    ("举报自己的单位", "举报所在单位"),
    // A review done: 完成审查 (排污许可管理条例第十四条).
    ("多少天审完", "多少日内完成审查"),
    ("几天审完", "几日内完成审查"),
    ("审完", "完成审查"),
    // Written into a permit: 记载 (法典第四百一十四条 "…应当在排污许可证中记载").
    ("写进", "记载在"),
    // A permit obtained: 取得 (法典第一百七十六条).
    ("领到", "取得"),
    // A neighbouring county, an emergency dealt with, a fire put out (法典第一百二十二条、第一百
    // 二十五条、第一百二十六条).
    ("隔壁县", "相邻行政区域"),
    ("隔壁市", "相邻行政区域"),
    ("处置完了", "应急处置工作结束后"),
    ("着火了", "发生火灾事故"),
    ("救火的时候", "事故应急处置过程中"),
    // Waste piled at will, sent to another province, a grave pollution dealt with at once
    // (法典第五百三十三条、第四百七十六条、第五百四十条).
    ("自己随便堆", "擅自堆放"),
    ("随便堆", "擅自堆放"),
    ("运到外省去", "转移出省"),
    ("运到外省", "转移出省"),
    ("污染得很厉害", "造成严重污染"),
    ("马上", "立即"),
    // A plan to deal with pollution: 防治措施 (法典第一百零五条 "未…提出有效防治措施").
    ("没提出治理办法", "未提出有效防治措施"),
    ("治理办法", "防治措施"),
];

/// Verbs that send waste water somewhere, longest first.
/// (Not 去: "去污水厂检查" sends an inspector, not water.)
const SEND: [&str; 13] = [
    "接到", "排到", "排进", "送到", "接进", "接入", "排入", "进入", "流到", "接", "排", "进", "送",
];

/// What may stand between the verb and 污水厂: whose works it is.
const WORKS_OF: [&str; 6] = ["园区的", "园区", "城镇的", "城镇", "市政", "集中"];

/// "接污水厂", "排到园区污水厂去", "进城镇污水厂": waste water sent to a sewage works, which the
/// standards call 间接排放 (GB 4287 3.8; its 2015 amendment's notes on municipal and park
/// works are quoted with any indirect limit, see [`crate::amendment`]). Only the spoken
/// 污水厂 is read so: the written 污水处理厂 stays as the texts say it.
fn to_sewage_works(question: &str) -> String {
    const WORKS: &str = "污水厂";
    let mut out = question.to_owned();
    let mut from = 0;
    while let Some(at) = out[from..].find(WORKS).map(|i| from + i) {
        let before = &out[..at];
        let of = WORKS_OF
            .iter()
            .find(|w| before.ends_with(*w))
            .map_or(0, |w| w.len());
        let Some(verb) = SEND.iter().find(|v| before[..at - of].ends_with(*v)) else {
            from = at + WORKS.len();
            continue;
        };
        let start = at - of - verb.len();
        let mut end = at + WORKS.len();
        if out[end..].starts_with('去') {
            end += '去'.len_utf8();
        }
        out.replace_range(start..end, "间接排放");
        from = start + "间接排放".len();
    }
    out
}

/// How a spoken question says a thing was moved or broken, longest first: a monitoring device
/// moved is 擅自移动, one smashed is 损毁 (法典第一千零九十三条).
const MOVED: [(&str, &str); 14] = [
    ("挪了地方", "擅自移动"),
    ("挪了位置", "擅自移动"),
    ("挪走了", "擅自移动"),
    ("挪走", "擅自移动"),
    ("挪开", "擅自移动"),
    ("挪动", "擅自移动"),
    ("挪了", "擅自移动"),
    ("砸坏了", "损毁"),
    ("砸坏", "损毁"),
    ("砸烂", "损毁"),
    ("砸了", "损毁"),
    ("弄坏了", "损毁"),
    ("弄坏", "损毁"),
    ("搞坏", "损毁"),
];

/// What names monitoring equipment in a clause: its device moved is 擅自移动 (法典第一千零九十三
/// 条), while a moved 排污口 or works (排污口挪了位置, 厂子挪地方) is a change of place.
const MONITORS: [&str; 4] = ["监测", "监控", "在线", "探头"];

/// A river's bank, where waste is dumped: the 滩地 and 岸坡 of 法典第一百六十四条 and 第一千一百
/// 三十六条.
const BANK: [(&str, &str); 4] = [
    ("河边上", "岸坡"),
    ("河边", "岸坡"),
    ("河岸", "岸坡"),
    ("河滩", "滩地"),
];

/// What names waste in a clause: waste taken to the river's bank is dumped on its 岸坡, while an
/// outfall or a works by the river ("在河边挖了个排污口") is not about the bank.
const WASTE: [&str; 8] = ["固废", "危废", "废物", "废渣", "垃圾", "污泥", "堆", "倒"];

/// An accident where hazardous waste is kept: the 意外事故 a waste holder plans for (法典第五百
/// 三十九条), not the 突发环境事件 of a works at large.
const WASTE_ACCIDENT: [(&str, &str); 2] =
    [("出了事故", "发生意外事故"), ("出事故", "发生意外事故")];

/// What names hazardous waste in a clause.
const HAZARDOUS_WASTE: [&str; 2] = ["危废", "危险废物"];

/// After a phrase of [`BANK`], a character that starts a longer phrase of the table: 河边涨水会
/// 淹到的地方.
const NOT_BANK: &str = "涨";

/// How a spoken question says works are run or not: 开 is 运行 (法典第一千一百零四条: 未按照
/// 排污许可证的规定运行…污染防治设施).
const RUN: [(&str, &str); 9] = [
    ("每天开得怎么样", "运行情况"),
    ("开得怎么样", "运行情况"),
    ("没有开", "未运行"),
    ("没开", "未运行"),
    ("不开", "不运行"),
    ("正常开", "正常运行"),
    ("规定开", "规定运行"),
    ("要求开", "规定运行"),
    ("开着", "运行"),
];

/// What names works that are run, in a clause: 治污设备…开 is run, 开会 or 开发 is not.
const RUN_WORKS: [&str; 6] = ["设施", "设备", "治污", "处理站", "污水站", "风机"];

/// After a phrase of [`RUN`], characters that make its 开 part of another word: 不开放,
/// 没开票, 不开展, 没开工.
const NOT_RUN: &str = "放票展发工门会";

/// `question` with each phrase of `phrases` in the texts' words, only in a clause that names
/// one of `context` before it, and not when the next character is one of `not_before`:
/// "把在线监测设备挪了地方" is 擅自移动, "排污口挪了位置" is not; "治污设备没开" is 未运行,
/// "开会没开" is not.
fn in_clauses_naming(
    question: &str,
    phrases: &[(&str, &str)],
    context: &[&str],
    not_before: &str,
) -> String {
    let mut out = question.to_owned();
    let mut from = 0;
    while let Some((at, (spoken, written))) = phrases
        .iter()
        .filter_map(|p| out[from..].find(p.0).map(|i| (from + i, *p)))
        .min_by_key(|(at, (spoken, _))| (*at, usize::MAX - spoken.len()))
    {
        let clause_start = out[..at]
            .rfind(['，', '。', '；', '？', ',', ';'])
            .map_or(0, |i| i + out[i..].chars().next().map_or(1, char::len_utf8));
        let end = at + spoken.len();
        let joined = out[end..]
            .chars()
            .next()
            .is_some_and(|c| not_before.contains(c));
        if !joined && context.iter().any(|m| out[clause_start..at].contains(m)) {
            out.replace_range(at..end, written);
            from = at + written.len();
        } else {
            from = end;
        }
    }
    out
}

/// Verbs a new works is said to be got with: 新上的, 新装一台, 新买的, 新弄了台.
const NEW_VERBS: &str = "上装买开盖办弄搞添换做";

/// After a verb of [`NEW_VERBS`], characters that make it part of another word: 新开发,
/// 新上市, 新办法, 新装修, 新做法.
const NOT_NEW_WORKS: &str = "发市班午卖法修场";

/// "新上马的", "新装一台", "新弄了台", "新买的": a works newly built, which the standards call
/// 新建 (GB 13271 表2 新建锅炉, GB 4287 表2 新建企业).
fn to_new_works(question: &str) -> String {
    let chars: Vec<char> = question.chars().collect();
    let mut out = String::with_capacity(question.len());
    let mut i = 0;
    while i < chars.len() {
        let verb = chars.get(i + 1).copied();
        let next = chars.get(i + 2).copied();
        if chars[i] != '新'
            || !verb.is_some_and(|v| NEW_VERBS.contains(v))
            || next.is_some_and(|n| NOT_NEW_WORKS.contains(n))
        {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i + 2;
        // 新上马
        if verb == Some('上') && chars.get(j) == Some(&'马') {
            j += 1;
        }
        if chars.get(j) == Some(&'了') {
            j += 1;
        }
        out.push_str("新建");
        // 一台, 台, 一个: the count stays, as 一台.
        let one = chars.get(j) == Some(&'一');
        let k = j + usize::from(one);
        match chars.get(k) {
            Some(&c) if "台个套座".contains(c) => {
                out.push('一');
                out.push(c);
                j = k + 1;
            }
            _ => {}
        }
        i = j;
    }
    out
}

/// 一类…五类 in the numerals the texts write a class with: a water-quality class in Roman
/// numerals (GB 3838 III类: "河里的水要保持三类", "二类水"), a noise area class in Arabic ones
/// (GB 12348 3类: "三类区"), a class of solid waste or of its yard in Roman numerals too
/// (GB 18599 II类场: "二类固废的贮存场"). Which one is read off the question: 区, 噪声 or 声
/// make it an area; 水, 河, 湖, 固废 or a yard a Roman class; neither leaves the words as they
/// are.
fn class_numerals(question: &str) -> String {
    const NUMERALS: [(&str, &str, &str); 5] = [
        ("一类", "I类", "1类"),
        ("二类", "II类", "2类"),
        ("三类", "III类", "3类"),
        ("四类", "IV类", "4类"),
        ("五类", "V类", "5类"),
    ];
    let area = ["噪声", "声环境", "声功能", "厂界"]
        .iter()
        .any(|w| question.contains(w));
    // Water classes, and the classes of solid waste and of its yards (GB 18599: 第II类一般
    // 工业固体废物, II类场), are written in Roman numerals.
    let roman_class = [
        "水",
        "河",
        "湖",
        "断面",
        "固废",
        "固体废物",
        "贮存场",
        "填埋场",
    ]
    .iter()
    .any(|w| question.contains(w));
    // GB 16297 (5 排放速率标准分级) writes the air quality areas in Chinese numerals: 位于二类区
    // 的污染源执行二级标准.
    let air = ["大气", "废气", "排气筒", "排放速率", "空气"]
        .iter()
        .any(|w| question.contains(w));
    let mut out = question.to_owned();
    for (spoken, roman, arabic) in NUMERALS {
        let mut from = 0;
        while let Some(at) = out[from..].find(spoken).map(|i| from + i) {
            let after = &out[at + spoken.len()..];
            // GB 8978's 第一类/第二类污染物 and GB 3097's 一类…四类海域 are written in Chinese
            // numerals, whatever water the question speaks of.
            let written = if after.starts_with("污染物")
                || after.starts_with("海域")
                || (air && after.starts_with('区'))
            {
                None
            } else if after.starts_with('区') || (area && !after.starts_with('水')) {
                Some(arabic)
            } else if roman_class {
                Some(roman)
            } else {
                None
            };
            match written {
                Some(w) => {
                    out.replace_range(at..at + spoken.len(), w);
                    from = at + w.len();
                }
                None => from = at + spoken.len(),
            }
        }
    }
    out
}

/// "搬到别的镇上去了": a works moved elsewhere. A permit's holder speaks of its 生产经营场所
/// (法典第一百八十二条: 发生变化…重新取得排污许可证), a project's EIA of its 地点 (第一百零六
/// 条: 发生重大变动…重新报批). Only the phrase that goes away (…去) is read so; one that names
/// where to ("搬到滨海工业区") keeps the place.
fn to_moved_works(question: &str) -> String {
    let eia = ["环评", "环境影响"].iter().any(|w| question.contains(w));
    let moved_away = if eia {
        "地点发生重大变动"
    } else {
        "生产经营场所发生变化"
    };
    let mut out = question.to_owned();
    let mut from = 0;
    while let Some(at) = out[from..].find("搬到").map(|i| from + i) {
        let clause_end = out[at..]
            .find(['，', '。', '？', '；', ',', '?', ';'])
            .map_or(out.len(), |i| at + i);
        let Some(away) = out[at..clause_end].rfind('去').map(|i| at + i) else {
            from = at + "搬到".len();
            continue;
        };
        let mut end = away + '去'.len_utf8();
        if out[end..].starts_with('了') {
            end += '了'.len_utf8();
        }
        out.replace_range(at..end, moved_away);
        from = at + moved_away.len();
    }
    out
}

/// How a question names where people live, longest first.
const RESIDENTIAL: [&str; 8] = [
    "居民住宅区",
    "居民小区",
    "住宅小区",
    "小区旁边",
    "小区边上",
    "小区附近",
    "居民区",
    "住宅区",
];

/// What names building works or a traffic line in a question: the Code's chapters on
/// construction and traffic noise (第五百六十八条 to 第五百八十七条).
const WORKS_OR_TRAFFIC: [&str; 8] = [
    "施工",
    "工地",
    "高架",
    "公路",
    "铁路",
    "轨道交通",
    "机场",
    "喇叭",
];

/// "居民区边上能不能晚上施工": where people live is, for building works and traffic, the
/// Code's 噪声敏感建筑物集中区域 (第五百五十三条: areas of buildings 用于居住… are so
/// designated), which is what its construction and traffic articles name. Only in a question
/// on building works or traffic: a works' boundary noise next to a 居民区 is asked by its
/// class of area (GB 12348), and a 小区 alone may be a place in a question out of scope.
fn to_noise_sensitive_area(question: &str) -> String {
    // A works built or extended there, asked of its noise ("在居民区边上再扩建一个车间，机器
    // 声音大"): the Code's 第五百六十六条 names the same area.
    const BUILT: [&str; 4] = ["扩建", "新建", "改建", "建厂"];
    const NOISE: [&str; 4] = ["噪声", "噪音", "声音", "吵"];
    let built_noisy =
        BUILT.iter().any(|w| question.contains(w)) && NOISE.iter().any(|w| question.contains(w));
    let context: &[&str] = if built_noisy {
        &BUILT
    } else {
        &WORKS_OR_TRAFFIC
    };
    in_questions_naming(question, context, &RESIDENTIAL, "噪声敏感建筑物集中区域")
}

/// "把自己的排污证借给隔壁厂用": a permit lent, let or sold to another works is a permit
/// transferred (排污许可管理条例第二十六条: 禁止…转让排污许可证; 第四十一条 its fine).
fn to_transferred_permit(question: &str) -> String {
    const PERMIT: [&str; 2] = ["排污证", "许可证"];
    in_questions_naming(question, &PERMIT, &["借给", "租给", "卖给"], "转让给")
}

/// "厂里的旧叉车排放超标": a forklift's exhaust makes it a 非道路移动机械 (法典第二百二十九条),
/// while its yearly inspection as special equipment is no emissions matter (see the table).
fn to_machines(question: &str) -> String {
    const EXHAUST: [&str; 4] = ["排放", "尾气", "黑烟", "超标"];
    in_questions_naming(question, &EXHAUST, &["叉车"], "非道路移动机械")
}

/// "车间有个工人向环保局举报厂里偷排": a worker who reports is the Code's 举报人, and the works
/// they report, theirs, is 所在单位 (法典第一百四十六条: 举报人举报所在单位的，该单位不得以解除
/// …劳动合同…打击报复) — only in the clause that says 举报, the worker before it and the works
/// right after it.
fn to_whistle_blower(question: &str) -> String {
    const WORKERS: [&str; 4] = ["员工", "职工", "工人", "工友"];
    const WORKS: [&str; 6] = ["自己厂里", "我们厂", "自己厂", "厂里", "本厂", "公司"];
    let mut out = String::with_capacity(question.len());
    for clause in question.split_inclusive(['，', '。', '；', '？', ',', ';', '?']) {
        let Some(at) = clause
            .find("举报")
            .filter(|&at| !clause[..at].ends_with("被"))
        else {
            out.push_str(clause);
            continue;
        };
        let (before, after) = clause.split_at(at);
        let before = WORKERS
            .iter()
            .find(|w| before.contains(**w))
            .map_or_else(|| before.to_owned(), |w| before.replacen(w, "举报人", 1));
        let after = &after["举报".len()..];
        let after = WORKS
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .map_or_else(|| after.to_owned(), |rest| format!("所在单位{rest}"));
        out.push_str(&before);
        out.push_str("举报");
        out.push_str(&after);
    }
    out
}

/// `question` with each of `spoken` (longest first) as `written`, when the question names one
/// of `context` anywhere; unchanged otherwise.
fn in_questions_naming(question: &str, context: &[&str], spoken: &[&str], written: &str) -> String {
    if !context.iter().any(|w| question.contains(w)) {
        return question.to_owned();
    }
    spoken.iter().fold(question.to_owned(), |out, phrase| {
        out.replace(phrase, written)
    })
}

/// `question` with the spoken phrases of the table in the texts' words.
pub fn in_written_words(question: &str) -> String {
    let question = to_machines(&to_noise_sensitive_area(&to_moved_works(question)));
    let question = to_whistle_blower(&to_transferred_permit(&question));
    let question = in_clauses_naming(&to_sewage_works(&question), &MOVED, &MONITORS, "");
    let question = in_clauses_naming(&question, &RUN, &RUN_WORKS, NOT_RUN);
    let question = in_clauses_naming(&question, &BANK, &WASTE, NOT_BANK);
    let question = in_clauses_naming(&question, &WASTE_ACCIDENT, &HAZARDOUS_WASTE, "");
    let question = class_numerals(&to_new_works(&question));
    let mut out = String::with_capacity(question.len());
    let mut rest = question.as_str();
    'outer: while !rest.is_empty() {
        for (spoken, written) in PHRASES {
            if let Some(after) = rest.strip_prefix(spoken) {
                out.push_str(written);
                rest = after;
                continue 'outer;
            }
        }
        let c = rest.chars().next().expect("rest is not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // 是否 before a verb that makes 否 a word with it (要不要定个人 → 是否定个人: 否定): the
    // segmenter must cut it after 是否.
    for verb in ['定', '认', '决', '则'] {
        out = out.replace(&format!("是否{verb}"), &format!("是否 {verb}"));
    }
    // "多少钱" without a 罚 asks a price or a fee ("环评公司一般收多少钱", "蒸汽一吨多少钱"):
    // that is its subject, a term a passage must hold, not the fine a text sets in 元.
    if !out.contains('罚') {
        out = out.replace("多少钱", "价格多少");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_works_extended_near_homes_is_in_a_noise_sensitive_area() {
        assert_eq!(
            in_written_words("厂里要在居民区边上再扩建一个车间，机器声音大，法典对我们有啥要求？"),
            "厂里要在噪声敏感建筑物集中区域边上再扩建一个车间，机器噪声大，法典对我们有啥要求？"
        );
    }

    #[test]
    fn a_worker_who_reports_the_works_is_a_whistle_blower_of_their_own_unit() {
        assert_eq!(
            to_whistle_blower("车间有个工人向环保局举报厂里偷排，厂里能不能跟他解除劳动合同？"),
            "车间有个举报人向环保局举报所在单位偷排，厂里能不能跟他解除劳动合同？"
        );
        assert_eq!(
            to_whistle_blower("工人举报了厂里偷排吗？"),
            "举报人举报了厂里偷排吗？"
        );
        // A works reported by someone else, or a worker in another clause: unchanged.
        assert_eq!(
            to_whistle_blower("厂里被居民举报了，工人要不要停工？"),
            "厂里被居民举报了，工人要不要停工？"
        );
    }

    #[test]
    fn spoken_days_permits_and_sanctions_become_the_texts_words() {
        assert_eq!(
            in_written_words("排污证快到期了，要提前多少天去续？"),
            "排污证届满前，要提前多少天申请延续？"
        );
        assert_eq!(
            in_written_words("厂里换了法人，排污证多少天里要去改？"),
            "厂里变更法定代表人，排污证多少天申请变更？"
        );
        assert_eq!(
            in_written_words("拦着执法人员不让进厂检查，要罚多少？"),
            "阻挠执法人员拒绝监督检查，罚款多少？"
        );
        assert_eq!(in_written_words("监测数据造假"), "监测数据弄虚作假");
        // Written words that hold a spoken one stay.
        assert_eq!(in_written_words("监测数据弄虚作假"), "监测数据弄虚作假");
        assert_eq!(in_written_words("达到期限的"), "达到期限的");
    }

    #[test]
    fn the_environmental_frame_and_a_sacking_in_the_texts_words() {
        for (spoken, written) in [
            (
                "运输和装卸环节在环保上要做什么？",
                "运输和装卸环节要做什么？",
            ),
            (
                "废液厂里是不是要想办法回收利用？",
                "废液厂里是否要回收利用？",
            ),
            ("老板把他辞退了", "老板把他解除劳动合同了"),
            ("浙江能不能定比国家更严的？", "浙江能不能定严于国家标准的？"),
            ("托人送了礼才拿到的", "托人贿赂才拿到的"),
        ] {
            assert_eq!(in_written_words(spoken), written);
        }
    }

    #[test]
    fn a_works_newly_got_is_a_new_one() {
        assert_eq!(
            in_written_words("我们新弄了台天然气锅炉，氮氧化物排放不能高过多少？"),
            "我们新建一台燃气锅炉，氮氧化物排放不能超过多少？"
        );
        assert_eq!(in_written_words("新上马的项目"), "新建的项目");
        assert_eq!(in_written_words("新装燃煤锅炉"), "新建燃煤锅炉");
        // Other words that begin so stay.
        assert_eq!(in_written_words("新开发区的项目"), "新开发区的项目");
        assert_eq!(in_written_words("新办法实施后"), "新办法实施后");
    }

    #[test]
    fn classes_take_the_numerals_of_their_standard() {
        assert_eq!(
            in_written_words("河里的水要保持三类，氨氮不能高于多少？"),
            "地表水要保持III类，氨氮不能高于多少？"
        );
        assert_eq!(in_written_words("二类水的总磷"), "II类水的总磷");
        assert_eq!(
            in_written_words("厂在三类区，晚上噪声多少"),
            "厂在3类区，夜间噪声多少"
        );
        // Neither water nor an area: as said.
        assert_eq!(in_written_words("三类项目"), "三类项目");
        // The classes of pollutants and of sea areas keep their Chinese numerals.
        assert_eq!(
            in_written_words("污水综合排放标准的第二类污染物在哪采样"),
            "污水综合排放标准的第二类污染物在哪采样"
        );
        assert_eq!(in_written_words("排入二类海域的污水"), "排入二类海域的污水");
        assert_eq!(
            in_written_words("二类区的大气污染源执行几级排放速率"),
            "二类区的大气污染源执行几级排放速率"
        );
    }

    #[test]
    fn water_sent_to_a_sewage_works_is_indirect_discharge() {
        assert_eq!(
            in_written_words("接污水厂的新染厂，总磷卡多少？"),
            "间接排放的新建印染厂，总磷限值多少？"
        );
        assert_eq!(
            in_written_words("废水排到园区污水厂去，总氮多少"),
            "废水间接排放，总氮多少"
        );
        // The written 污水处理厂, and a 污水厂 no water is sent to, stay.
        assert_eq!(
            in_written_words("排入城镇污水处理厂的执行什么限值"),
            "排入城镇污水处理厂的执行什么限值"
        );
        assert_eq!(
            in_written_words("污水厂的污泥怎么处置"),
            "污水厂的污泥怎么处置"
        );
        assert_eq!(
            in_written_words("去污水厂检查要带什么"),
            "去污水厂检查要带什么"
        );
    }

    #[test]
    fn spoken_phrases_become_the_texts_words() {
        assert_eq!(
            in_written_words("新买的烧油的锅炉，氮氧化物封顶是多少？"),
            "新建的燃油锅炉，氮氧化物封顶是多少？"
        );
        assert_eq!(
            in_written_words("新开的染厂废水接到污水厂去，COD能放到多少？"),
            "新建的印染厂废水间接排放，COD能放到多少？"
        );
        assert_eq!(
            in_written_words("没批就开工被叫停了还硬干，负责人会被关几天？"),
            "未经批准就开工被责令停止建设了拒不执行，负责人会被拘留几天？"
        );
    }

    #[test]
    fn a_yes_no_question_put_as_a_not_a_asks_whether() {
        assert_eq!(
            in_written_words("厂里的危废仓库要不要挂标志牌？"),
            "厂里的危废仓库是否挂标志牌？"
        );
        assert_eq!(
            in_written_words("被罚了款还接着偷排，会不会每天都罚？"),
            "被罚了款还继续偷排，是否按日连续处罚？"
        );
    }

    #[test]
    fn how_much_money_asks_a_price_unless_it_asks_a_fine() {
        assert_eq!(
            in_written_words("做一本环评报告表，环评公司一般收多少钱？"),
            "做一本环评报告表，编制报告书、报告表的技术单位一般收价格多少？"
        );
        assert_eq!(
            in_written_words("染厂用的蒸汽一吨多少钱？"),
            "印染厂用的蒸汽一吨价格多少？"
        );
        assert_eq!(
            in_written_words("环评登记表没备案的，罚多少钱？"),
            "环评登记表没备案的，罚多少钱？"
        );
    }

    #[test]
    fn a_phrase_that_holds_a_shorter_one_is_read_whole() {
        // 没批准 is not 没批 + 准, 要罚款 not 要罚 + 款, 仓库里 not 仓 + 库里.
        assert_eq!(
            in_written_words("还没批准就开工，要罚款吗？"),
            "未经批准就开工，罚款吗？"
        );
        assert_eq!(in_written_words("危废放在仓库里"), "危废放在贮存场所");
        assert_eq!(in_written_words("最多排放多少？"), "限值多少？");
        assert_eq!(in_written_words("还能测量吗？"), "还测量吗？");
    }

    #[test]
    fn works_switched_on_are_run_and_a_meeting_is_not() {
        assert_eq!(
            in_written_words("治污设备没按证上的要求开，罚多少钱？"),
            "污染防治设施未按照排污许可证的规定运行，罚多少钱？"
        );
        assert_eq!(
            in_written_words("晚上废气处理设施不开行不行"),
            "夜间废气处理设施不运行是否可以"
        );
        assert_eq!(in_written_words("设施不开放"), "设施不开放");
        assert_eq!(in_written_words("开会没开"), "开会没开");
        assert_eq!(
            in_written_words("排污口挪了位置要重新报吗"),
            "排污口挪了位置要重新报批吗"
        );
    }

    #[test]
    fn a_phrase_is_taken_at_its_first_position_and_longest_first() {
        // 还没批下来 (not 没批 inside it), 一个钟头 (not 钟头 inside it).
        assert_eq!(in_written_words("还没批下来"), "未经批准");
        assert_eq!(
            in_written_words("有人把在线监测设备挪了地方，罚多少？"),
            "有人把在线监测设备擅自移动，罚多少？"
        );
        assert_eq!(
            in_written_words("用暗管往河里排水，罚多少？"),
            "用暗管排放水污染物，罚多少？"
        );
        assert_eq!(
            in_written_words("写环评的公司把数据瞎编"),
            "编制报告书、报告表的技术单位把数据虚假"
        );
        assert_eq!(
            in_written_words("二类固废的贮存场，防渗膜起码要多厚？"),
            "II类固废的贮存场，防渗衬层起码要厚度多少？"
        );
        // 重新报批 as written is not 重新报 + 批.
        assert_eq!(in_written_words("要重新报批吗"), "要重新报批吗");
        assert_eq!(in_written_words("要不要重新报"), "是否重新报批");
        assert_eq!(
            in_written_words("排污证被吊销了还接着排，第一时间挂牌子"),
            "排污证被吊销了继续排放污染物，立即设置标志牌"
        );
        assert_eq!(
            in_written_words("治污的设施要跟厂房一起建、一起投用吗？烟囱最矮能多矮？"),
            "污染防治的设施要跟厂房同时施工、同时投产使用吗？烟囱最低多少？"
        );
        // A moved outfall is a change of place, not a monitor tampered with.
        assert_eq!(
            in_written_words("排污口挪了位置，在线监测要不要重新联网？"),
            "排污口挪了位置，在线监测是否重新联网？"
        );
        assert_eq!(
            in_written_words("报告表交上去，多少天能批下来？"),
            "报告表交上去，多少天作出审批决定？"
        );
        assert_eq!(in_written_words("一个钟头平均"), "1小时平均");
    }

    #[test]
    fn a_waste_yard_its_soil_and_sand_are_said_as_the_texts_say_them() {
        assert_eq!(
            in_written_words("固废堆场边上的土，多长时间要测一回？"),
            "固废贮存场的土壤，多长时间要监测频次？"
        );
        assert_eq!(in_written_words("堆固废的场子不用了"), "固废贮存场不用了");
        assert_eq!(
            in_written_words("二类固废场离地下水最高的时候要隔开多少米？"),
            "II类固废场离地下水年最高水位要距离多少米？"
        );
        assert_eq!(in_written_words("在河里洗沙子"), "在河道内洗砂");
        assert_eq!(
            in_written_words("明明知道还把厂房租给他，没赚到钱的话"),
            "明知还把场所提供给他，没有违法所得的话"
        );
    }

    #[test]
    fn ships_machines_and_crowded_homes_are_said_as_the_texts_say_them() {
        assert_eq!(
            in_written_words("船停在码头不接岸上的电，罚多少？"),
            "船舶在港靠泊期间未使用岸电，罚多少？"
        );
        assert_eq!(
            in_written_words("在不让用的地方开高排放的挖掘机"),
            "在禁止区域内使用高排放的非道路移动机械"
        );
        assert_eq!(
            in_written_words("在住户扎堆的地方新建一个吵人的厂"),
            "在噪声敏感建筑物集中区域新建一个排放噪声的厂"
        );
        assert_eq!(
            in_written_words("新装的烧气锅炉，二氧化硫顶多排多少？"),
            "新建的燃气锅炉，二氧化硫限值多少？"
        );
        assert_eq!(
            in_written_words("针织布染厂，一吨布最多排多少水？"),
            "针织物印染厂，单位产品限值多少水？"
        );
        assert_eq!(
            in_written_words("罚了款让改，结果还照排不误"),
            "罚了款责令改正，结果还继续实施该违法行为"
        );
        assert_eq!(
            in_written_words("一级保护区，现在能在里面盖厂吗？"),
            "一级保护区，现在能在里面新建项目吗？"
        );
        assert_eq!(in_written_words("测的点离地要多高？"), "测点高度多少？");
        assert_eq!(
            in_written_words("报批之前要不要开个会听听老百姓怎么说？"),
            "报批前是否举行论证会、听证会征求公众意见？"
        );
        assert_eq!(
            in_written_words("出了环境方面的突发事故，按严重程度分几个等级？"),
            "出了突发生态环境事件，按社会危害程度分几级？"
        );
        // A forklift's yearly check is not an emissions one.
        assert_eq!(
            in_written_words("厂里的叉车要年检吗？"),
            "厂里的叉车要年检吗？"
        );
    }

    #[test]
    fn monitoring_devices_below_standard_smashed_or_sold_are_said_as_the_code_says_them() {
        assert_eq!(
            in_written_words("厂里的在线监测仪不合国家标准，数据老是不准，要罚多少？"),
            "厂里的自动监测设备不符合国家标准，监测数据失真，罚款多少？"
        );
        assert_eq!(
            in_written_words("有人把在线监测探头砸坏了"),
            "有人把在线监测探头损毁"
        );
        // Smashed, but not a monitoring device: left as it is.
        assert_eq!(in_written_words("有人把厂门砸坏了"), "有人把厂门砸坏了");
        assert_eq!(
            in_written_words("卖给我们在线监测设备的厂家"),
            "销售在线监测设备的生产者"
        );
        assert_eq!(
            in_written_words("锅炉烧劣质煤，村里开了个小印染作坊"),
            "锅炉燃用不符合质量标准的煤炭，村里开了个小型印染生产项目"
        );
    }

    #[test]
    fn tampering_dumping_moving_and_weaving_are_said_as_the_texts_say_them() {
        assert_eq!(
            in_written_words("在线监测的数据被动了手脚"),
            "在线监测的数据被弄虚作假"
        );
        assert_eq!(
            in_written_words("危废桶拉到河边一倒了事"),
            "危废桶拉到岸坡倾倒"
        );
        // The bank only where waste is dumped: an outfall by the river is not on its 岸坡.
        assert_eq!(
            in_written_words("厂里在河边挖了个排污口"),
            "厂里在河边设置排污口"
        );
        assert_eq!(
            in_written_words("固废放在河边涨水会淹到的地方"),
            "固废放在江河最高水位线以下的滩地和岸坡"
        );
        assert_eq!(
            in_written_words("治污设施能不能随便停用"),
            "污染防治设施能不能擅自闲置"
        );
        assert_eq!(
            in_written_words("能不能自己拆了或者放着不用"),
            "能不能擅自拆除或者闲置"
        );
        assert_eq!(
            in_written_words("饭店没装油烟净化器，能罚他多少"),
            "餐饮服务项目没装油烟净化设施，能罚款多少"
        );
        assert_eq!(
            in_written_words("有人在禁烧区烧落叶"),
            "有人在禁止焚烧的区域露天焚烧落叶"
        );
        assert_eq!(
            in_written_words("装溶剂的桶没在用的时候，能不能敞着口放"),
            "装VOCs物料的容器非取用状态，能不能不加盖、封口放"
        );
        assert_eq!(
            in_written_words("厂子整个搬到别的镇上去了，排污证还能接着用吗？"),
            "企业生产经营场所发生变化，排污证还能继续用吗？"
        );
        assert_eq!(
            in_written_words("厂子搬到隔壁县去了，环评要不要重新报批？"),
            "企业地点发生重大变动，环评是否重新报批？"
        );
        // Where to is said: the place stays.
        assert_eq!(in_written_words("搬到滨海工业区"), "搬到滨海工业区");
        assert_eq!(
            in_written_words("危废图便宜交给没证的小作坊去处理"),
            "危废提供或者委托给无许可证的单位去处理"
        );
        assert_eq!(
            in_written_words("锅炉烧的煤质量不合格"),
            "锅炉燃用不符合质量标准的煤炭"
        );
        assert_eq!(
            in_written_words("该填的排污登记表没填"),
            "需要填报的排污登记表未填报"
        );
        assert_eq!(
            in_written_words("只有几台普通织布机的织布厂"),
            "只有几台织机的织造厂"
        );
        assert_eq!(in_written_words("针织布"), "针织物");
        assert_eq!(in_written_words("普通柴油"), "普通柴油");
        assert_eq!(
            in_written_words("该往社会上公开的排污情况"),
            "应当向社会公开的污染物排放信息"
        );
    }

    #[test]
    fn written_words_and_look_alikes_are_left_alone() {
        for q in [
            "篡改监测数据的，罚款多少？",
            "修改数据要报告吗？",
            "新开发区的印染项目要做环评吗？",
            "有关部门应当怎么处理？",
            "排污许可证的有效期是几年？",
            "燃油锅炉的二氧化硫限值是多少？",
            "新建的蜡染厂和印染厂，氨氮执行多少？",
        ] {
            assert_eq!(in_written_words(q), q);
        }
    }

    #[test]
    fn wells_ponds_sewers_old_pollution_and_reports_turned_down_are_said_as_the_texts_say_them() {
        assert_eq!(
            in_written_words("自来水管网够用，厂里还能不能自己打井抽地下水？"),
            "公共供水管网能够满足用水需要，厂里还能不能通过自备取水设施取用地下水？"
        );
        assert_eq!(
            in_written_words("没批下来就自己从河里抽水用，罚多少？"),
            "未经批准擅自取水用，罚多少？"
        );
        assert_eq!(
            in_written_words("想把旁边一块河塘填掉盖车间"),
            "想把旁边一块水域占用建设"
        );
        assert_eq!(
            in_written_words("我们区的总量指标已经超了，环评还能批吗？"),
            "我们区的总量指标已经超过，环评还能批吗？"
        );
        assert_eq!(
            in_written_words("碎布头、废纸箱扔进小区的生活垃圾桶"),
            "固体废物、固体废物扔进小区的生活垃圾收集设施"
        );
        assert_eq!(
            in_written_words("能不能把我们的机器设备封了扣了？"),
            "能不能把我们的设备查封、扣押？"
        );
        assert_eq!(
            in_written_words("厂往污水管里排的水超标了，能不能把阀门关了？"),
            "厂向污水管网排放的水超标了，能不能把关闭阀门？"
        );
        assert_eq!(
            in_written_words("环保局在哪些情况下会不批我们厂的环评报告？"),
            "环保局在哪些情况下会不予批准我们厂的环评报告？"
        );
        // 批不批 asks whether, not why not.
        assert_eq!(in_written_words("环评还批不批？"), "环评还是否批准？");
        assert_eq!(
            in_written_words("在老厂区上扩建，以前留下的污染要不要一起治理？"),
            "在老厂区上扩建，原有环境污染是否治理？"
        );
        assert_eq!(
            in_written_words("环保设施跟生产线要做到哪几个同时？"),
            "环保设施与主体工程要做到同时设计、同时施工、同时投产使用？"
        );
        assert_eq!(
            in_written_words("技术评估机构向厂里收评估费"),
            "技术评估机构向厂里收取费用"
        );
        assert_eq!(
            in_written_words("名录里没写到的行业"),
            "名录里未作规定的行业"
        );
        assert_eq!(
            in_written_words("老厂里不合规的燃油锅炉到期了还不拆，罚多少？"),
            "现有企业里不符合规定的燃油锅炉未在规定的期限内拆除，罚多少？"
        );
        assert_eq!(
            in_written_words("厂里烧的煤，对煤里的哪些东西有要求？"),
            "厂里使用的煤炭，对煤炭中的哪些东西有要求？"
        );
        assert_eq!(
            in_written_words("大旱天河水达不到功能区要求"),
            "严重干旱水环境质量达不到功能区要求"
        );
        assert_eq!(
            in_written_words("被责令停产整顿了还开工，能不能停水停电？"),
            "被责令停产整顿决定，继续违法生产，能不能停止供水、供电？"
        );
        // 没批 alone stays 未经批准.
        assert_eq!(in_written_words("没批就开工"), "未经批准就开工");
    }

    #[test]
    fn lorries_sites_permits_and_a_waste_accident_are_said_as_the_texts_say_them() {
        assert_eq!(
            in_written_words("拉渣土、拉煤的车子上路要不要盖严实？"),
            "运输渣土、运输煤炭的车辆上路是否密闭？"
        );
        assert_eq!(
            in_written_words("盖新厂房时工地防扬尘的钱该谁出？"),
            "新建厂房时工地扬尘污染防治费用由谁承担？"
        );
        // 盖厂房 is no 盖厂 + 房.
        assert_eq!(
            in_written_words("在绍兴盖厂房，工地扬尘控制措施该由谁牵头来定？"),
            "在绍兴新建厂房，工地扬尘控制措施该由谁制定？"
        );
        assert_eq!(
            in_written_words("排污许可证上面都要写明哪些内容？"),
            "排污许可证上面都要载明哪些内容？"
        );
        assert_eq!(
            in_written_words("镇上的污水处理厂要接收我们厂的工业废水"),
            "城镇污水集中处理设施要接收我们厂的工业废水"
        );
        assert_eq!(
            in_written_words("污泥能不能堆在饮用水源保护区里面？"),
            "污泥能不能堆放在饮用水源保护区里面？"
        );
        assert_eq!(
            in_written_words("工业固废要跟环保局报哪些情况？"),
            "工业固废要跟环保局提供哪些资料？"
        );
        // 报哪些部门 asks where a plan is filed.
        assert_eq!(
            in_written_words("应急预案要报哪些部门备案？"),
            "应急预案要报哪些部门备案？"
        );
        assert_eq!(
            in_written_words("厂里机器吵，法律上要不要定个人专门对噪声负责？"),
            "厂里排放噪声，是否明确负责人对噪声负责？"
        );
        // An accident where hazardous waste is kept is the 意外事故 its holder plans for; a
        // works' accident at large is a 突发环境事件.
        assert_eq!(
            in_written_words("危废仓库万一出事故的应急预案要交到哪里备案？"),
            "危废仓库万一发生意外事故的应急预案要交到哪里备案？"
        );
        assert_eq!(
            in_written_words("厂里出事故了要报告谁？"),
            "厂里发生突发环境事件了要报告谁？"
        );
        assert_eq!(
            in_written_words("渗滤液至少多久测一次？"),
            "渗滤液至少监测频次多久？"
        );
        assert_eq!(in_written_words("每月监测一次"), "每月监测一次");
        assert_eq!(in_written_words("随便测一次"), "随便测一次");
        assert_eq!(
            in_written_words("危废能不能放进一般固废的堆场？"),
            "危废能不能进入一般固废的贮存场？"
        );
        assert_eq!(
            in_written_words("申请排污证的时候材料造假骗到了证"),
            "申请排污证的时候以欺骗手段取得排污许可证"
        );
        assert_eq!(
            in_written_words("只做纺丝、不做别的化纤厂"),
            "单纯纺丝、化纤厂"
        );
        assert_eq!(in_written_words("洗羊毛的厂"), "洗毛的厂");
        assert_eq!(
            in_written_words("往罐车里从上面灌有机溶剂，出料的管子口离罐底最多多高？"),
            "往罐车里顶部装载有机溶剂，出料的管口距离罐底部最多高度多少？"
        );
        assert_eq!(
            in_written_words("用完的溶剂空桶能不能敞着口堆在车间里？"),
            "用完的盛装过VOCs物料的废包装容器能不能不加盖、封口堆放在车间里？"
        );
        assert_eq!(
            in_written_words("染色用的助剂里VOCs占到百分之十以上，染色要在什么条件下做？"),
            "染色用的含VOCs产品里VOCs占到百分之十以上，染色要怎样操作？"
        );
        assert_eq!(
            in_written_words("小厂填的排污登记表，填一次管几年？"),
            "小厂填的排污登记表，有效期几年？"
        );
        assert_eq!(
            in_written_words("环保局来厂里检查，厂里要拿出哪些材料给他们看？"),
            "环保局来厂里检查，厂里要提供哪些材料？"
        );
        // 是否 is cut off a verb that would make 否 a word with it.
        assert_eq!(in_written_words("要不要定期监测"), "是否 定期监测");
    }

    #[test]
    fn complaints_reviews_permits_emergencies_and_waste_are_said_as_the_texts_say_them() {
        assert_eq!(
            in_written_words("打电话投诉厂里的废气，几天内要把处理结果告诉我？"),
            "电话投诉厂里的废气，几天内要把处理结果答复我？"
        );
        assert_eq!(
            in_written_words("员工举报了自己单位偷排废水，单位能不能因此和他解除劳动合同？"),
            "举报人举报所在单位偷排废水，单位能不能因此和他解除劳动合同？"
        );
        assert_eq!(in_written_words("他举报了自己的单位"), "他举报所在单位");
        assert_eq!(
            in_written_words("居民区边上能不能晚上施工？"),
            "噪声敏感建筑物集中区域边上能不能夜间施工？"
        );
        assert_eq!(
            in_written_words("新建高架经过居民小区"),
            "新建高架经过噪声敏感建筑物集中区域"
        );
        // Not without building works or traffic: a works' boundary next to housing.
        assert_eq!(
            in_written_words("挨着居民区的厂，白天噪声最多多少分贝？"),
            "挨着居民区的厂，昼间噪声最多多少分贝？"
        );
        assert_eq!(
            in_written_words("装过染料的桶能不能拿到河里去洗？废液能不能倒进河里？"),
            "装过染料的容器能不能在水体清洗？废液能不能向水体倾倒？"
        );
        assert_eq!(in_written_words("多久练一次？"), "多久演练？");
        assert_eq!(
            in_written_words("厂里的旧叉车排放超标修了还是不行"),
            "厂里的旧非道路移动机械排放超标经维修仍不符合排放标准"
        );
        assert_eq!(in_written_words("叉车要年检吗？"), "叉车要年检吗？");
        assert_eq!(
            in_written_words("货车没去做尾气检测，能不能上路？给树喷农药呢？"),
            "货车没去做排放检验，能不能上道路行驶？对树木喷洒农药呢？"
        );
        assert_eq!(
            in_written_words("对方乱倒出了事，我们厂要不要一起担责？打官司谁举证？"),
            "对方倾倒出了事，我们厂是否承担连带责任？诉讼谁举证？"
        );
        assert_eq!(
            in_written_words("固废交给别的公司去处理，签合同之前要先查他们什么？"),
            "固废委托他人去处理，签订书面合同之前要先核实他们什么？"
        );
        assert_eq!(
            in_written_words("污泥能不能随便找个地方倒掉？含铬的废渣能不能埋到地底下？"),
            "污泥能不能擅自倾倒？含铬的废渣能不能埋入地下？"
        );
        assert_eq!(
            in_written_words("原来放危废的房子想改成普通仓库用"),
            "原来贮存危险废物的场所想转作他用"
        );
        assert_eq!(
            in_written_words("危废能不能和一般的废料混在一起放？"),
            "危废能不能和非危险废物混入贮存？"
        );
        assert_eq!(
            in_written_words("挖个没做防渗的土坑来存有毒的废水"),
            "挖个无防渗漏措施的坑塘来贮存含有毒有害污染物的废水"
        );
        assert_eq!(in_written_words("废水可能流进河里"), "废水可能进入水体");
        assert_eq!(
            in_written_words("向排污的厂收污水处理费"),
            "向排污的厂收取污水处理费用"
        );
        assert_eq!(
            in_written_words("封场的堆场里的固废挖出来再利用"),
            "封场的贮存场里的固废开采再利用"
        );
        assert_eq!(
            in_written_words("装修公司超过规定时间施工扰民"),
            "装修公司未在限定作业时间内进行造成噪声污染"
        );
        assert_eq!(in_written_words("工地施工扰民"), "工地施工造成噪声污染");
        assert_eq!(
            in_written_words("煤堆在露天，没盖也没围起来，风一吹全是灰"),
            "露天贮存煤炭，未采取有效覆盖措施未设置严密围挡，扬尘污染"
        );
        assert_eq!(
            in_written_words("食堂的剩饭剩菜给了没资质的人拉走"),
            "食堂的厨余垃圾未交由具备相应资质条件的单位拉走"
        );
        assert_eq!(
            in_written_words("厂里噪声扰民，被责令改正后一直不改"),
            "厂里噪声污染，被责令改正后拒不改正"
        );
        assert_eq!(in_written_words("晚上开机扰民"), "夜间开机干扰他人正常生活");
        assert_eq!(
            in_written_words("厂门口的大灯箱晚上亮得刺眼，劝了不改"),
            "厂门口的大灯箱夜间光污染，拒不改正"
        );
        assert_eq!(
            in_written_words("把自己的排污证借给隔壁厂用"),
            "把自己的排污证转让给隔壁厂用"
        );
        assert_eq!(in_written_words("把钱借给隔壁厂"), "把钱借给隔壁厂");
        assert_eq!(
            in_written_words("广场舞的音响开得太大"),
            "广场舞的音响器材产生过大音量"
        );
        assert_eq!(
            in_written_words("在不让洗东西的水域里洗衣服，劝了还不听"),
            "在禁止水域里洗涤，拒不改正"
        );
        assert_eq!(
            in_written_words("生产低VOCs产品的厂家要做什么？"),
            "生产低VOCs产品的生产者要做什么？"
        );
        assert_eq!(
            in_written_words("厂区的地要改成住宅用地，改之前要做什么？"),
            "厂区的地要用途变更为居住，变更前要做什么？"
        );
        assert_eq!(
            in_written_words("淘汰下来的旧设备，能不能卖给别的厂？"),
            "淘汰下来的旧设备，能不能转让给他人？"
        );
        assert_eq!(
            in_written_words("检查时看到的工艺配方会不会被保密？"),
            "检查时看到的商业秘密是否被保密？"
        );
        assert_eq!(
            in_written_words("交上去以后多少天审完？"),
            "交上去以后多少日内完成审查？"
        );
        assert_eq!(
            in_written_words("这些义务要写进什么证里？"),
            "这些义务要记载在什么证里？"
        );
        assert_eq!(
            in_written_words("隔壁县的厂出了事，突发环境事件处置完了，政府要做什么？"),
            "相邻行政区域的厂出了事，突发环境事件应急处置工作结束后，政府要做什么？"
        );
        assert_eq!(
            in_written_words("厂里着火了，救火的时候对环境有什么要求？"),
            "厂里发生火灾事故，事故应急处置过程中对环境有什么要求？"
        );
        assert_eq!(
            in_written_words("危废能不能自己随便堆在空地上？运到外省去处置呢？"),
            "危废能不能擅自堆放在空地上？转移出省处置呢？"
        );
        assert_eq!(
            in_written_words("把周边污染得很厉害，要马上做什么？"),
            "把周边造成严重污染，要立即做什么？"
        );
        assert_eq!(
            in_written_words("扩建项目，老厂原来的污染问题在环评里没提出治理办法，能批吗？"),
            "扩建项目，项目原有环境污染在环评里未提出有效防治措施，能批吗？"
        );
    }
}
