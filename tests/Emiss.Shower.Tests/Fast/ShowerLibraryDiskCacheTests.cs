using System.Runtime.InteropServices;
using Emiss.Core.Numerics;
using Emiss.Shower.Fast;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Scoring;
using Emiss.Shower.Transport;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

/// <summary>
/// The shower library disk cache (docs/physics/fast-mode.md#library-cache; issue 13, fast mode everywhere): a loaded library
/// transports bit for bit like a freshly built one, a damaged file is reported once and rebuilt, an unwritable folder
/// never fails a run. A small library (20 MeV switch, 2 showers per bin) keeps each test to seconds; every test uses its own
/// temporary folder.
/// </summary>
public sealed class ShowerLibraryDiskCacheTests : IDisposable
{
    private static readonly FastShowerOptions Small = FastShowerOptions.Default with { SwitchGeV = 0.02, EntriesPerBin = 2, Seed = 0xD15C };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "emiss-libcache-test-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _warnings = [];

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private ShowerLibraryDiskCache Cache(string? root = null) => new(root ?? _root, w => { lock (_warnings) _warnings.Add(w); });

    private static ShowerPhysics Physics() => TestShowers.Physics("na64-ecal");

    [Fact]   // same seed ⇒ the same shower sums, byte for byte, with the built and the loaded library, for 1 and 2 threads
    public void Loaded_library_gives_byte_identical_runs()
    {
        ShowerLibrary built = Cache().GetOrBuild(Physics(), Small, threads: 2);
        Assert.Null(built.LoadedFrom);
        Assert.Equal(Cache().PathOf(built.Key.Digest()), built.CachedAs);
        ShowerLibrary loaded = Cache().GetOrBuild(Physics(), Small, threads: 2);
        Assert.Equal(built.CachedAs, loaded.LoadedFrom);
        Assert.Empty(_warnings);
        AssertSameArrays(built, loaded);
        foreach (int threads in new[] { 1, 2 })
            Assert.Equal(RunBytes(built, threads), RunBytes(loaded, threads));
        Assert.Equal(RunBytes(loaded, 1), RunBytes(loaded, 2));
    }

    [Fact]   // the key holds the Emiss commit, so old builds' files pile up: storing keeps the newest MaximumFiles, the new one included
    public void Storing_a_library_removes_the_least_recently_used_files_beyond_the_limit()
    {
        string dir = Cache().Directory;
        Directory.CreateDirectory(dir);
        var stale = Enumerable.Range(0, ShowerLibraryDiskCache.MaximumFiles + 2).Select(i => Path.Combine(dir, $"old{i}.emlib")).ToList();
        for (int i = 0; i < stale.Count; i++)
        {
            File.WriteAllBytes(stale[i], [1, 2, 3]);
            File.SetLastWriteTimeUtc(stale[i], DateTime.UtcNow.AddDays(-1 - i));   // old0 is the most recent of them
        }
        string other = Path.Combine(dir, "notes.txt");
        File.WriteAllText(other, "not a library");
        ShowerLibrary built = Cache().GetOrBuild(Physics(), Small, threads: 1);
        string[] left = [.. Directory.GetFiles(dir, "*.emlib").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        string[] expected = [.. stale.Take(ShowerLibraryDiskCache.MaximumFiles - 1).Select(Path.GetFileName).Append(Path.GetFileName(built.CachedAs!)).Order(StringComparer.Ordinal)!];
        Assert.Equal(expected, left);
        Assert.True(File.Exists(other));   // only library files are pruned
        Assert.Empty(_warnings);
    }

    [Fact]   // two builders of one key at once (shards starting together): both succeed, no lock, one whole file, no debris
    public void Concurrent_builders_leave_one_valid_file()
    {
        var got = new ShowerLibrary[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => got[i] = Cache().GetOrBuild(Physics(), Small, threads: 1));
        Assert.Empty(_warnings);
        AssertSameArrays(got[0], got[1]);
        string file = Assert.Single(Directory.GetFiles(Cache().Directory));   // the temporary files were renamed, none left over
        ShowerLibrary loaded = Cache().GetOrBuild(Physics(), Small, threads: 1);
        Assert.Equal(file, loaded.LoadedFrom);
        AssertSameArrays(got[0], loaded);
    }

    [Theory]   // a damaged file: one warning, never used, rebuilt (identical to a fresh build) and rewritten, then loaded again
    [InlineData("flip payload byte")]
    [InlineData("flip magic byte")]
    [InlineData("truncate to half")]
    [InlineData("truncate inside header")]
    [InlineData("empty")]
    public void Damaged_file_is_reported_and_rebuilt(string damage)
    {
        ShowerLibrary fresh = Cache().GetOrBuild(Physics(), Small, threads: 2);
        string path = fresh.CachedAs!;
        byte[] bytes = File.ReadAllBytes(path);
        byte[] bad = damage switch
        {
            "flip payload byte" => Flip(bytes, bytes.Length - 1000),
            "flip magic byte" => Flip(bytes, 0),
            "truncate to half" => bytes[..(bytes.Length / 2)],
            "truncate inside header" => bytes[..40],
            _ => [],
        };
        File.WriteAllBytes(path, bad);

        ShowerLibrary rebuilt = Cache().GetOrBuild(Physics(), Small, threads: 1);
        string warning = Assert.Single(_warnings);
        Assert.StartsWith("emiss: warning: shower library cache file ", warning, StringComparison.Ordinal);
        Assert.Contains("rebuilding it", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
        Assert.Null(rebuilt.LoadedFrom);
        AssertSameArrays(fresh, rebuilt);
        Assert.Equal(RunBytes(fresh, 1), RunBytes(rebuilt, 1));
        Assert.Equal(bytes, File.ReadAllBytes(path));   // the rewritten file is the original one, byte for byte
        Assert.NotNull(Cache().GetOrBuild(Physics(), Small, threads: 1).LoadedFrom);
        Assert.Single(_warnings);
    }

    [Fact]   // a cache folder that cannot be created: one warning for the process's cache, the libraries are built and work
    public void Unwritable_directory_warns_once_and_builds_in_memory()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "not a directory");
        ShowerLibraryDiskCache cache = Cache(Path.Combine(file, "cache"));   // below a regular file: creation fails even for root
        ShowerLibrary a = cache.GetOrBuild(Physics(), Small, threads: 1);
        ShowerLibrary b = cache.GetOrBuild(Physics(), Small with { Seed = 0xD15D }, threads: 1);
        string warning = Assert.Single(_warnings);
        Assert.StartsWith("emiss: warning: cannot write the shower library cache in ", warning, StringComparison.Ordinal);
        Assert.Null(a.CachedAs);
        Assert.Null(b.LoadedFrom);
        Assert.Equal(RunBytes(ShowerLibrary.Build(Physics(), Small), 1), RunBytes(a, 1));
    }

