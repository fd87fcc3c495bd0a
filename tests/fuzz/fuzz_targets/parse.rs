//! Bytes → `decode` → `parse` → `validate`: no panic, and no span violation.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz parse` (or `cargo +nightly fuzz …`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = gongwen::decode(bytes) else {
        return;
    };
    let source: &str = &decoded.text;
    let report = gongwen::parse(source);
    let violations = gongwen::validate(&report, source);
    assert!(
        violations.is_empty(),
        "span violations {violations:?} for input {source:?}"
    );
});
