using System.Globalization;
using System.Text.Json;
using Emiss.Core.IO;

namespace Emiss.Core.Sharding;

/// <summary>
/// <c>manifest.json</c> of one shard: what was run (kind, command, resolved card, seed, version, commit, RNG scheme),
/// which part of the run it covers (shard i/N, its event range within the run's range, the block size the ranges are
/// cut at) and each output file with its size and SHA-256. A shard writes it last, atomically, so a shard directory
/// with a manifest whose checksums hold is complete; anything else is not output (<see cref="ShardSet"/>).
/// </summary>
public sealed record ShardManifest
{
    /// <summary>File name of the manifest inside a shard directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Format identifier written into every manifest.</summary>
    public const string Format = "emiss-shard/1";

    /// <summary>The command that produced the shard ("simulate", …): decides how shards merge.</summary>
    public required string Kind { get; init; }

    /// <summary>The shard's provenance (command line, seed, resolved card, version, commit, RNG scheme).</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The command line without what may differ between the shards of one run (the shard, thread count and output
    /// path): equal for all shards of a run, and the command that a single run of the same events would record.</summary>
    public required string RunCommand { get; init; }

    /// <summary>Which shard of how many.</summary>
    public required ShardSpec Shard { get; init; }

    /// <summary>First event of the whole run (before sharding).</summary>
    public required long RunFirstEvent { get; init; }

    /// <summary>Events of the whole run (before sharding).</summary>
    public required long RunEvents { get; init; }

    /// <summary>Events per block: shard ranges are cut at whole blocks.</summary>
    public required int BlockSize { get; init; }

    /// <summary>First event of this shard.</summary>
    public required long FirstEvent { get; init; }

    /// <summary>Events of this shard.</summary>
    public required long EventCount { get; init; }

    /// <summary>The shard's output files (not the manifest itself).</summary>
    public required IReadOnlyList<ShardFile> Files { get; init; }

    /// <summary>Describes the files <paramref name="fileNames"/> in <paramref name="directory"/> and writes the manifest there, atomically (call it last).</summary>
    public static ShardManifest WriteInto(string directory, ShardManifest withoutFiles, IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(withoutFiles);
        ShardManifest m = withoutFiles with { Files = [.. fileNames.Select(f => ShardFile.Of(Path.Combine(directory, f)))] };
        AtomicFile.Write(Path.Combine(directory, FileName), s => m.WriteJson(s));
        return m;
    }

    private void WriteJson(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("kind", Kind);
        w.WriteString("shard", Shard.ToString());
        w.WriteNumber("shard_index", Shard.Index);
        w.WriteNumber("shard_count", Shard.Count);
        w.WriteNumber("first_event", FirstEvent);
        w.WriteNumber("event_count", EventCount);
        w.WriteNumber("run_first_event", RunFirstEvent);
        w.WriteNumber("run_events", RunEvents);
        w.WriteNumber("block_size", BlockSize);
        w.WriteString("command", Provenance.Command);
        w.WriteString("run_command", RunCommand);
        w.WriteString("seed", Provenance.Seed?.ToString(CultureInfo.InvariantCulture));
        w.WriteString("version", Provenance.Version);
        w.WriteString("git_commit", Provenance.GitCommit);
        w.WriteString("rng_scheme", Provenance.RngScheme);
        w.WriteStartArray("notes");
        foreach (string n in Provenance.Notes) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteString("card", Provenance.ResolvedRunCard);
        w.WriteStartArray("files");
        foreach (ShardFile f in Files)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteString("sha256", f.Sha256);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads <c>manifest.json</c> of <paramref name="shardDirectory"/>; a malformed one is an <see cref="InvalidDataException"/>.</summary>
    public static ShardManifest Read(string shardDirectory)
    {
        string path = Path.Combine(shardDirectory, FileName);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement r = doc.RootElement;
            if (r.GetProperty("format").GetString() != Format) throw new InvalidDataException($"{path}: format '{r.GetProperty("format")}' is not {Format}");
            string? seed = r.GetProperty("seed").GetString();
            var provenance = new Provenance(r.GetProperty("command").GetString()!, seed is null ? null : ulong.Parse(seed, CultureInfo.InvariantCulture),
                r.GetProperty("card").GetString()!)
            {
                Version = r.GetProperty("version").GetString()!,
                GitCommit = r.GetProperty("git_commit").GetString()!,
                RngScheme = r.GetProperty("rng_scheme").GetString()!,
                Notes = [.. r.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)],
            };
            return new ShardManifest
            {
                Kind = r.GetProperty("kind").GetString()!,
                Provenance = provenance,
                RunCommand = r.GetProperty("run_command").GetString()!,
                Shard = new ShardSpec(r.GetProperty("shard_index").GetInt32(), r.GetProperty("shard_count").GetInt32()),
                FirstEvent = r.GetProperty("first_event").GetInt64(),
                EventCount = r.GetProperty("event_count").GetInt64(),
                RunFirstEvent = r.GetProperty("run_first_event").GetInt64(),
                RunEvents = r.GetProperty("run_events").GetInt64(),
                BlockSize = r.GetProperty("block_size").GetInt32(),
                Files = [.. r.GetProperty("files").EnumerateArray().Select(f =>
                    new ShardFile(f.GetProperty("name").GetString()!, f.GetProperty("bytes").GetInt64(), f.GetProperty("sha256").GetString()!))],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"{path}: not a readable shard manifest ({e.Message})", e);
        }
    }

    /// <summary>Null when every listed file in <paramref name="shardDirectory"/> matches its size and checksum; else the first problem.</summary>
    public string? Verify(string shardDirectory) => Files.Select(f => f.Mismatch(shardDirectory)).FirstOrDefault(p => p is not null);

    /// <summary>
    /// Null when <paramref name="other"/> comes from the same run as this manifest (kind, card, seed, version, commit,
    /// RNG scheme, run range, block size); else the first difference, in words.
    /// </summary>
    public string? DifferenceFrom(ShardManifest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Kind != Kind) return $"it was made by '{other.Kind}', not '{Kind}'";
        if (other.Provenance.Seed != Provenance.Seed) return $"its seed {other.Provenance.Seed} differs from {Provenance.Seed}";
        if (other.Provenance.Version != Provenance.Version) return $"its Emiss version {other.Provenance.Version} differs from {Provenance.Version}";
        if (other.Provenance.GitCommit != Provenance.GitCommit) return $"its commit {other.Provenance.GitCommit} differs from {Provenance.GitCommit}";
        if (other.Provenance.RngScheme != Provenance.RngScheme) return $"its RNG scheme {other.Provenance.RngScheme} differs from {Provenance.RngScheme}";
        if (other.Provenance.ResolvedRunCard != Provenance.ResolvedRunCard) return "its resolved card differs";
        if (!other.Provenance.Notes.SequenceEqual(Provenance.Notes)) return "its recorded settings (notes) differ";
        if (other.Shard.Count != Shard.Count) return $"it is one of {other.Shard.Count} shards, not {Shard.Count}";
        if (other.RunFirstEvent != RunFirstEvent || other.RunEvents != RunEvents)
            return $"it splits events {other.RunFirstEvent}+{other.RunEvents}, not {RunFirstEvent}+{RunEvents}";
        if (other.BlockSize != BlockSize) return $"its block size {other.BlockSize} differs from {BlockSize}";
        if (other.RunCommand != RunCommand) return $"its command '{other.RunCommand}' differs from '{RunCommand}'";
        return null;
    }
}
