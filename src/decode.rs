//! From a file's bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and
//! GB18030/GBK when the bytes are not UTF-8. Binary input is refused with a reason.
//!
//! Spans of a report parsed from decoded text refer to the decoded text, not to the
//! original bytes.

use std::borrow::Cow;
use std::fmt;

/// The encoding a text was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 that began with a byte-order mark (removed).
    Utf8Bom,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        })
    }
}

/// Decoded text and the encoding it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, borrowed from the bytes when they were UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding that was used.
    pub encoding: Encoding,
}

/// Why bytes could not be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bytes hold NUL bytes or other control bytes: an image, an archive, a binary.
    Binary {
        /// Offset of the first byte that gave it away.
        offset: usize,
    },
    /// The bytes are neither UTF-8, UTF-16 with BOM, nor valid GB18030.
    Undecodable,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "binary data, not text (control byte at offset {offset})")
            }
            DecodeError::Undecodable => f.write_str("not text in UTF-8, UTF-16 or GB18030"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a report file's bytes.
///
/// ```
/// let gbk = [0xb9, 0xa4, 0xd7, 0xf7, 0xd7, 0xdc, 0xbd, 0xe1]; // 工作总结 in GBK
/// let decoded = gongwen::decode(&gbk).unwrap();
/// assert_eq!(decoded.text, "工作总结");
/// assert_eq!(decoded.encoding, gongwen::Encoding::Gb18030);
/// assert!(gongwen::decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        let text = std::str::from_utf8(rest).map_err(|_| DecodeError::Undecodable)?;
        return checked(Cow::Borrowed(text), Encoding::Utf8Bom);
    }
    for (bom, encoding, codec) in [
        (b"\xff\xfe", Encoding::Utf16Le, encoding_rs::UTF_16LE),
        (b"\xfe\xff", Encoding::Utf16Be, encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, malformed) = codec.decode_without_bom_handling(rest);
            if malformed {
                return Err(DecodeError::Undecodable);
            }
            return checked(text, encoding);
        }
    }
    if let Some(offset) = binary_byte(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(Cow::Borrowed(text), Encoding::Utf8);
    }
    let (text, malformed) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if malformed {
        return Err(DecodeError::Undecodable);
    }
    checked(text, Encoding::Gb18030)
}

/// Refuses decoded text that still holds control characters.
fn checked(text: Cow<'_, str>, encoding: Encoding) -> Result<Decoded<'_>, DecodeError> {
    match binary_byte(text.as_bytes()) {
        Some(offset) => Err(DecodeError::Binary { offset }),
        None => Ok(Decoded { text, encoding }),
    }
}

/// The first byte that text never holds: NUL and the C0 controls other than tab, line
/// feed, form feed, carriage return and escape.
fn binary_byte(bytes: &[u8]) -> Option<usize> {
    bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b))
}
