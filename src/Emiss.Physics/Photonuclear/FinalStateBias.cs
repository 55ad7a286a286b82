using Emiss.Core.Random;

namespace Emiss.Physics.Photonuclear;

/// <summary>
/// Importance sampling of the γA final state's composition towards the configurations that can fake a missing-energy
/// event: a leading K⁰_L that carries nearly all of the mesons' kinetic energy, with the other hadrons soft
/// (docs/physics/hadron-biasing.md#final-state-composition). Each biased choice is drawn from a defensive mixture of
/// the true law and a favoured law, and the generator multiplies its weight by true density / sampling density, so
/// every expectation is unchanged. Only choices that the generator's rejection of forbidden final states does not
/// depend on are biased (K⁰_L versus K⁰_S, equal masses; the leading meson and its share, drawn after acceptance),
/// so no acceptance normalisation enters the weight.
/// </summary>
/// <param name="LongKaonFraction">Probability of calling a neutral kaon K⁰_L (true value ½), in (0, 1).</param>
/// <param name="LeadingLongKaonProbability">Probability of taking the leading meson among the K⁰_L when there is one
/// (otherwise uniformly among all mesons, as without bias), in [0, 1).</param>
/// <param name="HardShareProbability">Probability of drawing the leading share z from β z^(β−1) instead of the true
/// uniform law, in [0, 1).</param>
/// <param name="HardShareExponent">β ≥ 1 of that law: its mass lies near z = 1 (mean β/(β + 1)).</param>
public sealed record FinalStateBias(double LongKaonFraction, double LeadingLongKaonProbability, double HardShareProbability, double HardShareExponent)
{
    /// <summary>The biasing used by the photonuclear background estimate: ¾ of neutral kaons long-lived, a K⁰_L leads in
    /// 80 % of events that have one, and half the leading shares come from 20 z¹⁹ (P(z &gt; 0.95) = 0.64).</summary>
    public static FinalStateBias TowardsLeadingLongKaon { get; } = new(0.75, 0.8, 0.5, 20);

    /// <summary>A leading share z from the mixture q(z) = 1 − h + h β z^(β−1) (h = <see cref="HardShareProbability"/>,
    /// β = <see cref="HardShareExponent"/>); the true law is uniform, so the weight is 1/<see cref="ShareDensity"/>.</summary>
    public double SampleShare(ref EventRng rng) =>
        rng.NextDouble() < HardShareProbability ? Math.Pow(rng.NextDouble(), 1 / HardShareExponent) : rng.NextDouble();

    /// <summary>q(z) = 1 − h + h β z^(β−1), the density <see cref="SampleShare"/> draws from.</summary>
    public double ShareDensity(double z) =>
        1 - HardShareProbability + HardShareProbability * HardShareExponent * Math.Pow(z, HardShareExponent - 1);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a parameter outside its range.</summary>
    public FinalStateBias Validated()
    {
        if (!(LongKaonFraction > 0 && LongKaonFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(LongKaonFraction), LongKaonFraction, "must lie in (0, 1)");
        if (!(LeadingLongKaonProbability >= 0 && LeadingLongKaonProbability < 1))
            throw new ArgumentOutOfRangeException(nameof(LeadingLongKaonProbability), LeadingLongKaonProbability, "must lie in [0, 1): the true law stays in the mixture");
        if (!(HardShareProbability >= 0 && HardShareProbability < 1))
            throw new ArgumentOutOfRangeException(nameof(HardShareProbability), HardShareProbability, "must lie in [0, 1): the true law stays in the mixture");
        if (!(HardShareExponent >= 1) || double.IsInfinity(HardShareExponent))
            throw new ArgumentOutOfRangeException(nameof(HardShareExponent), HardShareExponent, "must be finite and ≥ 1");
        return this;
    }
}
