//! The filing draft: values read from the document's fixed tables (label → value in 一 and
//! the 编制单位和编制人员情况表), from tables recognised by their header words (products,
//! outlets, emissions, wastewater, hazardous waste, protection targets, total quantities, risk
//! substances) and from a few fixed sentence patterns. Every value keeps its place; a value
//! that cannot be read is left out, never guessed. Rows the draft has no key for are listed
//! as unmapped, with their text.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Serialize;
use serde_json::{Map, Value, json};

use lvshen_filing::codes::{AirPollutant, OutputUnit, Pollutant};

use crate::model::{Block, Document, Loc, Table};
use crate::structure::{Format, Structure};
use crate::values::{coordinates, fold, label_key, number, ticked};

/// Where a value came from.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Prov {
    #[serde(flatten)]
    pub loc: Loc,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The original text the value was read from.
    pub text: String,
    /// `table` (a cell), `text` (a sentence pattern).
    pub method: &'static str,
}

/// A row of the document that the draft has no key for.
#[derive(Debug, Clone, Serialize)]
pub struct Unmapped {
    pub label: String,
    pub text: String,
    #[serde(flatten)]
    pub loc: Loc,
}

/// The draft filing with provenance.
#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    pub filing: Value,
    pub provenance: BTreeMap<String, Prov>,
    pub unmapped: Vec<Unmapped>,
}

struct Builder<'a> {
    doc: &'a Document,
    structure: &'a Structure,
    filing: Value,
    provenance: BTreeMap<String, Prov>,
    unmapped: Vec<Unmapped>,
}

/// Sets `a.b[2].c` in a JSON value, creating objects and arrays on the way.
pub fn set_path(root: &mut Value, path: &str, value: Value) {
    let mut node = root;
    let parts: Vec<&str> = path.split('.').collect();
    for (k, part) in parts.iter().enumerate() {
        let last = k + 1 == parts.len();
        let (name, index) = match part.find('[') {
            Some(open) => (
                &part[..open],
                part[open + 1..part.len() - 1].parse::<usize>().ok(),
            ),
            None => (*part, None),
        };
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else { return };
        match index {
            None => {
                if last {
                    map.insert(name.to_owned(), value);
                    return;
                }
                node = map.entry(name).or_insert_with(|| Value::Object(Map::new()));
            }
            Some(i) => {
                let array = map.entry(name).or_insert_with(|| Value::Array(Vec::new()));
                if !array.is_array() {
                    *array = Value::Array(Vec::new());
                }
                let Value::Array(items) = array else { return };
                while items.len() <= i {
                    items.push(Value::Object(Map::new()));
                }
                if last {
                    items[i] = value;
                    return;
                }
                node = &mut items[i];
            }
        }
    }
}

/// Reads `a.b[2].c` from a JSON value.
pub fn get_path<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    let mut node = root;
    for part in path.split('.') {
        let (name, index) = match part.find('[') {
            Some(open) => (
                &part[..open],
                part[open + 1..part.len() - 1].parse::<usize>().ok(),
            ),
            None => (part, None),
        };
        node = node.get(name)?;
        if let Some(i) = index {
            node = node.get(i)?;
        }
    }
    Some(node)
}

impl Builder<'_> {
    fn section_key(&self, loc: &Loc) -> Option<String> {
        let index = self.doc.blocks.iter().position(|b| match b {
            Block::Table(t) => loc.table.is_some() && t.index == loc.table.unwrap_or(0),
            Block::Paragraph(p) => {
                loc.table.is_none() && p.loc.page == loc.page && p.loc.paragraph == loc.paragraph
            }
        })?;
        self.structure.section_of(index).map(|s| s.key.clone())
    }

    fn put(&mut self, path: &str, value: Value, loc: Loc, text: &str, method: &'static str) {
        if get_path(&self.filing, path).is_some() {
            return; // the first place that states a value wins; later ones are checked
        }
        set_path(&mut self.filing, path, value);
        let section = self.section_key(&loc);
        self.provenance.insert(
            path.to_owned(),
            Prov {
                loc,
                section,
                text: text.trim().to_owned(),
                method,
            },
        );
    }
}

