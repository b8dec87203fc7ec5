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
