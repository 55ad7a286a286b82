using Emiss.Cli.RunCards;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;

namespace Emiss.Cli.Commands;

/// <summary>
/// The muon g−2 favoured couplings (±2σ around Δa_μ) on a mass grid, for the card's mediator.
/// Vector and scalar one-loop contributions are positive and can explain Δa_μ &gt; 0; pseudoscalar
/// and axial-vector contributions are negative (Leveille 1978), so they have no favoured band.
/// </summary>
/// <param name="Lower">ε at Δa_μ − 2σ (the edge a limit must cross to exclude the explanation); null without a band.</param>
/// <param name="Central">ε at Δa_μ.</param>
/// <param name="Upper">ε at Δa_μ + 2σ.</param>
internal sealed record GMinus2Band(double[]? Lower, double[]? Central, double[]? Upper)
{
    public bool Exists => Lower is not null;

    public static GMinus2Band For(LimitCard card, double[] massMeV)
    {
        var measurement = new MuonAnomalyMeasurement(card.GMinus2.DeltaAmu * 1e11, card.GMinus2.DeltaAmuSigma * 1e11, card.GMinus2.Label);
        Mediator mediator = ModelNames.Mediator(card.Signal.Mediator);
        bool canExplain = MuonAnomalyCalculator.EpsilonFor(mediator, massMeV[0] * 1e-3, measurement.Central) is not null;
        if (!canExplain) return new GMinus2Band(null, null, null);
        double[] Eps(double deltaA) => massMeV.Select(m => MuonAnomalyCalculator.EpsilonFor(mediator, m * 1e-3, deltaA)!.Value).ToArray();
        return new GMinus2Band(Eps(measurement.Central - 2 * measurement.Sigma), Eps(measurement.Central), Eps(measurement.Central + 2 * measurement.Sigma));
    }
}
