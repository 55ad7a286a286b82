using System.Reflection;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Architecture;

/// <summary>
/// The allowed-edge table of docs/ARCHITECTURE.md, checked against each assembly's references.
/// A layout change edits this table in the same commit.
/// </summary>
public class DependencyRulesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Emiss.Core"] = [],
        ["Emiss.Physics"] = ["Emiss.Core"],
        ["Emiss.Shower"] = ["Emiss.Physics", "Emiss.Core"],
        ["Emiss.Stats"] = ["Emiss.Core"],
        ["Emiss.Signal"] = ["Emiss.Shower", "Emiss.Physics", "Emiss.Core"],
        ["Emiss.Detector"] = ["Emiss.Shower", "Emiss.Physics", "Emiss.Core"],
        ["Emiss.Storage"] = ["Emiss.Detector", "Emiss.Core"],
        ["Emiss.Analysis"] = ["Emiss.Storage", "Emiss.Detector", "Emiss.Signal", "Emiss.Shower", "Emiss.Physics", "Emiss.Stats", "Emiss.Core"],
        ["Emiss.Reporting"] = ["Emiss.Analysis", "Emiss.Stats", "Emiss.Core"],
        ["emiss"] = ["*"],
    };

    public static TheoryData<string> EmissAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(AppContext.BaseDirectory, "Emiss.*.dll").Append(Path.Combine(AppContext.BaseDirectory, "emiss.dll")))
        {
            string name = Path.GetFileNameWithoutExtension(f);
            if (name.EndsWith(".Tests", StringComparison.Ordinal) || name == "Emiss.Testing") continue;
            data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EmissAssemblies))]
    public void Assembly_references_only_allowed_Emiss_assemblies(string name)
    {
        Assert.True(Allowed.TryGetValue(name, out string[]? allowed), $"{name} is not in the allowed-edge table; add it (and to docs/ARCHITECTURE.md)");
        if (allowed.Contains("*")) return;
        string[] refs = Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Emiss.", StringComparison.Ordinal) || n == "emiss").ToArray();
        Assert.All(refs, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void Core_references_only_the_base_class_library()
    {
        string[] refs = Assembly.Load("Emiss.Core").GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.All(refs, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r is "netstandard" or "mscorlib", $"Core references {r}"));
    }

    [Fact]
    public void Libraries_use_no_System_Random_and_no_clock_seeds()
    {
        // ARCHITECTURE.md: randomness only through RngStreams; no System.Random, no time-based seeds.
        string src = Path.Combine(RepoPaths.Root, "src");
        string[] forbidden = ["new Random(", "System.Random.Shared", "Random.Shared", "Environment.TickCount", "Guid.NewGuid"];
        var offences = new List<string>();
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal)) continue;
            string text = File.ReadAllText(file);
            foreach (string f in forbidden)
                if (text.Contains(f, StringComparison.Ordinal)) offences.Add($"{Path.GetRelativePath(src, file)}: {f}");
        }
        Assert.Empty(offences);
    }
}