impl Builder<'_> {
    /// The numeric cells of a row, each under `base.key` when it reads as a number.
    fn numbers(&mut self, base: &str, table: &Table, r: usize, cols: &[(Option<usize>, &str)]) {
        for (c, key) in cols {
            if let Some(c) = *c
                && let Some(v) = number(table.text(r, c))
            {
                self.put(
                    &format!("{base}.{key}"),
                    json!(v),
                    table.cell_loc(r, c),
                    table.text(r, c),
                    "table",
                );
            }
        }
    }
}

/// A label-value cell pair: the value is the next cell to the right with another text.
pub fn label_values(table: &Table) -> Vec<(String, String, Loc)> {
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut c = 0;
        while c < row.len() {
            let label = &row[c];
            if label.spanned || label.text.trim().is_empty() {
                c += 1;
                continue;
            }
            let mut v = c + 1;
            while v < row.len() && row[v].spanned && row[v].text == label.text {
                v += 1;
            }
            if v < row.len() {
                out.push((
                    label.text.clone(),
                    row[v].text.clone(),
                    table.cell_loc(r, v),
                ));
                // Skip the value and its spanned copies.
                let value_text = row[v].text.clone();
                v += 1;
                while v < row.len() && row[v].spanned && row[v].text == value_text {
                    v += 1;
                }
            }
            c = v;
        }
    }
    out
}

/// Column positions of header words. `groups[i]` are alternatives; the first column whose
/// header contains one of them wins. The header is the first row.
fn columns(table: &Table, groups: &[&[&str]]) -> Vec<Option<usize>> {
    let header: Vec<String> = table
        .rows
        .first()
        .map(|r| r.iter().map(|c| fold(&c.text)).collect())
        .unwrap_or_default();
    let mut used = vec![false; header.len()];
    groups
        .iter()
        .map(|alts| {
            for alt in *alts {
                if let Some(c) = header
                    .iter()
                    .enumerate()
                    .position(|(i, h)| !used[i] && h.contains(alt))
                {
                    used[c] = true;
                    return Some(c);
                }
            }
            None
        })
        .collect()
}

fn header_text(table: &Table) -> String {
    table
        .rows
        .first()
        .map(|r| {
            r.iter()
                .map(|c| fold(&c.text))
                .collect::<Vec<_>>()
                .join("|")
        })
        .unwrap_or_default()
}

fn is_total_row(table: &Table, r: usize) -> bool {
    table.rows.get(r).is_some_and(|row| {
        row.iter()
            .any(|c| matches!(fold(&c.text).as_str(), "合计" | "小计" | "总计"))
    })
}

/// Compass direction in Chinese → filing code.
pub fn direction(text: &str) -> Option<&'static str> {
    let t = fold(text);
    let t = t.trim_start_matches("厂界").trim_start_matches("厂址");
    let t = t
        .trim_end_matches("侧")
        .trim_end_matches("面")
        .trim_end_matches('向');
    Some(match t {
        "北" => "N",
        "东北" => "NE",
        "东" => "E",
        "东南" => "SE",
        "南" => "S",
        "西南" => "SW",
        "西" => "W",
        "西北" => "NW",
        "N" | "NE" | "E" | "SE" | "S" | "SW" | "W" | "NW" => {
            return ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
                .into_iter()
                .find(|d| *d == t);
        }
        _ => return None,
    })
}

fn construction_code(option: &str) -> Option<&'static str> {
    let o = fold(option);
    if o.starts_with("新建") {
        Some("new")
    } else if o.starts_with("迁建") {
        Some("relocation")
    } else if o.starts_with("改建") {
        Some("renovation")
    } else if o.starts_with("扩建") {
        Some("expansion")
    } else if o.starts_with("技术改造") || o.starts_with("技改") {
        Some("technical_renovation")
    } else {
        None
    }
}

