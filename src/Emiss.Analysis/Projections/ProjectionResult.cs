namespace Emiss.Analysis.Projections;

/// <summary>All points of a projection, the yield tables behind them and how many came from the cache.</summary>
/// <param name="Points">Ordered by exposure, then setting, then mass (the order of the request).</param>
/// <param name="Tables">One yield table per setting, in request order.</param>
/// <param name="TablesFromCache">How many of <paramref name="Tables"/> were read from the cache.</param>
/// <param name="CountLimitConvention">The counting-limit convention (CLs, CL, expected quantiles).</param>
public sealed record ProjectionResult(IReadOnlyList<ProjectionPoint> Points, IReadOnlyList<YieldTable> Tables, int TablesFromCache, string CountLimitConvention);
