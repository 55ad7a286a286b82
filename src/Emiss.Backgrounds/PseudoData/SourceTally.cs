namespace Emiss.Backgrounds.PseudoData;

/// <summary>Truth bookkeeping of one source in one pseudo-data run (sealed: never visible to a blind analysis).</summary>
/// <param name="Source">Source name.</param>
/// <param name="ProcessCode">Its true-process code.</param>
/// <param name="RatePerEot">Rate of the defining process per EOT.</param>
/// <param name="ExpectedEvents">N_EOT × rate.</param>
/// <param name="Generated">Events drawn (Poisson around the expectation) and simulated.</param>
/// <param name="PhysicsTriggered">Of those, with the physics trigger.</param>
/// <param name="Skimmed">Of those, passing the loose SRD skim.</param>
/// <param name="Recorded">Of those, recorded (DAQ live).</param>
public sealed record SourceTally(string Source, int ProcessCode, double RatePerEot, double ExpectedEvents,
                                 long Generated, long PhysicsTriggered, long Skimmed, long Recorded)
{
    /// <summary>Events actually simulated (below <see cref="Generated"/> only for sources above the per-source cap).</summary>
    public long Simulated { get; init; } = Generated;

    /// <summary>Weight of each simulated event (Generated/Simulated; 1 for unweighted sources). The triggered, skimmed
    /// and recorded counts are of simulated events.</summary>
    public double Weight { get; init; } = 1.0;
}
