//! Server-rendered pages in simplified Chinese. Data changes go through `/api` with the
//! CSRF header (`assets/app.js`); the pages themselves only read. No external assets.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use lvshen_filing::{Report, Severity};
use lvshen_report::escape;
use lvshen_store::{FilingRow, FilingStatus, Role};

use crate::api::{QueueQuery, filter_queue, visible_latest};
use crate::auth::{PageSession, Session};
use crate::error::{AppError, PageError, PageId};
use crate::service::{self, Checked};
use crate::{AppState, db};

type PageResult = Result<Html<String>, PageError>;

const CSS: &str = include_str!("../assets/app.css");
const JS: &str = include_str!("../assets/app.js");

/// `GET /assets/app.css`.
pub async fn css() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        CSS,
    )
        .into_response()
}

/// `GET /assets/app.js`.
pub async fn js() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/javascript; charset=utf-8"),
        )],
        JS,
    )
        .into_response()
}

/// The page frame: header with the user's links, the body, the script.
pub fn layout(session: Option<&Session>, title: &str, body: &str) -> String {
    let nav = match session {
        None => String::new(),
        Some(s) => {
            let links: &[(&str, &str)] = match s.user.role {
                Role::Applicant => &[("/filings", "我的填报"), ("/filings/new", "新建填报")],
                Role::Reviewer => &[
                    ("/review", "审查队列"),
                    ("/review/stats", "规则采纳统计"),
                    ("/chat", "法规问答"),
                ],
                Role::Staff => &[("/chat", "法规问答")],
                Role::Admin => &[
                    ("/admin", "用户与审计"),
                    ("/review", "审查队列"),
                    ("/chat", "法规问答"),
                ],
            };
            let links: String = links
                .iter()
                .map(|(href, label)| format!("<a href=\"{href}\">{label}</a>"))
                .collect();
            format!(
                "<nav>{links}</nav><div class=\"who\">{}（{}{}）<form method=\"post\" action=\"/logout?_csrf={}\"><button class=\"link\">退出</button></form></div>",
                escape(&s.user.name),
                s.user.role.label_zh(),
                s.user
                    .org
                    .as_deref()
                    .map(|o| format!("·{}", escape(o)))
                    .unwrap_or_default(),
                escape(&s.csrf)
            )
        }
    };
    let csrf = session.map(|s| escape(&s.csrf)).unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"csrf\" content=\"{csrf}\"><title>{} · 绿审</title>\
         <link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body>\
         <header><a class=\"brand\" href=\"/\">绿审 LüShen</a><span class=\"tag\">环评与排污许可智能预审</span>{nav}</header>\
         <main>{body}</main><script src=\"/assets/app.js\"></script></body></html>",
        escape(title)
    )
}

/// The login page, with an error message when a login failed.
pub fn login_page(error: Option<&str>) -> String {
    let error = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    layout(
        None,
        "登录",
        &format!(
            "<section class=\"card narrow\"><h1>登录</h1>{error}\
             <form method=\"post\" action=\"/login\" class=\"stack\">\
             <label>用户名<input name=\"name\" autocomplete=\"username\" required></label>\
             <label>密码<input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>\
             <button type=\"submit\" class=\"primary\">登录</button></form>\
             <p class=\"muted\">账号由管理员分配（lvshen user add）。连续 5 次密码错误将锁定 15 分钟。</p></section>"
        ),
    )
}

/// `GET /login`.
pub async fn login() -> Html<String> {
    Html(login_page(None))
}

/// `GET /`: each role's start page.
pub async fn home(session: Option<Session>) -> Redirect {
    match session.map(|s| s.user.role) {
        None => Redirect::to("/login"),
        Some(Role::Applicant) => Redirect::to("/filings"),
        Some(Role::Reviewer) => Redirect::to("/review"),
        Some(Role::Staff) => Redirect::to("/chat"),
        Some(Role::Admin) => Redirect::to("/admin"),
    }
}

fn status_badge(status: FilingStatus) -> String {
    format!(
        "<span class=\"badge {}\">{}</span>",
        status.code(),
        status.label_zh()
    )
}

fn counts_cell(row: &FilingRow) -> String {
    if row.errors < 0 {
        "<span class=\"muted\">无法读取</span>".into()
    } else {
        format!(
            "<span class=\"err\">错误 {}</span> <span class=\"warn\">警告 {}</span>",
            row.errors, row.warnings
        )
    }
}

/// `GET /filings` (applicants).
pub async fn filings(
    State(state): State<AppState>,
    PageSession(session): PageSession,
) -> PageResult {
    session.require(&[Role::Applicant])?;
    let org = session.user.org.clone().unwrap_or_default();
    let rows = db(&state, move |s| s.filings_of_org(&org)).await?;
    let mut body = String::from(
        "<div class=\"toolbar\"><h1>我的填报</h1><a class=\"button primary\" href=\"/filings/new\">新建填报</a></div>",
    );
    if rows.is_empty() {
        body.push_str("<p class=\"muted\">还没有填报。点击“新建填报”，或在新建页导入标准化信息填报 JSON 文件。</p>");
    } else {
        body.push_str("<table class=\"grid\"><thead><tr><th>项目</th><th>区县</th><th>状态</th><th>版本</th><th>预审结果</th><th>更新时间</th></tr></thead><tbody>");
        for r in &rows {
            body.push_str(&format!(
                "<tr><td><a href=\"/filings/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                r.id,
                escape(&r.title),
                escape(&r.district),
                status_badge(r.status),
                r.version,
                counts_cell(r),
                escape(&r.updated_at)
            ));
        }
        body.push_str("</tbody></table>");
    }
    Ok(Html(layout(Some(&session), "我的填报", &body)))
}

