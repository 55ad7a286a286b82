using Emiss.Core.Units;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Signal.Run;
using Emiss.Signal.Tables;
using Xunit;

namespace Emiss.Signal.Tests.Run;

public sealed class DetectorModeTests(SignalFixture fx) : IClassFixture<SignalFixture>
{
    [Fact]
    public void SignalEventsCloseTheEnergyBudgetInTheNa64Stack()
    {
        SlabStack geo = Na64SignalGeometry.Build();
        Assert.Equal(["preshower", "ecal", "veto", "hcal1", "hcal2", "hcal3", "hcal4"], geo.SectionNames.ToArray());
        SignalTables t = SignalTables.Build(fx.Model, geo.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
        // Forced-like biasing (≈ 1 emission per event) so that a handful of full showers yields signal events.
        SignalRunResult r = SignalRunner.Run(t, geo, new SignalOptions { Mode = SignalMode.Detector, KeepEvents = true, TargetEmissionProbability = 1.0 }, 12, 71, threads: 2);
        Assert.NotEmpty(r.Kept);
        foreach (SignalEvent e in r.Kept)
        {
            // Energy conservation: deposits + leakage + A′ = the beam's kinetic energy E0 − m_e (the transport closes
            // every interaction's budget; the A′ carries x E of the emitter's total energy).
            double sum = e.SectionTotalGeV.Sum() + e.LeakedGeV + e.Emission.APrimeEnergyGeV;
            Assert.Equal(100.0 - 0.51099895e-3, sum, 6);
            Assert.True(e.Emission.APrimeEnergyGeV > 50.0);
            // The recoil shower is contained: ECAL (preshower + ecal) holds E0 − E_A′ up to a few % leakage, plus up to
            // 20 MeV that a soft recoil (here down to a few MeV) emitted near the front face can scatter back out of it.
            double ecal = e.SectionTotalGeV[0] + e.SectionTotalGeV[1];
            Assert.InRange(ecal, 0.9 * (100.0 - e.Emission.APrimeEnergyGeV) - 0.02, 100.0 - e.Emission.APrimeEnergyGeV + 1e-6);
            // Cells cover the 22.8 cm ECAL face; the world is 60 cm wide, so a little active energy falls outside them:
            // 3 % of a shower, or up to 5 MeV when a soft recoil's few photons Compton-scatter beyond the cells.
            double cells = e.CellActiveGeV.Skip(36).Take(36).Sum();
            Assert.InRange(cells, 0.97 * e.SectionActiveGeV[1] - 0.005, e.SectionActiveGeV[1] + 1e-9);
        }
    }

    [Fact]   // issue 13: detector-mode workers share one shower library (built once per process and key); results do not depend on the thread count
    public void DetectorModeWorkersShareOneLibraryAndStayDeterministic()
    {
        SlabStack geo = Na64SignalGeometry.Build();
        SignalTables t = SignalTables.Build(fx.Model, geo.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
        var options = new SignalOptions { Mode = SignalMode.Detector, KeepEvents = true, BiasFactor = 1e6 };
        SignalRunResult one = SignalRunner.Run(t, geo, options, 8, 5, threads: 1);
        // Counted for this run's library key: other tests obtain other libraries from the process-wide cache in parallel.
        ShowerLibraryKey key = ShowerLibraryKey.Of(geo, SignalRunner.PhysicsFor(options.Mode, t.CutGeV), options.DetectorFastShower!);
        Assert.Equal(1, ShowerLibraryCache.BuildsOf(key));
        SignalRunResult two = SignalRunner.Run(t, Na64SignalGeometry.Build(), options, 8, 5, threads: 2);
        Assert.Equal(1, ShowerLibraryCache.BuildsOf(key));    // the second run (a new geometry instance, same content) reuses the library
        Assert.Equal(one.Kept.Count, two.Kept.Count);
        for (int i = 0; i < one.Kept.Count; i++)
        {
            Assert.Equal(one.Kept[i].SectionTotalGeV, two.Kept[i].SectionTotalGeV);
            Assert.Equal(one.Kept[i].CellActiveGeV, two.Kept[i].CellActiveGeV);
        }
        Assert.Equal(one.TrackLengthCmPerEot, two.TrackLengthCmPerEot);
        // the library covers the ECAL at the front (150 × Pb/Sc), not the longer HCAL behind it
        ShowerLibrary lib = ShowerLibraryCache.For(geo, SignalRunner.PhysicsFor(SignalMode.Detector, t.CutGeV), options.DetectorFastShower!, 1);
        Assert.Equal((0, 299, 2), (lib.Region.FirstSlab, lib.Region.LastSlab, lib.Region.Period));
        Assert.True(one.ChargedStepsPerEvent < 2e5, $"{one.ChargedStepsPerEvent:F0} charged steps per event: the ECAL shower must be replaced below E_switch");
    }

    [Fact]   // --no-library-cache: the detector run builds its library in memory and writes nothing to the disk cache
    public void DetectorModeUsesTheDiskCacheUnlessToldNotTo()
    {
        SlabStack geo = Na64SignalGeometry.Build();
        SignalTables t = SignalTables.Build(fx.Model, geo.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
        ShowerLibraryDiskCache disk = ShowerLibraryCache.Disk ?? throw new InvalidOperationException("the test process has a temporary library cache (TestProcessSetup)");
        // Tiny libraries (1–5 MeV, 2 showers per bin) with seeds no other test uses: their keys are new to this process.
        FastShowerOptions Tiny(ulong seed) => FastShowerOptions.Default with { RegionContainingSlab = 0, SwitchGeV = 0.005, EntriesPerBin = 2, Seed = seed };
        string FileOf(FastShowerOptions o) => disk.PathOf(ShowerLibraryKey.Of(geo, SignalRunner.PhysicsFor(SignalMode.Detector, t.CutGeV), o).Digest());
        var bypass = new SignalOptions { Mode = SignalMode.Detector, BiasFactor = 1e6, DetectorFastShower = Tiny(0xCAC4E0), LibraryDiskCache = false };
        var cached = bypass with { DetectorFastShower = Tiny(0xCAC4E1), LibraryDiskCache = true };
        SignalRunResult a = SignalRunner.Run(t, geo, bypass, 2, 5, threads: 2);
        SignalRunResult b = SignalRunner.Run(t, geo, cached, 2, 5, threads: 2);
        Assert.False(File.Exists(FileOf(bypass.DetectorFastShower!)), "the bypassed library must not be stored");
        Assert.True(File.Exists(FileOf(cached.DetectorFastShower!)), "the default stores the library in the disk cache");
        // Each run names its library by content address, which is the cache file's name whether it was built or loaded.
        Assert.Equal(FileOf(cached.DetectorFastShower!), disk.PathOf(b.ShowerLibraryDigest!));
        Assert.Equal(FileOf(bypass.DetectorFastShower!), disk.PathOf(a.ShowerLibraryDigest!));
        Assert.Null(SignalRunner.Run(t, geo, cached with { Mode = SignalMode.Yield }, 2, 5, threads: 2).ShowerLibraryDigest);
    }

    [Fact]   // a signal window reaching below the library's E_switch is refused (A′ emission there would be lost)
    public void DetectorModeRefusesALibraryAboveTheSignalCut()
    {
        SlabStack geo = Na64SignalGeometry.Build();
        SignalTables t = SignalTables.Build(fx.Model, geo.Materials, Mass.FromMeV(10), Energy.FromGeV(100));
        var options = new SignalOptions { Mode = SignalMode.Detector, BiasFactor = 1.0, DetectorFastShower = FastShowerOptions.Default with { SwitchGeV = 1.5 * t.CutGeV } };
        ArgumentException e = Assert.Throws<ArgumentException>(() => SignalRunner.Run(t, geo, options, 1, 5));
        Assert.Contains("E_switch", e.Message);
    }
}
