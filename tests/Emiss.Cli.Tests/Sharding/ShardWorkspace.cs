using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>A temporary working directory in which the sharding tests run emiss as a process, logging each call.</summary>
public abstract class ShardWorkspace(ITestOutputHelper log, string name) : IDisposable
{
    /// <summary>The working directory (removed on dispose).</summary>
    protected string Work { get; } = TestScratch.NewDirectory(name);

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(Work, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs emiss in <see cref="Work"/> and logs the call with its output.</summary>
    protected (int Code, string Stdout, string Stderr) Emiss(params string[] args) => EmissWithin(TimeSpan.FromMinutes(3), args);

    /// <summary>Runs emiss in <see cref="Work"/>, killed after <paramref name="limit"/>, and logs the call with its output.</summary>
    protected (int Code, string Stdout, string Stderr) EmissWithin(TimeSpan limit, params string[] args)
    {
        var r = EmissProcess.RunIn(Work, new Dictionary<string, string>(), limit, args);
        log.WriteLine($"emiss {string.Join(' ', args)} → {r.ExitCode}\n{r.Stdout}{r.Stderr}");
        return r;
    }

    /// <summary>
    /// Runs <c>emiss merge run</c> in <see cref="Work"/> and requires the refusal: exit code 2, one error line starting
    /// with <paramref name="start"/>, and nothing at <paramref name="mergedOutput"/> (a refused merge writes nothing).
    /// </summary>
    protected void MergeFails(string start, string mergedOutput)
    {
        var (code, stdout, stderr) = Emiss("merge", "run");
        Assert.Equal(2, code);
        Assert.True(stderr.StartsWith(start, StringComparison.Ordinal), stderr + stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(mergedOutput) || Directory.Exists(mergedOutput), "a refused merge writes nothing");
    }

    /// <summary>Runs emiss in <see cref="Work"/> and requires exit code 0.</summary>
    protected void Succeeds(params string[] args)
    {
        var (code, stdout, stderr) = Emiss(args);
        Assert.True(code == 0, stderr + stdout);
    }
}
