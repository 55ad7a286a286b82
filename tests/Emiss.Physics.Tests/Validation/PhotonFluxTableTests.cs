using Emiss.Physics.FormFactors;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Validation;

/// <summary>Anchor V1: χ/Z² table of docs/physics/form-factors.md#validation (E0 = 100 GeV, IWW range).</summary>
public sealed class PhotonFluxTableTests
{
    private static readonly Tolerance Table = Tolerance.Rel(1e-4, "V1: χ/Z² table quoted to 4-5 digits (docs/physics/form-factors.md#validation)");
    private static readonly Tolerance FormVsQuadrature = Tolerance.Rel(1e-7, "closed form and 384-point log-t Gauss–Legendre are both exact to rounding");

    [Theory]
    [InlineData(1e-3, 6.8244, 6.9191, 6.9996)]
    [InlineData(1e-2, 11.3865, 11.5374, 11.6271)]
    [InlineData(1e-1, 12.2297, 12.4013, 12.5003)]
    [InlineData(1.0, 3.2942, 3.3807, 3.4659)]
    public void Chi_over_Z2_matches_the_table(double massGeV, double pbElastic, double pbAll, double wAll)
    {
        var pbEl = new TsaiFormFactor(82, 207.2, FormFactorChoice.ElasticOnly);
        var pb = new TsaiFormFactor(82, 207.2, FormFactorChoice.ElasticAndInelastic);
        var w = new TsaiFormFactor(74, 183.84, FormFactorChoice.ElasticAndInelastic);
        (double tMin, double tMax) = PhotonFlux.IwwRange(massGeV, 100.0);

        double closed = PhotonFlux.ElasticClosedForm(pbEl, tMin, tMax);
        double quad = PhotonFlux.Quadrature(pbEl, tMin, tMax);
        FormVsQuadrature.AssertClose(closed, quad, $"Pb elastic χ, closed form vs quadrature, m = {massGeV} GeV");
        Table.AssertClose(pbElastic, closed / (82.0 * 82.0), $"Pb elastic χ/Z², m = {massGeV} GeV");
        Table.AssertClose(pbAll, PhotonFlux.Iww(pb, massGeV, 100.0) / (82.0 * 82.0), $"Pb el+inel χ/Z², m = {massGeV} GeV");
        Table.AssertClose(wAll, PhotonFlux.Iww(w, massGeV, 100.0) / (74.0 * 74.0), $"W el+inel χ/Z², m = {massGeV} GeV");
    }

    [Fact]
    public void Mixed_form_agrees_with_full_quadrature()
    {
        var pb = new TsaiFormFactor(82, 207.2, FormFactorChoice.ElasticAndInelastic);
        (double tMin, double tMax) = PhotonFlux.IwwRange(0.02, 50.0);
        Tolerance.Rel(1e-6, "inelastic part is 1-3 % of χ; 48-point rule resolves it to < 1e-4")
            .AssertClose(PhotonFlux.Quadrature(pb, tMin, tMax), PhotonFlux.Mixed(pb, tMin, tMax, 3), "χ mixed vs quadrature");
    }
}
