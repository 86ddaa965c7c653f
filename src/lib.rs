//! Glider's core.
//!
//! Everything except [`wasm`] is the *pure core*: plain Rust with no
//! wasm-bindgen, web-sys or gloo, tested natively with `cargo test`. Time is
//! always passed in as UTC milliseconds; the core never reads a clock (the
//! `chrono` "clock" feature is not even enabled).
//!
//! [`wasm`] is the one thin binding layer: decode, call the core, encode.

pub mod decode;
pub mod errors;
pub mod interop;
pub mod model;
pub mod networks;
pub mod schedule;
pub mod sort;
pub mod storage;
pub mod tz;
pub mod unicode;
pub mod uniqueness;
pub mod wasm;
