using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// What every production model states about itself: run-card name, mediator, approximation, form factors and a
/// description worded the same way for all models ("&lt;mediator&gt; boson, &lt;method&gt;; &lt;form factors&gt;").
/// A model adds only its cross sections; the total cross section is σ(x &gt; 0).
/// </summary>
public abstract class DarkProductionModelBase : IDarkProductionModel
{
    /// <summary>Sets the identity; <paramref name="method"/> is the model-specific middle of <see cref="Description"/>.</summary>
    protected DarkProductionModelBase(Mediator mediator, ProductionApproximation approximation, FormFactorChoice formFactors, string method)
    {
        Mediator = mediator;
        Approximation = approximation;
        FormFactors = formFactors;
        Name = ModelDescriptions.Name(mediator, approximation);
        Description = $"{ProductionKernels.Stem(mediator)} boson, {method}; {ModelDescriptions.FormFactors(formFactors)}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Mediator Mediator { get; }

    /// <inheritdoc />
    public ProductionApproximation Approximation { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public FormFactorChoice FormFactors { get; }

    /// <inheritdoc />
    public CrossSection TotalCrossSection(ElementComponent target, Energy lepton, DarkParameters p) =>
        CrossSectionAbove(target, lepton, 0.0, p);

    /// <inheritdoc />
    public abstract CrossSection CrossSectionAbove(ElementComponent target, Energy lepton, double xMin, DarkParameters p);

    /// <inheritdoc />
    public abstract double DifferentialCrossSectionCm2(ElementComponent target, double leptonGeV, double x, DarkParameters p);
}
