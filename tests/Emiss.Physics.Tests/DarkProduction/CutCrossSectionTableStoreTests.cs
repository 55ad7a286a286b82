using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Xunit;

namespace Emiss.Physics.Tests.DarkProduction;

/// <summary>The on-disk table cache (PHYSICS.md §1.5): header-checked, round-trip exact.</summary>
public sealed class CutCrossSectionTableStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "emiss-physics-tests-" + Path.GetRandomFileName());

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Stored_table_reads_back_bit_for_bit_and_only_under_the_same_header()
    {
        var store = new CutCrossSectionTableStore(_dir);
        var model = new ImprovedWwModel(Mediator.Vector);
        ElementComponent pb = MaterialCatalog.Lead.Elements[0];
        CutCrossSectionTable built = store.GetOrBuild(model, pb, Mass.FromMeV(17), Energy.FromGeV(50), Energy.FromGeV(100));
        string file = store.PathFor(built.Header);
        Assert.True(File.Exists(file));
        Assert.Contains("# element: Pb Z=82", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains("inelastic included: yes", File.ReadAllText(file), StringComparison.Ordinal);

        CutCrossSectionTable loaded = store.GetOrBuild(model, pb, Mass.FromMeV(17), Energy.FromGeV(50), Energy.FromGeV(100));
        foreach (double e in new[] { 50.01, 63.3, 99.99 })
            Assert.Equal(built.SigmaGeVm2(e), loaded.SigmaGeVm2(e));

        // A different mass has a different header, hence a different file; a header mismatch is refused.
        string other = CutCrossSectionTable.HeaderFor(model, pb, Mass.FromMeV(18), Energy.FromGeV(50), Energy.FromGeV(100));
        Assert.NotEqual(file, store.PathFor(other));
        Assert.Null(CutCrossSectionTable.Parse(File.ReadAllText(file), other));

        // A damaged file is rebuilt rather than trusted.
        File.WriteAllText(file, built.Header + "tau,sigma_GeVm2\nnot,numbers\n");
        CutCrossSectionTable rebuilt = store.GetOrBuild(model, pb, Mass.FromMeV(17), Energy.FromGeV(50), Energy.FromGeV(100));
        Assert.Equal(built.SigmaGeVm2(70.0), rebuilt.SigmaGeVm2(70.0));
    }
}
