//! Update mode: `analyze --since BRIEF.json` briefs only what is new.
use std::path::Path;
use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn analyze(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = crosscheck()
        .arg("analyze")
        .args(args)
        .args(["--format", "json", "--quiet"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn briefs(report: &serde_json::Value) -> Vec<String> {
    report["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["brief"].as_array().unwrap().iter())
        .map(|b| b["text"].as_str().unwrap().to_owned())
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn since_briefs_only_new_articles_and_facts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input, "one.txt", "Flooding forced the evacuation of four thousand residents from Lowmarsh on Friday evening, officials in Kestrel County said.\n\nThe river Tarn rose three metres above its normal level overnight and emergency crews opened two shelters at local schools.\n");
    write(&input, "two.txt", "Four thousand residents of Lowmarsh were evacuated on Friday as the river Tarn burst its banks, Kestrel County officials said.\n\nThe northern road bridge over the Tarn stayed closed while engineers inspected the damage to its supports.\n");
    let first = analyze(&[input.as_os_str()]);
    let seen = briefs(&first);
    assert!(!seen.is_empty());
    let previous = dir.path().join("first.json");
    std::fs::write(&previous, serde_json::to_string(&first).unwrap()).unwrap();

    // The same articles again: nothing new.
    let again = analyze(&[input.as_os_str(), "--since".as_ref(), previous.as_os_str()]);
    assert!(briefs(&again).is_empty(), "{:?}", briefs(&again));

    // One more article: only its new fact is briefed.
    write(&input, "three.txt", "Insurers in Kestrel County estimated the flood damage in Lowmarsh at twelve million crowns on Monday, as the river Tarn fell back below its banks.\n\nFour thousand residents of Lowmarsh were evacuated on Friday as the river Tarn burst its banks.\n");
    let update = analyze(&[input.as_os_str(), "--since".as_ref(), previous.as_os_str()]);
    let new = briefs(&update);
    assert!(new.iter().any(|s| s.starts_with("Insurers")), "{new:?}");
    assert!(new.iter().all(|s| !seen.contains(s)), "{new:?}");
    assert!(new.iter().all(|s| !s.contains("evacuated")), "{new:?}");
}

#[test]
fn since_rejects_a_file_that_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("brief.json");
    std::fs::write(&bogus, "{\"not\": \"a report\"}").unwrap();
    let out = crosscheck()
        .args(["demo", "--quiet", "--since"])
        .arg(&bogus)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a crosscheck JSON report"));
}
