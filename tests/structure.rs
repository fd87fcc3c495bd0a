//! Focused cases of the report structure: headings, levels, kinds, items and signature.

use gongwen::{DiagnosticCode, Report, SectionKind};

fn parse(source: &str) -> Report<'_> {
    let report = gongwen::parse(source);
    let violations = gongwen::validate(&report, source);
    assert!(violations.is_empty(), "{violations:?}");
    report
}

fn outline(report: &Report<'_>) -> Vec<String> {
    fn themes(out: &mut Vec<String>, depth: usize, list: &[gongwen::Theme<'_>]) {
        for t in list {
            let headline = t.headline.as_ref().map_or("", |h| h.text.as_ref());
            out.push(format!(
                "{}{} {headline}",
                "  ".repeat(depth),
                t.marker.as_deref().unwrap_or("-")
            ));
            themes(out, depth + 1, &t.themes);
        }
    }
    let mut out = Vec::new();
    for s in &report.sections {
        let heading = s.heading.as_ref().map_or("", |h| h.text.as_ref());
        out.push(format!("{} {heading}", s.marker.as_deref().unwrap_or("-")));
        themes(&mut out, 1, &s.themes);
    }
    out
}

#[test]
fn should_nest_levels_in_the_official_order_even_when_one_is_skipped() {
    let source = "一、工作成效\n（一）法治建设\n1.执法监督\n（1）规范执法。完成。\n①婚姻纠纷。好。\n2.普法宣传\n开展活动。\n（二）公共服务\n完成。\n二、工作计划\n1.深化改革。推进。\n";
    assert_eq!(
        outline(&parse(source)),
        [
            "一、 工作成效",
            "  （一） 法治建设",
            "    1. 执法监督",
            "      （1） 规范执法",
            "        ① 婚姻纠纷",
            "    2. 普法宣传",
            "  （二） 公共服务",
            "二、 工作计划",
            "  1. 深化改革",
        ]
    );
}

#[test]
fn should_read_every_marker_style() {
    let source = "一、成效\n(一)半角括号。好。\n1、顿号编号。好。\n2．全角点。好。\n【党建引领】好。\n二、计划\n——围绕“基础更实”，着力推动。好。\n";
    assert_eq!(
        outline(&parse(source)),
        [
            "一、 成效",
            "  (一) 半角括号",
            "    1、 顿号编号",
            "    2． 全角点",
            "  【 党建引领",
            "二、 计划",
            "  —— 围绕“基础更实”，着力推动"
        ]
    );
}

#[test]
fn should_find_headings_in_flattened_text_but_not_decoys() {
    let source = "某局2023年工作总结 一年来，我局各项工作取得成效。一、主要工作成效 （一）深化审批改革。第一、二季度新登记主体800户，一、二级医院全覆盖，1、2月份完成改造。（二）强化监管。抽检312批次。二、存在问题 一是力量不足；二是信息化不高。三、2024年工作计划 （一）持续优化营商环境。力争新增主体1万户。";
    let report = parse(source);
    assert_eq!(
        outline(&report),
        [
            "一、 主要工作成效",
            "  （一） 深化审批改革",
            "  （二） 强化监管",
            "二、 存在问题",
            "三、 2024年工作计划",
            "  （一） 持续优化营商环境"
        ]
    );
    let kinds: Vec<SectionKind> = report.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Achievements,
            SectionKind::Problems,
            SectionKind::Plans
        ]
    );
    assert_eq!(report.title.unwrap().text, "某局2023年工作总结");
}

#[test]
fn should_cut_a_heading_glued_to_its_body() {
    let source = "某局2021年工作总结和2022年工作思路2021年，我局扎实工作。一、2021年工作成绩——围绕“基础更实”，着力推动党建。开展活动200余场。二、2022年工作思路2022年，我局将全面贯彻。（一）聚焦“产业之城”。推动。（二）聚焦“善治之城”。推动。";
    let report = parse(source);
    assert_eq!(
        outline(&report),
        [
            "一、 2021年工作成绩",
            "  —— 围绕“基础更实”，着力推动党建",
            "二、 2022年工作思路",
            "  （一） 聚焦“产业之城”",
            "  （二） 聚焦“善治之城”"
        ]
    );
    assert_eq!(
        (report.review_year, report.plan_year),
        (Some(2021), Some(2022))
    );
}

