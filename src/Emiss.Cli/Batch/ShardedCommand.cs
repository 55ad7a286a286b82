using System.CommandLine;
using System.Globalization;
using Emiss.Cli.Commands;
using Emiss.Core.Diagnostics;
using Emiss.Core.Sharding;
using Emiss.Detector.Setup;

namespace Emiss.Cli.Batch;

/// <summary>
/// A Monte Carlo command line that <c>emiss submit</c> runs as N shards: the command (which must take <c>--shard</c> and
/// <c>--out</c>), checked by parsing it as shard 0, the shard directory root (its <c>--out</c>), and the argument vector
/// of task i (this Emiss, the command, <c>--shard i/N</c>).
/// </summary>
internal sealed class ShardedCommand
{
    /// <summary>The verbs that take <c>--shard</c>.</summary>
    public static readonly string[] Verbs = [ShardKinds.Simulate, ShardKinds.PseudoData, ShardKinds.Shower, ShardKinds.Signal, ShardKinds.Reproduce];

    private ShardedCommand(IReadOnlyList<string> command, int shards, string outRoot, (string Name, string Text) card)
    {
        Command = command;
        Shards = shards;
        OutRoot = outRoot;
        Card = card;
    }

    /// <summary>The command as the user gave it after <c>--</c>.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>Number of shards N.</summary>
    public int Shards { get; }

    /// <summary>The command's <c>--out</c>: the directory of the shards, the logs and the job script.</summary>
    public string OutRoot { get; }

    /// <summary>The resolved card of the run (file name and text), written beside the job script.</summary>
    public (string Name, string Text) Card { get; }

    /// <summary>Directory of the per-shard logs.</summary>
    public string LogDirectory => Path.Combine(OutRoot, "logs");

    /// <summary>Log of shard i (the name the Slurm script's <c>--output=…/shard-%4a.log</c> gives task i).</summary>
    public string LogOf(int index) => Path.Combine(LogDirectory, string.Create(CultureInfo.InvariantCulture, $"shard-{index:D4}.log"));

    /// <summary>What combines the shards once every task has finished: <c>emiss merge OUT</c>, or for reproduce the command
    /// itself without <c>--shard</c> (it merges the shards and runs the remaining stages).</summary>
    public string FinishCommand => Command[0] == ShardKinds.Reproduce
        ? "emiss " + string.Join(' ', Command.Select(w => w.All(c => char.IsAsciiLetterOrDigit(c) || "-_./,=:+".Contains(c, StringComparison.Ordinal)) ? w : ArrayScript.Quote(w)))
        : "emiss merge " + ArrayScript.Quote(OutRoot);

    /// <summary>Checks the command (before any work): a sharded verb, no <c>--shard</c> of its own, an <c>--out</c>, and a command line that parses.</summary>
    public static ShardedCommand Resolve(IReadOnlyList<string> command, int shards)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0 || !Verbs.Contains(command[0], StringComparer.Ordinal))
            throw new UserInputException("COMMAND", $"'{(command.Count == 0 ? "" : command[0])}' cannot be sharded",
                $"give a Monte Carlo command after --, one of: {string.Join(", ", Verbs)}");
        if (command.Any(t => t == "--shard" || t.StartsWith("--shard=", StringComparison.Ordinal)))
            throw new UserInputException("COMMAND", "sets --shard itself", "leave --shard out; submit adds --shard i/N to each task");
        ParseResult pr = Program.BuildRoot().Parse([.. command, "--shard", new ShardSpec(0, shards).ToString()]);
        if (pr.Errors.Count > 0) throw new UserInputException("COMMAND", ParseErrors.Describe(pr).Replace("emiss: error: ", "", StringComparison.Ordinal), "fix the command after --");
        if (pr.GetResult(pr.CommandResult.Command.Options.First(o => o.Name == "--out")) is not { Implicit: false })
            throw new UserInputException("COMMAND", "has no --out", "add --out DIR: the shards, logs and job script go there, and `emiss merge DIR` combines them");
        string outRoot = Path.GetFullPath(UserInput.CheckOutputDirectory("--out", pr.GetValue<string>("--out")!));
        CheckSplit(pr, shards);
        return new ShardedCommand(command, shards, outRoot, ResolvedCard(pr));
    }

    /// <summary>The argument vector of task i: this Emiss, the command, <c>--shard i/N</c> (i as given, e.g. a shell variable).</summary>
    public IReadOnlyList<string> TaskArguments(string index) =>
        [.. SelfInvocation(), .. Command, "--shard", $"{index}/{Shards.ToString(CultureInfo.InvariantCulture)}"];

    /// <summary>How to start this Emiss again: the apphost, or <c>dotnet emiss.dll</c> when run through the dotnet host.</summary>
    public static string[] SelfInvocation()
    {
        string host = Environment.ProcessPath ?? throw new EmissInternalException("the path of the running executable is unknown");
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(Program).Assembly.Location] : [host];
    }

    /// <summary>Refuses, before any task starts, a split that every task would refuse (more shards than blocks). A
    /// pseudodata campaign's chunk count is known only after planning its runs, so its shards check it themselves.</summary>
    private static void CheckSplit(ParseResult pr, int shards)
    {
        if (pr.CommandResult.Command.Name == ShardKinds.Simulate)
            new ShardSpec(0, shards).Range("--shards", pr.GetValue<long>("--first-event"), pr.GetValue<long>("--events"), pr.GetValue<int>("--chunk"));
        else if (pr.CommandResult.Command.Name == ShardKinds.Shower)
            new ShardSpec(0, shards).Range("--shards", 0, pr.GetValue<long>("--events"), Shower.Transport.ShowerRunner.ChunkSize);
        else if (pr.CommandResult.Command.Name == ShardKinds.Signal)
            new ShardSpec(0, shards).Range("--shards", 0, pr.GetValue<long>("--events"), Signal.Run.SignalRunner.ChunkSize);
    }

    private static (string Name, string Text) ResolvedCard(ParseResult pr) => pr.CommandResult.Command.Name switch
    {
        ShardKinds.Simulate => ("setup-card.json", SetupCardJson.Serialize(SimulateCommand.LoadSetup(pr.GetValue<string>("--setup")!))),
        ShardKinds.PseudoData or ShardKinds.Reproduce => ("run-card.yaml", PseudoDataCommand.ResolvedCard(pr.GetValue<string>("--config")!)),
        ShardKinds.Shower => ("shower-inputs.yaml", ShowerCommand.ResolvedCard(pr)),
        ShardKinds.Signal => ("signal-card.yaml", SignalCommand.ResolvedCard(pr)),
        var other => throw new EmissInternalException($"no resolved card for sharded command '{other}'"),
    };
}
