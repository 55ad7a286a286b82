using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Testing;

/// <summary>Scratch folders of the tests: fresh, distinct and inside the one per-process root that goes after the last test.</summary>
public sealed class TestScratchTests
{
    [Fact]
    public void Each_folder_is_new_empty_and_inside_this_process_root()
    {
        string a = TestScratch.NewDirectory("scratch-check"), b = TestScratch.NewDirectory("scratch-check");
        Assert.NotEqual(a, b);
        Assert.Empty(Directory.EnumerateFileSystemEntries(a));
        Assert.Empty(Directory.EnumerateFileSystemEntries(b));
        string root = Path.GetDirectoryName(a)!;
        Assert.Equal(root, Path.GetDirectoryName(b));
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()).TrimEnd('/'), Path.GetDirectoryName(root));
        Assert.StartsWith($"emiss-tests-{Environment.ProcessId}-", Path.GetFileName(root), StringComparison.Ordinal);
        Assert.StartsWith("scratch-check-", Path.GetFileName(a), StringComparison.Ordinal);
    }

    [Fact]   // the registration in Directory.Build.props, which removes the root before the test platform can kill the host
    public void Test_assemblies_run_under_the_scratch_cleaning_framework()
    {
        System.Reflection.CustomAttributeData framework = typeof(TestScratchTests).Assembly.GetCustomAttributesData()
            .Single(a => a.AttributeType == typeof(TestFrameworkAttribute));
        Assert.Equal(typeof(ScratchCleaningTestFramework).FullName, framework.ConstructorArguments[0].Value);
        Assert.Equal(typeof(ScratchCleaningTestFramework).Assembly.GetName().Name, framework.ConstructorArguments[1].Value);
    }

    [Fact]
    public void A_root_left_by_a_process_that_no_longer_runs_is_removed_when_a_new_root_starts()
    {
        // A test host killed by the runner leaves its root; the next test process removes it when it makes its own. Here the
        // sweep is called directly, with the root of a process that has exited and one named after this running process.
        using var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        string stale = Path.Combine(Path.GetTempPath(), $"emiss-tests-{gone.Id}-0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(stale, "bad-1"));
        string alive = Path.Combine(Path.GetTempPath(), $"emiss-tests-{Environment.ProcessId}-00000000000000000000000000000000");
        Directory.CreateDirectory(alive);
        try
        {
            TestScratch.RemoveStaleRoots();
            Assert.False(Directory.Exists(stale), "the root of an exited process must go");
            Assert.True(Directory.Exists(alive), "the root of a running process must stay");
        }
        finally
        {
            if (Directory.Exists(stale)) Directory.Delete(stale, recursive: true);
            Directory.Delete(alive, recursive: true);
        }
    }
}
