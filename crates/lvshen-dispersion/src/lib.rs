//! Screening dispersion: EPA's SCREEN3 (version 13043) for point sources, in pure Rust.
//!
//! SCREEN3 was the screening model of HJ 2.2-2008; HJ 2.2-2018 prescribes AERSCREEN, a driver
//! of AERMOD, for setting the air grade. LüShen uses this port for an independent, reproducible
//! estimate from the standardized filing — never as the regulatory number — and says so in every
//! output.
//!
//! What is ported (flat terrain, regulatory options): Briggs plume rise (buoyant and momentum,
//! unstable/neutral and stable, the calm-wind cap), stack-tip downwash, gradual rise for
//! buoyancy-induced dispersion, rural Pasquill–Gifford and urban Briggs σy/σz, the regulatory
//! mixing height with ground and lid reflections, flagpole receptors, full meteorology (six
//! classes × their 10-m wind speeds), SCREEN3's automated distances and its search for the
//! maximum; and the area-source path ([`AreaSource`]). **Not ported:** building downwash and the
//! cavity (no building is taken as input), complex/elevated terrain, fumigation, deposition,
//! flares and volume sources.
//!
//! ```
//! use lvshen_dispersion::{PointSource, Setting};
//! let stack = PointSource {
//!     emission_g_per_s: 0.009,
//!     stack_height_m: 23.7,
//!     inner_diameter_m: 2.0,
//!     exit_velocity_m_per_s: 8.708,
//!     exit_temperature_k: 476.4,
//!     ambient_temperature_k: 293.15,
//!     receptor_height_m: 1.5,
//!     setting: Setting::Rural,
//! };
//! let run = stack.automated(100.0, 10_000.0).unwrap();
//! // EPA SCREEN3 prints 0.5442E-01 µg/m³ at 777 m for this stack.
//! assert!((run.maximum.concentration_ug_per_m3 - 0.05442).abs() < 0.00001);
//! assert_eq!(run.maximum.distance_m.round(), 777.0);
//! ```

mod area;
mod area_tables;
mod point;
mod sigma;

use serde::Serialize;

pub use area::AreaSource;
pub use point::{AUTOMATED_DISTANCES, Fluxes, Meteorology, PointSource, Sample, Screening};

/// Dispersion coefficients: rural (Pasquill–Gifford) or urban (Briggs, McElroy–Pooler).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    Rural,
    Urban,
}

/// Bad input to a dispersion computation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A parameter is missing its physical meaning (negative, zero, not a number, out of range).
    #[error("{field} = {value}: {reason}")]
    InvalidInput {
        field: &'static str,
        value: f64,
        reason: &'static str,
    },
}
