namespace Emiss.Detector.Setup;

/// <summary>
/// Data acquisition: the prescaled reference trigger that the seed uses to count electrons on target ("estimated
/// based on the recorded number of reference events … taking into account dead time"), the DAQ dead time, and the
/// loose SRD skim with which physics-triggered events are kept in a data set (the population of the seed's Fig. 2,
/// "≈ 5·10⁴ events selected with the loose cut requiring in-time energy deposition in the SRD"). The seed gives
/// neither the prescale nor the dead time: both are [assumed].
/// </summary>
public sealed record DaqOptions
{
    /// <summary>One beam particle in this many is recorded by the reference trigger (S1·S2·S3 only) [assumed 10⁵].</summary>
    public double ReferencePrescale { get; init; } = 1e5;

    /// <summary>Non-paralysable dead time per recorded trigger, µs [assumed].</summary>
    public double DeadTimeUs { get; init; } = 20;

    /// <summary>Loose SRD skim: physics-triggered events are kept if the SRD energy exceeds this, MeV [assumed].</summary>
    public double SkimSrdMinMeV { get; init; } = 1;

    /// <summary>Loose SRD skim: and if the SRD time is within ± this of the trigger, ns [assumed].</summary>
    public double SkimSrdWindowNs { get; init; } = 20;

    internal void Validate(string path, List<string> errors)
    {
        SetupChecks.InRange(ReferencePrescale, 1, 1e9, path + ".referencePrescale", errors);
        SetupChecks.InRange(DeadTimeUs, 0, 1e4, path + ".deadTimeUs", errors);
        SetupChecks.InRange(SkimSrdMinMeV, -1e3, 1e4, path + ".skimSrdMinMeV", errors);
        SetupChecks.InRange(SkimSrdWindowNs, 0, 1e4, path + ".skimSrdWindowNs", errors);
    }
}
