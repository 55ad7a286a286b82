using System.Reflection;
using Emiss.Core.IO;
using Emiss.Shower.Fast;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;
using Xunit;

namespace Emiss.Shower.Tests.Fast;

/// <summary>
/// The disk cache's content address (docs/physics/fast-mode.md#library-cache): a library may be reused only for exactly
/// the inputs it was built from, so every input must change the SHA-256 key. The properties are enumerated by reflection,
/// so a setting added to <see cref="PhysicsOptions"/> or <see cref="FastShowerOptions"/> later is covered (and a property
/// of a type this test cannot vary fails it until a variation is added).
/// </summary>
public class ShowerLibraryKeyDigestTests
{
    private static readonly SlabStack Ecal = GeometryCatalog.Load("na64-ecal");

    private static string DigestOf(PhysicsOptions p, FastShowerOptions o, SlabStack? g = null) => ShowerLibraryKey.Of(g ?? Ecal, p, o).Digest();

    [Fact]
    public void Equal_content_gives_equal_digest()
    {
        string a = DigestOf(PhysicsOptions.Standard, FastShowerOptions.Default);
        Assert.Equal(64, a.Length);
        // a separately loaded geometry and separately made (equal) records are the same key
        Assert.Equal(a, DigestOf(new PhysicsOptions(), new FastShowerOptions(), GeometryCatalog.Load("na64-ecal")));
        // extra processes are dropped from the key on purpose: a library is always built with the standard processes
        Assert.Equal(a, DigestOf(PhysicsOptions.Standard with { ExtraProcesses = [_ => new Transport.InvisibleLossProcess()] }, FastShowerOptions.Default));
    }

    [Fact]
    public void Every_physics_option_changes_the_digest()
    {
        string baseline = DigestOf(PhysicsOptions.Standard, FastShowerOptions.Default);
        int varied = 0;
        foreach (PropertyInfo p in SettableProperties(typeof(PhysicsOptions)))
        {
            if (p.Name == nameof(PhysicsOptions.ExtraProcesses)) continue;   // dropped from the key by design (test above)
            PhysicsOptions changed = WithChanged(PhysicsOptions.Standard, p);
            Assert.True(baseline != DigestOf(changed, FastShowerOptions.Default), $"PhysicsOptions.{p.Name} does not change the library key");
            varied++;
        }
        Assert.True(varied >= 18, $"only {varied} physics options found");
    }

    [Fact]
    public void Every_fast_shower_option_changes_the_digest()
    {
        string baseline = DigestOf(PhysicsOptions.Standard, FastShowerOptions.Default);
        int varied = 0;
        foreach (PropertyInfo p in SettableProperties(typeof(FastShowerOptions)))
        {
            FastShowerOptions changed = WithChanged(FastShowerOptions.Default, p);
            Assert.True(baseline != DigestOf(PhysicsOptions.Standard, changed), $"FastShowerOptions.{p.Name} does not change the library key");
            varied++;
        }
        Assert.Equal(12, varied);   // all of FastShowerOptions today; a new one raises the count and must change the key too
    }

    [Fact]
    public void Geometry_format_version_and_build_change_the_digest()
    {
        ShowerLibraryKey key = ShowerLibraryKey.Of(Ecal, PhysicsOptions.Standard, FastShowerOptions.Default);
        string a = key.Digest(1, "0.1.0", "abc");
        Assert.NotEqual(a, key.Digest(2, "0.1.0", "abc"));
        Assert.NotEqual(a, key.Digest(1, "0.1.1", "abc"));
        Assert.NotEqual(a, key.Digest(1, "0.1.0", "abd"));
        Assert.NotEqual(key.Digest(), ShowerLibraryKey.Of(GeometryCatalog.Load("testem3-pb-lar"), PhysicsOptions.Standard, FastShowerOptions.Default).Digest());
        // the build of the transport code is part of the key, not only the commit (a working tree with uncommitted changes
        // reports the commit it started from)
        Assert.NotEqual(key.Digest(), key.Digest(ShowerLibraryFile.FormatVersion, BuildInfo.Version, BuildInfo.GitCommit));
        Assert.Contains(typeof(ShowerLibrary).Assembly.ManifestModule.ModuleVersionId.ToString("N"), ShowerLibraryKey.TransportBuild, StringComparison.Ordinal);
    }

    private static IEnumerable<PropertyInfo> SettableProperties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    /// <summary>A copy of <paramref name="record"/> with <paramref name="p"/> set to another value (init setters are callable by reflection).</summary>
    private static T WithChanged<T>(T record, PropertyInfo p) where T : class
    {
        var copy = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(record, null)!;
        object? v = p.GetValue(record);
        object? other = v switch
        {
            bool b => !b,
            double d when double.IsFinite(d) => d == 0 ? 0.5 : d * 1.5,
            double => 1.0,
            int i => i + 1,
            ulong u => u + 1,
            Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(x => !x.Equals(e)),
            null when Nullable.GetUnderlyingType(p.PropertyType) == typeof(double) => 0.5,
            null when Nullable.GetUnderlyingType(p.PropertyType) == typeof(int) => 0,
            _ => throw new NotSupportedException($"{typeof(T).Name}.{p.Name}: add a variation for {p.PropertyType.Name}"),
        };
        p.SetValue(copy, other);
        return copy;
    }
}
