using System.Globalization;

namespace Emiss.Shower.PhysicsList;

/// <summary>The names of <see cref="MscSpatial"/> on command lines and in run cards.</summary>
public static class MscSpatialNames
{
    /// <summary>The accepted names, default first.</summary>
    public static IReadOnlyList<string> All { get; } = ["mean-projection", "presta-ii", "random-hinge"];

    /// <summary>The algorithm called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static MscSpatial Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLower(CultureInfo.InvariantCulture) switch
        {
            "mean-projection" => MscSpatial.MeanProjection,
            "presta-ii" => MscSpatial.PrestaII,
            "random-hinge" => MscSpatial.RandomHinge,
            _ => throw new ArgumentException($"unknown multiple-scattering step '{name}'; use {string.Join(", ", All)}", nameof(name)),
        };
    }

    /// <summary>The name of <paramref name="spatial"/>.</summary>
    public static string Name(MscSpatial spatial) => spatial switch
    {
        MscSpatial.MeanProjection => "mean-projection",
        MscSpatial.PrestaII => "presta-ii",
        MscSpatial.RandomHinge => "random-hinge",
        _ => throw new ArgumentOutOfRangeException(nameof(spatial), spatial, "no name"),
    };
}
