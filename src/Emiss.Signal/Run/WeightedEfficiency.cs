namespace Emiss.Signal.Run;

/// <summary>
/// Weighted selection efficiency of a signal sample: ε = Σ_pass w / Σ_all w with the standard error of a ratio of
/// weighted sums, σ² = [Σ_pass w² (1 − ε)² + Σ_fail w² ε²] / (Σ_all w)² (the binomial error generalised to
/// weights). Used for ε_sig(m) = N_selected/N_produced in the signal box (PHYSICS.md §2.1, seed efficiencies).
/// </summary>
public static class WeightedEfficiency
{
    /// <summary>Efficiency of <paramref name="selection"/> over <paramref name="events"/> (weights w/ε²).</summary>
    public static (double Efficiency, double StatError) Of(IEnumerable<SignalEvent> events, Func<SignalEvent, bool> selection)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(selection);
        double wp = 0, wf = 0, w2p = 0, w2f = 0;
        foreach (SignalEvent e in events)
        {
            double w = e.WeightPerEotEps1;
            if (selection(e)) { wp += w; w2p += w * w; }
            else { wf += w; w2f += w * w; }
        }
        double all = wp + wf;
        if (!(all > 0)) return (double.NaN, double.NaN);
        double eff = wp / all;
        return (eff, Math.Sqrt(w2p * (1 - eff) * (1 - eff) + w2f * eff * eff) / all);
    }
}
