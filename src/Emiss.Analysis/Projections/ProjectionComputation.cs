using Emiss.Analysis.Efficiency;
using Emiss.Core.IO;
using Emiss.Core.Units;
using Emiss.Stats;
using Emiss.Stats.Results;

namespace Emiss.Analysis.Projections;

/// <summary>
/// Expected limits for planned exposures (docs/physics/projections.md#method): per setting one yield table (cached),
/// per exposure one set of expected count limits N₉₀ at the Poisson quantiles of b(EOT); then at every mass
/// S₁ = EOT · ε_sig(m) · n_A′(m) and ε₉₀ = √(N₉₀/S₁) (the same relation as <see cref="Limits.ExclusionScan"/>).
/// The count limits do not depend on the mass, so a projection costs one table look-up per setting and a few
/// CLs root finds per exposure.
/// </summary>
public static class ProjectionComputation
{
    /// <summary>The yield table of <paramref name="setting"/>: from <paramref name="cache"/> if stored under the same inputs, else computed and stored.</summary>
    public static (YieldTable Table, bool FromCache) Table(ProjectionSetting setting, YieldSpec spec, YieldTableCache cache, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.TryRead(YieldTableInputs.For(setting, spec)) is { } cached) return (cached, true);
        YieldTable table = ProjectionYields.Compute(setting, spec);
        cache.Write(table, provenance);
        return (table, false);
    }

    /// <summary>Runs the projection; tables missing from <paramref name="cache"/> are computed and stored with <paramref name="provenance"/>.</summary>
    public static ProjectionResult Run(ProjectionRequest request, YieldTableCache cache, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(provenance);
        YieldTable?[] stored = [.. request.Settings.Select(s => cache.TryRead(YieldTableInputs.For(s, request.Yields)))];
        // The missing tables are computed together, so that Monte Carlo yields of all their masses and mediators share one shower pass per beam energy.
        int[] missing = [.. Enumerable.Range(0, stored.Length).Where(s => stored[s] is null)];
        int fromCache = stored.Length - missing.Length;
        YieldTable[] computed = ProjectionYields.ComputeAll([.. missing.Select(s => request.Settings[s])], request.Yields);
        for (int k = 0; k < missing.Length; k++)
        {
            stored[missing[k]] = computed[k];
            cache.Write(computed[k], provenance);
        }
        YieldTable[] tables = [.. stored.Select(t => t!)];

        var efficiency = new LogMassInterpolatedEfficiency(request.Efficiency.MassMeV, request.Efficiency.Signal, "projection request");
        double[] eff = request.Yields.MassesMeV.Select(m => efficiency.At(Mass.FromMeV(m))).ToArray();
        var counts = new ExpectedLimitBands[request.ElectronsOnTarget.Count];
        string convention = "";
        Parallel.For(0, counts.Length, e =>
        {
            var calculator = new CountingLimitCalculator(new CountingModel(request.Background.ExpectedAt(request.ElectronsOnTarget[e])));
            counts[e] = calculator.ExpectedLimits(request.ConfidenceLevel, withMean: false);
            if (e == 0) convention = calculator.Convention(LimitMethod.Cls, request.ConfidenceLevel);
        });

        var points = new List<ProjectionPoint>(counts.Length * tables.Length * eff.Length);
        for (int e = 0; e < counts.Length; e++)
        {
            double eot = request.ElectronsOnTarget[e];
            double b = request.Background.ExpectedAt(eot);
            for (int s = 0; s < tables.Length; s++)
            {
                YieldTable t = tables[s];
                for (int i = 0; i < eff.Length; i++)
                {
                    double n = t.Total(i);
                    points.Add(new ProjectionPoint(eot, request.Settings[s], t.MassMeV[i], n, t.Annihilation[i], eff[i], b,
                        CouplingLimit.FromSignalScale(counts[e], eot * eff[i] * n)));
                }
            }
        }
        return new ProjectionResult(points, tables, fromCache, convention);
    }
}
