//! Shared total-quantity arithmetic: what the filing emits of each pollutant, in t/a.

use lvshen_filing::codes::{AirPollutant, Fuel, Pollutant, WaterPollutant};
use lvshen_filing::{AirOutlet, Filing};

use super::air_common::rate_kg_h;

/// Annual water load at the plant outlet: declared, or volume × concentration.
pub(crate) fn water_load(filing: &Filing, code: WaterPollutant) -> Option<f64> {
    let volume = filing.water.as_ref()?.discharged_t_per_year;
    let entry = filing.water_pollutants().iter().find(|p| p.code == code)?;
    entry
        .load_t_per_year
        .or_else(|| Some(volume? * entry.concentration_mg_per_l? * 1e-6))
}

fn outlet_load(outlet: &AirOutlet, code: AirPollutant) -> Option<f64> {
    let entry = outlet.pollutant(code)?;
    entry.load_t_per_year.or_else(|| {
        let (rate, _) = rate_kg_h(outlet, entry)?;
        Some(rate * outlet.hours_per_year? / 1000.0)
    })
}

/// Annual air load, organised plus fugitive. VOCs counts the larger of NMHC and VOCs per
/// outlet, since filings declare either.
pub(crate) fn air_load(filing: &Filing, code: AirPollutant) -> Option<f64> {
    let mut total = None::<f64>;
    let mut add = |v: f64| total = Some(total.unwrap_or(0.0) + v);
    for outlet in filing.air_outlets() {
        let load = if code.is_voc() {
            match (
                outlet_load(outlet, AirPollutant::Nmhc),
                outlet_load(outlet, AirPollutant::Vocs),
            ) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            }
        } else {
            outlet_load(outlet, code)
        };
        if let Some(load) = load {
            add(load);
        }
    }
    for entry in filing.unorganized() {
        let same = entry.code == code || (code.is_voc() && entry.code.is_voc());
        if let (true, Some(load)) = (same, entry.load_t_per_year) {
            add(load);
        }
    }
    total
}

/// Whether the filing emits this pollutant at all (declared, or implied: wet processing with
/// discharge implies COD and NH3-N; a fuel-fired boiler implies NOx and SO2).
pub(crate) fn emits(filing: &Filing, pollutant: Pollutant, wet: bool) -> bool {
    match pollutant {
        Pollutant::Water(code) => {
            let discharges = filing
                .water
                .as_ref()
                .is_some_and(|w| w.discharged_t_per_year.is_some_and(|d| d > 0.0));
            if !discharges {
                return false;
            }
            let implied = wet && matches!(code, WaterPollutant::Cod | WaterPollutant::Nh3n);
            implied
                || filing.water_pollutants().iter().any(|p| {
                    p.code == code
                        && p.concentration_mg_per_l.is_some_and(|c| c > 0.0)
                        && !p.below_detection_limit
                })
        }
        Pollutant::Air(code) => {
            let declared = filing.air_outlets().iter().any(|o| {
                o.pollutants.iter().any(|p| {
                    (p.code == code || (code.is_voc() && p.code.is_voc()))
                        && (p.concentration_mg_per_m3.is_some_and(|c| c > 0.0)
                            || p.rate_kg_per_h.is_some_and(|r| r > 0.0)
                            || p.load_t_per_year.is_some_and(|l| l > 0.0))
                })
            }) || filing.unorganized().iter().any(|u| {
                (u.code == code || (code.is_voc() && u.code.is_voc()))
                    && u.load_t_per_year.is_some_and(|l| l > 0.0)
            });
            let boiler = matches!(code, AirPollutant::Nox | AirPollutant::So2)
                && filing
                    .air_outlets()
                    .iter()
                    .any(|o| o.is_boiler() && !matches!(o.boiler_fuel(), Some(Fuel::Electric)));
            declared || boiler
        }
    }
}

/// The emission to compare with a quota of this pollutant (outlet basis).
pub(crate) fn emission(filing: &Filing, pollutant: Pollutant) -> Option<f64> {
    match pollutant {
        Pollutant::Water(code) => water_load(filing, code),
        Pollutant::Air(code) => air_load(filing, code),
    }
}
