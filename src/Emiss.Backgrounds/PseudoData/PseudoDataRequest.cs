using Emiss.Backgrounds.Sources;
using Emiss.Core.IO;
using Emiss.Events.Selection;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>What <see cref="PseudoDataCampaign"/> generates.</summary>
/// <param name="Runs">The runs.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Sources">Background sources to simulate.</param>
/// <param name="EstimateEventsPerSource">Biased events per source and run for <c>backgrounds.csv</c>.</param>
/// <param name="Cuts">The analysis selection: <c>backgrounds.csv</c> counts events passing every cut inside its signal box.</param>
/// <param name="Threads">Worker threads (0 = all cores); results do not depend on it.</param>
/// <param name="Provenance">Provenance of the command.</param>
public sealed record PseudoDataRequest(IReadOnlyList<PseudoDataRun> Runs, ulong Seed, IReadOnlyList<IBackgroundSource> Sources,
                                       long EstimateEventsPerSource, SelectionCuts Cuts,
                                       int Threads, Provenance Provenance)
{
    /// <summary>An A′ signal to add to every run, or null for background-only pseudo-data. Sealed: the provenance must not
    /// name it (callers replace the option's value by "sealed").</summary>
    public SignalInjection? Injection { get; init; }
}
