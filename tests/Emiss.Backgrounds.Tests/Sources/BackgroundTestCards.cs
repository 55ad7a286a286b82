using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.Tests.Sources;

/// <summary>Set-ups for the source tests.</summary>
internal static class BackgroundTestCards
{
    /// <summary>The PbSc preset without pile-up: the event content is then the source's alone.</summary>
    public static SetupCard PbScNoPileUp
    {
        get
        {
            SetupCard c = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
            return c with { PileUp = c.PileUp with { Enabled = false } };
        }
    }

    /// <summary>The PbSc preset without pile-up, enhanced so that forced hard photons can fire the trigger: S3 as wide as
    /// the HCAL (30 cm half-width, where the preset has 1.5 cm) and 0.5 mm of lead (0.089 X0) in the middle of the
    /// first dipole, whose photons fly 38 cm past the nominal beam (beyond the HCAL) while a softened electron with
    /// y ≈ 0.2 still reaches the ECAL's edge.</summary>
    public static SetupCard Enhanced
    {
        get
        {
            SetupCard c = PbScNoPileUp;
            var counters = c.Spectrometer.Counters.Select(k => k.Name == "S3" ? k with { HalfWidthCm = 30 } : k).ToList();
            var passive = c.Spectrometer.PassiveElements.Append(new PassiveElementOptions { Name = "lead-in-mbpl1", ZCm = -2600, Material = "Pb", ThicknessCm = 0.05 }).ToList();
            return c with { Spectrometer = c.Spectrometer with { Counters = counters, PassiveElements = passive } };
        }
    }
}
