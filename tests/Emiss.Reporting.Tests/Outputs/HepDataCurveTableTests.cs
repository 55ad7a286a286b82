using System.Text.Json.Nodes;
using Emiss.Reporting.HepData;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>Curve tables (projections, the dark-matter plane) against HEPData's schemas 1.1.1, and their values.</summary>
public class HepDataCurveTableTests
{
    private static readonly SchemaValidator HepData = new("hepdata-1.1.1");

    [Fact]
    public void A_projection_submission_validates_and_keeps_band_edges_as_signed_errors()
    {
        double[] m = [1, 10, 100];
        var curve = new HepDataCurve("epsilon", [("EOT", "1e13"), ("CL", "90%")], [1e-5, 2e-5, double.PositiveInfinity],
            [0.8e-5, 1.7e-5, double.NaN], [1.3e-5, 2.5e-5, double.NaN], [0.7e-5, 1.5e-5, double.NaN], [1.6e-5, 3e-5, double.NaN]);
        var table = new HepDataTable("hepdata_projection.yaml", "Projected limit", "Expected limits", "EPSILON", "E- NUCLEUS --> E- NUCLEUS A'",
            HepDataCurveTable.Build("m(A')", "MeV", m, [curve]));
        IReadOnlyDictionary<string, string> files = HepDataSubmission.Format("projection", [table], OutputFixtures.Provenance.ToCommentBlock());
        IReadOnlyList<JsonNode?> docs = Yaml11ToJson.Documents(files["submission.yaml"]);
        Assert.Null(HepData.Errors("additional_info_schema.json", docs[0]));
        Assert.Null(HepData.Errors("submission_schema.json", docs[1]));
        JsonNode? data = Assert.Single(Yaml11ToJson.Documents(files["hepdata_projection.yaml"]));
        Assert.Null(HepData.Errors("data_schema.json", data));
        JsonNode first = data!["dependent_variables"]![0]!["values"]![0]!;
        Assert.Equal(1e-5, (double)first["value"]!, 1e-18);
        Assert.Equal(0.8e-5 - 1e-5, (double)first["errors"]![0]!["asymerror"]!["minus"]!, 1e-18);
        Assert.Equal(1.6e-5 - 1e-5, (double)first["errors"]![1]!["asymerror"]!["plus"]!, 1e-18);
        Assert.Equal("-", (string)data["dependent_variables"]![0]!["values"]![2]!["value"]!);
    }
}
