using Emiss.Core.Materials;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Transport;

/// <summary>
/// Readout bins inside one volume (<see cref="SlabLayer.SameVolumeAsPrevious"/>; docs/physics/transport.md#readout-bins-inside-one-volume):
/// a block of one material scored in depth bins, as Geant4's TestEm2 scores its 0.5 X0 bins by position inside one cylinder.
/// The bin edges are not boundaries, so transport must be exactly that of the undivided block, and only the scoring differs.
/// </summary>
public class ReadoutBinsTests(ITestOutputHelper output)
{
    private const int Bins = 20, Events = 400;
    private const ulong Seed = 20261207;
    private static readonly Material PbWO4 = MaterialCatalog.ByName("PbWO4");
    private static readonly double BinCm = 0.5 * PbWO4.RadiationLengthCm;

    private static SlabStack Stack(string name, IReadOnlyList<SlabLayer> layers) =>
        SlabStack.Build(name, "test", layers, TransverseShape.Cylinder, 5 * PbWO4.RadiationLengthCm, new CellGrid(1, 1, 20), 0.1 * PbWO4.RadiationLengthCm, 50);

    private static ShowerRunResult Run(SlabStack stack) =>
        ShowerRunner.Run(new ShowerPhysics(stack, PhysicsOptions.Standard), ShowerSpecies.Electron, 1.0, Events, Seed, threads: 2);

    // A 2 cm plastic slab behind the block: a volume of another material that tracks reach only through the block's face.
    private static readonly SlabLayer Plastic = new(MaterialCatalog.Polystyrene, 2.0, true, "p");

    private static readonly Lazy<ShowerRunResult> Block = new(() => Run(Stack("block", [new SlabLayer(PbWO4, Bins * BinCm, true, "s"), Plastic])));

    private static readonly Lazy<ShowerRunResult> Binned = new(() => Run(Stack("binned",
        [.. Enumerable.Range(0, Bins).Select(i => new SlabLayer(PbWO4, BinCm, true, "s", SameVolumeAsPrevious: i > 0)), Plastic])));

    [Fact]
    public void Bins_of_one_volume_are_transported_exactly_as_the_undivided_block()
    {
        // Same seed, same volume faces, no random number drawn by the bin look-up: every step must be the same, so the counts
        // are equal and the energies equal to the rounding of their sums (the binned run adds per bin, the block in one slab);
        // the plastic behind it, reached only through the block's back face, gets the same deposit.
        ShowerRunResult block = Block.Value, binned = Binned.Value;
        output.WriteLine($"charged steps {block.ChargedStepsPerEvent} vs {binned.ChargedStepsPerEvent}; neutral {block.NeutralStepsPerEvent} vs {binned.NeutralStepsPerEvent}");
        output.WriteLine($"E_total {block.MeanTotalGeV:R} vs {binned.MeanTotalGeV:R} GeV; Σ bins {binned.MeanSlabGeV.Take(Bins).Sum():R}; plastic {block.MeanSlabGeV[1]:R} vs {binned.MeanSlabGeV[Bins]:R}; leakage {block.LeakageFraction:R} vs {binned.LeakageFraction:R}");
        Assert.Equal(block.ChargedStepsPerEvent, binned.ChargedStepsPerEvent);
        Assert.Equal(block.NeutralStepsPerEvent, binned.NeutralStepsPerEvent);
        Assert.Equal(block.MeanTotalGeV, binned.MeanTotalGeV, 1e-12);
        Assert.Equal(block.MeanSlabGeV[0], binned.MeanSlabGeV.Take(Bins).Sum(), 1e-12);
        Assert.Equal(block.MeanSlabGeV[1], binned.MeanSlabGeV[Bins], 1e-12);
        Assert.Equal(block.LeakageFraction, binned.LeakageFraction, 1e-12);
        Assert.Equal(block.ChargedTrackLengthX0, binned.ChargedTrackLengthX0, 1e-9);
        for (int r = 0; r < block.MeanRadialGeV.Length; r++) Assert.Equal(block.MeanRadialGeV[r], binned.MeanRadialGeV[r], 1e-12);
        // The bins hold the profile: it rises to a maximum inside the block and falls behind it.
        double[] p = binned.MeanSlabGeV[..Bins];
        int max = Array.IndexOf(p, p.Max());
        Assert.InRange(max, 3, 12);
        Assert.True(p[0] < p[max] && p[^1] < p[max], "a shower profile peaks inside the block");
    }

