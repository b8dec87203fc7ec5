//! The benchmark concentration C0 of each pollutant for the air grade (HJ 2.2-2018 §5.3), chosen
//! by the GB 3095 edition in force on the review date. Facts and their confidence:
//! `shared/spec/prediction.md` §0 and §1.6.
//!
//! - GB 3095 pollutants: the 1-hour 二级 limit, or 3 × the 24-hour limit where only that exists.
//!   GB 3095-2012 before 2026-03-01; GB 3095—2026 transitional limits 2026-03-01 … 2030-12-31;
//!   its final limits from 2031-01-01 [V2, third-party transcription of the official PDF].
//! - Pollutants outside GB 3095: HJ 2.2-2018 附录D 表D.1 [M]; 8-hour values × 2.
//! - NMHC: 2.0 mg/m³ from 《大气污染物综合排放标准详解》, practice rather than the guideline [M].
//! - 油烟 and 臭气浓度 have no ambient standard: no Pi.
//! - A class-1 zone (一类区) uses the 一级 limits, which the reference set does not carry: no C0.

use lvshen_filing::Confidence;
use lvshen_filing::codes::{AirPollutant, AirZone};
use lvshen_law::Date;
use serde::Serialize;

/// C0 for one pollutant on one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub c0_ug_per_m3: f64,
    /// The document and how the value was obtained, in Chinese.
    pub basis: String,
    /// The pollutant as the standard names it (颗粒物 is screened as PM10).
    pub screened_as: &'static str,
    #[serde(serialize_with = "confidence_code")]
    pub confidence: Confidence,
}

fn confidence_code<S: serde::Serializer>(c: &Confidence, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match c {
        Confidence::V => "V",
        Confidence::V2 => "V2",
        Confidence::M => "M",
    })
}

/// Why no C0 can be given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoBenchmark {
    pub reason: String,
}

/// The GB 3095 edition and stage in force on a date.
pub fn gb3095_edition(as_of: Date) -> &'static str {
    if as_of < Date::new(2026, 3, 1).expect("date") {
        "GB 3095-2012"
    } else if as_of < Date::new(2031, 1, 1).expect("date") {
        "GB 3095—2026（过渡阶段）"
    } else {
        "GB 3095—2026"
    }
}

/// C0 for `pollutant` on `as_of` in an air zone (`None` = not declared, taken as 二类区).
pub fn benchmark(
    pollutant: AirPollutant,
    as_of: Date,
    zone: Option<AirZone>,
) -> Result<Benchmark, NoBenchmark> {
    let edition = gb3095_edition(as_of);
    let stage_2026 = edition.starts_with("GB 3095—2026");
    let final_2031 = edition == "GB 3095—2026";
    let in_gb3095 = matches!(
        pollutant,
        AirPollutant::Particulate | AirPollutant::So2 | AirPollutant::Nox
    );
    if in_gb3095 && zone == Some(AirZone::Class1) {
        return Err(NoBenchmark {
            reason: format!(
                "项目位于环境空气一类区，应采用 {edition} 一级浓度限值，该限值未收录于本系统参考资料"
            ),
        });
    }
    let b = |c0: f64, basis: String, screened_as: &'static str, confidence: Confidence| {
        Ok(Benchmark {
            c0_ug_per_m3: c0,
            basis,
            screened_as,
            confidence,
        })
    };
    match pollutant {
        AirPollutant::Particulate => {
            let (daily, c0) = if final_2031 {
                (100.0, 300.0)
            } else if stage_2026 {
                (120.0, 360.0)
            } else {
                (150.0, 450.0)
            };
            b(
                c0,
                format!("{edition} 二级 PM10 24小时平均 {daily} µg/m³ × 3（HJ 2.2-2018 5.2）"),
                "PM10",
                Confidence::V2,
            )
        }
        AirPollutant::So2 => {
            let c0 = if final_2031 { 150.0 } else { 500.0 };
            b(
                c0,
                format!("{edition} 二级 SO2 1小时平均"),
                "SO2",
                Confidence::V2,
            )
        }
        AirPollutant::Nox => b(
            250.0,
            format!("{edition} 二级 NOx 1小时平均"),
            "NOx",
            Confidence::V2,
        ),
        AirPollutant::Nh3 => b(
            200.0,
            "HJ 2.2-2018 附录D 表D.1 氨 1小时平均".into(),
            "氨",
            Confidence::M,
        ),
        AirPollutant::H2s => b(
            10.0,
            "HJ 2.2-2018 附录D 表D.1 硫化氢 1小时平均".into(),
            "硫化氢",
            Confidence::M,
        ),
        AirPollutant::Formaldehyde => b(
            50.0,
            "HJ 2.2-2018 附录D 表D.1 甲醛 1小时平均".into(),
            "甲醛",
            Confidence::M,
        ),
        AirPollutant::Vocs => b(
            1200.0,
            "HJ 2.2-2018 附录D 表D.1 TVOC 8小时平均 600 µg/m³ × 2".into(),
            "TVOC",
            Confidence::M,
        ),
        AirPollutant::Nmhc => b(
            2000.0,
            "非甲烷总烃不在 HJ 2.2-2018 表D.1 中，按惯例取 2.0 mg/m³（《大气污染物综合排放标准详解》）"
                .into(),
            "非甲烷总烃",
            Confidence::M,
        ),
        AirPollutant::OilFume => Err(NoBenchmark {
            reason: "油烟无环境空气质量标准，不计算占标率".into(),
        }),
        AirPollutant::Odor => Err(NoBenchmark {
            reason: "臭气浓度无环境空气质量标准，按 GB 14554 厂界标准另行评价，不计算占标率".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pm10_c0_follows_the_edition_in_force() {
        let d = |y, m, day| Date::new(y, m, day).expect("date");
        let c0 = |date| {
            benchmark(AirPollutant::Particulate, date, None)
                .expect("c0")
                .c0_ug_per_m3
        };
        assert_eq!(c0(d(2026, 2, 28)), 450.0);
        assert_eq!(c0(d(2026, 3, 1)), 360.0);
        assert_eq!(c0(d(2031, 1, 1)), 300.0);
        assert_eq!(
            benchmark(AirPollutant::So2, d(2031, 1, 1), None)
                .expect("c0")
                .c0_ug_per_m3,
            150.0
        );
        assert!(benchmark(AirPollutant::So2, d(2026, 5, 1), Some(AirZone::Class1)).is_err());
        // Outside GB 3095 the zone does not matter.
        assert!(benchmark(AirPollutant::Nh3, d(2026, 5, 1), Some(AirZone::Class1)).is_ok());
        assert!(benchmark(AirPollutant::Odor, d(2026, 5, 1), None).is_err());
    }
}
