//! gongwen must never panic and never break its span invariants, whatever it is fed:
//! arbitrary strings and bytes (property tests), odd but plausible inputs (empty, blank,
//! no headings, CRLF, BOM, GB18030), megabyte-sized pathological inputs, and every crash
//! input the fuzzer ever found (`tests/regressions/`).

use gongwen::{DiagnosticCode, Encoding, Report, Text, Theme};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    let path = manifest_dir().join("fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses `source` and fails (with the input) on any span violation.
fn parse_and_validate(source: &str) -> Report<'_> {
    let report = gongwen::parse(source);
    let violations = gongwen::validate(&report, source);
    assert!(
        violations.is_empty(),
        "span violations {violations:?} for input {source:?}"
    );
    report
}

/// Bytes through the whole pipeline: decode, then parse and validate what decodes.
fn decode_parse_validate(bytes: &[u8]) {
    if let Ok(decoded) = gongwen::decode(bytes) {
        parse_and_validate(&decoded.text);
    }
}

fn has_diagnostic(report: &Report<'_>, code: DiagnosticCode) -> bool {
    report.diagnostics.iter().any(|d| d.code == code)
}

fn count_themes(themes: &[Theme<'_>]) -> usize {
    themes.iter().map(|t| 1 + count_themes(&t.themes)).sum()
}

fn theme_count(report: &Report<'_>) -> usize {
    report
        .sections
        .iter()
        .map(|s| count_themes(&s.themes))
        .sum()
}

/// Every text node of the report that can hold indicators, in document order.
fn texts<'r, 'a>(report: &'r Report<'a>) -> Vec<&'r Text<'a>> {
    fn theme_texts<'r, 'a>(theme: &'r Theme<'a>, out: &mut Vec<&'r Text<'a>>) {
        out.extend(&theme.headline);
        out.extend(&theme.items);
        theme.themes.iter().for_each(|t| theme_texts(t, out));
    }
    let mut out: Vec<&Text<'a>> = report.preamble.iter().collect();
    for s in &report.sections {
        out.extend(&s.heading);
        out.extend(&s.intro);
        s.themes.iter().for_each(|t| theme_texts(t, &mut out));
    }
    out
}

/// Every indicator of the report as `text = value .. max unit (approx)`, in document order.
fn indicator_values(report: &Report<'_>) -> Vec<String> {
    texts(report)
        .into_iter()
        .flat_map(|t| &t.indicators)
        .map(|i| {
            format!(
                "{} = {} .. {:?} {:?} ({:?})",
                i.text, i.value, i.max, i.unit, i.approx
            )
        })
        .collect()
}

/// Characters of Chinese reports: numerals, digits in both widths, the punctuation that
/// cuts items and marks headings, approximation and unit words, line breaks.
const REPORTISH: &str = "一二三四五六七八九十百千万亿零两〇0123456789０１２３４５６７８９\
    、，。；：！？“”（）()【】—%％.．-余多近约超以上左右个人次元万亿分之倍同比增长下降\
    工作成绩问题思路计划重点年月日第期项场家户 \n\n\n";

/// Words and markers that open the outline, range and change paths of the parser.
const TOKENS: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "（三）",
    "1.",
    "2.",
    "3、",
    "（1）",
    "（2）",
    "①",
    "②",
    "——",
    "【重点】",
    "\n",
    "\n",
    "\r\n",
    "。",
    "；",
    "，",
    "：",
    "“",
    "”",
    "2021年工作成绩",
    "2022年工作思路",
    "存在问题",
    "工作回顾",
    "同比增长",
    "比上年下降",
    "百分之",
    "三分之一",
    "个百分点",
    "200余场",
    "以上",
    "上百",
    "上千",
    "左右",
    "近2.5万人次",
    "92.18%",
    "3-5个",
    "1,132.92亿元",
    "十四五",
    "第一、二季度",
    "附件",
    "坪山区群团工作部",
    "2022-2-16",
    "二〇二二年二月十六日",
    "开展活动",
    " ",
    "　",
];

fn reportish_string(max_len: usize) -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = REPORTISH.chars().collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..max_len)
        .prop_map(|chars| chars.into_iter().collect())
}

fn token_string(max_tokens: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(TOKENS).prop_map(str::to_string),
            1 => reportish_string(6),
        ],
        0..max_tokens,
    )
    .prop_map(|parts| parts.concat())
}

