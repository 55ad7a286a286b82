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
}
