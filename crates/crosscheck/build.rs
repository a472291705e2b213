//! Embeds the demo corpus (`demo/` at the workspace root) into the library:
//! writes a table of `(relative path, include_bytes!(..))` to OUT_DIR.
use std::{env, fs, path::Path};

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("read demo dir")
        .map(|e| e.expect("demo entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(root, &p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl" | "html")
        ) {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(format!(
                "    ({rel:?}, include_bytes!({:?})),\n",
                p.canonicalize().unwrap().to_string_lossy()
            ));
        }
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&manifest).join("../../demo");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut rows = Vec::new();
    if root.is_dir() {
        collect(&root, &root, &mut rows);
        // Folders are watched for added or removed files; files for edits.
        let mut stack = vec![root.clone()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                println!("cargo:rerun-if-changed={}", p.display());
                if p.is_dir() {
                    stack.push(p);
                }
            }
        }
    }
    let code = format!(
        "/// The demo corpus: (path relative to `demo/`, file bytes).\npub static FILES: &[(&str, &[u8])] = &[\n{}];\n",
        rows.concat()
    );
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("demo_files.rs"),
        code,
    )
    .unwrap();
}
