//! Any bytes, decoded as a page would be, must extract without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = crosscheck_extract::decode_html(data);
    let e = crosscheck_extract::html_to_text(&html);
    assert!(!e.text.contains("\n\n\n"));
});