/// The county-level district named in an address (浙江省绍兴市柯桥区… → 柯桥区).
pub fn district_of(address: &str) -> Option<String> {
    let t = fold(address);
    let t = t.strip_prefix("浙江省").unwrap_or(&t);
    let t = t.strip_prefix("绍兴市").unwrap_or(t);
    static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"^(\p{Han}{1,4}?(?:区|县|市))").expect("static regex")
    });
    RE.captures(t).map(|c| c[1].to_owned())
}

/// Builds the draft.
pub fn extract(doc: &Document, structure: &Structure) -> Draft {
    let mut b = Builder {
        doc,
        structure,
        filing: json!({"schema_version": "1"}),
        provenance: BTreeMap::new(),
        unmapped: Vec::new(),
    };
    let tables: Vec<&Table> = doc.tables().collect();

    // Document type, from the cover.
    for block in doc.blocks.iter().take(15) {
        if let Block::Paragraph(p) = block {
            let t = fold(&p.text);
            let kind = if t.contains("环境影响报告书") {
                Some("report_book")
            } else if t.contains("环境影响报告表") {
                Some("report_table")
            } else if t.contains("环境影响登记表") {
                Some("registration_form")
            } else {
                None
            };
            if let Some(kind) = kind {
                b.put(
                    "project.document_type",
                    json!(kind),
                    p.loc.clone(),
                    &p.text,
                    "text",
                );
                break;
            }
        }
    }
    if get_path(&b.filing, "project.document_type").is_none()
        && matches!(
            structure.format,
            Format::ReportTable2021 | Format::ReportTable1999
        )
    {
        // The format itself says 报告表 (the cover may be missing).
        let loc = structure
            .sections
            .first()
            .map(|s| s.loc.clone())
            .unwrap_or_default();
        b.put(
            "project.document_type",
            json!("report_table"),
            loc,
            &structure.evidence,
            "text",
        );
    }

    // 编制单位和编制人员情况表: grouped label-value rows.
    for table in &tables {
        let mut group = "";
        for (r, row) in table.rows.iter().enumerate() {
            let first = fold(&row.first().map(|c| c.text.clone()).unwrap_or_default());
            if first.contains("建设单位情况") {
                group = "applicant";
                continue;
            }
            if first.contains("编制单位情况") {
                group = "agency";
                continue;
            }
            if first.contains("编制人员情况") {
                group = "";
                continue;
            }
            if group.is_empty() || row.len() < 2 {
                continue;
            }
            let label = label_key(&row[0].text);
            let Some(v) = (1..row.len()).find(|c| row[*c].text != row[0].text) else {
                continue;
            };
            let value = row[v].text.trim();
            if value.is_empty() {
                continue;
            }
            let loc = table.cell_loc(r, v);
            match (
                group,
                label.starts_with("单位名称"),
                label.contains("统一社会信用代码"),
            ) {
                ("applicant", true, _) => {
                    b.put("project.applicant", json!(value), loc, value, "table")
                }
                ("applicant", _, true) => {
                    b.put("project.credit_code", json!(value), loc, value, "table")
                }
                ("agency", true, _) => {
                    b.put("project.eia_agency", json!(value), loc, value, "table")
                }
                _ => {}
            }
        }
    }

    // 一、建设项目基本情况 (and the 1999 format's 基本情况): label → value.
    let basic_range = structure
        .get("一")
        .or_else(|| structure.get("建设项目基本情况"))
        .map(|s| (s.start, s.end));
    let in_basic = |t: &Table| match basic_range {
        Some((start, end)) => doc.blocks[start..end]
            .iter()
            .any(|bl| matches!(bl, Block::Table(x) if x.index == t.index)),
        None => true,
    };
    for table in tables.iter().filter(|t| in_basic(t)) {
        for (label, value, loc) in label_values(table) {
            let key = label_key(&label);
            let v = value.trim();
            if v.is_empty() {
                continue;
            }
            if key.starts_with("建设项目名称") || key == "项目名称" {
                b.put("project.name", json!(v), loc, v, "table");
            } else if key == "建设单位" || key.starts_with("建设单位名称") {
                b.put("project.applicant", json!(v), loc, v, "table");
            } else if key.starts_with("建设地点") {
                b.put("location.address", json!(v), loc.clone(), v, "table");
                if let Some(d) = district_of(v) {
                    b.put("location.district", json!(d), loc, v, "table");
                }
            } else if key.starts_with("地理坐标") {
                if let Some((lon, lat)) = coordinates(v) {
                    b.put("location.longitude", json!(lon), loc.clone(), v, "table");
                    b.put("location.latitude", json!(lat), loc, v, "table");
                }
            } else if key.starts_with("国民经济行业类别") || key.starts_with("行业类别及代码")
            {
                static RE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
                    Regex::new(r"([A-Z]?)(\d{4})").expect("static regex")
                });
                let re = &*RE;
                if let Some(c) = re.captures(&fold(v)) {
                    let letter = if c[1].is_empty() { "C" } else { &c[1] };
                    b.put(
                        "project.industry_code",
                        json!(format!("{letter}{}", &c[2])),
                        loc,
                        v,
                        "table",
                    );
                }
            } else if key.starts_with("建设性质") {
                let options = ticked(v);
                if let Some(code) = options.first().and_then(|o| construction_code(o)) {
                    b.put(
                        "project.construction_type",
                        json!(code),
                        loc.clone(),
                        v,
                        "table",
                    );
                }
                if options.len() > 1 {
                    b.unmapped.push(Unmapped {
                        label: "建设性质（多项勾选）".to_owned(),
                        text: v.to_owned(),
                        loc,
                    });
                }
            } else if key.starts_with("总投资") {
                if let Some(n) = number(v) {
                    b.put(
                        "project.investment_total_wan_yuan",
                        json!(n),
                        loc,
                        v,
                        "table",
                    );
                }
            } else if key.starts_with("环保投资") && !key.contains("占比") {
                if let Some(n) = number(v) {
                    b.put("project.investment_env_wan_yuan", json!(n), loc, v, "table");
                }
            } else if key.starts_with("用地") || key.starts_with("占地面积") {
                static DIGITS: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
                    Regex::new(r"(\d+(?:\.\d+)?)").expect("static regex")
                });
                let digits = &*DIGITS;
                if let Some(c) = digits.captures(&fold(v))
                    && let Ok(n) = c[1].parse::<f64>()
                {
                    let hectares = v.contains("公顷") || v.contains("hm");
                    let mu = v.contains('亩');
                    let m2 = if hectares {
                        n * 10_000.0
                    } else if mu {
                        n * 666.67
                    } else {
                        n
                    };
                    b.put("location.land_area_m2", json!(m2), loc, v, "table");
                }
            } else if key.starts_with("专项评价设置情况") {
                let t = fold(v);
                let mut list: Vec<&str> = Vec::new();
                for (word, code) in [
                    ("大气", "air"),
                    ("地表水", "surface_water"),
                    ("环境风险", "risk"),
                    ("生态", "ecology"),
                    ("海洋", "marine"),
                    ("地下水", "groundwater"),
                ] {
                    if t.contains(word) && !t.starts_with('无') {
                        list.push(code);
                    }
                }
                b.put(
                    "assessment.special_assessments",
                    json!(list),
                    loc,
                    v,
                    "table",
                );
            } else if key.starts_with("环保投资占比") {
                // checked by doc.arith.investment_ratio; no filing key
            } else {
                b.unmapped.push(Unmapped {
                    label: label.trim().to_owned(),
                    text: v.to_owned(),
                    loc,
                });
            }
        }
    }
    // Cover fallbacks.
    for block in doc.blocks.iter().take(20) {
        if let Block::Paragraph(p) = block {
            let t = p.text.trim();
            for (prefix, path) in [
                ("项目名称", "project.name"),
                ("建设单位（盖章）", "project.applicant"),
                ("建设单位(盖章)", "project.applicant"),
                ("建设单位", "project.applicant"),
            ] {
                if let Some(rest) = t.strip_prefix(prefix) {
                    let v = rest.trim_start_matches(['：', ':', ' ']).trim();
                    if !v.is_empty() {
                        b.put(path, json!(v), p.loc.clone(), t, "text");
                    }
                    break;
                }
            }
        }
    }

    products(&mut b, &tables);
    air(&mut b, &tables);
    water(&mut b, &tables);
    hazardous(&mut b, &tables);
    receptors(&mut b, &tables);
    total_control(&mut b, &tables);
    risk(&mut b, &tables);

    Draft {
        filing: b.filing,
        provenance: b.provenance,
        unmapped: b.unmapped,
    }
}

