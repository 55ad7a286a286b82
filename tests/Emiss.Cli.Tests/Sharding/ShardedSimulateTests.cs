using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>
/// <c>simulate --shard i/N</c>, <c>submit --local</c> and <c>merge</c> as processes: the merged store of N = 1, 4, 16
/// shards (one thread each, or 2) equals the single run (2 threads) byte for byte in its row data; a missing, corrupt or
/// foreign shard stops the merge with an error naming it and writes nothing; a shard killed with SIGKILL leaves nothing
/// the merge accepts and is redone by rerunning submit, which skips the complete shards.
/// </summary>
public sealed class ShardedSimulateTests(ITestOutputHelper log) : ShardWorkspace(log, "shards")
{
    [Theory]
    [InlineData(1, "1")]
    [InlineData(4, "1")]
    [InlineData(16, "2")]
    public void Merged_shards_equal_the_single_run(int shards, string threads)
    {
        for (int i = 0; i < shards; i++)
            Succeeds([.. ShardedRuns.Simulate, "--threads", threads, "--shard", $"{i}/{shards}", "--out", "run"]);
        Succeeds("merge", "run");
        ShardedRuns.AssertSameAsSingleRun(Path.Combine(Work, "run", "events.parquet"));
    }

    [Fact]
    public void Submit_local_runs_every_shard_and_a_rerun_skips_them()
    {
        Succeeds(["submit", "--local", "--jobs", "2", "--shards", "4", "--", .. ShardedRuns.Simulate, "--threads", "1", "--out", "run"]);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(Work, "run", "logs"), "shard-*.log").Length);
        Assert.True(File.Exists(Path.Combine(Work, "run", "job", "array.sh")));
        Assert.True(File.Exists(Path.Combine(Work, "run", "job", "setup-card.json")));
        var (code, stdout, stderr) = Emiss(["submit", "--local", "--jobs", "2", "--shards", "4", "--", .. ShardedRuns.Simulate, "--threads", "1", "--out", "run"]);
        Assert.True(code == 0, stderr + stdout);
        Assert.Equal(4, stdout.Split('\n').Count(l => l.EndsWith("(checksums match); skipped", StringComparison.Ordinal)));
        Succeeds("merge", "run");
        ShardedRuns.AssertSameAsSingleRun(Path.Combine(Work, "run", "events.parquet"));
    }

    [Fact]
    public void A_shard_killed_mid_write_is_not_output_and_is_redone()
    {
        string[] submit = ["submit", "--local", "--shards", "4", "--", .. ShardedRuns.Simulate, "--threads", "1", "--out", "run"];
        Succeeds(submit);
        string shard1 = Path.Combine(Work, "run", "shard-0001-of-0004");
        Directory.Delete(shard1, recursive: true);
        using (RunningEmiss p = EmissProcess.Start(Work, [.. ShardedRuns.Simulate, "--threads", "1", "--shard", "1/4", "--out", "run"]))
        {
            // Kill as soon as the shard's staging directory exists: the store is being written into it.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!Directory.EnumerateDirectories(Path.Combine(Work, "run"), "shard-0001-of-0004.*.partial").Any() && !p.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(5);
            p.Signal("KILL");
            Assert.Equal(137, p.Wait().ExitCode);
        }
        Assert.False(Directory.Exists(shard1), "a killed shard must not publish its directory");
        MergeFails("emiss: error: shard-0001-of-0004: shard 1/4 is missing from 'run'", Path.Combine(Work, "run", "events.parquet"));

        var (rerun, stdout, rerunErr) = Emiss(submit);
        Assert.True(rerun == 0, rerunErr + stdout);
        Assert.Equal(3, stdout.Split('\n').Count(l => l.EndsWith("skipped", StringComparison.Ordinal)));
        Assert.Contains("shard 1/4: exit 0: shard 1/4: events 240…479", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Work, "run"), "*.partial"));   // the killed run's staging is gone
        Succeeds("merge", "run");
        ShardedRuns.AssertSameAsSingleRun(Path.Combine(Work, "run", "events.parquet"));
    }

    [Fact]
    public void Missing_corrupt_and_foreign_shards_stop_the_merge_naming_the_shard()
    {
        for (int i = 0; i < 4; i++) Succeeds([.. ShardedRuns.Simulate, "--threads", "1", "--shard", $"{i}/4", "--out", "run"]);
        Succeeds([.. ShardedRuns.Simulate[..^1], "6", "--threads", "1", "--shard", "3/4", "--out", "other"]);   // seed 6
        string run = Path.Combine(Work, "run");
        string merged = Path.Combine(run, "events.parquet");

        string shard3 = Path.Combine(run, "shard-0003-of-0004"), aside = Path.Combine(Work, "aside");
        Directory.Move(shard3, aside);
        MergeFails("emiss: error: shard-0003-of-0004: shard 3/4 is missing from 'run'; rerun it", merged);

        Directory.Move(Path.Combine(Work, "other", "shard-0003-of-0004"), shard3);
        MergeFails("emiss: error: shard-0003-of-0004: is foreign to shard 0: its seed 6 differs from 5;", merged);
        Directory.Delete(shard3, recursive: true);
        Directory.Move(aside, shard3);

        string store = Path.Combine(run, "shard-0002-of-0004", "events.parquet");
        byte[] bytes = File.ReadAllBytes(store);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(store, bytes);
        MergeFails("emiss: error: shard-0002-of-0004: events.parquet does not match its SHA-256 in the manifest (corrupt or modified);", merged);
    }

    [Fact]
    public void Slurm_dry_run_prints_the_array_script_and_writes_nothing()
    {
        var (code, stdout, stderr) = InProcessEmiss.Run(["submit", "--slurm", "--dry-run", "--shards", "8", "--partition", "short", "--time", "00:30:00",
            "--mem", "2G", "--cpus", "4", "--", .. ShardedRuns.Simulate, "--out", Path.Combine(Work, "dry")]);
        Assert.True(code == 0, stderr + stdout);
        string[] lines = stdout.Split('\n');
        Assert.Equal("#!/bin/bash", lines[0]);
        foreach (string directive in (string[])["--array=0-7", $"--output={Path.Combine(Work, "dry", "logs")}/shard-%4a.log", "--partition=short",
                     "--time=00:30:00", "--mem=2G", "--cpus-per-task=4"])
            Assert.Contains("#SBATCH " + directive, lines);
        string exec = lines.Single(l => l.StartsWith("exec ", StringComparison.Ordinal));
        Assert.EndsWith("'--threads' '4' '--shard' \"$i/8\"", exec, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Work, "dry")));
    }

    [Theory]
    [InlineData("--local --slurm --shards 2 -- simulate --out x", "emiss: error: --local/--slurm: give exactly one of them;")]
    [InlineData("--local --shards 2 -- limit --out x", "emiss: error: COMMAND: 'limit' cannot be sharded;")]
    [InlineData("--local --shards 2 -- simulate --events 100", "emiss: error: COMMAND: has no --out;")]
    [InlineData("--local --shards 2 -- simulate --shard 0/2 --out x", "emiss: error: COMMAND: sets --shard itself;")]
    [InlineData("--local --shards 17 -- simulate --events 960 --chunk 60 --out x", "emiss: error: --shards: 960 events make 16 block(s) of 60, fewer than the 17 shards")]
    public void Bad_submit_commands_are_refused_before_anyWork(string args, string start)
    {
        var (code, stdout, stderr) = InProcessEmiss.Run(["submit", .. args.Split(' ')]);
        Assert.Equal(2, code);
        Assert.True(stderr.StartsWith(start, StringComparison.Ordinal), stderr + stdout);
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "x")));
    }

    [Fact]
    public void More_shards_than_row_groups_is_a_user_error()
    {
        var (code, _, stderr) = InProcessEmiss.Run([.. ShardedRuns.Simulate, "--shard", "3/17", "--out", Path.Combine(Work, "many")]);
        Assert.Equal(2, code);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
            $"emiss: error: --shard: 960 events make 16 block(s) of 60, fewer than the 17 shards (a shard would be empty); use at most 16 shards or more events\n"), stderr);
        Assert.False(Directory.Exists(Path.Combine(Work, "many")));
    }
}
