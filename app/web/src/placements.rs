//! The placements this app can open: the site's bundle index and packed bundles,
//! fetched from the app's own origin, and those added on this device from a file (kept
//! in IndexedDB); all checked by core, and kept in memory once loaded.

use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wex_core::bundle::Bundle;
use wex_core::adding::with_device_placements;
use wex_core::pack::{self, Index, Location, INDEX_FILE};

/// The folder of the built site that holds packed bundles and their index.
pub const BUNDLES_FOLDER: &str = "bundles/";


/// Shared through context: loads the index and bundles once per page load.
#[derive(Clone, Copy)]
pub struct Placements {
    index: StoredValue<Option<Index>>,
    bundles: StoredValue<HashMap<String, Arc<Bundle>>>,
    /// In the author studio, the placement being previewed, straight from its folder.
    preview: StoredValue<Option<Arc<Bundle>>>,
}

impl Placements {
    pub fn provide() -> Placements {
        let placements = Placements { index: StoredValue::new(None), bundles: StoredValue::new(HashMap::new()), preview: StoredValue::new(None) };
        provide_context(placements);
        placements
    }

    pub fn get() -> Placements {
        expect_context::<Placements>()
    }

    /// Every placement: the site's index, with the placements added on this device.
    /// Where both have a placement, the newer version is listed (the device's on a tie).
    pub async fn index(self) -> Result<Index, String> {
        if let Some(index) = self.index.get_value() {
            return Ok(index);
        }
        let text = fetch_text(&format!("{BUNDLES_FOLDER}{INDEX_FILE}")).await.map_err(|why| {
            format!("The list of placements could not be loaded ({why}). Check your connection and reload the page.")
        })?;
        let added = crate::storage::added::listings().await.unwrap_or_default();
        let index = with_device_placements(Index::parse(&text)?, added);
        self.index.set_value(Some(index.clone()));
        Ok(index)
    }

    /// Forgets what was loaded, after a placement was added or removed.
    pub fn reload(self) {
        self.index.set_value(None);
        self.bundles.update_value(HashMap::clear);
    }

    /// Whether a placement was added on this device (rather than served by the site).
    pub async fn added_here(self, id: &str) -> bool {
        self.index().await.is_ok_and(|i| i.bundles.iter().any(|e| e.listing.id == id && e.file.is_on_device()))
    }

    /// The content hash of a placement, as the site's index lists it.
    pub async fn sha256(self, id: &str) -> Option<String> {
        self.index().await.ok()?.bundles.into_iter().find(|e| e.listing.id == id).map(|e| e.sha256)
    }

    /// Shows `bundle` for its id in place of anything else (the studio's preview).
    pub fn set_preview(self, bundle: Arc<Bundle>) {
        self.preview.set_value(Some(bundle));
    }

    /// Each placement a learner has records for (in id order), with their progress
    /// in it; placements that can no longer be loaded are left out.
    pub async fn with_progress(self, records: &[wex_core::progress::Record]) -> Vec<(Arc<Bundle>, wex_core::progress::Progress)> {
        // Not the learner's application drafts, which are no placement's.
        let mut ids: Vec<&str> = records.iter().map(|r| r.bundle.as_str()).filter(|id| *id != wex_core::applications::drafts::DRAFTS_BUNDLE).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = Vec::new();
        for id in ids {
            let Ok(bundle) = self.bundle(id.to_string()).await else { continue };
            out.push((bundle, wex_core::progress::Progress::replay(records.iter().filter(|r| r.bundle == id))));
        }
        out
    }

    /// A placement by id, fetched, hash-checked against the index and unpacked.
    pub async fn bundle(self, id: String) -> Result<Arc<Bundle>, String> {
        if let Some(preview) = self.preview.with_value(|p| p.clone().filter(|b| b.id == id)) {
            return Ok(preview);
        }
        if let Some(bundle) = self.bundles.with_value(|b| b.get(&id).cloned()) {
            return Ok(bundle);
        }
        let index = self.index().await?;
        let Some(entry) = index.bundles.iter().find(|e| e.listing.id == id) else {
            return Err(format!("There is no placement called “{id}” on this site. It may have been removed."));
        };
        let text = match &entry.file {
            Location::Device(id) => crate::storage::added::file(id).await.ok().flatten().ok_or_else(|| format!("The placement “{}” is missing from this device's storage.", entry.listing.title))?,
            Location::Site(file) => fetch_text(&format!("{BUNDLES_FOLDER}{file}"))
                .await
                .map_err(|why| format!("The placement “{}” could not be loaded ({why}).", entry.listing.title))?,
        };
        let packed = pack::unpack(text.as_bytes()).map_err(|why| format!("The placement “{}” could not be opened: {why}.", entry.listing.title))?;
        if packed.sha256 != entry.sha256 {
            return Err(format!(
                "The placement “{}” does not match the site's list of placements: the file was changed after the list was made. Ask the site owner to run `wex index`.",
                entry.listing.title
            ));
        }
        let bundle = Arc::new(packed.bundle);
        self.bundles.update_value(|b| {
            b.insert(id, bundle.clone());
        });
        Ok(bundle)
    }
}

/// Fetches a file relative to the app's base URL and returns its text.
pub(crate) async fn fetch_text(path: &str) -> Result<String, String> {
    let response = fetch(path).await?;
    let text = response.text().map_err(|_| "the response could not be read".to_string())?;
    let text = JsFuture::from(text).await.map_err(|_| "the response could not be read".to_string())?;
    text.as_string().ok_or_else(|| "the response was not text".to_string())
}

/// Fetches a file relative to the app's base URL and returns its bytes, exactly.
#[cfg(feature = "studio")]
pub(crate) async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = fetch(path).await?;
    let buffer = response.array_buffer().map_err(|_| "the response could not be read".to_string())?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| "the response could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn fetch(path: &str) -> Result<web_sys::Response, String> {
    let url = format!("{}{path}", crate::router::base_path());
    let response = JsFuture::from(window().fetch_with_str(&url)).await.map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "the browser gave no response".to_string())?;
    if !response.ok() {
        return Err(format!("the site answered {} for {path}", response.status()));
    }
    Ok(response)
}
