//! Unit tests of the helpers; the demo-corpus acceptance tests are in
//! `tests/demo.rs`.

use super::*;

#[test]
fn initials_skip_lower_case_words() {
    assert_eq!(initials("Central Bank of Varesia"), "CBV");
    assert_eq!(initials("National Process Safety Board"), "NPSB");
}

#[test]
fn most_common_prefers_first_on_ties() {
    let v: Vec<String> = ["a", "b", "b"].iter().map(|s| s.to_string()).collect();
    assert_eq!(most_common(&v).as_deref(), Some("b"));
}
