//! Reading a bundle folder from disk into [`SourceFiles`], with limits.

use std::fmt;
use std::path::{Path, PathBuf};
use wex_core::source::{SourceFiles, MAX_FILES, MAX_TOTAL_BYTES};

#[derive(Debug)]
pub enum FolderError {
    NotAFolder(PathBuf),
    TooManyFiles(PathBuf),
    TooLarge(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for FolderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FolderError::NotAFolder(p) => write!(f, "{} is not a folder", p.display()),
            FolderError::TooManyFiles(p) => write!(f, "{} holds more than {MAX_FILES} files; is it really a bundle folder?", p.display()),
            FolderError::TooLarge(p) => write!(f, "{} holds more than {} MB of files", p.display(), MAX_TOTAL_BYTES / 1024 / 1024),
            FolderError::Io(p, e) => write!(f, "could not read {}: {e}", p.display()),
        }
    }
}

/// Reads every file below `root`, leaving out hidden files and folders (`.git`).
pub fn read_bundle_folder(root: &Path) -> Result<SourceFiles, FolderError> {
    if !root.is_dir() {
        return Err(FolderError::NotAFolder(root.to_path_buf()));
    }
    let mut files = SourceFiles::new();
    let mut total = 0u64;
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| FolderError::Io(dir.clone(), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| FolderError::Io(dir.clone(), e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type().map_err(|e| FolderError::Io(path.clone(), e))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                if files.files.len() >= MAX_FILES {
                    return Err(FolderError::TooManyFiles(root.to_path_buf()));
                }
                total += entry.metadata().map_err(|e| FolderError::Io(path.clone(), e))?.len();
                if total > MAX_TOTAL_BYTES {
                    return Err(FolderError::TooLarge(root.to_path_buf()));
                }
                let bytes = std::fs::read(&path).map_err(|e| FolderError::Io(path.clone(), e))?;
                let relative = path.strip_prefix(root).unwrap_or(&path);
                let key: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
                files.insert(key.join("/"), bytes);
            }
        }
    }
    Ok(files)
}

/// The bundle folders directly inside `content` (those holding a bundle.toml), sorted.
pub fn bundle_folders(content: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let entries = std::fs::read_dir(content).map_err(|e| FolderError::Io(content.to_path_buf(), e))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| FolderError::Io(content.to_path_buf(), e))?.path();
        if path.join(wex_core::author::MANIFEST_FILE).is_file() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}
