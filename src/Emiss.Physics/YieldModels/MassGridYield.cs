using Emiss.Core.Units;

namespace Emiss.Physics.YieldModels;

/// <summary>Evaluates a yield model on a mass grid in parallel; each mass fills its own slot, so the result is independent of scheduling.</summary>
public static class MassGridYield
{
    /// <summary>n_X(ε = 1) per electron on target at each mass, in input order.</summary>
    public static double[] Evaluate(ISignalYieldModel model, IReadOnlyList<Mass> masses, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(masses);
        var result = new double[masses.Count];
        Parallel.For(0, masses.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                     i => result[i] = model.PerElectronOnTargetAtEps1(masses[i]));
        return result;
    }
}
