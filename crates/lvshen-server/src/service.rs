//! The services behind the handlers: checking a filing (rules + siting), the reviewer's
//! draft opinion, similar approvals, clause lookup.

use lvshen_filing::{Filing, Issue, Report, Severity, parse_filing};
use lvshen_search::{Hit, SearchRequest};
use lvshen_siting::{Analysis, MapOptions, Site, SpatialFindings, analyze, render_svg};
use serde::Serialize;

use crate::AppState;

/// A filing body after the check.
#[derive(Debug, Serialize)]
pub struct Checked {
    /// Problems that keep the body from being read as a filing (path + message).
    pub issues: Vec<IssueView>,
    pub report: Option<Report>,
    pub siting: Option<Analysis>,
    /// 规范化预测评价: the independent screening estimate and the grades.
    pub prediction: Option<lvshen_predict::Prediction>,
    #[serde(skip)]
    pub filing: Option<Filing>,
    #[serde(skip)]
    pub svg: Option<String>,
}

/// A parse problem for the form: the JSON path and what is wrong.
#[derive(Debug, Clone, Serialize)]
pub struct IssueView {
    pub path: String,
    pub message: String,
}

impl From<&Issue> for IssueView {
    fn from(i: &Issue) -> Self {
        IssueView {
            path: i.path.clone(),
            message: i.message.clone(),
        }
    }
}

impl Checked {
    pub fn title(&self) -> String {
        self.filing
            .as_ref()
            .map(|f| f.project.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "未命名填报".into())
    }

    pub fn district(&self) -> String {
        self.filing
            .as_ref()
            .map(|f| f.location.district.clone())
            .unwrap_or_default()
    }

    pub fn counts(&self) -> (i64, i64) {
        match &self.report {
            Some(r) => (r.summary.errors as i64, r.summary.warnings as i64),
            None => (-1, -1),
        }
    }
}

/// Parses and checks a body (JSON, TOML or YAML text), with the siting analysis and the
/// prediction. CPU only: under a millisecond for the rules, up to a few tens of milliseconds
/// for a filing with many stacks to model.
pub fn check(state: &AppState, body: &str) -> Checked {
    let parsed = match parse_filing(body.as_bytes(), None) {
        Ok(p) => p,
        Err(e) => {
            return Checked {
                issues: e.issues().iter().map(IssueView::from).collect(),
                report: None,
                siting: None,
                prediction: None,
                filing: None,
                svg: None,
            };
        }
    };
    let layers = state.layers();
    let today = today_china();
    let options = lvshen_siting::Options {
        as_of: Some(today),
        ..state.siting
    };
    let spatial = SpatialFindings::new(layers, options);
    let prediction = lvshen_predict::predict(&parsed.filing, &lvshen_predict::Options::new(today));
    let predicted = lvshen_predict::PredictionFindings::Made(prediction.findings.clone());
    let report = state
        .engine
        .check_with(&parsed, today, &[&spatial, &predicted]);
    let siting = analyze(layers, &Site::from_filing(&parsed.filing), &options).ok();
    let svg = siting
        .as_ref()
        .map(|a| render_svg(a, layers, &options, &MapOptions::default()));
    Checked {
        issues: parsed.warnings.iter().map(IssueView::from).collect(),
        report: Some(report),
        siting,
        prediction: Some(prediction),
        filing: Some(parsed.filing),
        svg,
    }
}

/// Today in China (UTC+8), as the binary computes it.
pub fn today_china() -> lvshen_rules::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    lvshen_rules::Date::from_unix_days((secs + 8 * 3600).div_euclid(86_400))
}

/// The key of a finding for decisions: stable across re-checks of the same version.
pub fn finding_key(f: &lvshen_filing::Finding) -> String {
    format!("{}|{}", f.rule_id, f.field)
}

/// Past approvals similar to the filing (district, industry, processes).
pub fn precedents(state: &AppState, filing: &Filing) -> Vec<Hit> {
    let mut query = vec![filing.location.district.clone(), "印染 批复".to_owned()];
    if let Some(code) = &filing.project.industry_code {
        query.push(code.clone());
    }
    for p in filing.processes() {
        query.push(p.label_zh().to_owned());
    }
    state
        .index
        .search(&SearchRequest {
            query: query.join(" "),
            top_k: 3,
            doc_type: Some(lvshen_corpus::DocType::Approval),
            as_of: Some(today_china()),
        })
        .unwrap_or_default()
}

/// The text of a clause, from the knowledge base.
pub fn clause_text(state: &AppState, doc: &str, clause: &str) -> Option<Hit> {
    let hits = state
        .index
        .search(&SearchRequest {
            query: format!("{doc} {clause}"),
            top_k: 5,
            doc_type: None,
            as_of: Some(today_china()),
        })
        .ok()?;
    let want = lvshen_siting::normalize_name(clause);
    hits.into_iter().find(|h| {
        let k = lvshen_siting::normalize_name(&h.clause);
        h.doc == doc && !k.is_empty() && (want.starts_with(&k) || k.starts_with(&want))
    })
}

