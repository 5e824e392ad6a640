//! QR codes drawn as SVG (qrcodegen), and links that carry a certificate in their
//! fragment, compressed with the browser's own `CompressionStream`.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/compression.js")]
extern "C" {
    fn deflate_raw(text: &str) -> js_sys::Promise;
    fn inflate_raw(bytes: &[u8]) -> js_sys::Promise;
}

/// Compresses text (raw deflate) and encodes it as base64url.
pub async fn pack_text(text: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = JsFuture::from(deflate_raw(text)).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    Some(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The reverse of [`pack_text`]; `None` for anything that is not such text.
pub async fn unpack_text(encoded: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded).ok()?;
    if bytes.len() > 64 * 1024 {
        return None;
    }
    JsFuture::from(inflate_raw(&bytes)).await.ok()?.as_string()
}

/// A QR code of `text`, as an SVG with its own label.
#[component]
pub fn QrCodeSvg(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    let Ok(qr) = QrCode::encode_text(&text, QrCodeEcc::Low) else {
        return view! { <p class="nhsuk-body-s">"(This certificate is too large for a QR code; use the credential file.)"</p> }.into_any();
    };
    let size = qr.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let view_box = format!("0 0 {0} {0}", size + 2 * border);
    view! {
        <svg class="wex-qr" xmlns="http://www.w3.org/2000/svg" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#ffffff"></rect>
            <path d=path fill="#000000"></path>
        </svg>
    }
    .into_any()
}
