//! The rule pack for textile dyeing. One rule per file (what it checks / why / basis in the
//! file's doc comment); this table is the one place where rule ids are listed.

use lvshen_filing::{Category, Confidence, Finding, Issue, Severity};

use crate::rule::{Rule, basis};

mod air_boiler;
mod air_common;
mod air_limit_concentration;
mod air_limit_rate;
mod air_stack_height;
mod air_textile_local;
mod air_vocs_fugitive;
mod air_vocs_treatment;
mod classification_eia_document_type;
mod classification_industry_code;
mod clean_common;
mod clean_energy;
mod clean_unit_water;
mod clean_water_reuse;
mod completeness_air_pollutants;
mod completeness_credit_code;
mod completeness_receiving;
mod completeness_sections;
mod completeness_solid_waste;
mod completeness_water_pollutants;
mod consistency_air_load;
mod consistency_air_rate;
mod consistency_declared_indicators;
mod consistency_project_figures;
mod consistency_water_balance;
mod consistency_water_load;
mod permit_amount;
mod permit_automatic_monitoring;
mod permit_common;
mod permit_main_outlet;
mod permit_management_class;
mod permit_outlets;
mod policy_central_heating;
mod policy_high_pollution_product;
mod risk_emergency_pool;
mod risk_q_value;
mod siting_caoejiang_zone;
mod siting_location;
mod siting_odour_receptor;
mod siting_outside_park;
mod siting_sensitive_area;
mod total_common;
mod total_coverage;
mod total_key_pollutants;
mod total_local_pollutants;
mod total_offset_ratio;
mod water_benchmark_volume;
mod water_limit_direct;
mod water_limit_indirect;
mod water_limits;

pub use water_limits::permit_water_limit;

/// Problems noticed while reading the filing (unknown keys, unrecognised codes) are reported
/// under this id; they do not come from a check function.
pub static FILING_FORMAT: Rule = Rule {
    id: "filing.format",
    category: Category::Other,
    name: "填报格式",
    checks: "未识别的字段、无法识别的污染物代码等格式问题（该内容未参与检查）",
    basis: &[basis("标准化信息填报格式 v1", "总则", Confidence::V)],
    check: |_, _| {},
};

/// Every rule, in report order.
pub static RULES: &[&Rule] = &[
    &FILING_FORMAT,
    &classification_eia_document_type::RULE,
    &classification_industry_code::RULE,
    &policy_high_pollution_product::RULE,
    &policy_central_heating::RULE,
    &siting_outside_park::RULE,
    &siting_sensitive_area::RULE,
    &siting_caoejiang_zone::RULE,
    &siting_odour_receptor::RULE,
    &siting_location::RULE,
    &water_limit_direct::RULE,
    &water_limit_indirect::RULE,
    &water_benchmark_volume::RULE,
    &air_limit_concentration::RULE,
    &air_limit_rate::RULE,
    &air_stack_height::RULE,
    &air_boiler::RULE,
    &air_vocs_treatment::RULE,
    &air_vocs_fugitive::RULE,
    &air_textile_local::RULE,
    &clean_water_reuse::RULE,
    &clean_unit_water::RULE,
    &clean_energy::RULE,
    &consistency_water_load::RULE,
    &consistency_air_rate::RULE,
    &consistency_air_load::RULE,
    &consistency_water_balance::RULE,
    &consistency_declared_indicators::RULE,
    &consistency_project_figures::RULE,
    &total_key_pollutants::RULE,
    &total_local_pollutants::RULE,
    &total_coverage::RULE,
    &total_offset_ratio::RULE,
    &permit_management_class::RULE,
    &permit_main_outlet::RULE,
    &permit_amount::RULE,
    &permit_automatic_monitoring::RULE,
    &permit_outlets::RULE,
    &completeness_sections::RULE,
    &completeness_water_pollutants::RULE,
    &completeness_air_pollutants::RULE,
    &completeness_receiving::RULE,
    &completeness_credit_code::RULE,
    &completeness_solid_waste::RULE,
    &risk_q_value::RULE,
    &risk_emergency_pool::RULE,
];

/// Turns the reader's warnings into findings.
pub(crate) fn format_findings(warnings: &[Issue]) -> Vec<Finding> {
    warnings
        .iter()
        .map(|w| {
            FILING_FORMAT
                .finding(Severity::Warning, w.path.clone(), w.message.clone())
                .cite("标准化信息填报格式 v1", "总则：不得静默忽略未识别的字段")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(
                rule.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_' || c.is_ascii_digit()),
                "{}",
                rule.id
            );
            assert!(!rule.basis.is_empty(), "{} has no basis", rule.id);
            assert!(!rule.checks.is_empty() && !rule.name.is_empty());
        }
    }
}
