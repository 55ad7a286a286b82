using BenchmarkDotNet.Attributes;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Benchmarks;

/// <summary><c>emiss simulate</c> with <c>ecal.model: full</c>: beam events with the Emiss.Shower engine in the
/// ECAL and all other detectors on; compare with <c>emiss bench shower</c> to see the detector overhead.</summary>
[MemoryDiagnoser]
public class DetectorFullShowerBenchmarks
{
    private EventSimulator _sim = null!;
    private EventBatch _batch = null!;
    private long _event;

    [GlobalSetup]
    public void Setup()
    {
        SetupCard card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        card = card with { Ecal = card.Ecal with { Model = EcalModel.Full } };
        _sim = new EventSimulator(new DetectorModel(card, 1));
        _batch = new EventBatch(1024, 36, 4);
    }

    /// <summary>One beam event (≈ 99 % 100 GeV electrons) with the full ECAL shower.</summary>
    [Benchmark]
    public int SimulateEventFullEcal()
    {
        if (_batch.Count == _batch.Capacity) _batch.Clear();
        _sim.Simulate(_event++, 1, _batch);
        return _batch.Count;
    }
}
