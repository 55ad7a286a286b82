using Emiss.Events;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>One generated pseudo-data run: the recorded events in order (physics triggers passing the loose SRD skim,
/// and prescaled reference events), the spill records, and the sealed per-source truth.</summary>
public sealed class RunOutput
{
    internal RunOutput(PseudoDataRun run, ulong runSeed, IReadOnlyList<EventBatch> batches, IReadOnlyList<SpillRecord> spills,
                       IReadOnlyList<SourceTally> tallies, double beamParticles, long referenceGenerated, double calibrationTriggerFraction)
    {
        Run = run;
        RunSeed = runSeed;
        Batches = batches;
        Spills = spills;
        Tallies = tallies;
        BeamParticles = beamParticles;
        ReferenceGenerated = referenceGenerated;
        CalibrationTriggerFraction = calibrationTriggerFraction;
    }

    /// <summary>The run.</summary>
    public PseudoDataRun Run { get; }

    /// <summary>Seed of the run's detector model (derived from the campaign seed and the run number).</summary>
    public ulong RunSeed { get; }

    /// <summary>Recorded events, in generation order (one batch per chunk).</summary>
    public IReadOnlyList<EventBatch> Batches { get; }

    /// <summary>Per-spill DAQ records.</summary>
    public IReadOnlyList<SpillRecord> Spills { get; }

    /// <summary>Per-source truth (sealed).</summary>
    public IReadOnlyList<SourceTally> Tallies { get; }

    /// <summary>Beam particles delivered (electrons on target / electron fraction of the beam).</summary>
    public double BeamParticles { get; }

    /// <summary>Reference-trigger events generated before dead time (truth).</summary>
    public long ReferenceGenerated { get; }

    /// <summary>Physics-trigger probability per beam particle from the calibration sample (sets the dead time).</summary>
    public double CalibrationTriggerFraction { get; }

    /// <summary>Recorded events.</summary>
    public long RecordedEvents => Batches.Sum(b => (long)b.Count);
}
