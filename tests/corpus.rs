//! The real reports in `../shared/corpus` (when that folder exists): every invariant holds
//! and each report has the structure a careful reader sees (`corpus_expected.json`), both
//! as published and flattened onto one line.

use serde_json::Value;
use std::path::Path;

fn corpus() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not there", dir.display());
        None
    }
}

fn expectations() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus_expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("expectations")).expect("valid JSON")
}

/// The report as published, flattened with nothing between lines, and with spaces.
fn versions(text: &str) -> [(&'static str, String); 3] {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    [
        ("as published", text.to_string()),
        ("flattened", lines.concat()),
        ("space-joined", lines.join(" ")),
    ]
}

#[test]
fn corpus_reports_have_the_expected_structure() {
    let Some(dir) = corpus() else { return };
    let expected = expectations();
    for (file, want) in expected.as_object().expect("an object of files") {
        let text = std::fs::read_to_string(dir.join(file)).expect("corpus file");
        for (how, source) in versions(&text) {
            let report = gongwen::parse(&source);
            let violations = gongwen::validate(&report, &source);
            assert!(violations.is_empty(), "{file} {how}: {violations:?}");
            let json = serde_json::to_value(&report).expect("serialises");
            assert_eq!(json["title"]["text"], want["title"], "{file} {how}: title");
            assert_eq!(
                json["review_year"], want["review_year"],
                "{file} {how}: review year"
            );
            assert_eq!(
                json["plan_year"], want["plan_year"],
                "{file} {how}: plan year"
            );
            let sections = want["sections"].as_array().expect("sections");
            let got = json["sections"].as_array().expect("sections");
            let summary: Vec<String> = got
                .iter()
                .map(|s| format!("{} {}", s["marker"], s["heading"]["text"]))
                .collect();
            assert_eq!(
                got.len(),
                sections.len(),
                "{file} {how}: sections {summary:?}"
            );
            for (i, (w, g)) in sections.iter().zip(got).enumerate() {
                assert_eq!(g["marker"], w["marker"], "{file} {how}: section {i} marker");
                assert_eq!(
                    g["heading"]["text"], w["heading"],
                    "{file} {how}: section {i} heading"
                );
                assert_eq!(g["kind"], w["kind"], "{file} {how}: section {i} kind");
                if let Some(count) = w["theme_count"].as_u64() {
                    let themes = g["themes"].as_array().expect("themes");
                    assert_eq!(
                        themes.len() as u64,
                        count,
                        "{file} {how}: section {i} theme count"
                    );
                    if let Some(markers) = w["theme_markers"].as_array() {
                        let got: Vec<&Value> = themes.iter().map(|t| &t["marker"]).collect();
                        let want: Vec<&Value> = markers.iter().collect();
                        assert_eq!(got, want, "{file} {how}: section {i} theme markers");
                    }
                }
            }
        }
    }
}

#[test]
fn corpus_reports_yield_their_headline_figures() {
    let Some(dir) = corpus() else { return };
    for entry in std::fs::read_dir(dir).expect("corpus").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let report = gongwen::parse(&text);
        let json = serde_json::to_string(&report).expect("serialises");
        // Every provincial report states growth rates and money amounts.
        assert!(
            json.contains(r#""unit":"%""#),
            "{}: no percentage found",
            path.display()
        );
        assert!(
            json.contains(r#""unit":"元""#),
            "{}: no amount of money found",
            path.display()
        );
    }
}
