using System.Globalization;
using Emiss.Core.Random;

namespace Emiss.Core.Diagnostics;

/// <summary>
/// Bounds of the engine's sampling and stepping loops. Every loop whose trip count depends on random numbers or on
/// floating-point progress counts its iterations and, past its bound, throws the error made here: at 10⁹–10¹⁰
/// events any per-event chance of an endless loop would stall a production, and the message names the generator's
/// (seed, stream, event) so that the event can be replayed alone. The counters are plain integers in registers, so
/// the bounds cost nothing measurable in hot loops.
/// </summary>
public static class LoopBound
{
    /// <summary>Proposals allowed to one rejection-sampling call. A sampler with acceptance p exhausts them with
    /// probability (1 − p)^100000 (below 10⁻⁴³ for p ≥ 10⁻³), so reaching the bound means a bug (a majorant below
    /// its target, a NaN), not bad luck.</summary>
    public const int SamplerTries = 100_000;

    /// <summary>The error for a loop named <paramref name="loop"/> that reached <paramref name="bound"/> iterations;
    /// <paramref name="state"/> describes the inputs (energies, indices) and the generator's key says how to replay.</summary>
    public static EmissInternalException Exceeded(string loop, long bound, in EventRng rng, string state) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"internal error: {loop} did not finish within {bound} iterations ({state}); replay with {rng.DescribeKey()}"));
}
