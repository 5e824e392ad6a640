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
    /// What was dropped, as the browser's entries: walked afresh every time.
    Dropped(JsValue),
    /// Files chosen with the file box: the browser keeps them as they were when
    /// chosen, and may refuse to read one that has changed since.
    Chosen(Vec<(String, web_sys::File)>),
}

/// Why a folder could not be read, and whether choosing it again would help.
#[derive(Clone, Debug, PartialEq)]
pub struct Unread {
    pub why: String,
    /// A file chosen with the file box has changed since: the browser reads only
    /// what it was then, and choosing the folder again gives the new files.
    pub choose_again: bool,
}

impl Unread {
    pub fn new(why: impl Into<String>) -> Self {
        Unread { why: why.into(), choose_again: false }
    }
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
    Folder::Chosen(pairs(&input_entries(input)))
}

/// What was dropped. Call it while the drop event is being handled: the browser
/// empties the drop's items afterwards.
pub fn dropped(transfer: &web_sys::DataTransfer) -> JsValue {
    dropped_entries(transfer)
}

/// A dropped folder, from [`dropped`].
pub fn from_drop(entries: JsValue) -> Folder {
    Folder::Dropped(entries)
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
pub async fn read(folder: &Folder) -> Result<SourceFiles, Unread> {
    let files = match folder {
        Folder::Handle(handle) => {
            let read = JsFuture::from(read_directory(handle, MAX_FILES)).await.map_err(|_| Unread::new("The folder could not be read. Open it again."))?;
            pairs(&read)
        }
        Folder::Dropped(entries) => {
            let read = JsFuture::from(read_entries(entries, MAX_FILES)).await.map_err(|_| Unread::new("The dropped folder could not be read. Drop it again, or choose it with the file box."))?;
            pairs(&read)
        }
        Folder::Chosen(files) => files.clone(),
    };
    let wanted: Vec<(String, web_sys::File)> = files.into_iter().filter_map(|(path, file)| Some((inside_folder(&path)?, file))).collect();
    let total: f64 = wanted.iter().map(|(_, f)| f.size()).sum();
    check_folder_size(wanted.len(), total as u64).map_err(Unread::new)?;
    if wanted.is_empty() {
        return Err(Unread::new("This folder is empty. Choose the folder that holds bundle.toml."));
    }
    // Every read starts at once; the browser reads the files side by side.
    let reads: Vec<(String, JsFuture)> = wanted.into_iter().map(|(path, file)| (path, JsFuture::from(file.array_buffer()))).collect();
    let mut source = SourceFiles::new();
    for (path, read) in reads {
        let buffer = read.await.map_err(|_| match folder {
            Folder::Chosen(_) => Unread {
                why: format!("{path} has changed since you chose the folder, and this browser reads a folder chosen with the file box only as it was then. Choose the folder again to check your changes."),
                choose_again: true,
            },
            _ => Unread::new(format!("{path} could not be read. Check that it is still in the folder, then try again.")),
        })?;
        source.insert(path, js_sys::Uint8Array::new(&buffer).to_vec());
    }
    Ok(source)
}
