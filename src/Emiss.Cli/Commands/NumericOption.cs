using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Emiss.Cli.Commands;

/// <summary>
/// Factories for numeric options: strict invariant parsing (<see cref="InvariantNumber"/>) and a documented range,
/// checked at parse time and shown in <c>--help</c>. A value outside the range is a parse error, reported as one
/// <c>emiss: error: --option: problem; see 'emiss verb --help'</c> line before any work starts.
/// </summary>
internal static class NumericOption
{
    /// <summary>A real option with the documented range <paramref name="range"/>.</summary>
    public static Option<double> Real(string name, string description, double defaultValue, Interval range) =>
        new(name)
        {
            Description = $"{description}; range {range}",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseReal(r, name, range) ?? 0,
        };

    /// <summary>An optional real option (null when absent) with a range.</summary>
    public static Option<double?> OptionalReal(string name, string description, Interval range) =>
        new(name)
        {
            Description = $"{description}; range {range}",
            CustomParser = r => ParseReal(r, name, range),
        };

    /// <summary>A 64-bit count in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<long> Count(string name, string description, long defaultValue, long min, long max, params string[] aliases) =>
        new(name, aliases)
        {
            Description = $"{description}; range {Text(min)} to {Text(max)}",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseCount(r, name, min, max) ?? 0,
        };

    /// <summary>A 32-bit count in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> SmallCount(string name, string description, int defaultValue, int min, int max) =>
        new(name)
        {
            Description = $"{description}; range {Text(min)} to {Text(max)}",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => (int)(ParseCount(r, name, min, max) ?? 0),
        };

    /// <summary>A master seed: any unsigned 64-bit integer.</summary>
    public static Option<ulong> Seed(string description, ulong defaultValue) =>
        new("--seed")
        {
            Description = $"{description}; 0 to 18446744073709551615",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                string token = Single(r);
                if (InvariantNumber.TryParseUnsigned(token, out ulong v, out string problem)) return v;
                r.AddError($"--seed: {problem}");
                return 0;
            },
        };

    /// <summary>
    /// The worker-thread option of every command: 0 means all logical cores, at most <see cref="MaxThreads"/>
    /// (4 × cores: more threads than that only add scheduling overhead, and <c>bench shower</c> runs events × threads
    /// showers). Results never depend on it.
    /// </summary>
    public static Option<int> Threads() =>
        SmallCount("--threads", $"Worker threads, 0 = all {Environment.ProcessorCount} cores; results do not depend on it", 0, 0, MaxThreads);

    /// <summary>Upper limit of <c>--threads</c>.</summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <summary>Resolves a <c>--threads</c> value: 0 means all cores.</summary>
    public static int ResolveThreads(int value) => value == 0 ? Environment.ProcessorCount : value;

    private static double? ParseReal(ArgumentResult r, string name, Interval range)
    {
        string token = Single(r);
        if (!InvariantNumber.TryParseDouble(token, out double v, out string problem))
        {
            r.AddError($"{name}: {problem}");
            return null;
        }
        if (!range.Contains(v))
        {
            r.AddError($"{name}: {token} is outside {range}");
            return null;
        }
        return v;
    }

    private static long? ParseCount(ArgumentResult r, string name, long min, long max)
    {
        string token = Single(r);
        if (!InvariantNumber.TryParseInteger(token, out long v, out string problem))
        {
            r.AddError($"{name}: {problem} (allowed: {Text(min)} to {Text(max)})");
            return null;
        }
        if (v < min || v > max)
        {
            r.AddError($"{name}: {token} is outside {Text(min)} to {Text(max)}");
            return null;
        }
        return v;
    }

    private static string Single(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";

    /// <summary>A count as users read it: 1000000 → "10^6" only for round powers of ten above 10⁴.</summary>
    internal static string Text(long v)
    {
        if (v >= 100_000)
        {
            int exponent = (int)Math.Round(Math.Log10(v));
            if (Math.Pow(10, exponent) == v) return $"1e{exponent}";
        }
        return v.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A real interval with open or closed ends, printed in the usual notation, e.g. (0, 10000].</summary>
internal readonly record struct Interval(double Min, double Max, bool MinOpen, bool MaxOpen)
{
    /// <summary>[min, max].</summary>
    public static Interval Closed(double min, double max) => new(min, max, false, false);

    /// <summary>(min, max].</summary>
    public static Interval LeftOpen(double min, double max) => new(min, max, true, false);

    /// <summary>(min, max).</summary>
    public static Interval Open(double min, double max) => new(min, max, true, true);

    /// <summary>[min, max).</summary>
    public static Interval RightOpen(double min, double max) => new(min, max, false, true);

    public bool Contains(double v) => (MinOpen ? v > Min : v >= Min) && (MaxOpen ? v < Max : v <= Max);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(MinOpen ? '(' : '[')}{Min:G6}, {Max:G6}{(MaxOpen ? ')' : ']')}");
}
