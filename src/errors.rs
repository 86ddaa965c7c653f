//! The one error contract between the core and JavaScript.
//!
//! Every core error enum has `variant()`, a fixed string per variant that
//! the binding copies into the JS `Error`'s `variant` property, and
//! `VARIANTS`, the list of all of them. Both come from one [`variants!`]
//! list, so they cannot drift apart, and the match it writes is exhaustive,
//! so a new variant does not compile until it is named. The extension lists
//! every name in `extension/shared/errors.js` with the message it shows;
//! `tests/error_contract.rs` checks that each one is listed and localised.

/// Variants the binding itself raises: a value that does not decode into
/// the core's type, and a result that could not be encoded for JS.
pub const BINDING_VARIANTS: &[&str] = &["BadInput", "EncodeFailed"];

/// Writes `variant()` and `VARIANTS` for an error enum:
/// `variants!(MyError { A(..), B { .. }, C })`.
#[macro_export]
macro_rules! variants {
    // An enum that wraps another error enum in `$inner(..)`: that variant
    // takes the wrapped error's own name, so "UnknownTimeZone" means the
    // same thing whichever module reports it.
    ($ty:ident { wraps $inner:ident; $($rest:tt)+ }) => {
        $crate::variants!(@impl $ty [$inner] $($rest)+);
    };
    ($ty:ident { $($rest:tt)+ }) => {
        $crate::variants!(@impl $ty [] $($rest)+);
    };
    (@impl $ty:ident [$($inner:ident)?]
        $($name:ident $( ( $($tuple:tt)* ) )? $( { $($fields:tt)* } )?),+ $(,)?) => {
        impl $ty {
            /// Every stable `variant` string of this enum's own variants.
            pub const VARIANTS: &'static [&'static str] = &[$(stringify!($name)),+];

            /// The stable name JavaScript switches on: never change one.
            pub fn variant(&self) -> &'static str {
                match self {
                    $($ty::$inner(e) => e.variant(),)?
                    $($ty::$name $( ( $($tuple)* ) )? $( { $($fields)* } )? => stringify!($name)),+
                }
            }
        }
    };
}

/// Every variant string that can reach JavaScript from the core, with the
/// enum it comes from (for the contract test and the docs).
pub fn all_variants() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut add = |owner: &'static str, names: &'static [&'static str]| {
        out.extend(names.iter().map(|n| (owner, *n)));
    };
    add("binding", BINDING_VARIANTS);
    add("ModelError", crate::model::ModelError::VARIANTS);
    add("ScheduleError", crate::schedule::ScheduleError::VARIANTS);
    add("StorageError", crate::storage::StorageError::VARIANTS);
    add("NetworksError", crate::networks::NetworksError::VARIANTS);
    add("InteropError", crate::interop::InteropError::VARIANTS);
    add(
        "UniquenessError",
        crate::uniqueness::UniquenessError::VARIANTS,
    );
    add("TzError", crate::tz::TzError::VARIANTS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_are_the_enum_names() {
        use crate::storage::StorageError;
        let e = StorageError::Conflict {
            key: "post:a".into(),
            expected: 1,
            actual: 2,
        };
        assert_eq!(e.variant(), "Conflict");
        assert!(StorageError::VARIANTS.contains(&"FutureVersion"));
        // Model errors keep their own names inside schedule errors.
        let m = crate::schedule::ScheduleError::Model(crate::model::ModelError::BadWeekday(9));
        assert_eq!(m.variant(), "BadWeekday");
    }

    #[test]
    fn every_listed_variant_is_an_identifier() {
        for (owner, name) in all_variants() {
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
                "{owner}::{name}"
            );
        }
    }
}
