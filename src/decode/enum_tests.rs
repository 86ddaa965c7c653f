//! Enums in every representation serde offers, and `flatten`: the
//! externally tagged ones through `deserialize_enum`, the others buffered
//! through `deserialize_any`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{json, Value};

use super::from_value;
use super::tests::fail;

#[derive(Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
enum External {
    Plain,
    Wrapped(u8),
    Pair(u8, u8),
    Shaped { x: u8 },
}

#[test]
fn externally_tagged_enums() {
    let ok = |v: Value| from_value::<External>(&v);
    assert_eq!(ok(json!("plain")), Ok(External::Plain));
    assert_eq!(ok(json!({"plain": null})), Ok(External::Plain));
    assert_eq!(ok(json!({"wrapped": 3})), Ok(External::Wrapped(3)));
    assert_eq!(ok(json!({"pair": [1, 2]})), Ok(External::Pair(1, 2)));
    assert_eq!(
        ok(json!({"shaped": {"x": 4}})),
        Ok(External::Shaped { x: 4 })
    );
    let at = |v: Value| fail::<BTreeMap<String, External>>(json!({ "e": v }));
    let unknown = "unknown variant `nope`, expected one of `plain`, `wrapped`, `pair`, `shaped`";
    assert_eq!(at(json!("nope")), ("e".into(), unknown.into()));
    // Content errors are reported under the variant.
    assert_eq!(at(json!({"wrapped": -1})).0, "e.wrapped");
    assert_eq!(at(json!({"pair": [1, 256]})).0, "e.pair[1]");
    assert_eq!(at(json!({"shaped": {"x": "4"}})).0, "e.shaped.x");
    assert_eq!(
        at(json!("wrapped")),
        (
            "e.wrapped".into(),
            "invalid type: unit variant, expected newtype variant".into()
        )
    );
    assert_eq!(
        at(json!({"plain": 1})),
        (
            "e.plain".into(),
            "invalid type: integer `1`, expected unit".into()
        )
    );
    let two = json!({"plain": null, "pair": []});
    assert_eq!(
        at(two).1,
        "invalid value: map, expected map with a single key"
    );
    assert_eq!(
        at(json!(1)).1,
        "invalid type: integer `1`, expected string or map"
    );
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Internal {
    A { n: u8 },
    B,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    N(u8),
    U,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Untagged {
    Num(u8),
    Text(String),
    Obj { n: u8 },
}

#[test]
fn buffered_enums_go_through_deserialize_any() {
    assert_eq!(
        from_value(&json!({"kind": "a", "n": 1})),
        Ok(Internal::A { n: 1 })
    );
    assert_eq!(from_value(&json!({"kind": "b"})), Ok(Internal::B));
    let (path, msg) = fail::<Vec<Internal>>(json!([{"kind": "a", "n": 1.5}]));
    assert_eq!(path, "[0]");
    assert_eq!(msg, "invalid type: floating point number, expected u8");
    assert_eq!(fail::<Internal>(json!({"n": 1})).1, "missing field `kind`");
    assert_eq!(from_value(&json!({"t": "N", "c": 9})), Ok(Adjacent::N(9)));
    assert_eq!(from_value(&json!({"t": "U"})), Ok(Adjacent::U));
    assert_eq!(from_value(&json!(5)), Ok(Untagged::Num(5)));
    assert_eq!(from_value(&json!("s")), Ok(Untagged::Text("s".into())));
    assert_eq!(from_value(&json!({"n": 2})), Ok(Untagged::Obj { n: 2 }));
    let (path, _) = fail::<BTreeMap<String, Untagged>>(json!({"u": [1]}));
    assert_eq!(path, "u");
}

#[test]
fn flatten_goes_through_deserialize_any() {
    #[derive(Deserialize, Debug, PartialEq)]
    struct Flat {
        a: u8,
        #[serde(flatten)]
        rest: BTreeMap<String, Value>,
    }
    let v = json!({"a": 1, "b": [true]});
    let got = from_value::<Flat>(&v).unwrap();
    assert_eq!((got.a, got.rest["b"].clone()), (1, json!([true])));
}
