using Emiss.Core.Sharding;
using Emiss.Shower;
using Emiss.Signal.Biasing;

namespace Emiss.Signal.Run;

/// <summary>Sums over a fixed chunk of events (in event order); chunk sums are added along a fixed tree (<see cref="Core.Numerics.BlockTree"/>).</summary>
internal sealed class SignalAccumulator
{
    public SignalAccumulator(double beamGeV, int bins)
    {
        MissingEnergy = new WeightedHistogram(0.0, beamGeV, bins);
        TrackLengthCm = new double[bins];
        PositronTrackLengthCm = new double[bins];
    }

    public long Events;
    public long Emissions;
    public long ChargedSteps, NeutralSteps;
    public double SumBrem, SumBrem2, SumAnn, SumAnn2, SumTot2;
    public double SumWBrem, SumWBrem2, SumWAnn, SumWAnn2;
    public double SumEventWeight, SumEventWeight2;
    public readonly WeightedHistogram MissingEnergy;
    public readonly double[] TrackLengthCm;
    public readonly double[] PositronTrackLengthCm;
    public readonly List<SignalEvent> Kept = [];

    public void Add(EmissionState s, double eps2)
    {
        Events++;
        double b = s.EstimatorBremEps1, a = s.EstimatorAnnihilationEps1;
        SumBrem += b; SumBrem2 += b * b;
        SumAnn += a; SumAnn2 += a * a;
        SumTot2 += (a + b) * (a + b);
        EmissionRecord e = s.Emission;
        double w = s.EventWeight;
        SumEventWeight += w;
        SumEventWeight2 += w * w;
        if (e.Kind == EmissionKind.None) return;
        Emissions++;
        double we = e.Weight / eps2;
        if (e.Kind == EmissionKind.Bremsstrahlung) { SumWBrem += we; SumWBrem2 += we * we; }
        else { SumWAnn += we; SumWAnn2 += we * we; }
        MissingEnergy.Fill(e.APrimeEnergyGeV, we);
    }

    /// <summary>a ⊕ b for <see cref="Core.Numerics.BlockTree"/> (reuses a; b's kept events follow a's).</summary>
    public static SignalAccumulator Combine(SignalAccumulator a, SignalAccumulator b)
    {
        a.Merge(b);
        return a;
    }

    public void Merge(SignalAccumulator o)
    {
        Events += o.Events; Emissions += o.Emissions; ChargedSteps += o.ChargedSteps; NeutralSteps += o.NeutralSteps;
        SumBrem += o.SumBrem; SumBrem2 += o.SumBrem2; SumAnn += o.SumAnn; SumAnn2 += o.SumAnn2; SumTot2 += o.SumTot2;
        SumWBrem += o.SumWBrem; SumWBrem2 += o.SumWBrem2; SumWAnn += o.SumWAnn; SumWAnn2 += o.SumWAnn2;
        SumEventWeight += o.SumEventWeight; SumEventWeight2 += o.SumEventWeight2;
        MissingEnergy.Add(o.MissingEnergy);
        for (int i = 0; i < TrackLengthCm.Length; i++) { TrackLengthCm[i] += o.TrackLengthCm[i]; PositronTrackLengthCm[i] += o.PositronTrackLengthCm[i]; }
        Kept.AddRange(o.Kept);
    }

    /// <summary>Payload tag of signal sums in a <see cref="BlockSumsFile"/>.</summary>
    public const string PayloadTag = "signal-accumulator/1";

    /// <summary>Writes every sum and kept event exactly (a shard's block sums).</summary>
    public void WriteTo(BinaryWriter w)
    {
        w.Write(Events); w.Write(Emissions); w.Write(ChargedSteps); w.Write(NeutralSteps);
        foreach (double v in Scalars()) w.Write(v);
        foreach (double[] a in Arrays()) BlockSumsFile.WriteDoubles(w, a);
        w.Write(Kept.Count);
        foreach (SignalEvent e in Kept)
        {
            EmissionRecord m = e.Emission;
            w.Write(e.EventIndex);
            w.Write((byte)m.Kind); w.Write((byte)m.Emitter); w.Write(m.EmitterIsPrimary); w.Write(m.Slab);
            foreach (double v in (double[])[m.EmitterEnergyGeV, m.APrimeEnergyGeV, m.Ux, m.Uy, m.Uz, m.Weight, m.EmitterUx, m.EmitterUy, m.EmitterUz,
                                             m.EmitterVertexEnergyGeV, e.WeightPerEotEps1, e.LeakedGeV]) w.Write(v);
            foreach (IReadOnlyList<double> a in (IReadOnlyList<double>[])[e.SectionActiveGeV, e.SectionTotalGeV, e.CellActiveGeV])
                BlockSumsFile.WriteDoubles(w, [.. a]);
        }
    }

    /// <summary>Reads sums written by <see cref="WriteTo"/> into a new accumulator for <paramref name="beamGeV"/> and <paramref name="bins"/>.</summary>
    public static SignalAccumulator ReadFrom(BinaryReader r, double beamGeV, int bins)
    {
        var a = new SignalAccumulator(beamGeV, bins) { Events = r.ReadInt64(), Emissions = r.ReadInt64(), ChargedSteps = r.ReadInt64(), NeutralSteps = r.ReadInt64() };
        double[] s = new double[a.Scalars().Length];
        for (int i = 0; i < s.Length; i++) s[i] = r.ReadDouble();
        (a.SumBrem, a.SumBrem2, a.SumAnn, a.SumAnn2, a.SumTot2) = (s[0], s[1], s[2], s[3], s[4]);
        (a.SumWBrem, a.SumWBrem2, a.SumWAnn, a.SumWAnn2, a.SumEventWeight, a.SumEventWeight2) = (s[5], s[6], s[7], s[8], s[9], s[10]);
        foreach (double[] arr in a.Arrays()) BlockSumsFile.ReadDoubles(r, arr);
        int kept = r.ReadInt32();
        for (int k = 0; k < kept; k++)
        {
            long index = r.ReadInt64();
            var kind = (EmissionKind)r.ReadByte();
            var emitter = (ShowerSpecies)r.ReadByte();
            bool primary = r.ReadBoolean();
            int slab = r.ReadInt32();
            double[] v = new double[12];
            for (int i = 0; i < v.Length; i++) v[i] = r.ReadDouble();
            var m = new EmissionRecord(kind, emitter, primary, v[0], v[1], v[2], v[3], v[4], slab, v[5], v[6], v[7], v[8], v[9]);
            a.Kept.Add(new SignalEvent(index, m, v[10], ReadList(r), ReadList(r), ReadList(r), v[11]));
        }
        return a;
    }

    private static double[] ReadList(BinaryReader r)
    {
        var a = new double[r.ReadInt32()];
        for (int i = 0; i < a.Length; i++) a[i] = r.ReadDouble();
        return a;
    }

    private double[] Scalars() => [SumBrem, SumBrem2, SumAnn, SumAnn2, SumTot2, SumWBrem, SumWBrem2, SumWAnn, SumWAnn2, SumEventWeight, SumEventWeight2];

    private double[][] Arrays() => [MissingEnergy.SumW, MissingEnergy.SumW2, TrackLengthCm, PositronTrackLengthCm];
}