/// The reviewer's draft opinion (审批意见) from the accepted findings, the siting verdict and
/// the precedents. Every requirement carries the clause it rests on; nothing is invented:
/// the text is assembled from the check's own findings. Reviewers edit it before use.
pub fn draft_opinion(
    filing: &Filing,
    report: &Report,
    accepted: &[&lvshen_filing::Finding],
    siting: Option<&Analysis>,
    precedents: &[Hit],
    paragraph: Option<&str>,
    account_org: Option<&str>,
) -> String {
    let p = &filing.project;
    let book = lvshen_rules::LawBook::builtin();
    // The draft speaks the law in force on the review date: 生态环境影响报告书 and the
    // 生态环境法典's articles from 2026-08-15, the repealed laws' before (a report stored
    // before the change is re-cited here, so an old check never puts a repealed law in a new draft).
    let as_of = lvshen_rules::Date::parse(&report.as_of).unwrap_or_else(today_china);
    let kind = match p.document_type {
        Some(lvshen_filing::codes::DocumentType::ReportTable) => "报告表",
        Some(lvshen_filing::codes::DocumentType::RegistrationForm) => "登记表",
        _ => "报告书",
    };
    let mut out = String::new();
    // The applicant's strings are data: one line each (the filing walk refuses others),
    // quoted, brackets that could close a title removed, length bounded. Headings and
    // conclusions come only from this template.
    out.push_str(&format!(
        "关于《{}{}》的审查意见（草稿）\n\n{}：\n\n",
        quoted(&p.name),
        book.eia_document_name(kind, as_of),
        quoted(&p.applicant)
    ));
    if let Some(org) = account_org.filter(|o| !same_org(&p.applicant, o)) {
        out.push_str(&format!(
            "（注意：本填报由“{}”的账号提交，与填报的建设单位“{}”不一致；如系环评单位代为申报，请核实委托关系后再发出意见。）\n\n",
            quoted(org),
            quoted(&p.applicant)
        ));
    }
    out.push_str(&format!(
        "一、项目概况。项目位于“{}”{}，建设单位为“{}”{}。\n\n",
        quoted(&filing.location.district),
        filing
            .location
            .industrial_park
            .as_deref()
            .map(|x| format!("（“{}”）", quoted(x)))
            .unwrap_or_default(),
        quoted(&p.applicant),
        p.industry_code
            .as_deref()
            .map(|c| format!("，行业代码 {}", quoted(c)))
            .unwrap_or_default()
    ));
    if let Some(a) = siting {
        out.push_str(&format!(
            "二、选址。经坐标叠加分析，{}{}。\n\n",
            a.verdict_zh,
            if a.illustrative {
                "（依据示意图层，须以官方图层核实）"
            } else {
                ""
            }
        ));
    }
    let errors = accepted
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if accepted.is_empty() {
        out.push_str("三、审查发现。审查人员未确认需要整改的问题。\n\n");
    } else {
        out.push_str(&format!(
            "三、审查发现。经审查，报告存在以下问题（共 {} 项，其中影响审批的 {} 项），请建设单位补充完善：\n",
            accepted.len(),
            errors
        ));
        for (i, f) in accepted.iter().enumerate() {
            let cites: Vec<String> = lvshen_rules::cite_as_of(book, &f.citations, as_of)
                .iter()
                .map(|c| format!("《{}》{}", c.doc, c.clause))
                .collect();
            out.push_str(&format!(
                "（{}）{}（依据：{}）\n",
                i + 1,
                f.message.trim_end_matches('。'),
                cites.join("、")
            ));
        }
        out.push('\n');
    }
    if !precedents.is_empty() {
        out.push_str("四、参考类似批复：");
        let refs: Vec<String> = precedents
            .iter()
            .map(|h| match &h.doc_number {
                Some(n) => format!("《{}》（{n}）", h.doc),
                None => format!("《{}》", h.doc),
            })
            .collect();
        out.push_str(&refs.join("；"));
        out.push_str("（示例批复，仅供参考）。\n\n");
    }
    if let Some(paragraph) = paragraph {
        out.push_str(&format!(
            "综合意见：{paragraph}（本段由本地模型依据上述事实起草，数字、地名和引用已逐句核对。）\n\n"
        ));
    }
    let conclusion = if errors > 0 {
        "五、结论。上述影响审批的问题整改完成前，暂不予批准；请建设单位修改完善后重新报送。"
    } else if !accepted.is_empty() {
        "五、结论。请建设单位对上述问题作出说明或补充后，按程序报批。"
    } else {
        "五、结论。从环境保护角度，项目在落实报告提出的各项污染防治措施的前提下可行。"
    };
    out.push_str(conclusion);
    out.push_str(&format!(
        "\n\n（本草稿依据 {} 审查基准日的规则审查结果及审查人员确认的问题生成，由审查人员修改后方可使用。{}。）",
        report.as_of,
        book.law_set_zh(as_of)
    ));
    out
}

/// Whether two organisation names are the same company (spaces and the common
/// 有限公司/有限责任公司 spelling ignored).
pub fn same_org(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .replace("有限责任公司", "有限公司")
    };
    norm(a) == norm(b)
}

