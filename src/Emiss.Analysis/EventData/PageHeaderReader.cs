namespace Emiss.Analysis.EventData;

/// <summary>The fields of a Parquet page header that <see cref="PlainColumnChunk"/> needs.</summary>
/// <param name="Type">Page type (0 DATA_PAGE, 1 INDEX_PAGE, 2 DICTIONARY_PAGE, 3 DATA_PAGE_V2).</param>
/// <param name="CompressedSize">Bytes of the page after the header.</param>
/// <param name="NumValues">Values in a data page (−1 for other pages).</param>
/// <param name="Encoding">Value encoding of a data page (0 PLAIN; −1 for other pages).</param>
/// <param name="LevelBytes">V2 data pages: bytes of repetition plus definition levels before the values (0 for V1).</param>
internal readonly record struct PageHeader(int Type, int CompressedSize, int NumValues, int Encoding, int LevelBytes);

/// <summary>
/// Decodes a Parquet <c>PageHeader</c> (parquet-format <c>parquet.thrift</c>) from the Thrift compact protocol
/// (Apache Thrift, <c>doc/specs/thrift-compact-protocol.md</c>): field headers as (id delta, type) nibbles, integers as
/// zig-zag varints, structs ended by a stop byte. Only what a PLAIN data page needs is kept; every other field
/// (statistics, CRC, index and dictionary page headers) is skipped by type. Malformed input throws
/// <see cref="InvalidDataException"/>.
/// </summary>
internal ref struct PageHeaderReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _pos;

    private PageHeaderReader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Reads the header at the start of <paramref name="bytes"/>; <paramref name="length"/> is its size in bytes.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> bytes, out int length)
    {
        var r = new PageHeaderReader(bytes);
        int type = -1, compressed = -1, values = -1, encoding = -1, levels = 0;
        short id = 0;
        while (r.NextField(ref id, out int t))
        {
            switch (id, t)
            {
                case (1, 5): type = r.I32(); break;
                case (3, 5): compressed = r.I32(); break;
                case (5, 12): (values, encoding) = r.DataPage(v2: false, out _); break;
                case (8, 12): (values, encoding) = r.DataPage(v2: true, out levels); break;
                default: r.Skip(t); break;
            }
        }
        if (type < 0 || compressed < 0) throw new InvalidDataException("Parquet page header without type or size");
        length = r._pos;
        return new PageHeader(type, compressed, values, encoding, levels);
    }

    /// <summary>DataPageHeader (V1: 1 num_values, 2 encoding) or DataPageHeaderV2 (1 num_values, 4 encoding,
    /// 5 definition_levels_byte_length, 6 repetition_levels_byte_length).</summary>
    private (int Values, int Encoding) DataPage(bool v2, out int levelBytes)
    {
        int values = -1, encoding = -1;
        levelBytes = 0;
        short id = 0;
        while (NextField(ref id, out int t))
        {
            switch (id, t)
            {
                case (1, 5): values = I32(); break;
                case (2, 5) when !v2: encoding = I32(); break;
                case (4, 5) when v2: encoding = I32(); break;
                case (5, 5) or (6, 5) when v2: levelBytes += I32(); break;
                default: Skip(t); break;
            }
        }
        return (values, encoding);
    }

    /// <summary>Advances to the next field of the current struct; false at its stop byte.</summary>
    private bool NextField(ref short id, out int type)
    {
        byte b = Byte();
        type = b & 0x0F;
        if (type == 0) return false;
        int delta = b >> 4;
        id = delta != 0 ? (short)(id + delta) : (short)ZigZag(Varint());
        return true;
    }

    private void Skip(int type)
    {
        switch (type)
        {
            case 1 or 2: break; // booleans live in the type nibble
            case 3: _pos++; break;
            case 4 or 5 or 6: Varint(); break;
            case 7: _pos += 8; break;
            case 8:
                int size = checked((int)Varint()); // read before adding: `_pos += Varint()` would add to the old _pos
                _pos += size;
                break;
            case 9 or 10:
                byte h = Byte();
                int n = h >> 4 == 15 ? checked((int)Varint()) : h >> 4;
                for (int i = 0; i < n; i++) SkipElement(h & 0x0F);
                break;
            case 11:
                int m = checked((int)Varint());
                if (m > 0)
                {
                    byte kv = Byte();
                    for (int i = 0; i < m; i++)
                    {
                        SkipElement(kv >> 4);
                        SkipElement(kv & 0x0F);
                    }
                }
                break;
            case 12:
                short inner = 0;
                while (NextField(ref inner, out int t)) Skip(t);
                break;
            default: throw new InvalidDataException($"Parquet page header: unknown Thrift type {type}");
        }
        if (_pos > _bytes.Length) throw new InvalidDataException("Parquet page header runs past its column chunk");
    }

    /// <summary>A list, set or map element: booleans take a byte there, unlike in a field.</summary>
    private void SkipElement(int type)
    {
        if (type is 1 or 2) _pos++;
        else Skip(type);
    }

    private int I32() => checked((int)ZigZag(Varint()));

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private ulong Varint()
    {
        ulong v = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new InvalidDataException("Parquet page header: varint longer than 64 bits");
    }

    private byte Byte() =>
        _pos < _bytes.Length ? _bytes[_pos++] : throw new InvalidDataException("Parquet page header runs past its column chunk");
}
