using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Core.Sharding;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Sharding;

/// <summary>Checks of a shard set before a merge, on shards whose single file holds their event range as text.</summary>
public sealed class ShardSetTests : IDisposable
{
    private readonly string _root = TestScratch.NewDirectory("emiss-shardset");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ShardManifest Template(ShardSpec spec, ulong seed = 5, string card = "card: a")
    {
        var (first, n) = spec.Range("--shard", 0, 100, 10);
        return new ShardManifest
        {
            Kind = "test", Provenance = new Provenance("emiss test --shard " + spec, seed, card), RunCommand = "emiss test",
            Shard = spec, RunFirstEvent = 0, RunEvents = 100, BlockSize = 10, FirstEvent = first, EventCount = n, Files = [],
        };
    }

    private void WriteShard(ShardManifest template)
    {
        string dir = Path.Combine(_root, template.Shard.DirectoryName);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "data.txt"), $"{template.FirstEvent}+{template.EventCount}");
        ShardManifest.WriteInto(dir, template, ["data.txt"]);
    }

    private void WriteAll(int count)
    {
        for (int i = 0; i < count; i++) WriteShard(Template(new ShardSpec(i, count)));
    }

    private UserInputException LoadFails() => Assert.Throws<UserInputException>(() => ShardSet.Load("DIR", _root, s => $"rerun {s}"));

    [Fact]
    public void A_complete_set_loads_in_shard_order_and_round_trips_the_manifest()
    {
        WriteAll(4);
        Directory.CreateDirectory(Path.Combine(_root, "shard-0001-of-0004.emiss-1-2-abcd.partial"));   // debris of a killed rerun: not a shard
        IReadOnlyList<ShardManifest> set = ShardSet.Load("DIR", _root, s => "");
        Assert.Equal([0, 1, 2, 3], set.Select(m => m.Shard.Index));
        Assert.Equal([0L, 20, 50, 70], set.Select(m => m.FirstEvent));   // 10 blocks at ⌊10·i/4⌋ = 0, 2, 5, 7
        Assert.Equal((ulong?)5, set[2].Provenance.Seed);
        Assert.Equal("card: a", set[2].Provenance.ResolvedRunCard);
        Assert.Single(set[2].Files);
        Assert.Equal(64, set[2].Files[0].Sha256.Length);
    }

    [Fact]
    public void A_missing_shard_is_named_with_how_to_redo_it()
    {
        WriteAll(4);
        Directory.Delete(Path.Combine(_root, "shard-0002-of-0004"), recursive: true);
        Assert.Equal($"shard-0002-of-0004: shard 2/4 is missing from '{_root}'; rerun 2/4", LoadFails().Message);
    }

    [Fact]
    public void A_shard_without_manifest_is_incomplete()
    {
        WriteAll(2);
        File.Delete(Path.Combine(_root, "shard-0001-of-0002", ShardManifest.FileName));
        Assert.Equal("shard-0001-of-0002: has no manifest.json (incomplete shard); rerun 1/2", LoadFails().Message);
    }

    [Fact]
    public void A_modified_file_fails_its_checksum()
    {
        WriteAll(2);
        string data = Path.Combine(_root, "shard-0000-of-0002", "data.txt");
        File.WriteAllText(data, File.ReadAllText(data).Replace('0', '9'));
        Assert.Equal("shard-0000-of-0002: data.txt does not match its SHA-256 in the manifest (corrupt or modified); rerun 0/2", LoadFails().Message);
    }

    [Fact]
    public void A_shard_of_another_seed_or_card_is_foreign()
    {
        WriteShard(Template(new ShardSpec(0, 2)));
        WriteShard(Template(new ShardSpec(1, 2), seed: 6));
        Assert.Contains("shard-0001-of-0002: is foreign to shard 0: its seed 6 differs from 5", LoadFails().Message, StringComparison.Ordinal);
        WriteShard(Template(new ShardSpec(1, 2), card: "card: b"));
        Assert.Contains("shard-0001-of-0002: is foreign to shard 0: its resolved card differs", LoadFails().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_of_different_splits_are_refused()
    {
        WriteAll(2);
        WriteShard(Template(new ShardSpec(2, 4)));
        Assert.Contains("belongs to a run of 4 shards", LoadFails().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_directory_holds_no_shard() =>
        Assert.Contains("holds no shard directory", LoadFails().Message, StringComparison.Ordinal);

    [Fact]
    public void Complete_match_accepts_only_an_intact_shard_of_the_same_run()
    {
        ShardManifest t = Template(new ShardSpec(1, 2));
        string dir = Path.Combine(_root, t.Shard.DirectoryName);
        Assert.Null(ShardSet.CompleteMatch(dir, t));
        WriteShard(t);
        Assert.NotNull(ShardSet.CompleteMatch(dir, t));
        Assert.Null(ShardSet.CompleteMatch(dir, Template(new ShardSpec(1, 2), seed: 9)));
        File.AppendAllText(Path.Combine(dir, "data.txt"), "x");
        Assert.Null(ShardSet.CompleteMatch(dir, t));
    }
}
