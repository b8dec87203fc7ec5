//! Shared air helpers: the GB 16297 row for an outlet's pollutant, an outlet's rate (declared
//! or computed), and the allowed rate at a stack height (附录B interpolation/extrapolation,
//! §7.1 and §7.4 halving).

use lvshen_filing::codes::AirPollutant;
use lvshen_filing::{AirOutlet, AirPollutantEntry};

use crate::num;
use crate::standards::{AirRow, GeneralAir};

/// The GB 16297 Table 2 row for a pollutant at an outlet (dye dust where the source says so).
pub(crate) fn row_for<'a>(
    air: &'a GeneralAir,
    outlet: &AirOutlet,
    code: AirPollutant,
) -> Option<&'a AirRow> {
    if code == AirPollutant::Particulate {
        let dye_dust = outlet
            .source
            .as_deref()
            .is_some_and(|s| s.contains("染料") || s.contains("配料") || s.contains("炭黑"));
        let variant = if dye_dust { "dye_dust" } else { "other" };
        return air.row(code, Some(variant)).or_else(|| air.row(code, None));
    }
    air.row(code, None)
}

/// The emission rate: declared, or flow × concentration.
pub(crate) fn rate_kg_h(outlet: &AirOutlet, entry: &AirPollutantEntry) -> Option<(f64, bool)> {
    if let Some(rate) = entry.rate_kg_per_h {
        return Some((rate, true));
    }
    let flow = outlet.flow_m3_per_h?;
    let conc = entry.concentration_mg_per_m3?;
    Some((flow * conc * 1e-6, false))
}

/// The allowed rate at a height, with how it was obtained (Chinese) and the clauses used.
#[derive(Debug, Clone)]
pub(crate) struct AllowedRate {
    pub value: f64,
    pub how: String,
    pub clauses: Vec<&'static str>,
}

pub(crate) fn allowed_rate(
    air: &GeneralAir,
    row: &AirRow,
    height: f64,
    building: Option<f64>,
) -> Option<AllowedRate> {
    let rates = &row.rates;
    let (first_h, first_q) = *rates.first()?;
    let (last_h, last_q) = *rates.last()?;
    let mut clauses = vec!["表2"];
    let (mut value, mut how) = if let Some((_, q)) = rates.iter().find(|(h, _)| *h == height) {
        (*q, format!("{} m 表列值 {} kg/h", num(height), num(*q)))
    } else if height > first_h && height < last_h {
        let i = rates.iter().position(|(h, _)| *h > height)?;
        let (ha, qa) = rates[i - 1];
        let (hb, qb) = rates[i];
        let q = qa + (qb - qa) * (height - ha) / (hb - ha);
        clauses.push("附录B B1");
        (
            q,
            format!(
                "按 {} m（{} kg/h）与 {} m（{} kg/h）内插为 {} kg/h",
                num(ha),
                num(qa),
                num(hb),
                num(qb),
                num(q)
            ),
        )
    } else if height > last_h {
        let q = last_q * (height / last_h).powi(2);
        clauses.push("附录B B2");
        (
            q,
            format!("高于表列最高高度 {} m，外推为 {} kg/h", num(last_h), num(q)),
        )
    } else {
        let q = first_q * (height / first_h).powi(2) * air.halving_factor;
        clauses.push("附录B B3");
        clauses.push("7.4");
        (
            q,
            format!(
                "低于 {} m，外推后再严格 50% 为 {} kg/h",
                num(first_h),
                num(q)
            ),
        )
    };
    if let Some(building) = building
        && height < building + air.building_margin_m
    {
        value *= air.halving_factor;
        clauses.push("7.1");
        how.push_str(&format!(
            "；未高出周围 200 m 内建筑（{} m）{} m 以上，再严格 50% 为 {} kg/h",
            num(building),
            num(air.building_margin_m),
            num(value)
        ));
    }
    Some(AllowedRate {
        value,
        how,
        clauses,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Standards;

    #[test]
    fn interpolates_and_extrapolates_as_appendix_b() {
        let s = Standards::builtin();
        let row = s.air.row(AirPollutant::Particulate, Some("other")).unwrap();
        let at = |h: f64, b: Option<f64>| allowed_rate(&s.air, row, h, b).unwrap().value;
        assert!((at(15.0, None) - 3.5).abs() < 1e-9);
        assert!((at(25.0, None) - (5.9 + (23.0 - 5.9) * 0.5)).abs() < 1e-9);
        assert!((at(80.0, None) - 85.0 * (80.0f64 / 60.0).powi(2)).abs() < 1e-9);
        assert!((at(10.0, None) - 3.5 * (10.0f64 / 15.0).powi(2) * 0.5).abs() < 1e-9);
        assert!((at(15.0, Some(12.0)) - 1.75).abs() < 1e-9);
        assert!((at(20.0, Some(12.0)) - 5.9).abs() < 1e-9);
    }
}
