//! Zip files, written the same way every time: the same files give the same bytes
//! (a fixed date, the same permissions, names in the order given). The studio's
//! "Start a new placement" is stored, not compressed (small text, and no
//! compressor in its download); a SCORM package is compressed, since learning
//! platforms limit uploads. A few lines of the zip format cost far less in the
//! studio's download than a zip library; the tests read every zip back with the
//! `zip` crate.

/// A file over 4 GB, or more than 65,535 files: the plain zip format cannot hold
/// them, and nothing Wex zips comes near.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLarge;

/// 1980-01-01 00:00, the earliest date a zip can hold, in MS-DOS form.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Version 2.0 of the format, made on Unix (so that permissions are read).
const VERSION: u16 = 20;
const MADE_BY: u16 = (3 << 8) | VERSION;
/// The names are UTF-8.
const FLAGS: u16 = 1 << 11;
/// How a file is kept: as it is, or compressed with deflate.
const STORED: u16 = 0;
const DEFLATE: u16 = 8;
/// A regular file, readable by everyone and written by its owner.
const UNIX_MODE: u32 = 0o100644;

/// A zip of `files` (path inside the zip with `/` separators, contents), in that
/// order, stored: for the studio, whose download this keeps small.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, TooLarge> {
    write(files, |_| None)
}

