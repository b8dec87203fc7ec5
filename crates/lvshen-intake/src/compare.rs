//! The document against the standardized filing the applicant submitted: every field present
//! in both is compared (numbers to 0.1 %, text after folding full-width forms and spaces),
//! list items matched by their key (outlet id, pollutant code, name), and differences listed.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::values::fold;

/// One field that differs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Difference {
    /// The field in the filing (`air.outlets[0].height_m`).
    pub field: String,
    /// The same field in the draft (`air.outlets[1].height_m`), for its provenance.
    pub draft_field: String,
    pub document: Value,
    pub filing: Value,
}

/// Result of the comparison.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Comparison {
    /// Fields present in both.
    pub compared: usize,
    pub differences: Vec<Difference>,
}

fn item_key(item: &Value) -> Option<String> {
    for k in ["id", "code", "pollutant", "name"] {
        if let Some(v) = item.get(k).and_then(Value::as_str) {
            return Some(format!("{k}={}", fold(v)));
        }
    }
    None
}

/// Leaves by canonical path (array items by key where they have one), with the real path.
fn leaves(v: &Value, canon: String, real: String, out: &mut BTreeMap<String, (String, Value)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let sep = if canon.is_empty() { "" } else { "." };
                leaves(
                    x,
                    format!("{canon}{sep}{k}"),
                    format!("{real}{sep}{k}"),
                    out,
                );
            }
        }
        Value::Array(items) if items.iter().all(|i| i.is_object()) && !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                let key = item_key(item).unwrap_or_else(|| i.to_string());
                leaves(item, format!("{canon}[{key}]"), format!("{real}[{i}]"), out);
            }
        }
        _ => {
            out.insert(canon, (real, v.clone()));
        }
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            (x - y).abs() <= 1e-3 * x.abs().max(y.abs()).max(1e-9)
        }
        (Value::String(x), Value::String(y)) => fold(x) == fold(y),
        (Value::Array(x), Value::Array(y)) => {
            let mut x: Vec<String> = x.iter().map(|v| fold(&v.to_string())).collect();
            let mut y: Vec<String> = y.iter().map(|v| fold(&v.to_string())).collect();
            x.sort();
            y.sort();
            x == y
        }
        _ => a == b,
    }
}

/// Compares the draft with a filing.
pub fn compare(draft: &Value, filing: &Value) -> Comparison {
    let mut a = BTreeMap::new();
    let mut b = BTreeMap::new();
    leaves(draft, String::new(), String::new(), &mut a);
    leaves(filing, String::new(), String::new(), &mut b);
    let mut out = Comparison::default();
    for (canon, (draft_field, dv)) in &a {
        if canon == "schema_version" {
            continue;
        }
        let Some((field, fv)) = b.get(canon) else {
            continue;
        };
        out.compared += 1;
        if !same(dv, fv) {
            out.differences.push(Difference {
                field: field.clone(),
                draft_field: draft_field.clone(),
                document: dv.clone(),
                filing: fv.clone(),
            });
        }
    }
    out
}

/// The Chinese name of a filing field (`air.outlets[0].height_m` → `废气排放口[1] 排气筒高度（m）`),
/// for messages; unknown keys stay as they are.
pub fn field_label_zh(path: &str) -> String {
    const LEAVES: &[(&str, &str)] = &[
        ("name", "名称"),
        ("applicant", "建设单位"),
        ("credit_code", "统一社会信用代码"),
        ("eia_agency", "环评编制单位"),
        ("construction_type", "建设性质"),
        ("industry_code", "国民经济行业代码"),
        ("document_type", "环评文件类型"),
        ("investment_total_wan_yuan", "总投资（万元）"),
        ("investment_env_wan_yuan", "环保投资（万元）"),
        ("district", "所在区县"),
        ("address", "建设地点"),
        ("longitude", "经度"),
        ("latitude", "纬度"),
        ("land_area_m2", "用地面积（m²）"),
        ("output", "产量"),
        ("unit", "单位"),
        ("id", "编号"),
        ("height_m", "排气筒高度（m）"),
        ("inner_diameter_m", "排气筒内径（m）"),
        ("exit_temperature_c", "排气温度（℃）"),
        ("flow_m3_per_h", "风量（m³/h）"),
        ("code", "代码"),
        ("concentration_mg_per_m3", "排放浓度（mg/m³）"),
        ("rate_kg_per_h", "排放速率（kg/h）"),
        ("load_t_per_year", "排放量（t/a）"),
        ("discharged_t_per_year", "废水排放量（t/a）"),
        ("discharge_mode", "排放方式"),
        ("receiving", "纳污单位/水体"),
        ("outlet_id", "废水排放口编号"),
        ("category", "类别"),
        ("t_per_year", "产生量（t/a）"),
        ("direction", "方位"),
        ("distance_m", "距离（m）"),
        ("kind", "类型"),
        ("pollutant", "污染物"),
        ("amount_t_per_year", "总量（t/a）"),
        ("max_storage_t", "最大储存量（t）"),
        ("critical_quantity_t", "临界量（t）"),
        ("special_assessments", "专项评价"),
        ("source", "来源"),
    ];
    const GROUPS: &[(&str, &str)] = &[
        ("project", "项目"),
        ("location", "位置"),
        ("products", "产品"),
        ("outlets", "废气排放口"),
        ("pollutants", "污染物"),
        ("solid_waste", "固体废物"),
        ("receptors", "环境保护目标"),
        ("total_control", "总量控制"),
        ("substances", "风险物质"),
        ("water", "废水"),
        ("air", ""),
        ("risk", ""),
        ("assessment", ""),
    ];
    let mut parts = Vec::new();
    let segments: Vec<&str> = path.split('.').collect();
    for (k, seg) in segments.iter().enumerate() {
        let (name, index) = match seg.find('[') {
            Some(i) => (&seg[..i], seg[i + 1..seg.len() - 1].parse::<usize>().ok()),
            None => (*seg, None),
        };
        let last = k + 1 == segments.len();
        let zh = if last {
            LEAVES.iter().find(|(key, _)| *key == name).map(|(_, z)| *z)
        } else {
            GROUPS.iter().find(|(key, _)| *key == name).map(|(_, z)| *z)
        };
        let mut label = zh.unwrap_or(name).to_owned();
        if let Some(i) = index {
            label.push_str(&format!("第{}项", i + 1));
        }
        if !label.is_empty() {
            parts.push(label);
        }
    }
    parts.concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn matches_items_by_key() {
        let draft = json!({"air": {"outlets": [{"id": "DA002", "height_m": 15}, {"id": "DA001", "height_m": 20}]},
                           "project": {"name": "年产８０００万米项目"}});
        let filing = json!({"air": {"outlets": [{"id": "DA001", "height_m": 15}, {"id": "DA002", "height_m": 15.0}]},
                            "project": {"name": "年产8000万米项目", "applicant": "x"}});
        let c = compare(&draft, &filing);
        assert_eq!(c.compared, 5);
        assert_eq!(c.differences.len(), 1);
        assert_eq!(c.differences[0].field, "air.outlets[0].height_m");
        assert_eq!(c.differences[0].draft_field, "air.outlets[1].height_m");
    }
}
