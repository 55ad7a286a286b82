using System.Text.Json;
using System.Text.Json.Nodes;
using Emiss.Testing;
using Json.Schema;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>Validates JSON against the published schemas copied under tests/Emiss.Reporting.Tests/Schemas (see its README), with JsonSchema.Net.</summary>
internal sealed class SchemaValidator
{
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>Loads every schema of <paramref name="folder"/> (e.g. "pyhf-1.0.0") into one registry, so their relative $refs resolve offline.</summary>
    public SchemaValidator(string folder)
    {
        string dir = Path.Combine(RepoPaths.Root, "tests", "Emiss.Reporting.Tests", "Schemas", folder);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        // References are resolved while a schema is built, so a schema is built after those it refers to: repeat
        // passes until all are built; a pass without progress means a reference that cannot resolve.
        var pending = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            int before = pending.Count;
            Exception? last = null;
            foreach (string file in pending.ToArray())
            {
                try
                {
                    _schemas[Path.GetFileName(file)] = JsonSchema.FromText(File.ReadAllText(file), options);
                    pending.Remove(file);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    last = e;
                }
            }
            if (pending.Count == before) throw new InvalidOperationException($"schemas in {dir} do not build: {last?.Message}", last);
        }
    }

    /// <summary>The schema's verdict on <paramref name="instance"/>: null when valid, else the errors with their locations.</summary>
    public string? Errors(string schemaFile, JsonNode? instance)
    {
        using JsonDocument doc = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        EvaluationResults results = _schemas[schemaFile].Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return null;
        var lines = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
        return string.Join("\n", lines.DefaultIfEmpty("invalid (no details)"));
    }
}