fn products(b: &mut Builder, tables: &[&Table]) {
    let mut i = 0;
    for table in tables {
        let head = header_text(table);
        if head.contains("原辅") || head.contains("原料") || head.contains("设备") {
            continue;
        }
        let cols = columns(
            table,
            &[
                &["产品名称", "产品", "名称"],
                &["年产量", "设计产能", "产能", "产量", "生产能力", "规模"],
                &["计量单位", "单位"],
            ],
        );
        let (Some(nc), Some(oc)) = (cols[0], cols[1]) else {
            continue;
        };
        if !head.contains("产品") {
            continue;
        }
        let header_unit = table.rows[0]
            .get(oc)
            .map(|c| c.text.clone())
            .unwrap_or_default();
        for r in 1..table.rows.len() {
            if is_total_row(table, r) {
                continue;
            }
            let name = table.text(r, nc).trim().to_owned();
            let output_text = table.text(r, oc).to_owned();
            let Some(output) = number(&output_text) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let unit_text = cols[2]
                .map(|c| table.text(r, c).to_owned())
                .filter(|u| !u.trim().is_empty())
                .unwrap_or_else(|| match crate::values::quantity(&output_text) {
                    crate::values::Quantity::Number(_, u) if !u.is_empty() => u,
                    _ => header_unit
                        .split(['（', '('])
                        .nth(1)
                        .map(|u| u.trim_end_matches(['）', ')']).to_owned())
                        .unwrap_or_default(),
                });
            let base = format!("products[{i}]");
            b.put(
                &format!("{base}.name"),
                json!(name),
                table.cell_loc(r, nc),
                &name,
                "table",
            );
            b.put(
                &format!("{base}.output"),
                json!(output),
                table.cell_loc(r, oc),
                &output_text,
                "table",
            );
            if let Some(unit) = OutputUnit::parse(&fold(&unit_text)) {
                let loc = cols[2]
                    .map(|c| table.cell_loc(r, c))
                    .unwrap_or_else(|| table.cell_loc(r, oc));
                b.put(
                    &format!("{base}.unit"),
                    json!(unit.code()),
                    loc,
                    &unit_text,
                    "table",
                );
            }
            i += 1;
        }
        if i > 0 {
            break;
        }
    }
}