/// A form field: `(path, label, unit, kind)`; kind `text`, `number`, or `select:code=标签,…`.
type Field = (&'static str, &'static str, &'static str, &'static str);

/// The form's sections.
const SECTIONS: &[(&str, &[Field])] = &[
    (
        "项目概况",
        &[
            ("project.name", "项目名称", "", "text"),
            ("project.applicant", "建设单位", "", "text"),
            ("project.credit_code", "统一社会信用代码", "18 位", "text"),
            ("project.eia_agency", "环评编制单位", "", "text"),
            (
                "project.construction_type",
                "建设性质",
                "",
                "select:new=新建,expansion=扩建,renovation=改建,technical_renovation=技术改造,relocation=迁建",
            ),
            (
                "project.industry_code",
                "行业代码",
                "GB/T 4754，如 C1713",
                "text",
            ),
            (
                "project.document_type",
                "环评文件类型",
                "",
                "select:report_book=报告书,report_table=报告表,registration_form=登记表",
            ),
            (
                "project.investment_total_wan_yuan",
                "总投资",
                "万元",
                "number",
            ),
            (
                "project.investment_env_wan_yuan",
                "环保投资",
                "万元",
                "number",
            ),
            (
                "project.operating_days_per_year",
                "年工作天数",
                "天",
                "number",
            ),
            (
                "project.operating_hours_per_day",
                "日工作时数",
                "小时",
                "number",
            ),
            ("project.staff", "劳动定员", "人", "number"),
        ],
    ),
    (
        "建设地点",
        &[
            ("location.district", "所在区县", "如 柯桥区", "text"),
            ("location.address", "详细地址", "", "text"),
            ("location.longitude", "经度", "WGS-84，度", "number"),
            ("location.latitude", "纬度", "WGS-84，度", "number"),
            (
                "location.industrial_park",
                "所在工业园区",
                "不在园区请留空",
                "text",
            ),
            ("location.zoning_unit", "环境管控单元", "编码或名称", "text"),
            ("location.land_area_m2", "占地面积", "m²", "number"),
        ],
    ),
    (
        "废水",
        &[
            (
                "water.fresh_water_t_per_year",
                "新鲜水用量",
                "t/a",
                "number",
            ),
            (
                "water.reused_water_t_per_year",
                "重复利用水量",
                "t/a",
                "number",
            ),
            ("water.wastewater_t_per_year", "废水产生量", "t/a", "number"),
            ("water.discharged_t_per_year", "废水排放量", "t/a", "number"),
            (
                "water.discharge_mode",
                "排放方式",
                "",
                "select:indirect=间接排放（纳管）,direct=直接排放,none=不外排",
            ),
            ("water.receiving", "受纳污水厂或水体", "", "text"),
            (
                "water.receiving_kind",
                "受纳类型",
                "",
                "select:park_dyeing_separate=园区印染废水单独预处理,park=工业园区污水厂,municipal=城镇污水厂,water_body=水体",
            ),
            ("water.outlet_id", "排放口编号", "如 DW001", "text"),
            ("water.treatment", "处理工艺", "", "text"),
        ],
    ),
    (
        "清洁生产、风险与许可",
        &[
            (
                "clean_production.water_reuse_rate",
                "水重复利用率",
                "0～1，如 0.45",
                "number",
            ),
            (
                "clean_production.unit_fresh_water",
                "单位产品新鲜水耗",
                "",
                "number",
            ),
            (
                "clean_production.unit_fresh_water_unit",
                "新鲜水耗单位",
                "",
                "select:t/100m=t/100m,t/t=t/t",
            ),
            (
                "clean_production.energy_kgce_per_100m",
                "单位产品综合能耗",
                "kgce/100m",
                "number",
            ),
            ("risk.emergency_pool_m3", "事故应急池容积", "m³", "number"),
            (
                "permit.management_class",
                "排污许可管理类别",
                "",
                "select:key=重点管理,simplified=简化管理,registration=登记管理",
            ),
        ],
    ),
    (
        "预测评价参数",
        &[
            (
                "location.dispersion_setting",
                "估算模式扩散参数",
                "决定城市/农村扩散系数",
                "select:rural=农村,urban=城市",
            ),
            (
                "location.ambient_temperature_c",
                "环境温度",
                "℃，默认 20",
                "number",
            ),
            (
                "location.air_zone",
                "环境空气功能区",
                "",
                "select:2=二类区,1=一类区",
            ),
            (
                "location.groundwater_sensitivity",
                "地下水环境敏感程度",
                "HJ 610",
                "select:insensitive=不敏感,less_sensitive=较敏感,sensitive=敏感",
            ),
            (
                "location.soil_sensitivity",
                "土壤环境敏感程度",
                "HJ 964",
                "select:insensitive=不敏感,less_sensitive=较敏感,sensitive=敏感",
            ),
            (
                "water.receiving_spare_capacity_m3_per_day",
                "接纳污水厂剩余处理能力",
                "m³/d",
                "number",
            ),
            (
                "noise.zone_class",
                "厂址声环境功能区",
                "GB 3096",
                NOISE_ZONE_SELECT,
            ),
            (
                "noise.receptor_zone_class",
                "敏感目标所在声环境功能区",
                "默认同厂址",
                NOISE_ZONE_SELECT,
            ),
            ("risk.population_500m", "厂界 500 m 内人口", "人", "number"),
            ("risk.population_5km", "厂界 5 km 内人口", "人", "number"),
            (
                "risk.m_value",
                "行业及生产工艺 M 值",
                "HJ 169 表C.1",
                "number",
            ),
            (
                "risk.e_surface_water",
                "地表水环境敏感程度",
                "HJ 169 表D.2",
                "select:E1=E1,E2=E2,E3=E3",
            ),
            (
                "risk.e_groundwater",
                "地下水环境敏感程度（风险）",
                "HJ 169 表D.5",
                "select:E1=E1,E2=E2,E3=E3",
            ),
        ],
    ),
    (
        "环评文件的评价结论（供核对）",
        &[
            (
                "assessment.air_grade",
                "大气评价等级",
                "",
                "select:1=一级,2=二级,3=三级",
            ),
            ("assessment.air_pmax_percent", "Pmax", "%", "number"),
            ("assessment.air_d10_m", "D10%", "m", "number"),
            (
                "assessment.air_range_km",
                "大气评价范围边长",
                "km",
                "number",
            ),
            (
                "assessment.protection_distance_m",
                "大气环境防护距离",
                "m",
                "number",
            ),
            (
                "assessment.water_grade",
                "地表水评价等级",
                "",
                "select:1=一级,2=二级,3A=三级A,3B=三级B",
            ),
            (
                "assessment.noise_grade",
                "声环境评价等级",
                "",
                "select:1=一级,2=二级,3=三级",
            ),
            (
                "assessment.groundwater_grade",
                "地下水评价等级",
                "",
                "select:1=一级,2=二级,3=三级,none=不开展",
            ),
            (
                "assessment.soil_grade",
                "土壤评价等级",
                "",
                "select:1=一级,2=二级,3=三级,none=不开展",
            ),
            (
                "assessment.risk_grade",
                "环境风险评价等级",
                "",
                "select:1=一级,2=二级,3=三级,simple=简单分析",
            ),
        ],
    ),
];

