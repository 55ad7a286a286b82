using Emiss.Events.Selection;

namespace Emiss.Analysis.Efficiency;

/// <summary>Signal efficiency at one mass for one run: the fraction of A′ events with E_A′ in the signal range that
/// pass each stage of the selection and land in the signal box.</summary>
/// <param name="Run">Run name.</param>
/// <param name="MassMeV">A′ mass, MeV.</param>
/// <param name="Events">Signal events simulated (A′ inside the window; electrons lost upstream included).</param>
/// <param name="PassedStage">Events passing each <see cref="CutStage"/> (cumulative, index = stage).</param>
/// <param name="InBoxAfterCuts">Events passing every cut with E_ECAL and E_HCAL in the signal box.</param>
/// <param name="InBoxEcalOnly">Of the events passing every cut, those with E_ECAL below the box edge (to separate the HCAL factor).</param>
public sealed record SignalEfficiencyPoint(string Run, double MassMeV, long Events, IReadOnlyList<long> PassedStage, long InBoxAfterCuts, long InBoxEcalOnly)
{
    /// <summary>Events in which the beam counters S1·S2·S3 fired (the beam-line part of the trigger).</summary>
    public long BeamCountersFired { get; init; }

    /// <summary>Events with no pile-up particle drawn within the widest gate.</summary>
    public long EventsWithoutPileUp { get; init; }

    /// <summary>Of <see cref="EventsWithoutPileUp"/>, those passing every cut in the signal box.</summary>
    public long InBoxWithoutPileUp { get; init; }

    /// <summary>Total efficiency ε_A′.</summary>
    public double Efficiency => InBoxAfterCuts / (double)Events;

    /// <summary>Binomial standard error of <see cref="Efficiency"/>.</summary>
    public double StatError => Math.Sqrt(Efficiency * (1 - Efficiency) / Events);

    /// <summary>Efficiency of stage <paramref name="stage"/> relative to the previous one.</summary>
    public double StageFactor(CutStage stage) => (int)stage == 0 ? 1 : PassedStage[(int)stage] / (double)Math.Max(1, PassedStage[(int)stage - 1]);

    /// <summary>HCAL factor: of events passing every cut with E_ECAL in the box, the fraction with E_HCAL below the box edge
    /// (the seed's "HCAL signal efficiency", 0.94).</summary>
    public double HcalFactor => InBoxAfterCuts / (double)Math.Max(1, InBoxEcalOnly);

    /// <summary>Geometry and trigger: the fraction of signal events with the physics trigger (S1·S2·S3 and the in-time
    /// ECAL cluster between the thresholds); the seed's geometrical acceptance, 0.97.</summary>
    public double TriggerFactor => PassedStage[(int)CutStage.PhysicsTrigger] / (double)Events;

    /// <summary>Beam-counter part of <see cref="TriggerFactor"/>: S1·S2·S3 fired.</summary>
    public double CountersFactor => BeamCountersFired / (double)Events;

    /// <summary>Analysis cuts: loose SRD, (i) track, (ii) SRD and (iii) ECAL shape given the trigger; the seed's
    /// "analysis efficiency (≃ 0.8) which is slightly m_A′ dependent".</summary>
    public double AnalysisFactor => PassedStage[(int)CutStage.EcalShape] / (double)Math.Max(1, PassedStage[(int)CutStage.PhysicsTrigger]);

    /// <summary>V2 veto (iv) given (i)–(iii); the seed's 0.96.</summary>
    public double VetoFactor => StageFactor(CutStage.V2);

    /// <summary>E_ECAL below the signal-box edge given every cut (the A′ takes more than half of E0, so only resolution
    /// and pile-up move events out; the seed does not quote it separately).</summary>
    public double EcalBoxFactor => InBoxEcalOnly / (double)Math.Max(1, PassedStage[(int)CutStage.V2]);

    /// <summary>Pile-up: ε over ε of the events without a pile-up particle (the seed's acceptance loss of ≃ 7 % (PbSc) /
    /// 8 % (BGO) corresponds to 0.93 / 0.92). The other factors contain pile-up as it arises; this one summarises it.
    /// NaN when no event was free of pile-up.</summary>
    public double PileUpFactor => EventsWithoutPileUp > 0 && InBoxWithoutPileUp > 0
        ? Efficiency / (InBoxWithoutPileUp / (double)EventsWithoutPileUp) : double.NaN;
}
