using System.Text.Json.Nodes;
using Emiss.Reporting.HepData;
using Emiss.Reporting.Report;
using Emiss.Testing;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>
/// The HEPData submission against HEPData's own JSON schemas 1.1.1 (HEPData/hepdata-validator,
/// hepdata_validator/schemas/1.1.1, copied under Schemas/hepdata-1.1.1): YAML read with YamlDotNet under PyYAML's
/// YAML 1.1 rules, converted to JSON, validated with JsonSchema.Net; and the values against the inputs.
/// </summary>
public class HepDataSubmissionTests
{
    private static readonly SchemaValidator HepData = new("hepdata-1.1.1");

    private static IReadOnlyDictionary<string, string> Files(AnalysisResult? r = null) =>
        HepDataSubmissionWriter.Format(r ?? OutputFixtures.Result(), OutputFixtures.Provenance);

    [Fact]
    public void Submission_and_every_table_validate_against_the_HEPData_schemas()
    {
        IReadOnlyDictionary<string, string> files = Files();
        IReadOnlyList<JsonNode?> docs = Yaml11ToJson.Documents(files["submission.yaml"]);
        Assert.Equal(1 + HepDataSubmissionWriter.TablesFor(OutputFixtures.Result()).Count, docs.Count);
        // hepdata-validator: the first document may hold submission-wide information (additional_info_schema), the others are tables.
        Assert.Null(HepData.Errors("additional_info_schema.json", docs[0]));
        foreach (JsonNode? table in docs.Skip(1))
        {
            Assert.Null(HepData.Errors("submission_schema.json", table));
            string dataFile = (string)table!["data_file"]!;
            Assert.True(files.ContainsKey(dataFile), $"submission.yaml names {dataFile}, which is not written");
            IReadOnlyList<JsonNode?> data = Yaml11ToJson.Documents(files[dataFile]);
            Assert.Single(data);
            Assert.Null(HepData.Errors("data_schema.json", data[0]));
        }
        Assert.Equal(HepDataSubmissionWriter.TablesFor(OutputFixtures.Result()).Append("submission.yaml").Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_schema_check_rejects_broken_tables()
    {
        IReadOnlyDictionary<string, string> files = Files();
        JsonNode table = Yaml11ToJson.Documents(files["submission.yaml"])[1]!;
        table.AsObject().Remove("data_file");
        Assert.NotNull(HepData.Errors("submission_schema.json", table));
        JsonNode data = Yaml11ToJson.Documents(files["limit.yaml"])[0]!;
        data["dependent_variables"]![0]!["values"]![0]!["errors"] = new JsonArray(new JsonObject { ["label"] = "no error value" });
        Assert.NotNull(HepData.Errors("data_schema.json", data));
    }

    [Fact]
    public void Every_number_is_a_YAML_1_1_number_and_every_file_starts_with_provenance()
    {
        foreach (var (name, text) in Files())
        {
            Assert.StartsWith("# emiss ", text, StringComparison.Ordinal);
            Assert.Contains("# command: emiss reproduce --config na64-2016\n", text, StringComparison.Ordinal);
            Assert.Contains("# seed: 20160901", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?m)^\s*-?\s*(value|symerror|minus|plus): [-+]?[0-9.]+E", text);
            _ = name;
        }
        Assert.Equal("1.0e-05", HepDataYaml.Format(1e-5));
        Assert.Equal("2750000000.0", HepDataYaml.Format(2.75e9));
        Assert.Equal("-1.5e-20", HepDataYaml.Format(-1.5e-20));
        Assert.Equal("0.15", HepDataYaml.Format(0.15));
        Assert.Equal("3.0", HepDataYaml.Format(3));
    }

    [Fact]
    public void Limit_tables_hold_the_limit_rows_of_every_mediator_and_of_the_dark_matter_plane()
    {
        AnalysisResult r = OutputFixtures.Result();
        IReadOnlyDictionary<string, string> files = Files(r);
        CheckLimitTable(files["limit.yaml"], r.Limit, "m(A')", "epsilon");
        foreach (MediatorLimit m in r.OtherMediators)
        {
            JsonNode t = CheckLimitTable(files[$"limit-{m.Mediator}.yaml"], m.Limit, "m(A')", "epsilon");
            Assert.Equal(m.Mediator, Qualifier(t["dependent_variables"]![0]!, "Mediator"));
        }
        JsonNode dm = CheckLimitTable(files["dark-matter.yaml"], r.DarkMatter!.Rows, "m(chi)", "y");
        Assert.Equal("0.5", Qualifier(dm["dependent_variables"]![1]!, "alpha_D"));
        Assert.Equal(3.0, double.Parse(Qualifier(dm["dependent_variables"]![1]!, "m(A')/m(chi)"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static JsonNode CheckLimitTable(string yaml, IReadOnlyList<LimitRow> rows, string xName, string yName)
    {
        JsonNode t = Yaml11ToJson.Documents(yaml)[0]!;
        Assert.Equal(xName, (string)t["independent_variables"]![0]!["header"]!["name"]!);
        Assert.Equal(yName, (string)t["dependent_variables"]![0]!["header"]!["name"]!);
        var masses = t["independent_variables"]![0]!["values"]!.AsArray().Select(v => (double)v!["value"]!).ToArray();
        Assert.Equal(rows.Select(l => l.MassMeV), masses);
        var observed = t["dependent_variables"]![0]!["values"]!.AsArray();
        var expected = t["dependent_variables"]![1]!["values"]!.AsArray();
        for (int i = 0; i < rows.Count; i++)
        {
            LimitRow l = rows[i];
            if (!double.IsFinite(l.Observed))
            {
                // HEPData's "no value" where the limit is infinite (no signal above the threshold).
                Assert.Equal("-", (string)observed[i]!["value"]!);
                continue;
            }
            Assert.Equal(l.Observed, (double)observed[i]!["value"]!);
            Assert.Equal(l.ExpectedMedian, (double)expected[i]!["value"]!);
            var errors = expected[i]!["errors"]!.AsArray();
            JsonNode one = errors.Single(e => (string)e!["label"]! == "1 sigma")!["asymerror"]!, two = errors.Single(e => (string)e!["label"]! == "2 sigma")!["asymerror"]!;
            double tol = 1e-15 * l.ExpectedPlus2Sigma;
            Assert.Equal(l.ExpectedMinus1Sigma, l.ExpectedMedian + (double)one["minus"]!, tol);
            Assert.Equal(l.ExpectedPlus1Sigma, l.ExpectedMedian + (double)one["plus"]!, tol);
            Assert.Equal(l.ExpectedMinus2Sigma, l.ExpectedMedian + (double)two["minus"]!, tol);
            Assert.Equal(l.ExpectedPlus2Sigma, l.ExpectedMedian + (double)two["plus"]!, tol);
        }
        return t;
    }

    [Fact]
    public void Cut_flow_backgrounds_and_efficiency_tables_hold_the_inputs()
    {
        AnalysisResult r = OutputFixtures.Result();
        IReadOnlyDictionary<string, string> files = Files(r);

        JsonNode cf = Yaml11ToJson.Documents(files["cutflow.yaml"])[0]!;
        string[] cuts = cf["independent_variables"]![0]!["values"]!.AsArray().Select(v => (string)v!["value"]!).ToArray();
        int checkedCells = 0;
        foreach (JsonNode? dep in cf["dependent_variables"]!.AsArray())
        {
            string run = Qualifier(dep!, "Run"), sample = Qualifier(dep!, "Sample"), what = (string)dep!["header"]!["name"]!;
            var values = dep["values"]!.AsArray();
            for (int i = 0; i < cuts.Length; i++)
            {
                CutFlowRow? row = r.CutFlow.SingleOrDefault(c => c.Run == run && c.Sample == sample && c.Cut == cuts[i]);
                if (row is null) { Assert.Equal("-", (string)values[i]!["value"]!); continue; }
                Assert.Equal(what == "Events" ? row.Events : row.Efficiency, (double)values[i]!["value"]!);
                checkedCells++;
            }
        }
        Assert.Equal(2 * r.CutFlow.Count, checkedCells);

        JsonNode bg = Yaml11ToJson.Documents(files["backgrounds.yaml"])[0]!;
        string[] sources = bg["independent_variables"]![0]!["values"]!.AsArray().Select(v => (string)v!["value"]!).ToArray();
        int checkedBackgrounds = 0;
        foreach (JsonNode? dep in bg["dependent_variables"]!.AsArray())
        {
            string run = Qualifier(dep!, "Run");
            Assert.Equal(r.Runs.Single(x => x.Name == run).ElectronsOnTarget, double.Parse(Qualifier(dep!, "EOT"), System.Globalization.CultureInfo.InvariantCulture));
            for (int i = 0; i < sources.Length; i++)
            {
                JsonNode cell = dep!["values"]![i]!;
                BackgroundEstimate? b = r.Backgrounds.SingleOrDefault(x => x.Run == run && x.Source == sources[i]);
                if (b is null) { Assert.Equal("-", (string)cell["value"]!); continue; }
                Assert.Equal(b.Expected, (double)cell["value"]!);
                Assert.Equal(b.StatError, (double)cell["errors"]!.AsArray().Single(e => (string)e!["label"]! == "stat")!["symerror"]!);
                Assert.Equal(b.SystError, (double)cell["errors"]!.AsArray().Single(e => (string)e!["label"]! == "sys")!["symerror"]!);
                checkedBackgrounds++;
            }
        }
        Assert.Equal(r.Backgrounds.Count, checkedBackgrounds);

        JsonNode eff = Yaml11ToJson.Documents(files["efficiency.yaml"])[0]!;
        double[] masses = eff["independent_variables"]![0]!["values"]!.AsArray().Select(v => (double)v!["value"]!).ToArray();
        foreach (JsonNode? dep in eff["dependent_variables"]!.AsArray())
        {
            string run = Qualifier(dep!, "Run"), factor = Qualifier(dep!, "Factor");
            for (int i = 0; i < masses.Length; i++)
            {
                EfficiencyRow row = r.Efficiencies.Single(e => e.Run == run && e.MassMeV == masses[i]);
                // The overall efficiency is the product of the factors, computed here independently of EfficiencyRow.Overall.
                double want = factor == "overall" ? row.Factors.Select(f => f.Value).Aggregate(1.0, (a, b) => a * b) : row.Factors.Single(f => f.Name == factor).Value;
                Assert.Equal(want, (double)dep!["values"]![i]!["value"]!, 1e-15);
            }
        }
        Assert.Equal(r.Runs.Count * 6, eff["dependent_variables"]!.AsArray().Count);
    }

    [Fact]
    public void Written_folder_holds_exactly_the_formatted_files()
    {
        string dir = Path.Combine(TestScratch.NewDirectory("hepdata"), HepDataSubmissionWriter.FolderName);
        try
        {
            AnalysisResult r = OutputFixtures.Result();
            HepDataSubmissionWriter.Write(dir, r, OutputFixtures.Provenance);
            IReadOnlyDictionary<string, string> files = Files(r);
            Assert.Equal(files.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var (name, text) in files) Assert.Equal(text, File.ReadAllText(Path.Combine(dir, name)));
            HepDataSubmissionWriter.Write(dir, r, OutputFixtures.Provenance); // a rerun replaces its own folder
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, true);
        }
    }

    private static string Qualifier(JsonNode dep, string name) =>
        dep["qualifiers"]!.AsArray().Single(q => (string)q!["name"]! == name)!["value"]!.ToString();
}
