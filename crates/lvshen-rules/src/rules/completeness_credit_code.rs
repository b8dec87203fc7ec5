//! `completeness.credit_code` — the unified social credit code is well formed.
//!
//! **What it checks.** The 18-character code uses the allowed characters and its check
//! character matches the weighted sum of the first 17 (mod 31).
//!
//! **Why.** A mistyped code breaks the link to the permit platform and enforcement records.
//!
//! **Basis.** GB 32100-2015 法人和其他组织统一社会信用代码编码规则: the algorithm is from
//! memory, validated on published codes but not on the standard's text [M] → warning.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "completeness.credit_code",
    category: Category::Completeness,
    name: "统一社会信用代码",
    checks: "统一社会信用代码的字符集和校验位是否正确",
    basis: &[basis("GB 32100-2015", "校验码计算", Confidence::M)],
    check,
};

const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [usize; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The expected check character, or `None` when a character is outside the charset.
pub(crate) fn check_char(code: &str) -> Option<char> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in chars.iter().take(17).zip(WEIGHTS) {
        sum += CHARSET.find(*c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    CHARSET.chars().nth(check)
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(code) = cx.filing.project.credit_code.as_deref() else {
        return;
    };
    let upper = code.to_ascii_uppercase();
    let message = match check_char(&upper) {
        None => "统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）".to_owned(),
        Some(expected) if upper.ends_with(expected) => return,
        Some(expected) => format!(
            "统一社会信用代码校验位错误：按前 17 位计算应为“{expected}”，请核对是否录入有误"
        ),
    };
    out.push(
        RULE.finding(Severity::Warning, "project.credit_code", message)
            .actual(code)
            .cite("GB 32100-2015", "校验码计算")
            .confidence(Confidence::M),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_character_of_published_codes() {
        assert_eq!(check_char("91330100716105852F"), Some('F'));
        assert_eq!(check_char("91110000100010433L"), Some('L'));
        assert_eq!(check_char("9133010071610585IF"), None);
    }
}
