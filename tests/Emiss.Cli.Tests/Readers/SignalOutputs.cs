using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Readers;

/// <summary>
/// Two small <c>emiss signal</c> runs whose files the independent readers check: 10 and 300 MeV with resonant
/// annihilation (both A′ processes in the HepMC3 and Parquet samples; the Parquet sample is the biased pass), and
/// 10 MeV with a detector-mode pass (the Parquet sample is the detector pass, with per-section and per-cell columns;
/// the HepMC3 file is capped at <see cref="DetectorHepMCEvents"/> events).
/// </summary>
public sealed class SignalOutputs : IDisposable
{
    public const int Events = 1000;
    public const int DetectorEvents = 40;
    public const int DetectorHepMCEvents = 50;

    public SignalOutputs()
    {
        Root = TestScratch.NewDirectory("readers-signal");
        YieldDir = Path.Combine(Root, "yield");
        DetectorDir = Path.Combine(Root, "detector");
        var (c1, o1, e1) = EmissProcess.Run("signal", "--mass-MeV", "10,300", "--annihilation", "--events", $"{Events}", "--hepmc-events", "100000",
            "--threads", "2", "--out", YieldDir);
        Assert.True(c1 == 0, e1 + o1);
        var (c2, o2, e2) = EmissProcess.Run("signal", "--mass-MeV", "10", "--events", $"{Events}", "--detector-events", $"{DetectorEvents}",
            "--hepmc-events", $"{DetectorHepMCEvents}", "--threads", "2", "--out", DetectorDir);
        Assert.True(c2 == 0, e2 + o2);
    }

    public string Root { get; }

    /// <summary>Output of the yield-mode run (masses 10 and 300 MeV).</summary>
    public string YieldDir { get; }

    /// <summary>Output of the run with a detector pass (10 MeV).</summary>
    public string DetectorDir { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SignalOutputsGroup : ICollectionFixture<SignalOutputs>
{
    public const string Name = "signal outputs";
}
