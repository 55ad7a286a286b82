using Emiss.Core.Diagnostics;
using Emiss.Physics.DarkProduction;

namespace Emiss.Cli.Commands;

/// <summary>Maps the command-line words for mediators and approximations to the physics enums.</summary>
internal static class ModelNames
{
    public static Mediator Mediator(string word) => word.ToLowerInvariant() switch
    {
        "vector" => Physics.DarkProduction.Mediator.Vector,
        "scalar" => Physics.DarkProduction.Mediator.Scalar,
        "pseudoscalar" => Physics.DarkProduction.Mediator.Pseudoscalar,
        "axial" or "axial-vector" => Physics.DarkProduction.Mediator.AxialVector,
        _ => throw new UserInputException("--model", $"unknown mediator '{word}'", "use vector, scalar, pseudoscalar or axial"),
    };

    public static ProductionApproximation Approximation(string word) => word.ToLowerInvariant() switch
    {
        "ww" => ProductionApproximation.WeizsaeckerWilliams,
        "iww" => ProductionApproximation.ImprovedWw,
        "etl" => ProductionApproximation.ExactTreeLevel,
        _ => throw new UserInputException("--method", $"unknown production approximation '{word}'", "use ww, iww or etl"),
    };

    public static string Word(Mediator m) => m switch
    {
        Physics.DarkProduction.Mediator.Vector => "vector",
        Physics.DarkProduction.Mediator.Scalar => "scalar",
        Physics.DarkProduction.Mediator.Pseudoscalar => "pseudoscalar",
        _ => "axial",
    };

    public static string Word(ProductionApproximation a) => a switch
    {
        ProductionApproximation.WeizsaeckerWilliams => "ww",
        ProductionApproximation.ImprovedWw => "iww",
        _ => "etl",
    };
}
