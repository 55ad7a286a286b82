namespace Emiss.Shower.Geometry;

/// <summary>Shape of the lateral world boundary around the slab stack (the beam runs along z through x = y = 0).</summary>
public enum TransverseShape
{
    /// <summary>Square: |x|, |y| ≤ half-width.</summary>
    Box,
    /// <summary>Cylinder: √(x² + y²) ≤ radius.</summary>
    Cylinder,
}
