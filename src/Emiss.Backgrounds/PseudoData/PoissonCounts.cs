using Emiss.Core.Random;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>Poisson counts with means beyond the single-draw range of <see cref="EventRng.NextPoisson"/> (10⁶):
/// a sum of independent Poisson variables is Poisson with the summed mean, so the mean is split into parts ≤ 10⁶.</summary>
public static class PoissonCounts
{
    private const double Part = 1e6;

    /// <summary>Draws Poisson(<paramref name="mean"/>) for any finite mean ≤ 10¹⁵.</summary>
    public static long Draw(double mean, ref EventRng rng)
    {
        if (!(mean >= 0) || mean > 1e15) throw new ArgumentOutOfRangeException(nameof(mean), mean, "Poisson mean must be in [0, 1e15]");
        long n = 0;
        while (mean > Part)
        {
            n += rng.NextPoisson(Part);
            mean -= Part;
        }
        return n + rng.NextPoisson(mean);
    }
}
