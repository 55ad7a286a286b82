using Emiss.Backgrounds.Sources.Decays;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;

namespace Emiss.Backgrounds.Tests;

/// <summary>Runs events of a decay process through the full event simulator and keeps what the tests look at.</summary>
internal static class DecayTestRun
{
    /// <summary>One simulated event.</summary>
    public readonly record struct Row(double EcalGeV, double HcalGeV, double Weight, double SrdTrueGeV, DecayTruth Decay, (double EnergyGeV, double SrdGeV, bool HitsEcal) Tail,
                                      bool PhysicsTrigger);

    /// <summary>The embedded 2016 PbSc-SRD card.</summary>
    public static SetupCard PbSc => SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);

    /// <summary>The PbSc card with a kaon-only admixture (1 % K⁻): enriches Ke3 in unbiased samples.</summary>
    public static SetupCard KaonRich
    {
        get
        {
            SetupCard b = PbSc;
            return b with { Beam = b.Beam with { Composition = new BeamCompositionOptions { PionFraction = 0, MuonFraction = 0, KaonFraction = 0.01 } } };
        }
    }

    public static Row[] Run(DetectorModel model, IEventPhysics process, int n, long firstEvent = 0)
    {
        var sim = new EventSimulator(model);
        var batch = new EventBatch(n, model.Card.Ecal.CellsX * model.Card.Ecal.CellsY, model.Card.Hcal.Modules);
        var rows = new Row[n];
        for (int i = 0; i < n; i++)
        {
            sim.Simulate(firstEvent + i, 1, process, 1.0, batch);
            DecayTruth d = process switch
            {
                DecayInFlightProcess p => p.LastDecay,
                PileUpDecayProcess p => p.LastDecay,
                _ => throw new ArgumentException("not a decay process", nameof(process)),
            };
            var tail = process is PileUpDecayProcess pu ? pu.LastTailElectron : default;
            rows[i] = new Row(batch.EcalEnergyGeV[i], batch.HcalEnergyGeV[i], batch.Weight[i], sim.LastBeamLine.SrdTrueGeV, d, tail,
                              (batch.Trigger[i] & (int)TriggerBits.Physics) != 0);
            if (batch.TrueProcessCode[i] != (int)process.Process) throw new InvalidOperationException("true process not stored");
        }
        return rows;
    }

    /// <summary>Weighted mean of an indicator or observable over all rows, with its standard error.</summary>
    public static (double Mean, double Error) WeightedMean(IReadOnlyList<Row> rows, Func<Row, double> f)
    {
        double s = 0, s2 = 0;
        foreach (Row r in rows)
        {
            double v = r.Weight * f(r);
            s += v;
            s2 += v * v;
        }
        int n = rows.Count;
        double mean = s / n;
        return (mean, Math.Sqrt(Math.Max(s2 / n - mean * mean, 0) / n));
    }
}
