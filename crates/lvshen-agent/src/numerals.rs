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
        // Roman numerals of classes (Ⅲ类) are written in ASCII just as often (III类).
        let roman = match c {
            'Ⅰ' => Some("I"),
            'Ⅱ' => Some("II"),
            'Ⅲ' => Some("III"),
            'Ⅳ' => Some("IV"),
            'Ⅴ' => Some("V"),
            _ => None,
        };
        if let Some(r) = roman {
            flush(&mut run, &mut out);
            out.push_str(r);
            continue;
        }
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

/// `text` normalised ([`normalize`]) without the numbers that are labels: 第…条/款/项/章/节,
/// 表N and an item's （N）.
pub fn without_labels(text: &str) -> String {
    let chars: Vec<char> = normalize(text).chars().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '第' || c == '表' {
            let end = (i + 1..chars.len().min(i + 10))
                .find(|&j| !(chars[j].is_ascii_digit() || chars[j] == '.'));
            if let Some(end) = end
                && end > i + 1
                && (c == '表' || matches!(chars[end], '条' | '款' | '项' | '章' | '节'))
            {
                kept.push(c);
                i = end;
                continue;
            }
        }
        if matches!(c, '(' | '（')
            && let Some(end) =
                (i + 1..chars.len().min(i + 5)).find(|&j| matches!(chars[j], ')' | '）'))
            && chars[i + 1..end].iter().all(char::is_ascii_digit)
        {
            i = end + 1;
            continue;
        }
        kept.push(c);
        i += 1;
    }
    kept
}

/// The quantities `text` states, labels aside ([`without_labels`]), in order: a range
/// ("十万元以上一百万元以下", "6～9", "30至45日") is one group of two numbers, any other
/// number a group of one.
pub fn quantities(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = without_labels(text).chars().collect();
    // (value, start, end) of each number.
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
            {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            found.push((canonical(&run), start, i));
        } else {
            i += 1;
        }
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut k = 0;
    let follows = |end: usize, mark: char| chars.get(end) == Some(&mark);
    while k < found.len() {
        // A date is one quantity: 2015年1月1日, 2015-01-01.
        if k + 2 < found.len() {
            let (y, _, y_end) = &found[k];
            let (m, m_start, m_end) = &found[k + 1];
            let (d, d_start, d_end) = &found[k + 2];
            let written = follows(*y_end, '年') && follows(*m_end, '月') && follows(*d_end, '日');
            let iso = y.len() == 4
                && follows(*y_end, '-')
                && *m_start == y_end + 1
                && follows(*m_end, '-')
                && *d_start == m_end + 1;
            if (written && *m_start == y_end + 1 && *d_start == m_end + 1) || iso {
                out.push(vec![format!("{y}-{m}-{d}")]);
                k += 3;
                continue;
            }
        }
        let (value, _, end) = &found[k];
        if let Some((next, start, _)) = found.get(k + 1) {
            let between: String = chars[*end..*start].iter().collect();
            let joined = between.chars().count() <= 8
                && ["以上", "至", "～", "~", "-", "—", "－", "到"]
                    .iter()
                    .any(|m| between.contains(m));
            if joined {
                out.push(vec![value.clone(), next.clone()]);
                k += 2;
                continue;
            }
        }
        out.push(vec![value.clone()]);
        k += 1;
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

/// A size a question states with its unit ("10吨的燃煤锅炉" → 10 t, "7兆瓦" → 7 MW): the row of a
/// table of size classes that holds it answers the question (GB 13271 表4: "7～＜14 MW（10～＜20
/// t/h）40 m"). Units: `t` (吨, t/h, 蒸吨) and `mw` (MW, 兆瓦).
pub fn stated_size(question: &str) -> Option<(f64, &'static str)> {
    let chars: Vec<char> = normalize(question).to_lowercase().chars().collect();
    numbers_in(&chars)
        .into_iter()
        .find_map(|(value, _, end)| size_unit_at(&chars, end).map(|unit| (value, unit)))
}

/// The numbers of `chars` (digit runs, with a decimal point): (value, start, end).
fn numbers_in(chars: &[char]) -> Vec<(f64, usize, usize)> {
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            if let Ok(v) = run.trim_end_matches('.').parse::<f64>() {
                numbers.push((v, start, i));
            }
        } else {
            i += 1;
        }
    }
    numbers
}

/// The size unit that follows a number ending at `end` (after any white space), if any.
fn size_unit_at(chars: &[char], end: usize) -> Option<&'static str> {
    let rest: String = chars[end..].iter().collect();
    size_unit(rest.trim_start())
}

/// `text` as the size readers see it: numerals as digits, lower-cased, without white space.
fn compact_sizes(text: &str) -> Vec<char> {
    normalize(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The size unit `text` opens with, if any.
fn size_unit(text: &str) -> Option<&'static str> {
    if ["吨", "t/h", "蒸吨"].iter().any(|u| text.starts_with(u))
        || text.starts_with('t') && !text[1..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        Some("t")
    } else if text.starts_with("mw") || text.starts_with("兆瓦") {
        Some("mw")
    } else {
        None
    }
}

/// The unit of time a part asks a quantity in ("…放多少年也不要紧" → 年), if any.
pub fn asked_time_unit(part: &str) -> Option<&'static str> {
    // 几月 asks which month, a date; 多少月 is rare but a span.
    ["个月", "小时", "年", "天", "日", "月"]
        .into_iter()
        .find(|u| {
            part.contains(&format!("多少{u}")) || *u != "月" && part.contains(&format!("几{u}"))
        })
}

