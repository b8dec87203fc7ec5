//! A standard's amendment (修改单) changes what a table of it says: the answer that quotes a
//! table row also quotes the amendment's notes on that row.
//!
//! GB 4287-2012's 2015 amendment is the case in point: its note (3) says that wastewater
//! going to a municipal treatment plant meets the *direct* limits of 表1–表3, and notes
//! (4)/(5) replace the *indirect* COD and BOD5 limits of 表1–表2 (500/150 for a park plant
//! that pre-treats dyeing wastewater apart, 200/50 otherwise). A table row quoted alone
//! ("化学需氧量 80 200") would answer an indirect-discharge question with a value that, for
//! most dye houses, is not the one that binds.
//!
//! Which notes bear on a row is read off their words, not listed here: a note that names
//! the quoted table (表2, 表1至表3, 表1、表2) and either names the row's pollutant or states
//! no value at all (a rule for a whole column, like note (3)).

use crate::evidence::{Evidence, compact, states_quantity};

/// The word an amendment's title carries.
const AMENDMENT: &str = "修改单";

/// Whether an indexed document's `title` is an amendment of the document `number` names
/// (GB 4287-2012 → 《…》（GB 4287-2012）修改单).
pub fn amends(title: &str, number: &str) -> bool {
    let number = compact(number);
    !number.is_empty() && title.contains(AMENDMENT) && compact(title).contains(&number)
}

