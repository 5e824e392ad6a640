//! The files of a bundle folder as plain data, and byte offset to line/column maps.

use std::collections::BTreeMap;

/// Every file of one bundle folder, keyed by its path relative to the folder with
/// `/` separators. The CLI fills it from disk; the author studio from a folder the
/// author picks in the browser. Ordered, so everything built from it is deterministic.
#[derive(Clone, Debug, Default)]
pub struct SourceFiles {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The most files a bundle folder may hold.
pub const MAX_FILES: usize = 2_000;
/// The most bytes all files of a bundle folder may hold together (64 MiB).
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// Whether a path (with `/` separators) is hidden or inside a hidden folder, such
/// as `.git`: such files are never part of a bundle.
pub fn is_hidden(path: &str) -> bool {
    path.split('/').any(|part| part.starts_with('.'))
}

/// What is wrong with a folder of `files` files holding `bytes` bytes, in words.
pub fn check_folder_size(files: usize, bytes: u64) -> Result<(), String> {
    if files > MAX_FILES {
        return Err(format!("This folder holds more than {MAX_FILES} files. Is it really a bundle folder? Choose the folder that holds bundle.toml."));
    }
    if bytes > MAX_TOTAL_BYTES {
        return Err(format!("This folder holds more than {} MB of files, the most a bundle may have.", MAX_TOTAL_BYTES / 1024 / 1024));
    }
    Ok(())
}

/// The path of a file inside the bundle folder, from a path that starts with the
/// folder's own name (as browsers give a picked or dropped folder's files); `None`
/// for hidden files.
pub fn inside_folder(picked: &str) -> Option<String> {
    let inside = picked.split_once('/').map_or(picked, |(_, rest)| rest);
    (!inside.is_empty() && !is_hidden(inside)).then(|| inside.to_string())
}

impl SourceFiles {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }
}

/// A position in a text file, both counted from 1 as editors show them. The column
/// counts characters, not bytes, so it matches what an author sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Turns byte offsets of one text into lines and columns.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    /// The line and column of a byte offset. Offsets past the end, or inside a
    /// multi-byte character, are clamped to the nearest character boundary before it.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count();
        LineCol { line: line as u32 + 1, column: column as u32 + 1 }
    }

    /// The text of a line (counted from 1) without its line ending.
    pub fn line_text(&self, line: u32) -> &'a str {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1) as usize) else {
            return "";
        };
        let end = self.text[start..].find('\n').map_or(self.text.len(), |i| start + i);
        self.text[start..end].trim_end_matches('\r')
    }
}

#[cfg(test)]
mod folder_tests {
    use super::*;

    #[test]
    fn picked_folders_lose_their_own_name_and_hidden_files() {
        assert_eq!(inside_folder("ward/bundle.toml").as_deref(), Some("bundle.toml"));
        assert_eq!(inside_folder("ward/modules/one.md").as_deref(), Some("modules/one.md"));
        assert_eq!(inside_folder("ward/.git/config"), None);
        assert_eq!(inside_folder("ward/modules/.one.md.swp"), None);
        assert!(check_folder_size(10_000, 1).unwrap_err().contains("more than 2000 files"));
        assert!(check_folder_size(3, MAX_TOTAL_BYTES + 1).unwrap_err().contains("64 MB"));
        assert!(check_folder_size(3, 100).is_ok());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_and_in_characters() {
        let text = "ab\ncé d\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(3), LineCol { line: 2, column: 1 });
        // "é" is two bytes: the space after it is the third character of line 2.
        assert_eq!(index.line_col(6), LineCol { line: 2, column: 3 });
        // An offset inside "é" falls back to the start of the character.
        assert_eq!(index.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(index.line_col(9), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(1000), LineCol { line: 4, column: 5 });
        assert_eq!(index.line_text(2), "cé d");
        assert_eq!(index.line_text(3), "");
        assert_eq!(index.line_text(9), "");
    }
}
