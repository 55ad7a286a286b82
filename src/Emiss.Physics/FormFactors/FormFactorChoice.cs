namespace Emiss.Physics.FormFactors;

/// <summary>Which Tsai form factors enter the photon flux χ (docs/physics/form-factors.md#effective-photon-flux; recorded in model metadata).</summary>
public enum FormFactorChoice
{
    /// <summary>Elastic (atomic screening × nuclear size) only, as in DMG4's analytic flux and σ_LL.</summary>
    ElasticOnly,

    /// <summary>Elastic plus inelastic (quasi-free proton) term with the squared proton factor; the Emiss default.</summary>
    ElasticAndInelastic,
}