#[test]
fn should_take_the_kind_of_a_section_from_its_words_and_year() {
    let source = "2024年工作要点\n一、总体要求\n坚持稳中求进。\n二、深入打好污染防治攻坚战\n完成。\n三、加快绿色转型\n完成。\n";
    let report = parse(source);
    let kinds: Vec<SectionKind> = report.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [SectionKind::Other, SectionKind::Plans, SectionKind::Plans]
    );
    assert_eq!((report.review_year, report.plan_year), (None, Some(2024)));
}

#[test]
fn should_keep_a_responsibility_tag_with_its_item() {
    let source =
        "一、重点任务\n（一）推进改革。完成清单编制。（责任单位：区发展改革局）完善机制。\n";
    let report = parse(source);
    let items: Vec<&str> = report.sections[0].themes[0]
        .items
        .iter()
        .map(|i| i.text.as_ref())
        .collect();
    assert_eq!(
        items,
        ["完成清单编制。（责任单位：区发展改革局）", "完善机制。"]
    );
}

#[test]
fn should_read_signatures_in_every_date_style() {
    for (tail, date) in [
        ("坪山区群团工作部2022-2-16", "2022-02-16"),
        ("坪山区群团工作部\n2022年2月16日", "2022-02-16"),
        ("坪山区群团工作部\n二〇二二年二月十六日", "2022-02-16"),
        ("坪山区群团工作部\n2022年2月16日\n- 2 -", "2022-02-16"),
    ] {
        let source = format!("一、工作成效\n完成23个。\n{tail}\n");
        let report = parse(&source);
        let signature = report.signature.expect("a signature");
        assert_eq!(signature.date.as_deref(), Some(date), "{tail}");
        assert_eq!(
            signature.organization.unwrap().text,
            "坪山区群团工作部",
            "{tail}"
        );
    }
}

#[test]
fn should_run_items_over_the_line_breaks_of_text_with_hard_wraps() {
    // Text extracted from a PDF: lines broken every 20 chars, in the middle of
    // sentences and between a number and its unit; page numbers between pages.
    let prose = "全年审核区政府及部门行政规范性文件31件、重大行政决策事项9项，提出法律意见建议460余条。\
                 组织开展全区行政执法案卷评查，抽查案卷286卷，优秀率达82.5%，较上年提高6.3个百分点。\
                 举办行政执法人员专题培训班5期，培训执法人员1100余人次。";
    let chars: Vec<char> = prose.chars().collect();
    let lines: Vec<String> = chars.chunks(20).map(|c| c.iter().collect()).collect();
    let source = format!(
        "一、工作成效\n{}\n- 1 -\n二、存在问题\n基层力量不足。\n",
        lines.join("\n")
    );
    let report = parse(&source);
    let items: Vec<String> = report.sections[0]
        .intro
        .iter()
        .map(|t| t.text.replace('\n', ""))
        .collect();
    assert_eq!(
        items,
        [
            "全年审核区政府及部门行政规范性文件31件、重大行政决策事项9项，提出法律意见建议460余条。",
            "组织开展全区行政执法案卷评查，抽查案卷286卷，优秀率达82.5%，较上年提高6.3个百分点。",
            "举办行政执法人员专题培训班5期，培训执法人员1100余人次。",
        ]
    );
    let found: Vec<String> = report.sections[0]
        .intro
        .iter()
        .flat_map(|t| &t.indicators)
        .map(|i| i.text.replace('\n', ""))
        .collect();
    assert_eq!(
        found,
        [
            "31件",
            "9项",
            "460余条",
            "286卷",
            "82.5%",
            "6.3个百分点",
            "5期",
            "1100余人次"
        ]
    );
    // Published a paragraph a line, a line that ends without punctuation ends its item.
    let report = parse("一、工作成效\n主要预期目标\n地区生产总值增长5%。\n");
    let items: Vec<&str> = report.sections[0]
        .intro
        .iter()
        .map(|t| t.text.as_ref())
        .collect();
    assert_eq!(items, ["主要预期目标", "地区生产总值增长5%。"]);
}

