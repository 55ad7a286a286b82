using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// One source of the seed's Table I (or of the populations around the signal box): the per-EOT rate of its
/// defining process in a given set-up, and the process that turns a beam event into an event of this source.
/// Pseudo-data draw Poisson(N_EOT × rate) events with the unbiased process (weight 1 each); background estimates
/// draw M events with the biased process, each weighted N_EOT × rate / M × (importance weight).
/// Sources are immutable and thread-safe; their processes are per worker.
/// </summary>
public interface IBackgroundSource
{
    /// <summary>Stable name used on the command line and in <c>backgrounds.csv</c> (lower case, hyphens).</summary>
    string Name { get; }

    /// <summary>The true process stored with the source's events.</summary>
    TrueProcess Process { get; }

    /// <summary>The seed's Table I row this source contributes to (text of the row).</summary>
    string TableRow { get; }

    /// <summary>Expected events of the defining process per electron on target for <paramref name="model"/>'s set-up
    /// (before trigger and selection), with its systematic uncertainty and derivation.</summary>
    SourceRate RatePerEot(DetectorModel model);

    /// <summary>A process for one worker thread: unbiased (every weight 1; pseudo-data) or biased towards the
    /// signal box with exact importance weights (background estimates).</summary>
    IEventPhysics CreateProcess(DetectorModel model, bool biased);

    /// <summary>True when the biased process serves the signal box alone (it forces what only the box needs, at the cost
    /// of weighted events elsewhere): method 1 then takes the other regions and the cut flow from an unbiased sample of the
    /// same size and the box from a biased one (<see cref="Estimates.BackgroundEstimator"/>).</summary>
    bool BiasesSignalBoxOnly => false;

    /// <summary>Why no event of this source can fire the physics trigger in <paramref name="model"/>'s set-up, when the
    /// source's own kinematics show it (then a box estimate of 0 is a result, not a missing sample); null when events can
    /// trigger or the source cannot tell.</summary>
    string? TriggerClosedReason(DetectorModel model) => null;
}
