using System.Globalization;
using System.Text;
using Emiss.Core.IO;
using Emiss.Shower.Geometry;
using Emiss.Shower.PhysicsList;

namespace Emiss.Shower.Fast;

/// <summary>
/// What a shower library depends on: the geometry's content (layers with material, radiation length, thickness,
/// read-out flag, Birks constant and whether a layer is a readout bin of its predecessor's volume; transverse shape and size; per-material cut overrides), the physics options without
/// <see cref="PhysicsOptions.ExtraProcesses"/> (process switches, production and tracking cuts, stepping) and the build
/// settings. Two runs with equal keys get bit-identical libraries, so one per key and process is enough
/// (<see cref="ShowerLibraryCache"/>).
/// </summary>
/// <param name="Geometry">Canonical text of the geometry's content.</param>
/// <param name="Physics">Physics options with no extra processes.</param>
/// <param name="Options">Build settings.</param>
public sealed record ShowerLibraryKey(string Geometry, PhysicsOptions Physics, FastShowerOptions Options)
{
    /// <summary>The key of a library for <paramref name="physics"/> built with <paramref name="options"/>.</summary>
    public static ShowerLibraryKey Of(ShowerPhysics physics, FastShowerOptions options)
    {
        ArgumentNullException.ThrowIfNull(physics);
        return Of(physics.Geometry, physics.Options, options);
    }

    /// <summary>The key of a library for <paramref name="geometry"/> and <paramref name="physics"/> built with <paramref name="options"/>.</summary>
    public static ShowerLibraryKey Of(SlabStack geometry, PhysicsOptions physics, FastShowerOptions options)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(physics);
        ArgumentNullException.ThrowIfNull(options);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{geometry.Shape}:{geometry.TransverseSizeCm:R};");
        foreach (SlabLayer l in geometry.Layers)
        {
            b.Append(CultureInfo.InvariantCulture, $"{l.Material.Name}/{l.Material.RadiationLengthCm:R}/{l.ThicknessCm:R}/{(l.Active ? 1 : 0)}");
            if (l.BirksCmPerGeV > 0) b.Append(CultureInfo.InvariantCulture, $"/birks {l.BirksCmPerGeV:R}");
            if (l.SameVolumeAsPrevious) b.Append("/same volume");
            b.Append(';');
        }
        foreach (KeyValuePair<string, double> c in geometry.ElectronCutOverridesGeV.OrderBy(c => c.Key, StringComparer.Ordinal))
            b.Append(CultureInfo.InvariantCulture, $"cut {c.Key}={c.Value:R};");
        return new ShowerLibraryKey(b.ToString(), physics with { ExtraProcesses = [] }, options);
    }

    /// <summary>
    /// The content address of the library on disk (<see cref="ShowerLibraryDiskCache"/>): SHA-256 (lower-case hex) of the
    /// canonical text of the geometry, of every property of <see cref="Physics"/> and <see cref="Options"/>
    /// (<see cref="CanonicalText"/>), of the file format version, of the Emiss version and git commit (a new build may
    /// change the transport, so its libraries are new ones) and of <see cref="TransportBuild"/>.
    /// </summary>
    public string Digest() => Digest(ShowerLibraryFile.FormatVersion, BuildInfo.Version, BuildInfo.GitCommit + " build " + TransportBuild);

    /// <summary>
    /// Module version ids of the assemblies whose code transports a library's showers (Emiss.Shower and Emiss.Core). The
    /// compiler gives a module a new id whenever its code differs, so a build from a working tree with uncommitted changes,
    /// which reports the same commit as the committed code, does not load that code's libraries (it did until 2026-12-04,
    /// and a changed pair cross section then ran with a library of the old one); the same binaries always give the same id.
    /// </summary>
    internal static string TransportBuild { get; } = string.Join(",",
        new[] { typeof(ShowerLibraryKey).Assembly, typeof(BuildInfo).Assembly }.Select(a => a.ManifestModule.ModuleVersionId.ToString("N")));

    /// <summary><see cref="Digest()"/> for a given format version, Emiss version and commit (tests).</summary>
    internal string Digest(int formatVersion, string version, string gitCommit)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"emiss-shower-library format {formatVersion}; emiss {version} commit {gitCommit};\n");
        b.Append("geometry ").Append(Geometry).Append('\n');
        CanonicalText.Append(b, Physics);
        b.Append('\n');
        CanonicalText.Append(b, Options);
        return Sha256Hex.OfText(b.ToString());
    }
}
