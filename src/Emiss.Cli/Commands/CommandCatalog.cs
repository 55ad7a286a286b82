using System.CommandLine;

namespace Emiss.Cli.Commands;

/// <summary>The list of verbs, registered explicitly.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return XsecCommand.Create();
        yield return LimitCommand.Create();
        yield return ProjectCommand.Create();
        yield return ConfigCommand.Create();
        yield return SimulateCommand.Create();
        yield return PseudoDataCommand.Create();
        yield return MergeCommand.Create();
        yield return SubmitCommand.Create();
        yield return Reproduce.ReproduceCommand.Create();
        yield return new Command("study", "Validation studies: box counts over many pseudo-data sets (seeds), the parametrised ECAL profile against the shower engine (ecal-profile), what leaks out of the ECAL's back (ecal-leakage).")
            { StudySeedsCommand.Create(), StudyEcalProfileCommand.Create(), StudyEcalLeakageCommand.Create() };
        yield return ShowerCommand.Create();
        yield return BenchShowerCommand.Create();
        yield return SignalCommand.Create();
        yield return AnalyzeCommand.Create();
        yield return UnblindCommand.Create();
        yield return VersionCommand.Create();
    }
}
