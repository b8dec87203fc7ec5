//! Reading values out of cell and sentence text: numbers with units, "/" as none, "少量" and
//! "≤…" as non-numeric, full-width digits, broken numbers reported rather than guessed,
//! coordinates in degrees-minutes-seconds, tick boxes.

/// Full-width digits and punctuation to ASCII, spaces removed; circled numbers kept.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' | '—' | '–' => Some('-'),
            '（' => Some('('),
            '）' => Some(')'),
            '：' => Some(':'),
            '％' => Some('%'),
            '／' => Some('/'),
            '，' => Some(','),
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// A label compared loosely: folded, parentheses and their content kept, punctuation that
/// varies between reports (colon, asterisk) dropped.
pub fn label_key(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| !matches!(c, ':' | '*' | '★' | '·'))
        .collect()
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A number (unit text after it, if any).
    Number(f64, String),
    /// "/", "—", "无", empty: nothing.
    None,
    /// Text that is not a number ("少量", "≤2000（无量纲）").
    Text(String),
    /// Looks like a number but cannot be read as one ("1.2.3").
    Broken(String),
}

/// Reads a cell as a quantity.
pub fn quantity(text: &str) -> Quantity {
    let t = fold(text);
    if t.is_empty() || matches!(t.as_str(), "/" | "-" | "无" | "/t/a" | "——" | "--") {
        return Quantity::None;
    }
    if t.starts_with(['≤', '<', '≥', '>', '约', '~']) || t.contains("少量") {
        return Quantity::Text(text.trim().to_owned());
    }
    let bytes: Vec<char> = t.chars().collect();
    let mut end = 0;
    let mut dots = 0;
    let mut digits = 0;
    while end < bytes.len() {
        let c = bytes[end];
        if c.is_ascii_digit() {
            digits += 1;
        } else if c == '.' {
            dots += 1;
        } else if !(c == '-' && end == 0) && c != ',' {
            break;
        }
        end += 1;
    }
    if digits == 0 {
        return Quantity::Text(text.trim().to_owned());
    }
    let number: String = bytes[..end].iter().filter(|c| **c != ',').collect();
    if dots > 1 {
        return Quantity::Broken(text.trim().to_owned());
    }
    let rest: String = bytes[end..].iter().collect();
    // A scientific notation tail: ×10-5 / E-5.
    let (value, rest) = match number.parse::<f64>() {
        Ok(v) => (v, rest),
        Err(_) => return Quantity::Broken(text.trim().to_owned()),
    };
    if let Some(exp) = rest
        .strip_prefix("×10")
        .or_else(|| rest.strip_prefix("*10"))
        .or_else(|| rest.strip_prefix("E"))
        .or_else(|| rest.strip_prefix("e"))
    {
        let (e, tail) = split_number(exp);
        if let Ok(e) = e.parse::<i32>() {
            return Quantity::Number(value * 10f64.powi(e), tail.to_owned());
        }
    }
    Quantity::Number(value, rest)
}

fn split_number(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || (*i == 0 && (*c == '-' || *c == '+'))))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    s.split_at(end)
}

/// The number of a cell, when it is one.
pub fn number(text: &str) -> Option<f64> {
    match quantity(text) {
        Quantity::Number(v, _) => Some(v),
        _ => None,
    }
}

