//! Throughput of `gongwen::parse` (and of the JSON output) in bytes of source per second.
//!
//! Groups:
//! - `parse`: every fixture, every report of `../shared/corpus` when it exists, and `all`
//!   (every one of them, each parsed on its own);
//! - `stages`: each stage of `parse` on its own over every input (lexical, structure,
//!   items, indicators), in bytes of input per second;
//! - `json`: `serde_json::to_string` of the report of every input (throughput in source
//!   bytes);
//! - `scaled`: one report repeated ×1 … ×64, whose MiB/s must stay flat (linear time);
//! - `pathological`: 1 MiB inputs built to hit worst cases; each must run ≥ 10 MiB/s.
//!
//! `cargo bench --bench parse` finishes in about two minutes on two cores. A scaled or
//! pathological input whose single parse takes longer than [`SLOW`] is far below the
//! 10 MiB/s floor; it is timed once, reported on stderr as `SLOW …`, and not sampled
//! (criterion wants ten samples at least) unless `GONGWEN_BENCH_SLOW=1` is set.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, black_box, criterion_group, criterion_main,
};
use gongwen::stages::Stages;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Size of each pathological input.
const MIB: usize = 1 << 20;

/// One parse slower than this is reported, not sampled (see the module docs).
const SLOW: Duration = Duration::from_millis(500);

/// The report that `scaled` repeats and the pathological inputs borrow sentences from.
const REAL_REPORT: &str = "fixtures/pingshan-2021.txt";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `(name, text)` of every `*.txt` file in `dir`, sorted by name; empty when `dir` is absent.
fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let text =
                fs::read_to_string(&p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
            (name, text)
        })
        .collect()
}

/// The fixtures, then the shared corpus reports (prefixed `corpus/`).
fn inputs() -> Vec<(String, String)> {
    let mut all = texts_in(&manifest_dir().join("fixtures"));
    assert!(!all.is_empty(), "no fixtures/*.txt found");
    let corpus = texts_in(&manifest_dir().join("../shared/corpus"));
    all.extend(
        corpus
            .into_iter()
            .map(|(name, text)| (format!("corpus/{name}"), text)),
    );
    all
}

/// The texts of `inputs`, and their total size in bytes.
fn texts(inputs: &[(String, String)]) -> (Vec<&str>, u64) {
    let texts: Vec<&str> = inputs.iter().map(|(_, text)| text.as_str()).collect();
    let bytes = texts.iter().map(|t| t.len() as u64).sum();
    (texts, bytes)
}

fn real_report() -> String {
    fs::read_to_string(manifest_dir().join(REAL_REPORT)).expect("the real report fixture")
}

