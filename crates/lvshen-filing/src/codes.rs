//! Closed vocabularies of the filing (process codes, pollutant codes, enums), each with its
//! stable code, its Chinese label, and the Chinese aliases an applicant may type instead.

use serde::{Serialize, Serializer};

/// Defines a closed code list: `code()` is the filing's spelling, `label_zh()` what a user
/// reads, `parse()` accepts the code (ASCII case-insensitive), the Chinese label and aliases.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $zh:literal $(, $alias:literal)*;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code as written in a filing.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The Chinese name shown to users.
            pub fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }

            /// Parses a code, its Chinese label or an alias; surrounding spaces are ignored.
            pub fn parse(text: &str) -> Option<Self> {
                let text = text.trim();
                $(
                    if text.eq_ignore_ascii_case($code) || text == $zh $(|| text.eq_ignore_ascii_case($alias))* {
                        return Some($name::$variant);
                    }
                )+
                None
            }

            /// The accepted codes, for error messages.
            pub fn codes_list() -> String {
                [$($code),+].join(" / ")
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// 建设性质.
    ConstructionType {
        New = "new", "新建";
        Expansion = "expansion", "扩建";
        Renovation = "renovation", "改建";
        TechnicalRenovation = "technical_renovation", "技术改造", "技改";
        Relocation = "relocation", "迁建", "搬迁";
    }
}

code_enum! {
    /// The EIA document prepared: 报告书 / 报告表 / 登记表.
    DocumentType {
        ReportBook = "report_book", "报告书", "环境影响报告书", "生态环境影响报告书";
        ReportTable = "report_table", "报告表", "环境影响报告表", "生态环境影响报告表";
        RegistrationForm = "registration_form", "登记表", "环境影响登记表", "生态环境影响登记表";
    }
}

impl DocumentType {
    /// Rank for comparison: a higher rank is the more demanding document.
    pub fn rank(self) -> u8 {
        match self {
            DocumentType::RegistrationForm => 1,
            DocumentType::ReportTable => 2,
            DocumentType::ReportBook => 3,
        }
    }
}

code_enum! {
    /// Production steps (filing.md `processes[]`).
    Process {
        Pretreatment = "pretreatment", "前处理", "退浆", "煮练", "漂白";
        Mercerizing = "mercerizing", "丝光";
        Dyeing = "dyeing", "染色";
        Printing = "printing", "印花";
        DigitalPrinting = "digital_printing", "数码印花", "喷墨印花";
        HeatSetting = "heat_setting", "定型";
        Coating = "coating", "涂层";
        CoatingSolvent = "coating_solvent", "溶剂型涂层", "使用有机溶剂的涂层";
        Washing = "washing", "水洗";
        Finishing = "finishing", "后整理";
        WoolScouring = "wool_scouring", "洗毛";
        Degumming = "degumming", "脱胶";
        SilkReeling = "silk_reeling", "缫丝";
        WaterJetWeaving = "water_jet_weaving", "喷水织造";
        Weaving = "weaving", "织造";
        GarmentMaking = "garment_making", "成衣加工";
        Spinning = "spinning", "纺丝";
        Polymerization = "polymerization", "聚合";
    }
}

impl Process {
    /// Wet processing steps that produce process wastewater.
    pub fn is_wet(self) -> bool {
        matches!(
            self,
            Process::Pretreatment
                | Process::Mercerizing
                | Process::Dyeing
                | Process::Printing
                | Process::Washing
                | Process::WoolScouring
                | Process::Degumming
                | Process::SilkReeling
                | Process::WaterJetWeaving
        )
    }

    /// Pretreatment, dyeing or conventional (non-digital) printing: the steps that make a
    /// project a 印染 (dyeing) project in the catalogues.
    pub fn is_dyeing_core(self) -> bool {
        matches!(
            self,
            Process::Pretreatment | Process::Dyeing | Process::Printing
        )
    }
}

code_enum! {
    /// Product fabric class (decides the GB 4287 benchmark volume).
    Fabric {
        CottonWoven = "cotton_woven", "棉、化纤及混纺机织物", "机织物";
        Knitted = "knitted", "针织物";
        Yarn = "yarn", "纱线";
        Silk = "silk", "真丝", "真丝绸";
        Wool = "wool", "毛织物";
        Other = "other", "其他";
    }
}

code_enum! {
    /// Unit of a product's output.
    OutputUnit {
        WanMetresPerYear = "万米/a", "万米/年", "万m/a";
        TonnesPerYear = "t/a", "吨/年";
        WanPiecesPerYear = "万件/a", "万件/年";
    }
}

code_enum! {
    /// 排放方式.
    DischargeMode {
        Direct = "direct", "直接排放", "直排";
        Indirect = "indirect", "间接排放", "纳管";
        None = "none", "不外排", "零排放";
    }
}

