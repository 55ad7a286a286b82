using System.Collections.Immutable;

namespace Emiss.Shower.Materials;

/// <summary>The materials of one geometry, indexed as the slabs refer to them, with their cuts.</summary>
/// <param name="Materials">Materials by index.</param>
public sealed record ShowerMaterialSet(ImmutableArray<ShowerMaterial> Materials)
{
    /// <summary>Number of materials.</summary>
    public int Count => Materials.Length;

    /// <summary>Material by index.</summary>
    public ShowerMaterial this[int index] => Materials[index];
}
