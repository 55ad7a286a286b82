using System.Reflection;
using Emiss.Analysis.Blinding;
using Emiss.Analysis.CutFlow;
using Emiss.Analysis.EventData;
using Emiss.Analysis.Tests.CutFlow;
using Emiss.Analysis.Tests.EventData;
using Emiss.Events;
using Emiss.Events.Selection;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Blinding;

/// <summary>
/// Tries every way around the blinding (library calls, changed cuts, edited ledger, reruns, other data, the public
/// API surface) and shows each is refused with a message that names what and why. The data set is
/// <see cref="CutFlowCounterTests.Mixture"/> written as pseudo-data: 128 events, 79 of them in the blinded region
/// (E_ECAL = 30 GeV, E_HCAL = 0.2 GeV), 5 of those passing every cut (the box content a blind analysis must not see).
/// </summary>
public sealed class BlindDataSetTests
{
    private static readonly DateTimeOffset When = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    private static async Task<(string Data, string Analysis)> DataAsync(string name)
    {
        string root = TestScratch.NewDirectory(name);
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        await SyntheticEvents.WriteAsync(Path.Combine(data, "pbsc-srd.parquet"), SyntheticEvents.DataCommand, CutFlowCounterTests.Mixture(), rowGroup: 50);
        return (data, Path.Combine(root, "analysis"));
    }

    [Fact]
    public async Task Blind_cut_flow_counts_only_events_outside_the_region_and_has_no_box_row()
    {
        var (data, analysis) = await DataAsync("blind-flow");
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        Assert.True(set.IsBlind);
        CutFlowResult r = await set.CutFlowAsync(SyntheticEvents.SeedCuts());
        Assert.False(r.SignalBoxIncluded);
        // 128 − 79 events in the region = 49; 40 of them fail the trigger; 9 pass every cut: 4 in A, 3 in C, 2 elsewhere.
        Assert.Equal([49L, 9, 9, 9, 9, 9, 9], r.Rows.Select(x => x.Events));
        Assert.DoesNotContain(r.Regions, x => x.Region == "signal_box");
        Assert.Equal(4, r.Regions.Single(x => x.Region == "sideband_a").Events);
        Assert.Equal(3, r.Regions.Single(x => x.Region == "sideband_c").Events);
        Assert.All(r.Rows, x => Assert.Equal("all", x.Source));
    }

    [Fact]
    public async Task Parallel_row_group_counting_equals_a_sequential_count()
    {
        var (data, analysis) = await DataAsync("blind-parallel");
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        CutFlowResult parallel = await set.CutFlowAsync(SyntheticEvents.SeedCuts());
        var counter = new CutFlowCounter(new SelectionEvaluator(SyntheticEvents.SeedCuts(), 6, 6));
        await set.ForEachOutsideRegionAsync((sample, c) => counter.Add(sample, c));
        CutFlowResult sequential = counter.Result(includeSignalBox: false);
        Assert.Equal(sequential.Rows, parallel.Rows);
        Assert.Equal(sequential.Regions, parallel.Regions);
    }

    [Fact]
    public async Task The_background_stream_never_returns_an_event_in_the_region()
    {
        var (data, analysis) = await DataAsync("blind-stream");
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        long rows = 0;
        await set.ForEachOutsideRegionAsync((_, c) =>
        {
            for (int i = 0; i < c.Count; i++, rows++) Assert.False(BlindingRegion.Contains(c.EcalEnergyGeV[i], c.HcalEnergyGeV[i]));
        });
        Assert.Equal(49, rows);
    }