code_enum! {
    /// What receives the wastewater; decides the GB 4287 column (2015 amendment notes 3–5).
    ReceivingKind {
        Municipal = "municipal", "城镇污水处理厂";
        Park = "park", "工业园区污水处理厂";
        ParkDyeingSeparate = "park_dyeing_separate", "园区印染废水单独收集预处理";
        WaterBody = "water_body", "地表水体", "水体";
    }
}

code_enum! {
    /// Water pollutant codes (filing.md `water.pollutants[].code`).
    WaterPollutant {
        PH = "pH", "pH值";
        Cod = "COD", "化学需氧量", "CODcr", "COD_Cr", "CODCr";
        Bod5 = "BOD5", "五日生化需氧量", "BOD", "BOD₅";
        Ss = "SS", "悬浮物";
        Color = "color", "色度";
        Nh3n = "NH3N", "氨氮", "NH3-N", "NH₃-N";
        Tn = "TN", "总氮";
        Tp = "TP", "总磷";
        ClO2 = "ClO2", "二氧化氯";
        Aox = "AOX", "可吸附有机卤素";
        Sulfide = "sulfide", "硫化物";
        Aniline = "aniline", "苯胺类";
        Cr6 = "Cr6", "六价铬", "Cr6+", "Cr(VI)";
        Sb = "Sb", "总锑", "锑";
    }
}

impl WaterPollutant {
    /// Unit of the value in `concentration_mg_per_l`.
    pub fn unit(self) -> &'static str {
        match self {
            WaterPollutant::PH => "",
            WaterPollutant::Color => "倍",
            _ => "mg/L",
        }
    }
}

code_enum! {
    /// Air pollutant codes (filing.md `air.outlets[].pollutants[].code`).
    AirPollutant {
        Particulate = "particulate", "颗粒物", "烟尘", "粉尘";
        OilFume = "oil_fume", "油烟", "染整油烟";
        Nmhc = "NMHC", "非甲烷总烃";
        Vocs = "VOCs", "挥发性有机物", "VOC";
        So2 = "SO2", "二氧化硫", "SO₂";
        Nox = "NOx", "氮氧化物", "NOₓ";
        Nh3 = "NH3", "氨", "氨气";
        H2s = "H2S", "硫化氢";
        Odor = "odor", "臭气浓度", "odour";
        Formaldehyde = "formaldehyde", "甲醛";
    }
}

impl AirPollutant {
    /// Whether this code measures volatile organics (NMHC or VOCs).
    pub fn is_voc(self) -> bool {
        matches!(self, AirPollutant::Nmhc | AirPollutant::Vocs)
    }
}

/// A pollutant code in a context that may hold water or air codes (total control, permit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pollutant {
    /// A water pollutant.
    Water(WaterPollutant),
    /// An air pollutant.
    Air(AirPollutant),
}

impl Pollutant {
    /// Water codes first: `NH3N` is water, `NH3` is air.
    pub fn parse(text: &str) -> Option<Self> {
        WaterPollutant::parse(text)
            .map(Pollutant::Water)
            .or_else(|| AirPollutant::parse(text).map(Pollutant::Air))
    }

    /// The code as written in a filing.
    pub fn code(self) -> &'static str {
        match self {
            Pollutant::Water(p) => p.code(),
            Pollutant::Air(p) => p.code(),
        }
    }

    /// The Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            Pollutant::Water(p) => p.label_zh(),
            Pollutant::Air(p) => p.label_zh(),
        }
    }
}

impl Serialize for Pollutant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl std::fmt::Display for Pollutant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

code_enum! {
    /// Solid waste category.
    WasteCategory {
        General = "general", "一般工业固废", "一般固废";
        Hazardous = "hazardous", "危险废物", "危废";
        Domestic = "domestic", "生活垃圾";
    }
}

code_enum! {
    /// 总量指标核算口径.
    QuotaBasis {
        Outlet = "outlet", "排放口", "纳管量";
        Environment = "environment", "排入环境量", "排环境量";
    }
}

code_enum! {
    /// Where a total-quantity quota comes from.
    QuotaSource {
        EmissionRightsTrading = "emission_rights_trading", "排污权交易";
        RegionalReduction = "regional_reduction", "区域削减替代";
        ExistingQuota = "existing_quota", "企业原有指标";
        None = "none", "无";
    }
}

code_enum! {
    /// Kind of environmentally sensitive receptor.
    ReceptorKind {
        Residential = "residential", "居民区", "居住区";
        School = "school", "学校";
        Hospital = "hospital", "医院";
        WaterSource = "water_source", "饮用水水源保护区";
        NatureReserve = "nature_reserve", "自然保护区";
        EcologicalRedline = "ecological_redline", "生态保护红线";
        River = "river", "河流";
        Other = "other", "其他";
    }
}

code_enum! {
    /// 排污许可管理类别.
    ManagementClass {
        Registration = "registration", "登记管理";
        Simplified = "simplified", "简化管理";
        Key = "key", "重点管理";
    }
}

