//! Whatever the bytes, parsing and checking never panic, and every report keeps its
//! invariants: arbitrary bytes, arbitrary JSON documents, and random edits of a real filing
//! (zeros, negatives, huge numbers, wrong types, deletions) that reach deep into the rules.

use lvshen_filing::{
    Confidence, Format, Quantity, Report, Severity, filing_from_value, parse_filing,
};
use lvshen_rules::{Date, Engine, Standards};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Standards::builtin()))
}

fn as_of() -> Date {
    Date::parse("2026-11-29").expect("date")
}

fn assert_invariants(report: &Report) {
    for f in &report.findings {
        assert!(!f.citations.is_empty(), "{} cites nothing", f.rule_id);
        if f.basis_confidence != Confidence::V {
            assert!(
                f.severity <= Severity::Warning,
                "{} blocks on an unverified basis",
                f.rule_id
            );
        }
        for q in [&f.expected, &f.actual].into_iter().flatten() {
            if let Quantity::Number(n) = q {
                assert!(
                    n.is_finite(),
                    "{}: non-finite number in {}",
                    f.rule_id,
                    f.field
                );
            }
        }
        assert!(
            !f.message.contains("NaN") && !f.message.contains("inf"),
            "{}: {}",
            f.rule_id,
            f.message
        );
    }
    // Rendering must not panic either.
    let _ = lvshen_report::text(report, true);
    let _ = lvshen_report::html(report);
    let _ = lvshen_report::markdown(report);
    let _ = lvshen_report::json(report);
}

fn check_value(value: &Value) {
    if let Ok(parsed) = filing_from_value(value) {
        assert_invariants(&engine().check(&parsed, as_of()));
    }
}

fn base() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/filings/ok_binhai_new_dyeing.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// Every path to a leaf or container in a JSON value.
fn paths(value: &Value, prefix: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                prefix.push(PathStep::Key(k.clone()));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                prefix.push(PathStep::Index(i));
                paths(v, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn get_mut<'a>(value: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    let mut cur = value;
    for step in path {
        cur = match step {
            PathStep::Key(k) => cur.get_mut(k.as_str())?,
            PathStep::Index(i) => cur.get_mut(*i)?,
        };
    }
    Some(cur)
}

fn replacement() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(json!(0))),
        Just(Some(json!(-1))),
        Just(Some(json!(1e300))),
        Just(Some(json!(1e-300))),
        Just(Some(json!(0.5))),
        Just(Some(json!(1))),
        Just(Some(json!(15))),
        Just(Some(json!(100000))),
        Just(Some(Value::Null)),
        Just(Some(json!(true))),
        Just(Some(json!(""))),
        Just(Some(json!("七十六万"))),
        Just(Some(json!("COD"))),
        Just(Some(json!("gas"))),
        Just(Some(json!("municipal"))),
        Just(Some(json!([]))),
        Just(Some(json!({}))),
        (-1.0e6f64..1.0e7).prop_map(|n| Some(json!(n))),
    ]
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|n| json!(n)),
        prop_oneof![
            Just("1"),
            Just("COD"),
            Just("氨氮"),
            Just("new"),
            Just("dyeing"),
            Just("柯桥区"),
            Just("indirect"),
            Just("park"),
            Just("锅炉"),
            Just("定型机"),
            Just(""),
            Just("key")
        ]
        .prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("schema_version"),
        Just("project"),
        Just("location"),
        Just("water"),
        Just("air"),
        Just("pollutants"),
        Just("outlets"),
        Just("code"),
        Just("concentration_mg_per_l"),
        Just("name"),
        Just("applicant"),
        Just("district"),
        Just("longitude"),
        Just("latitude"),
        Just("processes"),
        Just("products"),
        Just("permit"),
        Just("total_control"),
        Just("risk"),
        Just("discharged_t_per_year"),
        Just("height_m"),
        Just("boiler"),
        Just("x")
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for format in [None, Some(Format::Json), Some(Format::Toml), Some(Format::Yaml)] {
            if let Ok(parsed) = parse_filing(&bytes, format) {
                assert_invariants(&engine().check(&parsed, as_of()));
            }
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        check_value(&value);
        let mut wrapped = base();
        wrapped["water"] = value.clone();
        check_value(&wrapped);
        let mut wrapped = base();
        wrapped["air"] = json!({ "outlets": [value] });
        check_value(&wrapped);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_of_a_real_filing_never_panic(
        picks in prop::collection::vec((any::<prop::sample::Index>(), replacement()), 1..6)
    ) {
        let mut value = base();
        for (pick, replacement) in picks {
            let mut all = Vec::new();
            paths(&value, &mut Vec::new(), &mut all);
            let path = all[pick.index(all.len())].clone();
            match (replacement, path.split_last()) {
                (Some(new), _) => {
                    if let Some(slot) = get_mut(&mut value, &path) {
                        *slot = new;
                    }
                }
                (None, Some((last, parent))) => {
                    if let Some(container) = get_mut(&mut value, parent) {
                        match (container, last) {
                            (Value::Object(map), PathStep::Key(k)) => { map.remove(k); }
                            (Value::Array(items), PathStep::Index(i)) if *i < items.len() => { items.remove(*i); }
                            _ => {}
                        }
                    }
                }
                (None, None) => {}
            }
        }
        check_value(&value);
        let text = serde_json::to_vec(&value).expect("serialise");
        let _ = parse_filing(&text, None);
    }
}
