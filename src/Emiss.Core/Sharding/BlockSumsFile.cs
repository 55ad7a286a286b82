using System.Text;
using Emiss.Core.IO;
using Emiss.Core.Numerics;

namespace Emiss.Core.Sharding;

/// <summary>
/// The node sums of a shard's <see cref="BlockTree"/> cover, stored exactly (IEEE-754 doubles as their 8 bytes, little
/// endian) so that the merge repeats the single run's additions bit for bit. Layout: the ASCII tag
/// <c>emiss-block-sums/1</c> and a payload tag naming what is summed, a header of doubles the run shares (e.g. its
/// bias factors; may be empty), then the node count, then per node its level, index and payload. The shard manifest lists the file with its SHA-256, so a corrupt or truncated file never merges.
/// </summary>
public static class BlockSumsFile
{
    private const string Format = "emiss-block-sums/1";

    /// <summary>Writes <paramref name="nodes"/> to <paramref name="path"/> atomically; <paramref name="write"/> writes one payload.</summary>
    public static void Write<T>(string path, string payload, IReadOnlyList<BlockNode<T>> nodes, Action<BinaryWriter, T> write, IReadOnlyList<double>? header = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(write);
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Format);
            w.Write(payload);
            w.Write(header?.Count ?? 0);
            foreach (double h in header ?? []) w.Write(h);
            w.Write(nodes.Count);
            foreach (BlockNode<T> n in nodes)
            {
                w.Write(n.Level);
                w.Write(n.Index);
                write(w, n.Value);
            }
        });
    }

    /// <summary>Reads the nodes of <paramref name="path"/>; another format or payload is an <see cref="InvalidDataException"/>.</summary>
    public static IReadOnlyList<BlockNode<T>> Read<T>(string path, string payload, Func<BinaryReader, T> read) => Read(path, payload, read, out _);

    /// <summary>Reads the nodes of <paramref name="path"/> and its <paramref name="header"/>; another format or payload is an <see cref="InvalidDataException"/>.</summary>
    public static IReadOnlyList<BlockNode<T>> Read<T>(string path, string payload, Func<BinaryReader, T> read, out double[] header)
    {
        ArgumentNullException.ThrowIfNull(read);
        using FileStream fs = File.OpenRead(path);
        using var r = new BinaryReader(fs, Encoding.UTF8);
        try
        {
            if (r.ReadString() != Format) throw new InvalidDataException($"{path}: not an {Format} file");
            string p = r.ReadString();
            if (p != payload) throw new InvalidDataException($"{path}: holds sums of '{p}', not '{payload}'");
            header = new double[r.ReadInt32()];
            for (int i = 0; i < header.Length; i++) header[i] = r.ReadDouble();
            int count = r.ReadInt32();
            var nodes = new List<BlockNode<T>>(count);
            for (int i = 0; i < count; i++)
            {
                int level = r.ReadInt32();
                long index = r.ReadInt64();
                nodes.Add(new BlockNode<T>(level, index, read(r)));
            }
            if (fs.Position != fs.Length) throw new InvalidDataException($"{path}: {fs.Length - fs.Position} bytes after the last node");
            return nodes;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated", e);
        }
    }

    /// <summary>Writes a length-prefixed array of doubles (exact bits).</summary>
    public static void WriteDoubles(BinaryWriter w, double[] values)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(values);
        w.Write(values.Length);
        foreach (double v in values) w.Write(v);
    }

    /// <summary>Reads into <paramref name="into"/> an array written by <see cref="WriteDoubles"/>; a length mismatch is an <see cref="InvalidDataException"/>.</summary>
    public static void ReadDoubles(BinaryReader r, double[] into)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(into);
        int n = r.ReadInt32();
        if (n != into.Length) throw new InvalidDataException($"an array of {n} sums where {into.Length} were expected (another geometry or binning)");
        for (int i = 0; i < n; i++) into[i] = r.ReadDouble();
    }
}
