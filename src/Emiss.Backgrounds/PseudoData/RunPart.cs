using Emiss.Events;

namespace Emiss.Backgrounds.PseudoData;

/// <summary>
/// Consecutive chunks of one planned run (<see cref="RunGenerator.GenerateChunks"/>): the run's summary with the sources'
/// trigger, skim and recorded counts over these chunks only, the run's spills, and the recorded events of the chunks in
/// chunk order, not yet time-ordered (event column = the event key). <see cref="RunGenerator.Assemble"/> joins parts.
/// </summary>
/// <param name="Summary">The run's summary; counts and <see cref="RunSummary.RecordedEvents"/> cover these chunks only.</param>
/// <param name="Spills">The run's spills (the same in every part).</param>
/// <param name="Rows">Recorded events in chunk order.</param>
public sealed record RunPart(RunSummary Summary, IReadOnlyList<SpillRecord> Spills, IReadOnlyList<EventBatch> Rows);
