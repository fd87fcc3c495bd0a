//! `decode` on arbitrary bytes: no panic, and decoded text holds no control byte that
//! `decode` promises to refuse.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz decode` (or `cargo +nightly fuzz …`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = gongwen::decode(bytes) {
        let refused = decoded
            .text
            .bytes()
            .position(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b));
        assert_eq!(refused, None, "decoded text holds a control byte");
        let _ = gongwen::parse_number(&decoded.text);
    }
});