/// `unit` repeated as often as fits in `size` bytes (at least once).
fn fill(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

/// The pathological inputs, each about 1 MiB.
fn pathological() -> Vec<(&'static str, String)> {
    let report = real_report();
    let han_only: String = report.chars().filter(|&c| is_han(c)).collect();
    let one_line: String = report.lines().map(str::trim).collect();
    // 100,000 lines of three Han characters, every seventh one a `一、` heading.
    let han: Vec<char> = han_only.chars().collect();
    let mut short_lines = String::with_capacity(MIB + 64);
    for (i, chunk) in han.chunks_exact(3).cycle().take(100_000).enumerate() {
        if i % 7 == 0 {
            short_lines.push_str("一、");
        }
        short_lines.extend(chunk);
        short_lines.push('\n');
    }
    vec![
        ("ascii_digits", fill("0123456789", MIB)),
        ("only_yi", fill("一", MIB)),
        ("only_bracket_yi", fill("（一）", MIB)),
        ("han_no_punctuation", fill(&han_only, MIB)),
        ("one_enormous_line", fill(&one_line, MIB)),
        ("short_lines_100k", short_lines),
        ("nested_markers", fill("一、（一）1.（1）①", MIB)),
        ("nested_markers_lines", fill("一、（一）1.（1）①\n", MIB)),
        ("only_open_quote", fill("“", MIB)),
        ("only_full_stop", fill("。", MIB)),
        ("digit_commas", fill("1,", MIB)),
    ]
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Times one parse of `text`; when it is slower than [`SLOW`] (and slow inputs are not
/// asked for), reports it on stderr and returns `true`.
fn too_slow(id: &str, text: &str) -> bool {
    let started = Instant::now();
    black_box(gongwen::parse(black_box(text)));
    let took = started.elapsed();
    if took <= SLOW || std::env::var_os("GONGWEN_BENCH_SLOW").is_some_and(|v| v == "1") {
        return false;
    }
    let mib_per_s = text.len() as f64 / took.as_secs_f64() / MIB as f64;
    eprintln!(
        "SLOW {id}: one parse of {} bytes took {:.2} s = {mib_per_s:.3} MiB/s; not sampled (GONGWEN_BENCH_SLOW=1 samples it)",
        text.len(),
        took.as_secs_f64()
    );
    true
}

fn bench_parse(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("parse");
    group
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1200));
    for (name, text) in &inputs {
        bench_one(&mut group, name, text, parse);
    }
    // Every input on its own, as a user parses a folder of reports. The figure that
    // counts is measured longer, so that the machine's drift averages out.
    let (texts, bytes) = texts(&inputs);
    group
        .throughput(Throughput::Bytes(bytes))
        .measurement_time(Duration::from_secs(5))
        .sample_size(30);
    group.bench_function("all", |b| {
        b.iter(|| texts.iter().for_each(|text| parse(black_box(text))));
    });
    group.finish();
}

/// Throughput of `stage` on `text`, as `name` in `group`.
fn bench_one(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    text: &str,
    stage: impl Fn(&str),
) {
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
        b.iter(|| stage(black_box(text)));
    });
}

fn parse(text: &str) {
    black_box(gongwen::parse(text));
}

/// One stage of `parse`, run on prepared input; returns a count, so that it is not
/// optimised away.
type Stage = dyn Fn(&Stages) -> usize;

/// Each stage of `parse` on its own, over every fixture and corpus report: the lexical
/// pass (marks, quotes, shields, ignored lines), structure (the outline), items (cutting
/// every region into sentences and clauses) and indicators (read in every item).
/// Throughput is in bytes of all the inputs, so the stages' times add up.
fn bench_stages(c: &mut Criterion) {
    let inputs = inputs();
    let (texts, bytes) = texts(&inputs);
    let stages: Vec<Stages> = texts.iter().map(|t| Stages::new(t)).collect();
    let mut group = c.benchmark_group("stages");
    group
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1200))
        .throughput(Throughput::Bytes(bytes));
    let runs: [(&str, &Stage); 4] = [
        ("lexical", &|s| s.lexical()),
        ("structure", &|s| s.structure()),
        ("items", &|s| s.items()),
        ("indicators", &|s| s.indicators()),
    ];
    for (name, stage) in runs {
        group.bench_function(name, |b| {
            b.iter(|| black_box(stages.iter().map(stage).sum::<usize>()))
        });
    }
    group.finish();
}

fn bench_json(c: &mut Criterion) {
    let inputs = inputs();
    let (texts, bytes) = texts(&inputs);
    let reports: Vec<gongwen::Report> = texts.iter().map(|t| gongwen::parse(t)).collect();
    let mut group = c.benchmark_group("json");
    group
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("all", |b| {
        b.iter(|| {
            for report in &reports {
                black_box(serde_json::to_string(report).expect("a report serialises"));
            }
        });
    });
    group.finish();
}

fn bench_scaled(c: &mut Criterion) {
    let report = real_report();
    let mut group = c.benchmark_group("scaled");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for times in [1, 4, 16, 64] {
        let text = vec![report.as_str(); times].join("\n");
        let name = format!("x{times}");
        if too_slow(&format!("scaled/{name}"), &text) {
            continue;
        }
        bench_one(&mut group, &name, &text, parse);
    }
    group.finish();
}

fn bench_pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in pathological() {
        if too_slow(&format!("pathological/{name}"), &text) {
            continue;
        }
        bench_one(&mut group, name, &text, parse);
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).noise_threshold(0.05);
    targets = bench_parse, bench_stages, bench_json, bench_scaled, bench_pathological
}
criterion_main!(benches);