/// The table number a clause names: 表2 → 2 (表A.1 and the like → none).
pub fn table_number(clause: &str) -> Option<u32> {
    let rest = clause.trim_start().strip_prefix('表')?;
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The tables a note names: 表1至表3 → 1, 2, 3; 表1、表2 → 1, 2; 表2 → 2.
pub fn tables_named(text: &str) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let number_at = |mut i: usize| -> Option<(u32, usize)> {
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let n: String = chars[start..i].iter().collect();
        n.parse().ok().map(|n| (n, i))
    };
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '表'
            && let Some((n, end)) = number_at(i + 1)
        {
            out.push(n);
            // 表1至表3, 表1～表3, 表1-3: the range.
            let mut j = end;
            if j < chars.len() && ['至', '～', '~', '-', '—'].contains(&chars[j]) {
                j += 1;
                if j < chars.len() && chars[j] == '表' {
                    j += 1;
                }
                if let Some((last, after)) = number_at(j)
                    && last > n
                    && last - n < 20
                {
                    out.extend(n + 1..=last);
                    i = after;
                    continue;
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The pollutants (row names) a quoted table passage states values for: "2 化学需氧量(CODCr)
/// 80 200" → 化学需氧量. The header (up to the first "；") names columns, not rows.
pub fn row_names(table_text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for row in table_text.split('；').skip(1) {
        let row = row
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let name: String = row
            .chars()
            .take_while(|c| !c.is_ascii_digit() && !matches!(c, '(' | '（' | ' ' | '，'))
            .collect();
        if name.chars().count() >= 2 && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Whether a question asks only the direct-discharge column (直接排放, 直排, 排入水体), so that
/// notes on the indirect column do not bear on it.
pub fn asks_direct_only(question: &str) -> bool {
    let direct = ["直接排放", "直排", "排入水体", "排入河", "排到河"]
        .iter()
        .any(|w| question.contains(w));
    let indirect = ["间接", "纳管", "污水处理厂", "污水厂", "接管", "管网"]
        .iter()
        .any(|w| question.contains(w));
    direct && !indirect
}

/// Whether a question asks about the indirect-discharge column: 间接排放 in any of its
/// names, or a sewage works the water goes to.
pub fn asks_indirect(question: &str) -> bool {
    [
        "间接",
        "间排",
        "纳管",
        "污水处理厂",
        "污水厂",
        "接管",
        "管网",
    ]
    .iter()
    .any(|w| question.contains(w))
}

/// What a question asks of a table: the indirect column by name, or the direct one only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Indirect,
    DirectOnly,
    /// Neither named: the row as a whole.
    Row,
}

impl Column {
    pub fn of(question: &str) -> Self {
        if asks_direct_only(question) {
            Column::DirectOnly
        } else if asks_indirect(question) {
            Column::Indirect
        } else {
            Column::Row
        }
    }
}

/// Whether an amendment's note (`text`) bears on the rows `rows` of table `table`:
/// - it names that table and a row's pollutant (表1、表2间接排放的化学需氧量…), or names no
///   table and a row's pollutant (a note that continues the one before it);
/// - or it names that table and no value at all — a rule for a whole column (note (3):
///   into a municipal works, the direct limits) — and the question asks that column.
///
/// For a question on the direct column only, a note on the indirect column does not.
pub fn bears_on(text: &str, table: u32, rows: &[String], column: Column) -> bool {
    if column == Column::DirectOnly && text.contains("间接排放") {
        return false;
    }
    let names_row = rows.iter().any(|r| text.contains(r.as_str()));
    let tables = tables_named(text);
    if tables.is_empty() {
        return names_row;
    }
    tables.contains(&table) && (names_row || (column == Column::Indirect && !states_quantity(text)))
}

/// The quoted passage the notes are sought for: the first one that is a numbered table of
/// a document with a number (GB 4287-2012 表2).
pub fn quoted_table(evidence: &[Evidence]) -> Option<(usize, u32, &str)> {
    let first = evidence
        .iter()
        .position(|e| e.source != crate::tools::SUCCESSION_SOURCE)?;
    let e = &evidence[first];
    let table = table_number(&e.clause)?;
    let number = e.doc_number.as_deref()?;
    Some((first, table, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amendment_is_known_by_its_title_and_the_number_it_names() {
        assert!(amends(
            "《纺织染整工业水污染物排放标准》（GB 4287-2012）修改单",
            "GB 4287-2012"
        ));
        assert!(!amends(
            "纺织染整工业水污染物排放标准（GB 4287-2012）",
            "GB 4287-2012"
        ));
        assert!(!amends(
            "《锅炉大气污染物排放标准》（GB 13271-2014）修改单",
            "GB 4287-2012"
        ));
    }

    #[test]
    fn tables_are_read_with_their_ranges() {
        assert_eq!(tables_named("表1至表3间接排放限值增加注"), vec![1, 2, 3]);
        assert_eq!(tables_named("表1、表2间接排放的化学需氧量"), vec![1, 2]);
        assert_eq!(tables_named("表2中苯胺类"), vec![2]);
        assert!(tables_named("增加总锑").is_empty());
        assert_eq!(table_number("表2"), Some(2));
        assert_eq!(table_number("表 3 特别排放限值"), Some(3));
        assert_eq!(table_number("第十条"), None);
    }

    #[test]
    fn rows_are_the_pollutants_after_the_header() {
        let text = "表2 新建企业水污染物排放浓度限值，单位mg/L，序号 污染物项目 限值 直接排放 间接排放；2 化学需氧量(CODCr) 80 200；9 总磷 0.5 1.5";
        assert_eq!(row_names(text), vec!["化学需氧量", "总磷"]);
    }

    #[test]
    fn a_note_bears_on_a_row_it_names_or_on_the_whole_column() {
        let column = "表1至表3间接排放限值增加注：废水进入城镇污水处理厂或经由城镇污水管线排放的，执行直接排放限值。";
        let cod = "表1、表2间接排放的化学需氧量限值改为500（注4）或200（注5），单位mg/L。";
        let antimony = "表1至表3均增加“总锑”，直接排放和间接排放限值均为0.10 mg/L。";
        let rows = vec!["化学需氧量".to_owned()];
        assert!(bears_on(column, 2, &rows, Column::Indirect));
        assert!(bears_on(cod, 2, &rows, Column::Indirect));
        assert!(!bears_on(antimony, 2, &rows, Column::Indirect));
        assert!(!bears_on(cod, 3, &rows, Column::Indirect));
        let tp = vec!["总磷".to_owned()];
        assert!(bears_on(column, 2, &tp, Column::Indirect));
        assert!(!bears_on(cod, 2, &tp, Column::Indirect));
        let other = "除注(4)情形外的间接排放，化学需氧量执行200 mg/L，五日生化需氧量执行50 mg/L。";
        let practice = "适用注(3)、注(4)还是注(5)，取决于接纳污水处理厂的性质。";
        assert!(bears_on(other, 2, &rows, Column::Indirect));
        assert!(!bears_on(other, 2, &tp, Column::Indirect));
        assert!(!bears_on(practice, 2, &rows, Column::Indirect));
        // 直接排放 only: the notes on the indirect column are not the answer's.
        assert!(!bears_on(column, 2, &rows, Column::DirectOnly));
        // Neither column named (苯胺类排放限值, 基准排水量): the row's own notes only.
        assert!(!bears_on(column, 2, &rows, Column::Row));
        assert!(bears_on(cod, 2, &rows, Column::Row));
        assert_eq!(Column::of("新厂间排的话，色度要求是多少"), Column::Indirect);
        assert_eq!(Column::of("新建企业苯胺类排放限值"), Column::Row);
        assert!(asks_direct_only("新建印染企业直接排放的化学需氧量限值"));
        assert!(!asks_direct_only("直接排放和间接排放的总氮限值各是多少"));
    }
}
