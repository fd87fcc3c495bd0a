//! Runs the `extract` example as a process, the way an analyst does, over a folder
//! holding UTF-8 reports (one in a subfolder), a GB18030 copy of one of them, a
//! binary file and a file the default glob leaves out.

use serde_json::Value;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The columns of `--format jsonl` and `--format csv`, in order: the contract.
const COLUMNS: [&str; 22] = [
    "file",
    "title",
    "organization",
    "review_year",
    "plan_year",
    "section_kind",
    "section_heading",
    "theme_headline",
    "sentence",
    "text",
    "value",
    "max",
    "unit",
    "approx",
    "kind",
    "direction",
    "basis",
    "role",
    "byte_start",
    "byte_end",
    "char_start",
    "char_end",
];

/// Fixtures copied into the top folder, and into `sub/`.
const TOP: [&str; 3] = ["gov-report", "numerals-chinese", "pingshan-2021"];
const SUB: [&str; 2] = ["plan-only", "ranges-and-changes"];

const GB18030_COPY: &str = "pingshan-2021-gb18030.txt";
const BINARY: &str = "scan.txt";

/// The example's executable, built once for all tests.
fn extract() -> &'static Path {
    static EXECUTABLE: OnceLock<PathBuf> = OnceLock::new();
    EXECUTABLE.get_or_init(|| {
        let output = Command::new(env!("CARGO"))
            .args([
                "build",
                "--example",
                "extract",
                "--message-format=json-render-diagnostics",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(Stdio::inherit())
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "cargo build --example extract failed"
        );
        // Cargo names the file it built, wherever the target folder is.
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<Value>(line).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "extract")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the example's executable")
    })
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(extract())
        .args(args)
        .output()
        .expect("the example runs")
}

fn run_with_stdin<S: AsRef<OsStr>>(args: &[S], input: &[u8]) -> Output {
    let mut child = Command::new(extract())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin takes the report");
    child.wait_with_output().expect("the example ends")
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("output is UTF-8")
}

fn stderr_lines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format!("{name}.txt"))
}

/// A temporary folder of reports, removed when dropped.
struct Corpus {
    dir: PathBuf,
}

