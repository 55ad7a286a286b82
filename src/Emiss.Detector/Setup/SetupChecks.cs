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

    /// <summary>A table of <paramref name="values"/> (card key <paramref name="valuesKey"/>) at <paramref name="energies"/>, as the
    /// profile's α-shift and tail-fraction tables: one value per energy, energies ascending within [1 MeV, 10 TeV], values
    /// within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void EnergyTable(string path, IReadOnlyList<double> energies, IReadOnlyList<double> values, string valuesKey, string valueName,
                                   double min, double max, List<string> errors)
    {
        if (energies.Count == 0 || energies.Count != values.Count)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"setup card error at {path}: {energies.Count} energiesGeV and {values.Count} {valuesKey}; give one {valueName} per energy, at least one"));
            return;
        }
        for (int i = 0; i < energies.Count; i++)
        {
            InRange(energies[i], 1e-3, 1e4, $"{path}.energiesGeV[{i}]", errors);
            if (i > 0 && !(energies[i] > energies[i - 1]))
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"setup card error at {path}.energiesGeV[{i}]: {energies[i]} does not exceed the previous {energies[i - 1]}; list the energies in ascending order"));
            InRange(values[i], min, max, $"{path}.{valuesKey}[{i}]", errors);
        }
    }

    /// <summary>The timing of a read-out: resolution and integration gate both &gt; 0.</summary>
    public static void Timing(string path, double timeResolutionNs, double gateNs, List<string> errors)
    {
        Positive(timeResolutionNs, path + ".timeResolutionNs", errors);
        Positive(gateNs, path + ".gateNs", errors);
    }
}
