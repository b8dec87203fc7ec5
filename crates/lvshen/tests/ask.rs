//! `lvshen ask` and `lvshen eval qa` as a user runs them, without the model (the model path
//! is tested in `lvshen-agent` and `lvshen-llm`): the JSON shape, the refusal exit code,
//! sessions for follow-ups, a checked filing as context, clear errors.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lvshen"))
        .env("NO_COLOR", "1")
        .env_remove("LVSHEN_MODEL")
        .env_remove("LVSHEN_CONFIG")
        .current_dir(workspace())
        .args(args)
        .args(["--no-model", "--data-dir", data.to_str().unwrap()])
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

#[test]
fn answers_in_the_documented_json_shape() {
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &["ask", "排污许可证有效期是几年？", "--format", "json"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["refused"], false);
    assert!(v["answer"].as_str().unwrap().contains('5'));
    let c = &v["citations"][0];
    for key in ["doc", "clause", "text", "source"] {
        assert!(c[key].is_string(), "citation has {key}: {v}");
    }
    assert!(c["doc"].as_str().unwrap().contains("排污许可管理条例"));
}

#[test]
fn refusal_exits_1_and_lists_the_closest_sources() {
    let data = tempfile::tempdir().unwrap();
    let out = run(data.path(), &["ask", "明天杭州的天气怎么样？"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("知识库中未找到依据"), "{text}");
}

#[test]
fn a_session_carries_follow_ups() {
    let data = tempfile::tempdir().unwrap();
    let session = data.path().join("session.json");
    let s = session.to_str().unwrap();
    let out = run(
        data.path(),
        &["ask", "印染企业直接排放总氮限值是多少？", "--session", s],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        data.path(),
        &["ask", "那间接排放呢？", "--session", s, "--format", "json"],
    );
    let v = json(&out);
    assert!(
        v["retrieval_query"].as_str().unwrap().contains("总氮"),
        "{v}"
    );
    let history: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    assert_eq!(history.as_array().unwrap().len(), 2);
    // A broken session file is named, not ignored.
    std::fs::write(&session, "{not json").unwrap();
    let out = run(data.path(), &["ask", "那呢？", "--session", s]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("会话文件"));
}

#[test]
fn a_filing_gives_its_findings_as_evidence() {
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &[
            "ask",
            "这份填报的间接排放限值为什么被标记？",
            "--filing",
            "tests/filings/err_water_indirect_limits.json",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert!(
        v["tools"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "explain_finding"),
        "{v}"
    );
    let bad = run(
        data.path(),
        &[
            "ask",
            "为什么？",
            "--filing",
            "tests/filings/invalid_syntax.json",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("无法读取"));
}

#[test]
fn the_evaluation_runs_and_reports() {
    let data = tempfile::tempdir().unwrap();
    let out = run(data.path(), &["eval", "qa", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert!(v["in_scope"].as_u64().unwrap() >= 39);
    assert_eq!(v["out_of_scope"], 12);
    assert_eq!(v["dangling_markers"], 0);
    assert_eq!(v["out_of_scope_refused"], 12, "{}", v["wrongly_answered"]);
    assert!(v["accuracy"].as_f64().unwrap() >= 0.85, "{}", v["accuracy"]);
}

/// A data directory with `../shared/reference` ingested, or `None` (and a note that the test
/// was skipped) where the reference texts are absent.
fn reference_data() -> Option<tempfile::TempDir> {
    let reference = workspace().join("../shared/reference");
    if !reference.is_dir() {
        eprintln!(
            "skipped: {} not present (reference texts are only in CI and developer checkouts)",
            reference.display()
        );
        return None;
    }
    let data = tempfile::tempdir().unwrap();
    let ingest = Command::new(env!("CARGO_BIN_EXE_lvshen"))
        .env("NO_COLOR", "1")
        .current_dir(workspace())
        .args(["ingest", reference.to_str().unwrap(), "--data-dir"])
        .arg(data.path())
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    Some(data)
}

/// A named article of a repealed law that the succession table does not map: its successor
/// is sought by the old article's own text, never the Code's article of the same number. A
/// term the old law defined is answered by the Code's article that took the definition over.
#[test]
fn an_unmapped_article_of_a_repealed_law_is_found_by_its_text() {
    let Some(data) = reference_data() else {
        return;
    };
    let out = run(
        data.path(),
        &[
            "ask",
            "《水污染防治法》第九十三条现在由法典哪一条规定？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    let answer = v["answer"].as_str().unwrap();
    assert!(answer.contains("未列入对照表"), "{answer}");
    let code: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["doc"] == "中华人民共和国生态环境法典")
        .map(|c| c["clause"].as_str().unwrap())
        .collect();
    assert!(!code.contains(&"第九十三条"), "{v}");
    // 水污染防治法第九十三条 (fines for no accident emergency plan, the old law's 应急方案,
    // the Code's 应急预案: no phrase the comparison of the texts could pair) is now in the
    // Code's liability part.
    assert!(
        code.first().is_some_and(|c| c.starts_with("第一千二百")),
        "{v}"
    );
    // A term the old law defined (环境保护法第二条 "本法所称环境，是指…") is answered by the
    // Code's article that carries that definition (法典第二条, now of 生态环境).
    let out = run(
        data.path(),
        &[
            "ask",
            "按照《环境保护法》，环境是指什么？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("自然因素"), "{v}");
    assert!(
        v["citations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["doc"] == "中华人民共和国生态环境法典" && c["clause"] == "第二条"),
        "{v}"
    );
}

/// A repealed law's article asked with "现在法典是哪一条" beside it: the succession sentence
/// answers which article, and the successor (法典第二百四十九条) is quoted, not an article on
/// burning sought for the words 哪一条. A revision of a law later than the text held is not
/// held; and a question set after a repeal ("…废止以后，执法证要不要重新考") asks no status.
#[test]
fn a_repealed_article_its_successor_and_revisions_not_held() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    let v = ask("大气污染防治法第八十条对产生恶臭气体的企业有什么要求？现在法典是哪一条？");
    assert_eq!(v["refused"], false, "{v}");
    let answer = v["answer"].as_str().unwrap();
    assert!(answer.contains("科学选址"), "{v}");
    assert!(!answer.contains("未找到依据"), "{v}");
    assert!(
        v["citations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["doc"] == "中华人民共和国生态环境法典" && c["clause"] == "第二百四十九条"),
        "{v}"
    );
    let v = ask("《环境影响评价法》2026年修正版第五条是怎么写的？");
    assert_eq!(v["refused"], true, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("2026年修正"), "{v}");
    let v = ask("环境保护法废止以后，环保执法人员的执法证要不要重新考？");
    assert_eq!(v["refused"], true, "{v}");
}

/// A document named by its issuing number is answered when a passage quotes that number
/// (工信部公告2017年第37号, in the digest of 印染行业规范条件), and refused by name when none
/// does: no other document's rule stands for it. So is a standard number typed in
/// full-width forms.
#[test]
fn a_document_named_by_its_issuing_number_is_held_only_when_quoted() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    let v = ask("绍兴市生态环境局2025年第3号公告对印染企业有什么要求？");
    assert_eq!(v["refused"], true, "{v}");
    assert!(
        v["answer"]
            .as_str()
            .unwrap()
            .contains("绍兴市生态环境局2025年第3号公告"),
        "{v}"
    );
    let v = ask("工信部公告2017年第37号规定印染项目不得建在哪里？");
    assert_eq!(v["refused"], false, "{v}"); // A standard number typed in full-width forms is read as printed: GB 4287-2025 is not held.
    let v = ask("ＧＢ４２８７－２０２５表２里间接排放ＣＯＤ限值是多少");
    assert_eq!(v["refused"], true, "{v}");
    assert!(
        v["answer"].as_str().unwrap().contains("GB 4287-2025"),
        "{v}"
    );
    // An edition the knowledge base names only as the one GB 4287-2012 replaced: nothing it
    // set is held, but what replaced it is.
    let v = ask("GB 4287-92 老标准里印染废水化学需氧量的直接排放限值是多少？");
    assert_eq!(v["refused"], true, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("GB 4287-92"), "{v}");
    let v = ask("GB 4287-92被哪个标准代替了？");
    assert_eq!(v["refused"], false, "{v}");
    assert!(
        v["answer"].as_str().unwrap().contains("GB 4287-2012"),
        "{v}"
    );
}

/// A named standard asked about what lies outside it: groundwater of the surface-water
/// standard, a stack's rate of the fugitive-emission standard, a hazardous-waste landfill's
/// liner thickness of the general-waste standard. Its own scope clause is still answered.
#[test]
fn a_standard_asked_outside_its_scope_is_refused() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    for q in [
        "GB 3838-2002 对地下水中氨氮的标准限值是多少？",
        "GB 37822-2019 对定型机排气筒VOCs的最高允许排放速率是多少？",
        "GB 18599-2020 对危险废物填埋场防渗层的厚度要求是多少？",
    ] {
        let v = ask(q);
        assert_eq!(v["refused"], true, "{q}: {v}");
    }
    let v = ask("GB 3838-2002 对地下水中氨氮的标准限值是多少？");
    assert!(v["answer"].as_str().unwrap().contains("地下水"), "{v}");
    // A named document that never speaks of the thing asked, in any of its passages.
    for (q, word) in [
        (
            "GB 13271-2014 对燃气轮机组氮氧化物的排放限值是多少？",
            "燃气轮机",
        ),
        (
            "《绍兴市大气污染防治条例》对杭州市餐饮油烟的排放有什么要求？",
            "杭州市",
        ),
        ("GB 4287-2012 对印染企业食堂油烟的排放限值是多少？", "食堂"),
        // A domain word (a pollutant the segmenter holds whole, untagged) is a thing too.
        ("GB 12348-2008对厂界臭气浓度有什么要求？", "臭气浓度"),
    ] {
        let v = ask(q);
        assert_eq!(v["refused"], true, "{q}: {v}");
        assert!(v["answer"].as_str().unwrap().contains(word), "{q}: {v}");
    }
    // A pollutant named in Latin letters, one of the domain's words in its Chinese name.
    let v = ask("《绍兴市水资源保护条例》对印染企业的VOCs排放有什么规定？");
    assert_eq!(v["refused"], true, "{v}");
    // A noun the pool holds (the Code's 尾矿库) but the named regulation never does.
    let v = ask("《浙江省曹娥江流域水环境保护条例》对流域内尾矿库的闭库有什么要求？");
    assert_eq!(v["refused"], true, "{v}");
    // The kind of thing asked for is no noun the document must name (持什么态度).
    let v = ask("《绍兴市水资源保护条例》对饮用水水源保护区内的单位和居民外迁持什么态度？");
    assert_eq!(v["refused"], false, "{v}");
    // A noun held by one of two named standards is held (污水: GB 8978, not GB 3838).
    let v = ask("按GB 8978-1996，排入GB 3838 IV类水域的污水执行几级标准？");
    assert_eq!(v["refused"], false, "{v}");
    // Named only to be put outside its scope: GB 4287-2012 sets nothing for 缫丝.
    let v = ask("缫丝厂的废水执行GB 4287-2012表2的哪一列限值？");
    assert_eq!(v["refused"], true, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("缫丝"), "{v}");
    // …but one it names in other words is found (包装桶: 包装工具(罐、桶…)).
    let v = ask("用库房或者包装桶贮存一般工业固体废物，适用GB 18599吗？");
    assert_eq!(v["refused"], false, "{v}");
    let v = ask("用库房和桶、包装袋贮存一般工业固体废物，贮存过程适用GB 18599-2020吗？");
    assert_eq!(v["refused"], false, "{v}");
    assert!(
        v["answer"].as_str().unwrap().contains("不适用本标准"),
        "{v}"
    );
}

/// A how-question whose best passage does not name what it asks how to act on is refused,
/// with that word in the message: 法典第二百九十一条 holds 危险化学品 and 安全生产 but says
/// nothing of a 许可证. So is a what-question whose best passage does not name the kind of
/// thing it asks for (什么证).
#[test]
fn a_question_about_something_no_passage_names_is_refused() {
    let Some(data) = reference_data() else {
        return;
    };
    let out = run(
        data.path(),
        &[
            "ask",
            "危险化学品安全生产许可证怎么办理？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    // Refused at the gate: no passage holds 安全生产许可证 (one term to the segmenter).
    assert_eq!(v["refused"], true, "{v}");
    // A how-question on what the passages do name is still answered.
    let out = run(
        data.path(),
        &["ask", "排污许可证怎么申请？", "--format", "json"],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    // A what-question that names its kind of thing (证), when the best passage does not.
    let out = run(
        data.path(),
        &[
            "ask",
            "印染厂的污水处理工需要持什么证上岗？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], true, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("“证”"), "{v}");
    let out = run(
        data.path(),
        &[
            "ask",
            "转移危险废物应当填写、运行什么单据？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    // A standard's number is found wherever the standard is spoken of: what is asked of it
    // (纸质版) must be found too.
    // So must the thing a where-question asks the place of (地址), and the thing the asked
    // clause says must be done with (正本), when no text names it; a compound the texts say
    // in parts (化工企业) is named.
    for (q, refused) in [
        ("GB 8978-1996的纸质版在哪里能买到？", true),
        ("GB 8978-1996规定第一类污染物在哪里采样？", false),
        ("绍兴市曹娥江保护管理机构的办公地址在哪里？", true),
        ("排污许可证正本要挂在厂里什么位置？", true),
        // Where to: GB 12348 5.1.2 says instruments are verified, not where.
        ("测噪声的仪器要送到哪里去检定？", true),
        // A count in a unit no passage counts (册), a ranking of districts by speed.
        ("环评报告书交上去，要装订成几册？", true),
        ("绍兴哪个区的环评审批最快？", true),
        // An A-not-A question's verb (招) that the best passage never says.
        ("柯桥的印染厂现在还招不招染色工？", true),
        // Where to buy: a seller, which no rule on making fans names.
        ("污水站的罗茨风机坏了，配件去哪里买？", true),
        // A height no passage states, a licence no text rules on.
        ("施工工地的围挡至少要做多高？", true),
        ("施工单位要有安全生产许可证吗？", true),
        (
            "生产和使用有机溶剂的石油、化工企业要怎样减少物料泄漏？",
            false,
        ),
    ] {
        let v = json(&run(data.path(), &["ask", q, "--format", "json"]));
        assert_eq!(v["refused"], refused, "{q}: {v}");
    }
    // A table's row named by its class is quoted, though the note under the table holds
    // more of the question's words.
    let q = "我们厂在1类声环境功能区，晚上厂界噪声最多能到多少分贝？";
    let v = json(&run(data.path(), &["ask", q, "--format", "json"]));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("55/45"), "{v}");
}

/// A fine asked in a story with two words no article says (厂里, 河边): the article on
/// setting up an outfall (法典第一千一百零九条) is found by the terms the story leaves.
#[test]
fn a_fine_asked_in_a_story_is_found_past_its_story_words() {
    let Some(data) = reference_data() else {
        return;
    };
    let out = run(
        data.path(),
        &[
            "ask",
            "厂里自己在河边偷偷挖了个排污口，罚多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第一千一百零九条", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("二万元"), "{v}");
    // Discharging before the permit was obtained: the article on 未依法取得排污许可证, not the
    // one on a permit 取得 by deceit.
    let out = run(
        data.path(),
        &[
            "ask",
            "我们厂还没拿到排污许可证就开始排污了，法典规定罚多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第一千一百零二条", "{v}");
    // A part of the Code asked whether it covers a thing: its own scope article (本分编 is
    // 第三分编水污染防治), not the marine part's.
    let out = run(
        data.path(),
        &[
            "ask",
            "法典里水污染防治那一分编，管不管海洋污染的防治？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第二百九十六条", "{v}");
    // Scraps dumped in a gully: the article that fines 擅自倾倒…固体废物, not one on a
    // principal's 连带责任 (no fine) nor one on radioactive waste (another kind of thing).
    let out = run(
        data.path(),
        &[
            "ask",
            "厂里的边角料和废布头偷偷拉到山沟里倒掉了，罚多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第一千一百六十九条", "{v}");
    assert!(
        v["answer"]
            .as_str()
            .unwrap()
            .contains("十万元以上一百万元以下"),
        "{v}"
    );
    // Two words of equal weight, each held by one article and not the other (企业 by the
    // article on a car maker's 排放检验信息, 污染物 by the one on 污染物排放信息): both are
    // weighed, and the article on another kind of thing (机动车) does not answer.
    let out = run(
        data.path(),
        &[
            "ask",
            "该往社会上公开的排污情况厂里没公开，罚多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第一千一百一十条", "{v}");
    // Spoken words for a water source's markers and the waste kept out of it: the rules of
    // 浙江省水污染防治条例, whose 固体废弃物 is the Code's 固体废物.
    for (q, clause, fact) in [
        (
            "水源保护区边上那块界碑被我们厂的叉车撞歪了，自己偷偷挪回去行不行？",
            "第十四条",
            "擅自移动",
        ),
        (
            "厂里想把碎布料暂时堆到水源保护区里面那块空地上，可以吗？",
            "第十五条",
            "禁止堆放",
        ),
        (
            "运染料的货船上的厕所污水，能不能直接排到河里？",
            "第二十七条",
            "不得向水体排放",
        ),
        // A deed told, then judged with a bare tail (有没有问题, 合规吗).
        (
            "危废和生活垃圾堆在同一个仓库里，有没有问题？",
            "第五百三十五条",
            "混入非危险废物",
        ),
        (
            "在线监测的数据让运维公司改一改再传上去，合规吗？",
            "第八十条",
            "弄虚作假",
        ),
        ("燃气锅炉的烟囱只做了6米高，合规吗？", "4.5", "8 m"),
        // Fines asked of a story: an accident not reported, a works the area's list forbids
        // (an article that holds one word less than the digest on the list, and sets a fine).
        (
            "厂里出了泄漏事故，怕挨罚就没上报，被查出来要罚多少？",
            "第一千二百三十七条",
            "五万元以上五十万元以下",
        ),
        (
            "那块地在生态环境准入清单里是不让建染厂的，我们硬是建了，罚多少？",
            "第一千二百三十四条",
            "五十万元以上五百万元以下",
        ),
        // Inspectors kept at the gate; a permit's standard made stricter.
        (
            "环保局的人来厂里查，我们把人堵在门口不让进，单位要罚多少？",
            "第一千二百二十九条",
            "五万元以上二十万元以下",
        ),
        (
            "国家的排放标准变严了，我们手上的排污证要不要跟着改？",
            "第十六条",
            "变更",
        ),
        // A negation is no part of a word the segmenter missed (煤, 没: not 煤没); a smell
        // kept in; a day word that dates the deed, not what is asked; an emergency outlet.
        (
            "锅炉房煤棚里堆的煤没做防燃措施，被查到了罚多少？",
            "第一千一百三十条",
            "一万元以上十万元以下",
        ),
        (
            "定型机车间臭味很大，厂里一直没采取什么办法防臭，罚多少？",
            "第一千一百三十条",
            "恶臭气体",
        ),
        (
            "我们厂是土壤污染重点监管单位，今年的有毒有害物质排放情况一直没报，叫改也不改，罚多少？",
            "第一千一百六十六条",
            "二万元以上十万元以下",
        ),
        (
            "明明没什么紧急情况，厂里把应急排放的口子打开往外排水，被抓到罚多少？",
            "第一千一百零八条",
            "十万元以上一百万元以下",
        ),
        (
            "有人把在线监测的采样管偷偷拔出来插到清水桶里，这算什么行为？",
            "第八十条",
            "干扰采样",
        ),
        // The firm's fraud in its EIA work (建设项目环境保护管理条例第二十五条), not the
        // acceptance report of 第二十三条; the branch the question names (尚不构成犯罪).
        (
            "做环评的公司在写报告的时候弄虚作假，按建设项目环境保护管理条例怎么罚？",
            "第二十五条",
            "1倍以上3倍以下",
        ),
        (
            "按建设项目环境保护管理条例，环保局的工作人员玩忽职守、还没构成犯罪的，怎么处理？",
            "第二十六条",
            "行政处分",
        ),
    ] {
        let v = json(&run(data.path(), &["ask", q, "--format", "json"]));
        assert_eq!(v["refused"], false, "{v}");
        assert_eq!(v["citations"][0]["clause"], clause, "{v}");
        assert!(v["answer"].as_str().unwrap().contains(fact), "{v}");
    }
    assert!(
        v["answer"]
            .as_str()
            .unwrap()
            .contains("二万元以上二十万元以下"),
        "{v}"
    );
}

/// A how-long or how-deep question is answered only by a passage that states a period or a
/// length: "不得超过一年" answers how long hazardous waste may be kept; a passage on the
/// approval date that makes a source new (GB 16297 6.3) or on 纳污管道 (GB 4287 3.9) does not
/// answer how long a report takes or how deep a pipe is laid, and the question is refused.
#[test]
fn a_period_or_a_length_is_answered_only_by_a_passage_that_states_one() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    let v = ask("危险废物贮存最长能放多长时间？");
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第五百三十五条", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("一年"), "{v}");
    for q in [
        "一本环评报告书一般要做多久才能做完？",
        "印染厂的污水管道要埋多深？",
        // What is measured in practice, which a limit (DB33/962 表1) does not record.
        "印染厂定型机废气里的油烟浓度一般实测有多高？",
        // A licence no passage found names (GB 4287's note on 单独收集 does not).
        "厂里的污水处理站要不要单独办营业执照？",
        // What is asked whether to do, which no text names (an article on 现场检查 holds
        // the scene's words).
        "环保局的人来厂里检查，要不要留他们吃饭？",
    ] {
        let v = ask(q);
        assert_eq!(v["refused"], true, "{q}: {v}");
    }
}

/// What works meet in practice or what happened, which no rule records: a cost, a typical
/// level, a share, a trend, a judgement of kinds, a story no text speaks of. Each is refused,
/// though its words are the texts' own.
#[test]
fn a_cost_a_share_or_a_trend_is_answered_only_by_a_passage_that_states_one() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    for q in [
        "锅炉改烧天然气以后，一吨蒸汽的成本会高多少？",
        "退浆废水的COD一般有多高？",
        "绍兴印染企业的废水排放量占全市工业废水排放量的多少？",
        "曹娥江流域的印染企业这几年是多了还是少了？",
        "哪种染料的印染废水最难处理？",
        "我们厂的商标被别人抢注了，该去找哪个部门？",
        // What a what-is question asks for and an hour, which the article that sets up the
        // platform (排污许可管理条例第四条) names neither.
        "全国排污许可证管理信息平台的网址是什么？",
        "排污许可证申请系统晚上几点关闭？",
        // What a yes-no question asks whether of (原件), and a licence by its Latin name
        // (CA证书, not the 证书编号 of 排污许可证), which no passage names.
        "环评批复下来以后，原件要不要自己去环保局拿？",
        "网上申请排污许可证要不要先办CA证书？",
        // Events, and a comparison with a province whose rules no text is of.
        "2023年柯桥出过哪些印染废水污染事故？",
        "绍兴印染厂的环保要求比江苏那边严还是松？",
        // An area, which a width is not; a choice of which the passage names neither side.
        "曹娥江流域水环境重点保护区的面积有多大？",
        "排污许可证年度执行报告是寄纸质的还是发邮件？",
        // A difference no passage states.
        "浙江省对印染企业的要求比国家标准严多少？",
        // A year and a place to download, which no passage found gives.
        "全国排污许可证管理信息平台是哪一年上线的？",
        "GB 4287-2012的编制说明在哪里可以下载？",
        // Who drafted a text: the article on who oversees permits (第三条) says no drafting.
        "排污许可管理条例是哪个部门负责起草的？",
        // A number to dial asked by which telephone, which the article on who takes the
        // calls does not give.
        "隔壁厂晚上机器吵，打哪个电话投诉最快？",
        // A choice, one side of it in spoken words only (自己去拿), the other (寄到厂里) not
        // named by the article on the water permit.
        "取水许可证批下来以后，是寄到厂里还是要自己去拿？",
        // A fee's amount, which the article that makes the fee due does not state.
        "在绍兴，工业用水的水资源费一吨收多少？",
        // A typical value and a size in 号, which no passage found states.
        "印染废水的B/C比一般在多少？",
        "环评报告书的正文要用几号字？",
        // What a may-we question asks to do, of which a word no text holds (英文).
        "环评报告表可不可以全部用英文写？",
        // A pollutant a named standard sets no limit for: not another pollutant's value (the
        // table's others), nor a catalogue's entry that names it.
        "锅炉大气污染物排放标准对燃气锅炉的一氧化碳排放限值是多少？",
        "GB 16297-1996里二噁英的最高允许排放浓度是多少？",
        "GB 4287-2012对壬基酚的排放限值是多少？",
        "定型机废气里二噁英的排放限值是多少？",
        // A limit's value, which an article fining 含量超标 does not state.
        "印染污泥里重金属含量的限值是多少？",
        // What a whether-clause asks of (房价), which no text names, beside its verb and place
        // (影响, 周边) that an article on 干洗 holds.
        "印染厂排放的废气会不会影响周边房价？",
        // The quantity of a thing (限额) the best passage does not name, though another text
        // does: a review digest's 综合能耗 gives none.
        "纺织企业的单位产品能耗限额是多少？",
        // A year to come, which the standard's foreword does not speak of: a forecast.
        "2040年国家会不会出新的纺织染整工业水污染物排放标准？",
        // The same asked in spoken words.
        "印染厂废水里的大肠杆菌不能超过多少？",
        // …of a substance a catalogue's entry names with no value (甲醛 in a resin's name).
        "印染厂出厂的婴幼儿服装面料，甲醛含量不能超过多少？",
    ] {
        let v = ask(q);
        assert_eq!(v["refused"], true, "{q}: {v}");
    }
    // A cost asked as a rule's subject is answered.
    let v = ask("污水处理费征收标准和补偿范围应当覆盖哪些成本？");
    assert_eq!(v["refused"], false, "{v}");
}

/// Why a text was made is what its first article says (为了…，制定本条例); another reason
/// is asked of a passage that states one, or of a rule that imposes what is asked why.
#[test]
fn why_a_text_was_made_is_its_first_article_and_another_why_needs_a_reason() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    for (q, doc, fact) in [
        (
            "国家为什么要制定排污许可管理条例？",
            "排污许可管理条例",
            "加强排污许可管理",
        ),
        (
            "建设项目环境保护管理条例的立法目的是什么？",
            "建设项目环境保护管理条例",
            "防止建设项目产生新的污染",
        ),
    ] {
        let v = ask(q);
        assert_eq!(v["refused"], false, "{q}: {v}");
        let first = &v["citations"][0];
        assert!(first["doc"].as_str().unwrap().contains(doc), "{q}: {v}");
        assert_eq!(first["clause"], "第一条", "{q}: {v}");
        assert!(v["answer"].as_str().unwrap().contains(fact), "{q}: {v}");
    }
    // A plan's targets (a digest on clustering) state no reason.
    let v = ask("为什么绍兴的印染企业都要集中到滨海工业区去？");
    assert_eq!(v["refused"], true, "{v}");
    // An article named and nothing else asked: the article that carries it is quoted, not
    // an empty quote.
    let v = ask("环境保护法第一条是怎么规定的？");
    let quoted = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clause"] == "第一条")
        .unwrap_or_else(|| panic!("{v}"));
    assert!(quoted["text"].as_str().unwrap().contains("为了"), "{v}");
}

/// A term's meaning asked of a scene ("扩建要连夜浇混凝土，晚上几点到几点算夜间") is answered by
/// the article that defines it, whatever the scene's words; a worker who reports the works is
/// the Code's 举报人 of their own unit.
#[test]
fn a_term_asked_of_a_scene_is_defined_and_a_worker_who_reports_is_a_whistle_blower() {
    let Some(data) = reference_data() else {
        return;
    };
    let ask = |q: &str| json(&run(data.path(), &["ask", q, "--format", "json"]));
    for (q, clause, fact) in [
        (
            "我们厂扩建要连夜浇混凝土，晚上几点到几点算夜间？",
            "第五百七十二条",
            "晚上十点至次日早晨六点",
        ),
        (
            "车间有个工人向环保局举报厂里偷排，厂里能不能因为这个跟他解除劳动合同？",
            "第一百四十六条",
            "不得以解除",
        ),
        // A works extended next to homes, asked of its noise in spoken words: the Code's
        // article on 噪声敏感建筑物集中区域.
        (
            "厂里要在居民区边上再扩建一个车间，机器声音大，法典对我们有啥要求？",
            "第五百六十六条",
            "采取有效措施",
        ),
        // Whether a thing is one (算…吗, 算不算) and which things a term covers (指的是哪些):
        // the term's definition.
        (
            "隔壁厂半夜机器响个不停，吵得人睡不着，这种情况算噪声污染吗？",
            "第五百四十七条",
            "干扰他人正常生活",
        ),
        (
            "法典里讲的噪声敏感建筑物，指的是哪些房子？",
            "第五百五十三条",
            "医疗卫生",
        ),
        // A works' scraps and a housing estate's bins; machines sealed and seized.
        (
            "厂里的碎布头、废纸箱能不能直接扔进旁边小区的生活垃圾桶？",
            "第四百八十九条",
            "生活垃圾收集设施",
        ),
        (
            "厂里偷排被抓到了，环保局能不能把我们的机器设备封了扣了？",
            "第五十二条",
            "查封、扣押",
        ),
    ] {
        let v = ask(q);
        assert_eq!(v["refused"], false, "{q}: {v}");
        let first = &v["citations"][0];
        assert!(
            first["doc"].as_str().unwrap().contains("生态环境法典"),
            "{q}: {v}"
        );
        assert_eq!(first["clause"], clause, "{q}: {v}");
        assert!(v["answer"].as_str().unwrap().contains(fact), "{q}: {v}");
    }
    // Figures filled in at will in an acceptance check: 弄虚作假, which the regulation on
    // construction projects says of 验收.
    let v = ask("环保设施验收的时候，监测数据能不能随便填一填应付过去？");
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["doc"], "建设项目环境保护管理条例", "{v}");
    assert_eq!(v["citations"][0]["clause"], "第十七条", "{v}");
    // A works shut for months, asked of its permit's report (排污许可管理条例第二十二条).
    let v = ask("厂里停了好几个月没开工，排污证的执行报告里要写点啥？");
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第二十二条", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("停产"), "{v}");
    // Who checks a new works' controls: the article that says who, not a standard's scope
    // clause that lists 竣工验收 among the procedures it is used in.
    let v = ask("新厂子建好了要投产，环保设施验收是我们自己搞，还是等环保局来搞？");
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第十七条", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("建设单位"), "{v}");
}

/// Past approvals on 蜡染 projects that repeat the question's words (新建, 废水, 直排, 氨氮) fill
/// the search's first page: the rules are looked up on their own, and GB 4287 answers.
#[test]
fn approvals_that_fill_the_pool_do_not_hide_the_standard() {
    let Some(data) = reference_data() else {
        return;
    };
    let out = run(
        data.path(),
        &[
            "ask",
            "我们厂是新建的，废水直排的话氨氮最多能排多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    let cites_standard = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["doc"].as_str().unwrap_or_default().contains("纺织染整"));
    assert!(cites_standard, "{v}");
}

/// A who-question's act ("具体办法由谁规定") may be said by the sentence after the rule that
/// holds the question's other words: the quote brings that sentence, which names the doer.
#[test]
fn a_who_question_is_quoted_with_the_sentence_that_names_the_doer() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "浙江对饮用水水源保护区和江河上游地区的水环境生态保护补偿，具体办法由谁规定？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "第二十二条", "{v}");
    assert!(
        v["answer"].as_str().unwrap().contains("由省人民政府规定"),
        "{v}"
    );
}

/// A passage on another medium than the one asked (GB 18599 10.3.3 on 地下水, which shares
/// the question's other words) gives way to the clause on the medium asked (10.6.4 on 土壤).
#[test]
fn a_passage_on_another_medium_gives_way_to_the_one_asked() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "固废填埋场运行期间，周边土壤一般多久测一次？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "10.6.4", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("3 年"), "{v}");
}

#[test]
fn a_question_in_spoken_words_is_answered_from_the_standard() {
    // "新上的烧油锅炉…最多能排多少": no passage says 新上, 烧油 or 最多能排; the standard says
    // 新建 and 燃油锅炉 (GB 13271 表2). Refused before the spoken words were put in its words.
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &[
            "ask",
            "新上的烧油锅炉，氮氧化物最多能排多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("250"), "{v}");
    assert!(
        v["citations"][0]["doc"]
            .as_str()
            .unwrap()
            .contains("GB 13271"),
        "{v}"
    );
}

#[test]
fn an_indirect_limit_is_quoted_with_the_amendment_that_changed_it() {
    // GB 4287 表2 says 200 for indirect COD; its 2015 amendment says that water going to a
    // municipal works meets the direct limit (note 3) and that a park's separate
    // pretreatment takes 500 (note 4): the table row alone would mislead.
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &[
            "ask",
            "新建印染企业间接排放化学需氧量限值是多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["refused"], false, "{v}");
    let answer = v["answer"].as_str().unwrap();
    for fact in ["200", "500", "执行直接排放限值"] {
        assert!(answer.contains(fact), "{fact}: {v}");
    }
    let clauses: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["clause"].as_str().unwrap())
        .collect();
    assert_eq!(clauses, ["表2", "注(3)", "注(4)", "注(5)"], "{v}");
    // The direct column alone: the notes on the indirect one are not quoted.
    let out = run(
        data.path(),
        &[
            "ask",
            "新建印染企业直接排放化学需氧量限值是多少？",
            "--format",
            "json",
        ],
    );
    let v = json(&out);
    assert!(v["answer"].as_str().unwrap().contains("80"), "{v}");
    assert_eq!(v["citations"].as_array().unwrap().len(), 1, "{v}");
}

/// A case split asked in two parts ("一般…？按特别控制要求呢？"): the special clause (6.2.3)
/// holds every word of the general part but 一般, and outranks the general clause (6.2.2);
/// each part gets its own clause, the general one first.
#[test]
fn the_general_and_the_special_requirement_are_quoted_each_from_its_clause() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "装载挥发性有机液体排出来的废气，一般要求处理效率不低于多少？按特别控制要求呢？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "6.2.2", "{v}");
    assert_eq!(v["citations"][1]["clause"], "6.2.3", "{v}");
    let answer = v["answer"].as_str().unwrap();
    assert!(answer.contains("80%") && answer.contains("90%"), "{v}");
}

/// A case split asked as a question and a follow-up by ellipsis: "…一般卡多少？在重点地区呢？"
/// is the new boilers' table (表2, 50) and the special limits' (表3, 30); "…在用…？新装的呢？"
/// is 表1 (300) and 表2 (200). Before, 一般 was taken for the pollutant the limit is of (a
/// refusal), and 新装的呢 was scored on 在用 and answered by 表1 alone.
#[test]
fn a_follow_up_by_ellipsis_asks_the_first_question_of_the_other_case() {
    let data = tempfile::tempdir().unwrap();
    for (question, first, second) in [
        (
            "新上的烧煤锅炉，颗粒物一般卡多少？在重点地区呢？",
            "表2",
            "表3",
        ),
        (
            "用了多年的烧油锅炉，二氧化硫卡多少？新装的呢？",
            "表1",
            "表2",
        ),
    ] {
        let v = json(&run(data.path(), &["ask", question, "--format", "json"]));
        assert_eq!(v["refused"], false, "{v}");
        assert_eq!(v["citations"][0]["clause"], first, "{v}");
        assert_eq!(v["citations"][1]["clause"], second, "{v}");
    }
}

/// A regulation still in force whose ground the Code now also covers (建设项目环境保护管理条例
/// 第九条 → 法典第一百零二条, the succession table's companions): from the Code's effective
/// date the answer quotes the Code's article beside the regulation's, when it quotes the part
/// the Code carries.
#[test]
fn a_regulation_article_is_quoted_with_the_code_article_that_now_covers_it() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "建设项目的报告书交上去，环保局多少天内要作出审批决定？报告表呢？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    let cited: Vec<(String, String)> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["doc"].as_str().unwrap().to_owned(),
                c["clause"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        cited
            .iter()
            .any(|(d, c)| d.contains("生态环境法典") && c == "第一百零二条"),
        "{v}"
    );
    assert!(
        cited
            .iter()
            .any(|(d, c)| d.contains("建设项目环境保护管理条例") && c == "第九条"),
        "{v}"
    );
}

/// A follow-up that states a size ("…新建燃煤锅炉房总容量3吨的呢") is answered by the row of
/// its size class (GB 13271 表4: 2~<4 t/h, 30 m), not by 4.5, which sends to the table and
/// holds a "3 m" of its own.
#[test]
fn a_follow_up_that_states_a_size_is_answered_by_the_row_of_its_class() {
    let data = tempfile::tempdir().unwrap();
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "燃油锅炉的烟囱最低多高？新建燃煤锅炉房总容量3吨的呢？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    let clauses: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["clause"].as_str().unwrap())
        .collect();
    assert!(clauses.contains(&"4.5") && clauses.contains(&"表4"), "{v}");
    assert!(v["answer"].as_str().unwrap().contains("30 m"), "{v}");
}

/// A how-long question is answered only by a period stated where the passage speaks of what
/// is asked: 建设项目环境保护管理条例第九条's 60日 is the term for a 报告书, and its sentence
/// on the 登记表 (备案, 网上…信息公开) states none. So "登记表备案以后多久网上查到" is refused.
#[test]
fn a_period_stated_of_another_thing_does_not_answer_how_long() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "环境影响登记表备案以后，多久能在网上查到？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], true, "{v}");
    // The period of a 报告书, stated in the article's own sentence on it, still answers.
    let v = json(&run(
        data.path(),
        &["ask", "环评报告书审批期限是多少天？", "--format", "json"],
    ));
    assert_eq!(v["refused"], false, "{v}");
}

/// A how-much question on a thing the best passage names only among things to be recorded
/// (GB 37822 10.4: 运行时间、…、吸收液 pH 值等关键运行参数) gets no value from it: refused.
/// The list question on those records is answered with the whole sentence (its PDF wraps
/// after "pH").
#[test]
fn a_thing_listed_to_be_recorded_has_no_value_given() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "VOCs废气处理设施的吸收液pH值应该控制在多少？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], true, "{v}");
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "VOCs处理设施的台账要记哪些运行维护信息？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(
        v["answer"].as_str().unwrap().contains("关键运行参数"),
        "{v}"
    );
}

/// "…采样费用由谁出": the thing a who-question asks who acts on must be named by the passage
/// (GB 4287 6.2 speaks of 即时采样, never of its 费用): refused. And the kind word that
/// restates the things named before it ("洗毛和麻脱胶这些工序") is not asked of the named
/// standard: GB 4287 3.1 answers without the word 工序.
#[test]
fn a_who_question_needs_its_thing_and_a_restating_kind_is_no_term() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "环保部门来厂里即时采样，采样费用由谁出？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], true, "{v}");
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "洗毛和麻脱胶这些工序，算不算GB 4287说的纺织染整？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("不含洗毛"), "{v}");
}

/// "…被责令改正后一直不改，环保部门可以对设备采取什么措施": the measures an authority may take
/// (法典第五百六十二条: 可以依法查封、扣押…设备), not the penalty for the wrong the story
/// names (第一千一百八十四条's 罚款).
#[test]
fn a_question_on_an_authority_s_measures_is_answered_by_its_power() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "厂里噪声扰民，被责令改正后一直不改，环保部门可以对设备采取什么措施？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("扣押"), "{v}");
    assert_eq!(v["citations"][0]["clause"], "第五百六十二条", "{v}");
    // Asked in a repealed law's words: its 第二十五条's power, now the Code's 第五十二条, not
    // 第一千零六十二条's discipline of officials who 违法查封、扣押.
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "按照《环境保护法》，企业违法排放污染物造成严重污染的，生态环境部门可以采取什么措施？",
            "--format",
            "json",
        ],
    ));
    let cited: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["clause"].as_str())
        .collect();
    assert!(cited.contains(&"第五十二条"), "{v}");
    assert!(!cited.contains(&"第一千零六十二条"), "{v}");
}

/// "…排进的城镇下水道，那边还没建二级污水处理厂，按GB 8978执行几级": a works' 下水道 is GB 8978
/// 4.1's 城镇排水系统. Asked what 甲醛 may be let into such a sewer, 4.1 (the class, no 甲醛)
/// is no answer: the amount of a pollutant is given only by a passage that names it.
#[test]
fn a_sewer_is_the_standards_drainage_system_and_a_pollutant_s_amount_needs_the_pollutant() {
    let data = tempfile::tempdir().unwrap();
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "我们的污水排进的城镇下水道，那边还没建二级污水处理厂，按GB 8978执行几级标准？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("一级或二级"), "{v}");
    assert_eq!(v["citations"][0]["clause"], "4.1", "{v}");
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "按GB 8978，甲醛排进有二级污水处理厂的城镇下水道，最多能排多少？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], true, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("甲醛"), "{v}");
}

/// A works' story before what it asks: the year the story is set in ("老板说明年把燃煤锅炉换成
/// 燃气锅炉") does not make a standard's minimum a forecast, and 至少 asks the standard's 不低于;
/// the class a scene names ("厂在2类声环境功能区") picks the table's row though no search on its
/// own word (2, 类) finds a text.
#[test]
fn a_story_s_year_and_class_are_the_scene_of_what_a_standard_sets() {
    let data = tempfile::tempdir().unwrap();
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "我们是柯桥一家做涤纶染色的厂，老板说明年把燃煤锅炉换成燃气锅炉，新锅炉的烟囱至少要多高？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("8 m"), "{v}");
    assert_eq!(v["citations"][0]["clause"], "4.5", "{v}");
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "厂在2类声环境功能区，边上就是居民楼，晚上十点以后车间还在开机，厂界噪声最多能到多少分贝？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("2类60/50"), "{v}");
}

/// A story that names a standard by its number ("…按GB 4287这算不算超标，限值是多少") is
/// answered from that standard's table, not from past approvals that restate its limits in a
/// works' words and hold more of the story's (环评, 批, 环保局, 排口).
#[test]
fn a_standard_named_by_number_in_a_story_goes_before_approvals() {
    let data = tempfile::tempdir().unwrap();
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "我们厂的环评是2014年批的，污水处理后直接排进河里，上个月环保局来抽测总排口化学需氧量是90mg/L，按GB 4287这算不算超标，限值是多少？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("80/200"), "{v}");
    assert!(
        v["citations"][0]["doc"]
            .as_str()
            .unwrap()
            .contains("纺织染整工业水污染物排放标准"),
        "{v}"
    );
}

/// A case's own value meets a passage's condition: "排气筒只有12米高" is GB 16297 7.4's 确需低于
/// 15 m的 (外推…再严格50%), not 表2's rates from 15 m up that hold more of the question's words.
#[test]
fn a_case_s_stated_value_finds_the_clause_whose_condition_it_meets() {
    let Some(data) = reference_data() else {
        return;
    };
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "我们新上的定型机排气筒只有12米高，按GB 16297，它的排放速率怎么定？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert_eq!(v["citations"][0]["clause"], "7.4", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("外推"), "{v}");
    // A table's range: 4 t/h falls in GB 13271 表4's 4～＜10 t/h row (35 m), which 4.5 only
    // refers to (按表 4规定执行).
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "我们厂的燃煤锅炉房一共装了两台4吨/小时的锅炉，是2014年以后新建的，烟囱最低要多高？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["citations"][0]["clause"], "表4", "{v}");
    assert!(v["answer"].as_str().unwrap().contains("35 m"), "{v}");
}

/// "…烟囱周围150米内有一栋20米高的办公楼，烟囱至少要比办公楼高多少": a works' 办公楼 is the 建筑物
/// a stack must rise above (GB 13271 4.5: 烟囱应高出最高建筑物3 m以上).
#[test]
fn an_office_block_near_a_stack_is_the_standards_building() {
    let data = tempfile::tempdir().unwrap();
    let v = json(&run(
        data.path(),
        &[
            "ask",
            "新建的锅炉房烟囱周围150米内有一栋20米高的办公楼，烟囱至少要比办公楼高多少？",
            "--format",
            "json",
        ],
    ));
    assert_eq!(v["refused"], false, "{v}");
    assert!(v["answer"].as_str().unwrap().contains("3 m以上"), "{v}");
}
