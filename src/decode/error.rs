//! The decoder's error and the path it records.
//!
//! The path is a linked list on the stack (each map/seq access links its
//! segment to its parent's), so tracking it costs nothing until something
//! fails; it is rendered to a string once, by the innermost access that sees
//! the error without one, and never re-wrapped on the way out.

use std::fmt::{self, Display, Write};

use serde::de::{self, Expected, Unexpected};

/// Where a value sits in the input, innermost segment first.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    /// A map key, struct field or enum variant name.
    Key(&'a str, &'a Path<'a>),
    /// A position in an array.
    Index(usize, &'a Path<'a>),
}

impl Path<'_> {
    /// Rendered like serde_path_to_error's `Path`: `"posts[3].scheduledAt"`,
    /// `"."` for the root. Keys are written as they are (no quoting), as
    /// before, so existing messages do not change.
    pub(super) fn render(&self) -> String {
        let mut out = String::new();
        if !self.write(&mut out) {
            out.push('.');
        }
        out
    }

    /// Writes the path from the root down; false when nothing was written.
    fn write(&self, out: &mut String) -> bool {
        match *self {
            Path::Root => false,
            Path::Key(key, parent) => {
                if parent.write(out) {
                    out.push('.');
                }
                out.push_str(key);
                true
            }
            Path::Index(index, parent) => {
                parent.write(out);
                // Writing to a String cannot fail.
                let _ = write!(out, "[{index}]");
                true
            }
        }
    }
}

/// A decode failure. Boxed so `Result<T, Error>` stays small: every
/// deserializer call returns one, and most never fail.
#[derive(Debug)]
pub(super) struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    message: String,
    /// Empty until the innermost access that sees the error sets it.
    path: String,
}

impl Error {
    /// Records `path` unless a deeper access already did.
    #[cold]
    #[inline(never)]
    pub(super) fn at(mut self, path: &Path<'_>) -> Self {
        if self.0.path.is_empty() {
            self.0.path = path.render();
        }
        self
    }

    /// `(path, message)`; the path is `"."` if no access recorded one.
    pub(super) fn into_parts(self) -> (String, String) {
        let Inner { message, path } = *self.0;
        let path = if path.is_empty() { ".".into() } else { path };
        (path, message)
    }

    /// The error for a value of the wrong JSON type.
    #[cold]
    #[inline(never)]
    pub(super) fn wrong_type(value: &serde_json::Value, exp: &dyn Expected) -> Self {
        use serde_json::Value;
        let unexp = match value {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Unexpected::Unsigned(u),
                (None, Some(i)) => Unexpected::Signed(i),
                // The value is not printed, so any float will do.
                (None, None) => Unexpected::Float(0.0),
            },
            Value::String(s) => Unexpected::Str(s),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        };
        de::Error::invalid_type(unexp, exp)
    }

    #[cold]
    #[inline(never)]
    fn new(message: String) -> Self {
        Error(Box::new(Inner {
            message,
            path: String::new(),
        }))
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[cold]
    fn custom<T: Display>(msg: T) -> Self {
        Error::new(msg.to_string())
    }

    // `invalid_type` and `invalid_value` are overridden only to render the
    // `Unexpected` with `Unexp` below instead of serde's Display, whose float
    // case pulls core's float formatting (~14 KB) into the WASM: the decoder
    // must not be a reason to keep it (serde-wasm-bindgen's deserializer and
    // the migrations' direct serde_json decodes still are). The
    // `invalid_length` default prints no `Unexpected`, so it stays.
    #[cold]
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::custom(format_args!(
            "invalid type: {}, expected {exp}",
            Unexp(unexp)
        ))
    }

    #[cold]
    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::custom(format_args!(
            "invalid value: {}, expected {exp}",
            Unexp(unexp)
        ))
    }
}

/// serde's `Unexpected` Display as serde_json renders it (null for unit),
/// except that floats are not printed: "floating point number".
struct Unexp<'a>(Unexpected<'a>);

impl Display for Unexp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(i) => write!(f, "integer `{i}`"),
            Unexpected::Signed(i) => write!(f, "integer `{i}`"),
            Unexpected::Float(_) => f.write_str("floating point number"),
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            Unexpected::Str(s) => write!(f, "string {s:?}"),
            Unexpected::Bytes(_) => f.write_str("byte array"),
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Option => f.write_str("Option value"),
            Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Enum => f.write_str("enum"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
            Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            Unexpected::TupleVariant => f.write_str("tuple variant"),
            Unexpected::StructVariant => f.write_str("struct variant"),
            Unexpected::Other(other) => f.write_str(other),
        }
    }
}
