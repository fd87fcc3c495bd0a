//! Focused cases of the indicator grammar: what is read, how, and what is never reported.

use gongwen::{Approx, Direction, IndicatorKind, Role};

/// Every indicator in the intro of the first section.
fn intro_indicators<'r, 'a>(report: &'r gongwen::Report<'a>) -> Vec<&'r gongwen::Indicator<'a>> {
    report.sections[0]
        .intro
        .iter()
        .flat_map(|t| &t.indicators)
        .collect()
}

/// The indicators of one sentence, as (text, value, unit, approx).
fn read(sentence: &str) -> Vec<(String, String, Option<String>, Approx)> {
    let source = format!("一、工作成效\n{sentence}\n");
    let report = gongwen::parse(&source);
    assert!(gongwen::validate(&report, &source).is_empty());
    report.sections[0]
        .intro
        .iter()
        .flat_map(|t| &t.indicators)
        .map(|i| {
            (
                i.text.to_string(),
                i.value.to_string(),
                i.unit.as_deref().map(String::from),
                i.approx,
            )
        })
        .collect()
}

fn one(sentence: &str) -> (String, String, Option<String>, Approx) {
    let found = read(sentence);
    assert_eq!(found.len(), 1, "{sentence}: {found:?}");
    found.into_iter().next().unwrap()
}

fn texts(sentence: &str) -> Vec<String> {
    read(sentence).into_iter().map(|(t, ..)| t).collect()
}

#[test]
fn should_read_近2_5万人次_as_nearly_25000_人次() {
    assert_eq!(
        one("覆盖青少年近2.5万人次。"),
        (
            "近2.5万人次".into(),
            "25000".into(),
            Some("人次".into()),
            Approx::Nearly
        )
    );
}

#[test]
fn should_read_approximation_words_before_and_after() {
    assert_eq!(one("开展活动共200余场。").3, Approx::Over);
    assert_eq!(one("推送文章上千篇。").1, "1000");
    assert_eq!(one("服务约6000人次。").3, Approx::About);
    assert_eq!(
        one("比重不低于80%。"),
        (
            "不低于80%".into(),
            "80".into(),
            Some("%".into()),
            Approx::Over
        )
    );
    assert_eq!(one("时间不超过2小时。").3, Approx::Under);
    assert_eq!(one("覆盖65岁及以上老人。").0, "65岁及以上");
    assert_eq!(one("增长6%左右。").0, "6%左右");
    assert_eq!(one("培训1000人以上。").0, "1000人以上");
}

#[test]
fn should_not_read_words_that_end_in_约_or_近_as_approximations() {
    for (sentence, text) in [
        ("全年签约12个项目。", "12个"),
        ("预约5人次。", "5人次"),
        ("节约300万元。", "300万元"),
        ("整合附近3家诊所。", "3家"),
        ("赶超20%。", "20%"),
    ] {
        let (found, _, _, approx) = one(sentence);
        assert_eq!(
            (found.as_str(), approx),
            (text, Approx::Exact),
            "{sentence}"
        );
    }
    assert_eq!(one("大约6000人次。").3, Approx::About);
}

#[test]
fn should_not_read_超_before_a_plan_as_an_approximation() {
    assert_eq!(
        one("超年度投资计划21.7%。"),
        (
            "21.7%".into(),
            "21.7".into(),
            Some("%".into()),
            Approx::Exact
        )
    );
}

#[test]
fn should_fold_magnitudes_into_exact_values() {
    assert_eq!(one("累计49.8万元。").1, "498000");
    assert_eq!(one("完成1,132.92亿元。").1, "113292000000");
    assert_eq!(
        one("资金六千余万元。"),
        (
            "六千余万元".into(),
            "60000000".into(),
            Some("元".into()),
            Approx::Over
        )
    );
    assert_eq!(one("粮食产量132.4亿斤。").2.as_deref(), Some("斤"));
}

