using System.Text;
using Emiss.Reporting.Embedding;
using Xunit;

namespace Emiss.Reporting.Tests;

public class PngTextChunksTests
{
    // Smallest valid PNG: 1×1 greyscale, IDAT = zlib(filter 0, pixel 0). Chunk CRCs computed independently
    // (zlib.crc32); IEND's CRC AE 42 60 82 is the same in every PNG.
    private static byte[] TinyPng() => Convert.FromHexString(
        "89504E470D0A1A0A" +
        "0000000D49484452000000010000000108000000003A7E9B55" +
        "0000000A49444154789C6360000000020001" + "48AFA471" +
        "0000000049454E44AE426082");

    [Fact]
    public void Crc_matches_the_standard_check_values()
    {
        // CRC-32 check value of "123456789" is 0xCBF43926 (ISO 3309); every PNG's IEND CRC is 0xAE426082.
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
        Assert.Equal(0x3A7E9B55u, Crc32.Compute(Convert.FromHexString("4948445200000001000000010800000000")));
    }

    [Fact]
    public void Inserted_chunks_read_back_with_valid_crcs_before_IEND()
    {
        byte[] png = TinyPng();
        Assert.True(PngTextChunks.HasValidChunkCrcs(png));
        var entries = new[]
        {
            new KeyValuePair<string, string>("emiss.git_commit", "0123abcd"),
            new KeyValuePair<string, string>("emiss.run_card", "ε: 1e-3\nname: test"),
        };
        byte[] withText = PngTextChunks.Insert(png, entries);
        Assert.True(PngTextChunks.HasValidChunkCrcs(withText));
        Assert.Equal(entries, PngTextChunks.Read(withText));
        Assert.Equal(png[^12..], withText[^12..]); // IEND stays last
        string ascii = Encoding.Latin1.GetString(withText);
        Assert.Contains("tEXtemiss.git_commit\00123abcd", ascii, StringComparison.Ordinal);
        Assert.Contains("iTXtemiss.run_card", ascii, StringComparison.Ordinal);

        // Corrupt one byte of the text: its CRC must no longer match.
        int at = ascii.IndexOf("0123abcd", StringComparison.Ordinal);
        withText[at] ^= 0x01;
        Assert.False(PngTextChunks.HasValidChunkCrcs(withText));
    }

    [Fact]
    public void Rejects_non_png_and_bad_keywords()
    {
        Assert.Throws<InvalidDataException>(() => PngTextChunks.Insert("not a png at all"u8, []));
        Assert.Throws<ArgumentException>(() => PngTextChunks.Insert(TinyPng(), [new("", "x")]));
        Assert.Throws<ArgumentException>(() => PngTextChunks.Insert(TinyPng(), [new(new string('k', 80), "x")]));
    }
}