#[test]
fn should_not_read_the_buttons_of_a_web_page_as_headings() {
    let source = "某区教育局2022年工作总结\n来源：某区教育局　发布时间：2023-01-16 10:25　【字体：大 中 小】\n2022年，我局扎实推进各项工作。\n一、工作成效\n完成。\n【打印本页】【关闭窗口】\n";
    let report = parse(source);
    assert_eq!(outline(&report), ["一、 工作成效"]);
    let items: Vec<&str> = report.sections[0]
        .intro
        .iter()
        .map(|t| t.text.as_ref())
        .collect();
    assert_eq!(items, ["完成。"]);
    // A bracket heading of the report's own stays one.
    let report = parse("一、工作成效\n【党建引领】完成。\n");
    assert_eq!(outline(&report), ["一、 工作成效", "  【 党建引领"]);
}

#[test]
fn should_start_an_appendix_that_runs_to_the_end() {
    let source = "一、工作回顾\n完成。\n二、2026年工作安排\n（一）扩大内需。推进。\n附件\n名词解释\n1.“四上”企业：规模以上企业。\n2.“双一流”：一流大学。\n";
    let report = parse(source);
    assert_eq!(report.sections.len(), 3);
    assert_eq!(report.sections[2].kind, SectionKind::Other);
    assert_eq!(report.sections[2].heading.as_ref().unwrap().text, "附件");
}

#[test]
fn should_parse_odd_inputs_into_a_sensible_tree() {
    for source in [
        "",
        "   \n\t\u{3000}\n",
        "\u{feff}",
        "完成23个社区换届。没有标题的一段话。",
    ] {
        let report = parse(source);
        assert!(report.sections.is_empty(), "{source:?}");
        assert!(
            !report.diagnostics.is_empty(),
            "{source:?} gets a diagnostic"
        );
    }
    let report = parse("完成23个社区换届。没有标题的一段话。");
    assert_eq!(report.preamble.len(), 2);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::NoHeadings)
    );
}

#[test]
fn should_read_a_crlf_file_with_a_bom_like_its_lf_twin() {
    let lf = "某局2023年工作总结\n一、工作成效\n（一）深化改革。完成23个。\n二、2024年工作计划\n（一）推进。完成30个。\n某局\n2024年1月5日\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let (a, b) = (parse(lf), parse(&crlf));
    assert_eq!(outline(&a), outline(&b));
    assert_eq!(a.title.unwrap().text, b.title.unwrap().text);
    assert_eq!(a.signature.unwrap().date, b.signature.unwrap().date);
    let values = |r: &Report<'_>| -> Vec<String> {
        r.sections
            .iter()
            .flat_map(|s| &s.themes)
            .flat_map(|t| &t.items)
            .flat_map(|i| &i.indicators)
            .map(|i| i.value.to_string())
            .collect()
    };
    assert_eq!(values(&parse(lf)), values(&parse(&crlf)));
}

#[test]
fn should_read_parallel_lead_sentences_as_sections_when_there_are_no_markers() {
    let source = "某县2023年工作总结\n2023年，全县上下团结奋斗。\n持之以恒调结构、稳增长，产业发展翻开新篇章。全年地区生产总值增长6.5%。\n坚定不移惠民生、补短板，人民生活持续改善。新增就业1.2万人。\n";
    let report = parse(source);
    assert_eq!(
        outline(&report),
        [
            "- 持之以恒调结构、稳增长，产业发展翻开新篇章",
            "- 坚定不移惠民生、补短板，人民生活持续改善"
        ]
    );
    assert!(
        report
            .sections
            .iter()
            .all(|s| s.kind == SectionKind::Achievements)
    );
    assert_eq!(report.preamble[0].text, "2023年，全县上下团结奋斗。");
}

