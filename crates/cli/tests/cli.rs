//! The binary's behaviour: help, exit codes, output files.
use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

#[test]
fn help_on_every_command() {
    for args in [
        vec!["--help"],
        vec!["analyze", "--help"],
        vec!["demo", "--help"],
    ] {
        let out = crosscheck().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Usage"), "{args:?}: {text}");
    }
}

#[test]
fn demo_writes_json_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let out = crosscheck()
        .args(["demo", "--format", "json", "--quiet", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "--quiet printed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert!(!v["stories"].as_array().unwrap().is_empty());
}

#[test]
fn exit_code_is_nonzero_only_when_nothing_was_analysed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let out = crosscheck()
        .arg("analyze")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty.txt") && err.contains("nothing could be analysed"),
        "{err}"
    );

    std::fs::write(
        dir.path().join("ok.txt"),
        "The Lowmarsh ferry resumed service on Monday after repairs to its hull were completed ahead of schedule.\n",
    )
    .unwrap();
    let out = crosscheck()
        .arg("analyze")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("Lowmarsh ferry") && md.contains("empty.txt"),
        "{md}"
    );
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = crosscheck()
        .args(["demo", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
