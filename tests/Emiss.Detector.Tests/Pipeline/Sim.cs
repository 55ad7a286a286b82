using Emiss.Detector.Beam;
using Emiss.Events;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Tests.Pipeline;

/// <summary>Runs n events of a forced species (or the beam mixture) into one batch.</summary>
internal static class Sim
{
    public static EventBatch Run(SetupCard card, int n, ulong seed, DetectorSpecies? kind = null, long first = 0)
    {
        var model = new DetectorModel(card, seed);
        var sim = new EventSimulator(model);
        var batch = new EventBatch(n, card.Ecal.CellsX * card.Ecal.CellsY, card.Hcal.Modules);
        for (int i = 0; i < n; i++) sim.Simulate(first + i, 1, kind, batch);
        return batch;
    }

    public static (double Mean, double Sigma, double MeanErr) Stats(IEnumerable<double> xs)
    {
        double[] a = xs.ToArray();
        double m = a.Average();
        double s = Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1));
        return (m, s, s / Math.Sqrt(a.Length));
    }
}
