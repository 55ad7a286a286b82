using Emiss.Physics.FormFactors;

namespace Emiss.Physics.DarkProduction;

/// <summary>Shared wording of model metadata, so every model states its form factors the same way.</summary>
internal static class ModelDescriptions
{
    public static string FormFactors(FormFactorChoice choice) => choice == FormFactorChoice.ElasticAndInelastic
        ? "Tsai form factors: elastic + inelastic (squared proton factor); inelastic included: yes"
        : "Tsai form factors: elastic only; inelastic included: no";

    public static string Name(Mediator mediator, ProductionApproximation approximation) =>
        ProductionKernels.Stem(mediator) + "-" + approximation switch
        {
            ProductionApproximation.WeizsaeckerWilliams => "ww",
            ProductionApproximation.ImprovedWw => "iww",
            ProductionApproximation.ExactTreeLevel => "etl",
            _ => throw new NotSupportedException($"approximation {approximation} has no name"),
        };
}
