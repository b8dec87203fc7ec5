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
    let nfkc: String = line.nfkc().filter(|c| !is_private_use(*c)).collect();
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

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// The private-use glyphs a PDF draws its full stop with, put back as '.' on every page.
///
/// Some standards set the decimal point in a symbol font whose glyph has no Unicode meaning
/// (GB 12348-2008: "５ \u{e010} ３ \u{e010} ２ 测点位置…高度 １ \u{e010} ２ ｍ"); dropped, as
/// other private-use glyphs are, 5.3.2 reads "5 3 2" and 1.2 m reads "1 2 m". A glyph that
/// separates the parts of a number of three parts or more (a clause number: 5.3.2) is that
/// document's full stop: a range (6～9) or a product (1.0×10) never chains so. Between digits
/// the spaces around it go too.
pub fn restore_dot_glyphs(pages: Vec<String>) -> Vec<String> {
    let mut dots: Vec<char> = Vec::new();
    for page in &pages {
        let chars: Vec<char> = page.chars().collect();
        // `at` after the digits of a part and its blanks: the separator, if it is one, and
        // where the next part's digits start.
        let separator_after = |mut at: usize| -> Option<(char, usize)> {
            while at < chars.len() && is_blank(chars[at]) {
                at += 1;
            }
            let glyph = *chars.get(at).filter(|c| is_private_use(**c))?;
            at += 1;
            while at < chars.len() && is_blank(chars[at]) {
                at += 1;
            }
            chars.get(at).filter(|c| is_digit(**c))?;
            Some((glyph, at))
        };
        let mut i = 0;
        while i < chars.len() {
            if !is_digit(chars[i]) || i > 0 && is_digit(chars[i - 1]) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < chars.len() && is_digit(chars[end]) {
                end += 1;
            }
            if let Some((glyph, next)) = separator_after(end) {
                let mut second = next;
                while second < chars.len() && is_digit(chars[second]) {
                    second += 1;
                }
                if separator_after(second).is_some_and(|(again, _)| again == glyph)
                    && !dots.contains(&glyph)
                {
                    dots.push(glyph);
                }
            }
            i = end;
        }
    }
    if dots.is_empty() {
        return pages;
    }
    pages
        .into_iter()
        .map(|page| {
            let chars: Vec<char> = page.chars().collect();
            let mut out = String::with_capacity(page.len());
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if !dots.contains(&c) {
                    out.push(c);
                    i += 1;
                    continue;
                }
                // Between digits: "１ \u{e010} ２" is "１.２".
                let mut next = i + 1;
                while next < chars.len() && is_blank(chars[next]) {
                    next += 1;
                }
                let before = out.trim_end_matches(is_blank);
                if before.chars().last().is_some_and(is_digit)
                    && chars.get(next).is_some_and(|n| is_digit(*n))
                {
                    out.truncate(before.len());
                    out.push('.');
                    i = next;
                } else {
                    out.push('.');
                    i += 1;
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_stop_drawn_as_a_private_use_glyph_is_put_back() {
        let pages = vec![
            "５ \u{e010} ３ \u{e010} ２ 测点位置一般规定\n高度 １ \u{e010} ２ ｍ 以上".to_owned(),
            "ｗｗｗ\u{e010}ｃｅｓ 与 pH 6\u{e020}9".to_owned(),
        ];
        assert_eq!(
            restore_dot_glyphs(pages),
            vec![
                "５.３.２ 测点位置一般规定\n高度 １.２ ｍ 以上".to_owned(),
                // The same glyph elsewhere is a full stop too; another glyph is left alone.
                "ｗｗｗ.ｃｅｓ 与 pH 6\u{e020}9".to_owned(),
            ]
        );
    }

    #[test]
    fn a_glyph_that_never_chains_the_parts_of_a_number_is_left_alone() {
        // A range or a product: two parts, never three.
        let pages = vec!["pH 6\u{e020}9，1\u{e021}0 与 2\u{e020}5".to_owned()];
        assert_eq!(restore_dot_glyphs(pages.clone()), pages);
    }

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
