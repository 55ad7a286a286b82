using System.CommandLine;
using System.Globalization;
using Emiss.Core.Diagnostics;
using Emiss.Detector.Setup;
using Emiss.Detector.Soak;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss bench soak</c>: simulates many events of one or more set-ups over several seeds exactly as
/// <c>emiss simulate</c> does (nothing is written) and reports events/s, the slowest events (with the time of each
/// replayed alone) and every failed event, each with the seed and event index to replay. Exit code 0, or 70 if any
/// event failed. Example (10⁷ parametrised events):
/// <c>emiss bench soak --setup na64-2016-pbsc,na64-2016-bgo --seeds 1,2,3 --events 1666667</c>.
/// </summary>
internal static class BenchSoakCommand
{
    /// <summary>Exit code when events failed: an internal error (BSD sysexits EX_SOFTWARE), not a user error.</summary>
    private const int EventsFailed = 70;

    public static Command Create()
    {
        var setups = new Option<string>("--setup") { Description = "Set-ups, comma-separated: built-in names or .yaml/.json cards", DefaultValueFactory = _ => SetupPresets.Na64_2016_PbSc };
        var events = NumericOption.Count("--events", "Events per seed and set-up (full ECAL: ≈ 0.15–0.2 s per event and core)", 100_000, 1, 1_000_000_000_000, "-n");
        var seeds = new Option<string>("--seeds") { Description = "Master seeds, comma-separated", DefaultValueFactory = _ => "1,2,3" };
        var first = NumericOption.Count("--first-event", "Index of the first event of every seed", 0, 0, 1_000_000_000_000_000);
        var ecal = new Option<string>("--ecal-model") { Description = "ECAL model: card (as the card says) | parametrised | full", DefaultValueFactory = _ => "card" };
        var threads = NumericOption.Threads();
        var slowest = NumericOption.SmallCount("--slowest", "Slowest events to report (the 10× slowest in the run are replayed alone and ranked by replay)", 10, 0, 1000);
        var cmd = new Command("soak", "Soak benchmark: events/s, slowest events and failures over many events, seeds and set-ups.")
            { setups, events, seeds, first, ecal, threads, slowest };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            long n = pr.GetValue(events);
            ulong[] seedList = ParseSeeds(pr.GetValue(seeds)!);
            EcalModel? model = pr.GetValue(ecal) switch
            {
                "card" => null,
                "parametrised" => EcalModel.Parametrised,
                "full" => EcalModel.Full,
                var other => throw new UserInputException("--ecal-model", $"'{other}' is not one of card, parametrised, full", "choose one of them"),
            };
            var cards = new List<(string Source, SetupCard Card, bool Overridden)>();
            foreach (string s in pr.GetValue(setups)!.Split(',', StringSplitOptions.TrimEntries))
            {
                if (s.Length == 0) throw new UserInputException("--setup", "empty set-up name in the list", "give names separated by single commas");
                SetupCard c = SimulateCommand.LoadSetup(s);
                bool overridden = model is { } m && m != c.Ecal.Model;
                cards.Add((s, overridden ? c with { Ecal = c.Ecal with { Model = model!.Value } } : c, overridden));
            }
            var request = new SoakRequest(seedList, n, pr.GetValue(first), pr.GetValue(threads), pr.GetValue(slowest));
            long failed = 0, total = 0;
            double wall = 0;
            foreach ((string source, SetupCard card, bool overridden) in cards)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"soak: {card.Name} (ECAL {Name(card.Ecal.Model)}), seeds {string.Join(',', seedList)} × {n} events = {request.TotalEvents} events"));
                SoakResult r = SoakBenchmark.Run(card, request, new PercentProgress(request.TotalEvents, card.Name));
                Print(r, source, overridden);
                failed += r.FailureCount;
                total += r.Events;
                wall += r.WallSeconds;
            }
            if (cards.Count > 1)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all set-ups: {total} events in {wall:F1} s, {total / wall:F1} events/s; {failed} failed"));
            return failed > 0 ? EventsFailed : 0;
        }));
        return cmd;
    }

    /// <summary>Seeds as unsigned integers, culture-invariant, no signs, spaces or thousands separators.</summary>
    private static ulong[] ParseSeeds(string text)
    {
        var list = new List<ulong>();
        foreach (string s in text.Split(','))
        {
            if (!ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v))
                throw new UserInputException("--seeds", $"'{s}' is not an unsigned integer", "give seeds as 1,2,3");
            list.Add(v);
        }
        return [.. list];
    }

    private static void Print(SoakResult r, string source, bool modelOverridden)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv,
            $"  {r.Events} events in {r.WallSeconds:F1} s on {r.Threads} threads: {r.EventsPerSecond:F1} events/s ({r.EventsPerSecond / r.Threads:F1} per thread); mean {r.MeanEventCpuSeconds * 1e3:G4} ms {Clock(r)} per event"));
        Console.Out.WriteLine(string.Create(inv, $"  failed events: {r.FailureCount}"));
        foreach (SoakFailure f in r.Failures) Console.Out.WriteLine(string.Create(inv, $"    seed {f.Seed} event {f.EventIndex}: {f.Message}"));
        if (r.Slowest.Count == 0) return;
        string card = modelOverridden ? $"a card based on {source} with ecal.model: {Name(r.Model)}" : source;
        Console.Out.WriteLine($"  slowest events, by {Clock(r)} time replayed alone (replay one: emiss simulate --setup {card} --seed SEED --first-event EVENT --events 1):");
        Console.Out.WriteLine($"    seed                   event  ms {Clock(r),-4} replayed  ms {Clock(r),-4} in run  ms wall in run");
        foreach (SlowEvent e in r.Slowest)
            Console.Out.WriteLine(string.Create(inv, $"    {e.Seed,-20} {e.EventIndex,9} {e.ReplayCpuSeconds * 1e3,16:F3} {e.CpuSeconds * 1e3,14:F3} {e.WallSeconds * 1e3,14:F3}"));
    }

    private static string Clock(SoakResult r) => r.CpuClock ? "CPU" : "wall";

    private static string Name(EcalModel m) => m.ToString().ToLowerInvariant();

    /// <summary>A progress line on stderr at every 10 % (thread-safe: workers report concurrently).</summary>
    private sealed class PercentProgress(long total, string name) : IProgress<long>
    {
        private int _tenths;

        public void Report(long value)
        {
            int tenths = (int)(10 * value / total);
            int seen = Volatile.Read(ref _tenths);
            while (tenths > seen)
            {
                if (Interlocked.CompareExchange(ref _tenths, tenths, seen) == seen)
                {
                    Console.Error.WriteLine($"soak: {name} {10 * tenths} % ({DateTime.Now:HH:mm:ss})");
                    return;
                }
                seen = Volatile.Read(ref _tenths);
            }
        }
    }
}
