//! Small helpers shared by the rules: number formatting for Chinese messages, tolerant
//! comparison, JSON paths.

/// A number as a user reads it: at most 4 decimals, no trailing zeros, no `-0`.
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let abs = value.abs();
    let decimals = if abs >= 100.0 {
        1
    } else if abs >= 1.0 {
        2
    } else if abs >= 0.01 {
        3
    } else {
        4
    };
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    if text == "-0" { "0".to_owned() } else { text }
}

/// A fraction as a percentage, e.g. `0.452` → `45.2%`.
pub fn percent(fraction: f64) -> String {
    format!("{}%", num(fraction * 100.0))
}

/// Whether `declared` differs from `computed` by more than `tolerance` (relative to the
/// larger), ignoring differences below `floor` in absolute terms (rounding of tiny values).
pub fn differs(declared: f64, computed: f64, tolerance: f64, floor: f64) -> bool {
    let diff = (declared - computed).abs();
    if diff <= floor {
        return false;
    }
    let scale = declared.abs().max(computed.abs());
    scale > 0.0 && diff / scale > tolerance
}

/// `water.pollutants[3].concentration_mg_per_l`.
pub fn water_pollutant_path(index: usize, key: &str) -> String {
    format!("water.pollutants[{index}].{key}")
}

/// `air.outlets[1].pollutants[0].rate_kg_per_h`.
pub fn air_pollutant_path(outlet: usize, index: usize, key: &str) -> String {
    format!("air.outlets[{outlet}].pollutants[{index}].{key}")
}

/// Severity of a declared figure that disagrees with the recomputed one: a warning beyond
/// the tolerance, an error beyond four times the tolerance (a figure that plainly does not
/// add up is "basic data plainly wrong", 建设项目环境保护管理条例 第十一条（五）).
pub fn mismatch(
    declared: f64,
    computed: f64,
    tolerance: f64,
    floor: f64,
) -> Option<lvshen_filing::Severity> {
    if !differs(declared, computed, tolerance, floor) {
        return None;
    }
    if differs(declared, computed, tolerance * 4.0, floor) {
        Some(lvshen_filing::Severity::Error)
    } else {
        Some(lvshen_filing::Severity::Warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        assert_eq!(num(80.0), "80");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(1234.56), "1234.6");
        assert_eq!(num(0.00012), "0.0001");
        assert_eq!(num(-0.0), "0");
        assert_eq!(percent(0.4523), "45.23%");
    }

    #[test]
    fn tolerant_comparison() {
        assert!(!differs(100.0, 103.0, 0.05, 0.0));
        assert!(differs(100.0, 110.0, 0.05, 0.0));
        assert!(!differs(0.001, 0.002, 0.05, 0.01));
        assert!(!differs(0.0, 0.0, 0.05, 0.0));
    }
}
