//! Files the learner saves: a download made in the browser from text, and names
//! that are safe on every computer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers text as a file download, made in the browser.
pub fn download(name: &str, text: &str, mime: &str) {
    offer(name, &wasm_bindgen::JsValue::from_str(text), mime);
}

/// Offers bytes as a file download, exactly as they are.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) {
    offer(name, &js_sys::Uint8Array::from(bytes).into(), mime);
}

fn offer(name: &str, part: &wasm_bindgen::JsValue, mime: &str) {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // The browser reads the file when it starts the download, after this click.
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(30));
}

/// The files chosen in a file input or dropped on the page.
pub fn chosen_files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files of an `<input type="file">` change event.
pub fn input_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    chosen_files(input.and_then(|i| i.files()))
}

/// Reads a file's bytes, refusing files over `max` bytes before reading them.
pub async fn read_bytes(file: &web_sys::File, max: usize, too_large: &str) -> Result<Vec<u8>, String> {
    if file.size() > max as f64 {
        return Err(too_large.to_string());
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|_| "This file could not be read. Try choosing it again.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/files.js")]
extern "C" {
    fn copy(text: &str) -> js_sys::Promise;
    fn can_share_file(name: &str, text: &str) -> bool;
    fn share_file(name: &str, text: &str, title: &str) -> js_sys::Promise;
}

/// Whether this browser can hand a file to another app (the Web Share API).
pub fn can_share(name: &str, text: &str) -> bool {
    can_share_file(name, text)
}

/// Opens the system's share sheet with a JSON file; `false` if it did not share
/// (not supported, or the learner closed the sheet).
pub async fn share(name: &str, text: &str, title: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(share_file(name, text, title)).await.is_ok()
}

/// Copies text to the clipboard; `false` if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(copy(text)).await.is_ok()
}
