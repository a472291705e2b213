//! The real-browser end-to-end test (`scripts/browser-test.sh`: Chromium
//! driven by playwright-core). It installs packages and takes about a
//! minute, so it runs only with `CROSSCHECK_BROWSER_TEST=1`.

#[test]
fn browser_end_to_end() {
    if std::env::var("CROSSCHECK_BROWSER_TEST").as_deref() != Ok("1") {
        eprintln!("skipping the browser test: set CROSSCHECK_BROWSER_TEST=1 to run scripts/browser-test.sh");
        return;
    }
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let status = std::process::Command::new("bash")
        .arg(format!("{root}/scripts/browser-test.sh"))
        .current_dir(root)
        .status()
        .expect("run scripts/browser-test.sh");
    assert!(status.success(), "scripts/browser-test.sh failed: {status}");
}
