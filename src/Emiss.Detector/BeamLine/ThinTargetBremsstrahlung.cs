using Emiss.Core.Diagnostics;
using Emiss.Core.Random;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// Bremsstrahlung and pair production in the thin material of the beam line, complete-screening limit
/// (docs/physics/bremsstrahlung.md#complete-screening-and-radiation-length, Z-independent part): photons per X0 with
/// energy fraction y = k/E: dN/dy = (4/3 − 4y/3 + y²)/y; photon conversion probability 1 − exp(−(7/9)·x/X0) with the
/// positron fraction x distributed as 1 − (4/3)x(1 − x) (docs/physics/pair-production.md#cross-section).
/// </summary>
public static class ThinTargetBremsstrahlung
{
    /// <summary>Pair-production attenuation per X0 at high energy (docs/physics/pair-production.md#cross-section).</summary>
    public const double PairPerX0 = 7.0 / 9.0;

    /// <summary>∫_a^b (4/3 − 4y/3 + y²)/y dy: photons with a ≤ y ≤ b per X0.</summary>
    public static double PhotonsPerX0(double a, double b) =>
        4.0 / 3.0 * Math.Log(b / a) - 4.0 / 3.0 * (b - a) + 0.5 * (b * b - a * a);

    /// <summary>∫_a^b (4/3 − 4y/3 + y²) dy: the energy-weighted integral (the biased hard-photon density's norm).</summary>
    public static double EnergyPerX0(double a, double b) =>
        4.0 / 3.0 * (b - a) - 2.0 / 3.0 * (b * b - a * a) + (b * b * b - a * a * a) / 3.0;

    /// <summary>The spectrum's numerator 4/3 − 4y/3 + y² (dN/dy per X0 times y).</summary>
    internal static double Shape(double y) => 4.0 / 3.0 - 4.0 / 3.0 * y + y * y;

    /// <summary>Samples y from dN/dy on [a, b] truncated at the kinematic end point <paramref name="yMax"/>: proposal
    /// ∝ 1/y, accepted with (4/3 − 4y/3 + y²)/(4/3), proposals above the end point rejected. Returns false (no photon)
    /// when yMax &lt; min(b, 2a): the acceptance would fall below ≈ 6 % and the photons left are irrelevant (E ≈ m).</summary>
    public static bool TrySample(double a, double b, double yMax, ref EventRng rng, out double y)
    {
        y = 0;
        if (yMax < Math.Min(b, 2 * a)) return false;
        double ratio = b / a;
        for (int tries = 0; ; tries++)
        {
            if (tries == LoopBound.SamplerTries)
                throw LoopBound.Exceeded("beam-line bremsstrahlung sampling", tries, in rng, $"y in [{a}, {b}], y_max = {yMax}");
            y = a * Math.Pow(ratio, rng.NextDouble());
            bool accepted = rng.NextDouble() * (4.0 / 3.0) <= Shape(y);
            if (accepted && y <= yMax) return true;
        }
    }

    /// <summary>Samples a hard photon y ∈ [a, min(1, yMax)] from the energy-weighted density (4/3 − 4y/3 + y²), which
    /// favours large y, and returns the importance weight of the unbiased density dN/dy relative to it:
    /// w = (1/y)·∫(4/3 − 4y/3 + y²)dy / ∫dN/dy over the same (truncated) range.</summary>
    public static double SampleEnergyWeighted(double a, double yMax, ref EventRng rng, out double y)
    {
        double b = Math.Min(1.0, yMax);
        if (!(b > a)) throw new ArgumentOutOfRangeException(nameof(yMax), yMax, $"no phase space above y = {a}");
        double majorant = Math.Max(Shape(a), Shape(b));
        for (int tries = 0; ; tries++)
        {
            if (tries == LoopBound.SamplerTries)
                throw LoopBound.Exceeded("biased bremsstrahlung sampling", tries, in rng, $"y in [{a}, {b}]");
            y = a + (b - a) * rng.NextDouble();
            if (rng.NextDouble() * majorant <= Shape(y)) break;
        }
        return EnergyPerX0(a, b) / (y * PhotonsPerX0(a, b));
    }

    /// <summary>k ≥ 1 from the Poisson distribution of mean <paramref name="mean"/> conditioned on k ≥ 1 (inversion).</summary>
    public static int ZeroTruncatedPoisson(double mean, ref EventRng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        double u = rng.NextDouble() * (1 - Math.Exp(-mean));   // P(k ≥ 1) = 1 − e^{−μ}
        double p = Math.Exp(-mean) * mean, cum = p;
        int k = 1;
        while (u > cum && k < 1000)
        {
            k++;
            p *= mean / k;
            cum += p;
        }
        return k;
    }

    /// <summary>Positron energy fraction x ∈ [m/k, 1 − m/k] of a conversion, from 1 − (4/3)x(1 − x) (complete screening).</summary>
    public static double SamplePairFraction(double photonGeV, double leptonMassGeV, ref EventRng rng)
    {
        double lo = leptonMassGeV / photonGeV;
        for (int tries = 0; ; tries++)
        {
            if (tries == LoopBound.SamplerTries)
                throw LoopBound.Exceeded("beam-line pair sampling", tries, in rng, $"k = {photonGeV} GeV");
            double x = lo + (1 - 2 * lo) * rng.NextDouble();
            if (rng.NextDouble() <= 1 - 4.0 / 3.0 * x * (1 - x)) return x;
        }
    }
}
