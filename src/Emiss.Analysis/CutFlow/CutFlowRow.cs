namespace Emiss.Analysis.CutFlow;

/// <summary>One line of a cut flow: events of <paramref name="Source"/> in run <paramref name="Run"/> of sample
/// <paramref name="Sample"/> passing everything up to and including <paramref name="Cut"/>.</summary>
/// <param name="Run">Run number.</param>
/// <param name="Sample">Sample name (the event file's name without extension).</param>
/// <param name="Source">"all", or a true-process name for simulated samples.</param>
/// <param name="Cut">Stage name (<see cref="Emiss.Events.Selection.CutNames"/>).</param>
/// <param name="Events">Events passing.</param>
/// <param name="WeightedEvents">Sum of event weights passing.</param>
/// <param name="Efficiency">Weighted fraction of the previous stage's events passing this one (1 for the first).</param>
/// <param name="CumulativeEfficiency">Weighted fraction of all events read passing up to this stage.</param>
public sealed record CutFlowRow(int Run, string Sample, string Source, string Cut, long Events, double WeightedEvents, double Efficiency, double CumulativeEfficiency);

/// <summary>Events after all cuts in one region of the (E_ECAL, E_HCAL) plane.</summary>
/// <param name="Run">Run number.</param>
/// <param name="Sample">Sample name.</param>
/// <param name="Source">"all", or a true-process name for simulated samples.</param>
/// <param name="Region">Region name (<see cref="Emiss.Events.Selection.CutNames"/>).</param>
/// <param name="Events">Events.</param>
/// <param name="WeightedEvents">Sum of weights.</param>
public sealed record RegionCount(int Run, string Sample, string Source, string Region, long Events, double WeightedEvents);

/// <summary>A cut flow and its region counts.</summary>
/// <param name="Rows">Cut-flow rows, by run, source and stage.</param>
/// <param name="Regions">Region counts after all cuts.</param>
/// <param name="SignalBoxIncluded">False while blind: every count excludes the blinded region and there is no signal-box row.</param>
public sealed record CutFlowResult(IReadOnlyList<CutFlowRow> Rows, IReadOnlyList<RegionCount> Regions, bool SignalBoxIncluded);
