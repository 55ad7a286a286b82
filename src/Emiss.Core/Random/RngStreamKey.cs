using System.Globalization;

namespace Emiss.Core.Random;

/// <summary>The (master seed, stream, event index) a generator was derived from by <see cref="RngStreams.For"/>:
/// enough to replay the event alone.</summary>
/// <param name="Seed">Master seed.</param>
/// <param name="Stream">Stream.</param>
/// <param name="EventIndex">Event index within the stream.</param>
public readonly record struct RngStreamKey(ulong Seed, StreamKind Stream, ulong EventIndex)
{
    /// <summary>"seed 3, stream Beam, event 708280".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, stream {Stream}, event {EventIndex}");
}