fn outlet_id(text: &str) -> Option<String> {
    static RE: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"([A-Z]{1,2}\d{3,4})").expect("static regex"));
    RE.captures(&fold(text)).map(|c| c[1].to_owned())
}

fn air(b: &mut Builder, tables: &[&Table]) {
    let mut ids: Vec<String> = Vec::new();
    // Basic outlet table.
    for table in tables {
        let cols = columns(
            table,
            &[
                &["排放口编号", "编号"],
                &["高度"],
                &["内径", "直径"],
                &["温度"],
                &["排放口名称", "名称"],
            ],
        );
        let (Some(ic), Some(_)) = (cols[0], cols[1]) else {
            continue;
        };
        if header_text(table).contains("废水") {
            continue;
        }
        for r in 1..table.rows.len() {
            let Some(id) = outlet_id(table.text(r, ic)) else {
                continue;
            };
            if !id.starts_with("DA") && !id.starts_with('G') && !id.starts_with("FQ") {
                continue;
            }
            let k = match ids.iter().position(|x| *x == id) {
                Some(k) => k,
                None => {
                    ids.push(id.clone());
                    ids.len() - 1
                }
            };
            let base = format!("air.outlets[{k}]");
            b.put(
                &format!("{base}.id"),
                json!(id),
                table.cell_loc(r, ic),
                table.text(r, ic),
                "table",
            );
            if let Some(nc) = cols[4] {
                let name = table.text(r, nc).trim();
                if !name.is_empty() {
                    b.put(
                        &format!("{base}.source"),
                        json!(name),
                        table.cell_loc(r, nc),
                        name,
                        "table",
                    );
                }
            }
            b.numbers(
                &base,
                table,
                r,
                &[
                    (cols[1], "height_m"),
                    (cols[2], "inner_diameter_m"),
                    (cols[3], "exit_temperature_c"),
                ],
            );
        }
    }
    // Emission table: outlet × pollutant.
    let mut counts: Vec<usize> = vec![0; ids.len()];
    for table in tables {
        let head = header_text(table);
        if head.contains("产生") && !head.contains("排放") {
            continue;
        }
        let cols = columns(
            table,
            &[
                &["排放口", "排气筒"],
                &["污染物"],
                &["浓度"],
                &["速率"],
                &["排放量"],
            ],
        );
        let (Some(oc), Some(pc)) = (cols[0], cols[1]) else {
            continue;
        };
        if cols[2].is_none() && cols[3].is_none() && cols[4].is_none() {
            continue;
        }
        for r in 1..table.rows.len() {
            let Some(id) = outlet_id(table.text(r, oc)) else {
                continue;
            };
            if !id.starts_with("DA") && !id.starts_with('G') && !id.starts_with("FQ") {
                continue;
            }
            let name = table.text(r, pc).trim().to_owned();
            let Some(code) = AirPollutant::parse(&fold(&name)) else {
                continue;
            };
            let k = match ids.iter().position(|x| *x == id) {
                Some(k) => k,
                None => {
                    ids.push(id.clone());
                    counts.push(0);
                    b.put(
                        &format!("air.outlets[{}].id", ids.len() - 1),
                        json!(id),
                        table.cell_loc(r, oc),
                        table.text(r, oc),
                        "table",
                    );
                    ids.len() - 1
                }
            };
            let j = counts[k];
            counts[k] += 1;
            let base = format!("air.outlets[{k}].pollutants[{j}]");
            b.put(
                &format!("{base}.code"),
                json!(code.code()),
                table.cell_loc(r, pc),
                &name,
                "table",
            );
            b.numbers(
                &base,
                table,
                r,
                &[
                    (cols[2], "concentration_mg_per_m3"),
                    (cols[3], "rate_kg_per_h"),
                    (cols[4], "load_t_per_year"),
                ],
            );
        }
        if counts.iter().any(|c| *c > 0) {
            break;
        }
    }
}

