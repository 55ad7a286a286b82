namespace Emiss.Shower.Geometry;

/// <summary>x–y segmentation of every readout section into Nx × Ny square cells of side <paramref name="SizeCm"/>, centred on the beam axis.</summary>
/// <param name="Nx">Cells along x.</param>
/// <param name="Ny">Cells along y.</param>
/// <param name="SizeCm">Cell pitch, cm.</param>
public sealed record CellGrid(int Nx, int Ny, double SizeCm)
{
    /// <summary>Cell index (row-major, iy·Nx + ix) at (x, y) in cm, or −1 outside the grid.</summary>
    public int CellAt(double xCm, double yCm)
    {
        int ix = (int)Math.Floor(xCm / SizeCm + 0.5 * Nx);
        int iy = (int)Math.Floor(yCm / SizeCm + 0.5 * Ny);
        return (uint)ix < (uint)Nx && (uint)iy < (uint)Ny ? iy * Nx + ix : -1;
    }

    /// <summary>Number of cells per section.</summary>
    public int Count => Nx * Ny;
}
