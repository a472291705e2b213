//! Cleans the sample pages in `../shared/seeds` (outside the repository,
//! when present) and checks that junk goes and long sentences stay. The seed
//! text is read at test time and never embedded here.

use std::path::PathBuf;

use crosscheck_clean::Cleaner;

#[test]
fn seeds_are_cleaned_without_losing_sentences() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipping: ../shared/seeds not found");
        return;
    };
    let mut checked = 0;
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let input = std::fs::read_to_string(&path).expect("readable seed file");
        let cleaned = Cleaner::new().clean(&input, None);
        let kept: Vec<&str> = cleaned.text.split("\n\n").collect();
        for line in &kept {
            let lower = line.to_lowercase();
            assert!(
                !["close", "read more", "advertisement"].contains(&lower.as_str()),
                "{}: junk kept: {line:?}",
                path.display()
            );
            assert!(
                !line.starts_with("READ MORE"),
                "{}: teaser kept: {line:?}",
                path.display()
            );
            assert!(
                !line.starts_with("FILE PHOTO"),
                "{}: caption kept: {line:?}",
                path.display()
            );
        }
        for line in input.lines() {
            let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if folded.ends_with('.') && folded.split(' ').count() > 15 {
                assert!(
                    kept.contains(&folded.as_str()),
                    "{}: sentence lost: {folded:?}",
                    path.display()
                );
            }
        }
        checked += 1;
    }
    println!("checked {checked} seed files");
}
