using BenchmarkDotNet.Attributes;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Benchmarks;

/// <summary>Cost per beam event of <c>emiss simulate</c> with all detectors on (parametrised calorimeter model),
/// and of its parts (the parametrised shower alone: <see cref="ParametrisedShowerBenchmarks"/>). Events/s per core = 1e9 / (ns per event).</summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private DetectorModel _model = null!;
    private EventSimulator _sim = null!;
    private EventBatch _batch = null!;
    private BeamLineRecord _rec = null!;
    private long _event;

    [GlobalSetup]
    public void Setup()
    {
        SetupCard card = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        _model = new DetectorModel(card, 1);
        _sim = new EventSimulator(_model);
        _batch = new EventBatch(1024, 36, 4);
        _rec = new BeamLineRecord(4);
    }

    /// <summary>One full event: beam mixture, beam line with SR, showers, pile-up, digitization, trigger.</summary>
    [Benchmark]
    public int SimulateEvent()
    {
        if (_batch.Count == _batch.Capacity) _batch.Clear();
        _sim.Simulate(_event++, 1, _batch);
        return _batch.Count;
    }

    /// <summary>Beam-line transport of a 100 GeV electron (≈ 86 SR photons).</summary>
    [Benchmark]
    public int BeamLineElectron()
    {
        EventRng r = RngStreams.For(1, StreamKind.Beam, (ulong)_event++);
        _model.BeamLine.Transport(_model.Beam.Sample(DetectorSpecies.Electron, ref r), ref r, _rec);
        return _rec.ArrivalCount;
    }
}
