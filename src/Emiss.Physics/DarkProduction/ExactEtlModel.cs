using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// Exact tree level with nuclear recoil for a vector, scalar, pseudoscalar or axial-vector boson
/// (docs/physics/dark-production-etl.md#kinematics-and-amplitude, #spin-0-amplitudes, #axial-vector-amplitude), integrated
/// on log grids by <see cref="EtlCalculator"/>; spectra are memoised in an <see cref="EtlSpectrumCache"/>.
/// </summary>
public sealed class ExactEtlModel : DarkProductionModelBase, IEtlSpectrumSource
{
    private readonly EtlSpectrumCache _cache;

    /// <summary>
    /// Creates the model. <paramref name="grid"/> defaults to <see cref="EtlGrid.Coarse"/> (within 0.2 % of
    /// <see cref="EtlGrid.Standard"/> for 1 MeV–1 GeV with the grid starting at the lepton threshold).
    /// </summary>
    public ExactEtlModel(Mediator mediator, EtlGrid? grid = null, FormFactorChoice formFactors = FormFactorChoice.ElasticAndInelastic,
                         EtlSpectrumCache? cache = null, double leptonMassGeV = PhysicalConstants.ElectronMassGeV)
        : base(mediator, ProductionApproximation.ExactTreeLevel, formFactors,
               "exact tree level: full 2->3 phase space with nuclear recoil, phi_q-integrated " +
               "(Liu, Morrissey, Yu PRD 95 036010; Gninenko et al. PLB 782 406; " +
               LeptonCurrent(mediator) +
               $"docs/physics/dark-production-etl.md#integration-grids), trapezoid on log grids {GridText(grid ?? EtlGrid.Coarse)} (1-x, 1-cos theta, t)")
    {
        Calculator = new EtlCalculator(grid ?? EtlGrid.Coarse, leptonMassGeV, mediator);
        _cache = cache ?? new EtlSpectrumCache();
    }

    /// <summary>The integrator (grid, lepton mass and mediator).</summary>
    public EtlCalculator Calculator { get; }

    /// <inheritdoc />
    public override CrossSection CrossSectionAbove(ElementComponent target, Energy lepton, double xMin, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        EtlSpectrum s = Spectrum(target, lepton.InGeV, p.Mass.InGeV, xMin);
        return CrossSection.FromGeVm2(p.EpsilonSquared * s.IntegralAbove(xMin));
    }

    /// <inheritdoc />
    public override double DifferentialCrossSectionCm2(ElementComponent target, double leptonGeV, double x, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, FormFactors);
        return p.EpsilonSquared * Calculator.DifferentialAt(ff, leptonGeV, p.Mass.InGeV, x) * PhysicalConstants.HbarCSquaredGeV2Cm2;
    }

    /// <inheritdoc />
    public EtlSpectrum Spectrum(ElementComponent target, double leptonGeV, double massGeV, double xMin) =>
        _cache.GetOrCompute(Calculator, TsaiFormFactor.For(target, FormFactors), leptonGeV, massGeV, xMin);

    private static string LeptonCurrent(Mediator mediator) => mediator switch
    {
        Mediator.Vector => "",
        Mediator.AxialVector => "axial lepton current with the longitudinal polarisation: docs/physics/dark-production-etl.md#axial-vector-amplitude; ",
        _ => "spin-0 lepton current: docs/physics/dark-production-etl.md#spin-0-amplitudes; ",
    };

    /// <summary>The grid as written in model descriptions, "XxYxT" nodes.</summary>
    internal static string GridText(EtlGrid grid) => $"{grid.XNodes}x{grid.YNodes}x{grid.TNodes}";
}