    [Fact]
    public void Bins_of_one_volume_give_the_profile_of_separate_volumes_with_fewer_steps()
    {
        // Separate volumes stop every e± at each face and refix its multiple-scattering step there; bins do not. The
        // longitudinal profile must agree: the energy-weighted mean depth within 3σ of the difference, σ from the spread of
        // 8 independent batches of 100 showers per geometry (a shower's depth fluctuates as a whole, so per-bin errors taken
        // as independent would understate it), while the charged steps drop (TestEm2 5 GeV e⁻: 15 350 → 2 803 per event).
        var binned = new ShowerPhysics(Stack("binned", [.. Enumerable.Range(0, Bins).Select(i => new SlabLayer(PbWO4, BinCm, true, "s", SameVolumeAsPrevious: i > 0))]), PhysicsOptions.Standard);
        var separate = new ShowerPhysics(Stack("separate", [.. Enumerable.Range(0, Bins).Select(_ => new SlabLayer(PbWO4, BinCm, true, "s"))]), PhysicsOptions.Standard);
        (double Mean, double Error, double Steps) Depth(ShowerPhysics physics)
        {
            var depths = new double[8];
            double steps = 0;
            for (int b = 0; b < depths.Length; b++)
            {
                ShowerRunResult r = ShowerRunner.Run(physics, ShowerSpecies.Electron, 1.0, 100, Seed + 1 + (ulong)b, threads: 2);
                double[] m = r.MeanSlabGeV;
                depths[b] = Enumerable.Range(0, Bins).Sum(i => (i + 0.5) * 0.5 * m[i]) / m.Sum();
                steps += r.ChargedStepsPerEvent / depths.Length;
            }
            double mean = depths.Average();
            return (mean, Math.Sqrt(depths.Sum(d => (d - mean) * (d - mean)) / (depths.Length - 1) / depths.Length), steps);
        }
        (double db, double eb, double sb) = Depth(binned);
        (double ds, double es, double ss) = Depth(separate);
        output.WriteLine($"mean depth {db:F4} ± {eb:F4} X0 (bins) vs {ds:F4} ± {es:F4} X0 (separate volumes); charged steps {sb:F0} vs {ss:F0}");
        Assert.True(Math.Abs(db - ds) < 3 * Math.Sqrt(eb * eb + es * es), $"mean depth {db:F4} ± {eb:F4} vs {ds:F4} ± {es:F4} X0");
        Assert.True(sb < 0.6 * ss, "bin edges must not stop the steps");
    }

    [Fact]
    public void Fast_mode_builds_its_library_in_a_block_of_readout_bins_and_keeps_the_energy_balance()
    {
        // The library medium repeats the geometry's periodic layers; for a block of bins its first bin must start a volume. A
        // library of separate volumes is another library (its key, and so its disk-cache address, differs).
        ShowerPhysics physics = TestShowers.Physics("testem2-pbwo4");
        SlabStack separateVolumes = Stack("testem2-pbwo4", [.. physics.Geometry.Layers.Select(l => l with { SameVolumeAsPrevious = false })]);
        Assert.NotEqual(ShowerLibraryKey.Of(separateVolumes, PhysicsOptions.Standard, FastShowerOptions.Default).Geometry,
                        ShowerLibraryKey.Of(Stack("testem2-pbwo4", physics.Geometry.Layers), PhysicsOptions.Standard, FastShowerOptions.Default).Geometry);
        List<SlabLayer> medium = ShowerLibrary.MediumLayers(physics.Geometry, PeriodicRegion.Detect(physics.Geometry)!, 6);
        Assert.Equal([false, true, true, true, true, true], medium.Select(l => l.SameVolumeAsPrevious).ToArray());
        SlabStack ecal = GeometryCatalog.Load("na64-ecal");
        Assert.All(ShowerLibrary.MediumLayers(ecal, PeriodicRegion.Detect(ecal)!, 6), l => Assert.False(l.SameVolumeAsPrevious));
        ShowerLibrary library = ShowerLibrary.Build(physics, FastShowerOptions.Default with { SwitchGeV = 0.05, EntriesPerBin = 4 }, threads: 2);
        ShowerRunResult fast = ShowerRunner.Run(physics, ShowerSpecies.Electron, 0.5, 40, Seed, threads: 2, library: library);
        ShowerRunResult analog = TestShowers.Run("testem2-pbwo4", ShowerSpecies.Electron, 0.5, 40, Seed);
        output.WriteLine($"0.5 GeV e⁻: E_total fast {fast.MeanTotalGeV:F4}, analog {analog.MeanTotalGeV:F4} GeV; leakage {fast.LeakageFraction:F4} vs {analog.LeakageFraction:F4}");
        Assert.Equal(0.5, fast.MeanTotalGeV + fast.LeakageFraction * 0.5, 1e-9);
        // Fast against analog: 4σ of the two means plus 1 % of E0 for a library of only 4 showers per bin.
        double tolerance = 4 * Math.Sqrt((fast.RmsTotalGeV * fast.RmsTotalGeV + analog.RmsTotalGeV * analog.RmsTotalGeV) / 40) + 0.005;
        Assert.Equal(analog.MeanTotalGeV, fast.MeanTotalGeV, tolerance);
    }
}
