//! Reads Chinese government work reports into data an analyst can load: the report
//! trees as JSON, every indicator as a JSON Lines or CSV row, or one HTML page per
//! report with every indicator highlighted.
//!
//! ```text
//! cargo run --release --example extract                        # the built-in sample, as JSON
//! cargo run --release --example extract -- report.txt          # one report tree
//! cargo run --release --example extract -- reports/ --format csv --bom > indicators.csv
//! cargo run --release --example extract -- reports/ --format html --out pages/
//! cargo run --release --example extract -- --help              # every option
//! ```
//!
//! Files may be UTF-8, UTF-16 with a byte-order mark, or GB18030/GBK ([`gongwen::decode`]).
//! Many files are parsed in parallel; output keeps the input order.

use gongwen::{
    Approx, Decoded, Diagnostic, Direction, Indicator, IndicatorKind, Report, Role, Section,
    SectionKind, Span, Text, Theme,
};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../fixtures/pingshan-2021.txt");

const HELP: &str = r#"extract: read Chinese government work reports into data

USAGE
    extract [OPTIONS] [INPUT]...

INPUT is a report file, a folder (searched recursively for file names matching
--glob; hidden files and folders are skipped), or - for standard input. Files may be
UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. With no INPUT at all,
the built-in sample report (fixtures/pingshan-2021.txt) is read.

OPTIONS
    -f, --format FORMAT  What to write on standard output (default json):
                           json   for one file or -: the report tree, exactly as
                                  gongwen::Report serializes; for a folder or several
                                  inputs: an array of {"file", "encoding", "report"}
                           jsonl  one JSON object per indicator, one per line
                           csv    one row per indicator, header row first (RFC 4180, UTF-8)
                           html   a self-contained page: the text with every indicator
                                  highlighted, an outline, the parser's diagnostics
    -g, --glob PATTERN   File names to take from folders (default *.txt). * matches any
                         run of characters, ? one character; Latin letters match in
                         either case. Files named on the command line are always read.
    -o, --out DIR        With --format html: write one page per report, and index.html
                         linking them, into DIR. Needed for a folder or several inputs.
        --bom            With --format csv: start with a UTF-8 byte-order mark, so that
                         spreadsheet programs (Excel) read the Chinese correctly.
    -h, --help           Print this help.
    --                   Everything after is an INPUT, even when it starts with -.

COLUMNS of jsonl and csv: one row per indicator, in reading order
    file                  the input's path as given (<stdin>, <sample>)
    title, organization   the report's title and the body that wrote it
    review_year, plan_year
    section_kind          achievements, problems, plans or other
    section_heading       the heading of the section holding the indicator
    theme_headline        the headline of the innermost theme holding it
    sentence              the full heading, headline or item sentence holding it
    text                  the indicator as written: 近2.5万人次
    value, max            exact decimals (498000, 1.57, 1/3); max ends a range (3-5个)
    unit                  人次, 元, %, 百分点 ...
    approx                exact, over, nearly, about or under
    kind                  count, amount, money, percent, percentage_points, multiple, fraction
    direction, basis      for a change (同比增长6.5%): increase or decrease; 同比
    role                  target (in a plans section) or achieved
    byte_start, byte_end  UTF-8 byte offsets into the decoded text
    char_start, char_end  character offsets into the decoded text (Python, R)
A value that is absent is empty in csv and null in jsonl.

Each file that cannot be read or decoded gets one line "extract: PATH: PROBLEM" on
standard error, and the others go on. For several files a progress bar (when standard
error is a terminal and there are more than 20 files) and a summary line follow on
standard error. Exit status: 0 when every file was read, 1 when any failed, 2 for a
mistake on the command line.

EXAMPLES
    extract                                          the sample report, as JSON
    extract report.txt > report.json                 one report tree
    extract reports/ > reports.json                  every report of a folder
    extract reports/ --format csv --bom > all.csv    every indicator, for a spreadsheet
    extract reports/ --glob '*报告*.txt' --format jsonl
    extract reports/ --format html --out pages/      then open pages/index.html
    cat report.txt | extract - --format html > report.html
"#;

fn main() -> ExitCode {
    let options = match Options::from_args(std::env::args_os().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprintln!("extract: {problem} (see extract --help)");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_failures) => ExitCode::FAILURE,
        Err(Stop::OutputClosed) => ExitCode::FAILURE,
        Err(Stop::Failed(problem)) => {
            eprintln!("extract: {problem}");
            ExitCode::FAILURE
        }
    }
}

// ───────────────────────────── command line ─────────────────────────────

/// What the command line asked for.
#[derive(Debug)]
struct Options {
    format: Format,
    glob: String,
    out: Option<PathBuf>,
    bom: bool,
    inputs: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Csv,
    Html,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "json" => Ok(Format::Json),
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "html" => Ok(Format::Html),
            other => Err(format!(
                "unknown format {other:?}: choose json, jsonl, csv or html"
            )),
        }
    }
}

