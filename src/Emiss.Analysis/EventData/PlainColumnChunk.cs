using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;

namespace Emiss.Analysis.EventData;

/// <summary>
/// The fast path for the column chunks the event store writes most: a REQUIRED int32, int64, float or double column,
/// UNCOMPRESSED, every data page PLAIN (parquet-format <c>Encodings.md</c>: little-endian values back to back, and no
/// definition levels for a REQUIRED flat column). Such a chunk is read with one positioned read into a reused buffer
/// and its values copied straight into the destination, instead of through a general decoder that copies the chunk
/// twice and allocates per call. Anything else (a codec, a dictionary page, another encoding, a size that does not
/// add up, a short read) returns false and the caller reads the chunk through Parquet.Net, which also gives the error
/// message for a corrupt file.
/// </summary>
internal static class PlainColumnChunk
{
    private const int DataPage = 0, DictionaryPage = 2, DataPageV2 = 3, Plain = 0;

    /// <summary>Reads <paramref name="chunk"/> of <paramref name="file"/> into <paramref name="destination"/> (exactly
    /// its length in values); false when the chunk is not of the plain kind above.</summary>
    public static bool TryRead<T>(SafeFileHandle file, ColumnChunk? chunk, Span<T> destination, ref byte[] buffer) where T : unmanaged
    {
        ColumnMetaData? meta = chunk?.MetaData;
        if (meta is null || meta.Codec != CompressionCodec.UNCOMPRESSED || meta.DictionaryPageOffset is not null || meta.Type != PhysicalType<T>())
            return false;
        if (meta.NumValues != destination.Length || meta.TotalCompressedSize is <= 0 or > int.MaxValue) return false;
        int length = (int)meta.TotalCompressedSize;
        if (buffer.Length < length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
        Span<byte> bytes = buffer.AsSpan(0, length);
        if (RandomAccess.Read(file, bytes, meta.DataPageOffset) != length) return false;
        Span<byte> values = MemoryMarshal.AsBytes(destination);
        int pos = 0, filled = 0, size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        try
        {
            while (pos < length)
            {
                PageHeader h = PageHeaderReader.Read(bytes[pos..], out int headerLength);
                pos += headerLength;
                if (h.CompressedSize > length - pos) return false;
                if (h.Type is DataPage or DataPageV2)
                {
                    int payload = h.CompressedSize - h.LevelBytes;
                    long expected = (long)h.NumValues * size;
                    if (h.Encoding != Plain || h.LevelBytes != 0 || h.NumValues < 0 || payload != expected || filled + payload > values.Length) return false;
                    bytes.Slice(pos, payload).CopyTo(values[filled..]);
                    filled += payload;
                }
                else if (h.Type == DictionaryPage)
                {
                    return false;
                }
                pos += h.CompressedSize;
            }
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            return false;
        }
        return filled == values.Length && BitConverter.IsLittleEndian;
    }

    private static Parquet.Meta.Type? PhysicalType<T>() =>
        typeof(T) == typeof(int) ? Parquet.Meta.Type.INT32
        : typeof(T) == typeof(long) ? Parquet.Meta.Type.INT64
        : typeof(T) == typeof(float) ? Parquet.Meta.Type.FLOAT
        : typeof(T) == typeof(double) ? Parquet.Meta.Type.DOUBLE
        : null;
}
