//! Numerals as the genre writes them, read exactly.

use gongwen::{Number, parse_number};
use proptest::prelude::*;

fn value(text: &str) -> Option<String> {
    parse_number(text).map(|n| n.to_string())
}

#[test]
fn should_read_chinese_numerals_with_every_magnitude() {
    for (text, want) in [
        ("三十", "30"),
        ("两千", "2000"),
        ("一百二十", "120"),
        ("十万零一千", "101000"),
        ("一万五千亿", "1500000000000"),
        ("二十万亿", "20000000000000"),
        ("一点五七", "1.57"),
        ("零点五", "0.5"),
    ] {
        assert_eq!(
            value(text).as_deref(),
            Some(want),
            "should read {text} as {want}"
        );
    }
}

#[test]
fn should_read_arabic_and_mixed_forms_exactly() {
    for (text, want) in [
        ("49.8万", "498000"),
        ("1,132.92亿", "113292000000"),
        ("７.５万", "75000"),
        ("3万4000", "34000"),
        ("13万2", "132000"),
        ("2.67万亿", "2670000000000"),
        ("0.05", "0.05"),
    ] {
        assert_eq!(
            value(text).as_deref(),
            Some(want),
            "should read {text} as {want}"
        );
    }
}

#[test]
fn should_not_read_names_made_of_numerals_as_numbers() {
    for text in ["十四五", "五一", "三八", "五四", "二〇二二", "十十", "1,23"] {
        assert_eq!(value(text), None, "{text} is not a number");
    }
}

/// Writes `n` in Chinese numerals, with 两 before 千/百/万/亿 when `liang`.
fn chinese(n: u64, liang: bool) -> String {
    fn group(g: u64, leading: bool, liang: bool, before_magnitude: bool) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let mut out = String::new();
        let (mut started, mut zero) = (false, false);
        for (d, unit) in [
            (g / 1000, "千"),
            (g / 100 % 10, "百"),
            (g / 10 % 10, "十"),
            (g % 10, ""),
        ] {
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            let two = d == 2
                && liang
                && (matches!(unit, "千" | "百") || (unit.is_empty() && before_magnitude && g == 2));
            if unit == "十" && d == 1 && !started && leading {
                out.push('十');
            } else {
                out.push_str(if two { "两" } else { digits[d as usize] });
                out.push_str(unit);
            }
            started = true;
        }
        out
    }
    if n == 0 {
        return "零".into();
    }
    let (yi, wan, low) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    let mut out = String::new();
    if yi > 0 {
        out += &chinese(yi, liang);
        if yi == 2 && liang {
            out = "两".into();
        }
        out += "亿";
    }
    if wan > 0 {
        if yi > 0 && wan < 1000 {
            out += "零";
        }
        out += &group(wan, yi == 0, liang, true);
        out += "万";
    }
    if low > 0 {
        if (yi > 0 || wan > 0) && (low < 1000 || wan == 0) {
            out += "零";
        }
        out += &group(low, yi == 0 && wan == 0, liang, false);
    }
    out
}

#[test]
fn the_chinese_writer_writes_the_usual_forms() {
    assert_eq!(chinese(101_000, false), "十万一千");
    assert_eq!(chinese(2_200, true), "两千两百");
    assert_eq!(chinese(1_000_000_000_000, false), "一万亿");
    assert_eq!(chinese(100_010, false), "十万零一十");
}

proptest! {
    #[test]
    fn chinese_numerals_read_back_to_themselves(n in 0u64..=1_000_000_000_000, liang in any::<bool>()) {
        let text = chinese(n, liang);
        prop_assert_eq!(parse_number(&text), Some(Number::integer(n.into())), "{}", text);
    }

    #[test]
    fn arabic_decimals_with_magnitudes_read_back_exactly(mantissa in 0u64..10_000_000, places in 0u32..4, magnitude in 0usize..3) {
        let digits = mantissa.to_string();
        let text = if places == 0 {
            digits.clone()
        } else {
            let padded = format!("{digits:0>width$}", width = places as usize + 1);
            let (int, frac) = padded.split_at(padded.len() - places as usize);
            format!("{int}.{frac}")
        };
        let (word, exponent) = [("", 0u32), ("万", 4), ("亿", 8)][magnitude];
        let expected = Number::ratio(i128::from(mantissa) * 10i128.pow(exponent), 10i128.pow(places)).unwrap();
        prop_assert_eq!(parse_number(&format!("{text}{word}")), Some(expected));
    }
}
