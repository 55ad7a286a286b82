namespace Emiss.Backgrounds.Estimates;

/// <summary>Expected events of one source in one region of one run, from a weighted (biased) Monte Carlo sample.</summary>
/// <param name="Run">Run name.</param>
/// <param name="Region">Region name (<see cref="EstimateRegion.Names"/>).</param>
/// <param name="Source">Source name.</param>
/// <param name="TableRow">The seed's Table I row.</param>
/// <param name="ExpectedEvents">Σ w over events in the region.</param>
/// <param name="StatError">√(Σ w²).</param>
/// <param name="SystError">Expected × the rate's relative systematic uncertainty.</param>
/// <param name="Generated">Events simulated.</param>
/// <param name="InRegion">Of those, in the region (unweighted count; 0 means the estimate is an upper bound).</param>
/// <param name="UpperLimit90">When no simulated event reaches the region: the 90 % CL upper limit 2.303 × N_EOT × rate / M
/// (per-event weight scale), otherwise NaN.</param>
public sealed record SourceEstimate(string Run, string Region, string Source, string TableRow, double ExpectedEvents, double StatError,
                                    double SystError, long Generated, long InRegion, double UpperLimit90);