/// A byte-order mark (or none) in front of arbitrary bytes.
fn bom_then_bytes() -> impl Strategy<Value = Vec<u8>> {
    let boms: &[&[u8]] = &[b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"];
    (
        prop::sample::select(boms),
        prop::collection::vec(any::<u8>(), 0..512),
    )
        .prop_map(|(bom, rest)| [bom, &rest].concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_and_validates(source in any::<String>()) {
        parse_and_validate(&source);
    }

    #[test]
    fn reportish_strings_parse_and_validate(source in reportish_string(400)) {
        parse_and_validate(&source);
    }

    #[test]
    fn token_strings_parse_and_validate(source in token_string(120)) {
        parse_and_validate(&source);
    }

    /// Text broken into lines of a fixed width, as extracted from a PDF: read with items
    /// that run over line breaks.
    #[test]
    fn hard_wrapped_strings_parse_and_validate(source in token_string(160), width in 2usize..40) {
        let chars: Vec<char> = source.chars().collect();
        let lines: Vec<String> = chars.chunks(width).map(|c| c.iter().collect()).collect();
        parse_and_validate(&lines.join("\n"));
    }

    #[test]
    fn decode_never_panics(bytes in bom_then_bytes()) {
        decode_parse_validate(&bytes);
    }

    #[test]
    fn gbk_looking_bytes_decode_and_parse(pairs in prop::collection::vec((0x81u8..=0xfe, 0x40u8..=0xfe), 0..200)) {
        let bytes: Vec<u8> = pairs.into_iter().flat_map(|(a, b)| [a, b]).collect();
        decode_parse_validate(&bytes);
    }

    #[test]
    fn parse_number_never_panics(text in any::<String>()) {
        let _ = gongwen::parse_number(&text);
    }

    #[test]
    fn parse_number_never_panics_on_numerals(text in reportish_string(40)) {
        let _ = gongwen::parse_number(&text);
    }
}

#[test]
fn empty_input_is_an_empty_report() {
    let report = parse_and_validate("");
    assert!(report.sections.is_empty() && report.preamble.is_empty());
    assert!(report.title.is_none());
    assert!(has_diagnostic(&report, DiagnosticCode::Empty));
}

#[test]
fn blank_input_is_an_empty_report() {
    let source = " \n\t\r\n\u{3000}\u{3000}\n\n  \u{feff}";
    let report = parse_and_validate(source);
    assert!(report.sections.is_empty() && report.preamble.is_empty());
    assert!(has_diagnostic(&report, DiagnosticCode::Empty));
}

#[test]
fn a_report_without_headings_is_read_as_preamble() {
    let source = "今年以来，我们坚持以人民为中心，开展各类活动200余场，覆盖群众34万人次。\n\
                  全年新增就业岗位1.2万个，城镇登记失业率控制在3%以内。\n\
                  下一步，我们将继续努力。\n";
    let report = parse_and_validate(source);
    assert!(report.sections.is_empty());
    assert!(has_diagnostic(&report, DiagnosticCode::NoHeadings));
    assert!(!report.preamble.is_empty());
    let values = indicator_values(&report);
    assert!(
        values.iter().any(|v| v.contains("200余场")),
        "indicators {values:?}"
    );
}

#[test]
fn crlf_line_ends_read_like_lf() {
    let lf = fixture("pingshan-2021.txt");
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (parse_and_validate(&lf), parse_and_validate(&crlf));
    assert!(!a.sections.is_empty());
    assert_eq!(a.sections.len(), b.sections.len(), "sections");
    assert_eq!(theme_count(&a), theme_count(&b), "themes");
    let kinds = |r: &Report<'_>| r.sections.iter().map(|s| s.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&a), kinds(&b));
    assert_eq!((a.review_year, a.plan_year), (b.review_year, b.plan_year));
    let (va, vb) = (indicator_values(&a), indicator_values(&b));
    assert!(va.len() > 20, "pingshan has many indicators: {}", va.len());
    assert_eq!(va, vb, "indicator values");
}

#[test]
fn a_utf8_bom_is_dropped_by_decode() {
    let original = fixture("pingshan-2021.txt");
    let bytes = [b"\xef\xbb\xbf".as_slice(), original.as_bytes()].concat();
    let decoded = gongwen::decode(&bytes).expect("UTF-8 with BOM decodes");
    assert_eq!(decoded.encoding, Encoding::Utf8Bom);
    assert_eq!(parse_and_validate(&decoded.text), gongwen::parse(&original));
}

#[test]
fn a_bom_left_in_the_text_does_not_break_the_tree() {
    let original = fixture("pingshan-2021.txt");
    let with_bom = format!("\u{feff}{original}");
    let (a, b) = (gongwen::parse(&original), parse_and_validate(&with_bom));
    assert_eq!(a.sections.len(), b.sections.len());
    assert_eq!(indicator_values(&a), indicator_values(&b));
}

#[test]
fn gb18030_decodes_to_the_same_tree() {
    let original = fixture("pingshan-2021.txt");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&original);
    assert!(!unmappable);
    let decoded = gongwen::decode(&bytes).expect("GB18030 decodes");
    assert_eq!(decoded.encoding, Encoding::Gb18030);
    let json = |r: &Report<'_>| serde_json::to_string(r).expect("a report serialises");
    assert_eq!(
        json(&parse_and_validate(&decoded.text)),
        json(&gongwen::parse(&original))
    );
}

#[test]
fn utf16_decodes_to_the_same_tree() {
    let original = fixture("pingshan-2021.txt");
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(original.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(original.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [le, be] {
        let decoded = gongwen::decode(&bytes).expect("UTF-16 with BOM decodes");
        assert_eq!(parse_and_validate(&decoded.text), gongwen::parse(&original));
    }
}

const MIB: usize = 1 << 20;

/// `unit` repeated as often as fits in `size` bytes (at least once).
fn fill(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

/// The input `name` of the `pathological` benchmark group (`benches/parse.rs`), 1 MiB.
fn pathological(name: &str) -> String {
    let report = fixture("pingshan-2021.txt");
    let han: Vec<char> = report
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    match name {
        "ascii_digits" => fill("0123456789", MIB),
        "only_yi" => fill("一", MIB),
        "only_bracket_yi" => fill("（一）", MIB),
        "han_no_punctuation" => fill(&han.iter().collect::<String>(), MIB),
        "one_enormous_line" => fill(&report.lines().map(str::trim).collect::<String>(), MIB),
        "short_lines_100k" => {
            let mut lines = String::with_capacity(MIB + 64);
            for (i, chunk) in han.chunks_exact(3).cycle().take(100_000).enumerate() {
                if i % 7 == 0 {
                    lines.push_str("一、");
                }
                lines.extend(chunk);
                lines.push('\n');
            }
            lines
        }
        "nested_markers" => fill("一、（一）1.（1）①", MIB),
        "nested_markers_lines" => fill("一、（一）1.（1）①\n", MIB),
        "only_open_quote" => fill("“", MIB),
        "only_full_stop" => fill("。", MIB),
        "digit_commas" => fill("1,", MIB),
        _ => unreachable!("no pathological input {name}"),
    }
}

/// One test per pathological input, so that they run in parallel and a failure names it.
macro_rules! pathological_tests {
    ($($name:ident)*) => {
        mod megabyte_pathological_input {
            $(
                #[test]
                fn $name() {
                    let source = super::pathological(stringify!($name));
                    super::parse_and_validate_quietly(&source);
                }
            )*
        }
    };
}

pathological_tests! {
    ascii_digits only_yi only_bracket_yi han_no_punctuation one_enormous_line short_lines_100k
    nested_markers nested_markers_lines only_open_quote only_full_stop digit_commas
}

/// Like [`parse_and_validate`] but without a megabyte of input in the failure message.
fn parse_and_validate_quietly(source: &str) {
    let report = gongwen::parse(source);
    let violations = gongwen::validate(&report, source);
    assert!(violations.is_empty(), "span violations: {violations:?}");
}

/// Every crash input the fuzzer found: each file of `tests/regressions/` must decode (or
/// be refused), parse and validate.
#[test]
fn fuzz_regressions_parse() {
    let dir = manifest_dir().join("tests/regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let failing: Vec<String> = files
        .iter()
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            std::panic::catch_unwind(|| decode_parse_validate(&bytes)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failing.is_empty(), "failing regressions: {failing:#?}");
}
