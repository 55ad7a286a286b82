using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// The scalar, pseudoscalar and axial "etl" before their exact amplitudes (<see cref="ExactEtlModel"/>), kept for comparison
/// and built by no registry key: the IWW spectrum of the mediator times the vector ETL/IWW correction, applied pointwise in
/// x: dσ_X/dx = dσ_V^ETL/dx · S_X(x)/S_V(x) (χ and β cancel in the IWW ratio). A documented approximation
/// (docs/physics/dark-production-etl.md#the-corrected-iww): it lies within −0.5 … +0.8 % of the exact scalar and
/// pseudoscalar totals at 1 MeV–1 GeV and within 1.0 % of the axial's.
/// </summary>
public sealed class CorrectedIwwEtlModel : DarkProductionModelBase, IEtlSpectrumSource
{
    /// <summary>The metadata phrase required by docs/physics/dark-production-etl.md#spin-0-amplitudes for an approximate ETL.</summary>
    public const string CorrectionStatement = "etl: IWW x vector ETL/IWW correction";

    private readonly ExactEtlModel _vector;

    /// <summary>Creates the model; share <paramref name="cache"/> with a <see cref="ExactEtlModel"/> to reuse its passes.</summary>
    public CorrectedIwwEtlModel(Mediator mediator, EtlGrid? grid = null,
                                FormFactorChoice formFactors = FormFactorChoice.ElasticAndInelastic, EtlSpectrumCache? cache = null)
        : base(mediator, ProductionApproximation.ExactTreeLevel, formFactors,
               $"{CorrectionStatement} (pointwise in x: " +
               "dsigma/dx = vector ETL dsigma/dx * S_X(x)/S_V(x), IWW shapes of docs/physics/dark-production-iww.md#formula; the exact amplitudes are ExactEtlModel's); " +
               $"vector ETL grid {ExactEtlModel.GridText(grid ?? EtlGrid.Coarse)}")
    {
        if (mediator == Mediator.Vector)
            throw new ArgumentException("the vector mediator has an exact ETL model (ExactEtlModel); the IWW correction applies to S, P and A only", nameof(mediator));
        _vector = new ExactEtlModel(Mediator.Vector, grid, formFactors, cache);
    }

    /// <inheritdoc />
    public override CrossSection CrossSectionAbove(ElementComponent target, Energy lepton, double xMin, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return CrossSection.FromGeVm2(p.EpsilonSquared * Spectrum(target, lepton.InGeV, p.Mass.InGeV, xMin).IntegralAbove(xMin));
    }

    /// <inheritdoc cref="IEtlSpectrumSource.Spectrum" />
    /// <remarks>On the nodes of the memoised vector ETL pass, each node corrected by the
    /// IWW shape ratio: one 3-D pass per (element, energy, mass) instead of one numerical integral per x, which is what
    /// makes the signal tables of this model as cheap as the vector's.</remarks>
    public EtlSpectrum Spectrum(ElementComponent target, double leptonGeV, double massGeV, double xMin)
    {
        EtlSpectrum v = _vector.Spectrum(target, leptonGeV, massGeV, xMin);
        var corrected = new double[v.OneMinusX.Length];
        for (int i = 0; i < corrected.Length; i++) corrected[i] = v.DSigmaDxGeVm2[i] * ShapeRatio(1.0 - v.OneMinusX[i], massGeV);
        return new EtlSpectrum(v.OneMinusX, corrected);
    }

    /// <inheritdoc />
    public override double DifferentialCrossSectionCm2(ElementComponent target, double leptonGeV, double x, DarkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var ff = TsaiFormFactor.For(target, _vector.FormFactors);
        double v = _vector.Calculator.DifferentialAt(ff, leptonGeV, p.Mass.InGeV, x);
        return p.EpsilonSquared * v * ShapeRatio(x, p.Mass.InGeV) * PhysicalConstants.HbarCSquaredGeV2Cm2;
    }

    private double ShapeRatio(double x, double m)
    {
        double sv = ProductionKernels.IwwShape(Mediator.Vector, x, m);
        return sv > 0 ? ProductionKernels.IwwShape(Mediator, x, m) / sv : 0.0;
    }
}
