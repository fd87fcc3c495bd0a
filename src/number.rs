//! Exact numbers: the value of an indicator, kept as a reduced fraction.
//!
//! `49.8万` is 498000 exactly, `百分之一点五七` is 1.57 exactly and `三分之一` is 1/3
//! exactly; conversion to floating point happens only at output.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// An exact rational number `numerator / denominator`, always reduced, with a
/// positive denominator.
///
/// ```
/// use gongwen::Number;
/// let n = Number::parse_decimal("49.8").unwrap().scaled(4).unwrap();
/// assert_eq!(n.to_string(), "498000");
/// assert_eq!(n.to_f64(), 498000.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    numerator: i128,
    denominator: i128,
}

impl Number {
    /// Zero.
    pub const ZERO: Number = Number {
        numerator: 0,
        denominator: 1,
    };

    /// The integer `n`.
    pub const fn integer(n: i128) -> Self {
        Number {
            numerator: n,
            denominator: 1,
        }
    }

    /// `numerator / denominator`, reduced; `None` when the denominator is zero.
    pub fn ratio(numerator: i128, denominator: i128) -> Option<Self> {
        if denominator == 0 {
            return None;
        }
        let (n, d) = if denominator < 0 {
            (numerator.checked_neg()?, denominator.checked_neg()?)
        } else {
            (numerator, denominator)
        };
        // Most numbers of a report are whole: nothing to reduce.
        if d == 1 {
            return Some(Number::integer(n));
        }
        let g = gcd(n.unsigned_abs(), d.unsigned_abs()) as i128;
        Some(Number {
            numerator: n / g.max(1),
            denominator: d / g.max(1),
        })
    }

    /// `mantissa × 10^exponent`, the way a decimal is written (`92.18` is 9218 × 10^-2);
    /// `None` when it does not fit. Reduced in 64 bits where the power of ten fits them.
    pub(crate) fn decimal(mantissa: u64, exponent: i32) -> Option<Self> {
        let power = pow10(exponent.unsigned_abs())?;
        match (exponent >= 0, u64::try_from(power)) {
            // Two 64-bit factors never overflow 128 bits, and multiply by one instruction.
            (true, Ok(power)) => {
                let product = u128::from(mantissa) * u128::from(power);
                i128::try_from(product).ok().map(Number::integer)
            }
            (true, Err(_)) => i128::from(mantissa).checked_mul(power).map(Number::integer),
            (false, Ok(power)) => {
                let g = gcd64(mantissa, power);
                Some(Number {
                    numerator: i128::from(mantissa / g),
                    denominator: i128::from(power / g),
                })
            }
            (false, Err(_)) => Number::ratio(i128::from(mantissa), power),
        }
    }

    /// Reads a plain decimal written in ASCII digits, such as `1132.92` or `7`.
    pub fn parse_decimal(text: &str) -> Option<Self> {
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut numerator: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            numerator = numerator
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
        }
        Number::ratio(numerator, pow10(frac.len() as u32)?)
    }

    /// The numerator of the reduced fraction.
    pub const fn numerator(self) -> i128 {
        self.numerator
    }

    /// The denominator of the reduced fraction (always positive).
    pub const fn denominator(self) -> i128 {
        self.denominator
    }

    /// Whether the number is a whole number.
    pub const fn is_integer(self) -> bool {
        self.denominator == 1
    }

    /// This number times `10^exponent`; `None` on overflow.
    pub fn scaled(self, exponent: u32) -> Option<Self> {
        self.checked_mul(Number::integer(pow10(exponent)?))
    }

    /// Exact sum; `None` on overflow.
    pub fn checked_add(self, other: Number) -> Option<Self> {
        let n = self
            .numerator
            .checked_mul(other.denominator)?
            .checked_add(other.numerator.checked_mul(self.denominator)?)?;
        Number::ratio(n, self.denominator.checked_mul(other.denominator)?)
    }

    /// Exact product; `None` on overflow.
    pub fn checked_mul(self, other: Number) -> Option<Self> {
        Number::ratio(
            self.numerator.checked_mul(other.numerator)?,
            self.denominator.checked_mul(other.denominator)?,
        )
    }

    /// Exact quotient; `None` on overflow or division by zero.
    pub fn checked_div(self, other: Number) -> Option<Self> {
        Number::ratio(
            self.numerator.checked_mul(other.denominator)?,
            self.denominator.checked_mul(other.numerator)?,
        )
    }

    /// The nearest `f64` (exact for every decimal of up to 15 significant digits).
    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// The decimal expansion when it is finite (denominator of the form 2^a·5^b).
    fn decimal_places(self) -> Option<u32> {
        let mut d = self.denominator;
        let (mut twos, mut fives) = (0u32, 0u32);
        while d % 2 == 0 {
            d /= 2;
            twos += 1;
        }
        while d % 5 == 0 {
            d /= 5;
            fives += 1;
        }
        (d == 1).then_some(twos.max(fives))
    }
}

