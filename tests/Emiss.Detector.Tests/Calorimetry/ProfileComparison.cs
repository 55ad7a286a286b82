using Emiss.Detector.Calorimetry;
using Emiss.Testing;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>The parametrised model's bin fractions against the engine's, as the engine-profile tests compare them.</summary>
internal static class ProfileComparison
{
    /// <summary>Model over engine in one bin, with the error of the ratio from both means' errors.</summary>
    public static (double Ratio, double Error) Ratio(BinFractions model, BinFractions engine, int bin)
    {
        double ratio = model.Fraction[bin] / engine.Fraction[bin];
        return (ratio, ratio * Math.Sqrt(Math.Pow(engine.Error[bin] / engine.Fraction[bin], 2) + Math.Pow(model.Error[bin] / model.Fraction[bin], 2)));
    }

    /// <summary>The V9 convention (docs/physics/validation-anchors.md#v9): the model's fraction in <paramref name="bin"/>
    /// within max(3σ, 7 %) of the engine's, σ combining both means' errors.</summary>
    public static void AssertBinAgrees(BinFractions engine, BinFractions model, int bin, string what) =>
        Tolerance.Abs(Math.Max(3 * ProfileShiftFit.CombinedError(engine, model, bin), 0.07 * engine.Fraction[bin]), "max(3σ_stat, 7 % rel.), V9 convention")
            .AssertClose(engine.Fraction[bin], model.Fraction[bin], what);
}
