using Emiss.Physics.DarkProduction;
using Emiss.Testing;
using Xunit;

namespace Emiss.Physics.Tests.Validation;

/// <summary>
/// docs/ARCHITECTURE.md: "a new model needs a class, a registry line, a docs/physics/ page and a validation
/// folder, and a test checks that all four exist". The index docs/physics/README.md holds one table row per
/// registry key: | `key` | `ClassName` | [page.md](page.md) | `SomeValidationTests.cs`, … |. Adding a key to
/// <see cref="DarkProductionModels.All"/> without a row, a page and a validation file fails this test.
/// </summary>
public sealed class ModelDocumentationTests
{
    private const string IndexRelativePath = "docs/physics/README.md";
    private static readonly string PhysicsDocs = Path.Combine(RepoPaths.Root, "docs", "physics");
    private static readonly string ValidationFolder = Path.Combine(RepoPaths.Root, "tests", "Emiss.Physics.Tests", "Validation");

    /// <summary>Every registry key, in a fixed order, one test case each.</summary>
    public static TheoryData<string> RegistryKeys()
    {
        var data = new TheoryData<string>();
        foreach (string key in DarkProductionModels.All.Keys.Order(StringComparer.Ordinal)) data.Add(key);
        return data;
    }

    [Theory]
    [MemberData(nameof(RegistryKeys))]
    public void Registry_key_has_a_model_an_index_row_a_page_and_a_validation_file(string key)
    {
        // (a) the factory builds a model that answers to its key
        IDarkProductionModel model = DarkProductionModels.All[key]();
        Assert.Equal(key, model.Name);
        string className = model.GetType().Name;

        // (b) the index has a row for the key, linking a page that exists and names the key
        IndexRow row = IndexRows().SingleOrDefault(r => r.Key == key)
                       ?? throw new Xunit.Sdk.XunitException($"{IndexRelativePath} has no table row for registry key '{key}'");
        Assert.False(string.IsNullOrEmpty(row.Page), $"{IndexRelativePath}: row '{key}' links no page");
        string page = Path.Combine(PhysicsDocs, row.Page);
        Assert.True(File.Exists(page), $"{IndexRelativePath}: row '{key}' links {row.Page}, which does not exist in docs/physics");
        Assert.Contains("`" + key + "`", File.ReadAllText(page), StringComparison.Ordinal);

        // (c) the index names the class that implements the key
        Assert.True(row.Class == className, $"{IndexRelativePath}: row '{key}' names class '{row.Class}', the registry builds '{className}'");

        // (d) the row names validation files that exist under Validation/, and one of them exercises the class,
        // the mediator, or the vector model of the same approximation that the S/P/A "etl" correction is built on
        Assert.True(row.ValidationFiles.Count > 0, $"{IndexRelativePath}: row '{key}' lists no validation test file");
        string[] evidence =
        [
            className,
            "Mediator." + model.Mediator,
            DarkProductionModels.Create(Mediator.Vector, model.Approximation).GetType().Name,
        ];
        bool exercised = false;
        foreach (string file in row.ValidationFiles)
        {
            string path = Path.Combine(ValidationFolder, file);
            Assert.True(File.Exists(path), $"{IndexRelativePath}: row '{key}' lists {file}, which is not in tests/Emiss.Physics.Tests/Validation");
            Assert.NotEqual(nameof(ModelDocumentationTests) + ".cs", file); // this file names every class; it validates none
            string source = File.ReadAllText(path);
            exercised |= evidence.Any(e => source.Contains(e, StringComparison.Ordinal));
        }
        Assert.True(exercised, $"no validation file listed for '{key}' references any of: {string.Join(", ", evidence)}");
    }

    [Fact]
    public void Index_lists_no_key_that_the_registry_lacks()
    {
        IReadOnlyList<IndexRow> rows = IndexRows();
        Assert.True(rows.Count >= DarkProductionModels.All.Count, $"{IndexRelativePath}: {rows.Count} rows for {DarkProductionModels.All.Count} registry keys");
        foreach (IndexRow r in rows)
            Assert.True(DarkProductionModels.All.ContainsKey(r.Key), $"{IndexRelativePath} documents '{r.Key}', which is not a registry key");
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_page_linked_from_the_index_exists()
    {
        string index = File.ReadAllText(Path.Combine(PhysicsDocs, "README.md"));
        foreach (string link in Links(index))
            Assert.True(File.Exists(Path.Combine(PhysicsDocs, link)), $"{IndexRelativePath} links {link}, which does not exist");
    }

    private sealed record IndexRow(string Key, string Class, string Page, IReadOnlyList<string> ValidationFiles);

    /// <summary>Table rows of the index whose first cell is a backticked registry-style key "mediator-approximation".</summary>
    private static List<IndexRow> IndexRows()
    {
        string path = Path.Combine(PhysicsDocs, "README.md");
        Assert.True(File.Exists(path), $"{IndexRelativePath} is missing");
        var rows = new List<IndexRow>();
        foreach (string line in File.ReadAllLines(path))
        {
            if (!line.TrimStart().StartsWith('|')) continue;
            string[] cells = line.Trim().Trim('|').Split('|');
            if (cells.Length < 4) continue;
            List<string> keyCell = Backticked(cells[0]);
            if (keyCell.Count != 1 || !keyCell[0].Contains('-', StringComparison.Ordinal)) continue;
            List<string> classCell = Backticked(cells[1]);
            List<string> pages = Links(cells[2]);
            List<string> files = Backticked(cells[3]).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).ToList();
            rows.Add(new IndexRow(keyCell[0], classCell.Count == 1 ? classCell[0] : "", pages.Count == 1 ? pages[0] : "", files));
        }
        return rows;
    }

    private static List<string> Backticked(string text)
    {
        var found = new List<string>();
        int i = 0;
        while ((i = text.IndexOf('`', i)) >= 0)
        {
            int j = text.IndexOf('`', i + 1);
            if (j < 0) break;
            found.Add(text[(i + 1)..j].Trim());
            i = j + 1;
        }
        return found;
    }

    /// <summary>Relative Markdown link targets "](target)" that point at .md files in the same folder.</summary>
    private static List<string> Links(string text)
    {
        var found = new List<string>();
        int i = 0;
        while ((i = text.IndexOf("](", i, StringComparison.Ordinal)) >= 0)
        {
            int j = text.IndexOf(')', i + 2);
            if (j < 0) break;
            string target = text[(i + 2)..j].Trim();
            int hash = target.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) target = target[..hash];
            if (target.EndsWith(".md", StringComparison.Ordinal) && !target.Contains('/', StringComparison.Ordinal)) found.Add(target);
            i = j + 1;
        }
        return found;
    }
}
