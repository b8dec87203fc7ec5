//! Shared clean-production arithmetic: recomputed reuse rate and fresh water per unit product.

use lvshen_filing::Filing;
use lvshen_filing::codes::{Fabric, OutputUnit};

use crate::context::product_mass_t;
use crate::standards::{CleanProductionNorms, UnitNorm};

/// Reuse rate = reused / (reused + fresh), when both are declared.
pub(crate) fn reuse_rate(filing: &Filing) -> Option<f64> {
    let water = filing.water.as_ref()?;
    let fresh = water.fresh_water_t_per_year?;
    let reused = water.reused_water_t_per_year?;
    let total = fresh + reused;
    (total > 0.0).then(|| reused / total)
}

/// Fresh water per unit product in the unit of the norm that fits every product, with that
/// norm. `None` when products are mixed across norms or their output cannot be counted.
pub(crate) fn unit_fresh_water<'a>(
    filing: &Filing,
    norms: &'a CleanProductionNorms,
) -> Option<(f64, &'a UnitNorm)> {
    let fresh = filing.water.as_ref()?.fresh_water_t_per_year?;
    let products = filing.products();
    let first = products.first()?.fabric?;
    if first == Fabric::Other {
        return None;
    }
    let norm = norms.units.iter().find(|u| u.fabric == first)?;
    let mut output = 0.0;
    for product in products {
        let fabric = product.fabric?;
        let same_norm = norms
            .units
            .iter()
            .find(|u| u.fabric == fabric)
            .is_some_and(|u| {
                u.fresh_water_unit == norm.fresh_water_unit && u.fresh_water == norm.fresh_water
            });
        if !same_norm {
            return None;
        }
        output += match norm.fresh_water_unit.as_str() {
            // 万米 → units of 100 m
            "t/100m" if product.unit == Some(OutputUnit::WanMetresPerYear) => {
                product.output? * 100.0
            }
            "t/t" => product_mass_t(product)?,
            _ => return None,
        };
    }
    (output > 0.0).then(|| (fresh / output, norm))
}
