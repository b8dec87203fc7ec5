//! Numbers in answers and evidence: Arabic digits and simple Chinese numerals (第十四条,
//! 五年, 二十日) are compared as values.

/// The value of a Chinese numeral such as `十四`, `二十`, `一百二十`, `五`, `三万`; `None` if
/// `s` is not one. Up to 千 it is the corpus chunker's parser; 万 is added here (fines).
pub fn chinese_value(s: &str) -> Option<u64> {
    if s.is_empty() || s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let part = |p: &str| -> Option<u64> {
        if p.is_empty() {
            Some(0)
        } else {
            lvshen_corpus::chunk::chinese_number(p).map(u64::from)
        }
    };
    match s.split_once('万') {
        Some((high, low)) => {
            let high = if high.is_empty() { 1 } else { part(high)? };
            Some(high * 10_000 + part(low)?)
        }
        None => part(s),
    }
}

fn is_chinese_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千万".contains(c)
}

/// `text` with runs of Chinese numerals replaced by their Arabic value (`第十四条` →
/// `第14条`), full-width digits made half-width.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.is_empty() {
            return;
        }
        // A lone 一/两 is usually a word (一般, 两岸), not a number.
        let keep = run.chars().count() == 1 && matches!(run.as_str(), "一" | "两" | "万" | "千");
        match chinese_value(run) {
            Some(v) if !keep => out.push_str(&v.to_string()),
            _ => out.push_str(run),
        }
        run.clear();
    };
    for c in text.chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            other => other,
        };
        if is_chinese_numeral(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    scale_wan(&out)
}

/// `20万` → `200000`, `1.5万` → `15000`, `5千` → `5000`: Arabic digits with 万 or 千, as fines
/// are written in regulations (`20万元`, `5千元`) while laws write `二十万元`, `五千元`; both
/// must compare as the same value.
fn scale_wan(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let scale = match chars.get(i) {
                Some('万') => 10_000.0,
                Some('千') => 1_000.0,
                _ => 0.0,
            };
            let scaled_unit = scale > 0.0 && !chars.get(i + 1).is_some_and(|c| c.is_ascii_digit());
            match digits.parse::<f64>() {
                Ok(v) if scaled_unit && digits.matches('.').count() <= 1 => {
                    let scaled = v * scale;
                    if scaled.fract() == 0.0 {
                        out.push_str(&format!("{}", scaled as u64));
                    } else {
                        out.push_str(&format!("{scaled}"));
                    }
                    i += 1;
                }
                _ => out.push_str(&digits),
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The numbers written in `text` (after [`normalize`]), as strings without trailing zeros
/// after a decimal point: `1.50` → `1.5`, `30` → `30`.
pub fn numbers(text: &str) -> Vec<String> {
    let text = normalize(text);
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let decimal_point = c == '.'
            && !current.is_empty()
            && !current.contains('.')
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || decimal_point {
            current.push(c);
        } else if !current.is_empty() {
            out.push(canonical(&current));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(canonical(&current));
    }
    out
}

fn canonical(number: &str) -> String {
    if number.contains('.') {
        let trimmed = number.trim_end_matches('0').trim_end_matches('.');
        trimmed.to_owned()
    } else {
        let trimmed = number.trim_start_matches('0');
        if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_value("十四"), Some(14));
        assert_eq!(chinese_value("二十"), Some(20));
        assert_eq!(chinese_value("一百二十"), Some(120));
        assert_eq!(chinese_value("五"), Some(5));
        assert_eq!(chinese_value("三万"), Some(30_000));
        assert_eq!(chinese_value("条"), None);
        assert_eq!(
            normalize("第十四条规定有效期为五年"),
            "第14条规定有效期为5年"
        );
        assert_eq!(normalize("一般项目，两岸"), "一般项目，两岸");
        // Fines: the regulation's 20万元 and the Code's 二十万元 are the same value.
        assert_eq!(
            normalize("处20万元以上100万元以下"),
            "处200000元以上1000000元以下"
        );
        assert_eq!(
            normalize("处二十万元以上一百万元以下"),
            "处200000元以上1000000元以下"
        );
        assert_eq!(normalize("1.5万吨"), "15000吨");
        assert_eq!(normalize("GB 4287-2012"), "GB 4287-2012");
    }

    #[test]
    fn numbers_are_canonical() {
        assert_eq!(
            numbers("总磷1.50 mg/L，COD 200，pH 6–9"),
            ["1.5", "200", "6", "9"]
        );
        assert_eq!(numbers("自受理之日起二十日内"), ["20"]);
        assert_eq!(numbers("GB 4287-2012 表2"), ["4287", "2012", "2"]);
        assert_eq!(numbers("第3.8条。"), ["3.8"]);
        // Fines written with 万 / 千 after digits compare with the Chinese numerals.
        assert_eq!(numbers("处每次5千元以上2万元以下"), ["5000", "20000"]);
        assert_eq!(numbers("五千元以上五万元以下"), ["5000", "50000"]);
    }
}
