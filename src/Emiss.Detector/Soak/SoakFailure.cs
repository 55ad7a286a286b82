namespace Emiss.Detector.Soak;

/// <summary>An event that failed during a soak run.</summary>
/// <param name="Seed">Master seed.</param>
/// <param name="EventIndex">Event index.</param>
/// <param name="Message">The internal error (it names the seed, and the stream where a loop bound was reached).</param>
public sealed record SoakFailure(ulong Seed, long EventIndex, string Message);
