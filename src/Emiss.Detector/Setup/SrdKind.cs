namespace Emiss.Detector.Setup;

/// <summary>Synchrotron-radiation detector technology (seed: BGO array or fine-grained Pb/Sc sandwich).</summary>
public enum SrdKind
{
    /// <summary>Fine-grained Pb/Sc sandwich (PbSc run).</summary>
    PbSc,
    /// <summary>Array of BGO crystals (BGO run).</summary>
    Bgo,
}
