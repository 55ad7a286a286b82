using System.Globalization;

namespace Emiss.Cli.Commands;

/// <summary>
/// Strict, culture-invariant number parsing for command-line values and run-card strings. The .NET default
/// (<c>NumberStyles.Float | AllowThousands</c>) reads "1,5" as 15: a user who writes a locale decimal comma gets a
/// silently wrong energy or coupling. Here '.' is the only decimal point, no group separators are accepted, and
/// NaN/∞ are rejected, so a value either means what it says or is an error.
/// </summary>
internal static class InvariantNumber
{
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Largest integer that a double holds exactly (2⁵³): counts written as "1e6" must not round.</summary>
    private const double ExactIntegerLimit = 9007199254740992.0;

    /// <summary>Parses a finite real number, or returns the reason it is not one.</summary>
    public static bool TryParseDouble(string text, out double value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = "";
        if (double.TryParse(text, Real, CultureInfo.InvariantCulture, out value))
        {
            if (double.IsFinite(value)) return true;
            problem = $"'{text}' is not a finite number";
            return false;
        }
        problem = Explain(text);
        return false;
    }

    /// <summary>Parses an integer (plain digits, or exponent notation such as 1e6 when it is an exact integer).</summary>
    public static bool TryParseInteger(string text, out long value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        if (IsDigitsOnly(text.TrimStart('+', '-')))
        {
            problem = $"'{text}' is too large";
            return false;
        }
        if (double.TryParse(text, Real, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
        {
            if (Math.Abs(d) > ExactIntegerLimit)
            {
                problem = $"'{text}' is too large";
                return false;
            }
            if (d == Math.Floor(d))
            {
                value = (long)d;
                return true;
            }
            problem = $"'{text}' is not a whole number";
            return false;
        }
        problem = Explain(text);
        return false;
    }

    /// <summary>Parses an unsigned 64-bit integer (seeds).</summary>
    public static bool TryParseUnsigned(string text, out ulong value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = "";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
        problem = IsDigitsOnly(text) ? $"'{text}' is larger than 18446744073709551615"
            : text.StartsWith('-') ? $"'{text}' is negative" : $"'{text}' is not a whole number of digits 0–9";
        return false;
    }

    private static bool IsDigitsOnly(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static string Explain(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('\'', StringComparison.Ordinal) || text.Contains('_', StringComparison.Ordinal)
        || text.Any(c => c is ' ' or '\u00a0' or '\u202f')
            ? $"'{text}' is not a number: write '.' as the decimal point and no thousands separators (e.g. 1.5 or 1500)"
            : $"'{text}' is not a number";
}
