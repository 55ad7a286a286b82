namespace Emiss.Reporting.Report;

/// <summary>
/// The A′ signal of one run at one mass: the number of A′ produced per ε² for the run's EOT, and the efficiency of
/// the full selection. The expected signal after cuts is ε²·<see cref="ProducedPerEpsilonSquared"/>·<see cref="Efficiency"/>
/// (production ∝ ε², invisible decay with branching 1; docs/physics/signal-yield.md).
/// </summary>
/// <param name="Run">Run name (<see cref="RunSummary.Name"/>).</param>
/// <param name="MassMeV">A′ mass in MeV.</param>
/// <param name="ProducedPerEpsilonSquared">A′ produced per ε² for the run's EOT.</param>
/// <param name="Efficiency">Signal efficiency of the whole selection (0–1].</param>
public sealed record SignalYield(string Run, double MassMeV, double ProducedPerEpsilonSquared, double Efficiency)
{
    /// <summary>Expected selected signal events at coupling <paramref name="epsilon"/>.</summary>
    public double SelectedAt(double epsilon) => epsilon * epsilon * ProducedPerEpsilonSquared * Efficiency;
}
