//! Import/export bindings: JSON backup, CSV and ICS.

use js_sys::{ArrayBuffer, JsString, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{decode, encode, encode_hot, js_error};
use crate::interop::{self, BackupData, CsvLayout, CsvOptions, InteropError};
use crate::model::{Post, Project};

fn interop_error(err: InteropError) -> JsValue {
    js_error(err.variant(), &err)
}

/// `exportJson({projects, posts, settings?}) -> string`: canonical backup
/// (sorted, stable; export → import → export is byte-identical).
///
/// The text is written by `JSON.stringify` and read by `JSON.parse`: the
/// browser's JSON is as exact for our data (integers, strings) and keeps
/// serde_json's text reader and writer, with their float tables, out of the
/// module (~15 KB gzipped).
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(data: JsValue) -> Result<String, JsValue> {
    let data: BackupData = decode(data)?;
    let tree = encode_hot(&interop::export_value(&data).map_err(interop_error)?)?;
    let text = JSON::stringify_with_replacer_and_space(&tree, &JsValue::NULL, &2.into())
        .map_err(|e| js_error("EncodeFailed", describe(&e)))?;
    Ok(String::from(text) + "\n")
}

/// `importJson(text) -> {data: {projects, posts, settings?} | null,
/// errors: [{path, message}]}`; `data` is null whenever `errors` is not empty.
#[wasm_bindgen(js_name = importJson)]
pub fn import_json(text: JsString) -> Result<JsValue, JsValue> {
    // A string's UTF-8 size is at least its UTF-16 length and at most three
    // times it: only in between is the exact size worth a copy.
    let units = text.length() as usize;
    let bytes = match units {
        n if n.saturating_mul(3) <= interop::MAX_BACKUP_BYTES => n,
        _ => text.as_string().map_or(units, |s| s.len()),
    };
    if let Some(refused) = interop::oversized_backup(bytes) {
        return encode(&refused);
    }
    // JSON.parse, unlike serde_json, refuses a leading byte-order mark.
    let text = match text.char_code_at(0) {
        c if c == f64::from(0xFEFF) => text.slice(1, text.length()),
        _ => text,
    };
    let result = match json_parse(&text) {
        Ok(tree) => interop::import_value(decode(tree)?),
        Err(e) => interop::unparsable_backup(&describe(&e)),
    };
    encode(&result)
}

#[wasm_bindgen]
extern "C" {
    // js-sys's `JSON::parse` takes `&str`, which would copy the whole file
    // into WASM memory and back out just to parse it.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

/// The message of a thrown JS error.
fn describe(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "unknown error".into())
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

/// `exportCsv(posts, layout: "hootsuite"|"publer", zone) -> {text, rows,
/// zone, notes: [{postId, kind, network?, count?, zone?}]}`: every date in
/// `zone` (an IANA name; Publer's date header names it), formula-escaped
/// cells, CRLF line ends; posts import would refuse are left out and named
/// in `notes`, as are posts planned in another zone (`otherZone`).
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(posts: JsValue, layout: JsValue, zone: String) -> Result<JsValue, JsValue> {
    let posts: Vec<Post> = decode(posts)?;
    let layout: CsvLayout = decode(layout)?;
    encode(&interop::export_csv(&posts, layout, &zone).map_err(interop_error)?)
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
