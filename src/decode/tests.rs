//! The deserializer method by method: what each accepts, what it refuses,
//! and where the error says it happened.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{json, Value};

use super::*;

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Outer {
    items: Vec<Inner>,
}
#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Inner {
    n: u32,
}

/// `(path, message)` of a failed decode.
pub(super) fn fail<T: DeserializeOwned + fmt::Debug>(v: Value) -> (String, String) {
    let e = from_value::<T>(&v).unwrap_err();
    (e.field().to_string(), e.message)
}

#[test]
fn error_names_the_field() {
    let v = json!({"items": [{"n": 1}, {"n": "x"}]});
    let e = from_value::<Outer>(&v).unwrap_err();
    assert_eq!(e.field(), "items[1].n");
    assert!(e.to_string().starts_with("items[1].n: invalid type"), "{e}");
}

#[test]
fn root_errors_have_no_path() {
    let e = from_value::<Outer>(&json!(3)).unwrap_err();
    assert_eq!(e.field(), "");
    assert_eq!(e.path, ".");
    assert!(!e.to_string().starts_with('.'), "{e}");
}

#[test]
fn paths_through_nested_arrays_and_maps() {
    type Deep = BTreeMap<String, Vec<Vec<BTreeMap<String, u8>>>>;
    let v = json!({"a": [[], [{"x": 1}, {"y": 2, "z": true}]]});
    let (path, msg) = fail::<Deep>(v);
    assert_eq!(path, "a[1][1].z");
    assert_eq!(msg, "invalid type: boolean `true`, expected u8");
    // A top-level array starts with the index, no leading dot.
    let (path, _) = fail::<Vec<Inner>>(json!([{"n": 1}, {"n": -1}]));
    assert_eq!(path, "[1].n");
    // Keys are written as they are, dots and all.
    let (path, _) = fail::<BTreeMap<String, u8>>(json!({"x.com": null}));
    assert_eq!(path, "x.com");
}

#[test]
fn option_null_is_none_and_errors_keep_the_path() {
    assert_eq!(from_value::<Option<u8>>(&json!(null)), Ok(None));
    assert_eq!(from_value::<Option<u8>>(&json!(7)), Ok(Some(7)));
    let (path, msg) = fail::<BTreeMap<String, Option<u8>>>(json!({"k": "7"}));
    assert_eq!(path, "k");
    assert_eq!(msg, "invalid type: string \"7\", expected u8");
}

#[test]
fn scalars() {
    assert_eq!(from_value::<bool>(&json!(true)), Ok(true));
    assert_eq!(from_value::<String>(&json!("s")), Ok("s".to_string()));
    assert_eq!(from_value::<char>(&json!("c")), Ok('c'));
    assert_eq!(from_value::<()>(&json!(null)), Ok(()));
    assert_eq!(from_value::<f64>(&json!(1.5)), Ok(1.5));
    assert_eq!(from_value::<f64>(&json!(-2)), Ok(-2.0));
    assert_eq!(from_value::<f32>(&json!(3)), Ok(3.0));
    assert_eq!(from_value::<i64>(&json!(i64::MIN)), Ok(i64::MIN));
    assert_eq!(from_value::<u64>(&json!(u64::MAX)), Ok(u64::MAX));
    assert_eq!(from_value::<i128>(&json!(-5)), Ok(-5));
    assert_eq!(
        from_value::<(u8, String)>(&json!([1, "a"])),
        Ok((1, "a".into()))
    );
    assert_eq!(from_value::<Vec<u8>>(&json!([1, 2])), Ok(vec![1, 2]));
    assert_eq!(
        fail::<bool>(json!(0)).1,
        "invalid type: integer `0`, expected a boolean"
    );
    assert_eq!(
        fail::<String>(json!(null)).1,
        "invalid type: null, expected a string"
    );
    assert_eq!(fail::<()>(json!({})).1, "invalid type: map, expected unit");
    assert_eq!(
        fail::<Vec<u8>>(json!("ab")).1,
        "invalid type: string \"ab\", expected a sequence"
    );
    assert_eq!(
        fail::<BTreeMap<String, u8>>(json!([])).1,
        "invalid type: sequence, expected a map"
    );
    assert_eq!(
        fail::<(u8,)>(json!([1, 2])).1,
        "invalid length 2, expected fewer elements in array"
    );
    assert_eq!(
        fail::<(u8, u8)>(json!([1])).1,
        "invalid length 1, expected a tuple of size 2"
    );
}

#[test]
fn integer_range_errors() {
    assert_eq!(from_value::<u8>(&json!(255)), Ok(255));
    assert_eq!(
        fail::<u8>(json!(300)).1,
        "invalid value: integer `300`, expected u8"
    );
    assert_eq!(
        fail::<u16>(json!(-1)).1,
        "invalid value: integer `-1`, expected u16"
    );
    assert_eq!(
        fail::<i8>(json!(-129)).1,
        "invalid value: integer `-129`, expected i8"
    );
    assert_eq!(
        fail::<i64>(json!(u64::MAX)).1,
        "invalid value: integer `18446744073709551615`, expected i64"
    );
    assert_eq!(
        fail::<u64>(json!(-3)).1,
        "invalid value: integer `-3`, expected u64"
    );
}