const NOISE_ZONE_SELECT: &str = "select:0=0类,1=1类,2=2类,3=3类,4a=4a类,4b=4b类";
const AIR_POLLUTANTS_SELECT: &str = "select:particulate=颗粒物,NMHC=非甲烷总烃,VOCs=挥发性有机物,SO2=二氧化硫,NOx=氮氧化物,NH3=氨,H2S=硫化氢,formaldehyde=甲醛,oil_fume=油烟,odor=臭气浓度";

const PROCESSES: &[(&str, &str)] = &[
    ("pretreatment", "前处理"),
    ("mercerizing", "丝光"),
    ("dyeing", "染色"),
    ("printing", "印花"),
    ("digital_printing", "数码印花"),
    ("heat_setting", "定型"),
    ("coating", "涂层（水性）"),
    ("coating_solvent", "溶剂型涂层"),
    ("washing", "水洗"),
    ("finishing", "后整理"),
    ("weaving", "织造"),
    ("water_jet_weaving", "喷水织造"),
];

fn select(path: &str, options: &str) -> String {
    let opts: String = options
        .split(',')
        .filter_map(|o| o.split_once('='))
        .map(|(v, l)| format!("<option value=\"{v}\">{l}</option>"))
        .collect();
    format!("<select data-path=\"{path}\"><option value=\"\">（未填）</option>{opts}</select>")
}

fn filing_form(title: &str, id: Option<i64>, body: &str) -> String {
    let mut html = format!(
        "<h1>{}</h1><p class=\"muted\">按标准化信息填报格式分节填写；带单位的数字只填数值。保存即按规则预审，能读取的填报可提交生态环境局。废气排放口的各污染物、自行监测等嵌套较深的部分在页底的完整 JSON 中编辑；表格只改动其列出的字段，其余字段保留。</p>\
         <form id=\"filing-form\" data-id=\"{}\" class=\"filing\">",
        escape(title),
        id.map(|i| i.to_string()).unwrap_or_default()
    );
    for (section, fields) in SECTIONS {
        html.push_str(&format!(
            "<fieldset><legend>{section}</legend><div class=\"fields\">"
        ));
        for (path, label, unit, kind) in *fields {
            let input = if let Some(options) = kind.strip_prefix("select:") {
                select(path, options)
            } else {
                format!(
                    "<input data-path=\"{path}\" data-kind=\"{kind}\" {}>",
                    if *kind == "number" {
                        "inputmode=\"decimal\""
                    } else {
                        ""
                    }
                )
            };
            html.push_str(&format!(
                "<label class=\"field\"><span>{label}{}</span>{input}<small class=\"issue\" data-issue=\"{path}\"></small></label>",
                if unit.is_empty() { String::new() } else { format!("<em>（{unit}）</em>") }
            ));
        }
        html.push_str("</div></fieldset>");
    }
    html.push_str("<fieldset><legend>生产工序</legend><div class=\"checks\" data-processes>");
    for (code, label) in PROCESSES {
        html.push_str(&format!(
            "<label><input type=\"checkbox\" value=\"{code}\"> {label}</label>"
        ));
    }
    html.push_str("</div><small class=\"issue\" data-issue=\"processes\"></small></fieldset>");
    for (legend, array, columns) in TABLES {
        html.push_str(&rows_table(legend, array, columns));
    }
    html.push_str(&format!(
        "<fieldset><legend>完整填报（JSON）：导入、导出与其他部分</legend>\
         <div class=\"toolbar\"><label class=\"button\">导入 JSON 文件<input type=\"file\" accept=\".json,application/json\" id=\"import-file\" hidden></label>\
         <button type=\"button\" id=\"export-json\">导出 JSON</button></div>\
         <textarea id=\"filing-json\" rows=\"14\" spellcheck=\"false\">{}</textarea><small class=\"issue\" data-issue=\"\"></small></fieldset>\
         <div class=\"issues\" id=\"issues\" aria-live=\"polite\"></div>\
         <div class=\"actions\"><button type=\"button\" class=\"primary\" id=\"save-draft\">保存草稿并预审</button><span id=\"save-status\" class=\"muted\"></span></div></form>",
        escape(body)
    ));
    html
}

