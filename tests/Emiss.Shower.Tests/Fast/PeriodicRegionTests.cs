using Emiss.Core.Materials;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

public class PeriodicRegionTests
{
    [Fact]   // na64-ecal.json: 15 + 135 × (1.5 mm Pb + 1.5 mm Sc); the section change does not break the period
    public void Na64_ecal_is_one_periodic_region_of_150_pb_sc_pairs()
    {
        PeriodicRegion r = PeriodicRegion.Detect(GeometryCatalog.Load("na64-ecal"))!;
        Assert.Equal(new PeriodicRegion(0, 299, 2, 0.3), r with { PeriodLengthCm = Math.Round(r.PeriodLengthCm, 12) });
        Assert.Equal(1, r.PhaseOf(299));
        Assert.Equal(0, r.PhaseOf(42));
    }

    [Fact]   // testem3-pb-lar.json: 50 × (2.3 mm Pb + 5.7 mm lAr); testem2-pbwo4.json: 40 identical PbWO4 slabs
    public void Sampling_and_homogeneous_stacks()
    {
        PeriodicRegion em3 = PeriodicRegion.Detect(GeometryCatalog.Load("testem3-pb-lar"))!;
        Assert.Equal((0, 99, 2), (em3.FirstSlab, em3.LastSlab, em3.Period));
        Assert.Equal(0.8, em3.PeriodLengthCm, 12);
        PeriodicRegion em2 = PeriodicRegion.Detect(GeometryCatalog.Load("testem2-pbwo4"))!;
        Assert.Equal((0, 39, 1), (em2.FirstSlab, em2.LastSlab, em2.Period));
    }

    [Fact]   // a front block, then 10 × (Pb, Sc), then a back block: only the middle is periodic; too few periods → none
    public void Finds_the_periodic_middle_of_a_mixed_stack_and_rejects_short_runs()
    {
        Material pb = MaterialCatalog.Lead, sc = MaterialCatalog.Polystyrene, fe = MaterialCatalog.Iron;
        var layers = new List<SlabLayer> { new(fe, 2.0, false, "a") };
        for (int i = 0; i < 10; i++) { layers.Add(new(pb, 0.2, false, "b")); layers.Add(new(sc, 0.4, true, "b")); }
        layers.Add(new(fe, 3.0, false, "c"));
        SlabStack g = SlabStack.Build("mixed", "test", layers, TransverseShape.Box, 10, new CellGrid(1, 1, 20), 1, 10);
        PeriodicRegion r = PeriodicRegion.Detect(g)!;
        Assert.Equal((1, 20, 2), (r.FirstSlab, r.LastSlab, r.Period));
        Assert.Equal(0.6, r.PeriodLengthCm, 12);
        SlabStack shortStack = SlabStack.Build("short", "test", layers.Take(9).ToList(), TransverseShape.Box, 10, new CellGrid(1, 1, 20), 1, 10);
        Assert.Null(PeriodicRegion.Detect(shortStack));
    }
}
