using System.Globalization;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// Photon showers of the parametrised ECAL against the shower engine (issue 13: re-tune the parametrised ECAL against the
/// full engine). The model starts a photon's shower at an exponentially distributed conversion depth (the stack's pair
/// cross section per X0, <see cref="PhotonConversionRate"/>) with the e± shape and the photon's own shifts
/// (<c>ecal.profilePhotonTmaxShiftX0</c>, <c>ecal.profilePhotonAlphaShift</c>, fitted on seed 47's engine photons at 2–100 GeV;
/// docs/physics/calorimeter-parametrised.md#photons); the engine transports 1600, 800, 400 and 40 photons of 2, 5, 10 and
/// 100 GeV (the low energies are cheap and their preshower share spreads widely: a late conversion leaves it empty) through
/// the card's Pb/Sc layering on stream 31, an independent sample. Tolerances as for electrons
/// (<see cref="EngineProfileValidationTests"/>): each of the first six 15-layer bins within 7 % + 3σ (max(3σ, 7 %) until
/// 2026-12-06, docs/physics/calorimeter-parametrised.md#chance-failures-of-the-checks), σ combining the engine's error and
/// that of the model's mean over 16 000 drawn shapes, and since the profile's deep tail (2026-12-04) the energy from layer 75
/// to the back likewise; 2 GeV layers 75–149 and 100 GeV layers 15–29 pinned as known discrepancies (ten samples put the
/// model 9 % high in both). The sizes limit what the check sees: with four times
/// these photons (same stream) three bins miss by ≈ 10 % (2 GeV layers 75–149, 10 GeV layers 75–89, 100 GeV layers 15–29),
/// each still within 3σ of the 7 % band, so not an established discrepancy that could be pinned; on independent samples of
/// eight times these photons every checked bin agrees within 6 % (docs/physics/calorimeter-parametrised.md#independent-samples-per-energy),
/// so those three were stream 31's own fluctuation, shared by its energies. The four energies are drawn on stream 31
/// itself, so shower i of each begins with the same random numbers and converts at nearly the same depth: one fluctuation of
/// the stream shows at every energy together, and the four cases are separate checks of one model, not four independent
/// samples (docs/physics/calorimeter-parametrised.md#independent-samples-per-energy).
/// </summary>
public sealed class EnginePhotonProfileTests(ITestOutputHelper output)
{
    private const ulong Stream = 31;
    private static readonly SetupCard Card = TestCards.PbSc;

    [Theory]
    [InlineData(2.0, 1600)]
    [InlineData(5.0, 800)]
    [InlineData(10.0, 400)]
    [InlineData(100.0, 40)]
    public void Photon_profile_agrees_with_the_engine(double energyGeV, int showers)
    {
        var layout = new CalorimeterLayout(Card);
        int perBin = Card.Ecal.PreshowerLayers;
        double layerX0 = layout.Regions[0].X0Thickness / perBin;
        IReadOnlyList<double[]> rows = EngineLayerProfile.Sample(Card, energyGeV, showers, Stream, photon: true);
        BinFractions engine = ProfileShiftFit.Measure(energyGeV, rows, perBin);
        BinFractions model = ProfileShiftFit.ModelBins(energyGeV, layout.EcalShowerMedium, layerX0, perBin, Card.Ecal.Layers, 16_000, Stream, photon: true);
        // Every bin is printed before any is checked, so a failure shows the whole profile.
        for (int b = 0; b < ProfileShiftFit.Bins; b++)
        {
            (double ratio, double error) = ProfileComparison.Ratio(model, engine, b);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"layers {b * perBin}–{(b + 1) * perBin - 1}: engine {engine.Fraction[b]:F5} ± {engine.Error[b]:F5}, parametrised γ {model.Fraction[b]:F5} ± {model.Error[b]:F5}; ratio {ratio:F3} ± {error:F3}"));
        }
        // The deep tail, layer 75 to the back, as for electrons.
        (BinFractions engineTail, BinFractions modelTail) = ProfileComparison.DeepTail(layout, layerX0, Card.Ecal.Layers, energyGeV, rows, Stream, photon: true);
        output.WriteLine(ProfileComparison.DeepTailLine(engineTail, modelTail, Card.Ecal.Layers));
        for (int b = 0; b < ProfileShiftFit.Bins; b++)
            ProfileComparison.AssertBin(engine, model, b, photon: true, b * perBin, (b + 1) * perBin - 1);
        ProfileComparison.AssertBin(engineTail, modelTail, 1, photon: true, ProfileComparison.DeepTailFirstLayer, Card.Ecal.Layers - 1);
    }
}
