using Emiss.Cli.Reproduce;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Reproduce;

/// <summary>A finished stage is reused only by a rerun with the same inputs and intact files.</summary>
public sealed class StageLedgerTests
{
    private static string Finished(string inputs)
    {
        string dir = TestScratch.NewDirectory("ledger");
        File.WriteAllText(Path.Combine(dir, "a.csv"), "x\n1\n");
        new StageLedger(dir, inputs).Done("analysis", ["a.csv"]);
        return dir;
    }

    [Fact]
    public void Same_inputs_and_files_reuse_the_stage()
    {
        string dir = Finished("cafe");
        Assert.True(new StageLedger(dir, "cafe").IsDone("analysis"));
    }

    [Fact]
    public void Other_inputs_redo_the_stage()
    {
        string dir = Finished("cafe");
        Assert.False(new StageLedger(dir, "beef").IsDone("analysis"));
    }

    [Fact]
    public void An_edited_file_or_a_record_without_inputs_redoes_the_stage()
    {
        string dir = Finished("cafe");
        File.AppendAllText(Path.Combine(dir, "a.csv"), "2\n");
        Assert.False(new StageLedger(dir, "cafe").IsDone("analysis"));
        string old = Finished("cafe");
        string record = Path.Combine(old, "stages", "analysis.done");
        File.WriteAllLines(record, File.ReadAllLines(record).Skip(1));   // a record written before inputs were recorded
        Assert.False(new StageLedger(old, "cafe").IsDone("analysis"));
    }

    [Fact]
    public void A_stage_of_its_own_input_is_redone_when_only_that_input_changes()
    {
        string dir = TestScratch.NewDirectory("ledger-stage");
        File.WriteAllText(Path.Combine(dir, "a.csv"), "x\n1\n");
        File.WriteAllText(Path.Combine(dir, "l.csv"), "y\n2\n");
        var ledger = new StageLedger(dir, "cafe");
        ledger.Done("analysis", ["a.csv"]);
        ledger.Done("limit", ["l.csv"], "alpha_D 0.5");
        var again = new StageLedger(dir, "cafe");
        Assert.True(again.IsDone("analysis"));
        Assert.True(again.IsDone("limit", "alpha_D 0.5"));
        Assert.False(again.IsDone("limit", "alpha_D 0.1"));
        Assert.False(again.IsDone("limit"));
    }
}
