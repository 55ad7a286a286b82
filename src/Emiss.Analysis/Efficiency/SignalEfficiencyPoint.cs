using Emiss.Events.Selection;

namespace Emiss.Analysis.Efficiency;

/// <summary>Signal efficiency at one mass for one run: the fraction of A′ events with E_A′ in the signal range that
/// pass each stage of the selection and land in the signal box.</summary>
/// <param name="Run">Run name.</param>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="Events">Signal events simulated.</param>
/// <param name="PassedStage">Events passing each <see cref="CutStage"/> (cumulative, index = stage).</param>
/// <param name="InBoxAfterCuts">Events passing every cut with E_ECAL and E_HCAL in the signal box.</param>
/// <param name="InBoxEcalOnly">Of the events passing every cut, those with E_ECAL below the box edge (to separate the HCAL factor).</param>
public sealed record SignalEfficiencyPoint(string Run, double MassMeV, long Events, IReadOnlyList<long> PassedStage, long InBoxAfterCuts, long InBoxEcalOnly)
{
    /// <summary>Total efficiency ε_A′.</summary>
    public double Efficiency => InBoxAfterCuts / (double)Events;

    /// <summary>Binomial standard error of <see cref="Efficiency"/>.</summary>
    public double StatError => Math.Sqrt(Efficiency * (1 - Efficiency) / Events);

    /// <summary>Efficiency of stage <paramref name="stage"/> relative to the previous one.</summary>
    public double StageFactor(CutStage stage) => (int)stage == 0 ? 1 : PassedStage[(int)stage] / (double)Math.Max(1, PassedStage[(int)stage - 1]);

    /// <summary>HCAL factor: of events passing every cut with E_ECAL in the box, the fraction with E_HCAL below the box edge
    /// (the seed's "HCAL signal efficiency", 0.94).</summary>
    public double HcalFactor => InBoxAfterCuts / (double)Math.Max(1, InBoxEcalOnly);
}