    [Fact]
    public async Task The_optimisation_stream_is_exactly_the_fixed_partition()
    {
        var (data, analysis) = await DataAsync("blind-opt");
        await using BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis);
        var seen = new List<long>();
        await set.ForEachOptimisationEventAsync((_, c) => seen.AddRange(c.Event.AsSpan(0, c.Count).ToArray()));
        long[] expected = [.. Enumerable.Range(0, 128).Select(i => (long)i).Where(i => OptimisationPartition.Contains(1, i))];
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void The_partition_holds_ten_percent_within_three_sigma_and_is_fixed()
    {
        const int n = 200_000;
        int inside = 0;
        for (int i = 0; i < n; i++)
            if (OptimisationPartition.Contains(1 + i % 2, i / 2)) inside++;
        double sigma = Math.Sqrt(0.1 * 0.9 / n); // binomial, p = 0.1
        Assert.InRange(inside / (double)n, 0.1 - 3 * sigma, 0.1 + 3 * sigma);
        // The partition is a pure function of (run, event): the same events every time.
        Assert.Equal(OptimisationPartition.Contains(7, 123_456_789), OptimisationPartition.Contains(7, 123_456_789));
    }

    [Fact]
    public async Task Unblinding_records_who_when_why_and_opens_the_box_for_the_frozen_cuts()
    {
        var (data, analysis) = await DataAsync("unblind");
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using (BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis))
        {
            UnblindingEntry e = set.Unblind(cuts, "sidebands A and C agree with the estimate", "tester", When);
            Assert.Equal(1, e.Sequence);
            Assert.Equal("2026-12-02T15:00:00Z", e.Utc);
            Assert.Equal(CutsFingerprint.Sha256(cuts), e.CutsSha256);
            Assert.Equal(UnblindingLedger.Genesis, e.PreviousSha256);
            CutFlowResult r = await set.CutFlowAsync(cuts);
            Assert.True(r.SignalBoxIncluded);
            Assert.Equal(5, r.Regions.Single(x => x.Region == "signal_box").Events);
            Assert.Equal(128, r.Rows.Single(x => x.Cut == "all").Events);
        }
        // A later run (rerun) reads the ledger and is unblinded for the same cuts.
        await using BlindDataSet again = await BlindDataSet.OpenAsync(data, analysis);
        Assert.False(again.IsBlind);
        Assert.Equal(5, (await again.CutFlowAsync(cuts)).Regions.Single(x => x.Region == "signal_box").Events);
    }

    [Fact]
    public async Task Changed_cuts_after_unblinding_are_refused()
    {
        var (data, analysis) = await DataAsync("unblind-cuts");
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using (BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis))
            set.Unblind(cuts, "validated", "tester", When);
        SelectionCuts looser = cuts with { V2 = new VetoCut { MaxMeV = 0.9 } };
        await using BlindDataSet rerun = await BlindDataSet.OpenAsync(data, analysis);
        var e = await Assert.ThrowsAsync<BlindingException>(() => rerun.CutFlowAsync(looser));
        Assert.Contains("the cuts differ from those frozen at unblinding", e.Message, StringComparison.Ordinal);
        Assert.Contains(UnblindingLedger.FileName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_unblinding_is_refused_even_with_other_cuts()
    {
        var (data, analysis) = await DataAsync("unblind-twice");
        SelectionCuts cuts = SyntheticEvents.SeedCuts();
        await using (BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis))
        {
            set.Unblind(cuts, "validated", "tester", When);
            Assert.Throws<BlindingException>(() => set.Unblind(cuts, "again", "tester", When));
        }
        await using BlindDataSet rerun = await BlindDataSet.OpenAsync(data, analysis);
        var e = Assert.Throws<BlindingException>(() => rerun.Unblind(cuts with { V2 = new VetoCut { MaxMeV = 2 } }, "re-freeze", "tester", When));
        Assert.Contains("already unblinded", e.Message, StringComparison.Ordinal);
        Assert.Single(UnblindingLedger.Read(analysis));
    }

    [Fact]
    public async Task An_edited_ledger_refuses_every_later_run()
    {
        var (data, analysis) = await DataAsync("ledger-edit");
        await using (BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis))
            set.Unblind(SyntheticEvents.SeedCuts(), "validated", "tester", When);
        string log = Path.Combine(analysis, UnblindingLedger.FileName);
        File.WriteAllText(log, File.ReadAllText(log).Replace("tester", "someone", StringComparison.Ordinal));
        var e = await Assert.ThrowsAsync<BlindingException>(() => BlindDataSet.OpenAsync(data, analysis));
        Assert.Contains("line 1 was edited", e.Message, StringComparison.Ordinal);
        Assert.Contains(log, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chain_detects_a_rewritten_line_even_with_its_own_hash_recomputed()
    {
        string dir = TestScratch.NewDirectory("ledger-chain");
        UnblindingLedger.Append(dir, When, "a", "first", new string('1', 64), new string('d', 64));
        UnblindingLedger.Append(dir, When, "b", "second", new string('2', 64), new string('d', 64));
        string log = Path.Combine(dir, UnblindingLedger.FileName);
        string[] lines = File.ReadAllLines(log);
        // Forge line 1 completely (new body, its hash recomputed the same way): line 2's link exposes it.
        string body = lines[0][..lines[0].LastIndexOf(' ')].Replace("first", "forged", StringComparison.Ordinal);
        string forged = body + " " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
        File.WriteAllText(log, forged + "\n" + lines[1] + "\n");
        var e = Assert.Throws<BlindingException>(() => UnblindingLedger.Read(dir));
        Assert.Contains("line 2 was edited", e.Message, StringComparison.Ordinal);
        // Dropping line 1 is caught as well.
        File.WriteAllText(log, lines[1] + "\n");
        Assert.Throws<BlindingException>(() => UnblindingLedger.Read(dir));
        // So is a half-written last line.
        File.WriteAllText(log, lines[0] + "\n" + lines[1][..20]);
        Assert.Throws<BlindingException>(() => UnblindingLedger.Read(dir));
    }

    [Fact]
    public async Task An_unblinded_analysis_refuses_other_data()
    {
        var (data, analysis) = await DataAsync("unblind-data");
        await using (BlindDataSet set = await BlindDataSet.OpenAsync(data, analysis))
            set.Unblind(SyntheticEvents.SeedCuts(), "validated", "tester", When);
        string other = Path.Combine(Path.GetDirectoryName(data)!, "other");
        Directory.CreateDirectory(other);
        await SyntheticEvents.WriteAsync(Path.Combine(other, "pbsc-srd.parquet"), SyntheticEvents.DataCommand, [.. CutFlowCounterTests.Mixture().Take(100)]);
        var e = await Assert.ThrowsAsync<BlindingException>(() => BlindDataSet.OpenAsync(other, analysis));
        Assert.Contains("unblinded on other data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_api_offers_no_unblinded_rows_and_no_truth_of_data()
    {
        Assembly analysis = typeof(BlindDataSet).Assembly;
        // The raw reader is internal; the public readers are the blind data set and the simulation sample (which refuses data).
        Assert.False(typeof(EventFile).IsPublic);
        Type[] publicTypes = [.. analysis.GetExportedTypes().Where(t => t.Namespace is "Emiss.Analysis.Blinding" or "Emiss.Analysis.EventData" or "Emiss.Analysis.CutFlow")];
        Assert.Contains(typeof(BlindDataSet), publicTypes);
        foreach (Type t in publicTypes)
            foreach (MemberInfo m in t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                IEnumerable<Type> used = m switch
                {
                    MethodInfo mi => mi.GetParameters().Select(p => p.ParameterType).Append(mi.ReturnType),
                    PropertyInfo pi => [pi.PropertyType],
                    FieldInfo fi => [fi.FieldType],
                    ConstructorInfo ci => ci.GetParameters().Select(p => p.ParameterType),
                    _ => [],
                };
                foreach (Type u in used.SelectMany(Flatten))
                    Assert.False(u == typeof(EventBatch) || u == typeof(EventFile), $"{t.Name}.{m.Name} exposes {u.Name}");
            }
        // No public member of the blind data set hands out an integer column (the truth codes are int).
        foreach (MethodInfo mi in typeof(BlindDataSet).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            Assert.DoesNotContain(mi.GetParameters().Select(p => p.ParameterType).Append(mi.ReturnType).SelectMany(Flatten), u => u == typeof(ReadOnlyMemory<int>) || u == typeof(int[]));
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t) : t.HasElementType ? Flatten(t.GetElementType()!).Prepend(t) : [t];
}