#[test]
fn should_mark_a_problems_passage_that_has_no_heading() {
    let source = "一、2023年工作回顾\n全年完成投资10亿元。同时，我们也清醒看到，还存在一些困难和问题：一是总量偏小；二是结构不优。\n二、2024年工作安排\n（一）扩大投资。推进。\n";
    let report = parse(source);
    let passages: Vec<&str> = report.sections[0]
        .problems
        .iter()
        .map(|p| p.slice(source).unwrap())
        .collect();
    assert_eq!(
        passages,
        ["同时，我们也清醒看到，还存在一些困难和问题：一是总量偏小；二是结构不优。"]
    );
    assert!(report.sections[1].problems.is_empty());
}

#[test]
fn should_put_parts_above_the_numbered_sections() {
    let source = "某局2023年工作总结和2024年工作计划\n第一部分 2023年工作总结\n一、深化改革\n1）优化服务。完成。\n二、强化监管\n完成。\n第二部分：2024年工作计划\n一.持续优化营商环境\n推进。\n";
    let report = parse(source);
    assert_eq!(
        outline(&report),
        [
            "第一部分 2023年工作总结",
            "  一、 深化改革",
            "    1） 优化服务",
            "  二、 强化监管",
            "第二部分： 2024年工作计划",
            "  一. 持续优化营商环境",
        ]
    );
    let kinds: Vec<SectionKind> = report.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Achievements, SectionKind::Plans]);
}

#[test]
fn should_not_restart_a_numbering_for_a_list_after_a_colon() {
    let source = "一、工作成效 完成任务。二、主要做法 我们的做法是：一、加强领导。二、完善制度。三、强化督导。三、工作计划 推进改革。";
    let report = parse(source);
    let markers: Vec<&str> = report
        .sections
        .iter()
        .map(|s| s.marker.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(markers, ["一、", "二、", "三、"]);
}

#[test]
fn should_read_the_organisation_and_years_from_the_title() {
    for (title, org, years) in [
        (
            "坪山区群团工作部2021年工作总结和2022年工作思路",
            Some("坪山区群团工作部"),
            (Some(2021), Some(2022)),
        ),
        (
            "XX区发展和改革局关于2023年工作情况的报告",
            Some("XX区发展和改革局"),
            (Some(2023), None),
        ),
        (
            "云岭县文化和旅游局二〇二三年工作总结和二〇二四年工作打算",
            Some("云岭县文化和旅游局"),
            (Some(2023), Some(2024)),
        ),
        (
            "2026年甘肃省政府工作报告",
            Some("甘肃省政府"),
            (Some(2025), Some(2026)),
        ),
        (
            "云江市商务局2024年上半年工作总结和下半年工作打算",
            Some("云江市商务局"),
            (Some(2024), Some(2024)),
        ),
    ] {
        let source = format!("{title}\n一、工作成效\n完成。\n");
        let report = parse(&source);
        assert_eq!(
            report.organization.map(|o| o.text.to_string()).as_deref(),
            org,
            "{title}"
        );
        assert_eq!((report.review_year, report.plan_year), years, "{title}");
    }
    // A title that names only the scope of the work leaves the organisation to the
    // signature.
    let source = "2024年全市教育工作要点\n一、总体要求\n推进。\n云州市教育局\n2024年2月18日\n";
    let report = parse(source);
    assert_eq!(
        report.organization.map(|o| o.text.to_string()).as_deref(),
        Some("云州市教育局")
    );
    // A plans section with no year of its own plans the rest of a year reviewed in part.
    let source = "某局2024年上半年工作总结\n一、工作成效\n完成。\n二、下半年工作打算\n推进。\n";
    let report = parse(source);
    assert_eq!(
        (report.review_year, report.plan_year),
        (Some(2024), Some(2024))
    );
}
