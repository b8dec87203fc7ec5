//! Markdown sources: optional YAML front matter with the document's metadata, then a body.

use crate::model::{DocMeta, DocType};

/// Splits `---\nfront matter\n---\nbody`; returns the metadata (empty when absent) and body.
pub fn split_front_matter(text: &str) -> Result<(DocMeta, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((DocMeta::default(), text));
    };
    let Some(end) = rest.find("\n---") else {
        return Err("front matter starts with --- but never ends".to_owned());
    };
    let yaml = &rest[..end];
    let body = rest[end + 4..].trim_start_matches(['-', '\r', '\n']);
    let raw: RawFront = serde_norway::from_str(yaml).map_err(|e| format!("front matter: {e}"))?;
    let doc_type = match raw.doc_type.as_deref() {
        Some(t) => {
            Some(DocType::parse(t).ok_or_else(|| format!("front matter: unknown doc_type {t:?}"))?)
        }
        None => None,
    };
    Ok((
        DocMeta {
            title: raw.title.unwrap_or_default(),
            doc_number: raw.doc_number,
            doc_type,
            issuer: raw.issuer,
            effective: raw.effective.map(|v| match v {
                serde_norway::Value::String(s) => s,
                serde_norway::Value::Number(n) => n.to_string(),
                other => format!("{other:?}"),
            }),
            status: raw.status,
            confidence: raw.confidence,
            tags: raw.tags.unwrap_or_default(),
        },
        body,
    ))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    title: Option<String>,
    doc_number: Option<String>,
    doc_type: Option<String>,
    issuer: Option<String>,
    effective: Option<serde_norway::Value>,
    status: Option<String>,
    confidence: Option<String>,
    tags: Option<Vec<String>>,
}

/// The first `# ` heading of a Markdown body.
pub fn h1(body: &str) -> Option<String> {
    body.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter() {
        let text = "---\ntitle: 示例\ndoc_type: approval\neffective: 2024-03-01\ntags: [柯桥区, 印染]\n---\n# 示例\n正文";
        let (meta, body) = split_front_matter(text).unwrap();
        assert_eq!(meta.title, "示例");
        assert_eq!(meta.doc_type, Some(DocType::Approval));
        assert_eq!(meta.effective.as_deref(), Some("2024-03-01"));
        assert_eq!(meta.tags, ["柯桥区", "印染"]);
        assert!(body.starts_with("# 示例"));
    }

    #[test]
    fn no_front_matter_is_fine_and_a_broken_one_is_an_error() {
        assert_eq!(split_front_matter("# 标题").unwrap().0, DocMeta::default());
        assert!(split_front_matter("---\ntitle: x\n").is_err());
        assert!(split_front_matter("---\nunknown: x\n---\n").is_err());
    }
}
