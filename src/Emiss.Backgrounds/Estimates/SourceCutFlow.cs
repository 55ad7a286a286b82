using Emiss.Events.Selection;

namespace Emiss.Backgrounds.Estimates;

/// <summary>One stage of one source's method-1 cut flow.</summary>
/// <param name="Run">Run name.</param>
/// <param name="RunNumber">Run number.</param>
/// <param name="Source">Source name.</param>
/// <param name="Stage">The last cut passed.</param>
/// <param name="Simulated">Simulated (biased) events passing every cut up to and including <paramref name="Stage"/>.</param>
/// <param name="ExpectedEvents">Σ w of those events: the number expected in the run's data.</param>
public sealed record SourceCutFlow(string Run, int RunNumber, string Source, CutStage Stage, long Simulated, double ExpectedEvents);
