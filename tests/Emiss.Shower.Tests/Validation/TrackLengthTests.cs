using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// V13–V15: 100 GeV e⁻ in thick Pb with bremsstrahlung and pair production only (no LPM, no ionisation), cuts 50 MeV,
/// against the exact-kernel cascade reference and Rossi Approximation A. These are the track-length spectra the
/// signal yield integrates.
/// </summary>
public class TrackLengthTests
{
    private const int Batches = 5, PerBatch = 300, Events = Batches * PerBatch;
    private static readonly PhysicsOptions Radiation = PhysicsOptions.RadiationOnly with { GammaCutGeV = 0.05, ElectronCutGeV = 0.05, TrackingCutGeV = 0.05 };

    /// <summary>Five independent batches: the spread of the batch means gives σ of the overall mean (batch-means method).</summary>
    private static readonly Lazy<(ShowerRunResult[] Batches, long[] Conversions)> Run = new(() =>
    {
        ShowerPhysics phys = TestShowers.Physics("pb-thick", Radiation);
        int conv = phys.Processes.Select(p => p.Name).ToList().IndexOf("conv");
        var results = new ShowerRunResult[Batches];
        var counts = new long[3];
        object gate = new();
        Parallel.For(0, Batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, b =>
        {
            var transport = new ShowerTransport(phys);
            var tally = new EventTally(phys.Geometry, 100.0, phys.Processes.Length);
            var acc = new RunAccumulator(tally);
            var obs = new CompositeObserver<TallyObserver, ConversionCounter>(new TallyObserver(tally), new ConversionCounter(conv));
            for (int i = 0; i < PerBatch; i++)
            {
                tally.Reset();
                EventRng rng = RngStreams.For(20161106, StreamKind.Shower, (ulong)(b * PerBatch + i));
                EventLedger l = transport.RunEvent(ShowerSpecies.Electron, 100.0, ref rng, ref obs);
                acc.Add(tally, l);
            }
            results[b] = new ShowerRunResult(phys.Geometry, ShowerSpecies.Electron, 100.0, acc, [], [], 0);
            lock (gate) { counts[0] += obs.Second.Above1; counts[1] += obs.Second.Above10; counts[2] += obs.Second.Above50; }
        });
        return (results, counts);
    });

    private static void Check(double expected, Func<ShowerRunResult, double> q, double modelRel, string what, string why)
    {
        double[] v = [.. Run.Value.Batches.Select(q)];
        double m = v.Average(), err = Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1) / v.Length);
        Tolerance.Abs(modelRel * expected + 3 * err, $"{why} + 3σ_stat ({err:G3})").AssertClose(expected, m, what);
    }

    [Fact]   // V14: e± track length above 50 GeV = 0.91 X0 (primary 0.83); ±7 %
    public void High_energy_track_length()
    {
        Check(0.91, r => r.TrackLengthLinearX0(0).Skip(20).Sum() + r.TrackLengthLinearX0(1).Skip(20).Sum(), 0.07, "T(e±, E > 50 GeV) (X0)", "V14 ±7 %");
        Check(0.83, r => r.TrackLengthLinearX0(3).Skip(20).Sum(), 0.07, "T(primary, E > 50 GeV) (X0)", "V14 ±7 %");
    }

    [Theory]  // V14 differential values (X0/GeV) in 2.5 GeV bins; ±7 %
    [InlineData(20, 1.64e-2, 2.85e-3, 1.36e-2)]
    [InlineData(24, 1.37e-2, 1.47e-3, 1.23e-2)]
    [InlineData(32, 1.20e-2, 2.9e-4, 1.17e-2)]
    public void Differential_track_length(int bin, double electrons, double positrons, double primary)
    {
        Check(electrons, r => r.TrackLengthLinearX0(0)[bin] / 2.5, 0.07, $"T_e⁻ at {bin * 2.5} GeV", "V14 ±7 %");
        Check(primary, r => r.TrackLengthLinearX0(3)[bin] / 2.5, 0.07, $"T_primary at {bin * 2.5} GeV", "V14 ±7 %");
        Check(positrons, r => r.TrackLengthLinearX0(1)[bin] / 2.5, 0.07, $"T_e⁺ at {bin * 2.5} GeV", "V14 ±7 %");
    }

    [Fact]   // V13: Rossi A asymptotes for 2–20 GeV: T_e± E²/E0 = 0.437 X0, T_γ k²/E0 = 0.572 X0 (±3 % + statistics)
    public void Rossi_approximation_A_asymptotes()
    {
        Check(0.437, r => RossiCoefficient(r, 0, 1), 0.03, "T_e± E²/E0 (X0)", "V13 ±3 %");
        Check(0.572, r => RossiCoefficient(r, 2, 2), 0.03, "T_γ k²/E0 (X0)", "V13 ±3 %");
    }

    /// <summary>C in T(E) = C E0/E², from the 2–20 GeV log bins (∫ over a bin = C E0 (1/lo − 1/hi)).</summary>
    private static double RossiCoefficient(ShowerRunResult r, int rowA, int rowB)
    {
        double[] a = r.TrackLengthLogX0(rowA), b = r.TrackLengthLogX0(rowB);
        double sum = 0, norm = 0;
        for (int i = 0; i < TrackLengthBins.LogBins; i++)
        {
            double lo = TrackLengthBins.LogEdgeGeV(i), hi = TrackLengthBins.LogEdgeGeV(i + 1);
            if (lo < 1.99 || hi > 20.1) continue;
            sum += a[i] + (rowA == rowB ? 0 : b[i]);
            norm += 100.0 * (1 / lo - 1 / hi);
        }
        return sum / norm;
    }

    [Fact]   // V15: photons converting per 100 GeV e⁻: k > 1 GeV 43, k > 10 GeV 3.9 (±10 %), k > 50 GeV ≈ 0.3
    public void Photon_conversions()
    {
        long[] c = Run.Value.Conversions;
        Tolerance.Rel(0.10, "V15 ±10 % (statistics 0.5 %)").AssertClose(43, c[0] / (double)Events, "conversions k > 1 GeV");
        Tolerance.Rel(0.10, "V15 ±10 % (statistics 1.5 %)").AssertClose(3.9, c[1] / (double)Events, "conversions k > 10 GeV");
        Tolerance.Abs(0.06, "V15 '≈ 0.3' read as ±0.05, + 3σ_stat (0.014)").AssertClose(0.3, c[2] / (double)Events, "conversions k > 50 GeV");
    }
}
