using Emiss.Core.Random;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Transport;

/// <summary>Chooses which discrete process acts at an interaction point, with probability proportional to its
/// macroscopic cross section Σ_k(E) in the current material.</summary>
internal static class DiscreteProcessSelector
{
    /// <summary>Index into <paramref name="processes"/> of the chosen process, or −1 if no process has a cross section
    /// at this energy. <paramref name="sigmaTables"/>[k] tabulates Σ_k on <paramref name="grid"/>.</summary>
    public static int Select(int[] processes, double[][] sigmaTables, EnergyGrid grid, double lnT, ref EventRng rng)
    {
        Span<double> acc = stackalloc double[processes.Length];
        double tot = 0.0;
        for (int k = 0; k < processes.Length; k++) { tot += grid.Interpolate(sigmaTables[k], lnT); acc[k] = tot; }
        if (!(tot > 0)) return -1;
        double u = rng.NextDouble() * tot;
        int sel = 0;
        while (sel < processes.Length - 1 && u >= acc[sel]) sel++;
        return processes[sel];
    }
}
