namespace Emiss.Core.Random;

/// <summary>
/// Independent random streams per stage, so retuning one stage (e.g. digitization) never
/// reshuffles another (e.g. showers). Values are part of the RNG scheme: never renumber.
/// </summary>
public enum StreamKind : ulong
{
    /// <summary>Beam particle generation.</summary>
    Beam = 1,
    /// <summary>Shower transport.</summary>
    Shower = 2,
    /// <summary>Detector digitization.</summary>
    Digitization = 3,
    /// <summary>Background sources.</summary>
    Background = 4,
    /// <summary>Pseudo-data generation.</summary>
    PseudoData = 5,
    /// <summary>Statistical toys.</summary>
    Toys = 6,
    /// <summary>Signal (A′) emission sampling.</summary>
    Signal = 7,
}
