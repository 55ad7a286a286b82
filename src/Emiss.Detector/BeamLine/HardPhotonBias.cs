using Emiss.Core.Random;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// The importance density of the first hard photon's energy fraction y in a forced plane
/// (<see cref="BeamLineTransport.TransportForcedHardBrem(in Beam.BeamParticle, int, double, HardPhotonBias?, ref EventRng, BeamLineRecord)"/>):
/// a defensive mixture q(y) = (1 − β)·q0(y) + β·p_W(y) of a base density q0 (the true spectrum p, or with
/// <see cref="EnergyWeighted"/> the energy-weighted one ∝ 4/3 − 4y/3 + y², which favours large losses) and the true
/// spectrum restricted to the <see cref="Windows"/> (p_W = p·1_W/P(W)), β = <see cref="WindowShare"/>. The weight
/// p(y)/q(y) is exact, and the base density keeps every y reachable, so no region of y is
/// lost whatever the windows (docs/physics/beam-line.md#acceptance-biased-hard-photons; defensive mixtures: Hesterberg,
/// Technometrics 37 (1995) 185).
/// </summary>
/// <param name="EnergyWeighted">Base density: energy-weighted (true) or the true spectrum (false).</param>
/// <param name="Windows">Disjoint ranges [lo, hi] of y, sorted, to be sampled with the share <paramref name="WindowShare"/>;
/// may be empty (then the base density alone is used).</param>
/// <param name="WindowShare">β ∈ [0, 1): the share of draws taken from the windows (when any lies above y_hard).</param>
public sealed record HardPhotonBias(bool EnergyWeighted, IReadOnlyList<(double Lo, double Hi)> Windows, double WindowShare)
{
    /// <summary>The energy-weighted base density alone.</summary>
    public static HardPhotonBias EnergyWeightedOnly { get; } = new(true, [], 0);

    /// <summary>Checks the windows and the share.</summary>
    public void Validate()
    {
        if (!(WindowShare >= 0 && WindowShare < 1)) throw new ArgumentOutOfRangeException(nameof(WindowShare), WindowShare, "the window share must lie in [0, 1)");
        double last = 0;
        foreach ((double lo, double hi) in Windows)
        {
            if (!(lo >= last && hi > lo && hi <= 1)) throw new ArgumentException($"windows must be sorted, disjoint ranges in (0, 1]; got [{lo}, {hi}] after {last}", nameof(Windows));
            last = hi;
        }
    }

    /// <summary>Draws y ∈ [a, min(1, yMax)] from the mixture and returns the weight p(y)/q(y), p the true spectrum
    /// dN/dy ∝ (4/3 − 4y/3 + y²)/y normalised on the same range.</summary>
    public double Sample(double a, double yMax, ref EventRng rng, out double y)
    {
        double b = Math.Min(1.0, yMax);
        if (!(b > a)) throw new ArgumentOutOfRangeException(nameof(yMax), yMax, $"no phase space above y = {a}");
        double n = ThinTargetBremsstrahlung.PhotonsPerX0(a, b);
        Span<double> cumulative = stackalloc double[Windows.Count];
        double inWindows = 0;   // ∫_W dN/dy, windows clipped to [a, b]
        for (int i = 0; i < Windows.Count; i++)
        {
            (double lo, double hi) = Clip(i, a, b);
            if (hi > lo) inWindows += ThinTargetBremsstrahlung.PhotonsPerX0(lo, hi);
            cumulative[i] = inWindows;
        }
        double beta = inWindows > 0 ? WindowShare : 0;
        if (beta > 0 && rng.NextDouble() < beta)
        {
            double u = rng.NextDouble() * inWindows;
            int i = 0;
            while (i < cumulative.Length - 1 && !(u < cumulative[i])) i++;
            (double lo, double hi) = Clip(i, a, b);
            if (!ThinTargetBremsstrahlung.TrySample(lo, hi, b, ref rng, out y))
                throw new InvalidOperationException($"no photon drawn in the window [{lo}, {hi}] below y_max = {b}");
        }
        else if (EnergyWeighted)
        {
            ThinTargetBremsstrahlung.SampleEnergyWeighted(a, b, ref rng, out y);
        }
        else if (!ThinTargetBremsstrahlung.TrySample(a, b, b, ref rng, out y))
        {
            throw new InvalidOperationException($"no photon drawn in [{a}, {b}]");
        }
        double shape = ThinTargetBremsstrahlung.Shape(y);
        double p = shape / y / n;
        double q0 = EnergyWeighted ? shape / ThinTargetBremsstrahlung.EnergyPerX0(a, b) : p;
        double q = (1 - beta) * q0 + (beta > 0 && InWindow(y, a, b) ? beta * shape / y / inWindows : 0);
        return p / q;
    }

    private (double Lo, double Hi) Clip(int i, double a, double b) => (Math.Max(Windows[i].Lo, a), Math.Min(Windows[i].Hi, b));

    private bool InWindow(double y, double a, double b)
    {
        for (int i = 0; i < Windows.Count; i++)
        {
            (double lo, double hi) = Clip(i, a, b);
            if (y >= lo && y <= hi) return true;
        }
        return false;
    }
}
