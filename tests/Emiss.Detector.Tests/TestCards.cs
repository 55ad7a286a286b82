using Emiss.Detector.Setup;

namespace Emiss.Detector.Tests;

/// <summary>Set-up variants used by the tests.</summary>
internal static class TestCards
{
    public static SetupCard PbSc => SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);

    public static SetupCard Bgo => SetupPresets.ByName(SetupPresets.Na64_2016_Bgo);

    /// <summary>No upstream material, no momentum spread, no pile-up: isolates calorimeter or SR behaviour.</summary>
    public static SetupCard Clean(double energyGeV = 100.0, SetupCard? basis = null)
    {
        SetupCard b = basis ?? PbSc;
        return b with
        {
            Beam = b.Beam with { EnergyGeV = energyGeV, MomentumSpreadRel = 0, DivergenceMrad = 0, SpotSigmaMm = 0.5 },
            Spectrometer = b.Spectrometer with
            {
                Counters = [.. b.Spectrometer.Counters.Select(c => c with { ThicknessCm = 0 })],
                Trackers = [.. b.Spectrometer.Trackers.Select(t => t with { RadiationLengthFraction = 0 })],
                PassiveElements = [],
            },
            PileUp = b.PileUp with { Enabled = false },
        };
    }
}
