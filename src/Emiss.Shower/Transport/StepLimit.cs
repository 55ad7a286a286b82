namespace Emiss.Shower.Transport;

/// <summary>What ended a charged-particle step, and so what happens next.</summary>
internal enum StepLimit
{
    /// <summary>The continuous-loss step function or the multiple-scattering limit: the particle steps again.</summary>
    Continuous,

    /// <summary>A slab face along z: the particle crosses into the neighbouring slab (or out of the stack).</summary>
    SlabFace,

    /// <summary>The lateral boundary, reached or passed by the scattering displacement: the particle leaves the world.</summary>
    LateralEdge,

    /// <summary>The sampled distance to the next discrete interaction.</summary>
    Interaction,
}
