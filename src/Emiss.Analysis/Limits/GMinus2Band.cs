using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;

namespace Emiss.Analysis.Limits;

/// <summary>
/// The muon g−2 favoured couplings (±2σ around Δa_μ) on a mass grid, for one mediator (docs/physics/muon-g-2.md#band-definition).
/// Vector and scalar one-loop contributions are positive and can explain Δa_μ &gt; 0; pseudoscalar
/// and axial-vector contributions are negative (Leveille, Nucl. Phys. B137 (1978) 63), so they have no favoured band.
/// </summary>
/// <param name="Lower">ε at Δa_μ − 2σ (the edge a limit must cross to exclude the explanation); null without a band.</param>
/// <param name="Central">ε at Δa_μ.</param>
/// <param name="Upper">ε at Δa_μ + 2σ.</param>
public sealed record GMinus2Band(double[]? Lower, double[]? Central, double[]? Upper)
{
    /// <summary>Whether the mediator can explain Δa_μ &gt; 0 at all.</summary>
    public bool Exists => Lower is not null;

    /// <summary>The band of <paramref name="mediator"/> for <paramref name="measurement"/> at each mass of <paramref name="massMeV"/>.</summary>
    public static GMinus2Band For(Mediator mediator, MuonAnomalyMeasurement measurement, IReadOnlyList<double> massMeV)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(massMeV);
        if (massMeV.Count == 0) throw new ArgumentException("need at least one mass", nameof(massMeV));
        bool canExplain = MuonAnomalyCalculator.EpsilonFor(mediator, massMeV[0] * 1e-3, measurement.Central) is not null;
        if (!canExplain) return new GMinus2Band(null, null, null);
        double[] Eps(double deltaA) => massMeV.Select(m => MuonAnomalyCalculator.EpsilonFor(mediator, m * 1e-3, deltaA)!.Value).ToArray();
        return new GMinus2Band(Eps(measurement.Central - 2 * measurement.Sigma), Eps(measurement.Central), Eps(measurement.Central + 2 * measurement.Sigma));
    }
}