#[test]
fn should_read_ranges_with_their_high_end() {
    let source = "一、工作成效\n新建3-5个站点，招聘20至30人，占比15%-20%。\n";
    let report = gongwen::parse(source);
    let found = intro_indicators(&report);
    let ranges: Vec<(String, String)> = found
        .iter()
        .map(|i| {
            (
                i.value.to_string(),
                i.max.map(|m| m.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        ranges,
        [
            ("3".into(), "5".into()),
            ("20".into(), "30".into()),
            ("15".into(), "20".into())
        ]
    );
}

#[test]
fn should_read_the_percent_family_and_fractions() {
    assert_eq!(one("达到百分之一点五七。").1, "1.57");
    assert_eq!(one("提高3个百分点。").2.as_deref(), Some("百分点"));
    assert_eq!(one("占三分之一。").1, "1/3");
    assert_eq!(one("控制在千分之三以内。").1, "3");
    assert_eq!(one("控制在千分之三以内。").2.as_deref(), Some("‰"));
    assert_eq!(one("占一百分之一。").1, "0.01");
    assert_eq!(one("增长1.2倍。").2.as_deref(), Some("倍"));
    assert_eq!(one("达到100％。").2.as_deref(), Some("%"));
}

#[test]
fn should_give_the_change_its_direction_and_basis() {
    let source = "一、工作成效\n产值同比增长6.5%，能耗比上年下降3个百分点，产值和税收分别增长5.1%、13.6%。\n";
    let report = gongwen::parse(source);
    let found = intro_indicators(&report);
    let changes: Vec<(Direction, Option<&str>)> = found
        .iter()
        .map(|i| {
            i.change
                .as_ref()
                .map(|c| (c.direction, c.basis.as_deref()))
                .unwrap()
        })
        .collect();
    assert_eq!(
        changes,
        [
            (Direction::Increase, Some("同比")),
            (Direction::Decrease, Some("比上年")),
            (Direction::Increase, None),
            (Direction::Increase, None)
        ]
    );
    assert_eq!(found[1].kind, IndicatorKind::PercentagePoints);

    // A verb after the change before it in a list compares with the same basis.
    let source = "一、工作成效\n进出口同比分别增长8.7%、下降5.2%，产值增长3%、下降2%。\n";
    let report = gongwen::parse(source);
    let bases: Vec<Option<&str>> = intro_indicators(&report)
        .iter()
        .map(|i| i.change.as_ref().and_then(|c| c.basis.as_deref()))
        .collect();
    assert_eq!(bases, [Some("同比"), Some("同比"), None, None]);
}

#[test]
fn should_read_a_negative_growth_with_its_sign() {
    let source = "一、工作成效\n非税收入9.27亿元，同比增长-3.2%，与2022年-2023年持平。\n";
    let report = gongwen::parse(source);
    let found = intro_indicators(&report);
    let read: Vec<(&str, String, Option<Direction>)> = found
        .iter()
        .map(|i| {
            let direction = i.change.as_ref().map(|c| c.direction);
            (i.text.as_ref(), i.value.to_string(), direction)
        })
        .collect();
    assert_eq!(
        read,
        [
            ("9.27亿元", "927000000".to_string(), None),
            ("-3.2%", "-3.2".to_string(), Some(Direction::Increase))
        ]
    );
}

#[test]
fn should_not_read_an_upgrade_of_things_as_a_growth() {
    let source = "一、工作成效\n改造提升24个服务区，收入提升3.2%，增加5000个学位，时限压缩75%。\n";
    let report = gongwen::parse(source);
    let directions: Vec<Option<Direction>> = intro_indicators(&report)
        .iter()
        .map(|i| i.change.as_ref().map(|c| c.direction))
        .collect();
    assert_eq!(
        directions,
        [
            None,
            Some(Direction::Increase),
            Some(Direction::Increase),
            Some(Direction::Decrease)
        ]
    );
}

#[test]
fn should_share_the_last_unit_across_a_list() {
    let found = read("客运量分别达1409万、1305万人次。");
    assert_eq!(found[0].2.as_deref(), Some("人次"));
    let found = read("增速分别快于全国3.4个、1个百分点。");
    assert_eq!(found[0].2.as_deref(), Some("百分点"));
}

#[test]
fn should_share_a_leading_approximation_across_a_list() {
    let approx = |sentence: &str| -> Vec<Approx> { read(sentence).iter().map(|f| f.3).collect() };
    assert_eq!(
        approx("收入分别超过8万元、4.5万元。"),
        [Approx::Over, Approx::Over]
    );
    assert_eq!(
        approx("分别不足10%、15%和20%，另有30%。"),
        [Approx::Under, Approx::Under, Approx::Exact, Approx::Exact]
    );
    // A number with a word of its own keeps it, and a trailing word is not shared.
    assert_eq!(approx("分别超过2%、近5%。"), [Approx::Over, Approx::Nearly]);
    assert_eq!(
        approx("分别增长5%以上、8%。"),
        [Approx::Over, Approx::Exact]
    );
}

#[test]
fn should_mark_values_in_plans_as_targets() {
    let source = "一、2023年工作成效\n完成23个。\n二、2024年工作计划\n完成30个。\n";
    let report = gongwen::parse(source);
    assert_eq!(
        report.sections[0].intro[0].indicators[0].role,
        Role::Achieved
    );
    assert_eq!(report.sections[1].intro[0].indicators[0].role, Role::Target);
}

#[test]
fn should_mark_values_in_an_appendix_for_the_plan_year_as_targets() {
    let roles = |appendix: &str| -> Vec<(String, Role)> {
        let source =
            format!("一、2025年工作回顾\n完成23个。\n二、2026年重点工作\n完成30个。\n{appendix}");
        let report = gongwen::parse(&source);
        assert!(gongwen::validate(&report, &source).is_empty());
        let appendix = &report.sections[2];
        assert_eq!(appendix.kind, gongwen::SectionKind::Other);
        let themes = appendix.themes.iter();
        let texts = appendix
            .intro
            .iter()
            .chain(themes.flat_map(|t| t.headline.iter().chain(&t.items)));
        texts
            .flat_map(|t| &t.indicators)
            .map(|i| (i.text.to_string(), i.role))
            .collect()
    };
    // The list's title on the line after `附件`, or in the heading itself.
    let listed = "附件\n2026年民生实事\n1.新增就业18万人以上。\n2.新建学校12所。\n";
    assert_eq!(
        roles(listed),
        [
            ("18万人以上".to_string(), Role::Target),
            ("12所".to_string(), Role::Target)
        ]
    );
    let headed = "附件1：2026年民生实事\n新建学校12所。\n";
    assert_eq!(roles(headed), [("12所".to_string(), Role::Target)]);
    // A table of the year reviewed holds achieved values.
    let reviewed = "附件\n2025年民生实事完成情况\n新建学校12所。\n";
    assert_eq!(roles(reviewed), [("12所".to_string(), Role::Achieved)]);
    // A glossary defines names: none of its numerals is reported.
    let glossary = "附件2\n名词解释\n1.“双一流”：指一流大学，共建12所。\n";
    assert_eq!(roles(glossary), []);
}

#[test]
fn should_never_report_dates_years_or_periods() {
    for s in [
        "2021年完成了。",
        "在2019-2020年度获评。",
        "编制2021-2025年规划。",
        "截至2022-2-16日。",
        "二〇二二年已完成。",
        "1至10月完成。",
        "第一季度完成。",
        "11月6日开通。",
        "24时前完成。",
        "建党100周年。",
        "21世纪以来。",
        "全年3点。",
    ] {
        assert_eq!(texts(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn should_read_a_number_without_unit_stated_after_为() {
    assert_eq!(texts("孕产妇死亡率为0，综合指数为95。"), ["0", "95"]);
    assert_eq!(
        texts("婴儿死亡率、孕产妇死亡率分别为0、2.1‰。"),
        ["0", "2.1‰"]
    );
    // Not where more follows it in the clause, nor after any other word.
    assert_eq!(texts("列为3A景区，综合指数95。"), Vec::<String>::new());
}

#[test]
fn should_read_a_decimal_number_of_years_and_a_chinese_decimal_as_amounts() {
    assert_eq!(texts("历时10.5年建成。"), ["10.5年"]);
    assert_eq!(texts("增长一点五倍。"), ["一点五倍"]);
}

#[test]
fn should_never_report_ordinals_ranks_or_sessions() {
    for s in [
        "第19批。",
        "党的十九届六中全会。",
        "第二次党代会。",
        "首家。",
        "第一、二轮督察。",
        "省委十三届七次、八次全会。",
        "排名由369位上升到235位。",
        "居全国前10位。",
        "其中（3）项已完成。",
        "按(一)(二)两类办理。",
        "要点如下：一、加强管理；二、完善机制；1.医疗保障；2．教育。",
    ] {
        assert_eq!(texts(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn should_never_report_numerals_in_names_and_set_phrases() {
    for s in [
        "获得五一劳动奖章。",
        "获评三八红旗手。",
        "落实十四五规划。",
        "聚焦“双区”驱动。",
        "成立两新组织。",
        "开展两癌筛查。",
        "落实三孩政策。",
        "推进一带一路。",
        "打造一站式平台。",
        "推出一批项目。",
        "进一步完善。",
        "建立四级联动。",
        "提供“公益12小时”服务。",
        "宣传“家庭居家防疫30条”。",
        "打造汽车零部件产业。",
        "三门峡市、七台河市、五家渠市和九台区建成产业园。",
        "三门核电获国家核准，五台山景区提质。",
    ] {
        assert_eq!(texts(s), Vec::<String>::new(), "{s}");
    }
    // The measure words of those names still count outside them.
    assert_eq!(texts("开设三门课程，购置五台设备。"), ["三门", "五台"]);
}

#[test]
fn should_never_report_identifiers_codes_or_formulas() {
    for s in [
        "拨打12345热线。",
        "处理12351工单。",
        "设立12355服务站。",
        "印发〔2021〕15号文件。",
        "电话0755-12345678。",
        "PM2.5浓度下降。",
        "建设5G基站。",
        "防控COVID-19疫情。",
        "建立“1+6+23+N”体系。",
        "加快数字政府2.0建设。",
        "积石山6.2级地震。",
    ] {
        assert_eq!(texts(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn should_keep_real_counts_next_to_names() {
    assert_eq!(texts("获得五一劳动奖章2人。"), ["2人"]);
    assert_eq!(texts("12345热线受理诉求3.2万件。"), ["3.2万件"]);
    assert_eq!(texts("办好十件民生实事。"), ["十件"]);
}

#[test]
fn should_keep_the_whole_unit_of_a_rate() {
    let found =
        read("接待1500人/天，低保标准由780元/人·月提高至810元/人·月，平均救助约1,320元/人次。");
    let read: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f.0.as_str(), f.2.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        read,
        [
            ("1500人/天", "人/天"),
            ("780元/人·月", "元/人·月"),
            ("810元/人·月", "元/人·月"),
            ("约1,320元/人次", "元/人次")
        ]
    );
}

#[test]
fn should_read_less_common_measure_words_and_their_compounds_with_次() {
    let found =
        read("获得金牌3枚，发射卫星5颗，连续12发圆满成功，放流鱼苗1000万尾，接种疫苗200万剂次。");
    let units: Vec<_> = found.iter().map(|f| f.2.as_deref().unwrap_or("")).collect();
    assert_eq!(units, ["枚", "颗", "发", "尾", "剂次"]);
    assert_eq!(one("全市火化遗体2.31万具。").2.as_deref(), Some("具"));
    let found = read("检查加油站点460余座次、学校35所次，整改隐患22处次。");
    let units: Vec<_> = found.iter().map(|f| f.2.as_deref().unwrap_or("")).collect();
    assert_eq!(units, ["座次", "所次", "处次"]);
    // Words that start like one of them are not measure words.
    assert_eq!(texts("推动3发展，建设首都。"), Vec::<String>::new());
}

#[test]
fn should_count_years_after_a_word_that_counts_time_but_not_calendar_years() {
    assert_eq!(one("总量连续37年居全国首位。").0, "37年");
    assert_eq!(one("土地承包期再延长30年。").2.as_deref(), Some("年"));
    assert_eq!(texts("连续三年获评，提前两年完成。"), ["三年", "两年"]);
    assert_eq!(texts("三年任务两年完成。"), Vec::<String>::new());
    assert_eq!(texts("2021年完成了。"), Vec::<String>::new());
    assert_eq!(texts("实施五年行动计划。"), Vec::<String>::new());
}
