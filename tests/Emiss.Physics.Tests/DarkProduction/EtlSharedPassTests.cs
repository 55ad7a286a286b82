using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.FormFactors;
using Xunit;

namespace Emiss.Physics.Tests.DarkProduction;

/// <summary>One 3-D pass for several mediators (docs/physics/dark-production-etl.md#one-pass-for-several-mediators) gives each
/// mediator's spectrum bit for bit as its own pass does, directly and through a cache that groups them.</summary>
public sealed class EtlSharedPassTests
{
    private static readonly ElementComponent Lead = MaterialCatalog.Lead.Elements[0];

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(30.0, 0.5)]
    public void Shared_pass_equals_the_single_passes_bit_for_bit(double massMeV, double xMin)
    {
        var ff = TsaiFormFactor.For(Lead, FormFactorChoice.ElasticAndInelastic);
        Mediator[] all = Enum.GetValues<Mediator>();
        EtlSpectrum[] together = new EtlCalculator(EtlGrid.Coarse).Spectra(ff, 100.0, massMeV * 1e-3, xMin, all);
        for (int j = 0; j < all.Length; j++)
        {
            EtlSpectrum alone = new EtlCalculator(EtlGrid.Coarse, mediator: all[j]).Spectrum(ff, 100.0, massMeV * 1e-3, xMin);
            Assert.Equal(alone.OneMinusX, together[j].OneMinusX);
            Assert.Equal(alone.DSigmaDxGeVm2, together[j].DSigmaDxGeVm2);
        }
    }

    [Fact]
    public void A_grouping_cache_serves_every_mediator_from_one_pass()
    {
        Mediator[] all = Enum.GetValues<Mediator>();
        var grouped = new EtlSpectrumCache(all);
        var p = new DarkParameters(Mass.FromMeV(20), 1.0);
        foreach (Mediator m in all)
        {
            double shared = new ExactEtlModel(m, cache: grouped).TotalCrossSection(Lead, Energy.FromGeV(100), p).InGeVm2;
            double own = new ExactEtlModel(m).TotalCrossSection(Lead, Energy.FromGeV(100), p).InGeVm2;
            Assert.Equal(own, shared);
        }
        Assert.Equal(all.Length, grouped.Count);
    }

    [Fact]
    public void Repeated_or_unknown_mediators_are_refused()
    {
        var ff = TsaiFormFactor.For(Lead, FormFactorChoice.ElasticAndInelastic);
        var calc = new EtlCalculator(EtlGrid.Coarse);
        Assert.Throws<ArgumentException>(() => calc.Spectra(ff, 100.0, 0.01, 0.0, [Mediator.Scalar, Mediator.Scalar]));
        Assert.Throws<ArgumentException>(() => calc.Spectra(ff, 100.0, 0.01, 0.0, []));
        Assert.Throws<ArgumentException>(() => new EtlSpectrumCache([(Mediator)99]));
    }
}
