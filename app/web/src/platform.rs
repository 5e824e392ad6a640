//! What Wex asks of the browser beyond the page: the clock and dates, secure random
//! ids, performance marks, and a pause for the page to update.

use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    static ON_LEAVING: RefCell<Vec<Box<dyn FnOnce()>>> = RefCell::new(Vec::new());
}

/// Registers what stops something this app started on the window (a listener, a
/// timer), to run if the app leaves the page while the page stays: the shell, when
/// it hands over to another app.
pub fn stop_when_leaving(stop: impl FnOnce() + 'static) {
    ON_LEAVING.with(|l| l.borrow_mut().push(Box::new(stop)));
}

/// Stops everything registered with [`stop_when_leaving`]. The app's reactive state
/// is left as it is, so a callback already queued finds it still there.
pub fn leave_the_page() {
    for stop in ON_LEAVING.with(|l| std::mem::take(&mut *l.borrow_mut())) {
        stop();
    }
}

/// The device's clock in milliseconds since the Unix epoch. It may be wrong on a
/// shared device; Wex only uses it to order and show times.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Bytes from the browser's secure random source (`crypto.getRandomValues`), for
/// ids, salts and keys. Every browser Wex runs in has one; without it Wex stops
/// rather than make a key anyone could guess.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    window()
        .crypto()
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).map(|_| ()))
        .expect("the browser's secure random source (crypto.getRandomValues)");
    bytes
}

/// The device clock as an XML Schema date-time, to the second.
pub fn now_iso() -> String {
    let text = String::from(js_sys::Date::new_0().to_iso_string());
    format!("{}Z", &text[..19.min(text.len())])
}

/// Today's date on the device, as `YYYY-MM-DD` in its own time zone.
pub fn today() -> String {
    ymd(&js_sys::Date::new_0())
}

/// The day a timestamp (UTC, as `now_iso` writes it) fell on in this device's time
/// zone, in words: "25 November 2026". Something that is not a timestamp comes back
/// as it was.
pub fn local_day(timestamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    if date.get_time().is_nan() {
        return timestamp.to_string();
    }
    wex_core::words::long_date(&ymd(&date))
}

/// The day a moment (milliseconds since the Unix epoch) fell on in this device's
/// time zone, as `YYYY-MM-DD`.
pub fn local_ymd(at_ms: u64) -> String {
    ymd(&js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64)))
}

fn ymd(date: &js_sys::Date) -> String {
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// A short random id (16 hex digits), for profiles and assignments.
pub fn random_id() -> String {
    random_bytes::<8>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A random (version 4) UUID URN, for credential ids.
pub fn uuid_v4() -> String {
    let mut b = random_bytes::<16>();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// Waits for the browser to run its next task, so that a status message shows
/// before slow work (a passphrase's key derivation, a big import) starts.
pub async fn let_the_page_update() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Performance marks let the tests measure, in the browser, the time from an action
/// to its record being committed (docs/benchmarks.md).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

pub fn measure(name: &str, start: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

#[cfg(test)]
mod tests {
    use super::local_day;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn timestamps_read_as_the_day_they_fell_on() {
        // Midday UTC is the same date in every time zone from -11:00 to +11:00.
        assert_eq!(local_day("2026-11-25T12:00:00Z"), "25 November 2026");
        assert_eq!(local_day("not a time"), "not a time");
    }
}
