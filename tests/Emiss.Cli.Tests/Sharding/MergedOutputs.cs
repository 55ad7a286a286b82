using System.Buffers.Binary;
using System.Text;
using Emiss.Reporting.Embedding;
using Xunit;

namespace Emiss.Cli.Tests.Sharding;

/// <summary>
/// Compares a merged output directory with the single run's: the same files (timing.json aside), each with the same
/// bytes once the single run's recorded command line is replaced by the run's command without --threads and --out.
/// Text files are compared as text; PNGs chunk by chunk (text chunks as text, every other chunk byte for byte); PDFs
/// byte for byte up to their cross-reference table;
/// Parquet files by their data region (every page before the footer, whose metadata holds the command line).
/// </summary>
internal static class MergedOutputs
{
    public static void AssertSameAsSingleRun(string single, string singleCommand, string runCommand, string merged)
    {
        string[] expected = [.. Directory.GetFiles(single).Select(Path.GetFileName).Where(f => f != "timing.json").Order(StringComparer.Ordinal)!];
        Assert.Equal(expected, Directory.GetFiles(merged).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string f in expected)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(single, f)), b = File.ReadAllBytes(Path.Combine(merged, f));
            if (f.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(PngChunks(a).Where(c => c.Type != "tEXt" && c.Type != "iTXt").Select(c => Convert.ToHexString(c.Data)),
                             PngChunks(b).Where(c => c.Type != "tEXt" && c.Type != "iTXt").Select(c => Convert.ToHexString(c.Data)));
                Assert.Equal(PngTextChunks.Read(a).Select(kv => kv.Key + "=" + kv.Value.Replace(singleCommand, runCommand, StringComparison.Ordinal)),
                             PngTextChunks.Read(b).Select(kv => kv.Key + "=" + kv.Value));
            }
            else if (f.EndsWith(".pdf", StringComparison.Ordinal))
            {
                // The command line is the PDF's title; the cross-reference table after it holds byte offsets, which
                // move with the title's length: compare everything before it once the command is replaced.
                string pa = Encoding.Latin1.GetString(a).Replace(singleCommand, runCommand, StringComparison.Ordinal);
                string pb = Encoding.Latin1.GetString(b);
                Assert.Contains(runCommand, pb, StringComparison.Ordinal);
                Assert.True(pa[..pa.LastIndexOf("\nxref\n", StringComparison.Ordinal)] == pb[..pb.LastIndexOf("\nxref\n", StringComparison.Ordinal)], $"{f} differs from the single run");
            }
            else if (f.EndsWith(".parquet", StringComparison.Ordinal))
            {
                byte[] da = ShardedRuns.DataRegion(Path.Combine(single, f)), db = ShardedRuns.DataRegion(Path.Combine(merged, f));
                Assert.True(da.AsSpan().SequenceEqual(db), $"row data of {f} differs from the single run");
                Assert.Contains(runCommand, Encoding.UTF8.GetString(b), StringComparison.Ordinal);
            }
            else
            {
                string ta = Encoding.UTF8.GetString(a);
                Assert.Contains(singleCommand, ta, StringComparison.Ordinal);
                Assert.True(ta.Replace(singleCommand, runCommand, StringComparison.Ordinal) == Encoding.UTF8.GetString(b), $"{f} differs from the single run");
            }
        }
    }

    /// <summary>The chunks of a PNG (type and type + data bytes), after the 8-byte signature (ISO/IEC 15948 §5.3).</summary>
    private static List<(string Type, byte[] Data)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (int p = 8; p < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(p, 4));
            chunks.Add((Encoding.ASCII.GetString(png, p + 4, 4), png[(p + 4)..(p + 8 + length)]));
            p += 12 + length;
        }
        return chunks;
    }
}