#[test]
fn floats_are_refused_for_integers_without_printing_them() {
    let (path, msg) = fail::<Outer>(json!({"items": [{"n": 2.75}]}));
    assert_eq!(path, "items[0].n");
    assert_eq!(msg, "invalid type: floating point number, expected u32");
    assert!(!msg.contains("2.75"), "{msg}");
    assert!(fail::<i64>(json!(1.0)).1.contains("floating point number"));
}

#[test]
fn newtype_and_unit_structs() {
    #[derive(Deserialize, Debug, PartialEq)]
    struct Id(u32);
    #[derive(Deserialize, Debug, PartialEq)]
    struct Nothing;
    assert_eq!(from_value::<Id>(&json!(4)), Ok(Id(4)));
    assert_eq!(from_value::<Nothing>(&json!(null)), Ok(Nothing));
    let (path, msg) = fail::<Vec<Id>>(json!([1, "2"]));
    assert_eq!(
        (path.as_str(), msg.as_str()),
        ("[1]", "invalid type: string \"2\", expected u32")
    );
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Strict {
    a_b: u8,
    #[serde(default)]
    c: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Lenient {
    a: u8,
}

#[test]
fn structs_fields_and_unknown_fields() {
    let ok = from_value::<Strict>(&json!({"aB": 1}));
    assert_eq!(ok, Ok(Strict { a_b: 1, c: None }));
    // An unknown field is reported at that field.
    let (path, msg) = fail::<Vec<Strict>>(json!([{"aB": 1, "zz": 0}]));
    assert_eq!(path, "[0].zz");
    assert_eq!(msg, "unknown field `zz`, expected `aB` or `c`");
    // A missing one at the struct.
    let (path, msg) = fail::<BTreeMap<String, Strict>>(json!({"k": {"c": "x"}}));
    assert_eq!((path.as_str(), msg.as_str()), ("k", "missing field `aB`"));
    // Without deny_unknown_fields, unknown values are skipped unread.
    let v = json!({"a": 1, "other": {"deep": [1.5, null]}});
    assert_eq!(from_value::<Lenient>(&v), Ok(Lenient { a: 1 }));
}

#[test]
fn map_keys_are_strings() {
    // serde_json would parse "1" for a u32 key; no type of ours needs it.
    let (path, msg) = fail::<BTreeMap<u32, u8>>(json!({"1": 2}));
    assert_eq!(path, "1");
    assert_eq!(msg, "invalid type: string \"1\", expected u32");
}

#[test]
fn structs_must_be_objects() {
    // serde_json would take `[1]` as `{"a": 1}`; we do not.
    let (path, msg) = fail::<Vec<Lenient>>(json!([[1]]));
    assert_eq!(path, "[0]");
    assert_eq!(msg, "invalid type: sequence, expected struct Lenient");
}

#[test]
fn values_round_trip() {
    let v = json!({"a": [1, -2, 2.5, "s", null, true, {"b": {}}], "u": u64::MAX});
    assert_eq!(from_value::<Value>(&v), Ok(v));
}

#[test]
fn bytes_borrowed_strs_and_ignored_values() {
    #[derive(Deserialize)]
    struct Borrowing<'a> {
        s: &'a str,
    }
    let v = json!({"s": "borrowed"});
    let b = Borrowing::deserialize(de::De {
        value: &v,
        path: &error::Path::Root,
    });
    assert_eq!(b.ok().map(|b| b.s), Some("borrowed"));
    let bytes = from_value::<serde_bytes_like::Bytes>(&json!("ab"));
    assert_eq!(bytes, Ok(serde_bytes_like::Bytes(b"ab".to_vec())));
    let bytes = from_value::<serde_bytes_like::Bytes>(&json!([1, 2]));
    assert_eq!(bytes, Ok(serde_bytes_like::Bytes(vec![1, 2])));
    assert!(from_value::<serde::de::IgnoredAny>(&json!([1])).is_ok());
}

/// A type that asks for bytes, as `serde_bytes` does.
mod serde_bytes_like {
    use std::fmt;

    #[derive(Debug, PartialEq)]
    pub struct Bytes(pub Vec<u8>);

    impl<'de> serde::Deserialize<'de> for Bytes {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Bytes;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_str<E>(self, s: &str) -> Result<Bytes, E> {
                    Ok(Bytes(s.as_bytes().to_vec()))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut a: A,
                ) -> Result<Bytes, A::Error> {
                    let mut out = Vec::new();
                    while let Some(b) = a.next_element()? {
                        out.push(b);
                    }
                    Ok(Bytes(out))
                }
            }
            d.deserialize_bytes(V)
        }
    }
}
