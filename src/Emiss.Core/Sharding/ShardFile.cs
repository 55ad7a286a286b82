using Emiss.Core.IO;

namespace Emiss.Core.Sharding;

/// <summary>One output file of a shard, as its manifest lists it: name inside the shard directory, size and SHA-256.</summary>
/// <param name="Name">File name (no directory part).</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
public sealed record ShardFile(string Name, long Bytes, string Sha256)
{
    /// <summary>Describes the existing file <paramref name="path"/> (reads it once).</summary>
    public static ShardFile Of(string path)
    {
        using FileStream fs = File.OpenRead(path);
        return new ShardFile(Path.GetFileName(path), fs.Length, Sha256Hex.Of(fs));
    }

    /// <summary>Null when the file in <paramref name="directory"/> matches this record; else what is wrong with it.</summary>
    public string? Mismatch(string directory)
    {
        string path = Path.Combine(directory, Name);
        if (!File.Exists(path)) return $"{Name} is missing";
        if (new FileInfo(path).Length != Bytes) return $"{Name} has {new FileInfo(path).Length} bytes, the manifest says {Bytes} (truncated or modified)";
        return Of(path).Sha256 == Sha256 ? null : $"{Name} does not match its SHA-256 in the manifest (corrupt or modified)";
    }
}