impl Corpus {
    fn new(test: &str) -> Corpus {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "gongwen-extract-{test}-{}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(unique);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).expect("temporary folder");
        for name in TOP {
            fs::copy(fixture(name), dir.join(format!("{name}.txt"))).expect("copy fixture");
        }
        for name in SUB {
            fs::copy(fixture(name), dir.join("sub").join(format!("{name}.txt")))
                .expect("copy fixture");
        }
        let sample = fs::read_to_string(fixture("pingshan-2021")).expect("sample");
        let (gb18030, _, unmappable) = encoding_rs::GB18030.encode(&sample);
        assert!(!unmappable);
        fs::write(dir.join(GB18030_COPY), gb18030).expect("write GB18030 copy");
        fs::write(
            dir.join(BINARY),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
        )
        .expect("binary");
        fs::write(dir.join("notes.md"), "2021年开展活动共200余场。").expect("notes");
        Corpus { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    /// The readable reports in the order the extractor lists them: by name, a
    /// folder's files at its place among the names.
    fn reports(&self) -> Vec<PathBuf> {
        [
            "gov-report.txt",
            "numerals-chinese.txt",
            GB18030_COPY,
            "pingshan-2021.txt",
        ]
        .into_iter()
        .map(|name| self.path(name))
        .chain(SUB.iter().map(|name| self.path(&format!("sub/{name}.txt"))))
        .collect()
    }
}

impl Drop for Corpus {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The text the extractor parses for a file.
fn decoded(path: impl AsRef<Path>) -> String {
    let bytes = fs::read(path).expect("read report");
    gongwen::decode(&bytes)
        .expect("decodable")
        .text
        .into_owned()
}

/// The library's tree for a text, as JSON that went through text like the extractor's.
fn tree(text: &str) -> Value {
    let json = serde_json::to_string(&gongwen::parse(text)).expect("serialize");
    serde_json::from_str(&json).expect("parse")
}

/// Every distinct indicator of a JSON report tree: its byte span and text.
fn indicators(tree: &Value) -> BTreeSet<(u64, u64, String)> {
    fn collect(value: &Value, out: &mut BTreeSet<(u64, u64, String)>) {
        match value {
            Value::Object(map) => {
                for indicator in map
                    .get("indicators")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let span = &indicator["span"];
                    let text = indicator["text"]
                        .as_str()
                        .expect("indicator text")
                        .to_string();
                    out.insert((
                        span[0].as_u64().expect("start"),
                        span[1].as_u64().expect("end"),
                        text,
                    ));
                }
                map.values().for_each(|v| collect(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    collect(tree, &mut out);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn path_string(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The one stderr line about `name`, which must be the only one naming it.
fn error_line<'o>(lines: &'o [String], name: &str) -> &'o str {
    let naming: Vec<&String> = lines.iter().filter(|line| line.contains(name)).collect();
    assert_eq!(naming.len(), 1, "one line names {name}: {lines:#?}");
    naming[0]
}

#[test]
fn no_argument_prints_the_sample_report() {
    let output = run::<&str>(&[]);
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "one input gives no summary line");
    let json: Value = serde_json::from_str(stdout(&output)).expect("JSON");
    assert_eq!(json, tree(&decoded(fixture("pingshan-2021"))));
    assert_eq!(json["review_year"], 2021);
}

#[test]
fn json_of_one_input_is_the_bare_report_whatever_the_encoding() {
    let corpus = Corpus::new("one");
    let expected = tree(&decoded(fixture("pingshan-2021")));
    for file in ["pingshan-2021.txt", GB18030_COPY] {
        let output = run(&[corpus.path(file)]);
        assert!(output.status.success(), "{file}: {output:?}");
        let json: Value = serde_json::from_str(stdout(&output)).expect("JSON");
        assert_eq!(
            json, expected,
            "{file} gives the report tree of the UTF-8 sample"
        );
    }
    let gb18030 = fs::read(corpus.path(GB18030_COPY)).expect("GB18030 copy");
    let output = run_with_stdin(&["-"], &gb18030);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        serde_json::from_str::<Value>(stdout(&output)).expect("JSON"),
        expected,
        "standard input"
    );
}

#[test]
fn json_of_a_folder_lists_file_encoding_and_report_in_order() {
    let corpus = Corpus::new("json");
    let output = run(&[&corpus.dir]);
    assert!(!output.status.success(), "the binary file fails the run");
    let entries: Vec<Value> = serde_json::from_str(stdout(&output)).expect("a JSON array");
    let files: Vec<&str> = entries
        .iter()
        .map(|e| e["file"].as_str().expect("file"))
        .collect();
    let expected: Vec<String> = corpus.reports().iter().map(|p| path_string(p)).collect();
    assert_eq!(
        files, expected,
        "every readable *.txt, recursively, in order; not notes.md"
    );
    for entry in &entries {
        let keys: Vec<&String> = entry.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["encoding", "file", "report"]);
        let file = entry["file"].as_str().expect("file");
        assert_eq!(
            entry["report"],
            tree(&decoded(file)),
            "{file}: exactly the library's tree"
        );
        let encoding = if file.ends_with(GB18030_COPY) {
            "GB18030"
        } else {
            "UTF-8"
        };
        assert_eq!(entry["encoding"], encoding, "{file}");
    }
    let report_of =
        |name: &str| &entries[files.iter().position(|f| f.ends_with(name)).expect(name)]["report"];
    assert_eq!(
        report_of(GB18030_COPY),
        report_of("/pingshan-2021.txt"),
        "GB18030 copy, same tree"
    );
}

#[test]
fn an_unreadable_file_gets_one_error_line_and_the_others_go_on() {
    let corpus = Corpus::new("errors");
    let output = run(&[&corpus.dir]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stderr_lines(&output);
    let binary = path_string(&corpus.path(BINARY));
    let line = error_line(&lines, BINARY);
    assert!(
        line.starts_with(&format!("extract: {binary}: binary data")),
        "{line}"
    );
    let summary = lines.last().expect("a summary line");
    assert!(
        summary.starts_with("extract: 7 files, 6 reports, "),
        "{summary}"
    );
    assert!(
        summary.contains(" 1 failed") && summary.contains("MB/s"),
        "{summary}"
    );
    assert_eq!(lines.len(), 2, "{lines:#?}");

    let missing = path_string(&corpus.path("missing.txt"));
    let good = corpus.path("pingshan-2021.txt");
    let output = run(&[
        Path::new(&binary),
        Path::new(&missing),
        &good,
        "--format".as_ref(),
        "jsonl".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stderr_lines(&output);
    assert!(error_line(&lines, BINARY).starts_with(&format!("extract: {binary}: ")));
    assert!(error_line(&lines, "missing.txt").starts_with(&format!("extract: {missing}: ")));
    let rows = stdout(&output).lines().count();
    assert_eq!(
        rows,
        indicators(&tree(&decoded(&good))).len(),
        "the good file still gives its rows"
    );

    let output = run(&[Path::new(&binary)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr_lines(&output).len(),
        1,
        "one file, one line, no summary"
    );
}

#[test]
fn jsonl_rows_have_every_column_and_every_indicator() {
    let corpus = Corpus::new("jsonl");
    let output = run(&[
        corpus.dir.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
    ]);
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let columns: BTreeSet<&str> = COLUMNS.into_iter().collect();
    for row in &rows {
        let keys: BTreeSet<&str> = row
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, columns);
    }
    assert!(
        stdout(&output)
            .lines()
            .all(|line| line.starts_with("{\"file\":")),
        "file first"
    );
    for file in corpus.reports() {
        let file = path_string(&file);
        let text = decoded(&file);
        let mine: Vec<&Value> = rows.iter().filter(|r| r["file"] == file.as_str()).collect();
        let found: BTreeSet<(u64, u64, String)> = mine
            .iter()
            .map(|r| {
                let offset = |key: &str| r[key].as_u64().expect(key);
                (
                    offset("byte_start"),
                    offset("byte_end"),
                    r["text"].as_str().expect("text").to_string(),
                )
            })
            .collect();
        assert_eq!(found.len(), mine.len(), "{file}: each indicator once");
        assert_eq!(
            found,
            indicators(&tree(&text)),
            "{file}: every indicator of the tree"
        );
        for row in mine {
            let chars = |key: &str| row[key].as_u64().expect(key) as usize;
            let by_chars: String = text
                .chars()
                .skip(chars("char_start"))
                .take(chars("char_end") - chars("char_start"))
                .collect();
            assert_eq!(row["text"], by_chars.as_str());
            assert!(
                row["value"].is_string(),
                "value is an exact decimal string: {row}"
            );
        }
    }
}

#[test]
fn csv_round_trips_with_character_offsets() {
    let corpus = Corpus::new("csv");
    let output = run(&[
        corpus.dir.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--bom".as_ref(),
    ]);
    let body = output
        .stdout
        .strip_prefix("\u{feff}".as_bytes())
        .expect("--bom writes a UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(body);
    assert_eq!(
        reader.headers().expect("header row"),
        &csv::StringRecord::from(COLUMNS.to_vec())
    );
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("an RFC 4180 record"))
        .collect();
    let column = |name: &str| COLUMNS.iter().position(|c| *c == name).expect(name);
    let mut total = 0;
    for file in corpus.reports() {
        let file = path_string(&file);
        let text = decoded(&file);
        let mine: Vec<&csv::StringRecord> = records
            .iter()
            .filter(|r| r[column("file")] == file)
            .collect();
        assert_eq!(
            mine.len(),
            indicators(&tree(&text)).len(),
            "{file}: one row per indicator"
        );
        total += mine.len();
        for record in mine {
            assert_eq!(record.len(), COLUMNS.len());
            let offset = |name: &str| record[column(name)].parse::<usize>().expect(name);
            let (char_start, char_end) = (offset("char_start"), offset("char_end"));
            let by_chars: String = text
                .chars()
                .skip(char_start)
                .take(char_end - char_start)
                .collect();
            assert_eq!(
                record[column("text")],
                by_chars,
                "{file}: character offsets"
            );
            assert_eq!(
                &record[column("text")],
                &text[offset("byte_start")..offset("byte_end")],
                "byte offsets"
            );
            assert!(record[column("sentence")].contains(&record[column("text")]));
            assert!(["achieved", "target"].contains(&&record[column("role")]));
        }
    }
    assert_eq!(
        records.len(),
        total,
        "no rows for the binary file or notes.md"
    );
}

#[test]
fn csv_and_jsonl_carry_the_same_rows() {
    let corpus = Corpus::new("same");
    let file = corpus.path("gov-report.txt");
    let jsonl = run(&[file.as_os_str(), "--format".as_ref(), "jsonl".as_ref()]);
    let csv = run(&[file.as_os_str(), "--format".as_ref(), "csv".as_ref()]);
    assert!(
        !csv.stdout.starts_with("\u{feff}".as_bytes()),
        "no BOM unless asked"
    );
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(&csv.stdout[..])
        .records()
        .map(|r| r.expect("record"))
        .collect();
    let rows: Vec<Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(records.len(), rows.len());
    assert!(!rows.is_empty());
    for (record, row) in records.iter().zip(&rows) {
        for (name, field) in COLUMNS.iter().zip(record) {
            let expected = match &row[name] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(field, expected, "{name}");
        }
    }
}

#[test]
fn html_pages_mark_every_indicator() {
    let corpus = Corpus::new("html");
    let out = corpus.path("pages");
    let output = run(&[
        corpus.dir.as_os_str(),
        "--format".as_ref(),
        "html".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "the binary file still fails");
    let index = fs::read_to_string(out.join("index.html")).expect("index.html");
    for file in corpus.reports() {
        let stem = file
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let page =
            fs::read_to_string(out.join(format!("{stem}.html"))).expect("one page per report");
        assert!(
            index.contains(&format!("href=\"{stem}.html\"")),
            "index links {stem}"
        );
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(
            !page.contains("<link") && !page.contains("src=") && !page.contains("http"),
            "self-contained"
        );
        let found = indicators(&tree(&decoded(&file)));
        let marks = page.matches("<mark class=\"achieved\" title=").count()
            + page.matches("<mark class=\"target\" title=").count();
        assert_eq!(marks, found.len(), "{stem}: one mark per indicator");
        for (_, _, text) in &found {
            assert!(
                page.contains(&format!(">{}</mark>", escape(text))),
                "{stem}: {text} is marked"
            );
        }
    }
}

#[test]
fn html_of_one_input_goes_to_standard_output() {
    let output = run(&["--format", "html"]);
    assert!(output.status.success(), "{output:?}");
    let page = stdout(&output);
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    assert!(
        page.contains("<nav>") && page.contains("href=\"#s1\"") && page.contains("id=\"s1\""),
        "outline links"
    );
    assert!(page.contains("200余场</mark>"));

    let corpus = Corpus::new("html-usage");
    let output = run(&[corpus.dir.as_os_str(), "--format".as_ref(), "html".as_ref()]);
    assert_eq!(output.status.code(), Some(2), "a folder needs --out");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr_lines(&output).len(), 1);
}

#[test]
fn glob_picks_file_names_in_folders() {
    let corpus = Corpus::new("glob");
    let names = |pattern: &str| -> Vec<String> {
        let output = run(&[corpus.dir.as_os_str(), "--glob".as_ref(), pattern.as_ref()]);
        let entries: Vec<Value> = serde_json::from_str(stdout(&output)).expect("JSON array");
        let name = |e: &Value| {
            Path::new(e["file"].as_str().expect("file"))
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
        };
        entries
            .iter()
            .map(|e| name(e).expect("a file name"))
            .collect()
    };
    assert_eq!(
        names("*GB18030*"),
        [GB18030_COPY],
        "Latin letters in either case"
    );
    assert_eq!(names("*.md"), ["notes.md"]);
    assert_eq!(names("p?an-*.txt"), ["plan-only.txt"]);
    assert_eq!(names("*-*-*.txt"), [GB18030_COPY, "ranges-and-changes.txt"]);
    assert!(names("*.doc").is_empty());
}

#[test]
fn help_explains_every_option_and_column() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    for word in [
        "--format",
        "json",
        "jsonl",
        "csv",
        "html",
        "--glob",
        "--out",
        "--bom",
        "EXAMPLES",
        "extract reports/",
    ] {
        assert!(help.contains(word), "help mentions {word}");
    }
    for column in COLUMNS {
        assert!(help.contains(column), "help explains the column {column}");
    }
}

#[test]
fn command_line_mistakes_are_one_line_and_status_2() {
    for args in [
        &["--format", "xml"][..],
        &["--nope"],
        &["--format"],
        &["--bom"],
        &["--out", "x"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let lines = stderr_lines(&output);
        assert_eq!(lines.len(), 1, "{args:?}: {lines:?}");
        assert!(lines[0].starts_with("extract: "));
    }
}
