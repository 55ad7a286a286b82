using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Emiss.Core.Materials;

/// <summary>
/// The built-in materials. Bulk values: PDG Atomic and Nuclear Properties (pdg.lbl.gov/AtomicNuclearProperties),
/// as tabulated in docs/physics/materials.md#material-table (X0, E_c, R_M, λ_I, dE/dx_min) and docs/physics/materials.md#density-effect-parameters (I, Sternheimer).
/// BGO, PbWO4 and liquid-argon Sternheimer parameters are from the same PDG tables.
/// </summary>
public static class MaterialCatalog
{
    private const double MeV = 1e-3;
    private const double EV = 1e-9;

    private static ImmutableArray<ElementComponent> Pure(string symbol, int z, double a) => [new(symbol, z, a, 1.0)];

    /// <summary>Lead.</summary>
    public static Material Lead { get; } = new("Pb", Pure("Pb", 82, 207.2), 11.35, 6.37, 7.43 * MeV, 7.16 * MeV,
        1.602, 17.59, 1.122 * MeV, 823 * EV, new SternheimerParameters(6.2018, 0.3776, 3.8073, 0.09359, 3.1608, 0.14));

    /// <summary>Tungsten.</summary>
    public static Material Tungsten { get; } = new("W", Pure("W", 74, 183.84), 19.30, 6.76, 7.97 * MeV, 7.68 * MeV,
        0.933, 9.95, 1.145 * MeV, 727 * EV, new SternheimerParameters(5.4059, 0.2167, 3.4960, 0.15509, 2.8447, 0.14));

    /// <summary>Iron.</summary>
    public static Material Iron { get; } = new("Fe", Pure("Fe", 26, 55.845), 7.874, 13.84, 21.68 * MeV, 21.00 * MeV,
        1.719, 16.77, 1.451 * MeV, 286 * EV, new SternheimerParameters(4.2911, -0.0012, 3.1531, 0.14600, 2.9632, 0.12));

    /// <summary>Copper.</summary>
    public static Material Copper { get; } = new("Cu", Pure("Cu", 29, 63.546), 8.96, 12.86, 19.42 * MeV, 18.79 * MeV,
        1.568, 15.32, 1.403 * MeV, 322 * EV, new SternheimerParameters(4.4190, -0.0254, 3.2792, 0.14339, 2.9044, 0.08));

    /// <summary>Polystyrene scintillator C8H8 (mass fractions C 0.92257, H 0.07743).</summary>
    public static Material Polystyrene { get; } = new("Sc",
        [new("C", 6, 12.011, 0.92257), new("H", 1, 1.008, 0.07743)], 1.06, 43.79, 93.11 * MeV, 90.65 * MeV,
        9.41, 72.7, 1.936 * MeV, 68.7 * EV, new SternheimerParameters(3.2999, 0.1647, 2.5031, 0.16454, 3.2224, 0.0));

    /// <summary>Bismuth germanate Bi4Ge3O12 (mass fractions Bi 0.67099, Ge 0.17490, O 0.15411).</summary>
    public static Material Bgo { get; } = new("BGO",
        [new("Bi", 83, 208.98, 0.67099), new("Ge", 32, 72.63, 0.17490), new("O", 8, 15.999, 0.15411)],
        7.13, 7.97, 10.50 * MeV, 10.14 * MeV, 2.26, 22.7, 1.251 * MeV, 534.1 * EV,
        new SternheimerParameters(5.7409, 0.0456, 3.7816, 0.09569, 3.0781, 0.0));

    /// <summary>Lead tungstate PbWO4 (mass fractions Pb 0.45535, W 0.40401, O 0.14064).</summary>
    public static Material LeadTungstate { get; } = new("PbWO4",
        [new("Pb", 82, 207.2, 0.45535), new("W", 74, 183.84, 0.40401), new("O", 8, 15.999, 0.14064)],
        8.28, 7.39, 9.63 * MeV, 9.31 * MeV, 1.96, 20.28, 1.229 * MeV, 600.7 * EV,
        new SternheimerParameters(5.8420, 0.4068, 3.0023, 0.22758, 3.0, 0.0));

    /// <summary>Liquid argon (Geant4 TestEm3 sampling calorimeter).</summary>
    public static Material LiquidArgon { get; } = new("lAr", Pure("Ar", 18, 39.948), 1.396, 19.55, 32.84 * MeV, 32.84 * MeV, // docs/physics/materials.md#material-table gives one E_c for lAr; used for both charges
        9.04, 85.7, 1.508 * MeV, 188.0 * EV, new SternheimerParameters(5.2146, 0.2000, 3.0000, 0.19559, 3.0, 0.0));

    /// <summary>Aluminium (beam-pipe and vacuum-vessel windows).</summary>
    public static Material Aluminium { get; } = new("Al", Pure("Al", 13, 26.9815385), 2.699, 24.01, 42.70 * MeV, 41.48 * MeV,
        4.419, 39.70, 1.615 * MeV, 166.0 * EV, new SternheimerParameters(4.2395, 0.1708, 3.0127, 0.08024, 3.6345, 0.12));

    /// <summary>Mylar, polyethylene terephthalate C10H8O4 (mass fractions H 0.041959, C 0.625017, O 0.333025; windows).
    /// E_c and λ_I are approximate (docs/physics/materials.md#material-table); the beam line uses X0 only.</summary>
    public static Material Mylar { get; } = new("Mylar",
        [new("H", 1, 1.008, 0.041959), new("C", 6, 12.011, 0.625017), new("O", 8, 15.999, 0.333025)], 1.40, 39.95, 87.0 * MeV, 84.4 * MeV,
        6.96, 61.2, 1.848 * MeV, 78.7 * EV, new SternheimerParameters(3.3262, 0.1562, 2.6507, 0.12679, 3.3076, 0.0));

    /// <summary>Dry air near sea level (mass fractions C 0.000124, N 0.755268, O 0.231781, Ar 0.012827; the air gaps of the beam line).</summary>
    public static Material Air { get; } = new("Air",
        [new("C", 6, 12.011, 0.000124), new("N", 7, 14.007, 0.755268), new("O", 8, 15.999, 0.231781), new("Ar", 18, 39.948, 0.012827)],
        1.205e-3, 36.62, 87.92 * MeV, 85.27 * MeV, 7330, 74770, 1.815 * MeV, 85.7 * EV,
        new SternheimerParameters(10.5961, 1.7418, 4.2759, 0.10914, 3.3994, 0.0));

    /// <summary>All built-in materials by canonical name.</summary>
    public static FrozenDictionary<string, Material> All { get; } = new[]
    {
        Lead, Tungsten, Iron, Copper, Polystyrene, Bgo, LeadTungstate, LiquidArgon, Aluminium, Mylar, Air,
    }.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks a material up by name ("Pb", "W", "Fe", "Cu", "Sc", "BGO", "PbWO4", "lAr", "Al", "Mylar", "Air"), with a clear error.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Material ByName(string name) =>
        All.TryGetValue(name, out Material? m)
            ? m
            : throw new ArgumentException(
                $"unknown material '{name}'; known materials: {string.Join(", ", All.Keys.Order(StringComparer.Ordinal))}", nameof(name));
}
