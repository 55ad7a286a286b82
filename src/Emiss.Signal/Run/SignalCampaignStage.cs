namespace Emiss.Signal.Run;

/// <summary>A finished step of one mass of a <see cref="SignalCampaign"/>, reported in this order.</summary>
public enum SignalCampaignStage
{
    /// <summary>The A′-strahlung tables of the yield geometry are built.</summary>
    TablesBuilt,

    /// <summary>The analog yield-mode pass (the yield) is done.</summary>
    AnalogPassDone,

    /// <summary>The biased yield-mode pass (spectrum, weighted emissions, signal events) is done.</summary>
    BiasedPassDone,

    /// <summary>The detector-mode pass is done (only when detector events were requested).</summary>
    DetectorPassDone,
}
