//! The walk from a generic JSON value to the typed [`Filing`]. Every problem is collected
//! (never the first only) with its JSON path and a Chinese sentence; unknown keys become
//! warnings, with a suggestion when a known key is close.

use serde_json::{Map, Value};

use crate::codes::*;

/// The longest identifying string (names, places) a filing may carry.
pub const MAX_LINE_CHARS: usize = 200;

/// Unicode format characters (zero-width spaces and joiners, direction marks, BOM) that make
/// look-alike or reordered text.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}
use crate::model::*;
use crate::parse::Issue;

#[derive(Debug, Default)]
pub(crate) struct Walker {
    pub(crate) errors: Vec<Issue>,
    pub(crate) warnings: Vec<Issue>,
}

/// How a number must look.
#[derive(Debug, Clone, Copy)]
enum Num {
    /// Zero or more.
    NonNegative,
    /// More than zero.
    Positive,
    /// A fraction between 0 and 1 (rates, efficiencies).
    Fraction,
    /// Within an inclusive range.
    Range(f64, f64),
}

/// An object being read: remembers which keys were asked for, so the rest can be reported.
struct Obj<'v> {
    map: &'v Map<String, Value>,
    path: String,
    known: Vec<&'static str>,
}

impl<'v> Obj<'v> {
    fn get(&mut self, key: &'static str) -> Option<&'v Value> {
        self.known.push(key);
        self.map.get(key)
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

/// A short Chinese description of what a value is, for "应为…，实际为…" messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("布尔值 {b}"),
        Value::Number(n) => format!("数字 {n}"),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let more = if s.chars().count() > 40 { "…" } else { "" };
            format!("字符串“{shown}{more}”")
        }
        Value::Array(a) => format!("数组（{} 项）", a.len()),
        Value::Object(_) => "对象".to_owned(),
    }
}

fn fmt_num(v: f64) -> String {
    let s = format!("{v}");
    s
}