impl Options {
    /// Reads the arguments; `Ok(None)` asks for the help.
    fn from_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Options>, String> {
        let mut options = Options {
            format: Format::Json,
            glob: "*.txt".to_string(),
            out: None,
            bom: false,
            inputs: Vec::new(),
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let Some(flag) = arg.to_str().filter(|a| a.starts_with('-') && *a != "-") else {
                options.inputs.push(arg.into());
                continue;
            };
            let (name, inline) = match flag.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value)),
                _ => (flag, None),
            };
            match name {
                "-h" | "--help" => return Ok(None),
                "--bom" if inline.is_none() => options.bom = true,
                "-f" | "--format" => {
                    options.format = utf8(value(name, inline, &mut args)?, name)?.parse()?
                }
                "-g" | "--glob" => options.glob = utf8(value(name, inline, &mut args)?, name)?,
                "-o" | "--out" => options.out = Some(value(name, inline, &mut args)?.into()),
                "--" => options.inputs.extend(args.by_ref().map(PathBuf::from)),
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        options.check()?;
        Ok(Some(options))
    }

    /// Refuses combinations that would be silently ignored.
    fn check(&self) -> Result<(), String> {
        if self.bom && self.format != Format::Csv {
            return Err("--bom applies to --format csv only".to_string());
        }
        if self.out.is_some() && self.format != Format::Html {
            return Err(
                "--out applies to --format html only; redirect standard output for the others"
                    .to_string(),
            );
        }
        if self.format == Format::Html && self.out.is_none() && self.several() {
            return Err("--format html for a folder or several inputs needs --out DIR".to_string());
        }
        Ok(())
    }

    /// Whether the command line names a folder or more than one input: the output
    /// then holds several reports, however many files there turn out to be.
    fn several(&self) -> bool {
        self.inputs.len() > 1 || self.inputs.iter().any(|input| input.is_dir())
    }
}

/// The value of an option: after `=`, or the next argument.
fn value(
    name: &str,
    inline: Option<&str>,
    args: &mut impl Iterator<Item = OsString>,
) -> Result<OsString, String> {
    inline
        .map(OsString::from)
        .or_else(|| args.next())
        .ok_or_else(|| format!("{name} needs a value"))
}

fn utf8(value: OsString, name: &str) -> Result<String, String> {
    value
        .into_string()
        .map_err(|v| format!("{name} {}: not valid UTF-8", v.to_string_lossy()))
}

// ───────────────────────────── inputs ─────────────────────────────

/// One report to read.
enum Source {
    Sample,
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name in output and in error lines.
    fn name(&self) -> Cow<'_, str> {
        match self {
            Source::Sample => "<sample>".into(),
            Source::Stdin => "<stdin>".into(),
            Source::File(path) => path.to_string_lossy(),
        }
    }

    /// The name without folder and extension, for a page's file name.
    fn stem(&self) -> Cow<'_, str> {
        match self {
            Source::Sample => "sample".into(),
            Source::Stdin => "stdin".into(),
            Source::File(path) => path
                .file_stem()
                .map_or("report".into(), |s| s.to_string_lossy()),
        }
    }

    fn read(&self) -> io::Result<Cow<'static, [u8]>> {
        match self {
            Source::Sample => Ok(Cow::Borrowed(SAMPLE.as_bytes())),
            Source::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes)?;
                Ok(Cow::Owned(bytes))
            }
            Source::File(path) => fs::read(path).map(Cow::Owned),
        }
    }
}

/// The reports to read, in order, and one line for each folder that could not be listed.
fn sources(options: &Options) -> (Vec<Source>, Vec<String>) {
    if options.inputs.is_empty() {
        return (vec![Source::Sample], Vec::new());
    }
    let glob = Glob::new(&options.glob);
    let (mut sources, mut problems) = (Vec::new(), Vec::new());
    for input in &options.inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            walk(input, &glob, &mut sources, &mut problems);
        } else {
            // A missing or unreadable file is reported when it is read, in its turn.
            sources.push(Source::File(input.clone()));
        }
    }
    (sources, problems)
}

/// Adds the files under `dir` whose names match, sorted by name; does not follow
/// links to folders (no loops) and skips hidden entries.
fn walk(dir: &Path, glob: &Glob, sources: &mut Vec<Source>, problems: &mut Vec<String>) {
    let entries = fs::read_dir(dir).and_then(Iterator::collect::<io::Result<Vec<_>>>);
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(e) => return problems.push(problem(dir, e)),
    };
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, glob, sources, problems),
            Ok(_) if glob.matches(&name) && path.is_file() => sources.push(Source::File(path)),
            Ok(_) => {}
            Err(e) => problems.push(problem(&path, e)),
        }
    }
}

/// The line (after `extract: `) for a problem with a path.
fn problem(path: &Path, error: impl fmt::Display) -> String {
    format!("{}: {error}", path.display())
}

/// A file-name pattern: `*` matches any run of characters, `?` one character, and
/// Latin letters match in either case.
struct Glob(Vec<char>);

