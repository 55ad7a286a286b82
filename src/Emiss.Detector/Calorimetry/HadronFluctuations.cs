using Emiss.Core.Random;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Event-to-event fluctuations of a hadron shower's signal (docs/physics/hadron-response.md#event-by-event-response):
/// the electromagnetic fraction f_em is Beta-distributed with the Gabriel et al. mean f̄_em(E) = 1 − (E/E₀)^(k−1)
/// (NIM A 338 (1994) 336) and the card's spread — a bounded, skewed law with the long tail towards large f_em that
/// measured f_em distributions show (Wigmans, <i>Calorimetry</i>, 2nd ed., OUP 2017, §4.7); of the non-EM energy a
/// Beta-distributed fraction f_inv is invisible (nuclear binding, recoils; mean 0.35 in Fe, spread ∝ 1/√E_h). The
/// signal per deposited GeV on the EM scale is f_em + (1 − f_em)·(h/e)·(1 − f_inv)/(1 − f̄_inv), whose mean is the
/// card's f̄_em + (1 − f̄_em)/(e/h): the calibration constant c_π is unchanged.
/// </summary>
internal static class HadronFluctuations
{
    /// <summary>Mean invisible fraction of the non-EM energy in an iron-based calorimeter (Wigmans 2017, §2.3: 30–40 %).</summary>
    public const double MeanInvisibleFraction = 0.35;

    /// <summary>Spread of f_inv for 1 GeV of non-EM energy, scaling as 1/√E_h [assumed: it gives ≈ 8 %/√E of signal
    /// fluctuations, below the ≈ 13 %/√E floor Wigmans quotes for compensating devices, where it dominates].</summary>
    public const double InvisibleSpreadAt1GeV = 0.10;

    /// <summary>Draws (f_em, relative non-EM response h_event·(e/h)) for a shower of <paramref name="eShower"/> GeV.</summary>
    public static (double Fem, double HadronicResponse) Draw(double eShower, HcalOptions h, ref EventRng rng)
    {
        double fMean = MeanEmFraction(eShower, h);
        double fem = Beta(fMean, h.EmFractionSpread, ref rng);
        double eh = Math.Max(eShower * (1 - fMean), 0.05);
        double fInv = Beta(MeanInvisibleFraction, InvisibleSpreadAt1GeV / Math.Sqrt(eh), ref rng);
        return (fem, (1 - fInv) / (1 - MeanInvisibleFraction) / h.ElectronToHadronRatio);
    }

    /// <summary>f̄_em(E) = 1 − (E/E₀)^(k−1), 0 below E₀.</summary>
    public static double MeanEmFraction(double eGeV, HcalOptions h) =>
        Math.Max(0, 1 - Math.Pow(Math.Max(eGeV, 1e-3) / h.EmFractionScaleGeV, h.EmFractionExponent - 1));

    /// <summary>Beta variate with mean <paramref name="mean"/> and standard deviation <paramref name="sd"/> (a, b = μκ,
    /// (1 − μ)κ with κ = μ(1 − μ)/σ² − 1, κ ≥ 2 so that the law stays unimodal or J-shaped); the mean itself at 0 or 1.</summary>
    public static double Beta(double mean, double sd, ref EventRng rng)
    {
        if (mean <= 1e-6) return 0;
        if (mean >= 1 - 1e-6) return 1;
        if (!(sd > 0)) return mean;
        double kappa = Math.Max(2, mean * (1 - mean) / (sd * sd) - 1);
        double x = Gamma(mean * kappa, ref rng), y = Gamma((1 - mean) * kappa, ref rng);
        return x / (x + y);
    }

    /// <summary>Gamma(shape, 1) variate (Marsaglia &amp; Tsang, ACM TOMS 26 (2000) 363; shape &lt; 1 by the U^(1/a) boost).</summary>
    public static double Gamma(double shape, ref EventRng rng)
    {
        if (shape < 1) return Gamma(shape + 1, ref rng) * Math.Pow(rng.NextDoubleOpenZero(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = rng.NextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.NextDoubleOpenZero();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
