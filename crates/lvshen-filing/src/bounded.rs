//! A `serde_json::Value` built from YAML with a budget on the number of nodes.
//!
//! YAML aliases (`*a`) are replayed by the parser as fresh copies of the anchored node, so
//! `a: &a [x × K]` and `b: [*a × K]` make K² values out of 7·K bytes (a 42 KB body asked for
//! gigabytes; red-team report 2026-11, problem 1). The parser's own guard bounds the alias
//! jumps, not the nodes they produce. This builder counts every node it is handed — aliases
//! included, since they arrive expanded — and stops at [`MAX_NODES`], long before memory is at
//! risk (a real filing has a few thousand nodes). Every reader of a filing (the CLI, the API,
//! a stored filing opened again) goes through it.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// The most nodes (scalars, sequences, mappings) a filing may expand to.
pub const MAX_NODES: usize = 200_000;

/// The message the budget error carries (recognised by the caller).
pub(crate) const TOO_MANY_NODES: &str = "lvshen: node budget exceeded";

/// Builds a value, counting nodes in `count`.
pub(crate) struct Bounded<'c> {
    pub count: &'c Cell<usize>,
}

impl Bounded<'_> {
    fn tick<E: de::Error>(&self) -> Result<(), E> {
        let n = self.count.get() + 1;
        self.count.set(n);
        if n > MAX_NODES {
            Err(E::custom(TOO_MANY_NODES))
        } else {
            Ok(())
        }
    }
}

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.tick()?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.tick()?;
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.tick()?;
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.tick()?;
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.tick()?;
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.tick()?;
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.tick()?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.tick()?;
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Bounded { count: self.count })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.tick()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key_seed(Bounded { count: self.count })? {
            let key = match key {
                Value::String(s) => s,
                other => other.to_string(),
            };
            let value = map.next_value_seed(Bounded { count: self.count })?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}
