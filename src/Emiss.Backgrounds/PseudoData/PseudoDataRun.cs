using Emiss.Detector.Setup;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>One data-taking run to emulate: its name (file name stem), run number, detector set-up and the number of
/// electrons on target it collected (seed: PbSc-SRD 1.88·10⁹ at 1.4·10⁶ e⁻/spill, BGO-SRD 0.87·10⁹ at 0.3·10⁶).</summary>
public sealed record PseudoDataRun(string Name, int Number, SetupCard Card, double ElectronsOnTarget);