fn water(b: &mut Builder, tables: &[&Table]) {
    for table in tables {
        let cols = columns(
            table,
            &[&["废水类别"], &["排放方式"], &["排放去向"], &["排放口"]],
        );
        if cols[0].is_none() || (cols[1].is_none() && cols[2].is_none()) {
            continue;
        }
        for r in 1..table.rows.len() {
            if let Some(c) = cols[1] {
                let t = fold(table.text(r, c));
                let mode = if t.contains("间接") || t.contains("纳管") {
                    Some("indirect")
                } else if t.contains("直接") {
                    Some("direct")
                } else if t.contains("不外排") || t.contains("零排放") {
                    Some("none")
                } else {
                    None
                };
                if let Some(mode) = mode {
                    b.put(
                        "water.discharge_mode",
                        json!(mode),
                        table.cell_loc(r, c),
                        table.text(r, c),
                        "table",
                    );
                }
            }
            if let Some(c) = cols[2] {
                let t = table.text(r, c).trim();
                if !t.is_empty() && t != "/" {
                    b.put(
                        "water.receiving",
                        json!(t),
                        table.cell_loc(r, c),
                        t,
                        "table",
                    );
                }
            }
            if let Some(c) = cols[3]
                && let Some(id) = outlet_id(table.text(r, c))
            {
                b.put(
                    "water.outlet_id",
                    json!(id),
                    table.cell_loc(r, c),
                    table.text(r, c),
                    "table",
                );
            }
        }
    }
    // "废水排放量为600000t/a" / "废水排放总量约 60 万t/a".
    let re = Regex::new(r"废水(?:排放量|排放总量|年排放量)(?:为|约|约为|是)?(\d+(?:\.\d+)?)(万)?(?:t/a|吨/年|m3/a|m³/a|t/年)")
        .expect("static regex");
    for block in &b.doc.blocks {
        if let Block::Paragraph(p) = block
            && let Some(c) = re.captures(&fold(&p.text))
            && let Ok(mut v) = c[1].parse::<f64>()
        {
            if c.get(2).is_some() {
                v *= 10_000.0;
            }
            let loc = p.loc.clone();
            let text = p.text.clone();
            b.put("water.discharged_t_per_year", json!(v), loc, &text, "text");
            break;
        }
    }
}

