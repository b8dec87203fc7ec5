//! Text normalisation for Chinese documents: NFKC (full-width digits and letters become ASCII,
//! compatibility ideographs fold), removal of the line-wrap whitespace PDF extractors leave
//! between two CJK characters, and collapsing of runs of spaces.

use unicode_normalization::UnicodeNormalization;

/// Whether a character is CJK (ideographs, CJK punctuation, full-width forms after NFKC).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF00..=0xFFEF // half/full-width forms
        | 0x20000..=0x2FA1F)
}

/// Whether a character is a CJK ideograph (not punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Normalises one line: NFKC, whitespace between CJK characters removed, runs of spaces
/// collapsed, trimmed.
pub fn normalize_line(line: &str) -> String {
    // Private-use code points are glyphs of symbol fonts (formula parts) with no meaning
    // as text; they are dropped.
    let nfkc: String = line
        .nfkc()
        .filter(|c| !matches!(*c as u32, 0xE000..=0xF8FF))
        .collect();
    let chars: Vec<char> = nfkc.chars().collect();
    let mut out = String::with_capacity(nfkc.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = out.chars().last();
            let after = chars.get(i).copied();
            let joins_cjk = match (before, after) {
                (Some(b), Some(a)) => is_cjk(b) && is_cjk(a),
                _ => false,
            };
            if !joins_cjk && start > 0 && i < chars.len() {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.trim().to_owned()
}

/// Normalises a whole text line by line, keeping line structure (empty lines dropped).
pub fn normalize_text(text: &str) -> String {
    text.lines()
        .map(normalize_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Joins wrapped lines of running text into paragraphs: a line break between two CJK
/// characters is a wrap, not a paragraph end, unless the next line starts a numbered item.
pub fn join_wrapped(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let last = out.chars().last().unwrap_or(' ');
        let first = line.chars().next().unwrap_or(' ');
        let starts_item =
            first == '（' || first == '(' || first.is_ascii_digit() || line.starts_with('第');
        let ends_sentence = matches!(last, '。' | '；' | '：' | ';' | ':');
        if is_cjk(last) && is_cjk(first) && !ends_sentence && !starts_item {
            out.push_str(line);
        } else {
            out.push('\n');
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_wrap_spaces_between_cjk_and_applies_nfkc() {
        assert_eq!(normalize_line("水污染 防治 法"), "水污染防治法");
        assert_eq!(normalize_line("ＧＢ　４２８７－２０１２"), "GB 4287-2012");
        assert_eq!(normalize_line("COD  200 mg/L"), "COD 200 mg/L");
        assert_eq!(normalize_line("化学需氧量 200"), "化学需氧量 200");
        assert_eq!(normalize_line("  表 2   新建企业 "), "表 2 新建企业");
    }

    #[test]
    fn joins_wrapped_lines_not_items() {
        let lines = vec![
            "本标准规定了纺织染整".to_owned(),
            "工业企业的限值。".to_owned(),
            "（一）项目".to_owned(),
        ];
        assert_eq!(
            join_wrapped(&lines),
            "本标准规定了纺织染整工业企业的限值。\n（一）项目"
        );
    }
}