impl Glob {
    fn new(pattern: &str) -> Self {
        Glob(pattern.chars().map(|c| c.to_ascii_lowercase()).collect())
    }

    fn matches(&self, name: &str) -> bool {
        let name: Vec<char> = name.chars().map(|c| c.to_ascii_lowercase()).collect();
        let pattern = &self.0;
        let (mut p, mut n) = (0, 0);
        // After a `*`: where the pattern goes on, and where in the name that try began.
        let mut retry: Option<(usize, usize)> = None;
        while n < name.len() {
            match pattern.get(p) {
                Some('*') => {
                    retry = Some((p + 1, n));
                    p += 1;
                }
                Some(&c) if c == '?' || c == name[n] => {
                    p += 1;
                    n += 1;
                }
                _ => match retry {
                    Some((after_star, start)) => {
                        retry = Some((after_star, start + 1));
                        (p, n) = (after_star, start + 1);
                    }
                    None => return false,
                },
            }
        }
        pattern[p..].iter().all(|&c| c == '*')
    }
}

// ───────────────────────────── running ─────────────────────────────

/// How output is shaped: the format, and whether it holds several reports.
#[derive(Clone, Copy)]
struct Mode {
    format: Format,
    several: bool,
}

/// Why a run stopped before its end.
enum Stop {
    Failed(String),
    /// Standard output was closed (`extract … | head`): nothing more to say.
    OutputClosed,
}

impl From<String> for Stop {
    fn from(problem: String) -> Self {
        Stop::Failed(problem)
    }
}

/// What one report turned into.
struct Done {
    output: Vec<u8>,
    bytes: usize,
    encoding: String,
    title: Option<String>,
    indicators: usize,
    diagnostics: usize,
}

/// Reports per batch: parsed in parallel, then written in order before the next.
const BATCH: usize = 256;

/// Reads, parses and writes every input; returns the number that failed.
fn run(options: &Options) -> Result<usize, Stop> {
    let started = Instant::now();
    let mode = Mode {
        format: options.format,
        several: options.several(),
    };
    let (sources, problems) = sources(options);
    for problem in &problems {
        eprintln!("extract: {problem}");
    }
    let mut tally = Tally {
        files: sources.len() + problems.len(),
        failed: problems.len(),
        ..Tally::default()
    };
    let progress = progress_bar(sources.len());
    let mut sink = Sink::open(options, mode)?;
    for batch in sources.chunks(BATCH) {
        let results: Vec<_> = batch
            .par_iter()
            .map(|source| {
                let result = process(source, mode);
                progress.inc(1);
                result
            })
            .collect();
        for (source, result) in batch.iter().zip(results) {
            match result {
                Ok(done) => {
                    sink.write(source, &done)?;
                    tally.add(&done);
                }
                Err(problem) => {
                    progress.suspend(|| eprintln!("extract: {}: {problem}", source.name()));
                    tally.failed += 1;
                }
            }
        }
    }
    progress.finish_and_clear();
    sink.finish()?;
    if mode.several || tally.files > 1 {
        eprintln!("extract: {}", tally.summary(started.elapsed()));
    }
    Ok(tally.failed)
}

fn process(source: &Source, mode: Mode) -> Result<Done, String> {
    let bytes = source.read().map_err(|e| e.to_string())?;
    let decoded = gongwen::decode(&bytes).map_err(|e| e.to_string())?;
    let report = gongwen::parse(&decoded.text);
    let found = indicators(&report);
    let output = render(mode, &source.name(), &decoded, &report, &found)?;
    Ok(Done {
        output,
        bytes: bytes.len(),
        encoding: decoded.encoding.to_string(),
        title: report.title.as_ref().map(|t| t.text.to_string()),
        indicators: found.len(),
        diagnostics: report.diagnostics.len(),
    })
}

fn render(
    mode: Mode,
    file: &str,
    decoded: &Decoded,
    report: &Report,
    found: &[Found],
) -> Result<Vec<u8>, String> {
    let rows = || {
        let mut chars = CharOffsets::new(&decoded.text);
        found
            .iter()
            .map(move |f| Row::new(file, report, f, &mut chars))
    };
    match mode.format {
        Format::Json if mode.several => json_entry(file, decoded, report),
        Format::Json => {
            let mut json = serde_json::to_vec_pretty(report).map_err(|e| e.to_string())?;
            json.push(b'\n');
            Ok(json)
        }
        Format::Jsonl => jsonl(rows()),
        Format::Csv => csv_rows(rows()),
        Format::Html => Ok(html::page(file, decoded, report, found).into_bytes()),
    }
}

/// One element of the JSON array written for several reports.
#[derive(Serialize)]
struct Entry<'r> {
    file: &'r str,
    encoding: String,
    report: &'r Report<'r>,
}

