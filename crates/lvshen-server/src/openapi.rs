//! The OpenAPI 3.1 document of `/api`, built from one table of the routes so that the
//! document and the router are checked against each other (`tests/api.rs`).

use serde_json::{Map, Value, json};

/// `(method, path, summary, roles, request body schema name or "")`.
pub const ROUTES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "post",
        "/api/login",
        "登录，返回 CSRF 令牌并设置会话 Cookie",
        "任何人",
        "Login",
    ),
    ("post", "/api/logout", "退出登录", "已登录", ""),
    ("get", "/api/me", "当前用户与 CSRF 令牌", "已登录", ""),
    (
        "post",
        "/api/check",
        "预审一份填报（不保存）：解析问题、审查报告、选址分析",
        "已登录",
        "FilingBody",
    ),
    (
        "post",
        "/api/validate",
        "只校验填报能否读取（表单即时校验）",
        "已登录",
        "FilingBody",
    ),
    (
        "get",
        "/api/filings",
        "申报单位：本单位的填报；审查人员：已提交的填报",
        "申报单位、审查人员",
        "",
    ),
    (
        "post",
        "/api/filings",
        "新建填报草稿并预审",
        "申报单位",
        "FilingBody",
    ),
    (
        "get",
        "/api/filings/{id}",
        "填报的最新版本、预审结果和审查决定",
        "本单位申报人员、审查人员",
        "",
    ),
    (
        "put",
        "/api/filings/{id}",
        "保存新版本并预审（仅草稿）",
        "本单位申报人员",
        "FilingBody",
    ),
    (
        "post",
        "/api/filings/{id}/submit",
        "提交到生态环境局",
        "本单位申报人员",
        "",
    ),
    (
        "post",
        "/api/filings/{id}/documents",
        "上传环评文件（请求体为 DOCX 或 PDF 文件本身，?name=文件名；≤40 MB，按内容判断类型）：识别格式与章节、提取带出处的填报字段、文件检查、查重、与填报比对",
        "本单位申报人员；审查人员（已提交的填报）",
        "",
    ),
    (
        "get",
        "/api/filings/{id}/documents",
        "已上传的环评文件及其检查摘要",
        "本单位申报人员；审查人员",
        "",
    ),
    (
        "get",
        "/api/filings/{id}/documents/{doc}",
        "一份环评文件的完整检查结果（filing、provenance、sections、findings、comparison）",
        "本单位申报人员；审查人员",
        "",
    ),
    (
        "get",
        "/api/review/queue",
        "审查队列（可按 status、district 筛选）",
        "审查人员",
        "",
    ),
    (
        "get",
        "/api/review/stats",
        "各规则的采纳/驳回次数",
        "审查人员",
        "",
    ),
    (
        "post",
        "/api/review/{id}/decisions",
        "采纳或驳回一项审查发现",
        "审查人员",
        "Decision",
    ),
    (
        "post",
        "/api/admin/users/{name}/{action}",
        "管理账号：停用、启用、重设密码、结束会话、解除登录锁定",
        "管理员",
        "",
    ),
    (
        "post",
        "/api/account/password",
        "修改本人密码（所有会话随即结束，须重新登录）",
        "所有登录用户",
        "",
    ),
    (
        "post",
        "/api/review/{id}/return",
        "将已提交的填报退回申报单位修改（附理由）",
        "审查人员",
        "",
    ),
    (
        "post",
        "/api/review/{id}/opinion",
        "依据采纳的问题和类似批复起草审查意见",
        "审查人员",
        "",
    ),
    (
        "put",
        "/api/review/{id}/opinion",
        "保存修改后的审查意见",
        "审查人员",
        "Opinion",
    ),
    (
        "get",
        "/api/review/{id}/permit",
        "由环评数据生成排污许可申请草稿",
        "审查人员",
        "",
    ),
    (
        "get",
        "/api/clause",
        "引用条款的原文（doc、clause 参数）",
        "已登录",
        "",
    ),
    (
        "post",
        "/api/chat",
        "法规问答，SSE 流式返回（status/text/done/error 事件）",
        "工作人员、审查人员",
        "Question",
    ),
    (
        "get",
        "/api/chat/history",
        "本人的问答记录",
        "工作人员、审查人员",
        "",
    ),
    ("get", "/api/admin/users", "用户列表", "管理员", ""),
    ("post", "/api/admin/users", "新建用户", "管理员", "NewUser"),
    (
        "get",
        "/api/admin/audit",
        "审计日志（最近 200 条）",
        "管理员",
        "",
    ),
    ("get", "/api/openapi.json", "本文档", "任何人", ""),
];

fn schemas() -> Value {
    json!({
        "Login": { "type": "object", "required": ["name", "password"],
                   "properties": { "name": {"type": "string"}, "password": {"type": "string"} } },
        "FilingBody": { "type": "object", "required": ["body"],
                        "properties": { "body": { "description": "填报对象（标准化信息填报格式 v1），或其 JSON/TOML/YAML 文本",
                                                  "oneOf": [{"type": "object"}, {"type": "string"}] } } },
        "Decision": { "type": "object", "required": ["finding_key", "accepted"],
                      "properties": { "finding_key": {"type": "string", "description": "rule_id|field"},
                                      "accepted": {"type": "boolean"}, "comment": {"type": "string"} } },
        "Opinion": { "type": "object", "required": ["text"], "properties": { "text": {"type": "string"} } },
        "Question": { "type": "object", "required": ["question"], "properties": { "question": {"type": "string", "maxLength": 500} } },
        "NewUser": { "type": "object", "required": ["name", "password", "role"],
                     "properties": { "name": {"type": "string"}, "password": {"type": "string", "minLength": 8},
                                     "role": {"enum": ["applicant", "reviewer", "staff", "admin"]},
                                     "org": {"type": "string"} } },
        "Error": { "type": "object", "properties": { "error": { "type": "object",
                   "properties": { "code": {"type": "string"}, "message": {"type": "string"} } } } },
    })
}

/// The document.
pub fn openapi() -> Value {
    let mut paths = Map::new();
    for (method, path, summary, roles, body) in ROUTES {
        let mut op = json!({
            "summary": summary,
            "description": format!("权限：{roles}。修改类请求须带请求头 X-CSRF-Token。"),
            "responses": {
                "200": { "description": "成功（JSON；/api/chat 为 text/event-stream）" },
                "400": { "description": "请求有误", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}} },
                "401": { "description": "未登录" },
                "403": { "description": "无权限或 CSRF 令牌无效" },
                "404": { "description": "不存在（或无权查看）" },
            },
        });
        if path.contains("{id}") {
            op["parameters"] = json!([{ "name": "id", "in": "path", "required": true, "schema": {"type": "integer"} }]);
        }
        if !body.is_empty() {
            op["requestBody"] = json!({ "required": true, "content": { "application/json": {
                "schema": { "$ref": format!("#/components/schemas/{body}") } } } });
        }
        let entry = paths
            .entry((*path).to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        entry[*method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": "绿审 LüShen API", "version": env!("CARGO_PKG_VERSION"),
                  "description": "纺织印染环评与排污许可智能预审：填报、预审、审查、问答。会话使用 HttpOnly Cookie。" },
        "paths": paths,
        "components": { "schemas": schemas() },
    })
}
