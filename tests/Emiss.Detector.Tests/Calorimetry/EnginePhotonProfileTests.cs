using System.Globalization;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>
/// Photon showers of the parametrised ECAL against the shower engine (issue 13: re-tune the parametrised ECAL against the
/// full engine). The model draws a photon's shape as an electron's with its maximum <see cref="EmLongitudinalProfile.PhotonDelayX0"/>
/// deeper and the same α (the PDG rule, docs/physics/calorimeter-parametrised.md#photons); the engine transports 400 photons
/// of 10 GeV through the card's Pb/Sc layering on stream 31. Tolerances fixed before the measurement, as for electrons
/// (<see cref="EngineProfileValidationTests"/>): the preshower share (first 15 layers) within max(3σ, 7 %) with σ combining
/// both means' errors. The shower's depth beyond its peak is a known discrepancy, pinned.
/// </summary>
public sealed class EnginePhotonProfileTests(ITestOutputHelper output)
{
    private const ulong Stream = 31;
    private static readonly SetupCard Card = TestCards.PbSc;

    [Fact]
    public void Photon_preshower_share_agrees_and_the_photon_tail_is_a_known_discrepancy_at_10_GeV()
    {
        var layout = new CalorimeterLayout(Card);
        int perBin = Card.Ecal.PreshowerLayers;
        double layerX0 = layout.Regions[0].X0Thickness / perBin;
        IReadOnlyList<double[]> rows = EngineLayerProfile.Sample(Card, 10, 400, Stream, photon: true);

        BinFractions engine = ProfileShiftFit.Measure(10, rows, perBin);
        BinFractions model = ProfileShiftFit.ModelBins(10, layout.EcalShowerMedium, layerX0, perBin, Card.Ecal.Layers, 16_000, Stream, photon: true);
        for (int b = 0; b < ProfileShiftFit.Bins; b++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"layers {b * perBin}–{(b + 1) * perBin - 1}: engine {engine.Fraction[b]:F5} ± {engine.Error[b]:F5}, parametrised γ {model.Fraction[b]:F5} ± {model.Error[b]:F5}"));
        double sigma = Math.Sqrt(engine.Error[0] * engine.Error[0] + model.Error[0] * model.Error[0]);
        Tolerance.Abs(Math.Max(3 * sigma, 0.07 * engine.Fraction[0]), "max(3σ_stat, 7 % rel.), V9 convention")
            .AssertClose(engine.Fraction[0], model.Fraction[0], "photon preshower share at 10 GeV");

        // Layers 60–119 (16.2–32.5 X0): the model's photon shape is too wide, with too much energy beyond the peak.
        BinFractions engineDeep = ProfileShiftFit.Measure(10, rows, 60, bins: 2);
        BinFractions modelDeep = ProfileShiftFit.ModelBins(10, layout.EcalShowerMedium, layerX0, 60, Card.Ecal.Layers, 16_000, Stream, bins: 2, photon: true);
        (double ratio, double error) = ProfileRatio.Of(modelDeep, engineDeep, 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"layers 60–119: engine {engineDeep.Fraction[1]:F5} ± {engineDeep.Error[1]:F5}, parametrised γ {modelDeep.Fraction[1]:F5}; ratio {ratio:F4} ± {error:F4}"));
        KnownDiscrepancy.Pin(output, "parametrised/engine fraction of a 10 GeV photon shower's ECAL energy in layers 60–119 (16.2–32.5 X0)", ratio,
            new GoldValue(GoldDeepRatio, 0.164, "2026-12-04, stream 31, 400 engine photons at 10 GeV, 16 000 model draws, card shifts (−0.15, −0.10) with the +1 X0 photon delay; ± 3σ of the ratio (0.0545)"),
            new PhysicsTarget(1.0, 0.07, "the shower engine, V9 convention of 7 % per profile bin (docs/physics/validation-anchors.md#v9)"),
            "the photon's delay is right but its α is the electron's: fitted alone, photon showers want Δα ≈ +0.5 instead of −0.10 (χ² 21.6 instead of 205 for 22 dof), a narrower shape (docs/physics/calorimeter-parametrised.md#photons)");
    }

    /// <summary>Gold value of the deep-bin ratio.</summary>
    private const double GoldDeepRatio = 1.2682;
}
