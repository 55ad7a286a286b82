namespace Emiss.Analysis.Limits;

/// <summary>Signal efficiency at mass nodes; interpolated linearly in ln m and held constant outside the nodes.</summary>
/// <param name="MassMeV">Mass nodes, MeV, strictly increasing.</param>
/// <param name="Signal">Total signal efficiency at each node, in (0, 1].</param>
public sealed record EfficiencyNodes(IReadOnlyList<double> MassMeV, IReadOnlyList<double> Signal);
