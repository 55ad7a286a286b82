using Emiss.Reporting.Embedding;
using Emiss.Reporting.Report;
using Emiss.Testing;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>The report's figures as files: every figure with data, each as PNG and SVG carrying the provenance and what it shows.</summary>
public class ReportFigureFilesTests
{
    [Fact]
    public void Writes_each_figure_as_png_and_svg_with_provenance()
    {
        string dir = TestScratch.NewDirectory("report-figures");
        try
        {
            IReadOnlyList<string> files = ReportFigureFiles.Write(dir, OutputFixtures.Result(), OutputFixtures.Provenance);
            string[] stems = ["plane-before", "plane-after", "cutflow", "limit", "limit-scalar", "limit-pseudoscalar", "mediators", "dark-matter-plane"];
            // Every figure also as PDF; the comparison and the dark-matter plane with the CSV of their curves (the others'
            // curves are the report's CSV tables: cutflow.csv, limit.csv, …).
            Assert.Equal(stems[..^2].SelectMany(s => new[] { s + ".png", s + ".svg", s + ".pdf" }).Concat(stems[^2..].SelectMany(s => new[] { s + ".png", s + ".svg", s + ".pdf", s + ".csv" })), files);
            Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var want = OutputFixtures.Provenance.ToKeyValues().ToDictionary(kv => kv.Key, kv => kv.Value);
            foreach (string stem in stems)
            {
                byte[] png = File.ReadAllBytes(Path.Combine(dir, stem + ".png"));
                Assert.True(PngTextChunks.HasValidChunkCrcs(png), stem);
                var text = PngTextChunks.Read(png).ToDictionary(kv => kv.Key, kv => kv.Value);
                var svg = SvgMetadata.Read(File.ReadAllText(Path.Combine(dir, stem + ".svg"))).ToDictionary(kv => kv.Key, kv => kv.Value);
                foreach (var d in new[] { text, svg })
                {
                    foreach (string key in new[] { "emiss.version", "emiss.git_commit", "emiss.command", "emiss.seed", "emiss.run_card" })
                        Assert.Equal(want[key], d[key]);
                    Assert.StartsWith(want["emiss.notes"], d["emiss.notes"], StringComparison.Ordinal);
                    Assert.Contains("figure: ", d["emiss.notes"], StringComparison.Ordinal);
                }
            }
            Assert.Contains("BaBar 2017 (test curve)", File.ReadAllText(Path.Combine(dir, "limit.svg")), StringComparison.Ordinal);

            // A further mediator's plot takes its own provenance (its run card) when one is given.
            var scalar = new Emiss.Core.IO.Provenance("emiss reproduce", 20160901UL, "name: scalar card\n");
            ReportFigureFiles.Write(dir, OutputFixtures.Result(), OutputFixtures.Provenance, new Dictionary<string, Emiss.Core.IO.Provenance> { ["scalar"] = scalar });
            Assert.Equal("name: scalar card\n", SvgMetadata.Read(File.ReadAllText(Path.Combine(dir, "limit-scalar.svg"))).Single(kv => kv.Key == "emiss.run_card").Value);
            Assert.Equal(want["emiss.run_card"], SvgMetadata.Read(File.ReadAllText(Path.Combine(dir, "limit.svg"))).Single(kv => kv.Key == "emiss.run_card").Value);
            Assert.DoesNotContain("BaBar", File.ReadAllText(Path.Combine(dir, "limit-scalar.svg")), StringComparison.Ordinal);

            // The comparison draws the g−2 band of the vector and the scalar, not of the pseudoscalar (no band: Δa_μ < 0).
            string[] curves = [.. File.ReadAllLines(Path.Combine(dir, "mediators.csv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')[0]).Distinct()];
            Assert.Equal(["(g−2)μ ±2σ (vector)", "(g−2)μ ±2σ (scalar)", "vector", "scalar", "pseudoscalar"], curves);
            // The dark-matter plane: the result's y curve and every reference, cited on the plot.
            string dm = File.ReadAllText(Path.Combine(dir, "dark-matter-plane.svg"));
            foreach (string label in new[] { "this analysis (observed)", "BaBar 2017", "scalar relic", "pseudo-Dirac relic", "Majorana relic", "PRL 119, 131804", "Crivelli" })
                Assert.Contains(label, dm, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Figure_files_are_deterministic()
    {
        string a = TestScratch.NewDirectory("report-figures-a"), b = TestScratch.NewDirectory("report-figures-b");
        try
        {
            IReadOnlyList<string> files = ReportFigureFiles.Write(a, OutputFixtures.Result(), OutputFixtures.Provenance);
            Assert.Equal(files, ReportFigureFiles.Write(b, OutputFixtures.Result(), OutputFixtures.Provenance));
            foreach (string f in files) Assert.True(File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))), f + " differs");
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }
}
