using System.Buffers.Binary;
using System.Text;

namespace Emiss.Reporting.Embedding;

/// <summary>
/// Adds and reads PNG text chunks (ISO/IEC 15948 §11.3.4): tEXt (Latin-1) when the value fits
/// Latin-1, otherwise uncompressed iTXt (UTF-8). Chunks are inserted just before IEND with their CRC.
/// </summary>
public static class PngTextChunks
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Returns a copy of <paramref name="png"/> with one text chunk per entry inserted before IEND.</summary>
    /// <param name="png">A complete PNG file.</param>
    /// <param name="entries">Keyword/value pairs; keywords are 1–79 Latin-1 characters without NUL.</param>
    public static byte[] Insert(ReadOnlySpan<byte> png, IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int iend = FindChunk(png, "IEND");
        using var ms = new MemoryStream(png.Length + 1024);
        ms.Write(png[..iend]);
        foreach (var (key, value) in entries) WriteTextChunk(ms, key, value);
        ms.Write(png[iend..]);
        return ms.ToArray();
    }

    /// <summary>Reads all tEXt and uncompressed iTXt chunks as keyword/value pairs, in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(ReadOnlySpan<byte> png)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (type, offset, length) in Chunks(png))
        {
            ReadOnlySpan<byte> data = png.Slice(offset + 8, length);
            if (type == "tEXt")
            {
                int nul = data.IndexOf((byte)0);
                if (nul < 0) throw new InvalidDataException("tEXt chunk without keyword separator");
                result.Add(new(Latin1.GetString(data[..nul]), Latin1.GetString(data[(nul + 1)..])));
            }
            else if (type == "iTXt")
            {
                int nul = data.IndexOf((byte)0);
                if (nul < 0 || data.Length < nul + 3) throw new InvalidDataException("malformed iTXt chunk");
                string key = Latin1.GetString(data[..nul]);
                if (data[nul + 1] != 0) throw new NotSupportedException("compressed iTXt chunks are not read");
                ReadOnlySpan<byte> rest = data[(nul + 3)..];
                int lang = rest.IndexOf((byte)0);
                rest = rest[(lang + 1)..];
                int translated = rest.IndexOf((byte)0);
                result.Add(new(key, Encoding.UTF8.GetString(rest[(translated + 1)..])));
            }
        }
        return result;
    }

    /// <summary>True when the signature is valid and every chunk's CRC matches its type and data.</summary>
    public static bool HasValidChunkCrcs(ReadOnlySpan<byte> png)
    {
        foreach (var (_, offset, length) in Chunks(png))
        {
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(offset + 8 + length, 4));
            if (Crc32.Compute(png.Slice(offset + 4, 4 + length)) != stored) return false;
        }
        return true;
    }

    private static void WriteTextChunk(Stream s, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Length is 0 or > 79 || key.Contains('\0', StringComparison.Ordinal) || !IsLatin1(key))
            throw new ArgumentException($"PNG text keyword '{key}' must be 1–79 Latin-1 characters without NUL", nameof(key));
        byte[] keyBytes = Latin1.GetBytes(key);
        byte[] data;
        string type;
        if (IsLatin1(value) && !value.Contains('\0', StringComparison.Ordinal))
        {
            type = "tEXt";
            data = [.. keyBytes, 0, .. Latin1.GetBytes(value)];
        }
        else
        {
            // iTXt: keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text.
            type = "iTXt";
            data = [.. keyBytes, 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(value)];
        }
        Span<byte> u32 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(u32, (uint)data.Length);
        s.Write(u32);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        s.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(u32, Crc32.Compute(typeAndData));
        s.Write(u32);
    }

    private static bool IsLatin1(string s)
    {
        foreach (char c in s) if (c > 0xFF) return false;
        return true;
    }

    private static int FindChunk(ReadOnlySpan<byte> png, string type)
    {
        foreach (var (t, offset, _) in Chunks(png))
            if (t == type) return offset;
        throw new InvalidDataException($"PNG has no {type} chunk");
    }

    /// <summary>(type, offset of the length field, data length) for each chunk.</summary>
    private static List<(string Type, int Offset, int Length)> Chunks(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature)) throw new InvalidDataException("not a PNG file (bad signature)");
        var chunks = new List<(string, int, int)>();
        int pos = 8;
        while (pos + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(pos, 4));
            if (length > int.MaxValue || pos + 12 + (long)length > png.Length) throw new InvalidDataException($"truncated PNG chunk at byte {pos}");
            string type = Encoding.ASCII.GetString(png.Slice(pos + 4, 4));
            chunks.Add((type, pos, (int)length));
            pos += 12 + (int)length;
            if (type == "IEND") break;
        }
        return chunks;
    }
}