/// The entry, pretty-printed and indented one level to sit inside the array.
fn json_entry(file: &str, decoded: &Decoded, report: &Report) -> Result<Vec<u8>, String> {
    let entry = Entry {
        file,
        encoding: decoded.encoding.to_string(),
        report,
    };
    let json = serde_json::to_string_pretty(&entry).map_err(|e| e.to_string())?;
    // JSON strings escape line breaks, so every line break is between tokens.
    Ok(json
        .lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes())
}

/// Counts for the summary line.
#[derive(Default)]
struct Tally {
    files: usize,
    reports: usize,
    indicators: usize,
    failed: usize,
    bytes: usize,
}

impl Tally {
    fn add(&mut self, done: &Done) {
        self.reports += 1;
        self.indicators += done.indicators;
        self.bytes += done.bytes;
    }

    fn summary(&self, elapsed: Duration) -> String {
        let megabytes = self.bytes as f64 / 1e6;
        let seconds = elapsed.as_secs_f64().max(1e-6);
        format!(
            "{} files, {} reports, {} indicators, {} failed; {megabytes:.2} MB in {seconds:.2} s ({:.1} MB/s)",
            self.files,
            self.reports,
            self.indicators,
            self.failed,
            megabytes / seconds
        )
    }
}

/// A bar on standard error for long runs at a terminal; hidden otherwise.
fn progress_bar(files: usize) -> ProgressBar {
    if files <= 20 || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed} elapsed, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(files as u64).with_style(style)
}

// ───────────────────────────── output ─────────────────────────────

/// Where rendered reports go: standard output, or one page each in a folder.
enum Sink {
    Stream(Stream),
    Pages(Pages),
}

impl Sink {
    fn open(options: &Options, mode: Mode) -> Result<Sink, Stop> {
        match &options.out {
            Some(dir) => Ok(Sink::Pages(Pages::open(dir)?)),
            None => Ok(Sink::Stream(
                Stream::open(mode, options.bom).map_err(stdout_error)?,
            )),
        }
    }

    fn write(&mut self, source: &Source, done: &Done) -> Result<(), Stop> {
        match self {
            Sink::Stream(stream) => stream.write(&done.output).map_err(stdout_error),
            Sink::Pages(pages) => Ok(pages.write(source, done)?),
        }
    }

    fn finish(self) -> Result<(), Stop> {
        match self {
            Sink::Stream(stream) => stream.finish().map_err(stdout_error),
            Sink::Pages(pages) => Ok(pages.finish()?),
        }
    }
}

fn stdout_error(e: io::Error) -> Stop {
    match e.kind() {
        io::ErrorKind::BrokenPipe => Stop::OutputClosed,
        _ => Stop::Failed(format!("standard output: {e}")),
    }
}

/// Standard output: reports one after another, inside `[` `]` for a JSON array,
/// after a header for CSV.
struct Stream {
    out: BufWriter<io::Stdout>,
    array: bool,
    written: usize,
}

impl Stream {
    fn open(mode: Mode, bom: bool) -> io::Result<Stream> {
        let mut out = BufWriter::new(io::stdout());
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        if mode.format == Format::Csv {
            out.write_all(&csv_header()?)?;
        }
        let array = mode.format == Format::Json && mode.several;
        if array {
            out.write_all(b"[")?;
        }
        Ok(Stream {
            out,
            array,
            written: 0,
        })
    }

    fn write(&mut self, output: &[u8]) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        }
        self.written += 1;
        self.out.write_all(output)
    }

    fn finish(mut self) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// A folder of HTML pages, one per report, and an index linking them.
struct Pages {
    dir: PathBuf,
    used: HashSet<String>,
    links: Vec<html::Link>,
}

impl Pages {
    fn open(dir: &Path) -> Result<Pages, String> {
        fs::create_dir_all(dir).map_err(|e| problem(dir, e))?;
        let used = HashSet::from(["index.html".to_string()]);
        Ok(Pages {
            dir: dir.to_path_buf(),
            used,
            links: Vec::new(),
        })
    }

    fn write(&mut self, source: &Source, done: &Done) -> Result<(), String> {
        let href = self.page_name(&source.stem());
        let path = self.dir.join(&href);
        fs::write(&path, &done.output).map_err(|e| problem(&path, e))?;
        self.links.push(html::Link {
            href,
            file: source.name().into_owned(),
            title: done.title.clone(),
            encoding: done.encoding.clone(),
            indicators: done.indicators,
            diagnostics: done.diagnostics,
        });
        Ok(())
    }

    fn finish(self) -> Result<(), String> {
        let path = self.dir.join("index.html");
        fs::write(&path, html::index(&self.links)).map_err(|e| problem(&path, e))
    }

    /// `STEM.html`, or `STEM-2.html` … when reports in different folders share a name.
    fn page_name(&mut self, stem: &str) -> String {
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut name = format!("{stem}.html");
        for n in 2.. {
            // Compared in lower case: the folder may be on a case-insensitive disk.
            if !self.used.contains(&name.to_lowercase()) {
                break;
            }
            name = format!("{stem}-{n}.html");
        }
        self.used.insert(name.to_lowercase());
        name
    }
}

