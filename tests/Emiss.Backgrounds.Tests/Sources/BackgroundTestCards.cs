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
}
