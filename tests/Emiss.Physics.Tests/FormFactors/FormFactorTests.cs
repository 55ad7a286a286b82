using Emiss.Physics.FormFactors;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.FormFactors;

/// <summary>Limits of Tsai's form factors (RMP 46, 815; docs/physics/form-factors.md#tsai-form-factors).</summary>
public sealed class FormFactorTests
{
    private static readonly TsaiFormFactor Pb = new(82, 207.2, FormFactorChoice.ElasticAndInelastic);

    [Fact]
    public void Elastic_form_factor_is_Z2_between_screening_and_nuclear_scales()
    {
        // 1/a² ≈ 4e-10 GeV² ≪ t = 1e-6 GeV² ≪ d ≈ 4.7e-3 GeV²: G₂ = Z²(1 − O(1e-3)).
        Tolerance.Rel(2e-3, "screening and nuclear corrections each < 1e-3 at t = 1e-6 GeV²").AssertClose(82.0 * 82.0, Pb.Elastic(1e-6), "G2_el");
        Assert.True(Pb.Elastic(1e-12) < 1e-2 * 82 * 82, "screened for t ≪ 1/a²");
        Assert.True(Pb.Elastic(1.0) < 1e-4 * 82 * 82, "nuclear size cuts off for t ≫ d");
    }

    [Fact]
    public void Inelastic_form_factor_is_at_most_Z_and_uses_the_squared_proton_factor()
    {
        double t = 0.1;
        double s = t / (Pb.InelasticScreeningT + t);
        double proton = (1 + t * (2.79 * 2.79 - 1) / (4 * 0.938272 * 0.938272)) / Math.Pow(1 + t / 0.71, 4);
        Tolerance.Rel(1e-12, "Tsai's inelastic form with the squared proton factor").AssertClose(82 * s * s * proton * proton, Pb.Inelastic(t), "G2_inel(0.1)");
        Assert.True(Pb.Inelastic(1e-3) <= 82.0);
        Assert.Equal(Pb.Elastic(1e-4), new TsaiFormFactor(82, 207.2, FormFactorChoice.ElasticOnly).G2(1e-4));
    }
}
