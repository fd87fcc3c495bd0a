//! Every fixture in `fixtures/` against its gold file, checked for span invariants, and
//! snapshotted as a readable dump of its tree.

use gongwen::{Indicator, Report, Text, Theme};
use serde_json::Value;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the fixtures are in place");
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gold(path: &Path) -> Value {
    let gold_path = path.with_extension("gold.json");
    serde_json::from_str(&read(&gold_path))
        .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()))
}

/// Every indicator of the report, in document order.
fn indicators<'r, 'a>(report: &'r Report<'a>) -> Vec<&'r Indicator<'a>> {
    fn texts<'r, 'a>(theme: &'r Theme<'a>, out: &mut Vec<&'r Text<'a>>) {
        out.extend(theme.headline.iter());
        out.extend(theme.items.iter());
        for t in &theme.themes {
            texts(t, out);
        }
    }
    let mut all: Vec<&Text> = report.preamble.iter().collect();
    for s in &report.sections {
        all.extend(s.heading.iter());
        all.extend(s.intro.iter());
        for t in &s.themes {
            texts(t, &mut all);
        }
    }
    all.iter().flat_map(|t| t.indicators.iter()).collect()
}

/// A gold entry's byte span: its `byte_span`, or its `char_span` converted.
fn byte_span(source: &str, v: &Value) -> (usize, usize) {
    let pair = |s: &Value| {
        (
            s[0].as_u64().unwrap_or(0) as usize,
            s[1].as_u64().unwrap_or(0) as usize,
        )
    };
    if let Some(s) = v.get("byte_span") {
        return pair(s);
    }
    let (a, b) = pair(&v["char_span"]);
    let byte = |c: usize| {
        source
            .char_indices()
            .nth(c)
            .map_or(source.len(), |(i, _)| i)
    };
    (byte(a), byte(b))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[test]
fn every_fixture_keeps_the_span_invariants() {
    for path in fixtures() {
        let source = read(&path);
        let report = gongwen::parse(&source);
        let violations = gongwen::validate(&report, &source);
        assert!(violations.is_empty(), "{}: {violations:?}", path.display());
    }
}

#[test]
fn every_fixture_matches_its_gold_structure() {
    for path in fixtures() {
        let source = read(&path);
        let gold = gold(&path);
        let report = gongwen::parse(&source);
        let json = serde_json::to_value(&report).expect("report serialises");
        let name = path.file_name().unwrap().to_string_lossy();
        let text_of = |v: &Value| v.get("text").cloned().unwrap_or(v.clone());
        for key in ["title", "organization"] {
            if let Some(want) = gold.get(key) {
                assert_eq!(&text_of(&json[key]), want, "{name}: {key}");
            }
        }
        for key in ["review_year", "plan_year"] {
            if let Some(want) = gold.get(key) {
                assert_eq!(&json[key], want, "{name}: {key}");
            }
        }
        if let Some(sig) = gold.get("signature") {
            assert_eq!(
                json["signature"]["date"], sig["date"],
                "{name}: signature date"
            );
            assert_eq!(
                text_of(&json["signature"]["organization"]),
                sig["organization"],
                "{name}: signature organisation"
            );
        }
        let Some(sections) = gold["sections"].as_array() else {
            continue;
        };
        let got = json["sections"].as_array().expect("sections");
        assert!(
            got.len() >= sections.len(),
            "{name}: {} sections, want {}",
            got.len(),
            sections.len()
        );
        for (i, (g, p)) in sections.iter().zip(got).enumerate() {
            assert_eq!(p["marker"], g["marker"], "{name}: section {i} marker");
            assert_eq!(
                text_of(&p["heading"]),
                g["heading"],
                "{name}: section {i} heading"
            );
            assert_eq!(p["kind"], g["kind"], "{name}: section {i} kind");
            let themes = g["themes"].as_array().expect("themes");
            let got_themes = p["themes"].as_array().expect("themes");
            assert_eq!(
                got_themes.len(),
                themes.len(),
                "{name}: section {i} theme count"
            );
            for (j, (gt, pt)) in themes.iter().zip(got_themes).enumerate() {
                assert_eq!(
                    pt["marker"], gt["marker"],
                    "{name}: section {i} theme {j} marker"
                );
                for key in ["headline", "keywords"] {
                    if let Some(want) = gt.get(key) {
                        let got = if key == "headline" {
                            text_of(&pt[key])
                        } else {
                            pt[key].clone()
                        };
                        assert_eq!(&got, want, "{name}: section {i} theme {j} {key}");
                    }
                }
                if let Some(items) = gt.get("items").and_then(Value::as_array) {
                    let got: Vec<Value> = pt["items"]
                        .as_array()
                        .expect("items")
                        .iter()
                        .map(text_of)
                        .collect();
                    assert_eq!(&got, items, "{name}: section {i} theme {j} items");
                }
            }
        }
    }
}

#[test]
fn every_fixture_finds_its_gold_indicators_and_nothing_else() {
    for path in fixtures() {
        let source = read(&path);
        let gold = gold(&path);
        let report = gongwen::parse(&source);
        let found = indicators(&report);
        let name = path.file_name().unwrap().to_string_lossy();
        let wanted = gold["indicators"].as_array().expect("indicators");
        let neutral: Vec<(usize, usize)> = gold["neutral"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| byte_span(&source, n))
            .collect();
        let mut used = vec![false; found.len()];
        let mut missed = Vec::new();
        let (mut unit_ok, mut approx_ok) = (0, 0);
        for w in wanted {
            let span = byte_span(&source, w);
            let value = w["value"].as_f64().expect("gold value");
            let hit = found.iter().enumerate().position(|(k, f)| {
                !used[k]
                    && overlaps(span, (f.span.start, f.span.end))
                    && (f.value.to_f64() - value).abs() <= 1e-6 * value.abs().max(1.0)
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    unit_ok += usize::from(found[k].unit.as_deref() == w["unit"].as_str());
                    approx_ok +=
                        usize::from(serde_json::to_value(found[k].approx).unwrap() == w["approx"]);
                    if let Some(max) = w.get("max").and_then(Value::as_f64) {
                        assert_eq!(
                            found[k].max.map(|m| m.to_f64()),
                            Some(max),
                            "{name}: max of {}",
                            w["text"]
                        );
                    }
                }
                None => missed.push(w["text"].to_string()),
            }
        }
        let false_positives: Vec<&str> = found
            .iter()
            .zip(&used)
            .filter(|(f, used)| {
                !**used
                    && !neutral
                        .iter()
                        .any(|&n| overlaps(n, (f.span.start, f.span.end)))
            })
            .map(|(f, _)| f.text.as_ref())
            .collect();
        let matched = wanted.len() - missed.len();
        let recall = matched as f64 / wanted.len().max(1) as f64;
        let precision = matched as f64 / (matched + false_positives.len()).max(1) as f64;
        assert!(
            recall >= 0.98,
            "{name}: recall {recall:.3}, missed {missed:?}"
        );
        assert!(
            precision >= 0.98,
            "{name}: precision {precision:.3}, false positives {false_positives:?}"
        );
        assert!(
            unit_ok * 100 >= matched * 97,
            "{name}: units agree on {unit_ok}/{matched}"
        );
        assert!(
            approx_ok * 100 >= matched * 97,
            "{name}: approximations agree on {approx_ok}/{matched}"
        );
        // What the gold calls not an indicator is never reported.
        for x in gold["not_indicators"].as_array().into_iter().flatten() {
            let span = byte_span(&source, x);
            assert!(
                !found
                    .iter()
                    .any(|f| overlaps(span, (f.span.start, f.span.end))),
                "{name}: {} ({}) was reported",
                x["text"],
                x["kind"]
            );
        }
    }
}

/// A readable dump: every node on its own line with its span and text.
fn dump(report: &Report<'_>, source: &str) -> String {
    fn text(out: &mut String, indent: usize, label: &str, t: &Text<'_>) {
        let _ = writeln!(out, "{:indent$}{label} {} {:?}", "", t.span, t.text);
        for i in &t.indicators {
            let max = i.max.map(|m| format!("..{m}")).unwrap_or_default();
            let change = i
                .change
                .as_ref()
                .map(|c| {
                    format!(
                        " {:?} {}{}",
                        c.direction,
                        c.basis.as_deref().unwrap_or(""),
                        c.verb
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:w$}= {} {:?} {}{max} {} {:?} {:?} {:?}{change}",
                "",
                i.span,
                i.text,
                i.value,
                i.unit.as_deref().unwrap_or("-"),
                i.approx,
                i.kind,
                i.role,
                w = indent + 2
            );
        }
    }
    fn theme(out: &mut String, indent: usize, t: &Theme<'_>) {
        let _ = writeln!(
            out,
            "{:indent$}theme {} {:?} keywords {:?}",
            "",
            t.span,
            t.marker.as_deref().unwrap_or("-"),
            t.keywords
        );
        if let Some(h) = &t.headline {
            text(out, indent + 2, "headline", h);
        }
        for i in &t.items {
            text(out, indent + 2, "item", i);
        }
        for child in &t.themes {
            theme(out, indent + 2, child);
        }
    }
    let mut out = String::new();
    for (label, t) in [
        ("title", &report.title),
        ("organization", &report.organization),
    ] {
        if let Some(t) = t {
            text(&mut out, 0, label, t);
        }
    }
    let _ = writeln!(
        out,
        "years review {:?} plan {:?}",
        report.review_year, report.plan_year
    );
    for p in &report.preamble {
        text(&mut out, 0, "preamble", p);
    }
    for s in &report.sections {
        let _ = writeln!(
            out,
            "section {} {:?} {:?}",
            s.span,
            s.kind,
            s.marker.as_deref().unwrap_or("-")
        );
        if let Some(h) = &s.heading {
            text(&mut out, 2, "heading", h);
        }
        for i in &s.intro {
            text(&mut out, 2, "intro", i);
        }
        for t in &s.themes {
            theme(&mut out, 2, t);
        }
        for p in &s.problems {
            let _ = writeln!(out, "  problems {p} {:?}", p.slice(source).unwrap_or(""));
        }
    }
    if let Some(sig) = &report.signature {
        let org = sig.organization.as_ref().map_or("-", |o| o.text.as_ref());
        let _ = writeln!(out, "signature {} {org:?} {:?}", sig.span, sig.date);
    }
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "diagnostic {:?} {:?} {}",
            d.code,
            d.span.map(|s| s.to_string()),
            d.message
        );
    }
    out
}

#[test]
fn every_fixture_has_a_snapshot() {
    for path in fixtures() {
        let source = read(&path);
        let report = gongwen::parse(&source);
        assert!(
            gongwen::validate(&report, &source).is_empty(),
            "{} breaks an invariant",
            path.display()
        );
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(name, dump(&report, &source));
    }
}
