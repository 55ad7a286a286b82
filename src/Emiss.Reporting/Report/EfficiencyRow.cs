namespace Emiss.Reporting.Report;

/// <summary>One factor of the signal efficiency (the seed lists geometry 0.97, analysis ≈ 0.8, V2 0.96, HCAL 0.94, pile-up).</summary>
/// <param name="Name">Factor name (e.g. "geometry", "pile-up").</param>
/// <param name="Value">Efficiency factor (0–1].</param>
public sealed record EfficiencyFactor(string Name, double Value);

/// <summary>The signal efficiency of one run at one mass, factorised as in <c>efficiency.csv</c>.</summary>
/// <param name="Run">Run name.</param>
/// <param name="MassMeV">A′ mass in MeV.</param>
/// <param name="Factors">The factors in the order they are applied; their product is <see cref="Overall"/>.</param>
public sealed record EfficiencyRow(string Run, double MassMeV, IReadOnlyList<EfficiencyFactor> Factors)
{
    /// <summary>Product of the factors.</summary>
    public double Overall => Factors.Aggregate(1.0, (p, f) => p * f.Value);
}