fn hazardous(b: &mut Builder, tables: &[&Table]) {
    let mut i = 0;
    for table in tables {
        let head = header_text(table);
        if !head.contains("危险废物") && !head.contains("危废") {
            continue;
        }
        let cols = columns(
            table,
            &[
                &["危险废物名称", "名称"],
                &["危险废物类别", "类别"],
                &["危险废物代码", "代码"],
                &["产生量"],
            ],
        );
        let (Some(nc), Some(qc)) = (cols[0], cols[3]) else {
            continue;
        };
        for r in 1..table.rows.len() {
            if is_total_row(table, r) {
                continue;
            }
            let name = table.text(r, nc).trim().to_owned();
            let Some(q) = number(table.text(r, qc)) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let base = format!("solid_waste[{i}]");
            b.put(
                &format!("{base}.name"),
                json!(name),
                table.cell_loc(r, nc),
                &name,
                "table",
            );
            b.put(
                &format!("{base}.category"),
                json!("hazardous"),
                table.cell_loc(r, nc),
                &head,
                "table",
            );
            let class = cols[1]
                .map(|c| (c, fold(table.text(r, c))))
                .filter(|(_, t)| t.starts_with("HW"))
                .or_else(|| {
                    cols[2]
                        .map(|c| (c, fold(table.text(r, c))))
                        .and_then(|(c, t)| t.rsplit('-').next().map(|n| (c, format!("HW{n}"))))
                });
            if let Some((c, class)) = class {
                let class: String = class.chars().take(4).collect();
                b.put(
                    &format!("{base}.code"),
                    json!(class),
                    table.cell_loc(r, c),
                    table.text(r, c),
                    "table",
                );
            }
            b.put(
                &format!("{base}.t_per_year"),
                json!(q),
                table.cell_loc(r, qc),
                table.text(r, qc),
                "table",
            );
            i += 1;
        }
        if i > 0 {
            break;
        }
    }
}

fn receptors(b: &mut Builder, tables: &[&Table]) {
    let mut i = 0;
    for table in tables {
        let cols = columns(
            table,
            &[
                &["名称", "敏感目标", "保护目标"],
                &["方位"],
                &["距离"],
                &["保护对象"],
            ],
        );
        let (Some(nc), Some(dc), Some(mc)) = (cols[0], cols[1], cols[2]) else {
            continue;
        };
        for r in 1..table.rows.len() {
            let name = table.text(r, nc).trim().to_owned();
            let Some(dist) = number(table.text(r, mc)) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let base = format!("receptors[{i}]");
            b.put(
                &format!("{base}.name"),
                json!(name),
                table.cell_loc(r, nc),
                &name,
                "table",
            );
            if let Some(kc) = cols[3] {
                let k = fold(table.text(r, kc));
                let kind = if k.contains("学校") || k.contains("学") {
                    Some("school")
                } else if k.contains("医院") || k.contains("卫生") {
                    Some("hospital")
                } else if k.contains("居") || k.contains("村") || k.contains("社区") {
                    Some("residential")
                } else {
                    None
                };
                if let Some(kind) = kind {
                    b.put(
                        &format!("{base}.kind"),
                        json!(kind),
                        table.cell_loc(r, kc),
                        table.text(r, kc),
                        "table",
                    );
                }
            }
            if let Some(d) = direction(table.text(r, dc)) {
                b.put(
                    &format!("{base}.direction"),
                    json!(d),
                    table.cell_loc(r, dc),
                    table.text(r, dc),
                    "table",
                );
            }
            b.put(
                &format!("{base}.distance_m"),
                json!(dist),
                table.cell_loc(r, mc),
                table.text(r, mc),
                "table",
            );
            i += 1;
        }
        if i > 0 {
            break;
        }
    }
}

