//! `attache validate` end to end, hermetic: a temporary dictionary folder
//! and validation file written by the test.

use std::path::PathBuf;
use std::process::Command;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-validate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("dict")).expect("temp dir");
    dir
}

#[test]
fn validate_prints_records_and_summary() {
    let dir = temp_dir("summary");
    let dict = dir.join("dict");
    std::fs::write(
        dict.join("Test.actors.txt"),
        "WIDGETLAND [WGT]\nGADGETIA [GDG]\n",
    )
    .unwrap();
    std::fs::write(dict.join("Test.agents.txt"), "PRESIDENT [~GOV]\n").unwrap();
    std::fs::write(
        dict.join("Test.verbs.txt"),
        "--- CONDEMN [122] ---\nCONDEMN\n--- BAD [x1] ---\nBAD\n",
    )
    .unwrap();
    std::fs::write(dict.join("Test.discards.txt"), "+VOLCANO\n").unwrap();
    let xml = r#"<Validation><Sentences>
<!-- a comment with <Sentence id="fake"> inside -->
<Sentence date="20200101" id="A-1" category="X">
<EventCoding sourcecode="WGTGOV" targetcode="GDG" eventcode="122"></EventCoding>
<Text>The Widgetland president condemned Gadgetia.</Text>
<Parse>(ROOT (S (NP (NNP Gadgetia)) (VP (VBD condemned) (NP (NNP Widgetland)))))</Parse>
</Sentence>
<Sentence date = '20200101' id ='A-2'>
<EventCoding noevents="True"></EventCoding>
<Text>Gadgetia condemned Widgetland.</Text>
</Sentence>
<Sentence id="A-3"><EventCoding error="storydiscard"></EventCoding><Text>A volcano.</Text></Sentence>
<Sentence id="A-4"><Text>no end tag
</Sentences></Validation>"#;
    let file = dir.join("suite.xml");
    std::fs::write(&file, xml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .arg("validate")
        .arg(&file)
        .arg("--dict")
        .arg(&dict)
        .output()
        .expect("attache runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.last(), Some(&"1 passed, 1 failed"), "{stdout}");
    assert!(stdout.contains("PASS A-1"), "{stdout}");
    assert!(stdout.contains("FAIL A-2"), "{stdout}");
    assert!(stdout.contains("SKIP A-3"), "{stdout}");
    assert!(stdout.contains("MALFORMED line 13"), "{stdout}");
    assert!(
        stderr.contains("Test.verbs.txt:3: bad event code [x1]"),
        "{stderr}"
    );
    // A malformed record makes the exit status 1, as for unreadable input.
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