// ───────────────────────────── indicator rows ─────────────────────────────

/// Where a text stands: its section and innermost theme.
#[derive(Clone, Copy, Default)]
struct Place<'r> {
    section: Option<&'r Section<'r>>,
    theme: Option<&'r Theme<'r>>,
}

/// An indicator, the text that holds it, and where that text stands.
struct Found<'r> {
    place: Place<'r>,
    sentence: &'r Text<'r>,
    indicator: &'r Indicator<'r>,
}

/// Every indicator of the report once, in reading order.
fn indicators<'r>(report: &'r Report<'r>) -> Vec<Found<'r>> {
    let mut found = Vec::new();
    visit_texts(report, &mut |place, sentence| {
        found.extend(sentence.indicators.iter().map(|indicator| Found {
            place,
            sentence,
            indicator,
        }));
    });
    // The organisation is a stretch of the title or of a preamble sentence: an
    // indicator in it is kept once, from the sentence visited first.
    found.sort_by_key(|f| f.indicator.span);
    found.dedup_by_key(|f| f.indicator.span);
    found
}

/// Calls `f` on every text of the report: title, preamble, section headings and
/// intros, theme headlines and items at every depth, signature, organisation.
fn visit_texts<'r>(report: &'r Report<'r>, f: &mut impl FnMut(Place<'r>, &'r Text<'r>)) {
    let top = Place::default();
    report
        .title
        .iter()
        .chain(&report.preamble)
        .for_each(|text| f(top, text));
    for section in &report.sections {
        let place = Place {
            section: Some(section),
            theme: None,
        };
        section
            .heading
            .iter()
            .chain(&section.intro)
            .for_each(|text| f(place, text));
        for theme in &section.themes {
            visit_theme(theme, place, f);
        }
    }
    if let Some(signature) = &report.signature {
        signature
            .organization
            .iter()
            .chain(&signature.date_text)
            .for_each(|text| f(top, text));
    }
    report.organization.iter().for_each(|text| f(top, text));
}

fn visit_theme<'r>(
    theme: &'r Theme<'r>,
    outer: Place<'r>,
    f: &mut impl FnMut(Place<'r>, &'r Text<'r>),
) {
    let place = Place {
        theme: Some(theme),
        ..outer
    };
    theme
        .headline
        .iter()
        .chain(&theme.items)
        .for_each(|text| f(place, text));
    for inner in &theme.themes {
        visit_theme(inner, place, f);
    }
}

/// One indicator with its context: a JSON Lines object or a CSV row.
#[derive(Default, Serialize)]
struct Row<'r> {
    file: &'r str,
    title: Option<&'r str>,
    organization: Option<&'r str>,
    review_year: Option<u16>,
    plan_year: Option<u16>,
    section_kind: Option<SectionKind>,
    section_heading: Option<&'r str>,
    theme_headline: Option<&'r str>,
    sentence: &'r str,
    text: &'r str,
    value: String,
    max: Option<String>,
    unit: Option<&'r str>,
    approx: Approx,
    /// Always present; an `Option` only so that `Row::default()` can name the columns.
    kind: Option<IndicatorKind>,
    direction: Option<Direction>,
    basis: Option<&'r str>,
    role: Role,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
}

impl<'r> Row<'r> {
    fn new(
        file: &'r str,
        report: &'r Report<'r>,
        found: &Found<'r>,
        chars: &mut CharOffsets,
    ) -> Row<'r> {
        let Found {
            place,
            sentence,
            indicator,
        } = *found;
        let text = |t: &'r Option<Text<'r>>| t.as_ref().map(|t| t.text.as_ref());
        let Span { start, end } = indicator.span;
        Row {
            file,
            title: text(&report.title),
            organization: text(&report.organization),
            review_year: report.review_year,
            plan_year: report.plan_year,
            section_kind: place.section.map(|s| s.kind),
            section_heading: place.section.and_then(|s| text(&s.heading)),
            theme_headline: place.theme.and_then(|t| text(&t.headline)),
            sentence: &sentence.text,
            text: &indicator.text,
            value: indicator.value.to_string(),
            max: indicator.max.map(|max| max.to_string()),
            unit: indicator.unit.as_deref(),
            approx: indicator.approx,
            kind: Some(indicator.kind),
            direction: indicator.change.as_ref().map(|c| c.direction),
            basis: indicator.change.as_ref().and_then(|c| c.basis.as_deref()),
            role: indicator.role,
            byte_start: start,
            byte_end: end,
            char_start: chars.at(start),
            char_end: chars.at(end),
        }
    }
}

/// Character offsets of byte offsets, counted on from the previous answer: rows come
/// in reading order, so a report is scanned about once.
struct CharOffsets<'s> {
    text: &'s [u8],
    byte: usize,
    chars: usize,
}

