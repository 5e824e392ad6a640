//! Reading a bundle folder in the browser: picked with the File System Access API
//! (which can read it again after edits), chosen in a folder input, or dropped.
//! Every path starts with the folder's own name, as browsers give them.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wex_core::source::{check_folder_size, inside_folder, SourceFiles, MAX_FILES};

#[wasm_bindgen(module = "/js/folder.js")]
extern "C" {
    fn has_directory_picker() -> bool;
    fn pick_directory() -> js_sys::Promise;
    fn read_directory(handle: &JsValue, limit: usize) -> js_sys::Promise;
    fn dropped_entries(transfer: &web_sys::DataTransfer) -> JsValue;
    fn read_entries(entries: &JsValue, limit: usize) -> js_sys::Promise;
    fn input_entries(input: &web_sys::HtmlInputElement) -> JsValue;
}

/// Where the folder came from, to read it again.
#[derive(Clone)]
pub enum Folder {
    /// A File System Access handle: read afresh every time.
    Handle(JsValue),
    /// Files from an input or a drop: a snapshot the browser may refuse to read
    /// again once the files change on disk.
    Files(Vec<(String, web_sys::File)>),
}

/// Whether this browser can open a folder so that it can be read again.
pub fn can_open_folders() -> bool {
    has_directory_picker()
}

/// Asks for a folder with the browser's folder picker; `None` if the author cancelled.
pub async fn open_folder() -> Option<Folder> {
    JsFuture::from(pick_directory()).await.ok().map(Folder::Handle)
}

pub fn from_input(input: &web_sys::HtmlInputElement) -> Folder {
    Folder::Files(pairs(&input_entries(input)))
}

/// What was dropped. Call it while the drop event is being handled: the browser
/// empties the drop's items afterwards.
pub fn dropped(transfer: &web_sys::DataTransfer) -> JsValue {
    dropped_entries(transfer)
}

/// The files of a dropped folder, from [`dropped`].
pub async fn from_drop(entries: JsValue) -> Result<Folder, String> {
    let read = JsFuture::from(read_entries(&entries, MAX_FILES)).await.map_err(|_| "The dropped folder could not be read. Try choosing it instead.".to_string())?;
    Ok(Folder::Files(pairs(&read)))
}

fn pairs(list: &JsValue) -> Vec<(String, web_sys::File)> {
    js_sys::Array::from(list)
        .iter()
        .filter_map(|item| {
            let path = js_sys::Reflect::get(&item, &"path".into()).ok()?.as_string()?;
            let file = js_sys::Reflect::get(&item, &"file".into()).ok()?.dyn_into::<web_sys::File>().ok()?;
            Some((path, file))
        })
        .collect()
}

/// Reads every file of the folder into core's [`SourceFiles`], within the limits
/// `wex check` has.
pub async fn read(folder: &Folder) -> Result<SourceFiles, String> {
    let files = match folder {
        Folder::Handle(handle) => {
            let read = JsFuture::from(read_directory(handle, MAX_FILES)).await.map_err(|_| "The folder could not be read. Open it again.".to_string())?;
            pairs(&read)
        }
        Folder::Files(files) => files.clone(),
    };
    let wanted: Vec<(String, web_sys::File)> = files.into_iter().filter_map(|(path, file)| Some((inside_folder(&path)?, file))).collect();
    let total: f64 = wanted.iter().map(|(_, f)| f.size()).sum();
    check_folder_size(wanted.len(), total as u64)?;
    if wanted.is_empty() {
        return Err("This folder is empty. Choose the folder that holds bundle.toml.".into());
    }
    let mut source = SourceFiles::new();
    for (path, file) in wanted {
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("{path} could not be read: it may have changed since the folder was chosen. Choose the folder again."))?;
        source.insert(path, js_sys::Uint8Array::new(&buffer).to_vec());
    }
    Ok(source)
}
