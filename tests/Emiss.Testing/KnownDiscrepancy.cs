using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Emiss.Testing;

/// <summary>
/// Today's value of a quantity that misses its physics target: a gold value from a named run (deterministic seeds,
/// so the run reproduces it exactly) with a statistical tolerance (how far a change of random streams alone may move
/// it, e.g. 3σ of the estimate), so that any physics change that moves it is noticed.
/// </summary>
/// <param name="Value">The gold value.</param>
/// <param name="Tolerance">Allowed |measured − gold|, from the statistical error of the estimate.</param>
/// <param name="Run">The run it came from (commit, seed, events) and how the tolerance was obtained.</param>
public sealed record GoldValue(double Value, double Tolerance, string Run);

/// <summary>The independent number (literature, reference code, closed form) a quantity should reproduce, with the
/// band inside which it counts as reproduced.</summary>
/// <param name="Value">The target.</param>
/// <param name="Tolerance">Allowed |measured − target| for a passing validation.</param>
/// <param name="Source">Where the target and its tolerance come from.</param>
public sealed record PhysicsTarget(double Value, double Tolerance, string Source);

/// <summary>
/// One mechanism for a validation that does not pass yet: not a skip (which hides the number) and not a band widened
/// until it passes (which hides the miss). <see cref="Pin"/> writes "KNOWN DISCREPANCY: …" with the measured value,
/// the target and the reason to the test output, and fails when the measured value leaves its gold band in either
/// direction (a regression, or a fix that must be looked at) or when it meets the target (the pin must then become a
/// real validation test).
/// </summary>
public static class KnownDiscrepancy
{
    /// <summary>Checks <paramref name="measured"/> against its gold value and reports the miss of the target.</summary>
    /// <param name="output">Test output that receives the "KNOWN DISCREPANCY" line.</param>
    /// <param name="quantity">What is measured, with its unit.</param>
    /// <param name="measured">Today's value.</param>
    /// <param name="gold">The pinned gold value and its statistical tolerance.</param>
    /// <param name="target">The physics target that is missed.</param>
    /// <param name="reason">What is known about the cause.</param>
    /// <exception cref="ArgumentException">The gold band overlaps the target band: then there is no established discrepancy.</exception>
    /// <exception cref="XunitException">The value left its gold band or met the target.</exception>
    public static void Pin(ITestOutputHelper output, string quantity, double measured, GoldValue gold, PhysicsTarget target, string reason)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(target);
        if (!(gold.Tolerance > 0) || !(target.Tolerance > 0))
            throw new ArgumentException(Inv($"{quantity} = {measured:G6}: gold and target tolerances must be > 0"));
        if (Math.Abs(gold.Value - target.Value) <= gold.Tolerance + target.Tolerance)
            throw new ArgumentException(Inv($"{quantity} = {measured:G6}: gold band {gold.Value:G5} ± {gold.Tolerance:G3} overlaps target band {target.Value:G5} ± {target.Tolerance:G3}; this is not an established discrepancy"));

        double miss = measured - target.Value;
        string line = Inv($"KNOWN DISCREPANCY: {quantity} = {measured:G5}, target {target.Value:G5} ± {target.Tolerance:G3} ") +
                      Inv($"({target.Source}) missed by {miss:+0.###E+0;-0.###E+0} ({miss / target.Value:+0.0%;-0.0%}); ") +
                      Inv($"pinned at gold value {gold.Value:G5} ± {gold.Tolerance:G3} ({gold.Run}). Cause: {reason}");
        output.WriteLine(line);

        if (Math.Abs(measured - target.Value) <= target.Tolerance)
            throw new XunitException(Inv($"{quantity} = {measured:G5} now meets its target {target.Value:G5} ± {target.Tolerance:G3} ({target.Source}): ") +
                                     "turn this known discrepancy into a validation test against the target.");
        if (!(Math.Abs(measured - gold.Value) <= gold.Tolerance))
            throw new XunitException(Inv($"{quantity} = {measured:G5} left its gold band {gold.Value:G5} ± {gold.Tolerance:G3} ({gold.Run}) ") +
                                     Inv($"{(Math.Abs(miss) < Math.Abs(gold.Value - target.Value) ? "towards" : "away from")} the target {target.Value:G5}: ") +
                                     "find the change that moved it; re-pin only with a new named gold run.\n" + line);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