impl ManagementClass {
    /// Rank for comparison: a higher rank is the stricter class.
    pub fn rank(self) -> u8 {
        match self {
            ManagementClass::Registration => 1,
            ManagementClass::Simplified => 2,
            ManagementClass::Key => 3,
        }
    }
}

code_enum! {
    /// Kind of a permitted outlet.
    OutletKind {
        Main = "main", "主要排放口";
        General = "general", "一般排放口", "ordinary";
    }
}

code_enum! {
    /// Self-monitoring frequency.
    Frequency {
        Automatic = "automatic", "自动监测", "在线监测";
        Daily = "daily", "每日";
        Weekly = "weekly", "每周";
        Monthly = "monthly", "每月";
        Quarterly = "quarterly", "每季度";
        HalfYearly = "half_yearly", "每半年";
        Yearly = "yearly", "每年";
    }
}

code_enum! {
    /// Fuel of a boiler (LüShen extension `air.outlets[].boiler.fuel`).
    Fuel {
        Gas = "gas", "天然气", "燃气";
        Oil = "oil", "燃油";
        Coal = "coal", "燃煤", "煤";
        Biomass = "biomass", "生物质";
        Electric = "electric", "电";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_aliases_parse_to_codes() {
        assert_eq!(
            WaterPollutant::parse("化学需氧量"),
            Some(WaterPollutant::Cod)
        );
        assert_eq!(WaterPollutant::parse(" 总氮 "), Some(WaterPollutant::Tn));
        assert_eq!(WaterPollutant::parse("nh3-n"), Some(WaterPollutant::Nh3n));
        assert_eq!(WaterPollutant::parse("六价铬"), Some(WaterPollutant::Cr6));
        assert_eq!(AirPollutant::parse("非甲烷总烃"), Some(AirPollutant::Nmhc));
        assert_eq!(
            Pollutant::parse("NH3"),
            Some(Pollutant::Air(AirPollutant::Nh3))
        );
        assert_eq!(
            Pollutant::parse("NH3N"),
            Some(Pollutant::Water(WaterPollutant::Nh3n))
        );
        assert_eq!(Process::parse("染色"), Some(Process::Dyeing));
        assert_eq!(WaterPollutant::parse("石油类"), None);
    }
}

code_enum! {
    /// Dispersion coefficients of the screening model (`location.dispersion_setting`).
    DispersionSetting {
        Rural = "rural", "农村";
        Urban = "urban", "城市";
    }
}

code_enum! {
    /// Ambient air function zone (GB 3095 环境空气功能区).
    AirZone {
        Class1 = "1", "一类区", "一类";
        Class2 = "2", "二类区", "二类";
    }
}

code_enum! {
    /// Acoustic environment function zone (GB 3096 声环境功能区类别).
    NoiseZone {
        Class0 = "0", "0类", "0类区";
        Class1 = "1", "1类", "1类区";
        Class2 = "2", "2类", "2类区";
        Class3 = "3", "3类", "3类区";
        Class4a = "4a", "4a类", "4a类区";
        Class4b = "4b", "4b类", "4b类区";
    }
}

code_enum! {
    /// Sensitivity class (HJ 610 地下水 / HJ 964 土壤).
    Sensitivity {
        Sensitive = "sensitive", "敏感";
        LessSensitive = "less_sensitive", "较敏感";
        Insensitive = "insensitive", "不敏感";
    }
}

code_enum! {
    /// An evaluation grade (评价工作等级) as declared in `assessment`.
    EvalGrade {
        One = "1", "一级";
        Two = "2", "二级";
        Three = "3", "三级";
        ThreeA = "3A", "三级A";
        ThreeB = "3B", "三级B";
        Simple = "simple", "简单分析";
        None = "none", "不开展", "无需评价";
    }
}

impl EvalGrade {
    /// Rank: a higher rank is the more demanding grade (三级A above 三级B, 简单分析 below 三级).
    pub fn rank(self) -> u8 {
        match self {
            EvalGrade::One => 6,
            EvalGrade::Two => 5,
            EvalGrade::ThreeA => 4,
            EvalGrade::Three => 4,
            EvalGrade::ThreeB => 3,
            EvalGrade::Simple => 2,
            EvalGrade::None => 1,
        }
    }
}

code_enum! {
    /// Environmental sensitivity class of HJ 169 附录D.
    RiskE {
        E1 = "E1", "环境高度敏感区";
        E2 = "E2", "环境中度敏感区";
        E3 = "E3", "环境低度敏感区";
    }
}

code_enum! {
    /// A 专项评价 of the 报告表 format (污染影响类 表1).
    SpecialAssessment {
        Air = "air", "大气";
        SurfaceWater = "surface_water", "地表水";
        Risk = "risk", "环境风险";
        Ecology = "ecology", "生态";
        Marine = "marine", "海洋";
        Groundwater = "groundwater", "地下水";
    }
}
