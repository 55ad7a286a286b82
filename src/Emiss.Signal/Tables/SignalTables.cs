using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;

namespace Emiss.Signal.Tables;

/// <summary>
/// The A′-strahlung tables of every material of a geometry for one (model, mass, beam, E_cut), indexed like the
/// geometry's material list (= the shower's material index). Built once per mass and shared by all workers.
/// </summary>
public sealed class SignalTables
{
    private readonly DarkBremTable[] _tables;

    private SignalTables(DarkBremTable[] tables, IDarkProductionModel model, double massGeV, double beamGeV, double fraction)
    {
        _tables = tables;
        ModelName = model.Name;
        ModelDescription = model.Description;
        MassGeV = massGeV;
        BeamGeV = beamGeV;
        MissingEnergyFraction = fraction;
    }

    /// <summary>Builds one <see cref="DarkBremTable"/> per material (in order).</summary>
    public static SignalTables Build(IDarkProductionModel model, IReadOnlyList<Material> materials, Mass mass, Energy beam,
        double missingEnergyFraction = 0.5, int energyNodes = 24, int uNodes = 512)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(materials);
        var t = new DarkBremTable[materials.Count];
        for (int i = 0; i < t.Length; i++)
            t[i] = DarkBremTable.Build(model, materials[i], mass, beam, missingEnergyFraction, energyNodes, uNodes);
        return new SignalTables(t, model, mass.InGeV, beam.InGeV, missingEnergyFraction);
    }

    /// <summary>Table of material <paramref name="materialIndex"/>.</summary>
    public DarkBremTable this[int materialIndex] => _tables[materialIndex];

    /// <summary>Number of materials.</summary>
    public int Count => _tables.Length;

    /// <summary>Production model key.</summary>
    public string ModelName { get; }

    /// <summary>Production model description (output metadata).</summary>
    public string ModelDescription { get; }

    /// <summary>A′ mass, GeV.</summary>
    public double MassGeV { get; }

    /// <summary>Beam energy E0, GeV.</summary>
    public double BeamGeV { get; }

    /// <summary>E_cut / E0.</summary>
    public double MissingEnergyFraction { get; }

    /// <summary>E_cut, GeV.</summary>
    public double CutGeV => MissingEnergyFraction * BeamGeV;
}
