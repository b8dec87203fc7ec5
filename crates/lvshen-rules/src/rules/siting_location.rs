//! `siting.location` — the site is in Shaoxing, as the rule pack assumes.
//!
//! **What it checks.** `location.district` names a county-level division of Shaoxing and the
//! coordinates fall in Shaoxing's extent (about 119.9–121.3°E, 29.2–30.4°N).
//!
//! **Why.** Local rules (曹娥江 basin, 柯桥 dyeing cluster, Zhejiang standards) only hold
//! there; a wrong coordinate also breaks every spatial check.
//!
//! **Basis.** The filing format (location, WGS-84) [V]; the extent is approximate.

use lvshen_filing::{Category, Confidence, Finding, Severity};

use crate::context::{Context, SHAOXING_DISTRICTS};
use crate::num;
use crate::rule::{Rule, basis};

pub static RULE: Rule = Rule {
    id: "siting.location",
    category: Category::Siting,
    name: "厂址坐标",
    checks: "所在区县是否属于绍兴市，经纬度是否落在绍兴市范围内",
    basis: &[basis("标准化信息填报格式 v1", "location", Confidence::V)],
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let location = &cx.filing.location;
    let known = SHAOXING_DISTRICTS
        .iter()
        .any(|d| location.district.contains(d));
    if !known {
        out.push(
            RULE.finding(
                Severity::Warning,
                "location.district",
                format!(
                    "所在区县“{}”不属于绍兴市（柯桥区、上虞区、越城区、诸暨市、嵊州市、新昌县），本规则包的地方性要求可能不适用",
                    location.district
                ),
            )
            .actual(location.district.as_str())
            .cite("标准化信息填报格式 v1", "location.district"),
        );
    }
    let (lon, lat) = (location.longitude, location.latitude);
    let inside = (119.9..=121.3).contains(&lon) && (29.2..=30.4).contains(&lat);
    if !inside {
        out.push(
            RULE.finding(
                Severity::Warning,
                "location.longitude",
                format!(
                    "坐标（经度 {}，纬度 {}）不在绍兴市范围内（约东经 119.9°–121.3°、北纬 29.2°–30.4°），请核实是否为 WGS-84 度数",
                    num(lon),
                    num(lat)
                ),
            )
            .cite("标准化信息填报格式 v1", "location.longitude, location.latitude"),
        );
    }
}
