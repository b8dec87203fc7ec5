//! Shared permit helpers: the final wastewater outlet in the permit, the effective class.

use lvshen_filing::codes::{ManagementClass, OutletKind};
use lvshen_filing::{Filing, Permit, PermitOutlet};

use super::permit_management_class::required_class;

/// The permit outlet that stands for the final wastewater outlet: the one named like
/// `water.outlet_id`, else the first main outlet whose id starts with `DW`, else the first
/// main outlet.
pub(crate) fn final_water_outlet<'a>(
    filing: &Filing,
    permit: &'a Permit,
) -> Option<&'a PermitOutlet> {
    let outlets = permit.outlets.as_deref()?;
    if let Some(id) = filing.water.as_ref().and_then(|w| w.outlet_id.as_deref())
        && let Some(o) = outlets.iter().find(|o| o.id.eq_ignore_ascii_case(id))
    {
        return Some(o);
    }
    outlets
        .iter()
        .filter(|o| o.kind == Some(OutletKind::Main))
        .find(|o| o.id.to_ascii_uppercase().starts_with("DW"))
        .or_else(|| outlets.iter().find(|o| o.kind == Some(OutletKind::Main)))
}

/// The class that governs duties: the stricter of declared and required.
pub(crate) fn effective_class(filing: &Filing, permit: &Permit) -> Option<ManagementClass> {
    let required = required_class(filing)
        .into_iter()
        .map(|t| t.0)
        .max_by_key(|c| c.rank());
    match (permit.management_class, required) {
        (Some(a), Some(b)) => Some(if a.rank() >= b.rank() { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Whether wastewater leaves the site.
pub(crate) fn discharges_water(filing: &Filing) -> bool {
    filing.water.as_ref().is_some_and(|w| {
        w.discharge_mode != Some(lvshen_filing::codes::DischargeMode::None)
            && w.discharged_t_per_year.is_some_and(|d| d > 0.0)
    })
}
