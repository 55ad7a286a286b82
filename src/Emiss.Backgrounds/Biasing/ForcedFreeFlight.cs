using Emiss.Core.Random;

namespace Emiss.Backgrounds.Biasing;

/// <summary>
/// Importance sampling of a free path that must be long: a depth u (in mean free paths) with true density
/// p(u) = e^(−u) is drawn from the defensive mixture
/// q(u) = (1 − a) e^(−u) + a Σ_j π_j e^(−(u − L_j)) [u &gt; L_j] — with probability a π_j the particle is forced to fly
/// freely to the depth L_j and then interacts with its true law (the exponential is memoryless), as Geant4's
/// GenericBiasing does with <c>G4BOptnForceFreeFlight</c> (Geant4 Application Developers' Guide, "Event biasing") —
/// and carries the weight p(u)/q(u) = 1 / (1 − a + a Σ_{L_j &lt; u} π_j e^(L_j)). The weight depends only on which
/// depths u has passed: it is ≤ 1/(1 − a) everywhere and constant behind the deepest L_j passed, so the
/// probability of crossing many interaction lengths — e^(−L) ≈ 10⁻⁷ for the 16 λ_I in front of the NA64 HCAL's
/// third module — is estimated with a relative error of order 1/√(a π_j M) instead of e^(L/2)/√M. This is the
/// zero-variance choice for P(u &gt; L_j) itself, a refinement of the exponential transform (Clark, ORNL-RSIC-14 (1966)),
/// whose stretched exponential gives weights that still vary as e^(−u(1 − 1/b)) behind L
/// (docs/physics/hadron-biasing.md#first-interaction-depth).
/// </summary>
public sealed class ForcedFreeFlight
{
    private readonly double[] _depths;
    private readonly double[] _cumulative;

    /// <summary>Creates the mixture forcing to each of <paramref name="depths"/> (mean free paths, ≥ 0, ascending) with equal
    /// shares π_j = 1/J of the forced probability <paramref name="probability"/> = a in [0, 1).</summary>
    public ForcedFreeFlight(IReadOnlyList<double> depths, double probability)
    {
        ArgumentNullException.ThrowIfNull(depths);
        if (depths.Count == 0) throw new ArgumentException("at least one forced depth is needed", nameof(depths));
        for (int j = 0; j < depths.Count; j++)
            if (!(depths[j] >= 0) || double.IsInfinity(depths[j]) || (j > 0 && depths[j] < depths[j - 1]))
                throw new ArgumentOutOfRangeException(nameof(depths), depths[j], "forced depths must be finite, ≥ 0 and ascending");
        if (!(probability >= 0 && probability < 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "the forced probability must lie in [0, 1): the true law stays in the mixture");
        _depths = [.. depths];
        Probability = probability;
        // Σ_{j ≤ i} π_j e^(L_j), the weight's denominator term once u has passed L_i.
        _cumulative = new double[_depths.Length];
        double sum = 0;
        for (int j = 0; j < _depths.Length; j++) _cumulative[j] = sum += Math.Exp(_depths[j]) / _depths.Length;
    }

    /// <summary>a: probability of a forced free flight.</summary>
    public double Probability { get; }

    /// <summary>The depths L_j a flight is forced to, mean free paths.</summary>
    public IReadOnlyList<double> Depths => _depths;

    /// <summary>Draws a depth u (mean free paths) from q and returns it with its weight p(u)/q(u).</summary>
    public (double Depth, double Weight) Sample(ref EventRng rng)
    {
        double u = rng.NextExponential();
        double pick = rng.NextDouble();
        if (pick < Probability) u += _depths[Math.Min((int)(pick / Probability * _depths.Length), _depths.Length - 1)];
        return (u, Weight(u));
    }

    /// <summary>As <see cref="Sample(ref EventRng)"/> for a particle created at depth <paramref name="from"/> (mean free paths
    /// from the same origin as the forced depths): its true law is p(v) = e^(−(v − from)) for v &gt; from, and the
    /// forcing goes to the depths beyond <paramref name="from"/> only, in equal shares (none left: the true law, weight 1).
    /// Returns the absolute depth v and its weight <see cref="Weight(double, double)"/>.</summary>
    public (double Depth, double Weight) Sample(ref EventRng rng, double from)
    {
        if (!(from >= 0) || double.IsInfinity(from)) throw new ArgumentOutOfRangeException(nameof(from), from, "the creation depth must be finite and ≥ 0");
        double free = rng.NextExponential();
        double pick = rng.NextDouble();
        int first = FirstBeyond(from), ahead = _depths.Length - first;
        double start = ahead > 0 && pick < Probability ? _depths[first + Math.Min((int)(pick / Probability * ahead), ahead - 1)] : from;
        double v = start + free;
        return (v, Weight(v, from));
    }

    /// <summary>p(v)/q(v) for a particle created at depth <paramref name="from"/>:
    /// 1 / (1 − a + (a/J′) Σ_{from &lt; L_j &lt; v} e^(L_j − from)), J′ the number of forced depths beyond
    /// <paramref name="from"/> (1 when there is none).</summary>
    public double Weight(double depth, double from)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (depth < from) throw new ArgumentOutOfRangeException(nameof(depth), depth, "the depth lies before the creation point");
        int first = FirstBeyond(from), ahead = _depths.Length - first;
        if (ahead == 0) return 1.0;
        double passed = 0;
        for (int j = first; j < _depths.Length && _depths[j] < depth; j++) passed += Math.Exp(_depths[j] - from);
        return 1.0 / (1 - Probability + Probability * passed / ahead);
    }

    /// <summary>Index of the first forced depth beyond <paramref name="from"/> (the count when none is).</summary>
    private int FirstBeyond(double from)
    {
        int j = 0;
        while (j < _depths.Length && _depths[j] <= from) j++;
        return j;
    }

    /// <summary>p(u)/q(u) = 1 / (1 − a + a Σ_{L_j &lt; u} π_j e^(L_j)).</summary>
    public double Weight(double depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        double passed = 0;
        for (int j = 0; j < _depths.Length && _depths[j] < depth; j++) passed = _cumulative[j];
        return 1.0 / (1 - Probability + Probability * passed);
    }
}
