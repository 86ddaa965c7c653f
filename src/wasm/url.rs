//! The browser's WHATWG `URL` as the core's URL parser: Bluesky's link
//! shortening (`src/networks/shorten.rs`) reads what `new URL(text)` makes of
//! a link, exactly as the Bluesky app does, with no URL or IDNA tables in the
//! WASM.

use wasm_bindgen::prelude::*;

use crate::networks::UrlParts;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = URL)]
    type BrowserUrl;
    #[wasm_bindgen(catch, constructor, js_class = "URL")]
    fn new(url: &str) -> Result<BrowserUrl, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn protocol(this: &BrowserUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn host(this: &BrowserUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn pathname(this: &BrowserUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn search(this: &BrowserUrl) -> String;
    #[wasm_bindgen(method, getter)]
    fn hash(this: &BrowserUrl) -> String;
}

fn browser_parse(text: &str) -> Option<UrlParts> {
    let u = BrowserUrl::new(text).ok()?;
    Some(UrlParts {
        protocol: u.protocol(),
        host: u.host(),
        pathname: u.pathname(),
        search: u.search(),
        hash: u.hash(),
    })
}

/// Install the browser's `URL`. Called once from the module's start function
/// (`install_browser_unicode`), with the other browser plug-ins, so no export
/// can count or split before it is in place.
pub(crate) fn install_browser_url() {
    crate::networks::set_url_parser(browser_parse);
}
