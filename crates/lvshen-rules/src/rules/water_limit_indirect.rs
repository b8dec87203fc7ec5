//! `water.limit.indirect` — wastewater sent to a public or park treatment plant.
//!
//! **What it checks.** Each declared concentration against the indirect-discharge column of
//! GB 4287-2012 and, following `water.receiving_kind`, the 2015 amendment: a municipal plant
//! takes the direct limits (note 3); a park plant that collects dyeing wastewater separately
//! and pre-treats it allows COD 500 / BOD5 150 (note 4); other park plants COD 200 / BOD5 50
//! (note 5). Same pH, not-detected, batik, antimony and §4.5 handling as the direct rule.
//!
//! **Why.** As for direct discharge; the receiving plant's connection limits cannot be laxer.
//!
//! **Basis.** GB 4287-2012 表1/表2/表3 间接排放 [V]; 2015 amendment notes (3)–(5) [V2].
//! Error only when a value breaks both the original and the amended reading.

use lvshen_filing::{Category, Confidence, Finding};

use super::water_limits::check_limits;
use crate::context::Context;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "water.limit.indirect",
    category: Category::EmissionLimit,
    name: "废水间接排放限值",
    checks: "间接排放时各污染物浓度是否符合 GB 4287-2012 间接排放限值及2015年修改单（城镇污水厂执行直接排放限值；园区印染废水单独预处理 COD 500/BOD5 150；其他 200/50）",
    basis: &[
        basis("GB 4287-2012", "表1、表2、表3 间接排放", Confidence::V),
        basis(
            "GB 4287-2012 修改单（2015）",
            "间接排放 注(3)–(5)、总锑",
            Confidence::V2,
        ),
    ],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    check_limits(cx, &RULE, false, out);
}
