using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Limits;

namespace Emiss.Analysis.Projections;

/// <summary>
/// The observed limit of a finished search (the run card's counts and exposure) evaluated on a cached yield table's
/// A′-strahlung part: the same ε₉₀ = √(N₉₀/S₁) scan as <c>emiss limit</c> with its analytic yield, so the projection
/// plots overlay the reproduced 2016 result without recomputing cross sections.
/// </summary>
public static class ReferenceLimit
{
    /// <summary>The exclusion of <paramref name="request"/> (its runs, efficiency, counting) with the yields of <paramref name="table"/>.</summary>
    public static ExclusionScanResult Observed(LimitRequest request, YieldTable table)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(table);
        var efficiency = new LogMassInterpolatedEfficiency(request.Efficiency.MassMeV, request.Efficiency.Signal, $"run card '{request.Name}'");
        return ExclusionScan.Run(table.MassMeV, new TableSignalYield(table, withAnnihilation: false), efficiency, request.Runs, request.Counting);
    }
}
