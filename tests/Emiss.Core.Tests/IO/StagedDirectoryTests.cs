using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.IO;

public class StagedDirectoryTests
{
    private static readonly string[] Owned = ["a.csv", "plot_*.svg"];

    [Fact]
    public void The_target_appears_only_on_publish_and_the_staging_directory_is_gone()
    {
        string root = TestScratch.NewDirectory("emiss-staged");
        string target = Path.Combine(root, "new", "out");
        using (StagedDirectory s = StagedDirectory.Begin("--out", target, Owned))
        {
            File.WriteAllText(Path.Combine(s.Path, "a.csv"), "1\n");
            Assert.False(Directory.Exists(target));
            s.Publish();
        }
        Assert.Equal(["a.csv"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal([target], Directory.GetFileSystemEntries(Path.Combine(root, "new")));
    }

    [Fact]
    public void Without_publish_nothing_is_left_not_even_the_parent_directories_it_created()
    {
        string root = TestScratch.NewDirectory("emiss-staged");
        using (StagedDirectory s = StagedDirectory.Begin("--out", Path.Combine(root, "x", "y", "out"), Owned))
            File.WriteAllText(Path.Combine(s.Path, "a.csv"), "1\n");
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void An_existing_output_of_the_same_command_is_replaced_as_a_unit()
    {
        string root = TestScratch.NewDirectory("emiss-staged");
        string target = Path.Combine(root, "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "a.csv"), "old\n");
        File.WriteAllText(Path.Combine(target, "plot_m1.svg"), "old\n");
        using (StagedDirectory s = StagedDirectory.Begin("--out", target, Owned))
        {
            File.WriteAllText(Path.Combine(s.Path, "a.csv"), "new\n");
            s.Publish();
        }
        Assert.Equal(["a.csv"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(target, "a.csv")));
        Assert.Equal([target], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void A_directory_with_files_the_command_does_not_write_is_refused_and_left_untouched()
    {
        string root = TestScratch.NewDirectory("emiss-staged");
        string target = Path.Combine(root, "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine\n");
        var e = Assert.Throws<UserInputException>(() => StagedDirectory.Begin("--out", target, Owned));
        Assert.StartsWith("--out: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("notes.txt", e.Message, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(target, "notes.txt")], Directory.GetFileSystemEntries(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void Debris_of_a_dead_process_is_removed_and_that_of_a_live_one_kept()
    {
        string root = TestScratch.NewDirectory("emiss-staged");
        string target = Path.Combine(root, "out");
        // pid 4194305 exceeds Linux's largest pid_max (2^22), so no process has it.
        string dead = Path.Combine(root, "out.emiss-4194305-123-0badc0de.partial");
        string deadFile = Path.Combine(root, "out.emiss-4194305-123-0badc0de.tmp");
        string live = TemporaryPaths.Beside(target, "partial");
        string other = Path.Combine(root, "outer.emiss-4194305-123-0badc0de.partial");
        foreach (string d in new[] { dead, live, other }) Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(dead, "a.csv"), "partial\n");
        File.WriteAllText(deadFile, "partial\n");
        TemporaryPaths.RemoveStale(target);
        Assert.Equal(new[] { live, other }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_atomic_write_inside_a_directory_leaves_no_temporary_file()
    {
        string root = TestScratch.NewDirectory("emiss-staged");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(Path.Combine(root, "a.csv"), _ => throw new InvalidOperationException("failed")));
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }
}
