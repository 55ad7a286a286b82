using Emiss.Backgrounds.Sources;
using Emiss.Detector.Pipeline;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// A planned pseudo-data run (<see cref="RunGenerator.Plan"/>): the sources' slots and Poisson counts, the spills, the
/// per-source cap's weights and the chunks the generation is cut into. Chunks are the unit a sharded campaign deals out.
/// </summary>
public sealed class RunPlan
{
    internal RunPlan(PseudoDataRun run, ulong runSeed, DetectorModel model, List<(int Slot, long Count, IBackgroundSource? Source, SourceRate Rate)> slots,
                     int signalIndex, Func<double, double, AprimeEmission>? drawEmission, IReadOnlyList<SpillRecord> spills, double[] weights,
                     long[] simulated, List<(int SlotIndex, long From, long To)> chunks, double beamParticles, long references, double triggerFraction)
    {
        Run = run;
        RunSeed = runSeed;
        Model = model;
        Slots = slots;
        SignalIndex = signalIndex;
        DrawEmission = drawEmission;
        Spills = spills;
        Weights = weights;
        Simulated = simulated;
        Chunks = chunks;
        BeamParticles = beamParticles;
        References = references;
        TriggerFraction = triggerFraction;
    }

    /// <summary>The run.</summary>
    public PseudoDataRun Run { get; }

    /// <summary>Seed of the run's detector model.</summary>
    public ulong RunSeed { get; }

    /// <summary>Chunks of at most 4096 events (of one source) the run's generation is cut into.</summary>
    public int ChunkCount => Chunks.Count;

    /// <summary>Per-spill DAQ records.</summary>
    public IReadOnlyList<SpillRecord> Spills { get; }

    internal DetectorModel Model { get; }
    internal List<(int Slot, long Count, IBackgroundSource? Source, SourceRate Rate)> Slots { get; }
    internal int SignalIndex { get; }
    internal Func<double, double, AprimeEmission>? DrawEmission { get; }
    internal double[] Weights { get; }
    internal long[] Simulated { get; }
    internal List<(int SlotIndex, long From, long To)> Chunks { get; }
    internal double BeamParticles { get; }
    internal long References { get; }
    internal double TriggerFraction { get; }
}