/// A table column: `(field, header, kind)`; kind as for [`Field`].
type Column = (&'static str, &'static str, &'static str);

/// The sections that are lists of rows.
const TABLES: &[(&str, &str, &[Column])] = &[
    (
        "废水污染物（排放口）",
        "water.pollutants",
        &[
            ("code", "污染物", WATER_POLLUTANTS_SELECT),
            (
                "concentration_mg_per_l",
                "排放浓度（mg/L；色度为倍，pH 无量纲）",
                "number",
            ),
            ("load_t_per_year", "排放量（t/a）", "number"),
        ],
    ),
    (
        "产品",
        "products",
        &[
            ("name", "名称", "text"),
            ("output", "产量", "number"),
            ("unit", "单位", "select:万米/a=万米/a,t/a=t/a,万件/a=万件/a"),
            (
                "fabric",
                "织物类别",
                "select:cotton_woven=棉、化纤及混纺机织物,knitted=针织物,yarn=纱线,silk=真丝,wool=毛织物,other=其他",
            ),
            ("weight_kg_per_100m", "克重（kg/100m）", "number"),
        ],
    ),
    (
        "原辅材料",
        "raw_materials",
        &[
            ("name", "名称", "text"),
            ("t_per_year", "年用量（t/a）", "number"),
            ("max_storage_t", "最大储存量（t）", "number"),
        ],
    ),
    (
        "固体废物",
        "solid_waste",
        &[
            ("name", "名称", "text"),
            (
                "category",
                "类别",
                "select:general=一般工业固废,hazardous=危险废物,domestic=生活垃圾",
            ),
            ("code", "废物代码", "text"),
            ("t_per_year", "产生量（t/a）", "number"),
            ("disposal", "处置方式", "text"),
        ],
    ),
    (
        "总量控制",
        "total_control",
        &[
            (
                "pollutant",
                "污染物",
                "select:COD=化学需氧量,NH3N=氨氮,TN=总氮,TP=总磷,SO2=二氧化硫,NOx=氮氧化物,VOCs=挥发性有机物,particulate=颗粒物",
            ),
            ("amount_t_per_year", "总量（t/a）", "number"),
            (
                "basis",
                "核算口径",
                "select:environment=排入环境量,outlet=排放口",
            ),
            ("basis_concentration_mg_per_l", "核算浓度（mg/L）", "number"),
            (
                "source",
                "来源",
                "select:emission_rights_trading=排污权交易,regional_reduction=区域削减替代,existing_quota=企业原有指标,none=无",
            ),
            ("offset_ratio", "替代比例", "number"),
        ],
    ),
    (
        "废气排放口：排气筒参数（各污染物在页底 JSON 中编辑）",
        "air.outlets",
        &[
            ("id", "编号", "text"),
            ("source", "来源", "text"),
            ("height_m", "高度（m）", "number"),
            ("inner_diameter_m", "出口内径（m）", "number"),
            ("flow_m3_per_h", "风量（m³/h）", "number"),
            ("exit_velocity_m_per_s", "出口流速（m/s）", "number"),
            ("exit_temperature_c", "烟气温度（℃）", "number"),
            ("hours_per_year", "年排放时间（h）", "number"),
        ],
    ),
    (
        "无组织排放（面源）",
        "air.unorganized",
        &[
            ("code", "污染物", AIR_POLLUTANTS_SELECT),
            ("source", "来源（如 定型车间）", "text"),
            ("load_t_per_year", "排放量（t/a）", "number"),
            ("rate_kg_per_h", "速率（kg/h）", "number"),
            ("length_m", "长（m）", "number"),
            ("width_m", "宽（m）", "number"),
            ("release_height_m", "排放高度（m）", "number"),
            ("hours_per_year", "年排放时间（h）", "number"),
        ],
    ),
    (
        "噪声源（厂区坐标，m）",
        "noise.sources",
        &[
            ("name", "名称", "text"),
            ("sound_power_db", "声功率级 dB(A)", "number"),
            ("x_m", "x（东，m）", "number"),
            ("y_m", "y（北，m）", "number"),
            ("count", "台数", "number"),
            ("indoor_loss_db", "建筑隔声（dB）", "number"),
            ("barrier_db", "屏障（dB）", "number"),
        ],
    ),
    (
        "厂界噪声预测点（厂区坐标，m）",
        "noise.boundary_points",
        &[
            ("name", "名称", "text"),
            ("x_m", "x（东，m）", "number"),
            ("y_m", "y（北，m）", "number"),
        ],
    ),
    (
        "环评文件的大气估算结果（供核对）",
        "assessment.air_results",
        &[
            ("outlet", "排放源", "text"),
            ("pollutant", "污染物", AIR_POLLUTANTS_SELECT),
            ("ci_ug_per_m3", "最大落地浓度（µg/m³）", "number"),
            ("c0_ug_per_m3", "C0（µg/m³）", "number"),
            ("pi_percent", "Pi（%）", "number"),
            ("distance_m", "距离（m）", "number"),
        ],
    ),
    (
        "风险物质",
        "risk.substances",
        &[
            ("name", "名称", "text"),
            ("max_storage_t", "最大储存量（t）", "number"),
            ("critical_quantity_t", "临界量（t）", "number"),
        ],
    ),
    (
        "环境敏感目标",
        "receptors",
        &[
            ("name", "名称", "text"),
            (
                "kind",
                "类型",
                "select:residential=居民区,school=学校,hospital=医院,water_source=饮用水水源保护区,nature_reserve=自然保护区,ecological_redline=生态保护红线,river=河流,other=其他",
            ),
            ("distance_m", "距离（m）", "number"),
            ("direction", "方位", "text"),
        ],
    ),
];

const WATER_POLLUTANTS_SELECT: &str = "select:COD=化学需氧量,BOD5=五日生化需氧量,SS=悬浮物,NH3N=氨氮,TN=总氮,TP=总磷,color=色度,pH=pH,sulfide=硫化物,aniline=苯胺类,Cr6=六价铬,Sb=总锑,AOX=可吸附有机卤素,ClO2=二氧化氯";

fn rows_table(legend: &str, array: &str, columns: &[Column]) -> String {
    let heads: String = columns
        .iter()
        .map(|(_, h, _)| format!("<th>{h}</th>"))
        .collect();
    let cells: String = columns
        .iter()
        .map(|(field, _, kind)| {
            let input = match kind.strip_prefix("select:") {
                Some(options) => select_field(field, options),
                None => format!("<input data-field=\"{field}\" data-kind=\"{kind}\">"),
            };
            format!("<td>{input}</td>")
        })
        .collect();
    format!(
        "<fieldset><legend>{legend}</legend><table class=\"rows\" data-array=\"{array}\"><thead><tr>{heads}<th></th></tr></thead><tbody></tbody></table>\
         <template><tr>{cells}<td><button type=\"button\" data-remove-row>删除</button></td></tr></template>\
         <button type=\"button\" data-add-row=\"{array}\">添加一行</button><small class=\"issue\" data-issue=\"{array}\"></small></fieldset>"
    )
}

fn select_field(field: &str, options: &str) -> String {
    let opts: String = options
        .split(',')
        .filter_map(|o| o.split_once('='))
        .map(|(v, l)| format!("<option value=\"{v}\">{l}</option>"))
        .collect();
    format!("<select data-field=\"{field}\"><option value=\"\">（未填）</option>{opts}</select>")
}

/// `GET /filings/new` (applicants).
pub async fn new_filing(PageSession(session): PageSession) -> PageResult {
    session.require(&[Role::Applicant])?;
    let skeleton = serde_json::json!({
        "schema_version": "1",
        "project": { "name": "", "applicant": session.user.org.clone().unwrap_or_default() },
        "location": { "district": "", "longitude": null, "latitude": null },
    });
    let body = serde_json::to_string_pretty(&skeleton).unwrap_or_default();
    Ok(Html(layout(
        Some(&session),
        "新建填报",
        &filing_form("新建填报", None, &body),
    )))
}

/// `GET /filings/{id}/edit` (the owner's organisation, drafts).
pub async fn edit_filing(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    PageId(id): PageId,
) -> PageResult {
    session.require(&[Role::Applicant])?;
    let (row, version) = visible_latest(&state, &session, id).await?;
    if row.status != FilingStatus::Draft {
        return Err(AppError::bad_request("已提交的填报不能再修改").into());
    }
    let title = format!("编辑：{}", row.title);
    let form = filing_form(&title, Some(id), &version.body).replacen(
        "<form id=\"filing-form\"",
        &format!(
            "<form id=\"filing-form\" data-version=\"{}\"",
            version.version
        ),
        1,
    );
    Ok(Html(layout(Some(&session), &title, &form)))
}

fn citations_html(f: &lvshen_filing::Finding) -> String {
    f.citations
        .iter()
        .map(|c| {
            format!(
                "<button type=\"button\" class=\"cite\" data-doc=\"{}\" data-clause=\"{}\">《{}》{}</button>",
                escape(&c.doc),
                escape(&c.clause),
                escape(&c.doc),
                escape(&c.clause)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The findings grouped by category, with decision controls for reviewers.
fn findings_html(report: &Report, decisions: Option<&[lvshen_store::Decision]>) -> String {
    let s = &report.summary;
    let mut html = format!(
        "<div class=\"summary\"><span class=\"err\">错误 {}</span><span class=\"warn\">警告 {}</span><span class=\"info\">提示 {}</span><span class=\"muted\">审查基准日 {}</span></div>",
        s.errors,
        s.warnings,
        s.infos,
        escape(&report.as_of)
    );
    for category in lvshen_filing::Category::ALL {
        let items: Vec<&lvshen_filing::Finding> = report
            .findings
            .iter()
            .filter(|f| f.category == category)
            .collect();
        if items.is_empty() {
            continue;
        }
        html.push_str(&format!(
            "<details class=\"category\" open><summary>{}（{} 项）</summary><ul class=\"findings\">",
            category.label_zh(),
            items.len()
        ));
        for f in items {
            let key = service::finding_key(f);
            let decision = decisions.map(|ds| {
                let current = ds.iter().find(|d| d.finding_key == key);
                let state = match current {
                    Some(d) if d.accepted => format!("<span class=\"badge accepted\">已采纳</span> {}", escape(&d.comment)),
                    Some(d) => format!("<span class=\"badge dismissed\">已驳回</span> {}", escape(&d.comment)),
                    None => "<span class=\"muted\">未决定</span>".into(),
                };
                format!(
                    "<div class=\"decide\" data-key=\"{}\"><span class=\"state\">{state}</span>\
                     <input class=\"comment\" placeholder=\"说明（可选）\" maxlength=\"2000\">\
                     <button type=\"button\" data-accept=\"true\">采纳</button><button type=\"button\" data-accept=\"false\">驳回</button></div>",
                    escape(&key)
                )
            });
            html.push_str(&format!(
                "<li class=\"{}\"><div class=\"sev\">{}</div><div class=\"body\"><p>{}</p><p class=\"meta\"><code>{}</code> · <code>{}</code></p><p class=\"cites\">{}</p><div class=\"clause\" hidden></div>{}</div></li>",
                sev_class(f.severity),
                f.severity.label_zh(),
                escape(&f.message),
                escape(f.rule_id),
                escape(&f.field),
                citations_html(f),
                decision.unwrap_or_default()
            ));
        }
        html.push_str("</ul></details>");
    }
    html
}

fn issues_html(checked: &Checked) -> String {
    if checked.issues.is_empty() {
        return String::new();
    }
    let items: String = checked
        .issues
        .iter()
        .map(|i| {
            format!(
                "<li><code>{}</code> {}</li>",
                escape(&i.path),
                escape(&i.message)
            )
        })
        .collect();
    let title = if checked.report.is_none() {
        "填报无法读取，请先修正以下问题"
    } else {
        "格式提示"
    };
    format!("<section class=\"card\"><h2>{title}</h2><ul>{items}</ul></section>")
}

fn siting_html(checked: &Checked) -> String {
    let mut s = match (&checked.siting, &checked.svg) {
        (Some(a), Some(svg)) => lvshen_report::siting_html_section(a, svg, None),
        _ => String::new(),
    };
    s.push_str(&prediction_html(checked));
    s
}

/// The prediction section (tables and concentration–distance plots), in a card.
fn prediction_html(checked: &Checked) -> String {
    match &checked.prediction {
        Some(p) => format!(
            "<div class=\"card\">{}</div>",
            lvshen_predict::render::html_section(p, true)
        ),
        None => String::new(),
    }
}

/// `GET /filings/{id}`: the applicant's view of a filing and its pre-check.
pub async fn filing(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    PageId(id): PageId,
) -> PageResult {
    session.require(&[Role::Applicant])?;
    let (row, version) = visible_latest(&state, &session, id).await?;
    let st = state.clone();
    let body_text = version.body.clone();
    let checked = tokio::task::spawn_blocking(move || service::check(&st, &body_text))
        .await
        .map_err(AppError::internal)?;
    let draft = row.status == FilingStatus::Draft;
    let mut body = format!(
        "<div class=\"toolbar\"><h1>{}</h1>{}</div><p class=\"muted\">{} · 第 {} 版 · {} 保存于 {}</p><div class=\"actions\">{}<a class=\"button\" href=\"/filings/{id}/report.html\">下载预审报告（HTML）</a></div>",
        escape(&row.title),
        status_badge(row.status),
        escape(&row.district),
        version.version,
        escape(&version.author),
        escape(&version.created_at),
        if draft {
            format!(
                "<a class=\"button\" href=\"/filings/{id}/edit\">编辑</a><button type=\"button\" class=\"primary\" id=\"submit-filing\" data-id=\"{id}\">提交生态环境局</button>"
            )
        } else {
            String::new()
        }
    );
    body.push_str(&issues_html(&checked));
    if let Some(report) = &checked.report {
        body.push_str("<section class=\"card\"><h2>预审结果</h2>");
        body.push_str(&findings_html(report, None));
        body.push_str("</section>");
    }
    body.push_str(&siting_html(&checked));
    let docs = db(&state, move |s| s.filing_documents(id)).await?;
    body.push_str(&crate::documents::panel_html(
        id,
        &docs,
        row.status != FilingStatus::Reviewed,
    ));
    Ok(Html(layout(Some(&session), &row.title, &body)))
}

/// `GET /filings/{id}/report.html`: the printable report, as a download.
pub async fn report_html(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    PageId(id): PageId,
) -> Result<Response, PageError> {
    let (_, version) = visible_latest(&state, &session, id).await?;
    let st = state.clone();
    let checked = tokio::task::spawn_blocking(move || service::check(&st, &version.body))
        .await
        .map_err(AppError::internal)?;
    let report = checked
        .report
        .as_ref()
        .ok_or_else(|| AppError::bad_request("填报无法读取，没有预审报告"))?;
    let mut sections: Vec<String> = match (&checked.siting, &checked.svg) {
        (Some(a), Some(svg)) => vec![lvshen_report::siting_html_section(a, svg, None)],
        _ => Vec::new(),
    };
    if let Some(p) = &checked.prediction {
        sections.push(lvshen_predict::render::html_section(p, true));
    }
    let html = lvshen_report::html_with(report, &sections);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"lvshen-report-{id}.html\""))
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        html,
    )
        .into_response())
}

/// `GET /review?status=&district=` (reviewers).
pub async fn queue(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Query(q): Query<QueueQuery>,
) -> PageResult {
    session.require(&[Role::Reviewer, Role::Admin])?;
    let rows = filter_queue(db(&state, |s| s.submitted_filings()).await?, &q);
    let status = q.status.clone().unwrap_or_default();
    let district = q.district.clone().unwrap_or_default();
    let mut body = format!(
        "<div class=\"toolbar\"><h1>审查队列</h1><form class=\"filters\" method=\"get\">\
         <select name=\"status\"><option value=\"\">全部状态</option><option value=\"submitted\"{}>待审查</option><option value=\"reviewed\"{}>已审查</option></select>\
         <input name=\"district\" placeholder=\"区县\" value=\"{}\"><button>筛选</button></form></div>",
        if status == "submitted" {
            " selected"
        } else {
            ""
        },
        if status == "reviewed" {
            " selected"
        } else {
            ""
        },
        escape(&district)
    );
    if rows.is_empty() {
        body.push_str("<p class=\"muted\">没有符合条件的填报。</p>");
    } else {
        body.push_str("<table class=\"grid\"><thead><tr><th>项目</th><th>建设单位</th><th>区县</th><th>状态</th><th>预审结果</th><th>提交时间</th></tr></thead><tbody>");
        for r in &rows {
            body.push_str(&format!(
                "<tr><td><a href=\"/review/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                r.id,
                escape(&r.title),
                escape(&r.org),
                escape(&r.district),
                status_badge(r.status),
                counts_cell(r),
                escape(r.submitted_at.as_deref().unwrap_or(""))
            ));
        }
        body.push_str("</tbody></table>");
    }
    Ok(Html(layout(Some(&session), "审查队列", &body)))
}

/// `GET /review/{id}` (reviewers): findings with decisions, siting, precedents, opinion.
pub async fn review(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    PageId(id): PageId,
) -> PageResult {
    session.require(&[Role::Reviewer, Role::Admin])?;
    let (row, version) = visible_latest(&state, &session, id).await?;
    let v = version.version;
    let (decisions, opinion) =
        db(&state, move |s| Ok((s.decisions(id, v)?, s.opinion(id)?))).await?;
    let st = state.clone();
    let body_text = version.body.clone();
    let (checked, precedents) = tokio::task::spawn_blocking(move || {
        let checked = service::check(&st, &body_text);
        let precedents = checked
            .filing
            .as_ref()
            .map(|f| service::precedents(&st, f))
            .unwrap_or_default();
        (checked, precedents)
    })
    .await
    .map_err(AppError::internal)?;
    let mut body = format!(
        "<div class=\"toolbar\"><h1>{}</h1>{}</div><p class=\"muted\">{} · {} · 第 {} 版</p>",
        escape(&row.title),
        status_badge(row.status),
        escape(&row.org),
        escape(&row.district),
        version.version
    );
    if let Some(f) = checked
        .filing
        .as_ref()
        .filter(|f| !service::same_org(&f.project.applicant, &row.org))
    {
        body.push_str(&format!(
            "<p class=\"notice\">提交账号所属单位“{}”与填报的建设单位“{}”不一致；如系环评单位代为申报，请核实委托关系。</p>",
            escape(&row.org),
            escape(&f.project.applicant)
        ));
    }
    body.push_str(&issues_html(&checked));
    if let Some(report) = &checked.report {
        body.push_str(&format!(
            "<section class=\"card\" id=\"findings\" data-id=\"{id}\"><h2>审查发现（逐项采纳或驳回）</h2>"
        ));
        body.push_str(&findings_html(report, Some(&decisions)));
        body.push_str("</section>");
    }
    // The document's findings beside the rule findings, each linked to its place.
    let docs = db(&state, move |s| s.filing_documents(id)).await?;
    body.push_str(&crate::documents::latest_findings_html(id, &docs));
    body.push_str(&siting_html(&checked));
    body.push_str(&crate::documents::panel_html(id, &docs, true));
    body.push_str("<section class=\"card\"><h2>类似批复</h2>");
    if precedents.is_empty() {
        body.push_str("<p class=\"muted\">知识库中没有找到类似批复。</p>");
    } else {
        body.push_str("<ul>");
        for h in &precedents {
            body.push_str(&format!(
                "<li><strong>{}</strong>{}<div class=\"muted\">{}</div></li>",
                escape(&h.doc),
                h.doc_number
                    .as_deref()
                    .map(|n| format!("（{}）", escape(n)))
                    .unwrap_or_default(),
                escape(&h.snippet)
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str("</section>");
    let (text, method) = opinion.unwrap_or_default();
    body.push_str(&format!(
        "<section class=\"card\" id=\"opinion\" data-id=\"{id}\"><h2>审查意见（草稿）</h2>\
         <p class=\"muted\">依据已采纳的问题、选址分析和类似批复起草，每项问题附依据条款；请修改后保存。</p>\
         <div class=\"actions\"><button type=\"button\" id=\"draft-opinion\">起草审查意见</button><button type=\"button\" class=\"primary\" id=\"save-opinion\">保存意见</button><span id=\"opinion-status\" class=\"muted\">{}</span></div>\
         <textarea id=\"opinion-text\" rows=\"16\">{}</textarea></section>",
        if method.is_empty() { String::new() } else { format!("已保存（{}）", escape(&method)) },
        escape(&text)
    ));
    body.push_str(&format!(
        "<section class=\"card\" id=\"permit\" data-id=\"{id}\"><h2>排污许可申请草稿</h2>\
         <p class=\"muted\">由环评数据一键生成：排放口、污染物、浓度与许可排放量，供审查人员核对。</p>\
         <button type=\"button\" id=\"permit-draft\">生成许可草稿</button><div id=\"permit-out\"></div></section>"
    ));
    Ok(Html(layout(Some(&session), &row.title, &body)))
}

/// `GET /review/stats` (reviewers).
pub async fn stats(State(state): State<AppState>, PageSession(session): PageSession) -> PageResult {
    session.require(&[Role::Reviewer, Role::Admin])?;
    let rows = db(&state, |s| s.rule_stats()).await?;
    let mut body = String::from(
        "<h1>规则采纳统计</h1><p class=\"muted\">各规则的审查发现被审查人员采纳或驳回的次数，用于发现需要调整的规则。</p>",
    );
    if rows.is_empty() {
        body.push_str("<p class=\"muted\">尚无审查决定。</p>");
    } else {
        body.push_str("<table class=\"grid\"><thead><tr><th>规则</th><th>采纳</th><th>驳回</th><th>采纳率</th></tr></thead><tbody>");
        for r in &rows {
            let total = r.accepted + r.dismissed;
            body.push_str(&format!(
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{:.0}%</td></tr>",
                escape(&r.rule_id),
                r.accepted,
                r.dismissed,
                if total > 0 {
                    100.0 * r.accepted as f64 / total as f64
                } else {
                    0.0
                }
            ));
        }
        body.push_str("</tbody></table>");
    }
    Ok(Html(layout(Some(&session), "规则采纳统计", &body)))
}

/// `GET /chat` (staff, reviewers, admins).
pub async fn chat(State(state): State<AppState>, PageSession(session): PageSession) -> PageResult {
    session.require(&[Role::Staff, Role::Reviewer, Role::Admin])?;
    let messages = crate::chat::own_messages(&state, &session).await?;
    let mut history = String::new();
    for m in &messages {
        let sources = if m.role == "assistant" {
            let cites: Vec<serde_json::Value> =
                serde_json::from_str(&m.citations).unwrap_or_default();
            sources_html(&cites)
        } else {
            String::new()
        };
        history.push_str(&format!(
            "<div class=\"msg {}\"><div class=\"text\">{}</div>{sources}</div>",
            if m.role == "user" {
                "user"
            } else {
                "assistant"
            },
            escape(&m.text)
        ));
    }
    let body = format!(
        "<h1>法规问答</h1><p class=\"muted\">依据知识库中的法规、标准和批复作答，每句核验引用；知识库中没有依据时拒答。</p>\
         <div id=\"chat-log\" class=\"chat\">{history}</div>\
         <form id=\"chat-form\" class=\"chat-input\"><textarea id=\"chat-question\" rows=\"2\" maxlength=\"500\" placeholder=\"例如：印染企业间接排放总氮限值是多少？\"></textarea>\
         <button type=\"button\" class=\"primary\" id=\"chat-send\">提问</button></form><p id=\"chat-status\" class=\"muted\" aria-live=\"polite\"></p>"
    );
    Ok(Html(layout(Some(&session), "法规问答", &body)))
}

fn sources_html(cites: &[serde_json::Value]) -> String {
    if cites.is_empty() {
        return String::new();
    }
    let items: String = cites
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "<details><summary>[{}] 《{}》{}</summary><p>{}</p></details>",
                i + 1,
                escape(c["doc"].as_str().unwrap_or("")),
                escape(c["clause"].as_str().unwrap_or("")),
                escape(c["text"].as_str().unwrap_or(""))
            )
        })
        .collect();
    format!("<div class=\"sources\"><strong>依据</strong>{items}</div>")
}

/// `GET /admin` (admins): users and the audit log.
pub async fn admin(State(state): State<AppState>, PageSession(session): PageSession) -> PageResult {
    session.require(&[Role::Admin])?;
    let (users, log) = db(&state, |s| Ok((s.users()?, s.audit_log(50)?))).await?;
    let mut body = String::from(
        "<h1>用户与审计</h1><section class=\"card\"><h2>用户</h2><table class=\"grid\"><thead><tr><th>用户名</th><th>角色</th><th>单位</th></tr></thead><tbody>",
    );
    for u in &users {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&u.name),
            u.role.label_zh(),
            escape(u.org.as_deref().unwrap_or(""))
        ));
    }
    body.push_str("</tbody></table><form id=\"add-user\" class=\"inline\">\
        <input name=\"name\" placeholder=\"用户名\" required><input name=\"password\" type=\"password\" placeholder=\"初始密码（至少 8 位）\" required>\
        <select name=\"role\"><option value=\"applicant\">申报单位</option><option value=\"reviewer\">审查人员</option><option value=\"staff\">工作人员</option><option value=\"admin\">管理员</option></select>\
        <input name=\"org\" placeholder=\"所属单位（申报单位必填）\"><button type=\"button\" class=\"primary\" id=\"add-user-btn\">添加用户</button><span id=\"add-user-status\" class=\"muted\"></span></form>\
        <form id=\"user-action\" class=\"inline\"><input name=\"name\" placeholder=\"用户名\" maxlength=\"64\">\
        <select name=\"action\"><option value=\"disable\">停用账号</option><option value=\"enable\">重新启用</option>\
        <option value=\"end-sessions\">结束全部会话</option><option value=\"unlock\">解除登录锁定</option>\
        <option value=\"reset-password\">重设密码</option></select>\
        <input name=\"password\" type=\"password\" placeholder=\"新密码（仅重设密码时）\" autocomplete=\"new-password\">\
        <button type=\"button\" id=\"user-action-btn\">执行</button><span id=\"user-action-status\" class=\"muted\"></span></form></section>");
    body.push_str("<section class=\"card\"><h2>审计日志（最近 50 条，只增不改）</h2><table class=\"grid\"><thead><tr><th>时间</th><th>用户</th><th>操作</th><th>对象</th><th>说明</th></tr></thead><tbody>");
    for e in &log {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&e.at),
            escape(e.user.as_deref().unwrap_or("—")),
            escape(&e.action),
            escape(&e.object),
            escape(&e.detail)
        ));
    }
    body.push_str("</tbody></table></section>");
    Ok(Html(layout(Some(&session), "用户与审计", &body)))
}
