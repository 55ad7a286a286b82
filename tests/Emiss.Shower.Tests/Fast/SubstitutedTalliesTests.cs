using System.Globalization;
using Emiss.Core.Random;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Scoring;
using Emiss.Shower.Tests.Transport;
using Emiss.Shower.Transport;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Fast;

/// <summary>
/// What a substituted particle still contributes (issue 13): its shower's invisible energy is booked as invisible, not
/// leakage, and its track length reaches the track-length tallies. Fast against analog with the same physics, e⁻ on
/// the centre of cell (3, 3) of the NA64 ECAL; errors are statistical (batch spreads), tolerances 4σ.
/// </summary>
public class SubstitutedTalliesTests(ITestOutputHelper output)
{
    private static readonly Lazy<(BatchedRun Analog, BatchedRun Fast)> At2 = new(() =>
        (BatchedRun.Run("na64-ecal", 2.0, 10, 24, 515, 1.9, null),
         BatchedRun.Run("na64-ecal", 2.0, 10, 24, 515, 1.9, FastLibraries.For("na64-ecal"))));

    [Fact]
    public void Track_lengths_with_and_without_substitution_agree()
    {
        var (ba, bf) = At2.Value;
        var misses = new List<string>();
        // Systematic band added linearly to 4σ_stat: 1 % = the library's own sampling (96 showers per bin, ≈ 0.5 % on
        // shower sums, docs/physics/fast-mode.md) plus the linear scaling of an entry's lengths from its energy to the
        // particle's within a bin (a factor ≤ 10^(1/6)).
        Check("charged track length, X0", ba, bf, r => r.ChargedTrackLengthX0, 0.01);
        Check("charged track length in Pb, cm", ba, bf, r => r.ChargedTrackLengthCm(PassiveName(r)), 0.01);
        Check("charged track length in scintillator, cm", ba, bf, r => r.ChargedTrackLengthCm(ScintillatorName(r)), 0.01);
        // the differential e⁻ and γ spectra by decade below E_switch = 0.5 GeV (10 bins per decade from 0.1 MeV)
        for (int row = 0; row <= 2; row += 2)
            for (int decade = 1; decade <= 3; decade++)
            {
                int r0 = row, d0 = decade;
                Check($"row {row} track length at {TrackLengthBins.LogEdgeGeV(10 * decade) * 1e3:G3}–{TrackLengthBins.LogEdgeGeV(10 * decade + 10) * 1e3:G3} MeV, X0",
                    ba, bf, r => r.TrackLengthLogX0(r0).Skip(10 * d0).Take(10).Sum(), 0.01);
            }
        // The total photon path is 5σ long in fast mode: a library shower's photons keep flying in the library's 60 cm wide
        // medium where, in the ECAL, those heading out of its sides or back would have left (their energy is booked as
        // leakage correctly; their path has no position to clip). Target: equal within the 1 % band above.
        double ratio = bf.All.NeutralTrackLengthX0 / ba.All.NeutralTrackLengthX0;
        double ratioError = Math.Sqrt(Math.Pow(ba.Error(r => r.NeutralTrackLengthX0) / ba.All.NeutralTrackLengthX0, 2)
                                      + Math.Pow(bf.Error(r => r.NeutralTrackLengthX0) / bf.All.NeutralTrackLengthX0, 2));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"photon track length fast/analog {ratio:F4} ± {ratioError:F4}"));
        KnownDiscrepancy.Pin(output, "photon track length fast/analog, 2 GeV e⁻ in the NA64 ECAL", ratio,
            new GoldValue(1.0229, 0.0124, "this test's run: seed 515, 10 × 24 events per mode; tolerance 3σ of the ratio (0.41 %)"),
            new PhysicsTarget(1.0, 0.005, "analog transport of the same showers; half of the 1 % library band"),
            "library photons are not clipped at the ECAL's sides and back");
        Assert.True(bf.All.ChargedStepsPerEvent < 0.3 * ba.All.ChargedStepsPerEvent, "fast mode must replace most charged steps");
        Assert.True(misses.Count == 0, string.Join("; ", misses));

        void Check(string what, BatchedRun a, BatchedRun f, Func<ShowerRunResult, double> q, double libraryBias)
        {
            double va = q(a.All), vf = q(f.All);
            double sigma = Math.Sqrt(Math.Pow(a.Error(q), 2) + Math.Pow(f.Error(q), 2));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: analog {va:G5} fast {vf:G5} (±{sigma:G3}), ratio {vf / va:F4}"));
            if (!(Math.Abs(vf - va) <= 4 * sigma + libraryBias * va)) misses.Add($"{what}: fast {vf:G5} vs analog {va:G5} ± {sigma:G3}");
        }
    }

    private static string ScintillatorName(ShowerRunResult r) => r.Geometry.Layers.First(l => l.Active).Material.Name;

    private static string PassiveName(ShowerRunResult r) => r.Geometry.Layers.First(l => !l.Active).Material.Name;

    [Fact]   // an invisible process acting below E_switch: fast mode books the library showers' invisible energy as invisible
    public void Invisible_energy_inside_library_showers_is_booked_as_invisible()
    {
        // e± above 20 MeV lose half their energy invisibly (Σ = 1/cm); the library (E_switch 0.1 GeV) is built with it
        var physics = new ShowerPhysics(GeometryCatalog.Load("na64-ecal"), PhysicsOptions.Standard with { ExtraProcesses = [_ => new InvisibleLossProcess(0.02)] });
        ShowerLibrary lib = ShowerLibrary.Build(physics, FastShowerOptions.Default with { SwitchGeV = 0.1, EntriesPerBin = 16 }, threads: 2);
        (double invA, double leakA, double errA) = Fractions(new ShowerTransport(physics), 400, out _);
        (double invF, double leakF, double errF) = Fractions(new ShowerTransport(physics, lib), 400, out double observed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1 GeV e⁻: invisible fraction analog {invA:F4} fast {invF:F4} (±{Math.Sqrt(errA * errA + errF * errF):F4}); leakage analog {leakA:F4} fast {leakF:F4}"));
        Assert.True(invA > 0.1, "the test process must remove a sizeable share below E_switch");
        Assert.True(Math.Abs(invF - invA) <= 4 * Math.Sqrt(errA * errA + errF * errF) + 0.01 * invA, $"invisible fraction fast {invF:F4} vs analog {invA:F4}");
        Assert.True(Math.Abs(leakF - leakA) <= 0.01, $"leakage fast {leakF:F4} vs analog {leakA:F4}: invisible energy must not be booked as leakage");
        Assert.Equal(invF, observed, 1e-9);   // the observer sees every invisible GeV the ledger books
    }

    private static (double Invisible, double Leak, double Error) Fractions(ShowerTransport t, int events, out double observedInvisible)
    {
        double inv = 0, inv2 = 0, leak = 0;
        var obs = new InvisibleObserver();
        for (int i = 0; i < events; i++)
        {
            EventRng rng = RngStreams.For(77, StreamKind.Shower, (ulong)i);
            EventLedger l = t.RunEvent(ShowerSpecies.Electron, 1.0, ref rng, ref obs, 1.9, 1.9);
            inv += l.InvisibleGeV;
            inv2 += l.InvisibleGeV * l.InvisibleGeV;
            leak += l.LeakedGeV;
        }
        double m = inv / events;
        observedInvisible = obs.Sum[0] / events;
        return (m, leak / events, Math.Sqrt(Math.Max(0, inv2 / events - m * m) / events));
    }

    /// <summary>Sums the invisible energy the observer is told about.</summary>
    private readonly struct InvisibleObserver() : IShowerObserver
    {
        public double[] Sum { get; } = new double[1];

        public void OnStep(in StepPoint point) { }

        public void OnDeposit(int slab, double xCm, double yCm, double energyGeV, double visibleGeV) { }

        public void OnInteraction(int processIndex, in ParticleState incoming, int slab) { }

        public void OnLeak(in LeavingParticle particle, double budgetGeV) { }

        public void OnInvisible(int processIndex, double energyGeV, int slab) => Sum[0] += energyGeV;
    }
}