/// An applicant's string as the opinion quotes it: one line, no brackets or quotes that could
/// close the surrounding title or quotation, at most 200 characters.
pub fn quoted(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '《' | '》' | '“' | '”' | '「' | '」' | '"' => '·',
            c => c,
        })
        .take(200)
        .collect()
}

/// The facts the model may use for the opinion's overall paragraph.
pub fn opinion_facts(
    as_of: lvshen_rules::Date,
    filing: &Filing,
    accepted: &[&lvshen_filing::Finding],
    siting: Option<&Analysis>,
    precedents: &[Hit],
) -> lvshen_agent::opinion::OpinionFacts {
    lvshen_agent::opinion::OpinionFacts {
        project: quoted(&filing.project.name),
        applicant: quoted(&filing.project.applicant),
        district: quoted(&filing.location.district),
        accepted: accepted
            .iter()
            .map(|f| {
                (
                    f.severity.label_zh().to_owned(),
                    f.message.clone(),
                    lvshen_rules::cite_as_of(lvshen_rules::LawBook::builtin(), &f.citations, as_of)
                        .iter()
                        .map(|c| format!("《{}》{}", c.doc, c.clause))
                        .collect::<Vec<_>>()
                        .join("、"),
                )
            })
            .collect(),
        blocking: accepted
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        siting: siting.map(|a| a.verdict_zh.to_owned()),
        precedents: precedents
            .iter()
            .map(|h| match &h.doc_number {
                Some(n) => format!("《{}》（{n}）", h.doc),
                None => format!("《{}》", h.doc),
            })
            .collect(),
    }
}

/// A draft discharge-permit application from the EIA data: outlets, pollutants, declared
/// concentrations, the GB 4287 limit that applies at the water outlet (with its source),
/// and the total-quantity amounts, for the reviewer to check.
pub fn permit_draft(state: &AppState, filing: &Filing) -> serde_json::Value {
    let today = today_china();
    let book = lvshen_rules::LawBook::builtin();
    let cx = lvshen_rules::Context::new(filing, state.engine.standards(), today);
    let mut outlets = Vec::new();
    if let Some(water) = &filing.water
        && !matches!(
            water.discharge_mode,
            Some(lvshen_filing::codes::DischargeMode::None)
        )
    {
        outlets.push(serde_json::json!({
            "id": water.outlet_id.clone().unwrap_or_else(|| "DW001".into()),
            "kind": "废水总排口（主要排放口）",
            "discharge_mode": water.discharge_mode.map(|m| m.label_zh()),
            "receiving": water.receiving,
            "pollutants": water.pollutants.iter().flatten().map(|p| {
                let limit = lvshen_rules::permit_water_limit(&cx, p.code);
                serde_json::json!({
                    "code": p.code.code(),
                    "name": p.code.label_zh(),
                    "concentration_mg_per_l": p.concentration_mg_per_l,
                    "load_t_per_year": p.load_t_per_year,
                    "limit": limit.as_ref().map(|(l, _, _)| l.describe()),
                    "limit_basis": limit.as_ref().map(|(_, s, column)| format!("《{}》{}（{column}）", s.doc, s.clause)),
                    "limit_confidence": limit.as_ref().map(|(_, s, _)| s.confidence),
                })
            }).collect::<Vec<_>>(),
        }));
    }
    for o in filing.air_outlets() {
        outlets.push(serde_json::json!({
            "id": o.id,
            "kind": "废气排放口",
            "source": o.source,
            "height_m": o.height_m,
            "pollutants": o.pollutants.iter().map(|p| serde_json::json!({
                "code": p.code.code(),
                "name": p.code.label_zh(),
                "concentration_mg_per_m3": p.concentration_mg_per_m3,
                "rate_kg_per_h": p.rate_kg_per_h,
            })).collect::<Vec<_>>(),
        }));
    }
    let totals: Vec<serde_json::Value> = filing
        .total_control()
        .iter()
        .map(|t| {
            serde_json::json!({
                "pollutant": t.pollutant.code(),
                "amount_t_per_year": t.amount_t_per_year,
                "basis": t.basis.map(|b| b.code()),
            })
        })
        .collect();
    serde_json::json!({
        "applicant": filing.project.applicant,
        "project": filing.project.name,
        "management_class_declared": filing.permit.as_ref().and_then(|p| p.management_class).map(|c| c.label_zh()),
        "outlets": outlets,
        "permitted_t_per_year": totals,
        // 颁发条件: the regulation, and from 2026-08-15 the 生态环境法典 article beside it.
        "legal_basis": book
            .cite("排污许可管理条例", "第十一条", today)
            .iter()
            .map(|c| format!("《{}》{}", c.doc, c.clause))
            .collect::<Vec<_>>(),
        "law_basis": book.law_set_zh(today),
        "note": "由环评申报数据生成的排污许可申请草稿：排放口、污染物和排放浓度取自环评，废水排放限值按 GB 4287-2012 及其 2015 年修改单（受纳类型对应的列）给出，许可排放量取自总量控制指标；废气限值和自行监测频次须按 HJ 861-2017、HJ 879-2017 核定，由审查人员核对。",
    })
}
