using System.Globalization;
using CsCheck;
using Emiss.Cli.Commands;
using Xunit;

namespace Emiss.Cli.Tests;

/// <summary>Properties of the strict numeric parsers behind every numeric option.</summary>
public class InvariantNumberPropertyTests
{
    [Fact]
    public void Every_finite_double_round_trips_in_invariant_format() =>
        Gen.Double.Where(double.IsFinite).Sample(d =>
        {
            foreach (string format in (string[])["R", "E10", "G17"])
            {
                string text = d.ToString(format, CultureInfo.InvariantCulture);
                Assert.True(InvariantNumber.TryParseDouble(text, out double back, out string problem), $"{text}: {problem}");
                Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), back);
            }
            Assert.True(InvariantNumber.TryParseDouble(d.ToString("R", CultureInfo.InvariantCulture), out double exact, out _));
            Assert.Equal(d, exact);
        });

    [Fact]
    public void Every_long_round_trips() =>
        Gen.Long.Sample(v =>
        {
            Assert.True(InvariantNumber.TryParseInteger(v.ToString(CultureInfo.InvariantCulture), out long back, out _));
            Assert.Equal(v, back);
        });

    [Fact]
    public void Every_ulong_round_trips() =>
        Gen.ULong.Sample(v =>
        {
            Assert.True(InvariantNumber.TryParseUnsigned(v.ToString(CultureInfo.InvariantCulture), out ulong back, out _));
            Assert.Equal(v, back);
        });

    /// <summary>
    /// Numbers of 4+ integer digits written with the group separators of common locales (en ',', fr U+202F/U+00A0,
    /// de-CH '\'', programmers' '_' and ' '). A lone '.' group separator (de "1.000") cannot be told from a decimal
    /// point and reads as 1.0 in every invariant parser; it is left out.
    /// </summary>
    [Fact]
    public void A_number_with_thousands_separators_is_rejected() =>
        Gen.Select(Gen.Long[1000, long.MaxValue / 10], Gen.OneOf(",", "\u202f", "\u00a0", "'", "_", " ")).Sample((v, separator) =>
        {
            string digits = v.ToString(CultureInfo.InvariantCulture);
            int head = digits.Length % 3 == 0 ? 3 : digits.Length % 3;
            var groups = new List<string> { digits[..head] };
            for (int i = head; i < digits.Length; i += 3) groups.Add(digits.Substring(i, 3));
            string text = string.Join(separator, groups);
            Assert.False(InvariantNumber.TryParseDouble(text, out _, out _), text);
            Assert.False(InvariantNumber.TryParseInteger(text, out _, out _), text);
            Assert.False(InvariantNumber.TryParseUnsigned(text, out _, out _), text);
        });

    /// <summary>A decimal comma ("1,5", "0,001", "2,5e-4") is never read as a number, whatever digits surround it.</summary>
    [Fact]
    public void A_locale_decimal_comma_is_rejected() =>
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.OneOf("", "e-4", "E3")).Sample((whole, fraction, exponent) =>
        {
            string text = $"{whole.ToString(CultureInfo.InvariantCulture)},{fraction.ToString(CultureInfo.InvariantCulture)}{exponent}";
            Assert.False(InvariantNumber.TryParseDouble(text, out _, out string problem), text);
            Assert.Contains("decimal point", problem, StringComparison.Ordinal);
            Assert.False(InvariantNumber.TryParseInteger(text, out _, out _), text);
        });

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1e400")]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    public void Non_finite_or_malformed_reals_are_rejected(string text) =>
        Assert.False(InvariantNumber.TryParseDouble(text, out _, out _));

    [Theory]
    [InlineData("1e6", 1_000_000)]
    [InlineData("2.5e3", 2500)]
    [InlineData("-7", -7)]
    public void Integers_may_be_written_in_exponent_notation_when_exact(string text, long expected)
    {
        Assert.True(InvariantNumber.TryParseInteger(text, out long v, out _));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("1e20")]
    [InlineData("99999999999999999999")]
    public void Fractions_and_out_of_range_integers_are_rejected(string text) =>
        Assert.False(InvariantNumber.TryParseInteger(text, out _, out _));
}
