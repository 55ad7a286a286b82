using System.Collections.Frozen;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// Registry of production models by run-card key: "&lt;mediator&gt;-&lt;ww|iww|etl&gt;" with mediator one of
/// vector, scalar, pseudoscalar, axial. Each call of a factory returns a fresh model with its own cache.
/// </summary>
public static class DarkProductionModels
{
    /// <summary>Factories by name (ordinal keys).</summary>
    public static FrozenDictionary<string, Func<IDarkProductionModel>> All { get; } = Build();

    /// <summary>Creates the model of one mediator and approximation (default grids and form factors). ETL models given the
    /// same <paramref name="etlCache"/> share its memo (one 3-D pass per mediator, element, energy and mass).</summary>
    public static IDarkProductionModel Create(Mediator mediator, ProductionApproximation approximation, EtlSpectrumCache? etlCache = null) =>
        (mediator, approximation) switch
        {
            (_, ProductionApproximation.WeizsaeckerWilliams) => new WeizsaeckerWilliamsModel(mediator),
            (_, ProductionApproximation.ImprovedWw) => new ImprovedWwModel(mediator),
            (_, ProductionApproximation.ExactTreeLevel) => new ExactEtlModel(mediator, cache: etlCache),
            _ => throw new NotSupportedException($"no production model for {mediator} in {approximation}"),
        };

    private static FrozenDictionary<string, Func<IDarkProductionModel>> Build()
    {
        var d = new Dictionary<string, Func<IDarkProductionModel>>(StringComparer.Ordinal);
        foreach (Mediator m in Enum.GetValues<Mediator>())
            foreach (ProductionApproximation a in Enum.GetValues<ProductionApproximation>())
                d[ModelDescriptions.Name(m, a)] = () => Create(m, a);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
