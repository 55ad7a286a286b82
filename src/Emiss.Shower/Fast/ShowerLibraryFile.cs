using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Fast;

/// <summary>
/// The on-disk form of a <see cref="ShowerLibrary"/> (<see cref="ShowerLibraryDiskCache"/>; docs/physics/fast-mode.md#library-cache).
/// Header (little-endian, 84 bytes): magic <c>EMISSLIB</c>, format version (int32), the key digest (32 bytes, raw
/// SHA-256 of <see cref="ShowerLibraryKey.Digest()"/>'s hex), payload length (int64), SHA-256 of the payload (32 bytes).
/// Payload: the lower end (double), the bin count (int32), then each stored array as its length (int64) and its raw
/// little-endian elements: entry starts, totals, escaped energies, slab offsets, packed spots, segment starts, packed
/// segments, invisible starts, processes and energies. The arrays are the library's own, so a loaded library transports
/// bit for bit like the built one. A file with a wrong magic, version or key, a length that disagrees with the file, or a
/// payload whose checksum differs is rejected whole (<see cref="InvalidDataException"/>).
/// </summary>
internal static class ShowerLibraryFile
{
    /// <summary>Format version; part of the key digest, so a new format never reads an old file.</summary>
    public const int FormatVersion = 2;

    private const int HeaderBytes = 8 + 4 + 32 + 8 + 32;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("EMISSLIB");

    /// <summary>Writes <paramref name="library"/> with key digest <paramref name="digest"/> to the seekable <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ShowerLibrary library, string digest)
    {
        RequireLittleEndian();
        var s = library.Stored;
        long start = stream.Position;
        stream.Write(new byte[HeaderBytes]);   // filled in once the payload's length and checksum are known
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        void Put(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            hash.AppendData(bytes);
            length += bytes.Length;
        }
        void PutArray<T>(T[] a) where T : struct
        {
            Span<byte> n = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(n, a.LongLength);
            Put(n);
            Put(MemoryMarshal.AsBytes(a.AsSpan()));
        }
        PutArray(new[] { s.MinGeV });
        PutArray(new[] { s.Bins });
        PutArray(s.EntryStart); PutArray(s.EntryTotal); PutArray(s.EntryEscaped); PutArray(s.DSlab); PutArray(s.Spots);
        PutArray(s.Extras.SegmentStart); PutArray(s.Extras.Segments);
        PutArray(s.Extras.InvisibleStart); PutArray(s.Extras.InvisibleProcess); PutArray(s.Extras.InvisibleGeV);
        long end = stream.Position;
        stream.Position = start;
        stream.Write(Header(digest, length, hash.GetHashAndReset()));
        stream.Position = end;
    }

    /// <summary>Reads the library stored under <paramref name="digest"/> for <paramref name="physics"/> and <paramref name="options"/> from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is truncated, corrupt or holds another key or format.</exception>
    public static ShowerLibrary Read(string path, ShowerPhysics physics, FastShowerOptions options, string digest)
    {
        RequireLittleEndian();
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 20);
        var header = new byte[HeaderBytes];
        ReadExactly(fs, header, "header");
        if (!header.AsSpan(0, 8).SequenceEqual(Magic)) throw new InvalidDataException("wrong magic (not a shower library file)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != FormatVersion) throw new InvalidDataException($"format version {version}, expected {FormatVersion}");
        if (!header.AsSpan(12, 32).SequenceEqual(Convert.FromHexString(digest))) throw new InvalidDataException("the header's key differs from the file name's");
        long length = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(44));
        if (length != fs.Length - HeaderBytes || length > Array.MaxLength)
            throw new InvalidDataException($"payload length {length} B, but the file holds {fs.Length - HeaderBytes} B after the header (truncated?)");
        var payload = new byte[length];
        ReadExactly(fs, payload, "payload");
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(header.AsSpan(52, 32))) throw new InvalidDataException("payload checksum mismatch");
        int at = 0;
        T[] Take<T>() where T : struct
        {
            if (payload.Length - at < 8) throw new InvalidDataException("payload ends inside an array length");
            long n = BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(at));
            at += 8;
            long bytes = n * Unsafe.SizeOf<T>();
            if (n < 0 || bytes > payload.Length - at) throw new InvalidDataException("payload ends inside an array");
            T[] a = MemoryMarshal.Cast<byte, T>(payload.AsSpan(at, (int)bytes)).ToArray();
            at += (int)bytes;
            return a;
        }
        double minGeV = Single(Take<double>());
        int bins = Single(Take<int>());
        int[] entryStart = Take<int>();
        double[] total = Take<double>(), escaped = Take<double>();
        short[] dSlab = Take<short>();
        LibrarySpot[] spots = Take<LibrarySpot>();
        int[] segStart = Take<int>();
        LibrarySegment[] segments = Take<LibrarySegment>();
        int[] invStart = Take<int>(), invProcess = Take<int>();
        double[] invGeV = Take<double>();
        if (at != payload.Length) throw new InvalidDataException("bytes after the last array");
        LibraryExtras extras = LibraryExtras.FromStored(segStart, segments, invStart, invProcess, invGeV);
        return ShowerLibrary.FromStored(physics, options, minGeV, bins, entryStart, total, escaped, dSlab, spots, extras,
            System.Diagnostics.Stopwatch.GetElapsedTime(t0), path);
    }

    private static byte[] Header(string digest, long payloadLength, byte[] payloadSha256)
    {
        var h = new byte[HeaderBytes];
        Magic.CopyTo(h, 0);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(8), FormatVersion);
        Convert.FromHexString(digest).CopyTo(h, 12);
        BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(44), payloadLength);
        payloadSha256.CopyTo(h, 52);
        return h;
    }

    private static T Single<T>(T[] a) => a.Length == 1 ? a[0] : throw new InvalidDataException("a scalar field holds more than one value");

    private static void ReadExactly(Stream s, byte[] buffer, string what)
    {
        try
        {
            s.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"the file ends inside the {what} (truncated)");
        }
    }

    /// <summary>The raw arrays are little-endian; every platform .NET 10 runs Emiss on is.</summary>
    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new NotSupportedException("the shower library cache needs a little-endian machine");
    }
}
