using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.FormFactors;
using Emiss.Core.Numerics;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// Weizsäcker–Williams: the double differential of docs/physics/dark-production-ww.md#formula with χ(x, θ) over
/// t ∈ [(U/(2E(1−x)))², m²] (BEST Eq. A13; t_max = m² is the convention of docs/physics/form-factors.md#effective-photon-flux), integrated over the
/// small-angle variable U = E²xθ² + u: dσ/dx = (α³ε²β/2) ∫ dU χ(x, U) K(x, U). The angular range ends
/// where t_min(U) reaches t_max, U_max = 2E(1−x)m.
/// </summary>
public sealed class WeizsaeckerWilliamsModel : DarkProductionModelBase
{
    private const int AnglePanels = 6;
    private const int InelasticPanels = 3;

    /// <summary>Creates the WW model of a mediator.</summary>
    public WeizsaeckerWilliamsModel(Mediator mediator, FormFactorChoice formFactors = FormFactorChoice.ElasticAndInelastic)
        : base(mediator, ProductionApproximation.WeizsaeckerWilliams, formFactors,
               "Weizsäcker–Williams: double differential with chi(x,theta), t_min = (U/(2E(1-x)))^2, t_max = m^2 " +
               "(convention; docs/physics/form-factors.md#effective-photon-flux, docs/physics/dark-production-ww.md#formula), small-angle integral")
    {
    }

    /// <inheritdoc />
    public override CrossSection CrossSectionAbove(ElementComponent target, Energy lepton, double xMin, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, FormFactors);
        double e = lepton.InGeV, m = p.Mass.InGeV;
        double xLo = Math.Max(xMin, m / e), xHi = 1.0 - PhysicalConstants.ElectronMassGeV / e;
        double s = XIntegration.Integrate(x => DifferentialGeVm2(ff, e, m, x), xLo, xHi, 4, 16);
        return CrossSection.FromGeVm2(p.EpsilonSquared * s);
    }

    /// <inheritdoc />
    public override double DifferentialCrossSectionCm2(ElementComponent target, double leptonGeV, double x, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, FormFactors);
        return p.EpsilonSquared * DifferentialGeVm2(ff, leptonGeV, p.Mass.InGeV, x) * PhysicalConstants.HbarCSquaredGeV2Cm2;
    }

    /// <summary>dσ/dx in GeV⁻² at ε = 1.</summary>
    public double DifferentialGeVm2(in TsaiFormFactor ff, double leptonGeV, double massGeV, double x)
    {
        if (!(x > 0 && x < 1)) return 0.0;
        double beta = ProductionKernels.Beta(x, leptonGeV, massGeV);
        if (beta == 0) return 0.0;
        double u = ProductionKernels.MinimalVirtuality(x, massGeV);
        double uMax = 2.0 * leptonGeV * (1.0 - x) * massGeV;
        if (!(uMax > u)) return 0.0;
        var f = new AngularIntegrand(ff, Mediator, x, massGeV, 2.0 * leptonGeV * (1.0 - x));
        double integral = GaussLegendre.Integrate(f, Math.Log(u), Math.Log(uMax), AnglePanels);
        return 0.5 * ProductionKernels.Alpha3 * beta * integral;
    }

    private readonly struct AngularIntegrand(TsaiFormFactor ff, Mediator mediator, double x, double m, double twoEw) : IIntegrand
    {
        private readonly TsaiFormFactor _ff = ff;

        public double Evaluate(double lnU)
        {
            double u = Math.Exp(lnU);
            double tMin = u / twoEw;
            tMin *= tMin;
            double chi = PhotonFlux.Mixed(_ff, tMin, m * m, InelasticPanels);
            return u * chi * ProductionKernels.DoubleDifferentialKernel(mediator, x, u, m);
        }
    }
}