/// A zip of `files`, each compressed (deflate) where that makes it smaller: for
/// SCORM packages, which learning platforms limit in size.
pub fn zip_compressed(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, TooLarge> {
    write(files, |bytes| Some(miniz_oxide::deflate::compress_to_vec(bytes, 9)).filter(|packed| packed.len() < bytes.len()))
}

/// The zip, with each file compressed by `deflate` where it gives bytes (the same
/// bytes for the same input), stored otherwise.
fn write(files: &[(String, Vec<u8>)], deflate: impl Fn(&[u8]) -> Option<Vec<u8>>) -> Result<Vec<u8>, TooLarge> {
    let count = u16::try_from(files.len()).map_err(|_| TooLarge)?;
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (path, bytes) in files {
        let size = u32::try_from(bytes.len()).map_err(|_| TooLarge)?;
        let name_len = u16::try_from(path.len()).map_err(|_| TooLarge)?;
        let offset = u32::try_from(out.len()).map_err(|_| TooLarge)?;
        let crc = crc32fast::hash(bytes);
        let compressed = deflate(bytes);
        let (method, data) = match &compressed {
            Some(packed) => (DEFLATE, packed.as_slice()),
            None => (STORED, bytes.as_slice()),
        };
        let stored_size = u32::try_from(data.len()).map_err(|_| TooLarge)?;
        // The local header, then the file.
        put32(&mut out, 0x0403_4b50);
        for field in [VERSION, FLAGS, method, DOS_TIME, DOS_DATE] {
            put16(&mut out, field);
        }
        for field in [crc, stored_size, size] {
            put32(&mut out, field);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(path.as_bytes());
        out.extend_from_slice(data);
        // Its entry in the central directory.
        put32(&mut directory, 0x0201_4b50);
        for field in [MADE_BY, VERSION, FLAGS, method, DOS_TIME, DOS_DATE] {
            put16(&mut directory, field);
        }
        for field in [crc, stored_size, size] {
            put32(&mut directory, field);
        }
        for field in [name_len, 0, 0, 0, 0] {
            put16(&mut directory, field);
        }
        put32(&mut directory, UNIX_MODE << 16);
        put32(&mut directory, offset);
        directory.extend_from_slice(path.as_bytes());
    }
    let directory_at = u32::try_from(out.len()).map_err(|_| TooLarge)?;
    let directory_len = u32::try_from(directory.len()).map_err(|_| TooLarge)?;
    out.extend_from_slice(&directory);
    // The end of the central directory.
    put32(&mut out, 0x0605_4b50);
    for field in [0, 0, count, count] {
        put16(&mut out, field);
    }
    put32(&mut out, directory_len);
    put32(&mut out, directory_at);
    put16(&mut out, 0);
    Ok(out)
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// `bytes` as a gzip file (RFC 1952): deflate at the compressor's best, no name and
/// no date, so the same bytes always give the same file. `wex finish-site` writes
/// one beside each text and wasm file of a built site, for servers that send a
/// precompressed file as it is (nginx's `gzip_static`; docs/hosting.md).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    // Magic, deflate, no flags, no time, best compression, Unix.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3];
    out.extend(miniz_oxide::deflate::compress_to_vec(bytes, 10));
    out.extend(crc32fast::hash(bytes).to_le_bytes());
    out.extend((bytes.len() as u32).to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    #[test]
    fn gzip_reads_back_with_a_real_reader_and_is_the_same_every_time() {
        let text = "Wex virtual work experience. ".repeat(200).into_bytes();
        for bytes in [text, Vec::new(), vec![0, 255, 7]] {
            let packed = gzip(&bytes);
            assert_eq!(packed, gzip(&bytes));
            let mut back = Vec::new();
            flate2::read::GzDecoder::new(&packed[..]).read_to_end(&mut back).unwrap();
            assert_eq!(back, bytes);
        }
        assert!(gzip(&"abc".repeat(1000).into_bytes()).len() < 100, "it compresses");
    }

    #[test]
    fn the_same_files_give_the_same_bytes_and_read_back() {
        let files = vec![
            ("a/bundle.toml".to_string(), b"id = \"x\"\n".to_vec()),
            ("a/media/b.mp3".to_string(), vec![0xff, 0xfb, 0, 1]),
            ("a/modules/caf\u{e9} plan.md".to_string(), Vec::new()),
        ];
        let bytes = zip(&files).unwrap();
        assert_eq!(bytes, zip(&files).unwrap());
        let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        for (i, (path, contents)) in files.iter().enumerate() {
            let mut file = archive.by_index(i).unwrap();
            assert_eq!(file.name().unwrap(), path.as_str());
            assert_eq!(file.compression(), ::zip::CompressionMethod::Stored);
            assert_eq!(file.unix_mode(), Some(UNIX_MODE));
            assert_eq!(file.last_modified().map(|d| (d.year(), d.month(), d.day())), Some((1980, 1, 1)));
            let mut read = Vec::new();
            file.read_to_end(&mut read).unwrap();
            assert_eq!(&read, contents, "{path}: the CRC is checked as it is read");
        }
    }

    #[test]
    fn compressed_zips_read_back_and_are_the_same_every_time() {
        let text = "A placement's text, which compresses well. ".repeat(200).into_bytes();
        let files = vec![("a/text.json".to_string(), text.clone()), ("a/tiny.txt".to_string(), b"x".to_vec())];
        let bytes = zip_compressed(&files).unwrap();
        assert_eq!(bytes, zip_compressed(&files).unwrap());
        assert!(bytes.len() < text.len() / 4, "{} bytes", bytes.len());
        let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let methods: Vec<_> = (0..2).map(|i| archive.by_index(i).unwrap().compression()).collect();
        assert_eq!(methods, [::zip::CompressionMethod::Deflated, ::zip::CompressionMethod::Stored], "stored where deflate does not help");
        for (path, contents) in &files {
            let mut read = Vec::new();
            archive.by_name(path).unwrap().read_to_end(&mut read).unwrap();
            assert_eq!(&read, contents);
        }
    }

    #[test]
    fn an_empty_zip_is_still_a_zip() {
        let bytes = zip(&[]).unwrap();
        assert_eq!(::zip::ZipArchive::new(Cursor::new(bytes)).unwrap().len(), 0);
    }

    #[test]
    fn more_files_than_the_format_holds_are_refused() {
        let files: Vec<(String, Vec<u8>)> = (0..70_000).map(|i| (format!("{i}"), Vec::new())).collect();
        assert_eq!(zip(&files), Err(TooLarge));
    }
}