/// A coordinate pair from text such as `东经120度38分12.600秒，北纬30度8分45.120秒`,
/// `120°38'12.6"E 30°8'45.12"N`, or decimal degrees `120.636833, 30.145867`.
pub fn coordinates(text: &str) -> Option<(f64, f64)> {
    let t = text
        .replace(['′', '’', '\''], "分")
        .replace(['″', '"', '”'], "秒");
    let t = t.replace('°', "度");
    let mut found: Vec<(f64, Option<char>)> = Vec::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    let mut hemisphere: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '东' | 'E' => hemisphere = Some('E'),
            '北' | 'N' => hemisphere = Some('N'),
            _ => {}
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let deg: f64 = chars[start..i].iter().collect::<String>().parse().ok()?;
            let mut value = deg;
            if chars.get(i) == Some(&'度') {
                i += 1;
                for (unit, div) in [('分', 60.0), ('秒', 3600.0)] {
                    let s = i;
                    while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                        i += 1;
                    }
                    if s < i && chars.get(i) == Some(&unit) {
                        let v: f64 = chars[s..i].iter().collect::<String>().parse().ok()?;
                        value += v / div;
                        i += 1;
                    } else {
                        i = s;
                        break;
                    }
                }
            }
            found.push((value, hemisphere.take()));
            continue;
        }
        i += 1;
    }
    let lon = found
        .iter()
        .find(|(_, h)| *h == Some('E'))
        .or_else(|| found.iter().find(|(v, _)| (73.0..136.0).contains(v)))?
        .0;
    let lat = found
        .iter()
        .find(|(_, h)| *h == Some('N'))
        .or_else(|| found.iter().find(|(v, _)| (3.0..54.0).contains(v)))?
        .0;
    ((73.0..136.0).contains(&lon) && (3.0..54.0).contains(&lat))
        .then_some(((lon * 1e6).round() / 1e6, (lat * 1e6).round() / 1e6))
}

/// The ticked options of a tick-box text (`☑新建 □改建`): each option is the text after a
/// box up to the next box. A box is ticked when it is ☑ ☒ ✓ ✔ ■ or √.
pub fn ticked(text: &str) -> Vec<String> {
    let is_box = |c: char| matches!(c, '☑' | '☒' | '✓' | '✔' | '■' | '√' | '□' | '☐' | '▢');
    let is_tick = |c: char| matches!(c, '☑' | '☒' | '✓' | '✔' | '■' | '√');
    let mut out = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for c in text.chars() {
        if is_box(c) {
            if let Some((true, option)) = current.take() {
                out.push(option.trim().trim_end_matches([':', '：']).to_owned());
            }
            current = Some((is_tick(c), String::new()));
        } else if let Some((_, option)) = current.as_mut() {
            option.push(c);
        }
    }
    if let Some((true, option)) = current {
        out.push(option.trim().trim_end_matches([':', '：']).to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(quantity("0.108t/a"), Quantity::Number(0.108, "t/a".into()));
        assert_eq!(quantity("／"), Quantity::None);
        assert_eq!(quantity("少量"), Quantity::Text("少量".into()));
        assert!(matches!(quantity("≤2000（无量纲）"), Quantity::Text(_)));
        assert_eq!(quantity("１２.５"), Quantity::Number(12.5, String::new()));
        assert!(matches!(quantity("1.2.3"), Quantity::Broken(_)));
        assert!(
            matches!(quantity("2.41×10-5"), Quantity::Number(v, _) if (v - 2.41e-5).abs() < 1e-12)
        );
        assert_eq!(number("1,200"), Some(1200.0));
    }

    #[test]
    fn coordinates_in_several_forms() {
        let (lon, lat) = coordinates("东经120度38分12.600秒，北纬30度8分45.120秒").unwrap();
        assert!((lon - 120.636833).abs() < 1e-5 && (lat - 30.1458667).abs() < 1e-5);
        let (lon, lat) = coordinates("113°6'49.765\" N34°2′12.656″").unwrap();
        assert!((lon - 113.113824).abs() < 1e-5 && (lat - 34.036849).abs() < 1e-5);
        assert!(coordinates("无").is_none());
    }

    #[test]
    fn tick_boxes() {
        assert_eq!(
            ticked("□新建（迁建） □改建 □扩建 ☑技术改造"),
            vec!["技术改造"]
        );
        assert_eq!(ticked("☑否 □是："), vec!["否"]);
        assert!(ticked("新建 改建").is_empty());
    }
}