fn total_control(b: &mut Builder, tables: &[&Table]) {
    let mut i = 0;
    for table in tables {
        let head = header_text(table);
        if !head.contains("总量") || head.contains("现有工程") {
            continue;
        }
        let cols = columns(
            table,
            &[&["污染物"], &["需分配", "总量控制", "总量", "排放量"]],
        );
        let (Some(pc), Some(ac)) = (cols[0], cols[1]) else {
            continue;
        };
        for r in 1..table.rows.len() {
            let name = fold(table.text(r, pc));
            let Some(code) = Pollutant::parse(&name) else {
                continue;
            };
            let Some(v) = number(table.text(r, ac)) else {
                continue;
            };
            let base = format!("total_control[{i}]");
            b.put(
                &format!("{base}.pollutant"),
                json!(code.code()),
                table.cell_loc(r, pc),
                table.text(r, pc),
                "table",
            );
            b.put(
                &format!("{base}.amount_t_per_year"),
                json!(v),
                table.cell_loc(r, ac),
                table.text(r, ac),
                "table",
            );
            i += 1;
        }
        if i > 0 {
            break;
        }
    }
}

fn risk(b: &mut Builder, tables: &[&Table]) {
    let mut i = 0;
    for table in tables {
        let cols = columns(
            table,
            &[
                &["危险物质名称", "物质名称", "名称"],
                &["最大储存量", "最大存在量", "储存量", "存在量"],
                &["临界量"],
            ],
        );
        let (Some(nc), Some(sc), Some(cc)) = (cols[0], cols[1], cols[2]) else {
            continue;
        };
        for r in 1..table.rows.len() {
            if is_total_row(table, r) {
                continue;
            }
            let name = table.text(r, nc).trim().to_owned();
            let (Some(s), Some(c)) = (number(table.text(r, sc)), number(table.text(r, cc))) else {
                continue;
            };
            let base = format!("risk.substances[{i}]");
            b.put(
                &format!("{base}.name"),
                json!(name),
                table.cell_loc(r, nc),
                &name,
                "table",
            );
            b.put(
                &format!("{base}.max_storage_t"),
                json!(s),
                table.cell_loc(r, sc),
                table.text(r, sc),
                "table",
            );
            b.put(
                &format!("{base}.critical_quantity_t"),
                json!(c),
                table.cell_loc(r, cc),
                table.text(r, cc),
                "table",
            );
            i += 1;
        }
        if i > 0 {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let mut v = json!({});
        set_path(&mut v, "air.outlets[1].pollutants[0].code", json!("NMHC"));
        set_path(&mut v, "project.name", json!("x"));
        assert_eq!(
            get_path(&v, "air.outlets[1].pollutants[0].code"),
            Some(&json!("NMHC"))
        );
        assert_eq!(get_path(&v, "project.name"), Some(&json!("x")));
        assert!(get_path(&v, "air.outlets[2]").is_none());
    }

    #[test]
    fn districts_and_directions() {
        assert_eq!(
            district_of("浙江省绍兴市柯桥区马鞍街道").as_deref(),
            Some("柯桥区")
        );
        assert_eq!(district_of("浙江省诸暨市店口镇").as_deref(), Some("诸暨市"));
        assert_eq!(direction("东北"), Some("NE"));
        assert_eq!(direction("厂界西侧"), Some("W"));
    }
}
