//! `water.limit.direct` — wastewater discharged directly to a water body.
//!
//! **What it checks.** Each declared pollutant concentration at the final outlet against the
//! direct-discharge column of GB 4287-2012 Table 1, 2 or 3 (chosen by plant status, date and
//! special-limit area), including pH 6–9, "not detected" for aniline and Cr6+ (Tables 2/3),
//! the batik values for NH3-N and TN, and total antimony (2015 amendment). When product
//! mass can be derived and drainage exceeds the benchmark volume, the concentration is first
//! converted (§4.5).
//!
//! **Why.** Meeting the discharge standard is a condition of approval (建设项目环境保护管理
//! 条例 第十一条（三）) and of the permit (排污许可管理条例 第十一条（二）).
//!
//! **Basis.** GB 4287-2012 表1/表2/表3 and 4.5 [V]; 2015 amendment (total antimony) [V2];
//! the 2015-06 announcement on aniline and Cr6+ [M]. See `water_limits.rs` for how the
//! confidence of each reading sets the severity.

use lvshen_filing::{Category, Confidence, Finding};

use super::water_limits::check_limits;
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "water.limit.direct",
    category: Category::EmissionLimit,
    name: "废水直接排放限值",
    checks: "直接排放时各污染物浓度是否符合 GB 4287-2012 表1/表2/表3 直接排放限值（含 pH、苯胺类和六价铬不得检出、蜡染、总锑、基准排水量换算）",
    basis: &[
        basis("GB 4287-2012", "表1、表2、表3 直接排放", Confidence::V),
        basis("GB 4287-2012", "4.5", Confidence::V),
        basis("GB 4287-2012 修改单（2015）", "总锑", Confidence::V2),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    check_limits(cx, &RULE, true, out);
}