impl Walker {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Issue {
            path: path.into(),
            message: message.into(),
        });
    }

    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Issue {
            path: path.into(),
            message: message.into(),
        });
    }

    fn object<'v>(&mut self, value: &'v Value, path: String) -> Option<Obj<'v>> {
        match value {
            Value::Object(map) => Some(Obj {
                map,
                path,
                known: Vec::new(),
            }),
            other => {
                self.error(path, format!("应为对象，实际为{}", describe(other)));
                None
            }
        }
    }

    /// Reports the keys of `obj` that nothing asked for.
    fn finish(&mut self, obj: Obj<'_>) {
        for key in obj.map.keys() {
            if obj.known.iter().any(|k| k == key) {
                continue;
            }
            let path = obj.child(key);
            let hint = suggest(key, &obj.known)
                .map(|k| format!("；是否应为“{k}”？"))
                .unwrap_or_default();
            self.warn(path, format!("未识别的字段，未参与检查{hint}"));
        }
    }

    // ---- scalar readers -------------------------------------------------------------

    fn string(&mut self, obj: &mut Obj<'_>, key: &'static str, required: bool) -> Option<String> {
        let path = obj.child(key);
        match obj.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.error(path, "缺少必填字段");
                }
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                if required {
                    self.error(path, "不能为空字符串");
                }
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_owned()),
            Some(other) => {
                self.error(path, format!("应为字符串，实际为{}", describe(other)));
                None
            }
        }
    }

    /// An identifying string that reports, opinions and prompts quote (project and company
    /// names, places): one line, no control or format characters, at most
    /// [`MAX_LINE_CHARS`] characters (red-team problem 5: a project name must not be able to
    /// write headings or conclusions into a drafted opinion).
    fn line(&mut self, obj: &mut Obj<'_>, key: &'static str, required: bool) -> Option<String> {
        let path = obj.child(key);
        let text = self.string(obj, key, required)?;
        if text.chars().any(|c| c.is_control() || is_format_char(c)) {
            self.error(
                path,
                "不能包含换行、制表符或不可见的控制字符（应为一行文字）",
            );
            return None;
        }
        let n = text.chars().count();
        if n > MAX_LINE_CHARS {
            self.error(path, format!("过长：{n} 个字符，上限 {MAX_LINE_CHARS} 个"));
            return None;
        }
        Some(text)
    }

    fn number(&mut self, obj: &mut Obj<'_>, key: &'static str, rule: Num) -> Option<f64> {
        let path = obj.child(key);
        let value = obj.get(key)?;
        let number = match value {
            Value::Null => return None,
            Value::Number(n) => n.as_f64()?,
            Value::String(s) => {
                let hint = if s.trim().parse::<f64>().is_ok() {
                    "（请去掉引号）"
                } else {
                    ""
                };
                self.error(path, format!("应为数字，实际为{}{hint}", describe(value)));
                return None;
            }
            other => {
                self.error(path, format!("应为数字，实际为{}", describe(other)));
                return None;
            }
        };
        if !number.is_finite() {
            self.error(path, "数值超出可表示范围");
            return None;
        }
        let ok = match rule {
            Num::NonNegative => number >= 0.0,
            Num::Positive => number > 0.0,
            Num::Fraction => (0.0..=1.0).contains(&number),
            Num::Range(lo, hi) => (lo..=hi).contains(&number),
        };
        if ok {
            return Some(number);
        }
        let message = match rule {
            Num::NonNegative => format!("不能为负数，实际为 {}", fmt_num(number)),
            Num::Positive => format!("应大于 0，实际为 {}", fmt_num(number)),
            Num::Fraction if number > 1.0 && number <= 100.0 => format!(
                "应为 0–1 之间的小数，实际为 {}（百分数请换算，如 45% 写作 0.45）",
                fmt_num(number)
            ),
            Num::Fraction => format!("应为 0–1 之间的小数，实际为 {}", fmt_num(number)),
            Num::Range(lo, hi) => format!(
                "应在 {}–{} 之间，实际为 {}",
                fmt_num(lo),
                fmt_num(hi),
                fmt_num(number)
            ),
        };
        self.error(path, message);
        None
    }

    fn boolean(&mut self, obj: &mut Obj<'_>, key: &'static str) -> Option<bool> {
        let path = obj.child(key);
        match obj.get(key)? {
            Value::Null => None,
            Value::Bool(b) => Some(*b),
            other => {
                self.error(
                    path,
                    format!("应为布尔值 true 或 false，实际为{}", describe(other)),
                );
                None
            }
        }
    }

    /// A special-limit designation: the designating document (a string), `false` (not
    /// designated), or absent/null (unknown).
    fn designation(&mut self, obj: &mut Obj<'_>, key: &'static str) -> Designation {
        let path = obj.child(key);
        match obj.get(key) {
            None | Some(Value::Null) => Designation::Unknown,
            Some(Value::Bool(false)) => Designation::NotDesignated,
            Some(Value::String(s)) if !s.trim().is_empty() => {
                Designation::Designated(s.trim().chars().take(200).collect())
            }
            Some(Value::Bool(true)) => {
                self.error(
                    path,
                    "应写明划定执行特别排放限值的文件名称（字符串，如“浙江省××厅关于××的通知”），或 false；仅写 true 无法核对划定依据",
                );
                Designation::Unknown
            }
            Some(other) => {
                self.error(
                    path,
                    format!(
                        "应为划定文件名称（字符串）或 false，实际为{}",
                        describe(other)
                    ),
                );
                Designation::Unknown
            }
        }
    }

    fn code<T>(
        &mut self,
        obj: &mut Obj<'_>,
        key: &'static str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
        required: bool,
    ) -> Option<T> {
        let path = obj.child(key);
        let text = self.string(obj, key, required)?;
        let parsed = parse(&text);
        if parsed.is_none() {
            self.error(path, format!("无法识别的取值“{text}”，可选：{}", choices()));
        }
        parsed
    }

    /// Reads an optional array; `item` reads one element and may return `None` to skip it.
    fn array<T>(
        &mut self,
        obj: &mut Obj<'_>,
        key: &'static str,
        mut item: impl FnMut(&mut Self, &Value, String, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        let path = obj.child(key);
        match obj.get(key)? {
            Value::Null => None,
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| item(self, v, format!("{path}[{i}]"), i))
                    .collect(),
            ),
            other => {
                self.error(path, format!("应为数组，实际为{}", describe(other)));
                None
            }
        }
    }

    fn section<'v>(&mut self, obj: &mut Obj<'v>, key: &'static str) -> Option<Obj<'v>> {
        let path = obj.child(key);
        match obj.get(key)? {
            Value::Null => None,
            value => self.object(value, path),
        }
    }

    // ---- the filing -----------------------------------------------------------------

    pub(crate) fn filing(&mut self, value: &Value) -> Option<Filing> {
        let mut root = self.object(value, String::new())?;
        let schema_version = match root.get("schema_version") {
            None | Some(Value::Null) => {
                self.error("schema_version", "缺少必填字段（当前格式版本为 \"1\"）");
                String::new()
            }
            Some(Value::String(s)) if s.trim() == "1" => "1".to_owned(),
            Some(Value::Number(n)) if n.as_f64() == Some(1.0) => {
                self.warn("schema_version", "应为字符串 \"1\"，已按 \"1\" 处理");
                "1".to_owned()
            }
            Some(other) => {
                self.error(
                    "schema_version",
                    format!("不支持的格式版本：{}；本程序支持 \"1\"", describe(other)),
                );
                String::new()
            }
        };

        let project = match root.get("project") {
            None | Some(Value::Null) => {
                self.error("project", "缺少必填字段");
                None
            }
            Some(v) => self.project(v),
        };
        let location = match root.get("location") {
            None | Some(Value::Null) => {
                self.error("location", "缺少必填字段");
                None
            }
            Some(v) => self.location(v),
        };
        let products = self.array(&mut root, "products", Self::product);
        let processes = self.array(&mut root, "processes", Self::process);
        let raw_materials = self.array(&mut root, "raw_materials", Self::raw_material);
        let water = self.section(&mut root, "water").map(|obj| self.water(obj));
        let air = self.section(&mut root, "air").map(|obj| self.air(obj));
        let solid_waste = self.array(&mut root, "solid_waste", Self::solid_waste);
        let risk = self.section(&mut root, "risk").map(|obj| self.risk(obj));
        let total_control = self.array(&mut root, "total_control", Self::total_control);
        let receptors = self.array(&mut root, "receptors", Self::receptor);
        let clean_production = self
            .section(&mut root, "clean_production")
            .map(|obj| self.clean_production(obj));
        let permit = self
            .section(&mut root, "permit")
            .map(|obj| self.permit(obj));
        let noise = self.section(&mut root, "noise").map(|obj| self.noise(obj));
        let assessment = self
            .section(&mut root, "assessment")
            .map(|obj| self.assessment(obj));
        self.finish(root);

        Some(Filing {
            schema_version,
            project: project?,
            location: location?,
            products,
            processes,
            raw_materials,
            water,
            air,
            solid_waste,
            risk,
            total_control,
            receptors,
            clean_production,
            permit,
            noise,
            assessment,
        })
    }

    fn process(&mut self, v: &Value, path: String, _index: usize) -> Option<Process> {
        match v {
            Value::String(s) => {
                let parsed = Process::parse(s);
                if parsed.is_none() {
                    self.error(
                        path,
                        format!("无法识别的工序代码“{s}”，可选：{}", Process::codes_list()),
                    );
                }
                parsed
            }
            other => {
                self.error(
                    path,
                    format!("应为工序代码字符串，实际为{}", describe(other)),
                );
                None
            }
        }
    }

    fn project(&mut self, value: &Value) -> Option<Project> {
        let mut o = self.object(value, "project".to_owned())?;
        let name = self.line(&mut o, "name", true);
        let applicant = self.line(&mut o, "applicant", true);
        let credit_code = self.string(&mut o, "credit_code", false);
        if let Some(code) = &credit_code
            && code.chars().count() != 18
        {
            self.error(
                o.child("credit_code"),
                format!(
                    "统一社会信用代码应为 18 位，实际为 {} 位",
                    code.chars().count()
                ),
            );
        }
        let project = Project {
            name: name.unwrap_or_default(),
            applicant: applicant.unwrap_or_default(),
            credit_code,
            eia_agency: self.line(&mut o, "eia_agency", false),
            construction_type: self.code(
                &mut o,
                "construction_type",
                ConstructionType::parse,
                ConstructionType::codes_list,
                false,
            ),
            industry_code: self.industry_code(&mut o),
            document_type: self.code(
                &mut o,
                "document_type",
                DocumentType::parse,
                DocumentType::codes_list,
                false,
            ),
            investment_total_wan_yuan: self.number(
                &mut o,
                "investment_total_wan_yuan",
                Num::NonNegative,
            ),
            investment_env_wan_yuan: self.number(
                &mut o,
                "investment_env_wan_yuan",
                Num::NonNegative,
            ),
            operating_days_per_year: self.number(
                &mut o,
                "operating_days_per_year",
                Num::Range(1.0, 366.0),
            ),
            operating_hours_per_day: self.number(
                &mut o,
                "operating_hours_per_day",
                Num::Range(0.5, 24.0),
            ),
            staff: self.number(&mut o, "staff", Num::NonNegative),
            on_key_discharger_list: self.boolean(&mut o, "on_key_discharger_list"),
            main_works_involved: self.boolean(&mut o, "main_works_involved"),
            works_processes: self.array(&mut o, "works_processes", Self::process),
        };
        self.finish(o);
        Some(project)
    }

    fn industry_code(&mut self, o: &mut Obj<'_>) -> Option<String> {
        let path = o.child("industry_code");
        let code = self.string(o, "industry_code", false)?;
        let normalized = code.to_ascii_uppercase();
        let digits = normalized.strip_prefix('C').unwrap_or(&normalized);
        if !(2..=4).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            self.error(
                path,
                format!("应为 GB/T 4754-2017 行业代码，如 C1713，实际为“{code}”"),
            );
            return None;
        }
        Some(format!("C{digits}"))
    }

    fn location(&mut self, value: &Value) -> Option<Location> {
        let mut o = self.object(value, "location".to_owned())?;
        let district = self.line(&mut o, "district", true);
        let longitude = self.number(&mut o, "longitude", Num::Range(-180.0, 180.0));
        let errors_before = self.errors.len();
        let latitude = self.number(&mut o, "latitude", Num::Range(-90.0, 90.0));
        let swapped = |v: Option<&Value>| v.and_then(Value::as_f64);
        if let (Some(lon), Some(lat)) = (
            swapped(o.map.get("longitude")),
            swapped(o.map.get("latitude")),
        ) && self.errors.len() > errors_before
            && lat.abs() > 90.0
            && lon.abs() <= 90.0
            && let Some(last) = self.errors.last_mut()
        {
            last.message
                .push_str("（疑似经纬度填反：longitude 为经度，latitude 为纬度）");
        }
        if longitude.is_none() && o.map.get("longitude").is_none_or(Value::is_null) {
            self.error(o.child("longitude"), "缺少必填字段（WGS-84 经度，度）");
        }
        if latitude.is_none() && o.map.get("latitude").is_none_or(Value::is_null) {
            self.error(o.child("latitude"), "缺少必填字段（WGS-84 纬度，度）");
        }
        let industrial_park_given = o.map.contains_key("industrial_park");
        let location = Location {
            district: district.unwrap_or_default(),
            address: self.line(&mut o, "address", false),
            longitude: longitude.unwrap_or_default(),
            latitude: latitude.unwrap_or_default(),
            industrial_park: self.line(&mut o, "industrial_park", false),
            industrial_park_given,
            zoning_unit: self.line(&mut o, "zoning_unit", false),
            land_area_m2: self.number(&mut o, "land_area_m2", Num::NonNegative),
            special_emission_limits: self.boolean(&mut o, "special_emission_limits"),
            special_limits: self
                .section(&mut o, "special_limits")
                .map(|mut s| {
                    let limits = SpecialLimits {
                        water: self.designation(&mut s, "water"),
                        boiler: self.designation(&mut s, "boiler"),
                        vocs: self.designation(&mut s, "vocs"),
                    };
                    self.finish(s);
                    limits
                })
                .unwrap_or_default(),
            dispersion_setting: self.code(
                &mut o,
                "dispersion_setting",
                DispersionSetting::parse,
                DispersionSetting::codes_list,
                false,
            ),
            ambient_temperature_c: self.number(
                &mut o,
                "ambient_temperature_c",
                Num::Range(-50.0, 50.0),
            ),
            air_zone: self.code(
                &mut o,
                "air_zone",
                AirZone::parse,
                AirZone::codes_list,
                false,
            ),
            groundwater_sensitivity: self.code(
                &mut o,
                "groundwater_sensitivity",
                Sensitivity::parse,
                Sensitivity::codes_list,
                false,
            ),
            soil_sensitivity: self.code(
                &mut o,
                "soil_sensitivity",
                Sensitivity::parse,
                Sensitivity::codes_list,
                false,
            ),
        };
        self.finish(o);
        Some(location)
    }

    fn product(&mut self, value: &Value, path: String, _index: usize) -> Option<Product> {
        let mut o = self.object(value, path)?;
        let product = Product {
            name: self.string(&mut o, "name", true).unwrap_or_default(),
            output: self.number(&mut o, "output", Num::NonNegative),
            unit: self.code(
                &mut o,
                "unit",
                OutputUnit::parse,
                OutputUnit::codes_list,
                false,
            ),
            fabric: self.code(&mut o, "fabric", Fabric::parse, Fabric::codes_list, false),
            weight_kg_per_100m: self.number(&mut o, "weight_kg_per_100m", Num::Positive),
            width_cm: self.number(&mut o, "width_cm", Num::Positive),
            daily_output: self.number(&mut o, "daily_output", Num::NonNegative),
        };
        self.finish(o);
        Some(product)
    }

    fn raw_material(&mut self, value: &Value, path: String, _index: usize) -> Option<RawMaterial> {
        let mut o = self.object(value, path)?;
        let material = RawMaterial {
            name: self.string(&mut o, "name", true).unwrap_or_default(),
            t_per_year: self.number(&mut o, "t_per_year", Num::NonNegative),
            max_storage_t: self.number(&mut o, "max_storage_t", Num::NonNegative),
            hazardous: self.boolean(&mut o, "hazardous"),
        };
        self.finish(o);
        Some(material)
    }

    fn water(&mut self, mut o: Obj<'_>) -> Water {
        let water = Water {
            fresh_water_t_per_year: self.number(&mut o, "fresh_water_t_per_year", Num::NonNegative),
            reused_water_t_per_year: self.number(
                &mut o,
                "reused_water_t_per_year",
                Num::NonNegative,
            ),
            wastewater_t_per_year: self.number(&mut o, "wastewater_t_per_year", Num::NonNegative),
            discharged_t_per_year: self.number(&mut o, "discharged_t_per_year", Num::NonNegative),
            discharge_mode: self.code(
                &mut o,
                "discharge_mode",
                DischargeMode::parse,
                DischargeMode::codes_list,
                false,
            ),
            receiving: self.line(&mut o, "receiving", false),
            receiving_kind: self.code(
                &mut o,
                "receiving_kind",
                ReceivingKind::parse,
                ReceivingKind::codes_list,
                false,
            ),
            outlet_id: self.string(&mut o, "outlet_id", false),
            treatment: self.string(&mut o, "treatment", false),
            pollutants: self.array(&mut o, "pollutants", Self::water_pollutant),
            daily_discharged_m3: self.number(&mut o, "daily_discharged_m3", Num::NonNegative),
            receiving_spare_capacity_m3_per_day: self.number(
                &mut o,
                "receiving_spare_capacity_m3_per_day",
                Num::NonNegative,
            ),
        };
        self.finish(o);
        water
    }

    fn water_pollutant(
        &mut self,
        value: &Value,
        path: String,
        index: usize,
    ) -> Option<WaterPollutantEntry> {
        let mut o = self.object(value, path)?;
        let code = self.pollutant_code(&mut o, "code", WaterPollutant::parse, "废水");
        let range = if code == Some(WaterPollutant::PH) {
            Num::Range(0.0, 14.0)
        } else {
            Num::NonNegative
        };
        let entry = WaterPollutantEntry {
            index,
            code: code.unwrap_or(WaterPollutant::Cod),
            concentration_mg_per_l: self.number(&mut o, "concentration_mg_per_l", range),
            load_t_per_year: self.number(&mut o, "load_t_per_year", Num::NonNegative),
            below_detection_limit: self
                .boolean(&mut o, "below_detection_limit")
                .unwrap_or(false),
        };
        self.finish(o);
        code.map(|_| entry)
    }

    /// A pollutant code that is not recognised is a warning (the entry is skipped by the
    /// checks, and the user is told so), not an error: a filing may declare pollutants
    /// this version does not know.
    fn pollutant_code<T>(
        &mut self,
        o: &mut Obj<'_>,
        key: &'static str,
        parse: fn(&str) -> Option<T>,
        medium: &str,
    ) -> Option<T> {
        let path = o.child(key);
        let text = self.string(o, key, true)?;
        let parsed = parse(&text);
        if parsed.is_none() {
            self.warn(
                path,
                format!("未识别的{medium}污染物“{text}”，该项未参与检查"),
            );
        }
        parsed
    }

    fn air(&mut self, mut o: Obj<'_>) -> Air {
        let air = Air {
            outlets: self.array(&mut o, "outlets", Self::air_outlet),
            unorganized: self.array(&mut o, "unorganized", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let code = w.pollutant_code(&mut o, "code", AirPollutant::parse, "废气");
                let entry = Unorganized {
                    index,
                    code: code.unwrap_or(AirPollutant::Nmhc),
                    load_t_per_year: w.number(&mut o, "load_t_per_year", Num::NonNegative),
                    concentration_mg_per_m3: w.number(
                        &mut o,
                        "concentration_mg_per_m3",
                        Num::NonNegative,
                    ),
                    source: w.line(&mut o, "source", false),
                    rate_kg_per_h: w.number(&mut o, "rate_kg_per_h", Num::NonNegative),
                    hours_per_year: w.number(&mut o, "hours_per_year", Num::Range(0.0, 8784.0)),
                    length_m: w.number(&mut o, "length_m", Num::Range(0.1, 5000.0)),
                    width_m: w.number(&mut o, "width_m", Num::Range(0.1, 5000.0)),
                    release_height_m: w.number(&mut o, "release_height_m", Num::Range(0.0, 200.0)),
                };
                w.finish(o);
                code.map(|_| entry)
            }),
        };
        self.finish(o);
        air
    }

    fn air_outlet(&mut self, value: &Value, path: String, index: usize) -> Option<AirOutlet> {
        let mut o = self.object(value, path)?;
        let id = self.string(&mut o, "id", true).unwrap_or_default();
        let pollutants = self
            .array(&mut o, "pollutants", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let code = w.pollutant_code(&mut o, "code", AirPollutant::parse, "废气");
                let entry = AirPollutantEntry {
                    index,
                    code: code.unwrap_or(AirPollutant::Particulate),
                    concentration_mg_per_m3: w.number(
                        &mut o,
                        "concentration_mg_per_m3",
                        Num::NonNegative,
                    ),
                    rate_kg_per_h: w.number(&mut o, "rate_kg_per_h", Num::NonNegative),
                    load_t_per_year: w.number(&mut o, "load_t_per_year", Num::NonNegative),
                };
                w.finish(o);
                code.map(|_| entry)
            })
            .unwrap_or_default();
        let boiler = self.section(&mut o, "boiler").map(|mut b| {
            let boiler = Boiler {
                fuel: self.code(&mut b, "fuel", Fuel::parse, Fuel::codes_list, false),
                capacity_t_per_h: self.number(&mut b, "capacity_t_per_h", Num::Positive),
                in_use: self.boolean(&mut b, "in_use"),
                existing: self.boolean(&mut b, "existing"),
            };
            self.finish(b);
            boiler
        });
        let outlet = AirOutlet {
            index,
            id,
            source: self.string(&mut o, "source", false),
            height_m: self.number(&mut o, "height_m", Num::Range(0.0, 500.0)),
            flow_m3_per_h: self.number(&mut o, "flow_m3_per_h", Num::NonNegative),
            hours_per_year: self.number(&mut o, "hours_per_year", Num::Range(0.0, 8784.0)),
            treatment: self.string(&mut o, "treatment", false),
            pollutants,
            boiler,
            max_building_height_m: self.number(
                &mut o,
                "max_building_height_m",
                Num::Range(0.0, 1000.0),
            ),
            removal_efficiency: self.number(&mut o, "removal_efficiency", Num::Fraction),
            inner_diameter_m: self.number(&mut o, "inner_diameter_m", Num::Range(0.01, 30.0)),
            exit_temperature_c: self.number(
                &mut o,
                "exit_temperature_c",
                Num::Range(-50.0, 1500.0),
            ),
            exit_velocity_m_per_s: self.number(
                &mut o,
                "exit_velocity_m_per_s",
                Num::Range(0.0, 200.0),
            ),
        };
        self.finish(o);
        Some(outlet)
    }

    fn solid_waste(&mut self, value: &Value, path: String, _index: usize) -> Option<SolidWaste> {
        let mut o = self.object(value, path)?;
        let waste = SolidWaste {
            name: self.string(&mut o, "name", true).unwrap_or_default(),
            category: self.code(
                &mut o,
                "category",
                WasteCategory::parse,
                WasteCategory::codes_list,
                false,
            ),
            code: self.string(&mut o, "code", false),
            t_per_year: self.number(&mut o, "t_per_year", Num::NonNegative),
            disposal: self.string(&mut o, "disposal", false),
        };
        self.finish(o);
        Some(waste)
    }

    fn risk(&mut self, mut o: Obj<'_>) -> Risk {
        let risk = Risk {
            emergency_pool_m3: self.number(&mut o, "emergency_pool_m3", Num::NonNegative),
            substances: self.array(&mut o, "substances", |w, v, path, _| {
                let mut o = w.object(v, path)?;
                let substance = RiskSubstance {
                    name: w.string(&mut o, "name", true).unwrap_or_default(),
                    max_storage_t: w.number(&mut o, "max_storage_t", Num::NonNegative),
                    critical_quantity_t: w.number(&mut o, "critical_quantity_t", Num::Positive),
                };
                w.finish(o);
                Some(substance)
            }),
            m_value: self.number(&mut o, "m_value", Num::NonNegative),
            population_500m: self.number(&mut o, "population_500m", Num::NonNegative),
            population_5km: self.number(&mut o, "population_5km", Num::NonNegative),
            e_surface_water: self.code(
                &mut o,
                "e_surface_water",
                RiskE::parse,
                RiskE::codes_list,
                false,
            ),
            e_groundwater: self.code(
                &mut o,
                "e_groundwater",
                RiskE::parse,
                RiskE::codes_list,
                false,
            ),
        };
        self.finish(o);
        risk
    }

    fn total_control(&mut self, value: &Value, path: String, index: usize) -> Option<TotalControl> {
        let mut o = self.object(value, path)?;
        let pollutant = self.pollutant_code(&mut o, "pollutant", Pollutant::parse, "");
        let entry = TotalControl {
            index,
            pollutant: pollutant.unwrap_or(Pollutant::Water(WaterPollutant::Cod)),
            amount_t_per_year: self.number(&mut o, "amount_t_per_year", Num::NonNegative),
            basis: self.code(
                &mut o,
                "basis",
                QuotaBasis::parse,
                QuotaBasis::codes_list,
                false,
            ),
            basis_concentration_mg_per_l: self.number(
                &mut o,
                "basis_concentration_mg_per_l",
                Num::NonNegative,
            ),
            source: self.code(
                &mut o,
                "source",
                QuotaSource::parse,
                QuotaSource::codes_list,
                false,
            ),
            offset_ratio: self.number(&mut o, "offset_ratio", Num::NonNegative),
        };
        self.finish(o);
        pollutant.map(|_| entry)
    }

    fn receptor(&mut self, value: &Value, path: String, index: usize) -> Option<Receptor> {
        let mut o = self.object(value, path)?;
        let receptor = Receptor {
            index,
            name: self.string(&mut o, "name", true).unwrap_or_default(),
            kind: self.code(
                &mut o,
                "kind",
                ReceptorKind::parse,
                ReceptorKind::codes_list,
                false,
            ),
            distance_m: self.number(&mut o, "distance_m", Num::NonNegative),
            direction: self.string(&mut o, "direction", false),
        };
        self.finish(o);
        Some(receptor)
    }

    fn clean_production(&mut self, mut o: Obj<'_>) -> CleanProduction {
        let clean = CleanProduction {
            water_reuse_rate: self.number(&mut o, "water_reuse_rate", Num::Fraction),
            unit_fresh_water: self.number(&mut o, "unit_fresh_water", Num::NonNegative),
            unit_fresh_water_unit: self.string(&mut o, "unit_fresh_water_unit", false),
            energy_kgce_per_100m: self.number(&mut o, "energy_kgce_per_100m", Num::NonNegative),
        };
        self.finish(o);
        clean
    }

    fn permit(&mut self, mut o: Obj<'_>) -> Permit {
        let permit = Permit {
            management_class: self.code(
                &mut o,
                "management_class",
                ManagementClass::parse,
                ManagementClass::codes_list,
                false,
            ),
            outlets: self.array(&mut o, "outlets", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let outlet = PermitOutlet {
                    index,
                    id: w.string(&mut o, "id", true).unwrap_or_default(),
                    kind: w.code(
                        &mut o,
                        "kind",
                        OutletKind::parse,
                        OutletKind::codes_list,
                        false,
                    ),
                    pollutants: w
                        .array(&mut o, "pollutants", |w, v, path, _| {
                            w.pollutant_item(v, path)
                        })
                        .unwrap_or_default(),
                };
                w.finish(o);
                Some(outlet)
            }),
            permitted_t_per_year: self.array(
                &mut o,
                "permitted_t_per_year",
                |w, v, path, index| {
                    let mut o = w.object(v, path)?;
                    let pollutant = w.pollutant_code(&mut o, "pollutant", Pollutant::parse, "");
                    let amount = PermittedAmount {
                        index,
                        pollutant: pollutant.unwrap_or(Pollutant::Water(WaterPollutant::Cod)),
                        amount: w.number(&mut o, "amount", Num::NonNegative),
                        basis: w.code(
                            &mut o,
                            "basis",
                            QuotaBasis::parse,
                            QuotaBasis::codes_list,
                            false,
                        ),
                    };
                    w.finish(o);
                    pollutant.map(|_| amount)
                },
            ),
            self_monitoring: self.array(&mut o, "self_monitoring", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let outlet = w.string(&mut o, "outlet", true).unwrap_or_default();
                let pollutant_path = o.child("pollutant");
                let monitored = match w.string(&mut o, "pollutant", true) {
                    Some(text) if text.eq_ignore_ascii_case("flow") || text == "流量" => {
                        Some(Monitored::Flow)
                    }
                    Some(text) => match Pollutant::parse(&text) {
                        Some(p) => Some(Monitored::Pollutant(p)),
                        None => {
                            w.warn(
                                pollutant_path,
                                format!("未识别的监测指标“{text}”，该项未参与检查"),
                            );
                            None
                        }
                    },
                    None => None,
                };
                let line = SelfMonitoring {
                    index,
                    outlet,
                    monitored: monitored.unwrap_or(Monitored::Flow),
                    frequency: w.code(
                        &mut o,
                        "frequency",
                        Frequency::parse,
                        Frequency::codes_list,
                        false,
                    ),
                };
                w.finish(o);
                monitored.map(|_| line)
            }),
        };
        self.finish(o);
        permit
    }

    fn noise(&mut self, mut o: Obj<'_>) -> Noise {
        let zone = |w: &mut Self, o: &mut Obj<'_>, key: &'static str| {
            w.code(o, key, NoiseZone::parse, NoiseZone::codes_list, false)
        };
        let noise = Noise {
            zone_class: zone(self, &mut o, "zone_class"),
            receptor_zone_class: zone(self, &mut o, "receptor_zone_class"),
            sources: self.array(&mut o, "sources", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let source = NoiseSource {
                    index,
                    name: w.line(&mut o, "name", true).unwrap_or_default(),
                    sound_power_db: w.number(&mut o, "sound_power_db", Num::Range(0.0, 200.0)),
                    x_m: w.number(&mut o, "x_m", Num::Range(-100_000.0, 100_000.0)),
                    y_m: w.number(&mut o, "y_m", Num::Range(-100_000.0, 100_000.0)),
                    count: w.number(&mut o, "count", Num::Range(1.0, 10_000.0)),
                    indoor_loss_db: w.number(&mut o, "indoor_loss_db", Num::Range(0.0, 80.0)),
                    barrier_db: w.number(&mut o, "barrier_db", Num::Range(0.0, 40.0)),
                    night: w.boolean(&mut o, "night"),
                };
                w.finish(o);
                Some(source)
            }),
            boundary_points: self.array(&mut o, "boundary_points", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let point = NoisePoint {
                    index,
                    name: w.line(&mut o, "name", true).unwrap_or_default(),
                    x_m: w.number(&mut o, "x_m", Num::Range(-100_000.0, 100_000.0)),
                    y_m: w.number(&mut o, "y_m", Num::Range(-100_000.0, 100_000.0)),
                };
                w.finish(o);
                Some(point)
            }),
        };
        self.finish(o);
        noise
    }

    fn assessment(&mut self, mut o: Obj<'_>) -> Assessment {
        let grade = |w: &mut Self, o: &mut Obj<'_>, key: &'static str| {
            w.code(o, key, EvalGrade::parse, EvalGrade::codes_list, false)
        };
        let assessment = Assessment {
            air_grade: grade(self, &mut o, "air_grade"),
            air_pmax_percent: self.number(&mut o, "air_pmax_percent", Num::NonNegative),
            air_d10_m: self.number(&mut o, "air_d10_m", Num::NonNegative),
            air_range_km: self.number(&mut o, "air_range_km", Num::NonNegative),
            air_results: self.array(&mut o, "air_results", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let outlet = w.line(&mut o, "outlet", true).unwrap_or_default();
                let code = w.pollutant_code(&mut o, "pollutant", AirPollutant::parse, "废气");
                let result = DeclaredAirResult {
                    index,
                    outlet,
                    pollutant: code.unwrap_or(AirPollutant::Nmhc),
                    ci_ug_per_m3: w.number(&mut o, "ci_ug_per_m3", Num::NonNegative),
                    c0_ug_per_m3: w.number(&mut o, "c0_ug_per_m3", Num::Positive),
                    pi_percent: w.number(&mut o, "pi_percent", Num::NonNegative),
                    distance_m: w.number(&mut o, "distance_m", Num::NonNegative),
                };
                w.finish(o);
                code.map(|_| result)
            }),
            protection_distance_m: self.number(&mut o, "protection_distance_m", Num::NonNegative),
            water_grade: grade(self, &mut o, "water_grade"),
            noise_grade: grade(self, &mut o, "noise_grade"),
            noise_boundary: self.array(&mut o, "noise_boundary", |w, v, path, index| {
                let mut o = w.object(v, path)?;
                let declared = DeclaredNoise {
                    index,
                    point: w.line(&mut o, "point", true).unwrap_or_default(),
                    day_db: w.number(&mut o, "day_db", Num::Range(0.0, 200.0)),
                    night_db: w.number(&mut o, "night_db", Num::Range(0.0, 200.0)),
                };
                w.finish(o);
                Some(declared)
            }),
            groundwater_grade: grade(self, &mut o, "groundwater_grade"),
            soil_grade: grade(self, &mut o, "soil_grade"),
            risk_grade: grade(self, &mut o, "risk_grade"),
            special_assessments: self.array(
                &mut o,
                "special_assessments",
                |w, v, path, _| match v {
                    Value::String(text) => {
                        let parsed = SpecialAssessment::parse(text);
                        if parsed.is_none() {
                            w.error(
                                path,
                                format!(
                                    "无法识别的专项评价“{text}”，可选：{}",
                                    SpecialAssessment::codes_list()
                                ),
                            );
                        }
                        parsed
                    }
                    other => {
                        w.error(path, format!("应为字符串，实际为{}", describe(other)));
                        None
                    }
                },
            ),
        };
        self.finish(o);
        assessment
    }

    fn pollutant_item(&mut self, value: &Value, path: String) -> Option<Pollutant> {
        match value {
            Value::String(s) => {
                let parsed = Pollutant::parse(s);
                if parsed.is_none() {
                    self.warn(path, format!("未识别的污染物“{s}”，该项未参与检查"));
                }
                parsed
            }
            other => {
                self.error(
                    path,
                    format!("应为污染物代码字符串，实际为{}", describe(other)),
                );
                None
            }
        }
    }
}

/// The known key closest to an unknown one, when it is a likely typo.
fn suggest(unknown: &str, known: &[&'static str]) -> Option<&'static str> {
    let lower = unknown.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (*k, edit_distance(&lower, k)))
        .filter(|(k, d)| *d <= 2.max(k.len() / 5))
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}
