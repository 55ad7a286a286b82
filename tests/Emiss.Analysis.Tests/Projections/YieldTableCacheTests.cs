using Emiss.Analysis.Projections;
using Emiss.Core.Materials;
using Xunit;

namespace Emiss.Analysis.Tests.Projections;

/// <summary>The yield-table cache: keyed by the inputs' hash, read only under identical inputs, invalidated by any change.</summary>
public class YieldTableCacheTests
{
    [Fact]
    public void A_stored_table_is_read_back_bit_for_bit_under_the_same_inputs()
    {
        using var f = new ProjectionFixture();
        YieldTable? t = f.Cache.TryRead(f.Inputs);
        Assert.NotNull(t);
        Assert.Equal(ProjectionFixture.Masses, t.MassMeV);
        Assert.Equal(ProjectionFixture.Masses.Select(m => 1e-3 / (m * m)), t.Bremsstrahlung);
        string text = File.ReadAllText(f.Cache.PathOf(f.Inputs)!);
        Assert.Contains("# emiss ", text, StringComparison.Ordinal);
        Assert.Contains("# input: code: Emiss.Physics ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_any_card_input_changes_the_key_and_misses_the_cache()
    {
        using var f = new ProjectionFixture();
        YieldSpec[] changed =
        [
            f.Spec with { MissingEnergyMinFraction = 0.4 },
            f.Spec with { MassesMeV = [1, 10, 200] },
            f.Spec with { Production = Physics.DarkProduction.ProductionApproximation.ImprovedWw },
            f.Spec with { AlphaDark = 0.1 },
        ];
        foreach (YieldSpec s in changed)
        {
            YieldTableInputs other = YieldTableInputs.For(ProjectionFixture.Setting, s);
            Assert.NotEqual(f.Inputs.Hash, other.Hash);
            Assert.Null(f.Cache.TryRead(other));
        }
        Assert.NotEqual(f.Inputs.Hash, YieldTableInputs.For(ProjectionFixture.Setting with { Target = MaterialCatalog.Tungsten }, f.Spec).Hash);
        Assert.NotEqual(f.Inputs.Hash, YieldTableInputs.For(ProjectionFixture.Setting with { EnergyGeV = 150 }, f.Spec).Hash);
    }

    [Fact]
    public void A_file_whose_recorded_inputs_differ_is_not_used()
    {
        // The physics code is one of the inputs: a table written by other code (here: an edited code line) is stale.
        using var f = new ProjectionFixture();
        string path = f.Cache.PathOf(f.Inputs)!;
        string text = File.ReadAllText(path);
        int i = text.IndexOf("# input: code: Emiss.Physics ", StringComparison.Ordinal) + 29;
        // The first hex digit of the recorded code hash, changed (a fixed replacement left it unchanged whenever the build's
        // hash began with that digit, one build in sixteen).
        char edited = text[i] == '0' ? '1' : '0';
        File.WriteAllText(path, text[..i] + edited + text[(i + 1)..]);
        Assert.NotEqual(text, File.ReadAllText(path));
        Assert.Null(f.Cache.TryRead(f.Inputs));
    }

    [Fact]
    public void The_physics_assemblies_are_part_of_the_inputs()
    {
        using var f = new ProjectionFixture();
        foreach (string name in new[] { "Emiss.Core", "Emiss.Physics", "Emiss.Shower", "Emiss.Signal", "Emiss.Analysis" })
            Assert.Contains(f.Inputs.Lines, l => l.StartsWith($"code: {name} ", StringComparison.Ordinal));
    }
}
