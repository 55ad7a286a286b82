using System.Net;
using System.Text.RegularExpressions;
using Emiss.Reporting.Report;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>The report's Table I carries the pseudo-data's note per row (which sources sum to it, which only bound it,
/// which are zero by kinematics), escaped, and no note column when there are none.</summary>
public sealed class TableINotesTests
{
    private static string TableI(string html)
    {
        int start = html.IndexOf("<h3>Table I: ours versus the seed's</h3>", StringComparison.Ordinal);
        Assert.True(start >= 0, "the report has a Table I");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Each_row_shows_its_note_escaped_and_rows_without_one_an_empty_cell()
    {
        const string target = "sources: muon-brem-target + charge-exchange; charge-exchange: no simulated event reached the box, 90% CL bound 0.000362963 + 0.000106942 events";
        const string beamLine = "upstream-interaction: 0 by kinematics: E < 80 GeV & <S3>";
        AnalysisResult r = OutputFixtures.Result() with
        {
            TableINotes = new Dictionary<SeedTableRow, string> { [SeedTableRow.TargetInteractions] = target, [SeedTableRow.BeamlineInteractions] = beamLine },
        };
        string table = TableI(HtmlReportWriter.Format(r, OutputFixtures.Provenance));
        Assert.Contains("<th>note</th>", table, StringComparison.Ordinal);
        string[] rows = [.. Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];
        string Row(string text) => rows.Single(x => x.Contains(WebUtility.HtmlEncode(text), StringComparison.Ordinal));
        string LastCell(string row) => Regex.Matches(row, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)[^1].Groups[1].Value;
        Assert.Equal(WebUtility.HtmlEncode(target), LastCell(Row("μ, π, K interactions in the target")));
        Assert.Equal(WebUtility.HtmlEncode(beamLine), LastCell(Row("e⁻ interactions in the beam-line materials")));
        Assert.DoesNotContain("<S3>", table, StringComparison.Ordinal);
        Assert.Equal("", LastCell(Row("loss of hadrons from e⁻Z → e⁻ + hadrons")));
        // Every body row has the same number of cells as the header.
        int columns = Regex.Count(table, "<th>") - 1;   // the total row's label is a <th>
        Assert.All(rows.Skip(1), x => Assert.Equal(5, Regex.Count(x, "<t[dh][ >]")));
        Assert.Equal(5, columns);
    }

    [Fact]
    public void Without_notes_the_table_keeps_its_four_columns()
    {
        string table = TableI(HtmlReportWriter.Format(OutputFixtures.Result(), OutputFixtures.Provenance));
        Assert.DoesNotContain("<th>note</th>", table, StringComparison.Ordinal);
    }
}