/// Whether `text` states a quantity in `unit`: a numeral, in digits or in Chinese (一年,
/// 十五日, 半年), right before it.
/// 天 and 日, 月 and 个月 are one unit; a 工作日 is a 日.
pub fn states_quantity_in(text: &str, unit: &str) -> bool {
    let written: &[&str] = match unit {
        "天" | "日" => &["天", "日", "个工作日", "工作日"],
        "月" | "个月" => &["个月", "月"],
        other => &[other][..],
    };
    written.iter().any(|w| {
        text.match_indices(w).any(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十百半".contains(c))
        })
    })
}

/// Whether `text` states any size in `unit` (a number followed by it).
pub fn states_size_in(text: &str, unit: &str) -> bool {
    let chars = compact_sizes(text);
    numbers_in(&chars)
        .into_iter()
        .any(|(_, _, end)| size_unit_at(&chars, end) == Some(unit))
}

/// Whether `text` states a size class that holds `value` in `unit`: a range "a～＜b", "a~b",
/// "＜b", "≥a", "a及以上", "a以下" followed by that unit.
pub fn in_stated_range(text: &str, value: f64, unit: &str) -> bool {
    let chars = compact_sizes(text);
    let numbers = numbers_in(&chars);
    let text_at = |from: usize, to: usize| -> String { chars[from..to].iter().collect() };
    let unit_after = |end: usize| size_unit_at(&chars, end);
    let mut k = 0;
    while k < numbers.len() {
        let (a, a_start, a_end) = numbers[k];
        let before: String = text_at(a_start.saturating_sub(1), a_start);
        // "a～＜b" / "a~b" / "a-b": a range when only a dash and a bound sign stand between.
        if let Some(&(b, b_start, b_end)) = numbers.get(k + 1) {
            let between = text_at(a_end, b_start);
            let dash = ["～", "~", "-", "—", "至"]
                .iter()
                .any(|d| between.starts_with(d))
                && between.chars().count() <= 2;
            if dash {
                if unit_after(b_end) == Some(unit) {
                    let open = between.contains('＜') || between.contains('<');
                    if value >= a && (value < b || !open && value == b) {
                        return true;
                    }
                }
                k += 2;
                continue;
            }
        }
        if unit_after(a_end) == Some(unit) {
            let after: String = chars[a_end..].iter().take(8).collect();
            let holds = match before.as_str() {
                "＜" | "<" => value < a,
                "≤" => value <= a,
                "≥" => value >= a,
                "＞" | ">" => value > a,
                _ if after.contains("以上") => value >= a,
                _ if after.contains("以下") => value <= a,
                _ => false,
            };
            if holds {
                return true;
            }
        }
        k += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_size_the_question_states_is_found_in_its_class_of_a_table() {
        assert_eq!(
            super::stated_size("锅炉房一共10吨的燃煤锅炉，烟囱最少要多高？"),
            Some((10.0, "t"))
        );
        assert_eq!(super::stated_size("7兆瓦的热水锅炉"), Some((7.0, "mw")));
        assert_eq!(super::stated_size("2类区夜间限值是多少？"), None);
        let rows = [
            "锅炉房装机总容量＜0.7 MW（＜1 t/h）20 m",
            "2.8～＜7 MW（4～＜10 t/h）35 m",
            "7～＜14 MW（10～＜20 t/h）40 m",
            "≥14 MW（≥20 t/h）45 m",
        ];
        let holding: Vec<&str> = rows
            .iter()
            .copied()
            .filter(|r| super::in_stated_range(r, 10.0, "t"))
            .collect();
        assert_eq!(holding, ["7～＜14 MW（10～＜20 t/h）40 m"]);
        assert!(super::in_stated_range(rows[0], 0.5, "t"));
        assert!(super::in_stated_range(rows[3], 14.0, "mw"));
        assert!(!super::in_stated_range(rows[3], 14.0, "t"));
        assert!(super::in_stated_range(
            "20t/h及以上蒸汽锅炉应安装自动监控设备",
            35.0,
            "t"
        ));
        assert!(!super::in_stated_range(
            "20t/h及以上蒸汽锅炉应安装自动监控设备",
            10.0,
            "t"
        ));
        assert!(super::states_size_in(rows[1], "t"));
        assert!(!super::states_size_in(
            "表4 燃煤锅炉房烟囱最低允许高度",
            "t"
        ));
    }

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

    #[test]
    fn quantities_keep_ranges_together_and_skip_labels() {
        assert_eq!(
            quantities("第一千一百零四条 处十万元以上一百万元以下的罚款"),
            [vec!["100000", "1000000"]]
        );
        assert_eq!(
            quantities("（三）有效期为5年，pH 6～9"),
            [vec!["5"], vec!["6", "9"]]
        );
        assert_eq!(quantities("依据表2和第十四条"), Vec::<Vec<String>>::new());
        // A date is one quantity, however it is written.
        assert_eq!(quantities("自2015年1月1日起"), [vec!["2015-1-1"]]);
        assert_eq!(quantities("2015-01-01起"), [vec!["2015-1-1"]]);
    }

    #[test]
    fn a_time_asked_is_stated_by_a_numeral_before_its_unit() {
        assert_eq!(super::asked_time_unit("危废放多少年也不要紧"), Some("年"));
        assert_eq!(super::asked_time_unit("多少个月内办完"), Some("个月"));
        assert_eq!(super::asked_time_unit("限值是多少"), None);
        // "每年几月申报" asks which month, a date, not a span.
        assert_eq!(super::asked_time_unit("每年几月申报"), None);
        assert!(super::states_quantity_in("贮存危险废物不得超过一年", "年"));
        assert!(!super::states_quantity_in(
            "处十日以上十五日以下拘留，每年报告",
            "年"
        ));
        assert!(super::states_quantity_in(
            "自受理之日起二十个工作日内",
            "天"
        ));
        assert!(!super::states_quantity_in("按月报告", "个月"));
    }
}