impl<'s> CharOffsets<'s> {
    fn new(text: &'s str) -> Self {
        CharOffsets {
            text: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        // Every character starts with a byte that is not a UTF-8 continuation byte.
        self.chars += self.text[self.byte..byte]
            .iter()
            .filter(|&&b| (b & 0xc0) != 0x80)
            .count();
        self.byte = byte;
        self.chars
    }
}

fn jsonl<'r>(rows: impl Iterator<Item = Row<'r>>) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for row in rows {
        serde_json::to_writer(&mut out, &row).map_err(|e| e.to_string())?;
        out.push(b'\n');
    }
    Ok(out)
}

fn csv_builder(headers: bool) -> csv::WriterBuilder {
    let mut builder = csv::WriterBuilder::new();
    builder
        .has_headers(headers)
        .terminator(csv::Terminator::CRLF);
    builder
}

fn csv_rows<'r>(rows: impl Iterator<Item = Row<'r>>) -> Result<Vec<u8>, String> {
    let mut writer = csv_builder(false).from_writer(Vec::new());
    for row in rows {
        writer.serialize(row).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// The CSV header line: what the csv crate writes before an empty `Row`, so the
/// columns are named by `Row` alone.
fn csv_header() -> io::Result<Vec<u8>> {
    let mut writer = csv_builder(true).from_writer(Vec::new());
    writer.serialize(Row::default())?;
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |at| at + 1);
    Ok(bytes[..end].to_vec())
}

// ───────────────────────────── HTML ─────────────────────────────

mod html {
    //! One self-contained page per report: the text with every indicator in a
    //! `<mark>`, an outline of sections and themes, and the diagnostics.

    use super::{Diagnostic, Found, Indicator, Report, Role, SectionKind, Span, Theme};
    use gongwen::Decoded;
    use std::cmp::Reverse;

    /// A line of the index page.
    pub struct Link {
        pub href: String,
        pub file: String,
        pub title: Option<String>,
        pub encoding: String,
        pub indicators: usize,
        pub diagnostics: usize,
    }

    pub fn page(file: &str, decoded: &Decoded, report: &Report, found: &[Found]) -> String {
        let title = report.title.as_ref().map_or(file, |t| t.text.as_ref());
        let headings = headings(report);
        format!(
            "{head}<header><h1>{title}</h1><p class=\"meta\">{meta}</p></header>\n\
             <div class=\"layout\"><nav>{outline}{diagnostics}{LEGEND}</nav>\n\
             <main>{text}</main></div>\n</body>\n</html>\n",
            head = head(title),
            title = escape(title),
            meta = escape(&meta(file, decoded, report, found)),
            outline = outline(&headings),
            diagnostics = diagnostics(&report.diagnostics),
            text = annotate(&decoded.text, tags(report, &headings, found)),
        )
    }

    /// The line under the title: file, encoding, years and counts.
    fn meta(file: &str, decoded: &Decoded, report: &Report, found: &[Found]) -> String {
        let targets = found
            .iter()
            .filter(|f| f.indicator.role == Role::Target)
            .count();
        let mut meta = vec![file.to_string(), decoded.encoding.to_string()];
        meta.extend(report.review_year.map(|y| format!("review {y}")));
        meta.extend(report.plan_year.map(|y| format!("plan {y}")));
        meta.push(format!(
            "{} indicators ({} achieved, {targets} target)",
            found.len(),
            found.len() - targets
        ));
        meta.push(format!("{} diagnostics", report.diagnostics.len()));
        meta.join(" · ")
    }

    /// The markup to weave into the text: the title and headings in bold with an
    /// anchor before each heading, a mark per indicator, a numbered sign per diagnostic.
    fn tags(report: &Report, headings: &[Heading], found: &[Found]) -> Vec<Tag> {
        let bold = |span: Span, class: &str| {
            Tag::new(span, format!("<strong class=\"{class}\">"), "</strong>")
        };
        let mut tags: Vec<Tag> = report.title.iter().map(|t| bold(t.span, "title")).collect();
        for heading in headings {
            tags.push(Tag::point(
                heading.at,
                format!("<a id=\"{}\"></a>", heading.id),
            ));
            tags.extend(heading.text.map(|span| bold(span, "heading")));
        }
        tags.extend(found.iter().map(|f| mark(f.indicator)));
        for (diagnostic, n) in report.diagnostics.iter().zip(1..) {
            let label = format!("{}: {}", super::label(&diagnostic.code), diagnostic.message);
            let sign = format!(
                "<sup class=\"diag\"><a id=\"d{n}\" href=\"#diag-{n}\" title=\"{}\">⚠{n}</a></sup>",
                escape(&label),
            );
            tags.extend(diagnostic.span.map(|span| Tag::point(span.start, sign)));
        }
        tags
    }

    pub fn index(links: &[Link]) -> String {
        let rows: String = links
            .iter()
            .map(|link| {
                format!(
                    "<tr><td><a href=\"{href}\">{file}</a></td><td>{title}</td><td>{encoding}</td>\
                     <td class=\"n\">{indicators}</td><td class=\"n\">{diagnostics}</td></tr>\n",
                    href = escape(&link.href),
                    file = escape(&link.file),
                    title = escape(link.title.as_deref().unwrap_or("")),
                    encoding = escape(&link.encoding),
                    indicators = link.indicators,
                    diagnostics = link.diagnostics,
                )
            })
            .collect();
        format!(
            "{head}<header><h1>{count} reports</h1></header>\n<div class=\"index\"><table>\n\
             <tr><th>File</th><th>Title</th><th>Encoding</th><th>Indicators</th><th>Diagnostics</th></tr>\n\
             {rows}</table></div>\n</body>\n</html>\n",
            head = head("Reports"),
            count = links.len(),
        )
    }

    fn head(title: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            escape(title)
        )
    }

    /// A section or theme heading: its anchor and its line in the outline.
    struct Heading {
        id: String,
        depth: usize,
        /// Where the anchor goes: the start of the marker.
        at: usize,
        /// The heading or headline, to set in bold.
        text: Option<Span>,
        label: String,
        kind: Option<SectionKind>,
        indicators: usize,
    }

    /// The headings in reading order; ids `s1`, `s1-2`, `s1-2-1` follow the nesting.
    fn headings(report: &Report) -> Vec<Heading> {
        let mut out = Vec::new();
        for (n, section) in report.sections.iter().enumerate() {
            let id = format!("s{}", n + 1);
            let heading = section.heading.as_ref();
            let count = section
                .heading
                .iter()
                .chain(&section.intro)
                .map(|t| t.indicators.len())
                .sum::<usize>()
                + section.themes.iter().map(theme_indicators).sum::<usize>();
            let text = heading.map_or_else(|| super::label(&section.kind), |h| h.text.to_string());
            out.push(Heading {
                label: format!("{}{text}", section.marker.as_deref().unwrap_or("")),
                text: heading.map(|h| h.span),
                at: section.span.start,
                kind: Some(section.kind),
                indicators: count,
                depth: 0,
                id: id.clone(),
            });
            theme_headings(&section.themes, &id, 1, &mut out);
        }
        out
    }

    fn theme_headings(themes: &[Theme], parent: &str, depth: usize, out: &mut Vec<Heading>) {
        for (n, theme) in themes.iter().enumerate() {
            let id = format!("{parent}-{}", n + 1);
            let headline = theme.headline.as_ref();
            out.push(Heading {
                label: format!(
                    "{}{}",
                    theme.marker.as_deref().unwrap_or(""),
                    headline.map_or("", |h| &h.text)
                ),
                text: headline.map(|h| h.span),
                at: theme.span.start,
                kind: None,
                indicators: theme_indicators(theme),
                depth,
                id: id.clone(),
            });
            theme_headings(&theme.themes, &id, depth + 1, out);
        }
    }

    fn theme_indicators(theme: &Theme) -> usize {
        theme
            .headline
            .iter()
            .chain(&theme.items)
            .map(|t| t.indicators.len())
            .sum::<usize>()
            + theme.themes.iter().map(theme_indicators).sum::<usize>()
    }

    fn outline(headings: &[Heading]) -> String {
        let items: String = headings
            .iter()
            .map(|h| {
                let kind = h.kind.map_or(String::new(), |kind| {
                    let kind = super::label(&kind);
                    format!("<span class=\"kind {kind}\">{kind}</span> ")
                });
                format!(
                    "<li style=\"padding-left:{}em\"><a href=\"#{}\">{kind}{}</a> <span class=\"n\">{}</span></li>",
                    h.depth,
                    h.id,
                    escape(&shorten(&h.label, 40)),
                    h.indicators
                )
            })
            .collect();
        format!("<h2>Outline · 目录</h2><ul class=\"outline\">{items}</ul>")
    }

    fn diagnostics(diagnostics: &[Diagnostic]) -> String {
        if diagnostics.is_empty() {
            return "<h2>Diagnostics · 诊断</h2><p class=\"n\">None.</p>".to_string();
        }
        let items: String = diagnostics
            .iter()
            .zip(1..)
            .map(|(d, n)| {
                let link = d
                    .span
                    .map_or(String::new(), |_| format!(" <a href=\"#d{n}\">→ text</a>"));
                format!(
                    "<li id=\"diag-{n}\"><code>{}</code> {}{link}</li>",
                    escape(&super::label(&d.code)),
                    escape(&d.message)
                )
            })
            .collect();
        format!(
            "<h2>Diagnostics · 诊断 ({})</h2><ol class=\"diags\">{items}</ol>",
            diagnostics.len()
        )
    }

    const LEGEND: &str = "<h2>Legend · 图例</h2><p><mark class=\"achieved\">achieved 完成</mark> \
                          <mark class=\"target\">target 目标</mark><br><span class=\"n\">Hover a mark for its \
                          value, unit, approximation, kind and role.</span></p>";

    fn mark(indicator: &Indicator) -> Tag {
        let role = super::label(&indicator.role);
        let mut lines = vec![format!("value: {}", indicator.value)];
        lines.extend(indicator.max.map(|max| format!("max: {max}")));
        lines.extend(indicator.unit.as_ref().map(|unit| format!("unit: {unit}")));
        lines.push(format!("approx: {}", super::label(&indicator.approx)));
        lines.push(format!("kind: {}", super::label(&indicator.kind)));
        lines.push(format!("role: {role}"));
        lines.extend(indicator.change.as_ref().map(|c| {
            format!(
                "change: {} ({}{})",
                super::label(&c.direction),
                c.basis.as_deref().unwrap_or(""),
                c.verb
            )
        }));
        let open = format!(
            "<mark class=\"{role}\" title=\"{}\">",
            escape(&lines.join("\n"))
        );
        Tag::new(indicator.span, open, "</mark>")
    }

    /// Markup around a stretch of the text (or at a point, when `start == end`).
    struct Tag {
        start: usize,
        end: usize,
        open: String,
        close: &'static str,
    }

    impl Tag {
        fn new(span: Span, open: impl Into<String>, close: &'static str) -> Tag {
            Tag {
                start: span.start,
                end: span.end,
                open: open.into(),
                close,
            }
        }

        fn point(at: usize, html: String) -> Tag {
            Tag {
                start: at,
                end: at,
                open: html,
                close: "",
            }
        }
    }

    /// The escaped text with the tags inserted. Tags that fall outside the text, off
    /// character boundaries, or across another tag are left out, so the markup
    /// always nests.
    fn annotate(text: &str, mut tags: Vec<Tag>) -> String {
        tags.retain(|t| {
            t.start <= t.end && text.is_char_boundary(t.start) && text.is_char_boundary(t.end)
        });
        tags.sort_by_key(|t| (t.start, Reverse(t.end)));
        let mut html = String::with_capacity(text.len() * 2);
        let mut open: Vec<(usize, &str)> = Vec::new();
        let mut at = 0;
        for tag in &tags {
            while let Some(&(end, close)) = open.last().filter(|&&(end, _)| end <= tag.start) {
                html.push_str(&escape(&text[at..end]));
                html.push_str(close);
                at = end;
                open.pop();
            }
            if open.last().is_some_and(|&(end, _)| tag.end > end) {
                continue;
            }
            html.push_str(&escape(&text[at..tag.start]));
            html.push_str(&tag.open);
            at = tag.start;
            if tag.start == tag.end {
                html.push_str(tag.close);
            } else {
                open.push((tag.end, tag.close));
            }
        }
        while let Some((end, close)) = open.pop() {
            html.push_str(&escape(&text[at..end]));
            html.push_str(close);
            at = end;
        }
        html.push_str(&escape(&text[at..]));
        html
    }

    pub fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    fn shorten(text: &str, chars: usize) -> String {
        match text.char_indices().nth(chars) {
            Some((at, _)) => format!("{}…", &text[..at]),
            None => text.to_string(),
        }
    }

    const CSS: &str = r#"
:root{--ink:#1f2328;--muted:#6a737d;--line:#e4e6ea;--achieved:#ffe27a;--target:#a8d8ff}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#f6f7f9;
 font:16px/1.85 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
header{padding:14px 28px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:21px;line-height:1.4;margin:0 0 4px}
.meta{margin:0;color:var(--muted);font-size:13px}
.layout{display:grid;grid-template-columns:minmax(240px,330px) 1fr}
nav{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:6px 18px 24px;
 font-size:13.5px;line-height:1.5;border-right:1px solid var(--line)}
nav h2{font-size:12px;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin:18px 0 6px}
nav ul,nav ol{margin:0;padding:0 0 0 0;list-style:none}
nav li{margin:3px 0}
.diags{padding-left:1.4em;list-style:decimal}
nav a{color:inherit;text-decoration:none}
nav a:hover{text-decoration:underline}
.kind{font-size:11px;padding:0 5px;border-radius:3px;background:#eceef1;color:#444}
.kind.achievements{background:#fff1b8}.kind.plans{background:#d6ecff}.kind.problems{background:#ffd9d9}
.n{color:var(--muted);font-size:12px}
main{margin:16px 24px 40px;padding:22px 34px;max-width:62em;background:#fff;border:1px solid var(--line);
 border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
mark{border-radius:3px;padding:0 1px;color:inherit}
mark.achieved{background:var(--achieved)}
mark.target{background:var(--target)}
strong.title{font-size:1.2em}
strong.heading{color:#0b3d91}
sup.diag a{color:#c0392b;text-decoration:none;font-weight:600}
:target+strong{background:#fff4d6}
code{font-size:12px;background:#f0f1f3;padding:0 4px;border-radius:3px}
.index{padding:16px 28px}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid var(--line);padding:4px 10px;text-align:left}
td.n{text-align:right}
@media (max-width:820px){.layout{grid-template-columns:1fr}nav{position:static;max-height:none;border-right:0}}
"#;
}

/// The name an enum serializes to (`over`, `percentage_points`): the same words as
/// in JSON and CSV.
fn label<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}
