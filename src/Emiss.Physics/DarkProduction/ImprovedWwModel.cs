using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// Improved Weizsäcker–Williams: dσ/dx = α³ε² β χ_IWW S(x) with χ over t ∈ [m⁴/(4E²), m²] and the exact
/// angular integral S(x) of docs/physics/dark-production-iww.md#formula (m_e kept). x runs from m/E to x_max = 1 − m_e/E (docs/physics/dark-production.md#kinematics).
/// </summary>
public sealed class ImprovedWwModel : DarkProductionModelBase
{
    /// <summary>Creates the IWW model of a mediator.</summary>
    public ImprovedWwModel(Mediator mediator, FormFactorChoice formFactors = FormFactorChoice.ElasticAndInelastic)
        : base(mediator, ProductionApproximation.ImprovedWw, formFactors,
               "improved Weizsäcker–Williams: constant flux χ over t in [m^4/(4E^2), m^2], exact angular integral " +
               "with m_e kept (docs/physics/dark-production-iww.md#formula)")
    {
    }

    /// <inheritdoc />
    public override CrossSection CrossSectionAbove(ElementComponent target, Energy lepton, double xMin, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, FormFactors);
        return CrossSection.FromGeVm2(p.EpsilonSquared * IntegralAboveGeVm2(ff, lepton.InGeV, p.Mass.InGeV, xMin));
    }

    /// <inheritdoc />
    public override double DifferentialCrossSectionCm2(ElementComponent target, double leptonGeV, double x, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, FormFactors);
        double m = p.Mass.InGeV;
        double chi = PhotonFlux.Iww(ff, m, leptonGeV);
        return p.EpsilonSquared * DifferentialGeVm2(chi, leptonGeV, m, x) * PhysicalConstants.HbarCSquaredGeV2Cm2;
    }

    /// <summary>
    /// Leading-log total σ_LL = C α³ε² χ_el β0 ln(1/δ)/m², δ = max(m_e/m, m/E)², β0 = sqrt(1 − m²/E²), with the
    /// elastic χ over the IWW range (BEST Eq. 11; DMG4). Not the x-integral of dσ/dx; meaningless for m ≲ m_e.
    /// </summary>
    public CrossSection LeadingLogTotalCrossSection(ElementComponent target, Energy lepton, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, FormFactorChoice.ElasticOnly);
        double m = p.Mass.InGeV, e = lepton.InGeV;
        double chi = PhotonFlux.Iww(ff, m, e);
        double d = Math.Max(PhysicalConstants.ElectronMassGeV / m, m / e);
        double beta0 = Math.Sqrt(Math.Max(0.0, 1.0 - m * m / (e * e)));
        double sigma = ProductionKernels.LeadingLogPrefactor(Mediator) * ProductionKernels.Alpha3 * chi * beta0 * Math.Log(1.0 / (d * d)) / (m * m);
        return CrossSection.FromGeVm2(p.EpsilonSquared * sigma);
    }

    /// <summary>σ(x &gt; x_min) in GeV⁻² at ε = 1.</summary>
    public double IntegralAboveGeVm2(in TsaiFormFactor ff, double leptonGeV, double massGeV, double xMin)
    {
        double chi = PhotonFlux.Iww(ff, massGeV, leptonGeV);
        double xLo = Math.Max(xMin, massGeV / leptonGeV);
        double xHi = 1.0 - PhysicalConstants.ElectronMassGeV / leptonGeV;
        return XIntegration.Integrate(x => DifferentialGeVm2(chi, leptonGeV, massGeV, x), xLo, xHi);
    }

    /// <summary>dσ/dx in GeV⁻² at ε = 1 for a given flux χ.</summary>
    public double DifferentialGeVm2(double chi, double leptonGeV, double massGeV, double x)
    {
        if (!(x > 0 && x < 1)) return 0.0;
        double beta = ProductionKernels.Beta(x, leptonGeV, massGeV);
        return beta == 0 ? 0.0 : ProductionKernels.Alpha3 * beta * chi * ProductionKernels.IwwShape(Mediator, x, massGeV);
    }
}
