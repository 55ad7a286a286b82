using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// A model of e Z → e Z X production on one element (per atom). Implementations are immutable apart
/// from internal memo caches and are safe to call from several threads.
/// </summary>
public interface IDarkProductionModel
{
    /// <summary>Run-card key, e.g. "vector-etl", "scalar-iww".</summary>
    string Name { get; }

    /// <summary>The mediator.</summary>
    Mediator Mediator { get; }

    /// <summary>The approximation.</summary>
    ProductionApproximation Approximation { get; }

    /// <summary>What the method means, including the form factors used (for output metadata).</summary>
    string Description { get; }

    /// <summary>The form factors in the photon flux (χ, or G₂ for exact tree level).</summary>
    FormFactorChoice FormFactors { get; }

    /// <summary>Total cross section per atom (all kinematically allowed x).</summary>
    CrossSection TotalCrossSection(ElementComponent target, Energy lepton, DarkParameters p);

    /// <summary>σ(E; x &gt; xMin) per atom, x = E_X/E.</summary>
    CrossSection CrossSectionAbove(ElementComponent target, Energy lepton, double xMin, DarkParameters p);

    /// <summary>dσ/dx per atom in cm² at lepton energy <paramref name="leptonGeV"/> (GeV) and x = E_X/E.</summary>
    double DifferentialCrossSectionCm2(ElementComponent target, double leptonGeV, double x, DarkParameters p);
}
