using Emiss.Analysis.Limits;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;
using Emiss.Testing;
using Xunit;

namespace Emiss.Analysis.Tests.Limits;

public class LimitDifferenceTests
{
    private static readonly double[] Masses = [1, 10, 100];

    private static LimitRequest Request(double pbsc, double bgo, double eff1, double eff1000, int observed, double background) => new(
        "na64-2016", 20160817, Mediator.Vector, ProductionApproximation.ImprovedWw, MaterialCatalog.Lead, Energy.FromGeV(100), 0.5,
        Masses, null, [new RunExposure("pbsc-srd", pbsc), new RunExposure("bgo-srd", bgo)],
        new EfficiencyNodes([1, 1000], [eff1, eff1000]), new CountingInput(observed, background, 0.90, 0.19),
        new MuonAnomalyMeasurement(288, 80, "BNL"), "test inputs");

    [Fact]
    public void With_no_event_observed_the_limits_differ_only_by_exposure_and_efficiency()
    {
        // The seed's inputs (PRL 118, 011802: 2.75e9 EOT, b = 0.15, efficiency 0.69 → 0.55) against derived-like ones
        // (fewer live EOT, lower efficiency, almost no background). With n = 0, CLs = P(0|s+b)/P(0|b) = e^(−s) for any b
        // (docs/physics/statistics.md#cls), so N90 = ln 10 for both: the count-limit factor is 1 and the ε90 ratio is
        // √(EOT_ref ε_ref / (EOT_other ε_other)) — closed forms, computed here from the inputs, not from the results.
        LimitResult card = LimitComputation.Run(Request(1.88e9, 0.87e9, 0.69, 0.55, 0, 0.15));
        LimitResult derived = LimitComputation.Run(Request(1.70e9, 0.80e9, 0.60, 0.40, 0, 4e-4));
        foreach (double m in Masses)
        {
            LimitDifference d = LimitDifference.At(card, 2.75e9, derived, 2.50e9, m);
            double effCard = 0.69 - 0.14 * Math.Log10(m) / 3, effDerived = 0.60 - 0.20 * Math.Log10(m) / 3;
            double expected = Math.Sqrt(2.75e9 * effCard / (2.50e9 * effDerived));
            Tolerance.Rel(1e-9, "closed form; N90 root found to 1e-11").AssertClose(1.0, d.CountLimitFactor, $"count-limit factor at {m} MeV");
            Tolerance.Rel(1e-9, "closed form √(EOT·ε ratio), same yield model").AssertClose(expected, d.Eps90Ratio, $"ε90 ratio at {m} MeV");
            Tolerance.Rel(1e-9, "factorisation ε90 = √(N90/S1)").AssertClose(d.Eps90Ratio, d.Explained, $"explained ratio at {m} MeV");
            Assert.Equal(1.0, d.YieldFactor);
        }
    }

    [Fact]
    public void One_observed_event_raises_the_count_limit_by_the_closed_form_factor()
    {
        // n = 1: CLs = e^(−s)(1 + s + b)/(1 + b) = 0.1 (Poisson CDFs, docs/physics/statistics.md#cls); solved here by bisection.
        const double b = 0.15;
        double lo = 0, hi = 20;
        for (int i = 0; i < 200; i++)
        {
            double s = 0.5 * (lo + hi);
            if (Math.Exp(-s) * (1 + s + b) / (1 + b) > 0.1) lo = s; else hi = s;
        }
        LimitResult zero = LimitComputation.Run(Request(1.88e9, 0.87e9, 0.69, 0.55, 0, b));
        LimitResult one = LimitComputation.Run(Request(1.88e9, 0.87e9, 0.69, 0.55, 1, b));
        LimitDifference d = LimitDifference.At(zero, 2.75e9, one, 2.75e9, 10);
        Tolerance.Rel(1e-8, "closed form n = 1 CLs root").AssertClose(Math.Sqrt(0.5 * (lo + hi) / Math.Log(10)), d.CountLimitFactor, "count-limit factor");
        Tolerance.Rel(1e-9, "factorisation ε90 = √(N90/S1)").AssertClose(d.CountLimitFactor, d.Eps90Ratio, "ε90 ratio");
    }
}