    [Fact]   // where the cache lives, and the variable that turns it off
    public void Environment_selects_or_disables_the_cache()
    {
        ShowerLibraryDiskCache? Of(params (string Name, string Value)[] vars) =>
            ShowerLibraryDiskCache.FromEnvironment(n => vars.FirstOrDefault(v => v.Name == n).Value, _ => { });
        Assert.Null(Of(("EMISS_NO_LIBRARY_CACHE", "1"), ("EMISS_CACHE_DIR", "/x")));
        Assert.Equal("/x/shower-libraries", Of(("EMISS_NO_LIBRARY_CACHE", "0"), ("EMISS_CACHE_DIR", "/x"))!.Directory);
        Assert.Equal("/x/shower-libraries", Of(("EMISS_CACHE_DIR", "/x"), ("XDG_CACHE_HOME", "/y"))!.Directory);
        Assert.Equal("/y/emiss/shower-libraries", Of(("XDG_CACHE_HOME", "/y"))!.Directory);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".cache", "emiss", "shower-libraries"), Of()!.Directory);
        // this test process caches in its own temporary folder, never in the user's home
        Assert.StartsWith(Path.GetTempPath(), ShowerLibraryCache.Disk!.Directory, StringComparison.Ordinal);
    }

    [Fact]   // bypass: without a disk cache the process-wide cache builds in memory and writes nothing
    public void Process_cache_without_disk_writes_nothing()
    {
        // Checked by this library's own file: other test classes write other libraries into the process's cache in parallel.
        ShowerLibrary lib = ShowerLibraryCache.For(Physics().Geometry, PhysicsOptions.Standard, Small with { Seed = 0xB1FA55 }, 1, disk: null);
        Assert.Null(lib.LoadedFrom);
        Assert.Null(lib.CachedAs);
        Assert.Equal("built", lib.Origin);
        string own = ShowerLibraryCache.Disk!.PathOf(lib.Key.Digest());
        Assert.False(File.Exists(own));
        Assert.Empty(Directory.Exists(ShowerLibraryCache.Disk.Directory) ? Directory.GetFiles(ShowerLibraryCache.Disk.Directory, Path.GetFileName(own) + "*") : []);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        byte[] c = [.. bytes];
        c[at] ^= 0x40;
        return c;
    }

    private static void AssertSameArrays(ShowerLibrary a, ShowerLibrary b)
    {
        var x = a.Stored;
        var y = b.Stored;
        Assert.Equal((x.MinGeV, x.Bins), (y.MinGeV, y.Bins));
        Assert.Equal(x.EntryStart, y.EntryStart);
        Assert.Equal(x.EntryTotal, y.EntryTotal);
        Assert.Equal(x.EntryEscaped, y.EntryEscaped);
        Assert.Equal(x.DSlab, y.DSlab);
        Assert.True(MemoryMarshal.AsBytes(x.Spots.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(y.Spots.AsSpan())));
        Assert.True(MemoryMarshal.AsBytes(x.Extras.Segments.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(y.Extras.Segments.AsSpan())));
        Assert.Equal(x.Extras.InvisibleGeV, y.Extras.InvisibleGeV);
    }

    /// <summary>The serialized block sums (<see cref="RunAccumulator.WriteTo"/>) of a 1 GeV e⁻ run with <paramref name="library"/>.</summary>
    private static byte[] RunBytes(ShowerLibrary library, int threads)
    {
        ShowerPhysics physics = Physics();
        ShowerBlockSums sums = ShowerRunner.RunBlocks(physics, ShowerSpecies.Electron, 1.0, 16, 7, 0, ShowerRunner.Chunks(16), threads, library: library);
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (BlockNode<RunAccumulator> n in sums.Nodes)
            {
                w.Write(n.Level);
                w.Write(n.Index);
                n.Value.WriteTo(w);
            }
        }
        return ms.ToArray();
    }
}