impl Default for Number {
    fn default() -> Self {
        Number::ZERO
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        match (
            self.numerator.checked_mul(other.denominator),
            other.numerator.checked_mul(self.denominator),
        ) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

/// Prints the exact decimal (`1.57`, `498000`), or `p/q` when the decimal does
/// not terminate (`1/3`).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(places) = self.decimal_places() else {
            return write!(f, "{}/{}", self.numerator, self.denominator);
        };
        let scaled = pow10(places)
            .and_then(|p| p.checked_div(self.denominator))
            .and_then(|k| self.numerator.checked_mul(k));
        let Some(scaled) = scaled else {
            return write!(f, "{}", self.to_f64());
        };
        let sign = if scaled < 0 { "-" } else { "" };
        let digits = scaled.unsigned_abs().to_string();
        if places == 0 {
            return write!(f, "{sign}{digits}");
        }
        let places = places as usize;
        let padded = format!("{digits:0>width$}", width = places + 1);
        let (int, frac) = padded.split_at(padded.len() - places);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// A JSON number: an integer when the value is whole, otherwise the nearest
/// floating-point number.
impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_integer() {
            if let Ok(n) = i64::try_from(self.numerator) {
                return serializer.serialize_i64(n);
            }
        }
        serializer.serialize_f64(self.to_f64())
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number::integer(v.into()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(Number::integer(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Number, E> {
                // The shortest decimal that reads back as `v` is the number that was written.
                let text = v.abs().to_string();
                let n =
                    Number::parse_decimal(&text).ok_or_else(|| E::custom("number out of range"))?;
                Ok(if v < 0.0 {
                    Number::integer(-1).checked_mul(n).unwrap_or(n)
                } else {
                    n
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// [`gcd`] of numbers that 64 bits hold, which divide without a library call.
fn gcd64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `10^exponent`, or `None` when it does not fit.
pub(crate) fn pow10(exponent: u32) -> Option<i128> {
    POWERS_OF_TEN.get(exponent as usize).copied()
}

/// `10^0` … `10^38`: every power of ten an `i128` holds.
const POWERS_OF_TEN: [i128; 39] = {
    let mut powers = [1; 39];
    let mut i = 1;
    while i < powers.len() {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_stay_exact() {
        let n = Number::parse_decimal("49.8").unwrap().scaled(4).unwrap();
        assert_eq!(n, Number::integer(498000));
        assert_eq!(Number::parse_decimal("1.57").unwrap().to_string(), "1.57");
        assert_eq!(Number::parse_decimal("0.05").unwrap().to_string(), "0.05");
        assert_eq!(Number::ratio(1, 3).unwrap().to_string(), "1/3");
    }

    #[test]
    fn powers_of_ten_are_those_an_i128_holds() {
        for exponent in 0..50 {
            assert_eq!(pow10(exponent), 10i128.checked_pow(exponent), "{exponent}");
        }
    }

    #[test]
    fn serializes_integers_as_integers() {
        let n = Number::parse_decimal("1132.92").unwrap().scaled(8).unwrap();
        assert_eq!(n.to_string(), "113292000000");
        assert!(n.is_integer());
    }

    #[test]
    fn ratios_are_reduced_with_a_positive_denominator() {
        let n = Number::ratio(-6, -4).unwrap();
        assert_eq!((n.numerator(), n.denominator()), (3, 2));
        let n = Number::ratio(6, -1).unwrap();
        assert_eq!((n.numerator(), n.denominator()), (-6, 1));
        assert_eq!(Number::ratio(0, 5), Some(Number::ZERO));
        assert_eq!(Number::ratio(1, 0), None);
    }

    proptest::proptest! {
        /// Integers of up to 38 digits are read exactly.
        #[test]
        fn integers_are_read_exactly(digits in "[0-9]{1,38}") {
            let expected: i128 = digits.parse().unwrap();
            proptest::prop_assert_eq!(Number::parse_decimal(&digits), Some(Number::integer(expected)));
        }

        /// Decimals reduced in 64 bits are the fractions reduced in 128.
        #[test]
        fn decimals_are_reduced_fractions(
            mantissa in proptest::prop_oneof![
                proptest::prelude::any::<u64>(),
                proptest::strategy::Strategy::prop_map((0u64..100_000, 0u32..15), |(m, zeros)| m * 10u64.pow(zeros)),
            ],
            exponent in -40i32..40,
        ) {
            let power = pow10(exponent.unsigned_abs());
            let expected = match power {
                Some(p) if exponent >= 0 => i128::from(mantissa).checked_mul(p).map(Number::integer),
                Some(p) => Number::ratio(i128::from(mantissa), p),
                None => None,
            };
            proptest::prop_assert_eq!(Number::decimal(mantissa, exponent), expected);
        }
    }
}
