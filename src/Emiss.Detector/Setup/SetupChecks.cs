using System.Globalization;

namespace Emiss.Detector.Setup;

/// <summary>Range checks shared by the options records; each adds a message naming the card path and the fix.</summary>
internal static class SetupChecks
{
    public static void Positive(double v, string path, List<string> errors)
    {
        if (!(v > 0) || double.IsInfinity(v))
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"setup card error at {path}: value {v} must be a finite number > 0"));
    }

    public static void InRange(double v, double lo, double hi, string path, List<string> errors)
    {
        if (!(v >= lo && v <= hi))
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"setup card error at {path}: value {v} is outside [{lo}, {hi}]; set it inside that range"));
    }

    public static void PositiveInt(int v, string path, List<string> errors)
    {
        if (v <= 0)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"setup card error at {path}: value {v} must be an integer ≥ 1"));
    }

    public static void Material(string name, string path, List<string> errors)
    {
        if (!Core.Materials.MaterialCatalog.All.ContainsKey(name))
            errors.Add($"setup card error at {path}: unknown material '{name}'; use one of {string.Join(", ", Core.Materials.MaterialCatalog.All.Keys.Order(StringComparer.Ordinal))}");
    }

    /// <summary>The plates of a sampling calorimeter: both materials known, both thicknesses &gt; 0.</summary>
    public static void SamplingStack(string path, string absorberMaterial, string activeMaterial,
                                     (double Cm, string Key) absorberPlate, double scintillatorThicknessCm, List<string> errors)
    {
        Material(absorberMaterial, path + ".absorberMaterial", errors);
        Material(activeMaterial, path + ".activeMaterial", errors);
        Positive(absorberPlate.Cm, path + "." + absorberPlate.Key, errors);
        Positive(scintillatorThicknessCm, path + ".scintillatorThicknessCm", errors);
    }

    /// <summary>The timing of a read-out: resolution and integration gate both &gt; 0.</summary>
    public static void Timing(string path, double timeResolutionNs, double gateNs, List<string> errors)
    {
        Positive(timeResolutionNs, path + ".timeResolutionNs", errors);
        Positive(gateNs, path + ".gateNs", errors);
    }
}
