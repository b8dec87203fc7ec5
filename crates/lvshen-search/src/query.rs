//! Reading a question: standard numbers (GB 4287, HJ 861-2017), article numbers (第十四条,
//! 第14条), tables and sections (表2, 4.5), and the free text around them.

use unicode_normalization::UnicodeNormalization;

use crate::index::{compact, doc_key};

/// What a query names explicitly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedQuery {
    /// NFKC-normalised query.
    pub free_text: String,
    /// `gb4287` for "GB 4287 表2".
    pub doc_key: Option<String>,
    /// Clause labels, in index form: 第十四条, 表2, 4.5.
    pub clauses: Vec<String>,
    /// Titles named in the query (filled by the index from its known titles).
    pub titles: Vec<String>,
}

/// Parses a query.
pub fn parse(query: &str) -> ParsedQuery {
    let text: String = query.nfkc().collect();
    let doc_key = lvshen_corpus::standard_number(&text).map(|n| doc_key(&n));
    let mut clauses = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '第' {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let han: String = chars[i + 1..]
                .iter()
                .take_while(|c| "零〇一二三四五六七八九十百千两".contains(**c))
                .collect();
            let (number, len) = if !digits.is_empty() {
                (
                    digits.parse::<u32>().ok().map(to_chinese),
                    digits.chars().count(),
                )
            } else {
                (
                    Some(han.clone()).filter(|h| !h.is_empty()),
                    han.chars().count(),
                )
            };
            if let (Some(number), Some('条')) = (number, chars.get(i + 1 + len)) {
                clauses.push(format!("第{number}条"));
                i += len + 2;
                continue;
            }
        }
        if chars[i] == '表' {
            let rest: String = chars[i + 1..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '.')
                .collect();
            if rest
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            {
                clauses.push(format!("表{rest}"));
            }
        }
        if chars[i].is_ascii_digit()
            && (i == 0
                || !chars[i - 1].is_ascii_alphanumeric()
                    && chars[i - 1] != '-'
                    && chars[i - 1] != '.')
        {
            let number: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '.')
                .collect();
            if number.contains('.') && !number.ends_with('.') && number.len() <= 6 {
                clauses.push(number.clone());
            }
            i += number.chars().count().max(1);
            continue;
        }
        i += 1;
    }
    ParsedQuery {
        free_text: text,
        doc_key,
        clauses: clauses.into_iter().map(|c| compact(&c)).collect(),
        titles: Vec::new(),
    }
}

/// 14 → 十四, 22 → 二十二, 105 → 一百零五.
pub fn to_chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return DIGITS[n as usize].to_owned();
    }
    if n < 20 {
        return format!(
            "十{}",
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    if n < 100 {
        return format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    if n < 1000 {
        let rest = n % 100;
        let tail = if rest == 0 {
            String::new()
        } else if rest < 10 {
            format!("零{}", DIGITS[rest as usize])
        } else if rest < 20 {
            format!("一{}", to_chinese(rest))
        } else {
            to_chinese(rest)
        };
        return format!("{}百{tail}", DIGITS[(n / 100) as usize]);
    }
    n.to_string()
}

/// Common short names of laws, mapped to the words their full titles contain.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("环评法", "环境影响评价法"),
    ("环保法", "环境保护法"),
    ("大气法", "大气污染防治法"),
    ("水污法", "水污染防治法"),
    ("水污染法", "水污染防治法"),
    ("许可条例", "排污许可管理条例"),
    ("建设项目条例", "建设项目环境保护管理条例"),
    ("98号令", "建设项目环境保护管理条例"),
    ("曹娥江条例", "浙江省曹娥江流域水环境保护条例"),
    ("分类管理名录", "建设项目环境影响评价分类管理名录"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_clauses_and_standard_numbers() {
        let q = parse("GB 4287 表2 间接排放");
        assert_eq!(q.doc_key.as_deref(), Some("gb4287"));
        assert_eq!(q.clauses, ["表2"]);
        let q = parse("排污许可管理条例 第十四条");
        assert_eq!(q.clauses, ["第十四条"]);
        let q = parse("环评法第22条规定的审批期限");
        assert_eq!(q.clauses, ["第二十二条"]);
        let q = parse("GB 4287-2012 4.5 基准水量");
        assert_eq!(q.doc_key.as_deref(), Some("gb4287"));
        assert_eq!(q.clauses, ["4.5"]);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(to_chinese(14), "十四");
        assert_eq!(to_chinese(22), "二十二");
        assert_eq!(to_chinese(40), "四十");
        assert_eq!(to_chinese(105), "一百零五");
        assert_eq!(to_chinese(113), "一百一十三");
    }
}
