using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Emiss.Core.Diagnostics;

/// <summary>
/// How event loops report a failure inside one event: as an <see cref="EmissInternalException"/> that names the run
/// (stage, master seed, event index), because every input was validated before the loop and what fails inside is
/// therefore a bug to be replayed, never a user error. Errors from <see cref="LoopBound"/> already name their
/// generator's (seed, stream, event) and pass through unchanged.
/// </summary>
public static class EventFailure
{
    /// <summary>True if <paramref name="error"/> still needs the event's context (it is neither an
    /// <see cref="EmissInternalException"/> nor a cancellation).</summary>
    public static bool NeedsContext(Exception error) => error is not (EmissInternalException or OperationCanceledException);

    /// <summary>Wraps <paramref name="error"/>, raised while <paramref name="stage"/> processed event
    /// <paramref name="eventIndex"/> of master seed <paramref name="seed"/>.</summary>
    public static EmissInternalException InEvent(Exception error, string stage, ulong seed, long eventIndex)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new EmissInternalException(string.Create(CultureInfo.InvariantCulture,
            $"internal error in {stage}, seed {seed}, event {eventIndex} ({error.GetType().Name}: {error.Message}); replay that event alone to debug it"),
            error);
    }

    /// <summary>Runs a parallel event loop and rethrows its first error as itself (not wrapped in an
    /// <see cref="AggregateException"/>), so callers see the <see cref="EmissInternalException"/> that names the event.</summary>
    public static void Unwrapped(Action parallelLoop)
    {
        ArgumentNullException.ThrowIfNull(parallelLoop);
        try
        {
            parallelLoop();
        }
        catch (AggregateException errors)
        {
            ExceptionDispatchInfo.Capture(errors.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }
}
