//! Import/export bindings: JSON backup, CSV and ICS.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{decode, encode, js_error};
use crate::interop::{self, BackupData, CsvLayout, CsvOptions, InteropError};
use crate::model::{Post, Project};

fn interop_error(err: InteropError) -> JsValue {
    js_error(err.variant(), &err)
}

/// `exportJson({projects, posts, settings?}) -> string`: canonical backup
/// (sorted, stable; export → import → export is byte-identical).
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(data: JsValue) -> Result<String, JsValue> {
    let data: BackupData = decode(data)?;
    interop::export_json(&data).map_err(interop_error)
}

/// `importJson(text) -> {data: {projects, posts, settings?} | null,
/// errors: [{path, message}]}`; `data` is null whenever `errors` is not empty.
#[wasm_bindgen(js_name = importJson)]
pub fn import_json(text: &str) -> Result<JsValue, JsValue> {
    encode(&interop::import_json(text))
}

/// `parseCsv(text | Uint8Array | ArrayBuffer, {zone, nowMs, keepValid?,
/// projectId?, idPrefix?, dateOrder?: "auto"|"dmy"|"mdy", networks?,
/// maxRows?, maxCellBytes?, allowPast?}) -> {posts, errors: [{line, column?,
/// reason}], format: "hootsuite"|"publer", dateOrder, hasHeader, delimiter,
/// rows, validRows, ignoredColumns, comments: [{postId, comments}]}`.
/// Pass bytes to get invalid UTF-8 reported per row. Throws `UnknownZone`,
/// `TooLarge`, `TooManyRows`, `Utf16`, `NoContentColumn` or `Empty`.
#[wasm_bindgen(js_name = parseCsv)]
pub fn parse_csv(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options: CsvOptions = decode(options)?;
    let bytes = if let Some(text) = input.as_string() {
        text.into_bytes()
    } else if let Some(array) = input.dyn_ref::<Uint8Array>() {
        array.to_vec()
    } else if input.is_instance_of::<ArrayBuffer>() {
        Uint8Array::new(&input).to_vec()
    } else {
        return Err(js_error(
            "BadInput",
            "parseCsv expects a string, Uint8Array or ArrayBuffer",
        ));
    };
    let result = interop::parse_csv(&bytes, &options).map_err(interop_error)?;
    encode(&result)
}

/// `exportCsv(posts, layout: "hootsuite"|"publer", zone?) -> string` with
/// formula-escaped cells and CRLF line ends. Without `zone`, each post's
/// planned zone (else UTC) is used.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(
    posts: JsValue,
    layout: JsValue,
    zone: Option<String>,
) -> Result<String, JsValue> {
    let posts: Vec<Post> = decode(posts)?;
    let layout: CsvLayout = decode(layout)?;
    interop::export_csv(&posts, layout, zone.as_deref()).map_err(interop_error)
}

/// `exportIcs(posts, projects, nowMs) -> string`: an RFC 5545 calendar with
/// one event per scheduled post; `nowMs` becomes DTSTAMP.
#[wasm_bindgen(js_name = exportIcs)]
pub fn export_ics(posts: JsValue, projects: JsValue, now_ms: JsValue) -> Result<String, JsValue> {
    let posts: Vec<Post> = decode(posts)?;
    let projects: Vec<Project> = decode(projects)?;
    let now_ms: i64 = decode(now_ms)?;
    Ok(interop::export_ics(&posts, &projects, now_ms))
}
