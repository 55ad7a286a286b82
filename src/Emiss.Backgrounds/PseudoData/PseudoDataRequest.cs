using Emiss.Backgrounds.Sources;
using Emiss.Core.IO;
using Emiss.Events;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>What <see cref="PseudoDataCampaign"/> generates.</summary>
/// <param name="Runs">The runs.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="Sources">Background sources to simulate.</param>
/// <param name="EstimateEventsPerSource">Biased events per source and run for <c>backgrounds.csv</c>.</param>
/// <param name="SignalBox">The region of <c>backgrounds.csv</c>: the seed's signal box after the selection.</param>
/// <param name="SignalBoxDescription">The region in words (recorded in the CSV).</param>
/// <param name="Threads">Worker threads (0 = all cores); results do not depend on it.</param>
/// <param name="Provenance">Provenance of the command.</param>
public sealed record PseudoDataRequest(IReadOnlyList<PseudoDataRun> Runs, ulong Seed, IReadOnlyList<IBackgroundSource> Sources,
                                       long EstimateEventsPerSource, Func<EventBatch, int, bool> SignalBox, string SignalBoxDescription,
                                       int Threads, Provenance Provenance);
